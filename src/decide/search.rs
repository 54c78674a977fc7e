//! The page's best-mix search, in the stages a person sees: a coarse map (10% steps at a
//! few runs), then every 5% mix screened, then the mixes that may be the best on all runs.
//! It is `adoption optimize --screen` (`adoption_decide::optimize::adaptive`) with its
//! steps spread over the workers: the same mixes, runs, screen rule and summary, so the
//! same numbers; the coarse map's runs are the screen's first runs, and its values are
//! reused rather than computed twice.

use adoption_decide::optimize::{self, COARSE_STEP, Optimum, SCREEN_RUNS, STEP};
use adoption_decide::outcome::Objective;
use adoption_decide::{DecideError, MIN_RUNS};
use adoption_formats::ScenarioJson;
use adoption_formats::message::Message;
use adoption_model::Model;
use adoption_model::scenario::{Mix, Scenario};

use super::pool::{Columns, Pool, Stop};
use super::protocol::column;

/// Why the search does not start.
#[derive(Clone, Debug, PartialEq)]
pub enum Refusal {
    /// No budget to split.
    NoBudget,
    /// A target objective without that target.
    NoTarget,
    /// Fewer runs than [`MIN_RUNS`].
    TooFewRuns,
    /// The model refuses the scenario.
    Scenario(Message),
}

/// Checks what the search needs before any worker starts.
pub fn check(s: &Scenario, objective: Objective) -> Result<(), Refusal> {
    if s.budget_eur.is_nan() || s.budget_eur <= 0.0 {
        return Err(Refusal::NoBudget);
    }
    if optimize::check_objective(s, objective).is_err() {
        return Err(Refusal::NoTarget);
    }
    if s.runs < MIN_RUNS {
        return Err(Refusal::TooFewRuns);
    }
    Model::new(s).map_err(|e| Refusal::Scenario(Message::from(&e)))?;
    Ok(())
}

/// What a stage shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Map {
    /// The answer so far.
    pub optimum: Optimum,
    /// Whether it is the final one.
    pub last: bool,
    /// When final: another objective whose best mix does clearly better than this best
    /// by that objective, and its best mix.
    pub disagree: Option<(Objective, Mix)>,
}

/// Where the search is: stage 0 coarse, 1 screen, 2 full; and the share of it done.
pub type Stage = (u8, f64);

/// The three stages over the workers; `show` gets each map, `stage` each step.
pub async fn search(
    pool: &Pool,
    s: &Scenario,
    objective: Objective,
    stage: &dyn Fn(Stage),
    show: &dyn Fn(Map),
) -> Result<(), Stop> {
    let text = s.to_json();
    let screen = SCREEN_RUNS.min(s.runs);
    let col = column(objective);
    let coarse_grid = optimize::mixes(COARSE_STEP).map_err(failed)?;
    let grid = optimize::mixes(STEP).map_err(failed)?;

    // 1. The coarse map: the 10% mixes and the current one, on the screen's runs.
    stage((0, 0.0));
    let mut first = coarse_grid.clone();
    first.push(s.mix);
    let coarse = pool.evaluate(&text, &first, 0..screen).await?;
    let coarse_values = &coarse[col];
    show(Map {
        optimum: optimize::summarise(
            objective,
            COARSE_STEP,
            &coarse_grid,
            &coarse_values[..coarse_grid.len()],
            s.mix,
            &coarse_values[coarse_grid.len()],
        ),
        last: false,
        disagree: None,
    });

    // 2. The screen: every 5% mix on the same runs (the coarse ones are known).
    stage((1, 0.0));
    let missing: Vec<Mix> = grid
        .iter()
        .copied()
        .filter(|m| !coarse_grid.contains(m))
        .collect();
    let rest = pool.evaluate(&text, &missing, 0..screen).await?;
    // Per column: the grid's mixes in grid order, then the current mix.
    let mut values: Columns = (0..coarse.len())
        .map(|c| {
            let mut v: Vec<Vec<f64>> = grid
                .iter()
                .map(|m| match coarse_grid.iter().position(|x| x == m) {
                    Some(i) => coarse[c][i].clone(),
                    None => {
                        let j = missing.iter().position(|x| x == m).unwrap_or(0);
                        rest[c].get(j).cloned().unwrap_or_default()
                    }
                })
                .collect();
            v.push(coarse[c][coarse_grid.len()].clone());
            v
        })
        .collect();
    let summary = |values: &Columns, objective: Objective| {
        let v = &values[column(objective)];
        optimize::summarise(
            objective,
            STEP,
            &grid,
            &v[..grid.len()],
            s.mix,
            &v[grid.len()],
        )
    };
    let screened = summary(&values, objective);
    if screen < s.runs {
        // NOTE: the screen's map is not shown: drawing 231 cells on the page's thread
        // while the workers compute would take a core from them, and the final map
        // follows within a fraction of a second.
        // 3. The mixes that may be the best (and the current one) on the remaining runs.
        stage((2, 0.0));
        let keep = optimize::candidates(&grid, &screened, &values[col]);
        let all: Vec<Mix> = grid.iter().copied().chain([s.mix]).collect();
        let kept: Vec<Mix> = keep.iter().map(|&i| all[i]).collect();
        let more = pool.evaluate(&text, &kept, screen..s.runs).await?;
        for (c, column_values) in values.iter_mut().enumerate() {
            for (j, &i) in keep.iter().enumerate() {
                if let Some(v) = more.get(c).and_then(|m| m.get(j)) {
                    column_values[i].extend_from_slice(v);
                }
            }
        }
    }
    let last = summary(&values, objective);
    let disagree = others(s, objective)
        .into_iter()
        .map(|o| summary(&values, o))
        .find(|o| !o.indistinguishable.contains(&last.best.mix))
        .map(|o| (o.objective, o.best.mix));
    show(Map {
        optimum: last,
        last: true,
        disagree,
    });
    Ok(())
}

/// The objectives compared with the chosen one for the "objectives disagree" sentence.
fn others(s: &Scenario, objective: Objective) -> Vec<Objective> {
    let mut all = vec![Objective::Mean, Objective::AdopterYears];
    all.extend((0..s.targets.len()).map(Objective::Target));
    all.retain(|&o| o != objective);
    all
}

fn failed(e: DecideError) -> Stop {
    Stop::Failed(e.to_string())
}
