//! Reading one cell: whole numbers of firms, and numbers or ranges for the coefficients.

use adoption_model::ScenarioError;

use crate::message::{Arg, Key, Message};
use adoption_model::param::{Param, Range};

/// A whole number of firms as written in a cell (already trimmed and not empty), or a
/// message saying why it is not one.
pub(super) fn count(text: &str) -> Result<u64, Message> {
    let digits = text.strip_prefix('+').unwrap_or(text);
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        // More digits than fit are far above any limit: say so with the text as written.
        return Ok(digits.parse().unwrap_or(u64::MAX));
    }
    if let Some(plain) = without_thousands_separator(text) {
        return Err(Message::new(
            Key::ThousandsSeparator,
            [Arg::text(text), Arg::Text(plain)],
        ));
    }
    Err(Message::new(Key::CellNotWhole, [Arg::text(text)]))
}

/// `15300` for `15,300`, `15.300`, `15 300` or `1,234,567`: digits in groups of three
/// after the first, all joined by the same separator.
fn without_thousands_separator(text: &str) -> Option<String> {
    let sep = text.chars().find(|c| !c.is_ascii_digit())?;
    if !matches!(sep, ',' | '.' | ' ' | '\'' | '\u{a0}' | '\u{202f}') {
        return None;
    }
    let mut groups = text.split(sep);
    let first = groups.next()?;
    if first.is_empty() || first.len() > 3 || !first.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut plain = first.to_string();
    for group in groups {
        if group.len() != 3 || !group.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        plain.push_str(group);
    }
    Some(plain)
}

/// A coefficient as written in a cell (already trimmed and not empty): a number, or a
/// range `low..high` or `low..mode..high`, checked to lie within `[min, max]`.
/// `decimal_comma` accepts `0,38` for 0.38.
pub(super) fn param(
    text: &str,
    decimal_comma: bool,
    column: &str,
    min: f64,
    max: f64,
) -> Result<Param, Message> {
    let shape = || Message::new(Key::CellNotParam, [Arg::text(text)]);
    if let Some(percent) = text.strip_suffix('%') {
        return Err(match number(percent.trim(), decimal_comma) {
            // What to type, so written as the file writes it (not in the reader's format).
            Some(v) => Message::new(
                Key::CellPercent,
                [Arg::text(text), Arg::Text(crate::message::tidy(v / 100.0))],
            ),
            None => shape(),
        });
    }
    let mut parts = Vec::with_capacity(3);
    for part in text.split("..") {
        if parts.len() == 3 {
            return Err(shape());
        }
        match number(part.trim(), decimal_comma) {
            Some(v) => parts.push(v),
            None if !decimal_comma && part.contains(',') => {
                return Err(Message::new(
                    Key::CellDecimalComma,
                    [Arg::text(text), Arg::text(&text.replace(',', "."))],
                ));
            }
            None => return Err(shape()),
        }
    }
    let value = match parts[..] {
        [v] => Param::Exact(v),
        [low, high] => Param::Range(Range {
            low,
            mode: None,
            high,
        }),
        [low, mode, high] => Param::range(low, mode, high),
        _ => return Err(shape()),
    };
    value
        .check(column, min, max)
        .map_err(|e: ScenarioError| crate::worded::problem(&e.problem))?;
    Ok(value)
}

/// A yearly rate as written in a cell (already trimmed and not empty): a number (not a
/// range) within `[0, max]`.
pub(super) fn rate(
    text: &str,
    decimal_comma: bool,
    column: &str,
    max: f64,
) -> Result<f64, Message> {
    match param(text, decimal_comma, column, 0.0, max)? {
        Param::Exact(v) => Ok(v),
        Param::Range(_) => Err(Message::new(Key::NotANumber, [Arg::text(text)])),
    }
}

