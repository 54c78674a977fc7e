//! Saved scenarios, kept in the browser's localStorage.
//!
//! The stored text is versioned JSON: `{"version": 1, "scenarios": [{"id", "name",
//! "saved_at", "scenario"}]}`. Each entry has a stable id ([`SavedId`]) that the page's
//! actions use (an index would shift when an entry is deleted). Stores written before ids
//! existed have none: their entries get ids on reading (see [`parse`]), in order, and keep
//! them once written back. The id is an added field, which readers without ids ignore, so
//! the format stays version 1. Reading never loses anything: an entry that no longer reads as a valid
//! scenario is kept as it was (and shown as unreadable), and a store that is not readable
//! at all is copied aside under a backup key before anything new is written, so a bad
//! store is never overwritten ([`open`], which the facilitator's store uses too). Parsing
//! and [`open`]'s decision are pure and tested natively; only `open` and `store` touch
//! the browser.

use adoption_formats::ScenarioJson;
use adoption_formats::message::Message;
use adoption_formats::scenario::read as read_scenario;
use adoption_model::Scenario;
use adoption_model::scenario::FORMAT_VERSION;
use serde_json::Value;

use crate::i18n::{Lang, say};

/// The localStorage key of the saved scenarios.
pub const KEY: &str = "adoption-widget.saved";
/// The stored format's version.
pub const STORE_VERSION: u64 = 1;
/// Longest name of a saved scenario, in characters.
pub const MAX_NAME: usize = 80;

/// A saved scenario's id: stable while it lives, never reused in a session.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SavedId(pub u64);

/// One saved scenario.
#[derive(Clone, Debug, PartialEq)]
pub struct Saved {
    /// Its id.
    pub id: SavedId,
    /// The name the user gave it.
    pub name: String,
    /// When it was saved (ISO 8601, from the browser clock).
    pub saved_at: String,
    /// The scenario, or, if it no longer reads, the stored value and why.
    pub scenario: Result<Scenario, Unreadable>,
    /// The scenario format it was saved in (older ones are migrated when read).
    pub from_version: u64,
}

/// A stored entry that does not read as a valid scenario, kept untouched.
#[derive(Clone, Debug, PartialEq)]
pub struct Unreadable {
    /// The whole stored entry, written back exactly as it was.
    pub raw: Value,
    /// Why it does not read.
    pub reason: EntryProblem,
}

/// Why a stored entry does not read (worded when shown, in the page's language then).
#[derive(Clone, Debug, PartialEq)]
pub enum EntryProblem {
    /// The entry is not a saved scenario (no name, or not an object).
    NotAnEntry,
    /// Its scenario is refused by this version of the model.
    Refused(Message),
}

impl EntryProblem {
    /// The problem in words, in `lang`.
    pub fn words(&self, lang: Lang) -> String {
        match self {
            EntryProblem::NotAnEntry => lang.texts().entry_not_saved.to_string(),
            EntryProblem::Refused(message) => say(message, lang),
        }
    }
}

/// Why the store could not be read or written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreProblem {
    /// The stored text is not a store this program understands; it was backed up.
    Unreadable {
        /// The key it was copied to.
        backup: String,
    },
    /// The store was written by a newer version; nothing will be written over it.
    NewerVersion(u64),
    /// Some entries no longer read as scenarios (kept, marked).
    SomeEntriesUnreadable(usize),
    /// The browser refused to store (full, or storage disabled).
    WriteFailed,
    /// localStorage is not available (e.g. blocked by privacy settings).
    Unavailable,
}

/// A stored entry's id, name, time and scenario, read as `#[derive(Deserialize)]` on
/// `{id: Option<u64> (default), name: String, saved_at: String (default), scenario: Value}`
/// would read them: an object with at least `name` and `scenario`, or the four as an array.
///
/// NOTE: by hand, because the derive reads through `serde_json::from_value`, whose
/// deserializer for values was in the page for this alone (2.6 KB gzip, measured). A test
/// holds it to the derive.
fn entry_parts(item: &Value) -> Option<(Option<u64>, &str, &str, &Value)> {
    let id = |v: Option<&Value>| match v {
        None | Some(Value::Null) => Some(None),
        Some(v) => v.as_u64().map(Some),
    };
    match item {
        Value::Object(map) => Some((
            id(map.get("id"))?,
            map.get("name")?.as_str()?,
            map.get("saved_at").map_or(Some(""), Value::as_str)?,
            map.get("scenario")?,
        )),
        Value::Array(list) if list.len() == 4 => Some((
            id(Some(&list[0]))?,
            list[1].as_str()?,
            list[2].as_str()?,
            &list[3],
        )),
        _ => None,
    }
}

