//! Runs the model in a web worker: one pipeline for the current scenario and the
//! comparison. The state says which job is due ([`AppState::next_job`]); this hook sends it
//! and feeds the answers back as actions naming the job they answer.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::state::{Action, AppState, Failure, JobId};
use crate::worker::{Answer, Simulator, pool_size};

thread_local! {
    /// What the page expects to happen next (see [`anticipate`]).
    static ANTICIPATED: RefCell<Vec<Action>> = const { RefCell::new(Vec::new()) };
    /// Hands the anticipated actions' scenarios to the workers, from the state last
    /// rendered (set by [`use_simulation`]).
    static WAKE: RefCell<Option<Rc<dyn Fn()>>> = const { RefCell::new(None) };
    /// The anticipation due once the page has been idle for [`QUIET_MS`].
    static DUE: RefCell<Option<Timeout>> = const { RefCell::new(None) };
}

/// How long the page must have no job of its own before what it expects is computed.
///
/// NOTE: a drag changes the value at every frame (some 16.7 ms), far from the values a
/// step either way: computing those between its inputs only kept the workers from the
/// drag's own jobs (bench, 60 inputs 16 ms apart: the final result 41-73 ms after the
/// last input, against 19-24 ms without computing ahead). A key press, or a pointer at
/// rest, leaves the page idle longer than this.
const QUIET_MS: u32 = 20;

/// The actions the page expects next, e.g. the focused slider's value a step either way
/// (none: nothing is expected). Their scenarios are computed while the workers have
/// nothing else to do and kept, so such a step shows its exact result at once (see
/// [`Simulator::anticipate`]).
pub fn anticipate(actions: Vec<Action>) {
    ANTICIPATED.with(|a| *a.borrow_mut() = actions);
    let wake = WAKE.with(|w| w.borrow().clone());
    if let Some(wake) = wake {
        wake();
    }
}

impl From<Answer> for Action {
    fn from(answer: Answer) -> Action {
        match answer {
            Answer::Summary {
                job,
                summary,
                runs_done,
                done: false,
                ..
            } => Action::Progress {
                job,
                runs_done,
                summary,
            },
            Answer::Summary {
                job,
                summary,
                compute_ms,
                done: true,
                ..
            } => Action::Finished {
                job,
                summary,
                compute_ms,
            },
            Answer::Failed { job, failure } => Action::Refused { job, failure },
        }
    }
}

/// Keeps the workers started by the loader at `module_url` (one per core, see
/// [`pool_size`]) busy with the job the state says is due.
#[hook]
pub fn use_simulation(state: UseReducerHandle<AppState>, module_url: AttrValue) {
    let dispatcher = state.dispatcher();
    let simulator = use_memo((), move |_| {
        Simulator::spawn(&module_url, pool_size(), move |answer| {
            dispatcher.dispatch(Action::from(answer))
        })
    });
    let next = state
        .next_job()
        .map(|(job, scenario)| (job, scenario.clone()));
    // NOTE: the job is sent while this (first) component renders, not from an effect:
    // effects run after the whole page has rendered the change that made the job due,
    // and the workers would sit idle through that render on every slider step. The job
    // sent last is remembered so that a job goes out once, not at every render (and a
    // job due again after none was, e.g. a comparison ticked anew, goes out again).
    let sent = use_mut_ref(|| None::<JobId>);
    // A kept result or a refusal, said through the reducer once the render is over.
    let answered = use_mut_ref(|| None::<Action>);
    match &next {
        Some((job, scenario)) if *sent.borrow() != Some(*job) => {
            *sent.borrow_mut() = Some(*job);
            *answered.borrow_mut() = match simulator.as_ref() {
                // Computed ahead (or lately): exact, at once.
                Some(s) => match s.kept(scenario) {
                    Some((summary, compute_ms)) => Some(Action::Finished {
                        job: *job,
                        summary,
                        compute_ms,
                    }),
                    None => s
                        .send(*job, scenario)
                        .err()
                        .map(|failure| Action::Refused { job: *job, failure }),
                },
                None => Some(Action::Refused {
                    job: *job,
                    failure: Failure::NoWorker,
                }),
            };
        }
        Some(_) => {}
        None => *sent.borrow_mut() = None,
    }
    let dispatcher = state.dispatcher();
    use_effect(move || {
        let action = answered.borrow_mut().take();
        if let Some(action) = action {
            dispatcher.dispatch(action);
        }
    });
    // What the page expects next is computed from the state last rendered, once the page
    // has had no job of its own for QUIET_MS.
    let idle = next.is_none();
    let wake: Rc<dyn Fn()> = Rc::new(move || {
        if !idle {
            DUE.with(|d| d.borrow_mut().take());
            return;
        }
        let (simulator, state) = (simulator.clone(), state.clone());
        let due = Timeout::new(QUIET_MS, move || {
            let Some(simulator) = simulator.as_ref() else {
                return;
            };
            let actions = ANTICIPATED.with(|a| a.borrow().clone());
            if actions.is_empty() {
                simulator.anticipate(Vec::new());
                return;
            }
            // What each action would make of the state: the reducer's, the one home of
            // what an action does.
            let now = Rc::new((*state).clone());
            let scenarios = actions
                .into_iter()
                .map(|action| now.clone().reduce(action).scenario.clone())
                .filter(|scenario| *scenario != now.scenario)
                .collect();
            simulator.anticipate(scenarios);
        });
        // Replacing a due timeout cancels it.
        DUE.with(|d| *d.borrow_mut() = Some(due));
    });
    WAKE.with(|w| *w.borrow_mut() = Some(wake.clone()));
    wake();
}
