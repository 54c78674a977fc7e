//! The web worker that runs the model, and the page's handle on it.
//!
//! The worker is this same WebAssembly module, started by a small loader (see
//! [`crate::address::worker_url`]); [`crate::start`] sees it has no window and calls
//! [`register`]. The page sends a job, `{id, scenario}` (the scenario as JSON text, read
//! with [`Scenario::from_json`] like any file); the worker answers with the runs' raw
//! results as typed arrays, moved rather than copied (transferred), and the page
//! summarises them with the same model code: no serialisation format stands between the
//! model and the numbers shown, so they are exactly the CLI's.
//!
//! Runs are computed in chunks of about [`CHUNK_MS`]; between chunks the worker yields to
//! its event loop, so a newer job supersedes the one in flight (only the newest is ever
//! finished). The first chunk's results are sent at once, so a quick succession of
//! changes (a dragged slider) still shows figures; a long job then sends what it has
//! every [`PARTIAL_EVERY_MS`].

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

use adoption_model::{Ensemble, Model, Scenario, Summary};
use js_sys::{Array, Float64Array, Object, Reflect, Uint32Array};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent, Worker, WorkerOptions, WorkerType};

/// Time spent per chunk of runs before the worker looks for newer jobs.
pub const CHUNK_MS: f64 = 4.0;
/// A job longer than this sends partial results, about this often.
pub const PARTIAL_EVERY_MS: f64 = 150.0;

fn get(object: &JsValue, key: &str) -> JsValue {
    Reflect::get(object, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn set(object: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(object, &JsValue::from_str(key), value);
}

// ---------------------------------------------------------------------------------------
// The worker's side
// ---------------------------------------------------------------------------------------

/// Starts answering jobs in this worker's global scope.
pub fn register() {
    let Ok(scope) = js_sys::global().dyn_into::<DedicatedWorkerGlobalScope>() else {
        return;
    };
    let pending: Rc<RefCell<Option<(u64, String)>>> = Rc::default();
    let busy = Rc::new(Cell::new(false));
    let on_message = {
        let (scope, pending, busy) = (scope.clone(), pending.clone(), busy.clone());
        Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let data = event.data();
            let (Some(id), Some(text)) = (
                get(&data, "id").as_f64(),
                get(&data, "scenario").as_string(),
            ) else {
                return;
            };
            // Only the newest job matters.
            *pending.borrow_mut() = Some((id as u64, text));
            if !busy.get() {
                busy.set(true);
                let (scope, pending, busy) = (scope.clone(), pending.clone(), busy.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    work(&scope, &pending).await;
                    busy.set(false);
                });
            }
        })
    };
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    // NOTE: a worker drops messages that arrive before its handler is set (the module
    // is still loading), so the page holds its jobs until this says the worker listens.
    let ready = Object::new();
    set(&ready, "ready", &JsValue::TRUE);
    let _ = scope.post_message(&ready);
}

/// Runs jobs until none is waiting.
async fn work(scope: &DedicatedWorkerGlobalScope, pending: &RefCell<Option<(u64, String)>>) {
    loop {
        let Some((id, text)) = pending.borrow_mut().take() else {
            return;
        };
        let model = match Scenario::from_json(&text).and_then(|s| Model::new(&s)) {
            Ok(model) => model,
            Err(e) => {
                let answer = Object::new();
                set(&answer, "id", &JsValue::from_f64(id as f64));
                set(&answer, "error", &JsValue::from_str(&e.to_string()));
                let _ = scope.post_message(&answer);
                continue;
            }
        };
        let total = model.scenario().runs;
        let started = now_ms();
        let mut last_partial = started;
        let mut ensemble = Ensemble::new(&model);
        // Small enough for a quick first look, large enough to be worth a look.
        let mut chunk = 100u32;
        while ensemble.runs() < total {
            let from = ensemble.runs();
            let to = from.saturating_add(chunk).min(total);
            let t0 = now_ms();
            ensemble.extend(&model, from..to);
            // Aim the next chunk at CHUNK_MS of work.
            let per_run = (now_ms() - t0).max(0.01) / f64::from(to - from);
            chunk = ((CHUNK_MS / per_run) as u32).clamp(10, 20_000);
            if ensemble.runs() >= total {
                break;
            }
            yield_to_event_loop().await;
            if pending.borrow().is_some() {
                break;
            }
            // A first look right after the first chunk (so a drag shows something), then
            // every PARTIAL_EVERY_MS.
            if from == 0 || now_ms() - last_partial >= PARTIAL_EVERY_MS {
                last_partial = now_ms();
                post(scope, id, &ensemble, false, now_ms() - started);
            }
        }
        if pending.borrow().is_none() {
            post(scope, id, &ensemble, true, now_ms() - started);
        }
    }
}

/// Sends an ensemble's raw parts, moving (not copying) their buffers.
fn post(scope: &DedicatedWorkerGlobalScope, id: u64, e: &Ensemble, done: bool, ms: f64) {
    let baseline = Uint32Array::from(e.baseline());
    let policy = Uint32Array::from(e.stored_policy());
    let counts: Vec<f64> = e.counts_flat().into_iter().map(|c| c as f64).collect();
    let counts = Float64Array::from(counts.as_slice());
    let answer = Object::new();
    set(&answer, "id", &JsValue::from_f64(id as f64));
    set(&answer, "runs", &JsValue::from_f64(f64::from(e.runs())));
    set(&answer, "done", &JsValue::from_bool(done));
    set(&answer, "ms", &JsValue::from_f64(ms));
    set(&answer, "baseline", &baseline);
    set(&answer, "policy", &policy);
    set(&answer, "counts", &counts);
    let transfer = Array::of3(&baseline.buffer(), &policy.buffer(), &counts.buffer());
    let _ = scope.post_message_with_transfer(&answer, &transfer);
}

