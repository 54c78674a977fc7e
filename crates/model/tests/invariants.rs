//! Property tests of the model's invariants, over randomly generated valid scenarios.
//!
//! | Invariant | Test |
//! |---|---|
//! | adopters stay within [0, firms in business], in both worlds; without closures or lapses they never decrease | `paths_are_monotone_and_bounded` |
//! | the policy never has fewer adopters than the baseline (coupling) | `paths_are_monotone_and_bounded` |
//! | spend never exceeds the budget | `spend_never_exceeds_budget` |
//! | budget 0 gives identical paths, and is the plain Bass chain | `zero_budget_is_the_plain_bass_chain` |
//! | policy draws add nothing when no one is reached (coupling) | `policy_that_reaches_no_one_reproduces_the_baseline` |
//! | chunked runs merge to the same summary | `chunks_merge_to_the_same_summary` |
//! | more budget never lowers expected additional adopters | `more_budget_never_lowers_additional_adopters` |
//! | any text is answered with a scenario or an error, never a panic | `garbage_never_panics` |
#![cfg(not(target_arch = "wasm32"))]

use adoption_formats::preset;
use adoption_formats::scenario::ScenarioJson;
use adoption_model::scenario::{Mix, Segment};
use adoption_model::sim::{RunOut, YearCounts};
use adoption_model::{Ensemble, Model, Param, Runner, Scenario, Summary};
use proptest::prelude::*;

fn param(range: std::ops::RangeInclusive<f64>) -> impl Strategy<Value = Param> {
    let (lo, hi) = (*range.start(), *range.end());
    prop_oneof![
        (lo..=hi).prop_map(Param::Exact),
        (lo..=hi, lo..=hi, 0.0..=1.0f64).prop_map(move |(a, b, t)| {
            let (low, high) = if a <= b { (a, b) } else { (b, a) };
            Param::range(low, low + t * (high - low), high)
        }),
    ]
}

fn segment() -> impl Strategy<Value = Segment> {
    (
        1u32..=20_000,
        0.0..=1.0f64,
        param(0.0..=0.2),
        param(0.0..=1.0),
        param(0.0..=1.0),
        (0.0..=0.2f64, 0.0..=0.2f64),
    )
        .prop_map(
            |(firms, share, p, q, aware_share, (exit_rate, entry_rate))| Segment {
                name: String::new(),
                firms,
                adopters: (f64::from(firms) * share) as u32,
                p,
                q,
                aware_share,
                exit_rate,
                entry_rate,
            },
        )
}

fn mix() -> impl Strategy<Value = Mix> {
    (0.0..=1.0f64, 0.0..=1.0f64).prop_map(|(a, b)| {
        let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
        Mix {
            vouchers: lo,
            training: hi - lo,
            pilots: 1.0 - hi,
        }
    })
}

/// Valid scenarios with small run counts, covering every instrument and uncertainty.
fn scenario() -> impl Strategy<Value = Scenario> {
    (
        prop::collection::vec(segment(), 1..=4),
        1u32..=12,
        0.0..=5_000_000.0f64,
        mix(),
        any::<u64>(),
        (
            param(0.0..=1.0),
            param(0.0..=0.5),
            param(0.0..=1.0),
            param(0.0..=30.0),
        ),
        (1u32..=20, 0u32..=5),
    )
        .prop_map(
            |(
                mut segments,
                years,
                budget,
                mix,
                seed,
                (conversion, uplift, success, peer),
                (fpa, effect),
            )| {
                for (i, s) in segments.iter_mut().enumerate() {
                    s.name = format!("segment {i}");
                }
                let base = preset::example_region();
                let mut s = Scenario {
                    segments,
                    years,
                    programme_years: years.min(3),
                    runs: 8,
                    seed,
                    budget_eur: budget,
                    mix,
                    targets: vec![],
                    ..base
                };
                s.vouchers.conversion = conversion;
                s.training.uplift = uplift;
                s.training.firms_per_action = fpa;
                s.training.effect_years = effect;
                s.pilots.success = success;
                s.pilots.peer_weight = peer;
                s
            },
        )
}

