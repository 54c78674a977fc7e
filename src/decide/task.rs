//! The goal and calibration sections' computations: what a worker answers to a [`Task`]
//! (the same core calls as `adoption goal` and `adoption calibrate`, so the same numbers),
//! and the section's side, a [`Runner`] of one worker of its own.
//!
//! A task runs to its end in one go: bisection is sequential and a fit takes tens of
//! milliseconds. Cancel ends the worker (a new one starts for the next task), so nothing
//! in the computation has to look for messages.

use std::cell::Cell;
use std::ops::Range;
use std::rc::Rc;

use adoption_decide::calibrate::{self, Calibration, Point};
use adoption_decide::goal::{self, Goal, Unmet};
use adoption_decide::optimize::{self, STEP};
use adoption_decide::outcome::Objective;
use adoption_decide::{Evaluate, OneThread};
use adoption_formats::ScenarioJson;
use adoption_formats::series::parse_series;
use adoption_model::{Ensemble, Model, Scenario, decimal};
use serde::{Deserialize, Serialize};
use web_sys::DedicatedWorkerGlobalScope;

use super::pool::ModuleWorker;
use super::protocol::{self, Reply, Task};

/// The budget for a target, as the section shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum GoalAnswer {
    /// The least budget found.
    Met(Goal),
    /// Even the budget limit reaches only `most`.
    Unreachable {
        /// The chance reached at the limit.
        most: f64,
        /// The limit, in euros.
        limit_eur: f64,
    },
    /// The baseline meets it in this share of runs.
    BaselineMeets(f64),
    /// Refused (English, for the record: the section checks what a person can fix first).
    Refused(String),
}

/// A fit, or why not (English, for the record: the section reads the series first).
pub type CalibrateAnswer = Result<Calibration, String>;

/// The CLI's `goal` (with `--best-mix`: the best mix for the target by the screened
/// search, then the bisection at that mix).
pub fn goal_answer(
    s: &Scenario,
    target: usize,
    probability: f64,
    best_mix: bool,
    eval: &dyn Evaluate,
) -> GoalAnswer {
    let mix = if best_mix {
        match optimize::adaptive(s, Objective::Target(target), STEP, eval, &mut |_| {}) {
            Ok(o) => o.best.mix,
            Err(e) => return GoalAnswer::Refused(e.to_string()),
        }
    } else {
        s.mix
    };
    match goal::goal(s, target, probability, mix, eval) {
        Ok(Ok(g)) => GoalAnswer::Met(g),
        Ok(Err(Unmet::Unreachable { most, limit_eur })) => {
            GoalAnswer::Unreachable { most, limit_eur }
        }
        Ok(Err(Unmet::BaselineMeets(p))) => GoalAnswer::BaselineMeets(p),
        Err(e) => GoalAnswer::Refused(e.to_string()),
    }
}

/// The CLI's `calibrate` on a series' CSV text (every point's missing sample size the
/// default).
pub fn calibrate_answer(series: &str) -> CalibrateAnswer {
    let points: Vec<Point> = parse_series(series)
        .map_err(|m| m.to_string())?
        .iter()
        .map(|o| Point {
            year: o.year,
            share: o.share,
            sample_size: o.sample_size,
        })
        .collect();
    calibrate::calibrate(&points, calibrate::DEFAULT_SAMPLE_SIZE).map_err(|e| e.to_string())
}

/// Marks a number carried as text in [`to_wire`].
const FLOAT: &str = "#f:";

/// `value` as JSON text whose every float is a string of its shortest decimal, so that
/// [`from_wire`] reads it back bit for bit.
// NOTE: serde_json's reader (without its `float_roundtrip` feature, which the page does
// without) may round a 17-digit decimal to a neighbouring float; `decimal::parse` rounds
// correctly, and the page's figures must equal the CLI's to the last bit.
pub fn to_wire<T: Serialize>(value: &T) -> String {
    fn mark(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::Number(n) if n.is_f64() => {
                let text = format!(
                    "{FLOAT}{}",
                    decimal::display(n.as_f64().unwrap_or(f64::NAN))
                );
                *v = serde_json::Value::String(text);
            }
            serde_json::Value::Array(a) => a.iter_mut().for_each(mark),
            serde_json::Value::Object(o) => o.values_mut().for_each(mark),
            _ => {}
        }
    }
    let mut v = serde_json::to_value(value).unwrap_or_default();
    mark(&mut v);
    v.to_string()
}

/// What [`to_wire`] wrote, if it reads as a `T`.
pub fn from_wire<T: serde::de::DeserializeOwned>(text: &str) -> Option<T> {
    fn unmark(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::String(s) if s.starts_with(FLOAT) => {
                if let Some(n) =
                    decimal::parse(&s[FLOAT.len()..]).and_then(serde_json::Number::from_f64)
                {
                    *v = serde_json::Value::Number(n);
                }
            }
            serde_json::Value::Array(a) => a.iter_mut().for_each(unmark),
            serde_json::Value::Object(o) => o.values_mut().for_each(unmark),
            _ => {}
        }
    }
    let mut v: serde_json::Value = serde_json::from_str(text).ok()?;
    unmark(&mut v);
    serde_json::from_value(v).ok()
}

/// Simulates on the worker's thread and says how many budgets were tried once `counting`.
struct Reporting<'a> {
    scope: &'a DedicatedWorkerGlobalScope,
    id: u64,
    counting: Cell<bool>,
    tried: Cell<u32>,
}

