//! The best mix for this budget: the vouchers/training/pilots triangle on a grid, every mix
//! on the same runs (common random numbers), with the mixes that cannot be told apart from
//! the best, and robustness figures (worst tenth of runs, largest regret).
//!
//! Two ways in: [`optimize`] evaluates every mix at every run; [`adaptive`] screens every
//! mix at a few runs and runs in full only those that might be the best (the rule is
//! [`SCREEN_SE`]). For a page that streams, the steps are public: [`mixes`],
//! [`evaluate`], [`summarise`].

use std::ops::Range;

use adoption_model::scenario::{Mix, Scenario, limits};
use serde::{Deserialize, Serialize};

use crate::outcome::{Objective, Outcomes};
use crate::stats::{Estimate, estimate, paired, worst_tenth};
use crate::{DecideError, Evaluate, check_runs, models};

/// The default grid step: 5%, 231 mixes.
pub const STEP: f64 = 0.05;

/// A coarse step for a first map: 10%, 66 mixes.
pub const COARSE_STEP: f64 = 0.1;

/// A mix and its result.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Cell {
    /// The shares of the budget.
    pub mix: Mix,
    /// The objective's mean over the runs.
    pub value: f64,
    /// Its standard error.
    pub se: f64,
    /// Runs it was evaluated on (the first `runs` of the scenario's).
    pub runs: u32,
}

/// Robustness of one mix against every other mix on the grid, run by run.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Robustness {
    /// The mix.
    pub mix: Mix,
    /// Its mean.
    pub value: f64,
    /// The standard error of the mean.
    pub se: f64,
    /// Mean of its lowest tenth of runs.
    pub worst_tenth: f64,
    /// Largest regret: over runs, the most the run's best mix did better than this one
    /// (the mixes compared are those run on every run).
    pub max_regret: f64,
}

/// The answer: every cell, the best, the mixes indistinguishable from it, and the current
/// mix beside the best.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Optimum {
    /// What was maximised.
    pub objective: Objective,
    /// The grid step.
    pub step: f64,
    /// The best mix (highest mean among the cells run in full).
    pub best: Robustness,
    /// The scenario's own mix.
    pub current: Robustness,
    /// Every mix of the grid.
    pub grid: Vec<Cell>,
    /// Mixes whose paired shortfall from the best is within two standard errors.
    pub indistinguishable: Vec<Mix>,
}

/// Every mix of the triangle at `step` (vouchers slowest, then training); `step` must
/// divide 1 into at most 100 whole parts.
pub fn mixes(step: f64) -> Result<Vec<Mix>, DecideError> {
    let parts = (1.0 / step).round();
    if !step.is_finite()
        || step <= 0.0
        || step > 1.0
        || parts > 100.0
        || (parts * step - 1.0).abs() > 1e-9
    {
        return Err(DecideError::Step(step));
    }
    let n = parts as u32;
    let share = |k: u32| adoption_model::param::tidy15(f64::from(k) / f64::from(n));
    let mut out = Vec::with_capacity(((n + 1) * (n + 2) / 2) as usize);
    for v in 0..=n {
        for t in 0..=n - v {
            out.push(Mix {
                vouchers: share(v),
                training: share(t),
                pilots: share(n - v - t),
            });
        }
    }
    Ok(out)
}

/// `s` with another mix.
pub fn with_mix(s: &Scenario, mix: Mix) -> Scenario {
    Scenario { mix, ..s.clone() }
}

/// Per-run values of `objective` for each mix, over the runs `runs`.
pub fn evaluate(
    s: &Scenario,
    mixes: &[Mix],
    objective: Objective,
    runs: Range<u32>,
    eval: &dyn Evaluate,
) -> Result<Vec<Vec<f64>>, DecideError> {
    check_objective(s, objective)?;
    let scenarios: Vec<Scenario> = mixes.iter().map(|&m| with_mix(s, m)).collect();
    let models = models(&scenarios)?;
    let ensembles = eval.ensembles(&models, runs);
    Ok(models
        .iter()
        .zip(&ensembles)
        .map(|(m, e)| Outcomes::new(m, e).values(objective))
        .collect())
}

/// Refuses a target objective the scenario has no target for.
pub fn check_objective(s: &Scenario, objective: Objective) -> Result<(), DecideError> {
    match objective {
        Objective::Target(k) if k >= s.targets.len() => Err(DecideError::NoTarget {
            index: k,
            count: s.targets.len(),
        }),
        _ => Ok(()),
    }
}

