//! The facilitator's gathered set, pure and tested natively: the texts gathered (pasted,
//! from files, from the camera), their stored form, and what they hold — read as one text
//! with [`Tally::read`] and summed up with [`consult::summarise`], exactly as the CLI's
//! `adoption consult` reads one file, so the page and the CLI agree line for line.

use std::collections::HashMap;

use adoption_decide::consult::{self, Summary, Tally};
use adoption_formats::handin::MAX_TEXT_BYTES;
use adoption_formats::message::Message;
use serde::{Deserialize, Serialize};

use super::achieve::OwnOutcome;

/// The browser storage key of the set; the version in it changes with the stored form.
pub const STORE_KEY: &str = "adoption.consultation.v1";
/// What an exported set says it is.
const FORMAT: &str = "adoption-consultation";
/// The stored and exported form's version.
const VERSION: u32 = 1;

/// How a text was gathered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// Pasted into the text box.
    Paste,
    /// Read from a file (its name is the source's name).
    File,
    /// QR codes read with the camera, one a line.
    Scan,
}

/// One gathered text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Source {
    /// How it was gathered.
    pub kind: Kind,
    /// A file's name (empty for a paste or the scans).
    pub name: String,
    /// Its text, as gathered.
    pub text: String,
}

/// The stored (and exported) set.
#[derive(Serialize, Deserialize)]
struct Stored {
    format: String,
    version: u32,
    sources: Vec<Source>,
}

/// The set as stored and exported (JSON).
pub fn to_json(sources: &[Source]) -> String {
    serde_json::to_string(&Stored {
        format: FORMAT.into(),
        version: VERSION,
        sources: sources.to_vec(),
    })
    .unwrap_or_default()
}

/// A stored or exported set, or `None` when `text` is not one this version reads (not
/// JSON, another format, a newer version, or larger than [`MAX_TEXT_BYTES`] of text).
pub fn from_json(text: &str) -> Option<Vec<Source>> {
    let s: Stored = serde_json::from_str(text).ok()?;
    (s.format == FORMAT && s.version == VERSION && bytes(&s.sources) <= MAX_TEXT_BYTES)
        .then_some(s.sources)
}

/// The bytes of text a set holds (bounded by [`MAX_TEXT_BYTES`], as the CLI's file).
pub fn bytes(sources: &[Source]) -> usize {
    sources.iter().map(|s| s.text.len()).sum()
}

/// The set's texts as one, and where each begins: line `n` of the whole is line
/// `n - starts[i]` of source `i`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Joined {
    /// The texts one after another, each line ended by `\n` (a leading byte-order mark
    /// dropped).
    pub text: String,
    /// Lines before each source.
    starts: Vec<usize>,
}

impl Joined {
    /// The texts joined.
    pub fn of(sources: &[Source]) -> Joined {
        let mut j = Joined::default();
        let mut lines = 0;
        for s in sources {
            j.starts.push(lines);
            let text = s.text.strip_prefix('\u{feff}').unwrap_or(&s.text);
            for line in text.lines() {
                j.text.push_str(line);
                j.text.push('\n');
                lines += 1;
            }
        }
        j
    }

    /// The source (its index) and its own line (from 1) of line `line` of the whole.
    pub fn locate(&self, line: usize) -> (usize, usize) {
        let i = self.starts.partition_point(|&s| s < line).saturating_sub(1);
        (i, line - self.starts.get(i).copied().unwrap_or(0))
    }
}

/// What the set holds.
#[derive(Clone, Debug, PartialEq)]
pub struct Gathered {
    /// The texts joined (for line numbers).
    pub joined: Joined,
    /// Every hand-in attempt sorted.
    pub tally: Tally,
    /// The counted plans summed up.
    pub summary: Summary,
}

/// Reads the set for consultation `consult` (or the code most plans carry); refuses only a
/// code no hand-in can carry.
pub fn gather(sources: &[Source], consult: Option<&str>) -> Result<Gathered, Message> {
    let joined = Joined::of(sources);
    let tally = Tally::read(&joined.text, consult)?;
    let summary = consult::summarise(&tally.ballots());
    Ok(Gathered {
        joined,
        tally,
        summary,
    })
}

