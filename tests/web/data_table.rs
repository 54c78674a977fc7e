//! The table of numbers behind the chart.

use adoption_widget::components::data_table::DataTable;
use adoption_widget::format;
use adoption_widget::i18n::Lang;
use wasm_bindgen_test::wasm_bindgen_test;
use yew::prelude::*;

use crate::common::{Mounted, mount, open_details, quick_summary};

async fn table(lang: Lang) -> Mounted {
    let summary = quick_summary();
    let page =
        mount(html! { <DataTable {summary} technology="cloud computing services" {lang} /> }).await;
    open_details(&page, "details.data-table").await;
    page
}

/// The cells of each body row, header cell first.
fn rows(page: &Mounted) -> Vec<Vec<String>> {
    page.all("table[data-testid=data-table] tbody tr")
        .iter()
        .map(|row| {
            let cells = row.children();
            (0..cells.length())
                .filter_map(|i| cells.item(i))
                .map(|c| c.text_content().unwrap_or_default())
                .collect()
        })
        .collect()
}

#[wasm_bindgen_test]
async fn one_row_per_year_with_formatted_medians() {
    let summary = quick_summary();
    let page = table(Lang::En).await;
    let rows = rows(&page);
    assert_eq!(rows.len(), summary.calendar_years.len());
    let count = |v: f64| format::count(v, Lang::En);
    let extra = &summary.additional.adopters;
    for (i, row) in rows.iter().enumerate() {
        assert_eq!(
            row,
            &[
                summary.calendar_years[i].to_string(),
                count(summary.baseline.adopters.p50[i]),
                count(summary.policy.adopters.p50[i]),
                count(extra.mean[i]),
                format!("{}–{}", count(extra.p5[i]), count(extra.p95[i])),
                count(summary.firms[i]),
            ],
            "row {i}"
        );
    }
    assert_eq!(rows[0][0], "2025");
    assert_eq!(rows[10][0], "2035");
    // Thousands are grouped: the baseline starts at 3,592 adopters.
    assert_eq!(rows[0][1], "3,592");
    assert_eq!(
        page.text("caption"),
        "Firms using cloud computing services, by year"
    );
    let headers: Vec<String> = page
        .all("thead th")
        .iter()
        .map(|th| th.text_content().unwrap_or_default())
        .collect();
    assert_eq!(
        headers,
        [
            "Year",
            "Without the plan (median)",
            "With the plan (median)",
            "Extra adopters (mean)",
            "Extra: 9 in 10 futures",
            "Firms in business (mean)",
        ]
    );
    assert!(page.all("tbody th[scope=row]").len() == rows.len());
}

#[wasm_bindgen_test]
async fn spanish_table_groups_from_five_digits() {
    let page = table(Lang::Es).await;
    let rows = rows(&page);
    assert_eq!(rows[0][1], "3592");
    assert_eq!(page.text("thead th"), "Año");
    assert_eq!(page.text("details > summary"), "Ver los datos en una tabla");
}
