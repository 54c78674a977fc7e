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
//! | [`facilitate`] | the facilitator's view of a consultation: its own page (`facilitate.html`), this module |
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

/// Starts whichever side this global scope is: in a window the panel, or the
/// facilitator's view on its page (`<body data-view="facilitate">`); a worker otherwise.
pub fn start() {
    use wasm_bindgen::JsCast;
    // A panic says why in the console (the page's own module leaves this out for weight).
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&info.to_string().into());
    }));
    if js_sys::global().dyn_into::<web_sys::Window>().is_ok() {
        if facilitate::is_this_page() {
            facilitate::mount();
        } else {
            panel::mount();
        }
    } else {
        worker::register();
    }
}
