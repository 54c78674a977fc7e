//! Portuguese, as written in Portugal (CLDR pt-PT). Browsers set to Brazilian Portuguese
//! (`pt-BR`) get it too: the words are understood there, though Brazil groups digits with
//! `.` and makes 0 singular.

mod data;
mod messages;
pub(super) use messages::panel as panel_message;
pub(super) mod decide;
pub(super) mod tornado;
pub(super) mod facilitate;
pub(super) mod goal;
pub(super) mod handin;
mod texts;

use super::{Affix, Locale, NumberStyle, one_is_singular};

/// Portuguese as the page writes it.
pub static LOCALE: Locale = Locale {
    code: "pt",
    texts: &texts::TEXTS,
    numbers: NumberStyle {
        // CLDR pt-PT (v48): the group separator is U+00A0 NO-BREAK SPACE (not the narrow
        // U+202F French uses), and groups start from five digits: 1234, but 12 345.
        group: '\u{a0}',
        decimal: ',',
        min_grouping: 2,
        // As the Spanish page, euros as "EUR" after the number; CLDR's no-break space.
        currency: Affix {
            before: "",
            after: "\u{a0}EUR",
        },
        // CLDR pt and pt-PT write "12,5%", with no space.
        percent: Affix {
            before: "",
            after: "%",
        },
        // CLDR pt-PT short units "mil" and "M"; for 10^9 CLDR's "mM" is rarely seen, so
        // "mil M" (mil milhões), as the Spanish page.
        compact: ["\u{a0}mil", "\u{a0}M", "\u{a0}mil\u{a0}M"],
    },
    one: one_is_singular,
};
