//! Statistics over many organisations' kengetallen, per `jaar × fase × categorie × indicator ×
//! groep` — the rows of the bundle's `statistiek.csv` and the peer figures of the comparison.
//!
//! The statistics are computed from the published (rounded) kengetallen, so that anyone can
//! recompute `statistiek.csv` from `kengetallen.csv`; the results are rounded again to the
//! indicator's decimals, half away from zero.

use crate::catalogue::FnvBuild;
use crate::fase::{Fase, Jaar};
use crate::kengetallen::{Indicator, Kengetallen};
use crate::organisation::OrgType;
use crate::quantile::{summarise, Summary};
use crate::value::round_half_away;
use rust_decimal::Decimal;
use std::collections::HashMap;

/// A peer group of the statistics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum StatGroup {
    /// All gemeenten.
    Gemeenten,
    /// Gemeenten of one CBS grootteklasse (1–8).
    Grootteklasse(u8),
    /// All provincies.
    Provincies,
    /// All waterschappen.
    Waterschappen,
}

impl StatGroup {
    /// Every group, in output order.
    pub fn all() -> Vec<StatGroup> {
        std::iter::once(StatGroup::Gemeenten)
            .chain((1..=8).map(StatGroup::Grootteklasse))
            .chain([StatGroup::Provincies, StatGroup::Waterschappen])
            .collect()
    }

    /// The stable code, e.g. `gemeenten`, `grootteklasse_4`.
    pub fn code(self) -> String {
        match self {
            StatGroup::Gemeenten => "gemeenten".to_string(),
            StatGroup::Grootteklasse(k) => format!("grootteklasse_{k}"),
            StatGroup::Provincies => "provincies".to_string(),
            StatGroup::Waterschappen => "waterschappen".to_string(),
        }
    }

    /// The groups an organisation of `org_type` (with `grootteklasse`, for gemeenten) is in.
    pub fn of(org_type: OrgType, grootteklasse: Option<u8>) -> Vec<StatGroup> {
        match org_type {
            OrgType::Gemeente => std::iter::once(StatGroup::Gemeenten)
                .chain(grootteklasse.map(StatGroup::Grootteklasse))
                .collect(),
            OrgType::Provincie => vec![StatGroup::Provincies],
            OrgType::Waterschap => vec![StatGroup::Waterschappen],
        }
    }
}

/// Where one statistic belongs. The derived order is the output order when `categorie` is the
/// category's position in [`crate::kengetallen::kengetal_categories`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct StatKey {
    /// Year.
    pub jaar: Jaar,
    /// `begroting` or `realisatie`.
    pub fase: Fase,
    /// Position of the category in the kengetal categories (the order of the output).
    pub categorie: usize,
    /// The indicator.
    pub indicator: Indicator,
    /// The peer group.
    pub groep: StatGroup,
}

/// One published (rounded) kengetal value with what places it in the statistics: the compact
/// form a bundle keeps per accepted file until the end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PublishedValue {
    /// Year.
    pub jaar: Jaar,
    /// `begroting` or `realisatie`.
    pub fase: Fase,
    /// Position of the category in the kengetal categories.
    pub categorie: u8,
    /// The indicator.
    pub indicator: Indicator,
    /// The organisation's CBS grootteklasse in `jaar` (gemeenten only).
    pub grootteklasse: Option<u8>,
    /// The value.
    pub value: Decimal,
}

impl PublishedValue {
    /// The values of (rounded) kengetallen `k` of one `(jaar, fase)` and category (by output
    /// position), in [`Indicator::ALL`] order; values that could not be computed are left out.
    pub fn all_of(
        k: &Kengetallen,
        jaar: Jaar,
        fase: Fase,
        categorie: usize,
    ) -> impl Iterator<Item = PublishedValue> + '_ {
        let categorie = u8::try_from(categorie).unwrap_or(u8::MAX);
        Indicator::ALL.into_iter().filter_map(move |indicator| {
            Some(PublishedValue {
                jaar,
                fase,
                categorie,
                indicator,
                grootteklasse: k.grootteklasse,
                value: indicator.of(k)?,
            })
        })
    }
}

/// Collects published kengetallen and summarises them.
#[derive(Debug, Default, Clone)]
pub struct Statistics {
    /// Values per key; a hash map because a bundle adds millions of values (the keys are
    /// sorted once, in [`Statistics::summaries`]).
    values: HashMap<StatKey, Vec<Decimal>, FnvBuild>,
}

impl Statistics {
    /// An empty collection.
    pub fn new() -> Statistics {
        Statistics::default()
    }

    /// Adds the (rounded, see [`Kengetallen::rounded`]) kengetallen of one organisation in one
    /// `(jaar, fase)` and category; `categorie` is the category's output position. Values that
    /// could not be computed are left out.
    pub fn add(
        &mut self,
        org_type: OrgType,
        jaar: Jaar,
        fase: Fase,
        categorie: usize,
        k: &Kengetallen,
    ) {
        for v in PublishedValue::all_of(k, jaar, fase, categorie) {
            self.add_value(org_type, &v);
        }
    }

    /// Adds one published value of an organisation of `org_type`, as [`Statistics::add`] does
    /// for each value of a [`Kengetallen`].
    pub fn add_value(&mut self, org_type: OrgType, v: &PublishedValue) {
        for groep in StatGroup::of(org_type, v.grootteklasse) {
            self.values
                .entry(StatKey {
                    jaar: v.jaar,
                    fase: v.fase,
                    categorie: usize::from(v.categorie),
                    indicator: v.indicator,
                    groep,
                })
                .or_default()
                .push(v.value);
        }
    }

