//! What a language is to the page: its words, how it writes numbers and money, and when a
//! count takes the singular. Each language folder declares one [`Locale`]; nothing outside
//! these values tells languages apart.

use super::Texts;

/// Everything the page needs to speak one language.
#[derive(Debug)]
pub struct Locale {
    /// The BCP 47 primary code: the `lang` attribute, `?lang=`, the browser's language.
    pub code: &'static str,
    /// The page's words, the model's message templates and the presets' own words.
    pub texts: &'static Texts,
    /// How numbers, money and shares are written.
    pub numbers: NumberStyle,
    /// Whether a count takes the singular (CLDR's plural category `one`) for whole counts.
    pub one: fn(u64) -> bool,
}

/// How a language writes numbers (CLDR's number symbols and patterns, the parts we use).
#[derive(Debug)]
pub struct NumberStyle {
    /// Between groups of three digits.
    pub group: char,
    /// Before the decimals. Typed input also reads the other of `.` and `,` as grouping
    /// when three digits follow it (see [`crate::format::parse_number`]).
    pub decimal: char,
    /// Digits the leftmost group needs before grouping starts (CLDR
    /// `minimumGroupingDigits`): 1 writes `1,234`; 2 writes `1234` but `12 345`.
    pub min_grouping: usize,
    /// Around an amount of euros.
    pub currency: Affix,
    /// Around a percentage.
    pub percent: Affix,
    /// Compact units after a scaled amount: thousands (from 10 000), millions, billions
    /// (10^9), each with its leading space.
    pub compact: [&'static str; 3],
}

/// Text written before and after a number.
#[derive(Debug)]
pub struct Affix {
    /// Before the number.
    pub before: &'static str,
    /// After it.
    pub after: &'static str,
}

impl Affix {
    /// The number with its affixes.
    pub fn around(&self, number: &str) -> String {
        format!("{}{number}{}", self.before, self.after)
    }
}

/// The plural rule of English, Spanish and European Portuguese for whole counts: only 1 is
/// singular (CLDR: `one` is `i = 1 and v = 0`; Brazilian Portuguese would also make 0 singular).
pub fn one_is_singular(n: u64) -> bool {
    n == 1
}
