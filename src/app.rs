//! The page: state provider, worker, layout.

use adoption_model::preset::PRESETS;
use wasm_bindgen::JsCast;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::components::assumptions::Assumptions;
use crate::components::mix_control::MixControl;
use crate::components::plan_controls::PlanControls;
use crate::components::results::Results;
use crate::hooks::use_simulation;
use crate::i18n::Lang;
use crate::state::{Action, AppState};

/// The app state as components see it: read it, dispatch actions to it.
pub type StateHandle = UseReducerHandle<AppState>;

/// The app state from the nearest provider.
///
/// # Panics
/// Outside an [`AppProvider`] (a programming error, caught by the component tests).
#[hook]
pub fn use_app() -> StateHandle {
    use_context::<StateHandle>().expect("components must be rendered inside AppProvider")
}

/// Properties of [`AppProvider`].
#[derive(Properties, PartialEq)]
pub struct AppProviderProps {
    /// The state to start from.
    pub initial: AppState,
    /// The components that read and change it.
    pub children: Html,
}

/// Holds the app state and publishes it to its children. Used by the page, and by the
/// component tests without a worker.
#[component]
pub fn AppProvider(props: &AppProviderProps) -> Html {
    let initial = props.initial.clone();
    let state = use_reducer(move || initial);
    html! {
        <ContextProvider<StateHandle> context={state}>
            { props.children.clone() }
        </ContextProvider<StateHandle>>
    }
}

/// The whole page: the worker, the state, the layout.
#[component]
pub fn App() -> Html {
    let worker = use_memo((), |_| worker_url());
    let initial = use_memo((), |_| initial_state());
    html! {
        <AppProvider initial={(*initial).clone()}>
            <Simulation module_url={(*worker).clone()} />
            <Page />
        </AppProvider>
    }
}

/// Properties of [`Simulation`].
#[derive(Properties, PartialEq)]
struct SimulationProps {
    /// URL of the module the worker runs.
    module_url: AttrValue,
}

/// Connects the state to the worker (renders nothing).
#[component]
fn Simulation(props: &SimulationProps) -> Html {
    let app = use_app();
    use_simulation(app, props.module_url.clone());
    Html::default()
}

/// The layout: header, controls, results, footer.
#[component]
pub fn Page() -> Html {
    let app = use_app();
    let lang = app.lang;
    let t = lang.texts();
    use_effect_with(lang, |lang| {
        if let Some(root) = gloo::utils::document().document_element() {
            let _ = root.set_attribute("lang", lang.code());
        }
        gloo::utils::document().set_title(lang.texts().title);
    });
    html! {
        <div class="app">
            <header class="page-header">
                <div>
                    <h1>{ t.title }</h1>
                    <p class="tagline">{ t.tagline }</p>
                </div>
                <div class="header-controls">
                    <PresetSelect />
                    <LanguageSelect />
                </div>
            </header>
            <main class="layout">
                <section class="controls" aria-labelledby="plan-heading">
                    <h2 id="plan-heading">{ t.your_plan }</h2>
                    <PlanControls />
                    <MixControl />
                    <Assumptions />
                </section>
                <Results />
            </main>
            <footer class="page-footer">
                <p>{ t.privacy }</p>
            </footer>
        </div>
    }
}

/// Chooses a preset.
#[component]
fn PresetSelect() -> Html {
    let app = use_app();
    let t = app.lang.texts();
    let onchange = {
        let app = app.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            app.dispatch(Action::LoadPreset(select.value()));
        })
    };
    html! {
        <label class="select">
            <span>{ t.preset }</span>
            <select id="preset" {onchange}>
                { for PRESETS.iter().map(|p| html! {
                    <option value={p.name} selected={app.preset == p.name} title={p.summary}>{ t.data(&(p.build)().name).to_string() }</option>
                }) }
            </select>
        </label>
    }
}

/// Chooses the page's language.
#[component]
fn LanguageSelect() -> Html {
    let app = use_app();
    let t = app.lang.texts();
    let onchange = {
        let app = app.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            if let Some(lang) = Lang::from_code(&select.value()) {
                app.dispatch(Action::SetLang(lang));
            }
        })
    };
    html! {
        <label class="select">
            <span>{ t.language }</span>
            <select id="language" {onchange}>
                { for Lang::ALL.iter().map(|l| html! {
                    <option value={l.code()} selected={*l == app.lang} lang={l.code()}>{ l.texts().language_name }</option>
                }) }
            </select>
        </label>
    }
}

/// A loader for the worker: a tiny module script (as a `blob:` URL) that imports this
/// app's own JavaScript module and instantiates its WebAssembly, the page's, from the
/// browser's cache (see [`crate::start`]).
///
/// Trunk names both files with a content hash and announces the module in a
/// `modulepreload` link, whose `href` property is absolute (resolved against the
/// document's base), so the site works under any sub-path. The WebAssembly path must be
/// passed explicitly: the module's built-in default is the name before hashing.
fn worker_url() -> AttrValue {
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
    let script =
        format!("import init from {module:?};\nawait init({{ module_or_path: {wasm:?} }});\n");
    let parts = js_sys::Array::of1(&script.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/javascript");
    web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .and_then(|blob| web_sys::Url::create_object_url_with_blob(&blob))
        .unwrap_or_default()
        .into()
}

/// The state the page starts in: the reference scenario, in the language asked for by
/// `?lang=`, else the browser's.
fn initial_state() -> AppState {
    let window = gloo::utils::window();
    let from_query = window
        .location()
        .search()
        .ok()
        .and_then(|q| web_sys::UrlSearchParams::new_with_str(&q).ok())
        .and_then(|p| p.get("lang"))
        .and_then(|code| Lang::from_code(&code));
    let from_browser = window
        .navigator()
        .language()
        .and_then(|code| Lang::from_code(&code));
    let lang = from_query.or(from_browser).unwrap_or_default();
    AppState {
        lang,
        ..AppState::default()
    }
}
