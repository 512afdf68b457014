//! The catalogues of definitions: which versions are known, what changed in a version, and
//! adding a newer one from a file (`definities-2027.1.md`, "Catalogues as files").

use crate::files::{io_reason, sha256_hex};
use crate::session::Session;
use crate::{Error, Result};
use raadsbudget_domain::catalogue::{Addition, Catalogue, Change};
use std::io::Read;
use std::path::Path;

/// A catalogue file is a few dozen kilobytes; anything much larger is not one.
pub const MAX_CATALOGUE_BYTES: u64 = 1024 * 1024;

/// A known version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KnownCatalogue {
    /// The version.
    pub versie: String,
    /// The first uitvraag filled in under it.
    pub uitvraag_vanaf: u16,
    /// Built into the program (else added to this store).
    pub ingebouwd: bool,
    /// sha256 of its text.
    pub sha256: String,
}

/// What a version changed against the one before.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Changes {
    /// The catalogue.
    pub catalogue: &'static Catalogue,
    /// The version before, if any.
    pub vorige: Option<&'static Catalogue>,
    /// Its changes, in the order of the file.
    pub wijzigingen: &'static [Change],
}

/// What adding a catalogue file did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AddedCatalogue {
    /// The version of the file.
    pub versie: String,
    /// sha256 of the file's text, to compare with the one BZK announced.
    pub sha256: String,
    /// Whether the version was new to the program (else it was known with the same text).
    pub nieuw: bool,
    /// Whether it was stored in this database now (else it already was, or is built in).
    pub opgeslagen: bool,
    /// The number of changes against the version before.
    pub wijzigingen: usize,
}

/// The environment variable that limits the built-in versions to a list, e.g. `2026.1`: the
/// program then behaves as a build that did not ship the later ones yet (a version can then
/// be added at run time, to test that an added catalogue behaves exactly as a built-in one,
/// or to see what last year's program makes of a file).
pub const EMBED_ENV: &str = "RAADSBUDGET_INGEBOUWDE_DEFINITIES";

/// Applies [`EMBED_ENV`] when set; called by the shells first thing. An unusable value is
/// ignored (all built-in versions stay).
pub fn embed_from_env() {
    if let Ok(list) = std::env::var(EMBED_ENV) {
        let versions: Vec<&str> = list
            .split(',')
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .collect();
        raadsbudget_domain::catalogue::registry::embed_only(&versions);
    }
}

/// A known version by name, or the newest.
pub fn catalogue(versie: Option<&str>) -> Result<&'static Catalogue> {
    match versie {
        None => Ok(Catalogue::newest()),
        Some(v) => Catalogue::get(v.trim()).ok_or_else(|| {
            Error::NotFound(format!(
                "versie {v} van de definities is onbekend; bekend: {}. Een nieuwere versie voegt u toe met ‘raadsbudget definities toevoegen BESTAND’",
                Catalogue::versions().join(", ")
            ))
        }),
    }
}

/// What changed in a version (default the newest) against the one before.
pub fn changes(versie: Option<&str>) -> Result<Changes> {
    let catalogue = catalogue(versie)?;
    Ok(Changes {
        catalogue,
        vorige: catalogue.predecessor(),
        wijzigingen: &catalogue.wijzigingen,
    })
}

/// Every known version, oldest first.
pub fn known() -> Vec<KnownCatalogue> {
    Catalogue::all()
        .into_iter()
        .map(|c| KnownCatalogue {
            versie: c.versie.clone(),
            uitvraag_vanaf: c.uitvraag_vanaf,
            ingebouwd: c.is_embedded(),
            sha256: sha256_hex(c.source().as_bytes()),
        })
        .collect()
}

/// Reads a catalogue file, refusing what is too large or not UTF-8, in Dutch.
fn read_catalogue_file(path: &Path) -> Result<String> {
    let shown = path.display();
    let file = std::fs::File::open(path)
        .map_err(|e| Error::Invalid(format!("{shown}: {}", io_reason("het bestand", &e))))?;
    let mut bytes = Vec::new();
    file.take(MAX_CATALOGUE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::Invalid(format!("{shown}: {}", io_reason("het bestand", &e))))?;
    if bytes.len() as u64 > MAX_CATALOGUE_BYTES {
        return Err(Error::Invalid(format!(
            "{shown} is groter dan 1 MB en dus geen definitiebestand"
        )));
    }
    String::from_utf8(bytes).map_err(|e| {
        Error::Invalid(format!(
            "{shown} is geen UTF-8-tekst (byte {}); een definitiebestand is een TOML-bestand in UTF-8",
            e.utf8_error().valid_up_to()
        ))
    })
}

impl Session {
    /// Adds a newer catalogue from a TOML file: checked exactly as an embedded one (its
    /// mapping against the newest known version included), registered for this program and
    /// stored in this database with its sha256. The same version with the same text is
    /// accepted again without change; with another text it is refused.
    pub fn add_catalogue(&mut self, path: &Path) -> Result<AddedCatalogue> {
        let text = read_catalogue_file(path)?;
        let sha256 = sha256_hex(text.as_bytes());
        let actor = self.actor()?;
        let refused = |e: raadsbudget_domain::catalogue::CatalogueError| {
            Error::Invalid(format!("{} is niet toegevoegd: {e}", path.display()))
        };
        // Stored first, registered only once it is kept: a version this session uses is
        // always one the database can read back after a restart.
        let (cat, nieuw, opgeslagen) = match Catalogue::check_addition(&text).map_err(refused)? {
            Addition::Known(cat) if cat.is_embedded() => (cat, false, false),
            Addition::Known(cat) => {
                let stored = self.store_mut().save_catalogue(cat, &sha256, &actor)?;
                (cat, false, stored)
            }
            Addition::New(cat) => {
                self.store_mut().save_catalogue(&cat, &sha256, &actor)?;
                (Catalogue::register(cat).map_err(refused)?, true, true)
            }
        };
        Ok(AddedCatalogue {
            versie: cat.versie.clone(),
            sha256,
            nieuw,
            opgeslagen,
            wijzigingen: cat.wijzigingen.len(),
        })
    }
}
