//! The page's components: presentational pieces fed by the app state.

pub mod assumptions;
pub mod data_table;
pub mod headline;
pub mod mix_control;
pub mod number_field;
pub mod plan_controls;
pub mod results;
pub mod slider_field;
