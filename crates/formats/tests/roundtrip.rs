//! Export then import gives the same scenario: what the page's "export scenario" writes
//! (`to_json_pretty`) and the compact form (`to_json`, as saved scenarios and workers carry
//! it) read back with `scenario::read` (what the page's import and the CLI use) exactly,
//! for random valid scenarios: any preset with every number redrawn over its valid range
//! (arbitrary bits, not round decimals), uncertain and exact parameters, 1 to 8 segments,
//! and texts with any Unicode but control characters (quotes, backslashes, emoji, astral
//! planes).
//!
//! The fuzzer (`tests/fuzz`) also writes and reads back every input it accepts; this test
//! draws valid scenarios directly, so every case is one the round trip must keep.
#![cfg(not(target_arch = "wasm32"))]

use adoption_formats::preset;
use adoption_formats::scenario::{read, to_json, to_json_pretty};
use adoption_model::scenario::FORMAT_VERSION;
use adoption_model::{Param, Scenario};
use proptest::prelude::*;

/// A parameter in `lo..hi`: exact, or a range `low <= mode <= high` drawn inside it.
fn param(lo: f64, hi: f64) -> impl Strategy<Value = Param> {
    prop_oneof![
        (lo..hi).prop_map(Param::Exact),
        (lo..hi, lo..hi, lo..hi).prop_map(|(a, b, c)| {
            let mut v = [a, b, c];
            v.sort_by(f64::total_cmp);
            Param::range(v[0], v[1], v[2])
        }),
    ]
}

/// Any text of up to `n` characters from the whole of Unicode but control characters
/// (which validation refuses in texts).
fn text(n: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(
        any::<char>().prop_filter("not a control character", |c| !c.is_control()),
        0..=n,
    )
    .prop_map(|c| c.into_iter().collect())
}

prop_compose! {
    fn segment()(
        name in text(30).prop_filter("a name", |n| !n.trim().is_empty()),
        firms in 1u32..1_000_000,
        adopted in 0.0..1.0f64,
        p in param(0.0, 0.2),
        q in param(0.0, 1.0),
        aware in param(0.0, 1.0),
        exit in 0.0..0.2f64,
        entry in 0.0..0.2f64,
    ) -> adoption_model::scenario::Segment {
        let mut s = preset::cantabria().segments[0].clone();
        s.name = name;
        s.firms = firms;
        s.adopters = (f64::from(firms) * adopted) as u32;
        s.p = p;
        s.q = q;
        s.aware_share = aware;
        s.exit_rate = exit;
        s.entry_rate = entry;
        s
    }
}

prop_compose! {
    fn scenario()(
        which in 0usize..preset::PRESETS.len(),
        texts in (text(60), text(200), text(40), text(40)),
        budget in 0.0..1e9f64,
        seed: u64,
        runs in 1u32..20_000,
        years in 1u32..40,
        programme in 1u32..=10,
        mix in (0.0..1.0f64, 0.0..1.0f64),
        segments in proptest::collection::vec(segment(), 1..=8),
        vouchers in (1.0..100_000.0f64, 0.05..=1.0f64, param(100.0, 50_000.0), param(0.0, 1.0), param(0.0, 1.0)),
        pilots in (param(0.0, 1.0), param(0.0, 1.0), 0.0..1_000.0f64),
        training in (1.0..100_000.0f64, 1u32..500, param(0.0, 1.0)),
        spread in 0.0..1.0f64,
    ) -> Scenario {
        let mut s = (preset::PRESETS[which].build)();
        (s.name, s.description, s.region, s.technology) = texts;
        s.budget_eur = budget;
        s.seed = seed;
        s.runs = runs;
        s.years = years;
        s.programme_years = programme.min(years);
        s.targets.retain(|t| t.year <= s.start_year + years as i32);
        let (v, t) = (mix.0, mix.1 * (1.0 - mix.0));
        s.mix.vouchers = v;
        s.mix.training = t;
        s.mix.pilots = 1.0 - v - t;
        s.segments = segments;
        (s.vouchers.value_eur, s.vouchers.coverage, s.vouchers.value_scale_eur, s.vouchers.used, s.vouchers.lapse) = vouchers;
        (s.pilots.success, s.pilots.decay, s.pilots.half_saturation_per_1000) = pilots;
        (s.training.cost_per_action_eur, s.training.firms_per_action, s.training.uplift) = training;
        s.segment_spread = spread;
        s
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn export_then_import_gives_the_same_scenario(mut s in scenario()) {
        prop_assume!(s.validate().is_ok());
        // As every scenario the page holds is (read from a file, a link or a control).
        s.normalize();
        for (form, written) in [("pretty", to_json_pretty(&s)), ("compact", to_json(&s))] {
            let back = read(&written);
            prop_assert!(back.is_ok(), "{form}: {:?}\n{written}", back.err());
            let back = back.unwrap();
            prop_assert_eq!(back.from_version, FORMAT_VERSION, "{}", form);
            prop_assert_eq!(&back.scenario, &s, "{}", form);
            // And again: writing what was read gives the same text.
            let again = if form == "pretty" { to_json_pretty(&back.scenario) } else { to_json(&back.scenario) };
            prop_assert_eq!(again, written, "{}", form);
        }
    }
}

/// The generator must mostly make valid scenarios, or the property tests little.
#[test]
fn the_generator_makes_valid_scenarios() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let strategy = scenario();
    let valid = (0..200)
        .filter(|_| {
            strategy
                .new_tree(&mut runner)
                .map(|t| t.current().validate().is_ok())
                .unwrap_or(false)
        })
        .count();
    assert!(
        valid >= 100,
        "only {valid} of 200 generated scenarios are valid"
    );
}
