//! A region's own population, read from a CSV file with one row per segment.
//!
//! The file has a header row naming its columns, then one row per segment:
//!
//! ```text
//! segment,firms,adopters,p,q,aware_share,exit_rate,entry_rate
//! Micro,14000,2800,0.005..0.01..0.02,0.05..0.12..0.20,0.2..0.3..0.4,0.08,0.09
//! Small,2400,640,0.01,0.12,0.3,0.05,0.047
//! ```
//!
//! `segment`, `firms` and `adopters` are required; `p`, `q`, `aware_share`, `exit_rate` and
//! `entry_rate` may be left out (or a cell left blank) and then take the defaults a
//! scenario file's segment gets (the frozen segment base of the current format). The two
//! rates are yearly shares from 0 to 0.5, numbers rather than ranges.
//! Columns are separated by commas, semicolons or tabs (found from the header); with
//! semicolons or tabs, decimals may be written with a comma (`0,38`), as Spanish Excel does.
//! `docs/scenario.md` ("Importing a population from CSV") gives every rule.
//!
//! [`parse_csv`] reads a file and checks every cell against the same limits as
//! [`Scenario::validate`](adoption_model::Scenario::validate), reporting all the problems it finds
//! with their line and column ([`PopulationError`]). [`template`] writes segments as a file
//! that [`parse_csv`] reads back unchanged.
//!
//! # Example
//! ```
//! use adoption_formats::population::{parse_csv, template};
//! use adoption_model::Param;
//!
//! let segments = parse_csv("segment;firms;adopters;q\nMicro;8000;1600;0,12\n").unwrap();
//! assert_eq!(segments[0].q, Param::Exact(0.12));
//! assert_eq!(parse_csv(&template(&segments)).unwrap(), segments);
//!
//! let err = parse_csv("segment,firms,adopters\nMicro,1200,5000\n").unwrap_err();
//! assert_eq!(
//!     err.to_string(),
//!     "line 2, column \"adopters\": 5,000 is more than the segment's 1,200 firms"
//! );
//! ```

mod cell;
mod header;
mod problem;
mod records;
mod row;

// The series reader reads numbers as population cells do.
pub(crate) use cell::number;

use std::fmt::Write as _;

pub use problem::{MAX_PROBLEMS, PopulationError, Problem};

use adoption_model::decimal::display;
use adoption_model::param::Param;
use adoption_model::scenario::{Segment, limits};
use adoption_model::{Scenario, ScenarioError};

use crate::message::{Arg, Key, Message};
use header::{Column, read_header};
use problem::Problems;
use records::{Delimiter, Records};
use row::read_row;

/// Largest file [`parse_csv`] reads, in bytes (1 MiB); a larger one is refused unread.
pub const MAX_CSV_BYTES: usize = 1 << 20;

