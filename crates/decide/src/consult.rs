//! What a public consultation's participants want: the summary of their hand-ins.
//!
//! The facilitator's text is read by `adoption_formats::handin::read_text` and sorted by
//! [`Tally::read`] (the plans that count, and every line that does not, with why); this
//! module takes the plans that count ([`Ballot`]) and gives the [`Summary`]:
//!
//! - duplicates (the same nonce again) counted once, the first seen, and listed;
//! - per instrument the min, quartiles, median and max share, and the same of the
//!   budgets (quartiles of type 7: linear between order statistics, [`stats::quantile`]);
//! - two aggregate mixes that sum to 100%: the mean, and the moving-phantom median
//!   ([`moving_phantom_median`]), which no participant can move towards their own plan by
//!   handing in another;
//! - groups side by side: a group with fewer than [`MIN_GROUP`] people is not shown
//!   apart; such groups are pooled into one "other groups" line when the pool has at least
//!   [`MIN_GROUP`] people, and are otherwise only in the total; plans without a group are
//!   only in the total.
//!
//! `docs/consult.md` states the rules and works an example of the median.

use serde::Serialize;

mod text;
pub use text::{Foreign, Refused, Tally};

use adoption_model::param::tidy15;
use adoption_model::scenario::Mix;

use crate::stats;

/// Fewest people a group needs to be shown apart.
pub const MIN_GROUP: usize = 5;

/// One participant's plan that counts.
#[derive(Clone, Debug, PartialEq)]
pub struct Ballot {
    /// Where it was found (a line of the facilitator's text, from 1).
    pub line: usize,
    /// The hand-in's nonce: the same nonce twice is the same hand-in.
    pub nonce: u64,
    /// Vouchers, training and pilots shares, adding up to 1.
    pub shares: [f64; 3],
    /// The budget, in euros.
    pub budget_eur: f64,
    /// The participant's group, if given.
    pub group: Option<String>,
}

/// The spread of one figure over the participants.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Spread {
    /// Smallest.
    pub min: f64,
    /// First quartile.
    pub q1: f64,
    /// Median.
    pub median: f64,
    /// Third quartile.
    pub q3: f64,
    /// Largest.
    pub max: f64,
}

impl Spread {
    /// The spread of `xs` (all 0 when empty).
    pub fn of(xs: &[f64]) -> Spread {
        let mut v = xs.to_vec();
        v.sort_by(f64::total_cmp);
        let q = |level| stats::quantile_sorted(&v, level);
        Spread {
            min: q(0.0),
            q1: q(0.25),
            median: q(0.5),
            q3: q(0.75),
            max: q(1.0),
        }
    }
}

/// The spread of each instrument's share.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Shares {
    /// Vouchers.
    pub vouchers: Spread,
    /// Training.
    pub training: Spread,
    /// Pilots.
    pub pilots: Spread,
}

/// A hand-in seen again (the same nonce), counted once.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Duplicate {
    /// Its line.
    pub line: usize,
    /// The line of the hand-in counted.
    pub first_line: usize,
    /// Whether it carries the same plan as the one counted (else only the nonce is the
    /// same).
    pub same_plan: bool,
}

/// A set of plans summed up: everyone's, a group's, or the small groups' pooled.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Aggregate {
    /// People (plans counted).
    pub people: usize,
    /// The mean of the mixes (sums to 1).
    pub mean_mix: Mix,
    /// The moving-phantom median of the mixes (sums to 1).
    pub median_mix: Mix,
    /// Each instrument's spread of shares.
    pub shares: Shares,
    /// The budgets' spread.
    pub budget: Spread,
}

impl Aggregate {
    /// The aggregate of plans (empty: zero people, all figures 0).
    pub fn of(ballots: &[&Ballot]) -> Aggregate {
        let votes: Vec<[f64; 3]> = ballots.iter().map(|b| b.shares).collect();
        let column = |j: usize| -> Vec<f64> { votes.iter().map(|v| v[j]).collect() };
        let budgets: Vec<f64> = ballots.iter().map(|b| b.budget_eur).collect();
        // Kept to 15 significant digits (`tidy15`): 0.4, not 0.39999999999999997, and a
        // mix that survives a scenario file's round trip exactly; the sum moves by at most
        // 1.5e-15.
        let mix = |s: [f64; 3]| Mix {
            vouchers: tidy15(s[0]),
            training: tidy15(s[1]),
            pilots: tidy15(s[2]),
        };
        Aggregate {
            people: ballots.len(),
            mean_mix: mix(mean(&votes)),
            median_mix: mix(moving_phantom_median(&votes).unwrap_or([0.0; 3])),
            shares: Shares {
                vouchers: Spread::of(&column(0)),
                training: Spread::of(&column(1)),
                pilots: Spread::of(&column(2)),
            },
            budget: Spread::of(&budgets),
        }
    }
}

