//! The page: state provider, worker, layout.

use adoption_formats::preset::PRESETS;
use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::address::{initial_state, page_link, post_height_to_parent, sync_address, worker_url};
use crate::components::announcer::HeadlineAnnouncer;
use crate::components::assumptions::Assumptions;
use crate::components::brief::Brief;
use crate::components::consult;
use crate::components::files::{Files, import_file};
use crate::components::headline::HeadlineBar;
use crate::components::mix_control::MixControl;
use crate::components::notices::Notices;
use crate::components::plan_controls::PlanControls;
use crate::components::results::Results;
use crate::components::scenarios::Scenarios;
use crate::components::select_field::{Choice, SelectFieldProps, language_choices, select_field};
use crate::components::share::Share;
use crate::components::targets::Targets;
use crate::decide;
use crate::first_view::Later;
use crate::hooks::use_simulation;
use crate::i18n::Lang;
use crate::state::{
    Action, AppProvider, Mode, Notice, StateHandle, Status, technology_presets, use_app,
};
use crate::storage;

/// The whole page: the worker, the state, the layout.
#[component]
pub fn App() -> Html {
    let initial = use_memo((), |_| initial_state());
    html! {
        <AppProvider initial={(*initial).clone()}>
            // First in line: the workers start loading while the page draws.
            <Later><Connections module_url={worker_url()} /></Later>
            <Later><Page /></Later>
        </AppProvider>
    }
}

/// How long the state must rest before the address bar follows it, in milliseconds.
const ADDRESS_DELAY_MS: u32 = 300;

/// Properties of [`Connections`].
#[derive(Properties, PartialEq)]
struct ConnectionsProps {
    /// URL of the module the worker runs.
    module_url: AttrValue,
}

/// Connects the state to what is outside the page's view (renders nothing): the workers,
/// the address bar, the saved scenarios and an embedding page.
#[component]
fn Connections(props: &ConnectionsProps) -> Html {
    let app = use_app();
    use_simulation(app.clone(), props.module_url.clone());
    use_keep_in_step(&app);
    Html::default()
}

/// Keeps the address bar, the saved scenarios and an embedding page's frame in step with
/// the state.
#[hook]
fn use_keep_in_step(app: &StateHandle) {
    {
        // Browsers limit history.replaceState (Safari: 100 calls in 10 s), and a slider
        // drag changes the state at every frame: the address follows once the changes
        // pause. The first sync (opening the page) follows at once, in a task of its own:
        // replaceState costs some 10 ms, which the first render's task need not carry.
        let pending = use_mut_ref(|| None::<Timeout>);
        let opened = use_mut_ref(|| false);
        let state = (*app).clone();
        use_effect_with((app.revision, app.lang, app.lang_chosen), move |_| {
            // The best-mix panel, once opened, follows the scenario at once.
            decide::bridge::sync(&state);
            let delay = if std::mem::replace(&mut *opened.borrow_mut(), true) {
                ADDRESS_DELAY_MS
            } else {
                0
            };
            // Replacing a pending timeout cancels it.
            *pending.borrow_mut() = Some(Timeout::new(delay, move || sync_address(&state)));
        });
    }
    {
        // Written when the list changes, never on opening: a store that could not be read
        // must not be replaced by what this page shows.
        let first = use_mut_ref(|| true);
        let (saved, guard, dispatcher) = (app.saved.clone(), app.store_guard, app.dispatcher());
        use_effect_with(saved, move |saved| {
            if std::mem::replace(&mut *first.borrow_mut(), false) {
                return;
            }
            if let Err(problem) = storage::store(saved, guard) {
                dispatcher.dispatch(Action::Notify(Notice::Store(problem)));
            }
        });
    }
    use_effect_with(app.mode.embed, |embed| {
        if *embed {
            post_height_to_parent();
        }
    });
    // The baked first view gives way once the app has its exact result (or a failure) to
    // show: a partial one would change, and move what is below it, moments later.
    let settled = match app.status {
        Status::Ready => app.shown.is_some(),
        Status::Failed(_) => true,
        Status::Running { .. } => false,
    };
    use_effect_with(settled, |settled| {
        if *settled {
            crate::first_view::reveal();
        }
    });
}

