//! Command-line arguments: what to do, and with which scenario.

use std::ffi::OsString;
use std::path::PathBuf;

use adoption_formats::message::grouped;
use adoption_model::scenario::limits;

/// Shown by `adoption help`.
pub const USAGE: &str = "\
adoption: project SME digital adoption under a regional policy mix

Usage:
  adoption run (--scenario FILE|- | --preset NAME | --url LINK) [--runs N] [--seed S] [--format json|csv]
  adoption check (FILE|- | --preset NAME | --url LINK)
  adoption link (--scenario FILE|- | --preset NAME)   print the page link (query string) of a scenario
  adoption preset            list the presets
  adoption preset NAME       print a preset as scenario JSON
  adoption help | --version

Scenario files and links of format 2 are read, and those of format 1 (made with model 1):
they are migrated, with a one-line note on stderr that their figures now come from model 2.
Output of `run`: JSON with per-year distributions (year 0 first) of baseline, policy and
additional adopters, firms in business and the headline figures (among them unspent_eur,
deadweight, additional_adopter_years), or CSV with one row per year.
Exit status: 0 on success, 2 on bad input (message on stderr).
";

/// Where the scenario comes from.
#[derive(Debug, PartialEq)]
pub enum Source {
    /// A JSON file.
    File(PathBuf),
    /// JSON on standard input (`-`).
    Stdin,
    /// A built-in preset.
    Preset(String),
    /// A link of the page (or just its query string).
    Url(String),
}

/// Output format of `run`.
#[derive(Debug, PartialEq)]
pub enum Format {
    Json,
    Csv,
}

/// What the user asked for.
#[derive(Debug, PartialEq)]
pub enum Command {
    Help,
    Version,
    PresetList,
    PresetShow(String),
    Check(Source),
    Run {
        source: Source,
        runs: Option<u32>,
        seed: Option<u64>,
        format: Format,
    },
    Link(Source),
}

fn file_or_stdin(value: OsString) -> Source {
    if value == "-" {
        Source::Stdin
    } else {
        Source::File(PathBuf::from(value))
    }
}

fn text(value: OsString, what: &str) -> Result<String, String> {
    value
        .into_string()
        .map_err(|_| format!("{what} is not valid text"))
}

