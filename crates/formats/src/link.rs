//! Links that carry a scenario: compact, versioned, and exact.
//!
//! A link is the query string of the page's address, e.g.
//! `?v=2&preset=cantabria&budget=2000000&mix=50-20-30&runs=1000&seed=2025&x=eyJ5Z…`:
//!
//! | Key | Meaning |
//! |---|---|
//! | `v` | link format version (this module writes 2 and reads 1 and 2) |
//! | `preset` | the scenario the link starts from (its frozen base, see below) |
//! | `budget`, `mix`, `years`, `prog` | budget (EUR), mix in whole percents `v-t-p`, horizon, programme years: only when they differ from the base |
//! | `runs`, `seed` | always written, so a link reproduces its exact figures |
//! | `x` | everything else that differs from the base (every field of the scenario format, those new in format 2 included), as a JSON merge patch (RFC 7396) in base64url |
//!
//! **Exactness across releases.** A link is read against the *frozen* base of its preset
//! for its format version (`crates/formats/bases/vN/*.json`, see [`crate::bases`]): these
//! files never change, so a link made today gives the same scenario after the presets are
//! revised. A version-1 link is read against its version-1 base and migrated to format 2
//! ([`bases::migrate_v1`], its patch with [`bases::migrate_v1_patch`]); its figures then
//! come from model 2 ([`LinkRead::from_version`] says so). Stored fixtures test both
//! (`tests/links.rs`, `tests/fixtures/v1/`).
//!
//! **Bad links.** [`read`] never fails: it keeps every part it can use and reports each
//! part it could not, in words (a truncated or tampered link, an unknown version or preset,
//! values out of range).

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde_json::{Map, Value};

use adoption_model::decimal::display;
use adoption_model::scenario::FORMAT_VERSION;
use adoption_model::{Instrument, Scenario};

use crate::bases::{self, PRESETS_V2};
use crate::message::{Arg, CLIP_LINK, Key, Message, clip};
use crate::scenario::{ScenarioJson, from_json, from_json_unchecked};

/// The link format this module writes (the scenario format's version).
pub const LINK_VERSION: u64 = FORMAT_VERSION;

/// Keys the page adds for itself (not part of the scenario); they are left alone.
/// A consultation's set-up keys ([`crate::consultation::KEYS`]) are among them.
pub const PAGE_KEYS: [&str; 8] = [
    "lang", "embed", "ro", "view", "consult", "lock", "q", "groups",
];

/// One part of a link that could not be used.
#[derive(Clone, Debug, PartialEq)]
pub struct LinkProblem {
    /// The part of the link (its key, or a field inside `x`).
    pub part: String,
    /// What was wrong.
    pub message: Message,
}

impl LinkProblem {
    /// The problem with the part it is about, as one message.
    pub fn located(&self) -> Message {
        Message::new(
            Key::LinkPart,
            [
                Arg::Text(self.part.clone()),
                Arg::Part(Box::new(self.message.clone())),
            ],
        )
    }
}

impl std::fmt::Display for LinkProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.located().fmt(f)
    }
}

/// What reading a link gave.
#[derive(Clone, Debug, PartialEq)]
pub struct LinkRead {
    /// The scenario: the link's, with its unusable parts left at the base's values.
    pub scenario: Scenario,
    /// The preset it starts from.
    pub preset: String,
    /// The parts that could not be used (empty for a good link).
    pub problems: Vec<LinkProblem>,
    /// The link's format version: 1 for a link made with model 1 (migrated; its figures
    /// now come from model 2), [`LINK_VERSION`] for a current link, a link without `v`
    /// and a link of an unknown version (which shows the reference scenario).
    pub from_version: u64,
}

/// The frozen base scenario of a preset for a link version this module reads (format 1's
/// migrated to format 2).
fn base(version: u64, preset: &str) -> Option<Scenario> {
    match version {
        1 => bases::preset_v1(preset),
        _ => bases::preset_v2(preset),
    }
}

/// The reference preset's current frozen base (the live preset only if the frozen file
/// were unreadable, which its tests rule out).
fn reference_base() -> Scenario {
    bases::preset_v2(bases::FILE_PRESET).unwrap_or_else(|| crate::preset::PRESETS[0].scenario())
}

