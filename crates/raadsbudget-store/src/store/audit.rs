//! The audit log: one append-only row per change of an entry and per organisation added
//! (triggers refuse UPDATE and DELETE), written in the transaction of the change it records;
//! read back as [`AuditEntry`] through [`Store::history`].

use super::{fase_from, jaar_from, require_org, waar, Store};
use crate::columns::{Columns, RawColumns};
use crate::{Result, StoreError};
use raadsbudget_domain::{Fase, Jaar, OrgCode, Record};
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;

/// One row of the audit log.
///
/// For a change of an entry, `jaar`, `fase` and `post` are set and `old`/`new` hold the entry
/// before and after (`None`: no entry). For the addition of an organisation, `jaar`, `fase`,
/// `post`, `old` and `new` are `None` and `reason` says what was added
/// (see [`AuditEntry::is_organisation_added`]).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AuditEntry {
    /// Increasing id: the order of changes (never rely on `moment` for order).
    pub id: i64,
    /// When, RFC 3339 in UTC with seconds (`2026-03-01T09:30:00Z`).
    pub moment: String,
    /// Who made the change.
    pub actor: String,
    /// Organisation code.
    pub organisation: String,
    /// Year of the changed entry.
    pub jaar: Option<Jaar>,
    /// Fase of the changed entry.
    pub fase: Option<Fase>,
    /// Post code of the changed entry.
    pub post: Option<String>,
    /// The entry before the change.
    pub old: Option<Record>,
    /// The entry after the change.
    pub new: Option<Record>,
    /// Why (e.g. `ingelezen uit bestand.csv`, `ongedaan maken van wijziging 12`).
    pub reason: Option<String>,
    /// The id of the change this row reverses (an undo).
    pub undoes: Option<i64>,
}

impl AuditEntry {
    /// Whether this row records the addition of an organisation rather than a change of an
    /// entry.
    pub fn is_organisation_added(&self) -> bool {
        self.post.is_none()
    }
}

/// Which audit rows [`Store::history`] returns. `Default` returns everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HistoryFilter {
    /// Only changes of this year.
    pub jaar: Option<Jaar>,
    /// Only changes of this fase.
    pub fase: Option<Fase>,
    /// Only changes of this post.
    pub post: Option<String>,
    /// At most this many rows (the newest).
    pub limit: Option<usize>,
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

/// One audit row, read back.
pub(super) fn audit_by_id(conn: &Connection, id: i64) -> Result<AuditEntry> {
    conn.query_row(
        &format!("{AUDIT_SELECT} WHERE id = ?1"),
        [id],
        AuditRow::from_row,
    )?
    .into_entry()
}

/// Logs the addition of an organisation (a row without jaar/fase/post), inside the caller's
/// transaction.
pub(super) fn log_organisation_added(
    conn: &Connection,
    moment: &str,
    actor: &str,
    code: &str,
    reason: &str,
) -> Result<()> {
    conn.execute(
        "INSERT INTO audit_log (moment, actor, organisation, kind, reason) \
         VALUES (?1, ?2, ?3, 'organisation', ?4)",
        params![moment, actor, code, reason],
    )?;
    Ok(())
}

/// One change of an entry to log.
pub(super) struct RecordChange<'a> {
    pub(super) org: &'a str,
    pub(super) jaar: Jaar,
    pub(super) fase: Fase,
    pub(super) post: &'a str,
    pub(super) old: Option<&'a Columns>,
    pub(super) new: Option<&'a Columns>,
}

/// Logs one change of an entry inside the caller's transaction; the new row's id.
pub(super) fn log_record_change(
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

impl Store {
    /// Audit rows of an organisation, newest first, optionally only of one jaar, fase and/or
    /// post, at most `limit`. With a jaar, fase or post filter the organisation additions are
    /// left out (they have none).
    pub fn history(&self, org: &OrgCode, filter: &HistoryFilter) -> Result<Vec<AuditEntry>> {
        let tx = self.read_tx()?;
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

    /// The moment of the latest change of an entry of this organisation (including undos),
    /// for "gewijzigd na indiening". Moments have whole seconds: a change in the same second
    /// as an export compares equal, not later.
    pub fn last_change_moment(&self, org: &OrgCode) -> Result<Option<String>> {
        let tx = self.read_tx()?;
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
}
