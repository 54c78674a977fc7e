//! A consultation's set-up link: the page's address with `consult=CODE` and what the
//! organiser fixes for every participant, read beside the scenario's link ([`crate::link`]).
//!
//! `?consult=cant26&lock=budget,pilots&q=How+should+we+split+it%3F&groups=Besaya,Pas,Saja`
//! (with any scenario keys, such as `budget=2000000`):
//!
//! | Key | Meaning |
//! |---|---|
//! | `consult` | the consultation's code ([`handin::code`]'s form): the page opens the participant's view |
//! | `lock` | what the participant cannot change, comma-separated: `budget` and/or instrument keys (`vouchers`, `training`, `pilots`) |
//! | `q` | the organiser's question, plain text, at most [`MAX_QUESTION`] characters |
//! | `groups` | the groups or districts a participant picks from, comma-separated (at most [`MAX_GROUPS`]), or `*` for a group the participant types |
//!
//! **Bad values.** [`read`] never fails: each part it cannot use is reported (as a
//! [`LinkProblem`], like the scenario link's) and the rest is used. A bad code means no
//! consultation (a hand-in needs one); an over-long question is cut and said so; a bad lock
//! name is left out.
//!
//! NOTE: group names are not checked here but when a plan is handed in ([`handin::group`],
//! in the page's lazily loaded module, which refuses a group a hand-in cannot carry with
//! its reason): the check needs Unicode's letter and digit tables, 2 KB gzip that the
//! page's first load has no room for (it is within 1% of its 300 KB budget).

use adoption_model::Instrument;

use crate::handin;
use crate::link::{LinkProblem, Parts, Problems};
use crate::message::{Arg, CLIP_LINK, Key, Message, clip};

/// The set-up link's keys (the page leaves them out of the scenario link).
pub const KEYS: [&str; 4] = [CODE_KEY, LOCK_KEY, QUESTION_KEY, GROUPS_KEY];

const CODE_KEY: &str = "consult";
const LOCK_KEY: &str = "lock";
const QUESTION_KEY: &str = "q";
const GROUPS_KEY: &str = "groups";

/// `lock`'s name for the budget.
pub const LOCK_BUDGET: &str = "budget";

/// `groups=*`: the participant types a group.
pub const FREE_GROUP: &str = "*";

/// Longest question, in characters (about three lines on a phone).
pub const MAX_QUESTION: usize = 280;

/// Most groups to pick from.
pub const MAX_GROUPS: usize = 30;

/// How a participant says which group they are in.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Groups {
    /// The consultation asks for no group.
    #[default]
    None,
    /// The participant types one ([`handin::group`]'s form), or leaves it empty.
    Free,
    /// The participant picks one of these (or none), as the link gives them (checked when
    /// handed in).
    Choose(Vec<String>),
}

/// What the organiser set up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Setup {
    /// The consultation's code, as hand-ins carry it.
    pub code: String,
    /// The organiser's question, if any (plain text).
    pub question: Option<String>,
    /// Whether the budget is fixed.
    pub lock_budget: bool,
    /// Which instruments' shares are fixed, by [`Instrument::index`].
    pub locked: [bool; 3],
    /// How the participant gives a group.
    pub groups: Groups,
}

/// What reading a set-up link gave.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SetupRead {
    /// The consultation, when the link has a usable `consult=`.
    pub setup: Option<Setup>,
    /// The parts that could not be used.
    pub problems: Vec<LinkProblem>,
}

