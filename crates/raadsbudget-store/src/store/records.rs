//! The current entry of every `(organisation, jaar, fase, post)`: set, replaced or cleared
//! with an audit row in the same transaction (many at once all or nothing), and read back one
//! at a time or as an organisation's whole [`Dataset`].

use super::audit::{log_record_change, RecordChange};
use super::organisations::read_org;
use super::{check_actor, fase_from, jaar_from, now, require_org, waar, Store};
use crate::columns::Columns;
use crate::{Result, StoreError};
use raadsbudget_domain::{Dataset, Fase, Jaar, OrgCode, Record};
use rusqlite::{params, Connection, OptionalExtension};

/// The stored columns of one entry, if any.
pub(super) fn current_columns(
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

/// Writes (or, `None`, deletes) the stored columns of one entry.
pub(super) fn write_columns(
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
        let tx = self.read_tx()?;
        require_org(&tx, org.as_str())?;
        current_columns(&tx, org.as_str(), jaar, fase, post)?
            .map(|c| c.to_record(post, &waar(org.as_str(), jaar, fase, post)))
            .transpose()
    }

    /// All entries of an organisation (all years). [`StoreError::UnknownOrganisation`] when
    /// it is not in the store; [`StoreError::Corrupt`] when a stored value does not parse.
    pub fn dataset(&self, org: &OrgCode) -> Result<Dataset> {
        let tx = self.read_tx()?;
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use raadsbudget_domain::{Entry, Organisation, Reason, Value};

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
}
