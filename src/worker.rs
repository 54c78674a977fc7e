//! The web workers that run the model, and the page's handle on them.
//!
//! A worker is this same WebAssembly module, started by a small loader (see
//! [`crate::address::worker_url`]); [`crate::start`] sees it has no window and calls
//! [`register`]. The page keeps a small pool (one worker per core the browser reports, at
//! most [`MAX_WORKERS`]) and splits each job's runs between them
//! ([`adoption_model::ensemble::split_runs`]): it sends every worker `{id, scenario, from,
//! to}` (the scenario as JSON text, read with [`Scenario::from_json`] like any file); each
//! answers with its runs' raw results as typed arrays, moved rather than copied
//! (transferred), and the page merges them in run order and summarises them with the same
//! model code: no serialisation format stands between the model and the numbers shown,
//! and the merged runs are exactly one pass's, so the figures are exactly the CLI's.
//!
//! A worker that has a job of more than about [`FINISH_MS`] computes it in chunks of about
//! [`CHUNK_MS`]; between chunks it yields to its event loop, so a newer job supersedes the
//! one in flight (only the newest is ever finished). Such a long job sends its first
//! chunk's results at once, so a quick succession of changes (a dragged slider) still
//! shows figures, then what it has every [`PARTIAL_EVERY_MS`]. A shorter job is computed
//! in one go: nothing to supersede, no partial results to summarise.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use adoption_formats::ScenarioJson;
use adoption_model::ensemble::split_runs;
use adoption_model::{Ensemble, Model, Scenario, Summary};
use js_sys::{Array, Float64Array, Object, Reflect, Uint32Array};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent, Worker, WorkerOptions, WorkerType};

