//! Non-blocking messages: what went wrong with a link, a file or the saved scenarios.

use yew::prelude::*;

use crate::format;
use crate::i18n::{self, Lang, say};
use crate::state::use_app;
use crate::state::{Action, FileProblem, Notice};
use crate::storage::StoreProblem;

/// The text of a notice and its details (the model's reasons, if any).
fn words(notice: &Notice, lang: Lang) -> (String, Vec<String>) {
    let t = lang.texts();
    // A file's name with the reason it was refused; a population file's problems (one per
    // line or cell) each on a line of their own, under its name.
    let file_details = |file: &str, problem: &FileProblem, listed: bool| -> Vec<String> {
        let reasons: Vec<String> = match problem {
            FileProblem::TooLarge => vec![t.file_too_large.to_string()],
            FileProblem::NotText => vec![t.file_not_text.to_string()],
            FileProblem::Refused(messages) => messages.iter().map(|m| say(m, lang)).collect(),
        };
        match (listed, reasons.as_slice()) {
            (true, _) if matches!(problem, FileProblem::Refused(_)) => {
                std::iter::once(file.to_string()).chain(reasons).collect()
            }
            (_, [one]) => vec![format!("{file}: {one}")],
            _ => std::iter::once(file.to_string()).chain(reasons).collect(),
        }
    };
    match notice {
        Notice::LinkProblems(problems) => (
            t.notice_link.to_string(),
            problems
                .iter()
                .map(|p| format!("{}: {}", p.part, say(&p.message, lang)))
                .collect(),
        ),
        Notice::Store(problem) => (
            match problem {
                StoreProblem::Unreadable { backup } => {
                    i18n::fill(t.notice_store_unreadable, &[backup])
                }
                StoreProblem::NewerVersion(_) => t.notice_store_newer.to_string(),
                StoreProblem::SomeEntriesUnreadable(n) if (lang.locale().one)(*n as u64) => {
                    t.notice_store_one.to_string()
                }
                StoreProblem::SomeEntriesUnreadable(n) => {
                    i18n::fill(t.notice_store_some, &[&format::count(*n as f64, lang)])
                }
                StoreProblem::WriteFailed => t.notice_store_write.to_string(),
                StoreProblem::Unavailable => t.notice_store_unavailable.to_string(),
            },
            Vec::new(),
        ),
        Notice::ScenarioFile { file, problem } => (
            t.notice_scenario_file.to_string(),
            file_details(file, problem, false),
        ),
        Notice::PopulationFile { file, problem } => (
            t.notice_population_file.to_string(),
            file_details(file, problem, true),
        ),
        Notice::Imported(name) => (i18n::fill(t.notice_imported, &[name]), Vec::new()),
        Notice::OldModel(work) => (
            i18n::fill(t.notice_old_model, &[t.old_work[*work as usize]]),
            Vec::new(),
        ),
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
                let (text, details) = words(notice, app.lang);
                let id = *id;
                let ok = matches!(notice, Notice::Imported(_) | Notice::OldModel(_));
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
