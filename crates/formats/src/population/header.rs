//! The header row: which column is where, and what is wrong with the header.

use super::problem::{PopulationError, Problems};
use super::records::Record;
use crate::message::{Arg, CLIP, Key, Message, clip};

/// A column of the population file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(super) enum Column {
    Segment,
    Firms,
    Adopters,
    P,
    Q,
    AwareShare,
    ExitRate,
    EntryRate,
}

impl Column {
    pub(super) const ALL: [Column; 8] = [
        Column::Segment,
        Column::Firms,
        Column::Adopters,
        Column::P,
        Column::Q,
        Column::AwareShare,
        Column::ExitRate,
        Column::EntryRate,
    ];

    /// The name in the header, as [`template`] writes it.
    pub(super) fn name(self) -> &'static str {
        match self {
            Column::Segment => "segment",
            Column::Firms => "firms",
            Column::Adopters => "adopters",
            Column::P => "p",
            Column::Q => "q",
            Column::AwareShare => "aware_share",
            Column::ExitRate => "exit_rate",
            Column::EntryRate => "entry_rate",
        }
    }

    /// The column a header cell names: trimmed, in any case.
    pub(super) fn from_header(cell: &str) -> Option<Column> {
        let cell = cell.trim();
        Column::ALL
            .into_iter()
            .find(|c| c.name().eq_ignore_ascii_case(cell))
    }

    pub(super) fn required(self) -> bool {
        matches!(self, Column::Segment | Column::Firms | Column::Adopters)
    }
}

/// Where each column is in the file's rows.
pub(super) struct Layout {
    /// Positions whose header cell is empty: ignored while their cells are blank too.
    pub(super) unnamed: Vec<usize>,
    /// Cells a row must have: up to the last named header cell.
    pub(super) width: usize,
    /// Position of each known column.
    pub(super) index: Index,
}

/// The position of each known column (eight of them: an array, not a map, which would cost
/// the page its hashing code).
#[derive(Default)]
pub(super) struct Index([Option<usize>; Column::ALL.len()]);

impl Index {
    pub(super) fn get(&self, column: &Column) -> Option<&usize> {
        self.0[*column as usize].as_ref()
    }

    pub(super) fn contains_key(&self, column: &Column) -> bool {
        self.get(column).is_some()
    }

    pub(super) fn insert(&mut self, column: Column, at: usize) {
        self.0[column as usize] = Some(at);
    }
}

/// Checks the header: every column known, none twice, the required ones present.
pub(super) fn read_header(
    header: &Record,
    problems: &mut Problems,
) -> Result<Layout, PopulationError> {
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
            .map(|c| clip(c.trim(), CLIP))
            .collect();
        return Err(PopulationError::single(
            Some(line),
            None,
            Message::new(Key::CsvNoHeader, [Arg::Text(shown.join(", "))]),
        ));
    }
    let mut layout = Layout {
        unnamed: Vec::new(),
        width: 0,
        index: Index::default(),
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
                problems.add(line, Some(c.name()), Key::ColumnTwice);
            }
            Some(c) => {
                layout.index.insert(c, i);
            }
            None => {
                let message = match suggestion(name) {
                    Some(c) => Message::new(Key::ColumnUnknownHint, [Arg::text(c.name())]),
                    None => Key::ColumnUnknown.into(),
                };
                problems.add(line, Some(&clip(name, CLIP)), message);
            }
        }
    }
    if header.count > header.cells.len() {
        problems.add(
            line,
            None,
            Message::new(Key::HeaderTooWide, [Arg::Count(header.count as u64)]),
        );
    }
    for column in Column::ALL.into_iter().filter(|c| c.required()) {
        if !layout.index.contains_key(&column) {
            problems.add(line, Some(column.name()), Key::ColumnMissing);
        }
    }
    Ok(layout)
}

/// The known column an unknown header name is probably meant to be.
fn suggestion(name: &str) -> Option<Column> {
    // Column names are ASCII; a full Unicode lowercase would cost the page its tables.
    let name = name.to_ascii_lowercase();
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
