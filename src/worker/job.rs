//! The worker's side: answers the page's [`Request`]s with runs of the model, newest job
//! first, in chunks between which a newer job can supersede the one in flight.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use adoption_formats::ScenarioJson;
use adoption_model::{Ensemble, Model, Scenario};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

use super::protocol::{self, Request, RunsMessage};
use super::{CHUNK_MS, FINISH_MS, PARTIAL_EVERY_MS, now_ms};

/// Starts answering jobs in this worker's global scope.
pub fn register() {
    let Ok(scope) = js_sys::global().dyn_into::<DedicatedWorkerGlobalScope>() else {
        return;
    };
    let pending: Rc<RefCell<Option<Request>>> = Rc::default();
    let busy = Rc::new(Cell::new(false));
    let on_message = {
        let (scope, pending, busy) = (scope.clone(), pending.clone(), busy.clone());
        Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let Some(job) = Request::read(&event.data()) else {
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
    let _ = scope.post_message(&protocol::ready());
}

/// Runs jobs until none is waiting.
async fn work(scope: &DedicatedWorkerGlobalScope, pending: &RefCell<Option<Request>>) {
    loop {
        // Let the messages already queued in first: of a burst of jobs, only the newest
        // is computed. Without this, a job short enough to finish in one go is computed
        // for every message queued while the one before it ran (one message is delivered
        // per task), and under load the final input's result waits behind them all.
        yield_to_event_loop().await;
        let Some(job) = pending.borrow_mut().take() else {
            return;
        };
        let id = job.id;
        let model = match Scenario::from_json(&job.scenario)
            .and_then(|s| Model::new(&s).map_err(Into::into))
        {
            Ok(model) => model,
            Err(e) => {
                let _ = scope.post_message(&protocol::error(id, &e.to_string()));
                continue;
            }
        };
        let all = model.scenario().runs;
        let runs = job.runs.unwrap_or(0..all);
        run_share(
            scope,
            pending,
            id,
            &model,
            runs.start.min(all)..runs.end.min(all),
            job.ahead,
        )
        .await;
    }
}

/// Computes runs `first..end` of job `id`, in chunks aimed at [`CHUNK_MS`] each, posting
/// partial results now and then; stops early when a newer job arrives. A job computed
/// `ahead` of the page is never finished in one go, and posts only its whole result.
async fn run_share(
    scope: &DedicatedWorkerGlobalScope,
    pending: &RefCell<Option<Request>>,
    id: u64,
    model: &Model,
    runs: std::ops::Range<u32>,
    ahead: bool,
) {
    let (first, end) = (runs.start, runs.end);
    let started = now_ms();
    let mut last_partial = started;
    let mut ensemble = Ensemble::new(model);
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
        ensemble.extend(model, from..to);
        if to >= end {
            break;
        }
        // Aim the next chunk at CHUNK_MS of work, or finish if little is left.
        let per_run = (now_ms() - t0).max(0.001) / f64::from(to - from);
        if !ahead && f64::from(end - to) * per_run < FINISH_MS {
            finish = true;
            continue;
        }
        chunk = ((CHUNK_MS / per_run) as u32).clamp(10, 20_000);
        yield_to_event_loop().await;
        if pending.borrow().is_some() {
            return;
        }
        // A first look right after the first chunk (so a drag shows something), then
        // every PARTIAL_EVERY_MS.
        if !ahead && (from == first || now_ms() - last_partial >= PARTIAL_EVERY_MS) {
            last_partial = now_ms();
            post(scope, id, &ensemble, false, now_ms() - started);
        }
    }
    if pending.borrow().is_none() {
        post(scope, id, &ensemble, true, now_ms() - started);
    }
}

/// Sends an ensemble's raw parts, moving (not copying) their buffers.
fn post(scope: &DedicatedWorkerGlobalScope, id: u64, e: &Ensemble, done: bool, ms: f64) {
    let counts: Vec<f64> = e.counts_flat().into_iter().map(|c| c as f64).collect();
    let (answer, transfer) = RunsMessage {
        id,
        runs: e.runs(),
        done,
        ms,
        baseline: e.baseline(),
        policy: e.stored_policy(),
        firms: e.firms(),
        counts: &counts,
    }
    .to_js();
    let _ = scope.post_message_with_transfer(&answer, &transfer);
}

/// Lets queued messages in: resolves on the next macrotask, via a `MessageChannel`
/// (unlike `setTimeout(0)`, it is never clamped to 4 ms when nested).
pub(crate) async fn yield_to_event_loop() {
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
