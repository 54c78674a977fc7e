//! The page's side: a pool of workers that splits each job's runs between them, gathers
//! their answers and summarises them with the model, for the newest job only.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use adoption_formats::ScenarioJson;
use adoption_model::ensemble::split_runs;
use adoption_model::{Ensemble, Model, Scenario, Summary};
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{MessageEvent, Worker, WorkerOptions, WorkerType};

use super::protocol::{Reply, Request, Runs};
use super::{MAX_WORKERS, MIN_RUNS_PER_WORKER, PARTIAL_EVERY_MS, now_ms};
use crate::state::{Failure, JobId};

/// What the workers said about a job.
#[derive(Clone, Debug, PartialEq)]
pub enum Answer {
    /// Results so far (`done`: all runs).
    Summary {
        /// The job.
        job: JobId,
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
    /// The job could not be computed.
    Failed {
        /// The job.
        job: JobId,
        /// Why.
        failure: Failure,
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

/// How many exact results the pool keeps, by scenario ([`Simulator::kept`]).
const KEPT: usize = 8;

/// The page's handle on a pool of workers: sends jobs, gathers and summarises answers,
/// keeps the latest exact results, and computes the scenarios the page expects next
/// while it has nothing else to do ([`Simulator::anticipate`]).
pub struct Simulator {
    pool: Rc<Pool>,
}

/// What the workers of a [`Simulator`] share.
struct Pool {
    members: Vec<Member>,
    /// The newest job's answers so far (older jobs' answers are dropped).
    newest: RefCell<Option<Gathering>>,
    /// The number the next job goes out under.
    next_id: Cell<u64>,
    /// The latest exact results, oldest first: the scenario, its summary and the
    /// milliseconds it took.
    kept: RefCell<Vec<(Scenario, Rc<Summary>, f64)>>,
    /// Scenarios to compute ahead while idle, the first last.
    ahead: RefCell<Vec<Scenario>>,
    on_answer: Box<dyn Fn(Answer)>,
}

/// One worker of the pool.
struct Member {
    worker: Worker,
    /// Jobs held until the worker says it listens (`None` once it does).
    held: Rc<RefCell<Option<Vec<Request>>>>,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
}

/// A job's answers, one slot per worker.
struct Gathering {
    /// The pool's number for the job (on the wire).
    id: u64,
    /// What it answers (`None`: a scenario computed ahead, only kept).
    job: Option<JobId>,
    /// Its scenario, to keep the exact result under.
    scenario: Scenario,
    /// Its model, to summarise the answers with.
    model: Model,
    /// When it was sent, on the page's clock.
    sent_ms: f64,
    /// Each worker's runs so far, and whether they are all of its share.
    parts: Vec<Option<(Ensemble, bool)>>,
    /// Whether its failure was already reported.
    failed: bool,
    /// When a partial summary of it was last shown: at most one every
    /// [`PARTIAL_EVERY_MS`] (each costs the page a summary and a render, which would
    /// delay the exact result while the workers share the cores with the page).
    partial_shown_ms: Option<f64>,
}

impl Simulator {
    /// Starts `workers` workers (at least one) from the loader at `url`; `on_answer` gets
    /// every answer. `None` if the browser refuses a worker.
    pub fn spawn(
        url: &str,
        workers: usize,
        on_answer: impl Fn(Answer) + 'static,
    ) -> Option<Simulator> {
        let pool = Rc::new_cyclic(|pool: &std::rc::Weak<Pool>| {
            let members = (0..workers.max(1))
                .map(|k| Member::spawn(url, k, pool.clone()))
                .collect::<Option<Vec<_>>>();
            Pool {
                members: members.unwrap_or_default(),
                newest: RefCell::default(),
                next_id: Cell::new(1),
                kept: RefCell::default(),
                ahead: RefCell::default(),
                on_answer: Box::new(on_answer),
            }
        });
        (!pool.members.is_empty()).then_some(Simulator { pool })
    }

    /// Sends a job, its runs split between the workers; it supersedes any job in flight.
    /// A scenario the model refuses is refused at once, without them.
    pub fn send(&self, job: JobId, scenario: &Scenario) -> Result<(), Failure> {
        // What was expected of the state before this job is stale: the page says anew
        // once it has this job's result.
        self.pool.ahead.borrow_mut().clear();
        // The scenario being computed ahead: that computation becomes the job's.
        if let Some(g) = self.pool.newest.borrow_mut().as_mut()
            && g.job.is_none()
            && !g.failed
            && g.scenario == *scenario
        {
            g.job = Some(job);
            return Ok(());
        }
        self.pool.send(Some(job), scenario)
    }

    /// The exact result of `scenario` and the milliseconds it took, if it is one of the
    /// latest computed (for the page, or ahead of it).
    pub fn kept(&self, scenario: &Scenario) -> Option<(Rc<Summary>, f64)> {
        self.pool.kept(scenario)
    }

    /// The scenarios the page expects next (e.g. a focused slider's neighbouring values),
    /// in order: computed and kept while the workers have nothing else to do, one at a
    /// time, and superseded like any job by the page's next one. Replaces the list before.
    ///
    /// NOTE: a slider step whose result is kept is shown in the frame after the key press,
    /// with no round trip to the workers (some 20-30 ms on 2 cores, more than a frame).
    /// The results are exact: the model is deterministic for a scenario (its seed
    /// included), so a kept result is the one a new job would compute.
    pub fn anticipate(&self, scenarios: Vec<Scenario>) {
        *self.pool.ahead.borrow_mut() = scenarios.into_iter().rev().collect();
        self.pool.next_ahead();
    }
}

impl Pool {
    fn send(&self, job: Option<JobId>, scenario: &Scenario) -> Result<(), Failure> {
        let model = Model::new(scenario)
            .map_err(|e| Failure::Refused(adoption_formats::message::Message::from(&e)))?;
        let id = self.next_id.replace(self.next_id.get() + 1);
        *self.newest.borrow_mut() = Some(Gathering {
            id,
            job,
            scenario: scenario.clone(),
            model,
            sent_ms: now_ms(),
            parts: vec![None; self.members.len()],
            failed: false,
            partial_shown_ms: None,
        });
        let text = scenario.to_json();
        let shares = split_runs(scenario.runs, self.members.len(), MIN_RUNS_PER_WORKER);
        for (member, runs) in self.members.iter().zip(shares) {
            let request = Request {
                id,
                scenario: text.clone(),
                runs: Some(runs),
                ahead: job.is_none(),
            };
            if let Some(held) = member.held.borrow_mut().as_mut() {
                // Not listening yet: hold the job (the worker keeps only the newest anyway).
                held.push(request);
                continue;
            }
            member
                .worker
                .post_message(&request.to_js())
                .map_err(|_| Failure::Unreachable)?;
        }
        Ok(())
    }

    /// See [`Simulator::kept`].
    fn kept(&self, scenario: &Scenario) -> Option<(Rc<Summary>, f64)> {
        self.kept
            .borrow()
            .iter()
            .rev()
            .find(|(s, ..)| s == scenario)
            .map(|(_, summary, ms)| (summary.clone(), *ms))
    }

    /// Whether no job is in flight: none sent, or the newest finished or failed.
    fn idle(&self) -> bool {
        self.newest
            .borrow()
            .as_ref()
            .is_none_or(|g| g.failed || g.complete())
    }

    /// Sends the next scenario to compute ahead, if the pool is idle and one is left
    /// that is not kept already.
    fn next_ahead(&self) {
        if !self.idle() {
            return;
        }
        loop {
            let Some(scenario) = self.ahead.borrow_mut().pop() else {
                return;
            };
            if self.kept(&scenario).is_none() && self.send(None, &scenario).is_ok() {
                return;
            }
        }
    }

    /// Keeps a finished job's exact result.
    fn keep(&self, scenario: Scenario, summary: Rc<Summary>, ms: f64) {
        let mut kept = self.kept.borrow_mut();
        kept.retain(|(s, ..)| *s != scenario);
        if kept.len() == KEPT {
            kept.remove(0);
        }
        kept.push((scenario, summary, ms));
    }
}

impl Gathering {
    /// Whether every worker's whole share is in.
    fn complete(&self) -> bool {
        self.parts.iter().all(|p| matches!(p, Some((_, true))))
    }
}

impl Member {
    /// Starts worker number `k` of a pool.
    fn spawn(url: &str, k: usize, pool: std::rc::Weak<Pool>) -> Option<Member> {
        let options = WorkerOptions::new();
        options.set_type(WorkerType::Module);
        let worker = Worker::new_with_options(url, &options).ok()?;
        let held: Rc<RefCell<Option<Vec<Request>>>> = Rc::new(RefCell::new(Some(Vec::new())));
        let on_message = {
            let (held, target) = (held.clone(), worker.clone());
            Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
                let Some(pool) = pool.upgrade() else {
                    return;
                };
                let answer = match Reply::read(&event.data()) {
                    Some(Reply::Ready) => {
                        for job in held.borrow_mut().take().unwrap_or_default() {
                            let _ = target.post_message(&job.to_js());
                        }
                        // The time a job waited for the workers to start is not its own.
                        if let Some(g) = pool.newest.borrow_mut().as_mut() {
                            g.sent_ms = now_ms();
                        }
                        return;
                    }
                    Some(Reply::Error { id, .. }) => failed(id, pool.newest.borrow_mut().as_mut()),
                    Some(Reply::Runs(runs)) => gather(runs, k, &pool),
                    None => None,
                };
                // The borrows have ended: `on_answer` may send the next job.
                if let Some(answer) = answer {
                    (pool.on_answer)(answer);
                }
                pool.next_ahead();
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

/// A worker refused job `id`: the newest job's failure, said once (every worker refuses
/// a bad scenario alike); an older job's is of no interest.
fn failed(id: u64, newest: Option<&mut Gathering>) -> Option<Answer> {
    let g = newest.filter(|g| g.id == id)?;
    if std::mem::replace(&mut g.failed, true) {
        return None;
    }
    Some(Answer::Failed {
        job: g.job?,
        // The page checked the scenario with the same model before sending it: a worker
        // that still refuses it is out of step with the page.
        failure: Failure::Unreachable,
    })
}

/// Takes worker `k`'s runs into the newest job's answers; returns what there is to show:
/// the summary of every run once all are in, or of the runs so far when the message is
/// a long job's partial result.
fn gather(runs: Runs, k: usize, pool: &Pool) -> Option<Answer> {
    let mut newest = pool.newest.borrow_mut();
    // Only the newest job's answers are worth summarising: an older one is already
    // superseded (summarising it would only make a drag stutter).
    let gathering = newest.as_mut().filter(|g| g.id == runs.id)?;
    let model = &gathering.model;
    let part = Ensemble::from_parts(
        model,
        runs.runs,
        runs.baseline,
        runs.policy,
        runs.firms,
        &runs.counts,
    )?;
    *gathering.parts.get_mut(k)? = Some((part, runs.done));
    let all_done = gathering.complete();
    if !all_done && runs.done {
        // Another worker's share is still coming: wait for it rather than show a part.
        return None;
    }
    if !all_done {
        // A scenario computed ahead is only kept whole.
        gathering.job?;
        let now = now_ms();
        if gathering
            .partial_shown_ms
            .is_some_and(|shown| now - shown < PARTIAL_EVERY_MS)
        {
            return None;
        }
        gathering.partial_shown_ms = Some(now);
    }
    // The workers' runs in order: exactly the runs of one pass.
    let mut ensemble = Ensemble::new(model);
    for (part, _) in gathering.parts.iter().flatten() {
        ensemble.merge(part);
    }
    let summary = Rc::new(Summary::new(model, &ensemble));
    let compute_ms = now_ms() - gathering.sent_ms;
    if all_done {
        pool.keep(gathering.scenario.clone(), summary.clone(), compute_ms);
    }
    Some(Answer::Summary {
        job: gathering.job?,
        summary,
        runs_done: ensemble.runs(),
        done: all_done,
        compute_ms,
    })
}
