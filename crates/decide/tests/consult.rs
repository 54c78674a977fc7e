//! The consultation's aggregates against values computed independently here: the
//! moving-phantom median by an exact piecewise solve over every breakpoint of `t`, the mean
//! by summing whole percents; both sum to 1; and the median's truthfulness: no voter gets
//! the outcome closer (in l1) to their own plan by handing in another.
#![cfg(not(target_arch = "wasm32"))]

use adoption_decide::consult::{Ballot, moving_phantom_median, summarise};
use proptest::prelude::*;

/// The median of the votes' coordinate `j` and the phantoms at `t`, by a full sort.
fn median_sorted(votes: &[[f64; 3]], j: usize, t: f64) -> f64 {
    let n = votes.len();
    let mut all: Vec<f64> = votes.iter().map(|v| v[j]).collect();
    all.extend((0..=n).map(|k| (t * (n - k) as f64).min(1.0)));
    all.sort_by(f64::total_cmp);
    all[n]
}

fn total(votes: &[[f64; 3]], t: f64) -> f64 {
    (0..3).map(|j| median_sorted(votes, j, t)).sum()
}

/// The exact solve: between consecutive breakpoints (a phantom meeting a vote or 1) the
/// sum is linear in `t`, so the crossing of 1 is found in the piece that brackets it.
fn by_breakpoints(votes: &[[f64; 3]]) -> [f64; 3] {
    let n = votes.len();
    let mut ts = vec![0.0, 1.0];
    for k in 0..n {
        let d = (n - k) as f64;
        ts.push(1.0 / d);
        for v in votes {
            ts.extend(v.iter().map(|x| x / d));
        }
    }
    ts.retain(|t| (0.0..=1.0).contains(t));
    ts.sort_by(f64::total_cmp);
    ts.dedup();
    // The first breakpoint where the sum reaches 1 (the sum is non-decreasing in t).
    let i = ts.partition_point(|&t| total(votes, t) < 1.0);
    let t = if i == 0 {
        ts[0]
    } else if i == ts.len() {
        // The shares of a plan may add up to 1 - 1e-16 in floating point: then even the
        // largest shares (t = 1) fall short of 1 by that much.
        1.0
    } else {
        let (a, b) = (ts[i - 1], ts[i]);
        let (sa, sb) = (total(votes, a), total(votes, b));
        a + (1.0 - sa) * (b - a) / (sb - sa)
    };
    std::array::from_fn(|j| median_sorted(votes, j, t))
}

fn votes(max_voters: usize) -> impl Strategy<Value = Vec<[f64; 3]>> {
    prop::collection::vec((0u32..=100, 0u32..=100), 1..=max_voters).prop_map(|v| {
        v.into_iter()
            .map(|(a, b)| {
                let b = b.min(100 - a);
                [a, b, 100 - a - b].map(|p| f64::from(p) / 100.0)
            })
            .collect()
    })
}

fn l1(a: &[f64; 3], b: &[f64; 3]) -> f64 {
    a.iter().zip(b).map(|(x, y)| (x - y).abs()).sum()
}

#[test]
fn the_worked_example_of_the_docs() {
    // docs/consult.md: five people; t = 1/6, the phantoms 0, 1/6, ..., 5/6.
    let v = [
        [0.5, 0.3, 0.2],
        [0.6, 0.2, 0.2],
        [0.4, 0.4, 0.2],
        [0.2, 0.3, 0.5],
        [0.7, 0.1, 0.2],
    ];
    let m = moving_phantom_median(&v).unwrap();
    let want = [0.5, 0.3, 0.2];
    for j in 0..3 {
        assert!((m[j] - want[j]).abs() < 1e-12, "{m:?}");
        assert!((m[j] - by_breakpoints(&v)[j]).abs() < 1e-12);
    }
    let ballots: Vec<Ballot> = v
        .iter()
        .enumerate()
        .map(|(i, s)| Ballot {
            line: i + 1,
            nonce: i as u64,
            shares: *s,
            budget_eur: 1e6 * (i + 1) as f64,
            group: None,
        })
        .collect();
    let s = summarise(&ballots);
    assert_eq!(
        [
            s.total.mean_mix.vouchers,
            s.total.mean_mix.training,
            s.total.mean_mix.pilots
        ],
        [0.48, 0.26, 0.26]
    );
    assert_eq!(s.total.shares.vouchers.q1, 0.4);
    assert_eq!(s.total.shares.vouchers.q3, 0.6);
    assert_eq!(s.total.budget.median, 3e6);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn the_median_is_the_exact_piecewise_solution_and_sums_to_one(v in votes(40)) {
        let m = moving_phantom_median(&v).unwrap();
        let want = by_breakpoints(&v);
        for j in 0..3 {
            prop_assert!((m[j] - want[j]).abs() < 1e-9, "{:?} {:?}", m, want);
            prop_assert!((0.0..=1.0).contains(&m[j]));
        }
        prop_assert!((m.iter().sum::<f64>() - 1.0).abs() < 1e-12);
    }

    #[test]
    fn no_voter_moves_the_median_towards_their_plan_by_misreporting(
        v in votes(5),
        who in any::<prop::sample::Index>(),
        lie in votes(1),
    ) {
        let i = who.index(v.len());
        let honest = moving_phantom_median(&v).unwrap();
        let mut told = v.clone();
        told[i] = lie[0];
        let gamed = moving_phantom_median(&told).unwrap();
        prop_assert!(
            l1(&v[i], &honest) <= l1(&v[i], &gamed) + 1e-9,
            "voter {} {:?}: honest {:?} ({}), lying {:?} gives {:?} ({})",
            i, v[i], honest, l1(&v[i], &honest), lie[0], gamed, l1(&v[i], &gamed)
        );
    }

    #[test]
    fn the_mean_is_the_mean_of_percents_and_sums_to_one(v in votes(60)) {
        let ballots: Vec<Ballot> = v
            .iter()
            .enumerate()
            .map(|(i, s)| Ballot { line: i + 1, nonce: i as u64, shares: *s, budget_eur: 1.0, group: None })
            .collect();
        let s = summarise(&ballots);
        let mean = s.total.mean_mix;
        let n = v.len() as f64;
        let want: Vec<f64> = (0..3)
            .map(|j| v.iter().map(|x| (x[j] * 100.0).round()).sum::<f64>() / n / 100.0)
            .collect();
        prop_assert!((mean.vouchers - want[0]).abs() < 1e-12);
        prop_assert!((mean.training - want[1]).abs() < 1e-12);
        prop_assert!((mean.pilots - want[2]).abs() < 1e-12);
        prop_assert!((mean.vouchers + mean.training + mean.pilots - 1.0).abs() < 1e-12);
        let median = s.total.median_mix;
        prop_assert!((median.vouchers + median.training + median.pilots - 1.0).abs() < 1e-12);
        prop_assert_eq!(s.valid, v.len());
        prop_assert!(s.duplicates.is_empty());
    }
}
