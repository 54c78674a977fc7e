//! The best-mix panel: the objective, the ternary heat map with its table, the best and
//! current mixes' robustness, progress and Cancel, and notices for what cannot be computed.

use std::rc::Rc;

use adoption_decide::MIN_RUNS;
use adoption_decide::optimize::{Cell, Optimum, Robustness};
use adoption_decide::outcome::Objective;
use adoption_formats::ScenarioJson;
use adoption_model::scenario::{Mix, Scenario};
use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{HtmlDialogElement, MessageEvent};
use yew::prelude::*;

use super::bridge;
use super::pool::{self, Lane, Stop};
use super::search::{self, Map, Refusal, Shared, Stage};
use super::ternary::{self, Move};
use crate::components::select_field::chosen;
use crate::format;
use crate::i18n::{Lang, fill, say};
use crate::mix::percents;
use crate::narrative::target_label;

/// How long the scenario must rest before a new search starts, in milliseconds (the
/// sections' answers wait as long).
pub(super) const REST_MS: u32 = 200;

/// What the panel shows besides the map.
#[derive(Clone, Debug, PartialEq)]
enum Status {
    Running(Stage),
    Done,
    Cancelled,
    Refused(Refusal),
    Failed,
}

/// The panel's state: the newest search's number, its status and map, and the mix
/// selected on the map.
#[derive(Clone, Debug, PartialEq)]
struct PanelState {
    search: u64,
    status: Status,
    map: Option<Rc<Map>>,
    selected: Option<Mix>,
    /// Milliseconds from the search's start to the map shown.
    ms: f64,
}

enum PanelAction {
    Start(u64),
    Stage(u64, Stage),
    Show(u64, Rc<Map>, f64),
    Cancel,
    Refuse(u64, Refusal),
    Fail(u64),
    Select(Mix),
}

impl Reducible for PanelState {
    type Action = PanelAction;

    fn reduce(self: Rc<Self>, action: PanelAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            PanelAction::Start(id) => {
                next.search = id;
                next.status = Status::Running((0, 0.0));
            }
            PanelAction::Stage(id, s) if id == self.search => {
                if !matches!(self.status, Status::Running(_)) {
                    return self;
                }
                next.status = Status::Running(s);
            }
            PanelAction::Show(id, map, ms) if id == self.search => {
                next.ms = ms;
                if map.last {
                    next.status = Status::Done;
                }
                // Keep the selection if the new map has it, else select the best.
                let has = |m: &Mix| map.optimum.grid.iter().any(|c| c.mix == *m);
                if !self.selected.as_ref().is_some_and(has) {
                    next.selected = Some(map.optimum.best.mix);
                }
                next.map = Some(map);
            }
            PanelAction::Cancel => next.status = Status::Cancelled,
            PanelAction::Refuse(id, r) if id == self.search => {
                next.status = Status::Refused(r);
                next.map = None;
            }
            PanelAction::Fail(id) if id == self.search => next.status = Status::Failed,
            PanelAction::Select(m) => next.selected = Some(m),
            _ => return self,
        }
        Rc::new(next)
    }
}

/// The panel's end of the page's channel (see [`bridge`]).
pub(super) fn port() -> Option<web_sys::MessagePort> {
    js_sys::Reflect::get(&gloo::utils::window(), &bridge::PORT.into())
        .ok()?
        .dyn_into()
        .ok()
}

/// The panel's dialog.
fn dialog() -> Option<HtmlDialogElement> {
    gloo::utils::document()
        .get_element_by_id(HOST_ID)?
        .dyn_into()
        .ok()
}

