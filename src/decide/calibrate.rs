//! The panel's "calibration to observed data" section: a yearly series pasted or imported,
//! read by the CLI's reader (`adoption_formats::series`), fitted in a worker of its own by
//! `adoption calibrate`'s call (see [`super::task`]); the fitted path with its band over
//! the data, the p–q cloud, the hold-out check and the warnings, each chart with a table;
//! "Apply" puts p's and q's 5/50/95% into every segment through the bridge.

use std::cell::RefCell;
use std::rc::Rc;

use adoption_decide::calibrate::{self, Calibration, Quantiles, Warning};
use adoption_formats::message::Message;
use adoption_formats::series::{Observation, parse_series};
use yew::prelude::*;

use super::bridge;
use super::panel::port;
use super::protocol::Task;
use super::task::{CalibrateAnswer, Heard, Runner, from_wire};
use crate::format;
use crate::i18n::{Lang, fill, say_panel};

/// A chart's size and margins (SVG units).
const W: f64 = 360.0;
const H: f64 = 220.0;
const LEFT: f64 = 46.0;
const RIGHT: f64 = 22.0;
const TOP: f64 = 10.0;
const BOTTOM: f64 = 30.0;

/// `v` on `[lo, hi]` mapped onto `[a, b]` (the middle when the range is empty).
pub fn scale(v: f64, lo: f64, hi: f64, a: f64, b: f64) -> f64 {
    if hi > lo {
        a + (v - lo) / (hi - lo) * (b - a)
    } else {
        0.5 * (a + b)
    }
}

/// The share axis' top: the highest value shown, with a little room, rounded up to a
/// tenth, at most 1.
pub fn share_top(c: &Calibration, observed: &[Observation]) -> f64 {
    let high = c
        .path
        .iter()
        .map(|b| b.high)
        .chain(observed.iter().map(|o| o.share))
        .fold(0.0, f64::max);
    ((high * 1.05 * 10.0).ceil() / 10.0).clamp(0.1, 1.0)
}

/// A coordinate as SVG text.
fn at(v: f64) -> String {
    format!("{v:.1}")
}

#[derive(Clone, Debug, PartialEq)]
enum Status {
    Idle,
    Invalid(Message),
    BadFile,
    Running,
    /// The fit, the points it was made from, and milliseconds from asking to answer.
    Done(Rc<Calibration>, Rc<Vec<Observation>>, f64),
    Failed,
}

#[derive(Clone, Debug, PartialEq)]
struct CalState {
    task: u64,
    points: Rc<Vec<Observation>>,
    started: f64,
    status: Status,
}

enum CalAction {
    Start(u64, Rc<Vec<Observation>>, f64),
    Answer(u64, Rc<Calibration>, f64),
    Fail(u64),
    Invalid(Message),
    BadFile,
}

impl Reducible for CalState {
    type Action = CalAction;

    fn reduce(self: Rc<Self>, action: CalAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            CalAction::Start(id, points, started) => {
                (next.task, next.points, next.started) = (id, points, started);
                next.status = Status::Running;
            }
            CalAction::Answer(id, c, now) if id == self.task => {
                next.status = Status::Done(c, self.points.clone(), now - self.started);
            }
            CalAction::Fail(id) if id == self.task => next.status = Status::Failed,
            CalAction::Invalid(m) => {
                next.task += 1;
                next.status = Status::Invalid(m);
            }
            CalAction::BadFile => {
                next.task += 1;
                next.status = Status::BadFile;
            }
            _ => return self,
        }
        Rc::new(next)
    }
}

/// Properties of [`CalibrateSection`].
#[derive(Properties, PartialEq)]
pub struct CalibrateProps {
    /// The page's language.
    pub lang: Lang,
}

