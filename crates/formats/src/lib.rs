//! The adoption model's formats: everything that turns the model's values into text and
//! back, above the core (`adoption_model`), which knows nothing of them.
//!
//! # Map
//! | Purpose | Items |
//! |---|---|
//! | Scenario files (JSON) | [`scenario::read`] (with the version read: [`scenario::Read`]), [`scenario::from_json`], [`scenario::to_json`], [`scenario::ScenarioJson`] (the same as methods), [`scenario::ReadError`] |
//! | Frozen, versioned defaults | [`bases`]: what links start from and what a file's omitted fields take, per version; [`bases::migrate_v1`] (format 1 to 2) |
//! | Links | [`link::write`], [`link::read`] ([`link::LinkRead::from_version`]) |
//! | A region's firms (CSV) | [`population::parse_csv`], [`population::template`] |
//! | An observed series of shares (CSV), for calibration | [`series::parse_series`], [`series::Observation`] |
//! | A consultation's set-up link (`?consult=CODE&lock=…&q=…&groups=…`) | [`consultation::read`], [`consultation::Setup`] |
//! | A consultation's hand-in links, and any text holding them | [`handin::Submission`], [`handin::read_link`], [`handin::read_text`] |
//! | The yearly figures (CSV) | [`table::yearly_csv`] |
//! | Ready-made scenarios | [`preset::PRESETS`], [`preset::preset`], [`preset::cantabria`] |
//! | Words | [`message::Message`], [`message::Key`] (with its English template), [`worded`] (the core's problems as messages), [`message::clip`] |
//!
//! # Modules, and which use which (no cycles)
//! ```text
//! message, json_path, bases, preset, table   (use nothing of the crate)
//! worded     -> message
//! scenario   -> bases, json_path, message, worded; its part v1 (a version-1 file's types)
//! link       -> bases, message, preset (only if a frozen base were unreadable), scenario
//! population -> message, preset, worded; its parts: records (nothing), problem -> message,
//!               header -> problem, records, message; cell -> message, worded;
//!               row -> bases, cell, header, problem, records, message
//! series     -> message, population (its number reader)
//! handin     -> message
//! consultation -> handin, link (its problem type), message
//! ```
//!
//! # Example
//! ```
//! use adoption_formats::scenario::ScenarioJson;
//! use adoption_model::Scenario;
//! let s = Scenario::from_json(r#"{"version": 2, "runs": 10}"#).unwrap();
//! let summary = adoption_model::simulate(&s).unwrap();
//! let csv = adoption_formats::table::yearly_csv(&summary);
//! assert!(csv.starts_with("year,calendar_year,"));
//! ```
#![deny(missing_docs)]

pub mod bases;
pub mod consultation;
pub mod handin;
mod json_path;
pub mod link;
pub mod message;
pub mod population;
pub mod preset;
pub mod scenario;
pub mod series;
pub mod table;
pub mod worded;

pub use scenario::{ReadError, ScenarioJson};
