//! The benchmark files written (or read in) per uitvraag: revisie numbers, sha256 and whether
//! a file was a draft; a final revisie is recorded once.

use super::{jaar_from, require_org, Store};
use crate::{Result, StoreError};
use raadsbudget_domain::{Jaar, OrgCode};
use rusqlite::{params, OptionalExtension};
use serde::Serialize;

/// A benchmark file written (or read in) for an uitvraag.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExportRecord {
    /// Organisation code.
    pub organisation: String,
    /// Uitvraag year.
    pub uitvraag: Jaar,
    /// Revisie number; unique per organisation and uitvraag unless `concept`.
    pub revisie: u32,
    /// When, RFC 3339 (`2026-03-01T09:30:00Z`).
    pub moment: String,
    /// File name (without folder).
    pub file_name: String,
    /// SHA-256 of the file's bytes, 64 lowercase hex digits.
    pub sha256: String,
    /// Whether this was a draft (`_concept`) file.
    pub concept: bool,
}

impl Store {
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
        let tx = self.read_tx()?;
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
        let tx = self.read_tx()?;
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
        let tx = self.read_tx()?;
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
}
