//! Bundling for researchers: the same use case as `raadsbudget bundel`
//! ([`screens::bundle`]), with progress streamed to the UI, the output
//! folder opened in the file manager, and files or folders dropped onto the window handed to the
//! UI. None of this touches the store, so the session is never locked here.
//!
//! No webview permission is needed for any of it: progress and dropped paths travel through
//! `tauri::ipc::Channel`s the UI passes as command arguments, and the output folder is opened by
//! the Rust side with `tauri_plugin_opener::open_path` (the plugin itself is not registered, so
//! the webview cannot call it), and only when a bundle of this run wrote into that folder.

use raadsbudget_app::screens;
use raadsbudget_app::views::{BundleRequest, BundleView, ErrorKind, ErrorView};
use serde::Serialize;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};
use tauri::ipc::Channel;
use tauri::{DragDropEvent, Manager, Runtime, State, Window};

use super::error_view;
use crate::MAIN_WINDOW;

/// Progress of a bundle, sent through the `voortgang` channel: files read so far and in all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct BundleProgress {
    /// Files read and checked so far.
    pub gelezen: usize,
    /// Files in the bundle.
    pub totaal: usize,
}

/// Files or folders dragged over or dropped onto the main window, sent through the channel of
/// `slepen_volgen`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "soort", rename_all = "lowercase")]
pub enum Slepen {
    /// Something is dragged over the window.
    Boven,
    /// The drag left the window (or was cancelled).
    Weg,
    /// Dropped: these paths.
    Los {
        /// The dropped files and folders, as full paths.
        paden: Vec<String>,
    },
}

/// What the bundle commands keep between calls (managed state; never the store).
#[derive(Default)]
pub struct BundleState {
    /// Output folders written by a bundle in this run: the only folders `uitvoermap_openen`
    /// opens.
    uitvoermappen: Mutex<BTreeSet<PathBuf>>,
    /// Where drag-and-drop events of the main window go (the open bundle screen), if anywhere.
    slepen: Mutex<Option<Channel<Slepen>>>,
}

impl std::fmt::Debug for BundleState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BundelState")
            .field("uitvoermappen", &self.uitvoermappen)
            .finish_non_exhaustive()
    }
}

impl BundleState {
    fn remember(&self, folder: PathBuf) {
        self.uitvoermappen
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(folder);
    }

    /// Sends the main window's drag-and-drop events to `channel` from now on (replacing, and so
    /// ending, the channel before).
    pub fn follow_drops(&self, channel: Channel<Slepen>) {
        *self.slepen.lock().unwrap_or_else(PoisonError::into_inner) = Some(channel);
    }

    fn written_by_a_bundle(&self, folder: &Path) -> bool {
        self.uitvoermappen
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .contains(folder)
    }
}

fn internal_error(what: impl std::fmt::Display) -> ErrorView {
    ErrorView::new(
        ErrorKind::Opslag,
        format!(
            "Interne fout in Raadsbudget ({what}). Probeer het opnieuw; blijft dit gebeuren, \
             meld het dan."
        ),
    )
}

/// `bundelen`: bundles the files, folders and zip archives of `verzoek` into its output folder,
/// exactly as `raadsbudget bundel` does, and reports (files read, total) through `voortgang`.
/// Runs on a blocking thread: the UI (and the other commands) stay responsive meanwhile.
#[tauri::command]
pub async fn bundelen(
    state: State<'_, BundleState>,
    verzoek: BundleRequest,
    voortgang: Channel<BundleProgress>,
) -> Result<BundleView, ErrorView> {
    let view = tauri::async_runtime::spawn_blocking(move || {
        screens::bundle(&verzoek, &|gelezen, totaal| {
            // The UI may have gone (another screen); progress is best effort.
            let _ = voortgang.send(BundleProgress { gelezen, totaal });
        })
        .map_err(|e| error_view(&e))
    })
    .await
    .map_err(internal_error)??;
    state.remember(PathBuf::from(&view.uit));
    Ok(view)
}

/// `uitvoermap_openen`: opens `map` in the system's file manager. Only a folder that a bundle of
/// this run wrote into (`BundleView.uit`) is opened; anything else is refused.
#[tauri::command(async)]
pub fn uitvoermap_openen(state: State<'_, BundleState>, map: String) -> Result<(), ErrorView> {
    let folder = PathBuf::from(&map);
    if !state.written_by_a_bundle(&folder) {
        return Err(ErrorView::new(
            ErrorKind::Invoer,
            format!(
                "{map} is geen uitvoermap van een bundel die Raadsbudget nu heeft gemaakt; alleen \
                 die kan hier worden geopend."
            ),
        ));
    }
    tauri_plugin_opener::open_path(&folder, None::<&str>).map_err(|e| {
        ErrorView::new(
            ErrorKind::Bestand,
            format!("De map {map} kan niet worden geopend: {e}"),
        )
    })
}

/// `slepen_volgen`: from now on, files and folders dragged onto the main window are reported
/// through `kanaal` (replacing an earlier channel).
#[tauri::command]
pub fn slepen_volgen(state: State<'_, BundleState>, kanaal: Channel<Slepen>) {
    state.follow_drops(kanaal);
}

/// Forwards a drag-and-drop event of the main window to the channel of `slepen_volgen`, if any.
/// Registered with `Builder::on_window_event` (see `lib.rs`).
pub fn on_drag_drop<R: Runtime>(window: &Window<R>, event: &DragDropEvent) {
    if window.label() != MAIN_WINDOW {
        return;
    }
    let message = match event {
        DragDropEvent::Enter { .. } => Slepen::Boven,
        DragDropEvent::Drop { paths, .. } => Slepen::Los {
            paden: paths.iter().map(|p| p.display().to_string()).collect(),
        },
        DragDropEvent::Leave => Slepen::Weg,
        // `Over` comes at every mouse move: not needed by the UI.
        _ => return,
    };
    let Some(state) = window.try_state::<BundleState>() else {
        return;
    };
    let channel = state
        .slepen
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .clone();
    if let Some(channel) = channel {
        // The screen may have gone; nothing to report then.
        let _ = channel.send(message);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_folders_written_by_a_bundle_are_opened() {
        let state = BundleState::default();
        assert!(!state.written_by_a_bundle(Path::new("/tmp/uit")));
        state.remember(PathBuf::from("/tmp/uit"));
        assert!(state.written_by_a_bundle(Path::new("/tmp/uit")));
        assert!(!state.written_by_a_bundle(Path::new("/tmp")));
        assert!(!state.written_by_a_bundle(Path::new("/tmp/uit/inzendingen.csv")));
    }

    #[test]
    fn drag_events_serialise_as_the_ui_expects() {
        let los = Slepen::Los {
            paden: vec!["/data/a.csv".into()],
        };
        assert_eq!(
            serde_json::to_value(&los).expect("json"),
            serde_json::json!({"soort": "los", "paden": ["/data/a.csv"]})
        );
        assert_eq!(
            serde_json::to_value(Slepen::Boven).expect("json"),
            serde_json::json!({"soort": "boven"})
        );
        assert_eq!(
            serde_json::to_value(BundleProgress {
                gelezen: 3,
                totaal: 40
            })
            .expect("json"),
            serde_json::json!({"gelezen": 3, "totaal": 40})
        );
    }
}
