//! Work made with model 1 still opens: stored version-1 files and links are read,
//! migrated to format 2 and keep their users' values.
//!
//! | Check | Test |
//! |---|---|
//! | the stored v1 files (full, partial, with ranges, own population) | `stored_v1_files_open_migrated_with_their_values` |
//! | the links model 1 wrote for every preset and edited scenarios | `stored_v1_links_open_migrated_with_their_values` |
//! | what the migration drops and adds | `the_migration_drops_half_saturation_and_adds_the_new_fields` |
//! | versions not read, and problems placed in a v1 file | `other_versions_are_refused_clearly`, `problems_in_a_v1_file_name_field_line_and_column` |
//!
//! `tests/fixtures/v1/` must never be edited: the files and links were written by model 1's
//! program (commit a7705f8: `adoption preset`, `adoption link`) and stand for work people
//! already saved and shared.

use adoption_formats::bases::{preset_v2, segment_v2};
use adoption_formats::link;
use adoption_formats::scenario::{ReadError, read, to_json};
use adoption_model::param::tidy15;
use serde_json::Value;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/v1");

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!("{FIXTURES}/{name}")).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// Every value of a version-1 scenario (`old`, as JSON) is in `new` as it was, but the
/// version and the dropped `pilots.half_saturation`. Numbers compare as numbers (a file's
/// `800000` is the scenario's `800000.0`), as read: to 15 significant digits.
fn kept(old: &Value, new: &Value, path: &str) {
    match (old, new) {
        (Value::Object(o), Value::Object(n)) => {
            for (key, value) in o {
                let here = format!("{path}.{key}");
                if here == ".version" || here == ".pilots.half_saturation" {
                    continue;
                }
                let other = n.get(key).unwrap_or_else(|| panic!("{here}: dropped"));
                kept(value, other, &here);
            }
        }
        (Value::Array(o), Value::Array(n)) => {
            assert_eq!(o.len(), n.len(), "{path}: length");
            for (i, (a, b)) in o.iter().zip(n).enumerate() {
                kept(a, b, &format!("{path}[{i}]"));
            }
        }
        (Value::Number(a), Value::Number(b)) => {
            // As reading keeps every number: to 15 significant digits.
            let tidy = |n: &serde_json::Number| n.as_f64().map(tidy15);
            assert_eq!(tidy(a), tidy(b), "{path}");
        }
        _ => assert_eq!(old, new, "{path}"),
    }
}

fn json(text: &str) -> Value {
    serde_json::from_str(text).expect("JSON")
}

#[test]
fn stored_v1_files_open_migrated_with_their_values() {
    for name in [
        "full.json",
        "partial.json",
        "ranges.json",
        "custom-population.json",
    ] {
        let text = fixture(name);
        let r = read(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(r.from_version, 1, "{name}");
        assert_eq!(r.scenario.version, 2, "{name}");
        r.scenario
            .validate()
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        kept(&json(&text), &json(&to_json(&r.scenario)), "");
        // Read again as the version-2 file it now is: the same scenario.
        let again = read(&to_json(&r.scenario)).expect("valid");
        assert_eq!((again.from_version, again.scenario), (2, r.scenario));
    }
}

#[derive(serde::Deserialize)]
struct StoredLink {
    about: String,
    link: String,
    /// The v1 file (under `crates/formats/`) the link was written from, if any.
    #[serde(default)]
    same_as: Option<String>,
    /// The v1 scenario the link was written from, if not a file.
    #[serde(default)]
    scenario: Option<Value>,
}

#[test]
fn stored_v1_links_open_migrated_with_their_values() {
    let links: Vec<StoredLink> = serde_json::from_str(&fixture("links.json")).expect("JSON");
    assert!(links.len() >= 12);
    for l in links {
        let r = link::read(link::query_of(&l.link));
        assert!(r.problems.is_empty(), "{}: {:?}", l.about, r.problems);
        assert_eq!(r.from_version, 1, "{}", l.about);
        assert!(r.scenario.validate().is_ok(), "{}", l.about);
        let old = match (&l.same_as, &l.scenario) {
            (Some(file), _) => {
                std::fs::read_to_string(format!("{}/{file}", env!("CARGO_MANIFEST_DIR")))
                    .expect("stored file")
            }
            (None, Some(s)) => s.to_string(),
            (None, None) => panic!("{}: nothing to compare with", l.about),
        };
        // As the file reads (migrated, numbers kept to 15 digits): every value of model 1's
        // scenario is the link's.
        // (The new fields may differ: a file takes them from the file base, a link from
        // its preset's.)
        kept(&json(&old), &json(&to_json(&r.scenario)), "");
        // The new fields come from the preset's version-2 base.
        let base = preset_v2(&r.preset).expect("v2 base");
        assert_eq!(r.scenario.readiness, base.readiness, "{}", l.about);
        assert_eq!(r.scenario.vouchers.coverage, base.vouchers.coverage);
        // Written again, the link is a version-2 link to the same scenario.
        let again = link::read(&link::write(&r.scenario));
        assert_eq!(again.from_version, 2);
        assert_eq!(again.scenario, r.scenario, "{}", l.about);
    }
}

#[test]
fn the_migration_drops_half_saturation_and_adds_the_new_fields() {
    let base = preset_v2("cantabria").expect("v2 base");
    let r = read(
        r#"{"version": 1, "pilots": {"half_saturation": 99},
            "segments": [{"name": "All", "firms": 100, "adopters": 5}]}"#,
    )
    .expect("valid");
    let s = r.scenario;
    assert_eq!(
        s.pilots.half_saturation_per_1000,
        base.pilots.half_saturation_per_1000
    );
    assert_eq!(s.pilots.decay, base.pilots.decay);
    assert_eq!(s.vouchers.lapse, base.vouchers.lapse);
    assert_eq!(s.vouchers.value_scale_eur, base.vouchers.value_scale_eur);
    assert_eq!(s.segment_spread, base.segment_spread);
    assert_eq!(s.headline_year, None);
    assert_eq!(
        (s.segments[0].exit_rate, s.segments[0].entry_rate),
        (segment_v2().exit_rate, segment_v2().entry_rate)
    );
    // A link's patch is migrated the same way.
    let v1 = link::read("v=1&preset=cantabria&x=eyJwaWxvdHMiOnsiaGFsZl9zYXR1cmF0aW9uIjo5OX19");
    assert!(v1.problems.is_empty(), "{:?}", v1.problems);
    assert_eq!(
        v1.scenario.pilots.half_saturation_per_1000,
        base.pilots.half_saturation_per_1000
    );
}

