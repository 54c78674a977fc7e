//! Structure-aware mutations of JSON (scenario files, and a link's patch `x`): a random
//! node of the parsed document is replaced, deleted, duplicated, nested or wrapped; a
//! field of the format is added where it does not belong; the version is changed. Texts
//! JSON cannot hold as values (`1e309`, `NaN`, 20,000 nested brackets) go in as raw text
//! through marked strings replaced after writing.

use std::collections::BTreeSet;

use serde_json::{Map, Value};

use crate::mutate::{EXTREMES, MAX_INPUT, odd_text};
use crate::rng::Rng;

/// What marks a string that stands for raw text (a control character no seed holds).
const MARK: char = '\u{1}';

/// Every field name of the documents, sorted: the names the mutations add.
pub fn field_names(texts: &[String]) -> Vec<String> {
    fn walk(v: &Value, names: &mut BTreeSet<String>) {
        match v {
            Value::Object(m) => {
                for (k, child) in m {
                    names.insert(k.clone());
                    walk(child, names);
                }
            }
            Value::Array(a) => a.iter().for_each(|c| walk(c, names)),
            _ => {}
        }
    }
    let mut names = BTreeSet::new();
    for text in texts {
        if let Ok(v) = serde_json::from_str::<Value>(text) {
            walk(&v, &mut names);
        }
    }
    names.into_iter().collect()
}

/// Raw texts standing in for marked strings.
#[derive(Default)]
struct Raw(Vec<String>);

impl Raw {
    fn value(&mut self, text: String) -> Value {
        self.0.push(text);
        Value::String(format!("{MARK}{}{MARK}", self.0.len() - 1))
    }

    /// The written document with each marked string replaced by its raw text.
    fn fill(&self, mut out: String) -> String {
        for (i, text) in self.0.iter().enumerate() {
            let marker = Value::String(format!("{MARK}{i}{MARK}")).to_string();
            out = out.replacen(&marker, text, 1);
        }
        out
    }
}

/// One to four structure-aware mutations of a JSON text; `None` when it does not parse
/// (the caller then mutates its bytes).
pub fn mutate(rng: &mut Rng, text: &str, names: &[String], donor: &str) -> Option<String> {
    let mut value: Value = serde_json::from_str(text).ok()?;
    let donor: Option<Value> = serde_json::from_str(donor).ok();
    let mut raw = Raw::default();
    for _ in 0..rng.length(4) {
        mutate_once(rng, &mut value, names, donor.as_ref(), &mut raw);
    }
    let written = if rng.one_in(3) {
        serde_json::to_string_pretty(&value)
    } else {
        serde_json::to_string(&value)
    };
    Some(raw.fill(written.unwrap_or_default()))
}

fn mutate_once(
    rng: &mut Rng,
    root: &mut Value,
    names: &[String],
    donor: Option<&Value>,
    raw: &mut Raw,
) {
    match rng.below(9) {
        0 => version(rng, root, raw),
        1 | 2 => {
            let new = scalar(rng, raw);
            if let Some(n) = node(rng, root) {
                *n = new;
            }
        }
        3 => delete(rng, root),
        4 => insert(rng, root, names, raw),
        5 => grow(rng, root),
        6 => {
            let depth = *rng.pick(&[2, 20, 127, 128, 129, 1_000, 20_000]);
            let (open, close) = if rng.one_in(2) {
                ("[", "]")
            } else {
                ("{\"a\":", "}")
            };
            let nested = raw.value(format!("{}1{}", open.repeat(depth), close.repeat(depth)));
            if let Some(n) = node(rng, root) {
                *n = nested;
            }
        }
        7 => {
            // A part of another document, anywhere in this one.
            let mut donor = donor.cloned().unwrap_or(Value::Null);
            let part = node(rng, &mut donor).map(|p| p.take());
            if let (Some(part), Some(n)) = (part, node(rng, root)) {
                *n = part;
            }
        }
        _ => wrap(rng, root),
    }
}

