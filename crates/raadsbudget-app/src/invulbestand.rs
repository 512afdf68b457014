//! The invulbestand on Exporteren: "Invulbestand maken" for the own organisation, and
//! "Invulbestand inlezen" with a preview of every field that changes before it is saved.

use crate::screens::{finding_view, organisation_view};
use crate::views::{ImportChangeView, ImportPreviewView, ImportResultView, InvulbestandResult};
use raadsbudget_domain::fase::block_title;
use raadsbudget_domain::{Catalogue, Record};
use raadsbudget_usecases::import::ImportPreview;
use raadsbudget_usecases::{Error, Result, Session};
use std::path::Path;

/// Makes the invulbestand of `organisatie` for `uitvraag` in folder `map` (replacing an
/// earlier one of the same name: it is a form, not a submission).
pub fn make(
    s: &Session,
    organisatie: &str,
    uitvraag: u16,
    map: &Path,
) -> Result<InvulbestandResult> {
    let pad = s.make_invulbestand(organisatie, uitvraag, map, true)?;
    Ok(InvulbestandResult {
        pad: pad.display().to_string(),
        definities: Catalogue::for_uitvraag(uitvraag).versie.clone(),
    })
}

fn entry_text(r: &Record) -> String {
    if r.toelichting.is_empty() {
        r.entry.to_dutch()
    } else {
        format!("{} (toelichting: {})", r.entry.to_dutch(), r.toelichting)
    }
}

/// The preview of a file for the organisation the user works on; a file of another
/// organisation is refused (open that organisation to read it).
fn checked_preview(s: &Session, organisatie: &str, pad: &Path) -> Result<ImportPreview> {
    let own = s.organisation(organisatie)?;
    let preview = s.import_preview(pad)?;
    if preview.organisation.code != own.code {
        return Err(Error::Invalid(format!(
            "{} is van {} {}; u werkt nu aan {} {}. Kies die organisatie op het startscherm om het in te lezen",
            pad.display(),
            preview.organisation.code,
            preview.organisation.naam,
            own.code,
            own.naam
        )));
    }
    Ok(preview)
}

/// What reading the file at `pad` would change for `organisatie`; nothing is stored.
pub fn preview(s: &Session, organisatie: &str, pad: &Path) -> Result<ImportPreviewView> {
    let p = checked_preview(s, organisatie, pad)?;
    let wijzigingen: Vec<ImportChangeView> = p
        .changes
        .iter()
        .map(|c| {
            let label = Catalogue::get(c.new.definities.as_str())
                .and_then(|cat| cat.post(&c.post))
                .map_or_else(|| c.post.clone(), |post| post.label.clone());
            ImportChangeView {
                blok_titel: block_title(c.jaar, c.fase),
                post: c.post.clone(),
                label,
                oud: c.old.as_ref().map_or_else(|| "—".to_string(), entry_text),
                nieuw: entry_text(&c.new),
            }
        })
        .collect();
    let n = wijzigingen.len();
    let samenvatting = if n == 0 {
        "Dit bestand verandert niets: alle velden zijn al gelijk.".to_string()
    } else {
        format!(
            "Opslaan verandert {n} {}; elke wijziging komt in de geschiedenis en is ongedaan te maken.",
            if n == 1 { "veld" } else { "velden" }
        )
    };
    Ok(ImportPreviewView {
        bestand: pad.display().to_string(),
        organisatie: organisation_view(&p.organisation),
        uitvraag: p.uitvraag,
        wijzigingen,
        ongewijzigd: u32::try_from(p.unchanged).unwrap_or(u32::MAX),
        behouden: u32::try_from(p.kept).unwrap_or(u32::MAX),
        meldingen: p.findings.iter().map(finding_view).collect(),
        samenvatting,
        vingerafdruk: p.fingerprint,
    })
}

/// Saves what the file at `pad` holds for `organisatie`: one history entry per changed field.
/// With `vingerafdruk` (the preview's), only when the file and the store are still as they were
/// when the preview was shown.
pub fn read_in(
    s: &mut Session,
    organisatie: &str,
    pad: &Path,
    vingerafdruk: Option<&str>,
) -> Result<ImportResultView> {
    checked_preview(s, organisatie, pad)?;
    let outcome = s.import_expecting(pad, vingerafdruk)?;
    let n = outcome.changed;
    Ok(ImportResultView {
        gewijzigd: u32::try_from(n).unwrap_or(u32::MAX),
        tekst: if n == 0 {
            "Er is niets veranderd: alle velden waren al gelijk.".to_string()
        } else {
            format!(
                "{n} {} opgeslagen uit {}. U ziet elke wijziging in Geschiedenis en kunt ze daar ongedaan maken.",
                if n == 1 { "veld" } else { "velden" },
                pad.file_name().map_or_else(|| pad.display().to_string(), |f| f.to_string_lossy().into_owned())
            )
        },
    })
}
