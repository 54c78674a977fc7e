//! The panel's workers, one pool for all its sections: each job's runs are split into
//! contiguous ranges, one per worker, and each mix's values are put back together in run
//! order, so they are exactly one pass's (and the CLI's). A job of whole scenarios (the
//! tornado's, the margins') is split into contiguous runs of scenarios instead, and their
//! records put back in order.
//!
//! One job runs at a time, on every worker; the others wait their turn, first come first
//! served. Each section asks through its own [`Lane`]: a section's new job replaces its
//! job in flight or waiting, and never another section's.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::ops::Range;
use std::rc::Rc;

use adoption_model::ensemble::split_runs;
use adoption_model::scenario::Mix;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{MessageEvent, Worker, WorkerOptions, WorkerType};

use super::protocol::{self, Reply, Request, ScenarioJob};

/// Per objective column, per mix, per run.
pub type Columns = Vec<Vec<Vec<f64>>>;

/// Why a job gave no values.
#[derive(Clone, Debug, PartialEq)]
pub enum Stop {
    /// Cancelled, or superseded by a newer job.
    Cancelled,
    /// A worker refused it (English, for the record) or could not be reached.
    Failed(String),
}

/// The fewest runs worth a worker of their own.
const MIN_RUNS_PER_WORKER: u32 = 20;
/// The most workers.
pub const MAX_WORKERS: usize = 8;

/// How many workers: one per core the browser reports, at least 2.
pub fn pool_size() -> usize {
    let cores = web_sys::window().map_or(2.0, |w| w.navigator().hardware_concurrency());
    if cores.is_finite() && cores >= 2.0 {
        (cores as usize).min(MAX_WORKERS)
    } else {
        2
    }
}

/// A section's way into the pool: its jobs replace each other.
pub type Lane = u32;

/// A lane of its own for each caller (sections keep theirs for their lifetime).
pub fn lane() -> Lane {
    thread_local! {
        static NEXT: Cell<Lane> = const { Cell::new(0) };
    }
    NEXT.with(|n| {
        n.set(n.get() + 1);
        n.get()
    })
}

/// Where a job's progress goes: the share of it done (0 to 1).
pub type Progress = Rc<dyn Fn(f64)>;

/// A job being gathered.
struct Gathering {
    id: u64,
    lane: Lane,
    progress: Progress,
    /// What each worker counts as done when it is finished (mixes, or its scenarios).
    units: Vec<u32>,
    /// Each worker's share of the runs (or of the scenarios).
    shares: Vec<Range<u32>>,
    /// Each worker's answer: columns and values.
    parts: Vec<Option<(usize, Vec<f64>)>>,
    /// Each worker's mixes (or scenarios) done.
    done: Vec<u32>,
    /// The job's end, once known: every worker answered, or why not.
    outcome: Option<Result<(), Stop>>,
    /// Resolves the job's promise.
    resolve: Option<js_sys::Function>,
}

/// A job waiting for the pool.
struct Waiting {
    lane: Lane,
    /// Resolves its wait.
    wake: js_sys::Function,
    /// Set when its lane cancelled it.
    cancelled: Rc<Cell<bool>>,
}

/// The workers, the job in flight and the jobs waiting.
pub struct Pool {
    members: Vec<Member>,
    current: Rc<RefCell<Option<Gathering>>>,
    waiting: RefCell<VecDeque<Waiting>>,
    next_id: Cell<u64>,
}

/// One of the pool's workers.
type Member = ModuleWorker;

/// A worker running the panel's module, handed the panel's compiled WebAssembly module
/// (no second download or compile: see `assets/decide-boot.js`), that holds what is
/// posted to it until it says it listens; dropping it ends the worker.
pub struct ModuleWorker {
    worker: Worker,
    held: Rc<RefCell<Option<Vec<JsValue>>>>,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
}

impl Drop for ModuleWorker {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}

impl ModuleWorker {
    /// Starts a worker from the panel's boot script; `heard` gets every message from it
    /// but its [`Reply::Ready`].
    pub fn spawn(mut heard: impl FnMut(JsValue) + 'static) -> Option<ModuleWorker> {
        let options = WorkerOptions::new();
        options.set_type(WorkerType::Module);
        let worker = Worker::new_with_options(&super::worker_url(), &options).ok()?;
        // The boot script waits for the module before anything else.
        worker.post_message(&wasm_bindgen::module()).ok()?;
        let held: Rc<RefCell<Option<Vec<JsValue>>>> = Rc::new(RefCell::new(Some(Vec::new())));
        let on_message = {
            let (held, target) = (held.clone(), worker.clone());
            Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
                let data = event.data();
                if matches!(Reply::read(&data), Some(Reply::Ready)) {
                    // NOTE: a worker drops what is posted before it listens: held until now.
                    for message in held.borrow_mut().take().unwrap_or_default() {
                        let _ = target.post_message(&message);
                    }
                    return;
                }
                heard(data);
            })
        };
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        Some(ModuleWorker {
            worker,
            held,
            _on_message: on_message,
        })
    }

    /// Posts now, or holds the message until the worker listens.
    pub fn post(&self, message: JsValue) {
        if let Some(held) = self.held.borrow_mut().as_mut() {
            held.push(message);
            return;
        }
        let _ = self.worker.post_message(&message);
    }
}

