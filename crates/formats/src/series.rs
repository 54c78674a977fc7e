//! An observed yearly series of adoption shares, read from CSV, for calibration.
//!
//! One line per observed year: the year, the share of firms that have adopted (0 to 1)
//! and, if known, the survey's sample size (firms surveyed). Years may have gaps but must
//! increase; a header line naming the columns is optional:
//!
//! ```text
//! year,share,sample_size
//! 2014,0.19,1200
//! 2016,0.21
//! 2018,0.26,1300
//! ```
//!
//! Columns are separated by commas, semicolons or tabs (found from the first line); with
//! semicolons or tabs a decimal comma is read (`0,26`). [`parse_series`] reports the first
//! problem with its line, in the message vocabulary ([`Message`]).
//!
//! ```
//! use adoption_formats::series::parse_series;
//! let s = parse_series("2014,0.19\n2016,0.21\n2018,0.26\n").unwrap();
//! assert_eq!(s[2].year, 2018);
//! let err = parse_series("2014,0.19\n2012,0.21\n2018,0.26\n").unwrap_err();
//! assert_eq!(err.to_string(), "line 2: year 2012 comes after year 2014: list the years in increasing order");
//! ```

use adoption_model::scenario::limits::YEAR_RANGE;

use crate::message::{Arg, Key, Message};

/// Fewest points a series may have: two to fit, one more to hold out.
pub const MIN_POINTS: usize = 3;

/// Largest series read, in bytes (64 KiB: far more than a yearly series needs).
pub const MAX_BYTES: usize = 1 << 16;

/// One observed year.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Observation {
    /// Calendar year.
    pub year: i32,
    /// Share of firms that have adopted, in [0, 1].
    pub share: f64,
    /// Firms surveyed, when known.
    pub sample_size: Option<u32>,
}

/// Reads a series; the first problem found, with its line, when it cannot.
pub fn parse_series(text: &str) -> Result<Vec<Observation>, Message> {
    if text.len() > MAX_BYTES {
        return Err(Message::new(
            Key::CsvTooLarge,
            [
                Arg::Count(text.len() as u64),
                Arg::Count(MAX_BYTES as u64),
                Arg::Count(MIN_POINTS as u64),
            ],
        ));
    }
    if text.contains('\0') {
        return Err(Message::new(Key::CsvNotText, []));
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let lines: Vec<(usize, &str)> = text
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim()))
        .filter(|(_, l)| !l.is_empty())
        .collect();
    let Some(&(_, first)) = lines.first() else {
        return Err(Message::new(Key::SeriesEmpty, []));
    };
    let delimiter = [';', '\t']
        .into_iter()
        .find(|d| first.contains(*d))
        .unwrap_or(',');
    let split = |l: &str| -> Vec<String> {
        l.split(delimiter)
            .map(|c| c.trim().trim_matches('"').trim().to_string())
            .collect()
    };
    let mut rows = lines.as_slice();
    let head = split(first);
    if head[0].parse::<f64>().is_err()
        && !head[0].is_empty()
        && head[0].chars().any(char::is_alphabetic)
    {
        let names: Vec<String> = head.iter().map(|c| c.to_ascii_lowercase()).collect();
        let ok = names.len() >= 2
            && names.len() <= 3
            && names[0] == "year"
            && names[1] == "share"
            && names.get(2).is_none_or(|n| n == "sample_size");
        if !ok {
            return Err(line(1, Message::new(Key::SeriesHeader, [Arg::text(first)])));
        }
        rows = &rows[1..];
    }
    let mut out: Vec<(usize, Observation)> = Vec::with_capacity(rows.len());
    for &(n, l) in rows {
        let obs = read_row(&split(l), delimiter).map_err(|m| line(n, m))?;
        if let Some(&(at, _)) = out.iter().find(|(_, o)| o.year == obs.year) {
            return Err(line(
                n,
                Message::new(
                    Key::SeriesDuplicate,
                    [Arg::Plain(obs.year.into()), Arg::Plain(at as i64)],
                ),
            ));
        }
        if let Some(&(_, last)) = out.last()
            && obs.year < last.year
        {
            return Err(line(
                n,
                Message::new(
                    Key::SeriesUnsorted,
                    [Arg::Plain(obs.year.into()), Arg::Plain(last.year.into())],
                ),
            ));
        }
        out.push((n, obs));
    }
    if out.len() < MIN_POINTS {
        return Err(Message::new(
            Key::SeriesTooShort,
            [Arg::Count(out.len() as u64), Arg::Count(MIN_POINTS as u64)],
        ));
    }
    Ok(out.into_iter().map(|(_, o)| o).collect())
}

