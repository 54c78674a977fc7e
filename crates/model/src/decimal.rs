//! Decimal text to and from `f64`, without the standard library's tables.
//!
//! Reading: [`parse`] gives the same number `str::parse::<f64>` gives.
//! NOTE: the standard reader carries a 10 KB table of powers of five (Eisel-Lemire), which
//! gzip cannot shrink. Every number the page reads (scenario tidying, links, CSV cells, number
//! boxes) goes through [`parse`] instead, which took 11.9 KB gzip off the page's first load
//! (measured); one `str::parse::<f64>` left anywhere the page reaches brings the table back.
//! Both round correctly (to nearest, ties to even), so they agree on every input: the common
//! case is one exact multiplication or division (a mantissa below 10^15, a power of ten up to
//! 10^22: Clinger's fast path, as in the standard reader); the rest is exact integer
//! arithmetic, slower but rare. The tests compare the two on ties, subnormals, overflow and a
//! few hundred thousand random inputs.
//!
//! Writing: [`fixed`] and [`significant`] round the *shortest* decimal that reads back as the
//! number (what serde_json writes, by the `zmij` crate the page already carries), ties to even.
//! NOTE: the standard writer (`format!("{:.2}", x)`, `{:e}`, and `Display`/`Debug` of any
//! `f64`) brings core's exact float formatting (Grisu with a Dragon fallback and its big-number
//! tables) into the page; one such use left anywhere the page reaches brings it back. The two
//! writers differ only where the shortest decimal is a tie at the rounding place but the
//! binary number is not: 0.15 is stored as 0.1499999999999999944…, which `{:.1}` writes "0.1"
//! and [`fixed`] "0.2", as a person reading 0.15 expects. The tests compare them everywhere
//! else.

use std::cmp::Ordering;

/// The text as an `f64`, or `None` where `str::parse::<f64>` fails (same grammar: an
/// optional sign, digits with an optional point, an optional exponent; `inf`, `infinity`
/// and `nan` in any case).
pub fn parse(text: &str) -> Option<f64> {
    let (negative, unsigned) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    let magnitude =
        if unsigned.eq_ignore_ascii_case("inf") || unsigned.eq_ignore_ascii_case("infinity") {
            f64::INFINITY
        } else if unsigned.eq_ignore_ascii_case("nan") {
            f64::NAN
        } else {
            let (digits, exponent) = split(unsigned.as_bytes())?;
            value(digits, exponent)
        };
    Some(if negative { -magnitude } else { magnitude })
}

/// `v` rounded to `decimals` places, written like `format!("{v:.decimals$}")` (no exponent,
/// no grouping, `-` only for a non-zero result, `NaN`, `inf` and `-inf` as the standard
/// writer has them). The rounding is of the shortest decimal that reads back as `v`, ties to
/// even (see the module's notes); past that decimal's digits come zeros where the standard
/// writer goes on with the binary number's (`0.1` to 20 places: `0.10000000000000000000`, not
/// `0.10000000000000000555`).
pub fn fixed(v: f64, decimals: usize) -> String {
    if !v.is_finite() {
        return display(v);
    }
    let (mut digits, mut power) = shortest(v.abs());
    let keep = digits.len() as i64 + power + decimals as i64;
    round_digits(&mut digits, &mut power, keep);
    write(v < 0.0, &digits, power, decimals)
}

/// `v` as `v.to_string()` writes it: the shortest decimal that reads back as `v`, without
/// an exponent (`0.1`, `1500`, `0.0000001`), `NaN`, `inf` and `-inf`; zero is `0`.
pub fn display(v: f64) -> String {
    if v.is_nan() {
        return "NaN".to_string();
    }
    if v.is_infinite() {
        return if v > 0.0 { "inf" } else { "-inf" }.to_string();
    }
    let (digits, power) = shortest(v.abs());
    write(v < 0.0, &digits, power, (-power).max(0) as usize)
}

