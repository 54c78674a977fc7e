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
//! # Map
//! | Purpose | Items |
//! |---|---|
//! | Describe a scenario | [`Scenario`], [`scenario::Segment`], [`scenario::Mix`], [`scenario::Vouchers`], [`scenario::Training`], [`scenario::Pilots`], [`scenario::Target`], [`Param`] |
//! | Ready-made scenarios | [`preset::PRESETS`], [`preset::preset`], [`preset::cantabria`] |
//! | Check input | [`Scenario::from_json`], [`Scenario::validate`], [`ScenarioError`], [`scenario::limits`] |
//! | What the budget buys | [`Plan`], [`Instrument`] |
//! | Simulate | [`Model`], [`Ensemble`] (mergeable partial results), [`simulate`] |
//! | Report | [`Summary`], [`summary::Stats`], [`summary::Headline`], [`table::yearly_csv`] |
//! | Share | [`link::write`], [`link::read`] (scenario links), [`population::parse_csv`] (a region's firms) |
//! | Randomness | [`sample::run_stream`], [`sample::binomial`] |
//!
//! # Example
//! ```
//! use adoption_model::{Scenario, simulate};
//! let scenario = Scenario { runs: 200, ..Scenario::default() };
//! let summary = simulate(&scenario).unwrap();
//! assert!(summary.summary.additional_adopters.mean > 0.0);
//! // Same seed, same numbers.
//! assert_eq!(summary, simulate(&scenario).unwrap());
//! ```
#![deny(missing_docs)]

pub mod assumption;
pub mod ensemble;
pub mod error;
pub mod instrument;
mod json_path;
pub mod limits;
pub mod link;
pub mod message;
pub mod param;
pub mod plan;
pub mod population;
pub mod preset;
pub mod sample;
pub mod scenario;
pub mod sim;
pub mod summary;
pub mod table;
mod validate;

pub use ensemble::Ensemble;
pub use error::ScenarioError;
pub use param::Param;
pub use plan::{Instrument, Plan};
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
