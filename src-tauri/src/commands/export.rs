//! The benchmark file: what will be sent, and writing it.

use crate::AppState;
use raadsbudget_app::screens;
use raadsbudget_app::views::{ErrorView, ExportPreview, ExportResult};
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
