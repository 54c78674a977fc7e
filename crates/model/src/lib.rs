//! Stochastic model of SME digital-technology adoption under a regional policy mix.
//!
//! A region spends a budget over a few programme years on three instruments (digitalisation
//! vouchers, training actions, pilot projects). This crate projects, year by year and run by
//! run, how many firms adopt a technology with the policy and without it (the baseline),
//! using a discrete-time Bass diffusion with binomial draws. `docs/model.md` explains the
//! model with its equations and sources.
//!
//! The crate is pure Rust with no UI or platform bindings: it builds natively and for
//! `wasm32-unknown-unknown` and gives the same numbers on both for a given seed.
//!
//! This crate is the core: it knows nothing of files, links, CSV, preset data or the
//! words of messages. `adoption_formats` sits above it (scenario JSON, links, population
//! and yearly CSV, presets, the message vocabulary) and depends on it, never the reverse.
//!
//! # Map
//! | Purpose | Items |
//! |---|---|
//! | Describe a scenario | [`Scenario`], [`scenario::Segment`], [`scenario::Mix`], [`scenario::Vouchers`], [`scenario::Training`], [`scenario::Pilots`], [`scenario::Target`], [`Param`] |
//! | The instruments and their main assumptions | [`Instrument`], [`assumption::Assumption`] (bounds, step, unit: one table) |
//! | Check a scenario | [`Scenario::validate`], [`ScenarioError`] with its [`error::Problem`], [`limits`] |
//! | What the budget buys | [`Plan`] |
//! | Simulate | [`Model`], [`Runner`], [`Ensemble`] (mergeable partial results), [`simulate`] |
//! | Report | [`Summary`], [`summary::Stats`], [`summary::Headline`] |
//! | Randomness | [`sample::run_stream`], [`sample::binomial`] |
//! | Read a number from text (the page's reader: no 10 KB table) | [`decimal::parse`] |
//!
//! # Modules, and which use which (no cycles)
//! ```text
//! decimal, error, instrument, limits, sample   (use nothing of the crate)
//! param      -> decimal, error
//! scenario   -> instrument, limits, param
//! assumption -> instrument, param, scenario
//! validate   -> assumption, error, instrument, limits, scenario
//! plan       -> instrument, scenario
//! sim        -> error, plan, sample, scenario
//! ensemble   -> sim
//! summary    -> ensemble, plan, scenario, sim
//! ```
//!
//! # Example
//! ```
//! use adoption_model::{Scenario, simulate};
//! // The reference scenario is a preset, one layer up.
//! let scenario = Scenario { runs: 200, ..adoption_formats::preset::cantabria() };
//! let summary = simulate(&scenario).unwrap();
//! assert!(summary.summary.additional_adopters.mean > 0.0);
//! // Same seed, same numbers.
//! assert_eq!(summary, simulate(&scenario).unwrap());
//! ```
#![deny(missing_docs)]

pub mod assumption;
pub mod decimal;
pub mod ensemble;
pub mod error;
pub mod instrument;
pub mod limits;
pub mod param;
pub mod plan;
pub mod sample;
pub mod scenario;
pub mod sim;
pub mod summary;
mod validate;

pub use ensemble::Ensemble;
pub use error::ScenarioError;
pub use instrument::Instrument;
pub use param::Param;
pub use plan::Plan;
pub use scenario::Scenario;
pub use sim::{Model, Runner};
pub use summary::Summary;
/// This model's version (printed on briefs, so a result can be traced to its code).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Checks a scenario, runs all its Monte Carlo runs and summarises them.
pub fn simulate(scenario: &Scenario) -> Result<Summary, ScenarioError> {
    let model = Model::new(scenario)?;
    let ensemble = Ensemble::simulate(&model, 0..scenario.runs);
    Ok(Summary::new(&model, &ensemble))
}
