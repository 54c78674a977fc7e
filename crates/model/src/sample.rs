//! Random building blocks: per-run streams, binomial draws and whole-unit allocation.
//!
//! Everything here is portable: the PRNG is PCG-64 (MCG variant), the few logarithms and
//! exponentials come from the pure-Rust `libm` (not the platform's maths library), and the
//! rest is IEEE arithmetic, so a seed gives the same numbers natively and in WebAssembly.
//! The triangular draws of uncertain parameters are their inverse CDF at a uniform
//! (`Param::quantile`).
//!
//! NOTE: `rand_distr` is not used: its triangular sampler is the same inverse CDF, and its
//! binomial (BTPE) is several times slower than the samplers here; its normal sampler's
//! tables cost the page 3 KB for an option a mixture copula serves.

use rand::{Rng, RngExt, SeedableRng};
use rand_pcg::Pcg64Mcg;

/// The random stream of one Monte Carlo run. Each run has its own stream derived from the
/// scenario seed and the run's index, so results do not depend on how runs are chunked,
/// ordered or spread across threads and workers.
pub fn run_stream(seed: u64, run: u32) -> Pcg64Mcg {
    // NOTE: both halves of the 128-bit state must vary with the run. An MCG's low 64 state
    // bits evolve on their own, so runs sharing them (as a seed-only low half would) have
    // correlated outputs, which showed as a 4-sigma bias in means over runs.
    let lo = splitmix64(seed ^ splitmix64(u64::from(run)));
    let hi = splitmix64(lo ^ 0x6A09_E667_F3BC_C909);
    let mut bytes = [0u8; 16];
    bytes[..8].copy_from_slice(&lo.to_le_bytes());
    bytes[8..].copy_from_slice(&hi.to_le_bytes());
    Pcg64Mcg::from_seed(bytes)
}

/// SplitMix64's first output from state `z`: decorrelates nearby seeds.
fn splitmix64(z: u64) -> u64 {
    SplitMix64(z).next_u64()
}

/// SplitMix64 (Steele, Lea & Flood 2014): a tiny, portable stream of 64-bit numbers. It seeds
/// the runs' PCG-64 streams ([`run_stream`]) and serves what is not the model: resampling in
/// decision support, and the tests' and fuzzer's inputs. The same on every platform.
#[derive(Clone, Debug)]
pub struct SplitMix64(pub u64);

impl SplitMix64 {
    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number below `n` (`n > 0`), by multiply-shift (bias at most n / 2^64).
    pub fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next_u64()) * u128::from(n)) >> 64) as u64
    }
}

/// Number of successes among `n` independent trials of probability `p`.
///
/// Exact: small means (`n * min(p, 1 - p) < 10`) use inversion (BINV, Kachitvichyanukul &
/// Schmeiser 1988) with `q^n` computed by repeated squaring, which is portable and several
/// times cheaper than `pow`; larger means use transformed rejection with squeeze (BTRS,
/// Hörmann 1993), whose common path needs two uniforms and no logarithm, several times
/// faster than BTPE. Its slow path compares with the pmf's ratio to the mode, as a short
/// product near the mode and with logarithms from the pure-Rust `libm` farther out, so
/// results are the same on every platform. Trivial cases (`n == 0`,
/// `p <= 0`, `p >= 1`) consume no randomness, which is what makes a zero budget reproduce
/// the baseline draw for draw.
#[inline]
pub fn binomial<R: Rng + ?Sized>(rng: &mut R, n: u32, p: f64) -> u32 {
    if n == 0 || p.is_nan() || p <= 0.0 {
        return 0;
    }
    if p >= 1.0 {
        return n;
    }
    // The distribution is symmetric under p -> 1 - p; sample the smaller side.
    let flipped = p > 0.5;
    let small = if flipped { 1.0 - p } else { p };
    let x = if f64::from(n) * small < BINV_THRESHOLD {
        binv(rng, n, small)
    } else {
        btrs(rng, n, small)
    };
    if flipped { n - x } else { x }
}

/// Mean below which inversion beats BTPE (the value `rand_distr` and the paper use).
const BINV_THRESHOLD: f64 = 10.0;

