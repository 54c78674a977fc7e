//! Chart colours, written into the SVG as attributes (not CSS classes) so that an exported
//! chart looks the same anywhere. All text and lines meet WCAG AA contrast on white.

/// Main series (the plan): 7.4:1 on white.
pub const ACCENT: &str = "#0b5d6b";
/// Baseline (no plan): 5.9:1 on white.
pub const BASELINE: &str = "#a34700";
/// Programme years shading.
pub const PROGRAMME: &str = "#fff3cf";
/// Grid lines.
pub const GRID: &str = "#e3e6ea";
/// Axis labels: 7.6:1 on white.
pub const MUTED: &str = "#4a5058";
/// Text.
pub const INK: &str = "#1b1d1f";
/// Target marks: 9.3:1 on white.
pub const TARGET: &str = "#6a1b9a";
/// Background.
pub const PAPER: &str = "#ffffff";
/// Opacity of the 90% band (of `ACCENT`).
pub const BAND90_OPACITY: &str = "0.16";
/// Opacity of the 50% band (of `ACCENT`).
pub const BAND50_OPACITY: &str = "0.32";
/// Font for chart text.
pub const FONT: &str = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif";
/// Series colours for comparisons (distinct, each at least 4.5:1 on white).
pub const SERIES: [&str; 7] = [
    "#0b5d6b", "#a34700", "#6a1b9a", "#2f6b1f", "#b0126b", "#1f4fa8", "#5c5c00",
];
