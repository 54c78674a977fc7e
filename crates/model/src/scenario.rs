//! The scenario: everything a run needs, as read from a JSON file, a preset or the page.
//!
//! Every field has a documented default (see `docs/scenario.md`), so a scenario file only
//! has to say what differs. [`Scenario::from_json`] reads and checks in one step;
//! [`Scenario::validate`] checks a scenario built in code.

use serde::{Deserialize, Serialize};

use crate::error::ScenarioError;
use crate::message::{Arg, Key, Message};
use crate::param::Param;

/// The scenario format version this crate reads and writes.
pub const FORMAT_VERSION: u64 = 1;

/// Documented limits on scenario values. A value outside them is refused with a message
/// naming the field and the allowed range.
pub mod limits {
    /// Most simulated years after the start year.
    pub const MAX_YEARS: u32 = 50;
    /// Most Monte Carlo runs in one simulation.
    pub const MAX_RUNS: u32 = 100_000;
    /// Most programme years (years in which the budget is spent).
    pub const MAX_PROGRAMME_YEARS: u32 = 10;
    /// Most population segments.
    pub const MAX_SEGMENTS: usize = 20;
    /// Most firms in one segment, and in the whole population.
    pub const MAX_FIRMS: u32 = 10_000_000;
    /// Largest budget, in euros.
    pub const MAX_BUDGET_EUR: f64 = 10_000_000_000.0;
    /// Largest unit cost (voucher value, admin cost, training action, pilot), in euros.
    pub const MAX_UNIT_COST_EUR: f64 = 10_000_000.0;
    /// Most firms in one training action.
    pub const MAX_FIRMS_PER_ACTION: u32 = 1_000;
    /// Longest effect of training, in years.
    pub const MAX_EFFECT_YEARS: u32 = 20;
    /// Largest imitation coefficient `q`.
    pub const MAX_Q: f64 = 1.0;
    /// Largest number of ordinary adopters one lighthouse pilot can be worth.
    pub const MAX_PEER_WEIGHT: f64 = 1_000.0;
    /// Most targets.
    pub const MAX_TARGETS: usize = 10;
    /// Longest name, description or label, in characters.
    pub const MAX_TEXT: usize = 200;
    /// Most stored values (runs x (years + 1) x segments); bounds memory to about 128 MB.
    pub const MAX_CELLS: u64 = 16_000_000;
    /// Allowed calendar years.
    pub const YEAR_RANGE: (i32, i32) = (1990, 2100);
    /// How far the mix shares may sum away from 1.
    pub const MIX_TOLERANCE: f64 = 1e-6;
}

/// A complete policy scenario: population, budget, mix, instrument assumptions and targets.
///
/// `Default` is the reference scenario, the `cantabria` preset.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Scenario {
    /// Scenario format version; must be 1.
    pub version: u64,
    /// A short name for the scenario.
    pub name: String,
    /// One line saying what the scenario represents and where its numbers come from.
    pub description: String,
    /// The region the population describes.
    pub region: String,
    /// What "adopting" means: the technology or bundle counted (initial shares follow it).
    pub technology: String,
    /// Calendar year of year 0, the observed starting point.
    pub start_year: i32,
    /// Years simulated after year 0 (the horizon).
    pub years: u32,
    /// Monte Carlo runs.
    pub runs: u32,
    /// Seed of the random streams: same seed, same numbers.
    pub seed: u64,
    /// Total public budget over the programme, in euros.
    pub budget_eur: f64,
    /// Years over which the budget is spent, starting in year 1.
    pub programme_years: u32,
    /// How the budget is split across the three instruments.
    pub mix: Mix,
    /// The population of firms, in segments.
    pub segments: Vec<Segment>,
    /// Digitalisation vouchers.
    pub vouchers: Vouchers,
    /// Training actions.
    pub training: Training,
    /// Pilot / demonstration projects.
    pub pilots: Pilots,
    /// Targets whose chance of being met is reported (none unless listed: a file's
    /// targets are its own, never the reference scenario's).
    #[serde(default)]
    pub targets: Vec<Target>,
}

/// Shares of the budget per instrument; each in [0, 1], together 1.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Mix {
    /// Share spent on digitalisation vouchers.
    pub vouchers: f64,
    /// Share spent on training actions.
    pub training: f64,
    /// Share spent on pilot / demonstration projects.
    pub pilots: f64,
}

