//! "What drives the result" (issue 10, capability 1): the headline with each uncertain
//! parameter held at its low and at its high end, largest swing first, each with its 90%
//! interval and its share of the variance; "est." flags; a chart and its table. The
//! scenarios are `adoption_decide::sensitivity::plan`'s, run whole on the workers; the
//! tornado is `sensitivity::summarise`'s, so it is `adoption sensitivity`'s.

use adoption_decide::sensitivity::{self, Bar, Headline, Plan, Sensitivity};
use adoption_formats::message::Message;
use adoption_model::{Model, Scenario};
use yew::prelude::*;

use super::job::{self, Question, Refusal, Status, use_job};
use super::protocol::{additional, reading};
use super::tornado_chart::{Chart, HIGH_COLOUR, LOW_COLOUR};
use crate::components::select_field::chosen;
use crate::format;
use crate::i18n::{Lang, fill};

/// The tornado question.
pub struct Drivers;

/// Both headlines' tornadoes (switching between them needs no new runs).
#[derive(Debug, PartialEq)]
pub struct Tornadoes {
    /// Additional adopters at the headline year.
    pub adopters: Sensitivity,
    /// Cost per additional adopter.
    pub cost: Sensitivity,
}

impl Question for Drivers {
    type Plan = Plan;
    type Answer = Tornadoes;

    fn plan(s: &Scenario) -> Result<(Plan, Vec<Scenario>), Refusal> {
        job::check_runs(s)?;
        Model::new(s).map_err(|e| Refusal::Scenario(Message::from(&e)))?;
        let plan = sensitivity::plan(s).map_err(|_| Refusal::TooFewRuns)?;
        if plan.active.is_empty() {
            return Err(Refusal::NoUncertain);
        }
        let scenarios = plan.scenarios.clone();
        Ok((plan, scenarios))
    }

    fn answer(s: &Scenario, plan: &Plan, records: &[Vec<f64>]) -> Option<Tornadoes> {
        if records.len() != plan.scenarios.len() {
            return None;
        }
        let base = Model::new(s).ok()?;
        let shares = sensitivity::variance_shares(s, plan, &base, additional(records.first()?));
        let tornado = |headline, cost| {
            let read: Vec<(f64, [f64; 2])> = records.iter().map(|r| reading(r, cost)).collect();
            sensitivity::summarise(headline, plan, &read, &shares)
        };
        Some(Tornadoes {
            adopters: tornado(Headline::AdditionalAdopters, false),
            cost: tornado(Headline::CostPerAdditionalAdopter, true),
        })
    }
}

/// Properties of [`Tornado`].
#[derive(Properties, PartialEq)]
pub struct TornadoProps {
    /// The page's scenario as JSON text, once it came.
    pub text: Option<AttrValue>,
    /// The page's language.
    pub lang: Lang,
}

/// The "What drives the result" section.
#[component]
pub fn Tornado(props: &TornadoProps) -> Html {
    let lang = props.lang;
    let t = lang.tornado();
    let (open, on_toggle) = crate::hooks::use_open();
    let job = use_job::<Drivers>(props.text.clone().filter(|_| open));
    let cost = use_state_eq(|| false);
    let on_headline = {
        let cost = cost.clone();
        Callback::from(move |e: Event| cost.set(chosen(&e) == "cost"))
    };
    let year = job
        .scenario
        .as_ref()
        .map_or(String::new(), |s| s.headline_year().to_string());
    let runs = job.scenario.as_ref().map_or(0, |s| s.runs);
    let scenarios = job.scenario.as_ref().map_or(0, |s| {
        1 + 2 * sensitivity::knobs()
            .iter()
            .filter(|k| k.range(s).is_some())
            .count()
    });
    let running = fill(
        t.running,
        &[
            &format::count(scenarios as f64, lang),
            &format::count(f64::from(runs), lang),
        ],
    );
    let state = &job.state;
    html! {
        <section class="decide-section tornado" aria-labelledby="tornado-heading"
            data-state={state.status.key()} data-ms={adoption_model::decimal::fixed(state.ms, 1)}>
            <details {open} ontoggle={on_toggle}>
            <summary><h3 id="tornado-heading">{ t.heading }</h3></summary>
            <p class="decide-intro">{ fill(t.intro, &[&format::count(f64::from(runs), lang)]) }</p>
            <div class="field">
                <label for="tornado-headline">{ t.show }</label>
                <select id="tornado-headline" onchange={on_headline}>
                    <option value="adopters" selected={!*cost}>{ fill(t.adopters, &[&year]) }</option>
                    <option value="cost" selected={*cost}>{ fill(t.cost, &[&year]) }</option>
                </select>
            </div>
            { job::status_line(&state.status, &running, lang, job.cancel.clone(), job.restart.clone()) }
            if let Some(a) = state.answer.as_ref().filter(|_| !matches!(state.status, Status::Refused(_))) {
                { view(if *cost { &a.cost } else { &a.adopters }, lang) }
            }
            </details>
        </section>
    }
}

