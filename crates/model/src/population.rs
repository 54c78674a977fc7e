//! A region's own population, read from a CSV file with one row per segment.
//!
//! The file has a header row naming its columns, then one row per segment:
//!
//! ```text
//! segment,firms,adopters,p,q,aware_share
//! Micro,14000,2800,0.005..0.01..0.02,0.05..0.12..0.20,0.2..0.3..0.4
//! Small,2400,640,0.01,0.12,0.3
//! ```
//!
//! `segment`, `firms` and `adopters` are required; `p`, `q` and `aware_share` may be left
//! out (or a cell left blank) and then take the defaults a scenario file's segment gets.
//! Columns are separated by commas, semicolons or tabs (found from the header); with
//! semicolons or tabs, decimals may be written with a comma (`0,38`), as Spanish Excel does.
//! `docs/scenario.md` ("Importing a population from CSV") gives every rule.
//!
//! [`parse_csv`] reads a file and checks every cell against the same limits as
//! [`Scenario::validate`](crate::Scenario::validate), reporting all the problems it finds
//! with their line and column ([`PopulationError`]). [`template`] writes segments as a file
//! that [`parse_csv`] reads back unchanged.
//!
//! # Example
//! ```
//! use adoption_model::population::{parse_csv, template};
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
mod problem;
mod records;

use std::collections::HashMap;
use std::fmt::Write as _;

pub use problem::{MAX_PROBLEMS, PopulationError, Problem};

use crate::param::Param;
use crate::preset::defaults;
use crate::scenario::{Segment, limits};
use crate::{Scenario, ScenarioError};
use cell::{clip, grouped};
use problem::Problems;
use records::{Delimiter, Record, Records};

/// Largest file [`parse_csv`] reads, in bytes (1 MiB); a larger one is refused unread.
pub const MAX_CSV_BYTES: usize = 1 << 20;

/// A column of the population file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Column {
    Segment,
    Firms,
    Adopters,
    P,
    Q,
    AwareShare,
}

impl Column {
    const ALL: [Column; 6] = [
        Column::Segment,
        Column::Firms,
        Column::Adopters,
        Column::P,
        Column::Q,
        Column::AwareShare,
    ];

    /// The name in the header, as [`template`] writes it.
    fn name(self) -> &'static str {
        match self {
            Column::Segment => "segment",
            Column::Firms => "firms",
            Column::Adopters => "adopters",
            Column::P => "p",
            Column::Q => "q",
            Column::AwareShare => "aware_share",
        }
    }

    /// The column a header cell names: trimmed, in any case.
    fn from_header(cell: &str) -> Option<Column> {
        let cell = cell.trim();
        Column::ALL
            .into_iter()
            .find(|c| c.name().eq_ignore_ascii_case(cell))
    }

    fn required(self) -> bool {
        matches!(self, Column::Segment | Column::Firms | Column::Adopters)
    }
}

/// Where each column is in the file's rows.
struct Layout {
    /// Positions whose header cell is empty: ignored while their cells are blank too.
    unnamed: Vec<usize>,
    /// Cells a row must have: up to the last named header cell.
    width: usize,
    /// Position of each known column.
    index: HashMap<Column, usize>,
}