/// The layout: header, notices, controls, results, saved scenarios and files, footer.
#[component]
pub fn Page() -> Html {
    let app = use_app();
    let lang = app.lang;
    let t = lang.texts();
    let Mode { embed, read_only } = app.mode;
    // A consultation's participant sees a simple page: the question, the plan, hand in.
    let consult = app.consultation.is_some() && !embed && !read_only;
    use_effect_with(lang, |lang| {
        if let Some(root) = gloo::utils::document().document_element() {
            let _ = root.set_attribute("lang", lang.code());
        }
        gloo::utils::document().set_title(lang.texts().title);
    });
    let on_dragover = |e: DragEvent| e.prevent_default();
    let on_drop = {
        let app = app.clone();
        move |e: DragEvent| {
            e.prevent_default();
            if read_only {
                return;
            }
            if let Some(file) = e
                .data_transfer()
                .and_then(|d| d.files())
                .and_then(|f| f.get(0))
            {
                import_file(app.dispatcher(), file, None);
            }
        }
    };
    html! {
        <div class={classes!("app", embed.then_some("embed"), read_only.then_some("read-only"))}
            ondragover={on_dragover} ondrop={on_drop}>
            if !embed {
                <header class="page-header">
                    <div>
                        <h1>{ t.title }</h1>
                        <p class="tagline">{ t.tagline }</p>
                    </div>
                    <div class="header-controls"><Later>
                        if !consult {
                            { preset_select(&app) }
                            { technology_select(&app) }
                        }
                        { language_select(&app) }
                    </Later></div>
                </header>
            }
            <Later><Brief /></Later>
            <Notices />
            <main class="layout">
                // The embedded widget has no page header: its title is still its heading.
                if embed { <h1 class="visually-hidden">{ t.title }</h1> }
                if !read_only {
                    // A consultation's participant: the question and group instead of the
                    // heading and preset note, "Hand in my plan" instead of the best mix,
                    // and no targets or assumptions.
                    <section class={classes!("controls", consult.then_some("consult"))} aria-labelledby="plan-heading">
                        if !embed { <HeadlineBar /> }
                        if consult {
                            { consult::intro(&app) }
                        } else {
                            <h2 id="plan-heading">{ t.your_plan }</h2>
                            if !embed { { preset_note(&app) } }
                        }
                        <Later><PlanControls /></Later>
                        <Later><MixControl /></Later>
                        if consult {
                            { consult::hand_in_button(&app) }
                        } else if !embed {
                            <Later>
                                { best_mix_opener(&app) }
                                <Targets />
                                <Assumptions />
                            </Later>
                        }
                    </section>
                }
                <Later><Results /></Later>
                <Later><HeadlineAnnouncer /></Later>
            </main>
            if embed {
                // A footer, so the way out is inside a landmark like the rest of the widget.
                <footer class="embed-footer">
                    <a href={page_link(&app, Some(&[("lang", lang.code().to_string())]))} target="_blank" rel="noopener">{ t.open_full }</a>
                </footer>
            } else {
                // Not for a consultation's participant: their plan goes by "Hand in".
                if !consult {
                    <Later><div class="tools">
                        if !read_only { <Scenarios /> }
                        <div class="side-tools">
                            if !read_only { <Files /> }
                            <Share />
                        </div>
                    </div></Later>
                }
                <Later><footer class="page-footer">
                    <p>{ t.privacy }</p>
                </footer></Later>
            }
        </div>
    }
}

/// Opens the best-mix panel (its module loads on first use).
fn best_mix_opener(app: &StateHandle) -> Html {
    let onclick = {
        let app = app.clone();
        move |_| decide::bridge::open(&app)
    };
    html! {
        <button type="button" class="best-mix-open" onclick={onclick}>{ app.lang.texts().best_mix }</button>
    }
}

/// Chooses a preset.
// NOTE: the header's pieces are functions of the page's state, not components: each yew
// component costs the page about 400 B gzip, and these re-render with the page anyway.
fn preset_select(app: &StateHandle) -> Html {
    let t = app.lang.texts();
    let choices: Vec<Choice> = PRESETS
        .iter()
        .map(|p| Choice {
            title: Some(t.data(p.summary).into()),
            ..Choice::new(p.name, t.data(&p.head().name).to_string())
        })
        .collect();
    let onchange = {
        let app = app.clone();
        Callback::from(move |name: String| app.dispatch(Action::LoadPreset(name)))
    };
    html! {
        { select_field(SelectFieldProps {
            id: "preset".into(),
            label: t.preset.into(),
            choices,
            selected: app.preset.clone().into(),
            onchange,
        }) }
    }
}

/// Chooses the technology: the region's presets offer one each; choosing one switches to
/// its preset with the current budget, mix and programme years.
fn technology_select(app: &StateHandle) -> Html {
    let t = app.lang.texts();
    let current = &app.scenario.technology;
    let mut technologies: Vec<String> = technology_presets(&app.scenario.region)
        .into_iter()
        .map(|(technology, _)| technology)
        .collect();
    // A scenario of the user's own may model a technology no preset does.
    if !technologies.contains(current) {
        technologies.insert(0, current.clone());
    }
    let choices = technologies
        .iter()
        .map(|tech| Choice::new(tech.clone(), t.data(tech).to_string()))
        .collect();
    let onchange = {
        let app = app.clone();
        Callback::from(move |technology: String| app.dispatch(Action::SetTechnology(technology)))
    };
    select_field(SelectFieldProps {
        id: "technology".into(),
        label: t.technology.into(),
        choices,
        selected: current.clone().into(),
        onchange,
    })
}

/// What the chosen preset represents, and its sources.
fn preset_note(app: &StateHandle) -> Html {
    let t = app.lang.texts();
    let Some(p) = adoption_formats::preset::preset(&app.preset) else {
        return Html::default();
    };
    html! {
        <p class="preset-note" data-testid="preset-note">
            { t.data(p.summary) }
            <span class="sources">{ format!(" {}: {}", t.source, t.data(p.sources)) }</span>
        </p>
    }
}

/// Chooses the page's language.
fn language_select(app: &StateHandle) -> Html {
    let onchange = {
        let app = app.clone();
        Callback::from(move |code: String| {
            if let Some(lang) = Lang::from_code(&code) {
                app.dispatch(Action::SetLang(lang));
            }
        })
    };
    html! {
        { select_field(SelectFieldProps {
            id: "language".into(),
            label: app.lang.texts().language.into(),
            choices: language_choices(),
            selected: app.lang.code().into(),
            onchange,
        }) }
    }
}