/// A group's line.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Group {
    /// Its name.
    pub name: String,
    /// Its plans summed up.
    #[serde(flatten)]
    pub aggregate: Aggregate,
}

/// What the participants want.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Summary {
    /// Plans counted (duplicates once).
    pub valid: usize,
    /// Hand-ins seen again, in the order found.
    pub duplicates: Vec<Duplicate>,
    /// Everyone's plans summed up.
    pub total: Aggregate,
    /// Groups with at least [`MIN_GROUP`] people, by name.
    pub groups: Vec<Group>,
    /// The groups with fewer people pooled, when the pool has at least [`MIN_GROUP`].
    pub other_groups: Option<Aggregate>,
    /// People in groups too small to show apart and not pooled (only in the total).
    pub in_total_only: usize,
    /// People without a group (only in the total).
    pub without_group: usize,
}

/// Sums up the plans: duplicates once, the aggregates, the groups.
pub fn summarise(ballots: &[Ballot]) -> Summary {
    let mut counted: Vec<&Ballot> = Vec::with_capacity(ballots.len());
    let mut duplicates = Vec::new();
    let mut first: std::collections::HashMap<u64, &Ballot> = Default::default();
    for b in ballots {
        match first.get(&b.nonce) {
            Some(f) => duplicates.push(Duplicate {
                line: b.line,
                first_line: f.line,
                same_plan: f.shares == b.shares
                    && f.budget_eur == b.budget_eur
                    && f.group == b.group,
            }),
            None => {
                first.insert(b.nonce, b);
                counted.push(b);
            }
        }
    }
    let mut names: Vec<&str> = counted.iter().filter_map(|b| b.group.as_deref()).collect();
    names.sort_unstable();
    names.dedup();
    let members = |name: &str| -> Vec<&Ballot> {
        counted
            .iter()
            .copied()
            .filter(|b| b.group.as_deref() == Some(name))
            .collect()
    };
    let mut groups = Vec::new();
    let mut small: Vec<&Ballot> = Vec::new();
    for name in names {
        let m = members(name);
        if m.len() >= MIN_GROUP {
            groups.push(Group {
                name: name.to_string(),
                aggregate: Aggregate::of(&m),
            });
        } else {
            small.extend(m);
        }
    }
    let pooled = small.len() >= MIN_GROUP;
    Summary {
        valid: counted.len(),
        duplicates,
        total: Aggregate::of(&counted),
        groups,
        other_groups: pooled.then(|| Aggregate::of(&small)),
        in_total_only: if pooled { 0 } else { small.len() },
        without_group: counted.iter().filter(|b| b.group.is_none()).count(),
    }
}

/// The mean of the votes, each coordinate; sums to 1 up to rounding when each vote does.
fn mean<const M: usize>(votes: &[[f64; M]]) -> [f64; M] {
    let n = votes.len().max(1) as f64;
    std::array::from_fn(|j| votes.iter().map(|v| v[j]).sum::<f64>() / n)
}

