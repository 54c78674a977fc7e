//! "What it would achieve": the official plan, the people's mean and median mix and each
//! shown group's median mix, each run as the official scenario with that mix and that
//! aggregate's median budget, under common random numbers (the official scenario's seed
//! and runs for all), side by side (headline with interval, cost per additional adopter,
//! chance of each target); then each plan's own outcome at [`OWN_RUNS`] runs,
//! streamed in batches. Both on the panel's one pool of workers (`search::Shared`), with
//! progress and Cancel.

use std::collections::HashMap;
use std::rc::Rc;

use adoption_formats::link;
use adoption_formats::scenario::ScenarioJson;
use adoption_model::Scenario;
use adoption_model::scenario::Mix;
use yew::prelude::*;

use super::gather::Gathered;
use super::want::{mix_of, mix_text};
use crate::decide::job::{JobAction, JobState, Status, status_line};
use crate::decide::pool::{self, Stop};
use crate::decide::protocol;
use crate::decide::search::Shared;
use crate::format;
use crate::i18n::{Lang, fill};
use crate::narrative::target_label;

/// Runs of each plan's own outcome (fewer than the aggregates': a rough figure per plan).
pub const OWN_RUNS: u32 = 200;
/// Plans run per batch of own outcomes (each batch shows when done).
const OWN_BATCH: usize = 50;

/// Which plan a row is.
#[derive(Clone, Debug, PartialEq)]
pub enum RowKind {
    /// The scenario the consultation is about.
    Official,
    /// Everyone's mean mix.
    Mean,
    /// Everyone's moving-phantom median.
    Median,
    /// A group's median mix.
    Group(String),
    /// The pooled small groups' median mix.
    OtherGroups,
}

/// One plan run.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// Which plan.
    pub kind: RowKind,
    /// Its scenario: the official one with this mix and budget.
    pub scenario: Scenario,
}

/// The official scenario with another mix and budget (the seed and runs kept: common
/// random numbers).
pub fn with_plan(official: &Scenario, mix: Mix, budget_eur: f64) -> Scenario {
    Scenario {
        mix,
        budget_eur,
        ..official.clone()
    }
}

/// The rows: official, mean, median, then each shown group and the pooled small groups.
pub fn rows(g: &Gathered, official: &Scenario) -> Vec<Row> {
    let s = &g.summary;
    let total_budget = s.total.budget.median;
    let mut rows = vec![
        Row {
            kind: RowKind::Official,
            scenario: official.clone(),
        },
        Row {
            kind: RowKind::Mean,
            scenario: with_plan(official, s.total.mean_mix, total_budget),
        },
        Row {
            kind: RowKind::Median,
            scenario: with_plan(official, s.total.median_mix, total_budget),
        },
    ];
    for group in &s.groups {
        let a = &group.aggregate;
        rows.push(Row {
            kind: RowKind::Group(group.name.clone()),
            scenario: with_plan(official, a.median_mix, a.budget.median),
        });
    }
    if let Some(a) = &s.other_groups {
        rows.push(Row {
            kind: RowKind::OtherGroups,
            scenario: with_plan(official, a.median_mix, a.budget.median),
        });
    }
    rows
}

/// Each counted plan's own scenario at [`OWN_RUNS`] runs, with its nonce.
pub fn own_plans(g: &Gathered, official: &Scenario) -> Vec<(u64, Scenario)> {
    let dups: std::collections::HashSet<usize> =
        g.summary.duplicates.iter().map(|d| d.line).collect();
    g.tally
        .plans
        .iter()
        .filter(|(line, _)| !dups.contains(line))
        .map(|(_, s)| {
            let mut own = with_plan(official, mix_of(s.percents), s.budget_eur as f64);
            own.programme_years = s.programme_years;
            own.runs = OWN_RUNS;
            (s.nonce, own)
        })
        .collect()
}