/// How many counted plans sit in each cell of a grid of `parts` steps a side (each share
/// rounded to the nearest step, pilots the rest), by `(vouchers, training)` steps, the
/// fullest first (ties in grid order).
pub fn density(gathered: &Gathered, parts: u32) -> Vec<((u32, u32), usize)> {
    let dups: std::collections::HashSet<usize> =
        gathered.summary.duplicates.iter().map(|d| d.line).collect();
    let mut cells: HashMap<(u32, u32), usize> = HashMap::new();
    for (line, s) in &gathered.tally.plans {
        if dups.contains(line) {
            continue;
        }
        let step = |p: u8| (f64::from(p) / 100.0 * f64::from(parts)).round() as u32;
        let v = step(s.percents[0]).min(parts);
        let t = step(s.percents[1]).min(parts - v);
        *cells.entry((v, t)).or_default() += 1;
    }
    let mut out: Vec<_> = cells.into_iter().collect();
    out.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    out
}

/// What a CSV row says about one attempt.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Flag {
    Counted,
    Duplicate,
    OtherConsultation,
    OtherVersion,
    Malformed,
}

impl Flag {
    fn key(self) -> &'static str {
        match self {
            Flag::Counted => "counted",
            Flag::Duplicate => "duplicate",
            Flag::OtherConsultation => "other_consultation",
            Flag::OtherVersion => "other_version",
            Flag::Malformed => "malformed",
        }
    }
}

/// The CSV header (machine-readable keys, as the CLI's JSON; `docs/consult.md`).
pub const CSV_HEADER: &str = "source,line,consult,group,vouchers,training,pilots,budget_eur,\
                              start_year,programme_years,nonce,additional_adopters,\
                              target_chances,flag,reason";

/// Every hand-in attempt as a CSV row, in the order of the text: where (`source` names the
/// gathered text, `line` its own line), the plan, `additional_adopters` and
/// `target_chances` (its own outcome from `outcomes`, by nonce, when computed: the chance
/// of each of the official scenario's targets, in its order, `;`-separated), a `flag` key
/// and the `reason` in words.
pub fn csv(
    g: &Gathered,
    names: &[String],
    outcomes: &HashMap<u64, OwnOutcome>,
    say: &dyn Fn(&Message) -> String,
) -> String {
    let dups: HashMap<usize, usize> = g
        .summary
        .duplicates
        .iter()
        .map(|d| (d.line, d.first_line))
        .collect();
    let mut rows: Vec<(usize, String)> = Vec::new();
    let place = |line: usize| {
        let (i, own) = g.joined.locate(line);
        format!("{},{own}", field(names.get(i).map_or("", String::as_str)))
    };
    for (line, s) in &g.tally.plans {
        let (flag, reason) = match dups.get(line) {
            Some(first) => {
                let (i, own) = g.joined.locate(*first);
                let name = names.get(i).map_or("", String::as_str);
                (Flag::Duplicate, format!("{name}:{own}"))
            }
            None => (Flag::Counted, String::new()),
        };
        let own = outcomes.get(&s.nonce).filter(|_| flag == Flag::Counted);
        let outcome = own.map_or(String::new(), |o| format!("{:.1}", o.additional));
        let chances = own.map_or(String::new(), |o| {
            let each: Vec<String> = o.chances.iter().map(|c| format!("{c:.3}")).collect();
            each.join(";")
        });
        rows.push((
            *line,
            format!(
                "{},{},{},{},{},{},{},{},{},{},{},{},{},{}",
                place(*line),
                s.consult,
                field(s.group.as_deref().unwrap_or("")),
                s.percents[0],
                s.percents[1],
                s.percents[2],
                s.budget_eur,
                s.start_year,
                s.programme_years,
                s.nonce,
                outcome,
                chances,
                flag.key(),
                field(&reason)
            ),
        ));
    }
    for f in &g.tally.other_consultation {
        rows.push((
            f.line,
            format!(
                "{},{},,,,,,,,,,,{},",
                place(f.line),
                f.consult,
                Flag::OtherConsultation.key()
            ),
        ));
    }
    for (list, flag) in [
        (&g.tally.other_version, Flag::OtherVersion),
        (&g.tally.malformed, Flag::Malformed),
    ] {
        for r in list {
            rows.push((
                r.line,
                format!(
                    "{},,,,,,,,,,,,{},{}",
                    place(r.line),
                    flag.key(),
                    field(&say(&r.reason))
                ),
            ));
        }
    }
    rows.sort_by_key(|(line, _)| *line);
    let mut out = String::from(CSV_HEADER);
    out.push('\n');
    for (_, row) in rows {
        out.push_str(&row);
        out.push('\n');
    }
    out
}

