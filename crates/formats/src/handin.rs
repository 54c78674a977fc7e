//! Hand-in links: a participant's plan for a public consultation, in a link short enough
//! for a QR code, and the facilitator's reader of any text holding such links.
//!
//! A hand-in link is a page address with one query key, `h`, whose value is a token:
//! `https://example.org/sim/?h=ASMoFNClTCMDBmNhbnQyNgZCZXNheWEAAAAAAAAAKvK-FPA` (74
//! characters; at most 27 + 82 with that address, see [`MAX_TOKEN_BYTES`]). The token is
//! base64url (no padding) of these bytes, in order (`docs/consult.md` has the table):
//!
//! | Bytes | Field |
//! |---|---|
//! | 1 | format version ([`HANDIN_VERSION`]) |
//! | 1 | length of the whole token in bytes, this byte and the checksum included |
//! | 2 | vouchers and training in whole percents; pilots are the rest of 100 |
//! | 1-5 | budget in whole euros, LEB128 (7 bits a byte, low first) |
//! | 1 | programme's start: the scenario's start year minus 1990 |
//! | 1 | programme years |
//! | 1 + n | the consultation's code: its length, then ASCII `a-z0-9-` |
//! | 1 + n | the group: its length (0: none), then UTF-8 |
//! | 8 | a random nonce (big-endian), telling apart two people with the same plan |
//! | 4 | CRC-32 (IEEE) of every byte before it, big-endian |
//!
//! The version, the length and the trailing checksum are the frame every version keeps:
//! a reader checks length and checksum first, so a token is refused whole (never
//! half-read) when cut short or changed, and only a sound token of another version is
//! told apart as such ([`Key::HandinVersion`]).
//!
//! **The checksum** detects accidental corruption (a character changed, lost or added in
//! copying: CRC-32 catches every change within 32 consecutive bits, so every single
//! character change, and all but one in 2^32 of other changes) and casual tampering. It is
//! not a signature: anyone can write a valid token with any plan, so it does not protect
//! against a participant handing in many plans under fresh nonces, nor against a forger.
//!
//! ```
//! use adoption_formats::handin::{Submission, read_link};
//! let s = Submission {
//!     percents: [50, 20, 30],
//!     budget_eur: 2_000_000,
//!     start_year: 2024,
//!     programme_years: 3,
//!     consult: "cant26".into(),
//!     group: Some("besaya".into()),
//!     nonce: 42,
//! };
//! let link = s.link("https://example.org/sim/");
//! assert!(link.len() <= 120);
//! assert_eq!(read_link(&link).unwrap(), s);
//! let tampered = link.replacen("AAAA", "AAAB", 1);
//! assert!(read_link(&tampered).is_err());
//! ```

use base64::alphabet;
use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig, URL_SAFE_NO_PAD};
use base64::engine::{DecodePaddingMode, Engine};

use adoption_model::Scenario;
use adoption_model::scenario::limits::{MAX_BUDGET_EUR, MAX_PROGRAMME_YEARS, YEAR_RANGE};

use crate::message::{Arg, CLIP_LINK, Key, Message, clip};

/// base64url without padding that allows set bits past the last byte (see [`read_token`]).
const LENIENT: GeneralPurpose = GeneralPurpose::new(
    &alphabet::URL_SAFE,
    GeneralPurposeConfig::new()
        .with_encode_padding(false)
        .with_decode_padding_mode(DecodePaddingMode::RequireNone)
        .with_decode_allow_trailing_bits(true),
);

/// The hand-in format this module writes and reads.
pub const HANDIN_VERSION: u8 = 1;

/// The query key of a hand-in link (`?h=<token>`).
pub const QUERY_KEY: &str = "h";

/// Longest consultation code, in characters (`a-z`, `0-9`, `-`).
pub const MAX_CODE: usize = 12;

/// Longest group or district name, in bytes of UTF-8 (16 to 24 letters).
pub const MAX_GROUP: usize = 24;

/// Bytes of a token without its code and group: version, length, two percents, the
/// longest budget, start, years, two length bytes, nonce, checksum.
const FIXED_MAX: usize = 1 + 1 + 2 + 5 + 1 + 1 + 1 + 1 + 8 + 4;

/// The longest token, in bytes (61, so 82 characters of base64url).
pub const MAX_TOKEN_BYTES: usize = FIXED_MAX + MAX_CODE + MAX_GROUP;

