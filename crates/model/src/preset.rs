//! Ready-made scenarios built from the regions' plans and sourced statistics.
//!
//! Every number here is explained, with its source, in `docs/model.md`; "est." marks an
//! estimate. [`cantabria`] is the reference scenario (`Scenario::default()`).

use crate::param::Param;
use crate::scenario::{
    FORMAT_VERSION, Mix, Pilots, Scenario, Segment, Target, TargetKind, Training, Vouchers,
};

/// A named preset with a one-line description.
#[derive(Clone, Copy, Debug)]
pub struct Preset {
    /// The name used by `adoption preset NAME` and in links.
    pub name: &'static str,
    /// One line saying what it represents.
    pub summary: &'static str,
    /// Builds the scenario.
    pub build: fn() -> Scenario,
}

/// All presets, the reference scenario first.
pub const PRESETS: &[Preset] = &[
    Preset {
        name: "cantabria",
        summary: "Cantabria's SMEs and the LIA-upgrade plan: 100 firms trained, 50 voucher projects, 15 pilots",
        build: cantabria,
    },
    Preset {
        name: "murcia",
        summary: "Murcia's SMEs and a cluster-led plan weighted towards training (Kickstart-style)",
        build: murcia,
    },
    Preset {
        name: "example-region",
        summary: "A generic region of 10,000 SMEs with a balanced mix, for teaching and testing",
        build: example_region,
    },
];

/// Finds a preset by name.
pub fn preset(name: &str) -> Option<&'static Preset> {
    PRESETS.iter().find(|p| p.name == name)
}

/// Defaults of fields a scenario may omit (see `docs/model.md` for sources).
pub mod defaults {
    use super::*;

    /// Bass innovation coefficient (meta-analysis mean 0.03; range est.).
    pub const P: Param = Param::range(0.01, 0.03, 0.05);
    /// Bass imitation coefficient (meta-analysis mean 0.38, range 0.30-0.53).
    pub const Q: Param = Param::range(0.30, 0.38, 0.53);
    /// Share of non-adopters already innovation-aware (est.).
    pub const AWARE_SHARE: Param = Param::range(0.2, 0.3, 0.4);

    /// Voucher assumptions: Dutch lottery evidence for use and additionality, Portuguese
    /// oversubscription for application rates.
    pub fn vouchers() -> Vouchers {
        Vouchers {
            value_eur: 9_000.0,
            admin_eur: 1_000.0,
            apply_lia: Param::range(0.001, 0.002, 0.004),
            apply_aware: Param::range(0.005, 0.01, 0.02),
            used: Param::range(0.75, 0.9, 0.95),
            conversion: Param::range(0.6, 0.85, 0.95),
        }
    }

    /// Training assumptions: five new firms per action (the LIA plan's 20 actions for
    /// 100 firms); the effect on adoption is small and uncertain.
    pub fn training() -> Training {
        Training {
            cost_per_action_eur: 12_500.0,
            firms_per_action: 5,
            uplift: Param::range(0.0, 0.03, 0.10),
            effect_years: 3,
        }
    }

    /// Pilot assumptions: EDIH test-before-invest costs; spill-over to peers uncertain.
    pub fn pilots() -> Pilots {
        Pilots {
            cost_eur: 33_000.0,
            apply_lia: Param::range(0.0005, 0.001, 0.002),
            apply_aware: Param::range(0.0025, 0.005, 0.01),
            success: Param::range(0.7, 0.85, 0.95),
            peer_weight: Param::range(0.0, 5.0, 15.0),
            half_saturation: 10.0,
        }
    }
}

/// Bass coefficients fitted to the diffusion of paid cloud services among EU firms
/// (21% in 2016 to 45% in 2023, Eurostat isoc_cicce_use): far slower than the
/// consumer-durables meta-analysis.
const CLOUD_P: Param = Param::range(0.005, 0.01, 0.02);
/// See [`CLOUD_P`].
const CLOUD_Q: Param = Param::range(0.05, 0.12, 0.20);

fn segment(name: &str, firms: u32, adopters: u32) -> Segment {
    Segment {
        name: name.to_string(),
        firms,
        adopters,
        p: defaults::P,
        q: defaults::Q,
        aware_share: defaults::AWARE_SHARE,
    }
}

