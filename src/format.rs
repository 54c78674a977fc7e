//! Numbers, money and shares formatted for people, in the page's language.
//!
//! English: `1,234,567`, `EUR 1,234,567`, `12.5%`. Spanish: `3592`, `1.234.567`,
//! `1.234.567 EUR`, `12,5 %`. Portuguese: `3592`, `1 234 567`, `1 234 567 EUR`, `12,5%`. The
//! style of each is its [`NumberStyle`](crate::i18n::NumberStyle); these are pure functions
//! of it, tested natively.

use crate::i18n::{Lang, NumberStyle};
use adoption_model::decimal;

/// Digits grouped in thousands with the language's separators, rounded to `decimals`.
pub fn number(value: f64, decimals: usize, lang: Lang) -> String {
    number_in(value, decimals, &lang.locale().numbers)
}

/// [`number`] in a given style.
pub fn number_in(value: f64, decimals: usize, style: &NumberStyle) -> String {
    if !value.is_finite() {
        return "–".to_string();
    }
    let text = decimal::fixed(value.abs(), decimals);
    let (int, frac) = match text.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (text.as_str(), None),
    };
    let mut out = String::with_capacity(text.len() + text.len() / 3 + 2);
    // "-0" after rounding is shown as "0".
    if value < 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0') {
        out.push('−');
    }
    let grouped = int.len() >= 3 + style.min_grouping;
    for (i, c) in int.chars().enumerate() {
        if grouped && i > 0 && (int.len() - i) % 3 == 0 {
            out.push(style.group);
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push(style.decimal);
        out.push_str(f);
    }
    out
}

/// A whole number of firms, or any count.
pub fn count(value: f64, lang: Lang) -> String {
    count_in(value, &lang.locale().numbers)
}

/// [`count`] in a given style.
pub fn count_in(value: f64, style: &NumberStyle) -> String {
    number_in(value, 0, style)
}

/// Euros, rounded to the euro.
pub fn eur(value: f64, lang: Lang) -> String {
    let style = &lang.locale().numbers;
    style.currency.around(&number_in(value, 0, style))
}

/// Euros in a compact form for axes and tight spaces: `EUR 1.25 M`, `1,25 M EUR`.
pub fn eur_compact(value: f64, lang: Lang) -> String {
    let style = &lang.locale().numbers;
    let [thousands, millions, billions] = style.compact;
    let (scaled, unit, decimals) = if value.abs() >= 1e9 {
        (value / 1e9, billions, 2)
    } else if value.abs() >= 1e6 {
        (value / 1e6, millions, 2)
    } else if value.abs() >= 1e4 {
        (value / 1e3, thousands, 0)
    } else {
        (value, "", 0)
    };
    let n = trim_zeros(number_in(scaled, decimals, style), style.decimal);
    style.currency.around(&format!("{n}{unit}"))
}

/// A share in [0, 1] as a percentage with `decimals` places.
pub fn percent(share: f64, decimals: usize, lang: Lang) -> String {
    let style = &lang.locale().numbers;
    style
        .percent
        .around(&number_in(share * 100.0, decimals, style))
}

