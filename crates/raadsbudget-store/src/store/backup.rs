//! Backups and restores of the whole database: a backup is a checked, flushed single-file
//! copy (`VACUUM INTO`) that never overwrites a file; a restore checks the backup and stages
//! an up-to-date copy ([`StagedRestore`]) before it replaces the content in one step.

use super::{check_usable, HistoryFilter, Store};
use crate::{Result, StoreError};
use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, OpenFlags, OptionalExtension};
use std::fs::{File, OpenOptions};
use std::path::Path;

/// A backup that passed every check of [`Store::prepare_restore`], staged in a temporary
/// folder next to the store (removed when this is dropped or applied).
#[derive(Debug)]
pub struct StagedRestore {
    store: Store,
    folder: tempfile::TempDir,
}

/// Checks that a file is a usable Raadsbudget database with content, reading only. Returns
/// its schema version.
fn inspect(conn: &Connection, shown: &str) -> Result<u32> {
    let refuse = |reason: String| StoreError::NotRaadsbudget {
        path: shown.to_string(),
        reason,
    };
    let version = check_usable(conn, shown)?;
    if version == 0 {
        return Err(refuse("de database is leeg".to_string()));
    }
    let problems: Vec<String> = {
        let mut stmt = conn.prepare("PRAGMA integrity_check")?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    if problems != ["ok"] {
        return Err(refuse(format!(
            "de integriteitscontrole meldt: {}",
            problems.join("; ")
        )));
    }
    let dangling: Option<String> = conn
        .query_row(
            "SELECT \"table\" FROM pragma_foreign_key_check LIMIT 1",
            [],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(table) = dangling {
        return Err(refuse(format!(
            "tabel {table} verwijst naar een ontbrekende regel"
        )));
    }
    Ok(version)
}

/// Copies the whole database `from` into `to` in one step (one transaction on `to`).
fn copy_database(from: &Connection, to: &mut Connection) -> Result<()> {
    let backup = Backup::new(from, to)?;
    match backup.step(-1)? {
        StepResult::Done => Ok(()),
        StepResult::Busy | StepResult::Locked => {
            Err(StoreError::Sqlite(rusqlite::Error::SqliteFailure(
                rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
                Some("de database is in gebruik door een ander programma".to_string()),
            )))
        }
        // `step(-1)` copies everything at once; anything else is unexpected.
        _ => Err(StoreError::Corrupt(
            "het kopiëren van de database is niet afgerond".to_string(),
        )),
    }
}

fn page_size(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("PRAGMA page_size", [], |r| r.get(0))?)
}

/// Flushes a written file (and on Unix its folder entry) to disk.
fn sync_file(path: &Path) -> Result<()> {
    let sync = |p: &Path| {
        File::open(p)
            .and_then(|f| f.sync_all())
            .map_err(|e| StoreError::io(p, e))
    };
    sync(path)?;
    #[cfg(unix)]
    if let Some(dir) = path.parent() {
        sync(if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        })?;
    }
    Ok(())
}

