//! Links read back exactly, now and after future releases.
//!
//! | Check | Test |
//! |---|---|
//! | stored links of format 1 give their stored scenarios, exactly | `stored_v1_links_still_give_their_scenarios` |
//! | damaged links keep their good parts and name the bad ones | `damaged_links_keep_what_they_can` |
//! | every preset survives writing and reading as a version-2 link | `every_preset_round_trips_as_a_version_2_link` |
//! | any valid scenario, the fields new in format 2 included, survives writing and reading | `any_scenario_round_trips` |
//!
//! `tests/fixtures/links-v1.json` must never be edited: it is what links already shared
//! by people mean (read today, they give their scenario migrated to format 2, as the same
//! scenario's version-1 file does). `tests/v1.rs` checks more stored version-1 work.
#![cfg(not(target_arch = "wasm32"))]

use adoption_formats::scenario::ScenarioJson;
use adoption_formats::{link, preset};
use adoption_model::Scenario;
use proptest::prelude::*;

#[derive(serde::Deserialize)]
struct Fixture {
    about: String,
    link: String,
    scenario: serde_json::Value,
}

#[test]
fn stored_v1_links_still_give_their_scenarios() {
    let fixtures: Vec<Fixture> =
        serde_json::from_str(include_str!("fixtures/links-v1.json")).expect("fixtures are JSON");
    assert!(fixtures.len() >= 7);
    for f in fixtures {
        let want = Scenario::from_json(&f.scenario.to_string()).expect("fixture scenario is valid");
        let got = link::read(link::query_of(&f.link));
        assert!(got.problems.is_empty(), "{}: {:?}", f.about, got.problems);
        assert_eq!(got.scenario, want, "{}", f.about);
    }
}

#[test]
fn damaged_links_keep_what_they_can() {
    let mut scenario = Scenario {
        budget_eur: 2_000_000.0,
        seed: 7,
        ..preset::cantabria()
    };
    scenario.vouchers.value_eur = 5_000.0;
    let good = link::write(&scenario);
    assert!(good.contains("&x="), "{good}");
    let cases: [(&str, &[&str]); 9] = [
        // Cut short while copying: the patch is damaged, the rest stands.
        (&good[..good.len() - 3], &["x"]),
        (
            "v=1&preset=cantabria&budget=2000000&runs=1000&seed=7&x=eyJuYW1lIjoiTWluZSIsInllYXJzIjo",
            &["x"],
        ),
        ("v=1&preset=cantabria&budget=12e99&seed=7", &["budget"]),
        ("v=1&preset=narnia&seed=7", &["preset"]),
        ("v=3&preset=cantabria&seed=7", &["v"]),
        ("v=1&preset=cantabria-ai&seed=7", &["preset"]),
        (
            "v=2&preset=cantabria&seed=7&x=eyJzZWdtZW50X3NwcmVhZCI6Mn0",
            &["x.segment_spread"],
        ),
        // Typed by hand, without the version: read as the current format.
        ("preset=cantabria&seed=7", &[]),
        (
            "v=1&preset=cantabria&mix=90-90-90&years=abc&prog=99&seed=7&evil=%3Cscript%3E",
            &["mix", "years", "prog", "evil"],
        ),
    ];
    for (query, parts) in cases {
        let r = link::read(query);
        let got: Vec<&str> = r.problems.iter().map(|p| p.part.as_str()).collect();
        assert_eq!(got, parts, "{query}");
        assert!(r.scenario.validate().is_ok(), "{query}");
        if parts.iter().all(|p| *p != "v" && *p != "preset") {
            assert_eq!(r.scenario.seed, 7, "{query}: the good parts are kept");
        }
        for p in &r.problems {
            assert!(!p.message.to_string().is_empty() && p.to_string().contains(&p.part));
        }
    }
}

#[test]
fn every_preset_round_trips_as_a_version_2_link() {
    for p in preset::PRESETS {
        let s = (p.build)();
        let q = link::write(&s);
        assert!(q.starts_with(&format!("v=2&preset={}&", p.name)), "{q}");
        let r = link::read(&q);
        assert!(r.problems.is_empty(), "{}: {:?}", p.name, r.problems);
        assert_eq!((r.from_version, r.preset.as_str()), (2, p.name));
        assert_eq!(r.scenario, s, "{}", p.name);
    }
}