/// `digits × 10^power` (at most `decimals` places of it) written with `decimals` places,
/// `-` before it if `negative` and it is not zero.
fn write(negative: bool, digits: &[u8], power: i64, decimals: usize) -> String {
    let len = digits.len() as i64;
    let at = |place: i64| {
        let i = power + len - 1 - place;
        if (0..len).contains(&i) {
            char::from(b'0' + digits[i as usize])
        } else {
            '0'
        }
    };
    let top = if digits.is_empty() {
        0
    } else {
        (power + len - 1).max(0)
    };
    let mut out = String::with_capacity(top as usize + decimals + 3);
    if negative && !digits.is_empty() {
        out.push('-');
    }
    out.extend((0..=top).rev().map(at));
    if decimals > 0 {
        out.push('.');
        out.extend((1..=decimals as i64).map(|place| at(-place)));
    }
    out
}

/// `v` rounded to `digits` significant digits (at least 1), as the nearest `f64`: the
/// shortest decimal that reads back as `v`, rounded ties to even, read back. Zero and
/// non-finite numbers are returned as they are.
pub fn significant(v: f64, digits: usize) -> f64 {
    if !v.is_finite() || v == 0.0 {
        return v;
    }
    let (mut kept, mut power) = shortest(v.abs());
    round_digits(&mut kept, &mut power, digits.max(1) as i64);
    let magnitude = value(kept, power);
    if v < 0.0 { -magnitude } else { magnitude }
}

/// The significant digits (no leading or trailing zeros) and power of ten of the shortest
/// decimal that reads back as the finite, non-negative `v`; no digits for zero.
fn shortest(v: f64) -> (Vec<u8>, i64) {
    let mut buffer = zmij::Buffer::new();
    // zmij writes `1.5`, `0.001`, `1e-7` or `1.2e+22`: always a decimal `split` reads.
    split(buffer.format_finite(v).as_bytes()).unwrap_or_default()
}

/// Rounds `digits × 10^power` to its first `keep` digits (none if `keep <= 0`), ties to
/// even, leaving no trailing zeros.
fn round_digits(digits: &mut Vec<u8>, power: &mut i64, keep: i64) {
    let len = digits.len() as i64;
    if keep >= len {
        return;
    }
    if keep < 0 {
        digits.clear();
        *power = 0;
        return;
    }
    let k = keep as usize;
    let first = digits[k];
    // No trailing zeros: any digit after the first dropped one makes it more than a tie.
    let more = digits.len() > k + 1;
    let odd = k > 0 && digits[k - 1] % 2 == 1;
    let up = first > 5 || first == 5 && (more || odd);
    *power += len - keep;
    digits.truncate(k);
    if up {
        match digits.iter().rposition(|&d| d != 9) {
            Some(i) => {
                // The nines after place i become zeros, which are dropped.
                *power += (digits.len() - i - 1) as i64;
                digits.truncate(i + 1);
                digits[i] += 1;
            }
            None => {
                // All nines (or nothing kept): one unit of the next place up.
                *power += digits.len() as i64;
                digits.clear();
                digits.push(1);
            }
        }
    }
    while digits.last() == Some(&0) {
        digits.pop();
        *power += 1;
    }
    if digits.is_empty() {
        *power = 0;
    }
}

/// Significant digits kept exactly; see [`split`].
const MAX_DIGITS: usize = 800;