/// The moving-phantom median of budget divisions with the "independent markets" phantoms
/// (Freeman, Pennock, Peters & Wortman Vaughan, "Truthful aggregation of budget
/// proposals", Journal of Economic Theory 193 (2021) 105234): each share is the median of
/// the `n` votes' shares and `n + 1` phantoms `f_k(t) = min(1, t (n - k))`, `k = 0..n`,
/// at the `t` in [0, 1] where the shares sum to 1. `None` without votes.
///
/// The sum of the medians is continuous, non-decreasing and piecewise linear in `t`, 0 at
/// `t = 0` and at least 1 at `t = 1` (each median is then the largest vote). `t` is
/// bisected until its bracket is two adjacent floating-point numbers, and the medians are
/// interpolated linearly inside it to sum to 1: the exact solution up to rounding.
pub fn moving_phantom_median<const M: usize>(votes: &[[f64; M]]) -> Option<[f64; M]> {
    if votes.is_empty() {
        return None;
    }
    let mut buffer = Vec::with_capacity(2 * votes.len() + 1);
    let mut medians =
        |t: f64| -> [f64; M] { std::array::from_fn(|j| phantom_median(votes, j, t, &mut buffer)) };
    let sum = |m: &[f64; M]| m.iter().sum::<f64>();
    let (mut lo, mut hi) = (0.0_f64, 1.0_f64);
    let (mut at_lo, mut at_hi) = (medians(lo), medians(hi));
    loop {
        let mid = lo + (hi - lo) / 2.0;
        if mid <= lo || mid >= hi {
            break;
        }
        let m = medians(mid);
        if sum(&m) < 1.0 {
            (lo, at_lo) = (mid, m);
        } else {
            (hi, at_hi) = (mid, m);
        }
    }
    let (s_lo, s_hi) = (sum(&at_lo), sum(&at_hi));
    if s_hi <= s_lo {
        return Some(at_hi);
    }
    let w = ((1.0 - s_lo) / (s_hi - s_lo)).clamp(0.0, 1.0);
    Some(std::array::from_fn(|j| {
        at_lo[j] + w * (at_hi[j] - at_lo[j])
    }))
}

/// The median of coordinate `j` of the votes and the `n + 1` phantoms at `t`.
fn phantom_median<const M: usize>(votes: &[[f64; M]], j: usize, t: f64, buf: &mut Vec<f64>) -> f64 {
    let n = votes.len();
    buf.clear();
    buf.extend(votes.iter().map(|v| v[j]));
    buf.extend((0..=n).map(|k| (t * (n - k) as f64).min(1.0)));
    let (_, median, _) = buf.select_nth_unstable_by(n, f64::total_cmp);
    *median
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ballot(line: usize, nonce: u64, shares: [f64; 3], group: Option<&str>) -> Ballot {
        Ballot {
            line,
            nonce,
            shares,
            budget_eur: 1e6 * line as f64,
            group: group.map(str::to_string),
        }
    }

    #[test]
    fn a_unanimous_vote_is_its_own_median() {
        let m = moving_phantom_median(&[[0.5, 0.2, 0.3]; 4]).unwrap();
        for (a, b) in m.iter().zip([0.5, 0.2, 0.3]) {
            assert!((a - b).abs() < 1e-12, "{m:?}");
        }
        assert_eq!(moving_phantom_median::<3>(&[]), None);
    }

    #[test]
    fn duplicates_count_once_and_small_groups_pool() {
        let mut ballots: Vec<Ballot> = (1..=6)
            .map(|i| ballot(i, i as u64, [0.5, 0.2, 0.3], Some("north")))
            .collect();
        ballots.push(ballot(7, 3, [0.5, 0.2, 0.3], Some("north")));
        ballots.push(ballot(8, 4, [0.1, 0.2, 0.7], Some("north")));
        for i in 9..=11 {
            ballots.push(ballot(i, i as u64, [1.0, 0.0, 0.0], Some("east")));
        }
        for i in 12..=13 {
            ballots.push(ballot(i, i as u64, [0.0, 1.0, 0.0], Some("west")));
        }
        ballots.push(ballot(14, 14, [0.0, 0.0, 1.0], None));
        let s = summarise(&ballots);
        assert_eq!(s.valid, 12);
        assert_eq!(
            s.duplicates,
            [
                Duplicate {
                    line: 7,
                    first_line: 3,
                    same_plan: false
                },
                Duplicate {
                    line: 8,
                    first_line: 4,
                    same_plan: false
                },
            ]
        );
        assert_eq!(s.groups.len(), 1);
        assert_eq!(s.groups[0].name, "north");
        assert_eq!(s.groups[0].aggregate.people, 6);
        let other = s.other_groups.as_ref().unwrap();
        assert_eq!(other.people, 5);
        assert_eq!(s.in_total_only, 0);
        assert_eq!(s.without_group, 1);
        assert_eq!(s.total.budget.min, 1e6);
        assert_eq!(s.total.budget.max, 14e6);
        // Without `west`, the small group alone is not pooled.
        let s = summarise(&ballots[..11]);
        assert!(s.other_groups.is_none());
        assert_eq!(s.in_total_only, 3);
    }
}