/// One plan's own outcome at [`OWN_RUNS`] runs.
#[derive(Clone, Debug, PartialEq)]
pub struct OwnOutcome {
    /// Mean additional adopters at the headline year.
    pub additional: f64,
    /// The chance of each of the official scenario's targets, in its order.
    pub chances: Vec<f64>,
}

/// Each plan's own outcome so far.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Own {
    job: u64,
    /// Each plan's outcome, by nonce.
    pub by_nonce: Rc<HashMap<u64, OwnOutcome>>,
    /// Plans done.
    pub done: usize,
    /// Plans to do.
    pub total: usize,
}

/// A change of [`Own`].
pub enum OwnChange {
    /// Job `id` starts on this many plans.
    Start(u64, usize),
    /// Job `id` has these plans' outcomes.
    Add(u64, Vec<(u64, OwnOutcome)>),
}

impl Reducible for Own {
    type Action = OwnChange;

    fn reduce(self: Rc<Self>, change: OwnChange) -> Rc<Self> {
        match change {
            OwnChange::Start(job, total) => Rc::new(Own {
                job,
                by_nonce: Rc::default(),
                done: 0,
                total,
            }),
            OwnChange::Add(job, found) if job == self.job => {
                let mut map = (*self.by_nonce).clone();
                let n = found.len();
                map.extend(found);
                Rc::new(Own {
                    job,
                    by_nonce: Rc::new(map),
                    done: self.done + n,
                    total: self.total,
                })
            }
            OwnChange::Add(..) => self,
        }
    }
}

/// The section's properties.
#[derive(Properties, PartialEq)]
pub struct AchieveProps {
    /// What the set holds.
    pub gathered: Rc<Gathered>,
    /// The official plan.
    pub official: Rc<Scenario>,
    /// Each plan's own outcome (the view's, for its table and CSV).
    pub own: UseReducerHandle<Own>,
    /// The view's language.
    pub lang: Lang,
}

