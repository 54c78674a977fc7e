//! Model parameters that may be uncertain: a plain number is exact, a range is drawn once per run.

use rand::{Rng, RngExt};
use serde::{Deserialize, Serialize};

use crate::error::{Problem, RangePart, ScenarioError};

/// A model parameter: either known exactly, or uncertain within a declared range.
///
/// In a scenario file an exact value is a plain number (`0.38`) and an uncertain one an
/// object (`{"low": 0.30, "mode": 0.38, "high": 0.53}`). An uncertain value is drawn once
/// per Monte Carlo run from the triangular distribution on `[low, high]` peaking at `mode`
/// (the midpoint when `mode` is omitted), so each run is one plausible world.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Param {
    /// A value known exactly.
    Exact(f64),
    /// An uncertain value and its plausible range.
    Range(Range),
}

/// The plausible range of an uncertain [`Param`].
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Range {
    /// The lowest plausible value.
    pub low: f64,
    /// The most likely value; the midpoint of `low` and `high` when omitted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mode: Option<f64>,
    /// The highest plausible value.
    pub high: f64,
}

impl Param {
    /// An uncertain parameter with the given low, most likely and high values.
    pub const fn range(low: f64, mode: f64, high: f64) -> Self {
        Param::Range(Range {
            low,
            mode: Some(mode),
            high,
        })
    }

    /// The most likely value: the exact value, or the range's mode.
    pub fn central(&self) -> f64 {
        match self {
            Param::Exact(v) => *v,
            Param::Range(r) => r.mode(),
        }
    }

    /// The lowest and highest values this parameter can take.
    pub fn bounds(&self) -> (f64, f64) {
        match self {
            Param::Exact(v) => (*v, *v),
            Param::Range(r) => (r.low, r.high),
        }
    }

    /// Whether the value is drawn per run (a range wider than a point).
    pub fn is_uncertain(&self) -> bool {
        matches!(self, Param::Range(r) if r.low < r.high)
    }

    /// The same kind of parameter with its central value replaced, keeping the width of an
    /// uncertain range where it still fits inside `[min, max]`.
    pub fn with_central(&self, value: f64, min: f64, max: f64) -> Self {
        match self {
            Param::Exact(_) => Param::Exact(value),
            Param::Range(r) => {
                let below = r.mode() - r.low;
                let above = r.high - r.mode();
                Param::range((value - below).max(min), value, (value + above).min(max)).tidied()
            }
        }
    }

    /// Checks that the parameter lies within `[min, max]` and that a range is well ordered.
    pub fn check(&self, field: &str, min: f64, max: f64) -> Result<(), ScenarioError> {
        let within = |v: f64, part: Option<RangePart>| -> Result<(), ScenarioError> {
            if v.is_finite() && v >= min && v <= max {
                return Ok(());
            }
            let problem = match part {
                None => Problem::Between { min, max, got: v },
                Some(part) => Problem::RangeBetween {
                    part,
                    min,
                    max,
                    got: v,
                },
            };
            Err(ScenarioError::new(field, problem))
        };
        match self {
            Param::Exact(v) => within(*v, None),
            Param::Range(r) => {
                within(r.low, Some(RangePart::Low))?;
                within(r.high, Some(RangePart::High))?;
                if let Some(m) = r.mode {
                    within(m, Some(RangePart::Mode))?;
                }
                let m = r.mode();
                if r.low <= m && m <= r.high {
                    Ok(())
                } else {
                    Err(ScenarioError::new(
                        field,
                        Problem::RangeOrder {
                            low: r.low,
                            mode: m,
                            high: r.high,
                        },
                    ))
                }
            }
        }
    }

    /// Draws this run's value. Exact values consume no randomness, so declaring a range
    /// is the only thing that changes the random stream.
    pub fn draw<R: Rng + ?Sized>(&self, rng: &mut R) -> f64 {
        match self {
            Param::Exact(v) => *v,
            // The triangular distribution by its inverse CDF, as `quantile` reads it.
            Param::Range(r) if r.low < r.high => self.quantile(rng.random()),
            Param::Range(r) => r.low,
        }
    }
}

