//! The definitions as the screens show them across versions: last year's value beside a
//! field when the definitions changed in between, "Wat is er veranderd", and adding a newer
//! catalogue file.

use crate::views::{AddedCatalogueView, CatalogueView, ChangeView, ChangesView};
use raadsbudget_domain::catalogue::Catalogue;
pub(crate) use raadsbudget_domain::previous::last_year;
use raadsbudget_usecases::definities;
pub use raadsbudget_usecases::definities::{embed_from_env, EMBED_ENV};
use raadsbudget_usecases::{Result, Session};
use std::path::Path;

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
