//! Small statistics over runs: means, standard errors, paired differences, quantiles and a
//! seeded bootstrap stream (no `rand` here: the crate depends on the model and serde only).

use serde::{Deserialize, Serialize};

/// A value and its standard error.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Estimate {
    /// The mean over runs.
    pub value: f64,
    /// Its standard error: the sample standard deviation over the square root of the runs.
    pub se: f64,
}

/// Mean and standard error of `xs` (both 0 when empty; the error 0 for one value).
pub fn estimate(xs: &[f64]) -> Estimate {
    let n = xs.len();
    if n == 0 {
        return Estimate::default();
    }
    let mean = xs.iter().sum::<f64>() / n as f64;
    if n < 2 {
        return Estimate {
            value: mean,
            se: 0.0,
        };
    }
    let ss: f64 = xs.iter().map(|x| (x - mean) * (x - mean)).sum();
    Estimate {
        value: mean,
        se: (ss / (n - 1) as f64 / n as f64).sqrt(),
    }
}

/// Mean and standard error of `a[r] - b[r]` over the runs both have (the first
/// `min(len)`): the paired difference under common random numbers.
pub fn paired(a: &[f64], b: &[f64]) -> Estimate {
    let d: Vec<f64> = a.iter().zip(b).map(|(x, y)| x - y).collect();
    estimate(&d)
}

/// The `level` quantile of `xs` (type 7, linear between order statistics); 0 when empty.
pub fn quantile(xs: &[f64], level: f64) -> f64 {
    let mut v = xs.to_vec();
    v.sort_by(f64::total_cmp);
    quantile_sorted(&v, level)
}

/// [`quantile`] of values already sorted.
pub fn quantile_sorted(v: &[f64], level: f64) -> f64 {
    if v.is_empty() {
        return 0.0;
    }
    let h = (v.len() - 1) as f64 * level.clamp(0.0, 1.0);
    let lo = h.floor() as usize;
    let hi = (lo + 1).min(v.len() - 1);
    v[lo] + (h - lo as f64) * (v[hi] - v[lo])
}

/// Mean of the lowest tenth of `xs` (at least one value): the result in the worst tenth
/// of runs.
pub fn worst_tenth(xs: &[f64]) -> f64 {
    if xs.is_empty() {
        return 0.0;
    }
    let mut v = xs.to_vec();
    v.sort_by(f64::total_cmp);
    let k = v.len().div_ceil(10);
    v[..k].iter().sum::<f64>() / k as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn estimates_and_quantiles() {
        let e = estimate(&[1.0, 2.0, 3.0, 4.0]);
        assert_eq!(e.value, 2.5);
        assert!((e.se - (5.0f64 / 3.0 / 4.0).sqrt()).abs() < 1e-12);
        assert_eq!(quantile(&[3.0, 1.0, 2.0], 0.5), 2.0);
        assert_eq!(quantile(&[0.0, 10.0], 0.25), 2.5);
        let xs: Vec<f64> = (1..=20).map(f64::from).collect();
        assert_eq!(worst_tenth(&xs), 1.5);
        let p = paired(&[2.0, 4.0, 6.0], &[1.0, 3.0, 5.0]);
        assert_eq!((p.value, p.se), (1.0, 0.0));
    }

    #[test]
    fn below_stays_below() {
        let mut r = adoption_model::sample::SplitMix64(1);
        assert!((0..1000).all(|_| r.below(7) < 7));
    }
}