/// Edits of the fields new in format 2, each within its documented range.
#[derive(Debug, Clone)]
struct NewFields {
    headline: Option<u32>,
    spread: f64,
    ready_share: f64,
    ready_ratio: f64,
    exit: f64,
    entry: f64,
    coverage: f64,
    value_scale: f64,
    lapse: f64,
    decay: f64,
    half_saturation: f64,
}

fn new_fields() -> impl Strategy<Value = NewFields> {
    (
        (
            prop::option::of(1u32..30),
            0.0..=1.0f64,
            0.0..=0.9f64,
            1.0..=20.0f64,
        ),
        (0.0..=0.5f64, 0.0..=0.5f64, 0.05..=1.0f64, 1.0..50_000.0f64),
        (0.0..=1.0f64, 0.0..=1.0f64, 0.01..=1000.0f64),
    )
        .prop_map(
            |(
                (headline, spread, ready_share, ready_ratio),
                (exit, entry, coverage, value_scale),
                (lapse, decay, half_saturation),
            )| NewFields {
                headline,
                spread,
                ready_share,
                ready_ratio,
                exit,
                entry,
                coverage,
                value_scale,
                lapse,
                decay,
                half_saturation,
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn any_scenario_round_trips(
        which in 0usize..preset::PRESETS.len(),
        budget in 0.0..5e6f64,
        seed: u64,
        runs in 1u32..5000,
        years in 1u32..30,
        value in 1.0..50_000.0f64,
        q in 0.0..1.0f64,
        v in 0u32..=100,
        t in 0u32..=100,
        new in new_fields(),
    ) {
        let mut s = (preset::PRESETS[which].build)();
        s.budget_eur = budget;
        s.seed = seed;
        s.runs = runs;
        s.years = years;
        s.programme_years = s.programme_years.min(years);
        s.targets.retain(|x| x.year <= s.start_year + years as i32);
        s.vouchers.value_eur = value;
        s.segments[0].q = adoption_model::Param::Exact(q);
        let t = t.min(100 - v);
        s.mix.vouchers = f64::from(v) / 100.0;
        s.mix.training = f64::from(t) / 100.0;
        s.mix.pilots = f64::from(100 - v - t) / 100.0;
        s.headline_year = new.headline.map(|h| s.start_year + h.min(years) as i32);
        s.segment_spread = new.spread;
        s.readiness.share = adoption_model::Param::Exact(new.ready_share);
        s.readiness.ratio = adoption_model::Param::range(1.0, new.ready_ratio, 20.0);
        let last = s.segments.len() - 1;
        s.segments[last].exit_rate = new.exit;
        s.segments[last].entry_rate = new.entry;
        s.vouchers.coverage = new.coverage;
        s.vouchers.value_scale_eur = adoption_model::Param::Exact(new.value_scale);
        s.vouchers.lapse = adoption_model::Param::Exact(new.lapse);
        s.pilots.decay = adoption_model::Param::range(0.0, new.decay, 1.0);
        s.pilots.half_saturation_per_1000 = new.half_saturation;
        prop_assume!(s.validate().is_ok());
        // As every scenario read from a file, a link or the page is.
        s.normalize();
        let r = link::read(&link::write(&s));
        prop_assert!(r.problems.is_empty(), "{:?}", r.problems);
        prop_assert_eq!(r.from_version, 2);
        prop_assert_eq!(r.scenario, s);
    }
}

#[test]
fn hand_typed_links_without_version_are_read() {
    let r = link::read("?preset=murcia&budget=2000000");
    assert!(r.problems.is_empty(), "{:?}", r.problems);
    assert_eq!(r.preset, "murcia");
    assert_eq!(r.scenario.budget_eur, 2_000_000.0);
    assert!(link::is_link("?preset=murcia"));
    assert!(link::is_link("seed=3&lang=es"));
    assert!(!link::is_link("?lang=es&embed=1"));
    assert!(!link::is_link(""));
}
