//! The app as a whole and its organisations.

use super::{error_view, read_register};
use crate::AppState;
use raadsbudget_app::views::{
    AppInfo, ErrorView, OrganisationView, Overview, RegisterEntry, RegisterSearch,
};
use raadsbudget_app::{register, screens};
use std::path::Path;
use tauri::State;

/// `app_info`: versions, database path, user, current uitvraag.
#[tauri::command(async)]
pub fn app_info(state: State<'_, AppState>) -> Result<AppInfo, ErrorView> {
    state.with(|s| screens::app_info(s))
}

/// `organisaties`: the organisations in the store.
#[tauri::command(async)]
pub fn organisaties(state: State<'_, AppState>) -> Result<Vec<OrganisationView>, ErrorView> {
    state.with(|s| screens::organisations(s))
}

/// `organisatie_toevoegen`: adds an organisation (code and name are checked).
#[tauri::command(async)]
pub fn organisatie_toevoegen(
    state: State<'_, AppState>,
    code: String,
    naam: String,
) -> Result<OrganisationView, ErrorView> {
    state.with(|s| screens::add_organisation(s, &code, &naam))
}

/// `demo_organisatie`: adds one demo gemeente with four years of figures.
#[tauri::command(async)]
pub fn demo_organisatie(state: State<'_, AppState>) -> Result<OrganisationView, ErrorView> {
    state.with(screens::add_demo_organisation)
}

/// `register_lezen`: reads a register CSV (code and name columns). Needs no store.
#[tauri::command(async)]
pub fn register_lezen(pad: String) -> Result<Vec<RegisterEntry>, ErrorView> {
    read_register(Path::new(&pad)).map_err(|e| error_view(&e))
}

/// `register_zoeken`: the gemeenten and provincies of the built-in CBS register matching
/// part of a name or code, best first.
#[tauri::command(async)]
pub fn register_zoeken(
    state: State<'_, AppState>,
    tekst: String,
) -> Result<RegisterSearch, ErrorView> {
    state.with(|s| register::search(s, &tekst))
}

/// `organisatie_uit_register`: opens the organisation with this code, adding it first with
/// the built-in register's name when it is not in the store.
#[tauri::command(async)]
pub fn organisatie_uit_register(
    state: State<'_, AppState>,
    code: String,
) -> Result<OrganisationView, ErrorView> {
    state.with(|s| register::choose(s, &code))
}

/// `overzicht`: an organisation's uitvragen with status and totals.
#[tauri::command(async)]
pub fn overzicht(state: State<'_, AppState>, organisatie: String) -> Result<Overview, ErrorView> {
    state.with(|s| screens::overview(s, &organisatie))
}