/// Largest result of [`binv`]: with n p < 10 a result past 110 is over 30 standard
/// deviations out; it can only come from rounding in the tail, so the draw is restarted (as
/// in GSL and rand_distr).
const MAX_X: u32 = 110;

/// Inversion by sequential search from 0 (BINV), for `p <= 0.5` and `n p < 10`.
fn binv<R: Rng + ?Sized>(rng: &mut R, n: u32, p: f64) -> u32 {
    let mut u: f64 = rng.random();
    // The draw is 0 when u <= q^n, and 1 - n p is a lower bound of q^n (Bernoulli's
    // inequality): below it, no power is needed. Most draws of a small mean end here.
    if u <= 1.0 - f64::from(n) * p {
        return 0;
    }
    let q = 1.0 - p;
    let s = p / q;
    let a = (f64::from(n) + 1.0) * s;
    let r0 = powu(q, n);
    let reciprocals = reciprocals();
    'draw: loop {
        let mut r = r0;
        let mut x = 0;
        while u > r {
            u -= r;
            x += 1;
            if x > MAX_X {
                u = rng.random();
                continue 'draw;
            }
            r *= a * reciprocals[x as usize] - s;
        }
        return x.min(n);
    }
}

/// `1 / x` for the inversion's steps `x = 1..=110` (index 0 unused): a multiplication
/// instead of a division a step (4% less time for 1,000 cantabria runs).
/// NOTE: filled on first use, not a `const`: as data in the module the table cost the page
/// 643 B gzip, this way about 100 B. Each entry is the same IEEE division either way.
fn reciprocals() -> &'static [f64; MAX_X as usize + 1] {
    static TABLE: std::sync::OnceLock<[f64; MAX_X as usize + 1]> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| std::array::from_fn(|x| 1.0 / x as f64))
}

/// Farthest from the mode at which BTRS evaluates the pmf's ratio by its product (Hörmann
/// 1993 uses 15). NOTE: 40 spares most of the slow path's logarithms for this model's
/// large draws (standard deviations of 15-25): 4% less CPU time than 15 for 1,000
/// cantabria runs (medians of 9 alternating runs under load), with the same draws.
const RECURSION_SPAN: f64 = 40.0;

/// Transformed rejection with squeeze (BTRS; Hörmann 1993, "The generation of binomial
/// random variates", J. Stat. Comput. Simul. 46), for `p <= 0.5` and `n p >= 10`.
fn btrs<R: Rng + ?Sized>(rng: &mut R, n: u32, p: f64) -> u32 {
    let nf = f64::from(n);
    let q = 1.0 - p;
    let spq = (nf * p * q).sqrt();
    let b = 1.15 + 2.53 * spq;
    let a = -0.0873 + 0.0248 * b + 0.01 * p;
    let c = nf * p + 0.5;
    let v_r = 0.92 - 4.2 / b;
    let r = p / q;
    let alpha = (2.83 + 5.1 / b) * spq;
    let m = floor((nf + 1.0) * p);
    // The mode's terms of the bound, computed on the first draw that needs them.
    let mut at_mode: Option<f64> = None;
    loop {
        let u = rng.random::<f64>() - 0.5;
        let v: f64 = rng.random();
        let us = 0.5 - u.abs();
        // k = floor(x): below 0 it is rejected, and above 0 truncation is the floor (in
        // integers: no round trip through a float on the common path).
        let x = (2.0 * a / us + b) * u + c;
        if x < 0.0 {
            continue;
        }
        let k = x as u64;
        if k > u64::from(n) {
            continue;
        }
        // The box where acceptance is certain: about 86% of draws end here.
        if us >= 0.07 && v <= v_r {
            return k as u32;
        }
        let k = k as f64;
        let v = v * alpha / (a / (us * us) + b);
        // Accept when v <= f(k) / f(m), the pmf at k over the pmf at the mode. Near the
        // mode that ratio is a short product of the pmf's successive ratios
        // `f(i) / f(i - 1) = (n + 1) r / i - r`, with no logarithm (Hörmann's step 3.1);
        // farther out, its Stirling form below (step 3.3). The two are the same test up
        // to rounding, so the draws are those of the Stirling form alone.
        let km = k - m;
        if km.abs() <= RECURSION_SPAN {
            let nr = (nf + 1.0) * r;
            let (mut f, mut v) = (1.0, v);
            let (mut i, end) = if km > 0.0 { (m + 1.0, k) } else { (k + 1.0, m) };
            while i <= end {
                let ratio = nr / i - r;
                if km > 0.0 {
                    f *= ratio;
                } else {
                    v *= ratio;
                }
                i += 1.0;
            }
            if v <= f {
                return k as u32;
            }
            continue;
        }
        let v = libm::log(v);
        let mode_terms = *at_mode.get_or_insert_with(|| {
            (m + 0.5) * libm::log((m + 1.0) / (r * (nf - m + 1.0)))
                + stirling_tail(m)
                + stirling_tail(nf - m)
        });
        let bound = mode_terms
            + (nf + 1.0) * libm::log((nf - m + 1.0) / (nf - k + 1.0))
            + (k + 0.5) * libm::log(r * (nf - k + 1.0) / (k + 1.0))
            - stirling_tail(k)
            - stirling_tail(nf - k);
        if v <= bound {
            return k as u32;
        }
    }
}

