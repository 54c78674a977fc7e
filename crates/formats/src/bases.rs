//! Frozen, versioned bases: the values a link starts from and a scenario file's omitted
//! fields take, for each format version, and the migration of version 1 to version 2.
//!
//! These files never change once their version is released (`crates/formats/bases/vN/`):
//! a link or a file written today reads the same after the presets are revised. Each
//! version reads against its own bases; a version-1 file or link is then migrated to the
//! current format ([`migrate_v1`]).

use std::sync::OnceLock;

use adoption_model::Scenario;
use adoption_model::param::Param;
use adoption_model::scenario::FORMAT_VERSION;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// The oldest scenario and link format still read (and migrated to the current one).
pub const OLDEST_VERSION: u64 = 1;

/// Presets frozen as link bases for version 1 (closed: presets added later have no
/// version-1 base, so a version-1 link cannot name them).
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

/// Presets frozen as link bases for version 2, the links this program writes
/// (append-only once released: a new preset adds a file). `tests/bases.rs` writes them
/// from `preset.rs` (`UPDATE_BASES=1`) while version 2 is unreleased.
pub(crate) const PRESETS_V2: &[(&str, &str)] = &[
    ("cantabria", include_str!("../bases/v2/cantabria.json")),
    (
        "cantabria-fast-track",
        include_str!("../bases/v2/cantabria-fast-track.json"),
    ),
    ("murcia", include_str!("../bases/v2/murcia.json")),
    (
        "voucher-portugal",
        include_str!("../bases/v2/voucher-portugal.json"),
    ),
    (
        "training-kickstart",
        include_str!("../bases/v2/training-kickstart.json"),
    ),
    (
        "example-region",
        include_str!("../bases/v2/example-region.json"),
    ),
    (
        "cantabria-ai",
        include_str!("../bases/v2/cantabria-ai.json"),
    ),
    (
        "cantabria-big-data",
        include_str!("../bases/v2/cantabria-big-data.json"),
    ),
];

/// The preset whose frozen base a scenario file's omitted fields come from (without its
/// targets: a file's targets are its own), in every version.
pub const FILE_PRESET: &str = "cantabria";

/// What a segment's omitted coefficients are, for version 1 (files and population CSV).
const SEGMENT_V1: &str = include_str!("../bases/v1/segment.json");
/// The same for version 2.
const SEGMENT_V2: &str = include_str!("../bases/v2/segment.json");

/// The names of the presets with a frozen base for link version `version` (none for a
/// version this program does not read).
pub fn preset_names(version: u64) -> impl Iterator<Item = &'static str> {
    let list: &[(&str, &str)] = match version {
        1 => PRESETS_V1,
        FORMAT_VERSION => PRESETS_V2,
        _ => &[],
    };
    list.iter().map(|(name, _)| *name)
}

/// The frozen base scenario of a preset for link version 2 (the current format).
///
/// Each is read once: the page writes its link on every change (share box, print brief),
/// and reading the JSON each time cost more than the rest of the link.
pub fn preset_v2(preset: &str) -> Option<Scenario> {
    static READ: [OnceLock<Option<Scenario>>; PRESETS_V2.len()] =
        [const { OnceLock::new() }; PRESETS_V2.len()];
    let i = PRESETS_V2.iter().position(|(name, _)| *name == preset)?;
    READ[i]
        .get_or_init(|| {
            serde_json::from_str::<Scenario>(PRESETS_V2[i].1)
                .ok()
                .filter(|s| s.validate().is_ok())
        })
        .clone()
}

/// What a preset's choice shows before it is chosen: its name, region and technology.
#[derive(Clone, Debug, PartialEq)]
pub struct PresetHead {
    /// The scenario's name (an English key the page translates).
    pub name: String,
    /// Its region.
    pub region: String,
    /// What adopting means in it.
    pub technology: String,
}

