//! The messages between the page and its workers, defined once for both sides. The
//! end-to-end tests and the benchmark read them with the field names of `e2e/protocol.mjs`,
//! which mirrors [`key`]; a unit test below fails when the two differ.
//!
//! | Direction | Message | Fields |
//! |---|---|---|
//! | worker → page | [`Reply::Ready`] | `{ready: true}`: the worker listens |
//! | page → worker | [`Request`] | `{id, scenario, from, to}`: runs `from..to` of a scenario (JSON text) |
//! | worker → page | [`Reply::Runs`] | `{id, runs, done, ms, baseline, policy, firms, counts}`: raw results as typed arrays |
//! | worker → page | [`Reply::Error`] | `{id, error}`: the scenario was refused (English, for the record) |
//!
//! `id` is the pool's number for a job (one per job, the same for each worker's share),
//! not what the job answers: the page keeps that itself.
//!
//! NOTE: the messages are plain objects built field by field rather than serde values:
//! the results' typed arrays are moved to the page (transferred), not copied, and no
//! serialiser between the model and the numbers shown adds to the page's weight.

use std::ops::Range;

use js_sys::{Array, Float64Array, Object, Reflect, Uint32Array};
use wasm_bindgen::{JsCast, JsValue};

/// The field names of every message (mirrored in `e2e/protocol.mjs`, checked by the tests
/// below: a constant added here goes there too, one `name: 'value',` line).
pub mod key {
    /// Reply: the worker listens (`true`).
    pub const READY: &str = "ready";
    /// Both ways: the pool's number for the job.
    pub const ID: &str = "id";
    /// Request: the scenario as JSON text.
    pub const SCENARIO: &str = "scenario";
    /// Request: the first run of this worker's share.
    pub const FROM: &str = "from";
    /// Request: the run after the last of this worker's share.
    pub const TO: &str = "to";
    /// Request: a scenario computed ahead of the page (`true`): in short chunks, so that
    /// the page's next job never waits behind it.
    pub const AHEAD: &str = "ahead";
    /// Reply: runs done so far.
    pub const RUNS: &str = "runs";
    /// Reply: whether they are all of this worker's share.
    pub const DONE: &str = "done";
    /// Reply: the worker's milliseconds for the job so far.
    pub const MS: &str = "ms";
    /// Reply: each run's adopters without the plan (`Uint32Array`).
    pub const BASELINE: &str = "baseline";
    /// Reply: each run's adopters with the plan (`Uint32Array`).
    pub const POLICY: &str = "policy";
    /// Reply: each run's firms in business per year (`Uint32Array`).
    pub const FIRMS: &str = "firms";
    /// Reply: the runs' summed counts (`Float64Array`).
    pub const COUNTS: &str = "counts";
    /// Reply: why the scenario was refused.
    pub const ERROR: &str = "error";
}