/// The query string (after `?`, before `#`) of a full link, or the text itself when it
/// has no `?`.
pub fn query_of(link: &str) -> &str {
    let without_fragment = link.split('#').next().unwrap_or("");
    match without_fragment.split_once('?') {
        Some((_, query)) => query,
        None => without_fragment,
    }
}

/// The keys of a scenario link.
const LINK_KEYS: [&str; 9] = [
    "v", "preset", "budget", "mix", "years", "prog", "runs", "seed", "x",
];

/// Whether a query string carries a scenario link (has any of its keys; the page's own
/// keys, such as `lang`, alone do not make one).
pub fn is_link(query: &str) -> bool {
    form_urlencoded::parse(query.trim_start_matches('?').as_bytes())
        .any(|(k, _)| LINK_KEYS.contains(&k.as_ref()))
}

/// The link query string for a scenario: written against the frozen base of the preset
/// it comes from (the one with its name), so the page opens on that preset; for a
/// scenario of its own, against whichever base gives the shortest link.
pub fn write(scenario: &Scenario) -> String {
    let same_name = PRESETS_V2
        .iter()
        .find(|(name, _)| bases::preset_v2(name).is_some_and(|b| b.name == scenario.name));
    match same_name {
        Some((name, _)) => write_from(scenario, name),
        None => PRESETS_V2
            .iter()
            .map(|(name, _)| write_from(scenario, name))
            .min_by_key(|q| q.len())
            .unwrap_or_default(),
    }
}

/// The link query string for a scenario, written against the frozen base of `preset`
/// (the reference preset's when `preset` has none).
pub fn write_from(scenario: &Scenario, preset: &str) -> String {
    let (preset, mut base) = match bases::preset_v2(preset) {
        Some(base) => (preset, base),
        None => (bases::FILE_PRESET, reference_base()),
    };
    let mut out = form_urlencoded::Serializer::new(String::new());
    out.append_pair("v", &LINK_VERSION.to_string());
    out.append_pair("preset", preset);
    if scenario.budget_eur != base.budget_eur {
        out.append_pair("budget", &display(scenario.budget_eur));
        base.budget_eur = scenario.budget_eur;
    }
    if let Some(p) = whole_percents(scenario).filter(|_| scenario.mix != base.mix) {
        out.append_pair("mix", &format!("{}-{}-{}", p[0], p[1], p[2]));
        base.mix = scenario.mix;
    }
    if scenario.years != base.years {
        out.append_pair("years", &scenario.years.to_string());
        base.years = scenario.years;
    }
    if scenario.programme_years != base.programme_years {
        out.append_pair("prog", &scenario.programme_years.to_string());
        base.programme_years = scenario.programme_years;
    }
    out.append_pair("runs", &scenario.runs.to_string());
    out.append_pair("seed", &scenario.seed.to_string());
    base.runs = scenario.runs;
    base.seed = scenario.seed;
    let (Some(from), Some(to)) = (as_value(&base), as_value(scenario)) else {
        return out.finish();
    };
    if let Some(patch) = diff(&from, &to) {
        out.append_pair("x", &URL_SAFE_NO_PAD.encode(patch.to_string()));
    }
    out.finish()
}

/// The mix as whole percents, when it is exactly that.
fn whole_percents(s: &Scenario) -> Option<[u32; 3]> {
    let shares = s.mix.shares();
    let p = shares.map(|v| (v * 100.0).round());
    let exact = shares.iter().zip(&p).all(|(v, p)| p / 100.0 == *v);
    (exact && p.iter().sum::<f64>() == 100.0).then(|| p.map(|v| v as u32))
}