/// The calibration section.
#[component]
pub fn CalibrateSection(props: &CalibrateProps) -> Html {
    let lang = props.lang;
    let c = lang.goal();
    let text = use_state(String::new);
    let state = use_reducer_eq(|| CalState {
        task: 0,
        points: Rc::default(),
        started: 0.0,
        status: Status::Idle,
    });
    let runner: Rc<RefCell<Option<Runner>>> = use_mut_ref(|| None);
    let next_task = use_mut_ref(|| 0u64);
    let fit = {
        let (state, runner) = (state.dispatcher(), runner.clone());
        Rc::new(move |series: String| {
            let points = match parse_series(&series) {
                Ok(p) => p,
                Err(m) => return state.dispatch(CalAction::Invalid(m)),
            };
            let id = {
                let mut n = next_task.borrow_mut();
                *n += 1;
                *n
            };
            let mut slot = runner.borrow_mut();
            if slot.is_none() {
                let heard = {
                    let state = state.clone();
                    Rc::new(move |h: Heard| match h {
                        Heard::Answer(id, json) => match from_wire::<CalibrateAnswer>(&json) {
                            Some(Ok(fit)) => state.dispatch(CalAction::Answer(
                                id,
                                Rc::new(fit),
                                crate::worker::now_ms(),
                            )),
                            _ => state.dispatch(CalAction::Fail(id)),
                        },
                        Heard::Failed(id) => state.dispatch(CalAction::Fail(id)),
                        Heard::Progress(..) => {}
                    })
                };
                *slot = Runner::spawn(heard);
            }
            state.dispatch(CalAction::Start(
                id,
                Rc::new(points),
                crate::worker::now_ms(),
            ));
            match slot.as_ref() {
                Some(r) => r.post(&Task::Calibrate { id, series }),
                None => state.dispatch(CalAction::Fail(id)),
            }
        })
    };
    let on_input = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(t) = e.target_dyn_into::<web_sys::HtmlTextAreaElement>() {
                text.set(t.value());
            }
        })
    };
    let on_fit = {
        let (fit, text) = (fit.clone(), text.clone());
        Callback::from(move |_: MouseEvent| fit((*text).clone()))
    };
    let on_file = {
        let (fit, text, state) = (fit.clone(), text.clone(), state.dispatcher());
        Callback::from(move |e: Event| {
            let file = e
                .target_dyn_into::<web_sys::HtmlInputElement>()
                .and_then(|i| i.files())
                .and_then(|f| f.get(0));
            let Some(file) = file else { return };
            let (fit, text, state) = (fit.clone(), text.clone(), state.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match wasm_bindgen_futures::JsFuture::from(file.text()).await {
                    Ok(v) if v.as_string().is_some() => {
                        let series = v.as_string().unwrap_or_default();
                        text.set(series.clone());
                        fit(series);
                    }
                    _ => state.dispatch(CalAction::BadFile),
                }
            });
        })
    };
    let invalid = matches!(state.status, Status::Invalid(_) | Status::BadFile);
    html! {
        <section class="decide-calibrate" aria-labelledby="cal-heading">
            <h3 id="cal-heading">{ c.cal_heading }</h3>
            <p class="hint">{ c.cal_intro }</p>
            <div class="field">
                <label for="cal-series">{ c.series }</label>
                <textarea id="cal-series" rows="6" spellcheck="false" value={(*text).clone()} oninput={on_input}
                    placeholder={"year,share,sample_size\n2014,0.19,1200\n2016,0.21\n2018,0.26,1300"}
                    aria-describedby="cal-series-hint" aria-invalid={invalid.to_string()} />
                <p id="cal-series-hint" class="hint">{ c.series_hint }</p>
            </div>
            <div class="field">
                <label for="cal-file">{ c.import }</label>
                <input id="cal-file" type="file" accept=".csv,.txt,text/csv,text/plain" onchange={on_file} />
            </div>
            <button type="button" class="primary" onclick={on_fit} disabled={state.status == Status::Running}>{ c.fit }</button>
            <div aria-live="polite">
                { match &state.status {
                    Status::Idle => html! {},
                    Status::Invalid(m) => html! {
                        <div class="notice" role="alert" data-testid="cal-notice">
                            <p>{ c.bad_series }</p><p>{ say_panel(m, lang) }</p>
                        </div>
                    },
                    Status::BadFile => html! { <p class="notice" role="alert" data-testid="cal-notice">{ c.bad_file }</p> },
                    Status::Running => html! { <p class="decide-status" data-state="running">{ c.fitting }</p> },
                    Status::Failed => html! { <p class="notice" role="alert">{ lang.goal().failed }</p> },
                    Status::Done(fit, points, ms) => html! {
                        <FitView fit={fit.clone()} points={points.clone()} ms={*ms} {lang} />
                    },
                } }
            </div>
        </section>
    }
}

