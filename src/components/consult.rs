//! The participant's view of a consultation (`?consult=CODE&…`): the organiser's question,
//! the group field, and the "Hand in my plan" button, whose dialog lives in the lazily
//! loaded decide module ([`crate::decide::bridge::hand_in`]).
// NOTE: functions of the page's state, not components: each yew component costs the
// page's first load about 400 B gzip.

use adoption_formats::consultation::Groups;
use adoption_formats::handin::MAX_GROUP;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::select_field::{Choice, SelectFieldProps, select_field};
use crate::decide;
use crate::i18n::fill;
use crate::state::{Action, StateHandle, Status};

/// The heading, the organiser's question (as text, never markup) and the group field.
pub fn intro(app: &StateHandle) -> Html {
    let Some(c) = &app.consultation else {
        return Html::default();
    };
    let t = app.lang.texts();
    let on_group = {
        let app = app.clone();
        Callback::from(move |group: String| app.dispatch(Action::SetGroup(group)))
    };
    let on_typed = {
        let on_group = on_group.clone();
        move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            on_group.emit(input.value());
        }
    };
    let field = match &c.setup.groups {
        Groups::None => Html::default(),
        Groups::Choose(groups) => {
            let mut choices = vec![Choice::new("", t.consult_no_group)];
            choices.extend(groups.iter().map(|g| Choice::new(g.clone(), g.clone())));
            select_field(SelectFieldProps {
                id: "consult-group".into(),
                label: t.consult_group.into(),
                choices,
                selected: c.group.clone().into(),
                onchange: on_group,
            })
        }
        Groups::Free => html! {
            <div class="field">
                <label for="consult-group">{ t.consult_group }</label>
                // What a hand-in cannot carry is refused, with why, when handed in.
                <input type="text" id="consult-group" value={c.group.clone()} maxlength={MAX_GROUP.to_string()}
                    autocomplete="off" oninput={on_typed} />
            </div>
        },
    };
    html! {
        <div class="consult-intro">
            <h2 id="plan-heading">{ fill(t.consult_heading, &[&c.setup.code]) }</h2>
            if let Some(q) = &c.setup.question {
                <p class="consult-question" data-testid="consult-question">{ q }</p>
            }
            { field }
        </div>
    }
}

/// "Hand in my plan": ready once the shown figures are the current scenario's (all runs).
pub fn hand_in_button(app: &StateHandle) -> Html {
    let ready = app.status == Status::Ready
        && app
            .shown
            .as_ref()
            .is_some_and(|s| s.revision == app.revision);
    let onclick = {
        let app = app.clone();
        move |_| decide::bridge::hand_in(&app)
    };
    html! {
        <button type="button" class="hand-in-open" id="hand-in" disabled={!ready} {onclick}>
            { app.lang.texts().hand_in }
        </button>
    }
}
