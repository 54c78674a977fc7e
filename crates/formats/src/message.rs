//! What the model tells people, in any language.
//!
//! Every message a user can get from this crate (why a scenario, a link or a population
//! file was refused) is a [`Message`]: a [`Key`] naming the sentence and the values it
//! mentions ([`Arg`]). English is here, as each key's template ([`Key::english`]), and is
//! what `Display` writes (the CLI's messages). A page in another language renders the same
//! message with its own template for each key and its own number format
//! ([`Message::render`]): adding a language is one table of templates, checked against
//! these.
//!
//! A template is text with placeholders: `{0}` is the first argument, `{1}` the second;
//! `{0|firm|firms}` writes a count followed by the word for one or for many. A message can
//! hold another ([`Arg::Part`]), so a wrapper such as "field `{0}`: {1}" is translated
//! once.
//!
//! ```
//! use adoption_formats::message::{Arg, Key, Message};
//! let m = Message::new(Key::Between, [Arg::Plain(1), Arg::Plain(50)]);
//! assert_eq!(m.to_string(), "must be between 1 and 50");
//! let spanish = m.render(&|_| "debe estar entre {0} y {1}", &|a| a.english(), |n| n == 1);
//! assert_eq!(spanish, "debe estar entre 1 y 50");
//! ```

use std::fmt;

/// One value a message mentions.
#[derive(Clone, Debug, PartialEq)]
pub enum Arg {
    /// A count, written with thousands separators (`10,000,000`).
    Count(u64),
    /// A number as the user gave it or a limit (`0.38`, `1000000000`).
    Number(f64),
    /// A whole number written as plain digits: a year, a line, a version.
    Plain(i64),
    /// Text shown as it is: what the user wrote, or a field, column or link part's name.
    Text(String),
    /// A message inside this one.
    Part(Box<Message>),
}

impl Arg {
    /// Text from the user or a name, cut to a length that fits a message.
    pub fn text(text: &str) -> Arg {
        Arg::Text(clip(text, CLIP))
    }

    /// The argument as English writes it (nested messages in English too).
    pub fn english(&self) -> String {
        match self {
            Arg::Count(n) => grouped(*n),
            Arg::Number(v) => tidy(*v),
            Arg::Plain(n) => n.to_string(),
            Arg::Text(t) => t.clone(),
            Arg::Part(m) => m.to_string(),
        }
    }
}

impl From<Message> for Arg {
    fn from(message: Message) -> Arg {
        Arg::Part(Box::new(message))
    }
}

/// A sentence for a person: which one, and the values it mentions.
#[derive(Clone, Debug, PartialEq)]
pub struct Message {
    /// Which sentence.
    pub key: Key,
    /// The values, in the order the templates number them.
    pub args: Vec<Arg>,
}

impl Message {
    /// A message with its arguments.
    pub fn new(key: Key, args: impl IntoIterator<Item = Arg>) -> Message {
        Message {
            key,
            args: args.into_iter().collect(),
        }
    }

    /// The message in some language: `template` gives the sentence for each key,
    /// `arg` writes a value (for [`Arg::Part`], it is rendered with the same three) and
    /// `one` says whether a count takes the word for one (the language's plural rule).
    pub fn render(
        &self,
        template: &dyn Fn(Key) -> &'static str,
        arg: &dyn Fn(&Arg) -> String,
        one: fn(u64) -> bool,
    ) -> String {
        let written = |a: &Arg| match a {
            Arg::Part(m) => m.render(template, arg, one),
            other => arg(other),
        };
        fill(template(self.key), &self.args, &written, one)
    }
}

/// Separates the tokens of [`Message::encode`]'s text (ASCII's unit separator).
const UNIT: char = '\u{1f}';

impl Message {
    /// The message as one line of text, exactly (numbers by their bits), for a channel
    /// between the page's two WebAssembly modules: the panel's module reads a population
    /// file and the page words its problems (see `src/decide/bridge.rs`).
    pub fn encode(&self) -> String {
        let mut out = String::new();
        self.encode_into(&mut out);
        out
    }

