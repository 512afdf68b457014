//! The writer of the benchmark file.

use super::text::{needs_apostrophe, protect, push_row};
use super::{FileMeta, FORMAT, HEADER, MOMENT_FORMAT};
use chrono::Datelike;
use raadsbudget_domain::catalogue::Catalogue;
use raadsbudget_domain::fase::{jaar_is_plausible, uitvraag_blocks};
use raadsbudget_domain::validation::check_entry;
use raadsbudget_domain::value::check_free_text;
use raadsbudget_domain::{Dataset, Fase, Finding, FindingCode, Jaar, Location, Record};
use std::io::Write;

/// Why a benchmark file was not written. Nothing is written when the data is refused.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// `meta.definities` is not a catalogue version this build knows.
    #[error("onbekende versie van de definities '{version}'; dit programma kent {known}")]
    UnknownVersion {
        /// The version asked for.
        version: String,
        /// The versions this build knows, comma separated.
        known: String,
    },
    /// Something in [`FileMeta`] (or the dataset's organisation) cannot be written.
    #[error("het benchmarkbestand kan niet worden gemaakt: {0}")]
    Meta(String),
    /// A record cannot be written faithfully: it is outside the uitvraag, not in the
    /// catalogue, not valid for its post, entered under another catalogue version, or has a
    /// toelichting that the format cannot carry.
    #[error("het benchmarkbestand kan niet worden gemaakt: {0}")]
    Record(Box<Finding>),
    /// Writing to the output failed.
    #[error("het benchmarkbestand kan niet worden geschreven: {0}")]
    Io(#[from] std::io::Error),
}

/// Writes a benchmark file: the header and one row per record of `data` (the caller passes
/// exactly the records to write, normally [`Dataset::for_uitvraag`]), sorted by jaar, fase
/// (kenmerk, begroting, realisatie) and the catalogue position of the post, in the catalogue
/// `meta.definities`. CRLF line ends, RFC 4180 quoting only where needed, spreadsheet safety
/// for `organisatie_naam` and `toelichting`; `organisatie_type` follows from the code.
///
/// The writer refuses (and writes nothing) what it could not write faithfully, so that
/// [`read`](super::read) gives back exactly `meta` and `data`: an unknown catalogue version,
/// `revisie` 0, an uitvraagjaar outside 2000–2100, a name or `software` that is empty or has
/// surrounding spaces, a `software` that starts with a formula character (that column gets no
/// apostrophe, so it would reach a spreadsheet as a formula), a dataset of another organisation than `meta`, and records outside the
/// four blocks of the uitvraag, with an unknown post, a post in the wrong fase, a value that
/// does not fit the post (the domain's [`check_entry`]), a `definities` other than
/// `meta.definities`, or a name/toelichting starting with `'` followed by `=`, `+`, `-`, `@`,
/// TAB or CR (a reader would drop that apostrophe).
pub fn write<W: Write>(mut out: W, meta: &FileMeta, data: &Dataset) -> Result<(), WriteError> {
    let cat = Catalogue::get(&meta.definities).ok_or_else(|| WriteError::UnknownVersion {
        version: meta.definities.clone(),
        known: Catalogue::versions().join(", "),
    })?;
    check_meta(meta, data)?;
    let uitvraagjaar = meta.uitvraag.to_string();
    let org = &meta.organisation;
    let code = org.code.to_string();
    let naam = protect(&org.naam);
    let org_type = org.org_type().as_str();
    let revisie = meta.revisie.to_string();
    let moment = meta.aangemaakt_op.format(MOMENT_FORMAT).to_string();
    let blocks = uitvraag_blocks(meta.uitvraag);

    let mut rows: Vec<(Jaar, Fase, usize, &str, &Record)> = Vec::with_capacity(data.len());
    for ((jaar, fase, post_code), record) in data.records() {
        let refuse = |code: FindingCode, message: String| {
            WriteError::Record(Box::new(Finding::new(
                code,
                Location {
                    organisation: Some(org.code.to_string()),
                    ..Location::data(jaar, fase, post_code)
                },
                message,
            )))
        };
        if !blocks.contains(&(jaar, fase)) || !jaar_is_plausible(jaar) {
            return Err(refuse(
                FindingCode::WrongYear,
                format!(
                    "{fase} {jaar} hoort niet bij uitvraag {}; geef alleen de vier blokken van de uitvraag door",
                    meta.uitvraag
                ),
            ));
        }
        let (Some(post), Some(position)) = (cat.post(post_code), cat.position(post_code)) else {
            return Err(refuse(
                FindingCode::UnknownPost,
                format!("{post_code} is geen post van de definities {}", cat.versie),
            ));
        };
        let location = Location {
            organisation: Some(org.code.to_string()),
            ..Location::data(jaar, fase, post_code)
        };
        if let Some(finding) = check_entry(post, fase, &record.entry, location) {
            return Err(WriteError::Record(Box::new(finding)));
        }
        if record.definities != meta.definities {
            return Err(refuse(
                FindingCode::Mixed,
                format!(
                    "de waarde is ingevoerd onder definities {}, maar het bestand gebruikt definities {}; een bestand heeft één versie van de definities",
                    record.definities, meta.definities
                ),
            ));
        }
        if let Err(message) = check_free_text(&record.toelichting) {
            return Err(refuse(
                FindingCode::InvalidField,
                format!("toelichting: {message}"),
            ));
        }
        rows.push((jaar, fase, position, post_code, record));
    }
    rows.sort_by_key(|(jaar, fase, position, _, _)| (*jaar, *fase, *position));

    let mut text = String::with_capacity(200 * (rows.len() + 1));
    push_row(&mut text, HEADER);
    for (jaar, fase, _, post_code, record) in rows {
        let jaar = jaar.to_string();
        let (waarde, reden) = record.entry.to_columns();
        let toelichting = protect(&record.toelichting);
        push_row(
            &mut text,
            [
                FORMAT,
                meta.definities.as_str(),
                uitvraagjaar.as_str(),
                code.as_str(),
                naam.as_str(),
                org_type,
                jaar.as_str(),
                fase.as_str(),
                post_code,
                waarde.as_str(),
                reden.as_str(),
                toelichting.as_str(),
                revisie.as_str(),
                moment.as_str(),
                meta.software.as_str(),
            ],
        );
    }
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(())
}