/// Reads a population from CSV text: a header row, then one row per segment.
///
/// Every cell is checked against the limits of [`Scenario::validate`]; the error lists
/// every problem found (up to [`MAX_PROBLEMS`]) with its line and column. Never panics.
pub fn parse_csv(text: &str) -> Result<Vec<Segment>, PopulationError> {
    if text.len() > MAX_CSV_BYTES {
        return Err(PopulationError::single(
            None,
            None,
            format!(
                "the file is {} bytes; the most this reads is {} bytes (1 MiB), far more than \
                 {} segments need",
                grouped(text.len() as u64),
                grouped(MAX_CSV_BYTES as u64),
                limits::MAX_SEGMENTS
            ),
        ));
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if let Some(at) = text.find('\0') {
        return Err(PopulationError::single(
            Some(records::line_of(text, at)),
            None,
            "this is not a text file: save the table as CSV (in Excel: \"CSV UTF-8\")".into(),
        ));
    }
    let empty = || {
        PopulationError::single(
            Some(1),
            None,
            "the file is empty: the first line must be a header such as \
             segment,firms,adopters, then one row per segment"
                .into(),
        )
    };
    let delimiter =
        Delimiter::detect(text, |cell| Column::from_header(cell).is_some()).ok_or_else(empty)?;
    let mut records = Records::new(text, delimiter);
    let header = records.next().ok_or_else(empty)?;
    let mut problems = Problems::default();
    let layout = read_header(&header, &mut problems)?;

    let mut segments = Vec::new();
    let mut lines = Vec::new();
    let mut names: HashMap<String, usize> = HashMap::new();
    let mut total_firms: u64 = 0;
    let mut rows = 0usize;
    let mut too_many: Option<usize> = None;
    for record in records {
        rows += 1;
        if rows == limits::MAX_SEGMENTS + 1 {
            too_many = problems.add(record.line, None, "");
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
                format!(
                    "the segments up to this line have {} firms in all; a population has at \
                     most {}",
                    grouped(total_firms),
                    grouped(max)
                ),
            );
        }
        segments.push(segment);
        lines.push(record.line);
    }
    if let Some(index) = too_many {
        problems.reword(
            index,
            format!(
                "the file has {rows} segments; a population has at most {} (this is segment {})",
                limits::MAX_SEGMENTS,
                limits::MAX_SEGMENTS + 1
            ),
        );
    }
    if rows == 0 {
        problems.add(
            header.line + 1,
            None,
            "the file has a header but no segments: add one row per segment below it",
        );
    }
    if !problems.is_empty() {
        return Err(problems.into_error());
    }
    check_as_scenario(&segments, &lines, header.line)?;
    Ok(segments)
}

/// Checks the header: every column known, none twice, the required ones present.
fn read_header(header: &Record, problems: &mut Problems) -> Result<Layout, PopulationError> {
    let line = header.line;
    let known = header
        .cells
        .iter()
        .filter(|c| Column::from_header(c).is_some())
        .count();
    if known == 0 {
        let shown: Vec<String> = header
            .cells
            .iter()
            .take(6)
            .map(|c| clip(c.trim()))
            .collect();
        return Err(PopulationError::single(
            Some(line),
            None,
            format!(
                "the first line must be the header, naming the columns segment, firms, \
                 adopters (and, if wanted, p, q, aware_share); it reads: {}",
                shown.join(", ")
            ),
        ));
    }
    let mut layout = Layout {
        unnamed: Vec::new(),
        width: 0,
        index: HashMap::new(),
    };
    for (i, raw) in header.cells.iter().enumerate() {
        let name = raw.trim();
        let column = Column::from_header(name);
        if name.is_empty() {
            layout.unnamed.push(i);
            continue;
        }
        layout.width = i + 1;
        match column {
            Some(c) if layout.index.contains_key(&c) => {
                problems.add(
                    line,
                    Some(c.name()),
                    "this column appears twice in the header",
                );
            }
            Some(c) => {
                layout.index.insert(c, i);
            }
            None => {
                let hint = suggestion(name)
                    .map(|c| format!(" (did you mean {}?)", c.name()))
                    .unwrap_or_default();
                problems.add(
                    line,
                    Some(&clip(name)),
                    format!(
                        "unknown column{hint}: the columns are segment, firms, adopters, p, q \
                         and aware_share"
                    ),
                );
            }
        }
    }
    if header.count > header.cells.len() {
        problems.add(
            line,
            None,
            format!(
                "the header has {} columns, far more than the six a population file has",
                grouped(header.count as u64)
            ),
        );
    }
    for column in Column::ALL.into_iter().filter(|c| c.required()) {
        if !layout.index.contains_key(&column) {
            problems.add(
                line,
                Some(column.name()),
                "this required column is missing from the header (segment, firms and \
                 adopters are required)",
            );
        }
    }
    Ok(layout)
}