/// The significant digits (no leading or trailing zeros) and the power of ten they are
/// multiplied by, or `None` if the text is not a decimal number.
fn split(text: &[u8]) -> Option<(Vec<u8>, i64)> {
    let (mantissa, exponent) = match text.iter().position(|b| b | 0x20 == b'e') {
        Some(i) => (&text[..i], Some(&text[i + 1..])),
        None => (text, None),
    };
    let (whole, fraction) = match mantissa.iter().position(|&b| b == b'.') {
        Some(i) => (&mantissa[..i], &mantissa[i + 1..]),
        None => (mantissa, &[][..]),
    };
    let is_digits = |s: &[u8]| s.iter().all(u8::is_ascii_digit);
    if whole.is_empty() && fraction.is_empty() || !is_digits(whole) || !is_digits(fraction) {
        return None;
    }
    let mut power = match exponent {
        Some(e) => exponent_value(e)?,
        None => 0,
    };
    power -= fraction.len() as i64;
    let mut digits: Vec<u8> = whole.iter().chain(fraction).map(|b| b - b'0').collect();
    while digits.last() == Some(&0) {
        digits.pop();
        power += 1;
    }
    let leading = digits.iter().take_while(|&&d| d == 0).count();
    digits.drain(..leading);
    // NOTE: 768 significant digits decide the rounding of any f64; past them only whether
    // anything non-zero follows matters. Keeping 800 and one sticky digit bounds the exact
    // arithmetic below, which is quadratic in the digits (a page-long number took seconds).
    if digits.len() > MAX_DIGITS {
        power += (digits.len() - MAX_DIGITS - 1) as i64;
        digits.truncate(MAX_DIGITS);
        // The last digit was not zero (trailing zeros are gone), so something follows.
        digits.push(1);
    }
    Some((digits, power))
}

/// An exponent's value, saturated far beyond any finite `f64` (as the standard reader does).
fn exponent_value(text: &[u8]) -> Option<i64> {
    let (negative, digits) = match text.first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let magnitude = digits
        .iter()
        .fold(0i64, |acc, d| (acc * 10 + i64::from(d - b'0')).min(1 << 40));
    Some(if negative { -magnitude } else { magnitude })
}

/// Exact powers of ten as `f64` (10^22 is the last one an `f64` holds exactly).
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// `digits × 10^power`, rounded to the nearest `f64` (ties to even).
fn value(digits: Vec<u8>, power: i64) -> f64 {
    let n = digits.len() as i64;
    // Below 10^-324 rounds to zero, from 10^310 up is past the largest f64.
    if digits.is_empty() || n + power < -324 {
        return 0.0;
    }
    if n + power > 310 {
        return f64::INFINITY;
    }
    if n <= 15 && power.abs() <= 22 {
        let m = digits.iter().fold(0u64, |acc, &d| acc * 10 + u64::from(d)) as f64;
        let p = POW10[power.unsigned_abs() as usize];
        return if power < 0 { m / p } else { m * p };
    }
    let mut big = Big::default();
    for &d in &digits {
        big.mul_add(10, u32::from(d));
    }
    let (q, e2, sticky) = if power >= 0 {
        for _ in 0..power {
            big.mul_add(10, 0);
        }
        big.top64()
    } else {
        let mut divisor = Big::default();
        divisor.mul_add(1, 1);
        for _ in 0..-power {
            divisor.mul_add(10, 0);
        }
        big.quotient64(divisor)
    };
    round(q, e2, sticky)
}

/// `(q + a fraction) × 2^e2` rounded to the nearest `f64`, ties to even; `sticky` says the
/// fraction is not zero, and `q` has its top bit set, so at least 11 bits are rounded off.
fn round(q: u64, e2: i64, sticky: bool) -> f64 {
    // The value lies in [2^top, 2^(top + 1)).
    let top = 63 + e2;
    if top > 1023 {
        return f64::INFINITY;
    }
    // Bits of the significand: 53, fewer for a subnormal.
    let keep = if top >= -1022 { 53 } else { top + 1075 };
    if keep < 0 {
        return 0.0;
    }
    let drop = 64 - keep;
    let wide = u128::from(q);
    let mut m = (wide >> drop) as u64;
    let rest = wide & ((1u128 << drop) - 1);
    let half = 1u128 << (drop - 1);
    if rest > half || rest == half && (sticky || m & 1 == 1) {
        m += 1;
    }
    if keep < 53 {
        // Subnormal: the bits are the significand (a carry into bit 52 makes the smallest
        // normal number, whose bits are the same).
        return f64::from_bits(m);
    }
    let (m, top) = if m >> 53 == 1 {
        (m >> 1, top + 1)
    } else {
        (m, top)
    };
    if top > 1023 {
        return f64::INFINITY;
    }
    f64::from_bits(((top + 1023) as u64) << 52 | (m & ((1 << 52) - 1)))
}

