//! The page's components: presentational pieces fed by the app state.

pub mod announcer;
pub mod assumptions;
pub mod brief;
pub mod consult;
pub mod data_table;
pub mod files;
pub mod headline;
pub mod mix_control;
pub mod notices;
pub mod number_field;
pub mod plan_controls;
pub mod results;
pub mod scenarios;
pub mod select_field;
pub mod share;
pub mod slider_field;
pub mod targets;