fn run_all(s: &Scenario) -> (Model, Ensemble) {
    let model = Model::new(s).expect("generated scenarios are valid");
    let ensemble = Ensemble::simulate(&model, 0..s.runs);
    (model, ensemble)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn paths_are_monotone_and_bounded(s in scenario(), steady: bool) {
        // Half the cases without closures or lapses, where adopters can only grow.
        let mut s = s;
        if steady {
            for g in &mut s.segments {
                g.exit_rate = 0.0;
            }
            s.vouchers.lapse = Param::Exact(0.0);
        }
        let (model, e) = run_all(&s);
        let nseg = s.segments.len();
        let cpr = model.cells_per_run();
        let years = s.years as usize + 1;
        for r in 0..s.runs as usize {
            let mut last = vec![(0, 0); nseg];
            for y in 0..years {
                let firms = e.firms()[r * years + y];
                let (mut tb, mut tp) = (0, 0);
                for (i, seg) in s.segments.iter().enumerate() {
                    let at = r * cpr + y * nseg + i;
                    let (b, p) = (e.baseline()[at], e.policy()[at]);
                    prop_assert!(b <= p, "baseline {b} above policy {p}");
                    if y == 0 {
                        prop_assert_eq!((b, p), (seg.adopters, seg.adopters));
                    } else if steady {
                        prop_assert!(b >= last[i].0 && p >= last[i].1, "adopters decreased");
                    }
                    last[i] = (b, p);
                    tb += b;
                    tp += p;
                }
                prop_assert!(tb <= tp && tp <= firms, "policy {tp} above firms {firms}");
            }
        }
    }

    #[test]
    fn spend_never_exceeds_budget(s in scenario()) {
        let summary = adoption_model::simulate(&Scenario { runs: 4, ..s.clone() }).unwrap();
        let spend: f64 = summary.activity.spend_eur.iter().sum();
        prop_assert!(spend <= s.budget_eur * (1.0 + 1e-12) + 1e-6, "spent {spend} of {}", s.budget_eur);
        let plan = summary.summary.plan.unwrap();
        prop_assert!(plan.planned_spend_eur <= s.budget_eur * (1.0 + 1e-12) + 1e-6);
    }

    #[test]
    fn policy_that_reaches_no_one_reproduces_the_baseline(s in scenario()) {
        // Money is on offer but nobody applies: the coupled path runs every year with all
        // its policy draws, and must add nothing, draw for draw.
        let mut s = Scenario { budget_eur: 1e9, mix: Mix { vouchers: 0.5, training: 0.0, pilots: 0.5 }, ..s };
        s.vouchers.apply_lia = Param::Exact(0.0);
        s.vouchers.apply_aware = Param::Exact(0.0);
        s.pilots.apply_lia = Param::Exact(0.0);
        s.pilots.apply_aware = Param::Exact(0.0);
        let model = Model::new(&s).unwrap();
        prop_assert!(!model.plan().is_empty());
        let mut runner = Runner::new(&model);
        let n = model.cells_per_run();
        let years = s.years as usize + 1;
        let mut counts = vec![YearCounts::default(); years];
        for run in 0..s.runs {
            let (mut base, mut policy, mut firms) = (vec![0; n], vec![1; n], vec![0; years]);
            runner.run_into(run, RunOut { baseline: &mut base, policy: &mut policy, firms: &mut firms, counts: &mut counts });
            prop_assert_eq!(&base, &policy);
        }
        prop_assert!(counts.iter().all(|c| c.vouchers_awarded == 0 && c.pilots == 0));
    }

    #[test]
    fn zero_budget_is_the_plain_bass_chain(s in scenario()) {
        // With nothing bought, each run is the discrete Bass recursion drawn segment by
        // segment, year by year, on the run's own stream (exact parameters draw nothing).
        let mut s = Scenario { budget_eur: 0.0, ..s };
        for seg in &mut s.segments {
            seg.p = Param::Exact(seg.p.central());
            seg.q = Param::Exact(seg.q.central());
            seg.aware_share = Param::Exact(seg.aware_share.central());
            seg.exit_rate = 0.0;
            seg.entry_rate = 0.0;
        }
        for v in [&mut s.vouchers.apply_lia, &mut s.vouchers.apply_aware, &mut s.vouchers.used,
                  &mut s.vouchers.conversion, &mut s.vouchers.value_scale_eur, &mut s.vouchers.lapse,
                  &mut s.training.uplift, &mut s.pilots.apply_lia,
                  &mut s.pilots.apply_aware, &mut s.pilots.success, &mut s.pilots.peer_weight,
                  &mut s.pilots.decay, &mut s.readiness.share, &mut s.readiness.ratio] {
            *v = Param::Exact(v.central());
        }
        let (model, e) = run_all(&s);
        let cpr = model.cells_per_run();
        let nseg = s.segments.len();
        for run in 0..s.runs {
            let mut rng = adoption_model::sample::run_stream(s.seed, run);
            let mut adopters: Vec<u32> = s.segments.iter().map(|g| g.adopters).collect();
            for y in 1..=s.years as usize {
                for (i, g) in s.segments.iter().enumerate() {
                    // The model's exact operation order: p + q * A * (1 / N).
                    let inv = 1.0 / f64::from(g.firms);
                    let h = (g.p.central() + g.q.central() * f64::from(adopters[i]) * inv).min(1.0);
                    adopters[i] += adoption_model::sample::binomial(&mut rng, g.firms - adopters[i], h);
                    prop_assert_eq!(e.baseline()[run as usize * cpr + y * nseg + i], adopters[i]);
                }
            }
        }
        prop_assert_eq!(e.baseline(), e.policy());
    }

    #[test]
    fn chunks_merge_to_the_same_summary(s in scenario(), cuts in prop::collection::vec(0u32..=8, 0..4), reverse: bool) {
        let s = Scenario { runs: 8, ..s };
        let (model, whole) = run_all(&s);
        let mut edges: Vec<u32> = cuts;
        edges.extend([0, 8]);
        edges.sort_unstable();
        let mut chunks: Vec<Ensemble> =
            edges.windows(2).map(|w| Ensemble::simulate(&model, w[0]..w[1])).collect();
        if reverse {
            chunks.reverse();
        }
        let mut merged = Ensemble::new(&model);
        for c in &chunks {
            merged.merge(c);
        }
        prop_assert_eq!(Summary::new(&model, &merged), Summary::new(&model, &whole));
    }
}

