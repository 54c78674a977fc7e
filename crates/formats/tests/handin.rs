//! Hand-in tokens: every plan written is read back the same, and any single character
//! changed, any character lost or added and any cut is refused (never half-read).
#![cfg(not(target_arch = "wasm32"))]

use adoption_formats::handin::{
    self, Entry, MAX_CODE, MAX_GROUP, Submission, read_link, read_text, read_token,
};
use adoption_formats::preset;
use proptest::prelude::*;

const BASE64URL: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

fn submission() -> impl Strategy<Value = Submission> {
    (
        (0u8..=100, 0u8..=100),
        prop_oneof![0u64..=2_000, 0u64..=10_000_000_000],
        (1990i32..=2100, 1u32..=10),
        proptest::string::string_regex(&format!("[a-z0-9-]{{1,{MAX_CODE}}}"))
            .expect("a valid pattern"),
        proptest::option::of(
            proptest::string::string_regex("[a-zA-Z0-9áéíóúñçã -]{1,12}").expect("a valid pattern"),
        ),
        any::<u64>(),
    )
        .prop_map(|((a, b), budget, (start, years), consult, group, nonce)| {
            let v = a.min(100 - b.min(100));
            let group = group
                .map(|g| g.trim().chars().take(MAX_GROUP / 2).collect::<String>())
                .filter(|g| !g.is_empty());
            Submission {
                percents: [v, b, 100 - v - b],
                budget_eur: budget,
                start_year: start,
                programme_years: years,
                consult,
                group,
                nonce,
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn a_plan_written_is_read_back_the_same(s in submission()) {
        let link = s.link("https://example.org/sim/");
        prop_assert!(link.len() <= 120, "{}", link.len());
        prop_assert_eq!(read_link(&link), Ok(s.clone()));
        prop_assert_eq!(read_token(&s.token()), Ok(s));
    }

    #[test]
    fn any_single_character_changed_is_refused(
        s in submission(),
        at in any::<prop::sample::Index>(),
        to in any::<prop::sample::Index>(),
    ) {
        let token = s.token();
        let i = at.index(token.len());
        let mut bytes = token.clone().into_bytes();
        let mut c = BASE64URL[to.index(BASE64URL.len())];
        if c == bytes[i] {
            c = if c == b'A' { b'B' } else { b'A' };
        }
        bytes[i] = c;
        let changed = String::from_utf8(bytes).unwrap();
        prop_assert!(read_token(&changed).is_err(), "{token} -> {changed}");
        // Any other character (a space, a dot, a letter from elsewhere) too.
        let mut other = token.clone();
        other.replace_range(i..=i, ".");
        prop_assert!(read_token(&other).is_err());
    }

    #[test]
    fn any_cut_lost_or_added_character_is_refused(
        s in submission(),
        at in any::<prop::sample::Index>(),
        add in any::<prop::sample::Index>(),
    ) {
        let token = s.token();
        let i = at.index(token.len());
        prop_assert!(read_token(&token[..i]).is_err(), "cut at {i}");
        let mut lost = token.clone();
        lost.remove(i);
        prop_assert!(read_token(&lost).is_err(), "lost {i}");
        let mut added = token.clone();
        added.insert(i, char::from(BASE64URL[add.index(BASE64URL.len())]));
        prop_assert!(read_token(&added).is_err(), "added at {i}");
    }

    #[test]
    fn any_text_never_panics_and_counts_only_sound_tokens(text in ".{0,400}") {
        let read = read_text(&text, Some("x")).unwrap();
        for f in &read.found {
            if let Entry::Valid(s) = &f.entry {
                prop_assert_eq!(&s.consult, "x");
            }
        }
    }
}

#[test]
fn every_preset_hands_in() {
    for p in preset::PRESETS {
        let scenario = p.scenario();
        let s = Submission::from_scenario(&scenario, "demo", Some("Norte"), 7).unwrap();
        assert_eq!(s.percents.iter().map(|&p| u32::from(p)).sum::<u32>(), 100);
        assert_eq!(s.budget_eur as f64, scenario.budget_eur.round());
        let link = s.link("https://example.org/sim/?lang=es");
        assert!(link.contains("?lang=es&h="), "{link}");
        assert_eq!(read_link(&link), Ok(s));
    }
    let mut bad = preset::PRESETS[0].scenario();
    bad.budget_eur = f64::NAN;
    assert_eq!(
        Submission::from_scenario(&bad, "demo", None, 1)
            .unwrap_err()
            .key,
        adoption_formats::message::Key::HandinBudget
    );
    assert!(handin::code("demo!").is_err());
}
