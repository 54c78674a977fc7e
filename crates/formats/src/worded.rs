//! The core's typed problems as messages: the words for [`ScenarioError`] and
//! [`Problem`], with the same English the command line has always printed.

use adoption_model::ScenarioError;
use adoption_model::error::{Problem, RangePart, Whole};
use adoption_model::scenario::FORMAT_VERSION;

use crate::message::{Arg, Key, Message};

impl From<Whole> for Arg {
    fn from(whole: Whole) -> Arg {
        match whole {
            Whole::Plain(n) => Arg::Plain(n),
            Whole::Count(n) => Arg::Count(n),
        }
    }
}

/// What is wrong with a field, as a message (without the field's name).
pub fn problem(problem: &Problem) -> Message {
    let n = Arg::Number;
    match problem {
        Problem::Version { found } => Message::new(
            Key::VersionUnknown,
            [
                Arg::Plain(FORMAT_VERSION as i64),
                Arg::Plain(i64::try_from(*found).unwrap_or(i64::MAX)),
            ],
        ),
        Problem::Between { min, max, got } => {
            Message::new(Key::BetweenGot, [n(*min), n(*max), n(*got)])
        }
        Problem::WholeBetween { min, max } => {
            Message::new(Key::Between, [(*min).into(), (*max).into()])
        }
        Problem::RangeBetween {
            part,
            min,
            max,
            got,
        } => {
            let key = match part {
                RangePart::Low => Key::LowBetween,
                RangePart::Mode => Key::ModeBetween,
                RangePart::High => Key::HighBetween,
            };
            Message::new(key, [n(*min), n(*max), n(*got)])
        }
        Problem::RangeOrder { low, mode, high } => {
            Message::new(Key::RangeOrder, [n(*low), n(*mode), n(*high)])
        }
        Problem::HorizonPast { last } => {
            Message::new(Key::HorizonPast, [Arg::Plain((*last).into())])
        }
        Problem::ProgrammeYears { max } => {
            Message::new(Key::ProgrammeYears, [Arg::Plain((*max).into())])
        }
        Problem::MixSum { sum } => Message::new(Key::MixSum, [n(*sum)]),
        Problem::SegmentCount { max } => Message::new(Key::SegmentCount, [Arg::Plain(*max as i64)]),
        Problem::NotEmpty => Key::NotEmpty.into(),
        Problem::NameUsed { name } => Message::new(Key::NameUsed, [Arg::text(name)]),
        Problem::AdoptersAboveFirms { firms, adopters } => Message::new(
            Key::AdoptersAboveFirms,
            [Arg::Count((*firms).into()), Arg::Count((*adopters).into())],
        ),
        Problem::TotalFirms { max, total } => Message::new(
            Key::TotalFirms,
            [Arg::Count((*max).into()), Arg::Count(*total)],
        ),
        Problem::TooManyCells { cells, max } => {
            Message::new(Key::TooManyCells, [Arg::Count(*cells), Arg::Count(*max)])
        }
        Problem::VoucherMinimum => Key::VoucherMinimum.into(),
        Problem::TargetCount { max } => Message::new(Key::TargetCount, [Arg::Plain(*max as i64)]),
        Problem::TargetYear { start, horizon } => Message::new(
            Key::TargetYear,
            [Arg::Plain((*start).into()), Arg::Plain((*horizon).into())],
        ),
        Problem::TextTooLong { max, got } => Message::new(
            Key::TextTooLong,
            [Arg::Plain(*max as i64), Arg::Plain(*got as i64)],
        ),
        Problem::ControlCharacters => Key::ControlCharacters.into(),
    }
}

/// A refused field as one message: "field `years`: must be between 1 and 50".
pub fn field(field: &str, problem: Message) -> Message {
    Message::new(Key::Field, [Arg::text(field), Arg::Part(Box::new(problem))])
}

impl From<&ScenarioError> for Message {
    fn from(error: &ScenarioError) -> Message {
        field(&error.field, problem(&error.problem))
    }
}

impl From<&Problem> for Message {
    fn from(p: &Problem) -> Message {
        problem(p)
    }
}