/// Properties of [`FitView`].
#[derive(Properties, PartialEq)]
struct FitProps {
    fit: Rc<Calibration>,
    points: Rc<Vec<Observation>>,
    ms: f64,
    lang: Lang,
}

/// A fit: quantiles, charts, hold-out, warnings, tables and "Apply".
#[component]
fn FitView(props: &FitProps) -> Html {
    let (fit, lang) = (&props.fit, props.lang);
    let c = lang.goal();
    let share = |v: f64| format::percent(v, 1, lang);
    let coef = |v: f64| format::number(v, 4, lang);
    let row = |name: &str, q: &Quantiles| {
        html! {
            <tr><th scope="row">{ name.to_string() }</th><td>{ coef(q.low) }</td><td>{ coef(q.mode) }</td><td>{ coef(q.high) }</td></tr>
        }
    };
    let on_apply = {
        let (p, q) = (fit.p, fit.q);
        Callback::from(move |_: MouseEvent| {
            if let Some(port) = port() {
                let message =
                    bridge::diffusion_order([p.low, p.mode, p.high], [q.low, q.mode, q.high]);
                let _ = port.post_message(&message.into());
            }
        })
    };
    let warnings = fit.warnings.iter().map(|w| {
        let text = match *w {
            Warning::Short { points } => fill(
                c.warn_short,
                &[
                    &format::count(points as f64, lang),
                    &format::count(calibrate::FEW_POINTS as f64, lang),
                ],
            ),
            Warning::BeforeInflection {
                share: s,
                inflection,
            } => fill(c.warn_inflection, &[&share(s), &share(inflection)]),
        };
        html! { <li>{ text }</li> }
    });
    let holdout = fit.holdout.map(|h| {
        let sentence = fill(
            c.holdout_sentence,
            &[
                &h.year.to_string(),
                &share(h.predicted),
                &share(h.low),
                &share(h.high),
                &share(h.observed),
            ],
        );
        html! {
            <p data-testid="cal-holdout" data-inside={h.inside.to_string()}>
                { sentence }{ " " }<strong>{ if h.inside { c.inside } else { c.outside } }</strong>
            </p>
        }
    });
    html! {
        <div class="cal-fit" data-testid="cal-fit" data-ms={format!("{:.1}", props.ms)}
            data-p={format!("{},{},{}", fit.p.low, fit.p.mode, fit.p.high)}
            data-q={format!("{},{},{}", fit.q.low, fit.q.mode, fit.q.high)}>
            <table class="cal-quantiles">
                <thead><tr>{ for c.quantile_columns.iter().map(|h| html! { <th scope="col">{ *h }</th> }) }</tr></thead>
                <tbody>{ row(c.p_name, &fit.p) }{ row(c.q_name, &fit.q) }</tbody>
            </table>
            if !fit.warnings.is_empty() {
                <ul class="cal-warnings" data-testid="cal-warnings">{ for warnings }</ul>
            }
            <div class="cal-apply">
                <button type="button" class="primary" onclick={on_apply}>{ c.apply }</button>
                <p class="hint">{ c.apply_hint }</p>
            </div>
            <div class="cal-charts">
                { path_chart(fit, &props.points, lang) }
                { cloud_chart(fit, lang) }
            </div>
            if let Some(h) = holdout {
                <h4>{ c.holdout }</h4>
                { h }
            }
            { tables(fit, &props.points, lang) }
        </div>
    }
}