/// Reads a link's query string. Never fails: unusable parts are reported and left at the
/// base's values.
pub fn read(query: &str) -> LinkRead {
    let link = Parts::parse(query);
    let mut problems = Problems::default();

    // A link without a version is one typed by hand (`?preset=murcia`): every link this
    // simulator writes carries `v`, so it is read as the current format.
    let version = match link.get("v").map(str::parse::<u64>) {
        None => LINK_VERSION,
        Some(Ok(v)) if (bases::OLDEST_VERSION..=LINK_VERSION).contains(&v) => v,
        Some(_) => {
            let other = link.get("v").unwrap_or_default();
            problems.add(
                "v",
                Message::new(
                    Key::LinkVersion,
                    [
                        Arg::Text(clip(other, CLIP_LINK)),
                        Arg::Plain(LINK_VERSION as i64),
                    ],
                ),
            );
            return LinkRead {
                scenario: reference_base(),
                preset: bases::FILE_PRESET.into(),
                problems: problems.0,
                from_version: LINK_VERSION,
            };
        }
    };

    let (preset, base) = starting_base(&link, version, &mut problems);
    let patch = match link.get("x").map(decode_patch) {
        Some(Err(message)) => {
            problems.add("x", message);
            None
        }
        Some(Ok(mut patch)) => {
            if version < LINK_VERSION {
                bases::migrate_v1_patch(&mut patch);
            }
            Some(patch)
        }
        None => None,
    };
    // The whole link at once first: parts can depend on each other (a shorter horizon
    // and the targets that fit it).
    let scenario = match read_whole(&link, &base, patch.as_ref()) {
        Some(s) => s,
        None => read_part_by_part(&link, base, patch.as_ref(), &mut problems),
    };
    for (key, value) in &link.pairs {
        if !LINK_KEYS.contains(&key.as_str()) && !PAGE_KEYS.contains(&key.as_str()) {
            // A part without a name (`&=2`, found by the fuzzer) is named by its value.
            let part = if key.is_empty() {
                format!("={value}")
            } else {
                key.clone()
            };
            problems.add(&clip(&part, CLIP_LINK), Key::LinkUnknownPart.into());
        }
    }
    LinkRead {
        scenario,
        preset,
        problems: problems.0,
        from_version: version,
    }
}

/// A link's key-value pairs, in order (also a consultation's set-up keys,
/// [`crate::consultation`]).
pub(crate) struct Parts {
    pairs: Vec<(String, String)>,
}

impl Parts {
    pub(crate) fn parse(query: &str) -> Parts {
        Parts {
            pairs: form_urlencoded::parse(query.trim_start_matches('?').as_bytes())
                .map(|(k, v)| (k.into_owned(), v.into_owned()))
                .collect(),
        }
    }