/// The scenario and language the page sends, followed as they change; the page's
/// "open" shows the dialog and starts `shared`'s workers (the page says "open" before
/// sending the scenario, so they start while the panel draws, not when the map's
/// search first asks; a consultation's hand-in, which also loads this module, starts
/// none).
#[hook]
fn use_page(shared: &Shared) -> (Option<String>, Lang) {
    let value = use_state_eq(|| (None, Lang::default()));
    {
        let (value, shared) = (value.clone(), shared.clone());
        use_effect_with((), move |_| {
            let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
                let Some(text) = e.data().as_string() else {
                    return;
                };
                if text == bridge::OPEN {
                    let _ = shared.pool();
                    if let Some(d) = dialog().filter(|d| !d.open()) {
                        let _ = d.show_modal();
                    }
                } else if let Some((file, csv)) = bridge::read_population_request(&text) {
                    // Before the scenario message, whose first space it may have too.
                    let read = adoption_formats::population::parse_csv(csv);
                    if let Some(port) = port() {
                        let _ = port.post_message(&bridge::population_reply(file, &read).into());
                    }
                } else if let Some(order) = bridge::read_handin(&text) {
                    // Before the scenario message, whose first space it has too.
                    super::handin::show(order);
                } else if let Some((code, json)) = bridge::read_scenario(&text) {
                    value.set((
                        Some(json.to_string()),
                        Lang::from_code(code).unwrap_or_default(),
                    ));
                }
            });
            if let Some(port) = port() {
                port.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
            }
            // The panel lives as long as the page.
            on_message.forget();
        });
    }
    (*value).clone()
}

