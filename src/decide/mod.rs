//! The best-mix panel (issue 10, capability 2): which split of this budget across
//! vouchers, training and pilots does best, under common random numbers, on a ternary
//! heat map.
//!
//! It is a second WebAssembly module (`src/bin/decide.rs`), loaded when the panel is first
//! opened: the page's own module carries only [`bridge`] (the opener, and the "Use this
//! mix" listener that dispatches `Action::UseMix`). Like the page's module, this one
//! serves both sides: in a window it mounts the panel, in a worker it evaluates mixes.
//!
//! | Module | Side |
//! |---|---|
//! | [`facilitate`] | the facilitator's view of a consultation: its own page (`facilitate.html`) and module (`src/bin/facilitate.rs`), with the same workers |
//! | [`bridge`] | the page: the opener and the channel to the panel (its messages, shared) |
//! | [`panel`] | the panel (Yew) |
//! | [`search`] | the staged search: coarse, screen, full (the CLI's `optimize --screen`) |
//! | [`pool`] | the panel's workers, one pool for every section (jobs in turn, each section in its lane), splitting runs and merging them in run order |
//! | [`protocol`] | the messages between the panel and its workers |
//! | [`worker`] | a worker: mixes' per-run outcomes |
//! | [`ternary`] | the map's pure geometry, keyboard moves and colours |
//! | [`job`] | a question answered from whole scenarios on the shared pool (progress, Cancel, notices) |
//! | [`tornado`], [`tornado_chart`] | "What drives the result": the tornado, its chart and table |
//! | [`margin`] | "What the next euro buys": the margins and where money works hardest |
//! | [`handin`] | "Hand in my plan" (a consultation's participant): the dialog, its QR code, copy and file |
//! | [`goal`] | the panel's "budget for a target" section (capability 3) |
//! | [`calibrate`] | the panel's "calibration to observed data" section (capability 5) |
//! | [`task`] | those sections' worker tasks (the CLI's `goal`, `calibrate`) and their runner |

pub mod bridge;
pub mod calibrate;
pub mod facilitate;
pub mod goal;
pub mod handin;
pub mod job;
pub mod margin;
pub mod panel;
pub mod pool;
pub mod protocol;
pub mod search;
pub mod task;
pub mod ternary;
pub mod tornado;
pub mod tornado_chart;
pub mod worker;

/// Starts the best-mix panel's module (`src/bin/decide.rs`): the panel in a window, a
/// worker otherwise.
pub fn start() {
    run(panel::mount, bridge::BOOT);
}

/// Starts the facilitator's module (`src/bin/facilitate.rs`, loaded by `facilitate.html`):
/// the facilitator's view in a window, a worker otherwise. A module of its own, so that
/// neither the panel nor a participant's hand-in carries the view's code (about 80 KB
/// gzip), nor the view the panel's sections.
pub fn start_facilitate() {
    run(facilitate::mount, FACILITATE_BOOT);
}

/// The facilitator module's boot script (`assets/facilitate-boot.js`), for its page and
/// its workers.
pub const FACILITATE_BOOT: &str = "facilitate-boot.js";

thread_local! {
    /// This module's boot script, for its workers ([`worker_url`]).
    static BOOT: std::cell::Cell<&'static str> = const { std::cell::Cell::new(bridge::BOOT) };
}

/// Starts whichever side this global scope is: `mount` in a window (its workers booted by
/// `boot`), a worker otherwise.
fn run(mount: fn(), boot: &'static str) {
    use wasm_bindgen::JsCast;
    // A panic says why in the console (the page's own module leaves this out for weight).
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&info.to_string().into());
    }));
    if js_sys::global().dyn_into::<web_sys::Window>().is_ok() {
        BOOT.with(|b| b.set(boot));
        mount();
    } else {
        worker::register();
    }
}

/// The URL of this module's boot script for its workers (beside the page).
pub(crate) fn worker_url() -> String {
    let boot = BOOT.with(std::cell::Cell::get);
    let base = gloo::utils::document()
        .base_uri()
        .ok()
        .flatten()
        .unwrap_or_default();
    web_sys::Url::new_with_base(boot, &base)
        .map(|u| u.href())
        .unwrap_or_else(|_| boot.to_string())
}
