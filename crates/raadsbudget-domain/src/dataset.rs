//! A dataset: the entries of one organisation, keyed by `(jaar, fase, post)`.

use crate::fase::{Fase, Jaar};
use crate::organisation::Organisation;
use crate::value::Entry;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// `(jaar, fase, post code)`.
pub type RecordKey = (Jaar, Fase, String);

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
        self.records.get(&(jaar, fase, post.to_string()))
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