impl Evaluate for Reporting<'_> {
    fn ensembles(&self, models: &[Model], runs: Range<u32>) -> Vec<Ensemble> {
        let e = OneThread.ensembles(models, runs);
        if self.counting.get() {
            self.tried.set(self.tried.get() + 1);
            let (message, _) = Reply::Progress {
                id: self.id,
                done: self.tried.get(),
            }
            .to_js();
            let _ = self.scope.post_message(&message);
        }
        e
    }
}

/// Answers one task in this worker.
pub fn serve(scope: &DedicatedWorkerGlobalScope, task: Task) {
    let (id, json) = match task {
        Task::Goal {
            id,
            scenario,
            target,
            probability,
            best_mix,
        } => {
            let answer = match Scenario::from_json(&scenario) {
                Ok(s) => {
                    let eval = Reporting {
                        scope,
                        id,
                        counting: Cell::new(!best_mix),
                        tried: Cell::new(0),
                    };
                    if best_mix {
                        // The search first, uncounted; then the budgets tried.
                        let mix = optimize::adaptive(
                            &s,
                            Objective::Target(target),
                            STEP,
                            &eval,
                            &mut |_| {},
                        );
                        eval.counting.set(true);
                        match mix {
                            Ok(o) => goal_answer(
                                &adoption_model::Scenario {
                                    mix: o.best.mix,
                                    ..s
                                },
                                target,
                                probability,
                                false,
                                &eval,
                            ),
                            Err(e) => GoalAnswer::Refused(e.to_string()),
                        }
                    } else {
                        goal_answer(&s, target, probability, false, &eval)
                    }
                }
                Err(e) => GoalAnswer::Refused(e.to_string()),
            };
            (id, to_wire(&answer))
        }
        Task::Calibrate { id, series } => (id, to_wire(&calibrate_answer(&series))),
    };
    let _ = scope.post_message(&protocol::answer(id, &json));
}

/// What a section hears from its worker.
#[derive(Clone, Debug, PartialEq)]
pub enum Heard {
    /// Budgets tried so far.
    Progress(u64, u32),
    /// The answer's JSON text.
    Answer(u64, String),
    /// The worker failed.
    Failed(u64),
}

/// One worker of a section's own; dropping it ends the worker (and its task).
pub struct Runner(ModuleWorker);

impl Runner {
    /// Starts a worker; `heard` gets what it says.
    pub fn spawn(heard: Rc<dyn Fn(Heard)>) -> Option<Runner> {
        ModuleWorker::spawn(move |data| {
            if let Some((id, json)) = protocol::read_answer(&data) {
                return heard(Heard::Answer(id, json));
            }
            match Reply::read(&data) {
                Some(Reply::Progress { id, done }) => heard(Heard::Progress(id, done)),
                Some(Reply::Error { id, .. }) => heard(Heard::Failed(id)),
                _ => {}
            }
        })
        .map(Runner)
    }

    /// Posts a task now, or once the worker listens.
    pub fn post(&self, task: &Task) {
        self.0.post(task.to_js().into());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use adoption_model::scenario::{Target, TargetKind};

    fn scenario(value: f64) -> Scenario {
        let mut s = adoption_formats::preset::cantabria();
        s.runs = 100;
        s.targets = vec![Target {
            kind: TargetKind::AdditionalAdopters,
            year: 2035,
            value,
            label: String::new(),
        }];
        s
    }

    #[test]
    fn the_goal_answer_is_the_cores_and_survives_json() {
        let s = scenario(60.0);
        let a = goal_answer(&s, 0, 0.8, false, &OneThread);
        let GoalAnswer::Met(g) = &a else {
            panic!("{a:?}")
        };
        assert_eq!(
            *g,
            goal::goal(&s, 0, 0.8, s.mix, &OneThread).unwrap().unwrap()
        );
        let back: GoalAnswer = from_wire(&to_wire(&a)).unwrap();
        assert_eq!(back, a);
        assert!(matches!(
            goal_answer(&scenario(15_000.0), 0, 0.8, false, &OneThread),
            GoalAnswer::Unreachable { .. }
        ));
        assert!(matches!(
            goal_answer(&s, 0, 1.5, false, &OneThread),
            GoalAnswer::Refused(_)
        ));
    }

    #[test]
    fn a_fit_survives_json_and_a_bad_series_is_refused() {
        let text = "year,share\n2014,0.10\n2015,0.13\n2016,0.17\n2017,0.22\n2018,0.28\n2019,0.35\n";
        let a = calibrate_answer(text);
        let c = a.clone().unwrap();
        assert!(c.p.low <= c.p.mode && c.p.mode <= c.p.high);
        let back: CalibrateAnswer = from_wire(&to_wire(&a)).unwrap();
        assert_eq!(back, a);
        // 17-digit decimals that serde_json's own reader may round to a neighbour.
        let hard = vec![
            0.012814862728400647_f64,
            0.1 + 0.2,
            1.0 / 3.0,
            5e-324,
            2978515.625,
        ];
        assert_eq!(from_wire::<Vec<f64>>(&to_wire(&hard)), Some(hard));
        assert!(calibrate_answer("2014,0.1\n2013,0.2\n2015,0.3\n").is_err());
    }
}
