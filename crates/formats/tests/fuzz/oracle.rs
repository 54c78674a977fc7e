//! What must hold for every input, reader by reader. A reader may refuse an input, but
//! then with messages that are well formed, say where the problem is and stay short; an
//! input it accepts must give a valid scenario (or population) that simulates, writes
//! and reads back unchanged.

use adoption_formats::handin::{self, Entry, Submission};
use adoption_formats::message::{Arg, Key, Message, placeholders};
use adoption_formats::population::{self, MAX_PROBLEMS};
use adoption_formats::scenario::{self, ReadError, to_json};
use adoption_formats::{bases, link, preset, series, table};
use adoption_model::scenario::{FORMAT_VERSION, limits};
use adoption_model::{Scenario, Summary};

/// What a reader did with an input.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Verdict {
    /// Read without a problem.
    Accepted,
    /// Refused (or, for a link, read with parts reported).
    Refused,
}

/// Longest English text of one message, in bytes: every value a message echoes from the
/// input is clipped, so a 64 KiB input must not give a 64 KiB message.
const MAX_MESSAGE: usize = 4_096;
/// Longest accepted scenario as JSON: validation caps every text and list.
const MAX_SCENARIO_JSON: usize = 256 * 1_024;
/// Runs simulated for an accepted input: enough to exercise every code path of a run
/// and of the summary, few enough to keep millions of inputs fast.
const RUNS: u32 = 2;

pub type Checked = Result<Verdict, String>;

fn ensure(holds: bool, what: impl FnOnce() -> String) -> Result<(), String> {
    if holds { Ok(()) } else { Err(what()) }
}

/// A message renders to non-empty, bounded English, and every placeholder of its
/// template (and of any message inside it) has its argument.
fn message(m: &Message) -> Result<(), String> {
    well_formed(m)?;
    let english = m.to_string();
    ensure(!english.trim().is_empty(), || {
        format!("empty message {m:?}")
    })?;
    ensure(english.len() <= MAX_MESSAGE, || {
        format!("message of {} bytes: {:?}…", english.len(), &m.key)
    })
}

fn well_formed(m: &Message) -> Result<(), String> {
    if let Some(i) = placeholders(m.key.english())
        .into_iter()
        .find(|i| *i >= m.args.len())
    {
        return Err(format!("{:?} lacks its argument {i}: {m:?}", m.key));
    }
    m.args.iter().try_for_each(|a| match a {
        Arg::Part(inner) => well_formed(inner),
        _ => Ok(()),
    })
}

/// `scenario::read`: any version, then the file round trip, the link round trip and a
/// tiny simulation of whatever it accepts.
pub fn scenario(text: &str) -> Checked {
    let read = match scenario::read(text) {
        Ok(read) => read,
        Err(e) => {
            message(&e.message())?;
            let located = e.path().is_some_and(|p| !p.is_empty())
                || matches!(e, ReadError::Syntax { line, .. } if line >= 1);
            ensure(located, || format!("error names no field or line: {e:?}"))?;
            return Ok(Verdict::Refused);
        }
    };
    let s = read.scenario;
    ensure((1..=FORMAT_VERSION).contains(&read.from_version), || {
        format!("version {} accepted", read.from_version)
    })?;
    ensure(s.version == FORMAT_VERSION, || "not migrated".into())?;
    valid(&s)?;
    let written = to_json(&s);
    ensure(written.len() <= MAX_SCENARIO_JSON, || {
        format!("accepted scenario is {} bytes as JSON", written.len())
    })?;
    ensure(scenario::from_json(&written).as_ref() == Ok(&s), || {
        format!("file round trip changed it: {written}")
    })?;
    let query = link::write(&s);
    let back = link::read(&query);
    ensure(back.problems.is_empty() && back.scenario == s, || {
        format!("link round trip changed it: {query} -> {:?}", back.problems)
    })?;
    simulate(&s)?;
    Ok(Verdict::Accepted)
}

