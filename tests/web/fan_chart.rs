//! The fan chart's geometry and interaction for a fixed summary at fixed widths.
//!
//! `chart::fan::layout` is private to the crate, so its results are read from the DOM:
//! the SVG's size, the points' positions and the paths' coordinates.

use adoption_widget::chart::{ChartView, FanChart, TargetMark};
use adoption_widget::format;
use adoption_widget::i18n::Lang;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::Element;
use yew::prelude::*;

use crate::common::{
    Mounted, blur, fire, flush, focus, has_class, has_focus, mount_sized, number_attr, path_points,
    quick_summary,
};

// The chart's margins (src/chart/fan.rs).
const LEFT: f64 = 60.0;
const RIGHT: f64 = 20.0;
const TOP: f64 = 14.0;
const BOTTOM: f64 = 30.0;
/// Path coordinates are written with one decimal.
const ROUNDING: f64 = 0.051;

async fn chart(view: ChartView, width: f64, targets: Vec<TargetMark>) -> Mounted {
    let summary = quick_summary();
    mount_sized(
        html! {
            <FanChart {summary} {view} lang={Lang::En} programme_years={3}
                technology="cloud computing services" {targets} />
        },
        width,
    )
    .await
}

/// The plot area `(left, right, top, bottom)` of a chart of this size.
fn plot(width: f64, height: f64) -> (f64, f64, f64, f64) {
    (LEFT, width - RIGHT, TOP, height - BOTTOM)
}

fn size(page: &Mounted) -> (f64, f64) {
    let svg = page.by_test_id("adoption-chart");
    (number_attr(&svg, "width"), number_attr(&svg, "height"))
}

fn points(page: &Mounted) -> Vec<Element> {
    page.all("svg[data-testid=adoption-chart] circle.point")
}

fn centres(page: &Mounted) -> Vec<(f64, f64)> {
    points(page)
        .iter()
        .map(|c| (number_attr(c, "cx"), number_attr(c, "cy")))
        .collect()
}

fn path(page: &Mounted, class: &str) -> Vec<(f64, f64)> {
    path_points(&page.attr(&format!("path.{class}"), "d").unwrap_or_default())
}

#[wasm_bindgen_test]
async fn the_chart_draws_at_its_container_width() {
    // (container width, expected SVG width and height): at least 280 wide, height
    // 0.55 x width within 240..380.
    for (container, width, height) in [
        (200.0, 280.0, 240.0),
        (500.0, 500.0, 275.0),
        (640.0, 640.0, 352.0),
        (1000.0, 1000.0, 380.0),
    ] {
        let page = chart(ChartView::Adopters, container, vec![]).await;
        assert_eq!(
            size(&page),
            (width, height),
            "in a {container} px container"
        );
        assert_eq!(
            page.attr("svg", "viewBox"),
            Some(format!("0 0 {width} {height}"))
        );
        let xs: Vec<f64> = centres(&page).iter().map(|p| p.0).collect();
        assert_eq!(xs.first(), Some(&LEFT));
        assert_eq!(xs.last(), Some(&(width - RIGHT)));
        // Years are evenly spaced.
        let step = (width - RIGHT - LEFT) / (xs.len() - 1) as f64;
        for (i, x) in xs.iter().enumerate() {
            assert!(
                (x - (LEFT + step * i as f64)).abs() < 1e-6,
                "{container}: point {i} at {x}"
            );
        }
    }
}

#[wasm_bindgen_test]
async fn one_focusable_labelled_point_per_year() {
    let summary = quick_summary();
    let page = chart(ChartView::Adopters, 640.0, vec![]).await;
    let points = points(&page);
    assert_eq!(points.len(), summary.calendar_years.len());
    assert_eq!(points.len(), 11, "2025 to 2035");
    for (i, point) in points.iter().enumerate() {
        let year = summary.calendar_years[i];
        assert_eq!(point.get_attribute("tabindex").as_deref(), Some("0"));
        assert_eq!(point.get_attribute("role").as_deref(), Some("img"));
        let label = point.get_attribute("aria-label").unwrap_or_default();
        assert_eq!(
            label,
            format!(
                "{year}: {} with the plan, {} without, {} extra",
                format::count(summary.policy.adopters.p50[i], Lang::En),
                format::count(summary.baseline.adopters.p50[i], Lang::En),
                format::count(summary.additional.adopters.p50[i], Lang::En)
            )
        );
    }
    assert_eq!(
        page.text("svg > title"),
        "Firms using cloud computing services"
    );
}