#[test]
fn other_versions_are_refused_clearly() {
    for (text, words) in [
        (r#"{"version": 3}"#, "version 1 or 2 (got 3)"),
        (r#"{"version": 0}"#, "version 1 or 2 (got 0)"),
        (r#"{"version": "2"}"#, "whole number 1 or 2"),
        (r#"{"version": 1.5}"#, "whole number 1 or 2"),
        (r#"{"version": -1}"#, "whole number 1 or 2"),
        (r#"{"name": "x"}"#, "is required"),
    ] {
        let e = read(text).expect_err(text);
        assert_eq!(e.path(), Some("version"), "{text}");
        assert!(e.to_string().contains(words), "{text}: {e}");
    }
    // A version-1 link cannot name a preset made after model 1.
    for name in ["cantabria-ai", "cantabria-big-data"] {
        let r = link::read(&format!("v=1&preset={name}&runs=10&seed=1"));
        assert_eq!(r.problems.len(), 1, "{name}");
        assert_eq!(r.problems[0].part, "preset");
        assert!(r.problems[0].to_string().contains(name));
        assert_eq!(r.preset, "cantabria");
        assert!(r.scenario.validate().is_ok());
        assert!(
            link::read(&format!("v=2&preset={name}"))
                .problems
                .is_empty()
        );
    }
}

#[test]
fn problems_in_a_v1_file_name_field_line_and_column() {
    let text =
        "{\n  \"version\": 1,\n  \"pilots\": {\"half_saturation\": 10, \"cost_eur\": \"a lot\"}\n}";
    let Err(ReadError::Syntax {
        path, line, column, ..
    }) = read(text)
    else {
        panic!("a word for a number is refused");
    };
    assert_eq!((path.as_str(), line), ("pilots.cost_eur", 3));
    // The same place as in the same text of version 2, where no key was renamed.
    let v2 = text
        .replace("\"version\": 1", "\"version\": 2")
        .replace("\"half_saturation\"", "\"decay\"          ");
    let Err(ReadError::Syntax { column: want, .. }) = read(&v2) else {
        panic!("refused too");
    };
    assert_eq!(column, want);
    let text = "{\"version\": 1, \"pilots\": {\"half_saturation\": \"ten\"}}";
    let e = read(text).expect_err("a word is refused");
    assert_eq!(e.path(), Some("pilots.half_saturation"));
    let e = read("{\"version\": 1, \"segments\": [{\"name\": \"a\", \"firms\": -3}]}").unwrap_err();
    assert_eq!(e.path(), Some("segments[0].firms"));
    let e = read("{\"version\": 1, \"years\": 500}").unwrap_err();
    assert_eq!(e.to_string(), "field `years`: must be between 1 and 50");
}
