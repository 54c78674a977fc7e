//! Non-blocking messages: what went wrong with a link, a file or the saved scenarios.

use yew::prelude::*;

use crate::app::use_app;
use crate::i18n::Texts;
use crate::state::{Action, Notice};
use crate::storage::StoreProblem;

/// The text of a notice and its technical details (in the words of the model, if any).
fn words(notice: &Notice, t: &Texts) -> (String, Vec<String>) {
    match notice {
        Notice::LinkProblems(problems) => (
            t.notice_link.to_string(),
            problems
                .iter()
                .map(|p| format!("{}: {}", p.part, p.message))
                .collect(),
        ),
        Notice::Store(problem) => (
            match problem {
                StoreProblem::Unreadable { backup } => (t.notice_store_unreadable)(backup),
                StoreProblem::NewerVersion(_) => t.notice_store_newer.to_string(),
                StoreProblem::SomeEntriesUnreadable(n) => (t.notice_store_some)(*n),
                StoreProblem::WriteFailed => t.notice_store_write.to_string(),
                StoreProblem::Unavailable => t.notice_store_unavailable.to_string(),
            },
            Vec::new(),
        ),
        Notice::ScenarioFile(why) => (t.notice_scenario_file.to_string(), vec![why.clone()]),
        Notice::PopulationFile(why) => (
            t.notice_population_file.to_string(),
            why.lines().map(str::to_string).collect(),
        ),
        Notice::Imported(name) => ((t.notice_imported)(name), Vec::new()),
    }
}

/// The list of messages, newest last, each dismissable.
#[component]
pub fn Notices() -> Html {
    let app = use_app();
    let t = app.lang.texts();
    if app.notices.is_empty() {
        return html! {};
    }
    html! {
        <div class="notices" data-testid="notices">
            { for app.notices.iter().map(|(id, notice)| {
                let (text, details) = words(notice, t);
                let id = *id;
                let ok = matches!(notice, Notice::Imported(_));
                let on_dismiss = { let app = app.clone(); move |_| app.dispatch(Action::Dismiss(id)) };
                html! {
                    <div class={classes!("notice", ok.then_some("ok"))} role={if ok { "status" } else { "alert" }} data-notice={id.to_string()}>
                        <div class="notice-text">
                            <p>{ text }</p>
                            if !details.is_empty() {
                                <ul class="notice-details">{ for details.iter().map(|d| html! { <li>{ d.clone() }</li> }) }</ul>
                            }
                        </div>
                        <button type="button" class="dismiss" onclick={on_dismiss}>{ t.dismiss }</button>
                    </div>
                }
            }) }
        </div>
    }
}