/// Reads a number as people type it in the page's language: `1,250,000.5`,
/// `1.250.000,5` or `1 250 000,5`, with a currency or percent sign around it. A single
/// separator followed by exactly three digits is a thousands separator if it is not the
/// language's decimal sign (`1.250` is 1250 in Spanish, 1.25 in English); otherwise it is
/// the decimal point (both `2.5` and `2,5` are two and a half). `None` for anything else.
pub fn parse_number(text: &str, lang: Lang) -> Option<f64> {
    let group = match lang.locale().numbers.decimal {
        ',' => '.',
        _ => ',',
    };
    let cleaned: String = text
        .trim()
        .trim_end_matches(['%', '€'])
        .trim_end_matches("EUR")
        .trim_start_matches("EUR")
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{202f}')
        .collect();
    let (sign, digits) = match cleaned.strip_prefix(['-', '−']) {
        Some(rest) => ("-", rest),
        None => ("", cleaned.strip_prefix('+').unwrap_or(&cleaned)),
    };
    // An exponent (1e6) is left to the standard reader, with a point for a comma.
    if digits.contains(['e', 'E']) {
        return decimal::parse(&format!("{sign}{}", digits.replace(',', ".")))
            .filter(|v: &f64| !v.is_nan());
    }
    let separators: Vec<(usize, char)> = digits
        .char_indices()
        .filter(|(_, c)| *c == '.' || *c == ',')
        .collect();
    let decimal_at = match separators.as_slice() {
        [] => None,
        [(i, c)] => {
            let after = digits.len() - i - 1;
            let before = *i;
            let grouping = *c == group && after == 3 && (1..=3).contains(&before);
            (!grouping).then_some(*i)
        }
        [.., (last, c)] => {
            let first = separators[0].1;
            // Mixed separators: the last one is the decimal point. Repeated ones group.
            (*c != first).then_some(*last)
        }
    };
    let (int_part, frac_part) = match decimal_at {
        Some(i) => (&digits[..i], &digits[i + 1..]),
        None => (digits, ""),
    };
    // Grouping: the first group has 1 to 3 digits, every other exactly 3.
    let groups: Vec<&str> = int_part.split(['.', ',']).collect();
    let grouped_ok = groups.len() == 1
        || (groups[0].len() <= 3
            && !groups[0].is_empty()
            && groups[1..].iter().all(|g| g.len() == 3));
    let all_digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if !grouped_ok || !groups.iter().all(|g| all_digits(g)) || !all_digits(frac_part) {
        return None;
    }
    let int: String = groups.concat();
    if int.is_empty() && frac_part.is_empty() {
        return None;
    }
    decimal::parse(&format!(
        "{sign}{}.{}",
        if int.is_empty() { "0" } else { &int },
        if frac_part.is_empty() { "0" } else { frac_part }
    ))
}

/// A value for an input box: no grouping, the language's decimal separator, at most
/// `decimals` places without trailing zeros.
pub fn plain(value: f64, decimals: usize, lang: Lang) -> String {
    let text = decimal::fixed(value, decimals);
    let text = if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    };
    text.replace('.', &lang.locale().numbers.decimal.to_string())
}

