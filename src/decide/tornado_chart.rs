//! The tornado chart's geometry (pure, tested natively) and its SVG: one row per
//! parameter, its name above a bar from the scenario as it is to the headline at the
//! parameter's low end (one colour) and at its high end (another), each end with a thin
//! line for its 90% interval; a dashed line at the scenario as it is, and an axis.

use adoption_decide::sensitivity::{Bar, Sensitivity};
use yew::prelude::*;

use crate::chart::geometry::px;
use crate::chart::palette::{ACCENT, BASELINE, FONT, GRID, INK, MUTED};
use crate::chart::scale::LinearScale;

/// The chart's width in SVG units (its height follows the rows).
pub const WIDTH: f64 = 360.0;
/// One parameter's row: its name, then its bar.
pub const ROW: f64 = 42.0;
/// Above the first row.
const TOP: f64 = 6.0;
/// Below the last row: the axis and its labels.
const AXIS: f64 = 30.0;
/// Left and right margins (room for the end tick labels).
const SIDE: f64 = 18.0;
/// The low end's colour (the baseline's orange) and the high end's (the plan's teal).
pub const LOW_COLOUR: &str = BASELINE;
/// See [`LOW_COLOUR`].
pub const HIGH_COLOUR: &str = ACCENT;

/// Where things go.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Layout {
    /// Headline values to x.
    pub x: LinearScale,
    /// Rows drawn.
    pub rows: usize,
}

impl Layout {
    /// The layout of a tornado: the x scale covers the scenario as it is and every
    /// defined bar end and interval.
    pub fn new(s: &Sensitivity) -> Layout {
        let mut values = vec![s.base, s.base_interval[0], s.base_interval[1]];
        for b in &s.parameters {
            values.extend([b.headline_low, b.headline_high]);
            values.extend(b.interval_low);
            values.extend(b.interval_high);
        }
        let (lo, hi) = values
            .iter()
            .filter(|v| v.is_finite())
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(l, h), &v| {
                (l.min(v), h.max(v))
            });
        Layout {
            x: LinearScale::new((lo, hi), (SIDE, WIDTH - SIDE)).nice(4),
            rows: s.parameters.len(),
        }
    }

    /// The chart's height.
    pub fn height(&self) -> f64 {
        TOP + ROW * self.rows as f64 + AXIS
    }

    /// Row `i`'s top.
    pub fn row_top(&self, i: usize) -> f64 {
        TOP + ROW * i as f64
    }

    /// The bar's band: its top and height (under the name).
    pub fn bar(&self, i: usize) -> (f64, f64) {
        (self.row_top(i) + 18.0, 14.0)
    }

    /// Where the axis runs.
    pub fn axis_y(&self) -> f64 {
        TOP + ROW * self.rows as f64 + 4.0
    }
}

/// One end of a bar: from the scenario as it is to the headline at that end, and its
/// interval as a thin line; nothing for an undefined value.
fn end(
    l: &Layout,
    i: usize,
    base: f64,
    value: f64,
    interval: [f64; 2],
    colour: &str,
    upper: bool,
) -> Html {
    if !(value.is_finite() && base.is_finite()) {
        return Html::default();
    }
    let (top, height) = l.bar(i);
    let (a, b) = (l.x.map(base), l.x.map(value));
    let half = height / 2.0;
    // The low end's rect is the upper half of the band, the high end's the lower half:
    // both show even when they lie on the same side of the scenario as it is.
    let y = if upper { top } else { top + half };
    let whisker_y = y + half / 2.0;
    let whisker = (interval[0].is_finite() && interval[1].is_finite()).then(|| {
        let (w0, w1) = (l.x.map(interval[0]), l.x.map(interval[1]));
        html! {
            <g stroke={colour.to_string()} stroke-width="1.2">
                <line x1={px(w0)} x2={px(w1)} y1={px(whisker_y)} y2={px(whisker_y)} />
                <line x1={px(w0)} x2={px(w0)} y1={px(y + 1.0)} y2={px(y + half - 1.0)} />
                <line x1={px(w1)} x2={px(w1)} y1={px(y + 1.0)} y2={px(y + half - 1.0)} />
            </g>
        }
    });
    html! {
        <>
            <rect x={px(a.min(b))} y={px(y)} width={px((b - a).abs().max(1.0))} height={px(half)}
                fill={colour.to_string()} fill-opacity="0.75" />
            { for whisker }
        </>
    }
}

