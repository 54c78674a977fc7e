//! The results column: status, headline figures, the fan chart with its view switch, and
//! the table of numbers.

use adoption_model::scenario::TargetKind;
use yew::prelude::*;

use super::data_table::DataTable;
use super::headline::Headline;
use crate::chart::{ChartView, FanChart, TargetMark};
use crate::components::select_field::{Choice, SelectFieldProps, select_field};
use crate::first_view::Later;
use crate::format;
use crate::i18n;
use crate::narrative;
use crate::state::{Action, Shown, StateHandle, Status, use_app};

/// Everything the simulation says.
#[component]
pub fn Results() -> Html {
    let app = use_app();
    let view = app.chart_view;
    let lang = app.lang;
    let t = lang.texts();
    // The result shown, when the line speaks of it: once ready, and while the next is on
    // its way with no part of it in yet.
    // NOTE: while the next result is on its way (no part of it in yet) and one is shown,
    // the line goes on saying what the shown one is based on (only its `data-state` says
    // `running`): a job of a frame or two would otherwise change its words twice per
    // slider step, and lay out and repaint the results column, and announce itself (a
    // live region), while the workers compute on the same cores. A longer job says so
    // with its first part (`computing_partial`) and the results dimmed.
    let speaks_of_shown = app
        .shown
        .as_ref()
        .filter(|_| matches!(app.status, Status::Ready | Status::Running { runs_done: 0 }));
    let status = match (&app.status, speaks_of_shown) {
        (Status::Ready | Status::Running { runs_done: 0 }, Some(shown)) => i18n::fill(
            t.based_on,
            &[&format::count(f64::from(shown.scenario.runs), lang)],
        ),
        // Nothing shown yet (a ready status always has its result shown).
        (Status::Ready | Status::Running { runs_done: 0 }, None) => t.computing.to_string(),
        (Status::Running { runs_done }, _) => i18n::fill(
            t.computing_partial,
            &[
                &format::count(f64::from(*runs_done), lang),
                &format::count(f64::from(app.scenario.runs), lang),
            ],
        ),
        (Status::Failed(why), _) => i18n::fill(t.failed, &[&why.words(lang)]),
    };
    let running = matches!(app.status, Status::Running { .. });
    // NOTE: the results are dimmed (with a 0.2 s opacity transition, assets/style.css) and
    // the progress bar shown only once a long job has sent part of its runs: for a job of
    // a frame or two they only flickered, and the transition and an indeterminate bar
    // repainted the chart at every frame while the workers computed, on the same cores.
    let busy = matches!(app.status, Status::Running { runs_done } if runs_done > 0);
    // The heading names the headline year of the result shown (the current scenario's
    // until there is one).
    let year = app
        .shown
        .as_ref()
        .map_or(app.scenario.headline_year(), |s| s.scenario.headline_year());
    let shown_revision = app.shown.as_ref().map(|s| s.revision.to_string());
    // Progress as progress: the runs done of the revision running, out of all of them.
    let progress = match app.status {
        Status::Running { runs_done } if busy => Some(html! {
            <progress class="runs" max={app.scenario.runs.to_string()} aria-label={t.computing}
                value={runs_done.to_string()} />
        }),
        _ => None,
    };
    let failed = matches!(app.status, Status::Failed(_));
    let view_switch = [
        (ChartView::Adopters, t.view_adopters),
        (ChartView::Additional, t.view_additional),
    ]
    .into_iter()
    .map(|(v, label)| {
        let onchange = {
            let app = app.clone();
            move |_| app.dispatch(Action::ShowChartView(v))
        };
        let id = match v {
            ChartView::Adopters => "view-adopters",
            ChartView::Additional => "view-additional",
        };
        html! {
            <label for={id}>
                <input type="radio" id={id} name="chart-view" checked={view == v} {onchange} />
                { label }
            </label>
        }
    });
    // Everything below draws from the result shown and the scenario that produced it,
    // which, while a newer revision runs, is not the current one.
    let body = app.shown.clone().map(|Shown { scenario, summary, .. }| {
        let targets: Vec<TargetMark> = scenario
            .targets
            .iter()
            .filter_map(|target| {
                let value = match (target.kind, view) {
                    (TargetKind::AdditionalAdopters, ChartView::Additional) => target.value,
                    (TargetKind::Adopters, ChartView::Adopters) => target.value,
                    (TargetKind::AdoptionShare, ChartView::Adopters) => target.value * scenario.total_firms() as f64,
                    _ => return None,
                };
                Some(TargetMark { value, year: target.year, label: narrative::target_label(target.kind, target.value, target.year, &target.label, lang).into() })
            })
            .collect();
        let words = narrative::paragraph(&summary, &scenario, lang);
        html! { <>
            <Later><Headline summary={summary.clone()} scenario={scenario.clone()} {lang} /></Later>
            <Later>
                <p class="narrative" id="result-summary" data-testid="summary">{ words }</p>
                <fieldset class="view-switch">
                    <legend>{ t.view }</legend>
                    { for view_switch }
                </fieldset>
            </Later>
            <Later><FanChart summary={summary.clone()} {view} {lang} programme_years={scenario.programme_years}
                technology={t.data(&scenario.technology).to_string()} {targets}
                describedby={Some(AttrValue::from("result-summary"))} /></Later>
            <Later><DataTable summary={summary} technology={t.data(&scenario.technology).to_string()} {lang} /></Later>
        </> }
    });
    html! {
        <section class={classes!("results", busy.then_some("busy"))} aria-labelledby="results-heading"
            data-shown-revision={shown_revision}>
            <h2 id="results-heading">{ i18n::fill(t.results_heading, &[&year.to_string()]) }</h2>
            // Not in the compact widget, which must fit its frame.
            if !(app.mode.read_only || app.mode.embed) { { headline_year_select(&app) } }
            <p class={classes!("status", failed.then_some("error"))} role="status" data-testid="status"
                data-state={if running { "running" } else if failed { "failed" } else { "ready" }}>
                { status }
                { progress.unwrap_or_default() }
                if let (Some(_), Some(ms)) = (speaks_of_shown, app.compute_ms) {
                    <span class="compute-ms" data-testid="compute-ms" data-ms={adoption_model::decimal::display(ms)}>
                        { format!(" · {} ms", format::number(ms, 0, lang)) }
                    </span>
                }
            </p>
            { body.unwrap_or_default() }
        </section>
    }
}

/// Chooses the year the headline figures are read at: any year after the start, up to the
/// horizon (the default).
fn headline_year_select(app: &StateHandle) -> Html {
    let s = &app.scenario;
    let choices = (s.start_year + 1..=s.horizon_year())
        .map(|y| Choice::new(y.to_string(), y.to_string()))
        .collect();
    let onchange = {
        let app = app.clone();
        Callback::from(move |year: String| {
            if let Ok(year) = year.parse() {
                app.dispatch(Action::SetHeadlineYear(year));
            }
        })
    };
    select_field(SelectFieldProps {
        id: "headline-year".into(),
        label: app.lang.texts().headline_year.into(),
        choices,
        selected: s.headline_year().to_string().into(),
        onchange,
    })
}
