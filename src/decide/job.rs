//! A question the panel answers from whole scenarios (the tornado, the margins): planned
//! from the page's scenario, its scenarios run on the panel's pool in a lane of its own, answered
//! with `crates/decide`'s summary. [`use_job`] follows the page's scenario (the first
//! answer at once, later ones once the scenario rests, like the best mix's map), shows
//! progress, and stops on Cancel or a newer scenario. A section computes only while it is
//! open ([`crate::hooks::use_open`]): the best mix's search, which the panel opens on, keeps the cores.

use std::rc::Rc;

use adoption_decide::MIN_RUNS;
use adoption_formats::ScenarioJson;
use adoption_formats::message::Message;
use adoption_model::Scenario;
use gloo::timers::callback::Timeout;
use yew::prelude::*;

use super::panel::REST_MS;
use super::pool::{self, Lane, Stop};
use super::search::Shared;
use crate::format;
use crate::i18n::{Lang, fill, say};

/// A question answered from whole scenarios.
pub trait Question: 'static {
    /// What the answer is computed from besides the workers' records.
    type Plan: 'static;
    /// The answer.
    type Answer: PartialEq + 'static;
    /// The plan and the scenarios to run, or why not.
    fn plan(s: &Scenario) -> Result<(Self::Plan, Vec<Scenario>), Refusal>;
    /// The answer from one record per planned scenario (`protocol::record`), in order.
    fn answer(s: &Scenario, plan: &Self::Plan, records: &[Vec<f64>]) -> Option<Self::Answer>;
}

/// Why a question is not computed.
#[derive(Clone, Debug, PartialEq)]
pub enum Refusal {
    /// Fewer runs than [`MIN_RUNS`].
    TooFewRuns,
    /// No parameter is uncertain: no tornado.
    NoUncertain,
    /// The model refuses the scenario.
    Scenario(Message),
}

/// Where the question is.
#[derive(Clone, Debug, PartialEq)]
pub enum Status {
    /// Waiting for the page's scenario.
    Waiting,
    /// Running, this share done.
    Running(f64),
    /// Answered.
    Done,
    /// Stopped by Cancel.
    Cancelled,
    /// Not computed.
    Refused(Refusal),
    /// The workers failed.
    Failed,
}

impl Status {
    /// The `data-state` attribute of a section in this status.
    pub fn key(&self) -> &'static str {
        match self {
            Status::Waiting => "waiting",
            Status::Running(_) => "running",
            Status::Done => "done",
            Status::Cancelled => "cancelled",
            Status::Refused(_) => "refused",
            Status::Failed => "failed",
        }
    }
}

/// The question's state: the newest job's number and status, and the latest answer (kept
/// on screen while the next one computes, dropped when a scenario is refused).
#[derive(Debug, PartialEq)]
pub struct JobState<A> {
    job: u64,
    /// Where the newest job is.
    pub status: Status,
    /// The latest answer.
    pub answer: Option<Rc<A>>,
    /// Milliseconds from its job's start to the answer.
    pub ms: f64,
}

/// A change of a [`JobState`].
pub enum JobAction<A> {
    /// Job `id` starts.
    Start(u64),
    /// Job `id` has this share done.
    Progress(u64, f64),
    /// Job `id` answered, in this many milliseconds.
    Finish(u64, Rc<A>, f64),
    /// Cancel pressed.
    Cancel,
    /// Job `id` is not computed.
    Refuse(u64, Refusal),
    /// Job `id` failed.
    Fail(u64),
}

impl<A> JobState<A> {
    /// Nothing asked yet.
    pub fn waiting() -> Self {
        JobState {
            job: 0,
            status: Status::Waiting,
            answer: None,
            ms: 0.0,
        }
    }
}

impl<A: PartialEq + 'static> Reducible for JobState<A> {
    type Action = JobAction<A>;

    fn reduce(self: Rc<Self>, action: JobAction<A>) -> Rc<Self> {
        let (mut job, mut answer, mut ms) = (self.job, self.answer.clone(), self.ms);
        let status = match action {
            JobAction::Start(id) => {
                job = id;
                Status::Running(0.0)
            }
            JobAction::Progress(id, f) if id == self.job => {
                if !matches!(self.status, Status::Running(_)) {
                    return self;
                }
                Status::Running(f)
            }
            JobAction::Finish(id, a, took) if id == self.job => {
                (answer, ms) = (Some(a), took);
                Status::Done
            }
            JobAction::Cancel if matches!(self.status, Status::Running(_)) => Status::Cancelled,
            JobAction::Refuse(id, r) if id == self.job => {
                answer = None;
                Status::Refused(r)
            }
            JobAction::Fail(id) if id == self.job => Status::Failed,
            _ => return self,
        };
        Rc::new(JobState {
            job,
            status,
            answer,
            ms,
        })
    }
}

/// What [`use_job`] gives a section.
pub struct Job<A: PartialEq + 'static> {
    /// The state to show.
    pub state: UseReducerHandle<JobState<A>>,
    /// The scenario as the page sent it, if it reads.
    pub scenario: Option<Rc<Scenario>>,
    /// Stops the job in flight.
    pub cancel: Callback<MouseEvent>,
    /// Starts it again after a stop.
    pub restart: Callback<MouseEvent>,
}

