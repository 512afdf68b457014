//! Benchmark data for comparing with peers (migration 2): loaded bundles, kept apart from the
//! organisation's own entries and read-only (triggers refuse any UPDATE); a source is removed
//! with everything loaded from it. And hand-picked peer lists, saved by name.

use super::{fase_from, jaar_from, now, Store};
use crate::columns::Columns;
use crate::{Result, StoreError};
use raadsbudget_domain::{Dataset, Jaar, Organisation};
use rusqlite::{params, OptionalExtension};
use serde::Serialize;
use std::collections::BTreeMap;

/// A loaded benchmark source, with counts of what it holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BenchmarkSource {
    /// Id (for removal).
    pub id: i64,
    /// Where it was loaded from.
    pub path: String,
    /// SHA-256 of the file read, 64 lowercase hex digits.
    pub sha256: String,
    /// When, RFC 3339 in UTC with seconds.
    pub loaded_at: String,
    /// Who loaded it.
    pub loaded_by: String,
    /// The register given with it, if any.
    pub register_path: Option<String>,
    /// Uitvraagjaren in it, ascending.
    pub uitvraagjaren: Vec<Jaar>,
    /// Distinct organisations.
    pub organisations: u32,
    /// Values stored.
    pub values: u32,
    /// Distinct organisations with a known province.
    pub with_province: u32,
}

/// One submission to load: an organisation's data for an uitvraag, and its province if known.
#[derive(Debug, Clone, Copy)]
pub struct NewSubmission<'a> {
    /// Uitvraagjaar.
    pub uitvraag: Jaar,
    /// Province, if known.
    pub provincie: Option<&'a str>,
    /// The organisation and its values.
    pub data: &'a Dataset,
}

/// A loaded submission, read back.
#[derive(Debug, Clone, PartialEq)]
pub struct BenchmarkSubmission {
    /// The source it came from.
    pub source: i64,
    /// Uitvraagjaar.
    pub uitvraag: Jaar,
    /// Province, if known.
    pub provincie: Option<String>,
    /// The organisation and its values.
    pub data: Dataset,
}

