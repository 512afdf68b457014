//! The shared catalogue of definitions (`assets/definities/<versie>.toml`), embedded at build
//! time or added at run time, and checked when it is loaded.
//!
//! A later catalogue version is a new file with its `[[wijziging]]` mapping from the version
//! before ([`change`]); old versions stay loadable so that a value always keeps the rules it
//! was entered under. [`registry`] holds the versions this process knows.

pub mod change;
pub mod registry;

pub use change::{Change, ChangeKind};
pub use registry::{Added, Addition};

use crate::fase::Fase;
use crate::organisation::OrgType;
pub use crate::value::Unit;
use crate::version::CatalogueVersion;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// The category code of the kenmerken.
pub const KENMERKEN: &str = "KEN";

/// Post codes the rules refer to by name.
pub mod posts {
    /// Inhabitants on 1 January.
    pub const INWONERS: &str = "KEN.INWONERS";
    /// Seats on 1 January.
    pub const ZETELS: &str = "KEN.ZETELS";
    /// Fracties on 1 January.
    pub const FRACTIES: &str = "KEN.FRACTIES";
    /// Total lasten of the adopted begroting.
    pub const TOTALE_LASTEN: &str = "KEN.TOTALE_LASTEN";
    /// Form of the rekenkamer.
    pub const REKENKAMERVORM: &str = "KEN.REKENKAMERVORM";
    /// Participants of a shared rekenkamer.
    pub const GR_DEELNEMERS: &str = "KEN.GR_DEELNEMERS";
    /// Contribution to a shared rekenkamer.
    pub const RKK_BIJDRAGE_GR: &str = "RKK.BIJDRAGE_GR";
    /// Rekenkamervorm code for a shared rekenkamer.
    pub const VORM_GEMEENSCHAPPELIJK: &str = "gemeenschappelijk";
}

/// Whether a post must be filled for an organisation type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Requirement {
    /// Always required.
    Ja,
    /// Never required.
    Nee,
    /// Required when `KEN.REKENKAMERVORM` is `gemeenschappelijk`.
    Gemeenschappelijk,
}

/// Requirement per organisation type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Required {
    /// For gemeenten.
    pub gemeente: Requirement,
    /// For provincies.
    pub provincie: Requirement,
    /// For waterschappen.
    pub waterschap: Requirement,
}

impl Required {
    /// The requirement for one organisation type.
    pub fn for_type(&self, t: OrgType) -> Requirement {
        match t {
            OrgType::Gemeente => self.gemeente,
            OrgType::Provincie => self.provincie,
            OrgType::Waterschap => self.waterschap,
        }
    }
}

/// One allowed code of a post with unit `code`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CodeOption {
    /// The code as written in files.
    pub code: String,
    /// Dutch label.
    pub label: String,
}

/// A category of posts: the kenmerken or one of the four kinds of council support.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Category {
    /// `KEN`, `GRF`, `RKK`, `FRO` or `ENQ`.
    pub code: String,
    /// Dutch name.
    pub naam: String,
    /// Dutch description.
    pub omschrijving: String,
}

/// One post of the catalogue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Post {
    /// Code such as `GRF.PERSONEEL`; the part before the dot is the category.
    pub code: String,
    /// Category code.
    pub categorie: String,
    /// Short Dutch label.
    pub label: String,
    /// Dutch description of the post.
    pub omschrijving: String,
    /// Dutch: what is included.
    pub wel: String,
    /// Dutch: what is excluded and where it goes.
    pub niet: String,
    /// Unit.
    pub eenheid: Unit,
    /// Fases in which the post is asked.
    pub fases: Vec<Fase>,
    /// Whether the post counts in the category's kernbudget.
    pub kernbudget: bool,
    /// Whether the post is required, per organisation type.
    pub verplicht: Required,
    /// Allowed codes (unit `code` only).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub codes: Vec<CodeOption>,
}

impl Post {
    /// Whether the post is asked in this fase.
    pub fn has_fase(&self, fase: Fase) -> bool {
        self.fases.contains(&fase)
    }

    /// The allowed codes as text.
    pub fn code_list(&self) -> Vec<&str> {
        self.codes.iter().map(|c| c.code.as_str()).collect()
    }
}

