//! A dataset: the entries of one organisation, keyed by `(jaar, fase, post)`.

use crate::fase::{Fase, Jaar};
use crate::organisation::Organisation;
use crate::value::Entry;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::borrow::Borrow;
use std::cmp::Ordering;
use std::collections::BTreeMap;

/// `(jaar, fase, post code)`.
pub type RecordKey = (Jaar, Fase, String);

/// A [`RecordKey`] or a borrowed `(jaar, fase, &post)`, so that the records can be looked up
/// without allocating a `String` per lookup. Ordered exactly like [`RecordKey`].
trait KeyView {
    fn view(&self) -> (Jaar, Fase, &str);
}

impl KeyView for RecordKey {
    fn view(&self) -> (Jaar, Fase, &str) {
        (self.0, self.1, self.2.as_str())
    }
}

impl KeyView for (Jaar, Fase, &str) {
    fn view(&self) -> (Jaar, Fase, &str) {
        *self
    }
}

impl<'a> Borrow<dyn KeyView + 'a> for RecordKey {
    fn borrow(&self) -> &(dyn KeyView + 'a) {
        self
    }
}

impl PartialEq for dyn KeyView + '_ {
    fn eq(&self, other: &Self) -> bool {
        self.view() == other.view()
    }
}

impl Eq for dyn KeyView + '_ {}

impl PartialOrd for dyn KeyView + '_ {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for dyn KeyView + '_ {
    fn cmp(&self, other: &Self) -> Ordering {
        self.view().cmp(&other.view())
    }
}

/// One entry with its explanation and the catalogue version it was entered under.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    /// The value or reason.
    pub entry: Entry,
    /// Free-text explanation (may be empty).
    pub toelichting: String,
    /// Catalogue version, e.g. `2026.1`.
    pub definities: String,
}

/// All entries of one organisation (any number of years).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dataset {
    /// The organisation.
    pub organisation: Organisation,
    /// Entries by key.
    pub records: BTreeMap<RecordKey, Record>,
}

impl Dataset {
    /// An empty dataset.
    pub fn new(organisation: Organisation) -> Dataset {
        Dataset {
            organisation,
            records: BTreeMap::new(),
        }
    }

    /// The record of a post, if any.
    pub fn get(&self, jaar: Jaar, fase: Fase, post: &str) -> Option<&Record> {
        let key = (jaar, fase, post);
        self.records.get(&key as &dyn KeyView)
    }

    /// The entry of a post, if any.
    pub fn entry(&self, jaar: Jaar, fase: Fase, post: &str) -> Option<&Entry> {
        self.get(jaar, fase, post).map(|r| &r.entry)
    }

    /// The numeric value of a post, if it has one.
    pub fn decimal(&self, jaar: Jaar, fase: Fase, post: &str) -> Option<Decimal> {
        self.entry(jaar, fase, post).and_then(Entry::decimal)
    }

    /// The code value of a post, if it has one.
    pub fn code(&self, jaar: Jaar, fase: Fase, post: &str) -> Option<&str> {
        match self.entry(jaar, fase, post) {
            Some(Entry::Value(crate::value::Value::Code(c))) => Some(c),
            _ => None,
        }
    }

    /// Sets (or replaces) an entry.
    pub fn set(&mut self, jaar: Jaar, fase: Fase, post: &str, record: Record) {
        self.records.insert((jaar, fase, post.to_string()), record);
    }

    /// The `(jaar, fase)` blocks that have at least one entry.
    pub fn blocks(&self) -> Vec<(Jaar, Fase)> {
        let mut out: Vec<(Jaar, Fase)> = self.records.keys().map(|(j, f, _)| (*j, *f)).collect();
        out.dedup();
        out
    }
}

/// What to do with required posts that have no entry when taking out an uitvraag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fill {
    /// Only blocks with no entry at all get every required post as `onbekend` (the benchmark
    /// file's rule for a block the organisation has not filled).
    EmptyBlocks,
    /// Every missing required post becomes `onbekend` (a draft file).
    AllMissing,
}

impl Dataset {
    /// The four blocks of uitvraag `u` (see [`crate::fase::uitvraag_blocks`]) as a new dataset,
    /// with missing required posts filled as `onbekend` according to `fill`. Filled records
    /// carry the catalogue's version and an empty toelichting.
    pub fn for_uitvraag(&self, cat: &crate::Catalogue, u: Jaar, fill: Fill) -> Dataset {
        let mut out = Dataset::new(self.organisation.clone());
        for (jaar, fase) in crate::fase::uitvraag_blocks(u) {
            let mut any = false;
            for ((_, _, post), record) in self
                .records
                .range((jaar, fase, String::new())..)
                .take_while(|((j, f, _), _)| *j == jaar && *f == fase)
            {
                out.set(jaar, fase, post, record.clone());
                any = true;
            }
            if any && fill == Fill::EmptyBlocks {
                continue;
            }
            for post in cat.posts_in(fase) {
                if out.get(jaar, fase, &post.code).is_none()
                    && crate::kengetallen::is_required(post, self, jaar)
                {
                    out.set(
                        jaar,
                        fase,
                        &post.code,
                        Record {
                            entry: Entry::Reason(crate::value::Reason::Onbekend),
                            toelichting: String::new(),
                            definities: cat.versie.clone(),
                        },
                    );
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::{Reason, Value};
    use crate::Catalogue;

    #[test]
    fn for_uitvraag_takes_four_blocks_and_fills_empty_ones() {
        let cat = Catalogue::current();
        let mut data = Dataset::new(Organisation::new("GM0001", "Proefstad").unwrap());
        let rec = |entry| Record {
            entry,
            toelichting: "x".into(),
            definities: "2026.1".into(),
        };
        data.set(
            2026,
            Fase::Begroting,
            "GRF.PERSONEEL",
            rec(Entry::Value(Value::Count(1))),
        );
        data.set(
            2024,
            Fase::Begroting,
            "GRF.PERSONEEL",
            rec(Entry::Value(Value::Count(1))),
        );
        let out = data.for_uitvraag(cat, 2026, Fill::EmptyBlocks);
        assert!(out.get(2024, Fase::Begroting, "GRF.PERSONEEL").is_none());
        assert!(out.get(2026, Fase::Begroting, "GRF.INHUUR").is_none());
        assert_eq!(
            out.entry(2025, Fase::Realisatie, "GRF.INHUUR"),
            Some(&Entry::Reason(Reason::Onbekend))
        );
        assert!(out.get(2025, Fase::Realisatie, "GRF.OVERHEAD").is_none());
        let draft = data.for_uitvraag(cat, 2026, Fill::AllMissing);
        assert_eq!(
            draft.entry(2026, Fase::Begroting, "GRF.INHUUR"),
            Some(&Entry::Reason(Reason::Onbekend))
        );
        assert_eq!(
            draft
                .get(2026, Fase::Begroting, "GRF.PERSONEEL")
                .unwrap()
                .toelichting,
            "x"
        );
    }
}
