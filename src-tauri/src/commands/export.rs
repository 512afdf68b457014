//! The benchmark file: what will be sent, and writing it; the invulbestand: making one and
//! reading a filled one back.

use crate::AppState;
use raadsbudget_app::views::{
    ErrorView, ExportPreview, ExportResult, ImportPreviewView, ImportResultView, InvulbestandResult,
};
use raadsbudget_app::{invulbestand, screens};
use std::path::Path;
use tauri::State;

/// `export_voorbeeld`: what an export will send, before it is written.
#[tauri::command(async)]
pub fn export_voorbeeld(
    state: State<'_, AppState>,
    organisatie: String,
    uitvraag: u16,
) -> Result<ExportPreview, ErrorView> {
    state.with(|s| screens::export_preview(s, &organisatie, uitvraag))
}

/// `exporteren`: writes the file into folder `map` (a draft when `concept`).
#[tauri::command(async)]
pub fn exporteren(
    state: State<'_, AppState>,
    organisatie: String,
    uitvraag: u16,
    map: String,
    concept: bool,
) -> Result<ExportResult, ErrorView> {
    state.with(|s| screens::export(s, &organisatie, uitvraag, Path::new(&map), concept))
}

/// `invulbestand_maken`: the invulbestand of the organisation for `uitvraag`, in folder `map`.
#[tauri::command(async)]
pub fn invulbestand_maken(
    state: State<'_, AppState>,
    organisatie: String,
    uitvraag: u16,
    map: String,
) -> Result<InvulbestandResult, ErrorView> {
    state.with(|s| invulbestand::make(s, &organisatie, uitvraag, Path::new(&map)))
}

/// `invulbestand_voorbeeld`: what reading the filled invulbestand (or benchmark file) at `pad`
/// would change; nothing is stored.
#[tauri::command(async)]
pub fn invulbestand_voorbeeld(
    state: State<'_, AppState>,
    organisatie: String,
    pad: String,
) -> Result<ImportPreviewView, ErrorView> {
    state.with(|s| invulbestand::preview(s, &organisatie, Path::new(&pad)))
}

/// `invulbestand_inlezen`: saves what the file at `pad` holds, one history entry per field,
/// when the file and the store still have the fingerprint of its preview.
#[tauri::command(async)]
pub fn invulbestand_inlezen(
    state: State<'_, AppState>,
    organisatie: String,
    pad: String,
    vingerafdruk: String,
) -> Result<ImportResultView, ErrorView> {
    state.with(|s| invulbestand::read_in(s, &organisatie, Path::new(&pad), Some(&vingerafdruk)))
}
