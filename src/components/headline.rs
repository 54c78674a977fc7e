//! The headline figures at the headline year: extra adopters (and adopter-years to the
//! horizon), cost per extra adopter (and adopter-year), money that found no takers, share
//! of firms adopting with and without the plan, firms reached, deadweight, targets; and
//! the compact bar that keeps the first of them in view on a phone while the controls are
//! used.

use std::rc::Rc;

use adoption_model::{Scenario, Summary};
use yew::prelude::*;

use crate::format;
use crate::i18n::{self, Lang};
use crate::narrative;
use crate::state::{Shown, use_app};

/// The extra adopters' interval ("in 9 out of 10 simulated futures"), said only of a
/// summary of all the scenario's runs: a first look from fewer runs says "computing"
/// there instead (its spread is not yet the answer's).
fn interval_words(summary: &Summary, scenario: &Scenario, lang: Lang) -> String {
    let t = lang.texts();
    let extra = &summary.summary.additional_adopters;
    if summary.runs >= scenario.runs {
        i18n::fill(
            t.interval,
            &[
                &format::count(extra.p5, lang),
                &format::count(extra.p95, lang),
            ],
        )
    } else {
        t.computing.to_string()
    }
}

/// Properties of [`Headline`].
#[derive(Properties, PartialEq)]
pub struct HeadlineProps {
    /// The simulation.
    pub summary: Rc<Summary>,
    /// The scenario it simulates.
    pub scenario: Rc<Scenario>,
    /// Language.
    pub lang: Lang,
}

/// The headline cards.
#[component]
pub fn Headline(props: &HeadlineProps) -> Html {
    let HeadlineProps {
        summary,
        scenario,
        lang,
    } = props;
    let lang = *lang;
    let t = lang.texts();
    let h = &summary.summary;
    let extra = &h.additional_adopters;
    let cost = match h.cost_per_additional_adopter {
        Some(c) => html! { <>
            <p class="figure">{ format::eur(c, lang) }</p>
            if let (Some(low), high) = (h.cost_per_additional_adopter_low, h.cost_per_additional_adopter_high) {
                <p class="detail">{ i18n::fill(t.interval, &[&format::eur(low, lang), &high.map(|v| format::eur(v, lang)).unwrap_or_else(|| "∞".into())]) }</p>
            }
        </> },
        None => html! { <p class="figure small">{ t.cost_undefined }</p> },
    };
    let targets = h.targets.iter().map(|target| {
        let label = narrative::target_label(target.kind, target.value, target.year, &target.label, lang);
        html! {
            <li>
                { i18n::fill(t.target_chance, &[&label, &format::percent(target.probability, 0, lang)]) }
                if let Some(b) = target.baseline_probability {
                    <span class="detail">{ " (" }{ i18n::fill(t.target_baseline, &[&format::percent(b, 0, lang)]) }{ ")" }</span>
                }
            </li>
        }
    });
    html! {
        <div class="headline">
            <div class="card primary">
                <h3>{ t.additional_adopters }</h3>
                <p class="figure" data-testid="additional-adopters">{ format::count(extra.mean, lang) }</p>
                <p class="detail">{ interval_words(summary, scenario, lang) }</p>
                <p class="detail">{ i18n::fill(t.additional_explainer, &[t.data(&scenario.technology)]) }</p>
                <p class="detail" data-testid="adopter-years">{ narrative::adopter_years(h, lang) }</p>
            </div>
            <div class="card">
                <h3>{ t.cost_per_adopter }</h3>
                { cost }
                if let Some(c) = h.cost_per_additional_adopter_year {
                    <p class="detail" data-testid="cost-per-adopter-year">{ i18n::fill(t.cost_per_adopter_year, &[&format::eur(c, lang)]) }</p>
                }
                <p class="detail">{ i18n::fill(t.spend, &[&format::eur(h.spend_eur, lang), &format::eur(h.budget_eur, lang)]) }</p>
                { for narrative::unspent(h, scenario, lang).into_iter().map(|u| html! { <p class="detail unspent" data-testid="unspent">{ u }</p> }) }
            </div>
            <div class="card">
                <h3>{ t.share_digitalised }</h3>
                <p class="figure">{ format::percent(h.policy_share, 1, lang) }</p>
                <p class="detail">{ i18n::fill(t.with_without, &[&format::percent(h.policy_share, 1, lang), &format::percent(h.baseline_share, 1, lang)]) }</p>
            </div>
            <div class="card">
                <h3>{ t.firms_reached }</h3>
                <p class="detail">{ i18n::fill(t.reached_detail, &[&format::count(h.reached.vouchers_awarded, lang), &format::count(h.reached.vouchers_used, lang), &format::count(h.reached.firms_trained, lang), &format::count(h.reached.training_actions, lang), &format::count(h.reached.pilots, lang)]) }</p>
                if let Some(d) = narrative::deadweight(h, lang) {
                    <h3>{ t.deadweight }</h3>
                    <p class="detail" data-testid="deadweight">{ d }</p>
                }
            </div>
            if !h.targets.is_empty() {
                <div class="card">
                    <h3>{ t.targets }</h3>
                    <ul class="targets">{ for targets }</ul>
                </div>
            }
        </div>
    }
}

/// The headline figure in a compact bar at the top of the controls that sticks to the top
/// of a phone's screen (assets/style.css), so a slider's effect shows while it moves.
/// Hidden from assistive technology: it repeats the headline card, whose changes the
/// results announce.
#[component]
pub fn HeadlineBar() -> Html {
    let app = use_app();
    let lang = app.lang;
    let t = lang.texts();
    let Some(Shown {
        scenario, summary, ..
    }) = app.shown.as_ref()
    else {
        return html! {
            <div class="headline-bar" aria-hidden="true" data-testid="headline-bar">
                <span class="bar-label">{ t.computing }</span>
            </div>
        };
    };
    let year = scenario.headline_year().to_string();
    html! {
        <div class="headline-bar" aria-hidden="true" data-testid="headline-bar">
            <span class="bar-label">{ t.additional_adopters }{ " (" }{ year }{ ")" }</span>
            <span class="bar-figure" data-testid="bar-additional-adopters">
                { format::count(summary.summary.additional_adopters.mean, lang) }
            </span>
            <span class="bar-interval">{ interval_words(summary, scenario, lang) }</span>
        </div>
    }
}
