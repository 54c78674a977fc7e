//! The policy-simulation widget: a Yew app that runs the adoption model in a web worker.
//!
//! | Module | Purpose |
//! |---|---|
//! | [`address`] | the page's address: opening a link, writing the current link, the worker's loader |
//! | [`export`] | downloads (CSV, JSON, chart as SVG and PNG) and reading picked or dropped files |
//! | [`first_view`] | the first screen baked at build time: shown until the app's first result, while the app is drawn in parts ([`first_view::Later`]) |
//! | [`app`] | the page: worker, address and storage keepers, layout |
//! | [`state`] | the single app state ([`state::AppState`]), its [`state::Action`]s, reducer, provider and [`state::use_app`] hook |
//! | [`storage`] | saved scenarios in localStorage, versioned, never overwriting a bad store |
//! | [`worker`] | the web workers running the model: their typed protocol, the page's pool, the worker's side |
//! | [`decide`] | the best-mix panel: its own module, loaded on first use; the page keeps only its opener ([`decide::bridge`]) |
//! | [`components`] | controls (sliders with number boxes, the mix, assumptions) and results |
//! | [`chart`] | the fan chart, with pure scales and geometry |
//! | [`hooks`] | element width for charts; the worker bridge (one pipeline for the results and the comparison) |
//! | [`narrative`] | the plain-language paragraph of a result (also the chart's text alternative) |
//! | [`mix`] | the budget mix as whole percents that add up to 100 |
//! | [`format`] | numbers, euros and shares for people, per language |
//! | [`i18n`] | every word of the page and its number style, one folder a language (en, es, pt) |
//!
//! The model itself lives in the `adoption-model` crate, which knows nothing of this UI.

pub mod address;
pub mod app;
pub mod chart;
pub mod components;
pub mod decide;
pub mod export;
pub mod first_view;
pub mod format;
pub mod hooks;
pub mod i18n;
pub mod mix;
pub mod narrative;
pub mod state;
pub mod storage;
pub mod worker;

/// Starts whichever side of the app this global scope is: the page (a window) mounts the
/// app; the web worker (the same module, loaded again by the page) runs the model.
///
/// NOTE: one module serves both, so the worker costs no extra download: its WebAssembly
/// is the page's, from the browser's cache. That keeps the page weight near half of what
/// two modules (each with serde, the model and yew-agent) cost.
pub fn start() {
    use wasm_bindgen::JsCast;
    if js_sys::global().dyn_into::<web_sys::Window>().is_ok() {
        start_app();
    } else {
        worker::register();
    }
}

/// Mounts the app into `#app` (beside its baked first view, if the page has one; see
/// [`first_view`]), or the body.
pub fn start_app() {
    let document = gloo::utils::document();
    match document.get_element_by_id("app") {
        Some(root) => {
            let live = first_view::live_root(&document, &root);
            if first_view::staged() {
                // NOTE: under a baked copy, the first part is drawn in a task of its own,
                // not in the one that compiled and instantiated the module: each is some
                // 8 ms here, 30-50 ms on a phone, and together they made the load's longest
                // task (see first_view::stage).
                wasm_bindgen_futures::spawn_local(async move {
                    worker::yield_to_event_loop().await;
                    yew::Renderer::<app::App>::with_root(live).render();
                });
            } else {
                yew::Renderer::<app::App>::with_root(live).render();
            }
        }
        None => {
            yew::Renderer::<app::App>::new().render();
        }
    }
}
