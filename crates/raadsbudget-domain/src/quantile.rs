//! Descriptive statistics in decimal arithmetic.

use rust_decimal::Decimal;

/// `n, min, p25, median, p75, max, mean` of a set of values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    /// Number of values.
    pub n: usize,
    /// Smallest value.
    pub min: Decimal,
    /// First quartile.
    pub p25: Decimal,
    /// Median.
    pub median: Decimal,
    /// Third quartile.
    pub p75: Decimal,
    /// Largest value.
    pub max: Decimal,
    /// Arithmetic mean.
    pub mean: Decimal,
}

/// The `p`-quantile (0 ≤ p ≤ 1) of sorted values by linear interpolation between closest ranks
/// (Excel's PERCENTIEL.INC, numpy's default): `h = (n−1)·p`, `x[⌊h⌋] + (h−⌊h⌋)·(x[⌊h⌋+1]−x[⌊h⌋])`.
/// `None` for no values or `p` outside `[0, 1]`.
pub fn quantile(sorted: &[Decimal], p: Decimal) -> Option<Decimal> {
    quantile_at(sorted.len(), |i| sorted.get(i).copied(), p)
}

/// [`quantile`] of `n` sorted values, the `i`-th given by `at(i)`.
fn quantile_at(n: usize, at: impl Fn(usize) -> Option<Decimal>, p: Decimal) -> Option<Decimal> {
    if n == 0 || p < Decimal::ZERO || p > Decimal::ONE {
        return None;
    }
    let h = Decimal::from(n - 1) * p;
    let lo = h.floor();
    let i = usize::try_from(lo).ok()?;
    let frac = h - lo;
    let below = at(i)?;
    Some(if i + 1 < n && !frac.is_zero() {
        below + frac * (at(i + 1)? - below)
    } else {
        below
    })
}

/// The summary of `n` sorted values (the `i`-th given by `at(i)`) whose sum is `sum`.
fn summary_of(n: usize, at: impl Fn(usize) -> Option<Decimal>, sum: Decimal) -> Option<Summary> {
    Some(Summary {
        n,
        min: at(0)?,
        p25: quantile_at(n, &at, Decimal::new(25, 2))?,
        median: quantile_at(n, &at, Decimal::new(5, 1))?,
        p75: quantile_at(n, &at, Decimal::new(75, 2))?,
        max: at(n.checked_sub(1)?)?,
        mean: sum / Decimal::from(n),
    })
}

/// Summarises values (in any order). `None` when there are none.
pub fn summarise(values: &[Decimal]) -> Option<Summary> {
    if values.is_empty() {
        return None;
    }
    if let Some(summary) = summarise_same_scale(values) {
        return Some(summary);
    }
    let mut sorted = values.to_vec();
    sorted.sort_unstable();
    let sum: Decimal = sorted.iter().copied().sum();
    summary_of(sorted.len(), |i| sorted.get(i).copied(), sum)
}

/// [`summarise`] for values that all have the same scale (published values, rounded to their
/// indicator's decimals, always do), on their integer mantissas: sorting and summing `i128`s is
/// several times faster than sorting `Decimal`s and gives exactly the same results, because
/// every value, the sum and each quantile's neighbours are the same decimals, with the same
/// scale, as in the general path. `None` when the values do not qualify (mixed scales, or a sum
/// beyond what a `Decimal` holds).
fn summarise_same_scale(values: &[Decimal]) -> Option<Summary> {
    let scale = values.first()?.scale();
    let mut sorted: Vec<i128> = Vec::with_capacity(values.len());
    let mut sum: i128 = 0;
    for d in values {
        if d.scale() != scale {
            return None;
        }
        let m = d.mantissa();
        sum = sum.checked_add(m)?;
        sorted.push(m);
    }
    sorted.sort_unstable();
    let sum = Decimal::try_from_i128_with_scale(sum, scale).ok()?;
    let at = |i: usize| Decimal::try_from_i128_with_scale(*sorted.get(i)?, scale).ok();
    summary_of(sorted.len(), at, sum)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(v: &[i64]) -> Vec<Decimal> {
        v.iter().map(|&x| Decimal::from(x)).collect()
    }

    #[test]
    fn same_scale_path_gives_what_the_general_path_gives() {
        // A deterministic spread of amounts with 2 decimals, negatives and ties included.
        let mut x: i64 = 12345;
        let values: Vec<Decimal> = (0..997)
            .map(|_| {
                x = (x * 1103515245 + 12345) % 2147483648;
                Decimal::new(x % 2_000_001 - 1_000_000, 2)
            })
            .collect();
        let fast = summarise(&values).unwrap();
        let mut sorted = values.clone();
        sorted.sort_unstable();
        let sum: Decimal = sorted.iter().copied().sum();
        let general = summary_of(sorted.len(), |i| sorted.get(i).copied(), sum).unwrap();
        assert_eq!(fast, general);
        // Same scale as well as same value, so a table "as given" writes the same text.
        for (a, b) in [
            (fast.min, general.min),
            (fast.p25, general.p25),
            (fast.mean, general.mean),
        ] {
            assert_eq!(a.to_string(), b.to_string());
        }
        // Mixed scales take the general path, with the same answer.
        let mixed = [
            Decimal::new(15, 1),
            Decimal::new(250, 2),
            Decimal::new(1, 0),
        ];
        assert!(summarise_same_scale(&mixed).is_none());
        let s = summarise(&mixed).unwrap();
        assert_eq!(
            (s.min, s.median, s.max),
            (1.into(), Decimal::new(15, 1), Decimal::new(25, 1))
        );
    }

    #[test]
    fn quantiles_match_excel_percentiel_inc() {
        // Worked by hand: n=4, p=0.25 → h=0.75 → 1 + 0.75·(2−1) = 1.75.
        let s = summarise(&d(&[4, 1, 3, 2])).unwrap();
        assert_eq!(s.n, 4);
        assert_eq!(s.min, Decimal::from(1));
        assert_eq!(s.p25, Decimal::new(175, 2));
        assert_eq!(s.median, Decimal::new(25, 1));
        assert_eq!(s.p75, Decimal::new(325, 2));
        assert_eq!(s.max, Decimal::from(4));
        assert_eq!(s.mean, Decimal::new(25, 1));
        let one = summarise(&d(&[7])).unwrap();
        assert_eq!(
            (one.p25, one.median, one.p75),
            (7.into(), 7.into(), 7.into())
        );
        assert!(summarise(&[]).is_none());
        // n=5: median is the middle value; p25 at h=1 exactly.
        let s = summarise(&d(&[10, 20, 30, 40, 1000])).unwrap();
        assert_eq!((s.p25, s.median, s.p75), (20.into(), 30.into(), 40.into()));
        assert_eq!(s.mean, Decimal::from(220));
    }
}
