//! The page's best-mix search, in the stages a person sees: a coarse map (10% steps at a
//! few runs), then every 5% mix screened, then the mixes that may be the best on all runs.
//! It is `adoption optimize --screen` (`adoption_decide::optimize::adaptive`) with its
//! steps spread over the workers: the same mixes, runs, screen rule and summary, so the
//! same numbers; the coarse map's runs are the screen's first runs, and its values are
//! reused rather than computed twice.

use std::cell::RefCell;
use std::rc::Rc;

use adoption_decide::optimize::{self, COARSE_RUNS, COARSE_STEP, Optimum, SCREEN_RUNS, STEP};
use adoption_decide::outcome::Objective;
use adoption_decide::{DecideError, MIN_RUNS};
use adoption_formats::ScenarioJson;
use adoption_formats::message::Message;
use adoption_model::Model;
use adoption_model::scenario::{Mix, Scenario};

use super::pool::{Columns, Lane, Pool, Progress, Stop, pool_size};
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

/// What the panel's sections share (a context): one pool of workers, started on first
/// use, and what searches computed.
#[derive(Clone, Default)]
pub struct Shared {
    pool: Rc<RefCell<Option<Rc<Pool>>>>,
    /// What the best-mix searches computed (the map's, and the goal's for its best mix).
    pub memo: Rc<RefCell<Memo>>,
}

impl PartialEq for Shared {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.pool, &other.pool)
    }
}

impl Shared {
    /// The pool, started now if it was not; `None` if workers cannot start.
    pub fn pool(&self) -> Option<Rc<Pool>> {
        let mut slot = self.pool.borrow_mut();
        if slot.is_none() {
            *slot = Pool::spawn(pool_size()).map(Rc::new);
        }
        slot.clone()
    }

    /// Stops `lane`'s jobs, if the pool has started.
    pub fn cancel(&self, lane: Lane) {
        if let Some(p) = self.pool.borrow().as_ref() {
            p.cancel(lane);
        }
    }
}

/// The per-run values a search has computed, kept for the next search of the same scenario
/// (its mix aside): after "Use this mix" or with another objective, only what is missing is
/// computed. Run `r` of a mix is the same however the runs were shared out, so values
/// computed in earlier searches join new ones exactly.
#[derive(Debug, Default)]
pub struct Memo {
    /// The scenario with its mix set aside ([`memo_key`]).
    key: String,
    /// Per mix: per column, the values of its runs `0..n` (the same `n` in every column).
    known: Vec<(Mix, Vec<Vec<f64>>)>,
}

impl Memo {
    /// Runs known for `mix`: `0..n`.
    fn runs(&self, mix: &Mix) -> u32 {
        self.find(mix)
            .and_then(|v| v.first())
            .map_or(0, |c| c.len() as u32)
    }

    fn find(&self, mix: &Mix) -> Option<&Vec<Vec<f64>>> {
        self.known.iter().find(|(m, _)| m == mix).map(|(_, v)| v)
    }

    /// Adds runs `from..` of `mix` (per column), if they follow on from what is known.
    fn add(&mut self, mix: Mix, from: u32, columns: Vec<Vec<f64>>) {
        if self.runs(&mix) != from {
            return;
        }
        match self.known.iter_mut().find(|(m, _)| *m == mix) {
            Some((_, known)) => {
                for (k, more) in known.iter_mut().zip(columns) {
                    k.extend(more);
                }
            }
            None => self.known.push((mix, columns)),
        }
    }

    /// Column `c` of each mix, runs `0..runs[i]` of mix `i` (all known by then).
    fn column(&self, c: usize, mixes: &[Mix], runs: &[u32]) -> Vec<Vec<f64>> {
        mixes
            .iter()
            .zip(runs)
            .map(|(m, &n)| {
                self.find(m)
                    .and_then(|v| v.get(c))
                    .map(|v| v[..(n as usize).min(v.len())].to_vec())
                    .unwrap_or_default()
            })
            .collect()
    }
}

/// What makes two scenarios' mixes comparable run by run: the scenario with its mix set
/// aside (every mix is evaluated on it with the mix replaced).
pub fn memo_key(s: &Scenario) -> String {
    let aside = Mix {
        vouchers: 1.0,
        training: 0.0,
        pilots: 0.0,
    };
    optimize::with_mix(s, aside).to_json()
}

