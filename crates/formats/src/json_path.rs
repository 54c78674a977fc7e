//! Where in a JSON text a position is, as a field path (`segments[1].firms`): lets a
//! reading error name the field it is about.
//!
//! NOTE: this replaces the `serde_path_to_error` crate, which wraps every deserialiser and
//! cost the page about 45 KB of WebAssembly for what a short scan of the text tells.

/// One level of nesting.
enum Frame {
    Object {
        key: Option<String>,
        expecting_key: bool,
    },
    Array {
        index: usize,
    },
}

/// The field path at byte `offset` of `text` (empty at the top level). The text need not
/// be valid JSON after the offset, or even before it: an unmatched bracket just ends the
/// scan's knowledge there.
pub fn path_at(text: &str, offset: usize) -> String {
    let bytes = text.as_bytes();
    let end = offset.min(bytes.len());
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < end {
        match bytes[i] {
            b'{' => stack.push(Frame::Object {
                key: None,
                expecting_key: true,
            }),
            b'[' => stack.push(Frame::Array { index: 0 }),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::Array { index }) => *index += 1,
                Some(Frame::Object { expecting_key, .. }) => *expecting_key = true,
                None => {}
            },
            b':' => {
                if let Some(Frame::Object { expecting_key, .. }) = stack.last_mut() {
                    *expecting_key = false;
                }
            }
            b'"' => {
                let start = i + 1;
                let mut j = start;
                while j < bytes.len() && bytes[j] != b'"' {
                    j += if bytes[j] == b'\\' { 2 } else { 1 };
                }
                if let Some(Frame::Object {
                    key,
                    expecting_key: true,
                }) = stack.last_mut()
                {
                    *key = text.get(start..j.min(bytes.len())).map(str::to_string);
                }
                i = j;
            }
            _ => {}
        }
        i += 1;
    }
    let mut path = String::new();
    for frame in &stack {
        match frame {
            Frame::Object { key: Some(k), .. } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(k);
            }
            Frame::Object { key: None, .. } => {}
            Frame::Array { index } => path.push_str(&format!("[{index}]")),
        }
    }
    path
}

/// The byte offset of a 1-based line and column (as serde_json reports them).
pub fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    (line_start + column.saturating_sub(1)).min(text.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, marker: &str) -> String {
        path_at(text, text.find(marker).unwrap())
    }

    #[test]
    fn names_nested_fields() {
        let t = r#"{"version": 1, "segments": [{"name": "a"}, {"name": "b", "firms": 5.5}], "mix": {"vouchers": -1}}"#;
        assert_eq!(at(t, "5.5"), "segments[1].firms");
        assert_eq!(at(t, "-1"), "mix.vouchers");
        assert_eq!(at(t, "1,"), "version");
        assert_eq!(path_at(t, 0), "");
    }

    #[test]
    fn strings_with_brackets_and_escapes_do_not_confuse_it() {
        let t = r#"{"name": "a [b] {c}, \"d\"", "years": "ten"}"#;
        assert_eq!(at(t, "\"ten"), "years");
    }

    #[test]
    fn offsets_follow_lines() {
        let t = "{\n  \"years\": \"ten\"\n}";
        assert_eq!(offset_of(t, 2, 12), t.find("\"ten").unwrap());
        assert_eq!(path_at(t, offset_of(t, 2, 16)), "years");
        assert_eq!(offset_of(t, 99, 99), t.len());
    }
}