/// Milliseconds on this global scope's clock.
fn now_ms() -> f64 {
    js_sys::global()
        .dyn_into::<web_sys::WorkerGlobalScope>()
        .ok()
        .and_then(|g| g.performance())
        .or_else(|| web_sys::window().and_then(|w| w.performance()))
        .map(|p| p.now())
        .unwrap_or(0.0)
}

/// Lets queued messages in: resolves on the next macrotask, via a `MessageChannel`
/// (unlike `setTimeout(0)`, it is never clamped to 4 ms when nested).
async fn yield_to_event_loop() {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        if let Ok(channel) = web_sys::MessageChannel::new() {
            channel.port1().set_onmessage(Some(resolve.unchecked_ref()));
            if channel.port2().post_message(&JsValue::NULL).is_ok() {
                return;
            }
        }
        // No channel: resolve at once (the loop still makes progress).
        let _ = resolve.call0(&JsValue::NULL);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

// ---------------------------------------------------------------------------------------
// The page's side
// ---------------------------------------------------------------------------------------

/// What the worker said about a job.
#[derive(Clone, Debug, PartialEq)]
pub enum Answer {
    /// Results so far (`done`: all runs).
    Summary {
        /// The job.
        id: u64,
        /// Their summary.
        summary: Rc<Summary>,
        /// Runs summarised.
        runs_done: u32,
        /// Whether every run is in.
        done: bool,
        /// Milliseconds: the worker's, plus summarising on the page.
        compute_ms: f64,
    },
    /// The scenario was refused (why, in words).
    Failed {
        /// The job.
        id: u64,
        /// Why.
        message: String,
    },
}

/// The page's handle on one worker: sends jobs, turns answers into summaries.
pub struct Simulator {
    worker: Worker,
    /// Models of recent jobs, to summarise their answers (the newest last).
    models: Rc<RefCell<VecDeque<(u64, Model)>>>,
    /// Jobs held until the worker says it listens (`None` once it does).
    held: Rc<RefCell<Option<Vec<Object>>>>,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
}

impl Simulator {
    /// Starts a worker from the loader at `url`; `on_answer` gets every answer.
    pub fn spawn(url: &str, on_answer: impl Fn(Answer) + 'static) -> Option<Simulator> {
        let options = WorkerOptions::new();
        options.set_type(WorkerType::Module);
        let worker = Worker::new_with_options(url, &options).ok()?;
        let models: Rc<RefCell<VecDeque<(u64, Model)>>> = Rc::default();
        let held: Rc<RefCell<Option<Vec<Object>>>> = Rc::new(RefCell::new(Some(Vec::new())));
        let on_message = {
            let (models, held, target) = (models.clone(), held.clone(), worker.clone());
            Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
                let data = event.data();
                if get(&data, "ready").is_truthy() {
                    for job in held.borrow_mut().take().unwrap_or_default() {
                        let _ = target.post_message(&job);
                    }
                    return;
                }
                // The borrow ends before `on_answer`, which may send the next job.
                let answer = read_answer(&data, &models.borrow());
                if let Some(answer) = answer {
                    on_answer(answer);
                }
            })
        };
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        Some(Simulator {
            worker,
            models,
            held,
            _on_message: on_message,
        })
    }

    /// Sends a job; a scenario the model refuses is answered at once, without the worker.
    pub fn send(&self, id: u64, scenario: &Scenario) -> Result<(), String> {
        let model = Model::new(scenario).map_err(|e| e.to_string())?;
        let mut models = self.models.borrow_mut();
        models.push_back((id, model));
        while models.len() > 8 {
            models.pop_front();
        }
        let job = Object::new();
        set(&job, "id", &JsValue::from_f64(id as f64));
        set(&job, "scenario", &JsValue::from_str(&scenario.to_json()));
        if let Some(held) = self.held.borrow_mut().as_mut() {
            // Not listening yet: hold the job (the worker keeps only the newest anyway).
            held.push(job);
            return Ok(());
        }
        self.worker
            .post_message(&job)
            .map_err(|_| "the simulator could not be reached".to_string())
    }
}

impl Drop for Simulator {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}

/// Turns a worker message into an answer (summarising raw results with the job's model).
fn read_answer(data: &JsValue, models: &VecDeque<(u64, Model)>) -> Option<Answer> {
    let id = get(data, "id").as_f64()? as u64;
    if let Some(message) = get(data, "error").as_string() {
        return Some(Answer::Failed { id, message });
    }
    // Only the newest job's answers are worth summarising: an older one is already
    // superseded (summarising it would only make a drag stutter).
    let (_, model) = models.back().filter(|(job, _)| *job == id)?;
    let t0 = now_ms();
    let runs = get(data, "runs").as_f64()? as u32;
    let baseline = get(data, "baseline")
        .dyn_into::<Uint32Array>()
        .ok()?
        .to_vec();
    let policy = get(data, "policy").dyn_into::<Uint32Array>().ok()?.to_vec();
    let counts: Vec<u64> = get(data, "counts")
        .dyn_into::<Float64Array>()
        .ok()?
        .to_vec()
        .into_iter()
        .map(|c| c as u64)
        .collect();
    let ensemble = Ensemble::from_parts(model, runs, baseline, policy, &counts)?;
    let summary = Rc::new(Summary::new(model, &ensemble));
    let worker_ms = get(data, "ms").as_f64().unwrap_or(0.0);
    Some(Answer::Summary {
        id,
        summary,
        runs_done: runs,
        done: get(data, "done").as_bool().unwrap_or(false),
        compute_ms: worker_ms + (now_ms() - t0),
    })
}