/// The fitted path: the band, the median and the observed points.
fn path_chart(fit: &Calibration, points: &[Observation], lang: Lang) -> Html {
    let c = lang.goal();
    let (Some(first), Some(last)) = (fit.path.first(), fit.path.last()) else {
        return html! {};
    };
    let (y0, y1) = (f64::from(first.year), f64::from(last.year));
    let top = share_top(fit, points);
    let x = |year: i32| scale(f64::from(year), y0, y1, LEFT, W - RIGHT);
    let y = |v: f64| scale(v, 0.0, top, H - BOTTOM, TOP);
    let band: Vec<String> = fit
        .path
        .iter()
        .map(|b| format!("{},{}", at(x(b.year)), at(y(b.low))))
        .chain(
            fit.path
                .iter()
                .rev()
                .map(|b| format!("{},{}", at(x(b.year)), at(y(b.high)))),
        )
        .collect();
    let median: Vec<String> = fit
        .path
        .iter()
        .map(|b| format!("{},{}", at(x(b.year)), at(y(b.mid))))
        .collect();
    let ticks = [0.0, top / 2.0, top];
    let years = [first.year, (first.year + last.year) / 2, last.year];
    html! {
        <figure class="cal-figure">
            <svg viewBox={format!("0 0 {W} {H}")} role="img" aria-label={c.path_caption} class="cal-path">
                { for ticks.iter().map(|&v| html! {
                    <g aria-hidden="true">
                        <line class="grid" x1={at(LEFT)} x2={at(W - RIGHT)} y1={at(y(v))} y2={at(y(v))} />
                        <text x={at(LEFT - 4.0)} y={at(y(v) + 4.0)} text-anchor="end">{ format::percent(v, 0, lang) }</text>
                    </g>
                }) }
                { for years.iter().map(|&yr| html! {
                    <text aria-hidden="true" x={at(x(yr))} y={at(H - 10.0)} text-anchor="middle">{ yr.to_string() }</text>
                }) }
                <polygon class="band" points={band.join(" ")} />
                <polyline class="median" points={median.join(" ")} />
                { for points.iter().map(|o| html! {
                    <circle class="observed" cx={at(x(o.year))} cy={at(y(o.share))} r="3.5" />
                }) }
            </svg>
            <figcaption class="decide-legend">
                <span><svg width="16" height="12" aria-hidden="true"><rect class="band" width="16" height="12" /></svg>{ c.band }</span>
                <span><svg width="16" height="12" aria-hidden="true"><line class="median" x1="0" x2="16" y1="6" y2="6" /></svg>{ c.median }</span>
                <span><svg width="12" height="12" aria-hidden="true"><circle class="observed" cx="6" cy="6" r="3.5" /></svg>{ c.observed }</span>
            </figcaption>
        </figure>
    }
}

