//! The peer table: every loaded organisation's published kengetallen per block, built once
//! from the loaded submissions (the bundle's accepted values), so the comparison, the exported
//! table and the factsheet read the same numbers as `kengetallen.csv`.

use crate::catalogue::{posts, Catalogue};
use crate::dataset::Dataset;
use crate::fase::{Fase, Jaar};
use crate::kengetallen::{kengetal_categories, kengetallen_with_begroting, Kengetallen};
use crate::organisation::Organisation;
use crate::vergelijking::uitvraag_of;
use rust_decimal::Decimal;
use std::collections::{BTreeMap, BTreeSet};

/// One `(jaar, fase)` block with a kengetal category's position.
type BlockKey = (Jaar, Fase, usize);

/// One organisation's published kengetallen per block and category.
#[derive(Debug, Clone)]
pub struct PeerOrg {
    /// The organisation.
    pub organisation: Organisation,
    /// Its province: from the register its bundle was loaded with, else from the newest
    /// built-in register (a gemeente with a real CBS code), else unknown.
    pub provincie: Option<String>,
    /// Published (rounded) kengetallen per `(jaar, fase, category position)`.
    kengetallen: BTreeMap<BlockKey, Kengetallen>,
    /// Inwoners on 1 January of each year of its blocks.
    inwoners: BTreeMap<Jaar, Decimal>,
}

impl PeerOrg {
    /// The kengetallen of one block of an organisation's own data (the store's dataset, all
    /// years), for every block in `blocks`.
    pub fn from_own(
        data: &Dataset,
        provincie: Option<String>,
        blocks: &BTreeSet<(Jaar, Fase)>,
    ) -> PeerOrg {
        let mut org = PeerOrg::new(data.organisation.clone(), provincie);
        for &(jaar, fase) in blocks {
            org.add_block(data, data, jaar, fase);
        }
        org
    }

    fn new(organisation: Organisation, provincie: Option<String>) -> PeerOrg {
        let provincie = provincie.or_else(|| {
            crate::register::newest()
                .get(&organisation.code)
                .and_then(|e| e.provincie.clone())
        });
        PeerOrg {
            organisation,
            provincie,
            kengetallen: BTreeMap::new(),
            inwoners: BTreeMap::new(),
        }
    }

    fn add_block(&mut self, data: &Dataset, begroting: &Dataset, jaar: Jaar, fase: Fase) {
        let cat = data
            .catalogue(jaar, fase)
            .unwrap_or_else(|| Catalogue::for_uitvraag(crate::fase::uitvraag_of(jaar, fase)));
        let published = crate::mapping::published_under(jaar, fase);
        for (position, categorie) in kengetal_categories(cat).into_iter().enumerate() {
            let mut k =
                kengetallen_with_begroting(cat, data, begroting, jaar, fase, categorie).rounded();
            // A file filled in under an older version than its uitvraag: as in the bundle.
            crate::mapping::publish_under(&mut k, cat, published, fase);
            self.kengetallen.insert((jaar, fase, position), k);
        }
        if let Some(n) = data.decimal(jaar, Fase::Kenmerk, posts::INWONERS) {
            self.inwoners.insert(jaar, n);
        }
    }

    /// The published kengetallen of one block and category position.
    pub fn get(&self, jaar: Jaar, fase: Fase, position: usize) -> Option<&Kengetallen> {
        self.kengetallen.get(&(jaar, fase, position))
    }

    pub(crate) fn has_block(&self, jaar: Jaar, fase: Fase) -> bool {
        self.get(jaar, fase, 0).is_some()
    }

    /// Inwoners on 1 January of `jaar`, when known.
    pub fn inwoners(&self, jaar: Jaar) -> Option<Decimal> {
        self.inwoners.get(&jaar).copied()
    }

    /// The grootteklasse in block `(jaar, fase)`, when the inwoners are known.
    pub fn grootteklasse(&self, jaar: Jaar, fase: Fase) -> Option<u8> {
        self.get(jaar, fase, 0).and_then(|k| k.grootteklasse)
    }
}

/// Every loaded organisation's kengetallen: built once from the loaded submissions.
#[derive(Debug, Clone, Default)]
pub struct PeerTable {
    /// Organisations by code.
    pub(crate) orgs: BTreeMap<String, PeerOrg>,
    /// Every block any organisation has.
    pub(crate) blocks: BTreeSet<(Jaar, Fase)>,
}

/// One loaded submission: uitvraag, province, data.
pub type Submission = (Jaar, Option<String>, Dataset);

impl PeerTable {
    /// Builds the table from submissions (at most one per organisation and uitvraag).
    pub fn build(submissions: &[Submission]) -> PeerTable {
        let by_key: BTreeMap<(&str, Jaar), &Submission> = submissions
            .iter()
            .map(|s| ((s.2.organisation.code.as_str(), s.0), s))
            .collect();
        let mut table = PeerTable::default();
        for (uitvraag, provincie, data) in submissions {
            let code = data.organisation.code.as_str();
            let org = table
                .orgs
                .entry(code.to_string())
                .or_insert_with(|| PeerOrg::new(data.organisation.clone(), provincie.clone()));
            if org.provincie.is_none() {
                org.provincie.clone_from(provincie);
            }
            for fase in [Fase::Begroting, Fase::Realisatie] {
                let jaar = match fase {
                    Fase::Realisatie => uitvraag.saturating_sub(1),
                    _ => *uitvraag,
                };
                if uitvraag_of(jaar, fase) != Some(*uitvraag) {
                    continue;
                }
                // Uitputting compares with the begroting of the same year, which came with
                // the uitvraag of that year.
                let begroting = match fase {
                    Fase::Realisatie => by_key.get(&(code, jaar)).map_or(data, |s| &s.2),
                    _ => data,
                };
                org.add_block(data, begroting, jaar, fase);
                table.blocks.insert((jaar, fase));
            }
        }
        table
    }

    /// Whether nothing is loaded.
    pub fn is_empty(&self) -> bool {
        self.orgs.is_empty()
    }

    /// Every block, ascending.
    pub fn blocks(&self) -> &BTreeSet<(Jaar, Fase)> {
        &self.blocks
    }

    /// A loaded organisation.
    pub fn org(&self, code: &str) -> Option<&PeerOrg> {
        self.orgs.get(code)
    }

    /// Every loaded organisation, by code.
    pub fn orgs(&self) -> impl Iterator<Item = &PeerOrg> {
        self.orgs.values()
    }

    /// The uitvraagjaren whose begroting is loaded, ascending.
    pub fn uitvragen(&self) -> Vec<Jaar> {
        self.blocks
            .iter()
            .filter(|(_, f)| *f == Fase::Begroting)
            .map(|(j, _)| *j)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn org(code: &str) -> Dataset {
        Dataset::new(Organisation::new(code, "X").unwrap())
    }

    #[test]
    fn a_gemeente_without_a_province_gets_it_from_the_built_in_register() {
        let table = PeerTable::build(&[
            (2026, None, org("GM0363")),
            (2026, Some("Zeeland".into()), org("GM0014")),
            (2026, None, org("GM5000")),
            (2026, None, org("WS0155")),
        ]);
        let p = |c: &str| table.org(c).and_then(|o| o.provincie.clone());
        assert_eq!(p("GM0363").as_deref(), Some("Noord-Holland"));
        // What the loaded register said wins.
        assert_eq!(p("GM0014").as_deref(), Some("Zeeland"));
        // Codes not in the register (demo gemeenten, waterschappen) stay unknown.
        assert_eq!(p("GM5000"), None);
        assert_eq!(p("WS0155"), None);
    }
}