fn check_meta(meta: &FileMeta, data: &Dataset) -> Result<(), WriteError> {
    let refuse = |m: String| Err(WriteError::Meta(m));
    if meta.revisie == 0 {
        return refuse(
            "revisie 0 kan niet; de eerste export van een uitvraag heeft revisie 1".into(),
        );
    }
    if !(jaar_is_plausible(meta.uitvraag) && jaar_is_plausible(meta.uitvraag.saturating_sub(1))) {
        return refuse(format!(
            "uitvraagjaar {} ligt niet tussen 2001 en 2100",
            meta.uitvraag
        ));
    }
    let naam = &meta.organisation.naam;
    if naam.is_empty() || naam.trim() != naam {
        return refuse(format!(
            "de naam van de organisatie '{naam}' is leeg of begint of eindigt met spaties"
        ));
    }
    if let Err(message) = check_free_text(naam) {
        return refuse(format!("naam van de organisatie '{naam}': {message}"));
    }
    if meta.software.is_empty() || meta.software.trim() != meta.software {
        return refuse(format!(
            "software '{}' is leeg of begint of eindigt met spaties",
            meta.software
        ));
    }
    // Only organisatie_naam and toelichting get the spreadsheet-safety apostrophe (the format
    // fixes that); every other column is a constant, a validated code or a number, except
    // `software`, so that one is refused rather than written as a formula.
    if needs_apostrophe(&meta.software) {
        return refuse(format!(
            "software '{}' begint met =, +, -, @, een tab of een regeleinde; een spreadsheet zou dat als formule lezen",
            meta.software
        ));
    }
    if !(0..=9999).contains(&meta.aangemaakt_op.year()) {
        return refuse(format!(
            "aangemaakt_op {} valt buiten de jaren 0000–9999",
            meta.aangemaakt_op
        ));
    }
    if data.organisation.code != meta.organisation.code {
        return refuse(format!(
            "de gegevens zijn van {}, maar het bestand is voor {}",
            data.organisation.code, meta.organisation.code
        ));
    }
    Ok(())
}