/// The best-mix panel.
#[component]
pub fn Panel() -> Html {
    let shared = use_memo((), |_| Shared::default());
    let (text, lang) = use_page(&shared);
    let parsed = use_memo(text.clone(), |text| {
        Scenario::from_json(text.as_deref().unwrap_or_default()).map_err(|e| e.message())
    });
    let scenario: Rc<Option<Scenario>> = Rc::new(parsed.as_ref().as_ref().ok().cloned());
    let objective = use_state(|| Objective::Mean);
    let restarts = use_state(|| 0u32);
    let state = use_reducer(|| PanelState {
        search: 0,
        status: Status::Running((0, 0.0)),
        map: None,
        selected: None,
        ms: 0.0,
    });
    let lane = *use_memo((), |_| pool::lane());
    let next_search = use_mut_ref(|| 0u64);
    let rest = use_mut_ref(|| None::<Timeout>);

    {
        let (state, shared, rest) = (state.dispatcher(), (*shared).clone(), rest.clone());
        let parsed = parsed.clone();
        let text_missing = text.is_none();
        use_effect_with(
            (parsed.clone(), *objective, *restarts),
            move |(_, objective, _)| {
                let objective = *objective;
                if text_missing {
                    // Nothing from the page yet.
                    return;
                }
                let id = {
                    let mut n = next_search.borrow_mut();
                    *n += 1;
                    *n
                };
                state.dispatch(PanelAction::Start(id));
                shared.cancel(lane);
                let checked = match parsed.as_ref() {
                    Ok(s) => search::check(s, objective).map(|_| s.clone()),
                    Err(m) => Err(Refusal::Scenario(m.clone())),
                };
                match checked {
                    Err(r) => state.dispatch(PanelAction::Refuse(id, r)),
                    // The first search starts at once; later ones once the scenario rests.
                    Ok(s) if id == 1 => start(id, s, objective, (&shared, lane), state),
                    Ok(s) => {
                        let later = Timeout::new(REST_MS, move || {
                            start(id, s, objective, (&shared, lane), state);
                        });
                        *rest.borrow_mut() = Some(later);
                    }
                }
            },
        );
    }
    let t = lang.texts();
    let d = lang.decide();
    let on_close = Callback::from(|_| {
        if let Some(d) = dialog() {
            d.close();
        }
    });
    let on_cancel = {
        let (shared, state, rest) = ((*shared).clone(), state.dispatcher(), rest.clone());
        Callback::from(move |_| {
            // A search waiting for the scenario to rest does not start either.
            rest.borrow_mut().take();
            shared.cancel(lane);
            state.dispatch(PanelAction::Cancel);
        })
    };
    let on_restart = {
        let restarts = restarts.clone();
        Callback::from(move |_| restarts.set(*restarts + 1))
    };
    let on_objective = {
        let objective = objective.clone();
        Callback::from(move |e: Event| objective.set(parse_objective(&chosen(&e))))
    };
    let headline_year = scenario.as_ref().as_ref().map_or(0, |s| s.headline_year());
    let objective_name = |o: Objective| -> String {
        match o {
            Objective::Mean => fill(d.objective_mean, &[&headline_year.to_string()]),
            Objective::AdopterYears => d.objective_years.to_string(),
            Objective::Target(k) => {
                let label = scenario
                    .as_ref()
                    .as_ref()
                    .and_then(|s| s.targets.get(k))
                    .map(|t| target_label(t.kind, t.value, t.year, &t.label, lang))
                    .unwrap_or_default();
                fill(d.objective_target, &[&label])
            }
        }
    };
    let mut objectives = vec![Objective::Mean, Objective::AdopterYears];
    if let Some(s) = scenario.as_ref() {
        objectives.extend((0..s.targets.len()).map(Objective::Target));
    }
    if !objectives.contains(&*objective) {
        objectives.push(*objective);
    }
    let disagree = state.map.as_ref().and_then(|m| {
        let (other, mix) = m.disagree?;
        Some(AttrValue::from(fill(
            d.disagree,
            &[
                &objective_name(other),
                &mix_words(&mix, lang),
                &mix_words(&m.optimum.best.mix, lang),
            ],
        )))
    });
    let runs = scenario.as_ref().as_ref().map_or(0, |s| s.runs);
    let current_mix = scenario.as_ref().as_ref().map(|s| s.mix);

    html! {
        <ContextProvider<Shared> context={(*shared).clone()}>
        <div class="decide" lang={lang.code()}>
            <div class="decide-head">
                <h2 id="decide-heading">{ t.best_mix }</h2>
                <button type="button" class="decide-close" onclick={on_close}>{ t.close }</button>
            </div>
            <p class="decide-intro">{ fill(d.intro, &[&format::count(231.0, lang)]) }</p>
            <div class="field">
                <label for="decide-objective">{ d.objective }</label>
                <select id="decide-objective" onchange={on_objective}>
                    { for objectives.iter().map(|&o| html! {
                        <option value={objective_key(o)} selected={o == *objective}>{ objective_name(o) }</option>
                    }) }
                </select>
            </div>
            { status_line(&state.status, runs, lang, on_cancel, on_restart) }
            if let Some(map) = state.map.as_ref().filter(|_| !matches!(state.status, Status::Refused(_))) {
                <MapView map={map.clone()} selected={state.selected} current={current_mix} {lang}
                    ms={state.ms} disagree={disagree} select={state.dispatcher()} />
            }
            <super::tornado::Tornado text={text.clone().map(AttrValue::from)} {lang} />
            <super::margin::NextEuroSection text={text.clone().map(AttrValue::from)} {lang} />
            <super::goal::GoalSection scenario={scenario.clone()} {lang} />
            <super::calibrate::CalibrateSection {lang} />
        </div>
        </ContextProvider<Shared>>
    }
}

/// Starts search `id` on the shared pool (spawning it on first use), in `lane`.
fn start(
    id: u64,
    s: Scenario,
    objective: Objective,
    (shared, lane): (&Shared, Lane),
    state: UseReducerDispatcher<PanelState>,
) {
    let Some(p) = shared.pool() else {
        state.dispatch(PanelAction::Fail(id));
        return;
    };
    let memo = shared.memo.clone();
    let started = crate::worker::now_ms();
    wasm_bindgen_futures::spawn_local(async move {
        let on_stage: Rc<dyn Fn(Stage)> = {
            let state = state.clone();
            Rc::new(move |s: Stage| state.dispatch(PanelAction::Stage(id, s)))
        };
        let on_map = {
            let state = state.clone();
            move |m: Map| {
                state.dispatch(PanelAction::Show(
                    id,
                    Rc::new(m),
                    crate::worker::now_ms() - started,
                ))
            }
        };
        match search::search((&p, lane), &memo, &s, objective, on_stage, &on_map).await {
            Ok(()) | Err(Stop::Cancelled) => {}
            Err(Stop::Failed(message)) => {
                web_sys::console::warn_1(&message.into());
                state.dispatch(PanelAction::Fail(id));
            }
        }
    });
}