/// Reads the stored text. Returns the entries and, if anything was wrong, why.
pub fn parse(text: &str) -> (Vec<Saved>, Option<StoreProblem>) {
    let Ok(value) = serde_json::from_str::<Value>(text) else {
        return (
            Vec::new(),
            Some(StoreProblem::Unreadable {
                backup: String::new(),
            }),
        );
    };
    match value.get("version").and_then(Value::as_u64) {
        Some(STORE_VERSION) => {}
        Some(v) if v > STORE_VERSION => return (Vec::new(), Some(StoreProblem::NewerVersion(v))),
        _ => {
            return (
                Vec::new(),
                Some(StoreProblem::Unreadable {
                    backup: String::new(),
                }),
            );
        }
    }
    let Some(list) = value.get("scenarios").and_then(Value::as_array) else {
        return (
            Vec::new(),
            Some(StoreProblem::Unreadable {
                backup: String::new(),
            }),
        );
    };
    let mut unreadable = 0;
    let mut saved: Vec<Saved> = list
        .iter()
        .map(|item| {
            let read = entry_parts(item).map(|(id, name, saved_at, scenario)| {
                let scenario = read_scenario(&scenario.to_string()).map_err(|err| Unreadable {
                    raw: item.clone(),
                    reason: EntryProblem::Refused(err.message()),
                });
                let from_version = scenario.as_ref().map_or(FORMAT_VERSION, |r| r.from_version);
                (
                    id,
                    clip_name(name),
                    saved_at.to_string(),
                    scenario.map(|r| r.scenario),
                    from_version,
                )
            });
            let (id, name, saved_at, scenario, from_version) = read.unwrap_or_else(|| {
                let id = item.get("id").and_then(Value::as_u64);
                let raw = item.clone();
                let reason = EntryProblem::NotAnEntry;
                (
                    id,
                    "?".into(),
                    String::new(),
                    Err(Unreadable { raw, reason }),
                    FORMAT_VERSION,
                )
            });
            unreadable += usize::from(scenario.is_err());
            Saved {
                // Given below to entries without one.
                id: SavedId(id.unwrap_or(0)),
                name,
                saved_at,
                scenario,
                from_version,
            }
        })
        .collect();
    give_ids(&mut saved);
    (
        saved,
        (unreadable > 0).then_some(StoreProblem::SomeEntriesUnreadable(unreadable)),
    )
}

/// Gives every entry without an id (0: stored before ids existed), or with one an earlier
/// entry already has, a new id past the largest, in list order.
fn give_ids(saved: &mut [Saved]) {
    let mut next = saved.iter().map(|s| s.id.0).max().unwrap_or(0) + 1;
    // NOTE: a list, not a hash set: a person's saved scenarios are a few dozen, and the
    // set's hashing and table code cost the page more than 1 KB.
    let mut seen: Vec<SavedId> = Vec::with_capacity(saved.len());
    for entry in saved.iter_mut() {
        if entry.id.0 == 0 || seen.contains(&entry.id) {
            entry.id = SavedId(next);
            next += 1;
        }
        seen.push(entry.id);
    }
}

/// The text to store for these entries (unreadable ones written back as they were).
pub fn serialise(saved: &[Saved]) -> String {
    let scenarios: Vec<Value> = saved
        .iter()
        .map(|s| match &s.scenario {
            Ok(sc) => {
                let scenario = serde_json::from_str(&sc.to_json()).unwrap_or(Value::Null);
                serde_json::json!({ "id": s.id.0, "name": s.name, "saved_at": s.saved_at, "scenario": scenario })
            }
            // Kept exactly as stored (a rename of an unreadable entry is not saved).
            Err(u) => u.raw.clone(),
        })
        .collect();
    serde_json::json!({ "version": STORE_VERSION, "scenarios": scenarios }).to_string()
}

/// A name cut to [`MAX_NAME`] characters, without control characters, never empty.
pub fn clip_name(name: &str) -> String {
    let clean: String = name
        .chars()
        .filter(|c| !c.is_control())
        .take(MAX_NAME)
        .collect();
    let clean = clean.trim().to_string();
    if clean.is_empty() { "?".into() } else { clean }
}

/// The browser's localStorage, if the page may use it (also the facilitator's store).
pub(crate) fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Whether writing is safe: `false` after opening found a store this version must not
/// overwrite (a newer one, or an unreadable one that could not be copied aside).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WriteGuard(pub bool);