    fn encode_into(&self, out: &mut String) {
        let index = Key::ALL.iter().position(|k| *k == self.key).unwrap_or(0);
        out.push_str(&format!("{index}{UNIT}{}", self.args.len()));
        for arg in &self.args {
            out.push(UNIT);
            match arg {
                Arg::Count(n) => out.push_str(&format!("c{n}")),
                Arg::Number(v) => out.push_str(&format!("n{:x}", v.to_bits())),
                Arg::Plain(n) => out.push_str(&format!("p{n}")),
                // The separator cannot occur in a text (it is a control character, which
                // a file's words shown to a person do not need).
                Arg::Text(t) => {
                    out.push('t');
                    out.extend(t.chars().map(|c| if c == UNIT { ' ' } else { c }));
                }
                Arg::Part(m) => {
                    out.push('m');
                    m.encode_into(out);
                }
            }
        }
    }

    /// Reads [`Message::encode`]'s text; `None` for anything else.
    pub fn decode(text: &str) -> Option<Message> {
        // A nested message's first token is its argument's, after the `m`.
        let tokens: Vec<&str> = text.split(UNIT).collect();
        let mut at = 0;
        let message = Message::decode_at(&tokens, &mut at, None, 0)?;
        (at == tokens.len()).then_some(message)
    }

    fn decode_at(
        tokens: &[&str],
        at: &mut usize,
        first: Option<&str>,
        depth: u8,
    ) -> Option<Message> {
        // Messages nest two or three deep; a deeper text is not one of ours.
        if depth > 8 {
            return None;
        }
        let mut next = || {
            let token = tokens.get(*at).copied();
            *at += 1;
            token
        };
        let key_token = match first {
            Some(t) => t,
            None => next()?,
        };
        let key = *Key::ALL.get(key_token.parse::<usize>().ok()?)?;
        let count: usize = next()?.parse().ok()?;
        let mut args = Vec::with_capacity(count.min(16));
        for _ in 0..count {
            let token = tokens.get(*at)?;
            *at += 1;
            let (kind, rest) = token.split_at_checked(1)?;
            args.push(match kind {
                "c" => Arg::Count(rest.parse().ok()?),
                "n" => Arg::Number(f64::from_bits(u64::from_str_radix(rest, 16).ok()?)),
                "p" => Arg::Plain(rest.parse().ok()?),
                "t" => Arg::Text(rest.to_string()),
                "m" => Arg::Part(Box::new(Message::decode_at(
                    tokens,
                    at,
                    Some(rest),
                    depth + 1,
                )?)),
                _ => return None,
            });
        }
        Some(Message { key, args })
    }
}

impl From<Key> for Message {
    fn from(key: Key) -> Message {
        Message::new(key, [])
    }
}

impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(&Key::english, &Arg::english, english_one))
    }
}

/// English's plural rule: one is 1.
fn english_one(n: u64) -> bool {
    n == 1
}

/// A template with its placeholders filled: `written` writes each argument, `one` says
/// whether a count takes the word for one. The one template syntax of every message and
/// every text the page shows.
pub fn fill(
    template: &str,
    args: &[Arg],
    written: &dyn Fn(&Arg) -> String,
    one: fn(u64) -> bool,
) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            out.push_str(&rest[open..]);
            return out;
        };
        let inside = &after[..close];
        match placeholder(inside, args) {
            Some((a, None)) => out.push_str(&written(a)),
            Some((a, Some((singular, plural)))) => {
                out.push_str(&written(a));
                out.push(' ');
                let is_one = match a {
                    Arg::Count(n) => one(*n),
                    Arg::Plain(n) => u64::try_from(*n).is_ok_and(one),
                    _ => false,
                };
                out.push_str(if is_one { singular } else { plural });
            }
            // Not a placeholder (a brace in the text, as in `{"version": 1}`).
            None => {
                out.push('{');
                rest = after;
                continue;
            }
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out
}

/// `0` or `0|firm|firms`: the argument and, for a count with words, the two words.
fn placeholder<'a, 'b>(
    inside: &'a str,
    args: &'b [Arg],
) -> Option<(&'b Arg, Option<(&'a str, &'a str)>)> {
    let mut parts = inside.split('|');
    let index: usize = parts.next()?.parse().ok()?;
    let arg = args.get(index)?;
    match (parts.next(), parts.next(), parts.next()) {
        (None, _, _) => Some((arg, None)),
        (Some(one), Some(many), None) => Some((arg, Some((one, many)))),
        _ => None,
    }
}

