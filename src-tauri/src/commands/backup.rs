//! Backing up and restoring the database.

use crate::AppState;
use raadsbudget_app::views::ErrorView;
use std::path::{Path, PathBuf};
use tauri::State;

/// `backup_maken`: writes a consistent copy of the database to `pad`; returns that path.
#[tauri::command(async)]
pub fn backup_maken(state: State<'_, AppState>, pad: String) -> Result<String, ErrorView> {
    let dest = PathBuf::from(pad);
    state.with(|s| s.backup(&dest))?;
    Ok(dest.display().to_string())
}

/// `backup_terugzetten`: restores the database from `pad`, after saving the current one;
/// returns where that safety copy is.
#[tauri::command(async)]
pub fn backup_terugzetten(state: State<'_, AppState>, pad: String) -> Result<String, ErrorView> {
    state
        .with(|s| s.restore(Path::new(&pad)))
        .map(|safety| safety.display().to_string())
}
