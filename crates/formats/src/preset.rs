//! Ready-made scenarios built from the regions' plans and sourced statistics.
//!
//! Every number here is explained, with its source, in `docs/model.md`; "est." marks an
//! estimate. [`cantabria`] is the reference scenario (the page opens on it).
//!
//! Presets are live data: revising one changes what the page and `adoption preset` show,
//! never how a saved file or a link reads (those read against [`crate::bases`]).

use adoption_model::param::Param;
#[cfg(test)]
use adoption_model::plan::Plan;
use adoption_model::scenario::{
    FORMAT_VERSION, Mix, Pilots, Readiness, Scenario, Segment, Target, TargetKind, Training,
    Vouchers,
};

/// A named preset with a one-line summary and its sources.
#[derive(Clone, Copy, Debug)]
pub struct Preset {
    /// The name used by `adoption preset NAME` and in links (`[a-z0-9-]+`).
    pub name: &'static str,
    /// One line, in plain words, saying what it represents.
    pub summary: &'static str,
    /// Short citations of where its numbers come from ("est." marks our estimates);
    /// `docs/model.md` section 11 gives them in full.
    pub sources: &'static str,
    /// Builds the scenario (natively; the page reads [`Preset::scenario`]).
    #[cfg(not(target_arch = "wasm32"))]
    pub build: fn() -> Scenario,
}

impl Preset {
    /// The preset's scenario.
    ///
    /// NOTE: the page takes it from the preset's version-2 base, the same scenario (a test,
    /// `tests/bases.rs`, holds every base to its builder), so that the builders' code and
    /// words are not shipped: 2.7 KB of the first load. A preset retuned after format 2's
    /// release therefore needs a new base version, as any change to what links start from.
    pub fn scenario(&self) -> Scenario {
        #[cfg(not(target_arch = "wasm32"))]
        return (self.build)();
        #[cfg(target_arch = "wasm32")]
        crate::bases::preset_v2(self.name)
            .expect("every preset has a version-2 base (tests/bases.rs)")
    }
}

impl Preset {
    /// The preset's name, region and technology, without building or reading the rest
    /// of its scenario (see [`crate::bases::preset_head_v2`]).
    pub fn head(&self) -> crate::bases::PresetHead {
        #[cfg(not(target_arch = "wasm32"))]
        {
            let s = (self.build)();
            crate::bases::PresetHead {
                name: s.name,
                region: s.region,
                technology: s.technology,
            }
        }
        #[cfg(target_arch = "wasm32")]
        crate::bases::preset_head_v2(self.name)
            .expect("every preset has a version-2 base (tests/bases.rs)")
            .clone()
    }
}

