//! Saved scenarios: save the current one under a name, open, rename, delete, and compare
//! several side by side (a table and an overlaid chart).

use adoption_model::Scenario;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::chart::{LinesChart, Series};
use crate::format;
use crate::i18n;
use crate::mix;
use crate::narrative::target_label;
use crate::state::{Action, Compared, use_app};
use crate::storage::SavedId;

/// The saved-scenarios panel with its comparison.
#[component]
pub fn Scenarios() -> Html {
    let app = use_app();
    let lang = app.lang;
    let t = lang.texts();
    let draft = use_state(String::new);
    let renaming = use_state(|| None::<(SavedId, String)>);

    let on_save = {
        let (app, draft) = (app.clone(), draft.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let name = if draft.trim().is_empty() {
                i18n::fill(
                    app.lang.texts().default_name,
                    &[&(app.saved.len() + 1).to_string()],
                )
            } else {
                (*draft).clone()
            };
            app.dispatch(Action::Save {
                name,
                saved_at: crate::storage::now_iso(),
            });
            draft.set(String::new());
        })
    };
    let on_draft = {
        let draft = draft.clone();
        Callback::from(move |e: InputEvent| {
            draft.set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };

    // Actions name an entry by its id; element ids use its place in the list.
    let rows = app.saved.iter().enumerate().map(|(i, saved)| {
        let (id, name) = (saved.id, saved.name.clone());
        let readable = saved.scenario.is_ok();
        let on_open = { let app = app.clone(); move |_| app.dispatch(Action::RestoreSaved(id)) };
        let on_delete = { let app = app.clone(); move |_| app.dispatch(Action::DeleteSaved(id)) };
        let on_rename = { let (renaming, name) = (renaming.clone(), name.clone()); move |_| renaming.set(Some((id, name.clone()))) };
        let on_pick = {
            let app = app.clone();
            move |e: Event| app.dispatch(Action::Compare(id, e.target_unchecked_into::<HtmlInputElement>().checked()))
        };
        let editing = renaming.as_ref().filter(|(j, _)| *j == id).map(|(_, text)| text.clone());
        let name_part = match editing {
            Some(text) => {
                let on_text = { let renaming = renaming.clone(); move |e: InputEvent| renaming.set(Some((id, e.target_unchecked_into::<HtmlInputElement>().value()))) };
                let on_done = {
                    let (app, renaming) = (app.clone(), renaming.clone());
                    move |e: SubmitEvent| {
                        e.prevent_default();
                        if let Some((_, text)) = (*renaming).clone() {
                            app.dispatch(Action::RenameSaved(id, text));
                        }
                        renaming.set(None);
                    }
                };
                let id = format!("rename-{i}");
                html! {
                    <form class="rename" onsubmit={on_done}>
                        <label class="visually-hidden" for={id.clone()}>{ i18n::fill(t.rename, &[&name]) }</label>
                        <input id={id} type="text" value={text} maxlength="80" oninput={on_text} />
                        <button type="submit">{ "OK" }</button>
                    </form>
                }
            }
            None => html! { <span class="saved-name">{ name.clone() }</span> },
        };
        html! {
            <li class={classes!("saved", (!readable).then_some("unreadable"))}>
                <input type="checkbox" id={format!("compare-{i}")} aria-label={i18n::fill(t.compare_this, &[&name])}
                    checked={app.compare.contains(&id)} disabled={!readable} onchange={on_pick} />
                { name_part }
                if !readable { <span class="detail">{ " (" }{ t.saved_unreadable }{ ")" }</span> }
                <span class="saved-actions">
                    <button type="button" aria-label={i18n::fill(t.restore, &[&name])} disabled={!readable} onclick={on_open}>{ "↺" }</button>
                    <button type="button" aria-label={i18n::fill(t.rename, &[&name])} onclick={on_rename}>{ "✎" }</button>
                    <button type="button" aria-label={i18n::fill(t.delete, &[&name])} onclick={on_delete}>{ "✕" }</button>
                </span>
            </li>
        }
    });

    let comparing = app
        .compare
        .iter()
        .any(|&id| app.saved(id).is_some_and(|s| s.scenario.is_ok()));

    html! {
        <section class="scenarios" aria-labelledby="saved-heading">
            <h2 id="saved-heading">{ t.saved_heading }</h2>
            <form class="save" onsubmit={on_save}>
                <label for="save-name">{ t.save_name }</label>
                <span class="save-row">
                    <input id="save-name" type="text" maxlength="80" value={(*draft).clone()}
                        placeholder={i18n::fill(t.default_name, &[&(app.saved.len() + 1).to_string()])} oninput={on_draft} />
                    <button type="submit" id="save-button">{ t.save }</button>
                </span>
            </form>
            if app.saved.is_empty() {
                <p class="hint">{ t.no_saved }</p>
            } else {
                <p class="hint">{ t.compare_hint }</p>
                <ul class="saved-list">{ for rows }</ul>
            }
            if comparing { <Compare /> }
        </section>
    }
}

/// The comparison: one row and one line per scenario, the one shown first (the result on
/// screen with the scenario that produced it), then the ticked saved ones.
#[component]
fn Compare() -> Html {
    let app = use_app();
    let lang = app.lang;
    let t = lang.texts();
    let mut rows: Vec<(String, &Scenario, Compared)> = vec![match &app.shown {
        Some(shown) => (
            t.current.to_string(),
            &*shown.scenario,
            Compared::Ready(shown.summary.clone()),
        ),
        None => (t.current.to_string(), &app.scenario, Compared::Computing),
    }];
    for &id in &app.compare {
        if let Some((saved, Ok(scenario))) = app.saved(id).map(|s| (s, s.scenario.as_ref())) {
            rows.push((saved.name.clone(), scenario, app.compared(id)));
        }
    }
    let table_rows = rows.iter().map(|(name, scenario, summary)| {
        let p = mix::percents(&scenario.mix);
        let cells = match summary {
            Compared::Ready(s) => {
                let h = &s.summary;
                let e = &h.additional_adopters;
                let targets: Vec<String> = h
                    .targets
                    .iter()
                    .map(|o| format!("{}: {}", target_label(o.kind, o.value, o.year, &o.label, lang), format::percent(o.probability, 0, lang)))
                    .collect();
                html! { <>
                    <td>{ format!("{} ({}–{})", format::count(e.mean, lang), format::count(e.p5, lang), format::count(e.p95, lang)) }</td>
                    <td>{ h.cost_per_additional_adopter.map(|c| format::eur(c, lang)).unwrap_or_else(|| "–".into()) }</td>
                    <td>{ if targets.is_empty() { "–".to_string() } else { targets.join("; ") } }</td>
                </> }
            }
            Compared::Computing => html! { <td colspan="3" class="pending">{ t.computing }</td> },
            Compared::Failed => html! { <td colspan="3" class="pending">{ t.compare_failed }</td> },
        };
        html! {
            <tr>
                <th scope="row">{ name.clone() }</th>
                <td>{ format::eur(scenario.budget_eur, lang) }</td>
                <td>{ format!("{} / {} / {}", p[0], p[1], p[2]) }</td>
                { cells }
            </tr>
        }
    });
    // Lines for every finished scenario over the shown one's years.
    let years = app
        .shown
        .as_ref()
        .map(|s| s.summary.calendar_years.clone())
        .unwrap_or_default();
    let series: Vec<Series> = rows
        .iter()
        .filter_map(|(name, _, summary)| {
            let Compared::Ready(s) = summary else {
                return None;
            };
            (s.calendar_years == years).then(|| Series {
                label: name.clone().into(),
                values: s.additional.adopters.p50.clone(),
            })
        })
        .collect();
    let c = &t.compare_columns;
    html! {
        <div class="compare" data-testid="compare">
            <h3>{ t.compare_heading }</h3>
            <div class="table-scroll" tabindex="0" role="region" aria-label={t.compare_heading}>
                <table>
                    <thead><tr>{ for c.iter().map(|h| html! { <th scope="col">{ *h }</th> }) }</tr></thead>
                    <tbody>{ for table_rows }</tbody>
                </table>
            </div>
            if series.len() > 1 {
                <LinesChart {years} {series} title={t.compare_chart} {lang} />
            }
        </div>
    }
}
