//! The fan chart: adopters per year with the plan (median, 50% and 90% bands) against the
//! baseline, or the extra adopters alone; drawn as SVG by Yew so that every point can be
//! focused and read out.

use std::rc::Rc;

use adoption_model::Summary;
use adoption_model::summary::Stats;
use yew::prelude::*;

use super::geometry::{band_path, line_path, px};
use super::palette as c;
use super::scale::LinearScale;
use crate::format;
use crate::hooks::use_width;
use crate::i18n::{self, Lang};

/// What the chart plots.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChartView {
    /// Adopters with and without the plan.
    Adopters,
    /// Extra adopters (policy minus baseline, per simulated future).
    Additional,
}

/// A horizontal target line.
#[derive(Clone, Debug, PartialEq)]
pub struct TargetMark {
    /// Value on the chart's axis (firms).
    pub value: f64,
    /// Calendar year the target is for.
    pub year: i32,
    /// Short label.
    pub label: AttrValue,
}

/// Properties of [`FanChart`].
#[derive(Properties, PartialEq)]
pub struct FanChartProps {
    /// The simulation to draw.
    pub summary: Rc<Summary>,
    /// Adopters or extra adopters.
    pub view: ChartView,
    /// Language of labels and numbers.
    pub lang: Lang,
    /// Programme years, shaded from the start year.
    pub programme_years: u32,
    /// What adopting means (for the title).
    pub technology: AttrValue,
    /// Targets drawn as horizontal marks.
    #[prop_or_default]
    pub targets: Vec<TargetMark>,
    /// Id of the text that describes the chart in words.
    #[prop_or_default]
    pub describedby: Option<AttrValue>,
}

/// Pixel layout of the chart, computed once per render.
pub struct Layout {
    /// Total width.
    pub width: f64,
    /// Total height.
    pub height: f64,
    /// Year to x.
    pub x: LinearScale,
    /// Firms to y.
    pub y: LinearScale,
}

const MARGIN_LEFT: f64 = 60.0;
const MARGIN_RIGHT: f64 = 20.0;
const MARGIN_TOP: f64 = 14.0;
const MARGIN_BOTTOM: f64 = 30.0;

/// The series a view plots, and the reference line drawn against it (the baseline).
fn series(summary: &Summary, view: ChartView) -> (&Stats, Option<&Stats>) {
    match view {
        ChartView::Adopters => (&summary.policy.adopters, Some(&summary.baseline.adopters)),
        ChartView::Additional => (&summary.additional.adopters, None),
    }
}

/// Scales for a summary drawn at `width` pixels.
pub fn layout(summary: &Summary, view: ChartView, width: f64, targets: &[TargetMark]) -> Layout {
    let width = width.max(280.0);
    let height = (width * 0.55).clamp(240.0, 380.0);
    let years = &summary.calendar_years;
    let (first, last) = (
        years.first().copied().unwrap_or(0) as f64,
        years.last().copied().unwrap_or(1) as f64,
    );
    let (main, reference) = series(summary, view);
    let mut lo = main.p5.iter().copied().fold(f64::INFINITY, f64::min);
    let mut hi = main.p95.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    if let Some(r) = reference {
        lo = lo.min(r.p50.iter().copied().fold(f64::INFINITY, f64::min));
        hi = hi.max(r.p50.iter().copied().fold(f64::NEG_INFINITY, f64::max));
    }
    for t in targets {
        lo = lo.min(t.value);
        hi = hi.max(t.value);
    }
    if view == ChartView::Additional {
        lo = lo.min(0.0);
    }
    let x = LinearScale::new((first, last), (MARGIN_LEFT, width - MARGIN_RIGHT));
    let y = LinearScale::new((lo, hi), (height - MARGIN_BOTTOM, MARGIN_TOP)).nice(5);
    Layout {
        width,
        height,
        x,
        y,
    }
}

