//! The peer group: what the user picks relative to the own organisation (`PeerGroup`: same
//! grootteklasse, same province, all of a kind, or hand-picked), and what it means in one
//! block: the members, tested as the bundle's `statistiek.csv` groups them.

use super::table::PeerOrg;
use super::ComparisonError;
use crate::fase::{Fase, Jaar};
use crate::grootteklasse::grootteklasse_label;
use crate::organisation::OrgType;
use crate::statistiek::StatGroup;
use std::collections::BTreeSet;

/// A peer group as chosen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PeerGroup {
    /// Gemeenten of the own grootteklasse (in the chosen year).
    Grootteklasse,
    /// Gemeenten in the own province.
    Provincie,
    /// All gemeenten.
    Gemeenten,
    /// All provincies.
    Provincies,
    /// All waterschappen.
    Waterschappen,
    /// A hand-picked list of codes (the own organisation is always in it).
    Lijst(BTreeSet<String>),
}

impl PeerGroup {
    /// The group of a request.
    pub fn parse(code: &str, lijst: &[String]) -> Result<PeerGroup, ComparisonError> {
        Ok(match code {
            "grootteklasse" => PeerGroup::Grootteklasse,
            "provincie" => PeerGroup::Provincie,
            "gemeenten" => PeerGroup::Gemeenten,
            "provincies" => PeerGroup::Provincies,
            "waterschappen" => PeerGroup::Waterschappen,
            "lijst" => PeerGroup::Lijst(lijst.iter().map(|c| c.trim().to_string()).collect()),
            other => return Err(ComparisonError::UnknownGroup(other.to_string())),
        })
    }

    /// The stable code.
    pub fn code(&self) -> &'static str {
        match self {
            PeerGroup::Grootteklasse => "grootteklasse",
            PeerGroup::Provincie => "provincie",
            PeerGroup::Gemeenten => "gemeenten",
            PeerGroup::Provincies => "provincies",
            PeerGroup::Waterschappen => "waterschappen",
            PeerGroup::Lijst(_) => "lijst",
        }
    }

    /// Every group, in menu order.
    pub fn menu() -> [PeerGroup; 6] {
        [
            PeerGroup::Grootteklasse,
            PeerGroup::Provincie,
            PeerGroup::Gemeenten,
            PeerGroup::Provincies,
            PeerGroup::Waterschappen,
            PeerGroup::Lijst(BTreeSet::new()),
        ]
    }
}

/// A peer group of a comparison: one of the bundle's statistics groups (membership exactly as
/// in `statistiek.csv`, by [`StatGroup::of`]), the gemeenten of one province, or a hand-picked list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ResolvedGroup {
    /// A group of `statistiek.csv`.
    Statistics(StatGroup),
    /// The gemeenten of a province (as the register names it).
    Provincie(String),
    /// Organisations by code.
    Lijst(BTreeSet<String>),
}

/// What is known of an organisation to decide whether it is in a peer group, in one year.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Lid<'a> {
    /// Its code.
    pub code: &'a str,
    /// Its type.
    pub org_type: OrgType,
    /// Its grootteklasse in the year (gemeenten with known inwoners).
    pub grootteklasse: Option<u8>,
    /// Its province, if known.
    pub provincie: Option<&'a str>,
}

impl ResolvedGroup {
    /// Whether an organisation is in the group.
    pub(crate) fn bevat(&self, lid: Lid<'_>) -> bool {
        match self {
            ResolvedGroup::Statistics(g) => {
                StatGroup::of(lid.org_type, lid.grootteklasse).contains(g)
            }
            ResolvedGroup::Provincie(p) => {
                lid.org_type == OrgType::Gemeente && lid.provincie == Some(p.as_str())
            }
            ResolvedGroup::Lijst(codes) => codes.contains(lid.code),
        }
    }

    /// The group in words, e.g. `gemeenten van grootteklasse 4 (20.000 tot 50.000 inwoners)`.
    pub(crate) fn naam(&self) -> String {
        match self {
            ResolvedGroup::Statistics(StatGroup::Gemeenten) => "alle gemeenten".to_string(),
            ResolvedGroup::Statistics(StatGroup::Grootteklasse(k)) => {
                format!(
                    "gemeenten van grootteklasse {k} ({})",
                    grootteklasse_label(*k)
                )
            }
            ResolvedGroup::Statistics(StatGroup::Provincies) => "alle provincies".to_string(),
            ResolvedGroup::Statistics(StatGroup::Waterschappen) => "alle waterschappen".to_string(),
            ResolvedGroup::Provincie(p) => format!("gemeenten in de provincie {p}"),
            ResolvedGroup::Lijst(codes) => {
                format!("zelf gekozen groep van {} organisaties", codes.len())
            }
        }
    }
}

