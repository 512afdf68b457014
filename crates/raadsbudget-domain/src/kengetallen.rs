//! Derived figures (kengetallen) exactly as `definities.md` defines them. Unknown stays unknown:
//! a figure that cannot be computed is `None`, never zero.

use crate::catalogue::{posts, Catalogue, Post, Requirement, Unit};
use crate::dataset::Dataset;
use crate::fase::{Fase, Jaar};
use crate::grootteklasse::grootteklasse;
use crate::organisation::OrgType;
use crate::value::{round_half_away, Entry, Reason};
use rust_decimal::Decimal;
use serde::Serialize;

/// The pseudo-category for the sum of the four kernbudgets.
pub const TOTAAL: &str = "TOTAAL";

/// A category's kernbudget.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kernbudget {
    /// The sum of the known kernbudget posts.
    Known(Decimal),
    /// A required kernbudget post is `onbekend` or missing.
    Unknown,
    /// No kernbudget post has a value and none is unknown: the category is `nvt` as a whole.
    NotApplicable,
}

impl Kernbudget {
    /// The amount, if known.
    pub fn amount(self) -> Option<Decimal> {
        match self {
            Kernbudget::Known(d) => Some(d),
            _ => None,
        }
    }
}

/// The kengetallen of one organisation × jaar × fase × category.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Kengetallen {
    /// Category code, or [`TOTAAL`].
    pub categorie: String,
    /// CBS grootteklasse (gemeenten only).
    pub grootteklasse: Option<u8>,
    /// Kernbudget in euro.
    pub kernbudget: Option<Decimal>,
    /// Kernbudget per inwoner.
    pub per_inwoner: Option<Decimal>,
    /// Kernbudget per zetel.
    pub per_zetel: Option<Decimal>,
    /// Kernbudget per fractie (FRO only).
    pub per_fractie: Option<Decimal>,
    /// Fte (GRF, RKK only).
    pub fte: Option<Decimal>,
    /// Fte per 10 000 inwoners (GRF, RKK only).
    pub fte_per_10000: Option<Decimal>,
    /// Kernbudget as a percentage of total lasten (begroting only).
    pub aandeel_totale_lasten: Option<Decimal>,
    /// Realisatie kernbudget as a percentage of begroting kernbudget (realisatie only).
    pub uitputting: Option<Decimal>,
}

/// One kengetal column: what it is called, how many decimals it is published with, and where it
/// is in [`Kengetallen`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Indicator {
    /// Kernbudget in euro (2 decimals).
    Kernbudget,
    /// Kernbudget per inwoner (4 decimals).
    PerInwoner,
    /// Kernbudget per zetel (4 decimals).
    PerZetel,
    /// Kernbudget per fractie (4 decimals).
    PerFractie,
    /// Fte (2 decimals, as entered).
    Fte,
    /// Fte per 10.000 inwoners (4 decimals).
    FtePer10000,
    /// Kernbudget as a percentage of total lasten (4 decimals).
    AandeelTotaleLasten,
    /// Realisatie as a percentage of begroting (4 decimals).
    Uitputting,
}

impl Indicator {
    /// Every indicator, in output order.
    pub const ALL: [Indicator; 8] = [
        Indicator::Kernbudget,
        Indicator::PerInwoner,
        Indicator::PerZetel,
        Indicator::PerFractie,
        Indicator::Fte,
        Indicator::FtePer10000,
        Indicator::AandeelTotaleLasten,
        Indicator::Uitputting,
    ];

