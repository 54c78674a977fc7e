//! "What the next euro buys" (issue 10, capability 4): additional adopters per extra
//! 100,000 EUR in each instrument, with its standard error, and one sentence saying where
//! money works hardest now when the lead is clear (`adoption_decide::marginal::hardest`).
//! The scenarios are `marginal::plan`'s, run whole on the workers; the margins are
//! `marginal::summarise`'s, so they are `adoption marginal`'s.

use adoption_decide::marginal::{self, EXTRA_EUR, Margin};
use adoption_formats::message::Message;
use adoption_model::{Instrument, Model, Scenario};
use yew::prelude::*;

use super::job::{self, Question, Refusal, Status, use_job};
use super::protocol::additional;
use crate::format;
use crate::i18n::{Lang, fill};

/// The next-euro question.
pub struct NextEuro;

/// The margins and where money works hardest (`None`: they cannot be told apart).
#[derive(Debug, PartialEq)]
pub struct Margins {
    /// One per instrument, in [`Instrument::ALL`]'s order.
    pub margins: Vec<Margin>,
    /// Where the next euro works hardest, when clearly.
    pub hardest: Option<Instrument>,
}

impl Question for NextEuro {
    type Plan = ();
    type Answer = Margins;

    fn plan(s: &Scenario) -> Result<((), Vec<Scenario>), Refusal> {
        job::check_runs(s)?;
        Model::new(s).map_err(|e| Refusal::Scenario(Message::from(&e)))?;
        let scenarios = marginal::plan(s).map_err(|_| Refusal::TooFewRuns)?;
        // Each scenario with the extra money must itself be valid.
        for x in &scenarios {
            Model::new(x).map_err(|e| Refusal::Scenario(Message::from(&e)))?;
        }
        Ok(((), scenarios))
    }

    fn answer(_: &Scenario, _: &(), records: &[Vec<f64>]) -> Option<Margins> {
        if records.len() != 1 + Instrument::ALL.len() {
            return None;
        }
        let out: Vec<Vec<f64>> = records.iter().map(|r| additional(r).to_vec()).collect();
        Some(Margins {
            margins: marginal::summarise(&out),
            hardest: marginal::hardest(&out),
        })
    }
}

/// Properties of [`NextEuroSection`].
#[derive(Properties, PartialEq)]
pub struct NextEuroProps {
    /// The page's scenario as JSON text, once it came.
    pub text: Option<AttrValue>,
    /// The page's language.
    pub lang: Lang,
}

/// The "What the next euro buys" section.
#[component]
pub fn NextEuroSection(props: &NextEuroProps) -> Html {
    let lang = props.lang;
    let t = lang.tornado();
    let (open, on_toggle) = crate::hooks::use_open();
    let job = use_job::<NextEuro>(props.text.clone().filter(|_| open));
    let state = &job.state;
    let year = job
        .scenario
        .as_ref()
        .map_or(String::new(), |s| s.headline_year().to_string());
    let runs = job.scenario.as_ref().map_or(0, |s| s.runs);
    let extra = format::eur_compact(EXTRA_EUR, lang);
    let names = lang.texts().instruments;
    let number = |v: f64| format::number(v, 1, lang);
    html! {
        <section class="decide-section margins" aria-labelledby="margins-heading"
            data-state={state.status.key()} data-ms={adoption_model::decimal::fixed(state.ms, 1)}>
            <details {open} ontoggle={on_toggle}>
            <summary><h3 id="margins-heading">{ t.margin_heading }</h3></summary>
            <p class="decide-intro">{ fill(t.margin_intro, &[&year, &extra, &format::count(f64::from(runs), lang)]) }</p>
            { job::status_line(&state.status, t.margin_running, lang, job.cancel.clone(), job.restart.clone()) }
            if let Some(a) = state.answer.as_ref().filter(|_| !matches!(state.status, Status::Refused(_))) {
                <table class="margins-table">
                    <thead><tr>
                        <th scope="col">{ t.margin_columns[0] }</th>
                        <th scope="col">{ fill(t.margin_columns[1], &[&extra]) }</th>
                        <th scope="col">{ t.margin_columns[2] }</th>
                    </tr></thead>
                    <tbody>
                        { for a.margins.iter().map(|m| html! {
                            <tr data-instrument={m.instrument.key()} data-margin={m.per_100k.to_string()} data-se={m.se.to_string()}
                                class={classes!((a.hardest == Some(m.instrument)).then_some("best"))}>
                                <th scope="row">{ names[m.instrument.index()] }</th>
                                <td>{ number(m.per_100k) }</td>
                                <td>{ number(m.se) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
                <p class="margins-verdict" data-hardest={a.hardest.map_or("", |i| i.key())}>
                    { match a.hardest {
                        Some(i) => fill(t.hardest, &[names[i.index()]]),
                        None => t.tie.to_string(),
                    } }
                </p>
            }
            </details>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_answer_as_the_cli_does() {
        let mut s = adoption_formats::preset::cantabria();
        s.runs = 60;
        let ((), scenarios) = NextEuro::plan(&s).unwrap();
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
        let a = NextEuro::answer(&s, &(), &records).unwrap();
        assert_eq!(
            a.margins,
            marginal::marginal(&s, &adoption_decide::OneThread).unwrap()
        );
        assert!(NextEuro::answer(&s, &(), &records[..2]).is_none());
        s.runs = 3;
        assert_eq!(NextEuro::plan(&s).err(), Some(Refusal::TooFewRuns));
    }
}
