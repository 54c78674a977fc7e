//! Hooks: the element width for charts, the worker bridge that runs simulations, and
//! whether a `<details>` is open.

mod use_open;
mod use_simulation;
mod use_width;

pub use use_open::{use_open, use_opened};
pub use use_simulation::{anticipate, use_simulation};
pub use use_width::use_width;
