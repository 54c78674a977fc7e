//! The fuzzer's random numbers: SplitMix64, seeded per input so that input `n` of a run
//! is the same text whichever thread makes it (a failure is replayed by its number).

use adoption_model::sample::SplitMix64;

/// SplitMix64 (the model's [`SplitMix64`]): tiny, portable, and good enough to choose
/// mutations; the model's runs draw from their own named generator.
pub struct Rng(SplitMix64);

impl Rng {
    /// The generator for input `index` of a run with `seed`.
    pub fn for_input(seed: u64, index: u64) -> Rng {
        let mut rng = Rng(SplitMix64(seed ^ index.wrapping_mul(0xA076_1D64_78BD_642F)));
        rng.next();
        rng
    }

    /// The next 64 random bits.
    pub fn next(&mut self) -> u64 {
        self.0.next_u64()
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            return 0;
        }
        (self.next() % n as u64) as usize
    }

    /// True one time in `n`.
    pub fn one_in(&mut self, n: usize) -> bool {
        self.below(n) == 0
    }

    /// One element of a non-empty slice.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// A length, mostly small, sometimes large: `1..=max`, log-uniform.
    pub fn length(&mut self, max: usize) -> usize {
        let bits = usize::BITS - max.max(1).leading_zeros();
        let cap = 1usize << self.below(bits as usize + 1);
        1 + self.below(cap.min(max.max(1)))
    }
}
