//! The plain-language paragraph that sums up a result: read by people, and the chart's
//! text alternative. Pure, tested natively.

use adoption_model::scenario::TargetKind;
use adoption_model::summary::Headline;
use adoption_model::{Instrument, Scenario, Summary};

use crate::format;
use crate::i18n::{self, Lang};

/// One paragraph comparing the plan with no plan at the headline year, then what it adds
/// over the years, its deadweight and the money that found no takers.
pub fn paragraph(summary: &Summary, scenario: &Scenario, lang: Lang) -> String {
    let t = lang.texts();
    let h = &summary.summary;
    let n = |v: f64| format::count(v, lang);
    let extra = &h.additional_adopters;
    let (extra_s, low, high) = (n(extra.mean), n(extra.p5), n(extra.p95));
    let (share_with, share_without) = (
        format::percent(h.policy_share, 1, lang),
        format::percent(h.baseline_share, 1, lang),
    );
    // Firms close and open: the share is of the firms in business that year.
    let (firms, spent, budget) = (
        n(h.firms_then),
        format::eur(h.spend_eur, lang),
        format::eur(h.budget_eur, lang),
    );
    let technology = t.data(&scenario.technology);
    let year = h.headline_year.to_string();
    // "About 0 more firms" reads oddly: below half a firm, say the plan adds none.
    let mut text = if extra.mean >= 0.5 {
        i18n::fill(
            t.summary_adds,
            &[
                &extra_s,
                technology,
                &year,
                &low,
                &high,
                &share_with,
                &firms,
                &share_without,
            ],
        )
    } else {
        i18n::fill(
            t.summary_none,
            &[technology, &year, &share_with, &firms, &share_without],
        )
    };
    text.push_str(&i18n::fill(t.summary_spend, &[&spent, &budget]));
    match h.cost_per_additional_adopter {
        Some(c) => text.push_str(&i18n::fill(t.summary_cost, &[&format::eur(c, lang)])),
        None => text.push('.'),
    }
    let years = &h.additional_adopter_years;
    let more = (years.mean >= 0.5).then(|| {
        let horizon = h.horizon_year.to_string();
        i18n::fill(t.summary_years, &[&n(years.mean), &horizon])
    });
    for sentence in more
        .into_iter()
        .chain(deadweight(h, lang))
        .chain(unspent(h, scenario, lang))
    {
        text.push(' ');
        text.push_str(&sentence);
    }
    for target in &h.targets {
        let label = target_label(target.kind, target.value, target.year, &target.label, lang);
        let chance = format::percent(target.probability, 0, lang);
        text.push_str(&i18n::fill(t.summary_target, &[&label, &chance]));
    }
    text
}

/// The additional adopter-years to the horizon with their 90% interval, in words.
pub fn adopter_years(h: &Headline, lang: Lang) -> String {
    let (y, n) = (&h.additional_adopter_years, |v: f64| format::count(v, lang));
    let horizon = h.horizon_year.to_string();
    i18n::fill(
        lang.texts().adopter_years,
        &[&n(y.mean), &horizon, &n(y.p5), &n(y.p95)],
    )
}

/// Deadweight as three plain shares (the same year, within 3 years, by the horizon), when
/// some supported firm adopted.
pub fn deadweight(h: &Headline, lang: Lang) -> Option<String> {
    let d = &h.deadweight;
    let p = |v: f64| format::percent(v, 0, lang);
    let (same, three, all) = (p(d.same_year?), p(d.within_3_years?), p(d.by_horizon?));
    let horizon = h.horizon_year.to_string();
    Some(i18n::fill(
        lang.texts().deadweight_detail,
        &[&same, &three, &all, &horizon],
    ))
}

/// One sentence per instrument whose money found no takers: said when what is left is at
/// least one unit's cost (a smaller remainder is only what whole units leave over).
pub fn unspent(h: &Headline, s: &Scenario, lang: Lang) -> Vec<String> {
    let t = lang.texts();
    Instrument::ALL
        .iter()
        .filter_map(|&i| {
            let (left, unit) = match i {
                Instrument::Vouchers => (
                    h.unspent.vouchers,
                    s.vouchers.value_eur + s.vouchers.admin_eur,
                ),
                Instrument::Training => (h.unspent.training, s.training.cost_per_action_eur),
                Instrument::Pilots => (h.unspent.pilots, s.pilots.cost_eur),
            };
            (left > 0.0 && left >= unit)
                .then(|| i18n::fill(t.unspent_by[i.index()], &[&format::eur(left, lang)]))
        })
        .collect()
}

