//! The whole page in a worker-less provider: results for the current revision only, and
//! the language switch.

use adoption_widget::app::Page;
use adoption_widget::format;
use adoption_widget::i18n::Lang;
use adoption_widget::state::{Action, AppState, JobId};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::common::{
    AppSlot, Mounted, click, fire, flush, has_class, mount, open_details, quick_scenario,
    quick_summary, type_into, with_app,
};

async fn page() -> (Mounted, AppSlot) {
    let initial = AppState::new(quick_scenario(), "cantabria", Lang::En);
    let (tree, app) = with_app(initial, html! { <Page /> });
    (mount(tree).await, app)
}

/// Puts the document's language back, which the page sets as a side effect.
struct RestoreLang(Option<String>);

impl RestoreLang {
    fn save() -> RestoreLang {
        RestoreLang(document_lang())
    }
}

impl Drop for RestoreLang {
    fn drop(&mut self) {
        if let Some(root) = gloo::utils::document().document_element() {
            match &self.0 {
                Some(lang) => root.set_attribute("lang", lang).unwrap_or_default(),
                None => root.remove_attribute("lang").unwrap_or_default(),
            }
        }
    }
}

fn document_lang() -> Option<String> {
    gloo::utils::document()
        .document_element()
        .and_then(|root| root.get_attribute("lang"))
}

#[wasm_bindgen_test]
async fn results_appear_for_the_current_revision_only() {
    let _lang = RestoreLang::save();
    let (page, app) = page().await;
    let status = page.by_test_id("status");
    assert_eq!(
        status.get_attribute("data-state").as_deref(),
        Some("running")
    );
    assert_eq!(status.text_content().as_deref(), Some("Computing…"));
    assert!(page.find("[data-testid=additional-adopters]").is_none());
    assert!(page.find("[data-testid=adoption-chart]").is_none());

    // An answer to an older revision is dropped.
    let summary = quick_summary();
    let revision = app.get().revision;
    app.dispatch(Action::Finished {
        job: JobId::Main(revision - 1),
        summary: summary.clone(),
        compute_ms: 5.0,
    });
    flush().await;
    assert!(page.find("[data-testid=additional-adopters]").is_none());

    app.finish(summary.clone());
    flush().await;
    let status = page.by_test_id("status");
    assert_eq!(status.get_attribute("data-state").as_deref(), Some("ready"));
    assert_eq!(
        status.text_content().as_deref(),
        Some("Based on 50 simulated futures · 12 ms")
    );
    assert_eq!(
        page.test_id_text("additional-adopters"),
        format::count(summary.summary.additional_adopters.mean, Lang::En)
    );
    assert_eq!(page.all("circle.point").len(), 11);
    // The table is drawn once opened.
    assert!(page.find("tbody tr").is_none());
    open_details(&page, "details.data-table").await;
    assert_eq!(page.all("tbody tr").len(), 11);
    assert_eq!(
        page.text("#results-heading"),
        "What the plan achieves by 2035"
    );
    // The chart opens on the extra adopters. The reference target counts extra
    // adopters: drawn only in that view.
    assert_eq!(page.all("g.target").len(), 1);
    assert!(page.find("line.zero").is_some());
    click(&page.get("#view-adopters"));
    flush().await;
    assert!(page.find("g.target").is_none());
    click(&page.get("#view-additional"));
    flush().await;
    assert_eq!(page.all("g.target").len(), 1);

    // A change starts a new revision: the old figures stay, not yet dimmed (a job of a
    // frame or two would only flicker; a long one is marked busy once part of it is in).
    type_into(&page.input("budget"), "2000000");
    flush().await;
    assert_eq!(
        page.by_test_id("status")
            .get_attribute("data-state")
            .as_deref(),
        Some("running")
    );
    assert!(!has_class(&page.get("section.results"), "busy"));
    // Nor do its words change until part of the new result is in: they still say what
    // the figures shown are based on.
    assert_eq!(
        page.by_test_id("status").text_content().as_deref(),
        Some("Based on 50 simulated futures · 12 ms")
    );
    assert!(page.find("[data-testid=additional-adopters]").is_some());
    assert_eq!(app.get().revision, revision + 1);
}

