//! Runs the model in a web worker: sends every new revision of the scenario to it and
//! feeds its answers back into the state.

use std::rc::Rc;

use futures::channel::mpsc;
use futures::{StreamExt, select};
use yew::prelude::*;
use yew_agent::reactor::ReactorSpawner;

use crate::state::{Action, AppState};
use crate::worker::{JsonCodec, Request, Response, Simulator};

impl From<Response> for Action {
    fn from(response: Response) -> Action {
        match response {
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
        }
    }
}

/// Keeps the worker started by the loader script at `module_url` busy with the newest
/// scenario.
///
/// NOTE: the bridge is spawned here rather than by yew-agent's `ReactorProvider`, whose
/// 0.5 release drops the module-worker option when a codec is set (`encoding()` builds a
/// fresh spawner), and a module worker is what lets the worker reuse the page's module.
/// One task owns the bridge: it forwards requests from a channel and answers from the
/// worker, so sending never contends with receiving.
#[hook]
pub fn use_simulation(state: UseReducerHandle<AppState>, module_url: AttrValue) {
    let dispatcher = state.dispatcher();
    let requests = use_memo((), move |_| {
        let (sender, mut receiver) = mpsc::unbounded::<Request>();
        if module_url.is_empty() {
            return sender;
        }
        let mut bridge = ReactorSpawner::<Simulator>::new()
            .encoding::<JsonCodec>()
            .with_loader(true)
            .as_module(true)
            .spawn(&module_url);
        wasm_bindgen_futures::spawn_local(async move {
            loop {
                select! {
                    request = receiver.next() => match request {
                        Some(r) => bridge.send_input(r),
                        // The page is gone.
                        None => break,
                    },
                    response = bridge.next() => match response {
                        Some(r) => dispatcher.dispatch(Action::from(r)),
                        None => break,
                    },
                }
            }
        });
        sender
    });
    let scenario = state.scenario.clone();
    let dispatcher = state.dispatcher();
    use_effect_with(state.revision, move |&id| {
        let request = Request::Simulate {
            id,
            scenario: Box::new(scenario),
        };
        if requests.unbounded_send(request).is_err() || requests.is_closed() {
            dispatcher.dispatch(Action::Refused {
                id,
                message: "the simulator could not start".into(),
            });
        }
    });
}
