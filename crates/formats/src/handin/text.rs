//! Finding hand-in links in any text (an e-mail, a chat export, CSV lines), line by line:
//! the rules of [`read_text`], stated in `docs/consult.md`.

use crate::message::{Arg, Key, Message};

use super::{MIN_TOKEN_CHARS, Submission, code, read_token};

/// Byte offsets just after each `h=` that follows `?`, `&` or `;` (as in `&amp;h=`).
pub(super) fn markers(line: &str) -> Vec<usize> {
    let bytes = line.as_bytes();
    line.match_indices("h=")
        .filter(|&(i, _)| i > 0 && matches!(bytes[i - 1], b'?' | b'&' | b';'))
        .map(|(i, _)| i + 2)
        .collect()
}

fn is_base64url(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-' || c == '_'
}

/// The run of base64url characters starting at byte `at`.
pub(super) fn token_at(line: &str, at: usize) -> &str {
    let rest = &line[at..];
    let end = rest.find(|c: char| !is_base64url(c)).unwrap_or(rest.len());
    &rest[..end]
}

/// A word that can only be a token: base64url characters only, at least
/// [`MIN_TOKEN_CHARS`] long, with a digit or an upper-case letter (so a long word of
/// prose is not one).
pub(super) fn is_bare_token(word: &str) -> bool {
    word.len() >= MIN_TOKEN_CHARS
        && word.chars().all(is_base64url)
        && word
            .chars()
            .any(|c| c.is_ascii_digit() || c.is_ascii_uppercase() || c == '_')
}

/// What one hand-in attempt found in a text is.
#[derive(Clone, Debug, PartialEq)]
pub enum Entry {
    /// A sound token of the consultation read.
    Valid(Submission),
    /// A sound token of another consultation (its code is in the submission).
    OtherConsultation(Submission),
    /// A sound token of another format version ([`Key::HandinVersion`]).
    OtherVersion(Message),
    /// Not a usable token, and why.
    Malformed(Message),
}

/// One hand-in attempt found in a text, with its line (from 1).
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    /// The line it is on, counting from 1.
    pub line: usize,
    /// What it is.
    pub entry: Entry,
}

/// What a text held.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct TextRead {
    /// The consultation counted: the one asked for, or else the code most sound tokens
    /// carry (the first seen on a tie); `None` when there is no sound token.
    pub consult: Option<String>,
    /// Every hand-in attempt, in the order of the text.
    pub found: Vec<Found>,
}

/// Largest text read for hand-ins, in bytes (the CLI's `consult` file, the facilitator's
/// gathered set): about 10,000 links.
pub const MAX_TEXT_BYTES: usize = 1 << 20;

/// What ends a bare word, besides white space.
pub const WORD_BREAKS: &str = ",;\"'<>()[]{}|.:";

fn is_word_break(c: char) -> bool {
    c.is_whitespace() || WORD_BREAKS.contains(c)
}

/// Finds every hand-in attempt in any text (an e-mail, a chat export, CSV lines), line by
/// line, and says for each whether it counts for consultation `consult` (or, when `None`,
/// the code most sound tokens carry).
///
/// An attempt is (1) each `h=` after `?`, `&` or `;`, with the base64url characters after
/// it as the token (none: [`Key::HandinEmpty`]); or, on a line without such a marker, (2)
/// each bare word (between spaces, commas, semicolons, quotes or brackets: [`WORD_BREAKS`])
/// of at least [`MIN_TOKEN_CHARS`] characters, all base64url, with a digit, an upper-case
/// letter or `_` (so a long word of prose, or a share link's `x=...`, is not one). A line
/// without either has nothing that looks like a hand-in and is passed over silently; every
/// attempt is listed, counted or with why not.
pub fn read_text(text: &str, consult: Option<&str>) -> Result<TextRead, Message> {
    let wanted = consult.map(code).transpose()?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut read: Vec<(usize, Result<Submission, Message>)> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let at = markers(line);
        if at.is_empty() {
            for word in line.split(is_word_break) {
                if is_bare_token(word) {
                    read.push((i + 1, read_token(word)));
                }
            }
        } else {
            for a in at {
                read.push((i + 1, read_token(token_at(line, a))));
            }
        }
    }
    let consult = wanted.or_else(|| most_common_code(&read));
    let found = read
        .into_iter()
        .map(|(line, r)| Found {
            line,
            entry: match r {
                Ok(s) if Some(&s.consult) == consult.as_ref() => Entry::Valid(s),
                Ok(s) => Entry::OtherConsultation(s),
                Err(m) if m.key == Key::HandinVersion => Entry::OtherVersion(m),
                Err(m) => Entry::Malformed(m),
            },
        })
        .collect();
    Ok(TextRead { consult, found })
}

fn most_common_code(read: &[(usize, Result<Submission, Message>)]) -> Option<String> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for s in read.iter().filter_map(|(_, r)| r.as_ref().ok()) {
        match counts.iter_mut().find(|(c, _)| *c == s.consult) {
            Some((_, n)) => *n += 1,
            None => counts.push((&s.consult, 1)),
        }
    }
    let best = counts.iter().map(|&(_, n)| n).max()?;
    counts
        .iter()
        .find(|&&(_, n)| n == best)
        .map(|&(c, _)| c.to_string())
}

/// The message saying a plan is for another consultation.
pub fn other_consultation(found: &str, wanted: &str) -> Message {
    Message::new(
        Key::HandinOtherConsultation,
        [Arg::Text(found.to_string()), Arg::Text(wanted.to_string())],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::handin::tests::sample;

    #[test]
    fn any_text_lists_every_attempt() {
        let good = sample().link("https://example.org/sim/");
        let other = Submission {
            consult: "other".into(),
            ..sample()
        }
        .link("https://example.org/sim/");
        let bare = sample().token();
        let text = format!(
            "Hello,\nhere is my plan: {good} thanks\nno link here, just words\n\
             {other}\n<a href=\"https://x.org/?lang=es&amp;h=\">broken</a>\n{}\n  {bare}\n\
             a very long ordinary word: incomprehensibilities\n\
             share: https://example.org/sim/?v=2&x=eyJydW5zIjoxMDAwLCJzZWVkIjoyMDI1fQ\n",
            &good[..good.len() - 5]
        );
        let read = read_text(&text, None).unwrap();
        assert_eq!(read.consult.as_deref(), Some("cant26"));
        let lines: Vec<usize> = read.found.iter().map(|f| f.line).collect();
        assert_eq!(lines, [2, 4, 5, 6, 7]);
        assert!(matches!(read.found[0].entry, Entry::Valid(_)));
        assert!(matches!(read.found[1].entry, Entry::OtherConsultation(_)));
        assert!(matches!(&read.found[2].entry, Entry::Malformed(m) if m.key == Key::HandinEmpty));
        assert!(
            matches!(&read.found[3].entry, Entry::Malformed(m) if m.key == Key::HandinTruncated),
            "{:?}",
            read.found[3]
        );
        assert!(matches!(read.found[4].entry, Entry::Valid(_)));
        let only_other = read_text(&text, Some("OTHER")).unwrap();
        assert_eq!(only_other.consult.as_deref(), Some("other"));
        assert!(matches!(only_other.found[1].entry, Entry::Valid(_)));
        assert_eq!(read_text("", Some("x y")).unwrap_err().key, Key::HandinCode);
    }
}
