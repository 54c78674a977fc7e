//! The page's address: the state it opens in (from a link, `?lang=`, `?embed=1`, `?ro=1`),
//! the link it shows for the current scenario, and the worker's loader.

use std::cell::{OnceCell, RefCell};

use adoption_formats::{consultation, link};
use adoption_model::Scenario;
use wasm_bindgen::JsCast;
use yew::AttrValue;

use crate::i18n::Lang;
use crate::state::{AppState, Mode, Notice, OldWork};
use crate::storage;

/// Whether a page parameter is switched on (`1`, `true`, `yes`).
fn flag(value: Option<String>) -> bool {
    matches!(value.as_deref(), Some("1" | "true" | "yes"))
}

/// The state the page opens in: the link's scenario if the address carries one (its
/// unusable parts reported), the language from `?lang=` else the browser's, the display
/// mode, and the saved scenarios.
pub fn initial_state() -> AppState {
    let window = gloo::utils::window();
    let search = window.location().search().unwrap_or_default();
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok();
    let param = |key: &str| params.as_ref().and_then(|p| p.get(key));
    let asked = param("lang").and_then(|code| Lang::from_code(&code));
    let browser = window
        .navigator()
        .language()
        .and_then(|code| Lang::from_code(&code));
    let mut state = AppState {
        lang: asked.or(browser).unwrap_or_default(),
        lang_chosen: asked.is_some(),
        mode: Mode {
            embed: flag(param("embed")),
            read_only: flag(param("ro")),
        },
        ..AppState::default()
    };
    if link::is_link(&search) {
        let read = link::read(&search);
        let old = Notice::old_model(read.from_version, OldWork::Link);
        state.scenario = read.scenario;
        state.preset = read.preset;
        if !read.problems.is_empty() {
            state = state.notify(Notice::LinkProblems(read.problems));
        }
        if let Some(notice) = old {
            state = state.notify(notice);
        }
    }
    // A consultation's set-up (`?consult=CODE&…`): its problems are the link's too.
    let setup = consultation::read(&search);
    if !setup.problems.is_empty() {
        state = state.notify(Notice::LinkProblems(setup.problems));
    }
    if let Some(setup) = setup.setup {
        state = state.with_consultation(setup);
    }
    let (saved, problem, guard) = storage::load();
    state.saved = saved;
    state.store_guard = guard;
    if let Some(problem) = problem {
        state = state.notify(Notice::Store(problem));
    }
    state
}

/// The query string for the current state: the scenario's link, plus the language if it
/// was chosen and the display mode; `options` replace those page keys (for embed links).
pub fn query(state: &AppState, options: Option<&[(&str, String)]>) -> String {
    query_of(&state.scenario, state, options)
}

/// [`query`] for another scenario than the current one (the page's settings are the state's).
fn query_of(scenario: &Scenario, state: &AppState, options: Option<&[(&str, String)]>) -> String {
    let mut query = scenario_link(scenario);
    let mut page: Vec<(&str, String)> = Vec::new();
    match options {
        Some(extra) => page.extend(extra.iter().cloned()),
        None => {
            if state.lang_chosen {
                page.push(("lang", state.lang.code().to_string()));
            }
            if state.mode.embed {
                page.push(("embed", "1".into()));
            }
            if state.mode.read_only {
                page.push(("ro", "1".into()));
            }
        }
    }
    for (k, v) in page {
        query.push('&');
        query.push_str(k);
        query.push('=');
        query.push_str(&v);
    }
    query
}

thread_local! {
    /// The last two scenarios' links: a render asks for them several times (share box,
    /// embed code, the print brief's, which is the shown result's scenario and differs
    /// from the current one while a newer revision runs), and the address bar once more.
    static LAST_LINKS: RefCell<Vec<(Scenario, String)>> = const { RefCell::new(Vec::new()) };
}

