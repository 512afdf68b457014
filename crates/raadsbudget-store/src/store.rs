//! [`Store`]: the open database and every operation on it.

mod benchmark;

pub use benchmark::{BenchmarkSource, BenchmarkSubmission, NewSubmission};

use crate::columns::{Columns, RawColumns};
use crate::migrations;
use crate::{AuditEntry, ExportRecord, HistoryFilter, Result, StoreError};
use raadsbudget_domain::{Dataset, Fase, Jaar, OrgCode, OrgType, Organisation, Record};
use rusqlite::backup::{Backup, StepResult};
use rusqlite::{
    params, Connection, ErrorCode, OpenFlags, OptionalExtension, Transaction, TransactionBehavior,
};
use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How long a write waits for another connection's write lock before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

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

/// A backup that passed every check of [`Store::prepare_restore`], staged in a temporary
/// folder next to the store (removed when this is dropped or applied).
#[derive(Debug)]
pub struct StagedRestore {
    store: Store,
    folder: tempfile::TempDir,
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

/// Raw audit row as read from SQL, before parsing.
struct AuditRow {
    id: i64,
    moment: String,
    actor: String,
    organisation: String,
    kind: String,
    jaar: Option<i64>,
    fase: Option<String>,
    post: Option<String>,
    old: RawColumns,
    new: RawColumns,
    reason: Option<String>,
    undoes: Option<i64>,
}

const AUDIT_SELECT: &str = "SELECT id, moment, actor, organisation, kind, jaar, fase, post, \
     old_waarde, old_reden, old_toelichting, old_definities, \
     new_waarde, new_reden, new_toelichting, new_definities, reason, undoes FROM audit_log";

impl AuditRow {
    fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<AuditRow> {
        Ok(AuditRow {
            id: r.get(0)?,
            moment: r.get(1)?,
            actor: r.get(2)?,
            organisation: r.get(3)?,
            kind: r.get(4)?,
            jaar: r.get(5)?,
            fase: r.get(6)?,
            post: r.get(7)?,
            old: (r.get(8)?, r.get(9)?, r.get(10)?, r.get(11)?),
            new: (r.get(12)?, r.get(13)?, r.get(14)?, r.get(15)?),
            reason: r.get(16)?,
            undoes: r.get(17)?,
        })
    }

