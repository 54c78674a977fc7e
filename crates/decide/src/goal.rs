//! The budget for a target: the least budget (at a given mix) that meets a target with a
//! chosen probability, by bisection on the budget under common random numbers.

use adoption_model::scenario::{Mix, Scenario, limits};
use serde::{Deserialize, Serialize};

use crate::optimize::check_objective;
use crate::outcome::{Objective, Outcomes};
use crate::{DecideError, Evaluate, check_runs, models};

/// The probability asked for when none is given.
pub const PROBABILITY: f64 = 0.8;

/// Bisection stops when the bracket is narrower than this share of its upper end…
pub const RELATIVE_TOLERANCE: f64 = 0.005;
/// …or than this many euros.
pub const TOLERANCE_EUR: f64 = 1_000.0;

/// The least budget found and what it reaches.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Goal {
    /// The budget, in euros.
    pub budget_eur: f64,
    /// Share of runs meeting the target at that budget (at least the one asked).
    pub probability: f64,
    /// The mix the budget is spent with.
    pub mix: Mix,
    /// The target's index in the scenario.
    pub target_index: usize,
    /// The largest budget tried that fell short (the bisection's lower end).
    pub short_eur: f64,
    /// Its probability.
    pub short_probability: f64,
}

/// Why no budget answers.
#[derive(Clone, Debug, PartialEq)]
pub enum Unmet {
    /// Even the largest budget allowed reaches only `most`.
    Unreachable {
        /// The share of runs meeting the target at the limit.
        most: f64,
        /// The limit, in euros.
        limit_eur: f64,
    },
    /// With no budget at all the baseline already meets it in this share of runs.
    BaselineMeets(f64),
}

/// The share of runs of `s` at budget `b` meeting target `k`.
fn chance(s: &Scenario, b: f64, k: usize, eval: &dyn Evaluate) -> Result<f64, DecideError> {
    let t = Scenario {
        budget_eur: adoption_model::param::tidy15(b),
        ..s.clone()
    };
    let m = models(std::slice::from_ref(&t))?;
    let e = eval.ensembles(&m, 0..s.runs);
    Ok(Outcomes::new(&m[0], &e[0]).probability(k))
}

/// The least budget at `mix` meeting target `k` of `s` in at least `probability` of runs.
/// `Ok(Err(why))` when no budget within [`limits::MAX_BUDGET_EUR`] answers.
pub fn goal(
    s: &Scenario,
    k: usize,
    probability: f64,
    mix: Mix,
    eval: &dyn Evaluate,
) -> Result<Result<Goal, Unmet>, DecideError> {
    if !(probability > 0.0 && probability < 1.0) {
        return Err(DecideError::Probability(probability));
    }
    check_runs(s.runs)?;
    check_objective(s, Objective::Target(k))?;
    let s = Scenario { mix, ..s.clone() };
    let at = |b: f64| chance(&s, b, k, eval);
    let none = at(0.0)?;
    if none >= probability {
        return Ok(Err(Unmet::BaselineMeets(none)));
    }
    // Bracket: from the scenario's budget, four times more until the target is met.
    let limit = limits::MAX_BUDGET_EUR;
    let (mut lo, mut p_lo) = (0.0, none);
    let mut hi = s.budget_eur.clamp(TOLERANCE_EUR * 100.0, limit);
    let mut p_hi = at(hi)?;
    while p_hi < probability {
        if hi >= limit {
            return Ok(Err(Unmet::Unreachable {
                most: p_hi,
                limit_eur: limit,
            }));
        }
        (lo, p_lo) = (hi, p_hi);
        hi = (hi * 4.0).min(limit);
        p_hi = at(hi)?;
    }
    while hi - lo > TOLERANCE_EUR.max(RELATIVE_TOLERANCE * hi) {
        let mid = adoption_model::param::tidy15(0.5 * (lo + hi));
        let p = at(mid)?;
        if p >= probability {
            (hi, p_hi) = (mid, p);
        } else {
            (lo, p_lo) = (mid, p);
        }
    }
    Ok(Ok(Goal {
        budget_eur: adoption_model::param::tidy15(hi),
        probability: p_hi,
        mix,
        target_index: k,
        short_eur: lo,
        short_probability: p_lo,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::OneThread;
    use adoption_model::scenario::{Target, TargetKind};

    fn scenario(value: f64) -> Scenario {
        let mut s = adoption_formats::preset::cantabria();
        s.runs = 200;
        s.targets = vec![Target {
            kind: TargetKind::AdditionalAdopters,
            year: 2035,
            value,
            label: String::new(),
        }];
        s
    }

    #[test]
    fn the_budget_meets_the_probability_and_95_percent_of_it_does_not() {
        let s = scenario(60.0);
        let g = goal(&s, 0, 0.8, s.mix, &OneThread).unwrap().unwrap();
        assert!(g.probability >= 0.8, "{g:?}");
        let direct = chance(
            &Scenario {
                mix: s.mix,
                ..s.clone()
            },
            g.budget_eur,
            0,
            &OneThread,
        )
        .unwrap();
        assert_eq!(direct, g.probability);
        let less = chance(&s, 0.95 * g.budget_eur, 0, &OneThread).unwrap();
        assert!(less < 0.8, "95% of {} reaches {less}", g.budget_eur);
    }

    #[test]
    fn unreachable_and_needless_targets_say_why() {
        // Nearly every firm an additional adopter: beyond any budget.
        let s = scenario(15_000.0);
        assert!(matches!(
            goal(&s, 0, 0.8, s.mix, &OneThread).unwrap(),
            Err(Unmet::Unreachable { .. })
        ));
        let mut s = scenario(0.0);
        s.targets[0].kind = TargetKind::Adopters;
        assert!(
            matches!(goal(&s, 0, 0.8, s.mix, &OneThread).unwrap(), Err(Unmet::BaselineMeets(p)) if p == 1.0)
        );
        for bad in [0.0, 1.0, -0.5, f64::NAN] {
            assert!(matches!(
                goal(&s, 0, bad, s.mix, &OneThread),
                Err(DecideError::Probability(_))
            ));
        }
        assert!(matches!(
            goal(&s, 3, 0.8, s.mix, &OneThread),
            Err(DecideError::NoTarget { .. })
        ));
    }
}
