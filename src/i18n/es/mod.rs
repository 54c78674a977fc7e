//! Spanish (Spain).

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

/// Spanish as the page writes it.
pub static LOCALE: Locale = Locale {
    code: "es",
    texts: &texts::TEXTS,
    numbers: NumberStyle {
        group: '.',
        decimal: ',',
        // CLDR es and the RAE: 3592, but 12.345.
        min_grouping: 2,
        // NOTE: every space around a number is U+00A0 NO-BREAK SPACE (CLDR es: "12,5 %",
        // "1,25 M"), so that a narrow table cell never wraps a sign onto a line of its own.
        currency: Affix {
            before: "",
            after: "\u{a0}EUR",
        },
        // CLDR es: "#,##0 %", the space a no-break one.
        percent: Affix {
            before: "",
            after: "\u{a0}%",
        },
        // "mil M": Spanish has no short word for 10^9 ("billón" is 10^12).
        compact: ["\u{a0}k", "\u{a0}M", "\u{a0}mil\u{a0}M"],
    },
    one: one_is_singular,
};