impl Pool {
    /// Starts `size` workers.
    pub fn spawn(size: usize) -> Option<Pool> {
        let current: Rc<RefCell<Option<Gathering>>> = Rc::default();
        let members = (0..size.max(1))
            .map(|k| member(k, current.clone()))
            .collect::<Option<Vec<_>>>()?;
        Some(Pool {
            members,
            current,
            waiting: RefCell::default(),
            next_id: Cell::new(1),
        })
    }

    /// Each run of `runs` for each of `mixes`, per objective column; `lane`'s next job or
    /// [`Pool::cancel`] of its lane ends it with [`Stop::Cancelled`].
    pub async fn evaluate(
        &self,
        lane: Lane,
        progress: Progress,
        scenario: &str,
        mixes: &[Mix],
        runs: Range<u32>,
    ) -> Result<Columns, Stop> {
        let shares: Vec<Range<u32>> = split_runs(
            runs.end - runs.start,
            self.members.len(),
            MIN_RUNS_PER_WORKER,
        )
        .into_iter()
        .map(|r| runs.start + r.start..runs.start + r.end)
        .collect();
        let units = vec![mixes.len() as u32; shares.len()];
        let parts = self
            .gather(lane, progress, shares.clone(), units, |id, share| {
                Request {
                    id,
                    scenario: scenario.to_string(),
                    mixes: mixes.to_vec(),
                    runs: share,
                }
                .to_js()
                .into()
            })
            .await?;
        merge(mixes.len(), &parts, &shares)
    }

    /// Every run of each of `scenarios` (JSON texts), one [`protocol::record`] each in
    /// their order, whole scenarios shared out among the workers; `lane`'s next job or
    /// [`Pool::cancel`] of its lane ends it with [`Stop::Cancelled`].
    pub async fn scenarios(
        &self,
        lane: Lane,
        progress: Progress,
        scenarios: &[String],
    ) -> Result<Vec<Vec<f64>>, Stop> {
        let shares = split_runs(scenarios.len() as u32, self.members.len(), 1);
        let units: Vec<u32> = shares.iter().map(|r| r.len() as u32).collect();
        let parts = self
            .gather(lane, progress, shares.clone(), units, |id, share| {
                let range = share.start as usize..share.end as usize;
                ScenarioJob {
                    id,
                    scenarios: scenarios[range].to_vec(),
                }
                .to_js()
                .into()
            })
            .await?;
        let mut records = Vec::with_capacity(scenarios.len());
        for ((columns, values), share) in parts.iter().zip(&shares) {
            if share.is_empty() {
                continue;
            }
            if *columns == 0 || values.len() != columns * share.len() {
                return Err(Stop::Failed("a worker's answer has the wrong size".into()));
            }
            records.extend(values.chunks_exact(*columns).map(<[f64]>::to_vec));
        }
        Ok(records)
    }

