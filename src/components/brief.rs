//! The printable brief's own part: what the scenario is, its assumptions, its link and the
//! model version. Hidden on screen; printed above the results (headline, summary, chart).

use yew::prelude::*;

use crate::address::page_link_of;
use crate::format;
use crate::mix;
use crate::state::use_app;

/// The brief's header block.
#[component]
pub fn Brief() -> Html {
    let app = use_app();
    let lang = app.lang;
    let t = lang.texts();
    // The brief prints with the result shown: it describes the scenario of that result.
    let s = app
        .shown
        .as_ref()
        .map_or(&app.scenario, |shown| &*shown.scenario);
    let p = mix::percents(&s.mix);
    let years = format!(
        "{}–{}",
        s.start_year + 1,
        s.start_year + s.programme_years as i32
    );
    let date = crate::storage::now_iso()
        .chars()
        .take(10)
        .collect::<String>();
    let v = &s.vouchers;
    let assumptions = [
        (t.assumption_labels[0], format::eur(v.value_eur, lang)),
        (
            t.assumption_labels[3],
            format::number(v.conversion.central(), 2, lang),
        ),
        (
            t.assumption_labels[4],
            format::eur(s.training.cost_per_action_eur, lang),
        ),
        (
            t.assumption_labels[5],
            format::count(f64::from(s.training.firms_per_action), lang),
        ),
        (
            t.assumption_labels[6],
            format::number(s.training.uplift.central(), 2, lang),
        ),
        (t.assumption_labels[8], format::eur(s.pilots.cost_eur, lang)),
        (
            t.assumption_labels[10],
            format::number(s.pilots.peer_weight.central(), 1, lang),
        ),
    ];
    html! {
        <section class="brief" aria-hidden="true">
            <h1>{ t.data(&s.name).to_string() }</h1>
            <p>{ t.data(&s.description).to_string() }</p>
            <h2>{ t.brief_scenario }</h2>
            <p>{ (t.brief_plan)(&format::eur(s.budget_eur, lang), &format!("{} / {} / {}", p[0], p[1], p[2]), &years) }</p>
            <h2>{ t.assumptions }</h2>
            <dl class="brief-assumptions">
                { for assumptions.iter().map(|(k, v)| html! { <><dt>{ *k }</dt><dd>{ v.clone() }</dd></> }) }
            </dl>
            <p class="brief-link"><strong>{ t.brief_link }{ ": " }</strong>{ page_link_of(s, &app, None) }</p>
            <p class="detail">{ (t.brief_made)(adoption_model::VERSION, &date) }</p>
        </section>
    }
}