impl Param {
    /// The value at cumulative probability `u` in [0, 1] of this parameter's triangular
    /// distribution (its inverse CDF); an exact value whatever `u`. Drawing `u` once for
    /// the region and reading every segment's parameter at it shares one uncertainty
    /// across segments (`docs/model.md`, "Shared uncertainty").
    pub fn quantile(&self, u: f64) -> f64 {
        match self {
            Param::Exact(v) => *v,
            Param::Range(r) if r.low < r.high => {
                let (a, b, c) = (r.low, r.high, r.mode());
                let u = u.clamp(0.0, 1.0);
                let split = (c - a) / (b - a);
                let v = if u < split {
                    a + (u * (b - a) * (c - a)).sqrt()
                } else {
                    b - ((1.0 - u) * (b - a) * (b - c)).sqrt()
                };
                // Not `f64::clamp`, whose panic message formats floats (see `crate::decimal`);
                // the same for a < b and any v that is a number.
                v.max(a).min(b)
            }
            Param::Range(r) => r.low,
        }
    }
}

impl Range {
    /// The most likely value: `mode`, or the midpoint of `low` and `high`.
    pub fn mode(&self) -> f64 {
        self.mode.unwrap_or(0.5 * (self.low + self.high))
    }
}

// Written out rather than derived (`untagged`), so that a wrong value gets a message
// naming what is expected, and a misspelt key in a range is named.
impl<'de> Deserialize<'de> for Param {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ParamVisitor;
        impl<'de> serde::de::Visitor<'de> for ParamVisitor {
            type Value = Param;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(
                    "a number, or a range such as {\"low\": 0.3, \"mode\": 0.38, \"high\": 0.53}",
                )
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Param, E> {
                Ok(Param::Exact(v))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Param, E> {
                Ok(Param::Exact(v as f64))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Param, E> {
                Ok(Param::Exact(v as f64))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Param, A::Error> {
                Range::deserialize(serde::de::value::MapAccessDeserializer::new(map))
                    .map(Param::Range)
            }
        }
        deserializer.deserialize_any(ParamVisitor)
    }
}

/// A number kept to 15 significant digits, with magnitudes below 1e-12 made zero.
///
/// NOTE: every number in a scenario is kept so (see [`crate::Scenario::normalize`]). Such a
/// number is written by serde_json with at most 15 digits and an exponent within ±22, which
/// its default reader turns back into exactly the same f64: links, files, saved scenarios
/// and the worker's copy all reproduce the exact figures without serde_json's
/// `float_roundtrip` feature, which cost the page 8 KB.
pub fn tidy15(v: f64) -> f64 {
    if !v.is_finite() || v.abs() < 1e-12 {
        return if v.is_finite() { 0.0 } else { v };
    }
    crate::decimal::significant(v, 15)
}

impl Param {
    /// The parameter with its numbers kept to 15 significant digits (see [`tidy15`]).
    pub fn tidied(&self) -> Param {
        match self {
            Param::Exact(v) => Param::Exact(tidy15(*v)),
            Param::Range(r) => Param::Range(Range {
                low: tidy15(r.low),
                mode: r.mode.map(tidy15),
                high: tidy15(r.high),
            }),
        }
    }
}

impl From<f64> for Param {
    fn from(v: f64) -> Self {
        Param::Exact(v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;
    use rand_pcg::Pcg64Mcg;

    #[test]
    fn exact_and_range_parse_from_json() {
        let e: Param = serde_json::from_str("0.38").unwrap();
        assert_eq!(e, Param::Exact(0.38));
        let r: Param = serde_json::from_str(r#"{"low":0.3,"mode":0.38,"high":0.53}"#).unwrap();
        assert_eq!(r, Param::range(0.3, 0.38, 0.53));
        let m: Param = serde_json::from_str(r#"{"low":0.2,"high":0.4}"#).unwrap();
        assert!((m.central() - 0.3).abs() < 1e-12);
        let typo = serde_json::from_str::<Param>(r#"{"low":0.2,"hi":0.4}"#).unwrap_err();
        assert!(typo.to_string().contains("unknown field `hi`"), "{typo}");
        let text = serde_json::from_str::<Param>(r#""0.3""#).unwrap_err();
        assert!(text.to_string().contains("a number, or a range"), "{text}");
        assert!(
            serde_json::from_str::<Param>(r#"{"low":0.2}"#)
                .unwrap_err()
                .to_string()
                .contains("high")
        );
    }

    #[test]
    fn check_names_the_field_and_the_range() {
        let err = Param::Exact(1.5)
            .check("segments[0].p", 0.0, 1.0)
            .unwrap_err();
        assert_eq!(err.field, "segments[0].p");
        assert_eq!(
            err.problem,
            Problem::Between {
                min: 0.0,
                max: 1.0,
                got: 1.5
            }
        );
        assert!(Param::range(0.5, 0.4, 0.6).check("q", 0.0, 1.0).is_err());
        assert!(Param::Exact(f64::NAN).check("q", 0.0, 1.0).is_err());
        assert!(Param::range(0.1, 0.2, 0.3).check("q", 0.0, 1.0).is_ok());
    }

    #[test]
    fn draws_stay_in_range_and_exact_values_consume_nothing() {
        let mut rng = Pcg64Mcg::seed_from_u64(7);
        let p = Param::range(0.3, 0.38, 0.53);
        for _ in 0..10_000 {
            let v = p.draw(&mut rng);
            assert!((0.3..=0.53).contains(&v));
        }
        let mut a = Pcg64Mcg::seed_from_u64(1);
        let mut b = Pcg64Mcg::seed_from_u64(1);
        assert_eq!(Param::Exact(0.2).draw(&mut a), 0.2);
        assert_eq!(rand::Rng::next_u64(&mut a), rand::Rng::next_u64(&mut b));
    }

    #[test]
    fn tidy_numbers_survive_a_json_round_trip() {
        for v in [
            0.1 + 0.2,
            1.0 / 3.0,
            0.38,
            1_250_000.0,
            7_321.5,
            0.123_456_789_012_345_67,
            9.999_999_999_999_999e9,
            1e-13,
            0.0,
        ] {
            let t = tidy15(v);
            assert!(
                v.abs() < 1e-12 || (t - v).abs() <= 1e-14 * v.abs(),
                "{v} -> {t}"
            );
            let text = serde_json::to_string(&t).unwrap();
            let back: f64 = serde_json::from_str(&text).unwrap();
            assert_eq!(back.to_bits(), t.to_bits(), "{v} -> {text}");
            assert_eq!(tidy15(t), t, "idempotent");
        }
        assert_eq!(tidy15(1e-13), 0.0);
    }

    #[test]
    fn quantile_inverts_the_triangular_cdf() {
        let p = Param::range(0.2, 0.3, 0.6);
        assert_eq!(p.quantile(0.0), 0.2);
        assert_eq!(p.quantile(1.0), 0.6);
        // The CDF at the mode is (c - a) / (b - a) = 0.25.
        assert!((p.quantile(0.25) - 0.3).abs() < 1e-12);
        // Median of the upper branch: 1 - (b - x)^2 / ((b - a)(b - c)) = 0.5.
        let x = p.quantile(0.5);
        let cdf = 1.0 - (0.6 - x) * (0.6 - x) / (0.4 * 0.3);
        assert!((cdf - 0.5).abs() < 1e-12, "{x}");
        assert_eq!(Param::Exact(0.7).quantile(0.9), 0.7);
        let mut last = 0.0;
        for i in 0..=100 {
            let v = p.quantile(f64::from(i) / 100.0);
            assert!(v >= last);
            last = v;
        }
    }

    #[test]
    fn with_central_keeps_the_width() {
        let (low, high) = Param::range(0.3, 0.38, 0.53)
            .with_central(0.5, 0.0, 1.0)
            .bounds();
        assert!((low - 0.42).abs() < 1e-12 && (high - 0.65).abs() < 1e-12);
        assert_eq!(
            Param::Exact(0.1).with_central(0.2, 0.0, 1.0),
            Param::Exact(0.2)
        );
    }
}