    /// A key's value; the last one when it is given twice.
    pub(crate) fn get(&self, key: &str) -> Option<&str> {
        self.pairs
            .iter()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

/// The parts that could not be used, in the order found.
#[derive(Default)]
pub(crate) struct Problems(pub(crate) Vec<LinkProblem>);

impl Problems {
    pub(crate) fn add(&mut self, part: &str, message: Message) {
        self.0.push(LinkProblem {
            part: part.to_string(),
            message,
        });
    }
}

/// The preset a link names and its frozen base for the link's version (the reference's,
/// reported, when the preset has none: unknown, or newer than a version-1 link).
fn starting_base(link: &Parts, version: u64, problems: &mut Problems) -> (String, Scenario) {
    let name = link.get("preset").unwrap_or(bases::FILE_PRESET);
    match base(version, name) {
        Some(base) => (name.to_string(), base),
        None => {
            problems.add(
                "preset",
                Message::new(Key::LinkPreset, [Arg::Text(clip(name, CLIP_LINK))]),
            );
            let reference = base(version, bases::FILE_PRESET).unwrap_or_else(reference_base);
            (bases::FILE_PRESET.to_string(), reference)
        }
    }
}

/// Sets one readable part of a link on a scenario.
type Setter = fn(&mut Scenario, &str) -> Result<(), Message>;

/// The parts read on their own (a part that does not read is reported), in order.
const READABLE: [(&str, Setter); 6] = [
    ("budget", |s, v| {
        s.budget_eur = number(v)?;
        Ok(())
    }),
    ("mix", read_mix),
    ("years", |s, v| {
        s.years = whole_u32(v)?;
        s.programme_years = s.programme_years.min(s.years.max(1));
        Ok(())
    }),
    ("prog", |s, v| {
        s.programme_years = whole_u32(v)?;
        Ok(())
    }),
    ("runs", |s, v| {
        s.runs = whole_u32(v)?;
        Ok(())
    }),
    ("seed", |s, v| {
        s.seed = whole(v)?;
        Ok(())
    }),
];

/// `mix=40-20-40`: three whole percents that add up to 100.
fn read_mix(s: &mut Scenario, v: &str) -> Result<(), Message> {
    let parts: Vec<&str> = v.split(['-', ' ', '_']).collect();
    let [a, b, c] = parts.as_slice() else {
        return Err(Message::new(
            Key::LinkMixShape,
            [Arg::Text(clip(v, CLIP_LINK))],
        ));
    };
    let p = [whole(a)?, whole(b)?, whole(c)?];
    // Checked: three huge numbers must not overflow into 100 (found by the fuzzer).
    if p.iter().try_fold(0u64, |sum, v| sum.checked_add(*v)) != Some(100) {
        return Err(Message::new(
            Key::LinkMixSum,
            [Arg::Text(clip(v, CLIP_LINK))],
        ));
    }
    for (instrument, percent) in Instrument::ALL.into_iter().zip(p) {
        s.mix.set_share(instrument, percent as f64 / 100.0);
    }
    Ok(())
}

/// Every part and the patch at once, if together they make a valid scenario.
fn read_whole(
    link: &Parts,
    base: &Scenario,
    patch: Option<&Map<String, Value>>,
) -> Option<Scenario> {
    let mut whole = base.clone();
    for (key, set) in READABLE {
        if let Some(value) = link.get(key) {
            set(&mut whole, value).ok()?;
        }
    }
    let whole = match patch {
        Some(p) => patched(&whole, p)?,
        None => whole,
    };
    whole.validate().is_ok().then_some(whole)
}

/// Something does not fit: keeps, part by part, whatever keeps the scenario valid, and
/// reports the rest.
fn read_part_by_part(
    link: &Parts,
    mut scenario: Scenario,
    patch: Option<&Map<String, Value>>,
    problems: &mut Problems,
) -> Scenario {
    for (key, set) in READABLE {
        let Some(value) = link.get(key) else { continue };
        let mut next = scenario.clone();
        match set(&mut next, value).and_then(|()| next.validate().map_err(|e| Message::from(&e))) {
            Ok(()) => scenario = next,
            Err(message) => problems.add(key, message),
        }
    }
    if let Some(patch) = patch {
        apply_patch(&mut scenario, patch, &mut |part, message| {
            problems.add(part, message)
        });
    }
    scenario
}

/// Decodes the `x` part: base64url of a JSON object.
fn decode_patch(x: &str) -> Result<Map<String, Value>, Message> {
    let damaged = || Message::from(Key::LinkDamaged);
    let bytes = URL_SAFE_NO_PAD
        .decode(x.trim_end_matches('=').as_bytes())
        .map_err(|_| damaged())?;
    let text = String::from_utf8(bytes).map_err(|_| damaged())?;
    match serde_json::from_str::<Value>(&text) {
        Ok(Value::Object(map)) => Ok(map),
        _ => Err(damaged()),
    }
}

/// The scenario with a whole merge patch applied, if it still reads as a scenario.
fn patched(scenario: &Scenario, patch: &Map<String, Value>) -> Option<Scenario> {
    let mut value = as_value(scenario)?;
    merge(&mut value, &Value::Object(patch.clone()));
    from_json_unchecked(&value.to_string()).ok()
}

/// Applies a merge patch field by field, keeping each top-level field only if the
/// scenario stays valid with it, in the scenario's field order.
fn apply_patch(
    scenario: &mut Scenario,
    patch: &Map<String, Value>,
    problem: &mut impl FnMut(&str, Message),
) {
    let order = [
        "name",
        "description",
        "region",
        "technology",
        "start_year",
        "years",
        "programme_years",
        "runs",
        "seed",
        "budget_eur",
        "mix",
        "segments",
        "segment_spread",
        "readiness",
        "vouchers",
        "training",
        "pilots",
        "targets",
        "headline_year",
        "version",
    ];
    // The known keys in their order, then any other in the patch's (no sort: each one
    // instantiated costs the page ~1 KB).
    let known = order
        .iter()
        .filter_map(|o| patch.get_key_value(*o).map(|(k, _)| k));
    let others = patch.keys().filter(|k| !order.contains(&k.as_str()));
    for key in known.chain(others) {
        let Some(mut value) = as_value(scenario) else {
            return;
        };
        let mut one = Map::new();
        one.insert(key.clone(), patch[key].clone());
        merge(&mut value, &Value::Object(one));
        match from_json(&value.to_string()) {
            Ok(next) => *scenario = next,
            Err(e) => problem(
                &format!("x.{}", clip(key, CLIP_LINK)),
                Message::new(Key::LinkFieldKept, [e.message().into()]),
            ),
        }
    }
}

/// A scenario as a JSON value.
///
/// NOTE: through its text, not `serde_json::to_value`/`from_value`: those are separate
/// instantiations of the scenario's (de)serialiser, and the page's WebAssembly already
/// holds the text ones.
fn as_value(scenario: &Scenario) -> Option<Value> {
    serde_json::from_str(&scenario.to_json()).ok()
}

/// RFC 7396: the patch that turns `from` into `to` (`None` when they are equal).
fn diff(from: &Value, to: &Value) -> Option<Value> {
    match (from, to) {
        (Value::Object(a), Value::Object(b)) => {
            let mut patch = Map::new();
            for (k, bv) in b {
                match a.get(k) {
                    Some(av) => {
                        if let Some(d) = diff(av, bv) {
                            patch.insert(k.clone(), d);
                        }
                    }
                    None => {
                        patch.insert(k.clone(), bv.clone());
                    }
                }
            }
            for k in a.keys().filter(|k| !b.contains_key(*k)) {
                patch.insert(k.clone(), Value::Null);
            }
            (!patch.is_empty()).then_some(Value::Object(patch))
        }
        _ => (from != to).then(|| to.clone()),
    }
}

/// RFC 7396: applies a merge patch.
fn merge(target: &mut Value, patch: &Value) {
    let Value::Object(p) = patch else {
        *target = patch.clone();
        return;
    };
    if !target.is_object() {
        *target = Value::Object(Map::new());
    }
    if let Value::Object(t) = target {
        for (k, v) in p {
            if v.is_null() {
                t.remove(k);
            } else {
                merge(t.entry(k.clone()).or_insert(Value::Null), v);
            }
        }
    }
}

fn number(v: &str) -> Result<f64, Message> {
    adoption_model::decimal::parse(v.trim())
        .filter(|x| x.is_finite())
        .ok_or_else(|| Message::new(Key::NotANumber, [Arg::Text(clip(v, CLIP_LINK))]))
}

fn whole(v: &str) -> Result<u64, Message> {
    v.trim()
        .parse::<u64>()
        .map_err(|_| Message::new(Key::NotWhole, [Arg::Text(clip(v, CLIP_LINK))]))
}

fn whole_u32(v: &str) -> Result<u32, Message> {
    u32::try_from(whole(v)?)
        .map_err(|_| Message::new(Key::TooLarge, [Arg::Text(clip(v, CLIP_LINK))]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::preset;

    #[test]
    fn the_reference_scenario_makes_a_short_link() {
        let q = write(&preset::cantabria());
        assert_eq!(q, "v=2&preset=cantabria&runs=1000&seed=2025");
        let back = read(&q);
        assert!(back.problems.is_empty(), "{:?}", back.problems);
        assert_eq!(back.scenario, preset::cantabria());
        assert_eq!(
            write(&preset::example_region()),
            "v=2&preset=example-region&runs=1000&seed=1"
        );
    }

    #[test]
    fn every_change_round_trips_exactly() {
        let mut s = preset::cantabria();
        s.budget_eur = 2_000_000.0;
        s.mix.vouchers = 0.5;
        s.mix.training = 0.2;
        s.mix.pilots = 0.3;
        s.years = 8;
        s.programme_years = 2;
        s.seed = u64::MAX;
        s.vouchers.value_eur = 7_321.5;
        s.segments[1].q = adoption_model::Param::Exact(0.123_456_789_012_345_6);
        s.targets.clear();
        // As every scenario read from a file, a link or the page is.
        s.normalize();
        let q = write(&s);
        assert!(
            q.contains("budget=2000000") && q.contains("mix=50-20-30") && q.contains("x="),
            "{q}"
        );
        let back = read(&q);
        assert!(back.problems.is_empty(), "{:?}", back.problems);
        assert_eq!(back.scenario, s);
    }

    #[test]
    fn a_mix_that_is_not_whole_percents_travels_in_the_patch() {
        let mut s = preset::cantabria();
        s.mix.vouchers = 1.0 / 3.0;
        s.mix.training = 1.0 / 3.0;
        s.mix.pilots = 1.0 / 3.0;
        s.normalize();
        let q = write_from(&s, "cantabria");
        assert!(!q.contains("mix="));
        assert_eq!(read(&q).scenario.mix, s.mix);
    }

    #[test]
    fn bad_parts_are_reported_and_the_rest_kept() {
        let r =
            read("v=2&preset=cantabria&budget=-5&mix=50-50-50&years=7&runs=abc&seed=3&x=%%%&zzz=1");
        let parts: Vec<&str> = r.problems.iter().map(|p| p.part.as_str()).collect();
        assert_eq!(parts, ["x", "budget", "mix", "runs", "zzz"]);
        assert_eq!(r.scenario.years, 7);
        assert_eq!(r.scenario.seed, 3);
        assert_eq!(r.scenario.budget_eur, preset::cantabria().budget_eur);
        assert!(r.scenario.validate().is_ok());
    }

    #[test]
    fn unknown_versions_and_presets_fall_back_with_a_message() {
        for v in ["9", "3", "0", "two", "-1", "1.5"] {
            let r = read(&format!("v={v}&preset=cantabria&budget=1"));
            assert_eq!(r.problems[0].part, "v", "{v}");
            assert!(r.problems[0].message.to_string().contains("1 and 2"), "{v}");
            assert_eq!(r.scenario, preset::cantabria(), "{v}");
        }
        let r = read("v=2&preset=atlantis&budget=2000000");
        assert_eq!(r.problems[0].part, "preset");
        assert_eq!(r.scenario.budget_eur, 2_000_000.0);
        // No version: typed by hand, read as the current format.
        let r = read("");
        assert!(r.problems.is_empty(), "{:?}", r.problems);
        assert_eq!(r.scenario, preset::cantabria());
    }

    #[test]
    fn a_patch_field_that_breaks_the_scenario_is_dropped_alone() {
        let patch = URL_SAFE_NO_PAD
            .encode(r#"{"name":"Mine","segments":[],"vouchers":{"value_eur":5000}}"#);
        let r = read(&format!("v=2&preset=cantabria&x={patch}"));
        assert_eq!(r.scenario.name, "Mine");
        assert_eq!(r.scenario.vouchers.value_eur, 5_000.0);
        assert_eq!(r.scenario.segments, preset::cantabria().segments);
        assert_eq!(r.problems.len(), 1);
        assert_eq!(r.problems[0].part, "x.segments");
    }

    #[test]
    fn page_keys_and_full_urls_are_understood() {
        let q = query_of(
            "https://example.org/sim/?v=2&preset=example-region&runs=10&seed=1&lang=es#top",
        );
        assert_eq!(q, "v=2&preset=example-region&runs=10&seed=1&lang=es");
        let r = read(q);
        assert!(r.problems.is_empty());
        assert_eq!(r.preset, "example-region");
        assert!(is_link(q) && !is_link("lang=es"));
    }

    #[test]
    fn a_part_without_a_name_is_named_by_its_value() {
        let r = read("v=2&preset=murcia&=2&runs=10");
        let parts: Vec<&str> = r.problems.iter().map(|p| p.part.as_str()).collect();
        assert_eq!(parts, ["=2"]);
        assert_eq!(r.scenario.runs, 10);
    }

    #[test]
    fn a_mix_of_huge_numbers_is_refused_without_overflow() {
        for mix in ["40-100-18446744073709551615", "1-1-18446744073709551614"] {
            let r = read(&format!("v=2&mix={mix}"));
            let parts: Vec<&str> = r.problems.iter().map(|p| p.part.as_str()).collect();
            assert_eq!(parts, ["mix"], "{mix}");
        }
    }

    #[test]
    fn garbage_never_panics() {
        for q in [
            "v=1&x=",
            "v=1&x=e30",
            "v=1&x=W10",
            "v=1&mix=",
            "v=1&mix=1-2",
            "v=1&years=0",
            "v=1&seed=-1",
            "v=1&runs=99999999999",
            "v=1&budget=1e999",
            "v=1&x=eyJ5ZWFycyI6MH0",
            "v=1&&&==",
            "%ZZ",
            "v=1&prog=0",
        ] {
            for q in [q.to_string(), q.replace("v=1", "v=2")] {
                let r = read(&q);
                assert!(r.scenario.validate().is_ok(), "{q}");
            }
        }
    }
}
