//! Charts drawn by the app as SVG: pure scales and path geometry, and the components.

mod fan;
pub mod geometry;
mod lines;
pub mod palette;
pub mod scale;

pub use fan::{ChartView, FanChart, TargetMark};
pub use lines::{LinesChart, Series};
