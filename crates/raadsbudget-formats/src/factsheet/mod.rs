//! The factsheet: one printable page per organisation and uitvraag with its own figures per
//! category, its position among peers and the trend. Rendered as HTML ([`html`]) and as PDF
//! ([`pdf`]) from the same [`Factsheet`], which holds everything already computed and
//! formatted by the use-case layer: the renderers only lay out.
//!
//! Both renderers draw the charts in grey-scale, so that nothing depends on colour alone: the
//! own value is a black diamond with its value label, the peers' median a thick black tick,
//! the 25th–75th percentile a grey box and the minimum–maximum a thin line; in the trend the
//! own value is a solid line with circle markers, the median a dashed line and the quartiles a
//! light grey band. Coordinates are computed with [`Decimal`] only: drawing may use floats
//! (`clippy.toml`), but the written coordinates must stay byte for byte what they are, and
//! an `f64` geometry rounds some exact halves the other way (see `pdf.rs`).

use raadsbudget_domain::value::format_dutch;
use rust_decimal::Decimal;

pub mod html;
pub mod pdf;

/// Everything on one factsheet. Texts are final Dutch display texts; the renderers escape
/// them. Numbers that are drawn (positions, trend) come as [`Decimal`] next to their text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Factsheet {
    /// Document title, e.g. `Raadsondersteuning 2026: Voorbeeldstad (GM5001)`.
    pub titel: String,
    /// The organisation, e.g. `Gemeente Voorbeeldstad (GM5001)`.
    pub organisatie: String,
    /// One line under the title: uitvraag, peer group, number of peers.
    pub ondertitel: String,
    /// Key facts as label/value pairs (inwoners, raadszetels, fracties, grootteklasse, …).
    pub kenmerken: Vec<(String, String)>,
    /// Tables of own figures, e.g. one for `Begroting 2026` and one for `Realisatie 2025`.
    pub tabellen: Vec<Table>,
    /// The position among peers, one line per category (a dot on a box plot).
    pub posities: Positions,
    /// The trend over the loaded years, if there is more than one year.
    pub trend: Option<Trend>,
    /// Figures that are not comparable over the loaded years because the definitions changed
    /// in between, one sentence each with the reason (a section "Vergelijkbaarheid over de
    /// jaren"; left out when empty).
    pub vergelijkbaarheid: Vec<String>,
    /// Sources and method, small print at the foot (several paragraphs).
    pub voetnoten: Vec<String>,
}

/// A table: a caption, column headings and rows of display texts. The first column is text
/// (left-aligned), the others are numbers (right-aligned).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// Caption, e.g. `Begroting 2026`.
    pub titel: String,
    /// Column headings.
    pub kolommen: Vec<String>,
    /// Rows; every row has as many cells as there are columns. An empty cell is shown as `–`.
    pub rijen: Vec<Vec<String>>,
    /// Index of a row to emphasise (the total), if any.
    pub nadruk: Option<usize>,
}

/// The own position per category among peers, for one indicator, year and fase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Positions {
    /// Heading, e.g. `Positie per inwoner, begroting 2026, tussen 48 gemeenten van grootteklasse 4`.
    pub titel: String,
    /// Unit for the axis, e.g. `€ per inwoner`.
    pub eenheid: String,
    /// One line per category.
    pub regels: Vec<Position>,
    /// A sentence for screen readers and for the PDF's text layer describing the chart.
    pub tekstalternatief: String,
}

/// One category's position: the peers' spread and the own value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Position {
    /// Category name, e.g. `Rekenkamer`.
    pub label: String,
    /// Peer statistics, if any peer has a value.
    pub spreiding: Option<Spread>,
    /// The own value, if it can be computed.
    pub eigen: Option<Decimal>,
    /// The own value as text (`€ 1,12`), or `–`.
    pub eigen_tekst: String,
    /// The median as text (`€ 1,25`), or `–`.
    pub mediaan_tekst: String,
    /// The position in words, e.g. `plaats 12 van 48, tweede kwart`, or empty.
    pub plaats_tekst: String,
}

