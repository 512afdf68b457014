//! The definitions as the screens show them across versions: last year's value beside a
//! field when the definitions changed in between, "Wat is er veranderd", and adding a newer
//! catalogue file.

use crate::views::{AddedCatalogueView, CatalogueView, ChangeView, ChangesView};
use raadsbudget_domain::catalogue::{Catalogue, Post, Unit};
use raadsbudget_domain::mapping::{carried_record, carry, Carry};
use raadsbudget_domain::value::format_dutch;
use raadsbudget_domain::{Dataset, Fase, Jaar, Record};
use raadsbudget_usecases::definities;
pub use raadsbudget_usecases::definities::{embed_from_env, EMBED_ENV};
use raadsbudget_usecases::{Result, Session};
use rust_decimal::Decimal;
use std::path::Path;

/// Last year's value of a field, as [`crate::views::CellView`] shows it.
pub(crate) struct LastYear {
    /// The value (or the old total across a split), Dutch-formatted.
    pub(crate) text: Option<String>,
    /// Why it is not simply this post's value.
    pub(crate) remark: Option<String>,
    /// The number to compute the change against, when the definition is the same.
    pub(crate) number: Option<Decimal>,
}

fn amount_text(post: &Post, r: &Record) -> String {
    match (post.eenheid, r.entry.decimal()) {
        (Unit::Euro, Some(d)) => format!("€ {}", format_dutch(d, 2)),
        _ => r.entry.to_dutch(),
    }
}

/// Last year's value of `post` (of the uitvraag's catalogue `cat`) from the block
/// `(prev, fase)`: within one version the same post; across a change the mapping decides
/// (`definities-2027.1.md`, "Where the mapping is used").
pub(crate) fn last_year(
    data: &Dataset,
    cat: &'static Catalogue,
    prev: Jaar,
    fase: Fase,
    post: &Post,
) -> LastYear {
    let plain = |r: Option<&Record>| LastYear {
        text: r.map(|r| r.entry.to_dutch()),
        remark: None,
        number: r.and_then(|r| r.entry.decimal()),
    };
    let Some(from) = data.catalogue(prev, fase) else {
        return plain(None);
    };
    if std::ptr::eq(from, cat) {
        return plain(data.get(prev, fase, &post.code));
    }
    let none = LastYear {
        text: None,
        remark: None,
        number: None,
    };
    match carry(from, cat, fase, &post.code) {
        Carry::New => none,
        Carry::Value { from: codes } => {
            let Some(r) = carried_record(data, prev, fase, cat, &post.code) else {
                return none;
            };
            let remark = match codes.as_slice() {
                [one] if *one == post.code => None,
                [one] => Some(format!(
                    "onder de oude code {one} (definities {})",
                    from.versie
                )),
                many => Some(format!(
                    "de som van {} (definities {})",
                    many.join(" en "),
                    from.versie
                )),
            };
            LastYear {
                text: Some(r.entry.to_dutch()),
                remark,
                number: r.entry.decimal(),
            }
        }
        Carry::Total { from: codes, parts } => {
            let total: Option<Decimal> = codes.iter().map(|c| data.decimal(prev, fase, c)).sum();
            let Some(total) = total else {
                return none;
            };
            let amount = match post.eenheid {
                Unit::Euro => format!("€ {}", format_dutch(total, 2)),
                _ => format_dutch(total, 2),
            };
            LastYear {
                text: Some(format!("{}: {amount} voor {} samen", from.versie, parts.join(" en "))),
                remark: Some(format!(
                    "het totaal van {} in definities {}; het wordt niet overgenomen, verdeel het zelf over {}",
                    codes.join(" en "),
                    from.versie,
                    parts.join(" en ")
                )),
                number: None,
            }
        }
        Carry::OtherDefinition { from: code, .. } => match data.get(prev, fase, &code) {
            Some(r) => LastYear {
                text: Some(amount_text(post, r)),
                remark: Some(format!(
                    "andere definitie (definities {}): niet vergelijkbaar en niet overgenomen",
                    from.versie
                )),
                number: None,
            },
            None => none,
        },
    }
}

/// What changed in `cat` against the version before; `None` for the first version.
pub(crate) fn changes_view(cat: &Catalogue) -> Option<ChangesView> {
    let vorige = cat.predecessor()?;
    Some(ChangesView {
        versie: cat.versie.clone(),
        vorige: vorige.versie.clone(),
        wijzigingen: cat
            .wijzigingen
            .iter()
            .map(|w| ChangeView {
                soort: w.soort.into(),
                soort_naam: w.soort.naam().to_string(),
                kop: w.kop(),
                toelichting: w.toelichting.clone(),
            })
            .collect(),
    })
}

/// Every known version of the definitions, oldest first.
pub fn catalogues() -> Vec<CatalogueView> {
    definities::known()
        .into_iter()
        .map(|k| CatalogueView {
            versie: k.versie,
            uitvraag_vanaf: k.uitvraag_vanaf,
            ingebouwd: k.ingebouwd,
            sha256: k.sha256,
        })
        .collect()
}

/// "Wat is er veranderd" for a version (default the newest).
pub fn changes(versie: Option<&str>) -> Result<Option<ChangesView>> {
    Ok(changes_view(definities::catalogue(versie)?))
}

/// Adds a newer catalogue file ([`Session::add_catalogue`]).
pub fn add_catalogue(s: &mut Session, path: &Path) -> Result<AddedCatalogueView> {
    let added = s.add_catalogue(path)?;
    let bericht = if added.nieuw {
        format!(
            "Definities {} zijn toegevoegd ({} wijzigingen ten opzichte van de vorige versie). Vergelijk de sha256 met die van BZK.",
            added.versie, added.wijzigingen
        )
    } else {
        format!(
            "Definities {} waren al bekend met precies deze inhoud; er is niets veranderd.",
            added.versie
        )
    };
    Ok(AddedCatalogueView {
        versie: added.versie,
        sha256: added.sha256,
        bericht,
        versies: catalogues(),
    })
}