/// A group made concrete for the own organisation in one block.
pub(crate) struct Members {
    pub(crate) naam: String,
    groep: ResolvedGroup,
}

impl Members {
    /// Whether `o` is in the group in block `(jaar, fase)`.
    pub(crate) fn test(&self, o: &PeerOrg, jaar: Jaar, fase: Fase) -> bool {
        self.groep.bevat(Lid {
            code: o.organisation.code.as_str(),
            org_type: o.organisation.org_type(),
            grootteklasse: o.grootteklasse(jaar, fase),
            provincie: o.provincie.as_deref(),
        })
    }
}

/// Why the own organisation cannot be compared in `groep` (in block `(jaar, fase)`), or the
/// group's members.
pub(crate) fn members(
    own: &PeerOrg,
    groep: &PeerGroup,
    jaar: Jaar,
    fase: Fase,
) -> std::result::Result<Members, String> {
    let own_type = own.organisation.org_type();
    let only = |t: OrgType, wat: &str| -> std::result::Result<(), String> {
        if own_type == t {
            Ok(())
        } else {
            Err(format!("alleen voor {wat}"))
        }
    };
    let groep = match groep {
        PeerGroup::Grootteklasse => {
            only(OrgType::Gemeente, "gemeenten")?;
            let k = own.grootteklasse(jaar, fase).ok_or_else(|| {
                format!("het aantal inwoners op 1 januari {jaar} ontbreekt, dus de grootteklasse is onbekend")
            })?;
            ResolvedGroup::Statistics(StatGroup::Grootteklasse(k))
        }
        PeerGroup::Provincie => {
            only(OrgType::Gemeente, "gemeenten")?;
            ResolvedGroup::Provincie(own.provincie.clone().ok_or_else(|| {
                "de provincie is onbekend: laad de bundel met een register met provincies (zoals de CBS-lijst van gemeenten)".to_string()
            })?)
        }
        PeerGroup::Gemeenten => {
            only(OrgType::Gemeente, "gemeenten")?;
            ResolvedGroup::Statistics(StatGroup::Gemeenten)
        }
        PeerGroup::Provincies => {
            only(OrgType::Provincie, "provincies")?;
            ResolvedGroup::Statistics(StatGroup::Provincies)
        }
        PeerGroup::Waterschappen => {
            only(OrgType::Waterschap, "waterschappen")?;
            ResolvedGroup::Statistics(StatGroup::Waterschappen)
        }
        // The own organisation is always in a hand-picked group.
        PeerGroup::Lijst(codes) => {
            let mut codes = codes.clone();
            codes.insert(own.organisation.code.to_string());
            ResolvedGroup::Lijst(codes)
        }
    };
    Ok(Members {
        naam: groep.naam(),
        groep,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn peer_groups_follow_the_statistics_groups() {
        let gm = |k: Option<u8>, p: Option<&'static str>| Lid {
            code: "GM5001",
            org_type: OrgType::Gemeente,
            grootteklasse: k,
            provincie: p,
        };
        let k4 = ResolvedGroup::Statistics(StatGroup::Grootteklasse(4));
        assert!(k4.bevat(gm(Some(4), None)));
        assert!(!k4.bevat(gm(Some(5), None)));
        assert!(!k4.bevat(gm(None, None)));
        assert!(ResolvedGroup::Statistics(StatGroup::Gemeenten).bevat(gm(None, None)));
        let pv = Lid {
            code: "PV26",
            org_type: OrgType::Provincie,
            grootteklasse: None,
            provincie: Some("Utrecht"),
        };
        assert!(ResolvedGroup::Statistics(StatGroup::Provincies).bevat(pv));
        assert!(!ResolvedGroup::Statistics(StatGroup::Gemeenten).bevat(pv));
        let utrecht = ResolvedGroup::Provincie("Utrecht".into());
        assert!(utrecht.bevat(gm(Some(4), Some("Utrecht"))));
        assert!(!utrecht.bevat(pv), "a province is not one of its gemeenten");
        assert!(!utrecht.bevat(gm(Some(4), Some("Gelderland"))));
        let lijst = ResolvedGroup::Lijst(["GM5001".to_string()].into());
        assert!(lijst.bevat(gm(None, None)) && !lijst.bevat(pv));
        assert_eq!(
            k4.naam(),
            "gemeenten van grootteklasse 4 (20.000 tot 50.000 inwoners)"
        );
        assert_eq!(lijst.naam(), "zelf gekozen groep van 1 organisaties");
    }
}
