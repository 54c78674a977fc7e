//! The budget mix as whole percentages that always add up to 100.
//!
//! Moving one instrument's share rebalances the other unlocked ones in proportion to their
//! current shares; a locked share holds. This is the one home of the hold rule: the mix
//! control asks [`room`] and [`movable`] what to offer and dispatches. Pure logic, tested
//! natively.

use adoption_model::Instrument;
use adoption_model::scenario::Mix;

/// Shares in whole percent, in instrument order ([`Instrument::ALL`]).
pub type Percents = [u32; 3];

/// The mix rounded to whole percents adding up to exactly 100 (largest remainder).
pub fn percents(mix: &Mix) -> Percents {
    split_evenly(100, &mix.shares())
}

/// The mix for whole percents.
pub fn mix_of(p: Percents) -> Mix {
    // k / 100 is the same f64 as the literal "0.k", so links and files stay tidy.
    let mut mix = Mix {
        vouchers: 0.0,
        training: 0.0,
        pilots: 0.0,
    };
    for instrument in Instrument::ALL {
        mix.set_share(instrument, f64::from(p[instrument.index()]) / 100.0);
    }
    mix
}

/// Whether share `moved` can move: it is not held, and not both of its partners are.
pub fn movable(locks: [bool; 3], moved: usize) -> bool {
    !locks[moved] && (0..3).any(|i| i != moved && !locks[i])
}

/// The most share `moved` can take: what the held others leave.
pub fn room(current: Percents, locks: [bool; 3], moved: usize) -> u32 {
    let held: u32 = (0..3)
        .filter(|&i| i != moved && locks[i])
        .map(|i| current[i])
        .sum();
    100u32.saturating_sub(held)
}

/// Sets instrument `moved` to `target` percent (limited by the locked shares) and
/// spreads the rest over the other unlocked instruments in proportion to their current
/// shares (evenly if they are all zero). A locked `moved`, or one whose partners are
/// both locked, keeps its share.
pub fn rebalance(current: Percents, locks: [bool; 3], moved: usize, target: u32) -> Percents {
    if !movable(locks, moved) {
        return current;
    }
    let free: Vec<usize> = (0..3).filter(|&i| i != moved && !locks[i]).collect();
    let room = room(current, locks, moved);
    let target = target.min(room);
    let rest = room - target;
    let weights: Vec<f64> = free.iter().map(|&i| f64::from(current[i])).collect();
    let weights = if weights.iter().all(|&w| w == 0.0) {
        vec![1.0; free.len()]
    } else {
        weights
    };
    let split = split_evenly_n(rest, &weights);
    let mut out = current;
    out[moved] = target;
    for (slot, &i) in free.iter().enumerate() {
        out[i] = split[slot];
    }
    out
}

/// `total` whole units split in proportion to three weights (largest remainder).
fn split_evenly(total: u32, weights: &[f64; 3]) -> Percents {
    let v = split_evenly_n(total, weights);
    [v[0], v[1], v[2]]
}

/// `total` whole units split in proportion to `weights` by the largest-remainder method;
/// ties go to the earlier entry, so the result is deterministic.
fn split_evenly_n(total: u32, weights: &[f64]) -> Vec<u32> {
    let sum: f64 = weights.iter().filter(|w| w.is_finite() && **w > 0.0).sum();
    if sum <= 0.0 {
        let mut out = vec![0; weights.len()];
        if let Some(first) = out.first_mut() {
            *first = total;
        }
        return out;
    }
    let exact: Vec<f64> = weights
        .iter()
        .map(|&w| {
            if w.is_finite() && w > 0.0 {
                w / sum * f64::from(total)
            } else {
                0.0
            }
        })
        .collect();
    let mut out: Vec<u32> = exact.iter().map(|e| e.floor() as u32).collect();
    let given: u32 = out.iter().sum();
    // NOTE: the units left go one by one to the largest remainder not yet served (ties to
    // the earlier entry) rather than through a sort: there are three entries, and each
    // sort instantiated costs the page ~1 KB.
    let mut remainders: Vec<f64> = exact.iter().map(|e| e - e.floor()).collect();
    let left = (total.saturating_sub(given) as usize).min(weights.len());
    for _ in 0..left {
        let largest = (0..remainders.len()).reduce(|best, i| {
            if remainders[i] > remainders[best] {
                i
            } else {
                best
            }
        });
        if let Some(i) = largest {
            out[i] += 1;
            remainders[i] = f64::NEG_INFINITY;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const NONE: [bool; 3] = [false; 3];

    #[test]
    fn moving_one_rebalances_the_others_in_proportion() {
        assert_eq!(rebalance([40, 20, 40], NONE, 0, 70), [70, 10, 20]);
        assert_eq!(rebalance([40, 20, 40], NONE, 1, 0), [50, 0, 50]);
        assert_eq!(rebalance([0, 0, 100], NONE, 2, 40), [30, 30, 40]);
        assert_eq!(rebalance([50, 50, 0], NONE, 0, 100), [100, 0, 0]);
    }

    #[test]
    fn a_lock_holds_its_share() {
        assert_eq!(
            rebalance([40, 20, 40], [false, true, false], 0, 70),
            [70, 20, 10]
        );
        // The moved share cannot eat into the locked one.
        assert_eq!(
            rebalance([40, 20, 40], [false, true, false], 0, 95),
            [80, 20, 0]
        );
        // Locked itself, or both partners locked: nothing moves.
        assert_eq!(
            rebalance([40, 20, 40], [true, false, false], 0, 10),
            [40, 20, 40]
        );
        assert_eq!(
            rebalance([40, 20, 40], [false, true, true], 0, 10),
            [40, 20, 40]
        );
    }

    #[test]
    fn room_and_movable_follow_the_holds() {
        let p = [40, 20, 40];
        assert_eq!(room(p, NONE, 0), 100);
        assert_eq!(room(p, [false, true, false], 0), 80);
        assert_eq!(room(p, [false, true, true], 0), 40);
        assert!(movable(NONE, 0));
        assert!(!movable([true, false, false], 0), "held itself");
        assert!(!movable([false, true, true], 0), "both partners held");
        assert!(movable([false, true, false], 0));
    }

    #[test]
    fn every_result_adds_up_to_100() {
        for a in (0..=100).step_by(7) {
            for b in (0..=100 - a).step_by(11) {
                let current = [a, b, 100 - a - b];
                for moved in 0..3 {
                    for target in [0, 1, 33, 50, 99, 100, 150] {
                        for lock in 0..4 {
                            let mut locks = NONE;
                            if lock < 3 {
                                locks[lock] = true;
                            }
                            let out = rebalance(current, locks, moved, target);
                            assert_eq!(
                                out.iter().sum::<u32>(),
                                100,
                                "{current:?} {locks:?} {moved} {target}"
                            );
                            if lock < 3 && lock != moved {
                                assert_eq!(out[lock], current[lock]);
                            }
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn percents_round_to_100_and_back() {
        let third = Mix {
            vouchers: 1.0 / 3.0,
            training: 1.0 / 3.0,
            pilots: 1.0 / 3.0,
        };
        assert_eq!(percents(&third), [34, 33, 33]);
        let m = mix_of([40, 20, 40]);
        assert_eq!((m.vouchers, m.training, m.pilots), (0.4, 0.2, 0.4));
    }
}