/// [`link::write`], remembered for the last two scenarios.
fn scenario_link(scenario: &Scenario) -> String {
    LAST_LINKS.with(|last| {
        let mut last = last.borrow_mut();
        if let Some(i) = last.iter().position(|(seen, _)| seen == scenario) {
            // The most recent last.
            let hit = last.remove(i);
            let text = hit.1.clone();
            last.push(hit);
            return text;
        }
        let text = link::write(scenario);
        if last.len() >= 2 {
            last.remove(0);
        }
        last.push((scenario.clone(), text.clone()));
        text
    })
}

/// The full address of this page for the current state (see [`query`]).
pub fn page_link(state: &AppState, options: Option<&[(&str, String)]>) -> String {
    page_link_of(&state.scenario, state, options)
}

/// The full address of this page for `scenario` (e.g. the one whose result is shown),
/// with the state's page settings.
pub fn page_link_of(
    scenario: &Scenario,
    state: &AppState,
    options: Option<&[(&str, String)]>,
) -> String {
    format!("{}?{}", page_address(), query_of(scenario, state, options))
}

/// This page's address without its query: origin and path.
pub fn page_address() -> String {
    let location = gloo::utils::window().location();
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_default();
    origin + &path
}

/// Puts the current state's link in the address bar (without a new history entry).
pub fn sync_address(state: &AppState) {
    let url = format!("?{}", query(state, None));
    if let Ok(history) = gloo::utils::window().history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

thread_local! {
    static WORKER_URL: OnceCell<AttrValue> = const { OnceCell::new() };
}

/// A loader for the worker: a tiny module script (as a `blob:` URL) that imports this
/// app's own JavaScript module and instantiates its WebAssembly, the page's, from the
/// browser's cache (see [`crate::start`]). Made once per page.
///
/// Trunk names both files with a content hash and announces the module in a
/// `modulepreload` link, whose `href` property is absolute (resolved against the
/// document's base), so the site works under any sub-path. The WebAssembly path must be
/// passed explicitly: the module's built-in default is the name before hashing.
pub fn worker_url() -> AttrValue {
    WORKER_URL.with(|cell| cell.get_or_init(make_worker_url).clone())
}

fn make_worker_url() -> AttrValue {
    let module = gloo::utils::document()
        .query_selector("link[rel=modulepreload]")
        .ok()
        .flatten()
        .and_then(|link| link.dyn_into::<web_sys::HtmlLinkElement>().ok())
        .map(|link| link.href())
        .filter(|href| href.ends_with(".js"));
    let Some(module) = module else {
        return AttrValue::default();
    };
    let wasm = format!("{}_bg.wasm", module.trim_end_matches(".js"));
    let script = {
        // JSON strings are JavaScript string literals.
        let quote = |s: &str| serde_json::to_string(s).unwrap_or_default();
        format!(
            "import init from {};\nawait init({{ module_or_path: {} }});\n",
            quote(&module),
            quote(&wasm)
        )
    };
    let parts = js_sys::Array::of1(&script.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/javascript");
    web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .and_then(|blob| web_sys::Url::create_object_url_with_blob(&blob))
        .unwrap_or_default()
        .into()
}

/// In an iframe, tells the host page the widget's height whenever it changes, so the host
/// can size the frame: `{"type": "adoption-widget:height", "height": <px>}`.
pub fn post_height_to_parent() {
    use wasm_bindgen::closure::Closure;
    let window = gloo::utils::window();
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    if parent == window {
        return;
    }
    let Some(root) = gloo::utils::document().document_element() else {
        return;
    };
    let measured = root.clone();
    let on_resize = Closure::<dyn FnMut()>::new(move || {
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &"adoption-widget:height".into());
        let _ = js_sys::Reflect::set(
            &message,
            &"height".into(),
            // The content's own height (the root box is as tall as its content), not the
            // scroll height, which is never less than the frame: a host could never shrink it.
            &measured.get_bounding_client_rect().height().ceil().into(),
        );
        let _ = parent.post_message(&message, "*");
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
        observer.observe(&root);
        // Both live as long as the page.
        std::mem::forget(observer);
        on_resize.forget();
    }
}