/// A random node: the root, or a child chosen at each level (stopping early a third of
/// the time, so shallow fields are hit as often as deep ones).
fn node<'a>(rng: &mut Rng, v: &'a mut Value) -> Option<&'a mut Value> {
    let n = match v {
        Value::Object(m) => m.len(),
        Value::Array(a) => a.len(),
        _ => 0,
    };
    if n == 0 || rng.one_in(3) {
        return Some(v);
    }
    let i = rng.below(n);
    match v {
        Value::Array(a) => node(rng, a.get_mut(i)?),
        Value::Object(m) => node(rng, m.values_mut().nth(i)?),
        _ => None,
    }
}

/// A value of any type, numbers from [`EXTREMES`] (some of them not JSON at all).
fn scalar(rng: &mut Rng, raw: &mut Raw) -> Value {
    match rng.below(8) {
        0..=2 => raw.value(rng.pick(EXTREMES).to_string()),
        3 => Value::String(odd_text(rng)),
        4 => Value::Bool(rng.one_in(2)),
        5 => Value::Null,
        6 => Value::from(rng.next() as i64 >> rng.below(64)),
        _ => {
            if rng.one_in(2) {
                Value::Array(Vec::new())
            } else {
                Value::Object(Map::new())
            }
        }
    }
}

/// The format version: another number, a string, a fraction, missing.
fn version(rng: &mut Rng, root: &mut Value, raw: &mut Raw) {
    let Value::Object(m) = root else { return };
    const VERSIONS: &[&str] = &[
        "1",
        "2",
        "0",
        "3",
        "-1",
        "\"2\"",
        "2.0",
        "1e0",
        "null",
        "18446744073709551616",
    ];
    if rng.one_in(8) {
        m.remove("version");
    } else {
        let v = raw.value(rng.pick(VERSIONS).to_string());
        m.insert("version".into(), v);
    }
}

fn delete(rng: &mut Rng, root: &mut Value) {
    match node(rng, root) {
        Some(Value::Object(m)) if !m.is_empty() => {
            let key = m.keys().nth(rng.below(m.len())).cloned();
            if let Some(key) = key {
                m.remove(&key);
            }
        }
        Some(Value::Array(a)) if !a.is_empty() => {
            a.remove(rng.below(a.len()));
        }
        _ => {}
    }
}

/// A field of the format (or an unknown one) added to some object, with any value.
fn insert(rng: &mut Rng, root: &mut Value, names: &[String], raw: &mut Raw) {
    let name = if names.is_empty() || rng.one_in(5) {
        odd_text(rng)
    } else {
        rng.pick(names).clone()
    };
    let value = scalar(rng, raw);
    match node(rng, root) {
        Some(Value::Object(m)) => {
            m.insert(name, value);
        }
        _ => {
            if let Value::Object(m) = root {
                m.insert(name, value);
            }
        }
    }
}

/// An array made longer by repeating its elements (more segments or targets than
/// allowed, thousands of elements), up to about [`MAX_INPUT`] bytes of JSON: the input is
/// cut there anyway.
// NOTE: without the byte bound, an array holding the whole document (after `wrap`) grew
// to 2,000 copies of a 64 KiB tree: over 1 GiB while making one input, outside any
// reader (the memory watchdog's stops near link input 7,160,110 in 2026's stop 15 and
// again in stop 17).
fn grow(rng: &mut Rng, root: &mut Value) {
    if let Some(Value::Array(a)) = node(rng, root)
        && !a.is_empty()
    {
        let bytes = serde_json::to_vec(a).map_or(MAX_INPUT, |v| v.len());
        let room = MAX_INPUT / (bytes / a.len()).max(1);
        let target = rng.length(2_000).min(room);
        let mut i = 0;
        while a.len() < target {
            a.push(a[i % a.len()].clone());
            i += 1;
        }
    }
}

/// A value put inside an array, or made the bounds of a range.
fn wrap(rng: &mut Rng, root: &mut Value) {
    let Some(n) = node(rng, root) else { return };
    let inner = n.take();
    *n = match rng.below(3) {
        0 => Value::Array(vec![inner]),
        1 => serde_json::json!({"low": inner.clone(), "mode": inner.clone(), "high": inner}),
        _ => serde_json::json!({"low": inner.clone(), "high": inner}),
    };
}
