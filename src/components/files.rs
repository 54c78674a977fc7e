//! Export (yearly CSV, chart PNG and SVG, scenario JSON, printable brief) and import (a
//! scenario file, a population CSV and its template).

use adoption_formats::ScenarioJson;
use adoption_formats::population;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::export::{self, ReadProblem};
use crate::state::{Action, AppState, FileProblem, Notice, OldWork, use_app};

/// What kind of file the user gave.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// A scenario (JSON).
    Scenario,
    /// A population (CSV).
    Population,
}

impl FileKind {
    /// Guesses from the name, then the first character (a JSON object starts with `{`).
    pub fn guess(name: &str, text: &str) -> FileKind {
        let lower = name.to_ascii_lowercase();
        if lower.ends_with(".json")
            || (!lower.ends_with(".csv") && text.trim_start().starts_with('{'))
        {
            FileKind::Scenario
        } else {
            FileKind::Population
        }
    }
}

/// Where an import's actions go: the reducer, which applies them to the scenario as it
/// is when the file has been read (not as it was when the file was picked).
pub type Dispatcher = UseReducerDispatcher<AppState>;

/// Reads a file and hands it to the reducer: a scenario replaces the current one, a
/// population its segments. Problems become notices; nothing changes then.
pub fn import_file(app: Dispatcher, file: web_sys::File, kind: Option<FileKind>) {
    wasm_bindgen_futures::spawn_local(async move {
        let name = file.name();
        let text = match export::read_text(&file).await {
            Ok(text) => text,
            Err(problem) => {
                let problem = match problem {
                    ReadProblem::TooLarge => FileProblem::TooLarge,
                    ReadProblem::Unreadable => FileProblem::NotText,
                };
                refused(
                    &app,
                    kind.unwrap_or(FileKind::guess(&name, "")),
                    name,
                    problem,
                );
                return;
            }
        };
        match kind.unwrap_or(FileKind::guess(&name, &text)) {
            FileKind::Scenario => match adoption_formats::scenario::read(&text) {
                Ok(read) => {
                    app.dispatch(Action::ImportScenario {
                        file: name,
                        scenario: Box::new(read.scenario),
                    });
                    if let Some(notice) = Notice::old_model(read.from_version, OldWork::File) {
                        app.dispatch(Action::Notify(notice));
                    }
                }
                Err(e) => refused(
                    &app,
                    FileKind::Scenario,
                    name,
                    FileProblem::Refused(vec![e.message()]),
                ),
            },
            // Read by the panel's module (loaded on first use), which answers with the
            // import or the file's problems.
            FileKind::Population => crate::decide::bridge::read_population(&app, name, &text),
        }
    });
}

/// Tells that a file was refused, and why.
fn refused(app: &Dispatcher, kind: FileKind, file: String, problem: FileProblem) {
    let notice = match kind {
        FileKind::Scenario => Notice::ScenarioFile { file, problem },
        FileKind::Population => Notice::PopulationFile { file, problem },
    };
    app.dispatch(Action::Notify(notice));
}

/// The export and import buttons.
#[component]
pub fn Files() -> Html {
    let app = use_app();
    let t = app.lang.texts();
    // The result's exports name the scenario that produced it; the scenario's own export
    // (JSON) is the current one.
    let shown = app.shown.clone();
    let stem = export::file_stem(&app.scenario.name);
    let result_stem = shown
        .as_ref()
        .map_or(stem.clone(), |s| export::file_stem(&s.scenario.name));
    let chart = || {
        gloo::utils::document()
            .query_selector("[data-testid=adoption-chart]")
            .ok()
            .flatten()
    };
    let on_csv = {
        let (shown, stem) = (shown.clone(), result_stem.clone());
        move |_| {
            if let Some(shown) = &shown {
                export::download_text(
                    &format!("{stem}-yearly.csv"),
                    "text/csv",
                    &adoption_formats::table::yearly_csv(&shown.summary),
                );
            }
        }
    };
    let on_png = {
        let stem = result_stem.clone();
        move |_| {
            if let Some(svg) = chart() {
                export::download_chart_png(&format!("{stem}-chart.png"), &svg)
            }
        }
    };
    let on_svg = {
        let stem = result_stem.clone();
        move |_| {
            if let Some(text) = chart().and_then(|svg| export::chart_svg(&svg)) {
                export::download_text(&format!("{stem}-chart.svg"), "image/svg+xml", &text);
            }
        }
    };
    let on_json = {
        let (app, stem) = (app.clone(), stem.clone());
        move |_| {
            export::download_text(
                &format!("{stem}.json"),
                "application/json",
                &app.scenario.to_json_pretty(),
            )
        }
    };
    let on_print = move |_| {
        let _ = gloo::utils::window().print();
    };
    let on_template = {
        let app = app.clone();
        move |_| {
            export::download_text(
                "population-template.csv",
                "text/csv",
                &population::template(&app.scenario.segments),
            )
        }
    };
    let picker = |kind: FileKind| {
        let app = app.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                import_file(app.dispatcher(), file, Some(kind));
            }
            // The same file can be picked again after fixing it.
            input.set_value("");
        })
    };
    let ready = shown.is_some();
    let b = &t.export_buttons;
    html! {
        <div class="files">
            <section aria-labelledby="export-heading">
                <h3 id="export-heading">{ t.export_heading }</h3>
                <div class="buttons">
                    <button type="button" id="export-csv" disabled={!ready} onclick={on_csv}>{ b[0] }</button>
                    <button type="button" id="export-png" disabled={!ready} onclick={on_png}>{ b[1] }</button>
                    <button type="button" id="export-svg" disabled={!ready} onclick={on_svg}>{ b[2] }</button>
                    <button type="button" id="export-json" onclick={on_json}>{ b[3] }</button>
                    <button type="button" id="print-brief" disabled={!ready} onclick={on_print}>{ b[4] }</button>
                </div>
            </section>
            <section aria-labelledby="import-heading">
                <h3 id="import-heading">{ t.import_heading }</h3>
                <div class="buttons">
                    <label class="file-button" for="import-scenario">{ t.import_scenario }
                        <input type="file" id="import-scenario" accept=".json,application/json" onchange={picker(FileKind::Scenario)} />
                    </label>
                    <label class="file-button" for="import-population">{ t.import_population }
                        <input type="file" id="import-population" accept=".csv,text/csv" onchange={picker(FileKind::Population)} />
                    </label>
                    <button type="button" id="csv-template" class="link-button" onclick={on_template}>{ t.csv_template }</button>
                </div>
                <p class="hint">{ t.drop_hint }</p>
            </section>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guesses_the_kind_of_file() {
        assert_eq!(FileKind::guess("plan.json", ""), FileKind::Scenario);
        assert_eq!(FileKind::guess("firms.CSV", "{"), FileKind::Population);
        assert_eq!(
            FileKind::guess("dropped", " {\"version\":1}"),
            FileKind::Scenario
        );
        assert_eq!(
            FileKind::guess("dropped", "segment,firms"),
            FileKind::Population
        );
    }
}
