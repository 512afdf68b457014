//! A session: an open store and the name of whoever is making changes.

use crate::{Error, Result};
use raadsbudget_domain::vergelijking::{PeerTable, Submission};
use raadsbudget_store::Store;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// The identifier of the desktop app; the store lives in `<OS data dir>/<identifier>/`, the same
/// folder Tauri's `app_data_dir()` gives the desktop app.
pub const APP_IDENTIFIER: &str = "nl.raadsbudget.desktop";
/// File name of the store.
pub const DB_FILE: &str = "raadsbudget.sqlite";
/// Settings key of the user name recorded in the audit log.
const USER_SETTING: &str = "gebruiker";

/// The default store location: `<OS data dir>/nl.raadsbudget.desktop/raadsbudget.sqlite`
/// (on Linux `~/.local/share/…`). `None` when the OS has no data directory.
pub fn default_db_path() -> Option<PathBuf> {
    dirs::data_dir().map(|d| d.join(APP_IDENTIFIER).join(DB_FILE))
}

/// An open store.
#[derive(Debug)]
pub struct Session {
    store: Store,
    path: Option<PathBuf>,
    /// The loaded benchmark data's kengetallen, built on first use and dropped whenever the
    /// benchmark sources may have changed (loading, removing, restoring a backup).
    peers: Mutex<Option<Arc<PeerTable>>>,
}

impl Session {
    /// Opens (or creates) the store at `path`, creating its folder when needed. For actions
    /// that write and may be the first in a new store (adding an organisation, importing).
    pub fn open(path: &Path) -> Result<Session> {
        // A folder on a network filesystem is refused before it is made.
        raadsbudget_store::location::check(path)
            .map_err(|e| Error::from(e).with_store_path(Some(path)))?;
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
        }
        Session::open_file(path)
    }

    /// Opens the store at `path`, which must exist: creates neither the file nor its folder.
    /// For actions that read, or that need data only an existing store can hold, so a mistyped
    /// path is an error instead of a new, empty store.
    pub fn open_existing(path: &Path) -> Result<Session> {
        match std::fs::metadata(path) {
            Ok(m) if m.is_file() => Session::open_file(path),
            Ok(_) => Err(Error::Invalid(format!(
                "{} is een map en geen database; geef het databasebestand zelf op",
                path.display()
            ))),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(Error::NotFound(format!(
                "de database {} bestaat niet (er is niets aangemaakt); controleer het pad, of \
                 begin een nieuwe database door een organisatie toe te voegen: in de app, of met \
                 raadsbudget organisatie toevoegen --code GM0363 --naam Amsterdam",
                path.display()
            ))),
            Err(e) => Err(Error::io(path, e)),
        }
    }

    fn open_file(path: &Path) -> Result<Session> {
        let store = Store::open(path).map_err(|e| Error::from(e).with_store_path(Some(path)))?;
        Ok(Session {
            store,
            path: Some(path.to_path_buf()),
            peers: Mutex::default(),
        })
    }

    /// A store in memory (tests, previews).
    pub fn in_memory() -> Result<Session> {
        Ok(Session {
            store: Store::open_in_memory()?,
            path: None,
            peers: Mutex::default(),
        })
    }

    /// Where the store is, if on disk.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The store, for reading.
    pub fn store(&self) -> &Store {
        &self.store
    }

    pub(crate) fn store_mut(&mut self) -> &mut Store {
        &mut self.store
    }

    /// Sets how long a change waits for another program's write lock on the store before it
    /// fails and changes nothing (10 seconds by default); see [`Store::set_busy_timeout`].
    pub fn set_busy_timeout(&self, timeout: std::time::Duration) -> Result<()> {
        Ok(self.store.set_busy_timeout(timeout)?)
    }

    /// The kengetallen of the loaded benchmark data, cached until the sources change.
    pub fn peer_table(&self) -> Result<Arc<PeerTable>> {
        let mut cache = self.peers.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(t) = cache.as_ref() {
            return Ok(Arc::clone(t));
        }
        let subs: Vec<Submission> = self
            .store
            .benchmark_submissions()?
            .into_iter()
            .map(|s| (s.uitvraag, s.provincie, s.data))
            .collect();
        let table = Arc::new(PeerTable::build(&subs));
        *cache = Some(Arc::clone(&table));
        Ok(table)
    }

    /// Drops the cached benchmark kengetallen: the sources changed.
    pub(crate) fn forget_peers(&self) {
        *self.peers.lock().unwrap_or_else(|e| e.into_inner()) = None;
    }

    /// Who is making changes: the name set with [`Session::set_user`], else the OS user name.
    pub fn actor(&self) -> Result<String> {
        if let Some(name) = self.store.setting(USER_SETTING)? {
            return Ok(name);
        }
        Ok(whoami::fallible::username().unwrap_or_else(|_| "onbekend".to_string()))
    }

    /// Sets the name recorded in the audit log for this store.
    pub fn set_user(&mut self, name: &str) -> Result<()> {
        let name = name.trim();
        if name.is_empty() {
            return Err(Error::Invalid("de naam van de gebruiker is leeg".into()));
        }
        Ok(self.store.set_setting(USER_SETTING, name)?)
    }
}
