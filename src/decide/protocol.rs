//! The messages between the best-mix panel and its workers, defined once for both sides.
//!
//! | Direction | Message | Fields |
//! |---|---|---|
//! | worker → panel | ready | `{ready: true}`: the worker listens |
//! | panel → worker | [`Request`] | `{id, scenario, mixes, from, to}`: runs `from..to` of each mix (`mixes`: vouchers, training, pilots, flat) |
//! | panel → worker | [`ScenarioJob`] | `{id, scenarios}`: every run of each scenario (JSON texts), one [`record`] each |
//! | panel → worker | cancel | `{cancel: id}`: stop job `id` (and anything older) |
//! | worker → panel | [`Reply::Progress`] | `{id, done}`: mixes (or scenarios) done |
//! | worker → panel | [`Reply::Values`] | `{id, columns, values}`: per mix, per column, per run (for a [`ScenarioJob`]: one [`record`] of `columns` values per scenario) |
//! | worker → panel | [`Reply::Error`] | `{id, error}`: refused (English, for the record) |
//! | section → its worker | [`Task`] | `{id, task, ...}`: the budget for a target, or a fit |
//! | worker → section | [`answer`] | `{id, answer}`: the task's answer, JSON text |
//!
//! Columns: additional adopters at the headline year, additional adopter-years, then
//! whether each target is met (0 or 1): [`column`] maps an objective to its column.

use std::ops::Range;

use adoption_decide::outcome::Objective;
use adoption_model::scenario::Mix;
use js_sys::{Float64Array, Object};

use crate::worker::protocol::{get, run_number, set};
use wasm_bindgen::{JsCast, JsValue};

/// The field names of every message.
pub mod key {
    /// Reply: the worker listens (`true`).
    pub const READY: &str = "ready";
    /// Both ways: the job.
    pub const ID: &str = "id";
    /// Request: the scenario as JSON text.
    pub const SCENARIO: &str = "scenario";
    /// Request: the mixes, three shares each (`Float64Array`).
    pub const MIXES: &str = "mixes";
    /// Request: the first run.
    pub const FROM: &str = "from";
    /// Request: the run after the last.
    pub const TO: &str = "to";
    /// Cancel: the job to stop.
    pub const CANCEL: &str = "cancel";
    /// Reply: mixes done so far.
    pub const DONE: &str = "done";
    /// Reply: values per mix and run (`Float64Array`).
    pub const VALUES: &str = "values";
    /// Reply: columns per mix.
    pub const COLUMNS: &str = "columns";
    /// Reply: why the scenario was refused.
    pub const ERROR: &str = "error";
    /// Request: scenarios as JSON texts (an array), each run in full.
    pub const SCENARIOS: &str = "scenarios";
}

/// The column of an objective's per-run values.
pub fn column(objective: Objective) -> usize {
    match objective {
        Objective::Mean => 0,
        Objective::AdopterYears => 1,
        Objective::Target(k) => 2 + k,
    }
}

/// A job for one worker.
#[derive(Clone, Debug, PartialEq)]
pub struct Request {
    /// The job.
    pub id: u64,
    /// The scenario as JSON text.
    pub scenario: String,
    /// The mixes to evaluate.
    pub mixes: Vec<Mix>,
    /// The runs of each.
    pub runs: Range<u32>,
}

impl Request {
    /// The message to post.
    pub fn to_js(&self) -> Object {
        let flat: Vec<f64> = self
            .mixes
            .iter()
            .flat_map(|m| [m.vouchers, m.training, m.pilots])
            .collect();
        let job = Object::new();
        set(&job, key::ID, &JsValue::from_f64(self.id as f64));
        set(&job, key::SCENARIO, &JsValue::from_str(&self.scenario));
        set(&job, key::MIXES, &Float64Array::from(flat.as_slice()));
        set(
            &job,
            key::FROM,
            &JsValue::from_f64(f64::from(self.runs.start)),
        );
        set(&job, key::TO, &JsValue::from_f64(f64::from(self.runs.end)));
        job
    }
}

