//! Links read back exactly, now and after future releases.
//!
//! | Check | Test |
//! |---|---|
//! | stored links of format 1 give their stored scenarios, exactly | `stored_v1_links_still_give_their_scenarios` |
//! | damaged links keep their good parts and name the bad ones | `damaged_links_keep_what_they_can` |
//! | any valid scenario survives writing and reading | `any_scenario_round_trips` |
//!
//! `tests/fixtures/links-v1.json` must never be edited: it is what links already shared
//! by people mean. A later link format adds a fixtures file of its own.
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
    let cases: [(&str, &[&str]); 7] = [
        // Cut short while copying: the patch is damaged, the rest stands.
        (&good[..good.len() - 3], &["x"]),
        (
            "v=1&preset=cantabria&budget=2000000&runs=1000&seed=7&x=eyJuYW1lIjoiTWluZSIsInllYXJzIjo",
            &["x"],
        ),
        ("v=1&preset=cantabria&budget=12e99&seed=7", &["budget"]),
        ("v=1&preset=narnia&seed=7", &["preset"]),
        ("v=2&preset=cantabria&seed=7", &["v"]),
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

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn any_scenario_round_trips(
        which in 0usize..6,
        budget in 0.0..5e6f64,
        seed: u64,
        runs in 1u32..5000,
        years in 1u32..30,
        value in 1.0..50_000.0f64,
        q in 0.0..1.0f64,
        v in 0u32..=100,
        t in 0u32..=100,
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
        prop_assume!(s.validate().is_ok());
        // As every scenario read from a file, a link or the page is.
        s.normalize();
        let r = link::read(&link::write(&s));
        prop_assert!(r.problems.is_empty(), "{:?}", r.problems);
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