/// Makes runs `0..to` of each of `mixes` known, computing only what is missing (grouped
/// by where each mix's known runs end), in `lane`; `progress` hears each group's share.
async fn ensure(
    (pool, lane): (&Pool, Lane),
    progress: &Progress,
    text: &str,
    memo: &RefCell<Memo>,
    key: &str,
    mixes: &[Mix],
    to: u32,
) -> Result<(), Stop> {
    let mut groups: Vec<(u32, Vec<Mix>)> = Vec::new();
    for m in mixes {
        let from = memo.borrow().runs(m);
        if from >= to || groups.iter().any(|(_, g)| g.contains(m)) {
            continue;
        }
        match groups.iter_mut().find(|(f, _)| *f == from) {
            Some((_, g)) => g.push(*m),
            None => groups.push((from, vec![*m])),
        }
    }
    for (from, group) in groups {
        let columns = pool
            .evaluate(lane, progress.clone(), text, &group, from..to)
            .await?;
        let mut memo = memo.borrow_mut();
        if memo.key != key {
            // A newer search took the memo over.
            return Err(Stop::Cancelled);
        }
        for (j, m) in group.iter().enumerate() {
            let per_column = columns
                .iter()
                .map(|c| c.get(j).cloned().unwrap_or_default())
                .collect();
            memo.add(*m, from, per_column);
        }
    }
    Ok(())
}

/// The three stages over the workers, in `lane`; `show` gets each map, `stage` each step.
/// What `memo` knows of this scenario is not computed again.
pub async fn search(
    on: (&Pool, Lane),
    memo: &RefCell<Memo>,
    s: &Scenario,
    objective: Objective,
    stage: Rc<dyn Fn(Stage)>,
    show: &dyn Fn(Map),
) -> Result<(), Stop> {
    let progress = |k: u8| -> Progress {
        let stage = stage.clone();
        Rc::new(move |f| stage((k, f)))
    };
    let text = s.to_json();
    let key = memo_key(s);
    {
        let mut m = memo.borrow_mut();
        if m.key != key {
            *m = Memo {
                key: key.clone(),
                known: Vec::new(),
            };
        }
    }
    let screen = SCREEN_RUNS.min(s.runs);
    let col = column(objective);
    let columns = 2 + s.targets.len();
    let coarse_grid = optimize::mixes(COARSE_STEP).map_err(failed)?;
    let grid = optimize::mixes(STEP).map_err(failed)?;
    // Per column: the values of `mixes`, each over its own runs.
    let values = |mixes: &[Mix], runs: &[u32]| -> Columns {
        let memo = memo.borrow();
        (0..columns).map(|c| memo.column(c, mixes, runs)).collect()
    };

    // 1. The coarse map: the 10% mixes and the current one, on the screen's first runs.
    stage((0, 0.0));
    let mut first = coarse_grid.clone();
    first.push(s.mix);
    let coarse_runs = COARSE_RUNS.min(screen);
    ensure(on, &progress(0), &text, memo, &key, &first, coarse_runs).await?;
    let coarse = values(&first, &vec![coarse_runs; first.len()]);
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
    let all: Vec<Mix> = grid.iter().copied().chain([s.mix]).collect();
    ensure(on, &progress(1), &text, memo, &key, &all, screen).await?;
    let mut runs = vec![screen; all.len()];
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
    let screened = values(&all, &runs);
    if screen < s.runs {
        // NOTE: the screen's map is not shown: drawing 231 cells on the page's thread
        // while the workers compute would take a core from them, and the final map
        // follows within a fraction of a second.
        // 3. The mixes that may be the best (and the current one) on all runs: the others
        // stay at the screen's runs, as in `adoption optimize --screen`, even where the
        // memo knows more of them.
        stage((2, 0.0));
        let keep = optimize::candidates(&grid, &summary(&screened, objective), &screened[col]);
        let kept: Vec<Mix> = keep.iter().map(|&i| all[i]).collect();
        ensure(on, &progress(2), &text, memo, &key, &kept, s.runs).await?;
        for &i in &keep {
            runs[i] = s.runs;
        }
    }
    let values = values(&all, &runs);
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