#[wasm_bindgen_test]
async fn lines_and_bands_lie_inside_the_plot() {
    let summary = quick_summary();
    let page = chart(ChartView::Adopters, 640.0, vec![]).await;
    let (width, height) = size(&page);
    let (left, right, top, bottom) = plot(width, height);
    let n = summary.calendar_years.len();

    let median = path(&page, "median");
    assert_eq!(median.len(), n);
    for (i, ((x, y), (cx, cy))) in median.iter().zip(centres(&page)).enumerate() {
        assert!(
            (left - ROUNDING..=right + ROUNDING).contains(x)
                && (top - ROUNDING..=bottom + ROUNDING).contains(y),
            "median point {i} ({x}, {y}) outside {left}..{right} x {top}..{bottom}"
        );
        assert!(
            (x - cx).abs() < ROUNDING && (y - cy).abs() < ROUNDING,
            "point {i} is off the line"
        );
    }
    // More adopters are drawn higher up.
    let p50 = &summary.policy.adopters.p50;
    for i in 0..n {
        for j in 0..n {
            if p50[i] < p50[j] {
                assert!(
                    median[i].1 >= median[j].1 - ROUNDING,
                    "years {i} and {j} out of order"
                );
            }
        }
    }
    assert!(
        median[n - 1].1 < median[0].1,
        "adoption grows over ten years"
    );

    // Each band runs along its upper edge and back along its lower one; the 90% band
    // encloses the 50% band, which encloses the median.
    let band90 = path(&page, "band90");
    let band50 = path(&page, "band50");
    assert_eq!((band90.len(), band50.len()), (2 * n, 2 * n));
    for i in 0..n {
        let (upper90, lower90) = (band90[i].1, band90[2 * n - 1 - i].1);
        let (upper50, lower50) = (band50[i].1, band50[2 * n - 1 - i].1);
        assert!(
            upper90 <= upper50 + ROUNDING && upper50 <= median[i].1 + ROUNDING,
            "year {i}"
        );
        assert!(
            median[i].1 <= lower50 + ROUNDING && lower50 <= lower90 + ROUNDING,
            "year {i}"
        );
        for y in [upper90, lower90] {
            assert!(
                (top - ROUNDING..=bottom + ROUNDING).contains(&y),
                "year {i}: {y}"
            );
        }
    }
    assert!(
        page.attr("path.band90", "d")
            .is_some_and(|d| d.ends_with(" Z"))
    );

    // The adopters view draws the baseline, below the plan from the programme on.
    let baseline = path(&page, "baseline");
    assert_eq!(baseline.len(), n);
    assert!(
        baseline[n - 1].1 > median[n - 1].1,
        "the plan adds adopters"
    );
    assert!(page.find("line.zero").is_none());
}

#[wasm_bindgen_test]
async fn the_additional_view_draws_a_zero_line_and_no_baseline() {
    let summary = quick_summary();
    let page = chart(ChartView::Additional, 640.0, vec![]).await;
    let (width, height) = size(&page);
    let (left, right, top, bottom) = plot(width, height);
    assert!(page.find("path.baseline").is_none());
    let zero = page.get("line.zero");
    let y = number_attr(&zero, "y1");
    assert_eq!(number_attr(&zero, "y2"), y);
    assert_eq!(
        (number_attr(&zero, "x1"), number_attr(&zero, "x2")),
        (left, right)
    );
    assert!((top..=bottom).contains(&y), "zero line at {y}");
    // The start year adds nobody: its median sits on the zero line; later ones above it.
    let median = path(&page, "median");
    assert_eq!(summary.additional.adopters.p50[0], 0.0);
    assert!((median[0].1 - y).abs() < ROUNDING, "{} vs {y}", median[0].1);
    let last = median.len() - 1;
    assert!(summary.additional.adopters.p50[last] > 0.0);
    assert!(median[last].1 < y);
    assert_eq!(
        page.text("svg > title"),
        "Extra firms adopting because of the plan"
    );
    let legend: Vec<String> = page
        .all("ul.legend li")
        .iter()
        .map(|li| li.text_content().unwrap_or_default())
        .collect();
    assert_eq!(
        legend,
        [
            "Extra adopters (median)",
            "Half of simulated futures",
            "9 in 10 simulated futures",
            "Programme years"
        ]
    );
}

