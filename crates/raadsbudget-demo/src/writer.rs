//! Writing the records of one organisation-year, and the entries the generator writes.
//!
//! The generator speaks the posts of its vocabulary, catalogue [`VOCABULARY`]. Each record is
//! written under the catalogue its block is entered under ([`Catalogue::for_entry`]): in a
//! later version through the mapping — a renamed post under its new code, a retired one not at
//! all, and a split amount divided over its parts in the organisation's own proportion.

use raadsbudget_domain::mapping::map_set;
use raadsbudget_domain::{Catalogue, Dataset, Entry, Fase, Jaar, Reason, Record, Value};
use rust_decimal::Decimal;

/// The catalogue version the generator's posts are named in.
pub(crate) const VOCABULARY: &str = "2026.1";

/// The generator's catalogue.
pub(crate) fn vocabulary() -> &'static Catalogue {
    // An embedded version, so always known.
    Catalogue::get(VOCABULARY).unwrap_or_else(|| Catalogue::for_uitvraag(0))
}

pub(crate) const B: Fase = Fase::Begroting;
pub(crate) const R: Fase = Fase::Realisatie;
pub(crate) const K: Fase = Fase::Kenmerk;

/// Writes the records of one organisation-year.
pub(crate) struct Writer<'a> {
    pub(crate) data: &'a mut Dataset,
    pub(crate) jaar: Jaar,
    /// The share (per mille) of a split amount that goes to the new parts, for this
    /// organisation: e.g. how much of the old materieel budget is informatievoorziening.
    pub(crate) split_permille: i64,
}

impl Writer<'_> {
    pub(crate) fn put(&mut self, fase: Fase, post: &str, entry: Entry, toelichting: &str) {
        let vocabulary = vocabulary();
        let cat = Catalogue::for_entry(self.jaar, fase, post, None);
        if std::ptr::eq(cat, vocabulary) {
            return self.record(fase, post, entry, toelichting, cat);
        }
        let mapped = map_set(vocabulary, cat, fase, &[post]).codes;
        let mut parts: Vec<&str> = mapped.iter().map(String::as_str).collect();
        parts.sort_by_key(|c| cat.position(c));
        match (parts.as_slice(), &entry) {
            ([], _) => {}
            ([one], _) => self.record(fase, one, entry, toelichting, cat),
            ([first, rest @ ..], Entry::Value(Value::Decimal(total))) => {
                // The old post keeps its code and the remainder; the new parts share the rest.
                let share = (*total * Decimal::new(self.split_permille, 3)).round_dp(2);
                let each = (share / Decimal::from(rest.len() as u64)).round_dp(2);
                let mut left = *total;
                for part in rest {
                    left -= each;
                    self.record(fase, part, Entry::Value(Value::Decimal(each)), "", cat);
                }
                self.record(
                    fase,
                    first,
                    Entry::Value(Value::Decimal(left)),
                    toelichting,
                    cat,
                );
            }
            (all, _) => {
                for part in all {
                    self.record(fase, part, entry.clone(), toelichting, cat);
                }
            }
        }
    }

    fn record(&mut self, fase: Fase, post: &str, entry: Entry, toelichting: &str, cat: &Catalogue) {
        self.data.set(
            self.jaar,
            fase,
            post,
            Record {
                entry,
                toelichting: toelichting.to_string(),
                definities: cat.version(),
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
