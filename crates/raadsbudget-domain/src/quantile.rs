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
    if sorted.is_empty() || p < Decimal::ZERO || p > Decimal::ONE {
        return None;
    }
    let h = Decimal::from(sorted.len() - 1) * p;
    let lo = h.floor();
    let i = usize::try_from(lo).ok()?;
    let frac = h - lo;
    let below = sorted[i];
    Some(match sorted.get(i + 1) {
        Some(above) if !frac.is_zero() => below + frac * (*above - below),
        _ => below,
    })
}

/// Summarises values (in any order). `None` when there are none.
pub fn summarise(values: &[Decimal]) -> Option<Summary> {
    let mut sorted = values.to_vec();
    sorted.sort_unstable();
    let n = sorted.len();
    let first = *sorted.first()?;
    let last = *sorted.last()?;
    let sum: Decimal = sorted.iter().copied().sum();
    Some(Summary {
        n,
        min: first,
        p25: quantile(&sorted, Decimal::new(25, 2))?,
        median: quantile(&sorted, Decimal::new(5, 1))?,
        p75: quantile(&sorted, Decimal::new(75, 2))?,
        max: last,
        mean: sum / Decimal::from(n),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(v: &[i64]) -> Vec<Decimal> {
        v.iter().map(|&x| Decimal::from(x)).collect()
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
