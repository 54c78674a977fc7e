//! Structure-aware mutations of links: the query's parts changed, dropped, repeated or
//! added; values replaced with extremes and garbage; the patch `x` decoded, mutated as
//! JSON and encoded again (or damaged); the whole written with or without percent
//! encoding, as a bare query or inside a full address.

use base64::Engine;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};

use adoption_formats::bases;
use adoption_formats::link::PAGE_KEYS;

use crate::mutate::{EXTREMES, odd_text};
use crate::rng::Rng;
use crate::{json, mutate};

/// The keys a link may carry (the link module's own list is private; these are the keys
/// its documentation gives), and a few near misses.
const KEYS: &[&str] = &[
    "v", "preset", "budget", "mix", "years", "prog", "runs", "seed", "x", "V", "x ", "",
];

/// Percent-encoding and separator garbage.
pub const TOKENS: &[&str] = &[
    "&", "=", "?", "#", "+", "%", "%2", "%G1", "%FF%FE", "%00", "%25", "%26", "%3D", "%C3%28",
    "%E2%82", "&&", "==", "v=1", "v=2", "x=", "mix=", ";", "%0A",
];

/// One to four mutations of a link's parts, then, sometimes, of its bytes.
pub fn mutate(rng: &mut Rng, text: &str, names: &[String], donor: &str) -> String {
    let query = adoption_formats::link::query_of(text);
    let mut pairs: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    for _ in 0..rng.length(4) {
        mutate_pair(rng, &mut pairs, names, donor);
    }
    let mut out = if rng.one_in(3) {
        // Written by hand: no encoding, so `&`, `=`, `%` and spaces stay as they are.
        pairs
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("&")
    } else {
        let mut s = form_urlencoded::Serializer::new(String::new());
        s.extend_pairs(pairs.iter());
        s.finish()
    };
    match rng.below(6) {
        0 => out = format!("https://example.org/sim/?{out}#results"),
        1 => out = format!("?{out}"),
        _ => {}
    }
    out
}

fn mutate_pair(rng: &mut Rng, pairs: &mut Vec<(String, String)>, names: &[String], donor: &str) {
    let i = rng.below(pairs.len());
    match rng.below(8) {
        0 | 1 if !pairs.is_empty() => {
            let key = pairs[i].0.clone();
            pairs[i].1 = value_for(rng, &key, names, donor, &pairs[i].1);
        }
        2 if !pairs.is_empty() => {
            pairs.remove(i);
        }
        3 if !pairs.is_empty() => {
            let copy = pairs[i].clone();
            pairs.insert(rng.below(pairs.len() + 1), copy);
        }
        4 => {
            let key = if rng.one_in(3) {
                rng.pick(&PAGE_KEYS).to_string()
            } else if rng.one_in(2) {
                odd_text(rng)
            } else {
                rng.pick(KEYS).to_string()
            };
            let value = value_for(rng, &key, names, donor, "");
            pairs.insert(rng.below(pairs.len() + 1), (key, value));
        }
        5 if pairs.len() > 1 => {
            let j = rng.below(pairs.len());
            pairs.swap(i, j);
        }
        _ => {
            let value = value_for(rng, "x", names, donor, "");
            pairs.push(("x".into(), value));
        }
    }
}

/// A new value for a part: one that fits its key, an extreme, or garbage.
fn value_for(rng: &mut Rng, key: &str, names: &[String], donor: &str, old: &str) -> String {
    if rng.one_in(4) {
        return match rng.below(3) {
            0 => rng.pick(EXTREMES).to_string(),
            1 => odd_text(rng),
            _ => String::new(),
        };
    }
    match key {
        "v" => rng
            .pick(&["1", "2", "3", "0", "", "-1", "2.0", " 2", "02"])
            .to_string(),
        "preset" => {
            let v1: Vec<&str> = bases::preset_names(1).collect();
            let v2: Vec<&str> = bases::preset_names(2).collect();
            match rng.below(3) {
                0 => rng.pick(&v1).to_string(),
                1 => rng.pick(&v2).to_string(),
                _ => odd_text(rng),
            }
        }
        "mix" => {
            const PERCENTS: &[&str] =
                &["0", "20", "33", "34", "40", "50", "100", "101", "-5", "1e2"];
            let sep = *rng.pick(&["-", " ", "_", "--"]);
            let mut n = || rng.pick(PERCENTS).to_string();
            [n(), n(), n()].join(sep)
        }
        "x" => patch(rng, old, names, donor),
        _ => {
            let mut bytes = old.as_bytes().to_vec();
            mutate::replace_number(rng, &mut bytes);
            String::from_utf8_lossy(&bytes).into_owned()
        }
    }
}

/// The patch `x`: the old one (or a part of a scenario) mutated as JSON and encoded, or
/// encoded wrongly, cut short, or padded.
fn patch(rng: &mut Rng, old: &str, names: &[String], donor: &str) -> String {
    let decoded = URL_SAFE_NO_PAD
        .decode(old.as_bytes())
        .ok()
        .and_then(|b| String::from_utf8(b).ok())
        .filter(|t| t.starts_with('{'));
    let start = decoded.unwrap_or_else(|| fields_of(rng, donor));
    let text = json::mutate(rng, &start, names, donor).unwrap_or(start);
    let mut encoded = if rng.one_in(8) {
        STANDARD.encode(&text)
    } else {
        URL_SAFE_NO_PAD.encode(&text)
    };
    match rng.below(8) {
        0 => encoded.truncate(rng.below(encoded.len() + 1)),
        1 => encoded.push_str("=="),
        2 => encoded.insert(rng.below(encoded.len() + 1), '*'),
        _ => {}
    }
    encoded
}

/// A new patch: a few fields of a scenario, as a link changes a few (all of them one time
/// in eight: a patch of every field is read field by field, the reader's slowest path).
fn fields_of(rng: &mut Rng, scenario: &str) -> String {
    let Ok(serde_json::Value::Object(all)) = serde_json::from_str(scenario) else {
        return scenario.to_string();
    };
    if rng.one_in(8) {
        return scenario.to_string();
    }
    let keys: Vec<&String> = all.keys().collect();
    let mut patch = serde_json::Map::new();
    for _ in 0..rng.length(4) {
        let key = rng.pick(&keys);
        patch.insert((*key).clone(), all[*key].clone());
    }
    serde_json::Value::Object(patch).to_string()
}
