//! Saved scenarios: actions name entries by their stable ids (a delete leaves the others
//! and their ticks alone), and the comparison shows what the reducer was told.

use adoption_model::Scenario;
use adoption_widget::components::scenarios::Scenarios;
use adoption_widget::i18n::Lang;
use adoption_widget::state::{Action, AppState, JobId};
use adoption_widget::storage::{Saved, SavedId};
use wasm_bindgen_test::wasm_bindgen_test;
use yew::prelude::*;

use crate::common::{
    AppSlot, Mounted, click, flush, mount, quick_scenario, quick_summary, with_app,
};

const A: SavedId = SavedId(7);
const B: SavedId = SavedId(9);

fn saved(id: SavedId, name: &str, budget: f64) -> Saved {
    Saved {
        id,
        name: name.into(),
        saved_at: "2026-12-01T10:00:00.000Z".into(),
        scenario: Ok(Scenario {
            budget_eur: budget,
            ..quick_scenario()
        }),
        from_version: adoption_model::scenario::FORMAT_VERSION,
    }
}

async fn panel() -> (Mounted, AppSlot) {
    let initial = AppState {
        saved: vec![saved(A, "A", 1_000_000.0), saved(B, "B", 2_000_000.0)],
        ..AppState::new(quick_scenario(), "cantabria", Lang::En)
    };
    let (tree, app) = with_app(initial, html! { <Scenarios /> });
    (mount(tree).await, app)
}

/// Each comparison row's name and whether it is still computing.
fn rows(page: &Mounted) -> Vec<(String, bool)> {
    page.all("[data-testid=compare] tbody tr")
        .iter()
        .map(|tr| {
            let name = tr
                .query_selector("th")
                .ok()
                .flatten()
                .and_then(|th| th.text_content())
                .unwrap_or_default();
            let pending = tr.query_selector(".pending").ok().flatten().is_some();
            (name, pending)
        })
        .collect()
}

#[wasm_bindgen_test]
async fn the_comparison_shows_the_reducers_results_and_survives_a_delete() {
    let (page, app) = panel().await;
    assert!(page.find("[data-testid=compare]").is_none());
    click(&page.get("#compare-1"));
    click(&page.get("#compare-0"));
    flush().await;
    assert_eq!(app.get().compare, vec![B, A], "in the order ticked");
    // Nothing computed yet.
    assert_eq!(
        rows(&page),
        vec![
            ("Current".into(), true),
            ("B".into(), true),
            ("A".into(), true)
        ]
    );
    // The current result and B's arrive.
    app.finish(quick_summary());
    app.dispatch(Action::Finished {
        job: JobId::Saved(B),
        summary: quick_summary(),
        compute_ms: 3.0,
    });
    flush().await;
    assert_eq!(
        rows(&page),
        vec![
            ("Current".into(), false),
            ("B".into(), false),
            ("A".into(), true)
        ]
    );
    // Deleting A (first in the list) leaves B, its tick and its result.
    click(&page.get("li.saved:first-child .saved-actions button:last-child"));
    flush().await;
    assert_eq!(page.all("li.saved").len(), 1);
    assert!(page.input("compare-0").checked(), "B is still ticked");
    assert_eq!(app.get().saved[0].id, B);
    assert_eq!(
        rows(&page),
        vec![("Current".into(), false), ("B".into(), false)]
    );
    // A late answer for the deleted entry changes nothing.
    let before = app.get();
    app.dispatch(Action::Finished {
        job: JobId::Saved(A),
        summary: quick_summary(),
        compute_ms: 3.0,
    });
    flush().await;
    assert_eq!(*app.get(), *before);
}

#[wasm_bindgen_test]
async fn rename_and_restore_reach_the_entry_by_id() {
    let (page, app) = panel().await;
    // Rename B (second): its box is named by its place in the list.
    click(&page.get("li.saved:nth-child(2) .saved-actions button:nth-child(2)"));
    flush().await;
    let input = page.input("rename-1");
    crate::common::type_into(&input, "Bigger");
    flush().await;
    let form = page.get("form.rename");
    crate::common::fire(&form, "submit", true);
    flush().await;
    assert_eq!(
        app.get().saved(B).map(|s| s.name.clone()),
        Some("Bigger".into())
    );
    assert_eq!(app.get().saved(A).map(|s| s.name.clone()), Some("A".into()));
    // Restore B: its budget becomes the current one.
    click(&page.get("li.saved:nth-child(2) .saved-actions button:first-child"));
    flush().await;
    assert_eq!(app.get().scenario.budget_eur, 2_000_000.0);
}
