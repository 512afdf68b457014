//! Deterministic randomness: SplitMix64, keyed per purpose, organisation and year.

use crate::money::PPM;

const GOLDEN: u64 = 0x9E37_79B9_7F4A_7C15;

/// The SplitMix64 finaliser.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// SplitMix64: small, fast and the same everywhere.
#[derive(Debug, Clone)]
pub(crate) struct Rng(u64);

impl Rng {
    /// A generator for one purpose (`keys`: stream, organisation, year, …) under `seed`, so
    /// that draws for one organisation-year never depend on how many draws others made.
    pub(crate) fn keyed(seed: u64, keys: &[u64]) -> Rng {
        let mut state = mix(seed ^ 0x5241_4144_5342_5544);
        for &k in keys {
            state = mix(state ^ mix(k.wrapping_add(GOLDEN)));
        }
        Rng(state)
    }

    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(GOLDEN);
        mix(self.0)
    }

    /// Uniform in `0..n` (`n > 0`), by multiply-shift.
    pub(crate) fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next_u64()) * u128::from(n.max(1))) >> 64) as u64
    }

    /// Uniform in `lo..=hi`.
    pub(crate) fn range(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo {
            return lo;
        }
        lo + self.below(hi.abs_diff(lo) + 1) as i64
    }

    /// A bell-shaped draw in `lo..=hi`: the mean of three uniform draws.
    pub(crate) fn bell(&mut self, lo: i64, hi: i64) -> i64 {
        let sum = self.range(lo, hi) + self.range(lo, hi) + self.range(lo, hi);
        (sum + 1).div_euclid(3)
    }

    /// Uniform in `0..=1_000_000`, skewed to the low end by taking the least of `n` draws.
    pub(crate) fn low_ppm(&mut self, n: usize) -> i64 {
        (0..n.max(1)).map(|_| self.range(0, PPM)).min().unwrap_or(0)
    }

    /// True with probability `per_mille / 1000`.
    pub(crate) fn chance(&mut self, per_mille: u64) -> bool {
        self.below(1000) < per_mille
    }

    pub(crate) fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

/// Streams of randomness, one per purpose.
pub(crate) mod stream {
    pub(crate) const SETUP: u64 = 1;
    pub(crate) const NAME: u64 = 2;
    pub(crate) const ORG: u64 = 3;
    pub(crate) const YEAR: u64 = 4;
    pub(crate) const PERIOD: u64 = 5;
    pub(crate) const ENQUETE: u64 = 6;
    pub(crate) const NOTE: u64 = 7;
    pub(crate) const FTE: u64 = 8;
    pub(crate) const SPLIT: u64 = 9;
}

/// Fisher–Yates, with draws from `rng`.
pub(crate) fn shuffle<T>(rng: &mut Rng, items: &mut [T]) {
    for i in (1..items.len()).rev() {
        let j = rng.below(i as u64 + 1) as usize;
        items.swap(i, j);
    }
}
