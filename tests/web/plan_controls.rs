//! Budget, programme years and horizon: sliders and exact boxes -> state -> what is shown.

use adoption_model::{Plan, Scenario};
use adoption_widget::components::mix_control::MixControl;
use adoption_widget::components::plan_controls::PlanControls;
use adoption_widget::i18n::Lang;
use adoption_widget::state::{Action, AppState};
use wasm_bindgen_test::wasm_bindgen_test;
use yew::prelude::*;

use crate::common::{Mounted, blur, commit, enter, flush, focus, mount, type_into, with_app};

/// The plan controls and the mix (for its "buys" line) in a fresh default state.
async fn controls() -> (Mounted, crate::common::AppSlot) {
    let (tree, app) = with_app(
        AppState::default(),
        html! { <><PlanControls /><MixControl /></> },
    );
    (mount(tree).await, app)
}

/// Units the default scenario buys at `budget`, checked against the model, so that a
/// change in the model's defaults fails here with a clear message rather than below.
fn plan_at(budget: f64, expected: (u64, u64, u64)) {
    let plan = Plan::new(&Scenario {
        budget_eur: budget,
        ..adoption_formats::preset::cantabria()
    });
    assert_eq!(
        (plan.vouchers, plan.training_actions, plan.pilots),
        expected,
        "the model's defaults changed: update this test's expected counts"
    );
}

#[wasm_bindgen_test]
async fn budget_slider_sets_the_budget_and_what_it_buys() {
    let (page, app) = controls().await;
    plan_at(1_250_000.0, (50, 20, 15));
    assert_eq!(page.output("budget"), "EUR 1,250,000");
    assert_eq!(
        page.test_id_text("buys"),
        "= 50 vouchers · 20 training actions · 15 pilots EUR 5,000 is left over (less than one more unit)"
    );
    let revision = app.get().revision;

    type_into(&page.input("budget"), "2500000");
    flush().await;

    plan_at(2_500_000.0, (100, 40, 30));
    assert_eq!(app.get().scenario.budget_eur, 2_500_000.0);
    assert_eq!(app.get().revision, revision + 1);
    assert_eq!(page.output("budget"), "EUR 2,500,000");
    assert_eq!(
        page.attr("#budget", "aria-valuetext").as_deref(),
        Some("EUR 2,500,000")
    );
    assert_eq!(page.value("budget-exact"), "2500000");
    assert_eq!(
        page.test_id_text("buys"),
        "= 100 vouchers · 40 training actions · 30 pilots EUR 10,000 is left over (less than one more unit)"
    );
    // The shares' amounts follow the budget too.
    assert_eq!(page.output("share-vouchers"), "40% · EUR 1 M");
}

#[wasm_bindgen_test]
async fn budget_box_commits_a_valid_number_on_change() {
    let (page, app) = controls().await;
    let input = page.input("budget-exact");

    // Typing alone commits nothing.
    type_into(&input, "2000000");
    flush().await;
    assert_eq!(app.get().scenario.budget_eur, 1_250_000.0);
    assert_eq!(page.output("budget"), "EUR 1,250,000");

    commit(&input);
    flush().await;
    plan_at(2_000_000.0, (80, 32, 24));
    assert_eq!(app.get().scenario.budget_eur, 2_000_000.0);
    assert_eq!(page.output("budget"), "EUR 2,000,000");
    assert_eq!(
        page.value("budget"),
        "2000000",
        "the slider follows the box"
    );
    assert!(page.find("[role=alert]").is_none());
    assert_eq!(page.attr("#budget-exact", "aria-invalid"), None);
    assert!(
        page.test_id_text("buys")
            .starts_with("= 80 vouchers · 32 training actions · 24 pilots"),
        "{}",
        page.test_id_text("buys")
    );
}

#[wasm_bindgen_test]
async fn budget_box_refuses_text_and_keeps_the_value_in_force() {
    let (page, app) = controls().await;
    let input = page.input("budget-exact");
    focus(&input);
    enter(&input, "2000000");
    flush().await;
    let revision = app.get().revision;

    // NOTE: a script cannot put "abc" into a number input (the browser sanitises it to
    // ""), and `validity.badInput` is only set by real typing; the empty text takes the
    // same path through the component.
    enter(&input, "abc");
    flush().await;

    assert_eq!(page.text("#budget-exact-message"), "Please enter a number.");
    assert_eq!(
        page.attr("#budget-exact-message", "role").as_deref(),
        Some("alert")
    );
    assert_eq!(
        page.attr("#budget-exact", "aria-invalid").as_deref(),
        Some("true")
    );
    assert_eq!(
        page.attr("#budget-exact", "aria-describedby").as_deref(),
        Some("budget-exact-message")
    );
    assert_eq!(app.get().scenario.budget_eur, 2_000_000.0);
    assert_eq!(app.get().revision, revision, "nothing was committed");
    assert_eq!(page.output("budget"), "EUR 2,000,000");

    // Leaving the field brings back the value in force; the message stays.
    blur(&input);
    flush().await;
    assert_eq!(page.value("budget-exact"), "2000000");
    assert_eq!(page.text("#budget-exact-message"), "Please enter a number.");

    // The next valid entry clears it.
    enter(&input, "1500000");
    flush().await;
    assert!(page.find("#budget-exact-message").is_none());
    assert_eq!(page.attr("#budget-exact", "aria-invalid"), None);
    assert_eq!(page.output("budget"), "EUR 1,500,000");
}

