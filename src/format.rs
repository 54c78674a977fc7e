//! Numbers, money and shares formatted for people, in the page's language.
//!
//! English: `1,234,567`, `EUR 1,234,567`, `12.5%`. Spanish: `1.234.567`, `1.234.567 EUR`,
//! `12,5 %`. Pure functions, tested natively.

use crate::i18n::Lang;

/// Digits grouped in thousands with the language's separators, rounded to `decimals`.
pub fn number(value: f64, decimals: usize, lang: Lang) -> String {
    if !value.is_finite() {
        return "–".to_string();
    }
    let (group, point) = match lang {
        Lang::En => (',', '.'),
        Lang::Es => ('.', ','),
    };
    let text = format!("{:.*}", decimals, value.abs());
    let (int, frac) = match text.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (text.as_str(), None),
    };
    let mut out = String::with_capacity(text.len() + text.len() / 3 + 2);
    // "-0" after rounding is shown as "0".
    if value < 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0') {
        out.push('−');
    }
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(group);
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push(point);
        out.push_str(f);
    }
    out
}

/// A whole number of firms, or any count.
pub fn count(value: f64, lang: Lang) -> String {
    number(value, 0, lang)
}

/// Euros, rounded to the euro.
pub fn eur(value: f64, lang: Lang) -> String {
    let n = number(value, 0, lang);
    match lang {
        Lang::En => format!("EUR {n}"),
        Lang::Es => format!("{n} EUR"),
    }
}

/// Euros in a compact form for axes and tight spaces: `EUR 1.25 M`, `1,25 M EUR`.
pub fn eur_compact(value: f64, lang: Lang) -> String {
    let (scaled, unit, decimals) = if value.abs() >= 1e9 {
        (value / 1e9, " bn", 2)
    } else if value.abs() >= 1e6 {
        (value / 1e6, " M", 2)
    } else if value.abs() >= 1e4 {
        (value / 1e3, " k", 0)
    } else {
        (value, "", 0)
    };
    let n = trim_zeros(number(scaled, decimals, lang), lang);
    let unit = match (lang, unit) {
        (Lang::Es, " bn") => " mil M",
        (_, u) => u,
    };
    match lang {
        Lang::En => format!("EUR {n}{unit}"),
        Lang::Es => format!("{n}{unit} EUR"),
    }
}

/// A share in [0, 1] as a percentage with `decimals` places.
pub fn percent(share: f64, decimals: usize, lang: Lang) -> String {
    let n = number(share * 100.0, decimals, lang);
    match lang {
        Lang::En => format!("{n}%"),
        Lang::Es => format!("{n} %"),
    }
}

/// Drops trailing zeros after the decimal point (and the point itself).
fn trim_zeros(text: String, lang: Lang) -> String {
    let point = match lang {
        Lang::En => '.',
        Lang::Es => ',',
    };
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
        assert_eq!(number(1234.5, 1, Lang::Es), "1.234,5");
        assert_eq!(number(999.0, 0, Lang::En), "999");
        assert_eq!(number(-1500.0, 0, Lang::En), "−1,500");
        assert_eq!(number(-0.2, 0, Lang::En), "0");
        assert_eq!(number(f64::NAN, 0, Lang::En), "–");
    }

    #[test]
    fn money_and_shares() {
        assert_eq!(eur(1_250_000.0, Lang::En), "EUR 1,250,000");
        assert_eq!(eur(1_250_000.0, Lang::Es), "1.250.000 EUR");
        assert_eq!(eur_compact(1_250_000.0, Lang::En), "EUR 1.25 M");
        assert_eq!(eur_compact(1_000_000.0, Lang::Es), "1 M EUR");
        assert_eq!(eur_compact(50_000.0, Lang::En), "EUR 50 k");
        assert_eq!(eur_compact(2_500_000_000.0, Lang::Es), "2,5 mil M EUR");
        assert_eq!(percent(0.125, 1, Lang::En), "12.5%");
        assert_eq!(percent(0.125, 1, Lang::Es), "12,5 %");
    }
}