fn objective_key(o: Objective) -> String {
    match o {
        Objective::Mean => "mean".into(),
        Objective::AdopterYears => "years".into(),
        Objective::Target(k) => format!("target-{k}"),
    }
}

fn parse_objective(key: &str) -> Objective {
    match key {
        "years" => Objective::AdopterYears,
        k => k
            .strip_prefix("target-")
            .and_then(|n| n.parse().ok())
            .map_or(Objective::Mean, Objective::Target),
    }
}

/// The share of the whole search done, from a stage's share.
fn overall((stage, f): Stage) -> f64 {
    let (from, to) = match stage {
        0 => (0.0, 0.15),
        1 => (0.15, 0.55),
        _ => (0.55, 1.0),
    };
    from + (to - from) * f.clamp(0.0, 1.0)
}

/// Progress and Cancel, the notes, or a notice.
fn status_line(
    status: &Status,
    runs: u32,
    lang: Lang,
    on_cancel: Callback<MouseEvent>,
    on_restart: Callback<MouseEvent>,
) -> Html {
    let d = lang.decide();
    let screen = adoption_decide::optimize::SCREEN_RUNS.min(runs);
    match status {
        Status::Running(stage) => {
            let text = match stage.0 {
                0 => fill(d.running_coarse, &[&format::count(f64::from(screen), lang)]),
                1 => fill(d.running_screen, &[&format::count(f64::from(screen), lang)]),
                _ => fill(d.running_full, &[&format::count(f64::from(runs), lang)]),
            };
            html! {
                <div class="decide-status" data-state="running">
                    <span id="decide-progress-label">{ text }</span>
                    <progress max="1" value={overall(*stage).to_string()} aria-labelledby="decide-progress-label"></progress>
                    <button type="button" onclick={on_cancel}>{ d.cancel }</button>
                </div>
            }
        }
        Status::Done => html! {
            <p class="decide-status" data-state="done" role="status">{ fill(d.final_note, &[&format::count(f64::from(runs), lang)]) }</p>
        },
        Status::Cancelled => html! {
            <div class="decide-status" data-state="cancelled" role="status">
                <span>{ d.cancelled }</span>
                <button type="button" onclick={on_restart}>{ d.restart }</button>
            </div>
        },
        Status::Refused(r) => {
            let (text, details): (String, Vec<String>) = match r {
                Refusal::NoBudget => (d.no_budget.into(), vec![]),
                Refusal::NoTarget => (d.no_target.into(), vec![]),
                Refusal::TooFewRuns => (
                    fill(d.too_few_runs, &[&format::count(f64::from(MIN_RUNS), lang)]),
                    vec![],
                ),
                Refusal::Scenario(m) => (d.refused.into(), vec![say(m, lang)]),
            };
            html! {
                <div class="decide-status notice" data-state="refused" role="alert">
                    <p>{ text }</p>
                    { for details.iter().map(|x| html! { <p>{ x.clone() }</p> }) }
                </div>
            }
        }
        Status::Failed => html! {
            <p class="decide-status notice" data-state="failed" role="alert">{ d.failed }</p>
        },
    }
}

/// A grid cell's element id.
fn cell_id(m: &Mix) -> String {
    let p = percents(m);
    format!("decide-cell-{}-{}-{}", p[0], p[1], p[2])
}

/// A mix in words, e.g. "vouchers 60%, training 0%, pilots 40%".
pub fn mix_words(m: &Mix, lang: Lang) -> String {
    let p = percents(m);
    let pc = |k: usize| format::percent(f64::from(p[k]) / 100.0, 0, lang);
    fill(lang.decide().mix, &[&pc(0), &pc(1), &pc(2)])
}

/// A value of the objective, as the panel writes it.
pub fn value_text(v: f64, objective: Objective, lang: Lang) -> String {
    match objective {
        Objective::Mean => format::number(v, 1, lang),
        Objective::AdopterYears => format::count(v, lang),
        Objective::Target(_) => format::percent(v, 0, lang),
    }
}

