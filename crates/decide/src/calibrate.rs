//! Calibration to an observed series: a grid posterior over the Bass coefficients (p, q)
//! from yearly adoption shares with binomial survey errors, with the fitted path and its
//! band, a hold-out check and plain warnings. `docs/decide.md` states the likelihood and
//! the priors. Logarithms and exponentials come from the pure-Rust `libm`, so the page's
//! WebAssembly fits exactly what the CLI fits.

use serde::{Deserialize, Serialize};

use crate::DecideError;

/// Firms surveyed, assumed for a point whose sample size is not given.
pub const DEFAULT_SAMPLE_SIZE: u32 = 1_000;
/// The prior of p: log-uniform on this range.
pub const P_PRIOR: (f64, f64) = (1e-4, 0.1);
/// The prior of q: uniform on this range.
pub const Q_PRIOR: (f64, f64) = (0.0, 1.0);
/// Grid cells of p (equal in log p) and of q.
const NP: usize = 64;
const NQ: usize = 160;
/// Values of the unknown true share in the first year, spread over ±3 sampling standard
/// errors of the first observation (flat prior).
const NF0: usize = 9;
/// Fewer points than this draws a warning.
pub const FEW_POINTS: usize = 5;

/// One observed year.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Point {
    /// Calendar year.
    pub year: i32,
    /// Share of firms that have adopted.
    pub share: f64,
    /// Firms surveyed; [`DEFAULT_SAMPLE_SIZE`] (or the caller's default) when absent.
    pub sample_size: Option<u32>,
}

/// A posterior's 5%, 50% and 95% quantiles.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Quantiles {
    /// 5%.
    pub low: f64,
    /// 50% (named as a range's most likely value, where "Apply" puts it).
    pub mode: f64,
    /// 95%.
    pub high: f64,
}

/// The fitted share in one year: posterior median and 90% band.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Band {
    /// Calendar year.
    pub year: i32,
    /// 5%.
    pub low: f64,
    /// 50%.
    pub mid: f64,
    /// 95%.
    pub high: f64,
}

/// The last point predicted from a fit without it.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Holdout {
    /// Its year.
    pub year: i32,
    /// The observed share.
    pub observed: f64,
    /// The predicted share (median of the posterior predictive, survey error included).
    pub predicted: f64,
    /// 5% of the prediction.
    pub low: f64,
    /// 95% of the prediction.
    pub high: f64,
    /// Whether the observation lies in [low, high].
    pub inside: bool,
}

/// Why the fit may not pin p and q down.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Warning {
    /// Fewer than [`FEW_POINTS`] points.
    Short {
        /// Points in the series.
        points: usize,
    },
    /// The last observed share is below the fitted curve's inflection share
    /// `(q - p) / 2q`: the series shows only the start of the S-curve, where p and q trade
    /// off against each other.
    BeforeInflection {
        /// The last observed share.
        share: f64,
        /// The inflection share at the posterior medians.
        inflection: f64,
    },
}

/// The calibration's answer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Calibration {
    /// p's 5/50/95%.
    pub p: Quantiles,
    /// q's 5/50/95%.
    pub q: Quantiles,
    /// The last point predicted without it (`None` for a series of two points).
    pub holdout: Option<Holdout>,
    /// Points fitted.
    pub points: usize,
    /// The fitted share, each year from the first to the last observed.
    pub path: Vec<Band>,
    /// The heaviest grid cells, `[p, q, posterior weight]`, for a p-q cloud.
    pub cloud: Vec<[f64; 3]>,
    /// Plain warnings.
    pub warnings: Vec<Warning>,
    /// The sample size assumed where a point has none.
    pub default_sample_size: u32,
}

/// One step of the discrete Bass curve (the model's, without firms closing or opening).
fn step(f: f64, p: f64, q: f64) -> f64 {
    (f + (p + q * f) * (1.0 - f)).clamp(0.0, 1.0)
}

fn p_at(i: f64) -> f64 {
    let (lo, hi) = (libm::log(P_PRIOR.0), libm::log(P_PRIOR.1));
    libm::exp(lo + i / NP as f64 * (hi - lo))
}

fn q_at(j: f64) -> f64 {
    Q_PRIOR.0 + j / NQ as f64 * (Q_PRIOR.1 - Q_PRIOR.0)
}

/// Posterior weights over (p cell, q cell, first-year share): normalised, with the
/// first-year shares tried.
struct Posterior {
    weights: Vec<f64>,
    f0: Vec<f64>,
}

