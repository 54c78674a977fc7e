//! Scenario files: JSON text read with the field, line and column of any problem, and
//! omitted fields taken from the frozen base of the file's format version. A version-1
//! file is migrated to the current format ([`bases::migrate_v1`]); [`read`] says which
//! version a file was.
//!
//! ```
//! use adoption_formats::scenario::{from_json, read, to_json};
//! let s = from_json(r#"{"version": 2, "budget_eur": 0}"#).unwrap();
//! assert_eq!(s.budget_eur, 0.0);
//! assert_eq!(from_json(&to_json(&s)).unwrap(), s);
//! let err = from_json(r#"{"version": 2, "years": 500}"#).unwrap_err();
//! assert_eq!(err.to_string(), "field `years`: must be between 1 and 50");
//! let old = read(r#"{"version": 1, "budget_eur": 0}"#).unwrap();
//! assert_eq!((old.from_version, old.scenario.version), (1, 2));
//! ```

use std::fmt;

use adoption_model::scenario::FORMAT_VERSION;
use adoption_model::{Scenario, ScenarioError};
use serde_json::{Map, Value};

use crate::message::{Arg, CLIP_READER, Key, Message, clip};
use crate::{bases, json_path, worded};

mod v1;

/// Why a scenario file was refused. Every variant names what to fix.
#[derive(Clone, Debug, PartialEq)]
pub enum ReadError {
    /// The text is not valid JSON, or a value has the wrong type or an unknown name.
    /// `path` is the field where reading stopped (empty at the top level).
    Syntax {
        /// Where in the scenario reading stopped, e.g. `segments[1].firms`.
        path: String,
        /// What was wrong (in English, the JSON reader's own words).
        message: Message,
        /// 1-based line of the problem in the text.
        line: usize,
        /// 1-based column of the problem in the text.
        column: usize,
    },
    /// The version field is missing or not a whole number.
    Version {
        /// What is wrong with it.
        problem: Message,
    },
    /// The scenario reads but a value is out of range (or the version is another one).
    Invalid(ScenarioError),
}

impl From<ScenarioError> for ReadError {
    fn from(error: ScenarioError) -> ReadError {
        ReadError::Invalid(error)
    }
}

impl ReadError {
    /// The field the error is about, if it names one.
    pub fn path(&self) -> Option<&str> {
        match self {
            ReadError::Syntax { path, .. } if !path.is_empty() && path != "." => Some(path),
            ReadError::Syntax { .. } => None,
            ReadError::Version { .. } => Some("version"),
            ReadError::Invalid(e) => Some(&e.field),
        }
    }

    /// The whole error as a message, the field and position included.
    pub fn message(&self) -> Message {
        match self {
            ReadError::Syntax {
                path,
                message,
                line,
                column,
            } => {
                let position = [Arg::Plain(*line as i64), Arg::Plain(*column as i64)];
                let what = Arg::Part(Box::new(message.clone()));
                if path.is_empty() || path == "." {
                    Message::new(Key::ScenarioAt, [what].into_iter().chain(position))
                } else {
                    Message::new(
                        Key::FieldAt,
                        [Arg::text(path), what].into_iter().chain(position),
                    )
                }
            }
            ReadError::Version { problem } => worded::field("version", problem.clone()),
            ReadError::Invalid(e) => e.into(),
        }
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.message().fmt(f)
    }
}

impl std::error::Error for ReadError {}

/// A scenario read from a file, and the format version it was written in.
#[derive(Clone, Debug, PartialEq)]
pub struct Read {
    /// The scenario, in the current format (a version-1 file migrated, see
    /// [`bases::migrate_v1`]).
    pub scenario: Scenario,
    /// The file's `version`: 1 for a file made for model 1 (its figures now come from the
    /// current model), [`FORMAT_VERSION`] for a current one.
    pub from_version: u64,
}