fn cloud_segment(name: &str, firms: u32, adopters: u32) -> Segment {
    Segment {
        p: CLOUD_P,
        q: CLOUD_Q,
        ..segment(name, firms, adopters)
    }
}

/// Cantabria's SMEs with employees, by size class, and the LIA-upgrade plan.
///
/// Adoption means buying cloud computing services: 31.8% of Cantabrian firms with 10 or
/// more employees did in Q1 2025 (INE). The budget and mix reproduce the plan's targets:
/// 50 vouchers, 20 training actions reaching 100 firms, 15 pilots.
pub fn cantabria() -> Scenario {
    Scenario {
        version: FORMAT_VERSION,
        name: "Cantabria: LIA upgrade".to_string(),
        description: "Cantabria's SMEs with employees (INE DIRCE, est. by size) using cloud \
                      services (INE 2025: 31.8% of firms with 10+ staff); budget and mix buy the \
                      LIA-upgrade plan's 50 projects, 20 training actions and 15 pilots."
            .to_string(),
        region: "Cantabria".to_string(),
        technology: "cloud computing services".to_string(),
        start_year: 2025,
        years: 10,
        runs: 1_000,
        seed: 2025,
        budget_eur: 1_250_000.0,
        programme_years: 3,
        mix: Mix {
            vouchers: 0.4,
            training: 0.2,
            pilots: 0.4,
        },
        segments: vec![
            cloud_segment("Micro (1-9 staff)", 15_300, 3_060),
            cloud_segment("Small (10-49 staff)", 1_400, 420),
            cloud_segment("Medium (50-249 staff)", 250, 112),
        ],
        vouchers: defaults::vouchers(),
        training: defaults::training(),
        pilots: defaults::pilots(),
        targets: vec![Target {
            kind: TargetKind::AdditionalAdopters,
            year: 2030,
            value: 100.0,
            label: "100 more firms on cloud by 2030".to_string(),
        }],
    }
}

/// Murcia's SMEs with employees, by size class, with a training-weighted cluster plan.
pub fn murcia() -> Scenario {
    Scenario {
        name: "Murcia: cluster digitalisation".to_string(),
        description: "Murcia's SMEs with employees (INE, est. by size) using cloud services \
                      (est. from Spain's 44.2%); a cluster-led plan weighted to Kickstart-style \
                      training."
            .to_string(),
        region: "Region of Murcia".to_string(),
        budget_eur: 2_000_000.0,
        seed: 2022,
        mix: Mix {
            vouchers: 0.3,
            training: 0.5,
            pilots: 0.2,
        },
        segments: vec![
            cloud_segment("Micro (1-9 staff)", 38_000, 9_500),
            cloud_segment("Small (10-49 staff)", 4_000, 1_600),
            cloud_segment("Medium (50-249 staff)", 650, 330),
        ],
        targets: vec![Target {
            kind: TargetKind::AdditionalAdopters,
            year: 2030,
            value: 200.0,
            label: "200 more firms on cloud by 2030".to_string(),
        }],
        ..cantabria()
    }
}

/// A generic region for teaching and testing: round numbers, a balanced mix.
pub fn example_region() -> Scenario {
    Scenario {
        name: "Example region".to_string(),
        description: "A made-up region of 10,000 SMEs in three size classes with round \
                      numbers and a balanced mix."
            .to_string(),
        region: "Example region".to_string(),
        technology: "a digital technology".to_string(),
        budget_eur: 1_000_000.0,
        seed: 1,
        mix: Mix {
            vouchers: 0.5,
            training: 0.25,
            pilots: 0.25,
        },
        segments: vec![
            segment("Micro", 8_000, 1_600),
            segment("Small", 1_600, 480),
            segment("Medium", 400, 160),
        ],
        targets: vec![Target {
            kind: TargetKind::AdoptionShare,
            year: 2030,
            value: 0.5,
            label: "Half of all firms by 2030".to_string(),
        }],
        ..cantabria()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_preset_is_valid_and_round_trips_through_json() {
        for p in PRESETS {
            let s = (p.build)();
            s.validate().unwrap_or_else(|e| panic!("{}: {e}", p.name));
            let back = Scenario::from_json(&s.to_json_pretty()).unwrap();
            assert_eq!(back, s, "{}", p.name);
        }
    }
}