/// "What it would achieve".
#[component]
pub fn Achieve(props: &AchieveProps) -> Html {
    let lang = props.lang;
    let f = lang.facilitate();
    let shared = use_context::<Shared>().unwrap_or_default();
    let lanes = *use_memo((), |_| (pool::lane(), pool::lane()));
    let state = use_reducer(JobState::<Vec<Vec<f64>>>::waiting);
    let next = use_mut_ref(|| 0u64);
    let restarts = use_state(|| 0u32);
    let work = use_memo(
        (props.gathered.clone(), props.official.clone()),
        |(g, o)| (rows(g, o), own_plans(g, o)),
    );
    {
        let (state, own, shared) = (state.dispatcher(), props.own.dispatcher(), shared.clone());
        use_effect_with((work.clone(), *restarts), move |(work, _)| {
            let (rows, plans) = (&work.0, work.1.clone());
            let id = {
                let mut n = next.borrow_mut();
                *n += 1;
                *n
            };
            shared.cancel(lanes.0);
            shared.cancel(lanes.1);
            state.dispatch(JobAction::Start(id));
            own.dispatch(OwnChange::Start(id, plans.len()));
            let Some(p) = shared.pool() else {
                state.dispatch(JobAction::Fail(id));
                return;
            };
            let texts: Vec<String> = rows.iter().map(|r| r.scenario.to_json()).collect();
            let progress: pool::Progress = {
                let state = state.clone();
                Rc::new(move |x| state.dispatch(JobAction::Progress(id, x)))
            };
            let started = crate::worker::now_ms();
            wasm_bindgen_futures::spawn_local(async move {
                match p.scenarios(lanes.0, progress, &texts).await {
                    Ok(records) => state.dispatch(JobAction::Finish(
                        id,
                        Rc::new(records),
                        crate::worker::now_ms() - started,
                    )),
                    Err(Stop::Cancelled) => return,
                    Err(Stop::Failed(m)) => {
                        web_sys::console::warn_1(&m.into());
                        state.dispatch(JobAction::Fail(id));
                        return;
                    }
                }
                for batch in plans.chunks(OWN_BATCH) {
                    let texts: Vec<String> = batch.iter().map(|(_, s)| s.to_json()).collect();
                    let quiet: pool::Progress = Rc::new(|_| {});
                    match p.scenarios(lanes.1, quiet, &texts).await {
                        Ok(records) => own.dispatch(OwnChange::Add(
                            id,
                            batch
                                .iter()
                                .zip(&records)
                                .map(|((nonce, _), r)| {
                                    let outcome = OwnOutcome {
                                        additional: protocol::reading(r, false).0,
                                        chances: protocol::chances(r).to_vec(),
                                    };
                                    (*nonce, outcome)
                                })
                                .collect(),
                        )),
                        Err(_) => return,
                    }
                }
            });
        });
    }
    let cancel = {
        let (shared, state) = (shared.clone(), state.dispatcher());
        Callback::from(move |_: MouseEvent| {
            shared.cancel(lanes.0);
            shared.cancel(lanes.1);
            state.dispatch(JobAction::Cancel);
        })
    };
    let restart = {
        let restarts = restarts.clone();
        Callback::from(move |_: MouseEvent| restarts.set(*restarts + 1))
    };
    let official = &props.official;
    let runs = format::count(f64::from(official.runs), lang);
    let running = fill(f.running, &[&runs]);
    let own = &props.own;
    let year = official.headline_year().to_string();
    html! {
        <section class="fac-achieve" aria-labelledby="fac-achieve-heading" data-state={state.status.key()}>
            <h2 id="fac-achieve-heading">{ f.achieve_heading }</h2>
            <p>{ fill(f.achieve_intro, &[lang.texts().data(&official.name), &runs]) }</p>
            { status_line(&state.status, &running, lang, cancel, restart) }
            if let Some(records) = state.answer.as_ref().filter(|_| matches!(state.status, Status::Done)) {
                <div class="fac-scroll">
                <table class="fac-outcomes">
                    <thead><tr>
                        <th scope="col">{ f.col_plan }</th>
                        <th scope="col">{ f.col_mix }</th>
                        <th scope="col">{ f.col_budget }</th>
                        <th scope="col">{ fill(f.col_additional, &[&year]) }</th>
                        <th scope="col">{ f.col_cost }</th>
                        { for official.targets.iter().map(|t| html! {
                            <th scope="col">{ fill(f.col_chance, &[&target_label(t.kind, t.value, t.year, &t.label, lang)]) }</th>
                        }) }
                        <th scope="col" class="no-print"><span class="visually-hidden">{ f.open_link }</span></th>
                    </tr></thead>
                    <tbody>
                        { for work.0.iter().zip(records.iter()).map(|(row, record)| outcome_row(row, record, lang)) }
                    </tbody>
                </table>
                </div>
            }
            if own.total > 0 && own.done < own.total && matches!(state.status, Status::Done) {
                <div class="decide-status" data-state="own-running">
                    <span>{ fill(f.running_own, &[&format::count(f64::from(OWN_RUNS), lang), &format::count(own.done as f64, lang), &format::count(own.total as f64, lang)]) }</span>
                    <progress max={own.total.to_string()} value={own.done.to_string()} aria-label={f.submissions_heading}></progress>
                </div>
            }
        </section>
    }
}

/// A row's label in words.
fn row_label(kind: &RowKind, lang: Lang) -> String {
    let f = lang.facilitate();
    match kind {
        RowKind::Official => f.row_official.into(),
        RowKind::Mean => f.row_mean.into(),
        RowKind::Median => f.row_median.into(),
        RowKind::Group(name) => fill(f.row_group, &[name]),
        RowKind::OtherGroups => f.row_other_groups.into(),
    }
}

