//! Mutations that know nothing of the format: bytes flipped, runs inserted, deleted or
//! repeated, two inputs spliced, numbers replaced with extremes, the format's own tokens
//! dropped in. The structure-aware ones live in `json.rs`, `query.rs` and `table.rs`.

use crate::rng::Rng;

/// Largest input made, in bytes: far above any real file or link, small enough that a
/// reader's work (and memory) per input stays bounded.
pub const MAX_INPUT: usize = 64 * 1024;

/// Numbers (and things that look like numbers) at the edges of every type the readers
/// use: float overflow and underflow, negative zero, just past u32/u64/i64, not-numbers
/// that some parsers accept, and forms JSON refuses.
pub const EXTREMES: &[&str] = &[
    "0",
    "-0",
    "-0.0",
    "1",
    "-1",
    "2",
    "0.5",
    "1e309",
    "-1e309",
    "1e-400",
    "5e-324",
    "1.7976931348623157e308",
    "4294967295",
    "4294967296",
    "18446744073709551615",
    "18446744073709551616",
    "9223372036854775807",
    "-9223372036854775809",
    "99999999999999999999999999999999",
    "1e15",
    "1e18",
    "10000000",
    "10000001",
    "100000",
    "2025",
    "2075",
    "2076",
    "1E2",
    "0.1e1",
    "1e-7",
    "3.9999999999999999999",
    "NaN",
    "nan",
    "inf",
    "-inf",
    "Infinity",
    "00",
    "1.",
    ".5",
    "+1",
    "0x10",
    "1_000",
    "1,5",
    "1 000",
];

/// Appends `extra` to `data` unless that passes [`MAX_INPUT`].
fn room(data: &[u8], extra: usize) -> bool {
    data.len() + extra <= MAX_INPUT
}

/// One mutation of the raw bytes (the text is read back with `from_utf8_lossy`, so a
/// broken UTF-8 sequence becomes U+FFFD, as a browser's or the CLI's reading would).
pub fn bytes(rng: &mut Rng, data: &mut Vec<u8>, tokens: &[String], other: &[u8]) {
    let len = data.len();
    let at = rng.below(len + 1);
    match rng.below(9) {
        0 if len > 0 => data[at.min(len - 1)] ^= 1 << rng.below(8),
        1 if len > 0 => data[at.min(len - 1)] = rng.next() as u8,
        2 => {
            let n = rng.length(16);
            if room(data, n) {
                let run: Vec<u8> = (0..n).map(|_| rng.next() as u8).collect();
                data.splice(at..at, run);
            }
        }
        3 if len > 0 => {
            let start = at.min(len - 1);
            let n = rng.length(len - start).min(len - start);
            data.drain(start..start + n);
        }
        4 if len > 0 => repeat_run(rng, data),
        5 if !other.is_empty() => {
            // Splice: this input's head, another's tail.
            let from = rng.below(other.len());
            data.truncate(at);
            let take = (other.len() - from).min(MAX_INPUT.saturating_sub(data.len()));
            data.extend_from_slice(&other[from..from + take]);
        }
        6 => data.truncate(at),
        7 => replace_number(rng, data),
        _ => {
            let token = rng.pick(tokens).as_bytes();
            if room(data, token.len()) {
                data.splice(at..at, token.iter().copied());
            }
        }
    }
}

/// Copies a run of the input and inserts it again, up to hundreds of times: very long
/// strings, many segments, deep nesting of whatever was there.
fn repeat_run(rng: &mut Rng, data: &mut Vec<u8>) {
    let start = rng.below(data.len());
    let n = rng.length(data.len() - start).min(data.len() - start);
    let run = data[start..start + n].to_vec();
    let times = rng.length(512);
    let at = rng.below(data.len() + 1);
    let mut insert = Vec::new();
    for _ in 0..times {
        if !room(data, insert.len() + run.len()) {
            break;
        }
        insert.extend_from_slice(&run);
    }
    data.splice(at..at, insert);
}

/// Replaces one number of the text (a run of digits with its sign, point and exponent)
/// with one of [`EXTREMES`].
pub fn replace_number(rng: &mut Rng, data: &mut Vec<u8>) {
    let numbers = number_spans(data);
    if numbers.is_empty() {
        return;
    }
    let (start, end) = *rng.pick(&numbers);
    let with = rng.pick(EXTREMES).as_bytes();
    if room(data, with.len()) {
        data.splice(start..end, with.iter().copied());
    }
}

/// Where the numbers are: maximal runs of `0-9 . e E + -` that hold a digit.
fn number_spans(data: &[u8]) -> Vec<(usize, usize)> {
    let part = |b: u8| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'+' | b'-');
    let mut spans = Vec::new();
    let mut i = 0;
    while i < data.len() {
        if part(data[i]) {
            let start = i;
            while i < data.len() && part(data[i]) {
                i += 1;
            }
            if data[start..i].iter().any(u8::is_ascii_digit) {
                spans.push((start, i));
            }
        } else {
            i += 1;
        }
    }
    spans
}

/// A value for a text field or a cell: empty, long, any script, control characters,
/// quotes, the replacement character, a lone surrogate's escape.
pub fn odd_text(rng: &mut Rng) -> String {
    const PIECES: &[&str] = &[
        "",
        " ",
        "a",
        "Micro",
        "Comunitat Valenciana",
        "Região Norte",
        "日本語",
        "😀",
        "\u{fffd}",
        "\u{feff}",
        "\u{0}",
        "\u{7}",
        "\t",
        "\n",
        "\r\n",
        "\"",
        "'",
        "\\",
        "\\ud800",
        "..",
        "%",
        "&",
        "=",
        ";",
        ",",
        "{}",
        "[]",
        "null",
        "-",
        "e",
    ];
    let mut out = String::new();
    for _ in 0..rng.length(8) {
        let piece: &&str = rng.pick(PIECES);
        out.push_str(piece);
    }
    if rng.one_in(6) {
        out = out.repeat(rng.length(400));
    }
    out
}

/// Cuts the text to [`MAX_INPUT`] bytes (at a character boundary).
pub fn capped(mut text: String) -> String {
    if text.len() > MAX_INPUT {
        let mut end = MAX_INPUT;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        text.truncate(end);
    }
    text
}