impl Posterior {
    fn index(i: usize, j: usize, k: usize) -> usize {
        (i * NQ + j) * NF0 + k
    }

    fn new(points: &[Point], default_n: u32) -> Posterior {
        let n = |pt: &Point| f64::from(pt.sample_size.unwrap_or(default_n).max(1));
        let first = points[0];
        let s0 = first.share;
        let se0 = (s0.max(0.5 / n(&first)) * (1.0 - s0).max(0.5 / n(&first)) / n(&first)).sqrt();
        let f0: Vec<f64> = (0..NF0)
            .map(|k| {
                let z = -3.0 + 6.0 * k as f64 / (NF0 - 1) as f64;
                (s0 + z * se0).clamp(1e-6, 1.0 - 1e-6)
            })
            .collect();
        let obs: Vec<(usize, f64, f64)> = points
            .iter()
            .map(|pt| {
                (
                    (pt.year - first.year) as usize,
                    pt.share * n(pt),
                    (1.0 - pt.share) * n(pt),
                )
            })
            .collect();
        let last = obs.last().map_or(0, |o| o.0);
        let mut logw = vec![0.0; NP * NQ * NF0];
        for i in 0..NP {
            let p = p_at(i as f64 + 0.5);
            for j in 0..NQ {
                let q = q_at(j as f64 + 0.5);
                for (k, &start) in f0.iter().enumerate() {
                    let mut f = start;
                    let mut ll = 0.0;
                    let mut next = obs.iter().peekable();
                    for t in 0..=last {
                        if let Some(&&(y, yes, no)) = next.peek()
                            && y == t
                        {
                            let g = f.clamp(1e-12, 1.0 - 1e-12);
                            ll += yes * libm::log(g) + no * libm::log(1.0 - g);
                            next.next();
                        }
                        f = step(f, p, q);
                    }
                    logw[Self::index(i, j, k)] = ll;
                }
            }
        }
        let top = logw.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let mut weights: Vec<f64> = logw.iter().map(|l| libm::exp(l - top)).collect();
        let total: f64 = weights.iter().sum();
        weights.iter_mut().for_each(|w| *w /= total);
        Posterior { weights, f0 }
    }

    /// Marginal weight of each p cell and each q cell.
    fn marginals(&self) -> (Vec<f64>, Vec<f64>) {
        let (mut wp, mut wq) = (vec![0.0; NP], vec![0.0; NQ]);
        for (at, cell) in self.weights.chunks_exact(NF0).enumerate() {
            let w: f64 = cell.iter().sum();
            wp[at / NQ] += w;
            wq[at % NQ] += w;
        }
        (wp, wq)
    }

    /// The heaviest cells holding all but [`TAIL`] of the weight (at most [`MAX_CELLS`]),
    /// with their parameters and weights.
    fn heavy(&self) -> Vec<(f64, f64, f64, f64)> {
        let mut order: Vec<usize> = (0..self.weights.len()).collect();
        order.sort_by(|&a, &b| self.weights[b].total_cmp(&self.weights[a]));
        let mut out = Vec::new();
        let mut kept = 0.0;
        for at in order.into_iter().take(MAX_CELLS) {
            if kept >= 1.0 - TAIL {
                break;
            }
            let w = self.weights[at];
            kept += w;
            let (k, ij) = (at % NF0, at / NF0);
            out.push((
                p_at((ij / NQ) as f64 + 0.5),
                q_at((ij % NQ) as f64 + 0.5),
                self.f0[k],
                w,
            ));
        }
        out
    }
}

/// Weight left out of the fitted path and the hold-out's prediction.
const TAIL: f64 = 1e-4;
/// Most cells they follow.
const MAX_CELLS: usize = 4_000;

/// The quantile at `level` of a distribution over equal cells (weights per cell), linear
/// within a cell; `at(x)` maps a cell coordinate (0 to cells) to the value.
fn cell_quantile(w: &[f64], level: f64, at: impl Fn(f64) -> f64) -> f64 {
    let total: f64 = w.iter().sum();
    let mut before = 0.0;
    for (i, &x) in w.iter().enumerate() {
        if before + x >= level * total && x > 0.0 {
            return at(i as f64 + (level * total - before) / x);
        }
        before += x;
    }
    at(w.len() as f64)
}