/// A non-negative integer of any size: 32-bit limbs, least significant first, no zero limb
/// at the top.
#[derive(Default)]
struct Big(Vec<u32>);

impl Big {
    /// `self × factor + add`.
    fn mul_add(&mut self, factor: u32, add: u32) {
        let mut carry = u64::from(add);
        for limb in &mut self.0 {
            let v = u64::from(*limb) * u64::from(factor) + carry;
            *limb = v as u32;
            carry = v >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
        self.trim();
    }

    fn trim(&mut self) {
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
    }

    fn bits(&self) -> i64 {
        self.0.last().map_or(0, |top| {
            32 * self.0.len() as i64 - i64::from(top.leading_zeros())
        })
    }

    fn bit(&self, i: i64) -> bool {
        let limb = (i / 32) as usize;
        i >= 0 && limb < self.0.len() && self.0[limb] >> (i % 32) & 1 == 1
    }

    /// The top 64 bits (`q`, top bit set), the power of two they are scaled by, and
    /// whether any bit below them is set.
    fn top64(&self) -> (u64, i64, bool) {
        let shift = self.bits() - 64;
        let q = (0..64).fold(0u64, |acc, i| {
            acc << 1 | u64::from(self.bit(shift + 63 - i))
        });
        let sticky = (0..shift).any(|i| self.bit(i));
        (q, shift, sticky)
    }

    /// `self / divisor` as 64 bits with the top bit set (the same three parts as
    /// [`Big::top64`]), by long division one bit at a time.
    fn quotient64(mut self, mut divisor: Big) -> (u64, i64, bool) {
        // Scaled so that the quotient lies in (2^62, 2^64).
        let scale = divisor.bits() - self.bits() + 63;
        if scale >= 0 {
            self.shift_left(scale);
        } else {
            divisor.shift_left(-scale);
        }
        let mut step = divisor;
        step.shift_left(63);
        let mut q = 0u64;
        for _ in 0..64 {
            q <<= 1;
            if self.compare(&step) != Ordering::Less {
                self.subtract(&step);
                q |= 1;
            }
            step.halve();
        }
        // A zero bit shifted in keeps rounding exact: the remainder still says whether
        // anything is left below it.
        let (q, e2) = if q >> 63 == 0 {
            (q << 1, -scale - 1)
        } else {
            (q, -scale)
        };
        (q, e2, !self.0.is_empty())
    }

    fn shift_left(&mut self, bits: i64) {
        let (limbs, bits) = ((bits / 32) as usize, (bits % 32) as u32);
        if bits > 0 {
            let mut carry = 0u32;
            for limb in &mut self.0 {
                let v = *limb;
                *limb = v << bits | carry;
                carry = v >> (32 - bits);
            }
            if carry > 0 {
                self.0.push(carry);
            }
        }
        self.0.splice(0..0, std::iter::repeat_n(0, limbs));
        self.trim();
    }

    fn halve(&mut self) {
        let mut carry = 0u32;
        for limb in self.0.iter_mut().rev() {
            let v = *limb;
            *limb = v >> 1 | carry << 31;
            carry = v & 1;
        }
        self.trim();
    }

    fn compare(&self, other: &Big) -> Ordering {
        self.0
            .len()
            .cmp(&other.0.len())
            .then_with(|| self.0.iter().rev().cmp(other.0.iter().rev()))
    }

    /// `self - other`, for `other <= self`.
    fn subtract(&mut self, other: &Big) {
        let mut borrow = 0i64;
        for (i, limb) in self.0.iter_mut().enumerate() {
            let v = i64::from(*limb) - i64::from(other.0.get(i).copied().unwrap_or(0)) - borrow;
            *limb = v.rem_euclid(1 << 32) as u32;
            borrow = i64::from(v < 0);
        }
        self.trim();
    }
}

#[cfg(test)]
mod tests {
    use super::parse;

