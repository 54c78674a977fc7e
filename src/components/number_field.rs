//! A number input that only ever passes on valid values.
//!
//! What the user types stays in the box until they leave it, whatever re-renders happen
//! meanwhile. A value is committed on `change` (Enter, or leaving the field): text that is
//! not a number gets an inline message and changes nothing; a number outside the allowed
//! range is clamped, committed, and explained.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::format;
use crate::i18n::{self, Lang};

/// How a typed text is judged.
#[derive(Clone, Debug, PartialEq)]
pub enum Verdict {
    /// A valid value to commit.
    Valid(f64),
    /// Out of range: commit the clamped value and say so.
    Clamped(f64),
    /// Not a number (or not whole where a whole number is needed): commit nothing.
    Invalid,
}

/// Judges typed text against `[min, max]`, read as the page's language writes numbers
/// (see [`format::parse_number`]). Pure, tested natively.
pub fn judge(text: &str, min: f64, max: f64, whole: bool, lang: Lang) -> Verdict {
    let Some(v) = format::parse_number(text, lang) else {
        return Verdict::Invalid;
    };
    let v = if whole && v.is_finite() { v.round() } else { v };
    if v < min {
        Verdict::Clamped(min)
    } else if v > max {
        Verdict::Clamped(max)
    } else {
        Verdict::Valid(v)
    }
}

/// Properties of [`NumberField`].
#[derive(Properties, PartialEq, Clone)]
pub struct NumberFieldProps {
    /// Element id (for labels and tests).
    pub id: AttrValue,
    /// Accessible name, when no visible `<label for>` names the field.
    #[prop_or_default]
    pub aria_label: Option<AttrValue>,
    /// Id of a hint describing the field.
    #[prop_or_default]
    pub describedby: Option<AttrValue>,
    /// The value in force.
    pub value: f64,
    /// Smallest allowed value.
    pub min: f64,
    /// Largest allowed value.
    pub max: f64,
    /// Step of the browser's arrows.
    pub step: f64,
    /// Whether only whole numbers make sense.
    #[prop_or_default]
    pub whole: bool,
    /// Decimals shown for the value in force.
    #[prop_or_default]
    pub decimals: usize,
    /// Language of messages.
    pub lang: Lang,
    /// Whether the box is disabled.
    #[prop_or_default]
    pub disabled: bool,
    /// Called with each valid (possibly clamped) value.
    pub onchange: Callback<f64>,
}

/// What an inline message says. Kept as a kind, not text, so it follows the language.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Problem {
    NotANumber,
    NotWhole,
    Clamped(f64),
}

impl Problem {
    fn text(self, lang: Lang, decimals: usize) -> String {
        let t = lang.texts();
        match self {
            Problem::NotANumber => t.not_a_number.to_string(),
            Problem::NotWhole => t.whole_number.to_string(),
            Problem::Clamped(v) => i18n::fill(t.clamped, &[&format::number(v, decimals, lang)]),
        }
    }
}

/// The number input with its inline message.
#[component]
pub fn NumberField(props: &NumberFieldProps) -> Html {
    // While the user edits, their text wins over the value in force.
    let draft = use_state_eq(|| None::<String>);
    // A message is about the value in force when it was given: once another control
    // changes that value, it no longer applies and is not shown.
    let problem = use_state_eq(|| None::<(Problem, f64)>);
    let message = problem
        .filter(|(_, about)| *about == props.value)
        .map(|(p, _)| p.text(props.lang, props.decimals));
    let shown = draft
        .as_ref()
        .cloned()
        .unwrap_or_else(|| format::plain(props.value, props.decimals, props.lang));
    let message_id = format!("{}-message", props.id);

    let oninput = {
        let draft = draft.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            draft.set(Some(input.value()));
        })
    };
    let onchange = {
        let (draft, problem, props) = (draft.clone(), problem.clone(), props.clone());
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            match judge(
                &input.value(),
                props.min,
                props.max,
                props.whole,
                props.lang,
            ) {
                Verdict::Valid(v) => {
                    problem.set(None);
                    draft.set(None);
                    props.onchange.emit(v);
                }
                Verdict::Clamped(v) => {
                    problem.set(Some((Problem::Clamped(v), v)));
                    draft.set(None);
                    props.onchange.emit(v);
                }
                Verdict::Invalid => {
                    let kind = if props.whole {
                        Problem::NotWhole
                    } else {
                        Problem::NotANumber
                    };
                    problem.set(Some((kind, props.value)));
                    draft.set(Some(input.value()));
                }
            }
        })
    };
    let onblur = {
        let draft = draft.clone();
        let problem = problem.clone();
        Callback::from(move |_: FocusEvent| {
            // Leaving a field with unreadable text: the value in force comes back, the
            // message stays until the next valid entry.
            if problem.is_some() {
                draft.set(None);
            }
        })
    };
    let describedby = match (&props.describedby, message.is_some()) {
        (Some(hint), true) => Some(format!("{hint} {message_id}")),
        (Some(hint), false) => Some(hint.to_string()),
        (None, true) => Some(message_id.clone()),
        (None, false) => None,
    };
    html! {
        <span class="number-field">
            // A text box, not type="number": the browser's number box silently drops what it
            // cannot read (1.250.000 arrives as 1.250000), so the page reads the text itself,
            // in the page's language.
            <input type="text" id={props.id.clone()} value={shown} autocomplete="off" spellcheck="false"
                inputmode={if props.whole { "numeric" } else { "decimal" }}
                aria-label={props.aria_label.clone()} aria-describedby={describedby}
                aria-invalid={message.is_some().then_some("true")} disabled={props.disabled}
                {oninput} {onchange} {onblur} />
            if let Some(text) = message {
                <span class="field-message" id={message_id} role="alert">{ text }</span>
            }
        </span>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn judges_text() {
        let en = |t| judge(t, 0.0, 100.0, false, Lang::En);
        assert_eq!(en("12"), Verdict::Valid(12.0));
        assert_eq!(en(" 2.5 "), Verdict::Valid(2.5));
        assert_eq!(
            judge("2.5", 0.0, 100.0, true, Lang::En),
            Verdict::Valid(3.0)
        );
        assert_eq!(en("-3"), Verdict::Clamped(0.0));
        assert_eq!(en("1e999"), Verdict::Clamped(100.0));
        assert_eq!(en("abc"), Verdict::Invalid);
        assert_eq!(en(""), Verdict::Invalid);
        assert_eq!(en("NaN"), Verdict::Invalid);
        assert_eq!(
            judge("1.250.000", 0.0, 1e10, false, Lang::Es),
            Verdict::Valid(1_250_000.0)
        );
        assert_eq!(
            judge("1.250.000", 0.0, 1e10, false, Lang::En),
            Verdict::Valid(1_250_000.0)
        );
        assert_eq!(
            judge("2000000,5", 0.0, 1e10, false, Lang::Es),
            Verdict::Valid(2_000_000.5)
        );
        assert_eq!(
            judge("1.25.0", 0.0, 1e10, false, Lang::Es),
            Verdict::Invalid
        );
        // Portuguese: what the page writes (no-break spaces) reads back; so does a dot group.
        let pt = |t| judge(t, 0.0, 1e10, false, Lang::Pt);
        assert_eq!(pt("1\u{a0}250\u{a0}000,5"), Verdict::Valid(1_250_000.5));
        assert_eq!(pt("1 250 000 EUR"), Verdict::Valid(1_250_000.0));
        assert_eq!(pt("1.250"), Verdict::Valid(1_250.0));
        assert_eq!(pt("0,38"), Verdict::Valid(0.38));
    }
}
