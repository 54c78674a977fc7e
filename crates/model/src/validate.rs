//! Checking a scenario against the documented limits, in named steps: the text fields,
//! the time frame, the budget and mix, the population, the instruments (by iterating the
//! assumption table) and the targets.

use crate::assumption::{Assumption, Unit};
use crate::error::{Problem, ScenarioError, Whole};
use crate::instrument::Instrument;
use crate::limits::{self, *};
use crate::scenario::{FORMAT_VERSION, Scenario, TargetKind};

impl Scenario {
    /// Checks every field against the documented limits; the first problem found is
    /// returned, naming the field and the allowed range.
    pub fn validate(&self) -> Result<(), ScenarioError> {
        if self.version != FORMAT_VERSION {
            return Err(ScenarioError::new(
                "version",
                Problem::Version {
                    found: self.version,
                },
            ));
        }
        self.check_texts()?;
        self.check_time()?;
        self.check_budget()?;
        let total = self.check_segments()?;
        self.check_cells()?;
        self.check_population_rules()?;
        self.check_instruments()?;
        self.check_targets(total)
    }

    /// Names and descriptions: not too long, no control characters.
    fn check_texts(&self) -> Result<(), ScenarioError> {
        for (field, text) in [
            ("name", &self.name),
            ("description", &self.description),
            ("region", &self.region),
            ("technology", &self.technology),
        ] {
            check_text(field, text, field == "description")?;
        }
        Ok(())
    }

    /// The start year, the horizon, the headline year and the number of runs.
    fn check_time(&self) -> Result<(), ScenarioError> {
        let (y0, y1) = YEAR_RANGE;
        if !(y0..=y1).contains(&self.start_year) {
            return Err(ScenarioError::new(
                "start_year",
                between(Whole::Plain(y0.into()), Whole::Plain(y1.into())),
            ));
        }
        if !(1..=MAX_YEARS).contains(&self.years) {
            return Err(ScenarioError::new(
                "years",
                between(Whole::Plain(1), Whole::Plain(MAX_YEARS.into())),
            ));
        }
        if self.horizon_year() > y1 {
            return Err(ScenarioError::new(
                "years",
                Problem::HorizonPast { last: y1 },
            ));
        }
        if let Some(year) = self.headline_year
            && !(self.start_year + 1..=self.horizon_year()).contains(&year)
        {
            return Err(ScenarioError::new(
                "headline_year",
                between(
                    Whole::Plain((self.start_year + 1).into()),
                    Whole::Plain(self.horizon_year().into()),
                ),
            ));
        }
        if !(1..=MAX_RUNS).contains(&self.runs) {
            return Err(ScenarioError::new(
                "runs",
                between(Whole::Plain(1), Whole::Count(MAX_RUNS.into())),
            ));
        }
        Ok(())
    }

    /// The budget, the programme years and the mix.
    fn check_budget(&self) -> Result<(), ScenarioError> {
        check_number("budget_eur", self.budget_eur, 0.0, MAX_BUDGET_EUR)?;
        let max_prog = MAX_PROGRAMME_YEARS.min(self.years);
        if !(1..=max_prog).contains(&self.programme_years) {
            return Err(ScenarioError::new(
                "programme_years",
                Problem::ProgrammeYears { max: max_prog },
            ));
        }
        let shares = [
            ("mix.vouchers", self.mix.vouchers),
            ("mix.training", self.mix.training),
            ("mix.pilots", self.mix.pilots),
        ];
        for (field, v) in shares {
            check_number(field, v, 0.0, 1.0)?;
        }
        let sum: f64 = shares.iter().map(|(_, v)| v).sum();
        if (sum - 1.0).abs() > MIX_TOLERANCE {
            return Err(ScenarioError::new("mix", Problem::MixSum { sum }));
        }
        Ok(())
    }

    /// The segments, one by one and together; returns the total number of firms.
    fn check_segments(&self) -> Result<u64, ScenarioError> {
        if self.segments.is_empty() || self.segments.len() > MAX_SEGMENTS {
            return Err(ScenarioError::new(
                "segments",
                Problem::SegmentCount { max: MAX_SEGMENTS },
            ));
        }
        let mut total: u64 = 0;
        for (i, s) in self.segments.iter().enumerate() {
            let f = |name: &str| format!("segments[{i}].{name}");
            check_text(&f("name"), &s.name, false)?;
            if s.name.trim().is_empty() {
                return Err(ScenarioError::new(f("name"), Problem::NotEmpty));
            }
            if self.segments[..i].iter().any(|o| o.name == s.name) {
                return Err(ScenarioError::new(
                    f("name"),
                    Problem::NameUsed {
                        name: s.name.clone(),
                    },
                ));
            }
            if !(1..=MAX_FIRMS).contains(&s.firms) {
                return Err(ScenarioError::new(
                    f("firms"),
                    between(Whole::Plain(1), Whole::Count(MAX_FIRMS.into())),
                ));
            }
            if s.adopters > s.firms {
                return Err(ScenarioError::new(
                    f("adopters"),
                    Problem::AdoptersAboveFirms {
                        firms: s.firms,
                        adopters: s.adopters,
                    },
                ));
            }
            s.p.check(&f("p"), 0.0, 1.0)?;
            s.q.check(&f("q"), 0.0, MAX_Q)?;
            s.aware_share.check(&f("aware_share"), 0.0, 1.0)?;
            check_number(&f("exit_rate"), s.exit_rate, 0.0, MAX_TURNOVER_RATE)?;
            check_number(&f("entry_rate"), s.entry_rate, 0.0, MAX_TURNOVER_RATE)?;
            total += u64::from(s.firms);
        }
        if total > u64::from(MAX_FIRMS) {
            return Err(ScenarioError::new(
                "segments",
                Problem::TotalFirms {
                    max: MAX_FIRMS,
                    total,
                },
            ));
        }
        Ok(total)
    }