/// `object[key]`, or `undefined`.
pub(crate) fn get(object: &JsValue, key: &str) -> JsValue {
    Reflect::get(object, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// `object[key] = value`.
pub(crate) fn set(object: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(object, &JsValue::from_str(key), value);
}

/// A whole number of runs, if `value` is one.
pub(crate) fn run_number(value: JsValue) -> Option<u32> {
    value
        .as_f64()
        .filter(|x| x.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(x))
        .map(|x| x as u32)
}

/// A job for one worker: a scenario and the runs it does.
#[derive(Clone, Debug, PartialEq)]
pub struct Request {
    /// The pool's number for the job.
    pub id: u64,
    /// The scenario as JSON text (read with `Scenario::from_json`, like any file).
    pub scenario: String,
    /// Runs `from..to` of the scenario's (all of them when the page does not say).
    pub runs: Option<Range<u32>>,
    /// Whether it is computed ahead of the page (see [`key::AHEAD`]).
    pub ahead: bool,
}

impl Request {
    /// The message to post.
    pub fn to_js(&self) -> Object {
        let job = Object::new();
        set(&job, key::ID, &JsValue::from_f64(self.id as f64));
        set(&job, key::SCENARIO, &JsValue::from_str(&self.scenario));
        if let Some(runs) = &self.runs {
            set(&job, key::FROM, &JsValue::from_f64(f64::from(runs.start)));
            set(&job, key::TO, &JsValue::from_f64(f64::from(runs.end)));
        }
        if self.ahead {
            set(&job, key::AHEAD, &JsValue::TRUE);
        }
        job
    }

    /// The request in a message, if it is one.
    pub fn read(data: &JsValue) -> Option<Request> {
        let id = get(data, key::ID).as_f64()? as u64;
        let scenario = get(data, key::SCENARIO).as_string()?;
        let runs = match (
            run_number(get(data, key::FROM)),
            run_number(get(data, key::TO)),
        ) {
            (Some(from), Some(to)) if from <= to => Some(from..to),
            _ => None,
        };
        let ahead = get(data, key::AHEAD).as_bool() == Some(true);
        Some(Request {
            id,
            scenario,
            runs,
            ahead,
        })
    }
}

/// A worker's runs so far, as the page reads them.
#[derive(Clone, Debug, PartialEq)]
pub struct Runs {
    /// The pool's number for the job.
    pub id: u64,
    /// Runs done.
    pub runs: u32,
    /// Whether they are all of this worker's share.
    pub done: bool,
    /// The worker's milliseconds so far.
    pub ms: f64,
    /// Each run's adopters without the plan.
    pub baseline: Vec<u32>,
    /// Each run's adopters with the plan.
    pub policy: Vec<u32>,
    /// Each run's firms in business per year.
    pub firms: Vec<u32>,
    /// The runs' summed counts.
    pub counts: Vec<u64>,
}

/// What a worker says.
#[derive(Clone, Debug, PartialEq)]
pub enum Reply {
    /// It listens.
    Ready,
    /// Runs of a job.
    Runs(Runs),
    /// A job's scenario was refused.
    Error {
        /// The pool's number for the job.
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
        let array = |k| {
            get(data, k)
                .dyn_into::<Uint32Array>()
                .ok()
                .map(|a| a.to_vec())
        };
        let counts = get(data, key::COUNTS).dyn_into::<Float64Array>().ok()?;
        Some(Reply::Runs(Runs {
            id,
            runs: run_number(get(data, key::RUNS))?,
            done: get(data, key::DONE).as_bool().unwrap_or(false),
            ms: get(data, key::MS).as_f64().unwrap_or(f64::NAN),
            baseline: array(key::BASELINE)?,
            policy: array(key::POLICY)?,
            firms: array(key::FIRMS)?,
            counts: counts.to_vec().into_iter().map(|c| c as u64).collect(),
        }))
    }
}

/// The message saying a worker listens.
pub fn ready() -> Object {
    let ready = Object::new();
    set(&ready, key::READY, &JsValue::TRUE);
    ready
}

/// The message refusing job `id`.
pub fn error(id: u64, message: &str) -> Object {
    let answer = Object::new();
    set(&answer, key::ID, &JsValue::from_f64(id as f64));
    set(&answer, key::ERROR, &JsValue::from_str(message));
    answer
}

/// The message carrying a worker's runs, and the buffers to move with it.
pub struct RunsMessage<'a> {
    /// The pool's number for the job.
    pub id: u64,
    /// Runs done.
    pub runs: u32,
    /// Whether they are all of this worker's share.
    pub done: bool,
    /// The worker's milliseconds so far.
    pub ms: f64,
    /// Each run's adopters without the plan.
    pub baseline: &'a [u32],
    /// Each run's adopters with the plan.
    pub policy: &'a [u32],
    /// Each run's firms in business per year.
    pub firms: &'a [u32],
    /// The runs' summed counts.
    pub counts: &'a [f64],
}

impl RunsMessage<'_> {
    /// The message, and the list of buffers to transfer with it.
    pub fn to_js(&self) -> (Object, Array) {
        let baseline = Uint32Array::from(self.baseline);
        let policy = Uint32Array::from(self.policy);
        let firms = Uint32Array::from(self.firms);
        let counts = Float64Array::from(self.counts);
        let answer = Object::new();
        set(&answer, key::ID, &JsValue::from_f64(self.id as f64));
        set(&answer, key::RUNS, &JsValue::from_f64(f64::from(self.runs)));
        set(&answer, key::DONE, &JsValue::from_bool(self.done));
        set(&answer, key::MS, &JsValue::from_f64(self.ms));
        set(&answer, key::BASELINE, &baseline);
        set(&answer, key::POLICY, &policy);
        set(&answer, key::FIRMS, &firms);
        set(&answer, key::COUNTS, &counts);
        let transfer = Array::of4(
            &baseline.buffer(),
            &policy.buffer(),
            &firms.buffer(),
            &counts.buffer(),
        );
        (answer, transfer)
    }
}

#[cfg(test)]
mod tests {
    use super::key;

    /// The end-to-end suite's copy of [`key`].
    const MIRROR: &str = include_str!("../../e2e/protocol.mjs");

    /// Every constant of [`key`], by the lower-case name the mirror gives it.
    const KEYS: [(&str, &str); 14] = [
        ("ready", key::READY),
        ("id", key::ID),
        ("scenario", key::SCENARIO),
        ("from", key::FROM),
        ("to", key::TO),
        ("ahead", key::AHEAD),
        ("runs", key::RUNS),
        ("done", key::DONE),
        ("ms", key::MS),
        ("baseline", key::BASELINE),
        ("policy", key::POLICY),
        ("firms", key::FIRMS),
        ("counts", key::COUNTS),
        ("error", key::ERROR),
    ];

    /// The mirror's `name: 'value',` lines.
    fn mirror_entries() -> Vec<&'static str> {
        MIRROR
            .lines()
            .map(str::trim)
            .filter(|l| l.contains(": '") && l.ends_with("',"))
            .collect()
    }

    #[test]
    fn e2e_mirror_has_every_key_and_no_other() {
        let entries = mirror_entries();
        for (name, value) in KEYS {
            let entry = format!("{name}: '{value}',");
            assert!(
                entries.contains(&entry.as_str()),
                "e2e/protocol.mjs lacks `{entry}` (key::{} in src/worker/protocol.rs)",
                name.to_uppercase()
            );
        }
        assert_eq!(
            entries.len(),
            KEYS.len(),
            "e2e/protocol.mjs has keys that src/worker/protocol.rs does not: {entries:?}"
        );
    }

    #[test]
    fn keys_lists_every_constant_of_the_key_module() {
        // A constant added to `key` but not to KEYS would escape the test above: count the
        // module's constants in this file's own source.
        let source = include_str!("protocol.rs");
        let start = source
            .find("pub mod key {")
            .expect("protocol.rs declares `pub mod key`");
        let module = &source[start..];
        let end = module.find("\n}").expect("`mod key` ends");
        let constants = module[..end].matches("pub const ").count();
        assert_eq!(constants, KEYS.len(), "KEYS lists every constant of `key`");
    }
}