/// A CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180).
fn field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use adoption_formats::handin::Submission;

    fn link(nonce: u64, percents: [u8; 3], group: &str) -> String {
        Submission {
            percents,
            budget_eur: 1_000_000 + nonce,
            start_year: 2025,
            programme_years: 3,
            consult: "cant26".into(),
            group: Some(group.into()),
            nonce,
        }
        .link("https://x.org/")
    }

    fn plan(nonce: u64) -> Submission {
        Submission {
            percents: [1, 1, 98],
            budget_eur: 5,
            start_year: 2025,
            programme_years: 3,
            consult: "cant26".into(),
            group: None,
            nonce,
        }
    }

    fn source(kind: Kind, text: String) -> Source {
        Source {
            kind,
            name: "a, \"b\".txt".into(),
            text,
        }
    }

    #[test]
    fn lines_are_numbered_in_their_own_text() {
        let a = format!("\u{feff}hello\r\n{}\n", link(1, [40, 20, 40], "A"));
        let b = format!(
            "x\ny\n{}\nbroken ?h=\n{}",
            link(2, [60, 20, 20], "B"),
            link(1, [40, 20, 40], "A")
        );
        let set = [source(Kind::Paste, a), source(Kind::File, b)];
        let g = gather(&set, None).unwrap();
        assert_eq!(g.joined.locate(2), (0, 2));
        assert_eq!(g.joined.locate(5), (1, 3));
        assert_eq!(g.joined.locate(7), (1, 5));
        assert_eq!(g.summary.valid, 2);
        assert_eq!(g.summary.duplicates[0].line, 7);
        assert_eq!(g.tally.malformed[0].line, 6);
        // The same as one text read whole (what the CLI reads).
        let whole = Tally::read(&g.joined.text, None).unwrap();
        assert_eq!(whole, g.tally);
        let names = vec!["Pasted text 1".to_string(), "a, \"b\".txt".to_string()];
        let outcomes = HashMap::from([(
            2u64,
            OwnOutcome {
                additional: 12.34,
                chances: vec![0.18, 0.4],
            },
        )]);
        let table = csv(&g, &names, &outcomes, &|m: &Message| m.to_string());
        let rows: Vec<&str> = table.lines().collect();
        assert_eq!(rows[0], CSV_HEADER);
        assert_eq!(
            rows[1],
            format!("Pasted text 1,2,cant26,A,40,20,40,1000001,2025,3,1,,,counted,")
        );
        assert_eq!(
            rows[2],
            "\"a, \"\"b\"\".txt\",3,cant26,B,60,20,20,1000002,2025,3,2,12.3,0.180;0.400,counted,"
        );
        assert!(rows[3].starts_with("\"a, \"\"b\"\".txt\",4,,,,,,,,,,,,malformed,"));
        assert!(rows[4].ends_with(",1,,,duplicate,Pasted text 1:2"));
        assert_eq!(rows.len(), 5);
        let other = gather(
            &[source(
                Kind::Paste,
                format!(
                    "{}\n{}",
                    link(1, [1, 1, 98], "A"),
                    Submission {
                        consult: "other".into(),
                        ..plan(2)
                    }
                    .link("")
                ),
            )],
            Some("cant26"),
        )
        .unwrap();
        let fields = |row: &str| row.split(',').count();
        let text = csv(&other, &names, &outcomes, &|m: &Message| m.to_string());
        for row in text.lines() {
            assert_eq!(fields(row), fields(CSV_HEADER), "{row}");
        }
    }

    #[test]
    fn the_stored_set_round_trips_and_garbage_is_refused() {
        let set = vec![source(Kind::Scan, "x".into())];
        assert_eq!(from_json(&to_json(&set)), Some(set.clone()));
        assert_eq!(from_json("not json"), None);
        assert_eq!(
            from_json("{\"format\":\"other\",\"version\":1,\"sources\":[]}"),
            None
        );
        let newer = to_json(&set).replace("\"version\":1", "\"version\":2");
        assert_eq!(from_json(&newer), None);
        let big = vec![source(Kind::Paste, "x".repeat(MAX_TEXT_BYTES + 1))];
        assert_eq!(from_json(&to_json(&big)), None);
    }

    #[test]
    fn density_counts_each_plan_once_in_its_cell() {
        let text = [
            link(1, [40, 20, 40], "A"),
            link(2, [41, 19, 40], "A"),
            link(3, [0, 0, 100], "A"),
            link(1, [40, 20, 40], "A"),
        ]
        .join("\n");
        let g = gather(&[source(Kind::Paste, text)], None).unwrap();
        assert_eq!(density(&g, 20), [((8, 4), 2), ((0, 0), 1)]);
    }
}
