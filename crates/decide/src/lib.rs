//! Decision support over the adoption model: what drives the result, the best mix for a
//! budget, the least budget for a target, what the next euro buys, calibration of the
//! diffusion parameters to an observed series, and what a consultation's participants want.
//!
//! Every comparison is under common random numbers: run `r` of any scenario with the same
//! seed uses the same stream (`adoption_model::sample::run_stream`), so candidates are
//! compared run by run and their paired differences carry little noise. `docs/decide.md`
//! states each method (estimators, standard errors, rules) exactly.
//!
//! The crate builds natively and for `wasm32-unknown-unknown`: it has no threads and no
//! clock. Simulation goes through an [`Evaluate`] that the caller supplies: [`OneThread`]
//! here, threads in the CLI, workers in the page. Ensembles of run ranges merge exactly,
//! so every figure is the same however the runs were shared out.
//!
//! # Map
//! | Purpose | Items |
//! |---|---|
//! | Per-run results of a scenario | [`outcome::Outcomes`], [`outcome::Objective`], [`Evaluate`], [`OneThread`] |
//! | What drives the result | [`sensitivity::sensitivity`], [`sensitivity::Knob`], [`estimate::is_estimate`] |
//! | Best mix for this budget | [`optimize::mixes`], [`optimize::evaluate`], [`optimize::summarise`], [`optimize::optimize`], [`optimize::adaptive`] |
//! | Budget for a target | [`goal::goal`] ([`goal::Unmet`] says why none) |
//! | What the next euro buys | [`marginal::marginal`] |
//! | Calibration to a series | [`calibrate::calibrate`], [`calibrate::Point`], [`calibrate::Calibration`] |
//! | A consultation's plans summed up | [`consult::Tally`] (from any text), [`consult::summarise`], [`consult::moving_phantom_median`], [`consult::Ballot`], [`consult::Summary`] |
//! | Refusals | [`DecideError`] |
//!
//! # Modules, and which use which (no cycles)
//! ```text
//! stats, estimate                  (use nothing of the crate)
//! outcome   -> stats
//! sensitivity, optimize, goal, marginal -> outcome, stats (sensitivity -> estimate)
//! calibrate -> stats
//! consult   -> stats (and adoption-formats' hand-in reader)
//! ```
#![deny(missing_docs)]

pub mod calibrate;
pub mod consult;
pub mod estimate;
pub mod goal;
pub mod marginal;
pub mod optimize;
pub mod outcome;
pub mod sensitivity;
pub mod stats;

use std::fmt;
use std::ops::Range;

use adoption_model::{Ensemble, Model, ScenarioError};

/// Simulates the runs `runs` of each model and returns their ensembles, in order.
///
/// An implementation may share runs out among threads or workers and merge their
/// ensembles in run order ([`Ensemble::merge`]): the result is then identical, bit for
/// bit, to one pass.
pub trait Evaluate {
    /// The ensembles of `models`, each over the runs `runs`.
    fn ensembles(&self, models: &[Model], runs: Range<u32>) -> Vec<Ensemble>;
}

/// Simulates on the calling thread.
#[derive(Clone, Copy, Debug, Default)]
pub struct OneThread;

impl Evaluate for OneThread {
    fn ensembles(&self, models: &[Model], runs: Range<u32>) -> Vec<Ensemble> {
        models
            .iter()
            .map(|m| Ensemble::simulate(m, runs.clone()))
            .collect()
    }
}

/// Why a question cannot be answered.
#[derive(Clone, Debug, PartialEq)]
pub enum DecideError {
    /// The scenario (or one derived from it) is not valid.
    Scenario(ScenarioError),
    /// A grid step that does not divide 1 into at most 100 parts.
    Step(f64),
    /// A probability outside (0, 1).
    Probability(f64),
    /// A target index the scenario does not have (`count` targets).
    NoTarget {
        /// The index asked for.
        index: usize,
        /// The scenario's targets.
        count: usize,
    },
    /// Fewer runs than the method needs.
    Runs(u32),
    /// A series that cannot be fitted (fewer than 2 points, years not increasing, or
    /// shares outside [0, 1]); it has this many points.
    Series(usize),
}

impl fmt::Display for DecideError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecideError::Scenario(e) => write!(f, "{e}"),
            DecideError::Step(s) => write!(
                f,
                "the step must divide 1 into whole parts, from 0.01 to 1, such as 0.05 or 0.1 (got {s})"
            ),
            DecideError::Probability(p) => {
                write!(
                    f,
                    "the probability must be between 0 and 1, both excluded (got {p})"
                )
            }
            DecideError::NoTarget { index, count: 0 } => write!(
                f,
                "the scenario has no targets, so there is no target {index}: add one to its \"targets\""
            ),
            DecideError::NoTarget { index, count } => write!(
                f,
                "the scenario has {count} target(s), numbered from 0; there is no target {index}"
            ),
            DecideError::Runs(n) => write!(f, "this needs at least {MIN_RUNS} runs (got {n})"),
            DecideError::Series(n) => write!(
                f,
                "a series to fit needs at least 2 points with increasing years and shares from 0 to 1 (got {n} points)"
            ),
        }
    }
}

impl From<ScenarioError> for DecideError {
    fn from(e: ScenarioError) -> Self {
        DecideError::Scenario(e)
    }
}

/// Least runs a method accepts: standard errors and tenths need a few.
pub const MIN_RUNS: u32 = 10;

/// Checks the run count and builds models, refusing the first invalid scenario.
pub(crate) fn models(scenarios: &[adoption_model::Scenario]) -> Result<Vec<Model>, DecideError> {
    scenarios
        .iter()
        .map(|s| Model::new(s).map_err(DecideError::from))
        .collect()
}

/// Refuses too few runs.
pub(crate) fn check_runs(runs: u32) -> Result<(), DecideError> {
    if runs < MIN_RUNS {
        return Err(DecideError::Runs(runs));
    }
    Ok(())
}