/// The shortest token, in bytes (a one-euro-digit budget, a one-letter code, no group).
pub const MIN_TOKEN_BYTES: usize = FIXED_MAX - 4 + 1;

/// The shortest token in characters: a bare word this long made only of base64url
/// characters is read as a token by [`read_text`].
pub const MIN_TOKEN_CHARS: usize = (MIN_TOKEN_BYTES * 4).div_ceil(3);

/// The longest token in characters.
pub const MAX_TOKEN_CHARS: usize = (MAX_TOKEN_BYTES * 4).div_ceil(3);

/// One participant's plan, as a hand-in link carries it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Submission {
    /// Vouchers, training and pilots in whole percents, adding up to 100.
    pub percents: [u8; 3],
    /// The budget over the programme, in whole euros.
    pub budget_eur: u64,
    /// The scenario's start year (the programme runs from the year after it).
    pub start_year: i32,
    /// Years over which the budget is spent.
    pub programme_years: u32,
    /// The consultation's code ([`code`]'s form).
    pub consult: String,
    /// The participant's group or district, if the consultation asks for one ([`group`]'s
    /// form).
    pub group: Option<String>,
    /// A random number telling two participants with the same plan apart; the same nonce
    /// twice is the same hand-in counted once.
    pub nonce: u64,
}

impl Submission {
    /// The plan of a scenario for consultation `consult`: its mix rounded to whole
    /// percents (largest remainders, so they add up to 100), its budget to whole euros.
    pub fn from_scenario(
        scenario: &Scenario,
        consult: &str,
        group: Option<&str>,
        nonce: u64,
    ) -> Result<Submission, Message> {
        let budget = scenario.budget_eur;
        if !(budget.is_finite() && (0.0..=MAX_BUDGET_EUR).contains(&budget)) {
            return Err(budget_message());
        }
        let years = (scenario.start_year, scenario.programme_years);
        if !years_ok(years.0, years.1) {
            return Err(years_message(years.0, years.1));
        }
        Ok(Submission {
            percents: whole_percents(scenario.mix.shares()),
            budget_eur: budget.round() as u64,
            start_year: scenario.start_year,
            programme_years: scenario.programme_years,
            consult: code(consult)?,
            group: group.map(self::group).transpose()?.flatten(),
            nonce,
        })
    }

    /// The mix as shares (each percent over 100).
    pub fn shares(&self) -> [f64; 3] {
        self.percents.map(|p| f64::from(p) / 100.0)
    }

    /// The token: base64url of the bytes in the module's table.
    pub fn token(&self) -> String {
        let mut bytes = Vec::with_capacity(MAX_TOKEN_BYTES);
        bytes.extend([HANDIN_VERSION, 0, self.percents[0], self.percents[1]]);
        let mut budget = self.budget_eur;
        loop {
            let low = (budget & 0x7f) as u8;
            budget >>= 7;
            if budget == 0 {
                bytes.push(low);
                break;
            }
            bytes.push(low | 0x80);
        }
        bytes.push((self.start_year - YEAR_RANGE.0) as u8);
        bytes.push(self.programme_years as u8);
        for text in [self.consult.as_str(), self.group.as_deref().unwrap_or("")] {
            bytes.push(text.len() as u8);
            bytes.extend(text.as_bytes());
        }
        bytes.extend(self.nonce.to_be_bytes());
        bytes[1] = (bytes.len() + 4) as u8;
        bytes.extend(crc32(&bytes).to_be_bytes());
        URL_SAFE_NO_PAD.encode(bytes)
    }

    /// The hand-in link: `base` (a page address, with or without its own query) with
    /// `h=<token>` added.
    pub fn link(&self, base: &str) -> String {
        let joint = if base.contains('?') {
            if base.ends_with('?') || base.ends_with('&') {
                ""
            } else {
                "&"
            }
        } else {
            "?"
        };
        format!("{base}{joint}{QUERY_KEY}={}", self.token())
    }
}

/// A consultation code as tokens carry it: trimmed, in lower case; 1 to [`MAX_CODE`]
/// letters `a-z`, digits or hyphens.
pub fn code(text: &str) -> Result<String, Message> {
    let code = text.trim().to_ascii_lowercase();
    let ok = (1..=MAX_CODE).contains(&code.len())
        && code
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if ok {
        Ok(code)
    } else {
        Err(Message::new(
            Key::HandinCode,
            [
                Arg::Plain(MAX_CODE as i64),
                Arg::Text(clip(text, CLIP_LINK)),
            ],
        ))
    }
}

