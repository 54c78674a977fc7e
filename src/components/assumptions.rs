//! The Assumptions panel: the instruments' main parameters, each with its plausible range
//! and its source, editable by its most likely value.

use adoption_model::Param;
use adoption_model::assumption::Assumption;
use yew::prelude::*;

use super::number_field::NumberField;
use crate::format;
use crate::hooks::use_opened;
use crate::i18n::{self, Lang};
use crate::state::{Action, use_app};

fn range_note(param: &Param, decimals: usize, lang: Lang) -> Option<String> {
    param.is_uncertain().then(|| {
        let (low, high) = param.bounds();
        i18n::fill(
            lang.texts().range,
            &[
                &format::number(low, decimals, lang),
                &format::number(high, decimals, lang),
            ],
        )
    })
}

/// The collapsible panel of assumptions.
#[component]
pub fn Assumptions() -> Html {
    let app = use_app();
    let (opened, on_toggle) = use_opened();
    let lang = app.lang;
    let t = lang.texts();
    // Bounds, step, unit and source flag come from the model's table, the one that
    // validates scenarios; the texts are in the same order.
    let rows = Assumption::ALL.iter().map(|&which| {
        let (i, spec) = (which.index(), which.spec());
        let id = format!("assumption-{i}");
        let note_id = format!("{id}-note");
        let param = which.get(&app.scenario);
        let range = range_note(&param, spec.decimals, lang);
        let (value, min) = (param.central(), which.min_in(&app.scenario));
        let onchange = {
            let app = app.clone();
            Callback::from(move |v: f64| app.dispatch(Action::SetAssumption(which, v)))
        };
        html! {
            <li class="assumption">
                <label for={id.clone()}>{ t.assumption_labels[i] }
                    if spec.estimate { <abbr class="est" title={t.estimates_note}>{ t.estimate }</abbr> }
                </label>
                <NumberField id={id} value={value} min={min} max={spec.max} step={spec.step}
                    whole={spec.whole} decimals={spec.decimals} {lang} describedby={Some(AttrValue::from(note_id.clone()))}
                    {onchange} />
                <p class="note" id={note_id}>
                    if let Some(r) = range { <span class="range">{ r }</span>{ " · " } }
                    <span class="source">{ format!("{}: {}", t.source, t.assumption_sources[i]) }</span>
                </p>
            </li>
        }
    });
    html! {
        <details class="assumptions" ontoggle={on_toggle}>
            <summary>{ t.assumptions }</summary>
            // Drawn once opened: some 110 nodes the first render need not make.
            if opened {
                <p class="hint">{ t.assumptions_intro }</p>
                <ul>{ for rows }</ul>
            }
        </details>
    }
}