/// A headline value as the section writes it (NaN: not defined).
fn value(v: f64, headline: Headline, lang: Lang) -> String {
    if !v.is_finite() {
        return lang.tornado().undefined.to_string();
    }
    match headline {
        Headline::AdditionalAdopters => format::number(v, 1, lang),
        Headline::CostPerAdditionalAdopter => format::eur(v, lang),
    }
}

/// An interval's ends (whole firms, or euros).
fn end_value(v: f64, headline: Headline, lang: Lang) -> String {
    match headline {
        Headline::AdditionalAdopters if v.is_finite() => format::number(v, 0, lang),
        _ => value(v, headline, lang),
    }
}

/// A value with its 90% interval.
fn with_interval(v: f64, i: [f64; 2], headline: Headline, lang: Lang) -> String {
    if !v.is_finite() {
        return value(v, headline, lang);
    }
    fill(
        lang.tornado().with_interval,
        &[
            &value(v, headline, lang),
            &end_value(i[0], headline, lang),
            &end_value(i[1], headline, lang),
        ],
    )
}

/// A parameter's value, with as many decimals as its size needs (2 significant digits).
pub fn parameter_value(v: f64, lang: Lang) -> String {
    let a = v.abs();
    let decimals = if a == 0.0 || a >= 100.0 {
        0
    } else {
        (1.0 - a.log10().floor()).clamp(0.0, 4.0) as usize
    };
    format::number(v, decimals, lang)
}

/// A share of variance with its interval.
fn share(b: &Bar, lang: Lang) -> String {
    let pc = |x: f64| format::percent(x, 0, lang);
    fill(
        lang.tornado().with_interval,
        &[
            &pc(b.variance_share),
            &pc(b.variance_share_interval[0]),
            &pc(b.variance_share_interval[1]),
        ],
    )
}

/// A bar's name, with "est." when it is our estimate.
fn name(b: &Bar, lang: Lang) -> String {
    let t = lang.tornado();
    let n = t.parameter(&b.name).unwrap_or(&b.name);
    if b.estimate {
        format!("{n} {}", t.est)
    } else {
        n.to_string()
    }
}