impl Store {
    /// Loads a source with its submissions, all or nothing. An `(uitvraag, organisation)`
    /// already loaded from another source is refused ([`StoreError::Invalid`], nothing
    /// written). Returns the new source's id.
    pub fn add_benchmark_source(
        &mut self,
        path: &str,
        sha256: &str,
        actor: &str,
        register_path: Option<&str>,
        submissions: &[NewSubmission<'_>],
    ) -> Result<i64> {
        super::check_actor(actor)?;
        let tx = self.write_tx()?;
        for s in submissions {
            let code = s.data.organisation.code.as_str();
            let other: Option<String> = tx
                .query_row(
                    "SELECT src.path FROM benchmark_submissions sub \
                     JOIN benchmark_sources src ON src.id = sub.source \
                     WHERE sub.uitvraag = ?1 AND sub.organisation = ?2",
                    params![s.uitvraag, code],
                    |r| r.get(0),
                )
                .optional()?;
            if let Some(other) = other {
                return Err(StoreError::Invalid(format!(
                    "uitvraag {} van {code} is al geladen uit {other}; verwijder die bron eerst",
                    s.uitvraag
                )));
            }
        }
        tx.execute(
            "INSERT INTO benchmark_sources (path, sha256, loaded_at, loaded_by, register_path) \
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![path, sha256, now(), actor, register_path],
        )?;
        let source = tx.last_insert_rowid();
        {
            let mut submission = tx.prepare(
                "INSERT INTO benchmark_submissions \
                 (source, organisation, naam, uitvraag, provincie, definities) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?;
            let mut value = tx.prepare(
                "INSERT INTO benchmark_values \
                 (submission, jaar, fase, post, waarde, reden, toelichting) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?;
            for s in submissions {
                let org = &s.data.organisation;
                let definities = s
                    .data
                    .records()
                    .next()
                    .map_or("", |(_, r)| r.definities.as_str());
                submission.execute(params![
                    source,
                    org.code.as_str(),
                    org.naam,
                    s.uitvraag,
                    s.provincie,
                    definities
                ])?;
                let id = tx.last_insert_rowid();
                for ((jaar, fase, post), record) in s.data.records() {
                    let waar = format!("{} {jaar} {fase} {post}", org.code);
                    if record.definities != definities {
                        return Err(StoreError::Invalid(format!(
                            "{waar}: andere definitieversie dan de rest van de inzending"
                        )));
                    }
                    let c = Columns::from_record(post, record, &waar)?;
                    value.execute(params![
                        id,
                        jaar,
                        fase.as_str(),
                        post,
                        c.waarde,
                        c.reden,
                        c.toelichting
                    ])?;
                }
            }
        }
        tx.commit()?;
        Ok(source)
    }

    /// The loaded sources, oldest first.
    pub fn benchmark_sources(&self) -> Result<Vec<BenchmarkSource>> {
        let mut stmt = self.conn.prepare(
            "SELECT src.id, src.path, src.sha256, src.loaded_at, src.loaded_by, src.register_path, \
               (SELECT group_concat(u, ',') FROM (SELECT DISTINCT uitvraag AS u \
                  FROM benchmark_submissions WHERE source = src.id ORDER BY u)), \
               (SELECT count(DISTINCT organisation) FROM benchmark_submissions \
                  WHERE source = src.id), \
               (SELECT count(*) FROM benchmark_values v JOIN benchmark_submissions s \
                  ON s.id = v.submission WHERE s.source = src.id), \
               (SELECT count(DISTINCT organisation) FROM benchmark_submissions \
                  WHERE source = src.id AND provincie IS NOT NULL) \
             FROM benchmark_sources src ORDER BY src.id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                BenchmarkSource {
                    id: r.get(0)?,
                    path: r.get(1)?,
                    sha256: r.get(2)?,
                    loaded_at: r.get(3)?,
                    loaded_by: r.get(4)?,
                    register_path: r.get(5)?,
                    uitvraagjaren: Vec::new(),
                    organisations: r.get(7)?,
                    values: r.get(8)?,
                    with_province: r.get(9)?,
                },
                r.get::<_, Option<String>>(6)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (mut source, years) = row?;
            for y in years
                .unwrap_or_default()
                .split(',')
                .filter(|y| !y.is_empty())
            {
                let jaar = y.parse::<i64>().map_err(|_| {
                    StoreError::Corrupt(format!("bron {}: ongeldig uitvraagjaar {y}", source.id))
                })?;
                source
                    .uitvraagjaren
                    .push(jaar_from(jaar, &format!("bron {}", source.id))?);
            }
            out.push(source);
        }
        Ok(out)
    }

    /// Removes a source and everything loaded from it. Whether it existed.
    pub fn remove_benchmark_source(&mut self, id: i64) -> Result<bool> {
        let tx = self.write_tx()?;
        let n = tx.execute("DELETE FROM benchmark_sources WHERE id = ?1", [id])?;
        tx.commit()?;
        Ok(n > 0)
    }

    /// Every loaded submission with its values, by uitvraag and organisation code.
    pub fn benchmark_submissions(&self) -> Result<Vec<BenchmarkSubmission>> {
        let tx = self.read_tx()?;
        let mut out: BTreeMap<i64, BenchmarkSubmission> = BTreeMap::new();
        let mut definities: BTreeMap<i64, String> = BTreeMap::new();
        {
            let mut stmt = tx.prepare(
                "SELECT id, source, organisation, naam, uitvraag, provincie, definities \
                 FROM benchmark_submissions ORDER BY uitvraag, organisation",
            )?;
            let rows = stmt.query_map([], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, i64>(4)?,
                    r.get::<_, Option<String>>(5)?,
                    r.get::<_, String>(6)?,
                ))
            })?;
            for row in rows {
                let (id, source, code, naam, uitvraag, provincie, defs) = row?;
                let waar = format!("benchmarkinzending {code} {uitvraag}");
                let organisation = Organisation::new(&code, &naam)
                    .map_err(|e| StoreError::Corrupt(format!("{waar}: {e}")))?;
                out.insert(
                    id,
                    BenchmarkSubmission {
                        source,
                        uitvraag: jaar_from(uitvraag, &waar)?,
                        provincie,
                        data: Dataset::new(organisation),
                    },
                );
                definities.insert(id, defs);
            }
        }
        {
            let mut stmt = tx.prepare(
                "SELECT submission, jaar, fase, post, waarde, reden, toelichting \
                 FROM benchmark_values",
            )?;
            let mut rows = stmt.query([])?;
            while let Some(r) = rows.next()? {
                let id: i64 = r.get(0)?;
                let (Some(sub), Some(defs)) = (out.get_mut(&id), definities.get(&id)) else {
                    continue;
                };
                let jaar: i64 = r.get(1)?;
                let fase: String = r.get(2)?;
                let post: String = r.get(3)?;
                let waar = format!(
                    "benchmark {} {jaar} {fase} {post}",
                    sub.data.organisation.code
                );
                let columns = Columns {
                    waarde: r.get(4)?,
                    reden: r.get(5)?,
                    toelichting: r.get(6)?,
                    definities: defs.clone(),
                };
                let record = columns.to_record(&post, &waar)?;
                sub.data.set(
                    jaar_from(jaar, &waar)?,
                    fase_from(&fase, &waar)?,
                    &post,
                    record,
                );
            }
        }
        Ok(out.into_values().collect())
    }

    /// Saved peer lists: name and codes, by name.
    pub fn peer_lists(&self) -> Result<Vec<(String, Vec<String>)>> {
        let mut stmt = self
            .conn
            .prepare("SELECT name, codes FROM peer_lists ORDER BY name")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
        let mut out = Vec::new();
        for row in rows {
            let (name, codes) = row?;
            let codes = codes
                .split(',')
                .filter(|c| !c.is_empty())
                .map(str::to_string)
                .collect();
            out.push((name, codes));
        }
        Ok(out)
    }

    /// Saves (or replaces) a peer list. The codes are stored sorted, without duplicates.
    pub fn save_peer_list(&mut self, name: &str, codes: &[String]) -> Result<()> {
        let name = name.trim();
        if name.is_empty() {
            return Err(StoreError::Invalid(
                "geef de vergelijkingsgroep een naam".to_string(),
            ));
        }
        let mut codes: Vec<&str> = codes.iter().map(|c| c.trim()).collect();
        codes.sort_unstable();
        codes.dedup();
        if let Some(bad) = codes.iter().find(|c| c.is_empty() || c.contains(',')) {
            return Err(StoreError::Invalid(format!(
                "'{bad}' is geen organisatiecode"
            )));
        }
        let tx = self.write_tx()?;
        tx.execute(
            "INSERT INTO peer_lists (name, codes, saved_at) VALUES (?1, ?2, ?3) \
             ON CONFLICT (name) DO UPDATE SET codes = excluded.codes, saved_at = excluded.saved_at",
            params![name, codes.join(","), now()],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Removes a saved peer list; whether it existed.
    pub fn remove_peer_list(&mut self, name: &str) -> Result<bool> {
        let tx = self.write_tx()?;
        let n = tx.execute("DELETE FROM peer_lists WHERE name = ?1", [name.trim()])?;
        tx.commit()?;
        Ok(n > 0)
    }
}