#[wasm_bindgen_test]
async fn focusing_a_point_shows_its_tooltip_and_blur_hides_it() {
    let summary = quick_summary();
    let page = chart(ChartView::Adopters, 640.0, vec![]).await;
    assert!(page.find(".tooltip").is_none());

    let point = points(&page)[3].clone();
    focus(&point);
    flush().await;
    assert!(has_focus(&point), "a point takes keyboard focus");
    let lines: Vec<String> = page
        .all(".tooltip text")
        .iter()
        .map(|t| t.text_content().unwrap_or_default())
        .collect();
    let count = |v: f64| format::count(v, Lang::En);
    let extra = &summary.additional.adopters;
    assert_eq!(
        lines,
        [
            "2028".to_string(),
            format!(
                "With the plan (median): {}",
                count(summary.policy.adopters.p50[3])
            ),
            format!(
                "Without the plan (median): {}",
                count(summary.baseline.adopters.p50[3])
            ),
            format!(
                "Extra adopters (median): {} ({}–{})",
                count(extra.p50[3]),
                count(extra.p5[3]),
                count(extra.p95[3])
            ),
        ]
    );
    assert_eq!(page.all("circle.point.active").len(), 1);
    assert!(has_class(&points(&page)[3], "active"));
    let guide = page.get(".tooltip line.guide");
    assert_eq!(number_attr(&guide, "x1"), number_attr(&point, "cx"));
    assert_eq!(
        page.attr(".tooltip", "aria-hidden").as_deref(),
        Some("true"),
        "the point's own label speaks; the tooltip is for the eye"
    );

    blur(&point);
    flush().await;
    assert!(page.find(".tooltip").is_none());
    assert!(page.find("circle.point.active").is_none());
}

#[wasm_bindgen_test]
async fn hovering_a_year_shows_its_tooltip_and_leaving_hides_it() {
    let page = chart(ChartView::Adopters, 640.0, vec![]).await;
    let columns = page.all("rect.hover");
    assert_eq!(columns.len(), 11);
    fire(&columns[10], "mouseenter", false);
    flush().await;
    assert_eq!(page.text(".tooltip text.tip-year"), "2035");
    // The last year's box opens to the left so that it stays inside the chart.
    let tip = page.get(".tooltip rect");
    assert!(number_attr(&tip, "x") + number_attr(&tip, "width") <= 640.0);

    fire(&page.by_test_id("adoption-chart"), "mouseleave", false);
    flush().await;
    assert!(page.find(".tooltip").is_none());
}

#[wasm_bindgen_test]
async fn targets_are_marked_and_widen_the_axis() {
    let summary = quick_summary();
    let target = TargetMark {
        value: 16_000.0,
        year: 2030,
        label: "Half of all firms".into(),
    };
    assert!(
        summary.policy.adopters.p95.iter().all(|&v| v < 16_000.0),
        "the target must lie above the data to test the axis"
    );
    let page = chart(ChartView::Adopters, 640.0, vec![target]).await;
    let (width, height) = size(&page);
    let (left, right, top, bottom) = plot(width, height);

    let marks = page.all("g.target");
    assert_eq!(marks.len(), 1);
    assert_eq!(page.text("g.target text"), "Half of all firms");
    let line = page.get("g.target line");
    let y = number_attr(&line, "y1");
    assert!((top..=bottom).contains(&y), "target at {y}");
    assert_eq!(
        (number_attr(&line, "x1"), number_attr(&line, "x2")),
        (left, right)
    );
    let dot = page.get("g.target circle");
    assert_eq!(number_attr(&dot, "cy"), y);
    // 2030 is the sixth year: the dot sits above that year's point.
    assert_eq!(number_attr(&dot, "cx"), centres(&page)[5].0);
    // Every median point lies below the target.
    assert!(path(&page, "median").iter().all(|p| p.1 > y));
    // The axis reaches the target: the top tick is at least 16,000.
    let ticks: Vec<f64> = page
        .all("g.tick text")
        .iter()
        .map(|t| {
            t.text_content()
                .unwrap_or_default()
                .replace(',', "")
                .parse()
                .expect("a tick value")
        })
        .collect();
    assert!(ticks.len() >= 3, "{ticks:?}");
    assert!(
        ticks.last().is_some_and(|&top| top >= 16_000.0),
        "{ticks:?}"
    );
    assert!(ticks.windows(2).all(|w| w[0] < w[1]), "{ticks:?}");
}

#[wasm_bindgen_test]
async fn programme_years_are_shaded() {
    let page = chart(ChartView::Adopters, 640.0, vec![]).await;
    let (width, height) = size(&page);
    let (left, _, top, bottom) = plot(width, height);
    let shade = page.get("rect.programme");
    // Three programme years from 2025: up to 2028, the fourth point.
    assert_eq!(number_attr(&shade, "x"), left);
    let end = centres(&page)[3].0;
    assert!((number_attr(&shade, "width") - (end - left)).abs() < 1e-6);
    assert_eq!(number_attr(&shade, "y"), top);
    assert_eq!(number_attr(&shade, "height"), bottom - top);
}
