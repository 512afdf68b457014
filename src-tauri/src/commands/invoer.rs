//! The invoer form: show it, save or clear one field, preview a typed value, copy last year.

use crate::AppState;
use raadsbudget_app::screens;
use raadsbudget_app::views::{
    CopyResult, ErrorView, FaseCode, FormView, PreviewView, SetFieldRequest,
};
use tauri::State;

/// `formulier`: the invoer form of one uitvraag.
#[tauri::command(async)]
pub fn formulier(
    state: State<'_, AppState>,
    organisatie: String,
    uitvraag: u16,
) -> Result<FormView, ErrorView> {
    state.with(|s| screens::form(s, &organisatie, uitvraag))
}

/// `waarde_zetten`: saves one field; rejects with kind `waarde` when the text does not fit.
#[tauri::command(async)]
pub fn waarde_zetten(
    state: State<'_, AppState>,
    verzoek: SetFieldRequest,
) -> Result<FormView, ErrorView> {
    state.with(|s| screens::set_field(s, &verzoek))
}

/// `waarde_wissen`: removes one field's entry.
#[tauri::command(async)]
pub fn waarde_wissen(
    state: State<'_, AppState>,
    organisatie: String,
    uitvraag: u16,
    jaar: u16,
    fase: FaseCode,
    post: String,
) -> Result<FormView, ErrorView> {
    state.with(|s| screens::clear_field(s, &organisatie, uitvraag, jaar, fase, &post))
}

/// `voorbeeld`: the kengetallen as they would be with this typed value (nothing is saved).
#[tauri::command(async)]
#[allow(clippy::too_many_arguments)]
pub fn voorbeeld(
    state: State<'_, AppState>,
    organisatie: String,
    uitvraag: u16,
    jaar: u16,
    fase: FaseCode,
    post: String,
    tekst: String,
) -> Result<PreviewView, ErrorView> {
    state.with(|s| screens::preview(s, &organisatie, uitvraag, jaar, fase, &post, &tekst))
}

/// `vorig_jaar_overnemen`: fills empty fields from the year before.
#[tauri::command(async)]
pub fn vorig_jaar_overnemen(
    state: State<'_, AppState>,
    organisatie: String,
    uitvraag: u16,
) -> Result<CopyResult, ErrorView> {
    state.with(|s| screens::copy_previous_year(s, &organisatie, uitvraag))
}