proptest! {
    // Each case simulates two budgets with enough runs to compare means.
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    #[test]
    fn more_budget_never_lowers_additional_adopters(s in scenario(), low in 0.0..=2_000_000.0f64, extra in 0.0..=3_000_000.0f64) {
        let runs = 400;
        let at = |budget: f64| {
            adoption_model::simulate(&Scenario { budget_eur: budget, runs, ..s.clone() }).unwrap()
        };
        let (a, b) = (at(low), at(low + extra));
        let (ma, mb) = (a.additional.adopters.mean.clone(), b.additional.adopters.mean.clone());
        for y in 0..ma.len() {
            // Independent estimates of two means: allow four standard errors of noise.
            let se = ((a.additional.adopters.sd[y].powi(2) + b.additional.adopters.sd[y].powi(2))
                / f64::from(runs))
            .sqrt();
            prop_assert!(mb[y] >= ma[y] - 4.0 * se - 1e-9,
                "year {y}: budget {} gives {} but {} gives {}", low, ma[y], low + extra, mb[y]);
        }
    }

    #[test]
    fn garbage_never_panics(text in ".{0,200}") {
        let _ = Scenario::from_json(&text);
    }

    #[test]
    fn mutated_scenarios_are_refused_or_run(s in scenario(), field in 0usize..12, value in prop_oneof![
        Just(serde_json::json!(-1)), Just(serde_json::json!(1e308)), Just(serde_json::json!("x")),
        Just(serde_json::json!(null)), Just(serde_json::json!(0)), Just(serde_json::json!(4_294_967_296u64)),
        Just(serde_json::json!({"low": 2, "high": 1})), Just(serde_json::json!([])),
    ]) {
        let mut json = serde_json::to_value(&s).unwrap();
        let fields = ["years", "runs", "seed", "budget_eur", "programme_years", "mix", "segments",
            "vouchers", "training", "pilots", "targets", "start_year"];
        json[fields[field]] = value;
        match Scenario::from_json(&json.to_string()) {
            Ok(mut ok) => {
                ok.runs = ok.runs.min(4);
                ok.years = ok.years.min(20);
                ok.programme_years = ok.programme_years.min(ok.years);
                ok.targets.clear();
                adoption_model::simulate(&ok).unwrap();
            }
            Err(e) => prop_assert!(!e.to_string().is_empty()),
        }
    }
}
