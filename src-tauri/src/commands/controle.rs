//! Checking an uitvraag.

use crate::AppState;
use raadsbudget_app::screens;
use raadsbudget_app::views::{ErrorView, FindingView};
use tauri::State;

/// `controle`: all findings of an uitvraag.
#[tauri::command(async)]
pub fn controle(
    state: State<'_, AppState>,
    organisatie: String,
    uitvraag: u16,
) -> Result<Vec<FindingView>, ErrorView> {
    state.with(|s| screens::findings(s, &organisatie, uitvraag))
}
