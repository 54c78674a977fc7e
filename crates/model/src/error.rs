//! Errors a user can cause, worded for the person who wrote the scenario.

use std::fmt;

/// Why a scenario was refused. Every variant names what to fix.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ScenarioError {
    /// The text is not valid JSON, or a value has the wrong type or an unknown name.
    /// `path` is the field where reading stopped (empty at the top level).
    Syntax {
        /// Where in the scenario reading stopped, e.g. `segments[1].firms`.
        path: String,
        /// What was wrong, as reported by the JSON reader.
        message: String,
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
        problem: String,
    },
}

impl ScenarioError {
    /// A range or consistency problem with one field.
    pub fn field(field: impl Into<String>, problem: impl Into<String>) -> Self {
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

impl fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ScenarioError::Syntax {
                path,
                message,
                line,
                column,
            } => {
                if path.is_empty() || path == "." {
                    write!(
                        f,
                        "scenario is not valid: {message} (line {line}, column {column})"
                    )
                } else {
                    write!(
                        f,
                        "field `{path}`: {message} (line {line}, column {column})"
                    )
                }
            }
            ScenarioError::Version { found } => write!(
                f,
                "field `version`: this program reads scenario format version {} (got {found})",
                crate::scenario::FORMAT_VERSION
            ),
            ScenarioError::Field { field, problem } => write!(f, "field `{field}`: {problem}"),
        }
    }
}

impl std::error::Error for ScenarioError {}
