//! What model 2 promises, tested against closed forms and against itself.
//!
//! | Promise | Test |
//! |---|---|
//! | training with `effect_years: 0` gives no uplift | `training_without_effect_years_gives_no_uplift` |
//! | the same firms grouped differently give the same expected results and bands | `grouping_leaves_results_and_bands_unchanged` |
//! | a voucher pulls more the larger its grant; a zero grant converts no one | `voucher_value_has_a_monotone_dose_response`, `a_zero_grant_converts_no_one` |
//! | without diffusion, firms and adopters follow the exit/entry closed form | `exit_and_entry_follow_their_closed_form` |
//! | lapsed adopters leave the policy world | `a_full_lapse_undoes_voucher_adoptions` |
//! | unused vouchers are re-offered; what is left is reported | `unused_vouchers_are_re_offered_and_the_rest_reported` |
//! | the headline is read at the headline year | `the_headline_is_read_at_the_headline_year` |
//! | deadweight grows with the span it is measured over | `deadweight_grows_with_its_span` |
//!
//! Tolerances are four standard errors of the compared estimates; seeds are fixed, so
//! nothing flakes.
#![cfg(not(target_arch = "wasm32"))]

use adoption_formats::preset;
use adoption_model::scenario::{Mix, Segment};
use adoption_model::{Param, Scenario, Summary, simulate};
use proptest::prelude::*;

fn run(s: &Scenario) -> Summary {
    simulate(s).expect("valid scenario")
}

fn only(vouchers: f64, training: f64, pilots: f64) -> Mix {
    Mix {
        vouchers,
        training,
        pilots,
    }
}

/// Four standard errors of the difference of two independent means.
fn tolerance(a: &Summary, b: &Summary, pick: fn(&Summary) -> (f64, f64)) -> f64 {
    let ((_, sa), (_, sb)) = (pick(a), pick(b));
    let n = f64::from(a.runs.min(b.runs));
    4.0 * ((sa * sa + sb * sb) / n).sqrt()
}

#[test]
fn training_without_effect_years_gives_no_uplift() {
    let mut s = Scenario {
        runs: 300,
        mix: only(0.0, 1.0, 0.0),
        ..preset::cantabria()
    };
    s.training.uplift = Param::Exact(0.05);
    s.training.effect_years = 0;
    let with_uplift = run(&s);
    s.training.uplift = Param::Exact(0.0);
    let without = run(&s);
    // Exact parameters draw nothing, so the two runs see the same random numbers: an
    // uplift that lasts no year changes nothing at all.
    assert_eq!(with_uplift, without);
    s.training.uplift = Param::Exact(0.05);
    s.training.effect_years = 1;
    let one_year = run(&s);
    let h = |x: &Summary| x.summary.additional_adopters.mean;
    assert!(
        h(&one_year) > h(&without) + 5.0,
        "one year of uplift {} vs none {}",
        h(&one_year),
        h(&without)
    );
}

/// A one-segment scenario and the same firms cut into `k` identical parts.
fn split(s: &Scenario, k: u32) -> Scenario {
    let g = &s.segments[0];
    let segments = (0..k)
        .map(|i| Segment {
            name: format!("part {i}"),
            firms: g.firms / k,
            adopters: g.adopters / k,
            ..g.clone()
        })
        .collect();
    Scenario {
        segments,
        ..s.clone()
    }
}