/// The known column an unknown header name is probably meant to be.
fn suggestion(name: &str) -> Option<Column> {
    let name = name.to_lowercase();
    if matches!(name.as_str(), "name" | "segments" | "sector" | "size") {
        return Some(Column::Segment);
    }
    let compact: String = name.chars().filter(char::is_ascii_alphabetic).collect();
    Column::ALL.into_iter().find(|c| {
        let known: String = c.name().chars().filter(char::is_ascii_alphabetic).collect();
        known.len() > 1
            && compact.len() >= 3
            && (compact.starts_with(&known) || known.starts_with(&compact))
    })
}

/// Reads and checks one row; `None` when it has a problem (recorded in `problems`).
fn read_row(
    record: &Record,
    layout: &Layout,
    delimiter: Delimiter,
    problems: &mut Problems,
    names: &mut HashMap<String, usize>,
) -> Option<Segment> {
    let line = record.line;
    let beyond_blank = record
        .cells
        .iter()
        .skip(layout.width)
        .all(|c| c.trim().is_empty())
        && record.count == record.cells.len();
    if record.count < layout.width || !beyond_blank {
        let mut message = format!(
            "this line has {} but the header has {}",
            plural(record.count, "cell"),
            plural(layout.width, "column")
        );
        if record.cells.iter().any(|c| c.contains(['\n', '\r'])) {
            message
                .push_str("; a cell runs over a line break here: is a closing quote (\") missing?");
        } else if record.count > layout.width && delimiter == Delimiter::Comma {
            message.push_str(
                "; in a comma-separated file a number written with a comma (15,300 or 0,38) \
                 splits into two cells: write 15300 and 0.38, or put the cell in quotes",
            );
        }
        problems.add(line, None, message);
        return None;
    }
    let mut ok = true;
    for &i in &layout.unnamed {
        if record.cells.get(i).is_some_and(|c| !c.trim().is_empty()) {
            problems.add(
                line,
                None,
                format!(
                    "cell {} has a value but its column has no name in the header",
                    i + 1
                ),
            );
            ok = false;
        }
    }
    let cell = |column: Column| -> &str {
        layout
            .index
            .get(&column)
            .and_then(|&i| record.cells.get(i))
            .map_or("", |c| c.trim())
    };
    let mut fail = |column: Column, message: String| {
        problems.add(line, Some(column.name()), message);
        false
    };

    let name = cell(Column::Segment);
    if layout.index.contains_key(&Column::Segment) {
        if let Err(message) = check_name(name) {
            ok = fail(Column::Segment, message);
        } else if let Some(first) = names.get(name) {
            ok = fail(
                Column::Segment,
                format!(
                    "\"{}\" is already the name of the segment on line {first}",
                    clip(name)
                ),
            );
        } else {
            names.insert(name.to_string(), line);
        }
    }
    let max_firms = u64::from(limits::MAX_FIRMS);
    let firms = match count(cell(Column::Firms), Column::Firms, layout) {
        Some(Ok(n)) if (1..=max_firms).contains(&n) => Some(n as u32),
        Some(Ok(_)) => {
            let text = clip(cell(Column::Firms));
            let message = format!("must be between 1 and {} (got {text})", grouped(max_firms));
            ok = fail(Column::Firms, message);
            None
        }
        Some(Err(message)) => {
            ok = fail(Column::Firms, message);
            None
        }
        None => None,
    };
    let adopters = match count(cell(Column::Adopters), Column::Adopters, layout) {
        Some(Ok(n)) => match firms {
            Some(f) if n > u64::from(f) => {
                let message = format!(
                    "{} is more than the segment's {} firms",
                    grouped(n),
                    grouped(u64::from(f))
                );
                ok = fail(Column::Adopters, message);
                None
            }
            _ => u32::try_from(n).ok(),
        },
        Some(Err(message)) => {
            ok = fail(Column::Adopters, message);
            None
        }
        None => None,
    };
    let decimal_comma = delimiter.decimal_comma();
    let mut coefficient = |column: Column, max: f64, default: Param| {
        let text = cell(column);
        if text.is_empty() {
            return Some(default);
        }
        cell::param(text, decimal_comma, column.name(), 0.0, max)
            .map_err(|m| ok = fail(column, m))
            .ok()
    };
    let p = coefficient(Column::P, 1.0, defaults::P);
    let q = coefficient(Column::Q, limits::MAX_Q, defaults::Q);
    let aware_share = coefficient(Column::AwareShare, 1.0, defaults::AWARE_SHARE);
    match (ok, firms, adopters, p, q, aware_share) {
        (true, Some(firms), Some(adopters), Some(p), Some(q), Some(aware_share)) => Some(Segment {
            name: name.to_string(),
            firms,
            adopters,
            p,
            q,
            aware_share,
        }),
        _ => None,
    }
}