/// A job of whole scenarios for one worker: every run of each (the tornado's and the
/// margins' scenarios).
#[derive(Clone, Debug, PartialEq)]
pub struct ScenarioJob {
    /// The job.
    pub id: u64,
    /// The scenarios as JSON texts.
    pub scenarios: Vec<String>,
}

impl ScenarioJob {
    /// The message to post.
    pub fn to_js(&self) -> Object {
        let job = Object::new();
        let list: js_sys::Array = self
            .scenarios
            .iter()
            .map(|t| JsValue::from_str(t))
            .collect();
        set(&job, key::ID, &JsValue::from_f64(self.id as f64));
        set(&job, key::SCENARIOS, &list);
        job
    }
}

/// Headline readings first in a [`record`]: additional adopters' mean and 90% interval,
/// then cost per additional adopter's (NaN where undefined).
pub const READINGS: usize = 6;

/// One scenario's answer to a [`ScenarioJob`]: [`READINGS`] values, then each run's
/// additional adopters at the headline year, then the chance of meeting each target (the
/// policy world's), then the number of targets (so the runs and the chances part without
/// knowing either count).
pub fn record(model: &adoption_model::Model, ensemble: &adoption_model::Ensemble) -> Vec<f64> {
    use adoption_decide::sensitivity::{additional_reading, cost_reading};
    let outcomes = adoption_decide::outcome::Outcomes::new(model, ensemble);
    let targets = outcomes.met.len();
    let mut out = Vec::with_capacity(READINGS + outcomes.additional.len() + targets + 1);
    for (mean, [lo, hi]) in [
        additional_reading(&outcomes.additional),
        cost_reading(model, ensemble),
    ] {
        out.extend([mean, lo, hi]);
    }
    out.extend(&outcomes.additional);
    out.extend((0..targets).map(|k| outcomes.probability(k)));
    out.push(targets as f64);
    out
}

/// A [`record`]'s reading for `headline` (the second headline: cost per adopter).
pub fn reading(record: &[f64], cost: bool) -> (f64, [f64; 2]) {
    let at = if cost { 3 } else { 0 };
    match record.get(at..at + 3) {
        Some(r) => (r[0], [r[1], r[2]]),
        None => (f64::NAN, [f64::NAN; 2]),
    }
}

/// Where a [`record`]'s target chances start and end.
fn chances_at(record: &[f64]) -> (usize, usize) {
    let end = record.len().saturating_sub(1);
    let k = record
        .last()
        .map_or(0, |&k| k as usize)
        .min(end.saturating_sub(READINGS));
    (end - k, end)
}

/// A [`record`]'s per-run additional adopters.
pub fn additional(record: &[f64]) -> &[f64] {
    let (from, _) = chances_at(record);
    record.get(READINGS..from).unwrap_or_default()
}

/// A [`record`]'s chance of meeting each of the scenario's targets, in order.
pub fn chances(record: &[f64]) -> &[f64] {
    let (from, to) = chances_at(record);
    record.get(from..to).unwrap_or_default()
}

/// What the panel says to a worker.
#[derive(Clone, Debug, PartialEq)]
pub enum Order {
    /// Compute this.
    Job(Request),
    /// Compute these whole scenarios.
    Scenarios(ScenarioJob),
    /// Stop job `id` and anything older.
    Cancel(u64),
}

impl Order {
    /// The order in a message, if it is one.
    pub fn read(data: &JsValue) -> Option<Order> {
        if let Some(id) = get(data, key::CANCEL).as_f64() {
            return Some(Order::Cancel(id as u64));
        }
        let id = get(data, key::ID).as_f64()? as u64;
        if let Ok(list) = get(data, key::SCENARIOS).dyn_into::<js_sys::Array>() {
            let scenarios = list.iter().map(|t| t.as_string()).collect::<Option<_>>()?;
            return Some(Order::Scenarios(ScenarioJob { id, scenarios }));
        }
        let scenario = get(data, key::SCENARIO).as_string()?;
        let flat = get(data, key::MIXES)
            .dyn_into::<Float64Array>()
            .ok()?
            .to_vec();
        let mixes = flat
            .chunks_exact(3)
            .map(|c| Mix {
                vouchers: c[0],
                training: c[1],
                pilots: c[2],
            })
            .collect();
        let (from, to) = (
            run_number(get(data, key::FROM))?,
            run_number(get(data, key::TO))?,
        );
        (from <= to).then_some(Order::Job(Request {
            id,
            scenario,
            mixes,
            runs: from..to,
        }))
    }
}

