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
        currency: Affix {
            before: "",
            after: " EUR",
        },
        percent: Affix {
            before: "",
            after: " %",
        },
        // "mil M": Spanish has no short word for 10^9 ("billón" is 10^12).
        compact: [" k", " M", " mil M"],
    },
    one: one_is_singular,
};
