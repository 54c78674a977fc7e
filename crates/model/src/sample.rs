//! Random building blocks: per-run streams, binomial draws and whole-unit allocation.
//!
//! Everything here is portable: the PRNG is PCG-64 (MCG variant), the distributions come
//! from `rand_distr` built on `libm` (not the platform's maths library), and the rest is
//! IEEE arithmetic, so a seed gives the same numbers natively and in WebAssembly.

use rand::{Rng, RngExt, SeedableRng};
use rand_distr::{Binomial, Distribution};
use rand_pcg::Pcg64Mcg;

/// The random stream of one Monte Carlo run. Each run has its own stream derived from the
/// scenario seed and the run's index, so results do not depend on how runs are chunked,
/// ordered or spread across threads and workers.
pub fn run_stream(seed: u64, run: u32) -> Pcg64Mcg {
    let lo = splitmix64(seed);
    let hi = splitmix64(lo ^ u64::from(run).wrapping_mul(0xD1B5_4A32_D192_ED03));
    let mut bytes = [0u8; 16];
    bytes[..8].copy_from_slice(&lo.to_le_bytes());
    bytes[8..].copy_from_slice(&hi.to_le_bytes());
    Pcg64Mcg::from_seed(bytes)
}

/// SplitMix64 finaliser (Steele, Lea & Flood 2014): decorrelates nearby seeds.
fn splitmix64(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Number of successes among `n` independent trials of probability `p`.
///
/// Trivial cases (`n == 0`, `p <= 0`, `p >= 1`) consume no randomness, which is what makes a
/// zero budget reproduce the baseline draw for draw.
#[inline]
pub fn binomial<R: Rng + ?Sized>(rng: &mut R, n: u32, p: f64) -> u32 {
    if n == 0 || !(p > 0.0) {
        return 0;
    }
    if p >= 1.0 {
        return n;
    }
    match Binomial::new(u64::from(n), p) {
        // The result is at most n, so it fits.
        Ok(b) => b.sample(rng) as u32,
        Err(_) => 0,
    }
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
    if n == 0 || !(total > 0.0) {
        return 0;
    }
    let offset: f64 = rng.random();
    let scale = n as f64 / total;
    let mut cumulative = 0.0;
    let mut previous = offset.floor() as u64;
    let mut given = 0;
    let last = weights.len() - 1;
    for (i, w) in weights.iter().enumerate() {
        cumulative += w;
        let edge = if i == last {
            n as f64
        } else {
            cumulative * scale
        };
        let upto = (edge + offset).floor() as u64;
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
