//! The chart's numbers as a table: the accessible alternative to the fan chart.

use std::rc::Rc;

use adoption_model::Summary;
use yew::prelude::*;

use crate::format;
use crate::hooks::use_opened;
use crate::i18n::{self, Lang};

/// Properties of [`DataTable`].
#[derive(Properties, PartialEq)]
pub struct DataTableProps {
    /// The simulation.
    pub summary: Rc<Summary>,
    /// What adopting means (for the caption).
    pub technology: AttrValue,
    /// Language.
    pub lang: Lang,
}

/// A year-by-year table of medians, the extra adopters with their 90% interval, and the
/// firms in business (firms close and open).
#[component]
pub fn DataTable(props: &DataTableProps) -> Html {
    let DataTableProps {
        summary,
        technology,
        lang,
    } = props;
    let (opened, on_toggle) = use_opened();
    let lang = *lang;
    let t = lang.texts();
    let rows = summary.calendar_years.iter().enumerate().map(|(i, year)| {
        let extra = &summary.additional.adopters;
        html! {
            <tr>
                <th scope="row">{ year }</th>
                <td>{ format::count(summary.baseline.adopters.p50[i], lang) }</td>
                <td>{ format::count(summary.policy.adopters.p50[i], lang) }</td>
                <td>{ format::count(extra.mean[i], lang) }</td>
                <td>{ format!("{}–{}", format::count(extra.p5[i], lang), format::count(extra.p95[i], lang)) }</td>
                <td>{ summary.firms.get(i).map(|f| format::count(*f, lang)).unwrap_or_default() }</td>
            </tr>
        }
    });
    html! {
        <details class="data-table" ontoggle={on_toggle}>
            <summary>{ t.show_table }</summary>
            // Drawn once opened: some 90 nodes the first result need not make.
            if opened {
            <div class="table-scroll" tabindex="0" role="region" aria-label={i18n::fill(t.table_caption, &[technology])}>
                <table data-testid="data-table">
                    <caption>{ i18n::fill(t.table_caption, &[technology]) }</caption>
                    <thead><tr>
                        <th scope="col">{ t.table_year }</th>
                        <th scope="col">{ t.table_without }</th>
                        <th scope="col">{ t.table_with }</th>
                        <th scope="col">{ t.table_additional }</th>
                        <th scope="col">{ t.table_interval }</th>
                        <th scope="col">{ t.table_firms }</th>
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
            }
        </details>
    }
}