#[wasm_bindgen_test]
async fn the_result_shown_keeps_its_scenario_while_a_newer_one_runs() {
    let _lang = RestoreLang::save();
    let (page, app) = page().await;
    app.finish(quick_summary());
    flush().await;
    let first = app.get().revision;
    click(&page.get("#view-additional"));
    flush().await;
    assert_eq!(page.all("g.target").len(), 1);
    assert!(
        page.find(".status progress").is_none(),
        "no progress when ready"
    );

    // A shorter horizon drops the reference target (2030) from the scenario; the result
    // on screen is still the old scenario's: its horizon, its target mark.
    app.dispatch(Action::SetYears(4));
    flush().await;
    assert!(app.get().scenario.targets.is_empty());
    let results = page.get("section.results");
    assert_eq!(
        results.get_attribute("data-shown-revision"),
        Some(first.to_string())
    );
    assert_eq!(
        page.text("#results-heading"),
        "What the plan achieves by 2035"
    );
    assert_eq!(page.all("g.target").len(), 1);
    // Progress shows as progress once part of the runs is in (none before: a short job
    // would only flicker), as runs done of all.
    assert!(page.find(".status progress").is_none());

    // A partial result of the new revision: shown with the new scenario.
    let now = app.get().revision;
    app.dispatch(Action::Progress {
        job: JobId::Main(now),
        runs_done: 20,
        summary: quick_summary(),
    });
    flush().await;
    let progress = page.get(".status progress");
    assert_eq!(progress.get_attribute("value").as_deref(), Some("20"));
    assert_eq!(progress.get_attribute("max").as_deref(), Some("50"));
    assert_eq!(
        progress.get_attribute("aria-label").as_deref(),
        Some("Computing…")
    );
    assert!(has_class(&page.get("section.results"), "busy"));
    assert_eq!(
        page.test_id_text("status"),
        "Computing… 20 of 50 simulated futures"
    );
    assert_eq!(
        page.get("section.results")
            .get_attribute("data-shown-revision"),
        Some(now.to_string())
    );
    assert_eq!(
        page.text("#results-heading"),
        "What the plan achieves by 2029"
    );
    assert!(page.find("g.target").is_none());
}

#[wasm_bindgen_test]
async fn switching_language_rerenders_labels_and_numbers() {
    let _lang = RestoreLang::save();
    let (page, app) = page().await;
    app.finish(quick_summary());
    flush().await;
    open_details(&page, "details.data-table").await;
    assert_eq!(page.text("#plan-heading"), "Your plan");
    assert_eq!(page.text("label[for=budget]"), "Budget");
    assert_eq!(page.output("budget"), "EUR 1,250,000");
    assert_eq!(document_lang().as_deref(), Some("en"));

    app.dispatch(Action::SetLang(Lang::Es));
    flush().await;

    assert_eq!(page.text("#plan-heading"), "Su plan");
    assert_eq!(page.text("label[for=budget]"), "Presupuesto");
    assert_eq!(page.text("label[for=horizon]"), "Años a proyectar");
    assert_eq!(page.output("budget"), "1.250.000\u{a0}EUR");
    assert_eq!(
        page.output("share-vouchers"),
        "40\u{a0}% · 500\u{a0}k\u{a0}EUR"
    );
    assert_eq!(
        page.test_id_text("buys"),
        "= 50 bonos · 20 acciones formativas · 15 pilotos Sobran 5000\u{a0}EUR (menos de una unidad más)"
    );
    assert_eq!(
        page.text("#results-heading"),
        "Lo que logra el plan hasta 2035"
    );
    assert_eq!(
        page.test_id_text("status"),
        "Basado en 50 futuros simulados · 12 ms"
    );
    assert_eq!(page.text("tbody tr td"), "3592");
    assert_eq!(page.text(".assumptions > summary"), "Supuestos");
    assert_eq!(document_lang().as_deref(), Some("es"));
    assert_eq!(
        page.attr("#budget-exact", "aria-label").as_deref(),
        Some("Presupuesto, valor exacto")
    );
    // A message written after the switch is in Spanish too.
    type_into(&page.input("budget-exact"), "-1");
    fire(&page.get("#budget-exact"), "change", true);
    flush().await;
    assert_eq!(
        page.text("#budget-exact-message"),
        "Fuera de rango: se ha fijado en 0."
    );

    // And back with the page's own language selector.
    let select: HtmlSelectElement = page.get("#language").unchecked_into();
    select.set_value("en");
    fire(&select, "change", true);
    flush().await;
    assert_eq!(app.get().lang, Lang::En);
    assert_eq!(page.text("#plan-heading"), "Your plan");
    assert_eq!(page.output("budget"), "EUR 0");
    assert_eq!(document_lang().as_deref(), Some("en"));
}
