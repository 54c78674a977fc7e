//! The first view baked at build time (tools/first-view.mjs): an inert copy of the app's
//! first screen for the address, shown by a small script in index.html while this module
//! downloads. The app then draws itself hidden beside the copy and takes its place at its
//! first result (or failure), in one frame: the copy is removed, not moved, so nothing on
//! the screen shifts, and what the copy showed is what the app shows.

use web_sys::{Document, Element};

/// NOTE: the copy's class: the one contract with tools/first-view.mjs, which writes it.
const COPY: &str = "first-view";

/// Where the app draws: beside a baked copy, a new root that stays hidden until
/// [`reveal`]; otherwise `root` itself, emptied of its "Loading…" line.
pub fn live_root(document: &Document, root: &Element) -> Element {
    let baked = root
        .first_element_child()
        .is_some_and(|c| c.class_name() == COPY);
    if baked && let Ok(live) = document.create_element("div") {
        live.set_class_name("live");
        let _ = live.set_attribute("hidden", "");
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
    if let Ok(Some(live)) = root.query_selector(":scope > .live[hidden]") {
        let _ = live.remove_attribute("hidden");
    }
}