/// `ln(k!) - [(k + 1/2) ln(k + 1) - (k + 1) + ln(2 pi)/2]`: the error of Stirling's formula,
/// tabulated for small `k` and from its asymptotic series otherwise.
fn stirling_tail(k: f64) -> f64 {
    const TAIL: [f64; 10] = [
        0.081_061_466_795_327_2,
        0.041_340_695_955_409_2,
        0.027_677_925_684_998_3,
        0.020_790_672_103_765_09,
        0.016_644_691_189_821_1,
        0.013_876_128_823_070_7,
        0.011_896_709_945_891_7,
        0.010_411_265_261_972_0,
        0.009_255_462_182_712_73,
        0.008_330_563_433_362_87,
    ];
    if k <= 9.0 {
        return TAIL[k as usize];
    }
    let k1 = k + 1.0;
    let k1sq = k1 * k1;
    (1.0 / 12.0 - (1.0 / 360.0 - 1.0 / 1260.0 / k1sq) / k1sq) / k1
}

/// `x.floor()` without a libm call (x86-64 without SSE4.1 has no rounding instruction);
/// exact for the magnitudes used here (|x| < 2^53).
#[inline(always)]
fn floor(x: f64) -> f64 {
    let t = x as i64 as f64;
    if t > x { t - 1.0 } else { t }
}

/// `base^exp` by repeated squaring: IEEE multiplications only, so identical on every
/// platform (unlike `powi`, whose precision Rust leaves unspecified).
#[inline(always)]
fn powu(mut base: f64, mut exp: u32) -> f64 {
    let mut acc = 1.0;
    // Two bits a step, by a table lookup, not a branch: the bits of `exp` are
    // unpredictable from call to call.
    while exp > 0 {
        let square = base * base;
        acc *= [1.0, base, square, square * base][(exp & 3) as usize];
        base = square * square;
        exp >>= 2;
    }
    acc
}

/// Picks `n` of the `total` items (whole counts per cell, `total` their sum, which the
/// callers know), writing how many each cell gets into `out`: the same systematic sampling
/// as [`allocate`], in integers.
///
/// Cell `i` gets `floor((C_i n + o) / T) - floor((C_{i-1} n + o) / T)` for the cumulative
/// counts `C` and one uniform offset `o` in `[0, T)`: the floor or ceiling of its exact share
/// `n c_i / T` (never more than `c_i`), `n` in all, and exactly `n c_i / T` in expectation.
/// Nothing is drawn when `n` is 0 or covers every item (then each cell gets all it has).
///
/// NOTE: integer arithmetic keeps this to a multiply and a divide per cell; the float
/// version's saturating casts made awards a tenth of the model's time.
pub fn pick<R: Rng + ?Sized>(
    rng: &mut R,
    n: u64,
    counts: &[u32],
    total: u64,
    out: &mut [u32],
) -> u64 {
    debug_assert_eq!(total, counts.iter().map(|&c| u64::from(c)).sum::<u64>());
    if n >= total {
        out.copy_from_slice(counts);
        return total;
    }
    out.iter_mut().for_each(|o| *o = 0);
    if n == 0 {
        return 0;
    }
    let offset = rng.random_range(0..total);
    // `n < total`, so the products below stay under `total^2`: u64 unless `total` passes
    // 2^32 (then the exact u128 path, which a scenario's firm counts never need).
    let wide = total > u64::from(u32::MAX);
    let (mut cumulative, mut previous) = (0u64, 0u64);
    for (o, &c) in out.iter_mut().zip(counts) {
        if c == 0 {
            continue;
        }
        cumulative += u64::from(c);
        let upto = if wide {
            ((u128::from(cumulative) * u128::from(n) + u128::from(offset)) / u128::from(total))
                as u64
        } else {
            (cumulative * n + offset) / total
        };
        *o = (upto - previous) as u32;
        previous = upto;
    }
    n
}

