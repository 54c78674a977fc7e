//! Errors a user can cause, worded for the person who wrote the scenario.

use std::fmt;

use crate::message::{Arg, Key, Message};

/// Why a scenario was refused. Every variant names what to fix.
#[derive(Clone, Debug, PartialEq)]
pub enum ScenarioError {
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
    /// The scenario declares a format version this program does not know.
    Version {
        /// The version found in the file.
        found: u64,
    },
    /// A field is present and well typed but its value is outside the allowed range.
    Field {
        /// The field, e.g. `mix.vouchers` or `segments[0].adopters`.
        field: String,
        /// What the value must be.
        problem: Message,
    },
}

impl ScenarioError {
    /// A range or consistency problem with one field.
    pub fn field(field: impl Into<String>, problem: impl Into<Message>) -> Self {
        ScenarioError::Field {
            field: field.into(),
            problem: problem.into(),
        }
    }

    /// The field the error is about, if it names one.
    pub fn path(&self) -> Option<&str> {
        match self {
            ScenarioError::Syntax { path, .. } if !path.is_empty() && path != "." => Some(path),
            ScenarioError::Field { field, .. } => Some(field),
            ScenarioError::Version { .. } => Some("version"),
            ScenarioError::Syntax { .. } => None,
        }
    }
}

impl ScenarioError {
    /// The whole error as a message, the field and position included.
    pub fn message(&self) -> Message {
        match self {
            ScenarioError::Syntax {
                path,
                message,
                line,
                column,
            } => {
                let position = [Arg::Plain(*line as i64), Arg::Plain(*column as i64)];
                if path.is_empty() || path == "." {
                    Message::new(
                        Key::ScenarioAt,
                        [Arg::Part(Box::new(message.clone()))]
                            .into_iter()
                            .chain(position),
                    )
                } else {
                    Message::new(
                        Key::FieldAt,
                        [Arg::text(path), Arg::Part(Box::new(message.clone()))]
                            .into_iter()
                            .chain(position),
                    )
                }
            }
            ScenarioError::Version { found } => Message::new(
                Key::Field,
                [
                    Arg::text("version"),
                    Message::new(
                        Key::VersionUnknown,
                        [
                            Arg::Plain(crate::scenario::FORMAT_VERSION as i64),
                            Arg::Plain(i64::try_from(*found).unwrap_or(i64::MAX)),
                        ],
                    )
                    .into(),
                ],
            ),
            ScenarioError::Field { field, problem } => Message::new(
                Key::Field,
                [Arg::text(field), Arg::Part(Box::new(problem.clone()))],
            ),
        }
    }
}

impl fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.message().fmt(f)
    }
}

impl std::error::Error for ScenarioError {}
