//! The decision-support commands: `sensitivity`, `optimize`, `goal`, `marginal` and
//! `calibrate`, over `adoption_decide`, simulating on every core.

use std::ops::Range;
use std::path::Path;

use adoption_decide::calibrate::{self, Point};
use adoption_decide::goal::{self, Unmet};
use adoption_decide::optimize::{self, STEP};
use adoption_decide::outcome::Objective;
use adoption_decide::sensitivity::{self, Headline};
use adoption_decide::{DecideError, Evaluate, marginal};
use adoption_formats::message::{Message, grouped};
use adoption_formats::series::parse_series;
use adoption_model::ensemble::split_runs;
use adoption_model::{Ensemble, Model, Scenario};
use serde::Serialize;

use crate::args::Question;

/// Least runs a thread is given: below this, splitting costs more than it saves.
const MIN_RUNS_EACH: u32 = 50;

/// Simulates on `threads` threads: each model's runs split into contiguous ranges, the
/// ranges' ensembles merged in run order, which is the one-pass ensemble bit for bit.
pub struct Threads(pub usize);

impl Evaluate for Threads {
    fn ensembles(&self, models: &[Model], runs: Range<u32>) -> Vec<Ensemble> {
        let parts: Vec<Range<u32>> = split_runs(runs.len() as u32, self.0, MIN_RUNS_EACH)
            .into_iter()
            .filter(|r| !r.is_empty())
            .map(|r| runs.start + r.start..runs.start + r.end)
            .collect();
        if parts.len() <= 1 {
            return adoption_decide::OneThread.ensembles(models, runs);
        }
        let chunks: Vec<Vec<Ensemble>> = std::thread::scope(|scope| {
            let handles: Vec<_> = parts
                .iter()
                .map(|part| {
                    scope.spawn(move || adoption_decide::OneThread.ensembles(models, part.clone()))
                })
                .collect();
            // A panicking thread is a bug, not bad input: let it show.
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                .collect()
        });
        (0..models.len())
            .map(|m| {
                let mut e = Ensemble::new(&models[m]);
                for chunk in &chunks {
                    e.merge(&chunk[m]);
                }
                e
            })
            .collect()
    }
}

/// The one-line message of a refusal.
fn said(e: DecideError) -> String {
    match e {
        DecideError::Scenario(e) => Message::from(&e).to_string(),
        other => other.to_string(),
    }
}

fn json<T: Serialize>(value: &T) -> Result<String, String> {
    let mut s = serde_json::to_string_pretty(value).map_err(|e| e.to_string())?;
    s.push('\n');
    Ok(s)
}

/// Answers a question about `s`.
pub fn answer(s: &Scenario, question: &Question, eval: &dyn Evaluate) -> Result<String, String> {
    match question {
        Question::Sensitivity { cost } => {
            let headline = if *cost {
                Headline::CostPerAdditionalAdopter
            } else {
                Headline::AdditionalAdopters
            };
            json(&sensitivity::sensitivity(s, headline, eval).map_err(said)?)
        }
        Question::Optimize {
            objective,
            target,
            step,
            screen,
        } => {
            let objective = match objective.as_str() {
                "adopter_years" => Objective::AdopterYears,
                "target" => Objective::Target(*target),
                _ => Objective::Mean,
            };
            let o = if *screen {
                optimize::adaptive(s, objective, *step, eval, &mut |_| {})
            } else {
                optimize::optimize(s, objective, *step, eval)
            };
            json(&o.map_err(said)?)
        }
        Question::Goal {
            probability,
            target,
            best_mix,
        } => {
            let mix = if *best_mix {
                // Checked first, so a bad probability is refused before the search.
                if !(*probability > 0.0 && *probability < 1.0) {
                    return Err(said(DecideError::Probability(*probability)));
                }
                optimize::adaptive(s, Objective::Target(*target), STEP, eval, &mut |_| {})
                    .map_err(said)?
                    .best
                    .mix
            } else {
                s.mix
            };
            match goal::goal(s, *target, *probability, mix, eval).map_err(said)? {
                Ok(g) => json(&g),
                Err(Unmet::Unreachable { most, limit_eur }) => Err(format!(
                    "target {target} is not met in {}% of runs within the budget limit of {} EUR: the most reached is {}% of runs",
                    percent(*probability),
                    grouped(limit_eur as u64),
                    percent(most)
                )),
                Err(Unmet::BaselineMeets(p)) => Err(format!(
                    "target {target} is met without any budget: the baseline meets it in {}% of runs, at least the {}% asked",
                    percent(p),
                    percent(*probability)
                )),
            }
        }
        Question::Marginal => json(&marginal::marginal(s, eval).map_err(said)?),
    }
}

fn percent(p: f64) -> String {
    let v = (p * 1000.0).round() / 10.0;
    format!("{v}")
}

/// Fits p and q to the series in `path`.
pub fn calibrate_file(path: &Path, firms: Option<u32>) -> Result<String, String> {
    let text = crate::read_file(path, crate::SERIES_LIMIT)?;
    let series = parse_series(&text).map_err(|m| format!("{}: {m}", path.display()))?;
    let points: Vec<Point> = series
        .iter()
        .map(|o| Point {
            year: o.year,
            share: o.share,
            sample_size: o.sample_size,
        })
        .collect();
    let c = calibrate::calibrate(&points, firms.unwrap_or(calibrate::DEFAULT_SAMPLE_SIZE))
        .map_err(said)?;
    json(&c)
}
