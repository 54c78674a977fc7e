//! The web workers that run the model, and the page's handle on them.
//!
//! A worker is this same WebAssembly module, started by a small loader (see
//! [`crate::address::worker_url`]); [`crate::start`] sees it has no window and calls
//! [`register`]. The page keeps a small pool (one worker per core the browser reports, at
//! most [`MAX_WORKERS`]) and splits each job's runs between them
//! ([`adoption_model::ensemble::split_runs`]): it sends every worker a [`protocol::Request`]
//! (the scenario as JSON text, read with `Scenario::from_json` like any file); each
//! answers with its runs' raw results as typed arrays, moved rather than copied
//! (transferred), and the page merges them in run order and summarises them with the same
//! model code: no serialisation format stands between the model and the numbers shown,
//! and the merged runs are exactly one pass's, so the figures are exactly the CLI's.
//!
//! A worker that has a job of more than about [`FINISH_MS`] computes it in chunks of about
//! [`CHUNK_MS`]; between chunks it yields to its event loop, so a newer job supersedes the
//! one in flight (only the newest is ever finished). Such a long job sends its first
//! chunk's results at once, so a quick succession of changes (a dragged slider) still
//! shows figures, then what it has every [`PARTIAL_EVERY_MS`]. A shorter job is computed
//! in one go: nothing to supersede, no partial results to summarise.
//!
//! | Module | Side |
//! |---|---|
//! | [`protocol`] | both: the messages and their field names |
//! | [`pool`] | the page: [`Simulator`], a pool of workers, and their [`Answer`]s |
//! | [`job`] | the worker: [`register`], answering jobs in chunks |

mod job;
mod pool;
pub mod protocol;

use wasm_bindgen::JsCast;

pub use job::register;
pub(crate) use job::yield_to_event_loop;
pub use pool::{Answer, Simulator, pool_size};

/// Time spent per chunk of runs before the worker looks for newer jobs.
pub const CHUNK_MS: f64 = 4.0;
/// A job whose runs left would take less than this (judged from its first chunk) is
/// finished without yielding.
pub const FINISH_MS: f64 = 25.0;
/// The most workers a job is split between.
pub const MAX_WORKERS: usize = 4;
/// The fewest runs worth a worker of their own.
pub const MIN_RUNS_PER_WORKER: u32 = 100;
/// A job longer than this sends partial results, about this often.
pub const PARTIAL_EVERY_MS: f64 = 150.0;

/// Milliseconds on this global scope's clock.
pub(crate) fn now_ms() -> f64 {
    js_sys::global()
        .dyn_into::<web_sys::WorkerGlobalScope>()
        .ok()
        .and_then(|g| g.performance())
        .or_else(|| web_sys::window().and_then(|w| w.performance()))
        .map(|p| p.now())
        .unwrap_or(0.0)
}