/// A preset's [`PresetHead`], read from its version-2 base without making (and checking)
/// the scenario: the page lists every preset when it opens, and reading every whole
/// scenario there cost its first render several milliseconds.
///
/// NOTE: read as a JSON value, whose reader the page has anyway (version-1 links are
/// migrated as values): a reader of its own for these three fields cost 2 KB gzip.
pub fn preset_head_v2(preset: &str) -> Option<&'static PresetHead> {
    static READ: [OnceLock<Option<PresetHead>>; PRESETS_V2.len()] =
        [const { OnceLock::new() }; PRESETS_V2.len()];
    let i = PRESETS_V2.iter().position(|(name, _)| *name == preset)?;
    READ[i]
        .get_or_init(|| {
            let fields = object(PRESETS_V2[i].1);
            let text = |key: &str| Some(fields.get(key)?.as_str()?.to_owned());
            Some(PresetHead {
                name: text("name")?,
                region: text("region")?,
                technology: text("technology")?,
            })
        })
        .as_ref()
}

/// The frozen base scenario of a preset for link version 1, migrated to the current
/// format ([`migrate_v1`], with the new fields from the preset's version-2 base).
pub fn preset_v1(preset: &str) -> Option<Scenario> {
    static READ: [OnceLock<Option<Scenario>>; PRESETS_V1.len()] =
        [const { OnceLock::new() }; PRESETS_V1.len()];
    let i = PRESETS_V1.iter().position(|(name, _)| *name == preset)?;
    READ[i]
        .get_or_init(|| {
            let mut fields = object(PRESETS_V1[i].1);
            migrate_v1(&mut fields, &preset_fields_v2(preset));
            serde_json::from_str::<Scenario>(&Value::Object(fields).to_string())
                .ok()
                .filter(|s| s.validate().is_ok())
        })
        .clone()
}

/// A frozen file's fields (empty if it were unreadable, which `tests/bases.rs` rules out).
fn object(text: &str) -> Map<String, Value> {
    serde_json::from_str(text).unwrap_or_default()
}

/// The version-2 base of a preset as JSON fields (the file base's for a preset without
/// one).
fn preset_fields_v2(preset: &str) -> Map<String, Value> {
    PRESETS_V2
        .iter()
        .find(|(name, _)| *name == preset)
        .map_or_else(|| file_v2().clone(), |(_, text)| object(text))
}

/// The frozen base of a scenario file of `list`'s version, as JSON fields.
fn file_base(list: &[(&str, &str)]) -> Map<String, Value> {
    let text = list
        .iter()
        .find(|(name, _)| *name == FILE_PRESET)
        .map_or("{}", |(_, text)| text);
    let mut base = object(text);
    base.insert("targets".into(), Value::Array(Vec::new()));
    base
}

/// The frozen base of a version-1 scenario file, as JSON fields.
fn file_v1() -> &'static Map<String, Value> {
    static BASE: OnceLock<Map<String, Value>> = OnceLock::new();
    BASE.get_or_init(|| file_base(PRESETS_V1))
}

/// The frozen base of a version-2 scenario file, as JSON fields.
fn file_v2() -> &'static Map<String, Value> {
    static BASE: OnceLock<Map<String, Value>> = OnceLock::new();
    BASE.get_or_init(|| file_base(PRESETS_V2))
}

/// The frozen defaults of a segment's coefficients in version 2, as JSON fields.
fn segment_fields_v2() -> &'static Map<String, Value> {
    static BASE: OnceLock<Map<String, Value>> = OnceLock::new();
    BASE.get_or_init(|| object(SEGMENT_V2))
}

/// The frozen defaults of a segment's coefficients in version 1, as JSON fields.
fn segment_fields_v1() -> &'static Map<String, Value> {
    static BASE: OnceLock<Map<String, Value>> = OnceLock::new();
    BASE.get_or_init(|| object(SEGMENT_V1))
}

/// A segment's omitted coefficients: `p`, `q` and `aware_share`, and (from version 2)
/// `exit_rate` and `entry_rate`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SegmentDefaults {
    /// Bass innovation coefficient.
    pub p: Param,
    /// Bass imitation coefficient.
    pub q: Param,
    /// Share of non-adopters already innovation-aware.
    pub aware_share: Param,
    /// Yearly share of firms that close (0 in version 1, which had no exit).
    #[serde(default)]
    pub exit_rate: f64,
    /// Yearly new firms as a share of firms (0 in version 1, which had no entry).
    #[serde(default)]
    pub entry_rate: f64,
}

/// Reads a frozen segment base (zeros if it were unreadable, which `tests/bases.rs` rules
/// out).
fn segment_defaults(text: &str) -> SegmentDefaults {
    serde_json::from_str(text).unwrap_or(SegmentDefaults {
        p: Param::Exact(0.0),
        q: Param::Exact(0.0),
        aware_share: Param::Exact(0.0),
        exit_rate: 0.0,
        entry_rate: 0.0,
    })
}