    /// The standard reader's answer, bit for bit (NaN's sign included).
    fn check(text: &str) {
        let expected = text.parse::<f64>().ok().map(f64::to_bits);
        assert_eq!(parse(text).map(f64::to_bits), expected, "{text}");
    }

    /// A small deterministic generator, so failures reproduce.
    use crate::sample::SplitMix64 as Mix;
    impl Mix {
        fn next(&mut self) -> u64 {
            self.next_u64()
        }
    }

    #[test]
    fn grammar_matches_the_standard_reader() {
        for text in [
            "",
            "+",
            "-",
            ".",
            "e",
            "e5",
            ".e1",
            "1e",
            "1e+",
            "1e-",
            "1.e1",
            ".5",
            "5.",
            "-.5",
            "+5",
            "--5",
            "+-5",
            "1.2.3",
            "1e5e5",
            "1_000",
            " 1",
            "1 ",
            "0x10",
            "1,5",
            "inf",
            "-inf",
            "+infinity",
            "INF",
            "Infinity",
            "infin",
            "nan",
            "-NaN",
            "NAN",
            "nan1",
            "0",
            "-0",
            "0.0",
            "-0.000",
            "00000",
            "0e999999",
            "1e99999999999999999999",
            "1e-99999999999999999999",
            "1E5",
            "1e+05",
            "1e-05",
            "٣",
            "1\u{0}",
            "e1",
            "-e1",
        ] {
            check(text);
        }
    }

    #[test]
    fn edges_match_the_standard_reader() {
        for text in [
            "9007199254740993",
            "9007199254740995",
            "9007199254740993.0000000000000000000001",
            "9007199254740992.9999999999999999999999",
            "1.7976931348623157e308",
            "1.7976931348623158e308",
            "1.7976931348623159e308",
            "1.797693134862315807e308",
            "1.797693134862315808e308",
            "1.79769313486232e308",
            "2.2250738585072014e-308",
            "2.2250738585072011e-308",
            "2.2250738585072009e-308",
            "4.9406564584124654e-324",
            "2.4703282292062327e-324",
            "2.4703282292062328e-324",
            "2.47032822920623272e-324",
            "1e-324",
            "3e-324",
            "1e-400",
            "1e309",
            "123456789012345678901234567890",
            "0.1",
            "0.30000000000000004",
            "1e23",
            "8.98846567431158e307",
            "1448997445238699",
            "0.000000000000000000000000000000000000000000001",
            "12345678901234567890123456789e-300",
        ] {
            check(text);
        }
    }

    /// Exact midpoints between neighbouring f64s (and just above and below them): the
    /// cases where rounding must be exactly right.
    #[test]
    fn ties_round_to_even_as_the_standard_reader() {
        let mut mix = Mix(7);
        for _ in 0..4000 {
            // An odd 54-bit number over a power of two is halfway between two f64s.
            let m = u128::from((1u64 << 53) | mix.below(1 << 53) | 1);
            let j = mix.below(30) as u32;
            let (digits, power) = if mix.below(2) == 0 {
                ((m * 5u128.pow(j)).to_string(), -i64::from(j))
            } else {
                ((m << j.min(70)).to_string(), 0)
            };
            check(&format!("{digits}e{power}"));
            check(&format!("{digits}000000000000001e{}", power - 15));
            let below = (digits.parse::<u128>().unwrap_or(1) - 1).to_string();
            check(&format!("{below}99999999999999e{}", power - 14));
        }
    }