/// A group of similar firms (e.g. a size class or a sector) with its own diffusion speed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Segment {
    /// Name shown in tables and legends.
    pub name: String,
    /// Number of firms.
    pub firms: u32,
    /// Firms that have already adopted in year 0.
    pub adopters: u32,
    /// Bass innovation coefficient: yearly chance a non-adopter adopts on its own.
    #[serde(default = "Segment::default_p")]
    pub p: Param,
    /// Bass imitation coefficient: how strongly the adopter share pulls non-adopters in.
    #[serde(default = "Segment::default_q")]
    pub q: Param,
    /// Share of non-adopters that are already innovation-aware (the rest are
    /// less-innovation-aware, "LIA"); aware firms apply for support far more often.
    #[serde(default = "Segment::default_aware_share")]
    pub aware_share: Param,
}

/// Digitalisation vouchers: a grant towards adopting, used or not by the recipient.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Vouchers {
    /// Grant paid per used voucher, in euros.
    pub value_eur: f64,
    /// Administration cost per awarded voucher, in euros.
    pub admin_eur: f64,
    /// Yearly chance a less-innovation-aware non-adopter applies.
    pub apply_lia: Param,
    /// Yearly chance an aware (or trained) non-adopter applies.
    pub apply_aware: Param,
    /// Chance an awarded voucher is used (unused grants are not paid).
    pub used: Param,
    /// Chance a used voucher leads its recipient to adopt.
    pub conversion: Param,
}

/// Training actions: small groups of less-innovation-aware firms made aware.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Training {
    /// Cost of one training action, in euros.
    pub cost_per_action_eur: f64,
    /// New firms reached by one action.
    pub firms_per_action: u32,
    /// Added yearly chance of adopting for a trained firm while the effect lasts.
    pub uplift: Param,
    /// Years the uplift lasts, counting the year of training.
    pub effect_years: u32,
}

/// Pilot / demonstration projects: a host adopts, and its success is visible to peers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Pilots {
    /// Public cost of one pilot, in euros.
    pub cost_eur: f64,
    /// Yearly chance a less-innovation-aware non-adopter applies to host a pilot.
    pub apply_lia: Param,
    /// Yearly chance an aware (or trained) non-adopter applies to host a pilot.
    pub apply_aware: Param,
    /// Chance a pilot succeeds and its host adopts.
    pub success: Param,
    /// How many ordinary adopters one successful pilot is worth to its segment's peers.
    pub peer_weight: Param,
    /// Successful pilots in a segment at which their visibility reaches half its ceiling
    /// (diminishing returns).
    pub half_saturation: f64,
}

/// A target whose chance of being met is reported.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Target {
    /// What is measured.
    pub kind: TargetKind,
    /// Calendar year by which the target is to be met.
    pub year: i32,
    /// The threshold: a count of firms, or a share in [0, 1] for `adoption_share`.
    pub value: f64,
    /// Optional label for tables and the chart.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub label: String,
}

/// What a [`Target`] measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetKind {
    /// Additional adopters (policy minus baseline) at least `value`.
    AdditionalAdopters,
    /// Adopters under the policy at least `value`.
    Adopters,
    /// Share of all firms that have adopted, under the policy, at least `value`.
    AdoptionShare,
}

impl Segment {
    fn default_p() -> Param {
        crate::preset::defaults::P
    }
    fn default_q() -> Param {
        crate::preset::defaults::Q
    }
    fn default_aware_share() -> Param {
        crate::preset::defaults::AWARE_SHARE
    }
}

impl Default for Scenario {
    fn default() -> Self {
        crate::preset::cantabria()
    }
}

impl Default for Mix {
    fn default() -> Self {
        Scenario::default().mix
    }
}

impl Default for Vouchers {
    fn default() -> Self {
        crate::preset::defaults::vouchers()
    }
}

impl Default for Training {
    fn default() -> Self {
        crate::preset::defaults::training()
    }
}

impl Default for Pilots {
    fn default() -> Self {
        crate::preset::defaults::pilots()
    }
}

impl Mix {
    /// The shares in instrument order: vouchers, training, pilots.
    pub fn shares(&self) -> [f64; 3] {
        [self.vouchers, self.training, self.pilots]
    }
}

impl Scenario {
    /// Reads a scenario from JSON text and checks it.
    ///
    /// # Example
    /// ```
    /// let s = adoption_model::Scenario::from_json(r#"{"version": 1, "budget_eur": 0}"#).unwrap();
    /// assert_eq!(s.budget_eur, 0.0);
    /// let err = adoption_model::Scenario::from_json(r#"{"version": 1, "years": 500}"#).unwrap_err();
    /// assert!(err.to_string().contains("years"));
    /// ```
    pub fn from_json(text: &str) -> Result<Scenario, ScenarioError> {
        let scenario = Self::from_json_unchecked(text)?;
        scenario.validate()?;
        Ok(scenario)
    }

