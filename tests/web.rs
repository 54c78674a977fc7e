//! Browser tests of the app's components, in headless Chromium (wasm-bindgen-test).
//!
//! Each test mounts a small tree into its own `<div>`, acts as a user would (sets a
//! value and fires `input` or `change`, clicks, focuses), waits for Yew with
//! `yew::scheduler::flush()` (never a sleep) and reads the DOM back. Stateful components
//! sit in an `AppProvider` with no worker; results come from a summary computed in the
//! test (`common::quick_summary`, the reference scenario with 50 runs).
//!
//! Run: `CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
//! CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test web`
//! (what `cargo xtask test` runs).
//!
//! # Contents
//!
//! | Module | What it checks |
//! |---|---|
//! | [`plan_controls`] | budget slider -> state -> shown amount and what the money buys; the exact box commits, refuses text, clamps, and keeps a pending draft across re-renders; a short horizon shortens the programme |
//! | [`mix`] | moving a share rebalances the others in proportion; the three boxes add up to 100; a held share stays and is disabled |
//! | [`assumptions`] | an assumption changes the scenario (a dearer voucher buys fewer); range notes for uncertain values, kept around a new central value |
//! | [`headline`] | the headline figures for a fixed summary, in English and Spanish number formats; an undefined cost |
//! | [`fan_chart`] | the SVG's size at several widths, one focusable point per year, paths inside the plot, bands, baseline or zero line per view, tooltip on focus and hover, target marks, programme shading |
//! | [`data_table`] | one row per year with formatted medians, means and intervals |
//! | [`scenarios`] | saved scenarios by stable id: a delete keeps the others' ticks and results; rename and restore reach the right entry; the comparison shows the reducer's results and ignores a deleted entry's |
//! | [`page`] | the whole page with a worker-less provider: status and results for the current revision only; switching language re-renders every label and number |
//!
//! Helpers (mounting, queries, events, the state probe) are in `common`.

#![cfg(target_arch = "wasm32")]

mod common;

#[path = "web/assumptions.rs"]
mod assumptions;
#[path = "web/data_table.rs"]
mod data_table;
#[path = "web/fan_chart.rs"]
mod fan_chart;
#[path = "web/headline.rs"]
mod headline;
#[path = "web/mix.rs"]
mod mix;
#[path = "web/page.rs"]
mod page;
#[path = "web/plan_controls.rs"]
mod plan_controls;
#[path = "web/scenarios.rs"]
mod scenarios;

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);
