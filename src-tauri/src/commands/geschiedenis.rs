//! The audit log and undo.

use crate::AppState;
use raadsbudget_app::screens;
use raadsbudget_app::views::{AuditView, ErrorView};
use tauri::State;

/// `geschiedenis`: the audit log of an organisation (one post, or all when `post` is null),
/// newest first.
#[tauri::command(async)]
pub fn geschiedenis(
    state: State<'_, AppState>,
    organisatie: String,
    post: Option<String>,
) -> Result<Vec<AuditView>, ErrorView> {
    state.with(|s| screens::history(s, &organisatie, post.as_deref()))
}

/// `ongedaan_maken`: undoes the last change; null when there was nothing to undo.
#[tauri::command(async)]
pub fn ongedaan_maken(
    state: State<'_, AppState>,
    organisatie: String,
) -> Result<Option<AuditView>, ErrorView> {
    state.with(|s| screens::undo(s, &organisatie))
}