impl Store {
    /// Writes a consistent copy of the whole database to `dest` (`VACUUM INTO`), flushes it
    /// to disk and checks it. `dest` must not exist ([`StoreError::DestinationExists`]); its
    /// folder must. On failure no file is left at `dest`, and the error names `dest`.
    pub fn backup_to(&self, dest: &Path) -> Result<()> {
        let Some(text) = dest.to_str() else {
            return Err(StoreError::Invalid(format!(
                "de bestandsnaam {} bevat tekens die niet ondersteund worden",
                dest.display()
            )));
        };
        // Claim the name atomically: fails when the file exists, so nothing is overwritten.
        match OpenOptions::new().write(true).create_new(true).open(dest) {
            Ok(file) => drop(file),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                return Err(StoreError::DestinationExists(dest.to_path_buf()))
            }
            Err(e) => return Err(StoreError::io(dest, e)),
        }
        let result = self.write_backup(dest, text);
        if result.is_err() {
            // Best effort: the error that matters is the one returned.
            let _ = std::fs::remove_file(dest);
        }
        result
    }

    fn write_backup(&self, dest: &Path, text: &str) -> Result<()> {
        // Whatever fails here (a full disk, a read-only folder) is about the copy.
        let in_dest = |e: StoreError| e.in_file(dest);
        // VACUUM INTO accepts the empty file claimed above.
        self.conn
            .execute("VACUUM INTO ?1", [text])
            .map_err(|e| in_dest(e.into()))?;
        {
            // The copy is a single file in rollback-journal mode, whatever this store uses.
            let copy = Connection::open(dest).map_err(|e| in_dest(e.into()))?;
            let _mode: String = copy
                .pragma_update_and_check(None, "journal_mode", "DELETE", |r| r.get(0))
                .map_err(|e| in_dest(e.into()))?;
            inspect(&copy, &dest.display().to_string()).map_err(in_dest)?;
        }
        sync_file(dest)
    }

    /// Replaces this store's whole content with the backup at `src`:
    /// [`Store::prepare_restore`], then [`Store::apply_restore`]. On any refusal the current
    /// content is kept.
    pub fn restore_from(&mut self, src: &Path) -> Result<()> {
        let staged = self.prepare_restore(src)?;
        self.apply_restore(staged)
    }

    /// Checks the backup at `src` and stages a copy for [`Store::apply_restore`], changing
    /// nothing in this store: `src` must be a Raadsbudget database whose schema version this
    /// build knows, `PRAGMA integrity_check` must be ok and every stored value must be
    /// readable. An older schema is brought up to date in the staged copy. `src` itself is only
    /// read. A refusal ([`StoreError::NotRaadsbudget`], [`StoreError::TooNew`] in
    /// [`StoreError::InFile`], …) names `src`.
    ///
    /// Restoring in two steps lets the caller do something only once the backup is known to be
    /// good, such as saving the current content (`Session::restore` does).
    pub fn prepare_restore(&self, src: &Path) -> Result<StagedRestore> {
        let shown = src.display().to_string();
        let refuse = |reason: String| StoreError::NotRaadsbudget {
            path: shown.clone(),
            reason,
        };
        if !src.is_file() {
            return Err(refuse("het bestand bestaat niet".to_string()));
        }
        let in_src = |e: StoreError| e.in_file(src);
        let source = Connection::open_with_flags(
            src,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| in_src(e.into()))?;
        inspect(&source, &shown).map_err(in_src)?;
        // Stage a copy in a temporary folder next to the store (removed when done): bring its
        // page size in line (a WAL database cannot take another page size through the backup
        // API), bring its schema up to date and read everything once.
        let dir = match self.path.as_deref().and_then(Path::parent) {
            Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
            _ => std::env::temp_dir(),
        };
        let staging = tempfile::Builder::new()
            .prefix(".raadsbudget-herstel-")
            .tempdir_in(&dir)
            .map_err(|e| StoreError::io(&dir, e))?;
        let staged_path = staging.path().join("herstel.sqlite");
        let mut staged = Connection::open(&staged_path)?;
        // Reading the source is what usually fails here (it is locked or unreadable).
        copy_database(&source, &mut staged).map_err(in_src)?;
        drop(source);
        let _mode: String =
            staged.pragma_update_and_check(None, "journal_mode", "DELETE", |r| r.get(0))?;
        let wanted = page_size(&self.conn)?;
        if page_size(&staged)? != wanted {
            staged.pragma_update(None, "page_size", wanted)?;
            staged.execute_batch("VACUUM")?;
            if page_size(&staged)? != wanted {
                return Err(refuse(format!(
                    "de paginagrootte kan niet worden aangepast aan {wanted}"
                )));
            }
        }
        let staged = Store::init(staged, None).map_err(|e| match e {
            StoreError::TooNew { .. } => in_src(e),
            StoreError::NotRaadsbudget { .. } => e,
            other => refuse(other.to_string()),
        })?;
        staged.check_readable().map_err(|e| refuse(e.to_string()))?;
        Ok(StagedRestore {
            store: staged,
            folder: staging,
        })
    }

    /// Replaces this store's whole content with a staged backup, in one transaction: on
    /// failure the current content is kept.
    pub fn apply_restore(&mut self, staged: StagedRestore) -> Result<()> {
        let StagedRestore { store, folder } = staged;
        copy_database(&store.conn, &mut self.conn)?;
        drop(store);
        let shown = folder.path().to_path_buf();
        folder.close().map_err(|e| StoreError::io(&shown, e))
    }

    /// Reads every organisation, value and audit row once; the first error found.
    fn check_readable(&self) -> Result<()> {
        for org in self.organisations()? {
            self.dataset(&org.code)?;
            self.history(&org.code, &HistoryFilter::default())?;
        }
        Ok(())
    }
}