/// The placeholders a template uses, by argument index (for checking translations).
pub fn placeholders(template: &str) -> Vec<usize> {
    let mut found = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        let inside = &after[..close];
        let index = inside.split('|').next().and_then(|i| i.parse().ok());
        match index {
            Some(i) => {
                found.push(i);
                rest = &after[close + 1..];
            }
            None => rest = after,
        }
    }
    found
}

/// `1,234,567`: a count with thousands separators, as English writes it.
pub fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A number for a message: at most 12 significant digits, so float noise such as
/// 0.030000000000000002 reads 0.03; no thousands separators.
pub fn tidy(v: f64) -> String {
    let text = adoption_model::decimal::fixed(adoption_model::decimal::significant(v, 12), 17);
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    }
}

/// How long a name or a value from the user may be in a message, in characters.
pub const CLIP: usize = 60;
/// How long a value echoed from a link may be (links are long and mostly unreadable).
pub const CLIP_LINK: usize = 40;
/// How long the JSON reader's own words may be (long enough for its list of a scenario's
/// field names).
pub const CLIP_READER: usize = 320;

/// Text for a message, cut to `max` characters (and an ellipsis) so it fits one line.
/// The one place text is cut: callers choose [`CLIP`], [`CLIP_LINK`] or [`CLIP_READER`].
pub fn clip(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let cut: String = text.chars().take(max).collect();
        format!("{cut}…")
    }
}