/// A plain decimal number: optional sign, digits with at most one decimal mark, optional
/// exponent. Not `inf` or `NaN`, which Rust's own parser accepts.
pub(crate) fn number(text: &str, decimal_comma: bool) -> Option<f64> {
    let owned;
    let text = if decimal_comma && text.contains(',') {
        if text.contains('.') {
            return None;
        }
        owned = text.replace(',', ".");
        owned.as_str()
    } else {
        text
    };
    let unsigned = text.strip_prefix(['+', '-']).unwrap_or(text);
    let (mantissa, exponent) = match unsigned.find(['e', 'E']) {
        Some(i) => (&unsigned[..i], Some(&unsigned[i + 1..])),
        None => (unsigned, None),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() && fraction.is_empty() || !digits(whole) || !digits(fraction) {
        return None;
    }
    if let Some(exp) = exponent {
        let exp = exp.strip_prefix(['+', '-']).unwrap_or(exp);
        if exp.is_empty() || !digits(exp) {
            return None;
        }
    }
    adoption_model::decimal::parse(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_digits_only() {
        assert_eq!(count("8000"), Ok(8000));
        assert_eq!(count("+12"), Ok(12));
        assert_eq!(count("99999999999999999999999"), Ok(u64::MAX));
        assert!(
            count("15,300")
                .unwrap_err()
                .to_string()
                .contains("write 15300")
        );
        assert!(
            count("1.234.567")
                .unwrap_err()
                .to_string()
                .contains("write 1234567")
        );
        assert!(
            count("15 300")
                .unwrap_err()
                .to_string()
                .contains("thousands")
        );
        assert!(
            count("15.3")
                .unwrap_err()
                .to_string()
                .contains("not a whole number")
        );
        assert!(
            count("1500,00")
                .unwrap_err()
                .to_string()
                .contains("not a whole number")
        );
        assert!(
            count("-5")
                .unwrap_err()
                .to_string()
                .contains("not a whole number")
        );
        assert!(
            count("ten")
                .unwrap_err()
                .to_string()
                .contains("not a whole number")
        );
    }

    #[test]
    fn numbers_follow_the_decimal_mark() {
        assert_eq!(number("0.38", false), Some(0.38));
        assert_eq!(number("0,38", true), Some(0.38));
        assert_eq!(number("0.38", true), Some(0.38));
        assert_eq!(number("0,38", false), None);
        assert_eq!(number("1.234,5", true), None);
        assert_eq!(number(".5", false), Some(0.5));
        assert_eq!(number("1e-3", false), Some(0.001));
        assert_eq!(number("-0", false), Some(-0.0));
        for bad in [
            "", ".", "-", "inf", "NaN", "1e", "1e+", "0x1", "1.2.3", "e5", "1_0",
        ] {
            assert_eq!(number(bad, false), None, "{bad}");
        }
    }

    #[test]
    fn params_are_numbers_or_ranges() {
        let p = |t| param(t, true, "q", 0.0, 1.0);
        assert_eq!(p("0,38"), Ok(Param::Exact(0.38)));
        assert_eq!(p("0,30..0,38..0,53"), Ok(Param::range(0.30, 0.38, 0.53)));
        assert_eq!(
            p("0.2 .. 0.4"),
            Ok(Param::Range(Range {
                low: 0.2,
                mode: None,
                high: 0.4
            }))
        );
        assert!(
            p("0.1..0.2..0.3..0.4")
                .unwrap_err()
                .to_string()
                .contains("not a number or a range")
        );
        assert!(
            p("0.5..0.4..0.6")
                .unwrap_err()
                .to_string()
                .contains("low <= mode <= high")
        );
        assert!(
            p("1.5")
                .unwrap_err()
                .to_string()
                .contains("between 0 and 1")
        );
        assert!(
            p("38%")
                .unwrap_err()
                .to_string()
                .contains("as a share, 0.38")
        );
        assert!(
            param("0,38", false, "q", 0.0, 1.0)
                .unwrap_err()
                .to_string()
                .contains("decimals with a point (0.38)")
        );
    }
}