/// What a store's reader makes of the stored text (see [`open`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Read: it may be written over.
    Readable,
    /// Not readable: it is copied aside before anything is written over it.
    Unreadable,
    /// Written by a newer version: it is left as it is and never written over.
    Newer,
}

/// What opening a store found (its value apart), and so whether it may be written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Opening {
    /// Nothing stored, or a text its reader read.
    Fine,
    /// An unreadable text, copied to this key; the store may now be written.
    BackedUp(String),
    /// An unreadable text the browser refused to copy: it is never written over.
    BackupFailed,
    /// A newer version's text: it is never written over.
    Newer,
    /// localStorage is not available.
    Unavailable,
}

impl Opening {
    /// Whether the store may be written after this opening.
    pub fn guard(&self) -> WriteGuard {
        WriteGuard(matches!(self, Opening::Fine | Opening::BackedUp(_)))
    }
}

/// The key an unreadable store under `key` is copied to, `ms` milliseconds after the epoch.
pub fn backup_key(key: &str, ms: u64) -> String {
    format!("{key}.unreadable-{ms}")
}

/// Opens the store under `key` (the saved scenarios' and the facilitator's): `read` turns
/// the stored text into the store's value and says whether it read it. A text it cannot
/// read is copied to [`backup_key`] before anything is written, so that no later write
/// destroys it; the value is `None` when nothing is stored (or storage is unavailable).
pub fn open<T>(key: &str, read: impl FnOnce(&str) -> (T, Verdict)) -> (Option<T>, Opening) {
    let Some(storage) = local_storage() else {
        return (None, Opening::Unavailable);
    };
    let text = storage.get_item(key).ok().flatten();
    settle(text.as_deref(), read, |text| {
        let backup = backup_key(key, js_sys::Date::now() as u64);
        storage.set_item(&backup, text).is_ok().then_some(backup)
    })
}

/// [`open`]'s decision, pure: `back_up` copies the text aside and returns the key it used,
/// or `None` when the browser refused.
fn settle<T>(
    text: Option<&str>,
    read: impl FnOnce(&str) -> (T, Verdict),
    back_up: impl FnOnce(&str) -> Option<String>,
) -> (Option<T>, Opening) {
    let Some(text) = text else {
        return (None, Opening::Fine);
    };
    let (value, verdict) = read(text);
    let opening = match verdict {
        Verdict::Readable => Opening::Fine,
        Verdict::Newer => Opening::Newer,
        Verdict::Unreadable => back_up(text).map_or(Opening::BackupFailed, Opening::BackedUp),
    };
    (Some(value), opening)
}

/// Loads the saved scenarios (through [`open`]: an unreadable store is copied aside first,
/// so that saving later cannot destroy it).
pub fn load() -> (Vec<Saved>, Option<StoreProblem>, WriteGuard) {
    let (read, opening) = open(KEY, |text| {
        let (saved, problem) = parse(text);
        let verdict = match problem {
            Some(StoreProblem::Unreadable { .. }) => Verdict::Unreadable,
            Some(StoreProblem::NewerVersion(_)) => Verdict::Newer,
            _ => Verdict::Readable,
        };
        ((saved, problem), verdict)
    });
    let guard = opening.guard();
    let (saved, problem) = read.unwrap_or_default();
    let problem = match opening {
        Opening::Fine | Opening::Newer => problem,
        Opening::BackedUp(backup) => Some(StoreProblem::Unreadable { backup }),
        // Could not keep a copy: the original is not written over either.
        Opening::BackupFailed => Some(StoreProblem::WriteFailed),
        Opening::Unavailable => Some(StoreProblem::Unavailable),
    };
    (saved, problem, guard)
}

/// Stores the saved scenarios; `Err` when the browser refuses (storage full or blocked).
pub fn store(saved: &[Saved], guard: WriteGuard) -> Result<(), StoreProblem> {
    if !guard.0 {
        return Err(StoreProblem::WriteFailed);
    }
    let storage = local_storage().ok_or(StoreProblem::Unavailable)?;
    storage
        .set_item(KEY, &serialise(saved))
        .map_err(|_| StoreProblem::WriteFailed)
}

