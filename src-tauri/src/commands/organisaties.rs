//! The app as a whole and its organisations.

use super::{error_view, read_register};
use crate::AppState;
use raadsbudget_usecases::views::{AppInfo, ErrorView, OrganisationView, Overview, RegisterEntry};
use std::path::Path;
use tauri::State;

/// `app_info`: versions, database path, user, current uitvraag.
#[tauri::command(async)]
pub fn app_info(state: State<'_, AppState>) -> Result<AppInfo, ErrorView> {
    state.with(|s| s.app_info())
}

/// `organisaties`: the organisations in the store.
#[tauri::command(async)]
pub fn organisaties(state: State<'_, AppState>) -> Result<Vec<OrganisationView>, ErrorView> {
    state.with(|s| s.organisation_views())
}

/// `organisatie_toevoegen`: adds an organisation (code and name are checked).
#[tauri::command(async)]
pub fn organisatie_toevoegen(
    state: State<'_, AppState>,
    code: String,
    naam: String,
) -> Result<OrganisationView, ErrorView> {
    state.with(|s| s.add_organisation_view(&code, &naam))
}

/// `demo_organisatie`: adds one demo gemeente with four years of figures.
#[tauri::command(async)]
pub fn demo_organisatie(state: State<'_, AppState>) -> Result<OrganisationView, ErrorView> {
    state.with(|s| s.add_demo_organisation_view())
}

/// `register_lezen`: reads a register CSV (code and name columns). Needs no store.
#[tauri::command(async)]
pub fn register_lezen(pad: String) -> Result<Vec<RegisterEntry>, ErrorView> {
    read_register(Path::new(&pad)).map_err(|e| error_view(&e))
}

/// `overzicht`: an organisation's uitvragen with status and totals.
#[tauri::command(async)]
pub fn overzicht(state: State<'_, AppState>, organisatie: String) -> Result<Overview, ErrorView> {
    state.with(|s| s.overview(&organisatie))
}
