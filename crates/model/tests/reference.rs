//! Statistical tests against textbook references (MODEL-BRIEF "reference behaviour").
//!
//! | Reference | Test |
//! |---|---|
//! | budget 0: the mean follows the discrete Bass recursion | `mean_follows_the_discrete_bass_recursion` |
//! | q = 0: adopters are `A0 + Binomial(N - A0, 1 - (1 - p)^t)` | `without_imitation_adopters_are_binomial` |
//! | the policy world's thinned draws have the policy's marginal law | `trained_firms_follow_their_raised_probability` |
//! | cantabria buys the LIA plan's units | `cantabria_reaches_the_plan_targets` |
//!
//! Tolerances are four standard errors: a correct model fails one of these checks far less
//! than once in ten thousand runs of the suite (and the seeds are fixed, so never flakes).
#![cfg(not(target_arch = "wasm32"))]

use adoption_formats::preset;
use adoption_model::scenario::{Mix, Segment};
use adoption_model::{Param, Scenario, simulate};

fn one_segment(firms: u32, adopters: u32, p: f64, q: f64, years: u32, runs: u32) -> Scenario {
    Scenario {
        segments: vec![Segment {
            name: "all firms".into(),
            firms,
            adopters,
            p: Param::Exact(p),
            q: Param::Exact(q),
            aware_share: Param::Exact(0.3),
            exit_rate: 0.0,
            entry_rate: 0.0,
        }],
        years,
        programme_years: 1,
        runs,
        seed: 12345,
        budget_eur: 0.0,
        targets: vec![],
        ..preset::example_region()
    }
}

#[test]
fn mean_follows_the_discrete_bass_recursion() {
    let (n, a0, p, q, runs) = (10_000u32, 100u32, 0.03, 0.38, 2_000u32);
    let s = one_segment(n, a0, p, q, 20, runs);
    let summary = simulate(&s).unwrap();
    let mut f = f64::from(a0) / f64::from(n);
    for t in 0..=20 {
        let expected = f * f64::from(n);
        let got = summary.baseline.adopters.mean[t];
        let se = summary.baseline.adopters.sd[t] / f64::from(runs).sqrt();
        // Four standard errors, plus the recursion's own O(1/N) bias (Jensen's inequality on
        // the imitation term): well under one firm in a population of 10,000.
        let tol = 4.0 * se + 1.0;
        assert!(
            (got - expected).abs() <= tol,
            "year {t}: mean {got}, Bass {expected}, tol {tol}"
        );
        assert_eq!(
            summary.policy.adopters.mean[t], got,
            "budget 0: policy equals baseline"
        );
        f += (1.0 - f) * (p + q * f).min(1.0);
    }
    // The recursion really moves: the test would fail for a model that stood still.
    assert!(summary.baseline.adopters.mean[20] > 9_000.0);
}

#[test]
fn without_imitation_adopters_are_binomial() {
    let (n, a0, p, runs) = (10_000u32, 500u32, 0.04, 4_000u32);
    let s = one_segment(n, a0, p, 0.0, 15, runs);
    let summary = simulate(&s).unwrap();
    let stats = &summary.baseline.adopters;
    for t in 1..=15 {
        let pi = 1.0 - (1.0 - p).powi(t as i32);
        let m = f64::from(n - a0);
        let (mean, sd) = (f64::from(a0) + m * pi, (m * pi * (1.0 - pi)).sqrt());
        let r = f64::from(runs);
        assert!(
            (stats.mean[t] - mean).abs() <= 4.0 * sd / r.sqrt(),
            "year {t}: mean {} vs {mean}",
            stats.mean[t]
        );
        // The sample sd's standard error is about sd / sqrt(2 (R - 1)).
        let sd_tol = 4.0 * sd / (2.0 * (r - 1.0)).sqrt();
        assert!(
            (stats.sd[t] - sd).abs() <= sd_tol,
            "year {t}: sd {} vs binomial {sd}",
            stats.sd[t]
        );
        // The median of a binomial lies within one of its mean.
        assert!((stats.p50[t] - mean).abs() <= 1.0 + 4.0 * sd / r.sqrt());
    }
}

#[test]
fn trained_firms_follow_their_raised_probability() {
    // Everyone is less-innovation-aware and enough places train every non-adopter in year 1;
    // the uplift lasts the whole horizon. With q = 0 each trained firm adopts with
    // probability p + u a year in the policy world, independently.
    let (n, a0, p, u, runs) = (2_000u32, 0u32, 0.02, 0.05, 4_000u32);
    let mut s = one_segment(n, a0, p, 0.0, 8, runs);
    s.segments[0].aware_share = Param::Exact(0.0);
    s.mix = Mix {
        vouchers: 0.0,
        training: 1.0,
        pilots: 0.0,
    };
    s.training.cost_per_action_eur = 1_000.0;
    s.training.firms_per_action = 100;
    s.training.uplift = Param::Exact(u);
    s.training.effect_years = 8;
    s.budget_eur = 20.0 * 1_000.0;
    let summary = simulate(&s).unwrap();
    let r = f64::from(runs);
    for t in 1..=8 {
        for (stats, prob) in [
            (&summary.policy.adopters, p + u),
            (&summary.baseline.adopters, p),
        ] {
            let pi = 1.0 - (1.0 - prob).powi(t as i32);
            let (mean, sd) = (f64::from(n) * pi, (f64::from(n) * pi * (1.0 - pi)).sqrt());
            assert!(
                (stats.mean[t] - mean).abs() <= 4.0 * sd / r.sqrt(),
                "year {t}, p {prob}: mean {} vs {mean}",
                stats.mean[t]
            );
            let sd_tol = 4.0 * sd / (2.0 * (r - 1.0)).sqrt();
            assert!(
                (stats.sd[t] - sd).abs() <= sd_tol,
                "year {t}, p {prob}: sd {} vs {sd}",
                stats.sd[t]
            );
        }
    }
}

#[test]
fn cantabria_reaches_the_plan_targets() {
    let s = Scenario {
        runs: 200,
        ..preset::cantabria()
    };
    let h = simulate(&s).unwrap().summary;
    let plan = h.plan.clone().unwrap();
    assert_eq!(
        (plan.vouchers, plan.training_actions, plan.pilots),
        (50, 20, 15)
    );
    assert_eq!(h.reached.firms_trained, 100.0);
    // Vouchers are oversubscribed: all are awarded, and unused ones re-offered.
    assert!(
        h.reached.vouchers_awarded >= 50.0,
        "{}",
        h.reached.vouchers_awarded
    );
    assert_eq!(h.reached.pilots, 15.0);
    assert!(h.spend_eur <= s.budget_eur);
    // What unused vouchers leave after the last re-offer is not spent, and is reported.
    assert!(h.spend_eur < plan.planned_spend_eur);
    assert!((h.unspent_eur - (s.budget_eur - h.spend_eur)).abs() < 1e-6);
    let by = h.unspent.vouchers + h.unspent.training + h.unspent.pilots;
    assert!(
        (by - h.unspent_eur).abs() < 1e-6,
        "{by} vs {}",
        h.unspent_eur
    );
    assert!(h.additional_adopters.mean > 0.0 && h.additional_adopters.p5 > 0.0);
    let dw = h.deadweight;
    let (same, three, all) = (
        dw.same_year.unwrap(),
        dw.within_3_years.unwrap(),
        dw.by_horizon.unwrap(),
    );
    assert!(
        0.0 < same && same <= three && three <= all && all < 1.0,
        "{dw:?}"
    );
}
