//! A labelled native `<select>` that reports the chosen value.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// One choice of a [`select_field`].
#[derive(Clone, Debug, PartialEq)]
pub struct Choice {
    /// The value reported when chosen.
    pub value: AttrValue,
    /// What the user reads.
    pub text: AttrValue,
    /// A longer description (tooltip).
    pub title: Option<AttrValue>,
    /// The language of `text`, when it is not the page's (a language's own name).
    pub lang: Option<AttrValue>,
}

impl Choice {
    /// A choice with only a value and a text.
    pub fn new(value: impl Into<AttrValue>, text: impl Into<AttrValue>) -> Choice {
        Choice {
            value: value.into(),
            text: text.into(),
            title: None,
            lang: None,
        }
    }
}

/// What a [`select_field`] shows.
#[derive(PartialEq)]
pub struct SelectFieldProps {
    /// Id of the `<select>`.
    pub id: AttrValue,
    /// Visible label (the accessible name).
    pub label: AttrValue,
    /// The choices, in order.
    pub choices: Vec<Choice>,
    /// The value chosen now.
    pub selected: AttrValue,
    /// Called with the newly chosen value.
    pub onchange: Callback<String>,
}

/// The label above its select.
// NOTE: a function, not a component: it is drawn by three parents that re-render with it
// anyway, and each yew component costs the page about 400 B gzip.
pub fn select_field(props: SelectFieldProps) -> Html {
    let onchange = {
        let report = props.onchange.clone();
        Callback::from(move |e: Event| report.emit(chosen(&e)))
    };
    html! {
        <label class="select" for={props.id.clone()}>
            <span>{ props.label.clone() }</span>
            <select id={props.id.clone()} {onchange}>
                { for props.choices.iter().map(|c| html! {
                    <option value={c.value.clone()} selected={c.value == props.selected}
                        title={c.title.clone()} lang={c.lang.clone()}>{ c.text.clone() }</option>
                }) }
            </select>
        </label>
    }
}

/// The value chosen in the `<select>` a change event comes from (empty from anything else).
pub fn chosen(e: &Event) -> String {
    e.target_dyn_into::<HtmlSelectElement>()
        .map(|s| s.value())
        .unwrap_or_default()
}

/// The page's languages as choices, each named in its own language.
pub fn language_choices() -> Vec<Choice> {
    crate::i18n::Lang::ALL
        .iter()
        .map(|l| Choice {
            lang: Some(l.code().into()),
            ..Choice::new(l.code(), l.texts().language_name)
        })
        .collect()
}
