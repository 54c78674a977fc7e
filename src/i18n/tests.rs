//! Every language is complete: each test runs over [`Lang::ALL`], so a new language is
//! checked as soon as its line is in the list.

use super::*;

/// Whether a language is the one the model and the presets are written in: it words
/// every message with the model's own English templates.
fn is_source(lang: Lang) -> bool {
    let t = lang.texts();
    Key::ALL.iter().all(|k| (t.messages)(*k) == k.english())
}

#[test]
fn codes_parse_loosely() {
    assert_eq!(Lang::from_code("es-ES"), Some(Lang::Es));
    assert_eq!(Lang::from_code("EN_gb"), Some(Lang::En));
    assert_eq!(Lang::from_code("pt"), Some(Lang::Pt));
    assert_eq!(Lang::from_code("pt-BR"), Some(Lang::Pt));
    assert_eq!(Lang::from_code("pt-PT"), Some(Lang::Pt));
    assert_eq!(Lang::from_code("fr"), None);
    assert_eq!(Lang::from_code(""), None);
}

#[test]
fn each_language_has_its_own_code() {
    for (i, lang) in Lang::ALL.iter().enumerate() {
        assert_eq!(Lang::from_code(lang.code()), Some(*lang));
        assert!(Lang::ALL[..i].iter().all(|o| o.code() != lang.code()));
        assert!(
            Lang::ALL[..i]
                .iter()
                .all(|o| o.texts().language_name != lang.texts().language_name)
        );
    }
}

#[test]
fn every_language_fills_every_text() {
    for lang in Lang::ALL {
        let t = lang.texts();
        assert!(!t.title.is_empty() && !t.language_name.is_empty());
        assert!(t.instruments.iter().all(|s| !s.is_empty()));
        assert!(t.instrument_help.iter().all(|s| !s.is_empty()));
        assert!(t.assumption_labels.iter().all(|s| !s.is_empty()));
        assert!(t.assumption_sources.iter().all(|s| !s.is_empty()));
        assert!(t.old_work.iter().all(|s| !s.is_empty()));
        assert!(lang.counts(t.buys, &[1, 2, 1_000_003]).contains("003"));
    }
}

/// Every template of the page's texts, named.
fn templates(t: &Texts) -> Vec<(&'static str, Template)> {
    vec![
        ("hold_share", t.hold_share),
        ("buys", t.buys),
        ("unspent", t.unspent),
        ("range", t.range),
        ("results_heading", t.results_heading),
        ("announce_headline", t.announce_headline),
        ("additional_explainer", t.additional_explainer),
        ("interval", t.interval),
        ("with_without", t.with_without),
        ("reached_detail", t.reached_detail),
        ("spend", t.spend),
        ("target_chance", t.target_chance),
        ("target_baseline", t.target_baseline),
        ("chart_title", t.chart_title),
        ("point_label", t.point_label),
        ("table_caption", t.table_caption),
        ("computing_partial", t.computing_partial),
        ("based_on", t.based_on),
        ("failed", t.failed),
        ("clamped", t.clamped),
        ("exact_value", t.exact_value),
        ("notice_store_unreadable", t.notice_store_unreadable),
        ("notice_store_some", t.notice_store_some),
        ("notice_imported", t.notice_imported),
        ("default_name", t.default_name),
        ("restore", t.restore),
        ("rename", t.rename),
        ("delete", t.delete),
        ("compare_this", t.compare_this),
        ("remove_target", t.remove_target),
        ("summary_adds", t.summary_adds),
        ("summary_none", t.summary_none),
        ("summary_spend", t.summary_spend),
        ("summary_cost", t.summary_cost),
        ("deadweight_detail", t.deadweight_detail),
        ("adopter_years", t.adopter_years),
        ("cost_per_adopter_year", t.cost_per_adopter_year),
        ("unspent_by[0]", t.unspent_by[0]),
        ("unspent_by[1]", t.unspent_by[1]),
        ("unspent_by[2]", t.unspent_by[2]),
        ("brief_about", t.brief_about),
        ("notice_old_model", t.notice_old_model),
        ("summary_years", t.summary_years),
        ("summary_target", t.summary_target),
        ("brief_plan", t.brief_plan),
        ("brief_made", t.brief_made),
    ]
}

#[test]
fn every_language_keeps_every_placeholder_of_every_template() {
    let english = templates(Lang::En.texts());
    for lang in Lang::ALL {
        for ((name, ours), (_, theirs)) in templates(lang.texts()).into_iter().zip(&english) {
            let (mut a, mut b) = (placeholders(ours), placeholders(theirs));
            a.sort_unstable();
            b.sort_unstable();
            assert_eq!(a, b, "{lang:?} {name}: {ours:?}");
        }
    }
}

#[test]
fn every_language_words_the_facilitators_view_with_every_placeholder() {
    let english = Lang::En.facilitate().all();
    for lang in Lang::ALL {
        for ((name, ours), (_, theirs)) in lang.facilitate().all().into_iter().zip(&english) {
            assert!(!ours.trim().is_empty(), "{lang:?} {name}");
            let (mut a, mut b) = (placeholders(ours), placeholders(theirs));
            a.sort_unstable();
            b.sort_unstable();
            assert_eq!(a, b, "{lang:?} {name}: {ours:?}");
        }
    }
}