    /// Waits for the pool (after the jobs before it), posts one message per worker with a
    /// non-empty share (`message(id, share)`) and waits for every answer, in the workers'
    /// order. `lane`'s job in flight or waiting is cancelled first.
    async fn gather(
        &self,
        lane: Lane,
        progress: Progress,
        shares: Vec<Range<u32>>,
        units: Vec<u32>,
        message: impl Fn(u64, Range<u32>) -> JsValue,
    ) -> Result<Vec<(usize, Vec<f64>)>, Stop> {
        self.cancel(lane);
        let mut turns = 0;
        while self.current.borrow().is_some() {
            let cancelled = Rc::new(Cell::new(false));
            let wait = js_sys::Promise::new(&mut |wake, _| {
                let w = Waiting {
                    lane,
                    wake,
                    cancelled: cancelled.clone(),
                };
                // A job woken but overtaken keeps its place at the front.
                let mut waiting = self.waiting.borrow_mut();
                if turns == 0 {
                    waiting.push_back(w);
                } else {
                    waiting.push_front(w);
                }
            });
            let _ = wasm_bindgen_futures::JsFuture::from(wait).await;
            if cancelled.get() {
                return Err(Stop::Cancelled);
            }
            turns += 1;
        }
        let id = self.next_id.replace(self.next_id.get() + 1);
        let current = self.current.clone();
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            *current.borrow_mut() = Some(Gathering {
                id,
                lane,
                progress: progress.clone(),
                units: units.clone(),
                parts: shares
                    .iter()
                    .map(|r| r.is_empty().then(|| (0, Vec::new())))
                    .collect(),
                done: vec![0; shares.len()],
                shares: shares.clone(),
                outcome: None,
                resolve: Some(resolve),
            });
        });
        for (member, share) in self.members.iter().zip(&shares) {
            if !share.is_empty() {
                member.post(message(id, share.clone()));
            }
        }
        finish_if_done(self.current.borrow_mut().as_mut());
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
        let answer = {
            let mut current = self.current.borrow_mut();
            match current.take_if(|g| g.id == id) {
                Some(mut g) => match g.outcome.take() {
                    Some(Ok(())) => Ok(g
                        .parts
                        .iter_mut()
                        .map(|p| p.take().unwrap_or_default())
                        .collect()),
                    Some(Err(stop)) => Err(stop),
                    None => Err(Stop::Cancelled),
                },
                _ => Err(Stop::Cancelled),
            }
        };
        self.wake_next();
        answer
    }

    /// Stops `lane`'s job in flight and its job waiting, if any.
    pub fn cancel(&self, lane: Lane) {
        let gathering = self.current.borrow_mut().take_if(|g| g.lane == lane);
        if let Some(mut g) = gathering {
            for member in &self.members {
                member.post(protocol::cancel(g.id).into());
            }
            if let Some(resolve) = g.resolve.take() {
                let _ = resolve.call0(&JsValue::NULL);
            }
        }
        let mut dropped = Vec::new();
        self.waiting.borrow_mut().retain(|w| {
            if w.lane != lane {
                return true;
            }
            w.cancelled.set(true);
            dropped.push(w.wake.clone());
            false
        });
        for wake in dropped {
            let _ = wake.call0(&JsValue::NULL);
        }
    }

    /// Lets the first waiting job start, once no job is in flight.
    fn wake_next(&self) {
        if self.current.borrow().is_some() {
            return;
        }
        let next = self.waiting.borrow_mut().pop_front();
        if let Some(w) = next {
            let _ = w.wake.call0(&JsValue::NULL);
        }
    }
}

/// A pool member: its replies feed the job in flight (worker `k`'s part).
fn member(k: usize, current: Rc<RefCell<Option<Gathering>>>) -> Option<Member> {
    ModuleWorker::spawn(move |data| {
        let mut progress = None;
        {
            let mut current = current.borrow_mut();
            let Some(g) = current.as_mut() else { return };
            match Reply::read(&data) {
                Some(Reply::Progress { id, done }) if g.id == id => {
                    g.done[k] = done;
                    progress = Some((g.progress.clone(), fraction(g)));
                }
                Some(Reply::Values {
                    id,
                    columns,
                    values,
                }) if g.id == id => {
                    g.done[k] = g.units[k];
                    g.parts[k] = Some((columns, values));
                    progress = Some((g.progress.clone(), fraction(g)));
                    finish_if_done(Some(g));
                }
                Some(Reply::Error { id, message }) if g.id == id => {
                    g.outcome = Some(Err(Stop::Failed(message)));
                    if let Some(resolve) = g.resolve.take() {
                        let _ = resolve.call0(&JsValue::NULL);
                    }
                }
                _ => {}
            }
        }
        if let Some((to, f)) = progress {
            to(f);
        }
    })
}

/// The job's share done, weighing each worker by its runs (or scenarios).
fn fraction(g: &Gathering) -> f64 {
    let total: f64 = g.shares.iter().map(|r| f64::from(r.len() as u32)).sum();
    if total == 0.0 {
        return 1.0;
    }
    g.shares
        .iter()
        .zip(g.done.iter().zip(&g.units))
        .filter(|(_, (_, u))| **u > 0)
        .map(|(r, (&d, &u))| f64::from(r.len() as u32) * f64::from(d) / f64::from(u))
        .sum::<f64>()
        / total
}

/// Once every worker has answered: the promise resolved.
fn finish_if_done(g: Option<&mut Gathering>) {
    let Some(g) = g else { return };
    if g.outcome.is_some() || g.parts.iter().any(Option::is_none) {
        return;
    }
    g.outcome = Some(Ok(()));
    if let Some(resolve) = g.resolve.take() {
        let _ = resolve.call0(&JsValue::NULL);
    }
}

/// Each worker's values, per column and mix, concatenated in run order.
fn merge(
    mixes: usize,
    parts: &[(usize, Vec<f64>)],
    shares: &[Range<u32>],
) -> Result<Columns, Stop> {
    let columns = parts.iter().map(|(c, _)| *c).find(|&c| c > 0).unwrap_or(0);
    let mut out: Columns = vec![vec![Vec::new(); mixes]; columns];
    for ((cols, values), share) in parts.iter().zip(shares) {
        let runs = share.len();
        if runs == 0 {
            continue;
        }
        if *cols != columns || values.len() != mixes * columns * runs {
            return Err(Stop::Failed("a worker's answer has the wrong size".into()));
        }
        for (m, column) in (0..mixes).flat_map(|m| (0..columns).map(move |c| (m, c))) {
            let at = (m * columns + column) * runs;
            out[column][m].extend_from_slice(&values[at..at + runs]);
        }
    }
    Ok(out)
}
