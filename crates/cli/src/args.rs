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
  adoption sensitivity SOURCE [--headline additional|cost] [--runs N] [--seed S] [--threads T]
  adoption optimize SOURCE [--objective mean|adopter_years|target] [--target-index K] [--step 0.05] [--screen] [--runs N] [--seed S] [--threads T]
  adoption goal SOURCE [--probability 0.8] [--target-index 0] [--best-mix] [--runs N] [--seed S] [--threads T]
  adoption marginal SOURCE [--runs N] [--seed S] [--threads T]
  adoption calibrate --series FILE.csv [--firms N]
  adoption handin SOURCE --consult CODE [--group G] [--nonce N] [--base URL]
  adoption consult --links FILE|- [--consult CODE]
  adoption preset            list the presets
  adoption preset NAME       print a preset as scenario JSON
  adoption help | --version

Scenario files and links of format 2 are read, and those of format 1 (made with model 1):
they are migrated, with a one-line note on stderr that their figures now come from model 2.
Output of `run`: JSON with per-year distributions (year 0 first) of baseline, policy and
additional adopters, firms in business and the headline figures (among them unspent_eur,
deadweight, additional_adopter_years), or CSV with one row per year.
SOURCE is --scenario FILE|-, --preset NAME or --url LINK, as for `run`.
Decision support (JSON on stdout; docs/decide.md states each method), every candidate on
the same runs (common random numbers), with the same numbers on any --threads (default:
every core):
  sensitivity  the headline with each uncertain parameter at its low and its high, largest
               swing first, with each one's share of the variance and its est. flag
  optimize     every vouchers/training/pilots mix at --step (0.05: 231 mixes), the best, the
               current mix, and the mixes within two standard errors of the best
               (--screen: every mix at 200 runs, then in full only those within 4
               standard errors of the best: the page's faster search)
  goal         the least budget meeting target K in a --probability share of runs
               (--best-mix: at the best mix for that target, else at the scenario's mix)
  marginal     additional adopters per extra 100,000 EUR in each instrument
  calibrate    p and q fitted to a yearly series year,share[,sample_size] (--firms: the
               sample size of rows without one, default 1000)
Public consultation (docs/consult.md):
  handin       a participant's hand-in link for the scenario's plan (mix in whole percents,
               budget, programme years), for consultation CODE (1 to 12 letters a-z, digits,
               hyphens), with a random nonce unless --nonce; the query (?h=...) unless
               --base gives the page's address
  consult      every hand-in link in any text (an e-mail, a chat export, CSV), summed up as
               JSON: valid, duplicates, malformed lines with why, other consultations and
               versions, each share's and the budget's spread, the mean and the
               moving-phantom median mix, groups of 5 or more; --consult: the code counted
               (else the most common)
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
    /// A decision-support question about a scenario.
    Decide {
        source: Source,
        question: Question,
        runs: Option<u32>,
        seed: Option<u64>,
        threads: Option<usize>,
    },
    /// Fit p and q to a series file.
    Calibrate {
        series: PathBuf,
        firms: Option<u32>,
    },
    /// A hand-in link for a scenario's plan.
    Handin {
        source: Source,
        consult: String,
        group: Option<String>,
        nonce: Option<u64>,
        base: Option<String>,
    },
    /// The summary of the hand-in links in a text.
    Consult {
        links: Source,
        consult: Option<String>,
    },
}

/// What `sensitivity`, `optimize`, `goal` and `marginal` ask.
#[derive(Debug, PartialEq)]
pub enum Question {
    Sensitivity {
        cost: bool,
    },
    Optimize {
        objective: String,
        target: usize,
        step: f64,
        screen: bool,
    },
    Goal {
        probability: f64,
        target: usize,
        best_mix: bool,
    },
    Marginal,
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
        "sensitivity" | "optimize" | "goal" | "marginal" => decide(&sub, &mut parser)?,
        "calibrate" => {
            let (mut series, mut firms) = (None, None);
            while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
                match arg {
                    Long("series") => {
                        series = Some(PathBuf::from(parser.value().map_err(|e| e.to_string())?))
                    }
                    Long("firms") => {
                        let v = text(parser.value().map_err(|e| e.to_string())?, "--firms")?;
                        firms = Some(v.parse::<u32>().ok().filter(|n| *n > 0).ok_or_else(|| {
                            format!("--firms must be a whole number of firms surveyed, at least 1 (got \"{v}\")")
                        })?);
                    }
                    other => return Err(other.unexpected().to_string()),
                }
            }
            let series = series.ok_or("`calibrate` needs --series FILE.csv")?;
            Command::Calibrate { series, firms }
        }
        "handin" => handin(&mut parser)?,
        "consult" => {
            let (mut links, mut consult) = (None, None);
            while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
                match arg {
                    Long("links") => {
                        links = Some(file_or_stdin(parser.value().map_err(|e| e.to_string())?))
                    }
                    Long("consult") => {
                        consult = Some(text(
                            parser.value().map_err(|e| e.to_string())?,
                            "--consult",
                        )?)
                    }
                    other => return Err(other.unexpected().to_string()),
                }
            }
            let links = links.ok_or("`consult` needs --links FILE (or - for standard input)")?;
            Command::Consult { links, consult }
        }
        other => return Err(format!("unknown command \"{other}\"; try `adoption help`")),
    };
    if let Some(extra) = parser.next().map_err(|e| e.to_string())? {
        return Err(extra.unexpected().to_string());
    }
    Ok(command)
}