/// Reads a scenario from JSON text of any version this program reads (1 or 2), migrates
/// it to the current format, and checks it.
pub fn read(text: &str) -> Result<Read, ReadError> {
    let read = read_unchecked(text)?;
    read.scenario.validate()?;
    Ok(read)
}

/// Reads a scenario from JSON text and checks it (a version-1 file is migrated; see
/// [`read`] to know whether it was one).
pub fn from_json(text: &str) -> Result<Scenario, ReadError> {
    read(text).map(|r| r.scenario)
}

/// Reads a scenario from JSON text without range checks (types and names are checked).
pub fn from_json_unchecked(text: &str) -> Result<Scenario, ReadError> {
    read_unchecked(text).map(|r| r.scenario)
}

/// [`read`] without range checks (types and names are checked).
pub fn read_unchecked(text: &str) -> Result<Read, ReadError> {
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        // Not JSON: read again with the field tracker, to say where reading stopped.
        Err(e) => {
            return Err(read_tracked(text)
                .err()
                .unwrap_or_else(|| syntax_error(String::new(), &e)));
        }
    };
    let Some(object) = value.as_object() else {
        return Err(ReadError::Syntax {
            path: String::new(),
            message: Message::new(Key::NotAnObject, [Arg::Plain(FORMAT_VERSION as i64)]),
            line: 1,
            column: 1,
        });
    };
    let from_version = check_version(object)?;
    // Types and names first, in the text itself, so a problem is named with its line and
    // column; then the values, with omitted fields from the frozen base of the version.
    if from_version < FORMAT_VERSION {
        v1::check_types(text)?;
        return finish(object, from_version, bases::fill_file_v1(object));
    }
    let complete = read_tracked(text)?;
    match bases::fill_file_v2(object) {
        Some(filled) => finish(object, from_version, filled),
        // A complete scenario (as the page, the worker and saved scenarios write) is read.
        None => {
            let mut scenario = complete;
            tidy(object, &mut scenario);
            Ok(Read {
                scenario,
                from_version,
            })
        }
    }
}

/// Reads the filled (and, for version 1, migrated) fields as a scenario.
fn finish(
    object: &Map<String, Value>,
    from_version: u64,
    filled: Map<String, Value>,
) -> Result<Read, ReadError> {
    let mut scenario: Scenario = serde_json::from_str(&Value::Object(filled).to_string())
        .map_err(|e| syntax_error(String::new(), &e))?;
    tidy(object, &mut scenario);
    Ok(Read {
        scenario,
        from_version,
    })
}

/// What every read scenario gets: numbers kept to 15 digits, and an omitted programme
/// that fits inside a short horizon rather than failing it.
fn tidy(object: &Map<String, Value>, scenario: &mut Scenario) {
    scenario.normalize();
    if !object.contains_key("programme_years") {
        scenario.programme_years = scenario.programme_years.min(scenario.years.max(1));
    }
}

/// The version is checked first so that a future format gets a clear message instead of
/// a complaint about whichever field it renamed; the version read.
fn check_version(object: &Map<String, Value>) -> Result<u64, ReadError> {
    let problem = match object.get("version") {
        Some(Value::Number(n)) => match n.as_u64() {
            Some(found) if (bases::OLDEST_VERSION..=FORMAT_VERSION).contains(&found) => {
                return Ok(found);
            }
            Some(found) => {
                return Err(ScenarioError::new(
                    "version",
                    adoption_model::error::Problem::Version { found },
                )
                .into());
            }
            None => not_whole(&Value::Number(n.clone())),
        },
        None => Message::new(Key::VersionRequired, [Arg::Plain(FORMAT_VERSION as i64)]),
        Some(other) => not_whole(other),
    };
    Err(ReadError::Version { problem })
}

fn not_whole(value: &Value) -> Message {
    Message::new(
        Key::VersionNotWhole,
        [
            Arg::Plain(FORMAT_VERSION as i64),
            Arg::text(&value.to_string()),
        ],
    )
}