/// All presets, the reference scenario first.
pub const PRESETS: &[Preset] = &[
    Preset {
        name: "cantabria",
        summary: "Cantabria's SMEs and the LIA-upgrade plan: 100 firms trained, 50 voucher projects, 15 pilots",
        sources: "INE DIRCE (firms; size split est.); INE ICT survey 2025 (cloud: 31.8% of firms with \
                  10+ staff); DEVISE (Interreg Europe): Cantabria's LIA-upgrade action plan; \
                  Eurostat isoc_cicce_use (Bass fit, est.); CPB 2006 voucher lottery; EDIH price lists",
        #[cfg(not(target_arch = "wasm32"))]
        build: cantabria,
    },
    Preset {
        name: "cantabria-fast-track",
        summary: "Cantabria's fast track for SME digitalisation: aid, skills and pilots for firms in the \
                  region's five priority sectors (smart specialisation)",
        sources: "DIGITAL REGIONS (Interreg Europe): Cantabria's FTFDS action plan; RIS3 Cantabria \
                  2021-2027 (five axes, El Mirador Digital 2023); ICANE 2025 (482 agri-food \
                  industries); firms per ecosystem est. from INE DIRCE; INE ICT survey 2025 (cloud)",
        #[cfg(not(target_arch = "wasm32"))]
        build: cantabria_fast_track,
    },
    Preset {
        name: "cantabria-ai",
        summary: "Cantabria's firms with 10+ staff taking up artificial intelligence from 2021, with \
                  the LIA-upgrade budget and mix",
        sources: "ICANE ICT survey c. 2021 (7.6% of firms with 10+ staff use AI; year est.); INE \
                  DIRCE (firms, as cantabria); INE 2024 (AI by size, for the split, est.); Bass fit \
                  to Eurostat isoc_eb_ai and INE/ONTSI AI series (est.); INE Q1 2025 (Cantabria \
                  11.1%, Spain 21.1%)",
        #[cfg(not(target_arch = "wasm32"))]
        build: cantabria_ai,
    },
    Preset {
        name: "cantabria-big-data",
        summary: "Cantabria's firms with 10+ staff taking up big-data analysis from 2021, with the \
                  LIA-upgrade budget and mix",
        sources: "ICANE ICT survey c. 2021 (just over 10% of firms with 10+ staff analyse big data; \
                  year est.); INE DIRCE (firms, as cantabria); Bass fit to INE/ONTSI big-data series \
                  2018-2022 and Eurostat isoc_eb_bd (est.)",
        #[cfg(not(target_arch = "wasm32"))]
        build: cantabria_big_data,
    },
    Preset {
        name: "murcia",
        summary: "Murcia's SMEs and the cluster-led INNO Industry plan (AMUEBLA), weighted towards training",
        sources: "INNO Industry (Interreg Europe): Murcia expert group and action plan (AMUEBLA); \
                  INE DIRCE (firms; size split est.); INE ICT survey 2025 (Spain: cloud 44.2%, est. \
                  by size)",
        #[cfg(not(target_arch = "wasm32"))]
        build: murcia,
    },
    Preset {
        name: "voucher-portugal",
        summary: "Cantabria's budget spent mostly on 7,500-euro vouchers, like Portugal's Industry 4.0 \
                  voucher",
        sources: "Government of Portugal 2017: Vale Indústria 4.0 (up to 7,500 EUR at 75%; first call \
                  over 1,600 applications, 3x the budget); population and other assumptions as \
                  cantabria",
        #[cfg(not(target_arch = "wasm32"))]
        build: voucher_portugal,
    },
    Preset {
        name: "training-kickstart",
        summary: "Cantabria's budget spent mostly on short group workshops for 10 firms each, like \
                  Sweden's Kickstart Digitalization",
        sources: "INNO Industry (Interreg Europe): Kickstart Digitalization (about 10 firms, 2 people \
                  each, 3 free meetings over 6 weeks); cost per workshop est.; population and other \
                  assumptions as cantabria",
        #[cfg(not(target_arch = "wasm32"))]
        build: training_kickstart,
    },
    Preset {
        name: "example-region",
        summary: "A generic region of 10,000 SMEs with a balanced mix, for teaching and testing",
        sources: "Made-up round numbers (not a real region); Bass p and q: meta-analysis means \
                  (Sultan, Farley & Lehmann 1990)",
        #[cfg(not(target_arch = "wasm32"))]
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
    /// Yearly closures among firms with employees (est. from INE business demography:
    /// deaths of firms with employees over the number of such firms; almost all are micro).
    pub const EXIT_RATE: f64 = 0.052;
    /// Yearly new firms with employees, as a share of firms (est. from INE, likewise).
    pub const ENTRY_RATE: f64 = 0.047;
    /// Yearly closures among firms with 10 or more staff (est.: INE counts few deaths in
    /// these classes, about 0.3% a year in Castilla y León 2022; 1% allows for closures
    /// the register dates late and for firms shrinking out of the class).
    pub const EXIT_RATE_10_PLUS: f64 = 0.01;
    /// Yearly firms joining the 10+ staff classes, as a share (est.: a little below their
    /// closures, as their number in DIRCE is nearly flat).
    pub const ENTRY_RATE_10_PLUS: f64 = 0.008;

    /// How non-adopters differ in readiness (est.).
    pub fn readiness() -> Readiness {
        Readiness {
            share: Param::range(0.1, 0.2, 0.3),
            ratio: Param::range(2.0, 3.0, 4.0),
        }
    }

    /// Voucher assumptions: Dutch lottery evidence for use and additionality, Portuguese
    /// oversubscription for application rates.
    pub fn vouchers() -> Vouchers {
        Vouchers {
            value_eur: 9_000.0,
            coverage: 0.5,
            value_scale_eur: Param::range(2_000.0, 4_000.0, 8_000.0),
            admin_eur: 1_000.0,
            apply_lia: Param::range(0.002, 0.0045, 0.009),
            apply_aware: Param::range(0.011, 0.022, 0.045),
            used: Param::range(0.6, 0.8, 0.95),
            conversion: Param::range(0.65, 0.9, 1.0),
            lapse: Param::range(0.05, 0.15, 0.3),
        }
    }

    /// Training assumptions: five new firms per action (the LIA plan's 20 actions for
    /// 100 firms); the effect on adoption is small and uncertain.
    pub fn training() -> Training {
        Training {
            cost_per_action_eur: 12_500.0,
            firms_per_action: 5,
            uplift: Param::range(0.0, 0.02, 0.08),
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
            peer_weight: Param::range(0.0, 3.0, 10.0),
            half_saturation_per_1000: 1.0,
            decay: Param::range(0.7, 0.85, 1.0),
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
        exit_rate: defaults::EXIT_RATE,
        entry_rate: defaults::ENTRY_RATE,
    }
}

fn cloud_segment(name: &str, firms: u32, adopters: u32) -> Segment {
    Segment {
        p: CLOUD_P,
        q: CLOUD_Q,
        ..segment(name, firms, adopters)
    }
}

/// A segment of firms with 10 or more staff: they close and open far less often.
fn ten_plus(segment: Segment) -> Segment {
    Segment {
        exit_rate: defaults::EXIT_RATE_10_PLUS,
        entry_rate: defaults::ENTRY_RATE_10_PLUS,
        ..segment
    }
}

/// A target of additional adopters (policy minus baseline) by a year.
fn more_adopters(year: i32, value: f64, label: &str) -> Target {
    Target {
        kind: TargetKind::AdditionalAdopters,
        year,
        value,
        label: label.to_string(),
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
            ten_plus(cloud_segment("Small (10-49 staff)", 1_400, 420)),
            ten_plus(cloud_segment("Medium (50-249 staff)", 250, 112)),
        ],
        vouchers: defaults::vouchers(),
        training: defaults::training(),
        pilots: defaults::pilots(),
        targets: vec![more_adopters(
            2030,
            100.0,
            "100 more firms on cloud by 2030",
        )],
        headline_year: None,
        segment_spread: 0.0,
        readiness: defaults::readiness(),
    }
}

/// Cantabria's firms with 10 or more staff (the cantabria preset's small and medium
/// segments) adopting `technology` from `start_year`, with the cantabria budget and mix.
fn cantabria_10_plus(
    technology: &str,
    start_year: i32,
    p: Param,
    q: Param,
    adopters: [u32; 2],
) -> Scenario {
    let reference = cantabria();
    let segments = reference.segments[1..]
        .iter()
        .zip(adopters)
        .map(|(s, adopters)| Segment {
            p,
            q,
            adopters,
            ..s.clone()
        })
        .collect();
    Scenario {
        technology: technology.to_string(),
        start_year,
        segments,
        ..reference
    }
}

/// The ICANE ICT survey's figures (c. 2021, est.: the release quoted by the Tera cluster
/// is undated; the meeting it reports dates it to 2020-2022) are for the whole of Cantabria's
/// firms with 10+ staff; they are split by size (est.) with Spain's ratio of medium to small
/// firms' adoption (INE Q1 2024, AI: 21.2% vs 9.5%, about 2.2).
const ICANE_YEAR: i32 = 2021;

/// Cantabria's firms with 10+ staff using artificial intelligence: 7.6% in c. 2021
/// (ICANE), 125 of 1,650 firms, split by size (est.): 90 of 1,400 small (6.4%), 35 of 250
/// medium (14%).
///
/// Bass coefficients (est.): on aggregate shares `p` is not identified (fits give 0 to
/// 0.006), so 0.001-0.003-0.006; `q` from 0.04 (Cantabria's own slow rise to 11.1% in Q1
/// 2025, under-determined), 0.18 (EU 2021-2024 fit) to 0.31 (Spain 2020-2022 fit).
pub fn cantabria_ai() -> Scenario {
    Scenario {
        name: "Cantabria: artificial intelligence".to_string(),
        description: "Cantabria's firms with 10+ staff (INE DIRCE, as cantabria) using AI: 7.6% \
                      (ICANE ICT survey, year c. 2021 est.; split by size est.); p and q fitted to \
                      Eurostat and INE AI series (est.); budget and mix as cantabria. INE Q1 2025: \
                      Cantabria 11.1%, Spain 21.1%."
            .to_string(),
        seed: 2076,
        targets: vec![Target {
            kind: TargetKind::AdoptionShare,
            year: 2025,
            value: 0.15,
            label: "15% of firms with 10+ staff using AI by 2025".to_string(),
        }],
        ..cantabria_10_plus(
            "artificial intelligence",
            ICANE_YEAR,
            Param::range(0.001, 0.003, 0.006),
            Param::range(0.04, 0.18, 0.31),
            [90, 35],
        )
    }
}

/// Cantabria's firms with 10+ staff analysing big data: just over 10% in c. 2021 (ICANE),
/// taken as 10.2%, 168 of 1,650 firms, split by size as AI (est.): 121 of 1,400 small
/// (8.6%), 47 of 250 medium (18.8%).
///
/// Bass coefficients (est.): `p` not identified on aggregates, 0.001-0.003-0.01; `q`
/// 0.05-0.13-0.25 around the fit to Spain's 2018-2022 series (8.3% to 13.9%, noisy).
pub fn cantabria_big_data() -> Scenario {
    Scenario {
        name: "Cantabria: big-data analysis".to_string(),
        description: "Cantabria's firms with 10+ staff (INE DIRCE, as cantabria) analysing big \
                      data: just over 10% (ICANE ICT survey, year c. 2021 est.; 10.2% and split by \
                      size est.); p and q fitted to INE big-data series 2018-2022 (est.); budget \
                      and mix as cantabria."
            .to_string(),
        seed: 2010,
        targets: vec![more_adopters(
            2026,
            30.0,
            "30 more firms with 10+ staff analysing big data by 2026",
        )],
        ..cantabria_10_plus(
            "big data analysis",
            ICANE_YEAR,
            Param::range(0.001, 0.003, 0.01),
            Param::range(0.05, 0.13, 0.25),
            [121, 47],
        )
    }
}

/// Cantabria's "Fast track tool for digitalisation of SMEs" (FTFDS): firms with employees
/// in the five thematic ecosystems of the regional smart-specialisation strategy (RIS3
/// 2021-2027), helped with investment aid (vouchers), employees' skills (training) and
/// demonstration pilots.
///
/// Firm counts per ecosystem and their cloud shares are estimates (est.), explained in
/// `docs/model.md` section 11; the budget is sized so that vouchers stay oversubscribed in
/// this smaller population.
pub fn cantabria_fast_track() -> Scenario {
    Scenario {
        name: "Cantabria: fast track for SME digitalisation".to_string(),
        description:
            "Cantabria's SMEs with employees in the five RIS3 ecosystems (firm counts est. \
                      from INE DIRCE and ICANE) using cloud services (INE 2025: 31.8% of firms \
                      with 10+ staff; shares per ecosystem est.); the FTFDS action: aid for \
                      new technologies, employees' skills and awareness through pilots."
                .to_string(),
        seed: 2021,
        budget_eur: 1_000_000.0,
        mix: Mix {
            vouchers: 0.4,
            training: 0.3,
            pilots: 0.3,
        },
        segments: vec![
            cloud_segment("Health and wellbeing", 800, 200),
            cloud_segment("Industry 4.0", 1_200, 324),
            cloud_segment("Culture and tourism", 2_500, 450),
            cloud_segment("Blue economy and offshore energy", 300, 81),
            cloud_segment("Agri-food", 480, 96),
        ],
        targets: vec![more_adopters(
            2030,
            50.0,
            "50 more ecosystem firms on cloud by 2030",
        )],
        ..cantabria()
    }
}

/// Murcia's SMEs with employees, by size class, with the cluster-led INNO Industry plan.
///
/// AMUEBLA, the furniture cluster, wrote the region's INNO Industry action plan with an
/// expert group that chose four good practices (House of Digitalization, the Fundão shared
/// services centre, Kickstart Digitalization, a cluster stakeholder working group): clusters
/// support firms' digitalisation and map Industry 4.0 training. The budget and mix are
/// estimates weighted towards training.
pub fn murcia() -> Scenario {
    Scenario {
        name: "Murcia: cluster digitalisation".to_string(),
        description: "Murcia's SMEs with employees (INE, est. by size) using cloud services \
                      (est. from Spain's 44.2%); the INNO Industry action plan led by the AMUEBLA \
                      cluster, drawing on four good practices (Kickstart Digitalization, House of \
                      Digitalization, Fundão shared services centre, cluster stakeholder group); \
                      budget and mix est., weighted to training."
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
            ten_plus(cloud_segment("Small (10-49 staff)", 4_000, 1_600)),
            ten_plus(cloud_segment("Medium (50-249 staff)", 650, 330)),
        ],
        targets: vec![more_adopters(
            2030,
            200.0,
            "200 more firms on cloud by 2030",
        )],
        ..cantabria()
    }
}