    /// The column name / code, e.g. `per_inwoner`.
    pub fn code(self) -> &'static str {
        match self {
            Indicator::Kernbudget => "kernbudget",
            Indicator::PerInwoner => "per_inwoner",
            Indicator::PerZetel => "per_zetel",
            Indicator::PerFractie => "per_fractie",
            Indicator::Fte => "fte",
            Indicator::FtePer10000 => "fte_per_10000_inwoners",
            Indicator::AandeelTotaleLasten => "aandeel_totale_lasten",
            Indicator::Uitputting => "uitputting",
        }
    }

    /// A Dutch label for people.
    pub fn label(self) -> &'static str {
        match self {
            Indicator::Kernbudget => "kernbudget (€)",
            Indicator::PerInwoner => "per inwoner (€)",
            Indicator::PerZetel => "per zetel (€)",
            Indicator::PerFractie => "per fractie (€)",
            Indicator::Fte => "fte",
            Indicator::FtePer10000 => "fte per 10.000 inwoners",
            Indicator::AandeelTotaleLasten => "aandeel totale lasten (%)",
            Indicator::Uitputting => "uitputting (%)",
        }
    }

    /// Decimals in published output: euro amounts and fte 2, ratios and percentages 4.
    pub fn decimals(self) -> u32 {
        match self {
            Indicator::Kernbudget | Indicator::Fte => 2,
            _ => 4,
        }
    }

    /// Decimals shown to people (the app, the factsheet): 2 for every indicator, so a
    /// rekenkamerlid reads `€ 1,22` per inwoner and `97,12 %`; the published CSVs keep
    /// [`Indicator::decimals`].
    pub fn display_decimals(self) -> u32 {
        2
    }

    /// This indicator's value in a set of kengetallen.
    pub fn of(self, k: &Kengetallen) -> Option<Decimal> {
        match self {
            Indicator::Kernbudget => k.kernbudget,
            Indicator::PerInwoner => k.per_inwoner,
            Indicator::PerZetel => k.per_zetel,
            Indicator::PerFractie => k.per_fractie,
            Indicator::Fte => k.fte,
            Indicator::FtePer10000 => k.fte_per_10000,
            Indicator::AandeelTotaleLasten => k.aandeel_totale_lasten,
            Indicator::Uitputting => k.uitputting,
        }
    }

    /// Empties this indicator of `k`.
    pub fn clear(self, k: &mut Kengetallen) {
        *self.slot(k) = None;
    }

    fn slot(self, k: &mut Kengetallen) -> &mut Option<Decimal> {
        match self {
            Indicator::Kernbudget => &mut k.kernbudget,
            Indicator::PerInwoner => &mut k.per_inwoner,
            Indicator::PerZetel => &mut k.per_zetel,
            Indicator::PerFractie => &mut k.per_fractie,
            Indicator::Fte => &mut k.fte,
            Indicator::FtePer10000 => &mut k.fte_per_10000,
            Indicator::AandeelTotaleLasten => &mut k.aandeel_totale_lasten,
            Indicator::Uitputting => &mut k.uitputting,
        }
    }
}

impl Kengetallen {
    /// The kengetallen as published: every indicator rounded half away from zero to its
    /// [`Indicator::decimals`]. Statistics are computed from these published values, so anyone
    /// can recompute them from `kengetallen.csv`.
    pub fn rounded(mut self) -> Kengetallen {
        for i in Indicator::ALL {
            let slot = i.slot(&mut self);
            *slot = slot.map(|d| round_half_away(d, i.decimals()));
        }
        self
    }
}

/// Whether a post is required for this dataset's organisation in `jaar` (the
/// `gemeenschappelijk` requirement looks at `KEN.REKENKAMERVORM` of that year).
pub fn is_required(post: &Post, data: &Dataset, jaar: Jaar) -> bool {
    match post.verplicht.for_type(data.organisation.org_type()) {
        Requirement::Ja => true,
        Requirement::Nee => false,
        Requirement::Gemeenschappelijk => {
            data.code(jaar, Fase::Kenmerk, posts::REKENKAMERVORM)
                == Some(posts::VORM_GEMEENSCHAPPELIJK)
        }
    }
}

