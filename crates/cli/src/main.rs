//! `adoption`: run, check and list scenarios of the SME adoption model from the shell.
//!
//! Exit status 0 on success, 2 with a one-line message on stderr for bad input. A scenario
//! file or link made for model 1 is read (migrated to format 2) with one line on stderr
//! saying that its figures now come from model 2.

mod args;
mod consult;
mod decide;

use std::io::{Read, Write};
use std::process::ExitCode;

use adoption_formats::message::{Message, grouped};
use adoption_formats::scenario::ScenarioJson;
use adoption_formats::{link, preset, scenario};
use adoption_model::scenario::{FORMAT_VERSION, limits};
use adoption_model::{Scenario, simulate};

use args::{Command, Format, Source};

/// Largest scenario file read, in bytes; a scenario is a few kilobytes.
const MAX_INPUT_BYTES: u64 = 1 << 20;

/// A scenario file's limit and what one usually weighs (for the message when too large).
const SCENARIO_LIMIT: (u64, &str) = (MAX_INPUT_BYTES, "a scenario is a few KiB");

/// An observed series file's limit, likewise.
const SERIES_LIMIT: (u64, &str) = (MAX_INPUT_BYTES, "a yearly series is a few KiB");

fn main() -> ExitCode {
    match args::parse(std::env::args_os().skip(1)).and_then(execute) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            // One line, so scripts can show it as is.
            eprintln!("adoption: {}", message.replace('\n', " "));
            ExitCode::from(2)
        }
    }
}

fn execute(command: Command) -> Result<(), String> {
    let mut out = std::io::stdout().lock();
    let text = match command {
        Command::Help => args::USAGE.to_string(),
        Command::Version => format!("adoption {}\n", env!("CARGO_PKG_VERSION")),
        Command::PresetList => preset::PRESETS
            .iter()
            .map(|p| format!("{:<22} {}\n", p.name, p.summary))
            .collect(),
        Command::PresetShow(name) => {
            let p = preset::preset(&name).ok_or_else(|| {
                let names: Vec<&str> = preset::PRESETS.iter().map(|p| p.name).collect();
                format!(
                    "no preset named \"{name}\"; presets are: {}",
                    names.join(", ")
                )
            })?;
            format!("{}\n", (p.build)().to_json_pretty())
        }
        Command::Check(source) => {
            let scenario = load(&source)?;
            format!(
                "ok: \"{}\", {} segments, {} firms, {} years, {} runs\n",
                scenario.name,
                scenario.segments.len(),
                scenario.total_firms(),
                scenario.years,
                scenario.runs
            )
        }
        Command::Link(source) => format!("?{}\n", link::write(&load(&source)?)),
        Command::Decide {
            source,
            question,
            runs,
            seed,
            threads,
        } => {
            let scenario = with_runs_and_seed(load(&source)?, runs, seed)?;
            let threads = threads.unwrap_or_else(|| {
                std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
            });
            decide::answer(&scenario, &question, &decide::Threads(threads))?
        }
        Command::Calibrate { series, firms } => decide::calibrate_file(&series, firms)?,
        Command::Handin {
            source,
            consult,
            group,
            nonce,
            base,
        } => consult::handin(
            &load(&source)?,
            &consult,
            group.as_deref(),
            nonce,
            base.as_deref(),
        )?,
        Command::Consult { links, consult } => {
            let limit = (
                adoption_formats::handin::MAX_TEXT_BYTES as u64,
                consult::TEXT_SIZE,
            );
            let text = match &links {
                Source::File(path) => read_file(path, limit)?,
                _ => read_limited(std::io::stdin().lock(), "standard input", limit)?,
            };
            consult::summary(&text, consult.as_deref())?
        }
        Command::Run {
            source,
            runs,
            seed,
            format,
        } => {
            let scenario = with_runs_and_seed(load(&source)?, runs, seed)?;
            let summary = simulate(&scenario).map_err(|e| Message::from(&e).to_string())?;
            match format {
                Format::Json => {
                    let mut s =
                        serde_json::to_string_pretty(&summary).map_err(|e| e.to_string())?;
                    s.push('\n');
                    s
                }
                Format::Csv => adoption_formats::table::yearly_csv(&summary),
            }
        }
    };
    out.write_all(text.as_bytes())
        .map_err(|e| format!("cannot write output: {e}"))
}

