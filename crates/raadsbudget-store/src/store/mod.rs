//! [`Store`]: the open database, how it is opened (the pragmas every connection runs with)
//! and the checks every operation shares. Each concern's operations live in their own file:
//!
//! * [`organisations`]: the organisations a griffie works for;
//! * [`records`]: the current entries, set with an audit row, and an organisation's dataset;
//! * [`audit`]: the append-only audit log and its history;
//! * [`undo`]: undo as a new change;
//! * [`exports`]: the benchmark files written per uitvraag;
//! * [`settings`]: named settings;
//! * [`backup`]: backups and restores of the whole database;
//! * [`benchmark`]: loaded benchmark data and saved peer lists;
//! * [`catalogues`]: catalogues of definitions added at run time, registered when the store
//!   opens.
//!
//! Every transaction begins through [`Store::write_tx`] or [`Store::read_tx`], which begin it
//! in [`crate::transaction`].

mod audit;
mod backup;
mod benchmark;
mod catalogues;
mod exports;
mod organisations;
mod records;
mod settings;
mod undo;

pub use audit::{AuditEntry, HistoryFilter};
pub use backup::StagedRestore;
pub use benchmark::{BenchmarkSource, BenchmarkSubmission, NewSubmission};
pub use catalogues::{register_catalogues_of, StoredCatalogue};
pub use exports::ExportRecord;

use crate::{migrations, transaction};
use crate::{Result, StoreError};
use raadsbudget_domain::{Fase, Jaar};
use rusqlite::{Connection, ErrorCode, OpenFlags, OptionalExtension, Transaction};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The open store: one SQLite connection.
///
/// Every method that writes runs in one `IMMEDIATE` transaction and returns only after the
/// commit is on disk (`synchronous=FULL`). Methods that read several tables read one
/// consistent snapshot. Every query filters on the organisation.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
}

/// The current moment as stored: RFC 3339 in UTC with seconds.
fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// "GM0363 2026 begroting GRF.PERSONEEL": where an entry is, in messages.
fn waar(org: &str, jaar: Jaar, fase: Fase, post: &str) -> String {
    format!("{org} {jaar} {fase} {post}")
}

fn is_not_a_database(e: &StoreError) -> bool {
    matches!(
        e,
        StoreError::Sqlite(rusqlite::Error::SqliteFailure(f, _))
            if f.code == ErrorCode::NotADatabase
    )
}

fn check_actor(actor: &str) -> Result<()> {
    if actor.trim().is_empty() {
        return Err(StoreError::Invalid(
            "de naam van wie de wijziging doet ontbreekt".to_string(),
        ));
    }
    Ok(())
}

fn jaar_from(v: i64, waar: &str) -> Result<Jaar> {
    Jaar::try_from(v).map_err(|_| StoreError::Corrupt(format!("{waar}: ongeldig jaar {v}")))
}

fn fase_from(text: &str, waar: &str) -> Result<Fase> {
    text.parse::<Fase>()
        .map_err(|e| StoreError::Corrupt(format!("{waar}: {e}")))
}

/// Whether this build may open the database: a new empty one, or a Raadsbudget database of a
/// known schema version. Reads only. Returns the schema version.
fn check_usable(conn: &Connection, shown: &str) -> Result<u32> {
    conn.pragma_update(None, "trusted_schema", false)?;
    match migrations::check_compatible(conn) {
        Ok(Ok(version)) => Ok(version),
        Ok(Err(reason)) => Err(StoreError::NotRaadsbudget {
            path: shown.to_string(),
            reason,
        }),
        Err(e) if is_not_a_database(&e) => Err(StoreError::NotRaadsbudget {
            path: shown.to_string(),
            reason: "het is geen SQLite-database".to_string(),
        }),
        Err(e) => Err(e),
    }
}

/// Whether the organisation is in the store.
fn org_exists(conn: &Connection, code: &str) -> Result<bool> {
    Ok(conn
        .query_row(
            "SELECT 1 FROM organisations WHERE code = ?1",
            [code],
            |_| Ok(()),
        )
        .optional()?
        .is_some())
}

/// [`StoreError::UnknownOrganisation`] unless the organisation is in the store: every
/// operation on one organisation's data checks this first, in its own transaction.
fn require_org(conn: &Connection, code: &str) -> Result<()> {
    if org_exists(conn, code)? {
        Ok(())
    } else {
        Err(StoreError::UnknownOrganisation(code.to_string()))
    }
}