/// Cantabria's population and budget spent mostly on vouchers in the style of Portugal's
/// Industry 4.0 voucher (Vale Indústria 4.0): up to 7,500 EUR, covering 75% of the cost.
///
/// Everything else is the cantabria preset's, so the two compare like for like; the target
/// is the same too.
pub fn voucher_portugal() -> Scenario {
    Scenario {
        name: "Cantabria: Portuguese-style vouchers".to_string(),
        description: "The cantabria population and budget spent 90% on 7,500-euro vouchers (as \
                      Portugal's Vale Indústria 4.0: up to 7,500 EUR at 75% of the cost) and 10% \
                      on training that makes firms aware of them."
            .to_string(),
        seed: 2017,
        mix: Mix {
            vouchers: 0.9,
            training: 0.1,
            pilots: 0.0,
        },
        vouchers: Vouchers {
            value_eur: 7_500.0,
            coverage: 0.75,
            ..defaults::vouchers()
        },
        ..cantabria()
    }
}

/// Cantabria's population and budget spent mostly on training in the style of Sweden's
/// Kickstart Digitalization: about 10 firms per action, two people each, three free
/// meetings over six weeks.
///
/// The cost per action (6,000 EUR) is an estimate: see [`kickstart_training`].
pub fn training_kickstart() -> Scenario {
    Scenario {
        name: "Cantabria: Kickstart-style training".to_string(),
        description: "The cantabria population and budget spent 80% on group workshops in the \
                      style of Sweden's Kickstart Digitalization (10 firms, 2 people each, 3 free \
                      meetings over 6 weeks; 6,000 EUR per workshop est.) and 20% on vouchers for \
                      the firms they make aware; each trained firm gets the default training \
                      effect (0-8 points a year, uncertain), which drives the result."
            .to_string(),
        seed: 2019,
        mix: Mix {
            vouchers: 0.2,
            training: 0.8,
            pilots: 0.0,
        },
        training: kickstart_training(),
        ..cantabria()
    }
}