/// The options of `handin`.
fn handin(parser: &mut lexopt::Parser) -> Result<Command, String> {
    use lexopt::prelude::*;
    let (mut source, mut consult, mut group, mut nonce, mut base) = (None, None, None, None, None);
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        fn value(parser: &mut lexopt::Parser, name: &str) -> Result<String, String> {
            text(parser.value().map_err(|e| e.to_string())?, name)
        }
        match arg {
            Long("scenario") | Short('s') => {
                source = Some(file_or_stdin(parser.value().map_err(|e| e.to_string())?))
            }
            Long("preset") => source = Some(Source::Preset(value(parser, "--preset")?)),
            Long("url") => source = Some(Source::Url(value(parser, "--url")?)),
            Long("consult") => consult = Some(value(parser, "--consult")?),
            Long("group") => group = Some(value(parser, "--group")?),
            Long("base") => base = Some(value(parser, "--base")?),
            Long("nonce") => {
                nonce = Some(number(
                    parser,
                    "--nonce",
                    "a whole number from 0 to 18446744073709551615",
                )?)
            }
            other => return Err(other.unexpected().to_string()),
        }
    }
    Ok(Command::Handin {
        source: source
            .ok_or("`handin` needs --scenario FILE (or -), --preset NAME or --url LINK")?,
        consult: consult.ok_or("`handin` needs --consult CODE (the consultation's code)")?,
        group,
        nonce,
        base,
    })
}

/// A number option's value.
fn number<T: std::str::FromStr>(
    parser: &mut lexopt::Parser,
    name: &str,
    what: &str,
) -> Result<T, String> {
    let v = text(parser.value().map_err(|e| e.to_string())?, name)?;
    v.parse()
        .map_err(|_| format!("{name} must be {what} (got \"{v}\")"))
}

