//! The scenario: everything a run needs, as read from a JSON file, a preset or the page.
//!
//! These are plain types; [`Scenario::validate`] checks one. Reading a scenario file, with
//! its documented defaults for omitted fields (`docs/scenario.md`), is
//! `adoption_formats::scenario`'s job.

use serde::{Deserialize, Serialize};

use crate::instrument::Instrument;
use crate::param::Param;

/// The scenario format version this crate reads and writes.
pub const FORMAT_VERSION: u64 = 1;

pub use crate::limits;

/// A complete policy scenario: population, budget, mix, instrument assumptions and targets.
///
/// The reference scenario is the `cantabria` preset (`adoption_formats::preset`): the
/// core holds no preset data.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default = "blank::scenario", deny_unknown_fields)]
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
#[serde(default = "blank::mix", deny_unknown_fields)]
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
    #[serde(default = "blank::param")]
    pub p: Param,
    /// Bass imitation coefficient: how strongly the adopter share pulls non-adopters in.
    #[serde(default = "blank::param")]
    pub q: Param,
    /// Share of non-adopters that are already innovation-aware (the rest are
    /// less-innovation-aware, "LIA"); aware firms apply for support far more often.
    #[serde(default = "blank::param")]
    pub aware_share: Param,
}

/// Digitalisation vouchers: a grant towards adopting, used or not by the recipient.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default = "blank::vouchers", deny_unknown_fields)]
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
#[serde(default = "blank::training", deny_unknown_fields)]
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
#[serde(default = "blank::pilots", deny_unknown_fields)]
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

/// What a field omitted from the JSON reads as: a neutral zero, never preset data.
///
/// NOTE: these are placeholders, not defaults. A scenario file's omitted fields are filled
/// from a frozen, versioned base before it is read (`adoption_formats::scenario`); the
/// lenient reading only lets a reader name the first wrong field with its line and column
/// while fields are still missing.
mod blank {
    use super::*;

    pub(super) fn scenario() -> Scenario {
        Scenario {
            version: 0,
            name: String::new(),
            description: String::new(),
            region: String::new(),
            technology: String::new(),
            start_year: 0,
            years: 0,
            runs: 0,
            seed: 0,
            budget_eur: 0.0,
            programme_years: 0,
            mix: mix(),
            segments: Vec::new(),
            vouchers: vouchers(),
            training: training(),
            pilots: pilots(),
            targets: Vec::new(),
        }
    }

    pub(super) fn param() -> Param {
        Param::Exact(0.0)
    }

    pub(super) fn mix() -> Mix {
        Mix {
            vouchers: 0.0,
            training: 0.0,
            pilots: 0.0,
        }
    }

    pub(super) fn vouchers() -> Vouchers {
        Vouchers {
            value_eur: 0.0,
            admin_eur: 0.0,
            apply_lia: param(),
            apply_aware: param(),
            used: param(),
            conversion: param(),
        }
    }

    pub(super) fn training() -> Training {
        Training {
            cost_per_action_eur: 0.0,
            firms_per_action: 0,
            uplift: param(),
            effect_years: 0,
        }
    }

    pub(super) fn pilots() -> Pilots {
        Pilots {
            cost_eur: 0.0,
            apply_lia: param(),
            apply_aware: param(),
            success: param(),
            peer_weight: param(),
            half_saturation: 0.0,
        }
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
