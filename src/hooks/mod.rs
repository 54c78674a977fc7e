//! Hooks: the element width for charts, and the worker bridges that run simulations.

mod use_compare;
mod use_simulation;
mod use_width;

pub use use_compare::{Compared, use_compare};

pub use use_simulation::use_simulation;
pub use use_width::use_width;