    #[test]
    fn random_numbers_match_the_standard_reader() {
        let mut mix = Mix(42);
        for _ in 0..60_000 {
            let x = f64::from_bits(mix.next());
            if !x.is_finite() {
                continue;
            }
            for text in [
                format!("{x:e}"),
                format!("{x:.14e}"),
                format!("{x:.16e}"),
                format!("{x:.25e}"),
                format!("{x:.2e}"),
            ] {
                check(&text);
            }
        }
        for _ in 0..60_000 {
            let len = 1 + mix.below(40) as usize;
            let digits: String = (0..len)
                .map(|_| char::from(b'0' + mix.below(10) as u8))
                .collect();
            let power = mix.below(700) as i64 - 350;
            check(&format!("{digits}e{power}"));
            let point = mix.below(len as u64 + 1) as usize;
            check(&format!("{}.{}", &digits[..point], &digits[point..]));
        }
    }

    #[test]
    fn everyday_numbers_match_the_standard_reader() {
        let mut mix = Mix(3);
        for _ in 0..60_000 {
            let v = mix.below(100_000_000) as f64 / 10f64.powi(mix.below(9) as i32);
            check(&v.to_string());
            check(&format!("{v:.14e}"));
        }
    }

    #[test]
    fn very_long_numbers_round_like_std_and_quickly() {
        for (head, len) in [("1", 5_000usize), ("9", 100_000), ("0.", 200_000)] {
            let mut text = String::from(head);
            text.extend(std::iter::repeat_n('7', len));
            text.push_str("e-3");
            let started = std::time::Instant::now();
            assert_eq!(
                parse(&text).map(f64::to_bits),
                text.parse::<f64>().ok().map(f64::to_bits),
                "{head}... ({len} digits)"
            );
            assert!(
                started.elapsed().as_secs_f64() < 1.0,
                "{len} digits took too long"
            );
        }
        // A tie decided by a non-zero digit far past the 800th.
        let tie = format!("9007199254740993{}1", "0".repeat(1_000));
        assert_eq!(parse(&tie), tie.parse::<f64>().ok());
    }

    /// Whether std's shortest decimal of `v` (`{:e}`) is a tie when rounded to keep `keep`
    /// significant digits: exactly one more digit, a 5. Only there may the writers differ.
    fn shortest_tie(v: f64, keep: i64) -> bool {
        let text = format!("{:e}", v.abs());
        let mantissa = text.split('e').next().unwrap_or_default().replace('.', "");
        mantissa.len() as i64 == keep + 1 && mantissa.ends_with('5')
    }

    /// Significant digits kept when `v` is rounded to `decimals` places.
    fn kept(v: f64, decimals: usize) -> i64 {
        let text = format!("{:e}", v.abs());
        let exponent: i64 = text
            .split('e')
            .nth(1)
            .and_then(|e| e.parse().ok())
            .unwrap_or(0);
        exponent + 1 + decimals as i64
    }