/// A catalogue version with its categories and posts in catalogue order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalogue {
    /// Version string, e.g. `2026.1`.
    pub versie: String,
    /// Title.
    pub titel: String,
    /// The first uitvraag filled in under this version.
    pub uitvraag_vanaf: crate::fase::Jaar,
    /// General rules that apply to every post (Dutch paragraphs).
    pub algemene_regels: Vec<String>,
    /// Categories in order.
    #[serde(rename = "categorie")]
    pub categories: Vec<Category>,
    /// Posts in catalogue order.
    #[serde(rename = "post")]
    pub posts: Vec<Post>,
    /// How the posts came from those of the version before (empty for the first version).
    #[serde(rename = "wijziging", default, skip_serializing_if = "Vec::is_empty")]
    pub wijzigingen: Vec<Change>,
    /// The TOML text the catalogue was read from.
    #[serde(skip)]
    source: String,
    /// Whether the catalogue ships with the app (not added at run time).
    #[serde(skip)]
    embedded: bool,
    #[serde(skip)]
    index: HashMap<String, usize, FnvBuild>,
    /// Positions of the posts in post-code order.
    #[serde(skip)]
    by_code: Vec<usize>,
    /// `versie`, interned.
    #[serde(skip)]
    version: CatalogueVersion,
}

/// FNV-1a: a fast hash for short keys such as post codes. Used for the catalogue's post index
/// (built once, keys not chosen by users) and for per-file maps while reading a benchmark file
/// (a file's keys are bounded by its size, so a collision attack costs its sender only time on
/// that one file). A post is looked up for every row of every file read.
#[derive(Debug, Clone, Copy)]
pub struct FnvHasher(u64);

/// A `BuildHasher` for [`FnvHasher`], for `HashMap::with_hasher` / `HashMap<K, V, FnvBuild>`.
pub type FnvBuild = BuildHasherDefault<FnvHasher>;