/// The message cancelling job `id`.
pub fn cancel(id: u64) -> Object {
    let o = Object::new();
    set(&o, key::CANCEL, &JsValue::from_f64(id as f64));
    o
}

/// What a worker says.
#[derive(Clone, Debug, PartialEq)]
pub enum Reply {
    /// It listens.
    Ready,
    /// Mixes done so far.
    Progress {
        /// The job.
        id: u64,
        /// Mixes done.
        done: u32,
    },
    /// The job's values: `values[(mix * columns + column) * runs + run]`.
    Values {
        /// The job.
        id: u64,
        /// Columns per mix.
        columns: usize,
        /// The values.
        values: Vec<f64>,
    },
    /// Refused.
    Error {
        /// The job.
        id: u64,
        /// Why, in English.
        message: String,
    },
}

impl Reply {
    /// The reply in a message, if it is one.
    pub fn read(data: &JsValue) -> Option<Reply> {
        if get(data, key::READY).is_truthy() {
            return Some(Reply::Ready);
        }
        let id = get(data, key::ID).as_f64()? as u64;
        if let Some(message) = get(data, key::ERROR).as_string() {
            return Some(Reply::Error { id, message });
        }
        if let Some(done) = run_number(get(data, key::DONE)) {
            return Some(Reply::Progress { id, done });
        }
        let values = get(data, key::VALUES).dyn_into::<Float64Array>().ok()?;
        Some(Reply::Values {
            id,
            columns: run_number(get(data, key::COLUMNS))? as usize,
            values: values.to_vec(),
        })
    }

    /// The message for this reply, and the buffers to move with it.
    pub fn to_js(&self) -> (Object, js_sys::Array) {
        let o = Object::new();
        let transfer = js_sys::Array::new();
        match self {
            Reply::Ready => set(&o, key::READY, &JsValue::TRUE),
            Reply::Progress { id, done } => {
                set(&o, key::ID, &JsValue::from_f64(*id as f64));
                set(&o, key::DONE, &JsValue::from_f64(f64::from(*done)));
            }
            Reply::Values {
                id,
                columns,
                values,
            } => {
                let array = Float64Array::from(values.as_slice());
                set(&o, key::ID, &JsValue::from_f64(*id as f64));
                set(&o, key::COLUMNS, &JsValue::from_f64(*columns as f64));
                set(&o, key::VALUES, &array);
                transfer.push(&array.buffer());
            }
            Reply::Error { id, message } => {
                set(&o, key::ID, &JsValue::from_f64(*id as f64));
                set(&o, key::ERROR, &JsValue::from_str(message));
            }
        }
        (o, transfer)
    }
}

/// A task of the goal or calibration section, for a worker of its own: the budget for a
/// target (`{id, task: "goal", scenario, target, probability, best_mix}`) or a fit
/// (`{id, task: "calibrate", series}`). The worker answers [`Reply::Progress`] now and
/// then and one `{id, answer}` (JSON text); a task is cancelled by ending its worker.
#[derive(Clone, Debug, PartialEq)]
pub enum Task {
    /// The least budget for target `target` met in `probability` of runs.
    Goal {
        /// The task.
        id: u64,
        /// The scenario as JSON text.
        scenario: String,
        /// The target's index.
        target: usize,
        /// The chance asked, in (0, 1).
        probability: f64,
        /// Whether to spend it with the best mix for the target (else the scenario's).
        best_mix: bool,
    },
    /// A fit of p and q to a series (CSV text).
    Calibrate {
        /// The task.
        id: u64,
        /// The series as CSV text.
        series: String,
    },
}