#[test]
fn templates_fill_in_order_and_count_by_the_plural_rule() {
    let t = Lang::En.texts();
    assert_eq!(
        fill(t.with_without, &["12.5%", "10.0%"]),
        "12.5% with the plan, 10.0% without"
    );
    // A user's words are written as they are, never read as placeholders.
    assert_eq!(
        fill(t.restore, &["{1} {0|a|b} {"]),
        "Open \"{1} {0|a|b} {\""
    );
    assert_eq!(
        Lang::En.counts(t.buys, &[1, 12_345, 0]),
        "= 1 voucher · 12,345 training actions · 0 pilots"
    );
    assert_eq!(
        Lang::Pt.counts(Lang::Pt.texts().buys, &[2, 1, 12_345]),
        "= 2 vales · 1 ação de formação · 12\u{a0}345 projetos-piloto"
    );
}

#[test]
fn every_language_words_every_model_message_with_its_values() {
    for lang in Lang::ALL {
        let t = lang.texts();
        let source = is_source(*lang);
        for key in Key::ALL {
            let (english, ours) = (key.english(), (t.messages)(*key));
            assert!(!ours.trim().is_empty(), "{lang:?} {key:?}");
            // Only values the message has (a translation may leave out the JSON
            // reader's English words).
            let known = placeholders(english);
            for i in placeholders(ours) {
                assert!(known.contains(&i), "{lang:?} {key:?}: {{{i}}} in {ours:?}");
            }
            if !source {
                assert_ne!(ours, english, "{lang:?} {key:?} is not translated");
            }
        }
    }
}

/// Every English word a preset carries, with where it comes from.
fn preset_words() -> Vec<(String, String)> {
    let mut words = Vec::new();
    for p in PRESETS {
        let s = p.scenario();
        let mut add = |what: &str, text: &str| {
            words.push((format!("{} {what}", p.name), text.to_string()));
        };
        add("name", &s.name);
        add("description", &s.description);
        add("technology", &s.technology);
        for seg in &s.segments {
            add("segment", &seg.name);
        }
        for t in &s.targets {
            add("target label", &t.label);
        }
        add("summary", p.summary);
        add("sources", p.sources);
    }
    words
}

#[test]
fn every_language_translates_every_preset_word() {
    for lang in Lang::ALL.iter().filter(|l| !is_source(**l)) {
        let data = lang.texts().data;
        for (what, english) in preset_words() {
            let found = data.iter().find(|(k, _)| *k == super::key(&english));
            assert!(
                found.is_some(),
                "{lang:?}: no translation of {what}: {english:?}"
            );
            assert!(
                !found
                    .map(|(_, ours)| ours.trim().is_empty())
                    .unwrap_or(true),
                "{lang:?}: empty translation of {what}"
            );
        }
    }
}

#[test]
fn each_english_text_is_listed_once() {
    for lang in Lang::ALL {
        let data = lang.texts().data;
        for (i, (k, ours)) in data.iter().enumerate() {
            assert!(
                data[..i].iter().all(|(o, _)| o != k),
                "{lang:?}: the English of {ours:?} twice"
            );
        }
    }
}

#[test]
fn no_two_preset_words_share_a_key() {
    let words = preset_words();
    for (i, (what, english)) in words.iter().enumerate() {
        for (other, text) in &words[..i] {
            assert!(
                text == english || super::key(text) != super::key(english),
                "{what} and {other} share a key"
            );
        }
    }
}

#[test]
fn a_listed_word_is_only_ever_a_preset_word() {
    // Every entry translates an English text some preset carries: none is stale.
    let keys: Vec<u32> = preset_words()
        .iter()
        .map(|(_, english)| super::key(english))
        .collect();
    for lang in Lang::ALL {
        for (k, ours) in lang.texts().data {
            assert!(
                keys.contains(k),
                "{lang:?}: {ours:?} translates no preset word"
            );
        }
    }
}

#[test]
fn model_messages_read_with_each_languages_numbers() {
    let m = Message::new(
        Key::Field,
        [
            Arg::text("budget_eur"),
            Message::new(
                Key::BetweenGot,
                [Arg::Number(0.0), Arg::Number(1e9), Arg::Number(2.5)],
            )
            .into(),
        ],
    );
    assert_eq!(
        say(&m, Lang::Es),
        "campo `budget_eur`: debe estar entre 0 y 1.000.000.000 (se encontró 2,5)"
    );
    assert_eq!(
        say(&m, Lang::En),
        "field `budget_eur`: must be between 0 and 1,000,000,000 (got 2.5)"
    );
    assert_eq!(
        say(&m, Lang::Pt),
        "campo `budget_eur`: deve estar entre 0 e 1\u{a0}000\u{a0}000\u{a0}000 (encontrado: 2,5)"
    );
    let rows = Message::new(Key::RowWidth, [Arg::Count(1), Arg::Count(3)]);
    assert_eq!(
        say(&rows, Lang::Es),
        "esta línea tiene 1 celda pero la cabecera tiene 3 columnas"
    );
    let many = Message::new(
        Key::AdoptersMoreThanFirms,
        [Arg::Count(5000), Arg::Count(1200)],
    );
    assert_eq!(
        say(&many, Lang::Es),
        "5000 es más que las 1200 empresas del segmento"
    );
}