/// Properties of [`Chart`].
#[derive(Properties, PartialEq)]
pub struct ChartProps {
    /// The tornado to draw.
    pub tornado: Sensitivity,
    /// Each bar's label (name, "est.", share of variance), in the bars' order.
    pub labels: Vec<AttrValue>,
    /// The axis ticks' labels, by value.
    pub tick: Callback<f64, AttrValue>,
    /// The chart's accessible name.
    pub label: AttrValue,
}

/// The tornado as SVG (`role="img"`; its table is the text alternative).
#[component]
pub fn Chart(props: &ChartProps) -> Html {
    let s = &props.tornado;
    let l = Layout::new(s);
    let h = l.height();
    let base_x = l.x.map(s.base);
    let rows = s
        .parameters
        .iter()
        .enumerate()
        .map(|(i, b): (usize, &Bar)| {
            let top = l.row_top(i);
            let label = props.labels.get(i).cloned().unwrap_or_default();
            html! {
                <g class="tornado-row" data-name={b.name.clone()}>
                    <text x={px(SIDE)} y={px(top + 13.0)} font-size="11" fill={INK}
                    stroke="#ffffff" stroke-width="3" paint-order="stroke">{ label }</text>
                    { end(&l, i, s.base, b.headline_low, b.interval_low, LOW_COLOUR, true) }
                    { end(&l, i, s.base, b.headline_high, b.interval_high, HIGH_COLOUR, false) }
                </g>
            }
        });
    let ticks = l.x.ticks(4).into_iter().map(|v| {
        let x = l.x.map(v);
        html! {
            <g>
                <line x1={px(x)} x2={px(x)} y1={px(TOP)} y2={px(l.axis_y())} stroke={GRID} />
                <text x={px(x)} y={px(l.axis_y() + 16.0)} font-size="11" fill={MUTED} text-anchor="middle">{ props.tick.emit(v) }</text>
            </g>
        }
    });
    html! {
        <svg class="tornado-chart" viewBox={format!("0 0 {} {}", px(WIDTH), px(h))} role="img"
            aria-label={props.label.clone()} font-family={FONT}>
            { for ticks }
            // Under the rows: the names' halo keeps them readable across it.
            if base_x.is_finite() {
                <line x1={px(base_x)} x2={px(base_x)} y1={px(TOP)} y2={px(l.axis_y())}
                    stroke={INK} stroke-width="1.2" stroke-dasharray="4 3" />
            }
            { for rows }
        </svg>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use adoption_decide::sensitivity::Headline;

    fn bar(lo: f64, hi: f64) -> Bar {
        Bar {
            name: "training.uplift".into(),
            low: 0.0,
            high: 1.0,
            estimate: true,
            headline_low: lo,
            headline_high: hi,
            interval_low: [lo - 10.0, lo + 10.0],
            interval_high: [hi - 10.0, hi + 10.0],
            swing: (hi - lo).abs(),
            variance_share: 0.1,
            variance_share_interval: [0.05, 0.2],
        }
    }

    #[test]
    fn the_scale_covers_every_defined_value_and_rows_stack() {
        let s = Sensitivity {
            headline: Headline::AdditionalAdopters,
            base: 50.0,
            base_interval: [30.0, 80.0],
            parameters: vec![bar(40.0, 72.0), bar(f64::NAN, 60.0)],
        };
        let l = Layout::new(&s);
        assert!(
            l.x.domain.0 <= 30.0 && l.x.domain.1 >= 82.0,
            "{:?}",
            l.x.domain
        );
        for v in [30.0, 50.0, 82.0] {
            let x = l.x.map(v);
            assert!((SIDE..=WIDTH - SIDE).contains(&x), "{v} {x}");
        }
        assert_eq!(l.rows, 2);
        assert!(l.row_top(1) >= l.bar(0).0 + l.bar(0).1);
        assert!(l.axis_y() >= l.bar(1).0 + l.bar(1).1);
        assert!(l.height() > l.axis_y());
    }

    #[test]
    fn nothing_defined_still_gives_a_finite_scale() {
        let s = Sensitivity {
            headline: Headline::CostPerAdditionalAdopter,
            base: f64::NAN,
            base_interval: [f64::NAN; 2],
            parameters: vec![bar(f64::NAN, f64::NAN)],
        };
        let l = Layout::new(&s);
        assert!(l.x.map(0.0).is_finite());
    }
}
