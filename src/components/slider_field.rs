//! A labelled slider paired with a number box for exact entry.

use adoption_model::decimal::display;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::number_field::NumberField;
use crate::hooks::anticipate;
use crate::i18n::{self, Lang};
use crate::state::{Action, StateHandle};

/// A slider's `onchange` that dispatches what its value does (its `action`).
pub fn dispatching(app: &StateHandle, action: &Callback<f64, Action>) -> Callback<f64> {
    let (app, action) = (app.clone(), action.clone());
    Callback::from(move |v: f64| app.dispatch(action.emit(v)))
}

/// Properties of [`SliderField`].
#[derive(Properties, PartialEq)]
pub struct SliderFieldProps {
    /// Id of the slider; the number box is `{id}-exact`.
    pub id: AttrValue,
    /// Visible label (also the accessible name of both inputs).
    pub label: AttrValue,
    /// One-line hint under the label.
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    /// The value in force.
    pub value: f64,
    /// Slider minimum.
    pub min: f64,
    /// Slider maximum.
    pub max: f64,
    /// Slider step.
    pub step: f64,
    /// Largest value the number box accepts, when above the slider's range.
    #[prop_or_default]
    pub input_max: Option<f64>,
    /// Whether only whole numbers make sense.
    #[prop_or_default]
    pub whole: bool,
    /// The value in words for people and screen readers (e.g. "EUR 1,250,000").
    pub display: AttrValue,
    /// Language of messages.
    pub lang: Lang,
    /// Whether the inputs are disabled (e.g. a held share).
    #[prop_or_default]
    pub disabled: bool,
    /// Called with each new value: live while dragging, on commit in the box.
    pub onchange: Callback<f64>,
    /// What a value would do to the state: while the slider has focus, its value a step
    /// either way is computed ahead ([`anticipate`]), so a key press or a short drag
    /// shows its exact result at once.
    #[prop_or_default]
    pub action: Option<Callback<f64, Action>>,
    /// Extra controls after the inputs (e.g. a lock).
    #[prop_or_default]
    pub children: Html,
}

/// The slider with its label, value, hint and number box.
#[component]
pub fn SliderField(props: &SliderFieldProps) -> Html {
    let hint_id = format!("{}-hint", props.id);
    // The actions of the values a step either way of `v`, within the slider's range.
    let neighbours = {
        let (action, min, max, step) = (props.action.clone(), props.min, props.max, props.step);
        move |v: f64| {
            let Some(action) = &action else {
                return Vec::new();
            };
            [v - step, v + step]
                .into_iter()
                .filter(|n| (min..=max).contains(n))
                .map(|n| action.emit(n))
                .collect::<Vec<_>>()
        }
    };
    let oninput = {
        let onchange = props.onchange.clone();
        let in_force = display(props.value.min(props.max));
        let neighbours = neighbours.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let v = input.value_as_number();
            // Put the thumb back on the value in force: if the state takes the new value,
            // the re-render moves it there; if the state refuses it (a held share), no
            // re-render happens and the thumb must not stay where it was dragged.
            input.set_value(&in_force);
            if v.is_finite() {
                onchange.emit(v);
                anticipate(neighbours(v));
            }
        })
    };
    let onfocus = {
        let value = props.value.min(props.max);
        Callback::from(move |_: FocusEvent| anticipate(neighbours(value)))
    };
    let onblur = Callback::from(|_: FocusEvent| anticipate(Vec::new()));
    let t = props.lang.texts();
    html! {
        <div class="slider-field">
            <div class="slider-head">
                <label for={props.id.clone()}>{ props.label.clone() }</label>
                <output for={props.id.clone()} class="slider-value">{ props.display.clone() }</output>
            </div>
            if let Some(hint) = props.hint.clone() {
                <p class="hint" id={hint_id.clone()}>{ hint }</p>
            }
            <div class="slider-inputs">
                <input type="range" id={props.id.clone()} min={display(props.min)} max={display(props.max)}
                    step={display(props.step)} value={display(props.value.min(props.max))}
                    aria-valuetext={props.display.clone()}
                    aria-describedby={props.hint.as_ref().map(|_| hint_id.clone())}
                    disabled={props.disabled} {oninput} {onfocus} {onblur} />
                <NumberField id={format!("{}-exact", props.id)} aria_label={i18n::fill(t.exact_value, &[&props.label])}
                    value={props.value} min={props.min} max={props.input_max.unwrap_or(props.max)}
                    step={props.step} whole={props.whole} lang={props.lang} disabled={props.disabled}
                    onchange={props.onchange.clone()} />
                { props.children.clone() }
            </div>
        </div>
    }
}
