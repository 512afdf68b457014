//! The IPC commands of docs/ipc.md, grouped by purpose. Each one locks the session, calls one
//! use case of `raadsbudget-usecases`, and maps its error to an `ErrorView` (`{kind, message,
//! meldingen}`). No domain logic lives here. The bundle commands (`bundel`) work on files only
//! and never lock the session.

pub mod backup;
pub mod bundel;
pub mod controle;
pub mod definities;
pub mod export;
pub mod geschiedenis;
pub mod invoer;
pub mod organisaties;
pub mod vergelijken;

pub(crate) use screens::{error_view, read_register};

use raadsbudget_app::screens;
use tauri::ipc::Invoke;
use tauri::Runtime;

/// Every command name, as the UI invokes it (the table in docs/ipc.md).
pub const NAMES: &[&str] = &[
    "app_info",
    "organisaties",
    "organisatie_toevoegen",
    "demo_organisatie",
    "register_lezen",
    "register_zoeken",
    "organisatie_uit_register",
    "overzicht",
    "formulier",
    "waarde_zetten",
    "waarde_wissen",
    "voorbeeld",
    "vorig_jaar_overnemen",
    "controle",
    "export_voorbeeld",
    "exporteren",
    "invulbestand_maken",
    "invulbestand_voorbeeld",
    "invulbestand_inlezen",
    "geschiedenis",
    "ongedaan_maken",
    "backup_maken",
    "backup_terugzetten",
    "bundelen",
    "uitvoermap_openen",
    "slepen_volgen",
    "bronnen",
    "bron_laden",
    "bron_verwijderen",
    "vergelijk_opties",
    "vergelijken",
    "vergelijking_exporteren",
    "grafiek_opslaan",
    "peerlijst_opslaan",
    "peerlijst_verwijderen",
    "factsheet",
    "factsheet_pdf",
    "definities_versies",
    "definities_wijzigingen",
    "definities_toevoegen",
];

/// The invoke handler with every command of [`NAMES`].
pub fn handler<R: Runtime>() -> impl Fn(Invoke<R>) -> bool + Send + Sync + 'static {
    tauri::generate_handler![
        organisaties::app_info,
        organisaties::organisaties,
        organisaties::organisatie_toevoegen,
        organisaties::demo_organisatie,
        organisaties::register_lezen,
        organisaties::register_zoeken,
        organisaties::organisatie_uit_register,
        organisaties::overzicht,
        invoer::formulier,
        invoer::waarde_zetten,
        invoer::waarde_wissen,
        invoer::voorbeeld,
        invoer::vorig_jaar_overnemen,
        controle::controle,
        export::export_voorbeeld,
        export::exporteren,
        export::invulbestand_maken,
        export::invulbestand_voorbeeld,
        export::invulbestand_inlezen,
        geschiedenis::geschiedenis,
        geschiedenis::ongedaan_maken,
        backup::backup_maken,
        backup::backup_terugzetten,
        bundel::bundelen,
        bundel::uitvoermap_openen,
        bundel::slepen_volgen,
        vergelijken::bronnen,
        vergelijken::bron_laden,
        vergelijken::bron_verwijderen,
        vergelijken::vergelijk_opties,
        vergelijken::vergelijken,
        vergelijken::vergelijking_exporteren,
        vergelijken::grafiek_opslaan,
        vergelijken::peerlijst_opslaan,
        vergelijken::peerlijst_verwijderen,
        vergelijken::factsheet,
        vergelijken::factsheet_pdf,
        definities::definities_versies,
        definities::definities_wijzigingen,
        definities::definities_toevoegen,
    ]
}
