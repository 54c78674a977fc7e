//! The budget mix: three shares that always add up to 100, rebalanced in proportion, with
//! holds.

use adoption_widget::components::mix_control::MixControl;
use adoption_widget::state::AppState;
use wasm_bindgen_test::wasm_bindgen_test;
use yew::prelude::*;

use crate::common::{AppSlot, Mounted, click, enter, flush, mount, type_into, with_app};

const KEYS: [&str; 3] = ["vouchers", "training", "pilots"];

async fn mix() -> (Mounted, AppSlot) {
    let (tree, app) = with_app(AppState::default(), html! { <MixControl /> });
    (mount(tree).await, app)
}

/// The shares as the three exact boxes show them.
fn boxes(page: &Mounted) -> [u32; 3] {
    KEYS.map(|k| {
        let text = page.value(&format!("share-{k}-exact"));
        text.parse()
            .unwrap_or_else(|_| panic!("share-{k}-exact shows {text:?}"))
    })
}

/// The shares as the three sliders stand.
fn sliders(page: &Mounted) -> [u32; 3] {
    KEYS.map(|k| {
        let text = page.value(&format!("share-{k}"));
        text.parse()
            .unwrap_or_else(|_| panic!("share-{k} stands at {text:?}"))
    })
}

/// The shares in the state, in whole percent.
fn state(app: &AppSlot) -> [u32; 3] {
    app.get().percents()
}

#[wasm_bindgen_test]
async fn moving_one_share_rebalances_the_others_in_proportion() {
    let (page, app) = mix().await;
    assert_eq!(boxes(&page), [40, 20, 40]);

    type_into(&page.input("share-vouchers"), "70");
    flush().await;

    assert_eq!(state(&app), [70, 10, 20]);
    assert_eq!(boxes(&page), [70, 10, 20]);
    assert_eq!(sliders(&page), [70, 10, 20]);
    let m = app.get().scenario.mix;
    assert_eq!((m.vouchers, m.training, m.pilots), (0.7, 0.1, 0.2));
    // Each share shows its percentage and its part of EUR 1,250,000.
    assert_eq!(page.output("share-vouchers"), "70% · EUR 875 k");
    assert_eq!(page.output("share-training"), "10% · EUR 125 k");
    assert_eq!(page.output("share-pilots"), "20% · EUR 250 k");
    // 875 k / 10 k per voucher, 125 k / 12.5 k per action, 250 k / 33 k per pilot.
    assert!(
        page.test_id_text("buys")
            .starts_with("= 87 vouchers · 10 training actions · 7 pilots"),
        "{}",
        page.test_id_text("buys")
    );
}

#[wasm_bindgen_test]
async fn the_three_boxes_always_add_up_to_100() {
    let (page, app) = mix().await;
    let moves: [(&str, &str); 6] = [
        ("share-pilots", "5"),
        ("share-training", "33"),
        ("share-vouchers", "100"),
        ("share-pilots", "37"),
        ("share-vouchers", "0"),
        ("share-training", "1"),
    ];
    for (id, value) in moves {
        type_into(&page.input(id), value);
        flush().await;
        let shown = boxes(&page);
        assert_eq!(
            shown.iter().sum::<u32>(),
            100,
            "after {id} = {value}: {shown:?}"
        );
        assert_eq!(shown, state(&app), "after {id} = {value}");
        assert_eq!(sliders(&page), shown, "after {id} = {value}");
        let moved = KEYS
            .iter()
            .position(|k| id.ends_with(k))
            .expect("a share id");
        assert_eq!(
            shown[moved].to_string(),
            value,
            "the moved share is where it was put"
        );
    }
}

#[wasm_bindgen_test]
async fn an_exact_share_rebalances_like_the_slider() {
    let (page, app) = mix().await;
    enter(&page.input("share-pilots-exact"), "50");
    flush().await;
    // 50 left for vouchers and training in the ratio 40:20 -> 33.3 and 16.7, rounded by
    // largest remainder.
    assert_eq!(state(&app), [33, 17, 50]);
    assert_eq!(boxes(&page), [33, 17, 50]);

    // Past 100 the box clamps, commits and says so.
    enter(&page.input("share-pilots-exact"), "150");
    flush().await;
    assert_eq!(state(&app), [0, 0, 100]);
    assert_eq!(boxes(&page), [0, 0, 100]);
    assert_eq!(
        page.text("#share-pilots-exact-message"),
        "Out of range: set to 100."
    );
}

#[wasm_bindgen_test]
async fn a_held_share_stays_put_and_its_inputs_are_disabled() {
    let (page, app) = mix().await;
    let hold = page.input("hold-training");
    assert!(!hold.checked());
    assert_eq!(
        hold.get_attribute("aria-label").as_deref(),
        Some("Hold the Training share")
    );

    click(&hold);
    flush().await;

    assert!(page.input("hold-training").checked());
    assert_eq!(app.get().locks, [false, true, false]);
    assert!(page.input("share-training").disabled());
    assert!(page.input("share-training-exact").disabled());
    assert!(!page.input("share-vouchers").disabled());
    assert!(!page.input("share-pilots-exact").disabled());

    type_into(&page.input("share-vouchers"), "70");
    flush().await;
    assert_eq!(boxes(&page), [70, 20, 10]);
    assert_eq!(state(&app), [70, 20, 10]);

    // The moved share cannot eat into the held one.
    type_into(&page.input("share-pilots"), "95");
    flush().await;
    assert_eq!(boxes(&page), [0, 20, 80]);
    assert_eq!(
        page.value("share-pilots"),
        "80",
        "the slider is put back to what is allowed"
    );

    // Released, it moves again.
    click(&page.input("hold-training"));
    flush().await;
    assert_eq!(app.get().locks, [false; 3]);
    assert!(!page.input("share-training").disabled());
    type_into(&page.input("share-vouchers"), "50");
    flush().await;
    assert_eq!(boxes(&page), [50, 10, 40]);
}

#[wasm_bindgen_test]
async fn a_share_that_cannot_move_springs_back() {
    let (page, app) = mix().await;
    click(&page.input("hold-training"));
    click(&page.input("hold-pilots"));
    flush().await;
    assert_eq!(app.get().locks, [false, true, true]);

    // Both partners held: vouchers has nowhere to go. The state keeps 40...
    type_into(&page.input("share-vouchers"), "70");
    flush().await;
    assert_eq!(state(&app), [40, 20, 40]);
    assert_eq!(page.output("share-vouchers"), "40% · EUR 500 k");
    // ...and so should the slider. The reducer returns the same state, nothing
    // re-renders, and the slider stays at 70 beside a label saying 40%.
    assert_eq!(page.value("share-vouchers"), "40");
}
