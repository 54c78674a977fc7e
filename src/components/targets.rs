//! The targets editor: add, change and remove targets (extra adopters, adopters, or the
//! share of firms adopting, by a year); the chart marks them and the results give the
//! chance of meeting each.

use adoption_model::scenario::{Target, TargetKind};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::number_field::NumberField;
use crate::i18n;
use crate::state::Action;
use crate::state::use_app;

const KINDS: [TargetKind; 3] = [
    TargetKind::AdditionalAdopters,
    TargetKind::Adopters,
    TargetKind::AdoptionShare,
];

fn kind_index(kind: TargetKind) -> usize {
    KINDS.iter().position(|k| *k == kind).unwrap_or(0)
}

/// The targets of the scenario, editable.
#[component]
pub fn Targets() -> Html {
    let app = use_app();
    let lang = app.lang;
    let t = lang.texts();
    let s = &app.scenario;
    let firms = s.total_firms() as f64;
    let (first, last) = (s.start_year + 1, s.horizon_year());
    let full = s.targets.len() >= adoption_model::scenario::limits::MAX_TARGETS;
    let rows = s.targets.iter().enumerate().map(|(i, target)| {
        let target = target.clone();
        let id = |f: &str| format!("target-{i}-{f}");
        let on_kind = {
            let (app, target) = (app.clone(), target.clone());
            move |e: Event| {
                let k = e.target_unchecked_into::<HtmlSelectElement>().selected_index().max(0) as usize;
                let kind = KINDS[k.min(2)];
                // A share and a count are not interchangeable: start the new kind afresh.
                let value = match kind { TargetKind::AdoptionShare => 0.5, _ => 100.0 };
                app.dispatch(Action::SetTarget(i, Target { kind, value, label: String::new(), ..target.clone() }));
            }
        };
        let on_year = {
            let (app, target) = (app.clone(), target.clone());
            move |e: Event| {
                let year = e.target_unchecked_into::<HtmlSelectElement>().value().parse().unwrap_or(target.year);
                app.dispatch(Action::SetTarget(i, Target { year, label: String::new(), ..target.clone() }));
            }
        };
        let on_value = {
            let (app, target) = (app.clone(), target.clone());
            Callback::from(move |v: f64| {
                let value = if target.kind == TargetKind::AdoptionShare { v / 100.0 } else { v };
                app.dispatch(Action::SetTarget(i, Target { value, label: String::new(), ..target.clone() }));
            })
        };
        let on_remove = { let app = app.clone(); move |_| app.dispatch(Action::RemoveTarget(i)) };
        let (shown, max, decimals) = match target.kind {
            TargetKind::AdoptionShare => (target.value * 100.0, 100.0, 1),
            _ => (target.value, firms, 0),
        };
        html! {
            <li class="target-row">
                <span class="target-field">
                    <label for={id("kind")}>{ t.target_fields[0] }</label>
                    <select id={id("kind")} onchange={on_kind}>
                        { for KINDS.iter().enumerate().map(|(k, _)| html! {
                            <option selected={k == kind_index(target.kind)}>{ t.target_kinds[k] }</option>
                        }) }
                    </select>
                </span>
                <span class="target-field">
                    <label for={id("year")}>{ t.target_fields[1] }</label>
                    <select id={id("year")} onchange={on_year}>
                        { for (first..=last).map(|y| html! { <option value={y.to_string()} selected={y == target.year}>{ y }</option> }) }
                    </select>
                </span>
                <span class="target-field">
                    <label for={id("value")}>{ format!("{}{}", t.target_fields[2], if target.kind == TargetKind::AdoptionShare { " (%)" } else { "" }) }</label>
                    <NumberField id={id("value")} value={shown} min={0.0} {max} step={if decimals == 0 { 1.0 } else { 0.1 }}
                        whole={decimals == 0} {decimals} {lang} onchange={on_value} />
                </span>
                <button type="button" class="remove" aria-label={i18n::fill(t.remove_target, &[&(i + 1).to_string()])} onclick={on_remove}>{ "✕" }</button>
            </li>
        }
    });
    let on_add = {
        let app = app.clone();
        move |_| {
            let year = (app.scenario.start_year + 5).min(app.scenario.horizon_year());
            app.dispatch(Action::AddTarget(Target {
                kind: TargetKind::AdditionalAdopters,
                year,
                value: 100.0,
                label: String::new(),
            }))
        }
    };
    let has_eu = s
        .targets
        .iter()
        .any(|x| x.kind == TargetKind::AdoptionShare && x.year == 2030 && x.value == 0.9);
    let eu_fits = (first..=last).contains(&2030);
    let on_eu = {
        let app = app.clone();
        // Unlabelled, so its label is made in whatever language the page shows.
        move |_| {
            app.dispatch(Action::AddTarget(Target {
                kind: TargetKind::AdoptionShare,
                year: 2030,
                value: 0.9,
                label: String::new(),
            }))
        }
    };
    html! {
        <details class="targets-editor" open={!s.targets.is_empty()}>
            <summary>{ t.targets }</summary>
            <ul>{ for rows }</ul>
            <p class="target-actions">
                <button type="button" id="add-target" onclick={on_add} disabled={full}>{ t.add_target }</button>
                if eu_fits && !has_eu {
                    <button type="button" id="add-eu-goal" onclick={on_eu} disabled={full}>{ t.eu_goal }</button>
                }
            </p>
        </details>
    }
}
