//! Budget and timing: the plan's size and how long it runs.

use yew::prelude::*;

use super::slider_field::{SliderField, dispatching};
use crate::format;
use crate::state::Action;
use crate::state::use_app;
use adoption_model::scenario::limits;

/// Slider range for the budget; the number box accepts up to the model's limit.
const BUDGET_SLIDER_MAX: f64 = 5_000_000.0;
const BUDGET_STEP: f64 = 50_000.0;

/// Budget, programme years and horizon.
#[component]
pub fn PlanControls() -> Html {
    let app = use_app();
    let s = &app.scenario;
    let lang = app.lang;
    let t = lang.texts();
    // What each slider's value does, and its dispatch.
    let budget = Callback::from(Action::SetBudget);
    let programme = Callback::from(|v: f64| Action::SetProgrammeYears(v as u32));
    let years = Callback::from(|v: f64| Action::SetYears(v as u32));
    let (on_budget, on_programme, on_years) = (
        dispatching(&app, &budget),
        dispatching(&app, &programme),
        dispatching(&app, &years),
    );
    let max_programme = limits::MAX_PROGRAMME_YEARS.min(s.years);
    // A consultation's fixed budget: shown, not changed.
    let fixed = app.budget_fixed();
    html! {
        <div class="plan-controls">
            <SliderField id="budget" label={t.budget}
                hint={Some(AttrValue::from(if fixed { t.consult_fixed } else { t.budget_hint }))}
                value={s.budget_eur} min={0.0} max={BUDGET_SLIDER_MAX} step={BUDGET_STEP}
                input_max={Some(limits::MAX_BUDGET_EUR)} display={format::eur(s.budget_eur, lang)}
                disabled={fixed} {lang} onchange={on_budget} action={budget} />
            <div class="pair">
                <SliderField id="programme-years" label={t.programme_years}
                    hint={Some(AttrValue::from(t.programme_years_hint))}
                    value={f64::from(s.programme_years)} min={1.0} max={f64::from(max_programme)} step={1.0}
                    whole=true display={format!("{}–{}", s.start_year + 1, s.start_year + s.programme_years as i32)}
                    {lang} onchange={on_programme} action={programme} />
                <SliderField id="horizon" label={t.horizon} hint={Some(AttrValue::from(t.horizon_hint))}
                    value={f64::from(s.years)} min={1.0} max={30.0} step={1.0}
                    input_max={Some(f64::from(limits::MAX_YEARS))} whole=true
                    display={format!("{}–{}", s.start_year, s.horizon_year())}
                    {lang} onchange={on_years} action={years} />
            </div>
        </div>
    }
}