/// A cell's accessible label: the mix, its value, and whether it is the best, the
/// current mix or as good as the best.
pub fn cell_label(cell: &Cell, o: &Optimum, current: Option<Mix>, lang: Lang) -> String {
    let d = lang.decide();
    let mut label = format!(
        "{}: {}",
        mix_words(&cell.mix, lang),
        value_text(cell.value, o.objective, lang)
    );
    let marks = [
        (cell.mix == o.best.mix, d.best_marker),
        (Some(cell.mix) == current, d.current_marker),
        (
            cell.mix != o.best.mix && o.indistinguishable.contains(&cell.mix),
            d.close_marker,
        ),
    ];
    for (on, word) in marks {
        if on {
            label.push_str(" (");
            label.push_str(word);
            label.push(')');
        }
    }
    label
}

/// Properties of [`MapView`].
#[derive(Properties, PartialEq)]
struct MapProps {
    /// The map to show.
    map: Rc<Map>,
    /// The mix selected on it.
    selected: Option<Mix>,
    /// The scenario's own mix.
    current: Option<Mix>,
    /// The page's language.
    lang: Lang,
    /// Milliseconds from the search's start to this map.
    ms: f64,
    /// The "objectives disagree" sentence, if they do.
    disagree: Option<AttrValue>,
    /// Where selections go.
    select: UseReducerDispatcher<PanelState>,
}