/// Compact JSON for a scenario (every field written out).
pub fn to_json(scenario: &Scenario) -> String {
    // Serialising plain data with string keys cannot fail.
    serde_json::to_string(scenario).unwrap_or_default()
}

/// Pretty JSON for a scenario (every field written out).
pub fn to_json_pretty(scenario: &Scenario) -> String {
    // Serialising plain data with string keys cannot fail.
    serde_json::to_string_pretty(scenario).unwrap_or_default()
}

/// Reading and writing scenario files as methods: `Scenario::from_json(text)`,
/// `scenario.to_json()`, with this trait in scope.
pub trait ScenarioJson: Sized {
    /// See [`from_json`].
    fn from_json(text: &str) -> Result<Self, ReadError>;
    /// See [`from_json_unchecked`].
    fn from_json_unchecked(text: &str) -> Result<Self, ReadError>;
    /// See [`to_json`].
    fn to_json(&self) -> String;
    /// See [`to_json_pretty`].
    fn to_json_pretty(&self) -> String;
}

impl ScenarioJson for Scenario {
    fn from_json(text: &str) -> Result<Self, ReadError> {
        from_json(text)
    }
    fn from_json_unchecked(text: &str) -> Result<Self, ReadError> {
        from_json_unchecked(text)
    }
    fn to_json(&self) -> String {
        to_json(self)
    }
    fn to_json_pretty(&self) -> String {
        to_json_pretty(self)
    }
}

/// Reads a scenario from the text (not a parsed value, so errors carry line and column),
/// naming the field where reading stopped.
fn read_tracked(text: &str) -> Result<Scenario, ReadError> {
    serde_json::from_str(text).map_err(|e| {
        let path = json_path::path_at(text, json_path::offset_of(text, e.line(), e.column()));
        syntax_error(path, &e)
    })
}

fn syntax_error(path: String, e: &serde_json::Error) -> ReadError {
    use serde_json::error::Category;
    // serde_json appends " at line L column C"; keep the message short and give the
    // position separately.
    let full = e.to_string();
    let words = match full.rfind(" at line ") {
        Some(i) => &full[..i],
        None => &full,
    };
    // The JSON reader's words are English; the kind of problem (and the name it is about)
    // lets other languages say it their way.
    // `unknown field `x`, expected one of ...`: the name, then the rest of the words.
    let named = |prefix: &str| {
        let quoted = words.strip_prefix(prefix)?.strip_prefix('`')?;
        let end = quoted.find('`')?;
        let rest = quoted[end + 1..].trim_start_matches([',', ' ']);
        Some((
            Arg::text(&quoted[..end]),
            Arg::Text(clip(rest, CLIP_READER)),
        ))
    };
    let message = match e.classify() {
        Category::Eof => Message::new(Key::JsonEof, [Arg::Text(clip(words, CLIP_READER))]),
        Category::Syntax | Category::Io => {
            Message::new(Key::JsonSyntax, [Arg::Text(clip(words, CLIP_READER))])
        }
        Category::Data => {
            if let Some((name, rest)) = named("unknown field ") {
                Message::new(Key::JsonUnknownField, [name, rest])
            } else if let Some((name, _)) = named("missing field ") {
                Message::new(Key::JsonMissingField, [name])
            } else if let Some((name, rest)) = named("unknown variant ") {
                Message::new(Key::JsonUnknownVariant, [name, rest])
            } else if words.starts_with("invalid type") {
                Message::new(Key::JsonWrongType, [Arg::Text(clip(words, CLIP_READER))])
            } else {
                Message::new(Key::JsonData, [Arg::Text(clip(words, CLIP_READER))])
            }
        }
    };
    ReadError::Syntax {
        path: clip(&path, CLIP_READER),
        message,
        line: e.line(),
        column: e.column(),
    }
}
