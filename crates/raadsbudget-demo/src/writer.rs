//! Writing the records of one organisation-year, and the entries the generator writes.

use raadsbudget_domain::{Catalogue, Dataset, Entry, Fase, Jaar, Reason, Record, Value};
use rust_decimal::Decimal;

pub(crate) const B: Fase = Fase::Begroting;
pub(crate) const R: Fase = Fase::Realisatie;
pub(crate) const K: Fase = Fase::Kenmerk;

/// Writes the records of one organisation-year.
pub(crate) struct Writer<'a> {
    pub(crate) data: &'a mut Dataset,
    pub(crate) jaar: Jaar,
    pub(crate) versie: &'a str,
}

impl Writer<'_> {
    pub(crate) fn put(&mut self, fase: Fase, post: &str, entry: Entry, toelichting: &str) {
        self.data.set(
            self.jaar,
            fase,
            post,
            Record {
                entry,
                toelichting: toelichting.to_string(),
                definities: self.versie.into(),
            },
        );
    }

    /// Every post of a category in both fases as `nvt`.
    pub(crate) fn nvt_category(&mut self, cat: &Catalogue, category: &str, toelichting: &str) {
        for post in cat.posts_of(category) {
            for fase in [B, R] {
                if post.has_fase(fase) {
                    self.put(fase, &post.code, NVT, toelichting);
                }
            }
        }
    }

    /// A zero or `nvt`, in the organisation's style.
    pub(crate) fn none(&mut self, fase: Fase, post: &str, nvt: bool, toelichting: &str) {
        if nvt {
            self.put(fase, post, NVT, toelichting);
        } else {
            self.put(fase, post, euro(0), "");
        }
    }
}

pub(crate) fn euro(cents: i64) -> Entry {
    Entry::Value(Value::Decimal(Decimal::new(cents.max(0), 2)))
}

pub(crate) fn fte(hundredths: i64) -> Entry {
    Entry::Value(Value::Decimal(Decimal::new(hundredths.max(0), 2)))
}

pub(crate) fn count(n: i64) -> Entry {
    Entry::Value(Value::Count(n.unsigned_abs()))
}

pub(crate) fn code(c: &str) -> Entry {
    Entry::Value(Value::Code(c.to_string()))
}

pub(crate) const NVT: Entry = Entry::Reason(Reason::Nvt);
pub(crate) const ONBEKEND: Entry = Entry::Reason(Reason::Onbekend);
