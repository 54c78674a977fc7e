//! The scenario: everything a run needs, as read from a JSON file, a preset or the page.
//!
//! These are plain types; [`Scenario::validate`] checks one. Reading a scenario file, with
//! its documented defaults for omitted fields (`docs/scenario.md`), is
//! `adoption_formats::scenario`'s job.

use serde::{Deserialize, Serialize};

use crate::instrument::Instrument;
use crate::param::Param;

/// The scenario format version this crate reads and writes.
pub const FORMAT_VERSION: u64 = 2;

pub use crate::limits;

/// A complete policy scenario: population, budget, mix, instrument assumptions and targets.
///
/// The reference scenario is the `cantabria` preset (`adoption_formats::preset`): the
/// core holds no preset data.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default = "blank::scenario", deny_unknown_fields)]
pub struct Scenario {
    /// Scenario format version; must be 2 (`adoption_formats` migrates version 1).
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
    /// Calendar year the headline figures are read at; the horizon when omitted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub headline_year: Option<i32>,
    /// How far segments' diffusion and awareness may stray from the region-wide draw:
    /// 0 (default) draws one value for the whole region per run, 1 draws each segment
    /// on its own. See `docs/model.md`, "Shared uncertainty".
    #[serde(default)]
    pub segment_spread: f64,
    /// How non-adopters differ in their readiness to adopt (and so to apply for support).
    pub readiness: Readiness,
}

/// Non-adopters differ in readiness: each year a `share` of them is *ready*, adopting and
/// applying `ratio` times as often as the average non-adopter; the rest less often, so that
/// on average the segment's Bass hazard holds and the baseline is unchanged.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default = "blank::readiness", deny_unknown_fields)]
pub struct Readiness {
    /// Share of non-adopters that are ready in a given year.
    pub share: Param,
    /// How many times the average hazard (and application rate) a ready firm has;
    /// at least 1, and at most `1 / share` (a larger draw is capped there).
    pub ratio: Param,
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
    /// Yearly share of the segment's firms that close (in both worlds alike).
    #[serde(default)]
    pub exit_rate: f64,
    /// Yearly new firms, as a share of the segment's current firms; they enter as
    /// non-adopters that are not yet innovation-aware.
    #[serde(default)]
    pub entry_rate: f64,
}

/// Digitalisation vouchers: a grant towards adopting, used or not by the recipient.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default = "blank::vouchers", deny_unknown_fields)]
pub struct Vouchers {
    /// Grant paid per used voucher, in euros.
    pub value_eur: f64,
    /// Share of the firm's project the voucher pays (the rest is the firm's co-payment);
    /// in (0, 1].
    pub coverage: f64,
    /// The grant at which a voucher's pull reaches 63% of its ceiling: application and
    /// conversion scale with `1 - exp(-value / value_scale)` (diminishing returns; a
    /// zero grant converts no one).
    pub value_scale_eur: Param,
    /// Administration cost per awarded voucher, in euros.
    pub admin_eur: f64,
    /// Yearly chance a less-innovation-aware non-adopter applies for a voucher that pays
    /// the whole project with a large grant (scaled by the grant's pull and the coverage).
    pub apply_lia: Param,
    /// The same for an aware (or trained) non-adopter.
    pub apply_aware: Param,
    /// Chance an awarded voucher is used (unused grants are not paid).
    pub used: Param,
    /// Chance a used voucher leads its recipient to adopt, for a large grant (scaled by
    /// the grant's pull).
    pub conversion: Param,
    /// Share of voucher-induced adopters who drop the technology when the subsidised
    /// service ends (the year after support).
    pub lapse: Param,
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
    /// Successful pilots per 1,000 firms of the region at which their visibility reaches
    /// half its ceiling (diminishing returns, the same however firms are grouped).
    pub half_saturation_per_1000: f64,
    /// Share of a successful pilot's visibility kept from one year to the next.
    pub decay: Param,
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
            headline_year: None,
            segment_spread: 0.0,
            readiness: readiness(),
        }
    }

    pub(super) fn readiness() -> Readiness {
        Readiness {
            share: param(),
            ratio: Param::Exact(1.0),
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
            coverage: 0.0,
            value_scale_eur: param(),
            admin_eur: 0.0,
            apply_lia: param(),
            apply_aware: param(),
            used: param(),
            conversion: param(),
            lapse: param(),
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
            half_saturation_per_1000: 0.0,
            decay: param(),
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
            s.exit_rate = tidy15(s.exit_rate);
            s.entry_rate = tidy15(s.entry_rate);
        }
        self.segment_spread = tidy15(self.segment_spread);
        self.readiness.share = self.readiness.share.tidied();
        self.readiness.ratio = self.readiness.ratio.tidied();
        let v = &mut self.vouchers;
        v.value_eur = tidy15(v.value_eur);
        v.admin_eur = tidy15(v.admin_eur);
        v.coverage = tidy15(v.coverage);
        for p in [
            &mut v.value_scale_eur,
            &mut v.lapse,
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
        p.half_saturation_per_1000 = tidy15(p.half_saturation_per_1000);
        for x in [
            &mut p.decay,
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

    /// Calendar year the headline figures are read at: `headline_year`, or the horizon.
    pub fn headline_year(&self) -> i32 {
        self.headline_year.unwrap_or_else(|| self.horizon_year())
    }
}
