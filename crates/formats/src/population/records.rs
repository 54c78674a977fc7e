//! Splitting CSV text into records of cells (with `csv-core`), each with its line number.

use csv_core::{ReadRecordResult, Reader, ReaderBuilder};

/// Most cells kept per record: far more than the six columns; the rest are only counted.
const MAX_CELLS_KEPT: usize = 64;

/// What separates the cells of a row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Delimiter {
    /// `,`: decimals must use a point.
    Comma,
    /// `;`, as Excel writes in locales with a decimal comma (Spanish among them).
    Semicolon,
    /// A tab, as a spreadsheet copies cells to the clipboard.
    Tab,
}

impl Delimiter {
    fn byte(self) -> u8 {
        match self {
            Delimiter::Comma => b',',
            Delimiter::Semicolon => b';',
            Delimiter::Tab => b'\t',
        }
    }

    /// Whether a number may be written with a decimal comma (`0,38`).
    pub(super) fn decimal_comma(self) -> bool {
        self != Delimiter::Comma
    }

    /// The delimiter of the header line (the first line that is not blank): the one that
    /// splits it into the most known column names, then into the most cells; a comma when
    /// nothing tells them apart. `None` when every line is blank.
    pub(super) fn detect(text: &str, known: impl Fn(&str) -> bool) -> Option<Delimiter> {
        let header = text.split(['\n', '\r']).find(|line| !blank(line))?;
        let score = |d: Delimiter| {
            let cells = header.split(char::from(d.byte()));
            let (mut names, mut count) = (0usize, 0usize);
            for cell in cells {
                count += 1;
                names += usize::from(known(cell.trim().trim_matches('"')));
            }
            (names, count)
        };
        let mut best = Delimiter::Comma;
        for d in [Delimiter::Semicolon, Delimiter::Tab] {
            if score(d) > score(best) {
                best = d;
            }
        }
        Some(best)
    }
}

/// One row of the file.
#[derive(Debug)]
pub(super) struct Record {
    /// 1-based line where the row starts.
    pub(super) line: usize,
    /// Its cells, unquoted but not trimmed; at most [`MAX_CELLS_KEPT`].
    pub(super) cells: Vec<String>,
    /// How many cells the row has in all.
    pub(super) count: usize,
}

/// The non-blank rows of CSV text. A row whose cells are all blank (an empty line, or
/// `;;;` as Excel writes an empty row) is skipped.
pub(super) struct Records<'a> {
    bytes: &'a [u8],
    reader: Reader,
    pos: usize,
    lines: LineCounter,
    out: Vec<u8>,
    ends: Vec<usize>,
    done: bool,
}

impl<'a> Records<'a> {
    pub(super) fn new(text: &'a str, delimiter: Delimiter) -> Self {
        Records {
            bytes: text.as_bytes(),
            reader: ReaderBuilder::new().delimiter(delimiter.byte()).build(),
            pos: 0,
            lines: LineCounter::default(),
            out: vec![0; 1024],
            ends: vec![0; 16],
            done: false,
        }
    }

    /// The next record, blank or not.
    fn read(&mut self) -> Option<Record> {
        if self.done {
            return None;
        }
        let start = self.pos;
        let (mut nout, mut nends) = (0, 0);
        loop {
            let input = self.bytes.get(self.pos..).unwrap_or_default();
            let (result, i, o, e) = self.reader.read_record(
                input,
                self.out.get_mut(nout..).unwrap_or_default(),
                self.ends.get_mut(nends..).unwrap_or_default(),
            );
            self.pos += i;
            nout += o;
            nends += e;
            match result {
                ReadRecordResult::Record => break,
                ReadRecordResult::End => {
                    self.done = true;
                    return None;
                }
                ReadRecordResult::OutputFull => {
                    let len = self.out.len();
                    self.out.resize(len * 2, 0);
                }
                ReadRecordResult::OutputEndsFull => {
                    let len = self.ends.len();
                    self.ends.resize(len * 2, 0);
                }
                // With empty input the reader ends the record or the data; this guards
                // against looping if it ever did not.
                ReadRecordResult::InputEmpty if input.is_empty() => {
                    self.done = true;
                    if nends == 0 {
                        return None;
                    }
                    break;
                }
                ReadRecordResult::InputEmpty => {}
            }
        }
        // The reader skips empty lines before a record: it starts at the first byte that
        // is not a line break.
        let first = self.bytes[start..self.pos.min(self.bytes.len())]
            .iter()
            .position(|b| !matches!(b, b'\n' | b'\r'))
            .map_or(self.pos, |i| start + i);
        let line = self.lines.line_at(self.bytes, first);
        let ends = &self.ends[..nends.min(self.ends.len())];
        let mut cells = Vec::with_capacity(ends.len().min(MAX_CELLS_KEPT));
        let mut from = 0;
        for &end in ends.iter().take(MAX_CELLS_KEPT) {
            let field = self.out.get(from..end).unwrap_or_default();
            cells.push(String::from_utf8_lossy(field).into_owned());
            from = end;
        }
        Some(Record {
            line,
            cells,
            count: ends.len(),
        })
    }
}

impl Iterator for Records<'_> {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        loop {
            let record = self.read()?;
            if record.count > record.cells.len() || !record.cells.iter().all(|c| blank(c)) {
                return Some(record);
            }
        }
    }
}

/// Whether text has nothing but spaces and separators, as a spreadsheet's empty row.
fn blank(text: &str) -> bool {
    text.chars()
        .all(|c| c.is_whitespace() || c == ',' || c == ';')
}

/// Counts line breaks (`\n`, `\r\n` or a lone `\r`) up to a byte offset, moving forward.
#[derive(Debug, Default)]
struct LineCounter {
    pos: usize,
    breaks: usize,
}

impl LineCounter {
    /// The 1-based line of the byte at `offset` (not before the last offset asked).
    fn line_at(&mut self, bytes: &[u8], offset: usize) -> usize {
        let end = offset.min(bytes.len());
        if end > self.pos {
            self.breaks += breaks(bytes, self.pos, end);
            self.pos = end;
        }
        self.breaks + 1
    }
}

/// Line breaks that start within `bytes[from..to]`; a `\r\n` is one break, counted at `\r`.
fn breaks(bytes: &[u8], from: usize, to: usize) -> usize {
    (from..to)
        .filter(|&i| match bytes[i] {
            b'\r' => true,
            b'\n' => i == 0 || bytes[i - 1] != b'\r',
            _ => false,
        })
        .count()
}

/// The 1-based line of the byte at `offset` in `text`.
pub(super) fn line_of(text: &str, offset: usize) -> usize {
    breaks(text.as_bytes(), 0, offset.min(text.len())) + 1
}
