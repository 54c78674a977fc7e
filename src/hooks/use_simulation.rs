//! Sends every new revision of the scenario to the worker and feeds its answers back
//! into the state.

use std::rc::Rc;

use yew::prelude::*;
use yew_agent::reactor::{ReactorEvent, use_reactor_bridge};

use crate::state::{Action, AppState};
use crate::worker::{Request, Response, Simulator};

/// Keeps the worker busy with the newest scenario.
#[hook]
pub fn use_simulation(state: UseReducerHandle<AppState>) {
    let dispatcher = state.dispatcher();
    let bridge = use_reactor_bridge::<Simulator, _>(move |event: ReactorEvent<Simulator>| {
        if let ReactorEvent::Output(response) = event {
            dispatcher.dispatch(match response {
                Response::Partial {
                    id,
                    runs_done,
                    summary,
                } => Action::Progress {
                    id,
                    runs_done,
                    summary: Rc::from(summary),
                },
                Response::Done {
                    id,
                    summary,
                    compute_ms,
                } => Action::Finished {
                    id,
                    summary: Rc::from(summary),
                    compute_ms,
                },
                Response::Failed { id, message } => Action::Refused { id, message },
            });
        }
    });
    let scenario = state.scenario.clone();
    use_effect_with(state.revision, move |&id| {
        bridge.send(Request::Simulate {
            id,
            scenario: Box::new(scenario),
        });
    });
}
