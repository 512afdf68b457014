//! View models of the invulbestand on Exporteren: making one, and reading a filled one back
//! with a preview of what changes.

use super::{FindingView, OrganisationView};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What "Invulbestand maken" wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct InvulbestandResult {
    /// Full path of the workbook.
    pub pad: String,
    /// The catalogue version it was made under.
    pub definities: String,
}

/// One field a filled invulbestand changes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ImportChangeView {
    /// The block's title (`Begroting 2026`, `1 januari 2026`).
    pub blok_titel: String,
    /// Post code.
    pub post: String,
    /// The post's label.
    pub label: String,
    /// What the store holds now (`—` when nothing), with its toelichting.
    pub oud: String,
    /// What the file holds, with its toelichting.
    pub nieuw: String,
}

/// What reading a file would change, before it is saved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ImportPreviewView {
    /// The file as given.
    pub bestand: String,
    /// The organisation of the file.
    pub organisatie: OrganisationView,
    /// Uitvraagjaar of the file.
    pub uitvraag: u16,
    /// The fields that change, in form order.
    pub wijzigingen: Vec<ImportChangeView>,
    /// How many fields are already the same.
    pub ongewijzigd: u32,
    /// `onbekend`s of the file not taken over because a value is stored.
    pub behouden: u32,
    /// Warnings and signals of the file (errors make it an error instead).
    pub meldingen: Vec<FindingView>,
    /// One Dutch sentence: what saving will do.
    pub samenvatting: String,
    /// sha256 over the file and the changes shown; `invulbestand_inlezen` saves only when they
    /// are still the same.
    pub vingerafdruk: String,
}

/// What saving a read file did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ImportResultView {
    /// Fields changed (one history entry each).
    pub gewijzigd: u32,
    /// One Dutch sentence for the user.
    pub tekst: String,
}
