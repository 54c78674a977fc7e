//! The assumptions panel: values change the scenario; uncertain ones show their range.

use adoption_model::Plan;
use adoption_widget::components::assumptions::Assumptions;
use adoption_widget::components::mix_control::MixControl;
use adoption_widget::state::AppState;
use wasm_bindgen_test::wasm_bindgen_test;
use yew::prelude::*;

use crate::common::{AppSlot, Mounted, enter, flush, mount, with_app};

async fn panel() -> (Mounted, AppSlot) {
    let (tree, app) = with_app(
        AppState::default(),
        html! { <><Assumptions /><MixControl /></> },
    );
    (mount(tree).await, app)
}

#[wasm_bindgen_test]
async fn a_dearer_voucher_buys_fewer_vouchers() {
    let (page, app) = panel().await;
    assert_eq!(page.value("assumption-0"), "9000");
    assert!(page.test_id_text("buys").starts_with("= 50 vouchers ·"));

    enter(&page.input("assumption-0"), "19000");
    flush().await;

    let scenario = app.get().scenario.clone();
    assert_eq!(scenario.vouchers.value_eur, 19_000.0);
    // EUR 500,000 for vouchers at 19,000 + 1,000 admin each.
    assert_eq!(Plan::new(&scenario).vouchers, 25);
    assert_eq!(page.value("assumption-0"), "19000");
    assert_eq!(
        page.test_id_text("buys"),
        "= 25 vouchers · 20 training actions · 15 pilots EUR 5,000 is left over (less than one more unit)"
    );
    // Nothing else in the scenario moved.
    let mut expected = adoption_formats::preset::cantabria();
    expected.vouchers.value_eur = 19_000.0;
    assert_eq!(scenario, expected);
}

#[wasm_bindgen_test]
async fn uncertain_assumptions_show_their_range_and_plain_ones_do_not() {
    let (page, _app) = panel().await;
    let rows = page.all("li.assumption");
    assert_eq!(rows.len(), 11);
    // Uncertain: share used, conversion, training uplift, pilot success, peer weight.
    let ranged: Vec<usize> = (0..11)
        .filter(|i| page.find(&format!("#assumption-{i}-note .range")).is_some())
        .collect();
    assert_eq!(ranged, [2, 3, 6, 9, 10]);
    assert_eq!(
        page.text("#assumption-2-note .range"),
        "plausible range 0.75 to 0.95"
    );
    assert_eq!(
        page.text("#assumption-6-note .range"),
        "plausible range 0.00 to 0.10"
    );
    assert_eq!(
        page.text("#assumption-10-note .range"),
        "plausible range 0.0 to 15.0"
    );
    assert_eq!(page.text("#assumption-1-note"), "Source: our estimate");
    assert_eq!(
        page.attr("#assumption-2", "aria-describedby").as_deref(),
        Some("assumption-2-note")
    );
    assert_eq!(
        page.text("label[for=assumption-3]"),
        "Chance a used voucher leads to adoptionest."
    );
    assert_eq!(page.value("assumption-3"), "0.85");
}

#[wasm_bindgen_test]
async fn a_new_central_value_moves_its_range() {
    let (page, app) = panel().await;
    enter(&page.input("assumption-3"), "0.5");
    flush().await;
    let conversion = app.get().scenario.vouchers.conversion;
    assert_eq!(conversion.central(), 0.5);
    // The range keeps its width below (0.25) and above (0.10) the central value.
    assert_eq!(
        page.text("#assumption-3-note .range"),
        "plausible range 0.25 to 0.60"
    );
    assert_eq!(page.value("assumption-3"), "0.5");

    // Shares are at most 1: clamped and explained.
    enter(&page.input("assumption-3"), "3");
    flush().await;
    assert_eq!(app.get().scenario.vouchers.conversion.central(), 1.0);
    assert_eq!(
        page.text("#assumption-3-message"),
        "Out of range: set to 1.00."
    );
    assert_eq!(
        page.attr("#assumption-3", "aria-describedby").as_deref(),
        Some("assumption-3-note assumption-3-message")
    );
}

#[wasm_bindgen_test]
async fn a_refused_value_is_explained() {
    let (page, app) = panel().await;
    enter(&page.input("assumption-1"), "0");
    flush().await;
    assert_eq!(app.get().scenario.vouchers.admin_eur, 0.0);

    // A voucher must cost at least 1 euro in all (`Scenario::validate`): with no
    // administration cost, a grant of 0 is raised to 1, and the box says so.
    enter(&page.input("assumption-0"), "0");
    flush().await;
    assert_eq!(app.get().scenario.vouchers.value_eur, 1.0);
    assert_eq!(page.value("assumption-0"), "1");
    assert_eq!(
        page.text("#assumption-0-message[role=alert]"),
        "Out of range: set to 1."
    );
}
