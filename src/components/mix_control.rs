//! The budget mix: three shares that always add up to 100%, each with a hold switch,
//! and what the money buys.

use adoption_model::{Instrument, Plan};
use yew::prelude::*;

use super::slider_field::{SliderField, dispatching};
use crate::format;
use crate::i18n;
use crate::mix;
use crate::state::Action;
use crate::state::use_app;

/// The three share sliders and the "what it buys" line.
#[component]
pub fn MixControl() -> Html {
    let app = use_app();
    let lang = app.lang;
    let t = lang.texts();
    let percents = app.percents();
    let plan = Plan::new(&app.scenario);
    let left_over = app.scenario.budget_eur - plan.planned_spend_eur;
    let sliders = Instrument::ALL.iter().map(|&instrument| {
        let (i, key) = (instrument.index(), instrument.key());
        let name = t.instruments[i];
        let locked = app.locks[i];
        // The room this share has, and whether it can move at all: the hold rule's.
        let room = mix::room(percents, app.locks, i);
        // A share the consultation fixes: shown, not changed, its hold not released.
        let organised = app.fixed_shares()[i];
        let fixed = organised || !mix::movable(app.locks, i);
        let hint = if organised { t.consult_fixed } else { t.instrument_help[i] };
        let action = Callback::from(move |v: f64| Action::SetShare(instrument, v.round().clamp(0.0, 100.0) as u32));
        let onchange = dispatching(&app, &action);
        let on_lock = {
            let app = app.clone();
            Callback::from(move |_: Event| app.dispatch(Action::ToggleLock(instrument)))
        };
        let lock_id = format!("hold-{key}");
        let amount = app.scenario.budget_eur * f64::from(percents[i]) / 100.0;
        html! {
            <SliderField id={format!("share-{key}")} label={name}
                hint={Some(AttrValue::from(hint))}
                value={f64::from(percents[i])} min={0.0} max={100.0} input_max={Some(f64::from(room))} step={1.0} whole=true
                display={format!("{} · {}", format::percent(f64::from(percents[i]) / 100.0, 0, lang), format::eur_compact(amount, lang))}
                disabled={fixed} {lang} {onchange} {action}>
                <label class="hold" for={lock_id.clone()}>
                    <input type="checkbox" id={lock_id} checked={locked} onchange={on_lock} disabled={organised}
                        aria-label={i18n::fill(t.hold_share, &[name])} />
                    <span aria-hidden="true">{ t.hold }</span>
                </label>
            </SliderField>
        }
    });
    html! {
        <fieldset class="mix">
            <legend>{ t.mix_heading }</legend>
            <p class="hint">{ t.mix_hint }</p>
            { for sliders }
            <p class="buys" data-testid="buys" aria-live="polite">
                { lang.counts(t.buys, &[plan.vouchers, plan.training_actions, plan.pilots]) }
                if left_over >= 1.0 {
                    <span class="left-over">{ " " }{ i18n::fill(t.unspent, &[&format::eur(left_over, lang)]) }</span>
                }
            </p>
        </fieldset>
    }
}