/// Minimum, quartiles, median and maximum of the peers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spread {
    /// Minimum.
    pub min: Decimal,
    /// 25th percentile.
    pub p25: Decimal,
    /// Median.
    pub mediaan: Decimal,
    /// 75th percentile.
    pub p75: Decimal,
    /// Maximum.
    pub max: Decimal,
}

/// The trend of one indicator over the loaded years: own line, peer median and quartile band.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trend {
    /// Heading, e.g. `Totaal raadsondersteuning per inwoner, begroting 2023–2026`.
    pub titel: String,
    /// Unit for the axis, e.g. `€ per inwoner`.
    pub eenheid: String,
    /// One point per year, ascending.
    pub punten: Vec<TrendPoint>,
    /// The trend in words (also the text alternative of the chart).
    pub tekst: String,
}

/// One year of a trend.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrendPoint {
    /// Year.
    pub jaar: u16,
    /// Own value.
    pub eigen: Option<Decimal>,
    /// Own value as text, or `–`.
    pub eigen_tekst: String,
    /// Peer 25th percentile.
    pub p25: Option<Decimal>,
    /// Peer median.
    pub mediaan: Option<Decimal>,
    /// Peer median as text, or `–`.
    pub mediaan_tekst: String,
    /// Peer 75th percentile.
    pub p75: Option<Decimal>,
}

/// A linear value axis of a chart with "nice" bounds and tick step (1, 2, 2.5 or 5 times a
/// power of ten). It always includes zero, so bars and lines are never exaggerated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Axis {
    /// Lowest value on the axis (a multiple of `step`).
    pub lo: Decimal,
    /// Highest value on the axis (a multiple of `step`), always above `lo`.
    pub hi: Decimal,
    /// Distance between two ticks.
    pub step: Decimal,
}

impl Axis {
    /// The axis covering `values` and zero, with about five intervals.
    pub(crate) fn covering(values: impl IntoIterator<Item = Decimal>) -> Axis {
        let (mut min, mut max) = (Decimal::ZERO, Decimal::ZERO);
        for v in values {
            min = min.min(v);
            max = max.max(v);
        }
        Self::nice(min, max).unwrap_or(Axis {
            lo: min,
            hi: if max > min { max } else { Decimal::ONE },
            step: if max > min {
                (max / Decimal::TWO)
                    .checked_sub(min / Decimal::TWO)
                    .unwrap_or(Decimal::ONE)
                    .max(Decimal::ONE)
            } else {
                Decimal::ONE
            },
        })
    }

    fn nice(min: Decimal, max: Decimal) -> Option<Axis> {
        let range = max.checked_sub(min)?;
        let range = if range.is_zero() { Decimal::ONE } else { range };
        let rough = range.checked_div(Decimal::from(5))?;
        // The power of ten p with p <= rough < 10 p.
        let ten = Decimal::TEN;
        let mut p = Decimal::ONE;
        if rough >= Decimal::ONE {
            while let Some(next) = p.checked_mul(ten) {
                if next > rough {
                    break;
                }
                p = next;
            }
        } else {
            for _ in 0..28 {
                if p <= rough {
                    break;
                }
                p = p.checked_div(ten)?;
            }
        }
        let step = [
            Decimal::ONE,
            Decimal::TWO,
            Decimal::new(25, 1),
            Decimal::from(5),
            Decimal::TEN,
        ]
        .into_iter()
        .filter_map(|m| m.checked_mul(p))
        .find(|s| *s >= rough)?;
        let lo = min.checked_div(step)?.floor().checked_mul(step)?;
        let mut hi = max.checked_div(step)?.ceil().checked_mul(step)?;
        if hi <= lo {
            hi = lo.checked_add(step)?;
        }
        Some(Axis {
            lo: lo.normalize(),
            hi: hi.normalize(),
            step: step.normalize(),
        })
    }

    /// The tick values from `lo` to `hi` (at most a dozen).
    pub(crate) fn ticks(&self) -> Vec<Decimal> {
        let mut out = Vec::new();
        let mut v = self.lo;
        while v <= self.hi && out.len() < 12 {
            out.push(v);
            match v.checked_add(self.step) {
                Some(next) if self.step > Decimal::ZERO => v = next,
                _ => break,
            }
        }
        out
    }