/// The browser's clock as an ISO 8601 date and time.
pub fn now_iso() -> String {
    js_sys::Date::new_0()
        .to_iso_string()
        .as_string()
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(id: u64, name: &str) -> Saved {
        Saved {
            id: SavedId(id),
            name: name.into(),
            saved_at: "2026-11-22T10:00:00.000Z".into(),
            scenario: Ok(adoption_formats::preset::cantabria()),
            from_version: FORMAT_VERSION,
        }
    }

    #[test]
    fn a_model_1_entry_opens_migrated_and_says_so() {
        // A v1 scenario as saved by the page before format 2 (partial: a v1 file's
        // omitted fields come from the frozen v1 base).
        let text = r#"{"version":1,"scenarios":[{"id":3,"name":"old","saved_at":"2026-01-01T00:00:00.000Z","scenario":{"version":1,"budget_eur":500000.0,"pilots":{"half_saturation":10.0}}}]}"#;
        let (saved, problem) = parse(text);
        assert_eq!(problem, None);
        assert_eq!(saved[0].from_version, 1);
        let scenario = saved[0].scenario.as_ref().expect("migrated");
        assert_eq!(scenario.version, FORMAT_VERSION);
        assert_eq!(scenario.budget_eur, 500_000.0);
        // Written back, it is a version-2 entry.
        let (again, _) = parse(&serialise(&saved));
        assert_eq!(again[0].from_version, FORMAT_VERSION);
    }

    #[test]
    fn round_trips() {
        let saved = vec![entry(3, "A"), entry(1, "B")];
        let (back, problem) = parse(&serialise(&saved));
        assert_eq!(problem, None);
        assert_eq!(back, saved);
    }

    #[test]
    fn unreadable_entries_are_kept_as_they_were() {
        let text = r#"{"version":1,"scenarios":[
            {"name":"good","saved_at":"x","scenario":{"version":1}},
            {"name":"bad","scenario":{"version":1,"years":500}},
            42
        ]}"#;
        let (saved, problem) = parse(text);
        assert_eq!(problem, Some(StoreProblem::SomeEntriesUnreadable(2)));
        assert_eq!(saved.len(), 3);
        assert!(saved[0].scenario.is_ok());
        let bad = saved[1].scenario.as_ref().unwrap_err();
        assert!(bad.reason.words(Lang::En).contains("years"));
        assert_eq!(
            saved[2].scenario.as_ref().unwrap_err().reason,
            EntryProblem::NotAnEntry
        );
        // Writing back keeps the unreadable entries byte for byte (as values).
        let (again, _) = parse(&serialise(&saved));
        assert_eq!(again[1].scenario, saved[1].scenario);
        assert_eq!(again[2].scenario, saved[2].scenario);
    }

    #[test]
    fn stores_without_ids_migrate_and_keep_their_ids_once_written() {
        // As written by the version before ids: no "id" in any entry.
        let old = r#"{"version":1,"scenarios":[
            {"name":"A","saved_at":"x","scenario":{"version":1}},
            {"name":"B","saved_at":"y","scenario":{"version":1,"budget_eur":2000000}},
            {"name":"bad","scenario":{"version":1,"years":500}}
        ]}"#;
        let (saved, problem) = parse(old);
        assert_eq!(problem, Some(StoreProblem::SomeEntriesUnreadable(1)));
        let ids: Vec<u64> = saved.iter().map(|s| s.id.0).collect();
        assert_eq!(ids, vec![1, 2, 3]);
        assert_eq!(saved[1].name, "B");
        assert_eq!(
            saved[1].scenario.as_ref().map(|s| s.budget_eur),
            Ok(2_000_000.0)
        );
        // Written back, the readable entries carry their ids; the unreadable one is kept
        // exactly as it was, so it gets an id again on every reading (it cannot be
        // opened or compared, and no id of a readable entry is ever given to it).
        let text = serialise(&saved[..2]);
        assert!(text.contains(r#""id":1"#) && text.contains(r#""id":2"#));
        let (again, _) = parse(&text);
        // Written back, the model-1 entries are version-2 entries; nothing else changes.
        let upgraded: Vec<Saved> = saved[..2]
            .iter()
            .map(|s| Saved {
                from_version: FORMAT_VERSION,
                ..s.clone()
            })
            .collect();
        assert_eq!(again, upgraded);
        // Deleting the first and reading again: the second keeps its id.
        let (after_delete, _) = parse(&serialise(&saved[1..2]));
        assert_eq!(after_delete[0].id, SavedId(2));
        // Duplicate ids (a hand-edited store) are made unique.
        let dup = r#"{"version":1,"scenarios":[
            {"id":5,"name":"A","scenario":{"version":1}},
            {"id":5,"name":"B","scenario":{"version":1}}
        ]}"#;
        let ids: Vec<u64> = parse(dup).0.iter().map(|s| s.id.0).collect();
        assert_eq!(ids, vec![5, 6]);
    }

    #[test]
    fn bad_stores_are_reported() {
        assert!(matches!(
            parse("not json").1,
            Some(StoreProblem::Unreadable { .. })
        ));
        assert!(matches!(
            parse("[]").1,
            Some(StoreProblem::Unreadable { .. })
        ));
        assert!(matches!(
            parse(r#"{"version":1}"#).1,
            Some(StoreProblem::Unreadable { .. })
        ));
        assert_eq!(
            parse(r#"{"version":7,"scenarios":[]}"#).1,
            Some(StoreProblem::NewerVersion(7))
        );
    }

    /// What the derive this replaced reads, for [`entry_parts_read_as_the_derive`].
    #[derive(serde::Deserialize)]
    struct StoredEntry {
        #[serde(default)]
        id: Option<u64>,
        name: String,
        #[serde(default)]
        saved_at: String,
        scenario: Value,
    }

    #[test]
    fn entry_parts_read_as_the_derive() {
        for text in [
            r#"{"id":3,"name":"A","saved_at":"x","scenario":{"version":1}}"#,
            r#"{"name":"A","scenario":null}"#,
            r#"{"id":null,"name":"A","scenario":1,"other":true}"#,
            r#"{"name":"A"}"#,
            r#"{"scenario":{}}"#,
            r#"{"id":-1,"name":"A","scenario":{}}"#,
            r#"{"id":1.5,"name":"A","scenario":{}}"#,
            r#"{"id":1.0,"name":"A","scenario":{}}"#,
            r#"{"id":"1","name":"A","scenario":{}}"#,
            r#"{"name":7,"scenario":{}}"#,
            r#"{"name":"A","saved_at":null,"scenario":{}}"#,
            r#"{"name":"A","saved_at":5,"scenario":{}}"#,
            r#"[1,"A","x",{}]"#,
            r#"[null,"A","x",{}]"#,
            r#"[1,"A","x"]"#,
            r#"[1,"A"]"#,
            r#"[]"#,
            r#"[1,"A","x",{},5]"#,
            r#"[1,"A",null,{}]"#,
            r#""A""#,
            "42",
            "null",
            "true",
        ] {
            let item: Value = serde_json::from_str(text).unwrap_or(Value::Null);
            let derived = serde_json::from_value::<StoredEntry>(item.clone())
                .ok()
                .map(|e| (e.id, e.name, e.saved_at, e.scenario));
            let by_hand = entry_parts(&item)
                .map(|(id, n, at, s)| (id, n.to_string(), at.to_string(), s.clone()));
            assert_eq!(by_hand, derived, "{text}");
        }
    }

    /// A reader that reads "ok", calls "new" a newer version's, and refuses anything else.
    fn read(text: &str) -> (usize, Verdict) {
        let verdict = match text {
            "ok" => Verdict::Readable,
            "new" => Verdict::Newer,
            _ => Verdict::Unreadable,
        };
        (text.len(), verdict)
    }

    #[test]
    fn opening_backs_up_only_what_it_cannot_read() {
        let never =
            |_: &str| -> Option<String> { panic!("a readable or newer store is not copied") };
        assert_eq!(settle(None, read, never), (None, Opening::Fine));
        assert_eq!(settle(Some("ok"), read, never), (Some(2), Opening::Fine));
        assert_eq!(settle(Some("new"), read, never), (Some(3), Opening::Newer));
        let mut copied = None;
        let (value, opening) = settle(Some("{garbage"), read, |text| {
            copied = Some(text.to_string());
            Some(backup_key(KEY, 7))
        });
        assert_eq!(value, Some(8));
        assert_eq!(
            opening,
            Opening::BackedUp("adoption-widget.saved.unreadable-7".into())
        );
        assert_eq!(
            copied.as_deref(),
            Some("{garbage"),
            "copied exactly as stored"
        );
        assert_eq!(opening.guard(), WriteGuard(true));
    }

    #[test]
    fn a_store_that_could_not_be_copied_or_is_newer_is_not_written_over() {
        let (_, opening) = settle(Some("{garbage"), read, |_| None);
        assert_eq!(opening, Opening::BackupFailed);
        assert_eq!(opening.guard(), WriteGuard(false));
        assert_eq!(Opening::Newer.guard(), WriteGuard(false));
        assert_eq!(Opening::Unavailable.guard(), WriteGuard(false));
        assert_eq!(Opening::Fine.guard(), WriteGuard(true));
    }

    #[test]
    fn names_are_tidied() {
        assert_eq!(clip_name("  Plan\u{0}A  "), "PlanA");
        assert_eq!(clip_name(""), "?");
        assert_eq!(clip_name(&"x".repeat(200)).chars().count(), MAX_NAME);
    }
}
