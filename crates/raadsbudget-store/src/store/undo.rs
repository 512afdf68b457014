//! Undo: the latest change of an entry not yet undone is reversed by a NEW change with its
//! own audit row pointing back at it; the audit log is never edited.

use super::audit::{audit_by_id, log_record_change, AuditEntry, RecordChange};
use super::records::{current_columns, write_columns};
use super::{check_actor, fase_from, jaar_from, now, require_org, Store};
use crate::columns::{Columns, RawColumns};
use crate::{Result, StoreError};
use raadsbudget_domain::OrgCode;
use rusqlite::OptionalExtension;

impl Store {
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
}
