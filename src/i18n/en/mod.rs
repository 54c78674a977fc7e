//! English: the model's own language, so its messages are the model's English templates and
//! the presets' words need no translation.

pub(super) mod decide;
pub(super) mod tornado;
pub(super) mod facilitate;
pub(super) mod goal;
pub(super) mod handin;
mod texts;

use super::{Affix, Locale, NumberStyle, one_is_singular};

/// English as the page writes it.
pub static LOCALE: Locale = Locale {
    code: "en",
    texts: &texts::TEXTS,
    numbers: NumberStyle {
        group: ',',
        decimal: '.',
        min_grouping: 1,
        currency: Affix {
            before: "EUR ",
            after: "",
        },
        percent: Affix {
            before: "",
            after: "%",
        },
        compact: [" k", " M", " bn"],
    },
    one: one_is_singular,
};

/// The template of a key worded only by the panel's module, `None` for the others.
pub(super) fn panel_message(key: crate::i18n::Key) -> Option<&'static str> {
    key.panel_english()
}