/// Summarises per-run values: `values[i]` are the runs of `grid[i]` (a prefix of the same
/// runs for all; the best is chosen among those with the most runs), `current` the
/// scenario's own mix's runs (at least as many as the longest cell).
pub fn summarise(
    objective: Objective,
    step: f64,
    grid: &[Mix],
    values: &[Vec<f64>],
    current_mix: Mix,
    current: &[f64],
) -> Optimum {
    let full = values.iter().map(Vec::len).max().unwrap_or(0);
    let cells: Vec<Cell> = grid
        .iter()
        .zip(values)
        .map(|(&mix, v)| {
            let Estimate { value, se } = estimate(v);
            Cell {
                mix,
                value,
                se,
                runs: v.len() as u32,
            }
        })
        .collect();
    // Highest mean among the cells run in full; the first on a tie.
    let best = (0..cells.len())
        .filter(|&i| values[i].len() == full)
        .fold(None::<usize>, |b, i| match b {
            Some(j) if cells[j].value >= cells[i].value => Some(j),
            _ => Some(i),
        })
        .unwrap_or(0);
    let indistinguishable = cells
        .iter()
        .zip(values)
        .filter(|(_, v)| {
            let d = paired(&values[best], v);
            d.value <= 2.0 * d.se
        })
        .map(|(c, _)| c.mix)
        .collect();
    // Per run, the best value any full cell reached: the reference of regret.
    let full_cells: Vec<&Vec<f64>> = values.iter().filter(|v| v.len() == full).collect();
    let top: Vec<f64> = (0..full)
        .map(|r| {
            full_cells
                .iter()
                .map(|v| v[r])
                .fold(f64::NEG_INFINITY, f64::max)
        })
        .collect();
    let robust = |mix: Mix, v: &[f64]| {
        let Estimate { value, se } = estimate(&v[..v.len().min(full)]);
        let max_regret = top
            .iter()
            .zip(v)
            .map(|(t, x)| (t - x).max(0.0))
            .fold(0.0, f64::max);
        Robustness {
            mix,
            value,
            se,
            worst_tenth: worst_tenth(&v[..v.len().min(full)]),
            max_regret,
        }
    };
    Optimum {
        objective,
        step,
        best: robust(
            cells.get(best).map_or(current_mix, |c| c.mix),
            values.get(best).map_or(&[][..], |v| v),
        ),
        current: robust(current_mix, current),
        grid: cells,
        indistinguishable,
    }
}

/// Every mix at `step` over all the scenario's runs.
pub fn optimize(
    s: &Scenario,
    objective: Objective,
    step: f64,
    eval: &dyn Evaluate,
) -> Result<Optimum, DecideError> {
    check_runs(s.runs)?;
    let grid = mixes(step)?;
    let mut all = grid.clone();
    all.push(s.mix);
    let mut values = evaluate(s, &all, objective, 0..s.runs, eval)?;
    let current = values.pop().unwrap_or_default();
    Ok(summarise(objective, step, &grid, &values, s.mix, &current))
}

/// Runs a mix is screened on in [`adaptive`] (or all, if fewer).
pub const SCREEN_RUNS: u32 = 200;

/// Runs of the page's first, coarse map ([`COARSE_STEP`]): the first of the screen's runs
/// (the screen extends them). A first impression, shown for well under a second until
/// the final map replaces it: at 50 runs its 66 mixes cost a quarter of the screen's
/// 200, so it comes within 200 ms of the search's start even while the workers start.
pub const COARSE_RUNS: u32 = 50;

/// The screening rule of [`adaptive`]: after [`SCREEN_RUNS`] runs, a mix is run in full
/// unless its paired shortfall from the screening best exceeds this many standard errors.
pub const SCREEN_SE: f64 = 4.0;

/// Every mix at `step`, screened at [`SCREEN_RUNS`] runs, then the mixes that might be
/// the best extended to all the scenario's runs (the same runs: the screen's runs are the
/// first of them). `progress` is told each stage's answer (the screen's, then the
/// final), so a page can draw the map before it is final.
pub fn adaptive(
    s: &Scenario,
    objective: Objective,
    step: f64,
    eval: &dyn Evaluate,
    progress: &mut dyn FnMut(&Optimum),
) -> Result<Optimum, DecideError> {
    check_runs(s.runs)?;
    let grid = mixes(step)?;
    let screen = SCREEN_RUNS.min(s.runs);
    let mut all = grid.clone();
    all.push(s.mix);
    let mut values = evaluate(s, &all, objective, 0..screen, eval)?;
    let first = summarise(
        objective,
        step,
        &grid,
        &values[..grid.len()],
        s.mix,
        &values[grid.len()],
    );
    progress(&first);
    if screen == s.runs {
        return Ok(first);
    }
    let keep = candidates(&grid, &first, &values);
    let more = evaluate(
        s,
        &keep.iter().map(|&i| all[i]).collect::<Vec<_>>(),
        objective,
        screen..s.runs,
        eval,
    )?;
    for (&i, v) in keep.iter().zip(more) {
        values[i].extend(v);
    }
    let current = values.pop().unwrap_or_default();
    let answer = summarise(objective, step, &grid, &values, s.mix, &current);
    progress(&answer);
    Ok(answer)
}

