//! A panel's worker: evaluates runs of many mixes and answers with each run's outcomes
//! (the best mix), or every run of whole scenarios (the tornado, the margins), yielding to its event loop now and then so a cancel or a newer job stops it.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use adoption_decide::optimize::with_mix;
use adoption_decide::outcome::Outcomes;
use adoption_formats::ScenarioJson;
use adoption_model::{Ensemble, Model, Scenario};
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

use super::protocol::{Order, Reply, Request, ScenarioJob, record};
use crate::worker::{now_ms, yield_to_event_loop};

/// Work between looks at the message queue, in milliseconds.
const SLICE_MS: f64 = 25.0;

/// Starts answering jobs in this worker's global scope.
pub fn register() {
    let Ok(scope) = js_sys::global().dyn_into::<DedicatedWorkerGlobalScope>() else {
        return;
    };
    let pending: Rc<RefCell<Option<Order>>> = Rc::default();
    // The newest job id heard of (a job or a cancel): an older job in flight stops.
    let newest = Rc::new(Cell::new(0u64));
    let busy = Rc::new(Cell::new(false));
    let on_message = {
        let scope = scope.clone();
        Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            // A section's task runs to its end here; it is cancelled by ending the worker.
            if let Some(task) = super::protocol::Task::read(&event.data()) {
                return super::task::serve(&scope, task);
            }
            match Order::read(&event.data()) {
                Some(Order::Cancel(id)) => {
                    newest.set(newest.get().max(id + 1));
                    pending.borrow_mut().take_if(|j| job_id(j) <= id);
                }
                Some(job) => {
                    newest.set(newest.get().max(job_id(&job)));
                    *pending.borrow_mut() = Some(job);
                }
                None => return,
            }
            if !busy.get() {
                busy.set(true);
                let (scope, pending, newest, busy) =
                    (scope.clone(), pending.clone(), newest.clone(), busy.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    // NOTE: the job is taken in a statement of its own: a `while let` on
                    // `pending.borrow_mut().take()` would hold the borrow through the
                    // await, and a message arriving meanwhile would find it borrowed.
                    loop {
                        let next = pending.borrow_mut().take();
                        match next {
                            Some(Order::Job(job)) => work(&scope, job, &newest).await,
                            Some(Order::Scenarios(job)) => {
                                work_scenarios(&scope, job, &newest).await;
                            }
                            _ => break,
                        }
                    }
                    busy.set(false);
                });
            }
        })
    };
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    // A worker drops messages that come before its handler is set: say it listens.
    let (ready, _) = Reply::Ready.to_js();
    let _ = scope.post_message(&ready);
}

/// A job's answer and its pace: every [`SLICE_MS`] of work it says how far it got and
/// yields to the event loop, so that a cancel or a newer job can stop it.
struct Pace<'a> {
    scope: &'a DedicatedWorkerGlobalScope,
    id: u64,
    newest: &'a Cell<u64>,
    slice_start: f64,
}

impl<'a> Pace<'a> {
    fn new(scope: &'a DedicatedWorkerGlobalScope, id: u64, newest: &'a Cell<u64>) -> Self {
        Pace {
            scope,
            id,
            newest,
            slice_start: now_ms(),
        }
    }

    /// Before unit `done` of the job: whether to go on.
    async fn go_on(&mut self, done: usize) -> bool {
        if now_ms() - self.slice_start > SLICE_MS {
            self.post(Reply::Progress {
                id: self.id,
                done: done as u32,
            });
            yield_to_event_loop().await;
            if self.newest.get() != self.id {
                return false;
            }
            self.slice_start = now_ms();
        }
        true
    }

    fn post(&self, reply: Reply) {
        let (message, transfer) = reply.to_js();
        let _ = self.scope.post_message_with_transfer(&message, &transfer);
    }

    fn fail(&self, message: String) {
        self.post(Reply::Error {
            id: self.id,
            message,
        });
    }

    fn answer(&self, columns: usize, values: Vec<f64>) {
        self.post(Reply::Values {
            id: self.id,
            columns,
            values,
        });
    }
}

/// Evaluates one job, unless a newer job or a cancel stops it.
async fn work(scope: &DedicatedWorkerGlobalScope, job: Request, newest: &Cell<u64>) {
    let mut pace = Pace::new(scope, job.id, newest);
    let scenario = match Scenario::from_json(&job.scenario) {
        Ok(s) => s,
        Err(e) => return pace.fail(e.to_string()),
    };
    let columns = 2 + scenario.targets.len();
    let runs = job.runs.len();
    let mut values = Vec::with_capacity(job.mixes.len() * columns * runs);
    for (done, &mix) in job.mixes.iter().enumerate() {
        if !pace.go_on(done).await {
            return;
        }
        let model = match Model::new(&with_mix(&scenario, mix)) {
            Ok(m) => m,
            Err(e) => return pace.fail(e.to_string()),
        };
        let ensemble = Ensemble::simulate(&model, job.runs.clone());
        let o = Outcomes::new(&model, &ensemble);
        values.extend_from_slice(&o.additional);
        values.extend_from_slice(&o.adopter_years);
        for met in &o.met {
            values.extend(met.iter().map(|&m| f64::from(u8::from(m))));
        }
    }
    pace.answer(columns, values);
}

/// The job an order is about.
fn job_id(order: &Order) -> u64 {
    match order {
        Order::Job(j) => j.id,
        Order::Scenarios(j) => j.id,
        Order::Cancel(id) => *id,
    }
}

/// Every run of each scenario of a job, one [`record`] each, unless a newer job or a
/// cancel stops it.
async fn work_scenarios(scope: &DedicatedWorkerGlobalScope, job: ScenarioJob, newest: &Cell<u64>) {
    let mut pace = Pace::new(scope, job.id, newest);
    let mut values = Vec::new();
    let mut columns = 0;
    for (done, text) in job.scenarios.iter().enumerate() {
        if !pace.go_on(done).await {
            return;
        }
        let built = Scenario::from_json(text)
            .map_err(|e| e.to_string())
            .and_then(|s| Model::new(&s).map_err(|e| e.to_string()));
        let model = match built {
            Ok(m) => m,
            Err(message) => return pace.fail(message),
        };
        let ensemble = Ensemble::simulate(&model, 0..model.scenario().runs);
        let r = record(&model, &ensemble);
        columns = r.len();
        values.extend(r);
    }
    pace.answer(columns, values);
}
