//! The first view baked at build time (tools/first-view.mjs): an inert copy of the app's
//! first screen for the address, shown by a small script in index.html while this module
//! downloads. The app then draws itself, invisible, under the copy and takes its place at its
//! first result (or failure), in one frame: the copy is removed, not moved, so nothing on
//! the screen shifts, and what the copy showed is what the app shows.

use web_sys::{Document, Element};

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
            return live;
        }
    }
    root.set_inner_html("");
    root.clone()
}

/// The app has something to show: the copy goes and the app's own root shows, if the
/// page opened with a copy (nothing happens otherwise, or a second time).
pub fn reveal() {
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
