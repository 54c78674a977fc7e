//! One segment row: its cells read and checked against the scenario's limits.

use super::cell;
use super::header::{Column, Layout};
use super::problem::Problems;
use super::records::{Delimiter, Record};
use crate::bases;
use crate::message::{Arg, CLIP, Key, Message, clip};
use adoption_model::param::Param;
use adoption_model::scenario::{Segment, limits};

/// Reads and checks one row; `None` when it has a problem (recorded in `problems`).
pub(super) fn read_row(
    record: &Record,
    layout: &Layout,
    delimiter: Delimiter,
    problems: &mut Problems,
    names: &mut Vec<(String, usize)>,
) -> Option<Segment> {
    let line = record.line;
    let beyond_blank = record
        .cells
        .iter()
        .skip(layout.width)
        .all(|c| c.trim().is_empty())
        && record.count == record.cells.len();
    if record.count < layout.width || !beyond_blank {
        let key = if record.cells.iter().any(|c| c.contains(['\n', '\r'])) {
            Key::RowWidthQuote
        } else if record.count > layout.width && delimiter == Delimiter::Comma {
            Key::RowWidthComma
        } else {
            Key::RowWidth
        };
        let counts = [
            Arg::Count(record.count as u64),
            Arg::Count(layout.width as u64),
        ];
        problems.add(line, None, Message::new(key, counts));
        return None;
    }
    let mut ok = true;
    for &i in &layout.unnamed {
        if record.cells.get(i).is_some_and(|c| !c.trim().is_empty()) {
            problems.add(
                line,
                None,
                Message::new(Key::UnnamedCell, [Arg::Plain(i as i64 + 1)]),
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
    let mut fail = |column: Column, message: Message| {
        problems.add(line, Some(column.name()), message);
        false
    };

    let name = cell(Column::Segment);
    if layout.index.contains_key(&Column::Segment) {
        if let Err(message) = check_name(name) {
            ok = fail(Column::Segment, message);
        } else if let Some((_, first)) = names.iter().find(|(n, _)| n == name) {
            ok = fail(
                Column::Segment,
                Message::new(
                    Key::SegmentNameTaken,
                    [Arg::Text(clip(name, CLIP)), Arg::Plain(*first as i64)],
                ),
            );
        } else if names.len() <= limits::MAX_SEGMENTS {
            // Beyond the most segments a population has, the file is refused anyway.
            names.push((name.to_string(), line));
        }
    }
    let max_firms = u64::from(limits::MAX_FIRMS);
    let firms = match count(cell(Column::Firms), Column::Firms, layout) {
        Some(Ok(n)) if (1..=max_firms).contains(&n) => Some(n as u32),
        Some(Ok(_)) => {
            let text = clip(cell(Column::Firms), CLIP);
            let message = Message::new(
                Key::BetweenGot,
                [Arg::Plain(1), Arg::Count(max_firms), Arg::Text(text)],
            );
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
                let message = Message::new(
                    Key::AdoptersMoreThanFirms,
                    [Arg::Count(n), Arg::Count(u64::from(f))],
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
    // Omitted coefficients are a scenario file's: the frozen base of the current version.
    let defaults = bases::segment_v2();
    let p = coefficient(Column::P, 1.0, defaults.p);
    let q = coefficient(Column::Q, limits::MAX_Q, defaults.q);
    let aware_share = coefficient(Column::AwareShare, 1.0, defaults.aware_share);
    let mut rate = |column: Column, default: f64| {
        let text = cell(column);
        if text.is_empty() {
            return Some(default);
        }
        cell::rate(
            text,
            decimal_comma,
            column.name(),
            limits::MAX_TURNOVER_RATE,
        )
        .map_err(|m| ok = fail(column, m))
        .ok()
    };
    let exit_rate = rate(Column::ExitRate, defaults.exit_rate);
    let entry_rate = rate(Column::EntryRate, defaults.entry_rate);
    let (Some(p), Some(q), Some(aware_share), Some(exit_rate), Some(entry_rate)) =
        (p, q, aware_share, exit_rate, entry_rate)
    else {
        return None;
    };
    match (ok, firms, adopters) {
        (true, Some(firms), Some(adopters)) => Some(Segment {
            name: name.to_string(),
            firms,
            adopters,
            p,
            q,
            aware_share,
            exit_rate,
            entry_rate,
        }),
        _ => None,
    }
}

/// A required whole number: `None` when its column is missing (reported with the header),
/// else the number or a message saying why the cell is not one.
fn count(text: &str, column: Column, layout: &Layout) -> Option<Result<u64, Message>> {
    if !layout.index.contains_key(&column) {
        return None;
    }
    Some(if text.is_empty() {
        Err(match column {
            Column::Firms => Key::FirmsEmpty.into(),
            _ => Key::AdoptersEmpty.into(),
        })
    } else {
        cell::count(text)
    })
}

/// The rules of `Scenario::validate` for a segment name.
fn check_name(name: &str) -> Result<(), Message> {
    if name.is_empty() {
        return Err(Key::NameMissing.into());
    }
    let n = name.chars().count();
    if n > limits::MAX_TEXT {
        return Err(Message::new(
            Key::NameTooLong,
            [Arg::Plain(n as i64), Arg::Plain(limits::MAX_TEXT as i64)],
        ));
    }
    if name.contains(['\n', '\r']) {
        return Err(Key::NameLineBreak.into());
    }
    if name.chars().any(char::is_control) {
        return Err(Key::NameControl.into());
    }
    if name.contains('\u{fffd}') {
        return Err(Key::NameUnreadable.into());
    }
    Ok(())
}