/// Time spent per chunk of runs before the worker looks for newer jobs.
pub const CHUNK_MS: f64 = 4.0;
/// A job whose runs left would take less than this (judged from its first chunk) is
/// finished without yielding.
pub const FINISH_MS: f64 = 25.0;
/// The most workers a job is split between.
pub const MAX_WORKERS: usize = 4;
/// The fewest runs worth a worker of their own.
pub const MIN_RUNS_PER_WORKER: u32 = 100;
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
    let pending: Rc<RefCell<Option<Job>>> = Rc::default();
    let busy = Rc::new(Cell::new(false));
    let on_message = {
        let (scope, pending, busy) = (scope.clone(), pending.clone(), busy.clone());
        Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let Some(job) = Job::read(&event.data()) else {
                return;
            };
            // Only the newest job matters.
            *pending.borrow_mut() = Some(job);
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

/// A job as a worker receives it: a scenario and the runs this worker does.
struct Job {
    id: u64,
    scenario: String,
    /// Runs `from..to` of the scenario's (all of them when the page does not say).
    runs: Option<std::ops::Range<u32>>,
}

impl Job {
    fn read(data: &JsValue) -> Option<Job> {
        let id = get(data, "id").as_f64()? as u64;
        let scenario = get(data, "scenario").as_string()?;
        let bound = |key| {
            get(data, key)
                .as_f64()
                .filter(|x| x.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(x))
                .map(|x| x as u32)
        };
        let runs = match (bound("from"), bound("to")) {
            (Some(from), Some(to)) if from <= to => Some(from..to),
            _ => None,
        };
        Some(Job { id, scenario, runs })
    }
}

/// Runs jobs until none is waiting.
async fn work(scope: &DedicatedWorkerGlobalScope, pending: &RefCell<Option<Job>>) {
    loop {
        let Some(job) = pending.borrow_mut().take() else {
            return;
        };
        let id = job.id;
        let model = match Scenario::from_json(&job.scenario)
            .and_then(|s| Model::new(&s).map_err(Into::into))
        {
            Ok(model) => model,
            Err(e) => {
                let answer = Object::new();
                set(&answer, "id", &JsValue::from_f64(id as f64));
                set(&answer, "error", &JsValue::from_str(&e.to_string()));
                let _ = scope.post_message(&answer);
                continue;
            }
        };
        let all = model.scenario().runs;
        let runs = job.runs.unwrap_or(0..all);
        let (first, end) = (runs.start.min(all), runs.end.min(all));
        let started = now_ms();
        let mut last_partial = started;
        let mut ensemble = Ensemble::new(&model);
        // Small enough for a quick first look, large enough to be worth a look.
        let mut chunk = 100u32;
        let mut finish = false;
        while first + ensemble.runs() < end {
            let from = first + ensemble.runs();
            let to = if finish {
                end
            } else {
                from.saturating_add(chunk).min(end)
            };
            let t0 = now_ms();
            ensemble.extend(&model, from..to);
            if to >= end {
                break;
            }
            // Aim the next chunk at CHUNK_MS of work, or finish if little is left.
            let per_run = (now_ms() - t0).max(0.001) / f64::from(to - from);
            if f64::from(end - to) * per_run < FINISH_MS {
                finish = true;
                continue;
            }
            chunk = ((CHUNK_MS / per_run) as u32).clamp(10, 20_000);
            yield_to_event_loop().await;
            if pending.borrow().is_some() {
                break;
            }
            // A first look right after the first chunk (so a drag shows something), then
            // every PARTIAL_EVERY_MS.
            if from == first || now_ms() - last_partial >= PARTIAL_EVERY_MS {
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
        /// Milliseconds from sending the job (or, if it waited for the workers to start,
        /// from their starting) to this summary: the workers' computing, the messages and
        /// summarising on the page.
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

/// How many workers a page should use: one per core the browser reports, at most
/// [`MAX_WORKERS`].
pub fn pool_size() -> usize {
    let cores = web_sys::window().map_or(1.0, |w| w.navigator().hardware_concurrency());
    if cores.is_finite() && cores >= 1.0 {
        (cores as usize).min(MAX_WORKERS)
    } else {
        1
    }
}

/// The page's handle on a pool of workers: sends jobs, gathers and summarises answers.
pub struct Simulator {
    members: Vec<Member>,
    /// The newest job's answers so far (older jobs' answers are dropped).
    newest: Rc<RefCell<Option<Gathering>>>,
}

/// One worker of the pool.
struct Member {
    worker: Worker,
    /// Jobs held until the worker says it listens (`None` once it does).
    held: Rc<RefCell<Option<Vec<Object>>>>,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
}

/// A job's answers, one slot per worker.
struct Gathering {
    id: u64,
    /// Its model, to summarise the answers with.
    model: Model,
    /// When it was sent, on the page's clock.
    sent_ms: f64,
    /// Each worker's runs so far, and whether they are all of its share.
    parts: Vec<Option<(Ensemble, bool)>>,
    /// Whether its failure was already reported.
    failed: bool,
}

impl Simulator {
    /// Starts `workers` workers (at least one) from the loader at `url`; `on_answer` gets
    /// every answer. `None` if the browser refuses a worker.
    pub fn spawn(
        url: &str,
        workers: usize,
        on_answer: impl Fn(Answer) + 'static,
    ) -> Option<Simulator> {
        let newest: Rc<RefCell<Option<Gathering>>> = Rc::default();
        let on_answer = Rc::new(on_answer);
        let members = (0..workers.max(1))
            .map(|k| Member::spawn(url, k, newest.clone(), on_answer.clone()))
            .collect::<Option<Vec<_>>>()?;
        Some(Simulator { members, newest })
    }

    /// Sends a job, its runs split between the workers; a scenario the model refuses is
    /// answered at once, without them.
    pub fn send(&self, id: u64, scenario: &Scenario) -> Result<(), String> {
        let model = Model::new(scenario)
            .map_err(|e| adoption_formats::message::Message::from(&e).to_string())?;
        *self.newest.borrow_mut() = Some(Gathering {
            id,
            model,
            sent_ms: now_ms(),
            parts: vec![None; self.members.len()],
            failed: false,
        });
        let text = JsValue::from_str(&scenario.to_json());
        let shares = split_runs(scenario.runs, self.members.len(), MIN_RUNS_PER_WORKER);
        for (member, runs) in self.members.iter().zip(shares) {
            let job = Object::new();
            set(&job, "id", &JsValue::from_f64(id as f64));
            set(&job, "scenario", &text);
            set(&job, "from", &JsValue::from_f64(f64::from(runs.start)));
            set(&job, "to", &JsValue::from_f64(f64::from(runs.end)));
            if let Some(held) = member.held.borrow_mut().as_mut() {
                // Not listening yet: hold the job (the worker keeps only the newest anyway).
                held.push(job);
                continue;
            }
            member
                .worker
                .post_message(&job)
                .map_err(|_| "the simulator could not be reached".to_string())?;
        }
        Ok(())
    }
}

impl Member {
    /// Starts worker number `k` of a pool.
    fn spawn(
        url: &str,
        k: usize,
        newest: Rc<RefCell<Option<Gathering>>>,
        on_answer: Rc<dyn Fn(Answer)>,
    ) -> Option<Member> {
        let options = WorkerOptions::new();
        options.set_type(WorkerType::Module);
        let worker = Worker::new_with_options(url, &options).ok()?;
        let held: Rc<RefCell<Option<Vec<Object>>>> = Rc::new(RefCell::new(Some(Vec::new())));
        let on_message = {
            let (held, target) = (held.clone(), worker.clone());
            Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
                let data = event.data();
                if get(&data, "ready").is_truthy() {
                    for job in held.borrow_mut().take().unwrap_or_default() {
                        let _ = target.post_message(&job);
                    }
                    // The time a job waited for the workers to start is not its own.
                    if let Some(g) = newest.borrow_mut().as_mut() {
                        g.sent_ms = now_ms();
                    }
                    return;
                }
                // The borrow ends before `on_answer`, which may send the next job.
                let answer = read_answer(&data, k, newest.borrow_mut().as_mut());
                if let Some(answer) = answer {
                    on_answer(answer);
                }
            })
        };
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        Some(Member {
            worker,
            held,
            _on_message: on_message,
        })
    }
}

impl Drop for Member {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}

/// Takes worker `k`'s message into the newest job's answers; returns what there is to
/// show: the summary of every run once all are in, of the runs so far when the message is
/// a long job's partial result, or the job's failure (once).
fn read_answer(data: &JsValue, k: usize, newest: Option<&mut Gathering>) -> Option<Answer> {
    let id = get(data, "id").as_f64()? as u64;
    let newest = newest.filter(|g| g.id == id);
    if let Some(message) = get(data, "error").as_string() {
        // Every worker refuses a bad scenario alike: say so once.
        if let Some(g) = newest
            && std::mem::replace(&mut g.failed, true)
        {
            return None;
        }
        return Some(Answer::Failed { id, message });
    }
    // Only the newest job's answers are worth summarising: an older one is already
    // superseded (summarising it would only make a drag stutter).
    let gathering = newest?;
    let model = &gathering.model;
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
    let part = Ensemble::from_parts(model, runs, baseline, policy, &counts)?;
    let done = get(data, "done").as_bool().unwrap_or(false);
    *gathering.parts.get_mut(k)? = Some((part, done));
    let all_done = gathering.parts.iter().all(|p| matches!(p, Some((_, true))));
    if !all_done && done {
        // Another worker's share is still coming: wait for it rather than show a part.
        return None;
    }
    // The workers' runs in order: exactly the runs of one pass.
    let mut ensemble = Ensemble::new(model);
    for (part, _) in gathering.parts.iter().flatten() {
        ensemble.merge(part);
    }
    let summary = Rc::new(Summary::new(model, &ensemble));
    let compute_ms = now_ms() - gathering.sent_ms;
    Some(Answer::Summary {
        id,
        summary,
        runs_done: ensemble.runs(),
        done: all_done,
        compute_ms,
    })
}
