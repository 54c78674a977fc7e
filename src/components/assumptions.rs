//! The Assumptions panel: the instruments' main parameters, each with its plausible range
//! and its source, editable by its most likely value.

use adoption_model::{Param, Scenario};
use yew::prelude::*;

use super::number_field::NumberField;
use crate::format;
use crate::i18n::Lang;
use crate::state::use_app;
use crate::state::{Action, Assumption};

/// How one assumption is read, bounded and sourced.
struct Spec {
    which: Assumption,
    read: fn(&Scenario) -> Value,
    min: f64,
    max: f64,
    step: f64,
    whole: bool,
    decimals: usize,
    /// Whether the default is our estimate rather than a measured figure.
    estimate: bool,
}

/// A plain value, or an uncertain one with its range.
enum Value {
    Plain(f64),
    Uncertain(Param),
}

const SPECS: [Spec; 11] = [
    Spec {
        which: Assumption::VoucherValue,
        read: |s| Value::Plain(s.vouchers.value_eur),
        min: 0.0,
        max: 1_000_000.0,
        step: 500.0,
        whole: false,
        decimals: 0,
        estimate: true,
    },
    Spec {
        which: Assumption::VoucherAdmin,
        read: |s| Value::Plain(s.vouchers.admin_eur),
        min: 0.0,
        max: 1_000_000.0,
        step: 100.0,
        whole: false,
        decimals: 0,
        estimate: true,
    },
    Spec {
        which: Assumption::VoucherUsed,
        read: |s| Value::Uncertain(s.vouchers.used),
        min: 0.0,
        max: 1.0,
        step: 0.01,
        whole: false,
        decimals: 2,
        estimate: false,
    },
    Spec {
        which: Assumption::VoucherConversion,
        read: |s| Value::Uncertain(s.vouchers.conversion),
        min: 0.0,
        max: 1.0,
        step: 0.01,
        whole: false,
        decimals: 2,
        estimate: true,
    },
    Spec {
        which: Assumption::TrainingCost,
        read: |s| Value::Plain(s.training.cost_per_action_eur),
        min: 1.0,
        max: 1_000_000.0,
        step: 500.0,
        whole: false,
        decimals: 0,
        estimate: true,
    },
    Spec {
        which: Assumption::FirmsPerAction,
        read: |s| Value::Plain(f64::from(s.training.firms_per_action)),
        min: 1.0,
        max: 1_000.0,
        step: 1.0,
        whole: true,
        decimals: 0,
        estimate: false,
    },
    Spec {
        which: Assumption::TrainingUplift,
        read: |s| Value::Uncertain(s.training.uplift),
        min: 0.0,
        max: 1.0,
        step: 0.01,
        whole: false,
        decimals: 2,
        estimate: true,
    },
    Spec {
        which: Assumption::TrainingYears,
        read: |s| Value::Plain(f64::from(s.training.effect_years)),
        min: 0.0,
        max: 20.0,
        step: 1.0,
        whole: true,
        decimals: 0,
        estimate: true,
    },
    Spec {
        which: Assumption::PilotCost,
        read: |s| Value::Plain(s.pilots.cost_eur),
        min: 1.0,
        max: 1_000_000.0,
        step: 1_000.0,
        whole: false,
        decimals: 0,
        estimate: false,
    },
    Spec {
        which: Assumption::PilotSuccess,
        read: |s| Value::Uncertain(s.pilots.success),
        min: 0.0,
        max: 1.0,
        step: 0.01,
        whole: false,
        decimals: 2,
        estimate: true,
    },
    Spec {
        which: Assumption::PeerWeight,
        read: |s| Value::Uncertain(s.pilots.peer_weight),
        min: 0.0,
        max: 1_000.0,
        step: 1.0,
        whole: false,
        decimals: 1,
        estimate: true,
    },
];

fn range_note(param: &Param, decimals: usize, lang: Lang) -> Option<String> {
    param.is_uncertain().then(|| {
        let (low, high) = param.bounds();
        (lang.texts().range)(
            &format::number(low, decimals, lang),
            &format::number(high, decimals, lang),
        )
    })
}

/// The collapsible panel of assumptions.
#[component]
pub fn Assumptions() -> Html {
    let app = use_app();
    let lang = app.lang;
    let t = lang.texts();
    let rows = SPECS.iter().enumerate().map(|(i, spec)| {
        let id = format!("assumption-{i}");
        let note_id = format!("{id}-note");
        let (value, range) = match (spec.read)(&app.scenario) {
            Value::Plain(v) => (v, None),
            Value::Uncertain(p) => (p.central(), range_note(&p, spec.decimals, lang)),
        };
        let which = spec.which;
        // A voucher must cost at least a euro in all (grant plus administration).
        let min = match which {
            Assumption::VoucherValue => spec.min.max(1.0 - app.scenario.vouchers.admin_eur),
            Assumption::VoucherAdmin => spec.min.max(1.0 - app.scenario.vouchers.value_eur),
            _ => spec.min,
        };
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
        <details class="assumptions">
            <summary>{ t.assumptions }</summary>
            <p class="hint">{ t.assumptions_intro }</p>
            <ul>{ for rows }</ul>
        </details>
    }
}