/// A value with its [5%, 95%] interval, or a dash where undefined.
fn with_interval(
    mean: f64,
    [lo, hi]: [f64; 2],
    decimals: usize,
    money: bool,
    lang: Lang,
) -> String {
    if !mean.is_finite() {
        return "—".into();
    }
    let w = |x: f64| {
        if money {
            format::eur(x, lang)
        } else {
            format::number(x, decimals, lang)
        }
    };
    if lo.is_finite() && hi.is_finite() {
        format!(
            "{} ({})",
            w(mean),
            fill(lang.facilitate().interval, &[&w(lo), &w(hi)])
        )
    } else {
        w(mean)
    }
}

fn outcome_row(row: &Row, record: &[f64], lang: Lang) -> Html {
    let f = lang.facilitate();
    let (add, add_i) = protocol::reading(record, false);
    let (cost, cost_i) = protocol::reading(record, true);
    let label = row_label(&row.kind, lang);
    let query = link::write(&row.scenario);
    let href = format!("./?{}&lang={}", query.trim_start_matches('?'), lang.code());
    let key = match &row.kind {
        RowKind::Official => "official".to_string(),
        RowKind::Mean => "mean".into(),
        RowKind::Median => "median".into(),
        RowKind::Group(n) => format!("group:{n}"),
        RowKind::OtherGroups => "other-groups".into(),
    };
    html! {
        <tr data-row={key} data-additional={add.to_string()}>
            <th scope="row">{ label.clone() }</th>
            <td>{ mix_text(&row.scenario.mix, lang) }</td>
            <td>{ format::eur(row.scenario.budget_eur, lang) }</td>
            <td>{ with_interval(add, add_i, 0, false, lang) }</td>
            <td>{ with_interval(cost, cost_i, 0, true, lang) }</td>
            { for protocol::chances(record).iter().map(|&c| html! { <td>{ format::percent(c, 0, lang) }</td> }) }
            <td class="no-print"><a href={href} aria-label={fill(f.open_link_of, &[&label])}>{ f.open_link }</a></td>
        </tr>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use adoption_formats::handin::Submission;
    use adoption_formats::preset::PRESETS;

    #[test]
    fn rows_share_the_official_seed_and_runs_and_take_each_aggregate() {
        let official = PRESETS[0].scenario();
        let text: Vec<String> = (0..12u64)
            .map(|i| {
                Submission {
                    percents: [(i * 5) as u8, 20, (80 - i * 5) as u8],
                    budget_eur: 1_000_000 + i * 1000,
                    start_year: official.start_year,
                    programme_years: 2,
                    consult: "c".into(),
                    group: Some(if i < 6 { "North" } else { "South" }.into()),
                    nonce: i,
                }
                .token()
            })
            .collect();
        let g = super::super::gather::gather(
            &[super::super::gather::Source {
                kind: super::super::gather::Kind::Paste,
                name: String::new(),
                text: text.join("\n"),
            }],
            None,
        )
        .unwrap();
        let rows = rows(&g, &official);
        let kinds: Vec<RowKind> = rows.iter().map(|r| r.kind.clone()).collect();
        assert_eq!(
            kinds,
            [
                RowKind::Official,
                RowKind::Mean,
                RowKind::Median,
                RowKind::Group("North".into()),
                RowKind::Group("South".into())
            ]
        );
        for r in &rows {
            assert_eq!(
                (r.scenario.seed, r.scenario.runs),
                (official.seed, official.runs)
            );
        }
        assert_eq!(rows[1].scenario.mix, g.summary.total.mean_mix);
        assert_eq!(rows[2].scenario.budget_eur, g.summary.total.budget.median);
        let own = own_plans(&g, &official);
        assert_eq!(own.len(), 12);
        assert_eq!(own[3].1.runs, OWN_RUNS);
        assert_eq!(own[3].1.programme_years, 2);
        assert_eq!(own[3].1.budget_eur, 1_003_000.0);
    }
}