    fn into_entry(self) -> Result<AuditEntry> {
        let here = format!("auditregel {}", self.id);
        let mut entry = AuditEntry {
            id: self.id,
            moment: self.moment,
            actor: self.actor,
            organisation: self.organisation,
            jaar: None,
            fase: None,
            post: None,
            old: None,
            new: None,
            reason: self.reason,
            undoes: self.undoes,
        };
        match (self.kind.as_str(), self.jaar, self.fase, self.post) {
            ("organisation", None, None, None) => {}
            ("record", Some(jaar), Some(fase), Some(post)) => {
                let jaar = jaar_from(jaar, &here)?;
                let fase = fase_from(&fase, &here)?;
                let place = format!("{here} ({})", waar(&entry.organisation, jaar, fase, &post));
                entry.old = match Columns::from_raw(self.old, &place)? {
                    Some(c) => Some(c.to_record(&post, &place)?),
                    None => None,
                };
                entry.new = match Columns::from_raw(self.new, &place)? {
                    Some(c) => Some(c.to_record(&post, &place)?),
                    None => None,
                };
                entry.jaar = Some(jaar);
                entry.fase = Some(fase);
                entry.post = Some(post);
            }
            (kind, ..) => {
                return Err(StoreError::Corrupt(format!(
                    "{here}: onbekende of onvolledige soort '{kind}'"
                )))
            }
        }
        Ok(entry)
    }
}

fn audit_by_id(conn: &Connection, id: i64) -> Result<AuditEntry> {
    conn.query_row(
        &format!("{AUDIT_SELECT} WHERE id = ?1"),
        [id],
        AuditRow::from_row,
    )?
    .into_entry()
}

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

fn require_org(conn: &Connection, code: &str) -> Result<()> {
    if org_exists(conn, code)? {
        Ok(())
    } else {
        Err(StoreError::UnknownOrganisation(code.to_string()))
    }
}

fn read_org(conn: &Connection, code: &str) -> Result<Option<Organisation>> {
    let row: Option<(String, String, String)> = conn
        .query_row(
            "SELECT code, naam, type FROM organisations WHERE code = ?1",
            [code],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    row.map(org_from_columns).transpose()
}

fn org_from_columns((code, naam, kind): (String, String, String)) -> Result<Organisation> {
    let corrupt = |m: String| StoreError::Corrupt(format!("organisatie {code}: {m}"));
    let org = Organisation::new(&code, &naam).map_err(|e| corrupt(e.to_string()))?;
    let kind = kind
        .parse::<OrgType>()
        .map_err(|e| corrupt(e.to_string()))?;
    org.check_type(kind).map_err(|e| corrupt(e.to_string()))?;
    Ok(org)
}

fn current_columns(
    conn: &Connection,
    org: &str,
    jaar: Jaar,
    fase: Fase,
    post: &str,
) -> Result<Option<Columns>> {
    Ok(conn
        .query_row(
            "SELECT waarde, reden, toelichting, definities FROM records \
             WHERE organisation = ?1 AND jaar = ?2 AND fase = ?3 AND post = ?4",
            params![org, jaar, fase.as_str(), post],
            |r| {
                Ok(Columns {
                    waarde: r.get(0)?,
                    reden: r.get(1)?,
                    toelichting: r.get(2)?,
                    definities: r.get(3)?,
                })
            },
        )
        .optional()?)
}

fn write_columns(
    conn: &Connection,
    org: &str,
    jaar: Jaar,
    fase: Fase,
    post: &str,
    state: Option<&Columns>,
    moment: &str,
) -> Result<()> {
    match state {
        Some(c) => conn.execute(
            "INSERT INTO records \
             (organisation, jaar, fase, post, waarde, reden, toelichting, definities, updated_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) \
             ON CONFLICT (organisation, jaar, fase, post) DO UPDATE SET \
             waarde = excluded.waarde, reden = excluded.reden, \
             toelichting = excluded.toelichting, definities = excluded.definities, \
             updated_at = excluded.updated_at",
            params![
                org,
                jaar,
                fase.as_str(),
                post,
                c.waarde,
                c.reden,
                c.toelichting,
                c.definities,
                moment
            ],
        )?,
        None => conn.execute(
            "DELETE FROM records \
             WHERE organisation = ?1 AND jaar = ?2 AND fase = ?3 AND post = ?4",
            params![org, jaar, fase.as_str(), post],
        )?,
    };
    Ok(())
}

/// One change of an entry to log.
struct RecordChange<'a> {
    org: &'a str,
    jaar: Jaar,
    fase: Fase,
    post: &'a str,
    old: Option<&'a Columns>,
    new: Option<&'a Columns>,
}

fn log_record_change(
    conn: &Connection,
    change: &RecordChange<'_>,
    moment: &str,
    actor: &str,
    reason: Option<&str>,
    undoes: Option<i64>,
) -> Result<i64> {
    let (ow, or, ot, od) = Columns::to_raw(change.old);
    let (nw, nr, nt, nd) = Columns::to_raw(change.new);
    conn.execute(
        "INSERT INTO audit_log (moment, actor, organisation, kind, jaar, fase, post, \
         old_waarde, old_reden, old_toelichting, old_definities, \
         new_waarde, new_reden, new_toelichting, new_definities, reason, undoes) \
         VALUES (?1, ?2, ?3, 'record', ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
        params![
            moment,
            actor,
            change.org,
            change.jaar,
            change.fase.as_str(),
            change.post,
            ow,
            or,
            ot,
            od,
            nw,
            nr,
            nt,
            nd,
            reason,
            undoes
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

/// Applies one change inside the caller's transaction; `None` when nothing changes.
#[allow(clippy::too_many_arguments)]
fn apply_change(
    tx: &Connection,
    org: &str,
    jaar: Jaar,
    fase: Fase,
    post: &str,
    record: Option<&Record>,
    actor: &str,
    reason: Option<&str>,
    moment: &str,
) -> Result<Option<i64>> {
    let here = waar(org, jaar, fase, post);
    if post.trim().is_empty() {
        return Err(StoreError::Invalid(format!(
            "{here}: de postcode ontbreekt"
        )));
    }
    let new = record
        .map(|r| Columns::from_record(post, r, &here))
        .transpose()?;
    let old = current_columns(tx, org, jaar, fase, post)?;
    if old == new {
        return Ok(None);
    }
    write_columns(tx, org, jaar, fase, post, new.as_ref(), moment)?;
    let change = RecordChange {
        org,
        jaar,
        fase,
        post,
        old: old.as_ref(),
        new: new.as_ref(),
    };
    log_record_change(tx, &change, moment, actor, reason, None).map(Some)
}

impl Store {
    /// Opens the store at `path`, creating the file when it does not exist (its folder must
    /// exist), and brings the schema up to date.
    ///
    /// Refuses, without changing the file, a database of a newer schema version
    /// ([`StoreError::TooNew`]) and a file that is not a Raadsbudget database
    /// ([`StoreError::NotRaadsbudget`]).
    pub fn open(path: &Path) -> Result<Store> {
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
        conn.busy_timeout(BUSY_TIMEOUT)?;
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
        Ok(Store { conn, path })
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

    fn write_tx(&mut self) -> Result<Transaction<'_>> {
        Ok(self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?)
    }

    /// Adds an organisation and logs it (an audit row without jaar/fase/post).
    /// [`StoreError::DuplicateOrganisation`] when the code is already present.
    pub fn add_organisation(&mut self, org: &Organisation, actor: &str) -> Result<()> {
        check_actor(actor)?;
        if org.naam.trim().is_empty() {
            return Err(StoreError::Invalid(format!(
                "organisatie {}: de naam is leeg",
                org.code
            )));
        }
        let code = org.code.as_str();
        let kind = org.org_type();
        let moment = now();
        let tx = self.write_tx()?;
        if org_exists(&tx, code)? {
            return Err(StoreError::DuplicateOrganisation(code.to_string()));
        }
        tx.execute(
            "INSERT INTO organisations (code, naam, type, created_at) VALUES (?1, ?2, ?3, ?4)",
            params![code, org.naam, kind.as_str(), moment],
        )?;
        tx.execute(
            "INSERT INTO audit_log (moment, actor, organisation, kind, reason) \
             VALUES (?1, ?2, ?3, 'organisation', ?4)",
            params![
                moment,
                actor,
                code,
                format!("organisatie toegevoegd: {code} {} ({kind})", org.naam)
            ],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// All organisations, sorted by code.
    pub fn organisations(&self) -> Result<Vec<Organisation>> {
        let mut stmt = self
            .conn
            .prepare("SELECT code, naam, type FROM organisations ORDER BY code")?;
        let rows = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<rusqlite::Result<Vec<(String, String, String)>>>()?;
        rows.into_iter().map(org_from_columns).collect()
    }

    /// One organisation, if present.
    pub fn organisation(&self, code: &OrgCode) -> Result<Option<Organisation>> {
        read_org(&self.conn, code.as_str())
    }

    /// Sets, replaces or (record `None`) clears one entry, logging the change; no-op (no
    /// audit row) when nothing changes. Returns the audit id when something changed.
    ///
    /// A value must read back as itself with the unit of `post` in the catalogue version
    /// `record.definities` ([`StoreError::Invalid`] or [`StoreError::UnknownDefinities`]
    /// otherwise); a reason (`nvt`/`onbekend`) is stored for any post.
    #[allow(clippy::too_many_arguments)]
    pub fn set_record(
        &mut self,
        org: &OrgCode,
        jaar: Jaar,
        fase: Fase,
        post: &str,
        record: Option<&Record>,
        actor: &str,
        reason: Option<&str>,
    ) -> Result<Option<i64>> {
        let change = [(jaar, fase, post.to_string(), record.cloned())];
        Ok(self.set_records(org, &change, actor, reason)?.pop())
    }

    /// Many changes in ONE transaction (an import): all or nothing. Changes are applied in
    /// order; those that change nothing are skipped. Returns the audit ids of the changes
    /// made, in order.
    pub fn set_records(
        &mut self,
        org: &OrgCode,
        changes: &[(Jaar, Fase, String, Option<Record>)],
        actor: &str,
        reason: Option<&str>,
    ) -> Result<Vec<i64>> {
        check_actor(actor)?;
        let moment = now();
        let tx = self.write_tx()?;
        require_org(&tx, org.as_str())?;
        let mut ids = Vec::new();
        for (jaar, fase, post, record) in changes {
            if let Some(id) = apply_change(
                &tx,
                org.as_str(),
                *jaar,
                *fase,
                post,
                record.as_ref(),
                actor,
                reason,
                &moment,
            )? {
                ids.push(id);
            }
        }
        tx.commit()?;
        Ok(ids)
    }

    /// The current record of one post, if any.
    pub fn record(
        &self,
        org: &OrgCode,
        jaar: Jaar,
        fase: Fase,
        post: &str,
    ) -> Result<Option<Record>> {
        let tx = self.conn.unchecked_transaction()?;
        require_org(&tx, org.as_str())?;
        current_columns(&tx, org.as_str(), jaar, fase, post)?
            .map(|c| c.to_record(post, &waar(org.as_str(), jaar, fase, post)))
            .transpose()
    }

    /// All entries of an organisation (all years). [`StoreError::UnknownOrganisation`] when
    /// it is not in the store; [`StoreError::Corrupt`] when a stored value does not parse.
    pub fn dataset(&self, org: &OrgCode) -> Result<Dataset> {
        let tx = self.conn.unchecked_transaction()?;
        let organisation = read_org(&tx, org.as_str())?
            .ok_or_else(|| StoreError::UnknownOrganisation(org.to_string()))?;
        let mut data = Dataset::new(organisation);
        let rows = {
            let mut stmt = tx.prepare(
                "SELECT jaar, fase, post, waarde, reden, toelichting, definities FROM records \
                 WHERE organisation = ?1 ORDER BY jaar, fase, post",
            )?;
            let rows = stmt
                .query_map([org.as_str()], |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, String>(2)?,
                        Columns {
                            waarde: r.get(3)?,
                            reden: r.get(4)?,
                            toelichting: r.get(5)?,
                            definities: r.get(6)?,
                        },
                    ))
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            rows
        };
        for (jaar, fase, post, columns) in rows {
            let place = format!("{org} {jaar} {fase} {post}");
            let jaar = jaar_from(jaar, &place)?;
            let fase = fase_from(&fase, &place)?;
            let record = columns.to_record(&post, &place)?;
            data.set(jaar, fase, &post, record);
        }
        Ok(data)
    }

    /// Audit rows of an organisation, newest first, optionally only of one jaar, fase and/or
    /// post, at most `limit`. With a jaar, fase or post filter the organisation additions are
    /// left out (they have none).
    pub fn history(&self, org: &OrgCode, filter: &HistoryFilter) -> Result<Vec<AuditEntry>> {
        let tx = self.conn.unchecked_transaction()?;
        require_org(&tx, org.as_str())?;
        let limit = filter
            .limit
            .map_or(-1, |l| i64::try_from(l).unwrap_or(i64::MAX));
        let rows = {
            let mut stmt = tx.prepare(&format!(
                "{AUDIT_SELECT} WHERE organisation = ?1 \
                 AND (?2 IS NULL OR jaar = ?2) AND (?3 IS NULL OR fase = ?3) \
                 AND (?4 IS NULL OR post = ?4) ORDER BY id DESC LIMIT ?5"
            ))?;
            let rows = stmt
                .query_map(
                    params![
                        org.as_str(),
                        filter.jaar,
                        filter.fase.map(Fase::as_str),
                        filter.post,
                        limit
                    ],
                    AuditRow::from_row,
                )?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            rows
        };
        rows.into_iter().map(AuditRow::into_entry).collect()
    }

    /// Undoes the most recent change of an entry of this organisation that is neither undone
    /// already nor itself an undo, so repeated calls walk back through the history. The undo
    /// is a NEW audit row (`undoes` = the id it reverses, reason `ongedaan maken van wijziging
    /// N`) that restores the entry to that change's old state; the log is never edited.
    /// Returns the new row, or `None` when there is nothing left to undo. Organisation
    /// additions are not undone.
    pub fn undo_last(&mut self, org: &OrgCode, actor: &str) -> Result<Option<AuditEntry>> {
        check_actor(actor)?;
        let moment = now();
        let tx = self.write_tx()?;
        require_org(&tx, org.as_str())?;
        type Target = (i64, Option<i64>, Option<String>, Option<String>, RawColumns);
        let target: Option<Target> = tx
            .query_row(
                "SELECT a.id, a.jaar, a.fase, a.post, \
                 a.old_waarde, a.old_reden, a.old_toelichting, a.old_definities \
                 FROM audit_log a WHERE a.organisation = ?1 AND a.kind = 'record' \
                 AND a.undoes IS NULL \
                 AND NOT EXISTS (SELECT 1 FROM audit_log u WHERE u.undoes = a.id) \
                 ORDER BY a.id DESC LIMIT 1",
                [org.as_str()],
                |r| {
                    Ok((
                        r.get(0)?,
                        r.get(1)?,
                        r.get(2)?,
                        r.get(3)?,
                        (r.get(4)?, r.get(5)?, r.get(6)?, r.get(7)?),
                    ))
                },
            )
            .optional()?;
        let Some((id, jaar, fase, post, old)) = target else {
            return Ok(None);
        };
        let here = format!("auditregel {id}");
        let (Some(jaar), Some(fase), Some(post)) = (jaar, fase, post) else {
            return Err(StoreError::Corrupt(format!(
                "{here}: jaar, fase of post ontbreekt"
            )));
        };
        let jaar = jaar_from(jaar, &here)?;
        let fase = fase_from(&fase, &here)?;
        let restore = Columns::from_raw(old, &here)?;
        let current = current_columns(&tx, org.as_str(), jaar, fase, &post)?;
        if current != restore {
            write_columns(
                &tx,
                org.as_str(),
                jaar,
                fase,
                &post,
                restore.as_ref(),
                &moment,
            )?;
        }
        let change = RecordChange {
            org: org.as_str(),
            jaar,
            fase,
            post: &post,
            old: current.as_ref(),
            new: restore.as_ref(),
        };
        let reason = format!("ongedaan maken van wijziging {id}");
        let new_id = log_record_change(&tx, &change, &moment, actor, Some(&reason), Some(id))?;
        let entry = audit_by_id(&tx, new_id)?;
        tx.commit()?;
        Ok(Some(entry))
    }

    /// Sets how long a write waits for another connection's write lock before it fails
    /// (10 seconds when the store is opened). A write that waits longer fails with SQLite's
    /// `SQLITE_BUSY` and changes nothing.
    pub fn set_busy_timeout(&self, timeout: Duration) -> Result<()> {
        Ok(self.conn.busy_timeout(timeout)?)
    }

    /// Records a benchmark file written (or read in). [`StoreError::DuplicateExport`] when a
    /// non-concept export with the same organisation, uitvraag and revisie exists.
    pub fn record_export(&mut self, export: &ExportRecord) -> Result<()> {
        let code =
            OrgCode::parse(&export.organisation).map_err(|e| StoreError::Invalid(e.to_string()))?;
        if chrono::DateTime::parse_from_rfc3339(&export.moment).is_err() {
            return Err(StoreError::Invalid(format!(
                "moment '{}' is geen RFC 3339-tijdstip",
                export.moment
            )));
        }
        if export.file_name.trim().is_empty() {
            return Err(StoreError::Invalid("de bestandsnaam ontbreekt".to_string()));
        }
        if export.sha256.len() != 64
            || !export
                .sha256
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        {
            return Err(StoreError::Invalid(format!(
                "'{}' is geen sha256 (64 kleine hexadecimale tekens)",
                export.sha256
            )));
        }
        let tx = self.write_tx()?;
        require_org(&tx, code.as_str())?;
        if !export.concept {
            let exists = tx
                .query_row(
                    "SELECT 1 FROM exports WHERE organisation = ?1 AND uitvraag = ?2 \
                     AND revisie = ?3 AND concept = 0",
                    params![code.as_str(), export.uitvraag, export.revisie],
                    |_| Ok(()),
                )
                .optional()?
                .is_some();
            if exists {
                return Err(StoreError::DuplicateExport {
                    organisation: code.to_string(),
                    uitvraag: export.uitvraag,
                    revisie: export.revisie,
                });
            }
        }
        tx.execute(
            "INSERT INTO exports (organisation, uitvraag, revisie, moment, file_name, sha256, \
             concept) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                code.as_str(),
                export.uitvraag,
                export.revisie,
                export.moment,
                export.file_name,
                export.sha256,
                export.concept
            ],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// The exports of an uitvraag, oldest first.
    pub fn exports(&self, org: &OrgCode, uitvraag: Jaar) -> Result<Vec<ExportRecord>> {
        let tx = self.conn.unchecked_transaction()?;
        require_org(&tx, org.as_str())?;
        let rows = {
            let mut stmt = tx.prepare(
                "SELECT organisation, uitvraag, revisie, moment, file_name, sha256, concept \
                 FROM exports WHERE organisation = ?1 AND uitvraag = ?2 ORDER BY id",
            )?;
            let rows = stmt
                .query_map(params![org.as_str(), uitvraag], |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, i64>(1)?,
                        r.get::<_, i64>(2)?,
                        r.get::<_, String>(3)?,
                        r.get::<_, String>(4)?,
                        r.get::<_, String>(5)?,
                        r.get::<_, i64>(6)?,
                    ))
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            rows
        };
        rows.into_iter()
            .map(
                |(organisation, uitvraag, revisie, moment, file_name, sha256, concept)| {
                    let here = format!("export {file_name}");
                    Ok(ExportRecord {
                        organisation,
                        uitvraag: jaar_from(uitvraag, &here)?,
                        revisie: u32::try_from(revisie).map_err(|_| {
                            StoreError::Corrupt(format!("{here}: ongeldige revisie {revisie}"))
                        })?,
                        moment,
                        file_name,
                        sha256,
                        concept: concept != 0,
                    })
                },
            )
            .collect()
    }

    /// The uitvraagjaren of this organisation with at least one export (final or draft),
    /// ascending: for listing the uitvragen someone has worked on.
    pub fn exported_uitvragen(&self, org: &OrgCode) -> Result<Vec<Jaar>> {
        let tx = self.conn.unchecked_transaction()?;
        require_org(&tx, org.as_str())?;
        let years = {
            let mut stmt = tx.prepare(
                "SELECT DISTINCT uitvraag FROM exports WHERE organisation = ?1 ORDER BY uitvraag",
            )?;
            let years = stmt
                .query_map([org.as_str()], |r| r.get::<_, i64>(0))?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            years
        };
        years
            .into_iter()
            .map(|y| jaar_from(y, &format!("export van organisatie {org}")))
            .collect()
    }

    /// The revisie number of the next final export: 1 + the highest non-concept revisie of
    /// this uitvraag (1 when there is none).
    pub fn next_revisie(&self, org: &OrgCode, uitvraag: Jaar) -> Result<u32> {
        let tx = self.conn.unchecked_transaction()?;
        require_org(&tx, org.as_str())?;
        let max: i64 = tx.query_row(
            "SELECT COALESCE(MAX(revisie), 0) FROM exports \
             WHERE organisation = ?1 AND uitvraag = ?2 AND concept = 0",
            params![org.as_str(), uitvraag],
            |r| r.get(0),
        )?;
        u32::try_from(max)
            .ok()
            .and_then(|m| m.checked_add(1))
            .ok_or_else(|| StoreError::Corrupt(format!("ongeldige revisie {max}")))
    }

    /// The moment of the latest change of an entry of this organisation (including undos),
    /// for "gewijzigd na indiening". Moments have whole seconds: a change in the same second
    /// as an export compares equal, not later.
    pub fn last_change_moment(&self, org: &OrgCode) -> Result<Option<String>> {
        let tx = self.conn.unchecked_transaction()?;
        require_org(&tx, org.as_str())?;
        Ok(tx
            .query_row(
                "SELECT moment FROM audit_log WHERE organisation = ?1 AND kind = 'record' \
                 ORDER BY id DESC LIMIT 1",
                [org.as_str()],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// A setting, if set.
    pub fn setting(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()?)
    }

    /// Sets (or replaces) a setting.
    pub fn set_setting(&mut self, key: &str, value: &str) -> Result<()> {
        if key.is_empty() {
            return Err(StoreError::Invalid(
                "de naam van de instelling ontbreekt".to_string(),
            ));
        }
        let tx = self.write_tx()?;
        tx.execute(
            "INSERT INTO settings (key, value) VALUES (?1, ?2) \
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            params![key, value],
        )?;
        tx.commit()?;
        Ok(())
    }

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

#[cfg(test)]
mod tests {
    use super::*;
    use raadsbudget_domain::{Entry, Reason, Value};

    fn org() -> Organisation {
        Organisation::new("GM0363", "Amsterdam").unwrap()
    }

    fn rec(n: u64) -> Record {
        Record {
            entry: Entry::Value(Value::Count(n)),
            toelichting: String::new(),
            definities: "2026.1".into(),
        }
    }

    fn count(store: &Store, table: &str) -> i64 {
        store
            .conn
            .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
            .unwrap()
    }

    #[test]
    fn check_constraint_requires_exactly_one_of_waarde_and_reden() {
        let mut store = Store::open_in_memory().unwrap();
        store.add_organisation(&org(), "tester").unwrap();
        for (waarde, reden) in [(Some("5"), Some("nvt")), (None, None)] {
            let err = store.conn.execute(
                "INSERT INTO records VALUES ('GM0363', 2026, 'kenmerk', 'KEN.ZETELS', ?1, ?2, '', '2026.1', 'x')",
                params![waarde, reden],
            );
            assert!(err.unwrap_err().to_string().contains("CHECK"));
        }
        // STRICT: a number given for waarde is stored as text, never as REAL.
        store
            .conn
            .execute(
                "INSERT INTO records VALUES ('GM0363', 2026, 'kenmerk', 'KEN.ZETELS', 45, NULL, '', '2026.1', 'x')",
                [],
            )
            .unwrap();
        let kind: String = store
            .conn
            .query_row("SELECT typeof(waarde) FROM records", [], |r| r.get(0))
            .unwrap();
        assert_eq!(kind, "text");
        let err = store.conn.execute(
            "INSERT INTO records VALUES ('GM0363', 'x', 'kenmerk', 'KEN.FRACTIES', '4', NULL, '', '2026.1', 'x')",
            [],
        );
        assert!(err.is_err(), "STRICT refuses text in jaar");
    }

    #[test]
    fn set_records_rolls_back_on_a_database_failure_midway() {
        let mut store = Store::open_in_memory().unwrap();
        store.add_organisation(&org(), "tester").unwrap();
        let code = org().code;
        store
            .set_record(
                &code,
                2026,
                Fase::Kenmerk,
                "KEN.ZETELS",
                Some(&rec(45)),
                "t",
                None,
            )
            .unwrap();
        // A failure that only SQLite sees, after earlier changes of the batch were written.
        store
            .conn
            .execute_batch(
                "CREATE TEMP TRIGGER fail BEFORE INSERT ON records WHEN new.post = 'KEN.FRACTIES' \
                 BEGIN SELECT RAISE(ABORT, 'test'); END;",
            )
            .unwrap();
        let (rows, audit) = (count(&store, "records"), count(&store, "audit_log"));
        let changes = vec![
            (2026, Fase::Kenmerk, "KEN.ZETELS".to_string(), Some(rec(47))),
            (
                2026,
                Fase::Kenmerk,
                "KEN.INWONERS".to_string(),
                Some(rec(900_000)),
            ),
            (
                2026,
                Fase::Kenmerk,
                "KEN.FRACTIES".to_string(),
                Some(rec(12)),
            ),
        ];
        let err = store.set_records(&code, &changes, "t", Some("import"));
        assert!(matches!(err, Err(StoreError::Sqlite(_))), "{err:?}");
        assert_eq!(count(&store, "records"), rows);
        assert_eq!(count(&store, "audit_log"), audit);
        assert_eq!(
            store
                .record(&code, 2026, Fase::Kenmerk, "KEN.ZETELS")
                .unwrap(),
            Some(rec(45))
        );
    }

    #[test]
    fn corrupt_stored_values_are_reported_with_their_place() {
        let mut store = Store::open_in_memory().unwrap();
        store.add_organisation(&org(), "tester").unwrap();
        store
            .conn
            .execute(
                "INSERT INTO records VALUES ('GM0363', 2026, 'kenmerk', 'KEN.INWONERS', '12,5', NULL, '', '2026.1', 'x')",
                [],
            )
            .unwrap();
        let err = store.dataset(&org().code).unwrap_err();
        assert!(
            matches!(&err, StoreError::Corrupt(m) if m.contains("GM0363 2026 kenmerk KEN.INWONERS")),
            "{err}"
        );
        store
            .conn
            .execute(
                "UPDATE records SET waarde = NULL, reden = 'nvt', definities = '2099.9'",
                [],
            )
            .unwrap();
        // A reason needs no catalogue.
        assert_eq!(
            store
                .dataset(&org().code)
                .unwrap()
                .entry(2026, Fase::Kenmerk, "KEN.INWONERS"),
            Some(&Entry::Reason(Reason::Nvt))
        );
        store
            .conn
            .execute("UPDATE records SET waarde = '5', reden = NULL", [])
            .unwrap();
        assert!(matches!(
            store.dataset(&org().code),
            Err(StoreError::UnknownDefinities { .. })
        ));
    }

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