/// Parses the arguments after the program name.
pub fn parse(args: impl IntoIterator<Item = OsString>) -> Result<Command, String> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_args(args);
    let sub = match parser.next().map_err(|e| e.to_string())? {
        None => return Err("no command given; try `adoption help`".to_string()),
        Some(Long("help") | Short('h')) => return Ok(Command::Help),
        Some(Long("version") | Short('V')) => return Ok(Command::Version),
        Some(Value(v)) => text(v, "the command")?,
        Some(other) => return Err(other.unexpected().to_string()),
    };
    let command = match sub.as_str() {
        "help" => Command::Help,
        "preset" => match parser.next().map_err(|e| e.to_string())? {
            None => Command::PresetList,
            Some(Value(name)) => Command::PresetShow(text(name, "the preset name")?),
            Some(other) => return Err(other.unexpected().to_string()),
        },
        "check" => match parser.next().map_err(|e| e.to_string())? {
            Some(Value(v)) => Command::Check(file_or_stdin(v)),
            Some(Long("preset")) => Command::Check(Source::Preset(text(
                parser.value().map_err(|e| e.to_string())?,
                "--preset",
            )?)),
            Some(Long("url")) => Command::Check(Source::Url(text(
                parser.value().map_err(|e| e.to_string())?,
                "--url",
            )?)),
            None => return Err("`check` needs a scenario file (or - for standard input)".into()),
            Some(other) => return Err(other.unexpected().to_string()),
        },
        "run" => {
            let (mut source, mut runs, mut seed, mut format) = (None, None, None, Format::Json);
            while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
                match arg {
                    Long("scenario") | Short('s') => {
                        source = Some(file_or_stdin(parser.value().map_err(|e| e.to_string())?));
                    }
                    Long("preset") => {
                        source = Some(Source::Preset(text(
                            parser.value().map_err(|e| e.to_string())?,
                            "--preset",
                        )?));
                    }
                    Long("url") => {
                        source = Some(Source::Url(text(
                            parser.value().map_err(|e| e.to_string())?,
                            "--url",
                        )?));
                    }
                    Long("runs") | Short('n') => {
                        let v = text(parser.value().map_err(|e| e.to_string())?, "--runs")?;
                        let n: u32 = v.parse().map_err(|_| {
                            format!(
                                "--runs must be a whole number from 1 to {} (got \"{v}\")",
                                grouped(limits::MAX_RUNS.into())
                            )
                        })?;
                        runs = Some(n);
                    }
                    Long("seed") => {
                        let v = text(parser.value().map_err(|e| e.to_string())?, "--seed")?;
                        seed = Some(v.parse().map_err(|_| {
                            format!(
                                "--seed must be a whole number from 0 to {} (got \"{v}\")",
                                u64::MAX
                            )
                        })?);
                    }
                    Long("format") | Short('f') => {
                        let v = text(parser.value().map_err(|e| e.to_string())?, "--format")?;
                        format = match v.as_str() {
                            "json" => Format::Json,
                            "csv" => Format::Csv,
                            _ => return Err(format!("--format must be json or csv (got \"{v}\")")),
                        };
                    }
                    other => return Err(other.unexpected().to_string()),
                }
            }
            let source =
                source.ok_or("`run` needs --scenario FILE (or -), --preset NAME or --url LINK")?;
            Command::Run {
                source,
                runs,
                seed,
                format,
            }
        }
        "link" => match parser.next().map_err(|e| e.to_string())? {
            Some(Long("scenario") | Short('s')) => {
                Command::Link(file_or_stdin(parser.value().map_err(|e| e.to_string())?))
            }
            Some(Long("preset")) => Command::Link(Source::Preset(text(
                parser.value().map_err(|e| e.to_string())?,
                "--preset",
            )?)),
            None => return Err("`link` needs --scenario FILE (or -) or --preset NAME".into()),
            Some(other) => return Err(other.unexpected().to_string()),
        },
        other => return Err(format!("unknown command \"{other}\"; try `adoption help`")),
    };
    if let Some(extra) = parser.next().map_err(|e| e.to_string())? {
        return Err(extra.unexpected().to_string());
    }
    Ok(command)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(args: &[&str]) -> Result<Command, String> {
        parse(args.iter().map(OsString::from))
    }

    #[test]
    fn parses_run_with_options() {
        assert_eq!(
            p(&[
                "run",
                "--scenario",
                "-",
                "--runs",
                "10",
                "--seed",
                "3",
                "--format",
                "csv"
            ]),
            Ok(Command::Run {
                source: Source::Stdin,
                runs: Some(10),
                seed: Some(3),
                format: Format::Csv
            })
        );
        assert_eq!(
            p(&["run", "--preset", "murcia"]),
            Ok(Command::Run {
                source: Source::Preset("murcia".into()),
                runs: None,
                seed: None,
                format: Format::Json
            })
        );
    }

    #[test]
    fn parses_links() {
        assert_eq!(
            p(&["run", "--url", "?v=1&runs=5"]),
            Ok(Command::Run {
                source: Source::Url("?v=1&runs=5".into()),
                runs: None,
                seed: None,
                format: Format::Json
            })
        );
        assert_eq!(
            p(&["check", "--url", "v=1"]),
            Ok(Command::Check(Source::Url("v=1".into())))
        );
        assert_eq!(
            p(&["link", "--preset", "murcia"]),
            Ok(Command::Link(Source::Preset("murcia".into())))
        );
        assert_eq!(p(&["link", "-s", "-"]), Ok(Command::Link(Source::Stdin)));
    }

    #[test]
    fn refuses_bad_arguments_with_a_message() {
        for bad in [
            &["run"][..],
            &["run", "--scenario", "x", "--runs", "ten"],
            &["run", "--scenario", "x", "--runs", "-1"],
            &["run", "--scenario", "x", "--format", "xml"],
            &["run", "--scenario", "x", "--bogus"],
            &["frobnicate"],
            &[],
            &["check"],
            &["preset", "a", "b"],
            &["link"],
            &["link", "--url", "x"],
            &["run", "--url"],
        ] {
            let err = p(bad).unwrap_err();
            assert!(!err.is_empty(), "{bad:?}");
        }
    }
}
