//! The app's managed state: the store, opened once at startup.
//!
//! When the store cannot be opened the app still starts, so the UI can show why: every command
//! then rejects with the same `ErrorView` of kind `opslag`.

use raadsbudget_app::views::{ErrorKind, ErrorView};
use raadsbudget_app::{default_db_path, Session};
use std::panic::AssertUnwindSafe;
use std::path::PathBuf;
use std::sync::{Mutex, PoisonError};

use crate::commands::error_view;

/// Environment variable that chooses another database (the CLI reads the same one).
pub const DB_ENV: &str = "RAADSBUDGET_DB";

/// Where the store is: `$RAADSBUDGET_DB` when set and not empty, else
/// [`default_db_path`] (`<OS data dir>/nl.raadsbudget.desktop/raadsbudget.sqlite`,
/// the folder Tauri's `app_data_dir()` gives for this app's identifier).
pub fn database_path() -> Option<PathBuf> {
    std::env::var_os(DB_ENV)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(default_db_path)
}

/// The open store, or why it could not be opened.
#[derive(Debug)]
pub struct AppState {
    session: Result<Mutex<Session>, ErrorView>,
}

impl AppState {
    /// Opens the store at `path` (`None`: the OS has no data directory).
    pub fn open(path: Option<PathBuf>) -> AppState {
        let session = match path {
            None => Err(storage_error(format!(
                "Er is geen map voor programmagegevens op deze computer. Start Raadsbudget met \
                 {DB_ENV}=<pad naar de database>."
            ))),
            Some(path) => Session::open(&path).map(Mutex::new).map_err(|e| {
                storage_error(format!(
                    "De database {} kan niet worden geopend: {}",
                    path.display(),
                    error_view(&e).message
                ))
            }),
        };
        AppState { session }
    }

    /// A state around an already open session (tests).
    pub fn from_session(session: Session) -> AppState {
        AppState {
            session: Ok(Mutex::new(session)),
        }
    }

    /// Runs one use case on the session and maps its error for the UI.
    ///
    /// A panic (a bug) becomes an error too, so the UI's promise is rejected instead of never
    /// settling; the session stays usable, because every write to the store is one transaction
    /// that is rolled back when it does not finish. For the same reason a poisoned lock is
    /// recovered.
    pub fn with<T>(
        &self,
        f: impl FnOnce(&mut Session) -> raadsbudget_app::Result<T>,
    ) -> Result<T, ErrorView> {
        let mutex = self.session.as_ref().map_err(Clone::clone)?;
        let mut session = mutex.lock().unwrap_or_else(PoisonError::into_inner);
        match std::panic::catch_unwind(AssertUnwindSafe(|| f(&mut session))) {
            Ok(result) => result.map_err(|e| error_view(&e)),
            Err(panic) => {
                let what = panic
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| panic.downcast_ref::<String>().cloned())
                    .unwrap_or_default();
                Err(storage_error(format!(
                    "Interne fout in Raadsbudget ({what}). Probeer het opnieuw; blijft dit \
                     gebeuren, meld het dan."
                )))
            }
        }
    }
}

fn storage_error(message: String) -> ErrorView {
    ErrorView::new(ErrorKind::Opslag, message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_in_a_use_case_becomes_an_error_and_the_session_stays_usable() {
        let state = AppState::from_session(Session::in_memory().expect("store"));
        let e = state
            .with(|_| -> raadsbudget_app::Result<()> { panic!("kapot") })
            .expect_err("panic");
        assert_eq!(e.kind, "opslag");
        assert!(e.message.contains("kapot"), "{}", e.message);
        let orgs = state.with(|s| s.organisations()).expect("still usable");
        assert!(orgs.is_empty());
    }

    #[test]
    fn use_case_errors_keep_their_kind() {
        let state = AppState::from_session(Session::in_memory().expect("store"));
        let e = state
            .with(|s| s.add_organisation("XX1", "Nergens"))
            .expect_err("invalid code");
        assert_eq!(e.kind, "invoer");
    }
}
