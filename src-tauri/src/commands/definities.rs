//! The versions of the definitions: which are known, what changed, adding a newer one.

use crate::AppState;
use raadsbudget_app::definities;
use raadsbudget_app::views::{AddedCatalogueView, CatalogueView, ChangesView, ErrorView};
use std::path::Path;
use tauri::State;

/// `definities_versies`: every known version, oldest first.
#[tauri::command(async)]
pub fn definities_versies() -> Vec<CatalogueView> {
    definities::catalogues()
}

/// `definities_wijzigingen`: what changed in `versie` (default the newest) against the one
/// before; `null` for the first version.
#[tauri::command(async)]
pub fn definities_wijzigingen(versie: Option<String>) -> Result<Option<ChangesView>, ErrorView> {
    definities::changes(versie.as_deref()).map_err(|e| crate::commands::error_view(&e))
}

/// `definities_toevoegen`: adds the catalogue file at `pad` to the program and the database.
#[tauri::command(async)]
pub fn definities_toevoegen(
    state: State<'_, AppState>,
    pad: String,
) -> Result<AddedCatalogueView, ErrorView> {
    state.with(|s| definities::add_catalogue(s, Path::new(&pad)))
}