/// A group or district name as tokens carry it: trimmed; `None` when empty; at most
/// [`MAX_GROUP`] bytes of letters, digits, spaces or hyphens (no other free text).
pub fn group(text: &str) -> Result<Option<String>, Message> {
    let group = text.trim();
    let ok = group.len() <= MAX_GROUP
        && group
            .chars()
            .all(|c| c.is_alphanumeric() || c == ' ' || c == '-');
    match (ok, group.is_empty()) {
        (true, true) => Ok(None),
        (true, false) => Ok(Some(group.to_string())),
        (false, _) => Err(Message::new(
            Key::HandinGroup,
            [
                Arg::Plain(MAX_GROUP as i64),
                Arg::Text(clip(text, CLIP_LINK)),
            ],
        )),
    }
}

/// Three shares as whole percents adding up to 100: each rounded down, then the points
/// left go to the largest remainders (the first instrument on a tie).
fn whole_percents(shares: [f64; 3]) -> [u8; 3] {
    let scaled = shares.map(|s| (s.clamp(0.0, 1.0) * 100.0).max(0.0));
    let mut out = scaled.map(|s| s.floor() as u8);
    let sum: u32 = out.iter().map(|&p| u32::from(p)).sum();
    let mut order = [0, 1, 2];
    order.sort_by(|&a, &b| {
        let ra = scaled[a] - scaled[a].floor();
        let rb = scaled[b] - scaled[b].floor();
        rb.total_cmp(&ra)
    });
    for &i in order
        .iter()
        .cycle()
        .take(100usize.saturating_sub(sum as usize))
    {
        out[i] += 1;
    }
    out
}

fn years_ok(start: i32, years: u32) -> bool {
    (YEAR_RANGE.0..=YEAR_RANGE.1).contains(&start) && (1..=MAX_PROGRAMME_YEARS).contains(&years)
}

fn budget_message() -> Message {
    Message::new(Key::HandinBudget, [Arg::Number(MAX_BUDGET_EUR)])
}

fn years_message(start: i32, years: u32) -> Message {
    Message::new(
        Key::HandinYears,
        [Arg::Plain(start.into()), Arg::Plain(years.into())],
    )
}

/// CRC-32 (IEEE 802.3: reflected polynomial 0xEDB88320, initial and final value all
/// ones), the checksum of zip and PNG.
// NOTE: written here (bitwise, 12 lines) rather than taken from `crc32fast`, which the
// tree does not have: a token is at most 61 bytes, so a table or SIMD buys nothing, and a
// dependency would be the only one of the page's readers for a dozen lines. The test
// checks the standard check value (CRC-32 of "123456789" is 0xCBF43926).
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = u32::MAX;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            let mask = (crc & 1).wrapping_neg();
            crc = (crc >> 1) ^ (0xEDB8_8320 & mask);
        }
    }
    !crc
}

/// Reads a token (the value of `h`). Every refusal is a message with its own key: not
/// base64url ([`Key::HandinCharacters`]), cut short ([`Key::HandinTruncated`]), longer
/// than it says ([`Key::HandinTooLong`]), a checksum that does not match
/// ([`Key::HandinChecksum`]), another format version ([`Key::HandinVersion`]) or a field
/// out of range (its own key).
pub fn read_token(token: &str) -> Result<Submission, Message> {
    if token.is_empty() {
        return Err(Message::from(Key::HandinEmpty));
    }
    // The length byte counts at most 255 bytes: 340 characters.
    if token.len() > 340 {
        return Err(Message::from(Key::HandinTooLong));
    }
    // Decoded leniently (bits past the last byte allowed), so that a cut token is told
    // apart by its length; a token that is not the exact encoding of its bytes is refused
    // below, after the length.
    let Ok(bytes) = LENIENT.decode(token) else {
        let clean = token
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        return Err(if clean {
            // One character past a whole number of bytes: cut, or one character lost.
            Message::new(
                Key::HandinTruncated,
                [
                    Arg::Plain(token.len() as i64),
                    Arg::Plain(declared_chars(token)),
                ],
            )
        } else {
            Message::from(Key::HandinCharacters)
        });
    };
    if bytes.len() < 2 {
        return Err(Message::new(
            Key::HandinTruncated,
            [
                Arg::Plain(token.len() as i64),
                Arg::Plain(MIN_TOKEN_CHARS as i64),
            ],
        ));
    }
    let declared = usize::from(bytes[1]);
    if bytes.len() < declared || bytes.len() < 6 {
        return Err(Message::new(
            Key::HandinTruncated,
            [
                Arg::Plain(token.len() as i64),
                Arg::Plain((declared.max(6) * 4).div_ceil(3) as i64),
            ],
        ));
    }
    if bytes.len() > declared {
        return Err(Message::from(Key::HandinTooLong));
    }
    if URL_SAFE_NO_PAD.encode(&bytes) != token {
        // Bits past the last byte set: the last character was changed.
        return Err(Message::from(Key::HandinChecksum));
    }
    let (body, sum) = bytes.split_at(bytes.len() - 4);
    if crc32(body).to_be_bytes() != sum {
        return Err(Message::from(Key::HandinChecksum));
    }
    if body[0] != HANDIN_VERSION {
        return Err(Message::new(
            Key::HandinVersion,
            [
                Arg::Plain(body[0].into()),
                Arg::Plain(HANDIN_VERSION.into()),
            ],
        ));
    }
    fields(&body[2..])
}

