//! Years and fases.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// A calendar year (begrotingsjaar, boekjaar, uitvraagjaar).
pub type Jaar = u16;

/// Lowest and highest year the app accepts; outside this range a year is a typo.
pub const JAAR_MIN: Jaar = 2000;
/// See [`JAAR_MIN`].
pub const JAAR_MAX: Jaar = 2100;

/// Whether `jaar` lies in the accepted range.
pub fn jaar_is_plausible(jaar: Jaar) -> bool {
    (JAAR_MIN..=JAAR_MAX).contains(&jaar)
}

/// The kind of figure: a fact on 1 January (`kenmerk`), the adopted budget (`begroting`) or
/// the accounts (`realisatie`). The declaration order is the sort order of the benchmark file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Fase {
    /// A fact about the organisation on 1 January of the year.
    Kenmerk,
    /// The primitive begroting as adopted for the year.
    Begroting,
    /// The jaarrekening figure for the year.
    Realisatie,
}

impl Fase {
    /// All fases in file order.
    pub const ALL: [Fase; 3] = [Fase::Kenmerk, Fase::Begroting, Fase::Realisatie];

    /// The Dutch word used in files and on screen.
    pub fn as_str(self) -> &'static str {
        match self {
            Fase::Kenmerk => "kenmerk",
            Fase::Begroting => "begroting",
            Fase::Realisatie => "realisatie",
        }
    }
}

impl fmt::Display for Fase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The text is not one of `kenmerk`, `begroting`, `realisatie`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("onbekende fase '{0}' (kies kenmerk, begroting of realisatie)")]
pub struct UnknownFase(pub String);

impl FromStr for Fase {
    type Err = UnknownFase;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "kenmerk" => Ok(Fase::Kenmerk),
            "begroting" => Ok(Fase::Begroting),
            "realisatie" => Ok(Fase::Realisatie),
            other => Err(UnknownFase(other.to_string())),
        }
    }
}

/// The uitvraag a block of begroting or realisatie belongs to (`jaar`, or `jaar + 1` for
/// realisatie). A kenmerk block belongs to two; this gives the one it is first asked in, as
/// `(u, kenmerk)`.
pub fn uitvraag_of(jaar: Jaar, fase: Fase) -> Jaar {
    match fase {
        Fase::Realisatie => jaar.saturating_add(1),
        Fase::Begroting | Fase::Kenmerk => jaar,
    }
}

/// The four `(jaar, fase)` blocks an uitvraag `u` asks for, in file order:
/// `(u-1, kenmerk)`, `(u-1, realisatie)`, `(u, kenmerk)`, `(u, begroting)`.
pub fn uitvraag_blocks(u: Jaar) -> [(Jaar, Fase); 4] {
    let prev = u.saturating_sub(1);
    [
        (prev, Fase::Kenmerk),
        (prev, Fase::Realisatie),
        (u, Fase::Kenmerk),
        (u, Fase::Begroting),
    ]
}

/// The title of a block: `1 januari 2026`, `Begroting 2026`, `Realisatie 2025`.
pub fn block_title(jaar: Jaar, fase: Fase) -> String {
    match fase {
        Fase::Kenmerk => format!("1 januari {jaar}"),
        Fase::Begroting => format!("Begroting {jaar}"),
        Fase::Realisatie => format!("Realisatie {jaar}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fase_round_trips_and_sorts_in_file_order() {
        for f in Fase::ALL {
            assert_eq!(f.as_str().parse::<Fase>(), Ok(f));
        }
        assert!(Fase::Kenmerk < Fase::Begroting && Fase::Begroting < Fase::Realisatie);
        assert!("Begroting".parse::<Fase>().is_err());
    }

    #[test]
    fn blocks_of_an_uitvraag() {
        assert_eq!(
            uitvraag_blocks(2026),
            [
                (2025, Fase::Kenmerk),
                (2025, Fase::Realisatie),
                (2026, Fase::Kenmerk),
                (2026, Fase::Begroting)
            ]
        );
    }
}