/// Declares the keys with their English templates; those after the `;` are worded only
/// by the best-mix panel's module and the CLI (see [`Key::panel_english`]).
macro_rules! keys {
    ($($(#[$attr:meta])* $key:ident => $en:literal,)* ; $($pkey:ident => $pen:literal,)*) => {
        /// Every sentence the model can say; the variant's documentation is its English
        /// template.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Key {
            $(
                $(#[$attr])*
                #[doc = $en]
                $key,
            )*
            $(
                #[doc = $pen]
                $pkey,
            )*
        }

        impl Key {
            /// Every key, in declaration order.
            pub const ALL: &'static [Key] = &[$($(#[$attr])* Key::$key,)* $(Key::$pkey,)*];

            /// The English template (in WebAssembly, empty for a panel key: see
            /// [`Key::panel_english`]).
            pub fn english(self) -> &'static str {
                match self {
                    $($(#[$attr])* Key::$key => $en,)*
                    $(
                        #[cfg(not(target_arch = "wasm32"))]
                        Key::$pkey => $pen,
                    )*
                    #[cfg(target_arch = "wasm32")]
                    _ => "",
                }
            }

            /// The English template of a key worded only by the panel's module (the
            /// series reader's), `None` for the others.
            // NOTE: the page's own module words every other key through `english` (and
            // each language's table); these texts in three languages would cost its first
            // load 0.74 KB gzip, so in WebAssembly they are reached only from here.
            pub fn panel_english(self) -> Option<&'static str> {
                match self {
                    $(Key::$pkey => Some($pen),)*
                    #[allow(unreachable_patterns)]
                    _ => None,
                }
            }
        }
    };
}

keys! {
    // Wrappers: where a problem is.
    Field => "field `{0}`: {1}",
    FieldAt => "field `{0}`: {1} (line {2}, column {3})",
    ScenarioAt => "scenario is not valid: {0} (line {1}, column {2})",
    LinkPart => "link part `{0}`: {1}",
    LineColumn => "line {0}, column \"{1}\": {2}",
    Line => "line {0}: {1}",
    Column => "column \"{0}\": {1}",
    MoreProblems => "and {0|more problem|more problems}",

    // Reading JSON (`{0}` alone is the JSON reader's own words).
    JsonSyntax => "{0}",
    JsonEof => "{0}",
    JsonUnknownField => "unknown field `{0}`, {1}",
    JsonMissingField => "missing field `{0}`",
    JsonUnknownVariant => "unknown variant `{0}`, {1}",
    JsonWrongType => "{0}",
    JsonData => "{0}",
    NotAnObject => "a scenario must be a JSON object such as {\"version\": {0}}",
    VersionRequired => "is required; write \"version\": {0}",
    VersionNotWhole => "must be the whole number 1 or {0} (got {1})",
    VersionUnknown => "this program reads scenario format version 1 or {0} (got {1})",

    // Ranges and rules of a scenario.
    Between => "must be between {0} and {1}",
    BetweenGot => "must be between {0} and {1} (got {2})",
    LowBetween => "low must be between {0} and {1} (got {2})",
    ModeBetween => "mode must be between {0} and {1} (got {2})",
    HighBetween => "high must be between {0} and {1} (got {2})",
    RangeOrder => "needs low <= mode <= high (got low {0}, mode {1}, high {2})",
    HorizonPast => "start_year + years must not pass {0}",
    ProgrammeYears => "must be between 1 and {0} (and not more than years)",
    MixSum => "vouchers + training + pilots must add up to 1 (got {0})",
    SegmentCount => "must list between 1 and {0} segments",
    NotEmpty => "must not be empty",
    NameUsed => "\"{0}\" is used by another segment",
    AdoptersAboveFirms => "must be between 0 and the segment's firms, {0} (got {1})",
    TotalFirms => "firms across all segments must not exceed {0} (got {1})",
    TooManyCells => "runs x (years + 1) x segments is {0}, more than the {1} that fit in memory: lower runs, years or the number of segments",
    VoucherMinimum => "value_eur + admin_eur must be at least 1 euro",
    TargetCount => "must list at most {0} targets",
    TargetYear => "must be between the start year {0} and the horizon {1}",
    TextTooLong => "must be at most {0} characters (got {1})",
    ControlCharacters => "must not contain control characters",

    // Links.
    LinkVersion => "this link was made by a different version of the simulator (link format \"{0}\"); it can only read formats 1 and {1}, so the reference scenario is shown",
    LinkPreset => "there is no preset \"{0}\"; the reference scenario is used",
    LinkMixShape => "must be three whole percents like 40-20-40 (got \"{0}\")",
    LinkMixSum => "the three percents must add up to 100 (got \"{0}\")",
    LinkDamaged => "is damaged (perhaps cut short when copied); the other parts were used",
    LinkFieldKept => "was not usable ({0}); the base's value was kept",
    LinkUnknownPart => "is not part of a scenario link and was ignored",
    NotANumber => "is not a number (got \"{0}\")",
    NotWhole => "is not a whole number (got \"{0}\")",
    TooLarge => "is too large (got \"{0}\")",

    // Population files.
    CsvTooLarge => "the file is {0} bytes; the most this reads is {1} bytes (1 MiB), far more than {2} segments need",
    CsvNotText => "this is not a text file: save the table as CSV (in Excel: \"CSV UTF-8\")",
    CsvEmpty => "the file is empty: the first line must be a header such as segment,firms,adopters, then one row per segment",
    CsvNoRows => "the file has a header but no segments: add one row per segment below it",
    CsvNoHeader => "the first line must be the header, naming the columns segment, firms, adopters (and, if wanted, p, q, aware_share, exit_rate, entry_rate); it reads: {0}",
    ColumnTwice => "this column appears twice in the header",
    ColumnUnknown => "unknown column: the columns are segment, firms, adopters, p, q, aware_share, exit_rate and entry_rate",
    ColumnUnknownHint => "unknown column (did you mean {0}?): the columns are segment, firms, adopters, p, q, aware_share, exit_rate and entry_rate",
    HeaderTooWide => "the header has {0} columns, far more than the eight a population file has",
    ColumnMissing => "this required column is missing from the header (segment, firms and adopters are required)",
    TooManySegments => "the file has {0} segments; a population has at most {1} (this is segment {2})",
    FirmsSoFar => "the segments up to this line have {0} firms in all; a population has at most {1}",
    RowWidth => "this line has {0|cell|cells} but the header has {1|column|columns}",
    RowWidthQuote => "this line has {0|cell|cells} but the header has {1|column|columns}; a cell runs over a line break here: is a closing quote (\") missing?",
    RowWidthComma => "this line has {0|cell|cells} but the header has {1|column|columns}; in a comma-separated file a number written with a comma (15,300 or 0,38) splits into two cells: write 15300 and 0.38, or put the cell in quotes",
    UnnamedCell => "cell {0} has a value but its column has no name in the header",
    SegmentNameTaken => "\"{0}\" is already the name of the segment on line {1}",
    AdoptersMoreThanFirms => "{0} is more than the segment's {1|firm|firms}",
    FirmsEmpty => "is empty: write the number of firms in the segment",
    AdoptersEmpty => "is empty: write the number of firms that have already adopted (0 if none)",
    ThousandsSeparator => "\"{0}\" has a thousands separator: write {1}, digits only",
    CellNotWhole => "\"{0}\" is not a whole number",
    CellNotParam => "\"{0}\" is not a number or a range: write a number such as 0.38, or a range low..high or low..mode..high such as 0.30..0.38..0.53",
    CellPercent => "\"{0}\" is a percentage: write it as a share, {1}",
    CellDecimalComma => "\"{0}\" is not a number: in a comma-separated file write decimals with a point ({1})",
    NameMissing => "the segment has no name",
    NameTooLong => "the name is {0} characters long; the most is {1}",
    NameLineBreak => "the name runs over a line break: is a closing quote (\") missing?",
    NameControl => "the name contains a control character (such as a tab)",
    NameUnreadable => "the name has characters that could not be read (\u{fffd}): save the file as \"CSV UTF-8\"",

    // A consultation's set-up link (`consultation`) and the code it shares with hand-in
    // links (`handin`).
    HandinCode => "a consultation code is 1 to {0} letters a-z, digits or hyphens (got \"{1}\")",
    ConsultLock => "\"{0}\" cannot be fixed: a consultation fixes budget, vouchers, training or pilots",
    ConsultQuestionLong => "the question is longer than {0} characters and was cut",
    ConsultGroupsMany => "a consultation offers at most {0} groups; the rest were left out",

    // Observed series (calibration), worded by the panel's module only.
    ;
    SeriesEmpty => "the series is empty: write one line per year, such as 2021,0.26 (the year, the share of firms that have adopted and, if known, the survey's sample size)",
    SeriesTooShort => "the series has {0|point|points}; fitting p and q needs at least {1}",
    SeriesCells => "this line has {0|cell|cells}; a line of a series has a year, a share and, if known, a sample size, such as 2021,0.26,1500",
    SeriesHeader => "the header must name the columns year, share and, if wanted, sample_size; it reads: {0}",
    SeriesYear => "\"{0}\" is not a year from {1} to {2}",
    SeriesShare => "\"{0}\" is not a share from 0 to 1",
    SeriesSampleSize => "\"{0}\" is not a sample size: write the whole number of firms surveyed, at least 1",
    SeriesUnsorted => "year {0} comes after year {1}: list the years in increasing order",
    SeriesDuplicate => "year {0} is listed twice (also on line {1})",

    // Hand-in links of a public consultation (`handin`), worded by the panel's module only.
    HandinNotLink => "this is not a hand-in link: a hand-in link has h= followed by its code",
    HandinEmpty => "the hand-in link has h= but no code after it",
    HandinCharacters => "the hand-in code has a character no hand-in code has: was it changed when copied?",
    HandinTruncated => "the hand-in code is cut short or lost a character ({0} of {1} characters): copy the whole link",
    HandinTooLong => "the hand-in code is longer than it says it is: something was added to it",
    HandinChecksum => "the hand-in code's checksum does not match: a character was changed",
    HandinVersion => "this hand-in link is of format version {0}; this simulator reads version {1}",
    HandinMix => "the plan's mix is not three whole percents adding up to 100",
    HandinBudget => "the plan's budget is not a whole number of euros from 0 to {0}",
    HandinYears => "the plan's programme is not valid (start year {0}, {1} years)",
    HandinCodeBroken => "the hand-in code's consultation code is not readable",
    HandinGroup => "a group is at most {0} letters, digits, spaces or hyphens (got \"{1}\")",
    HandinGroupBroken => "the hand-in code's group is not readable",
    HandinNonce => "the hand-in code's nonce (the number telling two hand-ins apart) is missing",
    HandinOtherConsultation => "this plan was handed in to consultation \"{0}\", not \"{1}\"",
    HandinDuplicate => "the same hand-in as on line {0}, counted once",
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_cross_between_modules_exactly() {
        let inner = Message::new(Key::Between, [Arg::Number(-0.0), Arg::Number(0.1 + 0.2)]);
        let m = Message::new(
            Key::LineColumn,
            [
                Arg::Plain(-12),
                Arg::text("p \u{1f} «ñ» \n"),
                Message::new(Key::Field, [Arg::Count(u64::MAX), inner.into()]).into(),
                Arg::Number(f64::INFINITY),
            ],
        );
        let back = Message::decode(&m.encode()).expect("read back");
        // The separator in a text becomes a space; everything else is as it was, bit for bit.
        assert_eq!(back.args[1], Arg::Text("p   «ñ» \n".into()));
        assert_eq!(back.args[0], m.args[0]);
        assert_eq!(back.args[2], m.args[2]);
        let Arg::Part(field) = &back.args[2] else {
            panic!("nested")
        };
        let Arg::Part(between) = &field.args[1] else {
            panic!("nested twice")
        };
        assert!(matches!(between.args[0], Arg::Number(z) if z == 0.0 && z.is_sign_negative()));
        assert_eq!(back.args[3], Arg::Number(f64::INFINITY));
        let nan = Message::new(Key::Between, [Arg::Number(f64::NAN)]);
        assert!(
            matches!(Message::decode(&nan.encode()).expect("nan").args[0], Arg::Number(v) if v.is_nan())
        );
        for key in Key::ALL {
            assert_eq!(
                Message::decode(&Message::from(*key).encode()),
                Some(Message::from(*key))
            );
        }
    }

    #[test]
    fn anything_else_is_not_a_message() {
        let good =
            Message::new(Key::Line, [Arg::Plain(3), Message::from(Key::Field).into()]).encode();
        let mut bad = vec![
            String::new(),
            "x".into(),
            "0".into(),
            "99999\u{1f}0".into(),
            "0\u{1f}1".into(),
            "0\u{1f}1\u{1f}q1".into(),
            "0\u{1f}1\u{1f}nzz".into(),
            "0\u{1f}0\u{1f}extra".into(),
            "0\u{1f}18446744073709551615".into(),
        ];
        // Every cut of a good text, and a message nested too deep.
        bad.extend(
            (0..good.len())
                .filter(|&i| good.is_char_boundary(i))
                .map(|i| good[..i].to_string()),
        );
        let mut deep = Message::from(Key::Field);
        for _ in 0..20 {
            deep = Message::new(Key::Field, [deep.into()]);
        }
        bad.push(deep.encode());
        for text in bad {
            assert_eq!(Message::decode(&text), None, "{text:?}");
        }
    }

    #[test]
    fn templates_fill_their_placeholders() {
        let m = Message::new(Key::RowWidth, [Arg::Count(1), Arg::Count(1_000)]);
        assert_eq!(
            m.to_string(),
            "this line has 1 cell but the header has 1,000 columns"
        );
        let m = Message::new(Key::NotAnObject, [Arg::Plain(1)]);
        assert_eq!(
            m.to_string(),
            "a scenario must be a JSON object such as {\"version\": 1}"
        );
        let nested = Message::new(
            Key::Field,
            [
                Arg::text("years"),
                Message::new(Key::Between, [Arg::Plain(1), Arg::Plain(50)]).into(),
            ],
        );
        assert_eq!(
            nested.to_string(),
            "field `years`: must be between 1 and 50"
        );
    }

    #[test]
    fn odd_templates_never_panic() {
        for template in [
            "{",
            "}",
            "{9}",
            "{0|a}",
            "{0|a|b|c}",
            "{x}",
            "{{0}}",
            "{0",
            "{}",
        ] {
            let out = fill(template, &[Arg::Plain(3)], &Arg::english, english_one);
            assert!(!out.is_empty() || template.is_empty(), "{template}");
        }
        assert_eq!(
            fill("{{0}}", &[Arg::Plain(3)], &Arg::english, english_one),
            "{3}"
        );
    }

    #[test]
    fn every_english_template_uses_arguments_from_zero_without_gaps() {
        for key in Key::ALL {
            let mut used = placeholders(key.english());
            used.sort_unstable();
            used.dedup();
            assert!(
                used.iter().enumerate().all(|(i, u)| i == *u),
                "{key:?}: {used:?}"
            );
        }
    }

    #[test]
    fn numbers_read_as_people_write_them() {
        assert_eq!(tidy(0.030000000000000002), "0.03");
        assert_eq!(tidy(1e9), "1000000000");
        assert_eq!(grouped(10_000_000), "10,000,000");
        assert_eq!(grouped(999), "999");
    }
}