    /// The values kept in memory: runs x (years + 1) x segments.
    fn check_cells(&self) -> Result<(), ScenarioError> {
        let cells = u64::from(self.runs) * (u64::from(self.years) + 1) * self.segments.len() as u64;
        if cells > MAX_CELLS {
            return Err(ScenarioError::new(
                "runs",
                Problem::TooManyCells {
                    cells,
                    max: MAX_CELLS,
                },
            ));
        }
        Ok(())
    }

    /// The instruments, one after the other: for each, the costs from the assumption
    /// table, then the rules the table does not hold (a voucher's least cost, application
    /// rates), then the table's other rows and, for pilots, their saturation.
    fn check_instruments(&self) -> Result<(), ScenarioError> {
        for instrument in Instrument::ALL {
            let rows = Assumption::ALL
                .into_iter()
                .filter(|a| a.instrument() == instrument);
            let (costs, others): (Vec<_>, Vec<_>) = rows.partition(|a| a.spec().unit == Unit::Eur);
            for a in costs {
                check_assumption(self, a)?;
            }
            self.check_instrument_rules(instrument)?;
            for a in others {
                check_assumption(self, a)?;
            }
        }
        let (min, max) = HALF_SATURATION_PER_1000;
        check_number(
            "pilots.half_saturation_per_1000",
            self.pilots.half_saturation_per_1000,
            min,
            max,
        )
    }

    /// How uncertainty is shared across segments, and how non-adopters differ in
    /// readiness.
    fn check_population_rules(&self) -> Result<(), ScenarioError> {
        check_number("segment_spread", self.segment_spread, 0.0, 1.0)?;
        let r = &self.readiness;
        r.share.check("readiness.share", 0.0, MAX_READY_SHARE)?;
        r.ratio.check("readiness.ratio", 1.0, MAX_READINESS_RATIO)
    }

    /// An instrument's rules beside the assumption table.
    fn check_instrument_rules(&self, instrument: Instrument) -> Result<(), ScenarioError> {
        let (apply_lia, apply_aware) = match instrument {
            Instrument::Vouchers => {
                let v = &self.vouchers;
                if v.value_eur + v.admin_eur < MIN_VOUCHER_COST_EUR {
                    return Err(ScenarioError::new(
                        Assumption::VoucherValue.key(),
                        Problem::VoucherMinimum,
                    ));
                }
                (v.apply_lia, v.apply_aware)
            }
            Instrument::Training => return Ok(()),
            Instrument::Pilots => (self.pilots.apply_lia, self.pilots.apply_aware),
        };
        let key = instrument.key();
        apply_lia.check(&format!("{key}.apply_lia"), 0.0, 1.0)?;
        apply_aware.check(&format!("{key}.apply_aware"), 0.0, 1.0)
    }

    /// The targets: how many, and each one's year and value.
    fn check_targets(&self, total: u64) -> Result<(), ScenarioError> {
        if self.targets.len() > MAX_TARGETS {
            return Err(ScenarioError::new(
                "targets",
                Problem::TargetCount { max: MAX_TARGETS },
            ));
        }
        for (i, target) in self.targets.iter().enumerate() {
            let f = |name: &str| format!("targets[{i}].{name}");
            check_text(&f("label"), &target.label, false)?;
            if !(self.start_year..=self.horizon_year()).contains(&target.year) {
                return Err(ScenarioError::new(
                    f("year"),
                    Problem::TargetYear {
                        start: self.start_year,
                        horizon: self.horizon_year(),
                    },
                ));
            }
            let max = match target.kind {
                TargetKind::AdoptionShare => 1.0,
                TargetKind::Adopters | TargetKind::AdditionalAdopters => total as f64,
            };
            check_number(&f("value"), target.value, 0.0, max)?;
        }
        Ok(())
    }
}

/// Checks one assumption against its row of the table.
fn check_assumption(s: &Scenario, a: Assumption) -> Result<(), ScenarioError> {
    let spec = a.spec();
    if !spec.whole {
        return a.get(s).check(spec.key, spec.min, spec.max);
    }
    let v = a.get(s).central();
    if (spec.min..=spec.max).contains(&v) {
        return Ok(());
    }
    // Counts of firms are written grouped (1,000), years plainly.
    let max = match spec.unit {
        Unit::Firms => Whole::Count(spec.max as u64),
        _ => Whole::Plain(spec.max as i64),
    };
    Err(ScenarioError::new(
        spec.key,
        between(Whole::Plain(spec.min as i64), max),
    ))
}

fn check_number(field: &str, v: f64, min: f64, max: f64) -> Result<(), ScenarioError> {
    if v.is_finite() && v >= min && v <= max {
        Ok(())
    } else {
        Err(ScenarioError::new(
            field,
            Problem::Between { min, max, got: v },
        ))
    }
}

fn check_text(field: &str, text: &str, long: bool) -> Result<(), ScenarioError> {
    let max = if long {
        4 * limits::MAX_TEXT
    } else {
        limits::MAX_TEXT
    };
    let n = text.chars().count();
    if n > max {
        return Err(ScenarioError::new(
            field,
            Problem::TextTooLong { max, got: n },
        ));
    }
    if text.chars().any(char::is_control) {
        return Err(ScenarioError::new(field, Problem::ControlCharacters));
    }
    Ok(())
}

/// A range problem: the value must lie between `min` and `max`.
fn between(min: Whole, max: Whole) -> Problem {
    Problem::WholeBetween { min, max }
}