/// A target's label: its own (translated when known), or one made from its terms.
pub fn target_label(kind: TargetKind, value: f64, year: i32, label: &str, lang: Lang) -> String {
    let t = lang.texts();
    if !label.is_empty() {
        return t.data(label).to_string();
    }
    let threshold = match kind {
        TargetKind::AdoptionShare => format::percent(value, 0, lang),
        _ => format::count(value, lang),
    };
    let kind_name = match kind {
        TargetKind::AdditionalAdopters => t.target_kinds[0],
        TargetKind::Adopters => t.target_kinds[1],
        TargetKind::AdoptionShare => t.target_kinds[2],
    };
    format!("{kind_name} ≥ {threshold} ({year})")
}

#[cfg(test)]
mod tests {
    use super::*;
    use adoption_model::simulate;

    #[test]
    fn paragraph_states_the_headline_in_both_languages() {
        let scenario = Scenario {
            runs: 40,
            ..adoption_formats::preset::cantabria()
        };
        let summary = simulate(&scenario).unwrap();
        let en = paragraph(&summary, &scenario, Lang::En);
        let extra = format::count(summary.summary.additional_adopters.mean, Lang::En);
        assert!(
            en.contains(&format!(
                "about {extra} more firms use cloud computing services by 2035"
            )),
            "{en}"
        );
        assert!(en.contains("100 more firms on cloud by 2030"), "{en}");
        let es = paragraph(&summary, &scenario, Lang::Es);
        assert!(es.contains("servicios de computación en la nube"), "{es}");
        assert!(es.contains("\u{a0}EUR"), "{es}");
    }

    #[test]
    fn the_paragraph_says_the_headline_year_deadweight_and_money_without_takers() {
        let mut scenario = Scenario {
            runs: 40,
            headline_year: Some(2030),
            ..adoption_formats::preset::cantabria()
        };
        let summary = simulate(&scenario).unwrap();
        let h = &summary.summary;
        let en = paragraph(&summary, &scenario, Lang::En);
        assert!(
            en.contains("more firms use cloud computing services by 2030"),
            "{en}"
        );
        let years = format::count(h.additional_adopter_years.mean, Lang::En);
        assert!(
            en.contains(&format!(
                "up to 2035, the plan adds about {years} adopter-years."
            )),
            "{en}"
        );
        assert!(
            adopter_years(h, Lang::En)
                .starts_with(&format!("{years} extra adopter-years up to 2035"))
        );
        let dead = deadweight(h, Lang::Es).expect("supported firms adopted");
        assert!(
            dead.contains("el mismo año") && dead.contains("en 2035"),
            "{dead}"
        );
        // A voucher budget far beyond the applicants: its money is said to find no takers,
        // in the language's number format.
        scenario.budget_eur = 20_000_000.0;
        scenario.mix = crate::mix::mix_of([100, 0, 0]);
        let summary = simulate(&scenario).unwrap();
        let left = summary.summary.unspent.vouchers;
        assert!(left > 10_000.0, "{left}");
        let pt = unspent(&summary.summary, &scenario, Lang::Pt);
        assert_eq!(
            pt,
            vec![format!(
                "{} do orçamento dos vales não encontraram destinatários.",
                format::eur(left, Lang::Pt)
            )]
        );
        assert!(paragraph(&summary, &scenario, Lang::Pt).contains(&pt[0]));
    }

    #[test]
    fn a_plan_that_adds_nobody_says_so() {
        let scenario = Scenario {
            runs: 10,
            budget_eur: 0.0,
            ..adoption_formats::preset::cantabria()
        };
        let summary = simulate(&scenario).unwrap();
        let en = paragraph(&summary, &scenario, Lang::En);
        assert!(en.starts_with("On average the plan adds no firms"), "{en}");
        assert!(!en.contains("for each extra"), "{en}");
    }

    #[test]
    fn unlabelled_targets_get_a_label() {
        assert_eq!(
            target_label(TargetKind::AdoptionShare, 0.9, 2030, "", Lang::En),
            "Share of firms adopting ≥ 90% (2030)"
        );
        assert_eq!(
            target_label(TargetKind::AdditionalAdopters, 1500.0, 2028, "", Lang::Es),
            "Empresas adicionales que adoptan ≥ 1500 (2028)"
        );
    }
}