/// The quantile at `level` of weighted values.
fn weighted_quantile(v: &mut [(f64, f64)], level: f64) -> f64 {
    v.sort_by(|a, b| a.0.total_cmp(&b.0));
    let total: f64 = v.iter().map(|x| x.1).sum();
    let mut acc = 0.0;
    for &(x, w) in v.iter() {
        acc += w;
        if acc >= level * total {
            return x;
        }
    }
    v.last().map_or(0.0, |x| x.0)
}

/// The standard normal CDF (erfc by Numerical Recipes' Chebyshev fit, error < 1.2e-7).
fn normal_cdf(z: f64) -> f64 {
    let x = -z / std::f64::consts::SQRT_2;
    let t = 1.0 / (1.0 + 0.5 * x.abs());
    let poly = -x * x - 1.265_512_23
        + t * (1.000_023_68
            + t * (0.374_091_96
                + t * (0.096_784_18
                    + t * (-0.186_288_06
                        + t * (0.278_868_07
                            + t * (-1.135_203_98
                                + t * (1.488_515_87 + t * (-0.822_152_23 + t * 0.170_872_77))))))));
    let erfc = t * libm::exp(poly);
    let erfc = if x >= 0.0 { erfc } else { 2.0 - erfc };
    0.5 * erfc
}

/// Each heavy cell's share `years` after the first year, with its weight.
fn shares_at(cells: &[(f64, f64, f64, f64)], years: usize) -> Vec<(f64, f64)> {
    cells
        .iter()
        .map(|&(p, q, f0, w)| {
            let f = (0..years).fold(f0, |f, _| step(f, p, q));
            (f, w)
        })
        .collect()
}

/// Fits p and q to `points` (years increasing, at least 2), assuming `default_n` firms
/// surveyed where a point has no sample size.
pub fn calibrate(points: &[Point], default_n: u32) -> Result<Calibration, DecideError> {
    let ordered = points.windows(2).all(|w| w[0].year < w[1].year);
    let shares = points.iter().all(|p| (0.0..=1.0).contains(&p.share));
    if points.len() < 2
        || !ordered
        || !shares
        || points[points.len() - 1].year - points[0].year > 200
    {
        return Err(DecideError::Series(points.len()));
    }
    let default_n = default_n.max(1);
    let post = Posterior::new(points, default_n);
    let (wp, wq) = post.marginals();
    let quantiles = |w: &[f64], at: &dyn Fn(f64) -> f64| Quantiles {
        low: cell_quantile(w, 0.05, at),
        mode: cell_quantile(w, 0.5, at),
        high: cell_quantile(w, 0.95, at),
    };
    let p = quantiles(&wp, &p_at);
    let q = quantiles(&wq, &q_at);
    let heavy = post.heavy();
    let first = points[0].year;
    let span = (points[points.len() - 1].year - first) as usize;
    let mut shares: Vec<(f64, f64)> = heavy.iter().map(|&(_, _, f0, w)| (f0, w)).collect();
    let path = (0..=span)
        .map(|t| {
            if t > 0 {
                for (s, c) in shares.iter_mut().zip(&heavy) {
                    s.0 = step(s.0, c.0, c.1);
                }
            }
            let mut v = shares.clone();
            Band {
                year: first + t as i32,
                low: weighted_quantile(&mut v, 0.05),
                mid: weighted_quantile(&mut v, 0.5),
                high: weighted_quantile(&mut v, 0.95),
            }
        })
        .collect();
    let holdout = (points.len() >= 3).then(|| holdout(points, default_n));
    let mut cloud: Vec<[f64; 3]> = {
        let mut out = Vec::new();
        for (i, cell) in post.weights.chunks_exact(NF0).enumerate() {
            let w: f64 = cell.iter().sum();
            if w > 1e-6 {
                out.push([p_at((i / NQ) as f64 + 0.5), q_at((i % NQ) as f64 + 0.5), w]);
            }
        }
        out
    };
    cloud.sort_by(|a, b| b[2].total_cmp(&a[2]));
    cloud.truncate(400);
    let mut warnings = Vec::new();
    if points.len() < FEW_POINTS {
        warnings.push(Warning::Short {
            points: points.len(),
        });
    }
    let inflection = if q.mode > p.mode {
        (q.mode - p.mode) / (2.0 * q.mode)
    } else {
        0.0
    };
    let last = points[points.len() - 1].share;
    if last < inflection {
        warnings.push(Warning::BeforeInflection {
            share: last,
            inflection,
        });
    }
    Ok(Calibration {
        p,
        q,
        holdout,
        points: points.len(),
        path,
        cloud,
        warnings,
        default_sample_size: default_n,
    })
}