/// The kernbudget of a category in one `(jaar, fase)`.
pub fn kernbudget(
    cat: &Catalogue,
    data: &Dataset,
    jaar: Jaar,
    fase: Fase,
    category: &str,
) -> Kernbudget {
    let mut sum = Decimal::ZERO;
    let mut any_value = false;
    for post in cat
        .posts_of(category)
        .filter(|p| p.kernbudget && p.has_fase(fase))
    {
        match data.entry(jaar, fase, &post.code) {
            Some(Entry::Value(v)) => {
                sum += v.as_decimal().unwrap_or_default();
                any_value = true;
            }
            Some(Entry::Reason(Reason::Nvt)) => {}
            Some(Entry::Reason(Reason::Onbekend)) | None => {
                if is_required(post, data, jaar) {
                    return Kernbudget::Unknown;
                }
            }
        }
    }
    if any_value {
        Kernbudget::Known(sum)
    } else {
        Kernbudget::NotApplicable
    }
}

/// Total raadsondersteuning: the sum of the four kernbudgets; unknown if any is unknown; a
/// category that is `nvt` as a whole counts as 0.
pub fn totaal(cat: &Catalogue, data: &Dataset, jaar: Jaar, fase: Fase) -> Kernbudget {
    let mut sum = Decimal::ZERO;
    for c in cat.support_categories() {
        match kernbudget(cat, data, jaar, fase, &c.code) {
            Kernbudget::Known(d) => sum += d,
            Kernbudget::NotApplicable => {}
            Kernbudget::Unknown => return Kernbudget::Unknown,
        }
    }
    Kernbudget::Known(sum)
}

fn divide(a: Option<Decimal>, b: Option<Decimal>) -> Option<Decimal> {
    match (a, b) {
        (Some(a), Some(b)) if !b.is_zero() => a.checked_div(b),
        _ => None,
    }
}

fn percentage(a: Option<Decimal>, b: Option<Decimal>) -> Option<Decimal> {
    divide(a, b).and_then(|q| q.checked_mul(Decimal::ONE_HUNDRED))
}

fn kb(cat: &Catalogue, data: &Dataset, jaar: Jaar, fase: Fase, category: &str) -> Kernbudget {
    if category == TOTAAL {
        totaal(cat, data, jaar, fase)
    } else {
        kernbudget(cat, data, jaar, fase, category)
    }
}

/// The kengetallen of one category (or [`TOTAAL`]) in one `(jaar, fase)`; `fase` is
/// `begroting` or `realisatie`.
pub fn kengetallen_for(
    cat: &Catalogue,
    data: &Dataset,
    jaar: Jaar,
    fase: Fase,
    category: &str,
) -> Kengetallen {
    kengetallen_with_begroting(cat, data, data, jaar, fase, category)
}

/// As [`kengetallen_for`], but the begroting that uitputting (realisatie against begroting of
/// the same year) compares with is taken from `begroting`. In benchmark data the realisatie of
/// year `U - 1` comes with uitvraag `U` and its begroting with uitvraag `U - 1`, so comparing
/// them needs two submissions; every other kengetal comes from `data` alone.
pub fn kengetallen_with_begroting(
    cat: &Catalogue,
    data: &Dataset,
    begroting: &Dataset,
    jaar: Jaar,
    fase: Fase,
    category: &str,
) -> Kengetallen {
    let ken = |post: &str| data.decimal(jaar, Fase::Kenmerk, post);
    let inwoners = ken(posts::INWONERS);
    let kernbudget = kb(cat, data, jaar, fase, category).amount();
    let fte = cat
        .posts_of(category)
        .find(|p| p.eenheid == Unit::Fte && p.has_fase(fase))
        .and_then(|p| data.decimal(jaar, fase, &p.code));
    let is_fro = category == "FRO";
    Kengetallen {
        categorie: category.to_string(),
        grootteklasse: match (data.organisation.org_type(), inwoners) {
            (OrgType::Gemeente, Some(n)) => u64::try_from(n).ok().map(grootteklasse),
            _ => None,
        },
        kernbudget,
        per_inwoner: divide(kernbudget, inwoners),
        per_zetel: divide(kernbudget, ken(posts::ZETELS)),
        per_fractie: if is_fro {
            divide(kernbudget, ken(posts::FRACTIES))
        } else {
            None
        },
        fte,
        fte_per_10000: divide(
            fte.and_then(|f| f.checked_mul(Decimal::from(10_000))),
            inwoners,
        ),
        aandeel_totale_lasten: if fase == Fase::Begroting {
            percentage(kernbudget, ken(posts::TOTALE_LASTEN))
        } else {
            None
        },
        uitputting: if fase == Fase::Realisatie {
            // The begroting of the same year came with the uitvraag before, possibly under
            // the version before: its kernbudget over its own posts (the kernbudget keeps its
            // scope across versions, so the two are comparable).
            let begroting_cat = begroting
                .catalogue(jaar, Fase::Begroting)
                .map_or(cat, |c| c as &Catalogue);
            percentage(
                kernbudget,
                kb(begroting_cat, begroting, jaar, Fase::Begroting, category).amount(),
            )
        } else {
            None
        },
    }
}

