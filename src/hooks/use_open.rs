//! Whether a `<details>` is open: its contents need not be drawn until it is.

use yew::prelude::*;

/// Whether a section's `<details>` is open, and its `ontoggle`: a closed section's
/// contents are left undrawn (a shorter first render and fewer nodes to lay out), and
/// drawn when it is opened.
#[hook]
pub fn use_open() -> (bool, Callback<Event>) {
    let open = use_state_eq(|| false);
    let on_toggle = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            let now = e
                .target()
                .and_then(|t| js_sys::Reflect::get(&t, &"open".into()).ok())
                .and_then(|v| v.as_bool())
                .unwrap_or(false);
            open.set(now);
        })
    };
    (*open, on_toggle)
}

/// Whether a `<details>` has been opened yet, and its `ontoggle`: its contents are drawn
/// from its first opening on (closing it again keeps them, with what was typed in them).
#[hook]
pub fn use_opened() -> (bool, Callback<Event>) {
    let (open, on_toggle) = use_open();
    let opened = use_mut_ref(|| false);
    if open {
        *opened.borrow_mut() = true;
    }
    let opened = *opened.borrow();
    (opened, on_toggle)
}