    #[test]
    fn fixed_writes_like_std_but_rounds_the_shortest_decimal() {
        use super::fixed;
        for (v, decimals, text) in [
            (0.15, 1, "0.2"),
            (0.25, 1, "0.2"),
            (0.35, 1, "0.4"),
            (2.5, 0, "2"),
            (3.5, 0, "4"),
            (0.5, 0, "0"),
            (9.96, 1, "10.0"),
            (999.5, 0, "1000"),
            (-0.04, 1, "0.0"),
            (-0.0, 0, "0"),
            (-1.25, 1, "-1.2"),
            (-1.26, 1, "-1.3"),
            (1e21, 0, "1000000000000000000000"),
            (0.1, 20, "0.10000000000000000000"),
            // Past the shortest decimal's digits, zeros (std: 1926755411270262455271424).
            (1.9267554112702625e24, 0, "1926755411270262500000000"),
            (1.5e-7, 3, "0.000"),
            (0.0005, 3, "0.000"),
            (0.0006, 3, "0.001"),
            (0.00051, 3, "0.001"),
            (123.456, 0, "123"),
            (123.456, 5, "123.45600"),
            (0.0, 2, "0.00"),
            (7.0, 0, "7"),
            (f64::NAN, 1, "NaN"),
            (f64::INFINITY, 0, "inf"),
            (f64::NEG_INFINITY, 0, "-inf"),
        ] {
            assert_eq!(fixed(v, decimals), text, "{v} to {decimals} places");
        }
        let mut mix = Mix(11);
        let mut ties = 0;
        for i in 0..60_000 {
            let v = if i % 2 == 0 {
                // Numbers as people and the model make them: k / 10^j, and means of counts.
                let k = mix.below(10_000_000) as f64;
                let sign = if mix.below(4) == 0 { -1.0 } else { 1.0 };
                sign * k / 10f64.powi(mix.below(8) as i32)
            } else {
                let x = f64::from_bits(mix.next());
                if !x.is_finite() || x.abs() >= 1e15 || x.abs() < 1e-30 {
                    continue;
                }
                x
            };
            let decimals = mix.below(8) as usize;
            // Past 15 significant digits, std writes the binary number's digits and fixed
            // the shortest decimal's, then zeros.
            if kept(v, decimals) > 15 {
                continue;
            }
            let std = format!("{v:.decimals$}");
            let std = if std
                .trim_start_matches('-')
                .chars()
                .all(|c| c == '0' || c == '.')
            {
                std.trim_start_matches('-').to_string()
            } else {
                std
            };
            let ours = fixed(v, decimals);
            if ours != std {
                assert!(
                    shortest_tie(v, kept(v, decimals)),
                    "{v:e} to {decimals} places: {ours} but std {std}, not a tie"
                );
                ties += 1;
            }
        }
        assert!(ties < 600, "{ties} ties");
    }

    #[test]
    fn display_writes_like_std() {
        use super::display;
        assert_eq!(display(-0.0), "0");
        let mut mix = Mix(9);
        for i in 0..60_000 {
            let v = if i % 2 == 0 {
                mix.below(10_000_000) as f64 / 10f64.powi(mix.below(12) as i32 - 2)
            } else {
                f64::from_bits(mix.next())
            };
            if v == 0.0 {
                continue;
            }
            for v in [v, -v] {
                let (ours, std) = (display(v), v.to_string());
                // Where two decimals of the same length are equally near (685318808329261.25
                // between .2 and .3), zmij and std may choose differently; both read back.
                if ours != std {
                    assert_eq!(ours.len(), std.len(), "{v:e}: {ours} but std {std}");
                    assert_eq!(parse(&ours), Some(v), "{v:e}: {ours} does not read back");
                }
            }
        }
    }

    #[test]
    fn significant_keeps_digits_like_std_but_rounds_the_shortest_decimal() {
        use super::significant;
        assert_eq!(significant(0.1 + 0.2, 15), 0.3);
        assert_eq!(significant(123_456.789, 3), 123_000.0);
        assert_eq!(significant(-9.995, 3), -10.0);
        assert_eq!(significant(0.0, 15), 0.0);
        assert!(significant(f64::NAN, 15).is_nan());
        let mut mix = Mix(5);
        for i in 0..60_000 {
            let v = if i % 2 == 0 {
                mix.below(1 << 53) as f64 / 10f64.powi(mix.below(20) as i32)
            } else {
                f64::from_bits(mix.next())
            };
            if !v.is_finite() || v == 0.0 {
                continue;
            }
            let digits = 1 + mix.below(17) as usize;
            let ours = significant(v, digits);
            let std = parse(&format!("{v:.prec$e}", prec = digits - 1)).unwrap_or(f64::NAN);
            if ours.to_bits() != std.to_bits() {
                assert!(
                    shortest_tie(v, digits as i64),
                    "{v:e} to {digits} digits: {ours:e} but std {std:e}, not a tie"
                );
            }
            assert_eq!(
                significant(ours, digits).to_bits(),
                ours.to_bits(),
                "idempotent"
            );
            let written = format!("{:e}", ours.abs());
            let mantissa = written
                .split('e')
                .next()
                .unwrap_or_default()
                .replace('.', "");
            assert!(mantissa.len() <= digits, "{v:e} -> {written}");
        }
    }
}