/// Splits `n` whole units across cells in proportion to `weights`, writing each cell's
/// units into `out` (never more than its `caps` entry).
///
/// Each cell gets the floor or the ceiling of its exact share; a single uniform draw decides
/// where the remainders fall (systematic sampling), so the split is unbiased without the
/// needless noise of a multinomial draw. Nothing is drawn when there is nothing to split.
pub fn allocate<R: Rng + ?Sized>(
    rng: &mut R,
    n: u64,
    weights: &[f64],
    caps: &[u32],
    out: &mut [u32],
) -> u64 {
    out.iter_mut().for_each(|o| *o = 0);
    let total: f64 = weights.iter().sum();
    if n == 0 || total.is_nan() || total <= 0.0 {
        return 0;
    }
    let offset: f64 = rng.random();
    let scale = n as f64 / total;
    let mut cumulative = 0.0;
    // Values here are non-negative, so truncation is floor (and needs no libm call).
    let mut previous = 0u64;
    let mut given = 0;
    let last = weights.len() - 1;
    for (i, w) in weights.iter().enumerate() {
        cumulative += w;
        let edge = if i == last {
            n as f64
        } else {
            cumulative * scale
        };
        let upto = (edge + offset) as u64;
        let share = upto.saturating_sub(previous).min(u64::from(caps[i]));
        previous = upto.max(previous);
        out[i] = share as u32;
        given += share;
    }
    given
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trivial_binomials_consume_nothing() {
        let mut a = run_stream(1, 0);
        let mut b = run_stream(1, 0);
        assert_eq!(binomial(&mut a, 0, 0.5), 0);
        assert_eq!(binomial(&mut a, 10, 0.0), 0);
        assert_eq!(binomial(&mut a, 10, 1.0), 10);
        assert_eq!(binomial(&mut a, 10, f64::NAN), 0);
        assert_eq!(a.next_u64(), b.next_u64());
    }

    #[test]
    fn powu_matches_powf() {
        for (b, e) in [
            (0.97, 10_000),
            (0.5, 3),
            (0.999_9, 123_456),
            (0.3, 0),
            (0.9, 1),
        ] {
            let (got, want) = (powu(b, e), f64::powf(b, f64::from(e)));
            // Each squaring doubles the relative error: about 2^17 ulps for e ~ 10^5, still
            // a relative error near 1e-11, far below what a sampler can notice.
            assert!(
                (got - want).abs() <= 1e-10 * want.max(1e-300),
                "{b}^{e}: {got} vs {want}"
            );
        }
    }

    /// Chi-square goodness of fit of the sampler against the exact binomial pmf, on both
    /// branches (inversion and BTPE) and both sides of p = 1/2.
    #[test]
    fn binomial_matches_its_distribution() {
        let mut rng = run_stream(99, 0);
        for (n, p) in [
            (30u32, 0.1),
            (10_000, 0.0004),
            (50, 0.93),
            (200, 0.2),
            (10_000, 0.05),
            (1, 0.5),
        ] {
            let draws = 20_000;
            let mut hist = vec![0u32; n as usize + 1];
            for _ in 0..draws {
                hist[binomial(&mut rng, n, p) as usize] += 1;
            }
            // Exact pmf by recurrence, in log space to avoid underflow.
            let ln_q = (1.0 - p).ln();
            let ln_ratio = |k: u32| ((f64::from(n - k) + 1.0) / f64::from(k)).ln() + p.ln() - ln_q;
            let mut ln_pmf = f64::from(n) * ln_q;
            let (mut chi2, mut cells, mut pooled_e, mut pooled_o) = (0.0, 0, 0.0, 0.0);
            for k in 0..=n {
                if k > 0 {
                    ln_pmf += ln_ratio(k);
                }
                pooled_e += ln_pmf.exp() * f64::from(draws);
                pooled_o += f64::from(hist[k as usize]);
                if pooled_e >= 20.0 {
                    chi2 += (pooled_o - pooled_e).powi(2) / pooled_e;
                    cells += 1;
                    (pooled_e, pooled_o) = (0.0, 0.0);
                }
            }
            // Loose bound: mean chi2 is cells - 1; its sd is sqrt(2 (cells - 1)).
            let dof = f64::from(cells.max(2) - 1);
            assert!(
                chi2 < dof + 6.0 * (2.0 * dof).sqrt() + 10.0,
                "n {n}, p {p}: chi2 {chi2} over {cells} cells"
            );
        }
    }

    /// Runs must be independent: the first draw of each run's stream, averaged over many
    /// runs, must match the binomial mean. (Streams sharing half their state failed this.)
    #[test]
    fn first_draws_are_independent_across_runs() {
        for seed in [1, 2025] {
            let (n, p, runs) = (9_500u32, 0.04, 100_000u32);
            let sum: f64 = (0..runs)
                .map(|r| f64::from(binomial(&mut run_stream(seed, r), n, p)))
                .sum();
            let (mean, var) = (f64::from(n) * p, f64::from(n) * p * (1.0 - p));
            let z = (sum / f64::from(runs) - mean) / (var / f64::from(runs)).sqrt();
            assert!(z.abs() < 4.5, "seed {seed}: z = {z}");
        }
    }

    #[test]
    fn streams_differ_by_run_and_seed() {
        let first = |seed, run| run_stream(seed, run).next_u64();
        assert_ne!(first(1, 0), first(1, 1));
        assert_ne!(first(1, 0), first(2, 0));
        assert_eq!(first(1, 5), first(1, 5));
    }

    #[test]
    fn allocation_is_exact_and_proportional() {
        let mut rng = run_stream(3, 0);
        let weights = [10.0, 30.0, 60.0];
        let caps = [u32::MAX; 3];
        let mut out = [0; 3];
        for _ in 0..1000 {
            let given = allocate(&mut rng, 17, &weights, &caps, &mut out);
            assert_eq!(given, 17);
            assert_eq!(out.iter().map(|&x| u64::from(x)).sum::<u64>(), 17);
            // 1.7, 5.1 and 10.2 units: each cell gets the floor or the ceiling.
            assert!(
                (1..=2).contains(&out[0])
                    && (5..=6).contains(&out[1])
                    && (10..=11).contains(&out[2])
            );
        }
        let mut sums = [0u64; 3];
        for _ in 0..10_000 {
            allocate(&mut rng, 17, &weights, &caps, &mut out);
            for i in 0..3 {
                sums[i] += u64::from(out[i]);
            }
        }
        assert!((sums[0] as f64 / 10_000.0 - 1.7).abs() < 0.02, "{sums:?}");
    }

    #[test]
    fn allocation_respects_caps_and_empty_input() {
        let mut rng = run_stream(3, 0);
        let mut out = [9; 2];
        assert_eq!(allocate(&mut rng, 0, &[1.0, 1.0], &[5, 5], &mut out), 0);
        assert_eq!(out, [0, 0]);
        assert_eq!(allocate(&mut rng, 4, &[0.0, 0.0], &[5, 5], &mut out), 0);
        let given = allocate(&mut rng, 10, &[1.0, 1.0], &[2, 100], &mut out);
        assert_eq!(out[0], 2);
        assert_eq!(given, 2 + u64::from(out[1]));
    }
}
