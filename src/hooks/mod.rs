//! Hooks: the element width for charts, and the worker bridge that runs simulations.

mod use_simulation;
mod use_width;

pub use use_simulation::use_simulation;
pub use use_width::use_width;