/// Drops trailing zeros after the decimal point (and the point itself).
fn trim_zeros(text: String, point: char) -> String {
    if !text.contains(point) {
        return text;
    }
    text.trim_end_matches('0')
        .trim_end_matches(point)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_thousands_per_language() {
        assert_eq!(number(1_234_567.0, 0, Lang::En), "1,234,567");
        assert_eq!(number(1_234_567.0, 0, Lang::Es), "1.234.567");
        // CLDR and the RAE: Spanish groups only from five digits (minimum grouping 2).
        assert_eq!(number(3592.0, 0, Lang::Es), "3592");
        assert_eq!(number(12_345.0, 0, Lang::Es), "12.345");
        assert_eq!(number(1234.5, 1, Lang::Es), "1234,5");
        assert_eq!(number(-1500.0, 0, Lang::Es), "−1500");
        assert_eq!(number(3592.0, 0, Lang::En), "3,592");
        // CLDR pt-PT: a no-break space (U+00A0) between groups, also from five digits.
        assert_eq!(number(1_234_567.89, 2, Lang::Pt), "1\u{a0}234\u{a0}567,89");
        assert_eq!(number(1234.0, 0, Lang::Pt), "1234");
        assert_eq!(number(12_345.0, 0, Lang::Pt), "12\u{a0}345");
        assert_eq!(number(999.0, 0, Lang::En), "999");
        assert_eq!(number(-1500.0, 0, Lang::En), "−1,500");
        assert_eq!(number(-0.2, 0, Lang::En), "0");
        assert_eq!(number(f64::NAN, 0, Lang::En), "–");
    }

    #[test]
    fn reads_numbers_as_people_type_them() {
        let en = |t| parse_number(t, Lang::En);
        let es = |t| parse_number(t, Lang::Es);
        let pt = |t| parse_number(t, Lang::Pt);
        assert_eq!(pt("1 250 000,5"), Some(1_250_000.5));
        assert_eq!(pt("1\u{a0}250\u{a0}000 EUR"), Some(1_250_000.0));
        assert_eq!(pt("1.250"), Some(1_250.0));
        assert_eq!(pt("2,5"), Some(2.5));
        assert_eq!(pt("12,5%"), Some(12.5));
        assert_eq!(es("3592"), Some(3592.0));
        assert_eq!(en("1,250,000"), Some(1_250_000.0));
        assert_eq!(es("1.250.000"), Some(1_250_000.0));
        assert_eq!(es("1.250.000,5"), Some(1_250_000.5));
        assert_eq!(en("1,250,000.5"), Some(1_250_000.5));
        assert_eq!(en("1,250"), Some(1_250.0));
        assert_eq!(es("1,250"), Some(1.25));
        assert_eq!(en("1.250"), Some(1.25));
        assert_eq!(es("1.250"), Some(1_250.0));
        assert_eq!(en("2.5"), Some(2.5));
        assert_eq!(es("2,5"), Some(2.5));
        assert_eq!(es("0,38"), Some(0.38));
        assert_eq!(en("EUR 1,250,000"), Some(1_250_000.0));
        assert_eq!(es("1.250.000 EUR"), Some(1_250_000.0));
        assert_eq!(es("1 250 000"), Some(1_250_000.0));
        assert_eq!(en("-5"), Some(-5.0));
        assert_eq!(en("1e999"), Some(f64::INFINITY));
        assert_eq!(en(".5"), Some(0.5));
        for bad in [
            "",
            "abc",
            "1.25.0",
            "1,2,3",
            "12,34,567",
            "--5",
            "1e",
            "NaN",
            "1..2",
            "5 apples",
            ".",
        ] {
            assert_eq!(en(bad), None, "{bad}");
            assert_eq!(es(bad), None, "{bad}");
            assert_eq!(pt(bad), None, "{bad}");
        }
    }

    #[test]
    fn plain_numbers_for_inputs() {
        assert_eq!(plain(1_250_000.0, 0, Lang::En), "1250000");
        assert_eq!(plain(0.85, 2, Lang::En), "0.85");
        assert_eq!(plain(0.85, 2, Lang::Es), "0,85");
        assert_eq!(plain(0.5, 3, Lang::En), "0.5");
        assert_eq!(plain(1234.5, 1, Lang::Pt), "1234,5");
    }

    #[test]
    fn money_and_shares() {
        assert_eq!(eur(1_250_000.0, Lang::En), "EUR 1,250,000");
        assert_eq!(eur(1_250_000.0, Lang::Es), "1.250.000\u{a0}EUR");
        assert_eq!(eur_compact(1_250_000.0, Lang::En), "EUR 1.25 M");
        assert_eq!(eur_compact(1_000_000.0, Lang::Es), "1\u{a0}M\u{a0}EUR");
        assert_eq!(eur_compact(50_000.0, Lang::En), "EUR 50 k");
        assert_eq!(
            eur_compact(2_500_000_000.0, Lang::Es),
            "2,5\u{a0}mil\u{a0}M\u{a0}EUR"
        );
        assert_eq!(percent(0.125, 1, Lang::En), "12.5%");
        // CLDR es: "#,##0 %", the space a no-break one.
        assert_eq!(percent(0.125, 1, Lang::Es), "12,5\u{a0}%");
        assert_eq!(eur(3592.0, Lang::Es), "3592\u{a0}EUR");
        // In Spanish and Portuguese every space around a number is a no-break one (U+00A0),
        // so that no sign or unit wraps onto a line of its own in a narrow cell.
        for lang in [Lang::Es, Lang::Pt] {
            let compact = eur_compact(2_500_000_000.0, lang);
            assert!(
                !compact.contains(' '),
                "{lang:?}: {compact:?} has a breaking space"
            );
            for (text, value) in [
                (eur(1_250_000.0, lang), 1_250_000.0),
                (percent(0.125, 1, lang), 12.5),
            ] {
                assert!(
                    !text.contains(' '),
                    "{lang:?}: {text:?} has a breaking space"
                );
                // And it reads back as typed into a field.
                assert_eq!(parse_number(&text, lang), Some(value), "{lang:?}: {text:?}");
            }
        }
        assert_eq!(eur(1_250_000.0, Lang::Pt), "1\u{a0}250\u{a0}000\u{a0}EUR");
        assert_eq!(eur_compact(1_250_000.0, Lang::Pt), "1,25\u{a0}M\u{a0}EUR");
        assert_eq!(eur_compact(50_000.0, Lang::Pt), "50\u{a0}mil\u{a0}EUR");
        assert_eq!(
            eur_compact(2_500_000_000.0, Lang::Pt),
            "2,5\u{a0}mil\u{a0}M\u{a0}EUR"
        );
        // CLDR pt: no space before the percent sign.
        assert_eq!(percent(0.125, 1, Lang::Pt), "12,5%");
    }
}