/// The kengetallen of the four categories and [`TOTAAL`] in one `(jaar, fase)`.
pub fn kengetallen(cat: &Catalogue, data: &Dataset, jaar: Jaar, fase: Fase) -> Vec<Kengetallen> {
    cat.support_categories()
        .map(|c| c.code.as_str())
        .chain(std::iter::once(TOTAAL))
        .map(|c| kengetallen_for(cat, data, jaar, fase, c))
        .collect()
}

/// The categories kengetallen are computed for, in output order.
pub fn kengetal_categories(cat: &Catalogue) -> Vec<&str> {
    cat.support_categories()
        .map(|c| c.code.as_str())
        .chain(std::iter::once(TOTAAL))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::Record;
    use crate::organisation::Organisation;
    use crate::value::Value;

    fn d(s: &str) -> Decimal {
        Decimal::from_str_exact(s).unwrap()
    }

    fn set(data: &mut Dataset, jaar: Jaar, fase: Fase, post: &str, entry: Entry) {
        data.set(
            jaar,
            fase,
            post,
            Record {
                entry,
                toelichting: String::new(),
                definities: "2026.1".into(),
            },
        );
    }

    fn amount(s: &str) -> Entry {
        Entry::Value(Value::Decimal(d(s)))
    }

    fn gemeente() -> Dataset {
        let mut data = Dataset::new(Organisation::new("GM0001", "Proefstad").unwrap());
        let k = Fase::Kenmerk;
        set(
            &mut data,
            2026,
            k,
            posts::INWONERS,
            Entry::Value(Value::Count(40_000)),
        );
        set(
            &mut data,
            2026,
            k,
            posts::ZETELS,
            Entry::Value(Value::Count(25)),
        );
        set(
            &mut data,
            2026,
            k,
            posts::FRACTIES,
            Entry::Value(Value::Count(8)),
        );
        set(
            &mut data,
            2026,
            k,
            posts::TOTALE_LASTEN,
            amount("200000000.00"),
        );
        let b = Fase::Begroting;
        set(&mut data, 2026, b, "RKK.LEDEN", amount("12000.00"));
        set(&mut data, 2026, b, "RKK.PERSONEEL", amount("30000.00"));
        set(&mut data, 2026, b, "RKK.ONDERZOEK", amount("10000.00"));
        set(&mut data, 2026, b, "RKK.MATERIEEL", amount("0.00"));
        set(
            &mut data,
            2026,
            b,
            "RKK.BIJDRAGE_GR",
            Entry::Reason(Reason::Nvt),
        );
        set(&mut data, 2026, b, "RKK.OVERHEAD", amount("99999.00"));
        set(
            &mut data,
            2026,
            b,
            "RKK.FTE",
            Entry::Value(Value::Decimal(d("0.40"))),
        );
        data
    }

    #[test]
    fn kernbudget_sums_known_posts_and_skips_overhead_and_nvt() {
        let cat = Catalogue::for_uitvraag(2026);
        let data = gemeente();
        let k = kengetallen_for(cat, &data, 2026, Fase::Begroting, "RKK");
        assert_eq!(k.kernbudget, Some(d("52000.00")));
        assert_eq!(k.per_inwoner, Some(d("1.3")));
        assert_eq!(k.per_zetel, Some(d("2080")));
        assert_eq!(k.per_fractie, None);
        assert_eq!(k.fte, Some(d("0.40")));
        assert_eq!(k.fte_per_10000, Some(d("0.1")));
        assert_eq!(k.aandeel_totale_lasten, Some(d("0.026")));
        assert_eq!(k.uitputting, None);
        assert_eq!(k.grootteklasse, Some(4));
    }

    #[test]
    fn onbekend_or_missing_required_post_makes_kernbudget_unknown() {
        let cat = Catalogue::for_uitvraag(2026);
        let mut data = gemeente();
        set(
            &mut data,
            2026,
            Fase::Begroting,
            "RKK.ONDERZOEK",
            Entry::Reason(Reason::Onbekend),
        );
        assert_eq!(
            kernbudget(cat, &data, 2026, Fase::Begroting, "RKK"),
            Kernbudget::Unknown
        );
        let k = kengetallen_for(cat, &data, 2026, Fase::Begroting, "RKK");
        assert_eq!((k.kernbudget, k.per_inwoner), (None, None));
        // GRF has nothing at all: required posts missing → unknown, and so is the total.
        assert_eq!(
            kernbudget(cat, &data, 2026, Fase::Begroting, "GRF"),
            Kernbudget::Unknown
        );
        assert_eq!(
            totaal(cat, &data, 2026, Fase::Begroting),
            Kernbudget::Unknown
        );
    }

    #[test]
    fn category_nvt_as_a_whole_counts_zero_in_total() {
        let cat = Catalogue::for_uitvraag(2026);
        let mut data = gemeente();
        let b = Fase::Begroting;
        for p in ["GRF.PERSONEEL", "GRF.INHUUR", "GRF.MATERIEEL"] {
            set(&mut data, 2026, b, p, amount("100.00"));
        }
        for p in ["FRO.BIJDRAGEN", "FRO.ASSISTENTIE", "FRO.OVERIG"] {
            set(&mut data, 2026, b, p, amount("50.00"));
        }
        for p in ["ENQ.RESERVERING", "ENQ.EXTERN", "ENQ.INTERN"] {
            set(&mut data, 2026, b, p, Entry::Reason(Reason::Nvt));
        }
        assert_eq!(
            kernbudget(cat, &data, 2026, b, "ENQ"),
            Kernbudget::NotApplicable
        );
        assert_eq!(
            totaal(cat, &data, 2026, b),
            Kernbudget::Known(d("52450.00"))
        );
        let fro = kengetallen_for(cat, &data, 2026, b, "FRO");
        assert_eq!(fro.per_fractie, Some(d("18.75")));
        let enq = kengetallen_for(cat, &data, 2026, b, "ENQ");
        assert_eq!(enq.kernbudget, None);
    }

    #[test]
    fn uitputting_and_division_by_zero() {
        let cat = Catalogue::for_uitvraag(2026);
        let mut data = gemeente();
        let r = Fase::Realisatie;
        set(&mut data, 2026, r, "RKK.LEDEN", amount("13000.00"));
        set(&mut data, 2026, r, "RKK.PERSONEEL", amount("26000.00"));
        set(&mut data, 2026, r, "RKK.ONDERZOEK", amount("0.00"));
        set(&mut data, 2026, r, "RKK.MATERIEEL", amount("0.00"));
        set(&mut data, 2026, r, "RKK.BIJDRAGE_GR", amount("0.00"));
        let k = kengetallen_for(cat, &data, 2026, r, "RKK");
        assert_eq!(k.uitputting, Some(d("75")));
        assert_eq!(k.aandeel_totale_lasten, None);
        set(
            &mut data,
            2026,
            Fase::Kenmerk,
            posts::INWONERS,
            Entry::Value(Value::Count(0)),
        );
        let k = kengetallen_for(cat, &data, 2026, r, "RKK");
        assert_eq!((k.per_inwoner, k.fte_per_10000), (None, None));
    }
}