/// The fan chart.
#[component]
pub fn FanChart(props: &FanChartProps) -> Html {
    let FanChartProps {
        summary,
        view,
        lang,
        programme_years,
        technology,
        targets,
        describedby,
    } = props;
    let node = use_node_ref();
    let width = use_width(node.clone(), 640.0);
    let active = use_state_eq(|| None::<usize>);
    let t = lang.texts();
    let l = layout(summary, *view, width, targets);
    let (main, reference) = series(summary, *view);
    let years: Vec<f64> = summary
        .calendar_years
        .iter()
        .map(|&y| f64::from(y))
        .collect();
    let xs: Vec<f64> = years.iter().map(|&y| l.x.map(y)).collect();
    let ys = |v: &[f64]| -> Vec<f64> { v.iter().map(|&v| l.y.map(v)).collect() };
    let (plot_top, plot_bottom) = (l.y.range.1, l.y.range.0);

    let y_ticks = l.y.ticks(5);
    let x_step = if years.len() > 12 {
        5
    } else if years.len() > 7 {
        2
    } else {
        1
    };
    let start = years.first().copied().unwrap_or(0.0);
    let programme_end =
        l.x.map((start + f64::from(*programme_years)).min(*years.last().unwrap_or(&start)));

    let point_label = |i: usize| -> String {
        let with = format::count(summary.policy.adopters.p50[i], *lang);
        let without = format::count(summary.baseline.adopters.p50[i], *lang);
        // Medians, as the lines and the tooltip show.
        let extra = format::count(summary.additional.adopters.p50[i], *lang);
        i18n::fill(
            t.point_label,
            &[
                &summary.calendar_years[i].to_string(),
                &with,
                &without,
                &extra,
            ],
        )
    };

    let tooltip = active.and_then(|i| {
        let x = *xs.get(i)?;
        let lines = [
            summary.calendar_years[i].to_string(),
            format!("{}: {}", t.legend_policy, format::count(summary.policy.adopters.p50[i], *lang)),
            format!("{}: {}", t.legend_baseline, format::count(summary.baseline.adopters.p50[i], *lang)),
            format!(
                "{}: {} ({}–{})",
                t.legend_additional,
                format::count(summary.additional.adopters.p50[i], *lang),
                format::count(summary.additional.adopters.p5[i], *lang),
                format::count(summary.additional.adopters.p95[i], *lang)
            ),
        ];
        let box_w = lines.iter().map(|s| s.chars().count()).max().unwrap_or(10) as f64 * 6.6 + 16.0;
        let box_h = lines.len() as f64 * 17.0 + 10.0;
        let left = if x + box_w + 10.0 > l.width { x - box_w - 10.0 } else { x + 10.0 };
        Some(html! {
            <g class="tooltip" aria-hidden="true">
                <line class="guide" stroke={c::INK} stroke-dasharray="3 3" x1={px(x)} x2={px(x)} y1={px(plot_top)} y2={px(plot_bottom)} />
                <rect fill={c::PAPER} stroke={c::INK} x={px(left)} y={px(plot_top + 4.0)} width={px(box_w)} height={px(box_h)} rx="4" />
                { for lines.iter().enumerate().map(|(k, line)| html! {
                    <text fill={c::INK} x={px(left + 8.0)} y={px(plot_top + 21.0 + 17.0 * k as f64)}
                        font-weight={if k == 0 { "700" } else { "400" }} class={(k == 0).then_some("tip-year")}>{ line.clone() }</text>
                }) }
            </g>
        })
    });

    let column_w = if xs.len() > 1 {
        (xs[1] - xs[0]).abs()
    } else {
        l.width
    };
    let title_id = "chart-title";
    html! {
        <div class="chart" ref={node}>
            <svg data-testid="adoption-chart" width={px(l.width)} height={px(l.height)}
                viewBox={format!("0 0 {} {}", px(l.width), px(l.height))} role="group" aria-labelledby={title_id}
                aria-describedby={describedby.clone()} font-family={c::FONT} font-size="12" xmlns="http://www.w3.org/2000/svg"
                onmouseleave={{ let active = active.clone(); move |_| active.set(None) }}>
                <title id={title_id}>{ match view {
                    ChartView::Adopters => i18n::fill(t.chart_title, &[technology]),
                    ChartView::Additional => t.chart_title_additional.to_string(),
                } }</title>
                <rect class="programme" fill={c::PROGRAMME} x={px(l.x.range.0)} y={px(plot_top)}
                    width={px((programme_end - l.x.range.0).max(0.0))} height={px(plot_bottom - plot_top)} />
                { for y_ticks.iter().map(|&v| {
                    let y = l.y.map(v);
                    html! { <g class="tick">
                        <line stroke={c::GRID} x1={px(l.x.range.0)} x2={px(l.x.range.1)} y1={px(y)} y2={px(y)} />
                        <text fill={c::MUTED} x={px(l.x.range.0 - 6.0)} y={px(y + 4.0)} text-anchor="end">{ format::count(v, *lang) }</text>
                    </g> }
                }) }
                { for years.iter().enumerate().filter(|(i, _)| i % x_step == 0).map(|(i, y)| html! {
                    <text class="year" fill={c::MUTED} x={px(xs[i])} y={px(plot_bottom + 18.0)} text-anchor="middle">{ *y as i32 }</text>
                }) }
                <path class="band90" fill={c::ACCENT} fill-opacity={c::BAND90_OPACITY} d={band_path(&xs, &ys(&main.p5), &ys(&main.p95))} />
                <path class="band50" fill={c::ACCENT} fill-opacity={c::BAND50_OPACITY} d={band_path(&xs, &ys(&main.p25), &ys(&main.p75))} />
                { reference.map(|r| html! { <path class="baseline" fill="none" stroke={c::BASELINE} stroke-width="2" stroke-dasharray="6 4" d={line_path(&xs, &ys(&r.p50))} /> }).unwrap_or_default() }
                { if *view == ChartView::Additional {
                    let zero = l.y.map(0.0);
                    html! { <line class="zero" stroke={c::MUTED} x1={px(l.x.range.0)} x2={px(l.x.range.1)} y1={px(zero)} y2={px(zero)} /> }
                } else { html! {} } }
                <path class="median" fill="none" stroke={c::ACCENT} stroke-width="2.5" d={line_path(&xs, &ys(&main.p50))} />
                { for targets.iter().map(|m| {
                    let y = l.y.map(m.value);
                    let x = l.x.map(f64::from(m.year));
                    // Above its line, unless the line is the top of the plot (a target at
                    // the axis maximum): then below, so the label stays inside the chart.
                    let text_y = if y - 5.0 < 16.0 { y + 15.0 } else { y - 5.0 };
                    html! { <g class="target">
                        <line stroke={c::TARGET} stroke-dasharray="2 3" x1={px(l.x.range.0)} x2={px(l.x.range.1)} y1={px(y)} y2={px(y)} />
                        <circle fill={c::TARGET} cx={px(x)} cy={px(y)} r="5" />
                        <text fill={c::TARGET} font-weight="600" x={px(l.x.range.0 + 4.0)} y={px(text_y)}>{ m.label.clone() }</text>
                    </g> }
                }) }
                { for xs.iter().enumerate().map(|(i, &x)| {
                    let on_enter = { let active = active.clone(); move |_| active.set(Some(i)) };
                    html! { <rect class="hover" fill="transparent" x={px(x - column_w / 2.0)} y={px(plot_top)}
                        width={px(column_w)} height={px(plot_bottom - plot_top)} onmouseenter={on_enter} /> }
                }) }
                { for xs.iter().enumerate().map(|(i, &x)| {
                    let y = l.y.map(main.p50[i]);
                    let on_focus = { let active = active.clone(); move |_| active.set(Some(i)) };
                    let on_blur = { let active = active.clone(); move |_| active.set(None) };
                    html! { <circle class={classes!("point", (*active == Some(i)).then_some("active"))} fill={c::PAPER} stroke={c::ACCENT} stroke-width="2"
                        cx={px(x)} cy={px(y)} r="4" tabindex="0" role="img"
                        aria-label={point_label(i)} onfocus={on_focus} onblur={on_blur} /> }
                }) }
                { tooltip.unwrap_or_default() }
            </svg>
            <ul class="legend">
                { match view {
                    ChartView::Adopters => html! { <>
                        <li><span class="key median" />{ t.legend_policy }</li>
                        <li><span class="key band50" />{ t.legend_band50 }</li>
                        <li><span class="key band90" />{ t.legend_band90 }</li>
                        <li><span class="key baseline" />{ t.legend_baseline }</li>
                    </> },
                    ChartView::Additional => html! { <>
                        <li><span class="key median" />{ t.legend_additional }</li>
                        <li><span class="key band50" />{ t.legend_band50 }</li>
                        <li><span class="key band90" />{ t.legend_band90 }</li>
                    </> },
                } }
                <li><span class="key programme" />{ t.legend_programme }</li>
            </ul>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use adoption_model::{Scenario, simulate};

    #[test]
    fn layout_fits_every_band_inside_the_plot() {
        let summary = simulate(&Scenario {
            runs: 50,
            ..adoption_formats::preset::cantabria()
        })
        .unwrap();
        for view in [ChartView::Adopters, ChartView::Additional] {
            for width in [280.0, 360.0, 1200.0] {
                let l = layout(&summary, view, width, &[]);
                let (main, _) = series(&summary, view);
                for v in main.p5.iter().chain(&main.p95) {
                    let y = l.y.map(*v);
                    assert!(
                        y >= MARGIN_TOP - 1e-9 && y <= l.height - MARGIN_BOTTOM + 1e-9,
                        "{view:?} {width}: {y}"
                    );
                }
                assert_eq!(l.x.map(2025.0), MARGIN_LEFT);
                assert_eq!(l.x.map(2035.0), l.width - MARGIN_RIGHT);
            }
        }
    }

    #[test]
    fn targets_widen_the_axis() {
        let summary = simulate(&Scenario {
            runs: 20,
            ..adoption_formats::preset::cantabria()
        })
        .unwrap();
        let mark = TargetMark {
            value: 16_000.0,
            year: 2030,
            label: "t".into(),
        };
        let l = layout(&summary, ChartView::Adopters, 640.0, &[mark]);
        assert!(l.y.domain.1 >= 16_000.0);
    }
}
