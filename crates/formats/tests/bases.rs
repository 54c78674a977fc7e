//! The frozen, versioned bases (`adoption_formats::bases`): what links start from and what
//! a scenario file's omitted fields take.
//!
//! `bases/v1/*.json` must never be edited: saved files and shared links read against them.
//! `bases/v2/*.json` follow `preset.rs` until format 2 is released ([`V2_RELEASED`]):
//! `UPDATE_BASES=1 cargo test -p adoption-formats --test bases` writes them again after a
//! preset is retuned; without it, a base that differs from its preset fails here.

use std::path::PathBuf;

use adoption_formats::bases::{
    SegmentDefaults, preset_head_v2, preset_names, preset_v1, preset_v2, segment_v1, segment_v2,
};
use adoption_formats::preset::{self, PRESETS, defaults};
use adoption_formats::scenario::{from_json, read, to_json};
use adoption_model::Param;
use adoption_model::param::Range;

/// Whether format 2 has been released: from then on its bases are frozen like version 1's
/// (a new preset still adds its file). The page reads its presets from them, so a preset
/// retuned after the release needs a new base version.
const V2_RELEASED: bool = true;

/// The six presets of version 1 (closed: presets added later have no version-1 base).
const V1_PRESETS: [&str; 6] = [
    "cantabria",
    "cantabria-fast-track",
    "murcia",
    "voucher-portugal",
    "training-kickstart",
    "example-region",
];

fn v2_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("bases/v2")
}

/// A frozen base's text as `preset.rs` makes it today.
fn wanted_v2() -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = PRESETS
        .iter()
        .map(|p| (format!("{}.json", p.name), to_json(&(p.build)())))
        .collect();
    let segment = SegmentDefaults {
        p: defaults::P,
        q: defaults::Q,
        aware_share: defaults::AWARE_SHARE,
        exit_rate: defaults::EXIT_RATE,
        entry_rate: defaults::ENTRY_RATE,
    };
    let text = serde_json::to_string_pretty(&segment).expect("plain data");
    files.push(("segment.json".into(), text + "\n"));
    files
}

#[test]
fn v2_bases_are_the_presets_as_preset_rs_makes_them() {
    let update = std::env::var_os("UPDATE_BASES").is_some_and(|v| v == "1");
    let mut stale = Vec::new();
    for (file, want) in wanted_v2() {
        let path = v2_dir().join(&file);
        let have = std::fs::read_to_string(&path).unwrap_or_default();
        if have == want {
            continue;
        }
        if update && !V2_RELEASED {
            std::fs::write(&path, &want).unwrap_or_else(|e| panic!("{file}: {e}"));
        } else if !V2_RELEASED || have.is_empty() {
            stale.push(file);
        }
    }
    assert!(
        stale.is_empty(),
        "bases/v2/{{{}}} differ from preset.rs: write them again with \
         `UPDATE_BASES=1 cargo test -p adoption-formats --test bases`, then rebuild \
         (they are compiled in){}",
        stale.join(","),
        if V2_RELEASED {
            "; format 2 is released, so only a new preset may add a file"
        } else {
            ""
        }
    );
}

#[test]
fn every_preset_has_a_v2_base_and_only_the_first_six_a_v1_base() {
    let v2: Vec<&str> = preset_names(2).collect();
    let v1: Vec<&str> = preset_names(1).collect();
    assert_eq!(v1, V1_PRESETS);
    for p in PRESETS {
        let base = preset_v2(p.name).unwrap_or_else(|| panic!("{}: no v2 base", p.name));
        assert!(base.validate().is_ok(), "{}", p.name);
        assert!(v2.contains(&p.name), "{}", p.name);
        // Always, released or not: the page reads its presets from these bases
        // (`Preset::scenario`), so a retuned preset needs a new base version.
        assert_eq!(
            base,
            (p.build)(),
            "{}: the page would show its base",
            p.name
        );
        // What the page lists before a preset is chosen: its base's, read alone.
        let head = preset_head_v2(p.name).unwrap_or_else(|| panic!("{}: no head", p.name));
        let built = (p.build)();
        assert_eq!(
            (&head.name, &head.region, &head.technology),
            (&built.name, &built.region, &built.technology),
            "{}",
            p.name
        );
        assert_eq!(p.head(), *head, "{}", p.name);
    }
    assert!(preset_head_v2("atlantis").is_none());
    for name in V1_PRESETS {
        let base = preset_v1(name).unwrap_or_else(|| panic!("{name}: no frozen v1 base"));
        assert!(base.validate().is_ok(), "{name}");
        assert_eq!(base.version, 2, "{name}: migrated");
    }
    for name in ["cantabria-ai", "cantabria-big-data", "atlantis"] {
        assert!(preset_v1(name).is_none(), "{name}");
    }
    assert!(preset_v2("atlantis").is_none());
    assert_eq!(preset_names(3).count(), 0);
    let segment = segment_v1();
    assert!(segment.p.is_uncertain() && segment.q.is_uncertain());
    assert!(segment.aware_share.is_uncertain());
    assert_eq!((segment.exit_rate, segment.entry_rate), (0.0, 0.0));
    let segment = segment_v2();
    assert!(segment.exit_rate > 0.0 && segment.entry_rate > 0.0);
}