/// The mixes [`adaptive`] runs in full after its screen: those within [`SCREEN_SE`] paired
/// standard errors of the screen's best, and the current mix (its robustness is reported
/// over all runs). `values` are the screen's runs of `grid` followed by the current mix's;
/// the answer indexes them. Public so a page that streams takes the same mixes.
pub fn candidates(grid: &[Mix], screen: &Optimum, values: &[Vec<f64>]) -> Vec<usize> {
    let best = grid.iter().position(|m| *m == screen.best.mix).unwrap_or(0);
    (0..values.len())
        .filter(|&i| {
            let d = paired(&values[best], &values[i]);
            i == grid.len() || d.value <= SCREEN_SE * d.se
        })
        .collect()
}

/// The mixes a coarse first map shows: [`COARSE_STEP`].
pub fn coarse(
    s: &Scenario,
    objective: Objective,
    runs: u32,
    eval: &dyn Evaluate,
) -> Result<Optimum, DecideError> {
    let s = Scenario {
        runs: runs.clamp(crate::MIN_RUNS, limits::MAX_RUNS),
        ..s.clone()
    };
    optimize(&s, objective, COARSE_STEP, eval)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::OneThread;

    fn small() -> Scenario {
        let mut s = adoption_formats::preset::cantabria();
        s.runs = 300;
        s
    }

    #[test]
    fn the_triangle_has_every_mix_once() {
        let m = mixes(0.05).unwrap();
        assert_eq!(m.len(), 231);
        for x in &m {
            assert!((x.vouchers + x.training + x.pilots - 1.0).abs() < 1e-9);
        }
        assert_eq!(mixes(1.0).unwrap().len(), 3);
        for bad in [0.0, -0.1, 0.3, 0.07, 1.5, f64::NAN, 0.001] {
            assert!(matches!(mixes(bad), Err(DecideError::Step(_))), "{bad}");
        }
    }

    #[test]
    fn best_equals_an_exhaustive_search() {
        let s = small();
        for objective in [
            Objective::Mean,
            Objective::AdopterYears,
            Objective::Target(0),
        ] {
            let o = optimize(&s, objective, 0.25, &OneThread).unwrap();
            // Exhaustive: every mix simulated on its own, the highest mean.
            let mut top = (f64::NEG_INFINITY, s.mix);
            for m in mixes(0.25).unwrap() {
                let e = adoption_model::simulate(&with_mix(&s, m)).unwrap();
                let h = &e.summary;
                let v = match objective {
                    Objective::Mean => h.additional_adopters.mean,
                    Objective::AdopterYears => h.additional_adopter_years.mean,
                    Objective::Target(k) => h.targets[k].probability,
                };
                if v > top.0 {
                    top = (v, m);
                }
            }
            assert_eq!(o.best.mix, top.1, "{objective:?}");
            assert!((o.best.value - top.0).abs() < 1e-9);
            assert!(o.indistinguishable.contains(&o.best.mix));
            assert!(o.best.worst_tenth <= o.best.value);
        }
    }

    #[test]
    fn adaptive_finds_the_exhaustive_best() {
        let mut s = small();
        s.runs = 400;
        let full = optimize(&s, Objective::Mean, 0.25, &OneThread).unwrap();
        let mut stages = 0;
        let a = adaptive(&s, Objective::Mean, 0.25, &OneThread, &mut |_| stages += 1).unwrap();
        assert_eq!(stages, 2);
        // Regret is measured against the mixes run in full, so only the means must agree.
        assert_eq!(
            (a.best.mix, a.best.value, a.best.se),
            (full.best.mix, full.best.value, full.best.se)
        );
        assert_eq!(a.current.value, full.current.value);
    }

    #[test]
    fn a_target_the_scenario_lacks_is_refused() {
        let s = small();
        assert_eq!(
            optimize(&s, Objective::Target(5), 0.5, &OneThread).unwrap_err(),
            DecideError::NoTarget {
                index: 5,
                count: s.targets.len()
            }
        );
    }
}