    /// Maps `v` (clamped to the axis) linearly onto `from..=to`.
    pub(crate) fn map(&self, v: Decimal, from: Decimal, to: Decimal) -> Decimal {
        let v = v.clamp(self.lo, self.hi);
        let mapped = (|| {
            let ratio = v
                .checked_sub(self.lo)?
                .checked_div(self.hi.checked_sub(self.lo)?)?;
            from.checked_add(ratio.checked_mul(to.checked_sub(from)?)?)
        })();
        mapped.unwrap_or(from)
    }

    /// A tick label in Dutch number format with as many decimals as the step has: `1.234,5`.
    pub(crate) fn label(&self, v: Decimal) -> String {
        format_dutch(v, self.step.normalize().scale())
    }
}

/// The value axis of the positions chart: every peer statistic and own value, and zero.
pub(crate) fn posities_axis(p: &Positions) -> Axis {
    Axis::covering(p.regels.iter().flat_map(|r| {
        let s = r.spreiding.map(|s| [s.min, s.p25, s.mediaan, s.p75, s.max]);
        s.into_iter().flatten().chain(r.eigen)
    }))
}

/// The value axis of the trend chart: every own value, quartile and median, and zero.
pub(crate) fn trend_axis(t: &Trend) -> Axis {
    Axis::covering(
        t.punten
            .iter()
            .flat_map(|p| [p.eigen, p.p25, p.mediaan, p.p75].into_iter().flatten()),
    )
}

/// The horizontal position of point `i` of `n` (evenly spaced years) on `from..=to`; a single
/// point sits in the middle.
pub(crate) fn spread(i: usize, n: usize, from: Decimal, to: Decimal) -> Decimal {
    let width = to - from;
    if n <= 1 {
        return from + width / Decimal::TWO;
    }
    from + width * Decimal::from(i) / Decimal::from(n - 1)
}

/// Runs of consecutive items for which `f` gives a value, with their indices: the pieces
/// of a trend line that has gaps (both renderers draw them).
pub(crate) fn runs<T, V>(items: &[T], f: impl Fn(&T) -> Option<V>) -> Vec<Vec<(usize, V)>> {
    let mut out: Vec<Vec<(usize, V)>> = Vec::new();
    let mut current = Vec::new();
    for (i, item) in items.iter().enumerate() {
        match f(item) {
            Some(v) => current.push((i, v)),
            None if !current.is_empty() => out.push(std::mem::take(&mut current)),
            None => {}
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(s: &str) -> Decimal {
        Decimal::from_str_exact(s).unwrap()
    }

    #[test]
    fn axes_are_nice_and_include_zero() {
        let a = Axis::covering([dec("1.12"), dec("3.9")]);
        assert_eq!((a.lo, a.hi, a.step), (dec("0"), dec("4"), dec("1")));
        assert_eq!(a.ticks().len(), 5);
        assert_eq!(a.label(dec("2")), "2");
        let a = Axis::covering([dec("12345")]);
        assert_eq!((a.lo, a.hi, a.step), (dec("0"), dec("12500"), dec("2500")));
        assert_eq!(a.label(dec("12500")), "12.500");
        let a = Axis::covering([dec("0.07"), dec("-0.02")]);
        assert_eq!(a.step, dec("0.02"));
        assert_eq!(a.lo, dec("-0.02"));
        assert_eq!(a.label(dec("0.04")), "0,04");
        let a = Axis::covering([]);
        assert!(a.hi > a.lo && !a.ticks().is_empty());
        let a = Axis::covering([Decimal::MAX, Decimal::MIN]);
        assert!(a.hi > a.lo && a.ticks().len() <= 12);
        let x = a.map(dec("5"), dec("0"), dec("100"));
        assert!(x >= dec("0") && x <= dec("100"));
    }

    #[test]
    fn mapping_clamps_and_spreads() {
        let a = Axis::covering([dec("10")]);
        assert_eq!(a.map(dec("5"), dec("100"), dec("200")), dec("150"));
        assert_eq!(a.map(dec("50"), dec("100"), dec("200")), dec("200"));
        assert_eq!(spread(0, 1, dec("0"), dec("10")), dec("5"));
        assert_eq!(spread(2, 3, dec("0"), dec("10")), dec("10"));
    }
}
