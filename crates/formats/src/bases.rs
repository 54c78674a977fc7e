//! Frozen, versioned bases: the values a link starts from and a scenario file's omitted
//! fields take, for format version 1.
//!
//! These files never change (`crates/formats/bases/v1/`): a link or a file written today
//! reads the same after the presets are revised. A later format adds a `bases/vN/`
//! directory; every earlier version keeps reading against its own.

use std::sync::OnceLock;

use adoption_model::Scenario;
use adoption_model::param::Param;
use serde::Deserialize;
use serde_json::{Map, Value};

/// Presets frozen as link bases for version 1 (append-only: a new preset adds a file).
pub(crate) const PRESETS_V1: &[(&str, &str)] = &[
    ("cantabria", include_str!("../bases/v1/cantabria.json")),
    (
        "cantabria-fast-track",
        include_str!("../bases/v1/cantabria-fast-track.json"),
    ),
    ("murcia", include_str!("../bases/v1/murcia.json")),
    (
        "voucher-portugal",
        include_str!("../bases/v1/voucher-portugal.json"),
    ),
    (
        "training-kickstart",
        include_str!("../bases/v1/training-kickstart.json"),
    ),
    (
        "example-region",
        include_str!("../bases/v1/example-region.json"),
    ),
];

/// The base a scenario file's omitted fields come from: the reference preset as frozen
/// for version 1, without its targets (a file's targets are its own).
const FILE_V1: &str = "cantabria";

/// What a segment's omitted coefficients are, for version 1 (files and population CSV).
const SEGMENT_V1: &str = include_str!("../bases/v1/segment.json");

/// The frozen base scenario of a preset for link version 1.
///
/// Each is read once: the page writes its link on every change (share box, print brief),
/// and reading the JSON each time cost more than the rest of the link.
pub fn preset_v1(preset: &str) -> Option<Scenario> {
    static READ: [OnceLock<Option<Scenario>>; PRESETS_V1.len()] =
        [const { OnceLock::new() }; PRESETS_V1.len()];
    let i = PRESETS_V1.iter().position(|(name, _)| *name == preset)?;
    READ[i]
        .get_or_init(|| {
            serde_json::from_str::<Scenario>(PRESETS_V1[i].1)
                .ok()
                .filter(|s| s.validate().is_ok())
        })
        .clone()
}

/// The frozen base of a scenario file, as JSON fields.
fn file_v1() -> &'static Map<String, Value> {
    static BASE: OnceLock<Map<String, Value>> = OnceLock::new();
    BASE.get_or_init(|| {
        let text = PRESETS_V1
            .iter()
            .find(|(name, _)| *name == FILE_V1)
            .map_or("{}", |(_, text)| text);
        let mut base: Map<String, Value> = serde_json::from_str(text).unwrap_or_default();
        base.insert("targets".into(), Value::Array(Vec::new()));
        base
    })
}

/// The frozen defaults of a segment's coefficients, as JSON fields.
fn segment_fields_v1() -> &'static Map<String, Value> {
    static BASE: OnceLock<Map<String, Value>> = OnceLock::new();
    BASE.get_or_init(|| serde_json::from_str(SEGMENT_V1).unwrap_or_default())
}

/// A segment's omitted coefficients for version 1: `p`, `q` and `aware_share`.
#[derive(Clone, Copy, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SegmentDefaults {
    /// Bass innovation coefficient.
    pub p: Param,
    /// Bass imitation coefficient.
    pub q: Param,
    /// Share of non-adopters already innovation-aware.
    pub aware_share: Param,
}

/// The frozen defaults of a segment's coefficients.
pub fn segment_v1() -> SegmentDefaults {
    static READ: OnceLock<SegmentDefaults> = OnceLock::new();
    *READ.get_or_init(|| {
        // The file is part of the program and tested (`tests/bases.rs`).
        serde_json::from_str(SEGMENT_V1).unwrap_or(SegmentDefaults {
            p: Param::Exact(0.0),
            q: Param::Exact(0.0),
            aware_share: Param::Exact(0.0),
        })
    })
}

/// Fields of a scenario whose own fields are filled one by one (the others, such as a
/// range or the list of targets, are taken whole from whichever side has them).
const NESTED: [&str; 4] = ["mix", "vouchers", "training", "pilots"];

/// A scenario file's fields with every omitted one taken from the frozen base, version 1;
/// `None` when the file omits nothing. A range given in the file is kept whole (its
/// omitted `mode` stays omitted).
pub fn fill_file_v1(file: &Map<String, Value>) -> Option<Map<String, Value>> {
    let mut out = file.clone();
    let mut added = fill(&mut out, file_v1());
    for key in NESTED {
        if let (Some(Value::Object(mine)), Some(Value::Object(base))) =
            (out.get_mut(key), file_v1().get(key))
        {
            added |= fill(mine, base);
        }
    }
    if let Some(Value::Array(segments)) = out.get_mut("segments") {
        for segment in segments.iter_mut().filter_map(Value::as_object_mut) {
            added |= fill(segment, segment_fields_v1());
        }
    }
    added.then_some(out)
}

/// Adds the base's fields that `fields` lacks; whether it added any.
fn fill(fields: &mut Map<String, Value>, base: &Map<String, Value>) -> bool {
    let mut added = false;
    for (key, value) in base {
        if !fields.contains_key(key) {
            fields.insert(key.clone(), value.clone());
            added = true;
        }
    }
    added
}
