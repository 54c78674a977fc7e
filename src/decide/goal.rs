//! The panel's "budget for a target" section: the least budget that meets a target with
//! a chosen chance, at the current mix or the best mix for that target, and "Use this
//! budget", which sets the page's budget through the bridge. The best mix is the panel's
//! search (on the shared pool, reusing what the map computed: `adoption goal --best-mix`
//! searches the same way); the bisection runs in a worker of its own by `adoption goal`'s
//! calls (see [`super::task`]).

use std::cell::RefCell;
use std::rc::Rc;

use adoption_decide::MIN_RUNS;
use adoption_decide::outcome::Objective;
use adoption_formats::ScenarioJson;
use adoption_formats::message::Message;
use adoption_model::{Model, Scenario};
use yew::prelude::*;

use super::bridge;
use super::panel::{mix_words, port};
use super::pool::{self, Stop};
use super::protocol::Task;
use super::search::{self, Map, Shared};
use super::task::{GoalAnswer, Heard, Runner, from_wire};
use crate::components::select_field::chosen;
use crate::format;
use crate::i18n::{Lang, fill, say};
use crate::narrative::target_label;

/// The chance asked when the section opens, in percent.
const DEFAULT_PERCENT: f64 = 80.0;

/// Why the section does not compute.
#[derive(Clone, Debug, PartialEq)]
pub enum Blocked {
    /// The scenario has no targets.
    NoTargets,
    /// Fewer runs than the core needs.
    TooFewRuns,
    /// The model refuses the scenario.
    Scenario(Message),
}

/// What stops a computation before it starts, if anything.
pub fn blocked(s: &Scenario) -> Option<Blocked> {
    if s.targets.is_empty() {
        return Some(Blocked::NoTargets);
    }
    if s.runs < MIN_RUNS {
        return Some(Blocked::TooFewRuns);
    }
    Model::new(s)
        .err()
        .map(|e| Blocked::Scenario(Message::from(&e)))
}

/// The chance asked, from the box's percent, if it lies strictly between 0 and 100.
pub fn probability(percent: f64) -> Option<f64> {
    (percent > 0.0 && percent < 100.0).then(|| percent / 100.0)
}

#[derive(Clone, Debug, PartialEq)]
enum Status {
    Idle,
    /// Budgets tried so far (none yet while the best mix is searched).
    Running(u32),
    Done(Rc<GoalAnswer>),
    Cancelled,
    Failed,
}

#[derive(Clone, Debug, PartialEq)]
struct GoalState {
    task: u64,
    /// The chance the task asks.
    asked: f64,
    status: Status,
}

enum GoalAction {
    Start(u64, f64),
    Progress(u64, u32),
    Answer(u64, Rc<GoalAnswer>),
    Fail(u64),
    Cancel,
    Reset,
}

impl Reducible for GoalState {
    type Action = GoalAction;

    fn reduce(self: Rc<Self>, action: GoalAction) -> Rc<Self> {
        let status = match action {
            GoalAction::Start(id, asked) => {
                return Rc::new(GoalState {
                    task: id,
                    asked,
                    status: Status::Running(0),
                });
            }
            GoalAction::Progress(id, n) if id == self.task => match self.status {
                Status::Running(_) => Status::Running(n),
                _ => return self,
            },
            GoalAction::Answer(id, a) if id == self.task => Status::Done(a),
            // After Cancel, a search that ended with it finds no worker: not a failure.
            GoalAction::Fail(id)
                if id == self.task && matches!(self.status, Status::Running(_)) =>
            {
                Status::Failed
            }
            GoalAction::Cancel if matches!(self.status, Status::Running(_)) => Status::Cancelled,
            GoalAction::Reset if self.status != Status::Idle => Status::Idle,
            _ => return self,
        };
        Rc::new(GoalState {
            status,
            ..(*self).clone()
        })
    }
}

/// Properties of [`GoalSection`].
#[derive(Properties, PartialEq)]
pub struct GoalProps {
    /// The page's scenario, if it reads.
    pub scenario: Rc<Option<Scenario>>,
    /// The page's language.
    pub lang: Lang,
}

