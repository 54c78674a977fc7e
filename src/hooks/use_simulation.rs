//! Runs the model in a web worker: one pipeline for the current scenario and the
//! comparison. The state says which job is due ([`AppState::next_job`]); this hook sends it
//! and feeds the answers back as actions naming the job they answer.

use yew::prelude::*;

use crate::state::{Action, AppState, Failure};
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
    let dispatcher = state.dispatcher();
    // Sent when the job due changes (a new revision, a comparison ticked or answered),
    // not again for a job already in flight.
    use_effect_with(next.as_ref().map(|(job, _)| *job), move |_| {
        if let Some((job, scenario)) = next {
            let sent = match simulator.as_ref() {
                Some(s) => s.send(job, &scenario),
                None => Err(Failure::NoWorker),
            };
            if let Err(failure) = sent {
                dispatcher.dispatch(Action::Refused { job, failure });
            }
        }
    });
}