/// The characters of the token a cut token's length byte announces, when it can be read.
fn declared_chars(token: &str) -> i64 {
    let head = token.get(..4).unwrap_or(token);
    LENIENT
        .decode(head)
        .ok()
        .and_then(|b| b.get(1).copied())
        .map_or(MIN_TOKEN_CHARS as i64, |n| {
            (usize::from(n) * 4).div_ceil(3) as i64
        })
}

/// The fields of a version-1 token after its version and length bytes, checksum removed.
fn fields(mut rest: &[u8]) -> Result<Submission, Message> {
    let mut take = |n: usize| -> Option<&[u8]> {
        let (head, tail) = rest.split_at_checked(n)?;
        rest = tail;
        Some(head)
    };
    let mix = Message::from(Key::HandinMix);
    let p = take(2).ok_or_else(|| mix.clone())?;
    let (v, t) = (p[0], p[1]);
    if u16::from(v) + u16::from(t) > 100 {
        return Err(mix);
    }
    let mut budget: u64 = 0;
    let mut shift = 0;
    loop {
        let b = take(1).ok_or_else(budget_message)?[0];
        if shift > 35 {
            return Err(budget_message());
        }
        budget |= u64::from(b & 0x7f) << shift;
        shift += 7;
        if b & 0x80 == 0 {
            break;
        }
    }
    if budget as f64 > MAX_BUDGET_EUR {
        return Err(budget_message());
    }
    let y = take(2).ok_or_else(|| years_message(0, 0))?;
    let (start, years) = (YEAR_RANGE.0 + i32::from(y[0]), u32::from(y[1]));
    if !years_ok(start, years) {
        return Err(years_message(start, years));
    }
    let mut text = |bad: Message| -> Result<String, Message> {
        let n = usize::from(take(1).ok_or_else(|| bad.clone())?[0]);
        let raw = take(n).ok_or_else(|| bad.clone())?;
        String::from_utf8(raw.to_vec()).map_err(|_| bad)
    };
    let consult_raw = text(Message::from(Key::HandinCodeBroken))?;
    let consult = code(&consult_raw)?;
    if consult != consult_raw {
        return Err(Message::from(Key::HandinCodeBroken));
    }
    let group_raw = text(Message::from(Key::HandinGroupBroken))?;
    let group = group(&group_raw)?;
    if group.as_deref().unwrap_or("") != group_raw {
        return Err(Message::from(Key::HandinGroupBroken));
    }
    let nonce = take(8).ok_or_else(|| Message::from(Key::HandinNonce))?;
    let nonce = u64::from_be_bytes(nonce.try_into().unwrap_or_default());
    if !rest.is_empty() {
        return Err(Message::from(Key::HandinTooLong));
    }
    Ok(Submission {
        percents: [v, t, 100 - v - t],
        budget_eur: budget,
        start_year: start,
        programme_years: years,
        consult,
        group,
        nonce,
    })
}

mod text;

pub use text::{
    Entry, Found, MAX_TEXT_BYTES, TextRead, WORD_BREAKS, other_consultation, read_text,
};
use text::{is_bare_token, markers, token_at};