    /// Every group's values, in output order.
    pub fn groups(&self) -> Vec<(StatKey, &[Decimal])> {
        let mut groups: Vec<(StatKey, &[Decimal])> = self
            .values
            .iter()
            .map(|(k, v)| (*k, v.as_slice()))
            .collect();
        groups.sort_unstable_by_key(|(k, _)| *k);
        groups
    }

    /// Every non-empty group's summary, in output order, rounded to the indicator's decimals.
    pub fn summaries(&self) -> impl Iterator<Item = (StatKey, Summary)> + '_ {
        self.groups()
            .into_iter()
            .filter_map(|(key, values)| Some((key, summary(key, values)?)))
    }
}

/// The summary of one group's values (see [`Statistics::groups`]), rounded half away from zero
/// to the indicator's decimals. `None` for no values.
pub fn summary(key: StatKey, values: &[Decimal]) -> Option<Summary> {
    summary_for(key.indicator, values)
}

/// The summary of the values of one indicator, rounded half away from zero to its decimals
/// (any peer group, e.g. a hand-picked one). `None` for no values.
pub fn summary_for(indicator: Indicator, values: &[Decimal]) -> Option<Summary> {
    let s = summarise(values)?;
    let dp = indicator.decimals();
    let r = |d: Decimal| round_half_away(d, dp);
    Some(Summary {
        n: s.n,
        min: r(s.min),
        p25: r(s.p25),
        median: r(s.median),
        p75: r(s.p75),
        max: r(s.max),
        mean: r(s.mean),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::from_str_exact(s).unwrap()
    }

    fn k(kernbudget: &str, per_inwoner: &str, klasse: u8) -> Kengetallen {
        Kengetallen {
            categorie: "RKK".into(),
            grootteklasse: Some(klasse),
            kernbudget: Some(d(kernbudget)),
            per_inwoner: Some(d(per_inwoner)),
            per_zetel: None,
            per_fractie: None,
            fte: None,
            fte_per_10000: None,
            aandeel_totale_lasten: None,
            uitputting: None,
        }
    }

    #[test]
    fn groups_and_rounding() {
        let mut s = Statistics::new();
        // Worked out by hand: per inwoner 1.0000, 2.0000, 4.0000, 7.0000 in grootteklasse 4.
        // h(p25) = 3·0.25 = 0.75 → 1 + 0.75·1 = 1.75; median h = 1.5 → 2 + 0.5·2 = 3;
        // p75 h = 2.25 → 4 + 0.25·3 = 4.75; mean 14/4 = 3.5.
        for (kb, pi) in [("10", "1"), ("20", "2"), ("40", "4"), ("70", "7")] {
            s.add(OrgType::Gemeente, 2026, Fase::Begroting, 1, &k(kb, pi, 4));
        }
        s.add(OrgType::Provincie, 2026, Fase::Begroting, 1, &{
            let mut p = k("1000", "0.3333", 0);
            p.grootteklasse = None;
            p
        });
        let rows: Vec<_> = s.summaries().collect();
        let find = |i: Indicator, g: StatGroup| {
            rows.iter()
                .find(|(key, _)| key.indicator == i && key.groep == g)
                .map(|(_, s)| s.clone())
        };
        let pi = find(Indicator::PerInwoner, StatGroup::Grootteklasse(4)).unwrap();
        assert_eq!(pi.n, 4);
        assert_eq!(pi.p25.to_string(), "1.7500");
        assert_eq!(pi.median.to_string(), "3.0000");
        assert_eq!(pi.p75.to_string(), "4.7500");
        assert_eq!(pi.mean.to_string(), "3.5000");
        assert_eq!(
            find(Indicator::PerInwoner, StatGroup::Gemeenten).unwrap().n,
            4,
            "gemeenten contains every grootteklasse"
        );
        let kb = find(Indicator::Kernbudget, StatGroup::Gemeenten).unwrap();
        assert_eq!(kb.mean.to_string(), "35.00");
        assert_eq!(
            find(Indicator::PerInwoner, StatGroup::Provincies)
                .unwrap()
                .n,
            1
        );
        assert!(find(Indicator::PerInwoner, StatGroup::Waterschappen).is_none());
        assert!(find(Indicator::PerZetel, StatGroup::Gemeenten).is_none());
        // Output order: indicator, then group.
        let keys: Vec<_> = rows.iter().map(|(k, _)| (k.indicator, k.groep)).collect();
        let mut sorted = keys.clone();
        sorted.sort();
        assert_eq!(keys, sorted);
    }

    #[test]
    fn mean_rounds_half_away_from_zero() {
        let mut s = Statistics::new();
        for pi in ["0.0001", "0.0002"] {
            s.add(OrgType::Gemeente, 2026, Fase::Begroting, 0, &k("1", pi, 1));
        }
        let (_, pi) = s
            .summaries()
            .find(|(key, _)| {
                key.indicator == Indicator::PerInwoner && key.groep == StatGroup::Gemeenten
            })
            .unwrap();
        // 0.00015 → 0.0002
        assert_eq!(pi.mean.to_string(), "0.0002");
        assert_eq!(pi.median.to_string(), "0.0002");
    }
}