fn line(n: usize, m: Message) -> Message {
    Message::new(Key::Line, [Arg::Plain(n as i64), m.into()])
}

/// One line's cells: year, share, optional sample size.
fn read_row(cells: &[String], delimiter: char) -> Result<Observation, Message> {
    if !(2..=3).contains(&cells.len()) {
        return Err(Message::new(
            Key::SeriesCells,
            [Arg::Count(cells.len() as u64)],
        ));
    }
    let (min, max) = YEAR_RANGE;
    let year = cells[0]
        .parse::<i32>()
        .ok()
        .filter(|y| (min..=max).contains(y))
        .ok_or_else(|| {
            Message::new(
                Key::SeriesYear,
                [
                    Arg::text(&cells[0]),
                    Arg::Plain(min.into()),
                    Arg::Plain(max.into()),
                ],
            )
        })?;
    let raw = &cells[1];
    let percent = raw.strip_suffix('%');
    let number = crate::population::number(percent.unwrap_or(raw).trim(), delimiter != ',');
    let share = match number {
        Some(v) if percent.is_some() || (v > 1.0 && v <= 100.0) => {
            return Err(Message::new(
                Key::CellPercent,
                [Arg::text(raw), Arg::Number(v / 100.0)],
            ));
        }
        Some(v) if (0.0..=1.0).contains(&v) => v,
        _ => return Err(Message::new(Key::SeriesShare, [Arg::text(raw)])),
    };
    let sample_size = match cells.get(2).map(String::as_str) {
        None | Some("") => None,
        Some(c) => Some(
            c.parse::<u32>()
                .ok()
                .filter(|&n| n > 0)
                .ok_or_else(|| Message::new(Key::SeriesSampleSize, [Arg::text(c)]))?,
        ),
    };
    Ok(Observation {
        year,
        share,
        sample_size,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_headers_gaps_and_decimal_commas() {
        let s = parse_series("year;share;sample_size\n2014;0,19;1200\n2016;0,21;\n2019;0,26;900\n")
            .unwrap();
        assert_eq!(s.len(), 3);
        assert_eq!(
            s[1],
            Observation {
                year: 2016,
                share: 0.21,
                sample_size: None
            }
        );
        assert_eq!(s[2].sample_size, Some(900));
        assert!(parse_series("\u{feff}year,share\n2014,0.19\n2015,0.2\n2016,0.25").is_ok());
    }

    #[test]
    fn refuses_bad_series_naming_the_problem() {
        for (text, says) in [
            ("", "is empty"),
            ("2014,0.19\n2015,0.2\n", "has 2 points"),
            (
                "2014,0.19\n2013,0.2\n2016,0.3\n",
                "line 2: year 2013 comes after year 2014",
            ),
            (
                "2014,0.19\n2015,0.2\n2014,0.3\n",
                "line 3: year 2014 is listed twice (also on line 1)",
            ),
            ("2014,1.19\n2015,0.2\n2016,0.3\n", "is a percentage"),
            (
                "2014,-0.1\n2015,0.2\n2016,0.3\n",
                "\"-0.1\" is not a share from 0 to 1",
            ),
            ("2014,abc\n2015,0.2\n2016,0.3\n", "\"abc\" is not a share"),
            ("twenty,0.1\n2015,0.2\n2016,0.3\n", "is not the header"),
            (
                "1800,0.1\n2015,0.2\n2016,0.3\n",
                "\"1800\" is not a year from 1990 to 2100",
            ),
            (
                "2014,0.1,0\n2015,0.2\n2016,0.3\n",
                "\"0\" is not a sample size",
            ),
            ("2014\n2015,0.2\n2016,0.3\n", "this line has 1 cell"),
            ("year,adopters\n2014,0.1\n", "the header must name"),
            ("\0\0", "not a text file"),
        ] {
            let err = parse_series(text).unwrap_err().to_string();
            assert!(
                err.contains(says) || (says == "is not the header" && err.contains("header")),
                "{text:?}: {err}"
            );
        }
    }
}