/// Reads a hand-in link (a whole address, a query string, or a bare token).
pub fn read_link(link: &str) -> Result<Submission, Message> {
    let text = link.trim();
    match markers(text).first() {
        Some(&at) => read_token(token_at(text, at)),
        None if is_bare_token(text) => read_token(text),
        None => Err(Message::from(Key::HandinNotLink)),
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    pub(super) fn sample() -> Submission {
        Submission {
            percents: [50, 20, 30],
            budget_eur: 2_000_000,
            start_year: 2024,
            programme_years: 3,
            consult: "cant26".into(),
            group: Some("Besaya".into()),
            nonce: 0x0123_4567_89ab_cdef,
        }
    }

    #[test]
    fn crc32_has_the_standard_check_value() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
    }

    #[test]
    fn the_longest_link_fits_about_120_characters() {
        let s = Submission {
            percents: [33, 33, 34],
            budget_eur: MAX_BUDGET_EUR as u64,
            consult: "a".repeat(MAX_CODE),
            group: Some("b".repeat(MAX_GROUP)),
            nonce: u64::MAX,
            ..sample()
        };
        let token = s.token();
        assert_eq!(token.len(), MAX_TOKEN_CHARS);
        let link = s.link("https://example.org/sim/");
        assert!(link.len() <= 110, "{} {link}", link.len());
        assert_eq!(read_link(&link), Ok(s));
        let short = Submission {
            budget_eur: 0,
            consult: "a".into(),
            group: None,
            ..sample()
        };
        assert_eq!(short.token().len(), MIN_TOKEN_CHARS);
    }

    #[test]
    fn refusals_have_their_own_keys() {
        let t = sample().token();
        let key = |x: &str| read_token(x).unwrap_err().key;
        assert_eq!(key(""), Key::HandinEmpty);
        assert_eq!(key(&t[..t.len() - 3]), Key::HandinTruncated);
        assert_eq!(key(&t[..t.len() - 1]), Key::HandinTruncated);
        assert_eq!(key(&format!("{t}AAAA")), Key::HandinTooLong);
        assert_eq!(key(&t.replacen('A', "B", 1)), Key::HandinChecksum);
        assert_eq!(
            key(&format!("{}!", &t[..t.len() - 1])),
            Key::HandinCharacters
        );
        // A sound frame of version 2.
        let mut b = URL_SAFE_NO_PAD.decode(&t).unwrap();
        b[0] = 2;
        let n = b.len() - 4;
        let sum = crc32(&b[..n]).to_be_bytes();
        b[n..].copy_from_slice(&sum);
        assert_eq!(key(&URL_SAFE_NO_PAD.encode(&b)), Key::HandinVersion);
        // A sound frame with a bad mix.
        b[0] = 1;
        b[2] = 90;
        b[3] = 20;
        let sum = crc32(&b[..n]).to_be_bytes();
        b[n..].copy_from_slice(&sum);
        assert_eq!(key(&URL_SAFE_NO_PAD.encode(&b)), Key::HandinMix);
        assert_eq!(
            read_link("https://example.org/?x=1").unwrap_err().key,
            Key::HandinNotLink
        );
    }

    #[test]
    fn a_scenario_mix_rounds_to_percents_adding_up_to_100() {
        assert_eq!(
            whole_percents([1.0 / 3.0, 1.0 / 3.0, 1.0 / 3.0]),
            [34, 33, 33]
        );
        assert_eq!(whole_percents([0.5, 0.2, 0.3]), [50, 20, 30]);
        assert_eq!(whole_percents([0.005, 0.995, 0.0]), [1, 99, 0]);
        assert_eq!(whole_percents([1.0, 0.0, 0.0]), [100, 0, 0]);
    }

    #[test]
    fn codes_and_groups_are_checked() {
        assert_eq!(code(" Cant-26 "), Ok("cant-26".into()));
        assert_eq!(code("").unwrap_err().key, Key::HandinCode);
        assert_eq!(code("a b").unwrap_err().key, Key::HandinCode);
        assert_eq!(code(&"a".repeat(13)).unwrap_err().key, Key::HandinCode);
        assert_eq!(group("  "), Ok(None));
        assert_eq!(group("Área Norte"), Ok(Some("Área Norte".into())));
        assert_eq!(group("a,b").unwrap_err().key, Key::HandinGroup);
    }
}