/// `link::read(link::query_of(..))`: never fails; its scenario is always valid; every
/// part it could not use is reported by name, once per part at most.
pub fn link(text: &str) -> Checked {
    let query = link::query_of(text);
    let read = link::read(query);
    valid(&read.scenario)?;
    ensure((1..=FORMAT_VERSION).contains(&read.from_version), || {
        format!("from_version {}", read.from_version)
    })?;
    ensure(
        bases::preset_names(read.from_version).any(|p| p == read.preset),
        || format!("preset {:?} has no base", read.preset),
    )?;
    // At most one problem per part and per field of the patch: linear in the input.
    ensure(read.problems.len() <= 2 + query.len(), || {
        format!("{} problems for {} bytes", read.problems.len(), query.len())
    })?;
    for problem in &read.problems {
        ensure(!problem.part.is_empty(), || {
            format!("a problem names no part: {problem}")
        })?;
        message(&problem.located())?;
    }
    simulate(&read.scenario)?;
    Ok(if read.problems.is_empty() {
        Verdict::Accepted
    } else {
        Verdict::Refused
    })
}

/// `population::parse_csv`: problems with their line (or column), at most
/// [`MAX_PROBLEMS`] kept; an accepted file's segments make a valid scenario, write back
/// through `template` unchanged, and simulate.
pub fn population(text: &str) -> Checked {
    let segments = match population::parse_csv(text) {
        Ok(segments) => segments,
        Err(e) => {
            ensure(
                !e.problems.is_empty() && e.problems.len() <= MAX_PROBLEMS,
                || format!("{} problems kept", e.problems.len()),
            )?;
            // Lines end with LF, CRLF or a lone CR; counting CR and LF both is an upper
            // bound.
            let last_line = text.split(['\n', '\r']).count() + 1;
            for p in &e.problems {
                let placed = p.line.is_some() || p.column.is_some();
                ensure(placed || p.message.key == Key::CsvTooLarge, || {
                    format!("problem with no line or column: {p}")
                })?;
                ensure(p.line.is_none_or(|l| (1..=last_line).contains(&l)), || {
                    format!("line {:?} of a {last_line}-line file: {p}", p.line)
                })?;
            }
            e.lines().iter().try_for_each(message)?;
            return Ok(Verdict::Refused);
        }
    };
    ensure((1..=limits::MAX_SEGMENTS).contains(&segments.len()), || {
        format!("{} segments accepted", segments.len())
    })?;
    let written = population::template(&segments);
    ensure(
        population::parse_csv(&written).as_ref() == Ok(&segments),
        || format!("template round trip changed it: {written}"),
    )?;
    let s = Scenario {
        segments,
        targets: Vec::new(),
        ..preset::cantabria()
    };
    valid(&s)?;
    simulate(&s)?;
    Ok(Verdict::Accepted)
}

/// `series::parse_series`: a refusal is one well-formed message; an accepted series has
/// at least [`series::MIN_POINTS`] points, years increasing within the model's range,
/// shares between 0 and 1.
pub fn series(text: &str) -> Checked {
    let points = match series::parse_series(text) {
        Ok(points) => points,
        Err(m) => {
            message(&m)?;
            return Ok(Verdict::Refused);
        }
    };
    ensure(points.len() >= series::MIN_POINTS, || {
        format!("{} points accepted", points.len())
    })?;
    ensure(points.windows(2).all(|w| w[0].year < w[1].year), || {
        format!("years not increasing: {points:?}")
    })?;
    ensure(
        points.iter().all(|p| {
            (limits::YEAR_RANGE.0..=limits::YEAR_RANGE.1).contains(&p.year)
                && (0.0..=1.0).contains(&p.share)
        }),
        || format!("a year or share out of range: {points:?}"),
    )?;
    Ok(Verdict::Accepted)
}

/// A sound hand-in: its fields in range, and written again it reads back the same.
fn submission(s: &Submission) -> Result<(), String> {
    ensure(
        s.percents.iter().map(|&p| u32::from(p)).sum::<u32>() == 100,
        || format!("percents not adding up to 100: {s:?}"),
    )?;
    ensure(handin::code(&s.consult).as_ref() == Ok(&s.consult), || {
        format!("an unwritable code accepted: {s:?}")
    })?;
    let group = s.group.as_deref().unwrap_or("");
    ensure(handin::group(group) == Ok(s.group.clone()), || {
        format!("an unwritable group accepted: {s:?}")
    })?;
    ensure(handin::read_token(&s.token()).as_ref() == Ok(s), || {
        format!("does not read back: {s:?}")
    })
}