/// The map, its legend, the figures beside it and the table.
// NOTE: a component of its own, so the progress messages (tens a second) re-render the
// status line only, not 231 cells and their table.
#[component]
fn MapView(props: &MapProps) -> Html {
    let MapProps {
        map,
        selected,
        current,
        lang,
        ..
    } = props;
    let (selected, current, lang) = (*selected, *current, *lang);
    let focus_pending = use_mut_ref(|| false);
    // The table's 231 rows are drawn only while it is open.
    let (table_open, on_toggle) = crate::hooks::use_open();
    {
        let focus_pending = focus_pending.clone();
        use_effect_with(selected, move |selected| {
            if std::mem::replace(&mut *focus_pending.borrow_mut(), false)
                && let Some(m) = selected
                && let Some(cell) = gloo::utils::document().get_element_by_id(&cell_id(m))
                && let Ok(cell) = cell.dyn_into::<web_sys::SvgElement>()
            {
                let _ = cell.focus();
            }
        });
    }
    let d = lang.decide();
    let t = lang.texts();
    let o = &map.optimum;
    let parts = (1.0 / o.step).round() as u32;
    let (low, high) = o
        .grid
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(l, h), c| {
            (l.min(c.value), h.max(c.value))
        });
    let selected = selected.unwrap_or(o.best.mix);
    let on_key = {
        let (state, focus_pending) = (props.select.clone(), focus_pending.clone());
        let grid: Vec<Mix> = o.grid.iter().map(|c| c.mix).collect();
        Callback::from(move |e: KeyboardEvent| {
            let Some(to) = Move::from_key(&e.key()) else {
                return;
            };
            e.prevent_default();
            let Some(i) = grid.iter().position(|m| *m == selected) else {
                return;
            };
            let from = ternary::steps_at(i, parts);
            if let Some(next) = ternary::step(from, parts, to)
                && let Some(m) = grid.get(ternary::index(next, parts))
            {
                *focus_pending.borrow_mut() = true;
                state.dispatch(PanelAction::Select(*m));
            }
        })
    };
    let cells = o.grid.iter().map(|c| {
        let at = ternary::point(&c.mix);
        let is_selected = c.mix == selected;
        let onclick = {
            let (state, m) = (props.select.clone(), c.mix);
            Callback::from(move |_| state.dispatch(PanelAction::Select(m)))
        };
        html! {
            <polygon id={cell_id(&c.mix)} class={classes!("cell", is_selected.then_some("selected"))}
                points={ternary::hexagon(at, parts)}
                fill={ternary::colour(ternary::scale(c.value, low, high))}
                role="radio" aria-checked={is_selected.to_string()}
                tabindex={if is_selected { "0" } else { "-1" }}
                aria-label={cell_label(c, o, current, lang)} onclick={onclick} />
        }
    });
    let region = o.grid.iter().filter(|c| o.indistinguishable.contains(&c.mix)).map(|c| {
        html! { <polygon class="region" points={ternary::hexagon(ternary::point(&c.mix), parts)} fill="url(#decide-hatch)" /> }
    });
    let best_at = ternary::point(&o.best.mix);
    let cell_r = ternary::SIDE / f64::from(parts) / 3f64.sqrt();
    let current_marker = current.map(|m| {
        let at = ternary::point(&m);
        html! { <circle class="current-marker" cx={format!("{:.2}", at.0)} cy={format!("{:.2}", at.1)} r={format!("{:.2}", cell_r * 0.55)} /> }
    });
    let selected_at = ternary::point(&selected);
    let [cv, ct, cp] = ternary::corners();
    let names = t.instruments;
    let whole = format::percent(1.0, 0, lang);
    let selected_cell = o.grid.iter().find(|c| c.mix == selected).copied();
    let on_use = {
        let p = percents(&selected);
        Callback::from(move |_| {
            if let Some(port) = port() {
                let _ = port.post_message(&bridge::encode_percents(p).into());
            }
        })
    };
    let pm = |v: f64, se: f64| {
        fill(
            d.plus_minus,
            &[
                &value_text(v, o.objective, lang),
                &value_text(se, o.objective, lang),
            ],
        )
    };
    let robust_row = |label: &str, f: &dyn Fn(&Robustness) -> String| {
        html! {
            <tr><th scope="row">{ label.to_string() }</th><td>{ f(&o.best) }</td><td>{ f(&o.current) }</td></tr>
        }
    };
    let swatches = (0..5).map(|k| {
        html! { <rect x={(k * 16).to_string()} y="0" width="16" height="12" fill={ternary::colour(f64::from(k) / 4.0)} /> }
    });
    html! {
        <div class={classes!("decide-map", (!map.last).then_some("coarse"))} data-state={if map.last { "final" } else { "coarse" }}
            data-best={format!("{},{},{}", percents(&o.best.mix)[0], percents(&o.best.mix)[1], percents(&o.best.mix)[2])} data-best-value={o.best.value.to_string()}
            data-ms={format!("{:.1}", props.ms)} data-objective={objective_key(o.objective)}
            data-current={format!("{},{},{}", percents(&o.current.mix)[0], percents(&o.current.mix)[1], percents(&o.current.mix)[2])}>
            if !map.last { <p class="decide-note">{ d.coarse_note }</p> }
            <div class="decide-body">
                <figure class="decide-figure">
                    <svg viewBox={format!("0 0 {} {}", ternary::WIDTH, ternary::HEIGHT)} class="ternary"
                        role="radiogroup" aria-label={d.map_label} onkeydown={on_key}>
                        <defs>
                            <pattern id="decide-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                                <line x1="0" y1="0" x2="0" y2="6" stroke="#ffffff" stroke-width="2.2" />
                            </pattern>
                        </defs>
                        { for cells }
                        <g aria-hidden="true" class="overlays">
                            { for region }
                            { for current_marker }
                            <circle class="best-marker" cx={format!("{:.2}", best_at.0)} cy={format!("{:.2}", best_at.1)} r={format!("{:.2}", cell_r * 0.8)} />
                            <polygon class="selected-outline" points={ternary::hexagon(selected_at, parts)} />
                            <text x={format!("{:.1}", cv.0)} y={format!("{:.1}", cv.1 - 14.0)} text-anchor="middle">{ format!("{} {}", names[0], whole) }</text>
                            <text x={format!("{:.1}", ct.0)} y={format!("{:.1}", ct.1 + 26.0)} text-anchor="start">{ format!("{} {}", names[1], whole) }</text>
                            <text x={format!("{:.1}", cp.0)} y={format!("{:.1}", cp.1 + 26.0)} text-anchor="end">{ format!("{} {}", names[2], whole) }</text>
                        </g>
                    </svg>
                    <figcaption class="decide-legend">
                        <span class="scale">
                            <span>{ d.low }</span>
                            <svg width="80" height="12" aria-hidden="true">{ for swatches }</svg>
                            <span>{ d.high }</span>
                        </span>
                        <span><svg width="16" height="16" aria-hidden="true"><rect width="16" height="16" fill="#3b528b" /><rect width="16" height="16" fill="url(#decide-hatch)" /></svg>{ d.indistinguishable }</span>
                        <span><svg width="16" height="16" aria-hidden="true"><circle class="best-marker" cx="8" cy="8" r="6" /></svg>{ d.best }</span>
                        <span><svg width="16" height="16" aria-hidden="true"><circle class="current-marker" cx="8" cy="8" r="5" /></svg>{ d.current }</span>
                    </figcaption>
                </figure>
                <div class="decide-side">
                    <table class="decide-robust">
                        <thead><tr><td></td><th scope="col">{ d.best }</th><th scope="col">{ d.current }</th></tr>
                        <tr><td></td><td>{ mix_words(&o.best.mix, lang) }</td><td>{ mix_words(&o.current.mix, lang) }</td></tr></thead>
                        <tbody>
                            { robust_row(d.expected, &|r| pm(r.value, r.se)) }
                            { robust_row(d.worst_tenth, &|r| value_text(r.worst_tenth, o.objective, lang)) }
                            { robust_row(d.max_regret, &|r| value_text(r.max_regret, o.objective, lang)) }
                        </tbody>
                    </table>
                    <p class="hint">{ format!("{}: {}", d.max_regret, d.regret_help) }</p>
                    if let Some(sentence) = props.disagree.clone() {
                        <p class="decide-disagree">{ sentence }</p>
                    }
                    <div class="decide-selected">
                        <h3>{ d.selected }</h3>
                        <p data-testid="decide-selected">{ mix_words(&selected, lang) }</p>
                        if let Some(c) = selected_cell { <p>{ format!("{}: {}", d.expected, pm(c.value, c.se)) }</p> }
                        <button type="button" class="primary" onclick={on_use}>{ d.use_mix }</button>
                    </div>
                </div>
            </div>
            <details class="decide-table" ontoggle={on_toggle}>
                <summary>{ d.table }</summary>
                if table_open {
                <table>
                    <thead><tr>
                        { for names.iter().map(|n| html! { <th scope="col">{ *n }</th> }) }
                        { for d.columns.iter().map(|n| html! { <th scope="col">{ *n }</th> }) }
                    </tr></thead>
                    <tbody>
                        { for o.grid.iter().map(|c| {
                            let p = percents(&c.mix);
                            html! { <tr class={classes!((c.mix == o.best.mix).then_some("best"))}>
                                { for p.iter().map(|x| html! { <td>{ format::percent(f64::from(*x) / 100.0, 0, lang) }</td> }) }
                                <td>{ value_text(c.value, o.objective, lang) }</td>
                                <td>{ value_text(c.se, o.objective, lang) }</td>
                                <td>{ format::count(f64::from(c.runs), lang) }</td>
                                <td>{ if o.indistinguishable.contains(&c.mix) { d.yes } else { "" } }</td>
                            </tr> }
                        }) }
                    </tbody>
                </table>
                }
            </details>
        </div>
    }
}

/// Id of the panel's dialog.
const HOST_ID: &str = "decide-dialog";

/// Mounts the panel in a dialog of its own, appended to the page's body.
pub fn mount() {
    let document = gloo::utils::document();
    let Ok(host) = document.create_element("dialog") else {
        return;
    };
    host.set_id(HOST_ID);
    host.set_class_name("decide-dialog");
    let _ = host.set_attribute("aria-labelledby", "decide-heading");
    if gloo::utils::body().append_child(&host).is_ok() {
        yew::Renderer::<Panel>::with_root(host).render();
    }
}