fn grouping_case() -> impl Strategy<Value = (Scenario, u32)> {
    (
        2u32..=8,
        (0.0..=1.0f64, 0.0..=1.0f64),
        200_000.0..=3_000_000.0f64,
        any::<u64>(),
        0.0..=0.08f64,
    )
        .prop_map(|(k, (a, b), budget, seed, exit)| {
            let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
            let base = preset::cantabria();
            let g = Segment {
                name: "all".into(),
                // Multiples of every k up to 8.
                firms: 840 * 20,
                adopters: 840 * 4,
                exit_rate: exit,
                entry_rate: exit * 0.9,
                ..base.segments[0].clone()
            };
            let s = Scenario {
                segments: vec![g],
                mix: only(lo, hi - lo, 1.0 - hi),
                budget_eur: budget,
                seed,
                runs: 400,
                targets: vec![],
                ..base
            };
            (s, k)
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 6, ..ProptestConfig::default() })]

    /// Splitting a segment into identical parts leaves every expected figure and the 90%
    /// bands unchanged within Monte Carlo error, for any mix: the pilots' visibility is
    /// region-wide and the diffusion draw is shared.
    #[test]
    fn grouping_leaves_results_and_bands_unchanged((s, k) in grouping_case()) {
        let (one, parts) = (run(&s), run(&split(&s, k)));
        let h = s.years as usize;
        for (name, pick) in [
            ("baseline", (|x: &Summary| (x.baseline.adopters.mean[10], x.baseline.adopters.sd[10])) as fn(&Summary) -> (f64, f64)),
            ("policy", |x: &Summary| (x.policy.adopters.mean[10], x.policy.adopters.sd[10])),
            ("additional", |x: &Summary| (x.additional.adopters.mean[10], x.additional.adopters.sd[10])),
            ("additional, year 3", |x: &Summary| (x.additional.adopters.mean[3], x.additional.adopters.sd[3])),
        ] {
            let (a, b) = (pick(&one).0, pick(&parts).0);
            let tol = tolerance(&one, &parts, pick) + 1.0;
            prop_assert!((a - b).abs() <= tol, "{name}: 1 segment {a}, {k} parts {b}, tol {tol}");
        }
        // The band's width: the shared draw keeps it; independent draws per part shrank it
        // by about sqrt(k) in model 1.
        let width = |x: &Summary| x.baseline.adopters.p95[h] - x.baseline.adopters.p5[h];
        let (w1, wk) = (width(&one), width(&parts));
        prop_assert!((w1 - wk).abs() <= 0.2 * w1 + 10.0, "band width: 1 segment {w1}, {k} parts {wk}");
    }
}

/// Vouchers only, with the budget buying the same number of vouchers at every grant.
fn vouchers_at(value: f64) -> Scenario {
    let mut s = Scenario {
        runs: 400,
        mix: only(1.0, 0.0, 0.0),
        ..preset::cantabria()
    };
    s.vouchers.value_eur = value;
    s.vouchers.value_scale_eur = Param::Exact(4_000.0);
    s.budget_eur = 100.0 * (value + s.vouchers.admin_eur);
    s
}

#[test]
fn voucher_value_has_a_monotone_dose_response() {
    let values = [1_000.0, 3_000.0, 6_000.0, 12_000.0, 24_000.0];
    let results: Vec<Summary> = values.iter().map(|&v| run(&vouchers_at(v))).collect();
    let mean = |x: &Summary| x.summary.additional_adopters.mean;
    for (pair, v) in results.windows(2).zip(values.windows(2)) {
        // Common random numbers: the same seed and runs, so the comparison is paired.
        assert!(
            mean(&pair[1]) >= mean(&pair[0]) - 1.0,
            "{} EUR gives {} but {} EUR gives {}",
            v[0],
            mean(&pair[0]),
            v[1],
            mean(&pair[1])
        );
    }
    // Diminishing returns: the last doubling adds less than the first tripling.
    let gain = |a: usize, b: usize| mean(&results[b]) - mean(&results[a]);
    assert!(
        gain(0, 1) > gain(3, 4),
        "{:?}",
        results.iter().map(mean).collect::<Vec<_>>()
    );
    assert!(mean(&results[4]) > mean(&results[0]) + 5.0);
}

#[test]
fn a_zero_grant_converts_no_one() {
    let s = vouchers_at(0.0);
    let summary = run(&s);
    assert_eq!(summary.summary.reached.vouchers_awarded, 0.0);
    assert!(summary.additional.adopters.mean.iter().all(|&m| m == 0.0));
    assert_eq!(summary.summary.unspent_eur, s.budget_eur);
}