    /// Reads a scenario from JSON text without range checks (types and names are checked).
    pub fn from_json_unchecked(text: &str) -> Result<Scenario, ScenarioError> {
        let value: serde_json::Value = match serde_json::from_str(text) {
            Ok(v) => v,
            // Not JSON: read again with the field tracker, to say where reading stopped.
            Err(e) => {
                return Err(read_tracked(text)
                    .err()
                    .unwrap_or_else(|| syntax_error(String::new(), &e)));
            }
        };
        let Some(object) = value.as_object() else {
            return Err(ScenarioError::Syntax {
                path: String::new(),
                message: Message::new(Key::NotAnObject, [Arg::Plain(FORMAT_VERSION as i64)]),
                line: 1,
                column: 1,
            });
        };
        // The version is checked first so that a future format gets a clear message
        // instead of a complaint about whichever field it renamed.
        match object.get("version") {
            None => {
                return Err(ScenarioError::field(
                    "version",
                    Message::new(Key::VersionRequired, [Arg::Plain(FORMAT_VERSION as i64)]),
                ));
            }
            Some(serde_json::Value::Number(n)) if n.as_u64() == Some(FORMAT_VERSION) => {}
            Some(serde_json::Value::Number(n)) if n.as_u64().is_some() => {
                return Err(ScenarioError::Version {
                    found: n.as_u64().unwrap_or_default(),
                });
            }
            Some(other) => {
                return Err(ScenarioError::field(
                    "version",
                    Message::new(
                        Key::VersionNotWhole,
                        [
                            Arg::Plain(FORMAT_VERSION as i64),
                            Arg::text(&other.to_string()),
                        ],
                    ),
                ));
            }
        }
        let mut scenario = read_tracked(text)?;
        scenario.normalize();
        // An omitted programme fits inside a short horizon rather than failing it.
        if !object.contains_key("programme_years") {
            scenario.programme_years = scenario.programme_years.min(scenario.years.max(1));
        }
        Ok(scenario)
    }

    /// The scenario with every number kept to 15 significant digits (see
    /// [`crate::param::tidy15`]), so that it survives any JSON round trip exactly. Reading
    /// a scenario does this; so must any code that computes a number into one.
    pub fn normalize(&mut self) {
        use crate::param::tidy15;
        self.budget_eur = tidy15(self.budget_eur);
        for share in [
            &mut self.mix.vouchers,
            &mut self.mix.training,
            &mut self.mix.pilots,
        ] {
            *share = tidy15(*share);
        }
        for s in &mut self.segments {
            s.p = s.p.tidied();
            s.q = s.q.tidied();
            s.aware_share = s.aware_share.tidied();
        }
        let v = &mut self.vouchers;
        v.value_eur = tidy15(v.value_eur);
        v.admin_eur = tidy15(v.admin_eur);
        for p in [
            &mut v.apply_lia,
            &mut v.apply_aware,
            &mut v.used,
            &mut v.conversion,
        ] {
            *p = p.tidied();
        }
        self.training.cost_per_action_eur = tidy15(self.training.cost_per_action_eur);
        self.training.uplift = self.training.uplift.tidied();
        let p = &mut self.pilots;
        p.cost_eur = tidy15(p.cost_eur);
        p.half_saturation = tidy15(p.half_saturation);
        for x in [
            &mut p.apply_lia,
            &mut p.apply_aware,
            &mut p.success,
            &mut p.peer_weight,
        ] {
            *x = x.tidied();
        }
        for t in &mut self.targets {
            t.value = tidy15(t.value);
        }
    }