/// Answers `Q` for the page's scenario (`text`, JSON) as it changes.
#[hook]
pub fn use_job<Q: Question>(text: Option<AttrValue>) -> Job<Q::Answer> {
    let parsed = use_memo(text.clone(), |text| {
        text.as_deref()
            .map(|t| Scenario::from_json(t).map(Rc::new).map_err(|e| e.message()))
    });
    let restarts = use_state(|| 0u32);
    let state = use_reducer(JobState::waiting);
    let shared = use_context::<Shared>().unwrap_or_default();
    let lane = *use_memo((), |_| pool::lane());
    let next = use_mut_ref(|| 0u64);
    let rest = use_mut_ref(|| None::<Timeout>);
    {
        let (state, shared, rest) = (state.dispatcher(), shared.clone(), rest.clone());
        use_effect_with((parsed.clone(), *restarts), move |(parsed, _)| {
            let Some(parsed) = parsed.as_ref().clone() else {
                // Closed (or nothing from the page yet): nothing runs.
                rest.borrow_mut().take();
                shared.cancel(lane);
                state.dispatch(JobAction::Cancel);
                return;
            };
            let id = {
                let mut n = next.borrow_mut();
                *n += 1;
                *n
            };
            state.dispatch(JobAction::Start(id));
            shared.cancel(lane);
            rest.borrow_mut().take();
            let planned = parsed
                .map_err(Refusal::Scenario)
                .and_then(|s| Q::plan(&s).map(|p| (s, p)));
            match planned {
                Err(r) => state.dispatch(JobAction::Refuse(id, r)),
                Ok((s, plan)) => {
                    let go = move || run::<Q>(id, s, plan, (&shared, lane), state);
                    if id == 1 {
                        go();
                    } else {
                        *rest.borrow_mut() = Some(Timeout::new(REST_MS, go));
                    }
                }
            }
        });
    }
    let cancel = {
        let (shared, state) = (shared.clone(), state.dispatcher());
        Callback::from(move |_| {
            // A job still waiting for the scenario to rest does not start either.
            rest.borrow_mut().take();
            shared.cancel(lane);
            state.dispatch(JobAction::Cancel);
        })
    };
    let restart = {
        let restarts = restarts.clone();
        Callback::from(move |_| restarts.set(*restarts + 1))
    };
    Job {
        state,
        scenario: parsed
            .as_ref()
            .as_ref()
            .and_then(|p| p.as_ref().ok().cloned()),
        cancel,
        restart,
    }
}

/// Runs job `id`'s scenarios on the shared pool (spawning it on first use), in `lane`,
/// and answers.
fn run<Q: Question>(
    id: u64,
    s: Rc<Scenario>,
    (plan, scenarios): (Q::Plan, Vec<Scenario>),
    (shared, lane): (&Shared, Lane),
    state: UseReducerDispatcher<JobState<Q::Answer>>,
) {
    let Some(p) = shared.pool() else {
        state.dispatch(JobAction::Fail(id));
        return;
    };
    let progress: pool::Progress = {
        let state = state.clone();
        Rc::new(move |f| state.dispatch(JobAction::Progress(id, f)))
    };
    let started = crate::worker::now_ms();
    let texts: Vec<String> = scenarios.iter().map(ScenarioJson::to_json).collect();
    wasm_bindgen_futures::spawn_local(async move {
        match p.scenarios(lane, progress, &texts).await {
            Ok(records) => match Q::answer(&s, &plan, &records) {
                Some(a) => state.dispatch(JobAction::Finish(
                    id,
                    Rc::new(a),
                    crate::worker::now_ms() - started,
                )),
                None => state.dispatch(JobAction::Fail(id)),
            },
            Err(Stop::Cancelled) => {}
            Err(Stop::Failed(message)) => {
                web_sys::console::warn_1(&message.into());
                state.dispatch(JobAction::Fail(id));
            }
        }
    });
}

/// Refuses too few runs, the first check of every question.
pub fn check_runs(s: &Scenario) -> Result<(), Refusal> {
    if s.runs < MIN_RUNS {
        return Err(Refusal::TooFewRuns);
    }
    Ok(())
}

/// Progress and Cancel, Compute again after a stop, or a notice; nothing once answered.
pub fn status_line(
    status: &Status,
    running: &str,
    lang: Lang,
    cancel: Callback<MouseEvent>,
    restart: Callback<MouseEvent>,
) -> Html {
    let (d, t) = (lang.decide(), lang.tornado());
    match status {
        Status::Waiting | Status::Done => Html::default(),
        Status::Running(f) => html! {
            <div class="decide-status" data-state="running">
                <span>{ running.to_string() }</span>
                <progress max="1" value={f.clamp(0.0, 1.0).to_string()} aria-label={running.to_string()}></progress>
                <button type="button" onclick={cancel}>{ d.cancel }</button>
            </div>
        },
        Status::Cancelled => html! {
            <div class="decide-status" data-state="cancelled" role="status">
                <span>{ d.cancelled }</span>
                <button type="button" onclick={restart}>{ d.restart }</button>
            </div>
        },
        Status::Refused(r) => {
            let (text, details): (String, Option<String>) = match r {
                Refusal::TooFewRuns => (
                    fill(t.too_few_runs, &[&format::count(f64::from(MIN_RUNS), lang)]),
                    None,
                ),
                Refusal::NoUncertain => (t.no_uncertain.into(), None),
                Refusal::Scenario(m) => (t.refused.into(), Some(say(m, lang))),
            };
            html! {
                <div class="decide-status notice" data-state="refused" role="alert">
                    <p>{ text }</p>
                    if let Some(x) = details { <p>{ x }</p> }
                </div>
            }
        }
        Status::Failed => html! {
            <p class="decide-status notice" data-state="failed" role="alert">{ d.failed }</p>
        },
    }
}
