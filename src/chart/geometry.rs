//! SVG coordinates and path data for lines and bands, from pixel coordinates, all to a
//! tenth of a pixel. Pure and tested natively.

use adoption_model::decimal::fixed;

/// A polyline through the points `(xs[i], ys[i])`.
pub fn line_path(xs: &[f64], ys: &[f64]) -> String {
    let mut d = String::with_capacity(xs.len() * 16);
    for (i, (&x, &y)) in xs.iter().zip(ys).enumerate() {
        point(&mut d, if i == 0 { "M" } else { " L" }, x, y);
    }
    d
}

/// A coordinate or length for an SVG attribute, to a tenth of a pixel, without a needless
/// `.0` (`280`, `12.5`).
pub fn px(v: f64) -> String {
    let mut text = fixed(v, 1);
    if text.ends_with(".0") {
        text.truncate(text.len() - 2);
    }
    text
}

/// `command` and the point.
fn point(d: &mut String, command: &str, x: f64, y: f64) {
    d.push_str(command);
    d.push_str(&px(x));
    d.push(' ');
    d.push_str(&px(y));
}

/// A closed band between a lower and an upper series (upper left to right, then lower
/// back), for uncertainty bands.
pub fn band_path(xs: &[f64], lower: &[f64], upper: &[f64]) -> String {
    if xs.is_empty() {
        return String::new();
    }
    let mut d = line_path(xs, upper);
    for (&x, &y) in xs.iter().zip(lower).rev() {
        point(&mut d, " L", x, y);
    }
    d.push_str(" Z");
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_visit_every_point() {
        assert_eq!(line_path(&[0.0, 10.0], &[5.0, 2.26]), "M0 5 L10 2.3");
        assert_eq!(
            band_path(&[0.0, 10.0], &[9.0, 8.0], &[1.0, 2.5]),
            "M0 1 L10 2.5 L10 8 L0 9 Z"
        );
        assert_eq!(band_path(&[], &[], &[]), "");
    }

    #[test]
    fn coordinates_are_tenths_without_a_needless_point() {
        for (v, text) in [
            (280.0, "280"),
            (12.25, "12.2"),
            (12.26, "12.3"),
            (-0.04, "0"),
            (-3.5, "-3.5"),
        ] {
            assert_eq!(px(v), text, "{v}");
        }
    }
}
