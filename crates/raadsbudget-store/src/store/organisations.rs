//! The organisations a griffie works for: added once (with an audit row), listed, read.

use super::audit::log_organisation_added;
use super::{check_actor, now, org_exists, Store};
use crate::{Result, StoreError};
use raadsbudget_domain::{OrgCode, OrgType, Organisation};
use rusqlite::{params, Connection, OptionalExtension};

/// One organisation, if present.
pub(super) fn read_org(conn: &Connection, code: &str) -> Result<Option<Organisation>> {
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

impl Store {
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
        log_organisation_added(
            &tx,
            &moment,
            actor,
            code,
            &format!("organisatie toegevoegd: {code} {} ({kind})", org.naam),
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
}
