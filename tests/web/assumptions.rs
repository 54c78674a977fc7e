//! The assumptions panel: values change the scenario; uncertain ones show their range.

use adoption_model::Plan;
use adoption_model::assumption::Assumption;
use adoption_widget::components::assumptions::Assumptions;
use adoption_widget::components::mix_control::MixControl;
use adoption_widget::format;
use adoption_widget::i18n::Lang;
use adoption_widget::state::AppState;
use wasm_bindgen_test::wasm_bindgen_test;
use yew::prelude::*;

use crate::common::{AppSlot, Mounted, enter, flush, mount, open_details, with_app};

async fn panel() -> (Mounted, AppSlot) {
    let (tree, app) = with_app(
        AppState::default(),
        html! { <><Assumptions /><MixControl /></> },
    );
    let page = mount(tree).await;
    open_details(&page, "details.assumptions").await;
    (page, app)
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

/// The id of an assumption's box (its place in the model's table).
fn id(a: Assumption) -> String {
    format!("assumption-{}", a.index())
}

#[wasm_bindgen_test]
async fn uncertain_assumptions_show_their_range_and_plain_ones_do_not() {
    let (page, _app) = panel().await;
    let rows = page.all("li.assumption");
    assert_eq!(rows.len(), Assumption::ALL.len());
    // Every row, as the model's table and the preset say: a range for the uncertain ones.
    let preset = adoption_formats::preset::cantabria();
    for a in Assumption::ALL {
        let (param, spec) = (a.get(&preset), a.spec());
        let range = page.find(&format!("#{}-note .range", id(a)));
        assert_eq!(range.is_some(), param.is_uncertain(), "{a:?}");
        if param.is_uncertain() {
            let (low, high) = param.bounds();
            let n = |v: f64| format::number(v, spec.decimals, Lang::En);
            assert_eq!(
                page.text(&format!("#{}-note .range", id(a))),
                format!("plausible range {} to {}", n(low), n(high)),
                "{a:?}"
            );
        }
        let value: f64 = page.value(&id(a)).parse().expect("a number");
        assert!((value - param.central()).abs() < 1e-9, "{a:?}: {value}");
        let label = page.text(&format!("label[for={}]", id(a)));
        assert_eq!(label.ends_with("est."), spec.estimate, "{a:?}: {label}");
    }
    let admin = id(Assumption::VoucherAdmin);
    assert_eq!(page.text(&format!("#{admin}-note")), "Source: our estimate");
    let conversion = id(Assumption::VoucherConversion);
    assert_eq!(
        page.attr(&format!("#{conversion}"), "aria-describedby"),
        Some(format!("{conversion}-note"))
    );
    assert_eq!(
        page.text(&format!("label[for={conversion}]")),
        "Chance a used voucher leads to adoptionest."
    );
    // The new assumptions of model 2 are labelled.
    for (a, label) in [
        (
            Assumption::VoucherCoverage,
            "Share of the project the voucher pays",
        ),
        (
            Assumption::VoucherLapse,
            "Share of voucher adopters who stop when the subsidy ends",
        ),
        (
            Assumption::PilotDecay,
            "Share of a pilot's visibility kept each year",
        ),
    ] {
        assert!(
            page.text(&format!("label[for={}]", id(a)))
                .starts_with(label),
            "{a:?}"
        );
    }
}

#[wasm_bindgen_test]
async fn a_new_central_value_moves_its_range() {
    let (page, app) = panel().await;
    let c = id(Assumption::VoucherConversion);
    let before = app.get().scenario.vouchers.conversion;
    let (low, high) = before.bounds();
    let (below, above) = (before.central() - low, high - before.central());
    enter(&page.input(&c), "0.5");
    flush().await;
    let conversion = app.get().scenario.vouchers.conversion;
    assert_eq!(conversion.central(), 0.5);
    // The range keeps its width below and above the central value.
    let n = |v: f64| format::number(v, 2, Lang::En);
    assert_eq!(
        page.text(&format!("#{c}-note .range")),
        format!(
            "plausible range {} to {}",
            n(0.5 - below),
            n((0.5 + above).min(1.0))
        )
    );
    assert_eq!(page.value(&c), "0.5");

    // Shares are at most 1: clamped and explained.
    enter(&page.input(&c), "3");
    flush().await;
    assert_eq!(app.get().scenario.vouchers.conversion.central(), 1.0);
    assert_eq!(
        page.text(&format!("#{c}-message")),
        "Out of range: set to 1.00."
    );
    assert_eq!(
        page.attr(&format!("#{c}"), "aria-describedby"),
        Some(format!("{c}-note {c}-message"))
    );
}

#[wasm_bindgen_test]
async fn a_refused_value_is_explained() {
    let (page, app) = panel().await;
    enter(&page.input(&id(Assumption::VoucherAdmin)), "0");
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