/// Reads a query string's set-up keys (the last of a key given twice). Never fails.
pub fn read(query: &str) -> SetupRead {
    let parts = Parts::parse(query);
    let get = |key: &str| parts.get(key);
    let mut problems = Problems::default();
    let code = match get(CODE_KEY).map(handin::code) {
        Some(Ok(code)) => code,
        Some(Err(message)) => {
            problems.add(CODE_KEY, message);
            return SetupRead {
                setup: None,
                problems: problems.0,
            };
        }
        None => {
            // The organiser's settings mean nothing without a consultation.
            for key in [LOCK_KEY, QUESTION_KEY, GROUPS_KEY] {
                if get(key).is_some() {
                    problems.add(key, Key::LinkUnknownPart.into());
                }
            }
            return SetupRead {
                setup: None,
                problems: problems.0,
            };
        }
    };
    let mut setup = Setup {
        code,
        question: None,
        lock_budget: false,
        locked: [false; 3],
        groups: Groups::None,
    };
    if let Some(names) = get(LOCK_KEY) {
        for name in names.split(',').map(str::trim).filter(|n| !n.is_empty()) {
            let lower = name.to_ascii_lowercase();
            if lower == LOCK_BUDGET {
                setup.lock_budget = true;
            } else if let Some(i) = Instrument::from_key(&lower) {
                setup.locked[i.index()] = true;
            } else {
                problems.add(
                    LOCK_KEY,
                    Message::new(Key::ConsultLock, [Arg::Text(clip(name, CLIP_LINK))]),
                );
            }
        }
    }
    if let Some(text) = get(QUESTION_KEY) {
        let (question, cut) = question(text);
        if cut {
            problems.add(
                QUESTION_KEY,
                Message::new(Key::ConsultQuestionLong, [Arg::Plain(MAX_QUESTION as i64)]),
            );
        }
        setup.question = question;
    }
    if let Some(list) = get(GROUPS_KEY) {
        setup.groups = if list.trim() == FREE_GROUP {
            Groups::Free
        } else {
            let mut groups: Vec<String> = Vec::new();
            for name in list.split(',').map(str::trim) {
                if !name.is_empty() && !groups.iter().any(|g| g == name) {
                    groups.push(name.to_string());
                }
            }
            if groups.len() > MAX_GROUPS {
                groups.truncate(MAX_GROUPS);
                problems.add(
                    GROUPS_KEY,
                    Message::new(Key::ConsultGroupsMany, [Arg::Plain(MAX_GROUPS as i64)]),
                );
            }
            if groups.is_empty() {
                Groups::None
            } else {
                Groups::Choose(groups)
            }
        };
    }
    SetupRead {
        setup: Some(setup),
        problems: problems.0,
    }
}

