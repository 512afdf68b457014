//! Catalogues of definitions added at run time (`catalogues` table, migration 3). Each is
//! registered with the domain's [`Catalogue`] registry when the store opens, so that a value
//! entered under it reads back exactly as one of an embedded version.

use super::{now, Store};
use crate::{Result, StoreError};
use raadsbudget_domain::catalogue::Catalogue;
use rusqlite::params;

/// An added catalogue as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredCatalogue {
    /// The version.
    pub versie: String,
    /// sha256 of the text, lowercase hex.
    pub sha256: String,
    /// When it was added (RFC 3339, UTC).
    pub added_at: String,
    /// Who added it.
    pub added_by: String,
}

/// Registers the catalogues added to the store at `path`, reading it without changing it
/// (read-only, no migration): for commands that use no store but must know the versions added
/// to it. A file that is not a Raadsbudget store of schema 3 or later registers nothing.
pub fn register_catalogues_of(path: &std::path::Path) -> Result<()> {
    let conn = rusqlite::Connection::open_with_flags(
        path,
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    let version = match super::check_usable(&conn, &path.display().to_string()) {
        Ok(v) => v,
        Err(_) => return Ok(()),
    };
    if version < 3 {
        return Ok(());
    }
    register(&conn)
}

fn register(conn: &rusqlite::Connection) -> Result<()> {
    let mut stmt = conn.prepare("SELECT versie, tekst FROM catalogues ORDER BY rowid")?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
    for row in rows {
        let (versie, tekst) = row?;
        if Catalogue::get(&versie).is_some_and(Catalogue::is_embedded) {
            continue;
        }
        Catalogue::add(&tekst).map_err(|e| {
            StoreError::Corrupt(format!(
                "de toegevoegde definities {versie} in deze database kunnen niet worden gelezen: {e}"
            ))
        })?;
    }
    Ok(())
}

impl Store {
    /// Registers every stored catalogue, oldest first. One whose version this build has
    /// embedded is skipped when the texts are the same; when they differ the built-in version
    /// wins (a version never changes, so the embedded text is the one BZK released), and the
    /// values entered under it keep their version.
    pub(super) fn register_catalogues(&self) -> Result<()> {
        register(&self.conn)
    }

    /// Stores an added catalogue (already checked and registered by the caller). The same
    /// version with the same text is a no-op; with another text it is refused.
    pub fn save_catalogue(&mut self, cat: &Catalogue, sha256: &str, actor: &str) -> Result<bool> {
        super::check_actor(actor)?;
        let tx = self.write_tx()?;
        let known: Option<String> = rusqlite::OptionalExtension::optional(tx.query_row(
            "SELECT sha256 FROM catalogues WHERE versie = ?1",
            [&cat.versie],
            |r| r.get(0),
        ))?;
        match known {
            Some(s) if s == sha256 => return Ok(false),
            Some(s) => {
                return Err(StoreError::Invalid(format!(
                    "deze database heeft al definities {} met een andere inhoud (sha256 {s})",
                    cat.versie
                )))
            }
            None => {}
        }
        tx.execute(
            "INSERT INTO catalogues (versie, sha256, tekst, added_at, added_by) \
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![cat.versie, sha256, cat.source(), now(), actor],
        )?;
        tx.commit()?;
        Ok(true)
    }

    /// The added catalogues, oldest first.
    pub fn catalogues(&self) -> Result<Vec<StoredCatalogue>> {
        let mut stmt = self
            .conn
            .prepare("SELECT versie, sha256, added_at, added_by FROM catalogues ORDER BY rowid")?;
        let rows = stmt.query_map([], |r| {
            Ok(StoredCatalogue {
                versie: r.get(0)?,
                sha256: r.get(1)?,
                added_at: r.get(2)?,
                added_by: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