#[test]
fn exit_and_entry_follow_their_closed_form() {
    let (n0, a0, exit, entry, runs) = (20_000u32, 6_000u32, 0.06, 0.04, 2_000u32);
    let mut s = Scenario {
        runs,
        budget_eur: 0.0,
        targets: vec![],
        ..preset::example_region()
    };
    s.segments = vec![Segment {
        name: "all".into(),
        firms: n0,
        adopters: a0,
        p: Param::Exact(0.0),
        q: Param::Exact(0.0),
        aware_share: Param::Exact(0.3),
        exit_rate: exit,
        entry_rate: entry,
    }];
    let summary = run(&s);
    for t in 0..=s.years as usize {
        let firms = f64::from(n0) * (1.0 - exit + entry).powi(t as i32);
        let adopters = f64::from(a0) * (1.0 - exit).powi(t as i32);
        // Closures and openings are rounded at random: each year's count is within one of
        // its expectation, so the mean over runs is within a few hundredths of one.
        assert!(
            (summary.firms[t] - firms).abs() < 0.05 * (t as f64 + 1.0),
            "year {t}: firms {} vs {firms}",
            summary.firms[t]
        );
        let got = summary.baseline.adopters.mean[t];
        assert!(
            (got - adopters).abs() < 0.05 * (t as f64 + 1.0),
            "year {t}: adopters {got} vs {adopters}"
        );
        assert_eq!(summary.policy.adopters.mean[t], got);
    }
    assert!(
        summary.firms[10] < 0.9 * f64::from(n0),
        "firms really close"
    );
}

#[test]
fn a_full_lapse_undoes_voucher_adoptions() {
    let mut s = Scenario {
        runs: 200,
        mix: only(1.0, 0.0, 0.0),
        programme_years: 1,
        ..preset::cantabria()
    };
    for g in &mut s.segments {
        g.q = Param::Exact(0.0);
    }
    s.vouchers.lapse = Param::Exact(1.0);
    let summary = run(&s);
    // Without imitation, a voucher adopter can only add to the policy world through its
    // own adoption, which lapses entirely the year after.
    assert!(summary.additional.adopters.mean[1] > 0.0);
    for t in 2..=s.years as usize {
        assert_eq!(summary.additional.adopters.mean[t], 0.0, "year {t}");
    }
    assert_eq!(
        summary.summary.reached.lapsed,
        summary.additional.adopters.mean[1]
    );
}

#[test]
fn unused_vouchers_are_re_offered_and_the_rest_reported() {
    let mut s = Scenario {
        runs: 200,
        mix: only(1.0, 0.0, 0.0),
        ..preset::cantabria()
    };
    s.vouchers.used = Param::Exact(0.5);
    // Many applicants, so every voucher on offer finds a taker.
    s.vouchers.apply_aware = Param::Exact(0.3);
    s.vouchers.apply_lia = Param::Exact(0.1);
    let plan = adoption_model::Plan::new(&s).vouchers as f64;
    let again = run(&s);
    assert!(
        again.summary.reached.vouchers_awarded > plan + 5.0,
        "awarded {} of {plan} planned",
        again.summary.reached.vouchers_awarded
    );
    let h = &again.summary;
    assert!((h.unspent_eur - (s.budget_eur - h.spend_eur)).abs() < 1e-6);
    assert!(h.unspent.vouchers > 0.0 && h.unspent.training == 0.0 && h.unspent.pilots == 0.0);
    // In one programme year nothing can be re-offered: the awards are the plan's.
    let once = run(&Scenario {
        programme_years: 1,
        ..s.clone()
    });
    assert_eq!(once.summary.reached.vouchers_awarded, plan);
}

#[test]
fn the_headline_is_read_at_the_headline_year() {
    let s = Scenario {
        runs: 100,
        headline_year: Some(2030),
        ..preset::cantabria()
    };
    let summary = run(&s);
    let y = (2030 - s.start_year) as usize;
    let h = &summary.summary;
    assert_eq!(h.headline_year, 2030);
    assert_eq!(h.horizon_year, s.horizon_year());
    assert_eq!(
        h.additional_adopters.mean,
        summary.additional.adopters.mean[y]
    );
    assert_eq!(h.additional_adopters.p5, summary.additional.adopters.p5[y]);
    // Adopter-years sum every year's additional adopters, whatever the headline year.
    let sum: f64 = summary.additional.adopters.mean.iter().sum();
    assert!((h.additional_adopter_years.mean - sum).abs() < 1e-6 * sum.max(1.0));
}

#[test]
fn deadweight_grows_with_its_span() {
    let summary = run(&Scenario {
        runs: 300,
        ..preset::cantabria()
    });
    let d = summary.summary.deadweight;
    let (a, b, c) = (
        d.same_year.unwrap(),
        d.within_3_years.unwrap(),
        d.by_horizon.unwrap(),
    );
    assert!(0.0 < a && a < b && b < c && c < 1.0, "{d:?}");
}
