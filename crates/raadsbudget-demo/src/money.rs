//! Integer arithmetic for money: amounts in cents, factors in per mille or parts per million,
//! rounding half away from zero, and the price index around the anchor year.

use crate::rng::Rng;

/// Parts per million.
pub(crate) const PPM: i64 = 1_000_000;
/// The year whose price level the base amounts are in.
pub(crate) const ANCHOR: i64 = 2026;

/// `x * num / den`, rounded half away from zero; `den > 0`.
pub(crate) fn mul_div(x: i64, num: i64, den: i64) -> i64 {
    let p = i128::from(x) * i128::from(num);
    let d = i128::from(den.max(1));
    let q = if p >= 0 {
        (p + d / 2) / d
    } else {
        (p - d / 2) / d
    };
    i64::try_from(q).unwrap_or(i64::MAX)
}

/// `x` times a factor in parts per million.
pub(crate) fn ppm(x: i64, factor: i64) -> i64 {
    mul_div(x, factor, PPM)
}

/// `x` times a factor in per mille.
pub(crate) fn pm(x: i64, factor: i64) -> i64 {
    mul_div(x, factor, 1000)
}

/// `x` rounded to a multiple of `step` (half away from zero).
pub(crate) fn round_to(x: i64, step: i64) -> i64 {
    mul_div(x, 1, step) * step
}

/// A random number of cents (0–99), for realisatie amounts that are not round.
pub(crate) fn cents(rng: &mut Rng) -> i64 {
    rng.range(0, 99)
}

/// Linear interpolation in a table of `(x, y)` points sorted by `x`; flat outside.
pub(crate) fn curve(points: &[(i64, i64)], x: i64) -> i64 {
    let (Some(&(x0, y0)), Some(&(xn, yn))) = (points.first(), points.last()) else {
        return 0;
    };
    if x <= x0 {
        return y0;
    }
    if x >= xn {
        return yn;
    }
    for w in points.windows(2) {
        let ((xa, ya), (xb, yb)) = (w[0], w[1]);
        if x <= xb {
            return ya + mul_div(yb - ya, x - xa, xb - xa);
        }
    }
    yn
}

/// Pay rise of the year over the year before, in ppm (roughly the cao gemeenten).
fn loonstijging_ppm(jaar: i64) -> i64 {
    match jaar {
        ..=2020 => 20_000,
        2021 => 15_000,
        2022 => 30_000,
        2023 => 60_000,
        2024 => 55_000,
        2025 => 35_000,
        2026 => 30_000,
        _ => 25_000,
    }
}

/// The price level of `jaar` relative to [`ANCHOR`], in ppm.
pub(crate) fn prijsindex_ppm(jaar: i64) -> i64 {
    let mut idx = PPM;
    if jaar > ANCHOR {
        for t in ANCHOR + 1..=jaar {
            idx = mul_div(idx, PPM + loonstijging_ppm(t), PPM);
        }
    } else {
        for t in (jaar + 1..=ANCHOR).rev() {
            idx = mul_div(idx, PPM, PPM + loonstijging_ppm(t));
        }
    }
    idx
}
