//! Documented limits on scenario values. A value outside them is refused with a message
//! naming the field and the allowed range.

/// Most simulated years after the start year.
pub const MAX_YEARS: u32 = 50;
/// Most Monte Carlo runs in one simulation.
pub const MAX_RUNS: u32 = 100_000;
/// Most programme years (years in which the budget is spent).
pub const MAX_PROGRAMME_YEARS: u32 = 10;
/// Most population segments.
pub const MAX_SEGMENTS: usize = 20;
/// Most firms in one segment, and in the whole population.
pub const MAX_FIRMS: u32 = 10_000_000;
/// Largest budget, in euros.
pub const MAX_BUDGET_EUR: f64 = 10_000_000_000.0;
/// Largest unit cost (voucher value, admin cost, training action, pilot), in euros.
pub const MAX_UNIT_COST_EUR: f64 = 10_000_000.0;
/// Most firms in one training action.
pub const MAX_FIRMS_PER_ACTION: u32 = 1_000;
/// Longest effect of training, in years.
pub const MAX_EFFECT_YEARS: u32 = 20;
/// Largest imitation coefficient `q`.
pub const MAX_Q: f64 = 1.0;
/// Largest number of ordinary adopters one lighthouse pilot can be worth.
pub const MAX_PEER_WEIGHT: f64 = 1_000.0;
/// Most targets.
pub const MAX_TARGETS: usize = 10;
/// Longest name, description or label, in characters.
pub const MAX_TEXT: usize = 200;
/// Most stored values (runs x (years + 1) x segments); bounds memory to about 128 MB.
pub const MAX_CELLS: u64 = 16_000_000;
/// Allowed calendar years.
pub const YEAR_RANGE: (i32, i32) = (1990, 2100);
/// How far the mix shares may sum away from 1.
pub const MIX_TOLERANCE: f64 = 1e-6;
/// Least a voucher may cost in all (grant plus administration), in euros.
pub const MIN_VOUCHER_COST_EUR: f64 = 1.0;
/// Largest yearly exit or entry rate of a segment.
pub const MAX_TURNOVER_RATE: f64 = 0.5;
/// Largest readiness ratio (how many times the average hazard a ready firm has).
pub const MAX_READINESS_RATIO: f64 = 20.0;
/// Largest share of non-adopters that can be ready in a year.
pub const MAX_READY_SHARE: f64 = 0.9;
/// Allowed half-saturation of pilots' visibility, in successful pilots per 1,000 firms.
pub const HALF_SATURATION_PER_1000: (f64, f64) = (0.01, 1_000.0);
