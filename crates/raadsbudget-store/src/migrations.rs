//! Append-only schema migrations.
//!
//! Migration `n` is the file `migrations/NNNN_name.sql`, embedded at build time. It moves the
//! schema from version `n - 1` to `n` and runs in one transaction, after which
//! `PRAGMA user_version` is `n`. A released migration is never edited: its sha256 is listed in
//! `migrations/CHECKSUMS` and a test fails when the file changes. Change the schema by adding
//! the next file to [`MIGRATIONS`] (see `docs/store.md`).

use crate::{Result, StoreError};
use rusqlite::{Connection, OptionalExtension};

/// One migration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Migration {
    /// The schema version after this migration (1, 2, …).
    pub version: u32,
    /// The file name under `migrations/`.
    pub file_name: &'static str,
    /// The SQL text (no `BEGIN`/`COMMIT`: the migrator wraps it in a transaction).
    pub sql: &'static str,
}

/// All migrations, in order. Append only.
pub const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        file_name: "0001_initial.sql",
        sql: include_str!("../migrations/0001_initial.sql"),
    },
    Migration {
        version: 2,
        file_name: "0002_benchmark.sql",
        sql: include_str!("../migrations/0002_benchmark.sql"),
    },
    Migration {
        version: 3,
        file_name: "0003_definities.sql",
        sql: include_str!("../migrations/0003_definities.sql"),
    },
];

/// The schema version this build creates and understands (the last migration's).
pub const SCHEMA_VERSION: u32 = MIGRATIONS[MIGRATIONS.len() - 1].version;

/// `PRAGMA application_id` of a Raadsbudget database ('RBDG'), set by migration 1.
pub const APPLICATION_ID: i32 = 0x5242_4447;

/// The schema version of the database (`PRAGMA user_version`).
pub(crate) fn user_version(conn: &Connection) -> Result<u32> {
    let v: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    u32::try_from(v).map_err(|_| StoreError::Corrupt(format!("ongeldige schemaversie {v}")))
}

/// `PRAGMA application_id`.
pub(crate) fn application_id(conn: &Connection) -> Result<i32> {
    Ok(conn.query_row("PRAGMA application_id", [], |r| r.get(0))?)
}

/// Whether the database has no schema objects at all (a new, empty file).
pub(crate) fn is_empty(conn: &Connection) -> Result<bool> {
    let n: i64 = conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))?;
    Ok(n == 0)
}

/// Why this database cannot be used by this build, if so. Only reads.
///
/// `Ok(Err(reason))`: not a Raadsbudget database; `Err(TooNew)`: newer than this build.
pub(crate) fn check_compatible(conn: &Connection) -> Result<std::result::Result<u32, String>> {
    let version = user_version(conn)?;
    if version == 0 {
        return Ok(if is_empty(conn)? {
            Ok(0)
        } else {
            Err("het is een SQLite-database van een ander programma".to_string())
        });
    }
    if application_id(conn)? != APPLICATION_ID {
        return Ok(Err(
            "het is een SQLite-database van een ander programma".to_string()
        ));
    }
    if version > SCHEMA_VERSION {
        return Err(StoreError::TooNew {
            found: version,
            known: SCHEMA_VERSION,
        });
    }
    Ok(Ok(version))
}

/// Brings the schema up to [`SCHEMA_VERSION`], one transaction per migration. Returns the
/// version found before. The caller has checked [`check_compatible`].
///
/// Foreign keys are switched off during the migrations (as SQLite recommends for schema
/// changes) and every migration must leave `PRAGMA foreign_key_check` empty.
pub(crate) fn migrate(conn: &mut Connection) -> Result<u32> {
    let before = user_version(conn)?;
    if before >= SCHEMA_VERSION {
        return Ok(before);
    }
    conn.pragma_update(None, "foreign_keys", false)?;
    let result = apply_pending(conn);
    let restored = conn.pragma_update(None, "foreign_keys", true);
    result?;
    restored?;
    Ok(before)
}

fn apply_pending(conn: &mut Connection) -> Result<()> {
    for m in MIGRATIONS {
        let tx = crate::transaction::write(conn)?;
        // Read again under the write lock: another process may have migrated meanwhile.
        let current = user_version(&tx)?;
        if current >= m.version {
            continue;
        }
        if current + 1 != m.version {
            return Err(StoreError::Corrupt(format!(
                "schemaversie {current} kan niet worden bijgewerkt met migratie {}",
                m.file_name
            )));
        }
        tx.execute_batch(m.sql).map_err(|e| {
            StoreError::Corrupt(format!(
                "migratie {} mislukt: {}",
                m.file_name,
                crate::messages::sqlite(&e)
            ))
        })?;
        let violation: Option<String> = tx
            .query_row(
                "SELECT \"table\" FROM pragma_foreign_key_check LIMIT 1",
                [],
                |r| r.get(0),
            )
            .optional()?;
        if let Some(table) = violation {
            return Err(StoreError::Corrupt(format!(
                "na migratie {} verwijst tabel {table} naar een ontbrekende regel",
                m.file_name
            )));
        }
        tx.pragma_update(None, "user_version", m.version)?;
        tx.commit()?;
    }
    Ok(())
}
