//! The history of an organisation's values (the audit log) and undoing the last change.

use crate::session::Session;
use crate::Result;
use raadsbudget_store::{AuditEntry, HistoryFilter};

impl Session {
    /// The audit log of an organisation, newest first.
    pub fn history(&self, organisation: &str, filter: &HistoryFilter) -> Result<Vec<AuditEntry>> {
        let org = self.organisation(organisation)?;
        Ok(self.store().history(&org.code, filter)?)
    }

    /// Undoes the organisation's most recent change. `None` when there is nothing to undo.
    pub fn undo(&mut self, organisation: &str) -> Result<Option<AuditEntry>> {
        let org = self.organisation(organisation)?;
        let actor = self.actor()?;
        Ok(self.store_mut().undo_last(&org.code, &actor)?)
    }
}