/// Fits all points but the last and predicts it, survey error included.
fn holdout(points: &[Point], default_n: u32) -> Holdout {
    let (fit, last) = points.split_at(points.len() - 1);
    let last = last[0];
    let post = Posterior::new(fit, default_n);
    let v = shares_at(&post.heavy(), (last.year - points[0].year) as usize);
    let n = f64::from(last.sample_size.unwrap_or(default_n).max(1));
    let total: f64 = v.iter().map(|x| x.1).sum();
    // The predictive CDF: a mixture of normals (the survey's binomial error) over cells.
    let cdf = |x: f64| {
        v.iter()
            .map(|&(f, w)| {
                let sd = (f * (1.0 - f) / n).sqrt().max(1e-9);
                w * normal_cdf((x - f) / sd)
            })
            .sum::<f64>()
            / total
    };
    let solve = |level: f64| {
        let (mut lo, mut hi) = (-0.5, 1.5);
        for _ in 0..50 {
            let mid = 0.5 * (lo + hi);
            if cdf(mid) < level { lo = mid } else { hi = mid }
        }
        (0.5 * (lo + hi)).clamp(0.0, 1.0)
    };
    let (low, predicted, high) = (solve(0.05), solve(0.5), solve(0.95));
    Holdout {
        year: last.year,
        observed: last.share,
        predicted,
        low,
        high,
        inside: low <= last.share && last.share <= high,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use adoption_model::sample::SplitMix64 as SplitMix;
    use adoption_model::sample::{binomial, run_stream};

    fn uniform(r: &mut SplitMix) -> f64 {
        (r.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    #[test]
    fn recovers_known_p_and_q_within_its_90_percent_interval() {
        let mut r = SplitMix(2026);
        let (mut p_in, mut q_in) = (0, 0);
        for trial in 0..100 {
            // Truths from the priors, so that the intervals' coverage is their level.
            let p = (P_PRIOR.0.ln() + uniform(&mut r) * (P_PRIOR.1.ln() - P_PRIOR.0.ln())).exp();
            let q = Q_PRIOR.0 + uniform(&mut r) * (Q_PRIOR.1 - Q_PRIOR.0);
            let mut f = 0.02 + 0.28 * uniform(&mut r);
            let mut rng = run_stream(7, trial);
            let n = 1_000;
            let points: Vec<Point> = (0..10)
                .map(|t| {
                    let k = binomial(&mut rng, n, f);
                    f = step(f, p, q);
                    Point {
                        year: 2014 + t,
                        share: f64::from(k) / f64::from(n),
                        sample_size: Some(n),
                    }
                })
                .collect();
            let c = calibrate(&points, DEFAULT_SAMPLE_SIZE).unwrap();
            p_in += usize::from(c.p.low <= p && p <= c.p.high);
            q_in += usize::from(c.q.low <= q && q <= c.q.high);
        }
        assert!(p_in >= 85 && q_in >= 85, "p in {p_in}, q in {q_in} of 100");
    }

    #[test]
    fn normal_cdf_is_phi() {
        assert!((normal_cdf(0.0) - 0.5).abs() < 1e-7);
        assert!((normal_cdf(1.644_853_6) - 0.95).abs() < 1e-6);
        assert!((normal_cdf(-1.959_964) - 0.025).abs() < 1e-6);
    }

    #[test]
    fn holdout_and_warnings() {
        let (p, q) = (0.01, 0.4);
        let mut f = 0.05;
        let points: Vec<Point> = (0..12)
            .map(|t| {
                let pt = Point {
                    year: 2010 + t,
                    share: f,
                    sample_size: None,
                };
                f = step(f, p, q);
                pt
            })
            .collect();
        let c = calibrate(&points, 5_000).unwrap();
        assert!(
            c.p.low <= p && p <= c.p.high && c.q.low <= q && q <= c.q.high,
            "{c:?}"
        );
        let h = c.holdout.unwrap();
        assert!(h.inside, "{h:?}");
        assert!(c.warnings.is_empty(), "{:?}", c.warnings);
        assert_eq!(c.path.len(), 12);
        // Three early points: short, and before the inflection.
        let c = calibrate(&points[..3], 5_000).unwrap();
        assert!(matches!(c.warnings[0], Warning::Short { points: 3 }));
        assert!(matches!(c.warnings[1], Warning::BeforeInflection { .. }));
        assert!(calibrate(&points[..1], 1).is_err());
    }
}
