//! Why a scenario was refused, as typed values: the field and the problem with the
//! numbers it is about. Wording them for people (in any language) is the formats layer's
//! job (`adoption_formats::message`), so this core holds no sentences.

use std::fmt;

/// A scenario value the model refuses: which field, and what is wrong with it.
#[derive(Clone, Debug, PartialEq)]
pub struct ScenarioError {
    /// The field, e.g. `mix.vouchers` or `segments[0].adopters`.
    pub field: String,
    /// What is wrong, with the numbers needed to say so.
    pub problem: Problem,
}

/// A whole number in a problem, and how it is best written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Whole {
    /// Written as plain digits: a year, a number of years.
    Plain(i64),
    /// A count, written with thousands separators.
    Count(u64),
}

/// Which number of an uncertain range is out of bounds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RangePart {
    /// Its lowest value.
    Low,
    /// Its most likely value.
    Mode,
    /// Its highest value.
    High,
}

/// What is wrong with a field. Each variant carries the numbers a message needs.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    /// The scenario's format version is not the one this program reads.
    Version {
        /// The version found.
        found: u64,
    },
    /// A number outside `[min, max]`.
    Between {
        /// Smallest allowed.
        min: f64,
        /// Largest allowed.
        max: f64,
        /// The value given.
        got: f64,
    },
    /// A whole number outside `[min, max]`.
    WholeBetween {
        /// Smallest allowed.
        min: Whole,
        /// Largest allowed.
        max: Whole,
    },
    /// One number of an uncertain range outside `[min, max]`.
    RangeBetween {
        /// Which number.
        part: RangePart,
        /// Smallest allowed.
        min: f64,
        /// Largest allowed.
        max: f64,
        /// The value given.
        got: f64,
    },
    /// A range whose numbers are not in order.
    RangeOrder {
        /// Its lowest value.
        low: f64,
        /// Its most likely value.
        mode: f64,
        /// Its highest value.
        high: f64,
    },
    /// The horizon passes the last allowed calendar year.
    HorizonPast {
        /// The last allowed calendar year.
        last: i32,
    },
    /// Programme years outside 1 to `max` (at most the horizon).
    ProgrammeYears {
        /// Most programme years allowed here.
        max: u32,
    },
    /// The mix's shares do not add up to 1.
    MixSum {
        /// Their sum.
        sum: f64,
    },
    /// No segments, or too many.
    SegmentCount {
        /// Most segments.
        max: usize,
    },
    /// A name that is empty.
    NotEmpty,
    /// A segment name used twice.
    NameUsed {
        /// The name.
        name: String,
    },
    /// More initial adopters than firms.
    AdoptersAboveFirms {
        /// The segment's firms.
        firms: u32,
        /// Its adopters.
        adopters: u32,
    },
    /// Too many firms in all.
    TotalFirms {
        /// Most firms.
        max: u32,
        /// Firms across all segments.
        total: u64,
    },
    /// Too many stored values for memory.
    TooManyCells {
        /// runs x (years + 1) x segments.
        cells: u64,
        /// The most that fit.
        max: u64,
    },
    /// A voucher that costs less than [`crate::limits::MIN_VOUCHER_COST_EUR`] in all.
    VoucherMinimum,
    /// Too many targets.
    TargetCount {
        /// Most targets.
        max: usize,
    },
    /// A target year outside the simulated years.
    TargetYear {
        /// The start year.
        start: i32,
        /// The horizon.
        horizon: i32,
    },
    /// Text that is too long.
    TextTooLong {
        /// Most characters.
        max: usize,
        /// Characters given.
        got: usize,
    },
    /// Text with control characters.
    ControlCharacters,
}

impl ScenarioError {
    /// A problem with one field.
    pub fn new(field: impl Into<String>, problem: Problem) -> Self {
        ScenarioError {
            field: field.into(),
            problem,
        }
    }
}

// NOTE: for developers (logs, `unwrap`): people get the worded message from
// `adoption_formats`, in their language.
impl fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "field `{}`: {:?}", self.field, self.problem)
    }
}

impl std::error::Error for ScenarioError {}
