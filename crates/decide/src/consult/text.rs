//! From any text to the summary's input: the hand-in attempts a text holds
//! (`adoption_formats::handin::read_text`) sorted into the plans that count and the lines
//! that do not, with why. The CLI's `consult` and the page's facilitator view both start
//! here, so they count the same lines.

use adoption_formats::handin::{self, Entry, Submission};
use adoption_formats::message::Message;

use super::Ballot;

/// A line not counted, and why.
#[derive(Clone, Debug, PartialEq)]
pub struct Refused {
    /// Its line, from 1.
    pub line: usize,
    /// Why it is not counted.
    pub reason: Message,
}

/// A plan handed in to another consultation (the CLI prints it as is).
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Foreign {
    /// Its line, from 1.
    pub line: usize,
    /// That consultation's code.
    pub consult: String,
}

/// What a text holds, sorted.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Tally {
    /// The consultation counted (`handin::TextRead::consult`).
    pub consult: Option<String>,
    /// The consultation's plans, with their lines, in the order of the text (duplicates
    /// included: [`super::summarise`] counts each nonce once).
    pub plans: Vec<(usize, Submission)>,
    /// Lines that are not a readable hand-in.
    pub malformed: Vec<Refused>,
    /// Plans for another consultation.
    pub other_consultation: Vec<Foreign>,
    /// Sound tokens of another format version.
    pub other_version: Vec<Refused>,
}

impl Tally {
    /// Reads `text` for consultation `consult` (or the code most plans carry). Refuses only
    /// a `consult` no token can carry ([`handin::code`]).
    pub fn read(text: &str, consult: Option<&str>) -> Result<Tally, Message> {
        let read = handin::read_text(text, consult)?;
        let mut t = Tally {
            consult: read.consult,
            ..Tally::default()
        };
        for f in read.found {
            let line = f.line;
            match f.entry {
                Entry::Valid(s) => t.plans.push((line, s)),
                Entry::OtherConsultation(s) => t.other_consultation.push(Foreign {
                    line,
                    consult: s.consult,
                }),
                Entry::OtherVersion(reason) => t.other_version.push(Refused { line, reason }),
                Entry::Malformed(reason) => t.malformed.push(Refused { line, reason }),
            }
        }
        Ok(t)
    }

    /// The plans as the summary takes them.
    pub fn ballots(&self) -> Vec<Ballot> {
        self.plans
            .iter()
            .map(|(line, s)| Ballot {
                line: *line,
                nonce: s.nonce,
                shares: s.shares(),
                budget_eur: s.budget_eur as f64,
                group: s.group.clone(),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use adoption_formats::message::Key;

    fn plan(consult: &str, nonce: u64, percents: [u8; 3]) -> Submission {
        Submission {
            percents,
            budget_eur: 1_000_000,
            start_year: 2025,
            programme_years: 3,
            consult: consult.into(),
            group: Some("Besaya".into()),
            nonce,
        }
    }

    #[test]
    fn sorts_every_attempt() {
        let a = plan("cant26", 1, [40, 20, 40]).link("https://x.org/");
        let b = plan("cant26", 2, [60, 20, 20]).token();
        let other = plan("other", 3, [10, 10, 80]).link("https://x.org/");
        let text = format!(
            "hi\n{a}\n{other}\nhttps://x.org/?h=\n{a}\n{b} and {}\n",
            &b[..31]
        );
        let t = Tally::read(&text, None).unwrap();
        assert_eq!(t.consult.as_deref(), Some("cant26"));
        let lines: Vec<usize> = t.plans.iter().map(|(l, _)| *l).collect();
        assert_eq!(lines, [2, 5, 6]);
        assert_eq!(
            t.other_consultation,
            [Foreign {
                line: 3,
                consult: "other".into()
            }]
        );
        let bad: Vec<(usize, Key)> = t.malformed.iter().map(|r| (r.line, r.reason.key)).collect();
        assert_eq!(bad, [(4, Key::HandinEmpty), (6, Key::HandinTruncated)]);
        let ballots = t.ballots();
        assert_eq!(ballots[2].shares, [0.6, 0.2, 0.2]);
        assert_eq!(ballots[2].line, 6);
        let s = super::super::summarise(&ballots);
        assert_eq!((s.valid, s.duplicates.len()), (2, 1));
        assert_eq!(
            Tally::read("", Some("no way")).unwrap_err().key,
            Key::HandinCode
        );
    }
}