    /// Compact JSON for this scenario (every field written out).
    pub fn to_json(&self) -> String {
        // Serialising plain data with string keys cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Pretty JSON for this scenario (every field written out).
    pub fn to_json_pretty(&self) -> String {
        // Serialising plain data with string keys cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Total firms across segments.
    pub fn total_firms(&self) -> u64 {
        self.segments.iter().map(|s| u64::from(s.firms)).sum()
    }

    /// Total initial adopters across segments.
    pub fn total_adopters(&self) -> u64 {
        self.segments.iter().map(|s| u64::from(s.adopters)).sum()
    }

    /// Calendar year of the last simulated year.
    pub fn horizon_year(&self) -> i32 {
        self.start_year.saturating_add(self.years as i32)
    }

    /// Checks every field against the documented limits; the first problem found is
    /// returned, naming the field and the allowed range.
    pub fn validate(&self) -> Result<(), ScenarioError> {
        use limits::*;
        if self.version != FORMAT_VERSION {
            return Err(ScenarioError::Version {
                found: self.version,
            });
        }
        for (field, text) in [
            ("name", &self.name),
            ("description", &self.description),
            ("region", &self.region),
            ("technology", &self.technology),
        ] {
            check_text(field, text, field == "description")?;
        }
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
        let v = &self.vouchers;
        check_number("vouchers.value_eur", v.value_eur, 0.0, MAX_UNIT_COST_EUR)?;
        check_number("vouchers.admin_eur", v.admin_eur, 0.0, MAX_UNIT_COST_EUR)?;
        if v.value_eur + v.admin_eur < 1.0 {
            return Err(ScenarioError::field(
                "vouchers.value_eur",
                Key::VoucherMinimum,
            ));
        }
        v.apply_lia.check("vouchers.apply_lia", 0.0, 1.0)?;
        v.apply_aware.check("vouchers.apply_aware", 0.0, 1.0)?;
        v.used.check("vouchers.used", 0.0, 1.0)?;
        v.conversion.check("vouchers.conversion", 0.0, 1.0)?;
        let t = &self.training;
        check_number(
            "training.cost_per_action_eur",
            t.cost_per_action_eur,
            1.0,
            MAX_UNIT_COST_EUR,
        )?;
        if !(1..=MAX_FIRMS_PER_ACTION).contains(&t.firms_per_action) {
            return Err(ScenarioError::field(
                "training.firms_per_action",
                between(Arg::Plain(1), Arg::Count(MAX_FIRMS_PER_ACTION.into())),
            ));
        }
        t.uplift.check("training.uplift", 0.0, 1.0)?;
        if t.effect_years > MAX_EFFECT_YEARS {
            return Err(ScenarioError::field(
                "training.effect_years",
                between(Arg::Plain(0), Arg::Plain(MAX_EFFECT_YEARS.into())),
            ));
        }
        let p = &self.pilots;
        check_number("pilots.cost_eur", p.cost_eur, 1.0, MAX_UNIT_COST_EUR)?;
        p.apply_lia.check("pilots.apply_lia", 0.0, 1.0)?;
        p.apply_aware.check("pilots.apply_aware", 0.0, 1.0)?;
        p.success.check("pilots.success", 0.0, 1.0)?;
        p.peer_weight
            .check("pilots.peer_weight", 0.0, MAX_PEER_WEIGHT)?;
        check_number("pilots.half_saturation", p.half_saturation, 0.1, 1_000.0)?;
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

/// Reads a scenario from the text (not a parsed value, so errors carry line and column),
/// naming the field where reading stopped.
fn read_tracked(text: &str) -> Result<Scenario, ScenarioError> {
    serde_json::from_str(text).map_err(|e| {
        let path = crate::json_path::path_at(
            text,
            crate::json_path::offset_of(text, e.line(), e.column()),
        );
        syntax_error(path, &e)
    })
}

fn syntax_error(path: String, e: &serde_json::Error) -> ScenarioError {
    use serde_json::error::Category;
    // serde_json appends " at line L column C"; keep the message short and give the
    // position separately.
    let full = e.to_string();
    let words = match full.rfind(" at line ") {
        Some(i) => &full[..i],
        None => &full,
    };
    // The JSON reader's words are English; the kind of problem (and the name it is about)
    // lets other languages say it their way.
    // `unknown field `x`, expected one of ...`: the name, then the rest of the words.
    let named = |prefix: &str| {
        let quoted = words.strip_prefix(prefix)?.strip_prefix('`')?;
        let end = quoted.find('`')?;
        let rest = quoted[end + 1..].trim_start_matches([',', ' ']);
        Some((Arg::text(&quoted[..end]), Arg::Text(clip(rest))))
    };
    let message = match e.classify() {
        Category::Eof => Message::new(Key::JsonEof, [Arg::Text(clip(words))]),
        Category::Syntax | Category::Io => Message::new(Key::JsonSyntax, [Arg::Text(clip(words))]),
        Category::Data => {
            if let Some((name, rest)) = named("unknown field ") {
                Message::new(Key::JsonUnknownField, [name, rest])
            } else if let Some((name, _)) = named("missing field ") {
                Message::new(Key::JsonMissingField, [name])
            } else if let Some((name, rest)) = named("unknown variant ") {
                Message::new(Key::JsonUnknownVariant, [name, rest])
            } else if words.starts_with("invalid type") {
                Message::new(Key::JsonWrongType, [Arg::Text(clip(words))])
            } else {
                Message::new(Key::JsonData, [Arg::Text(clip(words))])
            }
        }
    };
    ScenarioError::Syntax {
        path: clip(&path),
        message,
        line: e.line(),
        column: e.column(),
    }
}

/// A range problem: the value must lie between `min` and `max`.
fn between(min: Arg, max: Arg) -> Message {
    Message::new(Key::Between, [min, max])
}

/// Text for a message, cut to a length that fits one line (long enough for the JSON
/// reader's list of a scenario's field names).
fn clip(text: &str) -> String {
    const MAX: usize = 320;
    if text.chars().count() <= MAX {
        text.to_string()
    } else {
        let cut: String = text.chars().take(MAX).collect();
        format!("{cut}…")
    }
}
