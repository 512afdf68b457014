//! Comparing with peers: benchmark sources, the comparison, peer lists, exports and the
//! factsheet (docs/ipc.md). Each command calls one function of `raadsbudget_app::vergelijken` (or a use case).

use crate::AppState;
use base64::Engine;
use raadsbudget_app::save_chart;
use raadsbudget_app::vergelijken;
use raadsbudget_app::views::{
    CompareOptions, CompareRequest, ComparisonView, ErrorView, FactsheetView, LoadSourceRequest,
    PeerListView, SourceView,
};
use raadsbudget_app::Error;
use std::path::Path;
use tauri::State;

fn shown(p: std::path::PathBuf) -> String {
    p.display().to_string()
}

/// `bronnen`: the loaded benchmark sources.
#[tauri::command(async)]
pub fn bronnen(state: State<'_, AppState>) -> Result<Vec<SourceView>, ErrorView> {
    state.with(|s| vergelijken::source_views(s))
}

/// `bron_laden`: loads a bundle (folder or `waarden.csv`).
#[tauri::command(async)]
pub fn bron_laden(
    state: State<'_, AppState>,
    verzoek: LoadSourceRequest,
) -> Result<SourceView, ErrorView> {
    state.with(|s| vergelijken::load_source(s, &verzoek))
}

/// `bron_verwijderen`: removes a loaded source; the remaining ones.
#[tauri::command(async)]
pub fn bron_verwijderen(state: State<'_, AppState>, id: i64) -> Result<Vec<SourceView>, ErrorView> {
    state.with(|s| vergelijken::remove_source(s, id))
}

/// `vergelijk_opties`: what the Vergelijken screen can offer.
#[tauri::command(async)]
pub fn vergelijk_opties(
    state: State<'_, AppState>,
    organisatie: String,
) -> Result<CompareOptions, ErrorView> {
    state.with(|s| vergelijken::compare_options(s, &organisatie))
}

/// `vergelijken`: the comparison.
#[tauri::command(async)]
pub fn vergelijken(
    state: State<'_, AppState>,
    verzoek: CompareRequest,
) -> Result<ComparisonView, ErrorView> {
    state.with(|s| vergelijken::compare_view(s, &verzoek))
}

/// `vergelijking_exporteren`: the comparison table as CSV.
#[tauri::command(async)]
pub fn vergelijking_exporteren(
    state: State<'_, AppState>,
    verzoek: CompareRequest,
    pad: String,
) -> Result<String, ErrorView> {
    state.with(|s| vergelijken::export_comparison(s, &verzoek, Path::new(&pad)).map(shown))
}

/// `grafiek_opslaan`: writes a chart the UI exported, as SVG text or base64 PNG.
#[tauri::command(async)]
pub fn grafiek_opslaan(
    state: State<'_, AppState>,
    pad: String,
    svg: Option<String>,
    png: Option<String>,
) -> Result<String, ErrorView> {
    state.with(|_| {
        let png = png
            .map(|b| {
                base64::engine::general_purpose::STANDARD
                    .decode(b.trim())
                    .map_err(|e| Error::Invalid(format!("de PNG-afbeelding is onleesbaar: {e}")))
            })
            .transpose()?;
        save_chart(Path::new(&pad), svg.as_deref(), png.as_deref()).map(shown)
    })
}

/// `peerlijst_opslaan`: saves a hand-picked list by name.
#[tauri::command(async)]
pub fn peerlijst_opslaan(
    state: State<'_, AppState>,
    naam: String,
    codes: Vec<String>,
) -> Result<Vec<PeerListView>, ErrorView> {
    state.with(|s| vergelijken::save_peer_list(s, &naam, &codes))
}

/// `peerlijst_verwijderen`: removes a saved list.
#[tauri::command(async)]
pub fn peerlijst_verwijderen(
    state: State<'_, AppState>,
    naam: String,
) -> Result<Vec<PeerListView>, ErrorView> {
    state.with(|s| vergelijken::remove_peer_list(s, &naam))
}

/// `factsheet`: the factsheet as HTML.
#[tauri::command(async)]
pub fn factsheet(
    state: State<'_, AppState>,
    organisatie: String,
    uitvraag: u16,
) -> Result<FactsheetView, ErrorView> {
    state.with(|s| vergelijken::factsheet_view(s, &organisatie, uitvraag))
}

/// `factsheet_pdf`: the factsheet as PDF.
#[tauri::command(async)]
pub fn factsheet_pdf(
    state: State<'_, AppState>,
    organisatie: String,
    uitvraag: u16,
    pad: String,
) -> Result<String, ErrorView> {
    state.with(|s| {
        s.write_factsheet_pdf(&organisatie, uitvraag, Path::new(&pad))
            .map(shown)
    })
}