/// The p–q cloud: each heavy grid cell a dot, its area by its weight.
fn cloud_chart(fit: &Calibration, lang: Lang) -> Html {
    let c = lang.goal();
    let (lo, hi) = (calibrate::P_PRIOR.0.ln(), calibrate::P_PRIOR.1.ln());
    let x = |p: f64| scale(p.ln(), lo, hi, LEFT, W - RIGHT);
    let y = |q: f64| {
        scale(
            q,
            calibrate::Q_PRIOR.0,
            calibrate::Q_PRIOR.1,
            H - BOTTOM,
            TOP,
        )
    };
    let heaviest = fit.cloud.iter().map(|c| c[2]).fold(0.0, f64::max);
    let dots = fit.cloud.iter().rev().map(|cell| {
        let r = 1.0 + 5.0 * (cell[2] / heaviest).sqrt();
        html! { <circle class="cell" cx={at(x(cell[0]))} cy={at(y(cell[1]))} r={at(r)} /> }
    });
    let p_ticks = [(0.0001, 4), (0.001, 3), (0.01, 2), (0.1, 1)];
    html! {
        <figure class="cal-figure">
            <svg viewBox={format!("0 0 {W} {H}")} role="img" aria-label={c.cloud_caption} class="cal-cloud">
                { for [0.0, 0.5, 1.0].iter().map(|&q| html! {
                    <g aria-hidden="true">
                        <line class="grid" x1={at(LEFT)} x2={at(W - RIGHT)} y1={at(y(q))} y2={at(y(q))} />
                        <text x={at(LEFT - 4.0)} y={at(y(q) + 4.0)} text-anchor="end">{ format::number(q, 1, lang) }</text>
                    </g>
                }) }
                { for p_ticks.iter().map(|&(p, places)| html! {
                    <text aria-hidden="true" x={at(x(p))} y={at(H - 14.0)} text-anchor="middle">{ format::number(p, places, lang) }</text>
                }) }
                <text aria-hidden="true" x={at(W - RIGHT)} y={at(H - 3.0)} text-anchor="end">{ c.p_name }</text>
                <text aria-hidden="true" x={at(LEFT + 4.0)} y={at(TOP + 10.0)}>{ c.q_name }</text>
                { for dots }
            </svg>
            <figcaption class="hint">{ c.cloud_caption }</figcaption>
        </figure>
    }
}

/// The charts' tables, drawn only while open.
fn tables(fit: &Calibration, points: &[Observation], lang: Lang) -> Html {
    let c = lang.goal();
    let share = |v: f64| format::percent(v, 1, lang);
    let observed = |year: i32| {
        points
            .iter()
            .find(|o| o.year == year)
            .map_or(String::new(), |o| share(o.share))
    };
    let total: f64 = fit.cloud.iter().map(|c| c[2]).sum();
    html! {
        <>
            <details class="decide-table">
                <summary>{ c.path_table }</summary>
                <table>
                    <thead><tr>{ for c.path_columns.iter().map(|h| html! { <th scope="col">{ *h }</th> }) }</tr></thead>
                    <tbody>{ for fit.path.iter().map(|b| html! {
                        <tr><th scope="row">{ b.year.to_string() }</th><td>{ observed(b.year) }</td>
                            <td>{ share(b.low) }</td><td>{ share(b.mid) }</td><td>{ share(b.high) }</td></tr>
                    }) }</tbody>
                </table>
            </details>
            <details class="decide-table">
                <summary>{ c.cloud_table }</summary>
                <table>
                    <thead><tr><th scope="col">{ c.p_name }</th><th scope="col">{ c.q_name }</th><th scope="col">{ c.weight }</th></tr></thead>
                    <tbody>{ for fit.cloud.iter().take(100).map(|cell| html! {
                        <tr><td>{ format::number(cell[0], 5, lang) }</td><td>{ format::number(cell[1], 3, lang) }</td>
                            <td>{ format::percent(cell[2] / total.max(f64::MIN_POSITIVE), 2, lang) }</td></tr>
                    }) }</tbody>
                </table>
            </details>
        </>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scales_map_ends_and_empty_ranges_to_the_middle() {
        assert_eq!(scale(2.0, 2.0, 4.0, 10.0, 20.0), 10.0);
        assert_eq!(scale(4.0, 2.0, 4.0, 10.0, 20.0), 20.0);
        assert_eq!(scale(3.0, 3.0, 3.0, 10.0, 20.0), 15.0);
        let c = crate::decide::task::calibrate_answer("2014,0.1\n2015,0.2\n2016,0.33\n").unwrap();
        let obs = parse_series("2014,0.1\n2015,0.2\n2016,0.33\n").unwrap();
        let top = share_top(&c, &obs);
        assert!((0.1..=1.0).contains(&top) && top >= 0.33, "{top}");
    }
}