impl Default for FnvHasher {
    fn default() -> FnvHasher {
        FnvHasher(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for FnvHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// Why a catalogue file was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CatalogueError {
    /// The TOML does not match the schema.
    #[error("het definitiebestand is niet leesbaar: {message}")]
    Syntax {
        /// Version the file was embedded under.
        version: String,
        /// Parser message.
        message: String,
    },
    /// A rule of the catalogue is broken.
    #[error("definitiebestand {version}: {message}")]
    Invalid {
        /// Version.
        version: String,
        /// What is wrong.
        message: String,
    },
}

impl Catalogue {
    /// Parses and checks a catalogue from TOML text that must be of `expected_version`. The
    /// mapping is checked when the catalogue is registered after its predecessor.
    pub fn from_toml(expected_version: &str, text: &str) -> Result<Catalogue, CatalogueError> {
        let cat = Catalogue::parse(text).map_err(|e| match e {
            CatalogueError::Syntax { message, .. } => CatalogueError::Syntax {
                version: expected_version.to_string(),
                message,
            },
            other => other,
        })?;
        if cat.versie != expected_version {
            return Err(CatalogueError::Invalid {
                version: expected_version.to_string(),
                message: format!(
                    "het bestand noemt versie {}, verwacht {expected_version}",
                    cat.versie
                ),
            });
        }
        Ok(cat)
    }

    /// Parses and checks a catalogue from TOML text, of the version it names.
    pub fn parse(text: &str) -> Result<Catalogue, CatalogueError> {
        let mut cat: Catalogue = toml::from_str(text).map_err(|e| CatalogueError::Syntax {
            version: "?".to_string(),
            message: dutch_toml_error(text, &e),
        })?;
        let expected_version = cat.versie.clone();
        let invalid = |message: String| CatalogueError::Invalid {
            version: expected_version.clone(),
            message,
        };
        if registry::version_key(&cat.versie).is_none() {
            return Err(invalid(format!(
                "versie ‘{}’ heeft niet de vorm jaar.nummer, zoals 2027.1",
                cat.versie
            )));
        }
        let mut categories = HashMap::new();
        for c in &cat.categories {
            if categories.insert(c.code.as_str(), ()).is_some() {
                return Err(invalid(format!("categorie {} komt dubbel voor", c.code)));
            }
        }
        for (i, p) in cat.posts.iter().enumerate() {
            if cat.index.insert(p.code.clone(), i).is_some() {
                return Err(invalid(format!("post {} komt dubbel voor", p.code)));
            }
            if !categories.contains_key(p.categorie.as_str()) {
                return Err(invalid(format!(
                    "post {} noemt onbekende categorie {}",
                    p.code, p.categorie
                )));
            }
            if p.code.split_once('.').map(|(c, _)| c) != Some(p.categorie.as_str()) {
                return Err(invalid(format!(
                    "post {} begint niet met de code van zijn categorie {}",
                    p.code, p.categorie
                )));
            }
            if p.fases.is_empty() {
                return Err(invalid(format!("post {} heeft geen fases", p.code)));
            }
            let is_ken = p.categorie == KENMERKEN;
            if p.fases.iter().any(|f| (*f == Fase::Kenmerk) != is_ken) {
                return Err(invalid(format!(
                    "post {}: kenmerken hebben alleen fase kenmerk, andere posten alleen begroting/realisatie",
                    p.code
                )));
            }
            if (p.eenheid == Unit::Code) == p.codes.is_empty() {
                return Err(invalid(format!(
                    "post {}: alleen (en elke) post met eenheid code heeft een codelijst",
                    p.code
                )));
            }
            if p.kernbudget && (p.eenheid != Unit::Euro || is_ken) {
                return Err(invalid(format!(
                    "post {}: alleen bedragen in euro tellen mee in het kernbudget",
                    p.code
                )));
            }
            if p.label.trim().is_empty() || p.omschrijving.trim().is_empty() {
                return Err(invalid(format!(
                    "post {} heeft geen label of omschrijving",
                    p.code
                )));
            }
        }
        let mut by_code: Vec<usize> = (0..cat.posts.len()).collect();
        by_code.sort_by(|&a, &b| cat.posts[a].code.cmp(&cat.posts[b].code));
        cat.by_code = by_code;
        cat.source = text.to_string();
        Ok(cat)
    }

    /// Checks the mapping against the predecessor (`None` for the first version) and interns
    /// the version: the last step before a catalogue is registered.
    fn checked_after(mut self, prev: Option<&Catalogue>) -> Result<Catalogue, CatalogueError> {
        change::check(&self, prev).map_err(|message| CatalogueError::Invalid {
            version: self.versie.clone(),
            message,
        })?;
        self.version = CatalogueVersion::new(&self.versie);
        Ok(self)
    }

    /// The TOML text the catalogue was read from (what its sha256 is taken of).
    pub fn source(&self) -> &str {
        &self.source
    }

    /// Whether the catalogue ships with the app; `false` for one added at run time.
    pub fn is_embedded(&self) -> bool {
        self.embedded
    }

    /// The version, interned: what a [`crate::Record`] entered under this catalogue carries.
    pub fn version(&self) -> CatalogueVersion {
        self.version
    }

    /// The positions of the posts, in post-code order (the order entries are iterated in).
    pub fn positions_by_code(&self) -> &[usize] {
        &self.by_code
    }

    /// A post by code.
    pub fn post(&self, code: &str) -> Option<&Post> {
        self.index.get(code).map(|&i| &self.posts[i])
    }

    /// Position of a post in catalogue order (the file sort order).
    pub fn position(&self, code: &str) -> Option<usize> {
        self.index.get(code).copied()
    }

    /// A category by code.
    pub fn category(&self, code: &str) -> Option<&Category> {
        self.categories.iter().find(|c| c.code == code)
    }

    /// The four categories of council support (all but the kenmerken), in order.
    pub fn support_categories(&self) -> impl Iterator<Item = &Category> {
        self.categories.iter().filter(|c| c.code != KENMERKEN)
    }

    /// The posts of a category, in order.
    pub fn posts_of<'a>(&'a self, category: &'a str) -> impl Iterator<Item = &'a Post> + 'a {
        self.posts.iter().filter(move |p| p.categorie == category)
    }

    /// The posts asked in a fase, in order.
    pub fn posts_in(&self, fase: Fase) -> impl Iterator<Item = &Post> {
        self.posts.iter().filter(move |p| p.has_fase(fase))
    }
}

/// The TOML parser's (English) complaint in Dutch, with the line and column: the common cases
/// by name (a missing or unknown field, a value that is not allowed), else in general terms.
fn dutch_toml_error(text: &str, e: &toml::de::Error) -> String {
    let at = e.span().map(|span| {
        // A span is a byte offset; `get` never panics, even off a character boundary.
        let before = text.get(..span.start).unwrap_or(text);
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        format!("regel {line}, kolom {column}: ")
    });
    let message = e.message();
    let quoted = |m: &str| m.split('`').nth(1).map(str::to_string);
    let what = if message.starts_with("missing field") {
        quoted(message).map(|f| format!("het veld ‘{f}’ ontbreekt"))
    } else if message.starts_with("unknown field") {
        quoted(message).map(|f| format!("het veld ‘{f}’ hoort niet in een definitiebestand"))
    } else if message.starts_with("unknown variant") {
        quoted(message).map(|v| format!("de waarde ‘{v}’ is hier niet toegestaan"))
    } else if message.starts_with("invalid type") {
        Some(
            "deze waarde heeft niet het soort dat hier hoort (tekst, getal, lijst of tabel)"
                .to_string(),
        )
    } else {
        None
    };
    format!(
        "{}{}",
        at.unwrap_or_default(),
        what.unwrap_or_else(|| "dit is geen geldige TOML voor een definitiebestand; vergelijk het met een ingebouwd definitiebestand".to_string())
    )
}

#[cfg(test)]
mod tests;
