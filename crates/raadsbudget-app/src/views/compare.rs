//! View models of comparing with peers (Vergelijken) and of benchmark sources.

use super::{CodeOptionView, FaseCode, GroupCode, IndicatorCode, OrganisationView};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A number for display and for drawing: `getal` is canonical decimal text with a point
/// (`1.2345`, `-3`, parse it only to place a mark on a chart), `tekst` the same number in
/// Dutch with the indicator's decimals (`1,2345`, `812.345,00`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct NumberView {
    /// Canonical decimal text (`.` as decimal point, no thousands separator).
    pub getal: String,
    /// Dutch-formatted with the indicator's decimals.
    pub tekst: String,
}

/// What to load as benchmark data: a bundle output folder or its `waarden.csv`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct LoadSourceRequest {
    /// A bundle output folder (holding `waarden.csv`) or the path of a `waarden.csv`.
    pub pad: String,
    /// A register with a province column (CBS gemeenten), for the peer group "zelfde
    /// provincie"; optional.
    pub register: Option<String>,
}

/// A loaded benchmark source: read-only, kept apart from the organisation's own data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SourceView {
    /// Id in the store (for removal); small, so a JavaScript number.
    #[ts(type = "number")]
    pub id: i64,
    /// Where it was loaded from (full path of the folder or file as given).
    pub pad: String,
    /// SHA-256 of the `waarden.csv` read, 64 hex digits.
    pub sha256: String,
    /// When it was loaded, Dutch (`28-11-2026 14:03`).
    pub geladen_op: String,
    /// Who loaded it (the audit name).
    pub geladen_door: String,
    /// The uitvraagjaren in it, ascending.
    pub uitvraagjaren: Vec<u16>,
    /// Organisations in it.
    pub organisaties: u32,
    /// Rows of `waarden.csv` read.
    pub waarden: u32,
    /// The register given with it (full path), if any.
    pub register: Option<String>,
    /// Organisations whose province is known (from the register).
    pub met_provincie: u32,
}

/// One indicator to choose, with its Dutch label.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct IndicatorOptionView {
    /// The indicator.
    pub code: IndicatorCode,
    /// Dutch label, e.g. `Kernbudget per inwoner`.
    pub label: String,
}

/// One choosable peer group, with whether it can be chosen now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct GroupOptionView {
    /// The group.
    pub code: GroupCode,
    /// Dutch label, e.g. `Zelfde grootteklasse (20.000 tot 50.000 inwoners)`.
    pub label: String,
    /// Whether it can be chosen.
    pub beschikbaar: bool,
    /// Why not, when it cannot (Dutch).
    pub reden: Option<String>,
}

/// A hand-picked peer list, saved by name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PeerListView {
    /// Name as the user gave it.
    pub naam: String,
    /// Organisation codes, sorted.
    pub codes: Vec<String>,
}

/// One `(jaar, fase)` that loaded benchmark data covers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BlockView {
    /// Year.
    pub jaar: u16,
    /// `begroting` or `realisatie`.
    pub fase: FaseCode,
    /// Dutch label, e.g. `Begroting 2026`.
    pub titel: String,
}

/// What the Vergelijken screen can offer for one organisation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CompareOptions {
    /// The own organisation.
    pub organisatie: OrganisationView,
    /// Categories (codes `GRF`, … and `TOTAAL`) with Dutch names.
    pub categorieen: Vec<CodeOptionView>,
    /// Indicators (codes as in `kengetallen.csv`: `per_inwoner`, …) with Dutch labels.
    pub indicatoren: Vec<IndicatorOptionView>,
    /// The `(jaar, fase)` blocks of the loaded data, newest first.
    pub jaren: Vec<BlockView>,
    /// Peer groups, in menu order; the first available one is the default.
    pub groepen: Vec<GroupOptionView>,
    /// Saved hand-picked lists.
    pub lijsten: Vec<PeerListView>,
    /// Every organisation in the loaded data (for picking a list), sorted by name.
    pub organisaties: Vec<OrganisationView>,
    /// The loaded sources.
    pub bronnen: Vec<SourceView>,
}

/// What to compare.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CompareRequest {
    /// The own organisation's code.
    pub organisatie: String,
    /// Category code or `TOTAAL`.
    pub categorie: String,
    /// Indicator code as in `kengetallen.csv` (`kernbudget`, `per_inwoner`, `per_zetel`,
    /// `per_fractie`, `fte`, `fte_per_10000_inwoners`, `aandeel_totale_lasten`, `uitputting`).
    pub indicator: IndicatorCode,
    /// Year.
    pub jaar: u16,
    /// `begroting` or `realisatie`.
    pub fase: FaseCode,
    /// Peer group.
    pub groep: GroupCode,
    /// The organisation codes of a hand-picked group (`groep` = `lijst`); else empty.
    pub lijst: Vec<String>,
}

