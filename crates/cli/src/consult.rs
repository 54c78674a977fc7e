//! The public-consultation commands: `handin` writes a participant's hand-in link,
//! `consult` reads any text holding such links and sums them up
//! (`adoption_formats::handin`, `adoption_decide::consult`; `docs/consult.md`).

use std::hash::{BuildHasher, Hasher};

use adoption_decide::consult::{self, Aggregate, Duplicate, Foreign, Group, Refused, Tally};
use adoption_formats::handin::Submission;
use adoption_model::Scenario;
use adoption_model::scenario::Mix;
use serde::Serialize;

/// A participant's hand-in link for `scenario`'s plan: the query (`?h=...`), or the whole
/// link after `base`.
pub fn handin(
    scenario: &Scenario,
    consult: &str,
    group: Option<&str>,
    nonce: Option<u64>,
    base: Option<&str>,
) -> Result<String, String> {
    let s = Submission::from_scenario(scenario, consult, group, nonce.unwrap_or_else(random))
        .map_err(|m| m.to_string())?;
    Ok(format!("{}\n", s.link(base.unwrap_or(""))))
}

/// A random nonce.
// NOTE: the standard library's hash keys are drawn from the operating system's random
// source once per process, so hashing the time with a fresh `RandomState` gives 64
// unpredictable bits without a dependency (`getrandom`) for one number.
fn random() -> u64 {
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    h.write_u128(now);
    h.write_u32(std::process::id());
    h.finish()
}

/// A line not counted, and why.
#[derive(Serialize)]
struct Line {
    line: usize,
    reason: String,
}

/// The JSON `consult` prints.
#[derive(Serialize)]
struct Report<'a> {
    consult: Option<String>,
    valid: usize,
    duplicates: &'a [Duplicate],
    malformed: Vec<Line>,
    other_consultation: &'a [Foreign],
    other_version: Vec<Line>,
    mean_mix: &'a Mix,
    median_mix: &'a Mix,
    shares: &'a consult::Shares,
    budget: &'a consult::Spread,
    groups: &'a [Group],
    other_groups: &'a Option<Aggregate>,
    in_total_only: usize,
    without_group: usize,
}

/// What a text of hand-ins too large is said to be (`handin::MAX_TEXT_BYTES`).
pub const TEXT_SIZE: &str = "that is about 10,000 hand-in links: split the text";

/// The summary of every hand-in link in `text`, as JSON.
pub fn summary(text: &str, consult: Option<&str>) -> Result<String, String> {
    let t = Tally::read(text, consult).map_err(|m| format!("--consult: {m}"))?;
    let lines = |v: &[Refused]| -> Vec<Line> {
        v.iter()
            .map(|r| Line {
                line: r.line,
                reason: r.reason.to_string(),
            })
            .collect()
    };
    let s = consult::summarise(&t.ballots());
    let report = Report {
        consult: t.consult.clone(),
        valid: s.valid,
        duplicates: &s.duplicates,
        malformed: lines(&t.malformed),
        other_consultation: &t.other_consultation,
        other_version: lines(&t.other_version),
        mean_mix: &s.total.mean_mix,
        median_mix: &s.total.median_mix,
        shares: &s.total.shares,
        budget: &s.total.budget,
        groups: &s.groups,
        other_groups: &s.other_groups,
        in_total_only: s.in_total_only,
        without_group: s.without_group,
    };
    let mut out = serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?;
    out.push('\n');
    Ok(out)
}
