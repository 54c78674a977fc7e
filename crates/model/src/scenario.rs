//! The scenario: everything a run needs, as read from a JSON file, a preset or the page.
//!
//! Every field has a documented default (see `docs/scenario.md`), so a scenario file only
//! has to say what differs. [`Scenario::from_json`] reads and checks in one step;
//! [`Scenario::validate`] checks a scenario built in code.

use serde::{Deserialize, Serialize};

use crate::error::ScenarioError;
use crate::instrument::Instrument;
use crate::message::{Arg, Key, Message};
use crate::param::Param;

/// The scenario format version this crate reads and writes.
pub const FORMAT_VERSION: u64 = 1;

pub use crate::limits;

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
    /// The share of one instrument.
    pub fn share(&self, instrument: Instrument) -> f64 {
        match instrument {
            Instrument::Vouchers => self.vouchers,
            Instrument::Training => self.training,
            Instrument::Pilots => self.pilots,
        }
    }

    /// Sets the share of one instrument (the others are left as they are).
    pub fn set_share(&mut self, instrument: Instrument, share: f64) {
        match instrument {
            Instrument::Vouchers => self.vouchers = share,
            Instrument::Training => self.training = share,
            Instrument::Pilots => self.pilots = share,
        }
    }

    /// The shares in instrument order ([`Instrument::ALL`]).
    pub fn shares(&self) -> [f64; 3] {
        Instrument::ALL.map(|i| self.share(i))
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