/// The options of the decision-support commands.
fn decide(sub: &str, parser: &mut lexopt::Parser) -> Result<Command, String> {
    use lexopt::prelude::*;
    let (mut source, mut runs, mut seed, mut threads) = (None, None, None, None);
    let (mut cost, mut objective, mut target, mut step) = (false, "mean".to_string(), 0usize, 0.05);
    let (mut probability, mut best_mix, mut screen) = (0.8, false, false);
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        let fits = |ok: bool| {
            if ok {
                Ok(())
            } else {
                Err(arg.clone().unexpected().to_string())
            }
        };
        match &arg {
            Long("scenario") | Short('s') => {
                source = Some(file_or_stdin(parser.value().map_err(|e| e.to_string())?))
            }
            Long("preset") => {
                source = Some(Source::Preset(text(
                    parser.value().map_err(|e| e.to_string())?,
                    "--preset",
                )?))
            }
            Long("url") => {
                source = Some(Source::Url(text(
                    parser.value().map_err(|e| e.to_string())?,
                    "--url",
                )?))
            }
            Long("runs") | Short('n') => {
                runs = Some(number(
                    parser,
                    "--runs",
                    &format!(
                        "a whole number from 1 to {}",
                        grouped(limits::MAX_RUNS.into())
                    ),
                )?);
            }
            Long("seed") => {
                seed = Some(number(
                    parser,
                    "--seed",
                    "a whole number from 0 to 18446744073709551615",
                )?)
            }
            Long("threads") => {
                let t: usize = number(parser, "--threads", "a whole number from 1 to 256")?;
                if !(1..=256).contains(&t) {
                    return Err(format!(
                        "--threads must be a whole number from 1 to 256 (got {t})"
                    ));
                }
                threads = Some(t);
            }
            Long("headline") => {
                fits(sub == "sensitivity")?;
                let v = text(parser.value().map_err(|e| e.to_string())?, "--headline")?;
                cost = match v.as_str() {
                    "additional" => false,
                    "cost" => true,
                    _ => {
                        return Err(format!(
                            "--headline must be additional or cost (got \"{v}\")"
                        ));
                    }
                };
            }
            Long("objective") => {
                fits(sub == "optimize")?;
                objective = text(parser.value().map_err(|e| e.to_string())?, "--objective")?;
                if !["mean", "adopter_years", "target"].contains(&objective.as_str()) {
                    return Err(format!(
                        "--objective must be mean, adopter_years or target (got \"{objective}\")"
                    ));
                }
            }
            Long("screen") => {
                fits(sub == "optimize")?;
                screen = true;
            }
            Long("step") => {
                fits(sub == "optimize")?;
                step = number(parser, "--step", "a share such as 0.05 that divides 1")?;
            }
            Long("target-index") => {
                fits(sub == "optimize" || sub == "goal")?;
                target = number(
                    parser,
                    "--target-index",
                    "a whole number from 0 (the first target)",
                )?;
            }
            Long("probability") => {
                fits(sub == "goal")?;
                probability = number(
                    parser,
                    "--probability",
                    "a number between 0 and 1 such as 0.8",
                )?;
            }
            Long("best-mix") => {
                fits(sub == "goal")?;
                best_mix = true;
            }
            _ => return Err(arg.unexpected().to_string()),
        }
    }
    let source = source.ok_or_else(|| {
        format!("`{sub}` needs --scenario FILE (or -), --preset NAME or --url LINK")
    })?;
    let question = match sub {
        "sensitivity" => Question::Sensitivity { cost },
        "optimize" => Question::Optimize {
            objective,
            target,
            step,
            screen,
        },
        "goal" => Question::Goal {
            probability,
            target,
            best_mix,
        },
        _ => Question::Marginal,
    };
    Ok(Command::Decide {
        source,
        question,
        runs,
        seed,
        threads,
    })
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
            &["optimize", "--preset", "cantabria", "--step", "x"],
            &["optimize", "--preset", "cantabria", "--objective", "best"],
            &["optimize", "--preset", "cantabria", "--probability", "0.5"],
            &["goal", "--preset", "cantabria", "--probability", "much"],
            &["goal"],
            &["sensitivity", "--preset", "cantabria", "--headline", "x"],
            &["sensitivity", "--preset", "cantabria", "--threads", "0"],
            &["calibrate"],
            &["calibrate", "--series", "x.csv", "--firms", "0"],
        ] {
            let err = p(bad).unwrap_err();
            assert!(!err.is_empty(), "{bad:?}");
        }
    }
}