#[test]
fn a_migrated_v1_base_keeps_its_numbers_and_takes_the_new_ones_from_v2() {
    for name in V1_PRESETS {
        let old: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(
                PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("bases/v1/{name}.json")),
            )
            .expect("v1 base"),
        )
        .expect("JSON");
        let migrated = preset_v1(name).expect("v1 base");
        let v2 = preset_v2(name).expect("v2 base");
        assert_eq!(migrated.budget_eur, old["budget_eur"].as_f64().unwrap());
        assert_eq!(
            migrated.vouchers.apply_lia,
            serde_json::from_value::<Param>(old["vouchers"]["apply_lia"].clone()).unwrap(),
            "{name}: a version-1 number is kept"
        );
        assert_eq!(migrated.readiness, v2.readiness, "{name}");
        assert_eq!(migrated.vouchers.lapse, v2.vouchers.lapse, "{name}");
        assert_eq!(
            migrated.pilots.half_saturation_per_1000, v2.pilots.half_saturation_per_1000,
            "{name}: the renamed field is the base's"
        );
        for s in &migrated.segments {
            assert_eq!(
                (s.exit_rate, s.entry_rate),
                (segment_v2().exit_rate, segment_v2().entry_rate)
            );
        }
    }
}

#[test]
fn an_omitted_field_takes_the_frozen_base_of_its_version_not_the_live_preset() {
    let mut base = preset_v2("cantabria").expect("frozen");
    base.targets.clear();
    assert_eq!(from_json(r#"{"version": 2}"#).expect("valid"), base);
    // Within an object, only the fields written change.
    let s = from_json(r#"{"version": 2, "vouchers": {"value_eur": 5000}}"#).expect("valid");
    assert_eq!(s.vouchers.value_eur, 5_000.0);
    assert_eq!(s.vouchers.used, base.vouchers.used);
    assert_eq!(s.training, base.training);
    let s = from_json(r#"{"version": 2, "readiness": {"share": 0.5}}"#).expect("valid");
    assert_eq!(s.readiness.share, Param::Exact(0.5));
    assert_eq!(s.readiness.ratio, base.readiness.ratio);

    // Version 1: the version-1 base, then migrated.
    let mut old = preset_v1("cantabria").expect("frozen");
    old.targets.clear();
    let r = read(r#"{"version": 1}"#).expect("valid");
    assert_eq!((r.from_version, &r.scenario), (1, &old));
    assert_ne!(r.scenario.vouchers.apply_lia, base.vouchers.apply_lia);
}

#[test]
fn a_range_in_a_file_is_kept_whole() {
    for version in [1, 2] {
        let s = from_json(&format!(
            r#"{{"version": {version}, "training": {{"uplift": {{"low": 0.1, "high": 0.3}}}}}}"#
        ))
        .expect("valid");
        assert_eq!(
            s.training.uplift,
            Param::Range(Range {
                low: 0.1,
                mode: None,
                high: 0.3
            })
        );
        let s = from_json(&format!(
            r#"{{"version": {version}, "segments": [{{"name": "All", "firms": 10, "adopters": 1, "q": 0.2}}]}}"#
        ))
        .expect("valid");
        assert_eq!(s.segments[0].q, Param::Exact(0.2));
        let defaults = if version == 1 {
            segment_v1()
        } else {
            segment_v2()
        };
        assert_eq!(s.segments[0].p, defaults.p);
        assert_eq!(s.segments[0].exit_rate, segment_v2().exit_rate);
    }
    assert!(preset::preset("cantabria-ai").is_some());
}