/// The question as shown: control characters (line breaks) as spaces, trimmed, `None` when
/// empty, cut to [`MAX_QUESTION`] characters (`true` when it was cut).
fn question(text: &str) -> (Option<String>, bool) {
    let clean: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let clean = clean.trim();
    let cut = clean.chars().count() > MAX_QUESTION;
    let kept: String = clean.chars().take(MAX_QUESTION).collect();
    let kept = kept.trim_end().to_string();
    ((!kept.is_empty()).then_some(kept), cut)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(read: &SetupRead) -> Vec<(&str, Key)> {
        read.problems
            .iter()
            .map(|p| (p.part.as_str(), p.message.key))
            .collect()
    }

    #[test]
    fn the_scenario_link_leaves_the_set_up_keys_alone() {
        for key in KEYS {
            assert!(crate::link::PAGE_KEYS.contains(&key), "{key}");
        }
        let read = crate::link::read("budget=2000000&consult=c&lock=budget&q=x&groups=*");
        assert_eq!(read.problems, vec![]);
    }

    #[test]
    fn a_good_link_sets_everything_up() {
        let read = read(
            "?v=2&budget=2000000&consult=Cant26&lock=budget,%20Pilots&q=How+should+we+split+it%3F\
             &groups=Besaya,Pas,Saja,Pas&lang=es",
        );
        assert_eq!(read.problems, vec![]);
        let setup = read.setup.expect("a consultation");
        assert_eq!(setup.code, "cant26");
        assert_eq!(setup.question.as_deref(), Some("How should we split it?"));
        assert!(setup.lock_budget);
        assert_eq!(setup.locked, [false, false, true]);
        assert_eq!(
            setup.groups,
            Groups::Choose(vec!["Besaya".into(), "Pas".into(), "Saja".into()])
        );
        let free = super::read("consult=x&groups=*").setup.expect("set up");
        assert_eq!(free.groups, Groups::Free);
        assert!(!free.lock_budget && free.locked == [false; 3] && free.question.is_none());
    }

    #[test]
    fn no_code_means_no_consultation_and_its_settings_are_reported() {
        assert_eq!(read("v=2&budget=5"), SetupRead::default());
        let read = read("lock=budget&q=hi");
        assert_eq!(read.setup, None);
        assert_eq!(
            keys(&read),
            vec![("lock", Key::LinkUnknownPart), ("q", Key::LinkUnknownPart)]
        );
    }

    #[test]
    fn a_bad_code_is_reported_and_sets_nothing_up() {
        for bad in [
            "",
            "a%20b",
            "UPPER_case",
            "much-too-long-code",
            "%C3%B1",
            "%00",
        ] {
            let read = read(&format!("consult={bad}&lock=budget"));
            assert_eq!(read.setup, None, "{bad}");
            assert_eq!(keys(&read), vec![("consult", Key::HandinCode)], "{bad}");
        }
    }

    #[test]
    fn bad_lock_names_are_reported_one_by_one_and_the_good_ones_kept() {
        let read = read("consult=c&lock=vouchers,,money,TRAINING,%3Cb%3E");
        assert_eq!(
            keys(&read),
            vec![("lock", Key::ConsultLock), ("lock", Key::ConsultLock)]
        );
        assert_eq!(read.problems[0].message.args, [Arg::Text("money".into())]);
        assert_eq!(read.problems[1].message.args, [Arg::Text("<b>".into())]);
        let setup = read.setup.expect("set up");
        assert_eq!(setup.locked, [true, true, false]);
        assert!(!setup.lock_budget);
    }

    #[test]
    fn an_over_long_question_is_cut_and_said_so() {
        let long = "é".repeat(MAX_QUESTION + 5);
        let read = read(&format!("consult=c&q={long}"));
        assert_eq!(keys(&read), vec![("q", Key::ConsultQuestionLong)]);
        let q = read.setup.and_then(|s| s.question).expect("a question");
        assert_eq!(q.chars().count(), MAX_QUESTION);
        // Exactly the limit is not cut; line breaks become spaces; markup stays text.
        let exact = "a".repeat(MAX_QUESTION);
        assert!(
            super::read(&format!("consult=c&q={exact}"))
                .problems
                .is_empty()
        );
        let read = super::read("consult=c&q=%3Cscript%3Ex%3C/script%3E%0Aok%20%20");
        assert_eq!(
            read.setup.and_then(|s| s.question).as_deref(),
            Some("<script>x</script> ok")
        );
        assert_eq!(
            super::read("consult=c&q=%20%0A")
                .setup
                .and_then(|s| s.question),
            None
        );
    }

    #[test]
    fn groups_are_kept_as_given_and_too_many_are_reported() {
        // Checked when handed in (handin::group), not here.
        let read = read("consult=c&groups=North,%3Cb%3E,,%20South%20,North");
        assert_eq!(read.problems, vec![]);
        assert_eq!(
            read.setup.map(|s| s.groups),
            Some(Groups::Choose(vec![
                "North".into(),
                "<b>".into(),
                "South".into()
            ]))
        );
        let many: Vec<String> = (0..MAX_GROUPS + 3).map(|i| format!("g{i}")).collect();
        let read = super::read(&format!("consult=c&groups={}", many.join(",")));
        assert_eq!(keys(&read), vec![("groups", Key::ConsultGroupsMany)]);
        let Some(Groups::Choose(kept)) = read.setup.map(|s| s.groups) else {
            panic!("groups")
        };
        assert_eq!(kept.len(), MAX_GROUPS);
        // Only empty names: none to pick from.
        let read = super::read("consult=c&groups=,%20,");
        assert_eq!(read.setup.map(|s| s.groups), Some(Groups::None));
    }

    #[test]
    fn garbage_never_panics_and_keeps_a_good_code() {
        for junk in [
            "consult=ok&lock=%FF%FE&q=%FF&groups=%E2%80%AE,*,%00",
            "consult=ok&&&=&lock&q&groups",
            "consult=ok&lock=,,,&groups=,,,",
            "%%%consult=ok",
        ] {
            let read = read(junk);
            if junk.starts_with("consult") {
                assert_eq!(read.setup.map(|s| s.code).as_deref(), Some("ok"), "{junk}");
            }
        }
    }
}