/// Kickstart-style training: 10 firms per action at 6,000 EUR (est.: 3 half-day meetings
/// with a facilitator and an expert plus preparation and follow-up, about 60 hours at
/// 75 EUR, and 1,500 EUR of rooms, catering and materials: 600 EUR a firm). The uplift
/// and its duration are the defaults, as for every training action.
fn kickstart_training() -> Training {
    Training {
        cost_per_action_eur: 6_000.0,
        firms_per_action: 10,
        ..defaults::training()
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
            ten_plus(segment("Small", 1_600, 480)),
            ten_plus(segment("Medium", 400, 160)),
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
            let back = crate::scenario::from_json(&crate::scenario::to_json_pretty(&s)).unwrap();
            assert_eq!(back, s, "{}", p.name);
        }
    }

    #[test]
    fn names_are_unique_and_url_safe() {
        for (i, p) in PRESETS.iter().enumerate() {
            assert!(
                !p.name.is_empty()
                    && p.name
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                "{:?} is not [a-z0-9-]+",
                p.name
            );
            assert!(
                PRESETS[..i].iter().all(|o| o.name != p.name),
                "{} twice",
                p.name
            );
            assert_eq!(preset(p.name).map(|found| found.name), Some(p.name));
        }
        assert!(preset("atlantis").is_none());
    }

    #[test]
    fn the_list_is_in_order_with_the_reference_first() {
        let names: Vec<&str> = PRESETS.iter().map(|p| p.name).collect();
        assert_eq!(
            names,
            [
                "cantabria",
                "cantabria-fast-track",
                "cantabria-ai",
                "cantabria-big-data",
                "murcia",
                "voucher-portugal",
                "training-kickstart",
                "example-region"
            ]
        );
        assert_eq!((PRESETS[0].build)(), cantabria());
    }

    #[test]
    fn every_preset_says_what_it_is_and_where_its_numbers_come_from() {
        for p in PRESETS {
            assert!(!p.summary.trim().is_empty(), "{}: summary", p.name);
            assert!(!p.sources.trim().is_empty(), "{}: sources", p.name);
            let s = (p.build)();
            assert!(!s.name.trim().is_empty(), "{}: name", p.name);
            assert!(!s.description.trim().is_empty(), "{}: description", p.name);
            assert!(!s.targets.is_empty(), "{}: targets", p.name);
            assert_eq!(
                (s.version, s.years, s.runs),
                (FORMAT_VERSION, 10, 1_000),
                "{}",
                p.name
            );
            // Presets start when their data were measured: 2025, or the ICANE survey's year.
            let start = if ["cantabria-ai", "cantabria-big-data"].contains(&p.name) {
                ICANE_YEAR
            } else {
                2025
            };
            assert_eq!(s.start_year, start, "{}", p.name);
        }
    }

    #[test]
    fn seeds_are_distinct_and_every_variant_differs_from_the_reference() {
        let reference = cantabria();
        for (i, p) in PRESETS.iter().enumerate() {
            let s = (p.build)();
            assert!(
                PRESETS[..i].iter().all(|o| (o.build)().seed != s.seed),
                "{}: seed {} reused",
                p.name,
                s.seed
            );
            if i > 0 {
                assert_ne!(s, reference, "{}", p.name);
                assert_ne!(s.name, reference.name, "{}", p.name);
            }
        }
    }

    #[test]
    fn voucher_portugal_buys_mostly_vouchers_worth_7500_euros() {
        let s = voucher_portugal();
        assert_eq!(s.vouchers.value_eur, 7_500.0);
        assert!(s.mix.vouchers > 0.5);
        let plan = Plan::new(&s);
        let voucher_cost = plan.vouchers as f64 * (s.vouchers.value_eur + s.vouchers.admin_eur);
        assert!(voucher_cost > 0.5 * plan.planned_spend_eur);
        // Same population and budget as the reference, so the two compare like for like.
        let reference = cantabria();
        assert_eq!(
            (s.segments, s.budget_eur, s.targets),
            (reference.segments, reference.budget_eur, reference.targets)
        );
    }

    #[test]
    fn training_kickstart_trains_ten_firms_per_action_with_most_of_the_budget() {
        let s = training_kickstart();
        assert_eq!(s.training.firms_per_action, 10);
        assert!(s.mix.training > 0.5);
        let plan = Plan::new(&s);
        assert_eq!(plan.training_places, 10 * plan.training_actions);
        let training_cost = plan.training_actions as f64 * s.training.cost_per_action_eur;
        assert!(training_cost > 0.5 * plan.planned_spend_eur);
        let reference = cantabria();
        assert_eq!(
            (s.segments, s.budget_eur, s.targets),
            (reference.segments, reference.budget_eur, reference.targets)
        );
    }

    #[test]
    fn the_technology_presets_are_cantabrias_firms_with_10_plus_staff() {
        let reference = cantabria();
        let firms: u64 = reference.segments[1..]
            .iter()
            .map(|s| u64::from(s.firms))
            .sum();
        for (s, technology, share) in [
            (cantabria_ai(), "artificial intelligence", 0.076),
            (cantabria_big_data(), "big data analysis", 0.102),
        ] {
            assert_eq!(s.technology, technology);
            assert_eq!(s.total_firms(), firms);
            let observed = s.total_adopters() as f64 / firms as f64;
            assert!((observed - share).abs() < 0.001, "{technology}: {observed}");
            assert_eq!((s.budget_eur, s.mix), (reference.budget_eur, reference.mix));
            assert_eq!(s.targets.len(), 1);
            assert!(s.description.contains("est."), "{technology}");
        }
    }

    #[test]
    fn fast_track_has_the_five_smart_specialisation_ecosystems() {
        let s = cantabria_fast_track();
        assert_eq!(s.segments.len(), 5);
        assert_eq!(s.technology, cantabria().technology);
        for seg in &s.segments {
            let share = f64::from(seg.adopters) / f64::from(seg.firms);
            // Around Cantabria's 31.8% for firms of 10+ staff, lower where micro firms dominate.
            assert!((0.15..=0.32).contains(&share), "{}: {share}", seg.name);
        }
        // A part of the reference population, not more firms than the region has.
        assert!(s.total_firms() < cantabria().total_firms());
    }
}
