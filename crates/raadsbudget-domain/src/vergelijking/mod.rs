//! Comparing one organisation with peers, typed from question to answer: the peer table of
//! the loaded submissions ([`PeerTable`]), the peer group as chosen ([`PeerGroup`]), the query
//! ([`CompareQuery`]) and the computed comparison ([`Comparison`]) with rank, quarter, trend
//! and reference lines. The Vergelijken screen, the exported `vergelijking.csv` and the
//! factsheet are all made from one [`Comparison`].
//!
//! One code path with the bundle: peers' kengetallen are `kengetallen_for(..).rounded()` of the
//! same submissions the bundle accepted (read back from its `waarden.csv`), and the peer
//! statistics are [`crate::statistiek::summary_for`] over those published values, so for the
//! same data the numbers equal the bundle's `kengetallen.csv` and `statistiek.csv`. The one
//! addition: with two consecutive uitvragen loaded, the realisatie of year `U - 1` (uitvraag
//! `U`) is compared with the begroting of `U - 1` (uitvraag `U - 1`), so uitputting becomes
//! available.

mod compare;
mod group;
mod table;

pub use compare::{
    category_position, compare, group_choices, indicator_text, indicator_unit, parse_indicator,
    CompareQuery, Comparison, ComparisonRow, GroupChoice, Position, TrendPoint,
};
pub use group::PeerGroup;
pub use table::{PeerOrg, PeerTable, Submission};

use crate::fase::{Fase, Jaar, UnknownFase};
use crate::kengetallen::Indicator;
use crate::quantile::Summary;
use rust_decimal::Decimal;

/// Why a comparison cannot be made as asked (the Dutch message says what to choose instead).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ComparisonError {
    /// No kengetal category has this code.
    #[error("onbekende categorie '{0}'")]
    UnknownCategory(String),
    /// No indicator has this code.
    #[error("onbekende indicator '{0}' (kies {choices})", choices = Indicator::ALL.map(Indicator::code).join(", "))]
    UnknownIndicator(String),
    /// No fase has this code.
    #[error(transparent)]
    UnknownFase(#[from] UnknownFase),
    /// No peer group has this code.
    #[error(
        "onbekende vergelijkingsgroep '{0}' (kies grootteklasse, provincie, gemeenten, provincies, waterschappen of lijst)"
    )]
    UnknownGroup(String),
    /// Nothing is loaded for the block.
    #[error("er zijn geen benchmarkgegevens geladen voor {fase} {jaar}")]
    NoData {
        /// Year of the block.
        jaar: Jaar,
        /// Fase of the block.
        fase: Fase,
    },
    /// The own organisation cannot be compared in the group (the reason in words).
    #[error("deze vergelijkingsgroep kan niet: {0}")]
    GroupNotPossible(String),
}

impl ComparisonError {
    /// Whether the data asked for is not there (rather than the question being wrong).
    pub fn is_not_found(&self) -> bool {
        matches!(self, ComparisonError::NoData { .. })
    }
}

/// The uitvraag whose benchmark file holds the block `(jaar, fase)`: begroting `U` and
/// realisatie `U - 1` come with uitvraag `U`. `None` for kenmerk (it comes with two).
pub fn uitvraag_of(jaar: Jaar, fase: Fase) -> Option<Jaar> {
    match fase {
        Fase::Begroting => Some(jaar),
        Fase::Realisatie => jaar.checked_add(1),
        Fase::Kenmerk => None,
    }
}

/// The rank of `own` among `values` (which include it), 1 = highest; equal values share a
/// rank (1, 2, 2, 4).
pub fn plaats(values: &[Decimal], own: Decimal) -> u32 {
    let higher = values.iter().filter(|v| **v > own).count();
    u32::try_from(higher).map_or(u32::MAX, |h| h.saturating_add(1))
}

/// The quarter of the group `own` falls in: 1 = at or below the 25th percentile, 2 = at or
/// below the median, 3 = at or below the 75th percentile, 4 = above it.
pub fn kwart(own: Decimal, s: &Summary) -> u8 {
    if own <= s.p25 {
        1
    } else if own <= s.median {
        2
    } else if own <= s.p75 {
        3
    } else {
        4
    }
}

/// The quarter in words, with the boundary it is measured against already formatted
/// (`p25`, `mediaan`, `p75` as display texts).
pub fn kwart_tekst(kwart: u8, p25: &str, mediaan: &str, p75: &str) -> String {
    match kwart {
        1 => format!("laagste kwart: op of onder het 25e percentiel ({p25})"),
        2 => format!("tweede kwart: boven het 25e percentiel, op of onder de mediaan ({mediaan})"),
        3 => format!("derde kwart: boven de mediaan, op of onder het 75e percentiel ({p75})"),
        _ => format!("hoogste kwart: boven het 75e percentiel ({p75})"),
    }
}

/// `plaats 12 van 48`.
pub fn plaats_tekst(plaats: u32, van: u32) -> String {
    format!("plaats {plaats} van {van}")
}

/// Reference lines for a category and indicator: € 1,00 and € 1,30 per inwoner for the
/// rekenkamer (the amounts the rekenkamer world names as a floor and a usual level for a
/// gemeente's rekenkamer budget); none elsewhere.
pub fn referenties(categorie: &str, indicator: Indicator) -> Vec<Decimal> {
    if categorie == "RKK" && indicator == Indicator::PerInwoner {
        vec![Decimal::new(100, 2), Decimal::new(130, 2)]
    } else {
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quantile::summarise;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn blocks_come_from_their_uitvraag() {
        assert_eq!(uitvraag_of(2026, Fase::Begroting), Some(2026));
        assert_eq!(uitvraag_of(2025, Fase::Realisatie), Some(2026));
        assert_eq!(uitvraag_of(2025, Fase::Kenmerk), None);
        assert_eq!(uitvraag_of(u16::MAX, Fase::Realisatie), None);
    }

    #[test]
    fn rank_counts_higher_values_and_ties_share() {
        let v = [d("4"), d("2"), d("2"), d("1")];
        assert_eq!(plaats(&v, d("4")), 1);
        assert_eq!(plaats(&v, d("2")), 2);
        assert_eq!(plaats(&v, d("1")), 4);
        assert_eq!(plaats_tekst(2, 4), "plaats 2 van 4");
    }

    #[test]
    fn quarters_follow_the_quartiles_inclusive_below() {
        // 1, 2, 4, 7: p25 1,75, median 3, p75 4,75 (PERCENTIEL.INC).
        let s = summarise(&[d("1"), d("2"), d("4"), d("7")]).unwrap();
        assert_eq!(kwart(d("1"), &s), 1);
        assert_eq!(kwart(d("1.75"), &s), 1);
        assert_eq!(kwart(d("2"), &s), 2);
        assert_eq!(kwart(d("3"), &s), 2);
        assert_eq!(kwart(d("4"), &s), 3);
        assert_eq!(kwart(d("7"), &s), 4);
        assert!(kwart_tekst(2, "a", "b", "c").contains("(b)"));
        assert!(kwart_tekst(4, "a", "b", "c").starts_with("hoogste kwart"));
    }

    #[test]
    fn reference_lines_only_for_the_rekenkamer_per_inwoner() {
        assert_eq!(
            referenties("RKK", Indicator::PerInwoner),
            vec![d("1.00"), d("1.30")]
        );
        assert!(referenties("GRF", Indicator::PerInwoner).is_empty());
        assert!(referenties("RKK", Indicator::Kernbudget).is_empty());
    }
}
