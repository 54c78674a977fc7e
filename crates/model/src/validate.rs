//! Checking a scenario against the documented limits, in named steps: the text fields,
//! the time frame, the budget and mix, the population, the instruments (by iterating the
//! assumption table) and the targets.

use crate::assumption::{Assumption, Unit};
use crate::error::ScenarioError;
use crate::limits::{self, *};
use crate::message::{Arg, Key, Message};
use crate::scenario::{FORMAT_VERSION, Scenario, TargetKind};

impl Scenario {
    /// Checks every field against the documented limits; the first problem found is
    /// returned, naming the field and the allowed range.
    pub fn validate(&self) -> Result<(), ScenarioError> {
        if self.version != FORMAT_VERSION {
            return Err(ScenarioError::Version {
                found: self.version,
            });
        }
        self.check_texts()?;
        self.check_time()?;
        self.check_budget()?;
        let total = self.check_segments()?;
        self.check_cells()?;
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

    /// The start year, the horizon and the number of runs.
    fn check_time(&self) -> Result<(), ScenarioError> {
        let (y0, y1) = YEAR_RANGE;
        if !(y0..=y1).contains(&self.start_year) {
            return Err(ScenarioError::field(
                "start_year",
                between(Arg::Plain(y0.into()), Arg::Plain(y1.into())),
            ));
        }
        if !(1..=MAX_YEARS).contains(&self.years) {
            return Err(ScenarioError::field(
                "years",
                between(Arg::Plain(1), Arg::Plain(MAX_YEARS.into())),
            ));
        }
        if self.horizon_year() > y1 {
            return Err(ScenarioError::field(
                "years",
                Message::new(Key::HorizonPast, [Arg::Plain(y1.into())]),
            ));
        }
        if !(1..=MAX_RUNS).contains(&self.runs) {
            return Err(ScenarioError::field(
                "runs",
                between(Arg::Plain(1), Arg::Count(MAX_RUNS.into())),
            ));
        }
        Ok(())
    }

    /// The budget, the programme years and the mix.
    fn check_budget(&self) -> Result<(), ScenarioError> {
        check_number("budget_eur", self.budget_eur, 0.0, MAX_BUDGET_EUR)?;
        let max_prog = MAX_PROGRAMME_YEARS.min(self.years);
        if !(1..=max_prog).contains(&self.programme_years) {
            return Err(ScenarioError::field(
                "programme_years",
                Message::new(Key::ProgrammeYears, [Arg::Plain(max_prog.into())]),
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
            return Err(ScenarioError::field(
                "mix",
                Message::new(Key::MixSum, [Arg::Number(sum)]),
            ));
        }
        Ok(())
    }

    /// The segments, one by one and together; returns the total number of firms.
    fn check_segments(&self) -> Result<u64, ScenarioError> {
        if self.segments.is_empty() || self.segments.len() > MAX_SEGMENTS {
            return Err(ScenarioError::field(
                "segments",
                Message::new(Key::SegmentCount, [Arg::Plain(MAX_SEGMENTS as i64)]),
            ));
        }
        let mut total: u64 = 0;
        for (i, s) in self.segments.iter().enumerate() {
            let f = |name: &str| format!("segments[{i}].{name}");
            check_text(&f("name"), &s.name, false)?;
            if s.name.trim().is_empty() {
                return Err(ScenarioError::field(f("name"), Key::NotEmpty));
            }
            if self.segments[..i].iter().any(|o| o.name == s.name) {
                return Err(ScenarioError::field(
                    f("name"),
                    Message::new(Key::NameUsed, [Arg::text(&s.name)]),
                ));
            }
            if !(1..=MAX_FIRMS).contains(&s.firms) {
                return Err(ScenarioError::field(
                    f("firms"),
                    between(Arg::Plain(1), Arg::Count(MAX_FIRMS.into())),
                ));
            }
            if s.adopters > s.firms {
                return Err(ScenarioError::field(
                    f("adopters"),
                    Message::new(
                        Key::AdoptersAboveFirms,
                        [Arg::Count(s.firms.into()), Arg::Count(s.adopters.into())],
                    ),
                ));
            }
            s.p.check(&f("p"), 0.0, 1.0)?;
            s.q.check(&f("q"), 0.0, MAX_Q)?;
            s.aware_share.check(&f("aware_share"), 0.0, 1.0)?;
            total += u64::from(s.firms);
        }
        if total > u64::from(MAX_FIRMS) {
            return Err(ScenarioError::field(
                "segments",
                Message::new(
                    Key::TotalFirms,
                    [Arg::Count(MAX_FIRMS.into()), Arg::Count(total)],
                ),
            ));
        }
        Ok(total)
    }

    /// The values kept in memory: runs x (years + 1) x segments.
    fn check_cells(&self) -> Result<(), ScenarioError> {
        let cells = u64::from(self.runs) * (u64::from(self.years) + 1) * self.segments.len() as u64;
        if cells > MAX_CELLS {
            return Err(ScenarioError::field(
                "runs",
                Message::new(
                    Key::TooManyCells,
                    [Arg::Count(cells), Arg::Count(MAX_CELLS)],
                ),
            ));
        }
        Ok(())
    }

    /// The instruments: the assumption table's rows, then the rules it does not hold.
    fn check_instruments(&self) -> Result<(), ScenarioError> {
        for a in Assumption::ALL {
            check_assumption(self, a)?;
        }
        let v = &self.vouchers;
        if v.value_eur + v.admin_eur < MIN_VOUCHER_COST_EUR {
            return Err(ScenarioError::field(
                Assumption::VoucherValue.key(),
                Key::VoucherMinimum,
            ));
        }
        v.apply_lia.check("vouchers.apply_lia", 0.0, 1.0)?;
        v.apply_aware.check("vouchers.apply_aware", 0.0, 1.0)?;
        let p = &self.pilots;
        p.apply_lia.check("pilots.apply_lia", 0.0, 1.0)?;
        p.apply_aware.check("pilots.apply_aware", 0.0, 1.0)?;
        check_number("pilots.half_saturation", p.half_saturation, 0.1, 1_000.0)?;
        Ok(())
    }

    /// The targets: how many, and each one's year and value.
    fn check_targets(&self, total: u64) -> Result<(), ScenarioError> {
        if self.targets.len() > MAX_TARGETS {
            return Err(ScenarioError::field(
                "targets",
                Message::new(Key::TargetCount, [Arg::Plain(MAX_TARGETS as i64)]),
            ));
        }
        for (i, target) in self.targets.iter().enumerate() {
            let f = |name: &str| format!("targets[{i}].{name}");
            check_text(&f("label"), &target.label, false)?;
            if !(self.start_year..=self.horizon_year()).contains(&target.year) {
                return Err(ScenarioError::field(
                    f("year"),
                    Message::new(
                        Key::TargetYear,
                        [
                            Arg::Plain(self.start_year.into()),
                            Arg::Plain(self.horizon_year().into()),
                        ],
                    ),
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
        Unit::Firms => Arg::Count(spec.max as u64),
        _ => Arg::Plain(spec.max as i64),
    };
    Err(ScenarioError::field(
        spec.key,
        between(Arg::Plain(spec.min as i64), max),
    ))
}

fn check_number(field: &str, v: f64, min: f64, max: f64) -> Result<(), ScenarioError> {
    if v.is_finite() && v >= min && v <= max {
        Ok(())
    } else {
        Err(ScenarioError::field(
            field,
            Message::new(
                Key::BetweenGot,
                [Arg::Number(min), Arg::Number(max), Arg::Number(v)],
            ),
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
        return Err(ScenarioError::field(
            field,
            Message::new(
                Key::TextTooLong,
                [Arg::Plain(max as i64), Arg::Plain(n as i64)],
            ),
        ));
    }
    if text.chars().any(char::is_control) {
        return Err(ScenarioError::field(field, Key::ControlCharacters));
    }
    Ok(())
}

/// A range problem: the value must lie between `min` and `max`.
fn between(min: Arg, max: Arg) -> Message {
    Message::new(Key::Between, [min, max])
}
