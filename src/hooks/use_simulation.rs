//! Runs the model in a web worker: one pipeline for the current scenario and the
//! comparison. The state says which job is due ([`AppState::next_job`]); this hook sends it
//! and feeds the answers back as actions naming the job they answer.

use yew::prelude::*;

use crate::state::{Action, AppState, Failure, JobId};
use crate::worker::{Answer, Simulator, pool_size};

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
    let refused = match &next {
        Some((job, scenario)) if *sent.borrow() != Some(*job) => {
            *sent.borrow_mut() = Some(*job);
            let result = match simulator.as_ref() {
                Some(s) => s.send(*job, scenario),
                None => Err(Failure::NoWorker),
            };
            result.err().map(|failure| (*job, failure))
        }
        Some(_) => None,
        None => {
            *sent.borrow_mut() = None;
            None
        }
    };
    // A refusal is said through the reducer once the render is over.
    let dispatcher = state.dispatcher();
    use_effect_with(refused, move |refused| {
        if let Some((job, failure)) = refused.clone() {
            dispatcher.dispatch(Action::Refused { job, failure });
        }
    });
}
