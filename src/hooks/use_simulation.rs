//! Runs the model in a web worker: sends every new revision of the scenario to it and
//! feeds its answers back into the state.

use yew::prelude::*;

use crate::state::{Action, AppState};
use crate::worker::{Answer, Simulator, pool_size};

impl From<Answer> for Action {
    fn from(answer: Answer) -> Action {
        match answer {
            Answer::Summary {
                id,
                summary,
                runs_done,
                done: false,
                ..
            } => Action::Progress {
                id,
                runs_done,
                summary,
            },
            Answer::Summary {
                id,
                summary,
                compute_ms,
                done: true,
                ..
            } => Action::Finished {
                id,
                summary,
                compute_ms,
            },
            Answer::Failed { id, message } => Action::Refused { id, message },
        }
    }
}

/// Keeps the workers started by the loader at `module_url` (one per core, see
/// [`pool_size`]) busy with the newest scenario.
#[hook]
pub fn use_simulation(state: UseReducerHandle<AppState>, module_url: AttrValue) {
    let dispatcher = state.dispatcher();
    let simulator = use_memo((), move |_| {
        Simulator::spawn(&module_url, pool_size(), move |answer| {
            dispatcher.dispatch(Action::from(answer))
        })
    });
    let scenario = state.scenario.clone();
    let dispatcher = state.dispatcher();
    use_effect_with(state.revision, move |&id| {
        let sent = match simulator.as_ref() {
            Some(s) => s.send(id, &scenario),
            None => Err("the simulator could not start in this browser".to_string()),
        };
        if let Err(message) = sent {
            dispatcher.dispatch(Action::Refused { id, message });
        }
    });
}
