//! The first view baked at build time (tools/first-view.mjs): an inert copy of the app's
//! first screen for the address, shown by a small script in index.html while this module
//! downloads. The app then draws itself, invisible, under the copy and takes its place at its
//! first result (or failure), in one frame: the copy is removed, not moved, so nothing on
//! the screen shifts, and what the copy showed is what the app shows.
//!
//! Meanwhile the app is drawn in parts, one task each ([`Later`], [`stage`]): no long task
//! blocks a phone's main thread while the copy shows.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;

use web_sys::{Document, Element};
use yew::prelude::*;

/// NOTE: the copy's class: the one contract with tools/first-view.mjs, which writes it.
const COPY: &str = "first-view";
/// The app's own root, shown.
const LIVE: &str = "live";
/// The app's own root while the copy shows: laid out under it, invisible (assets/style.css).
const PENDING: &str = "live pending";

/// Where the app draws: beside a baked copy, a new root that stays invisible until
/// [`reveal`]; otherwise `root` itself, emptied of its "Loading…" line.
pub fn live_root(document: &Document, root: &Element) -> Element {
    let baked = root
        .first_element_child()
        .is_some_and(|c| c.class_name() == COPY);
    if baked && let Ok(live) = document.create_element("div") {
        // NOTE: laid out but invisible (assets/style.css), not `hidden`: out of the layout,
        // the app drew its chart at a guessed width and laid the whole page out only when
        // shown, then drew the chart again at its real width (Lighthouse measured one more
        // long task on a phone than without the copy).
        live.set_class_name(PENDING);
        if root.append_child(&live).is_ok() {
            // Invisible until revealed: it can be drawn in parts.
            stage();
            return live;
        }
    }
    root.set_inner_html("");
    root.clone()
}

thread_local! {
    /// Whether parts wrapped in [`Later`] wait their turn: from [`stage`] (the page's
    /// start) until the page is revealed.
    static STAGING: Cell<bool> = const { Cell::new(false) };
    /// The parts waiting, first come first drawn.
    static QUEUE: RefCell<VecDeque<Callback<()>>> = const { RefCell::new(VecDeque::new()) };
    /// Whether a task to draw the next part is scheduled.
    static SCHEDULED: Cell<bool> = const { Cell::new(false) };
    /// Whether [`reveal`] was asked for while parts were waiting.
    static REVEAL_DUE: Cell<bool> = const { Cell::new(false) };
}

/// From now until the page is revealed, [`Later`] parts are drawn one per task (only
/// under a copy: without one, the page would be seen building up).
///
/// NOTE: why. A phone's total blocking time counts every task over 50 ms (Lighthouse
/// slows the CPU 4x, so a task over 12.5 ms here), and drawing the page in one task took
/// some 100 ms: most of it V8 compiling each function on its first call (WebAssembly is
/// compiled lazily, on the main thread). Drawn a part per task, the same work (and the
/// compiling) comes in short tasks; the page is invisible under its copy meanwhile, and is
/// revealed only once every part is drawn, so nothing shows half-drawn.
pub fn stage() {
    STAGING.with(|s| s.set(true));
}

/// Whether the page is staged: drawn in parts under its copy, not yet revealed.
pub fn staged() -> bool {
    STAGING.with(Cell::get)
}

/// Properties of [`Later`].
#[derive(Properties, PartialEq)]
pub struct LaterProps {
    /// What to draw.
    pub children: Html,
}

/// Its children, drawn in a task of their own while the page is staged (see [`stage`]);
/// at once otherwise.
#[component]
pub fn Later(props: &LaterProps) -> Html {
    let drawn = use_state_eq(|| !staged());
    {
        let drawn = drawn.clone();
        use_effect_with((), move |_| {
            if !*drawn {
                enqueue(Callback::from(move |()| drawn.set(true)));
            }
        });
    }
    if *drawn {
        props.children.clone()
    } else {
        Html::default()
    }
}

/// Queues a part and makes sure a task will draw it.
fn enqueue(part: Callback<()>) {
    QUEUE.with(|q| q.borrow_mut().push_back(part));
    schedule();
}

fn schedule() {
    if SCHEDULED.with(|s| s.replace(true)) {
        return;
    }
    wasm_bindgen_futures::spawn_local(async {
        crate::worker::yield_to_event_loop().await;
        SCHEDULED.with(|s| s.set(false));
        let part = QUEUE.with(|q| q.borrow_mut().pop_front());
        if let Some(part) = part {
            // Drawn in this task (yew renders at its end); the next part in the next.
            part.emit(());
            schedule();
        } else if REVEAL_DUE.with(|r| r.replace(false)) {
            reveal();
        }
    });
}

/// The app has something to show: the copy goes and the app's own root shows, if the
/// page opened with a copy (nothing happens otherwise, or a second time). While parts of
/// the page wait to be drawn ([`Later`]), it happens once they are.
pub fn reveal() {
    let waiting = QUEUE.with(|q| !q.borrow().is_empty()) || SCHEDULED.with(Cell::get);
    if waiting {
        REVEAL_DUE.with(|r| r.set(true));
        return;
    }
    STAGING.with(|s| s.set(false));
    let document = gloo::utils::document();
    let Some(root) = document.get_element_by_id("app") else {
        return;
    };
    while let Ok(Some(copy)) = root.query_selector(&format!(":scope > .{COPY}")) {
        copy.remove();
    }
    if let Ok(Some(live)) = root.query_selector(&format!(":scope > .{LIVE}")) {
        live.set_class_name(LIVE);
    }
}
