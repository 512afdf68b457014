//! The factsheet: one printable page per organisation and uitvraag with its own figures per
//! category, its position among peers and the trend. Rendered as HTML ([`html`]) and as PDF
//! ([`pdf`]) from the same [`Factsheet`], which holds everything already computed and
//! formatted by the use-case layer: the renderers only lay out.

use rust_decimal::Decimal;

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
    pub tabellen: Vec<Tabel>,
    /// The position among peers, one line per category (a dot on a box plot).
    pub posities: Posities,
    /// The trend over the loaded years, if there is more than one year.
    pub trend: Option<Trend>,
    /// Sources and method, small print at the foot (several paragraphs).
    pub voetnoten: Vec<String>,
}

/// A table: a caption, column headings and rows of display texts. The first column is text
/// (left-aligned), the others are numbers (right-aligned).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tabel {
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
pub struct Posities {
    /// Heading, e.g. `Positie per inwoner, begroting 2026, tussen 48 gemeenten van grootteklasse 4`.
    pub titel: String,
    /// Unit for the axis, e.g. `€ per inwoner`.
    pub eenheid: String,
    /// One line per category.
    pub regels: Vec<Positie>,
    /// A sentence for screen readers and for the PDF's text layer describing the chart.
    pub tekstalternatief: String,
}

/// One category's position: the peers' spread and the own value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Positie {
    /// Category name, e.g. `Rekenkamer`.
    pub label: String,
    /// Peer statistics, if any peer has a value.
    pub spreiding: Option<Spreiding>,
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
pub struct Spreiding {
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
    pub punten: Vec<TrendPunt>,
    /// The trend in words (also the text alternative of the chart).
    pub tekst: String,
}

/// One year of a trend.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrendPunt {
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