/// The scenario with `--runs` and `--seed` applied.
fn with_runs_and_seed(
    mut scenario: Scenario,
    runs: Option<u32>,
    seed: Option<u64>,
) -> Result<Scenario, String> {
    if let Some(runs) = runs {
        if !(1..=limits::MAX_RUNS).contains(&runs) {
            return Err(format!(
                "--runs must be between 1 and {} (got {runs})",
                grouped(limits::MAX_RUNS.into())
            ));
        }
        scenario.runs = runs;
    }
    if let Some(seed) = seed {
        scenario.seed = seed;
    }
    Ok(scenario)
}

/// Reads a text file of at most [`MAX_INPUT_BYTES`].
pub(crate) fn read_file(path: &std::path::Path, limit: (u64, &str)) -> Result<String, String> {
    let file =
        std::fs::File::open(path).map_err(|e| format!("cannot open {}: {e}", path.display()))?;
    read_limited(file, &path.display().to_string(), limit)
}

/// Reads and checks a scenario from a file, standard input, a link or a preset; says on
/// stderr when it was made for an earlier model.
fn load(source: &Source) -> Result<Scenario, String> {
    let (scenario, from_version) = read_source(source)?;
    if from_version < FORMAT_VERSION {
        eprintln!(
            "adoption: note: this scenario was made for model {from_version}; it was read \
             as format {FORMAT_VERSION} and its figures now come from model {FORMAT_VERSION}"
        );
    }
    Ok(scenario)
}

/// The scenario of a source and the format version it was written in.
fn read_source(source: &Source) -> Result<(Scenario, u64), String> {
    let text = match source {
        Source::Preset(name) => {
            return preset::preset(name)
                .map(|p| ((p.build)(), FORMAT_VERSION))
                .ok_or_else(|| format!("no preset named \"{name}\" (see `adoption preset`)"));
        }
        Source::Url(url) => {
            // The page shows what it can of a damaged link; a script should not get a
            // half-right answer, so any problem refuses the link here.
            let query = link::query_of(url);
            if !link::is_link(query) {
                return Err(format!(
                    "\"{}\" carries no scenario link (no `v`, `preset`, `budget`, ... in its query)",
                    url.chars().take(80).collect::<String>()
                ));
            }
            let read = link::read(query);
            if read.problems.is_empty() {
                return Ok((read.scenario, read.from_version));
            }
            let problems: Vec<String> = read.problems.iter().map(ToString::to_string).collect();
            return Err(problems.join("; "));
        }
        Source::Stdin => read_limited(std::io::stdin().lock(), "standard input", SCENARIO_LIMIT)?,
        Source::File(path) => read_file(path, SCENARIO_LIMIT)?,
    };
    scenario::read(&text)
        .map(|r| (r.scenario, r.from_version))
        .map_err(|e| e.to_string())
}

/// Reads at most `max` bytes of UTF-8 text; larger is refused with `usual`, what such a
/// file usually weighs.
fn read_limited(
    reader: impl Read,
    name: &str,
    (max, usual): (u64, &str),
) -> Result<String, String> {
    let mut bytes = Vec::new();
    reader
        .take(max + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read {name}: {e}"))?;
    if bytes.len() as u64 > max {
        return Err(format!("{name} is larger than {} KiB; {usual}", max / 1024));
    }
    String::from_utf8(bytes).map_err(|_| format!("{name} is not UTF-8 text"))
}