impl Store {
    /// Opens the store at `path`, creating the file when it does not exist (its folder must
    /// exist), and brings the schema up to date.
    ///
    /// Refuses, without changing the file, a database of a newer schema version
    /// ([`StoreError::TooNew`]), a file that is not a Raadsbudget database
    /// ([`StoreError::NotRaadsbudget`]), and, before anything is written, a path on a network
    /// filesystem ([`StoreError::NetworkFilesystem`], see [`crate::location`]).
    pub fn open(path: &Path) -> Result<Store> {
        // Before anything is written (creating the file, switching to WAL).
        crate::location::check(path)?;
        if std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.len() > 0) {
            // First look through a read-only connection: it can neither switch the journal
            // mode nor checkpoint a leftover WAL into a file this build must not touch.
            let look = Connection::open_with_flags(
                path,
                OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
            )?;
            check_usable(&look, &path.display().to_string())?;
        }
        let conn = Connection::open(path)?;
        Store::init(conn, Some(path.to_path_buf()))
    }

    /// A new store in memory (tests, previews).
    pub fn open_in_memory() -> Result<Store> {
        Store::init(Connection::open_in_memory()?, None)
    }

    fn init(mut conn: Connection, path: Option<PathBuf>) -> Result<Store> {
        let shown = path
            .as_ref()
            .map_or_else(|| ":memory:".to_string(), |p| p.display().to_string());
        transaction::set_busy_timeout(&conn, transaction::BUSY_TIMEOUT)?;
        // Schema triggers and views may only use SQL functions that are safe anywhere.
        conn.pragma_update(None, "trusted_schema", false)?;
        // Check before anything writes: even switching to WAL changes the file header.
        check_usable(&conn, &shown)?;
        conn.pragma_update(None, "foreign_keys", true)?;
        // In-memory databases answer "memory"; a file system without shared memory support
        // keeps its rollback journal (still durable with synchronous=FULL).
        let _mode: String =
            conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))?;
        // FULL: in WAL mode every commit syncs the WAL, so a committed value survives a
        // killed process and a power cut.
        conn.pragma_update(None, "synchronous", "FULL")?;
        // macOS only: fsync alone does not reach the disk platter there.
        conn.pragma_update(None, "fullfsync", true)?;
        conn.pragma_update(None, "checkpoint_fullfsync", true)?;
        migrations::migrate(&mut conn)?;
        let store = Store { conn, path };
        // Before any value is read: a value may carry an added version.
        store.register_catalogues()?;
        Ok(store)
    }

    /// The file of this store (`None` in memory).
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The schema version (`PRAGMA user_version`); equals [`crate::SCHEMA_VERSION`] once open.
    pub fn schema_version(&self) -> Result<u32> {
        migrations::user_version(&self.conn)
    }

    /// The journal mode in force: `wal` for a file, `memory` in memory.
    pub fn journal_mode(&self) -> Result<String> {
        Ok(self
            .conn
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))?)
    }

    /// Begins a write: one `IMMEDIATE` transaction ([`transaction::write`]).
    fn write_tx(&mut self) -> Result<Transaction<'_>> {
        transaction::write(&mut self.conn)
    }

    /// Begins a read of one consistent snapshot ([`transaction::read`]).
    fn read_tx(&self) -> Result<Transaction<'_>> {
        transaction::read(&self.conn)
    }

    /// Sets how long a write waits for another connection's write lock before it fails
    /// (10 seconds when the store is opened). A write that waits longer fails with SQLite's
    /// `SQLITE_BUSY` and changes nothing.
    pub fn set_busy_timeout(&self, timeout: Duration) -> Result<()> {
        transaction::set_busy_timeout(&self.conn, timeout)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn connection_settings() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("s.sqlite")).unwrap();
        let get = |p: &str| -> i64 {
            store
                .conn
                .query_row(&format!("PRAGMA {p}"), [], |r| r.get(0))
                .unwrap()
        };
        assert_eq!(get("foreign_keys"), 1);
        assert_eq!(get("synchronous"), 2, "FULL");
        assert_eq!(get("busy_timeout"), 10_000);
        assert_eq!(store.journal_mode().unwrap(), "wal");
    }
}
