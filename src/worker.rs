//! The web worker that runs the model, and the messages it shares with the page.
//!
//! The page sends a [`Request`] for every change of the scenario; the worker answers with
//! [`Response`]s carrying the request's id. Runs are computed in chunks; between chunks the
//! worker yields to its event loop, so a newer request supersedes the one in flight (only
//! the newest is ever finished). Long jobs stream partial summaries. Messages travel as
//! JSON text ([`JsonCodec`]): the scenario holds untagged enums, which binary formats
//! cannot carry, and `float_roundtrip` keeps every f64 bit-exact, so the page shows
//! exactly the numbers the CLI prints.

use adoption_model::{Ensemble, Model, Scenario, Summary};
use futures::{FutureExt, SinkExt, StreamExt};
use serde::{Deserialize, Serialize};
use wasm_bindgen::{JsCast, JsValue};
use yew_agent::Codec;
use yew_agent::reactor::{ReactorScope, reactor};

/// A request from the page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Request {
    /// Simulate a scenario; answers carry `id`.
    Simulate {
        /// Increases with every request; the page ignores answers to older ones.
        id: u64,
        /// The scenario to run (checked again by the worker).
        scenario: Box<Scenario>,
    },
}

/// An answer from the worker.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Response {
    /// Runs done so far, summarised; more will follow.
    Partial {
        /// The request answered.
        id: u64,
        /// Runs done.
        runs_done: u32,
        /// Summary of the runs done.
        summary: Box<Summary>,
    },
    /// All runs done.
    Done {
        /// The request answered.
        id: u64,
        /// Summary of all runs.
        summary: Box<Summary>,
        /// Milliseconds the worker spent simulating and summarising this request.
        compute_ms: f64,
    },
    /// The scenario was refused.
    Failed {
        /// The request answered.
        id: u64,
        /// Why, in words for the user.
        message: String,
    },
}

/// Worker messages as JSON text (see the module documentation for why).
#[derive(Debug)]
pub struct JsonCodec;

impl Codec for JsonCodec {
    fn encode<I: Serialize>(input: I) -> JsValue {
        // Our own message types always serialise (no NaN reaches them: summaries are
        // only made of non-empty ensembles).
        JsValue::from_str(&serde_json::to_string(&input).unwrap_or_default())
    }

    fn decode<O: for<'de> Deserialize<'de>>(input: JsValue) -> O {
        let text = input.as_string().unwrap_or_default();
        match serde_json::from_str(&text) {
            Ok(value) => value,
            // Both ends are this crate's code, built together: a mismatch is a build error.
            Err(e) => panic!("malformed worker message: {e}"),
        }
    }
}

/// Time spent per chunk of runs before the worker looks for newer requests.
const CHUNK_MS: f64 = 4.0;
/// A job longer than this streams partial summaries, about this often.
const PARTIAL_EVERY_MS: f64 = 150.0;

/// The reactor: receives requests, answers with summaries.
#[reactor(Simulator)]
pub async fn simulator(mut scope: ReactorScope<Request, Response>) {
    let mut next: Option<Request> = None;
    loop {
        let request = match next.take() {
            Some(r) => r,
            None => match scope.next().await {
                Some(r) => r,
                None => return,
            },
        };
        let Request::Simulate { id, scenario } = request;
        let model = match Model::new(&scenario) {
            Ok(m) => m,
            Err(e) => {
                if scope
                    .send(Response::Failed {
                        id,
                        message: e.to_string(),
                    })
                    .await
                    .is_err()
                {
                    return;
                }
                continue;
            }
        };
        let total = scenario.runs;
        let started = now_ms();
        let mut last_partial = started;
        let mut ensemble = Ensemble::new(&model);
        let mut chunk = 50u32;
        let mut superseded = false;
        while ensemble.runs() < total {
            let from = ensemble.runs();
            let to = from.saturating_add(chunk).min(total);
            let t0 = now_ms();
            ensemble.extend(&model, from..to);
            let spent = (now_ms() - t0).max(0.01);
            // Aim the next chunk at CHUNK_MS of work.
            let per_run = spent / f64::from(to - from);
            chunk = ((CHUNK_MS / per_run) as u32).clamp(10, 20_000);
            if ensemble.runs() >= total {
                break;
            }
            yield_to_event_loop().await;
            // Keep only the newest of any requests that arrived meanwhile.
            while let Some(polled) = scope.next().now_or_never() {
                match polled {
                    Some(r) => next = Some(r),
                    None => return,
                }
            }
            if next.is_some() {
                superseded = true;
                break;
            }
            if now_ms() - last_partial >= PARTIAL_EVERY_MS {
                last_partial = now_ms();
                let summary = Box::new(Summary::new(&model, &ensemble));
                let partial = Response::Partial {
                    id,
                    runs_done: ensemble.runs(),
                    summary,
                };
                if scope.send(partial).await.is_err() {
                    return;
                }
            }
        }
        if superseded {
            continue;
        }
        let summary = Box::new(Summary::new(&model, &ensemble));
        let compute_ms = now_ms() - started;
        if scope
            .send(Response::Done {
                id,
                summary,
                compute_ms,
            })
            .await
            .is_err()
        {
            return;
        }
    }
}

/// Registers the reactor in the worker's global scope (the worker binary's `main`).
pub fn register() {
    use yew_agent::Registrable;
    Simulator::registrar().encoding::<JsonCodec>().register();
}

/// Milliseconds on the worker's clock.
fn now_ms() -> f64 {
    js_sys::global()
        .dyn_into::<web_sys::WorkerGlobalScope>()
        .ok()
        .and_then(|g| g.performance())
        .map(|p| p.now())
        .unwrap_or(0.0)
}

/// Lets queued messages in: resolves on the next macrotask, via a `MessageChannel`
/// (unlike `setTimeout(0)`, it is never clamped to 4 ms when nested).
async fn yield_to_event_loop() {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        if let Ok(channel) = web_sys::MessageChannel::new() {
            channel.port1().set_onmessage(Some(resolve.unchecked_ref()));
            if channel.port2().post_message(&JsValue::NULL).is_ok() {
                return;
            }
        }
        // No channel: resolve at once (the loop still makes progress).
        let _ = resolve.call0(&JsValue::NULL);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_round_trip_through_json_exactly() {
        let scenario = Scenario {
            runs: 20,
            ..Scenario::default()
        };
        let summary = adoption_model::simulate(&scenario).unwrap();
        let done = Response::Done {
            id: 3,
            summary: Box::new(summary),
            compute_ms: 1.5,
        };
        let text = serde_json::to_string(&done).unwrap();
        let back: Response = serde_json::from_str(&text).unwrap();
        assert_eq!(back, done, "every f64 must survive the trip bit for bit");
        let request = Request::Simulate {
            id: 1,
            scenario: Box::new(scenario),
        };
        let back: Request =
            serde_json::from_str(&serde_json::to_string(&request).unwrap()).unwrap();
        assert_eq!(back, request);
    }
}
