//! The plain-language paragraph that sums up a result: read by people, and the chart's
//! text alternative. Pure, tested natively.

use adoption_model::scenario::TargetKind;
use adoption_model::{Scenario, Summary};

use crate::format;
use crate::i18n::{self, Lang};

/// One paragraph comparing the plan with no plan at the horizon.
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
    let (firms, spent, budget) = (
        n(h.firms as f64),
        format::eur(h.spend_eur, lang),
        format::eur(h.budget_eur, lang),
    );
    let technology = t.data(&scenario.technology);
    let year = h.horizon_year.to_string();
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
    if let Some(d) = h.deadweight_share {
        let share = format::percent(d, 0, lang);
        text.push_str(&i18n::fill(t.summary_deadweight, &[&share]));
    }
    for target in &h.targets {
        let label = target_label(target.kind, target.value, target.year, &target.label, lang);
        let chance = format::percent(target.probability, 0, lang);
        text.push_str(&i18n::fill(t.summary_target, &[&label, &chance]));
    }
    text
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
        assert!(es.contains(" EUR"), "{es}");
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