/// The tornado of one headline: the scenario as it is, the chart with its legend, and
/// the table.
fn view(s: &Sensitivity, lang: Lang) -> Html {
    let t = lang.tornado();
    let h = s.headline;
    let labels: Vec<AttrValue> = s
        .parameters
        .iter()
        .map(|b| {
            AttrValue::from(format!(
                "{} · {}",
                name(b, lang),
                format::percent(b.variance_share, 0, lang)
            ))
        })
        .collect();
    let tick = Callback::from(move |v: f64| AttrValue::from(end_value(v, h, lang)));
    let swatch = |colour: &str| {
        html! { <svg width="14" height="14" aria-hidden="true"><rect width="14" height="14" fill={colour.to_string()} fill-opacity="0.75" /></svg> }
    };
    let any_estimate = s.parameters.iter().any(|b| b.estimate);
    html! {
        <div class="tornado-body">
            <p class="tornado-base" data-base={s.base.to_string()}>
                { fill(t.base, &[&value(s.base, h, lang), &end_value(s.base_interval[0], h, lang), &end_value(s.base_interval[1], h, lang)]) }
            </p>
            <figure class="tornado-figure">
                <Chart tornado={s.clone()} {labels} {tick} label={AttrValue::from(t.chart_label)} />
                <figcaption class="decide-legend">
                    <span>{ swatch(LOW_COLOUR) }{ t.at_low }</span>
                    <span>{ swatch(HIGH_COLOUR) }{ t.at_high }</span>
                    <span>{ t.whiskers }</span>
                    <span>{ t.as_is }</span>
                </figcaption>
            </figure>
            if any_estimate { <p class="hint">{ t.est_legend }</p> }
            <p class="hint">{ t.share_help }</p>
            <details class="decide-table tornado-table">
                <summary>{ t.table }</summary>
                // Scrolls sideways on a phone; focusable so the keyboard can scroll it.
                <div class="table-scroll" tabindex="0" role="region" aria-label={t.table}>
                <table>
                    <thead><tr>{ for t.columns.iter().map(|c| html! { <th scope="col">{ *c }</th> }) }</tr></thead>
                    <tbody>
                        { for s.parameters.iter().map(|b| html! {
                            <tr data-name={b.name.clone()} data-low={b.headline_low.to_string()} data-high={b.headline_high.to_string()}>
                                <th scope="row">{ name(b, lang) }</th>
                                <td>{ fill(t.range, &[&parameter_value(b.low, lang), &parameter_value(b.high, lang)]) }</td>
                                <td>{ with_interval(b.headline_low, b.interval_low, h, lang) }</td>
                                <td>{ with_interval(b.headline_high, b.interval_high, h, lang) }</td>
                                <td>{ value(b.swing, h, lang) }</td>
                                <td>{ share(b, lang) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
                </div>
            </details>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parameter_values_keep_two_significant_digits() {
        let en = Lang::En;
        assert_eq!(parameter_value(0.0, en), "0");
        assert_eq!(parameter_value(0.05, en), "0.050");
        assert_eq!(parameter_value(0.2, en), "0.20");
        assert_eq!(parameter_value(2.5, en), "2.5");
        assert_eq!(parameter_value(10.0, en), "10");
        assert_eq!(parameter_value(25_000.0, en), "25,000");
    }

    #[test]
    fn the_plan_refuses_what_it_cannot_rank() {
        let mut s = adoption_formats::preset::cantabria();
        s.runs = 5;
        assert_eq!(Drivers::plan(&s).err(), Some(Refusal::TooFewRuns));
        s.runs = 100;
        let (plan, scenarios) = Drivers::plan(&s).unwrap();
        assert_eq!(scenarios.len(), 1 + 2 * plan.active.len());
        let mut exact = s.clone();
        for k in sensitivity::knobs() {
            exact = k.held(&exact, sensitivity::End::Low);
        }
        assert_eq!(Drivers::plan(&exact).err(), Some(Refusal::NoUncertain));
    }

    #[test]
    fn records_answer_as_the_cli_does() {
        let mut s = adoption_formats::preset::cantabria();
        s.runs = 40;
        let (plan, scenarios) = Drivers::plan(&s).unwrap();
        let records: Vec<Vec<f64>> = scenarios
            .iter()
            .map(|x| {
                let m = Model::new(x).unwrap();
                super::super::protocol::record(
                    &m,
                    &adoption_model::Ensemble::simulate(&m, 0..x.runs),
                )
            })
            .collect();
        let a = Drivers::answer(&s, &plan, &records).unwrap();
        let one = adoption_decide::OneThread;
        assert_eq!(
            a.adopters,
            sensitivity::sensitivity(&s, Headline::AdditionalAdopters, &one).unwrap()
        );
        let cli = sensitivity::sensitivity(&s, Headline::CostPerAdditionalAdopter, &one).unwrap();
        assert_eq!(format!("{:?}", a.cost), format!("{cli:?}"));
        assert!(Drivers::answer(&s, &plan, &records[1..]).is_none());
    }
}
