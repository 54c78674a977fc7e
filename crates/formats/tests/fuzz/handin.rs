//! Structure-aware mutations of texts holding hand-in links: a token's bytes changed, cut,
//! lengthened or shortened, and then, three times in four, its length byte and checksum
//! made right again, so that the reader's field checks (past the checksum) are reached;
//! lines repeated, dropped or joined; tokens alone, in links, in CSV or in prose.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;

use adoption_formats::handin::{Submission, crc32};

use crate::mutate::{EXTREMES, odd_text};
use crate::rng::Rng;

/// Separator and marker garbage.
pub const TOKENS: &[&str] = &[
    "?h=", "&h=", "&amp;h=", "h=", "?", "&", "=", "\n", "\r\n", ",", ";", "\"", " ", "%3D", "AQ",
    "AAAAAAAA", "_", "-", "\u{feff}",
];

/// The seeds: links the module writes, alone, in an e-mail, in CSV, as bare tokens.
pub fn seeds() -> Vec<String> {
    let plan =
        |consult: &str, group: Option<&str>, nonce: u64, budget: u64, p: [u8; 3]| Submission {
            percents: p,
            budget_eur: budget,
            start_year: 2024,
            programme_years: 4,
            consult: consult.to_string(),
            group: group.map(str::to_string),
            nonce,
        };
    let a = plan("cant26", Some("Besaya"), 1, 2_000_000, [50, 20, 30]);
    let b = plan("cant26", None, 2, 0, [0, 0, 100]);
    let c = plan(
        "other-code",
        Some("Área Norte"),
        u64::MAX,
        10_000_000_000,
        [100, 0, 0],
    );
    let base = "https://example.org/sim/";
    vec![
        a.link(base),
        format!(
            "Hello,\nmy plan: {}\nand my colleague's: {} thanks!\n\n-- \nsent from a phone",
            a.link(base),
            b.link("https://example.org/sim/?lang=es")
        ),
        format!(
            "name,link\nAna,{}\nLuis,{}\n\"Eva, M\",\"{}\"\n",
            a.link(base),
            b.link(base),
            c.link(base)
        ),
        format!("{}\n{}\n{}\n", a.token(), b.token(), c.token()),
        format!(
            "<a href=\"{}\">plan</a>",
            c.link("https://x.org/?v=2&amp;lang=pt&amp;")
        ),
    ]
}

/// One mutation of a text with hand-in links.
pub fn mutate(rng: &mut Rng, text: &str) -> String {
    match rng.below(5) {
        0 | 1 => token(rng, text),
        2 => {
            let mut lines: Vec<&str> = text.lines().collect();
            if lines.is_empty() {
                return text.to_string();
            }
            let i = rng.below(lines.len());
            match rng.below(3) {
                0 => lines.insert(i, lines[i]),
                1 => {
                    lines.remove(i);
                }
                _ => {
                    let j = rng.below(lines.len());
                    lines.swap(i, j);
                }
            }
            lines.join(if rng.one_in(2) { "\n" } else { "\r\n" })
        }
        3 => {
            let mut out = text.to_string();
            let at = floor_char(&out, rng.below(out.len() + 1));
            let insert = match rng.below(3) {
                0 => rng.pick(EXTREMES).to_string(),
                1 => odd_text(rng),
                _ => rng.pick(TOKENS).to_string(),
            };
            out.insert_str(at, &insert);
            out
        }
        _ => {
            let at = floor_char(text, rng.below(text.len() + 1));
            text[..at].to_string()
        }
    }
}

fn floor_char(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// A token of the text (after `h=`, or a long bare word) with its bytes mutated.
fn token(rng: &mut Rng, text: &str) -> String {
    let is_b64 = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
    let starts: Vec<usize> = text
        .match_indices("h=")
        .map(|(i, _)| i + 2)
        .chain(
            text.char_indices()
                .filter(|&(i, c)| {
                    is_b64(c) && (i == 0 || !text[..i].ends_with(is_b64)) && text[i..].len() > 30
                })
                .map(|(i, _)| i),
        )
        .collect();
    if starts.is_empty() {
        return text.to_string();
    }
    let start = *rng.pick(&starts);
    let end = text[start..]
        .find(|c: char| !is_b64(c))
        .map_or(text.len(), |e| start + e);
    let Ok(mut bytes) = URL_SAFE_NO_PAD.decode(&text[start..end]) else {
        return text.to_string();
    };
    for _ in 0..rng.length(3) {
        let n = bytes.len();
        match rng.below(5) {
            0 | 1 if n > 0 => {
                let i = rng.below(n);
                bytes[i] = match rng.below(4) {
                    0 => 0,
                    1 => 0xff,
                    2 => bytes[i].wrapping_add(1),
                    _ => rng.next() as u8,
                };
            }
            2 if n > 0 => {
                bytes.remove(rng.below(n));
            }
            3 => bytes.insert(rng.below(n + 1), rng.next() as u8),
            _ => bytes.truncate(rng.below(n + 1)),
        }
    }
    if rng.below(4) < 3 && bytes.len() >= 6 {
        // Made sound again: its length byte and checksum agree with its bytes.
        if rng.below(4) < 3 {
            bytes[1] = bytes.len().min(255) as u8;
        }
        let n = bytes.len() - 4;
        let sum = crc32(&bytes[..n]).to_be_bytes();
        bytes[n..].copy_from_slice(&sum);
    }
    format!(
        "{}{}{}",
        &text[..start],
        URL_SAFE_NO_PAD.encode(&bytes),
        &text[end..]
    )
}
