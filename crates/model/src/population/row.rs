//! One segment row: its cells read and checked against the scenario's limits.

use std::collections::HashMap;

use super::cell::{self, clip, grouped};
use super::header::{Column, Layout};
use super::problem::Problems;
use super::records::{Delimiter, Record};
use crate::param::Param;
use crate::preset::defaults;
use crate::scenario::{Segment, limits};

/// Reads and checks one row; `None` when it has a problem (recorded in `problems`).
pub(super) fn read_row(
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
