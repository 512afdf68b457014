//! The Raadsbudget desktop app: a thin Tauri v2 shell over `raadsbudget-usecases`.
//!
//! The store is opened once at startup ([`AppState`]); the UI in `ui/` calls the commands of
//! [`commands`] (listed in docs/ipc.md), each of which calls one use case. A second start of the
//! app focuses the running window instead of opening the same database twice.

pub mod commands;
mod state;

pub use state::{database_path, AppState, DB_ENV};

use tauri::{Manager, Runtime, WindowEvent};

/// Label of the one window (see `tauri.conf.json`).
pub const MAIN_WINDOW: &str = "main";

/// The plugins and commands of the app (everything but the single-instance plugin, the store
/// and the context): the bundle screen's state, and files dropped onto the window forwarded to
/// it. Shared by [`run`] and the tests (with Tauri's mock runtime).
pub fn with_commands<R: Runtime>(builder: tauri::Builder<R>) -> tauri::Builder<R> {
    builder
        .plugin(tauri_plugin_dialog::init())
        .manage(commands::bundel::BundleState::default())
        .on_window_event(|window, event| {
            if let WindowEvent::DragDrop(drop) = event {
                commands::bundel::on_drag_drop(window, drop);
            }
        })
        .invoke_handler(commands::handler())
}

/// [`with_commands`] and the given state: the app as the tests build it.
pub fn app_builder<R: Runtime>(builder: tauri::Builder<R>, state: AppState) -> tauri::Builder<R> {
    with_commands(builder).manage(state)
}

/// Starts the app with the database of [`database_path`].
pub fn run() {
    // RAADSBUDGET_INGEBOUWDE_DEFINITIES: behave as a build with fewer built-in versions.
    raadsbudget_app::definities::embed_from_env();
    // The single-instance plugin must be registered first. A second start exits in that plugin's
    // setup, before `setup` below: it never opens the database.
    let builder = tauri::Builder::default()
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            focus_main_window(app)
        }))
        .setup(|app| {
            // Opened once; runs before the event loop delivers the first command.
            app.manage(AppState::open(database_path()));
            Ok(())
        });
    let result = with_commands(builder).run(tauri::generate_context!());
    if let Err(e) = result {
        eprintln!("Raadsbudget kon niet starten: {e}");
        std::process::exit(1);
    }
}

/// Brings the main window to the front (on a second start of the app).
fn focus_main_window<R: Runtime>(app: &tauri::AppHandle<R>) {
    if let Some(window) = app.get_webview_window(MAIN_WINDOW) {
        // Best effort: a window manager may refuse; nothing to report to the user then.
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
}