/// One organisation in a comparison.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CompareRowView {
    /// Organisation code.
    pub code: String,
    /// Name.
    pub naam: String,
    /// CBS grootteklasse (gemeenten), if known.
    pub grootteklasse: Option<u8>,
    /// Province name or code, if known.
    pub provincie: Option<String>,
    /// Inwoners on 1 January of the year (`31245`, shown as `31.245`), if known.
    pub inwoners: Option<NumberView>,
    /// The indicator's value; null when it cannot be computed.
    pub waarde: Option<NumberView>,
    /// Rank by value, 1 = highest; ties share a rank; null without a value.
    pub plaats: Option<u32>,
    /// Whether this is the own organisation (its figures come from the own store).
    pub eigen: bool,
}

/// The peer statistics of a comparison (the same as the bundle's `statistiek.csv` for the
/// same data).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct StatisticsView {
    /// Organisations with a value.
    pub n: u32,
    /// Minimum.
    pub min: NumberView,
    /// 25th percentile (PERCENTIEL.INC).
    pub p25: NumberView,
    /// Median.
    pub mediaan: NumberView,
    /// 75th percentile.
    pub p75: NumberView,
    /// Maximum.
    pub max: NumberView,
    /// Mean.
    pub gemiddelde: NumberView,
}

/// The own organisation's position in the group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PositionView {
    /// Rank, 1 = highest value.
    pub plaats: u32,
    /// Organisations with a value.
    pub van: u32,
    /// `plaats 12 van 48`.
    pub plaats_tekst: String,
    /// Quarter 1 (lowest) to 4 (highest).
    pub kwartiel: u8,
    /// The quarter in words, e.g. `tweede kwart: onder de mediaan, boven het 25e percentiel`.
    pub kwartiel_tekst: String,
}

/// A reference line on the distribution chart.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ReferenceView {
    /// Where.
    pub waarde: NumberView,
    /// Dutch label, e.g. `€ 1,00 per inwoner`.
    pub label: String,
}

/// One year of the trend: the own value against the peer median and quartiles.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TrendPointView {
    /// Year.
    pub jaar: u16,
    /// Own value.
    pub eigen: Option<NumberView>,
    /// Peers with a value.
    pub n: u32,
    /// Peer 25th percentile.
    pub p25: Option<NumberView>,
    /// Peer median.
    pub mediaan: Option<NumberView>,
    /// Peer 75th percentile.
    pub p75: Option<NumberView>,
    /// Why this year is not comparable with the year before (a change of definitions): the
    /// chart breaks its lines here and the table marks the year. `None` when the line joins.
    pub breuk: Option<String>,
}

/// A comparison: the peers' values, their statistics, the own position and the trend.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ComparisonView {
    /// The request, as answered (the default group filled in).
    pub verzoek: CompareRequest,
    /// Chart title, e.g. `Rekenkamer: lasten per inwoner, begroting 2026`.
    pub titel: String,
    /// The indicator's Dutch label.
    pub indicator_label: String,
    /// Unit for axis labels: `€`, `fte` or `%`.
    pub eenheid: String,
    /// The group in words, e.g. `grootteklasse 4 (20.000 tot 50.000 inwoners)`.
    pub groep_naam: String,
    /// The own organisation's row (also in `rijen`).
    pub eigen: CompareRowView,
    /// Every organisation of the group, own included, highest value first, those without a
    /// value last (by name).
    pub rijen: Vec<CompareRowView>,
    /// Statistics over the rows with a value; null when none has one.
    pub statistiek: Option<StatisticsView>,
    /// The own position; null when the own value cannot be computed.
    pub positie: Option<PositionView>,
    /// Reference lines (the rekenkamer's € 1,00 and € 1,30 per inwoner), possibly empty.
    pub referenties: Vec<ReferenceView>,
    /// Every loaded year of the same fase, ascending.
    pub trend: Vec<TrendPointView>,
    /// One or two sentences for screen readers describing the chart.
    pub tekstalternatief: String,
    /// The trend in words.
    pub trend_tekst: String,
    /// Notes, e.g. that the own figures differ from the loaded bundle's.
    pub opmerkingen: Vec<String>,
}

/// A factsheet for the app: the same HTML as `raadsbudget factsheet` writes, as a fragment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FactsheetView {
    /// Document title.
    pub titel: String,
    /// The factsheet as an HTML fragment (an `<article>` with its own `<style>`), made by
    /// Raadsbudget from escaped data only.
    pub html: String,
}