/// The "budget for a target" section.
#[component]
pub fn GoalSection(props: &GoalProps) -> Html {
    let lang = props.lang;
    let g = lang.goal();
    let target = use_state_eq(|| 0usize);
    let percent = use_state_eq(|| DEFAULT_PERCENT);
    let best = use_state_eq(|| false);
    let state = use_reducer_eq(|| GoalState {
        task: 0,
        asked: DEFAULT_PERCENT / 100.0,
        status: Status::Idle,
    });
    let runner: Rc<RefCell<Option<Runner>>> = use_mut_ref(|| None);
    let next_task = use_mut_ref(|| 0u64);
    let shared = use_context::<Shared>().unwrap_or_default();
    let lane = *use_memo((), |_| pool::lane());
    // A new scenario makes an answer stale: it is dropped, and a task in flight ended.
    {
        let (state, runner, shared) = (state.dispatcher(), runner.clone(), shared.clone());
        use_effect_with(props.scenario.clone(), move |_| {
            runner.borrow_mut().take();
            shared.cancel(lane);
            state.dispatch(GoalAction::Reset);
        });
    }
    let Some(s) = props.scenario.as_ref().clone() else {
        return html! {};
    };
    let k = (*target).min(s.targets.len().saturating_sub(1));
    let asked = probability(*percent);
    let on_find = {
        let (state, runner, s) = (state.dispatcher(), runner.clone(), s.clone());
        let (best, shared) = (*best, shared.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(p) = asked else { return };
            let id = {
                let mut n = next_task.borrow_mut();
                *n += 1;
                *n
            };
            if runner.borrow().is_none() {
                let heard = {
                    let state = state.clone();
                    Rc::new(move |h: Heard| match h {
                        Heard::Progress(id, n) => state.dispatch(GoalAction::Progress(id, n)),
                        Heard::Answer(id, json) => match from_wire(&json) {
                            Some(a) => state.dispatch(GoalAction::Answer(id, Rc::new(a))),
                            None => state.dispatch(GoalAction::Fail(id)),
                        },
                        Heard::Failed(id) => state.dispatch(GoalAction::Fail(id)),
                    })
                };
                *runner.borrow_mut() = Runner::spawn(heard);
            }
            state.dispatch(GoalAction::Start(id, p));
            let bisect = {
                let (runner, state) = (runner.clone(), state.clone());
                move |scenario: &Scenario, best_mix: bool| match runner.borrow().as_ref() {
                    Some(r) => r.post(&Task::Goal {
                        id,
                        scenario: scenario.to_json(),
                        target: k,
                        probability: p,
                        best_mix,
                    }),
                    None => state.dispatch(GoalAction::Fail(id)),
                }
            };
            let objective = Objective::Target(k);
            // The pool's workers start only for a search: the current mix needs none.
            let pool = best.then(|| shared.pool()).flatten();
            match pool {
                // The best mix by the panel's search, then the bisection at that mix.
                Some(pool) if search::check(&s, objective).is_ok() => {
                    let (s, memo, state) = (s.clone(), shared.memo.clone(), state.clone());
                    wasm_bindgen_futures::spawn_local(async move {
                        let found = Rc::new(std::cell::Cell::new(None));
                        let show = {
                            let found = found.clone();
                            move |m: Map| {
                                if m.last {
                                    found.set(Some(m.optimum.best.mix));
                                }
                            }
                        };
                        let on = (&*pool, lane);
                        match search::search(on, &memo, &s, objective, Rc::new(|_| {}), &show).await
                        {
                            Ok(()) => match found.get() {
                                Some(mix) => bisect(&Scenario { mix, ..s }, false),
                                None => state.dispatch(GoalAction::Fail(id)),
                            },
                            Err(Stop::Cancelled) => {}
                            Err(Stop::Failed(message)) => {
                                web_sys::console::warn_1(&message.into());
                                state.dispatch(GoalAction::Fail(id));
                            }
                        }
                    });
                }
                // The current mix; or a scenario the search refuses, which the worker
                // answers as `adoption goal --best-mix` does.
                _ => bisect(&s, best),
            }
        })
    };
    let on_cancel = {
        let (state, runner, shared) = (state.dispatcher(), runner.clone(), shared.clone());
        Callback::from(move |_: MouseEvent| {
            runner.borrow_mut().take();
            shared.cancel(lane);
            state.dispatch(GoalAction::Cancel);
        })
    };
    let on_target = {
        let target = target.clone();
        Callback::from(move |e: Event| {
            if let Ok(v) = chosen(&e).parse() {
                target.set(v);
            }
        })
    };
    let on_percent = {
        let percent = percent.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(i) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                percent.set(i.value_as_number());
            }
        })
    };
    let on_mix = |value: bool| {
        let best = best.clone();
        Callback::from(move |_: Event| best.set(value))
    };
    let running = matches!(state.status, Status::Running(_));
    let body = match blocked(&s) {
        Some(Blocked::NoTargets) => {
            return html! {
                <section class="decide-goal" aria-labelledby="goal-heading">
                    <h3 id="goal-heading">{ g.goal_heading }</h3>
                    <p class="notice" data-testid="goal-no-targets" role="status">{ g.no_targets }</p>
                </section>
            };
        }
        Some(Blocked::TooFewRuns) => notice(fill(
            g.too_few_runs,
            &[&format::count(f64::from(MIN_RUNS), lang)],
        )),
        Some(Blocked::Scenario(m)) => notice(format!("{} {}", g.refused, say(&m, lang))),
        None => answer(&state, *best, lang, on_cancel),
    };
    html! {
        <section class="decide-goal" aria-labelledby="goal-heading">
            <h3 id="goal-heading">{ g.goal_heading }</h3>
            <p class="hint">{ g.goal_intro }</p>
            <div class="decide-form">
                <div class="field">
                    <label for="goal-target">{ g.target }</label>
                    <select id="goal-target" onchange={on_target} disabled={running}>
                        { for s.targets.iter().enumerate().map(|(i, t)| html! {
                            <option value={i.to_string()} selected={i == k}>{ target_label(t.kind, t.value, t.year, &t.label, lang) }</option>
                        }) }
                    </select>
                </div>
                <div class="field">
                    <label for="goal-probability">{ g.probability }</label>
                    <input id="goal-probability" type="number" min="0" max="100" step="any" inputmode="decimal"
                        value={DEFAULT_PERCENT.to_string()} oninput={on_percent} disabled={running}
                        aria-invalid={asked.is_none().to_string()}
                        aria-describedby={asked.is_none().then_some("goal-probability-notice")} />
                </div>
                <fieldset class="field" disabled={running}>
                    <legend>{ g.spend_with }</legend>
                    <label><input type="radio" name="goal-mix" value="current" checked={!*best} onchange={on_mix(false)} />
                        { fill(g.current_mix, &[&mix_words(&s.mix, lang)]) }</label>
                    <label><input type="radio" name="goal-mix" value="best" checked={*best} onchange={on_mix(true)} />
                        { g.best_mix }</label>
                </fieldset>
            </div>
            if asked.is_none() {
                <p id="goal-probability-notice" class="notice" role="alert" data-testid="goal-probability-notice">{ g.probability_bad }</p>
            }
            <button type="button" class="primary" onclick={on_find} disabled={running || asked.is_none()}>{ g.find }</button>
            <div aria-live="polite">{ body }</div>
        </section>
    }
}

