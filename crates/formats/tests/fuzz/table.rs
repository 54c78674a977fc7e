//! Structure-aware mutations of population CSV files: cells replaced with what people
//! type into spreadsheets (decimal commas, percentages, thousands separators, ranges,
//! quotes, long names), rows repeated or dropped, columns dropped, swapped or misnamed,
//! the separator, line endings and byte-order mark changed.

use adoption_model::scenario::limits;

use crate::mutate::{EXTREMES, odd_text};
use crate::rng::Rng;

/// Column names, right and nearly right.
const COLUMNS: &[&str] = &[
    "segment",
    "firms",
    "adopters",
    "p",
    "q",
    "aware_share",
    "exit_rate",
    "entry_rate",
    "Segment",
    "FIRMS",
    " adopters ",
    "\"q\"",
    "adopter",
    "firm",
    "aware share",
    "",
    "r",
];

/// Cells as people write them.
const CELLS: &[&str] = &[
    "0,38",
    "0.38",
    "38%",
    "15,300",
    "15.300",
    "15 300",
    "1.234,5",
    "0.1..0.2..0.3",
    "0.3..0.1",
    "0.1..0.2",
    "..",
    "1..2..3..4",
    "0,1..0,2",
    " 7 ",
    "\"Micro\"",
    "\"a,b\"",
    "\"unclosed",
    "\"\"",
    "-",
    "1e3",
    "0x10",
    "½",
];

/// Tokens for byte-level mutation of CSV text.
pub const TOKENS: &[&str] = &[
    ",", ";", "\t", "\"", "\r\n", "\n", "\r", "..", "%", "\u{feff}", ",,",
];

/// One to four mutations of a CSV file's rows and cells.
pub fn mutate(rng: &mut Rng, text: &str) -> String {
    let sep = [',', ';', '\t']
        .into_iter()
        .max_by_key(|d| text.lines().next().unwrap_or("").matches(*d).count())
        .unwrap_or(',');
    let mut rows: Vec<Vec<String>> = text
        .lines()
        .map(|l| l.split(sep).map(str::to_string).collect())
        .collect();
    let mut sep = sep.to_string();
    let mut ending = "\n";
    for _ in 0..rng.length(4) {
        match rng.below(10) {
            0..=3 => cell(rng, &mut rows),
            4 => repeat_rows(rng, &mut rows),
            5 if !rows.is_empty() => {
                rows.remove(rng.below(rows.len()));
            }
            6 => column(rng, &mut rows),
            7 => sep = rng.pick(&[",", ";", "\t", ", ", "|"]).to_string(),
            8 => ending = *rng.pick(&["\r\n", "\r", "\n\n"]),
            _ => {
                if let Some(header) = rows.first_mut() {
                    let at = rng.below(header.len() + 1);
                    header.insert(at, rng.pick(COLUMNS).to_string());
                }
            }
        }
    }
    let mut out: String = rows
        .iter()
        .map(|r| r.join(&sep))
        .collect::<Vec<_>>()
        .join(ending);
    if rng.one_in(2) {
        out.push_str(ending);
    }
    if rng.one_in(10) {
        out.insert(0, '\u{feff}');
    }
    out
}

/// One cell replaced: a number people write, an extreme, a name, another row's name.
fn cell(rng: &mut Rng, rows: &mut [Vec<String>]) {
    if rows.is_empty() {
        return;
    }
    let other_name = rows[rng.below(rows.len())]
        .first()
        .cloned()
        .unwrap_or_default();
    let row = rng.below(rows.len());
    let cells = &mut rows[row];
    if cells.is_empty() {
        cells.push(String::new());
    }
    let at = rng.below(cells.len());
    cells[at] = match rng.below(5) {
        0 => rng.pick(CELLS).to_string(),
        1 => rng.pick(EXTREMES).to_string(),
        2 => odd_text(rng),
        3 => other_name,
        _ => rng.pick(COLUMNS).to_string(),
    };
}

/// Rows repeated: more segments than allowed, the same name twice, firms past the total.
fn repeat_rows(rng: &mut Rng, rows: &mut Vec<Vec<String>>) {
    if rows.len() < 2 {
        return;
    }
    let row = 1 + rng.below(rows.len() - 1);
    let times = rng.length(limits::MAX_SEGMENTS * 3);
    for _ in 0..times {
        rows.push(rows[row].clone());
    }
}

/// A column dropped from every row, or two columns swapped in every row.
fn column(rng: &mut Rng, rows: &mut [Vec<String>]) {
    let width = rows.first().map_or(0, Vec::len);
    if width == 0 {
        return;
    }
    let (a, b) = (rng.below(width), rng.below(width));
    let drop = rng.one_in(2);
    for r in rows.iter_mut() {
        if drop && a < r.len() {
            r.remove(a);
        } else if a < r.len() && b < r.len() {
            r.swap(a, b);
        }
    }
}
