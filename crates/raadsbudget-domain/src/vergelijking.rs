//! Comparing one organisation with peers: which uitvraag holds a `(jaar, fase)`, the own rank
//! and quarter, and the reference lines. The peer statistics themselves are
//! [`crate::statistiek::summary`], the same function the bundle's `statistiek.csv` uses.

use crate::fase::{Fase, Jaar};
use crate::grootteklasse::grootteklasse_label;
use crate::kengetallen::Indicator;
use crate::organisation::OrgType;
use crate::quantile::Summary;
use crate::statistiek::Groep;
use rust_decimal::Decimal;
use std::collections::BTreeSet;

/// A peer group of a comparison: one of the bundle's statistics groups (membership exactly as
/// in `statistiek.csv`, by [`Groep::of`]), the gemeenten of one province, or a hand-picked list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Peergroep {
    /// A group of `statistiek.csv`.
    Statistiek(Groep),
    /// The gemeenten of a province (as the register names it).
    Provincie(String),
    /// Organisations by code.
    Lijst(BTreeSet<String>),
}

/// What is known of an organisation to decide whether it is in a peer group, in one year.
#[derive(Debug, Clone, Copy)]
pub struct Lid<'a> {
    /// Its code.
    pub code: &'a str,
    /// Its type.
    pub org_type: OrgType,
    /// Its grootteklasse in the year (gemeenten with known inwoners).
    pub grootteklasse: Option<u8>,
    /// Its province, if known.
    pub provincie: Option<&'a str>,
}

impl Peergroep {
    /// Whether an organisation is in the group.
    pub fn bevat(&self, lid: Lid<'_>) -> bool {
        match self {
            Peergroep::Statistiek(g) => Groep::of(lid.org_type, lid.grootteklasse).contains(g),
            Peergroep::Provincie(p) => {
                lid.org_type == OrgType::Gemeente && lid.provincie == Some(p.as_str())
            }
            Peergroep::Lijst(codes) => codes.contains(lid.code),
        }
    }

    /// The group in words, e.g. `gemeenten van grootteklasse 4 (20.000 tot 50.000 inwoners)`.
    pub fn naam(&self) -> String {
        match self {
            Peergroep::Statistiek(Groep::Gemeenten) => "alle gemeenten".to_string(),
            Peergroep::Statistiek(Groep::Grootteklasse(k)) => {
                format!(
                    "gemeenten van grootteklasse {k} ({})",
                    grootteklasse_label(*k)
                )
            }
            Peergroep::Statistiek(Groep::Provincies) => "alle provincies".to_string(),
            Peergroep::Statistiek(Groep::Waterschappen) => "alle waterschappen".to_string(),
            Peergroep::Provincie(p) => format!("gemeenten in de provincie {p}"),
            Peergroep::Lijst(codes) => {
                format!("zelf gekozen groep van {} organisaties", codes.len())
            }
        }
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
    fn peer_groups_follow_the_statistics_groups() {
        let gm = |k: Option<u8>, p: Option<&'static str>| Lid {
            code: "GM5001",
            org_type: OrgType::Gemeente,
            grootteklasse: k,
            provincie: p,
        };
        let k4 = Peergroep::Statistiek(Groep::Grootteklasse(4));
        assert!(k4.bevat(gm(Some(4), None)));
        assert!(!k4.bevat(gm(Some(5), None)));
        assert!(!k4.bevat(gm(None, None)));
        assert!(Peergroep::Statistiek(Groep::Gemeenten).bevat(gm(None, None)));
        let pv = Lid {
            code: "PV26",
            org_type: OrgType::Provincie,
            grootteklasse: None,
            provincie: Some("Utrecht"),
        };
        assert!(Peergroep::Statistiek(Groep::Provincies).bevat(pv));
        assert!(!Peergroep::Statistiek(Groep::Gemeenten).bevat(pv));
        let utrecht = Peergroep::Provincie("Utrecht".into());
        assert!(utrecht.bevat(gm(Some(4), Some("Utrecht"))));
        assert!(!utrecht.bevat(pv), "a province is not one of its gemeenten");
        assert!(!utrecht.bevat(gm(Some(4), Some("Gelderland"))));
        let lijst = Peergroep::Lijst(["GM5001".to_string()].into());
        assert!(lijst.bevat(gm(None, None)) && !lijst.bevat(pv));
        assert_eq!(
            k4.naam(),
            "gemeenten van grootteklasse 4 (20.000 tot 50.000 inwoners)"
        );
        assert_eq!(lijst.naam(), "zelf gekozen groep van 1 organisaties");
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
