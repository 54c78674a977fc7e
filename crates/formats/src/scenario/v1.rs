//! Checking a version-1 scenario file's types and names in its own text, so that a
//! problem is named with its field, line and column as in a current file.
//!
//! Version 1 differs from the current types by one name only: `pilots.half_saturation`
//! became `pilots.half_saturation_per_1000` (with a new meaning; the migration drops the
//! old value, see `bases::migrate_v1`). The text is read with that key renamed, and a
//! problem's position and field are mapped back to the text as written.

use super::{ReadError, read_tracked};
use crate::json_path;

/// The version-1 key, as written in the text.
const OLD_KEY: &str = "\"half_saturation\"";
/// The current key with the same type.
const NEW_KEY: &str = "\"half_saturation_per_1000\"";
/// The field paths of the two keys.
const OLD_PATH: &str = "pilots.half_saturation";
const NEW_PATH: &str = "pilots.half_saturation_per_1000";

/// Checks the types and names of a version-1 file (not its ranges).
pub(super) fn check_types(text: &str) -> Result<(), ReadError> {
    let (renamed, at) = renamed(text);
    match read_tracked(&renamed) {
        Ok(_) => Ok(()),
        Err(ReadError::Syntax {
            path,
            message,
            line,
            column,
        }) => {
            let offset = json_path::offset_of(&renamed, line, column);
            let grown = NEW_KEY.len() - OLD_KEY.len();
            // Positions past a renamed key move back by the letters it gained.
            let shift = at.iter().filter(|&&a| a + OLD_KEY.len() <= offset).count() * grown;
            let (line, column) = line_column(text, offset.saturating_sub(shift));
            let path = match path.strip_prefix(NEW_PATH) {
                Some(rest) => format!("{OLD_PATH}{rest}"),
                None => path,
            };
            Err(ReadError::Syntax {
                path,
                message,
                line,
                column,
            })
        }
        Err(other) => Err(other),
    }
}

/// The text with every `half_saturation` key of `pilots` renamed, and where each was in
/// the renamed text (byte offsets).
fn renamed(text: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(text.len() + 16);
    let mut at = Vec::new();
    let mut last = 0;
    for (i, _) in text.match_indices(OLD_KEY) {
        let end = i + OLD_KEY.len();
        let is_key = text[end..].trim_start().starts_with(':');
        if i < last || !is_key || json_path::path_at(text, end) != OLD_PATH {
            continue;
        }
        out.push_str(&text[last..i]);
        at.push(out.len());
        out.push_str(NEW_KEY);
        last = end;
    }
    out.push_str(&text[last..]);
    (out, at)
}

/// The 1-based line and column (in bytes, as serde_json counts) of a byte offset.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text.as_bytes()[..offset.min(text.len())];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    (line, offset.min(text.len()) - line_start + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_pilots_key_is_renamed() {
        let text = r#"{"name": "\"half_saturation\": 1", "pilots": {"half_saturation": 10}}"#;
        let (out, at) = renamed(text);
        assert_eq!(
            out,
            r#"{"name": "\"half_saturation\": 1", "pilots": {"half_saturation_per_1000": 10}}"#
        );
        assert_eq!(at, [out.find(NEW_KEY).unwrap()]);
    }

    #[test]
    fn problems_are_placed_in_the_text_as_written() {
        let text = "{\"version\": 1, \"pilots\": {\"half_saturation\": 1, \"cost_eur\": \"x\"}}";
        let Err(ReadError::Syntax {
            path, line, column, ..
        }) = check_types(text)
        else {
            panic!("a string for a cost is refused");
        };
        assert_eq!(path, "pilots.cost_eur");
        assert_eq!((line, column), (1, text.find("\"x\"").unwrap() + 3));
        let text = "{\"version\": 1,\n \"pilots\": {\"half_saturation\": \"ten\"}}";
        let Err(ReadError::Syntax { path, line, .. }) = check_types(text) else {
            panic!("a string for half_saturation is refused");
        };
        assert_eq!((path.as_str(), line), (OLD_PATH, 2));
    }
}