/// The frozen defaults of a segment's coefficients for version 1.
pub fn segment_v1() -> SegmentDefaults {
    static READ: OnceLock<SegmentDefaults> = OnceLock::new();
    *READ.get_or_init(|| segment_defaults(SEGMENT_V1))
}

/// The frozen defaults of a segment's coefficients for version 2 (files, links and
/// population CSV).
pub fn segment_v2() -> SegmentDefaults {
    static READ: OnceLock<SegmentDefaults> = OnceLock::new();
    *READ.get_or_init(|| segment_defaults(SEGMENT_V2))
}

/// Fields of a scenario whose own fields are filled one by one (the others, such as a
/// range or the list of targets, are taken whole from whichever side has them).
const NESTED: [&str; 5] = ["mix", "vouchers", "training", "pilots", "readiness"];

/// A version-1 scenario file's fields with every omitted one taken from the frozen
/// version-1 base, then migrated to the current format ([`migrate_v1`], the new fields
/// from the version-2 file base). A range given in the file is kept whole.
pub fn fill_file_v1(file: &Map<String, Value>) -> Map<String, Value> {
    let mut out = file.clone();
    fill_all(&mut out, file_v1(), segment_fields_v1());
    migrate_v1(&mut out, file_v2());
    out
}

/// A version-2 scenario file's fields with every omitted one taken from the frozen
/// version-2 base; `None` when the file omits nothing. A range given in the file is kept
/// whole (its omitted `mode` stays omitted).
pub fn fill_file_v2(file: &Map<String, Value>) -> Option<Map<String, Value>> {
    let mut out = file.clone();
    fill_all(&mut out, file_v2(), segment_fields_v2()).then_some(out)
}

/// Fills a scenario's omitted fields, nested ones and segments' included, from a base;
/// whether it added any.
fn fill_all(
    out: &mut Map<String, Value>,
    base: &Map<String, Value>,
    segment: &Map<String, Value>,
) -> bool {
    let mut added = fill(out, base);
    for key in NESTED {
        if let (Some(Value::Object(mine)), Some(Value::Object(base))) =
            (out.get_mut(key), base.get(key))
        {
            added |= fill(mine, base);
        }
    }
    if let Some(Value::Array(segments)) = out.get_mut("segments") {
        for segment_fields in segments.iter_mut().filter_map(Value::as_object_mut) {
            added |= fill(segment_fields, segment);
        }
    }
    added
}

/// Migrates a complete version-1 scenario (as JSON fields) to version 2:
///
/// - `version` becomes 2;
/// - `pilots.half_saturation` is dropped: its meaning changed (successful pilots per
///   segment, now per 1,000 firms of the region), so the base's
///   `pilots.half_saturation_per_1000` is used;
/// - every field new in version 2 (`segment_spread`, `readiness`, `vouchers.coverage`,
///   `vouchers.value_scale_eur`, `vouchers.lapse`, `pilots.decay`,
///   `segments[].exit_rate`, `segments[].entry_rate`; `headline_year` stays omitted, the
///   horizon) comes from `base`, a version-2 base, and the segment base of version 2;
/// - every other value is kept as it is.
pub fn migrate_v1(fields: &mut Map<String, Value>, base: &Map<String, Value>) {
    fields.insert("version".into(), Value::from(FORMAT_VERSION));
    if let Some(Value::Object(pilots)) = fields.get_mut("pilots") {
        pilots.remove("half_saturation");
    }
    fill_all(fields, base, segment_fields_v2());
}

/// Migrates a version-1 link's merge patch (`x`, RFC 7396, against a version-1 base) so
/// that applied to the migrated base it gives the migrated scenario: its
/// `pilots.half_saturation` and `version` are dropped, and segments it lists whole get the
/// version-2 segment base's new fields.
pub fn migrate_v1_patch(patch: &mut Map<String, Value>) {
    patch.remove("version");
    if let Some(Value::Object(pilots)) = patch.get_mut("pilots") {
        pilots.remove("half_saturation");
    }
    if let Some(Value::Array(segments)) = patch.get_mut("segments") {
        for segment in segments.iter_mut().filter_map(Value::as_object_mut) {
            fill(segment, segment_fields_v2());
        }
    }
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