/// `1 cell`, `2 cells`.
fn plural(n: usize, what: &str) -> String {
    match n {
        1 => format!("1 {what}"),
        n => format!("{} {what}s", grouped(n as u64)),
    }
}

/// A required whole number: `None` when its column is missing (reported with the header),
/// else the number or a message saying why the cell is not one.
fn count(text: &str, column: Column, layout: &Layout) -> Option<Result<u64, String>> {
    if !layout.index.contains_key(&column) {
        return None;
    }
    Some(if text.is_empty() {
        Err(match column {
            Column::Firms => "is empty: write the number of firms in the segment".into(),
            _ => "is empty: write the number of firms that have already adopted (0 if none)".into(),
        })
    } else {
        cell::count(text)
    })
}

/// The rules of `Scenario::validate` for a segment name.
fn check_name(name: &str) -> Result<(), String> {
    if name.is_empty() {
        return Err("the segment has no name".into());
    }
    let n = name.chars().count();
    if n > limits::MAX_TEXT {
        return Err(format!(
            "the name is {n} characters long; the most is {}",
            limits::MAX_TEXT
        ));
    }
    if name.contains(['\n', '\r']) {
        return Err("the name runs over a line break: is a closing quote (\") missing?".into());
    }
    if name.chars().any(char::is_control) {
        return Err("the name contains a control character (such as a tab)".into());
    }
    if name.contains('\u{fffd}') {
        return Err(
            "the name has characters that could not be read (\u{fffd}): save the file as \
             \"CSV UTF-8\""
                .into(),
        );
    }
    Ok(())
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
        ..Scenario::default()
    };
    let Err(error) = scenario.validate() else {
        return Ok(());
    };
    let (line, column, message) = match &error {
        ScenarioError::Field { field, problem } => {
            // `segments[3].p`: the fourth segment's line, column `p`.
            match field
                .strip_prefix("segments[")
                .and_then(|rest| rest.split_once("]."))
                .and_then(|(i, column)| Some((*lines.get(i.parse::<usize>().ok()?)?, column)))
            {
                Some((line, column)) => (line, Some(column), problem.clone()),
                None => (header_line, None, problem.clone()),
            }
        }
        other => (header_line, None, other.to_string()),
    };
    Err(PopulationError::single(Some(line), column, message))
}

/// Writes segments as a population file that [`parse_csv`] reads back unchanged.
///
/// Commas between columns, `.` for decimals, the header
/// `segment,firms,adopters,p,q,aware_share`, ranges as `low..mode..high` (or `low..high`
/// when the range has no mode), names in quotes when they contain a comma, semicolon, tab
/// or quote. With no segments it is the header alone. Names with spaces at either end come
/// back trimmed, as every cell is.
pub fn template(segments: &[Segment]) -> String {
    let mut out = String::from("segment,firms,adopters,p,q,aware_share\n");
    for s in segments {
        // Writing to a String cannot fail.
        let _ = writeln!(
            out,
            "{},{},{},{},{},{}",
            quoted(&s.name),
            s.firms,
            s.adopters,
            written(&s.p),
            written(&s.q),
            written(&s.aware_share)
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

/// A coefficient as a cell. `f64`'s `Display` writes the shortest text that reads back
/// to the same number, with a `.` and never an exponent.
fn written(param: &Param) -> String {
    match param {
        Param::Exact(v) => v.to_string(),
        Param::Range(r) => match r.mode {
            Some(mode) => format!("{}..{}..{}", r.low, mode, r.high),
            None => format!("{}..{}", r.low, r.high),
        },
    }
}