/// Hand-in links in any text: every attempt listed on a line of the text, sound ones
/// reading back, refusals well-formed; a consultation asked for is the one counted.
pub fn handin(text: &str) -> Checked {
    let lines = text.lines().count();
    let mut accepted = false;
    for wanted in [None, Some("cant26")] {
        let read = handin::read_text(text, wanted).map_err(|m| format!("refused {m}"))?;
        if let Some(w) = wanted {
            ensure(read.consult.as_deref() == Some(w), || {
                format!("counted {:?}, not {w}", read.consult)
            })?;
        }
        for f in &read.found {
            ensure((1..=lines).contains(&f.line), || {
                format!("line {} of {lines}", f.line)
            })?;
            match &f.entry {
                Entry::Valid(s) => {
                    accepted = true;
                    ensure(Some(&s.consult) == read.consult.as_ref(), || {
                        format!("counted for {:?}: {s:?}", read.consult)
                    })?;
                    submission(s)?;
                }
                Entry::OtherConsultation(s) => submission(s)?,
                Entry::OtherVersion(m) | Entry::Malformed(m) => message(m)?,
            }
        }
    }
    match handin::read_link(text) {
        Ok(s) => submission(&s)?,
        Err(m) => message(&m)?,
    }
    Ok(if accepted {
        Verdict::Accepted
    } else {
        Verdict::Refused
    })
}

fn valid(s: &Scenario) -> Result<(), String> {
    s.validate()
        .map_err(|e| format!("accepted but invalid: {e:?}"))
}

/// A few runs of the scenario, and its yearly table read back.
fn simulate(s: &Scenario) -> Result<(), String> {
    let tiny = Scenario {
        runs: s.runs.min(RUNS),
        ..s.clone()
    };
    let summary = adoption_model::simulate(&tiny)
        .map_err(|e| format!("valid, but simulate refused it: {e:?}"))?;
    yearly_table(&summary)
}

/// The yearly CSV writer's round trip: one row per year, as wide as the header, every
/// cell a finite number, and the columns read back equal to the summary's figures.
fn yearly_table(summary: &Summary) -> Result<(), String> {
    let csv = table::yearly_csv(summary);
    let mut lines = csv.lines();
    let header: Vec<&str> = lines.next().unwrap_or_default().split(',').collect();
    let mut rows: Vec<Vec<f64>> = Vec::new();
    for line in lines {
        let row: Vec<f64> = line
            .split(',')
            .map(|c| {
                c.parse::<f64>()
                    .map_err(|_| format!("cell {c:?} in {line}"))
            })
            .collect::<Result<_, _>>()?;
        ensure(row.len() == header.len(), || format!("row width: {line}"))?;
        ensure(row.iter().all(|v| v.is_finite()), || {
            format!("not finite: {line}")
        })?;
        rows.push(row);
    }
    ensure(rows.len() == summary.years.len(), || "row count".into())?;
    let column = |name: &str| header.iter().position(|h| *h == name);
    let expected: [(&str, &[f64]); 3] = [
        ("in_business_mean_firms", &summary.firms),
        ("spend_eur", &summary.activity.spend_eur),
        (
            "additional_adopters_mean_firms",
            &summary.additional.adopters.mean,
        ),
    ];
    for (name, values) in expected {
        let c = column(name).ok_or_else(|| format!("no column {name}"))?;
        let same = rows.iter().zip(values).all(|(row, v)| row[c] == *v);
        ensure(same && values.len() == rows.len(), || {
            format!("{name} differs")
        })?;
    }
    let c = column("calendar_year").ok_or("no calendar_year")?;
    let years = rows
        .iter()
        .zip(&summary.calendar_years)
        .all(|(row, y)| row[c] == f64::from(*y));
    ensure(years, || "calendar_year differs".into())
}