#[wasm_bindgen_test]
async fn whole_number_boxes_ask_for_a_whole_number() {
    let (page, app) = controls().await;
    enter(&page.input("horizon-exact"), "");
    flush().await;
    assert_eq!(
        page.text("#horizon-exact-message"),
        "Please enter a whole number."
    );
    assert_eq!(app.get().scenario.years, 10);
    // A fraction is rounded, not refused.
    enter(&page.input("horizon-exact"), "7.6");
    flush().await;
    assert_eq!(app.get().scenario.years, 8);
    assert_eq!(page.output("horizon"), "2025–2033");
    assert!(page.find("#horizon-exact-message").is_none());
}

#[wasm_bindgen_test]
async fn budget_box_clamps_out_of_range_values_and_says_so() {
    let (page, app) = controls().await;
    let input = page.input("budget-exact");

    enter(&input, "-5");
    flush().await;
    assert_eq!(app.get().scenario.budget_eur, 0.0);
    assert_eq!(page.output("budget"), "EUR 0");
    assert_eq!(page.value("budget-exact"), "0");
    assert_eq!(
        page.text("#budget-exact-message"),
        "Out of range: set to 0."
    );
    assert_eq!(
        page.test_id_text("buys"),
        "= 0 vouchers · 0 training actions · 0 pilots"
    );

    // Above the slider's range the box accepts up to the model's limit, then clamps.
    enter(&input, "20000000000");
    flush().await;
    assert_eq!(app.get().scenario.budget_eur, 10_000_000_000.0);
    assert_eq!(page.output("budget"), "EUR 10,000,000,000");
    assert_eq!(
        page.text("#budget-exact-message"),
        "Out of range: set to 10,000,000,000."
    );
    assert_eq!(
        page.value("budget"),
        "5000000",
        "the slider stops at its max"
    );

    enter(&input, "7000000");
    flush().await;
    assert_eq!(app.get().scenario.budget_eur, 7_000_000.0);
    assert!(page.find("#budget-exact-message").is_none());
}

#[wasm_bindgen_test]
async fn a_pending_draft_survives_another_control_changing() {
    let (page, app) = controls().await;
    type_into(&page.input("budget-exact"), "1234567");
    flush().await;

    // Another control re-renders the whole panel while the draft is pending.
    type_into(&page.input("horizon"), "12");
    flush().await;
    assert_eq!(app.get().scenario.years, 12);
    assert_eq!(page.output("horizon"), "2025–2037");
    assert_eq!(page.value("budget-exact"), "1234567", "the draft was lost");
    assert_eq!(
        page.output("budget"),
        "EUR 1,250,000",
        "a draft is not committed"
    );

    commit(&page.input("budget-exact"));
    flush().await;
    assert_eq!(app.get().scenario.budget_eur, 1_234_567.0);
    assert_eq!(page.output("budget"), "EUR 1,234,567");
}

#[wasm_bindgen_test]
async fn a_short_horizon_shortens_the_programme() {
    let (page, app) = controls().await;
    assert_eq!(page.value("programme-years"), "3");
    assert_eq!(page.attr("#programme-years", "max").as_deref(), Some("10"));
    assert_eq!(page.output("programme-years"), "2026–2028");

    type_into(&page.input("horizon"), "2");
    flush().await;
    let s = app.get().scenario.clone();
    assert_eq!((s.years, s.programme_years), (2, 2));
    assert_eq!(page.output("horizon"), "2025–2027");
    assert_eq!(page.attr("#programme-years", "max").as_deref(), Some("2"));
    assert_eq!(page.value("programme-years"), "2");
    assert_eq!(page.value("programme-years-exact"), "2");
    assert_eq!(page.output("programme-years"), "2026–2027");

    // The box cannot exceed the horizon either.
    enter(&page.input("programme-years-exact"), "5");
    flush().await;
    assert_eq!(app.get().scenario.programme_years, 2);
    assert_eq!(
        page.text("#programme-years-exact-message"),
        "Out of range: set to 2."
    );

    // A longer horizon again lifts the limit but leaves the programme as it is.
    type_into(&page.input("horizon"), "10");
    flush().await;
    assert_eq!(app.get().scenario.programme_years, 2);
    assert_eq!(page.attr("#programme-years", "max").as_deref(), Some("10"));
    type_into(&page.input("programme-years"), "4");
    flush().await;
    assert_eq!(app.get().scenario.programme_years, 4);
    assert_eq!(page.output("programme-years"), "2026–2029");
}

#[wasm_bindgen_test]
async fn a_message_goes_when_another_control_sets_the_value() {
    let (page, _app) = controls().await;
    enter(&page.input("budget-exact"), "-5");
    flush().await;
    assert_eq!(
        page.text("#budget-exact-message"),
        "Out of range: set to 0."
    );

    type_into(&page.input("budget"), "2000000");
    flush().await;
    assert_eq!(page.value("budget-exact"), "2000000");
    // The box now shows a valid value the slider set, yet still says "set to 0" and is
    // marked invalid for screen readers.
    assert!(page.find("#budget-exact-message").is_none());
    assert_eq!(page.attr("#budget-exact", "aria-invalid"), None);
}

#[wasm_bindgen_test]
async fn a_message_follows_the_language() {
    let (page, app) = controls().await;
    enter(&page.input("budget-exact"), "-5");
    flush().await;
    app.dispatch(Action::SetLang(Lang::Es));
    flush().await;
    assert_eq!(page.text("label[for=budget]"), "Presupuesto");
    assert_eq!(
        page.text("#budget-exact-message"),
        "Fuera de rango: se ha fijado en 0."
    );
}