/// The field names of a [`Task`] and its answer (with [`key::ID`], [`key::SCENARIO`]).
pub mod task_key {
    /// Task: its kind, [`GOAL`] or [`CALIBRATE`].
    pub const TASK: &str = "task";
    /// Kind: the budget for a target.
    pub const GOAL: &str = "goal";
    /// Kind: a fit.
    pub const CALIBRATE: &str = "calibrate";
    /// Goal: the target's index.
    pub const TARGET: &str = "target";
    /// Goal: the chance asked.
    pub const PROBABILITY: &str = "probability";
    /// Goal: spend with the best mix.
    pub const BEST_MIX: &str = "best_mix";
    /// Calibrate: the CSV text.
    pub const SERIES: &str = "series";
    /// Answer: JSON text.
    pub const ANSWER: &str = "answer";
}

impl Task {
    /// The message to post.
    pub fn to_js(&self) -> Object {
        let o = Object::new();
        match self {
            Task::Goal {
                id,
                scenario,
                target,
                probability,
                best_mix,
            } => {
                set(&o, key::ID, &JsValue::from_f64(*id as f64));
                set(&o, task_key::TASK, &JsValue::from_str(task_key::GOAL));
                set(&o, key::SCENARIO, &JsValue::from_str(scenario));
                set(&o, task_key::TARGET, &JsValue::from_f64(*target as f64));
                set(&o, task_key::PROBABILITY, &JsValue::from_f64(*probability));
                set(&o, task_key::BEST_MIX, &JsValue::from_bool(*best_mix));
            }
            Task::Calibrate { id, series } => {
                set(&o, key::ID, &JsValue::from_f64(*id as f64));
                set(&o, task_key::TASK, &JsValue::from_str(task_key::CALIBRATE));
                set(&o, task_key::SERIES, &JsValue::from_str(series));
            }
        }
        o
    }

    /// The task in a message, if it is one.
    pub fn read(data: &JsValue) -> Option<Task> {
        let kind = get(data, task_key::TASK).as_string()?;
        let id = get(data, key::ID).as_f64()? as u64;
        match kind.as_str() {
            task_key::GOAL => Some(Task::Goal {
                id,
                scenario: get(data, key::SCENARIO).as_string()?,
                target: run_number(get(data, task_key::TARGET))? as usize,
                probability: get(data, task_key::PROBABILITY).as_f64()?,
                best_mix: get(data, task_key::BEST_MIX).is_truthy(),
            }),
            task_key::CALIBRATE => Some(Task::Calibrate {
                id,
                series: get(data, task_key::SERIES).as_string()?,
            }),
            _ => None,
        }
    }
}

/// A task's answer: `{id, answer}`.
pub fn answer(id: u64, json: &str) -> Object {
    let o = Object::new();
    set(&o, key::ID, &JsValue::from_f64(id as f64));
    set(&o, task_key::ANSWER, &JsValue::from_str(json));
    o
}

/// A task's answer in a message, if it is one: the task and the JSON text.
pub fn read_answer(data: &JsValue) -> Option<(u64, String)> {
    let json = get(data, task_key::ANSWER).as_string()?;
    Some((get(data, key::ID).as_f64()? as u64, json))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_holds_both_headlines_and_the_runs() {
        let mut s = adoption_formats::preset::cantabria();
        s.runs = 20;
        let m = adoption_model::Model::new(&s).unwrap();
        let e = adoption_model::Ensemble::simulate(&m, 0..s.runs);
        let r = record(&m, &e);
        let targets = s.targets.len();
        assert!(targets > 0);
        assert_eq!(r.len(), READINGS + 20 + targets + 1);
        let summary = adoption_model::Summary::new(&m, &e).summary;
        assert_eq!(reading(&r, false).0, summary.additional_adopters.mean);
        assert_eq!(
            Some(reading(&r, true).0),
            summary.cost_per_additional_adopter
        );
        assert_eq!(additional(&r).len(), 20);
        let chances: Vec<f64> = chances(&r).to_vec();
        let expected: Vec<f64> = summary.targets.iter().map(|t| t.probability).collect();
        assert_eq!(chances, expected);
        assert!(reading(&[1.0], true).0.is_nan());
    }

    #[test]
    fn columns_follow_the_objectives() {
        assert_eq!(column(Objective::Mean), 0);
        assert_eq!(column(Objective::AdopterYears), 1);
        assert_eq!(column(Objective::Target(2)), 4);
    }
}
