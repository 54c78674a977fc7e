//! A line chart of several series over the same years: the comparison view's chart.

use yew::prelude::*;

use super::geometry::{line_path, px};
use super::palette as c;
use super::scale::LinearScale;
use crate::format;
use crate::hooks::use_width;
use crate::i18n::Lang;

/// One line.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    /// Legend label.
    pub label: AttrValue,
    /// One value per year.
    pub values: Vec<f64>,
}

/// Properties of [`LinesChart`].
#[derive(Properties, PartialEq)]
pub struct LinesChartProps {
    /// Calendar years (x).
    pub years: Vec<i32>,
    /// The lines; colours follow [`c::SERIES`] in order.
    pub series: Vec<Series>,
    /// Title (also the accessible name).
    pub title: AttrValue,
    /// Language of numbers.
    pub lang: Lang,
}

/// Several lines with a legend; dashes tell lines apart without colour.
#[component]
pub fn LinesChart(props: &LinesChartProps) -> Html {
    let node = use_node_ref();
    let width = use_width(node.clone(), 640.0).max(280.0);
    let height = (width * 0.45).clamp(200.0, 320.0);
    let (first, last) = (
        props.years.first().copied().unwrap_or(0) as f64,
        props.years.last().copied().unwrap_or(1) as f64,
    );
    let values = props.series.iter().flat_map(|s| s.values.iter().copied());
    let (lo, hi) = values.fold((0.0f64, f64::NEG_INFINITY), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    });
    let x = LinearScale::new((first, last), (56.0, width - 20.0));
    let y = LinearScale::new((lo, hi.max(lo + 1.0)), (height - 28.0, 12.0)).nice(4);
    let xs: Vec<f64> = props.years.iter().map(|&v| x.map(f64::from(v))).collect();
    let step = if props.years.len() > 12 {
        5
    } else if props.years.len() > 7 {
        2
    } else {
        1
    };
    let dashes = ["", "6 3", "2 3", "8 3 2 3", "1 2", "10 4", ""];
    html! {
        <figure class="lines-chart" ref={node}>
            <svg width={px(width)} height={px(height)} viewBox={format!("0 0 {} {}", px(width), px(height))}
                role="img" aria-label={props.title.clone()} font-family={c::FONT} font-size="12" xmlns="http://www.w3.org/2000/svg">
                { for y.ticks(4).into_iter().map(|v| {
                    let py = y.map(v);
                    html! { <g>
                        <line stroke={c::GRID} x1={px(x.range.0)} x2={px(x.range.1)} y1={px(py)} y2={px(py)} />
                        <text fill={c::MUTED} x={px(x.range.0 - 6.0)} y={px(py + 4.0)} text-anchor="end">{ format::count(v, props.lang) }</text>
                    </g> }
                }) }
                { for props.years.iter().enumerate().filter(|(i, _)| i % step == 0).map(|(i, year)| html! {
                    <text fill={c::MUTED} x={px(xs[i])} y={px(height - 10.0)} text-anchor="middle">{ year }</text>
                }) }
                { for props.series.iter().enumerate().map(|(i, s)| {
                    let ys: Vec<f64> = s.values.iter().map(|&v| y.map(v)).collect();
                    html! { <path class="series" fill="none" stroke={c::SERIES[i % c::SERIES.len()]} stroke-width="2.5"
                        stroke-dasharray={dashes[i % dashes.len()]} d={line_path(&xs, &ys)} /> }
                }) }
            </svg>
            <figcaption>
                <span class="chart-title">{ props.title.clone() }</span>
                <ul class="legend">
                    { for props.series.iter().enumerate().map(|(i, s)| html! {
                        <li><svg width="28" height="10" aria-hidden="true"><line x1="0" x2="28" y1="5" y2="5"
                            stroke={c::SERIES[i % c::SERIES.len()]} stroke-width="3" stroke-dasharray={dashes[i % dashes.len()]} /></svg>
                            { s.label.clone() }</li>
                    }) }
                </ul>
            </figcaption>
        </figure>
    }
}
