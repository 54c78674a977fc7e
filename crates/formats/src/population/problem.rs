//! Why a population file was refused: every problem found, each with its line and column.

use std::fmt;

use crate::message::{Arg, Key, Message};

/// Most problems kept in a [`PopulationError`]; the rest are only counted.
pub const MAX_PROBLEMS: usize = 20;

/// One problem in a population file, worded for the person who made the file.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    /// 1-based line in the file, counting the header as line 1 and blank lines too.
    /// `None` only for a problem with the file as a whole (it is too large to read).
    pub line: Option<usize>,
    /// The column the problem is in, as named in the header (`"adopters"`), or an
    /// unknown header name as written; `None` for a problem with a whole line.
    pub column: Option<String>,
    /// What is wrong and, where it helps, how to fix it.
    pub message: Message,
}

/// Why a population file was refused: the problems found, in file order, up to
/// [`MAX_PROBLEMS`] of them, and how many more there were.
///
/// `Display` writes one problem per line, such as
/// `line 4, column "adopters": 5,000 is more than the segment's 1,200 firms`,
/// and ends with `and N more problems` when some were left out.
#[derive(Clone, Debug, PartialEq)]
pub struct PopulationError {
    /// The problems kept, in file order; never empty.
    pub problems: Vec<Problem>,
    /// How many further problems were found but not kept.
    pub more: usize,
}

impl Problem {
    /// The problem with its line and column, as one message.
    pub fn located(&self) -> Message {
        let what = Arg::Part(Box::new(self.message.clone()));
        let line = |l: usize| Arg::Plain(l as i64);
        match (self.line, &self.column) {
            (Some(l), Some(c)) => Message::new(Key::LineColumn, [line(l), Arg::text(c), what]),
            (Some(l), None) => Message::new(Key::Line, [line(l), what]),
            (None, Some(c)) => Message::new(Key::Column, [Arg::text(c), what]),
            (None, None) => self.message.clone(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.located().fmt(f)
    }
}

impl PopulationError {
    /// One message per line: each problem kept, then how many more there were.
    pub fn lines(&self) -> Vec<Message> {
        let mut lines: Vec<Message> = self.problems.iter().map(Problem::located).collect();
        if self.more > 0 {
            lines.push(Message::new(
                Key::MoreProblems,
                [Arg::Count(self.more as u64)],
            ));
        }
        lines
    }
}

impl fmt::Display for PopulationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, line) in self.lines().iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{line}")?;
        }
        Ok(())
    }
}

impl std::error::Error for PopulationError {}

/// Collects problems in file order, keeping the first [`MAX_PROBLEMS`].
#[derive(Debug, Default)]
pub(super) struct Problems {
    kept: Vec<Problem>,
    more: usize,
}

impl Problems {
    /// Records a problem; returns its index when it was kept (so it can be reworded later).
    pub(super) fn add(
        &mut self,
        line: usize,
        column: Option<&str>,
        message: impl Into<Message>,
    ) -> Option<usize> {
        if self.kept.len() < MAX_PROBLEMS {
            self.kept.push(Problem {
                line: Some(line),
                column: column.map(str::to_string),
                message: message.into(),
            });
            Some(self.kept.len() - 1)
        } else {
            self.more += 1;
            None
        }
    }

    /// Replaces the message of a kept problem.
    pub(super) fn reword(&mut self, index: usize, message: Message) {
        if let Some(problem) = self.kept.get_mut(index) {
            problem.message = message;
        }
    }

    /// Whether any problem was found.
    pub(super) fn is_empty(&self) -> bool {
        self.kept.is_empty() && self.more == 0
    }

    /// The error holding every problem found.
    pub(super) fn into_error(self) -> PopulationError {
        PopulationError {
            problems: self.kept,
            more: self.more,
        }
    }
}

impl PopulationError {
    /// An error with a single problem.
    pub(super) fn single(line: Option<usize>, column: Option<&str>, message: Message) -> Self {
        PopulationError {
            problems: vec![Problem {
                line,
                column: column.map(str::to_string),
                message,
            }],
            more: 0,
        }
    }
}