/// Reads a population from CSV text: a header row, then one row per segment.
///
/// Every cell is checked against the limits of [`Scenario::validate`]; the error lists
/// every problem found (up to [`MAX_PROBLEMS`]) with its line and column. Never panics.
pub fn parse_csv(text: &str) -> Result<Vec<Segment>, PopulationError> {
    if text.len() > MAX_CSV_BYTES {
        return Err(PopulationError::single(
            None,
            None,
            Message::new(
                Key::CsvTooLarge,
                [
                    Arg::Count(text.len() as u64),
                    Arg::Count(MAX_CSV_BYTES as u64),
                    Arg::Plain(limits::MAX_SEGMENTS as i64),
                ],
            ),
        ));
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if let Some(at) = text.find('\0') {
        return Err(PopulationError::single(
            Some(records::line_of(text, at)),
            None,
            Key::CsvNotText.into(),
        ));
    }
    let empty = || PopulationError::single(Some(1), None, Key::CsvEmpty.into());
    let delimiter =
        Delimiter::detect(text, |cell| Column::from_header(cell).is_some()).ok_or_else(empty)?;
    let mut records = Records::new(text, delimiter);
    let header = records.next().ok_or_else(empty)?;
    let mut problems = Problems::default();
    let layout = read_header(&header, &mut problems)?;

    let mut segments = Vec::new();
    let mut lines = Vec::new();
    let mut names: Vec<(String, usize)> = Vec::new();
    let mut total_firms: u64 = 0;
    let mut rows = 0usize;
    let mut too_many: Option<usize> = None;
    for record in records {
        rows += 1;
        if rows == limits::MAX_SEGMENTS + 1 {
            too_many = problems.add(record.line, None, Key::TooManySegments);
        }
        let Some(segment) = read_row(&record, &layout, delimiter, &mut problems, &mut names) else {
            continue;
        };
        let before = total_firms;
        total_firms += u64::from(segment.firms);
        let max = u64::from(limits::MAX_FIRMS);
        if before <= max && total_firms > max {
            problems.add(
                record.line,
                Some(Column::Firms.name()),
                Message::new(Key::FirmsSoFar, [Arg::Count(total_firms), Arg::Count(max)]),
            );
        }
        segments.push(segment);
        lines.push(record.line);
    }
    if let Some(index) = too_many {
        problems.reword(
            index,
            Message::new(
                Key::TooManySegments,
                [
                    Arg::Plain(rows as i64),
                    Arg::Plain(limits::MAX_SEGMENTS as i64),
                    Arg::Plain(limits::MAX_SEGMENTS as i64 + 1),
                ],
            ),
        );
    }
    if rows == 0 {
        problems.add(header.line + 1, None, Key::CsvNoRows);
    }
    if !problems.is_empty() {
        return Err(problems.into_error());
    }
    check_as_scenario(&segments, &lines, header.line)?;
    Ok(segments)
}

/// Runs `Scenario::validate` on the segments, so that a limit added there is enforced here
/// too; a problem with one segment is reported at its line.
fn check_as_scenario(
    segments: &[Segment],
    lines: &[usize],
    header_line: usize,
) -> Result<(), PopulationError> {
    let scenario = Scenario {
        segments: segments.to_vec(),
        targets: Vec::new(),
        ..crate::preset::cantabria()
    };
    let Err(ScenarioError { field, problem }) = scenario.validate() else {
        return Ok(());
    };
    let problem = crate::worded::problem(&problem);
    // `segments[3].p`: the fourth segment's line, column `p`.
    let (line, column, message) = match field
        .strip_prefix("segments[")
        .and_then(|rest| rest.split_once("]."))
        .and_then(|(i, column)| Some((*lines.get(i.parse::<usize>().ok()?)?, column)))
    {
        Some((line, column)) => (line, Some(column), problem),
        None => (header_line, None, problem),
    };
    Err(PopulationError::single(Some(line), column, message))
}

/// Writes segments as a population file that [`parse_csv`] reads back unchanged.
///
/// Commas between columns, `.` for decimals, the header
/// `segment,firms,adopters,p,q,aware_share,exit_rate,entry_rate`, ranges as `low..mode..high` (or `low..high`
/// when the range has no mode), names in quotes when they contain a comma, semicolon, tab
/// or quote. With no segments it is the header alone. Names with spaces at either end come
/// back trimmed, as every cell is.
pub fn template(segments: &[Segment]) -> String {
    let mut out = String::from("segment,firms,adopters,p,q,aware_share,exit_rate,entry_rate\n");
    for s in segments {
        // Writing to a String cannot fail.
        let _ = writeln!(
            out,
            "{},{},{},{},{},{},{},{}",
            quoted(&s.name),
            s.firms,
            s.adopters,
            written(&s.p),
            written(&s.q),
            written(&s.aware_share),
            display(s.exit_rate),
            display(s.entry_rate)
        );
    }
    out
}

/// A name as a CSV cell: in quotes, with quotes doubled, when it needs them.
fn quoted(name: &str) -> String {
    if name.contains([',', ';', '\t', '"', '\n', '\r']) {
        format!("\"{}\"", name.replace('"', "\"\""))
    } else {
        name.to_string()
    }
}

/// A coefficient as a cell: the shortest text that reads back to the same number, with a
/// `.` and never an exponent ([`display`]).
fn written(param: &Param) -> String {
    match param {
        Param::Exact(v) => display(*v),
        Param::Range(r) => match r.mode {
            Some(mode) => format!("{}..{}..{}", display(r.low), display(mode), display(r.high)),
            None => format!("{}..{}", display(r.low), display(r.high)),
        },
    }
}