fn notice(text: String) -> Html {
    html! { <p class="notice" role="alert" data-testid="goal-refused">{ text }</p> }
}

/// Progress and Cancel, or the answer.
fn answer(state: &GoalState, best: bool, lang: Lang, on_cancel: Callback<MouseEvent>) -> Html {
    let g = lang.goal();
    let pc = |p: f64| format::percent(p, 1, lang);
    let asked = pc(state.asked);
    match &state.status {
        Status::Idle => html! {},
        Status::Running(n) => {
            let text = if *n == 0 && best {
                g.running_best.to_string()
            } else {
                fill(g.running, &[&format::count(f64::from(*n), lang)])
            };
            html! {
                <div class="decide-status" data-state="running">
                    <span id="goal-progress-label">{ text }</span>
                    <progress aria-labelledby="goal-progress-label"></progress>
                    <button type="button" onclick={on_cancel}>{ g.cancel }</button>
                </div>
            }
        }
        Status::Cancelled => html! { <p class="decide-status" role="status">{ g.cancelled }</p> },
        Status::Failed => notice(g.failed.to_string()),
        Status::Done(a) => match a.as_ref() {
            GoalAnswer::Met(r) => {
                let on_use = {
                    let eur = r.budget_eur;
                    Callback::from(move |_: MouseEvent| {
                        if let Some(port) = port() {
                            let _ = port.post_message(&bridge::budget_order(eur).into());
                        }
                    })
                };
                html! {
                    <div class="goal-answer" data-testid="goal-answer"
                        data-budget={r.budget_eur.to_string()} data-probability={r.probability.to_string()}
                        data-short={r.short_eur.to_string()} data-short-probability={r.short_probability.to_string()}>
                        <p>{ fill(g.answer, &[&format::eur(r.budget_eur, lang), &pc(r.probability), &asked]) }</p>
                        <table class="goal-table">
                            <thead><tr><td></td>{ for g.columns.iter().map(|c| html! { <th scope="col">{ *c }</th> }) }</tr></thead>
                            <tbody>
                                <tr><th scope="row">{ g.least_budget }</th><td>{ format::eur(r.budget_eur, lang) }</td><td>{ pc(r.probability) }</td></tr>
                                <tr><th scope="row">{ g.just_short }</th><td>{ format::eur(r.short_eur, lang) }</td><td>{ pc(r.short_probability) }</td></tr>
                            </tbody>
                        </table>
                        <p>{ fill(g.spent_as, &[&mix_words(&r.mix, lang)]) }</p>
                        <button type="button" class="primary" onclick={on_use}>{ g.use_budget }</button>
                    </div>
                }
            }
            GoalAnswer::Unreachable { most, limit_eur } => html! {
                <p class="notice" role="status" data-testid="goal-unreachable">
                    { fill(g.unreachable, &[&format::eur(*limit_eur, lang), &pc(*most), &asked]) }
                </p>
            },
            GoalAnswer::BaselineMeets(p) => html! {
                <p class="notice" role="status" data-testid="goal-baseline">
                    { fill(g.baseline_meets, &[&pc(*p), &asked]) }
                </p>
            },
            GoalAnswer::Refused(why) => {
                web_sys::console::warn_1(&why.into());
                notice(g.failed.to_string())
            }
        },
    }
}
