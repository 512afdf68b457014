//! The benchmark file: what will be sent, and writing it.

use crate::AppState;
use raadsbudget_usecases::views::{ErrorView, ExportPreview, ExportResult};
use std::path::Path;
use tauri::State;

/// `export_voorbeeld`: what an export will send, before it is written.
#[tauri::command(async)]
pub fn export_voorbeeld(
    state: State<'_, AppState>,
    organisatie: String,
    uitvraag: u16,
) -> Result<ExportPreview, ErrorView> {
    state.with(|s| s.export_preview(&organisatie, uitvraag))
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
    state.with(|s| s.export_view(&organisatie, uitvraag, Path::new(&map), concept))
}
