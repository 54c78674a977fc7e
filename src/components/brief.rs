//! The printable brief's own part: what the scenario is, its assumptions, its link and the
//! model version. Hidden on screen; printed above the results (headline, summary, chart).

use adoption_model::Scenario;
use adoption_model::assumption::{Assumption, Unit};
use yew::prelude::*;

use crate::address::page_link_of;
use crate::format;
use crate::i18n::{self, Lang};
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
    // The assumptions a reader of the brief most needs, labelled and formatted as the
    // model's table says.
    let assumptions = [
        Assumption::VoucherValue,
        Assumption::VoucherCoverage,
        Assumption::VoucherConversion,
        Assumption::TrainingCost,
        Assumption::FirmsPerAction,
        Assumption::TrainingUplift,
        Assumption::PilotCost,
        Assumption::PeerWeight,
    ]
    .map(|a| (t.assumption_labels[a.index()], shown_value(a, s, lang)));
    html! {
        <section class="brief" aria-hidden="true">
            <h1>{ t.data(&s.name).to_string() }</h1>
            <p>{ t.data(&s.description).to_string() }</p>
            <p data-testid="brief-about">{ i18n::fill(t.brief_about, &[t.data(&s.technology), &s.headline_year().to_string()]) }</p>
            <h2>{ t.brief_scenario }</h2>
            <p>{ i18n::fill(t.brief_plan, &[&format::eur(s.budget_eur, lang), &format!("{} / {} / {}", p[0], p[1], p[2]), &years]) }</p>
            <h2>{ t.assumptions }</h2>
            <dl class="brief-assumptions">
                { for assumptions.iter().map(|(k, v)| html! { <><dt>{ *k }</dt><dd>{ v.clone() }</dd></> }) }
            </dl>
            <p class="brief-link"><strong>{ t.brief_link }{ ": " }</strong>{ page_link_of(s, &app, None) }</p>
            <p class="detail">{ i18n::fill(t.brief_made, &[adoption_model::VERSION, &date]) }</p>
        </section>
    }
}

/// An assumption's most likely value, written for its unit.
fn shown_value(a: Assumption, s: &Scenario, lang: Lang) -> String {
    let value = a.get(s).central();
    match a.spec().unit {
        Unit::Eur => format::eur(value, lang),
        Unit::Firms | Unit::Years => format::count(value, lang),
        Unit::Share | Unit::Weight => format::number(value, a.spec().decimals, lang),
    }
}
