//! The headline figures for a fixed summary, in both languages' number formats.

use std::rc::Rc;

use adoption_model::Summary;
use adoption_widget::components::headline::Headline;
use adoption_widget::format;
use adoption_widget::i18n::Lang;
use wasm_bindgen_test::wasm_bindgen_test;
use yew::prelude::*;

use crate::common::{Mounted, mount, quick_scenario, quick_summary};

async fn headline(summary: Rc<Summary>, lang: Lang) -> Mounted {
    let scenario = Rc::new(quick_scenario());
    mount(html! { <Headline {summary} {scenario} {lang} /> }).await
}

/// The texts of every element matching `selector`.
fn texts(page: &Mounted, selector: &str) -> Vec<String> {
    page.all(selector)
        .iter()
        .map(|e| e.text_content().unwrap_or_default())
        .collect()
}

/// Whether `text` is digits grouped in threes by `sep` (at least one group).
fn grouped(text: &str, sep: char) -> bool {
    let groups: Vec<&str> = text.split(sep).collect();
    groups.len() > 1
        && (1..=3).contains(&groups[0].len())
        && groups.iter().all(|g| g.chars().all(|c| c.is_ascii_digit()))
        && groups[1..].iter().all(|g| g.len() == 3)
}

#[wasm_bindgen_test]
async fn headline_shows_the_summary_in_english() {
    let summary = quick_summary();
    let h = &summary.summary;
    let page = headline(summary.clone(), Lang::En).await;

    let extra = page.test_id_text("additional-adopters");
    assert_eq!(extra, format::count(h.additional_adopters.mean, Lang::En));
    let read: f64 = extra.replace(',', "").parse().expect("a whole number");
    assert!(
        (read - h.additional_adopters.mean).abs() <= 0.5,
        "{read} vs {}",
        h.additional_adopters.mean
    );
    assert!(read > 0.0, "the reference plan adds adopters");

    let primary = texts(&page, ".card.primary .detail");
    assert_eq!(
        primary[0],
        format!(
            "In 9 out of 10 simulated futures: {} to {}",
            format::count(h.additional_adopters.p5, Lang::En),
            format::count(h.additional_adopters.p95, Lang::En)
        )
    );
    assert_eq!(
        primary[1],
        "Extra firms using cloud computing services, compared with no plan (average over simulated futures)"
    );

    let figures = texts(&page, ".figure");
    let cost = h.cost_per_additional_adopter.expect("a defined cost");
    assert_eq!(figures[1], format::eur(cost, Lang::En));
    let amount = figures[1]
        .strip_prefix("EUR ")
        .expect("EUR before the amount");
    assert!(grouped(amount, ','), "{amount}");
    assert_eq!(figures[2], format::percent(h.policy_share, 1, Lang::En));
    assert!(
        figures[2].ends_with('%') && figures[2].contains('.'),
        "{}",
        figures[2]
    );

    let details = texts(&page, ".detail");
    let spend = format!(
        "{} spent of EUR 1,250,000 (unused vouchers are not paid)",
        format::eur(h.spend_eur, Lang::En)
    );
    assert!(details.contains(&spend), "{details:#?}");
    let shares = format!(
        "{} with the plan, {} without",
        format::percent(h.policy_share, 1, Lang::En),
        format::percent(h.baseline_share, 1, Lang::En)
    );
    assert!(details.contains(&shares), "{details:#?}");
    assert!(h.policy_share > h.baseline_share);

    // The reference scenario's one target and its chance.
    let targets = texts(&page, "ul.targets li");
    assert_eq!(targets.len(), 1);
    let target = &h.targets[0];
    // Without a plan there are no extra adopters: no baseline chance to compare.
    assert_eq!(target.baseline_probability, None);
    assert_eq!(
        targets[0],
        format!(
            "100 more firms on cloud by 2030: {} chance",
            format::percent(target.probability, 0, Lang::En)
        )
    );
}

#[wasm_bindgen_test]
async fn headline_uses_spanish_number_formats() {
    let summary = quick_summary();
    let h = &summary.summary;
    let page = headline(summary.clone(), Lang::Es).await;

    assert_eq!(
        page.test_id_text("additional-adopters"),
        format::count(h.additional_adopters.mean, Lang::Es)
    );
    let figures = texts(&page, ".figure");
    let cost = figures[1]
        .strip_suffix("\u{a0}EUR")
        .unwrap_or_else(|| panic!("EUR after the amount: {}", figures[1]));
    assert!(grouped(cost, '.'), "{cost} is not grouped with dots");
    assert_eq!(
        figures[1],
        format::eur(h.cost_per_additional_adopter.unwrap_or(0.0), Lang::Es)
    );
    assert!(
        figures[2].ends_with("\u{a0}%") && figures[2].contains(','),
        "{}",
        figures[2]
    );

    let details = texts(&page, ".detail");
    assert!(
        details
            .iter()
            .any(|d| d
                .ends_with("gastados de 1.250.000\u{a0}EUR (los bonos no utilizados no se pagan)")),
        "{details:#?}"
    );
    assert!(
        details[0].starts_with("En 9 de cada 10 futuros simulados: de "),
        "{}",
        details[0]
    );
    assert_eq!(
        texts(&page, "h3")[0],
        "Empresas que adoptan gracias al plan"
    );
}

#[wasm_bindgen_test]
async fn a_plan_that_adds_nobody_has_no_cost_per_adopter() {
    let mut summary = (*quick_summary()).clone();
    summary.summary.cost_per_additional_adopter = None;
    summary.summary.cost_per_additional_adopter_low = None;
    summary.summary.cost_per_additional_adopter_high = None;
    summary.summary.targets.clear();
    let page = headline(Rc::new(summary), Lang::En).await;
    assert_eq!(
        page.text(".figure.small"),
        "Not defined: the plan adds no adopters"
    );
    assert!(page.find("ul.targets").is_none(), "no targets, no card");
}

#[wasm_bindgen_test]
async fn headline_shows_model_2_figures_in_spanish() {
    let summary = quick_summary();
    let h = &summary.summary;
    let page = headline(summary.clone(), Lang::Es).await;
    let years = page.test_id_text("adopter-years");
    let y = &h.additional_adopter_years;
    assert_eq!(
        years,
        format!(
            "{} años-empresa de adopción adicionales hasta {} (9 de cada 10 futuros: de {} a {})",
            format::count(y.mean, Lang::Es),
            h.horizon_year,
            format::count(y.p5, Lang::Es),
            format::count(y.p95, Lang::Es)
        )
    );
    if let Some(c) = h.cost_per_additional_adopter_year {
        let cost = page.test_id_text("cost-per-adopter-year");
        assert!(cost.starts_with(&format::eur(c, Lang::Es)), "{cost}");
    }
    let d = &h.deadweight;
    if let (Some(same), Some(three), Some(all)) = (d.same_year, d.within_3_years, d.by_horizon) {
        let dead = page.test_id_text("deadweight");
        for share in [same, three, all] {
            assert!(
                dead.contains(&format::percent(share, 0, Lang::Es)),
                "{dead}"
            );
        }
        assert!(dead.contains(&format!("en {}", h.horizon_year)), "{dead}");
    }
}
