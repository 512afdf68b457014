//! The catalogues this process knows: the embedded ones, and those added at run time
//! (`raadsbudget definities toevoegen`, or loaded from the store when it opens). An added
//! catalogue is checked exactly as an embedded one and then used exactly like it.
//!
//! Invariant: catalogues live as long as the process. A catalogue is leaked once when it is
//! registered, so every `&'static Catalogue` (a dataset block's key, a record's
//! [`crate::CatalogueVersion`]) stays valid; the set is small (a version per year) and never shrinks.
//! Versions form a chain: each catalogue's predecessor is the version before it, and a
//! catalogue is only ever added after the newest one, so no chain changes once it is used.

use super::{Catalogue, CatalogueError};
use std::sync::{OnceLock, PoisonError, RwLock};

/// The catalogue files, embedded at build time: `(versie, TOML text)`, oldest first.
const EMBEDDED: &[(&str, &str)] = &[
    (
        "2026.1",
        include_str!("../../../../assets/definities/2026.1.toml"),
    ),
    (
        "2027.1",
        include_str!("../../../../assets/definities/2027.1.toml"),
    ),
];

/// Registered catalogues, oldest first.
static REGISTRY: OnceLock<RwLock<Vec<&'static Catalogue>>> = OnceLock::new();

/// Which embedded versions to load; set by [`embed_only`] before first use.
static EMBED_ONLY: OnceLock<Vec<String>> = OnceLock::new();

/// Loads only these embedded versions (a prefix of the embedded chain): how a build that did
/// not yet ship the later ones behaves. For tests and support ("what does last year's app
/// do with this file?"), called by a shell before any catalogue is used. Returns `false` (and
/// changes nothing) when the catalogues are already in use or a version is not embedded.
pub fn embed_only(versions: &[&str]) -> bool {
    if REGISTRY.get().is_some() {
        return false;
    }
    let prefix = versions
        .iter()
        .zip(EMBEDDED)
        .all(|(want, (have, _))| want == have);
    if !prefix || versions.is_empty() || versions.len() > EMBEDDED.len() {
        return false;
    }
    EMBED_ONLY
        .set(versions.iter().map(|v| v.to_string()).collect())
        .is_ok()
}

fn registry() -> &'static RwLock<Vec<&'static Catalogue>> {
    REGISTRY.get_or_init(|| {
        let only = EMBED_ONLY.get();
        let mut all: Vec<&'static Catalogue> = Vec::new();
        for (version, text) in EMBEDDED {
            if only.is_some_and(|o| !o.iter().any(|v| v == version)) {
                break;
            }
            let cat = Catalogue::from_toml(version, text)
                .and_then(|c| c.checked_after(all.last().copied()))
                .map(|mut c| {
                    c.embedded = true;
                    c
                });
            match cat {
                Ok(c) => all.push(Box::leak(Box::new(c))),
                // A build defect, not user data: a test loads every embedded catalogue, so
                // such a build never passes CI.
                Err(e) => panic!("embedded catalogue is invalid: {e}"),
            }
        }
        RwLock::new(all)
    })
}

fn read() -> std::sync::RwLockReadGuard<'static, Vec<&'static Catalogue>> {
    // The list is only ever pushed to whole; a panic elsewhere leaves it valid.
    registry().read().unwrap_or_else(PoisonError::into_inner)
}

/// What adding a catalogue did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Added {
    /// The version was new and is now known.
    New(&'static Catalogue),
    /// The version was already known with exactly this content: nothing changed.
    AlreadyKnown(&'static Catalogue),
}

impl Added {
    /// The catalogue, new or known.
    pub fn catalogue(self) -> &'static Catalogue {
        match self {
            Added::New(c) | Added::AlreadyKnown(c) => c,
        }
    }
}

impl Catalogue {
    /// Every known catalogue, oldest first.
    pub fn all() -> Vec<&'static Catalogue> {
        read().clone()
    }

    /// The newest catalogue.
    pub fn newest() -> &'static Catalogue {
        // The embedded list is a non-empty constant and `embed_only` keeps at least one. One
        // guard: a second read lock while a writer waits could deadlock.
        let all = read();
        all[all.len() - 1]
    }

    /// The catalogue uitvraag `u` is filled in under: the newest whose `uitvraag_vanaf` ≤ `u`
    /// (the oldest for an uitvraag before every catalogue).
    pub fn for_uitvraag(u: crate::fase::Jaar) -> &'static Catalogue {
        let all = read();
        all.iter()
            .rev()
            .find(|c| c.uitvraag_vanaf <= u)
            .copied()
            .unwrap_or(all[0])
    }

    /// The catalogue a value of `(jaar, fase)` is entered under: that of the uitvraag it is
    /// entered in (`uitvraag`), or else of the uitvraag the block belongs to. A kenmerk block
    /// belongs to two uitvragen (`jaar` and `jaar + 1`); without `uitvraag` it is entered
    /// under that of uitvraag `jaar`, unless only the later one asks for `post`.
    pub fn for_entry(
        jaar: crate::fase::Jaar,
        fase: crate::fase::Fase,
        post: &str,
        uitvraag: Option<crate::fase::Jaar>,
    ) -> &'static Catalogue {
        if let Some(u) = uitvraag {
            return Catalogue::for_uitvraag(u);
        }
        let first = Catalogue::for_uitvraag(crate::fase::uitvraag_of(jaar, fase));
        if fase == crate::fase::Fase::Kenmerk && first.post(post).is_none() {
            let later = Catalogue::for_uitvraag(jaar.saturating_add(1));
            if later.post(post).is_some() {
                return later;
            }
        }
        first
    }

    /// The catalogue of a version, if known.
    pub fn get(version: &str) -> Option<&'static Catalogue> {
        read().iter().find(|c| c.versie == version).copied()
    }

    /// The versions known, oldest first.
    pub fn versions() -> Vec<&'static str> {
        read().iter().map(|c| c.versie.as_str()).collect()
    }

    /// The version before this one, if any.
    pub fn predecessor(&self) -> Option<&'static Catalogue> {
        let all = read();
        let i = all.iter().position(|c| std::ptr::eq(*c, self))?;
        i.checked_sub(1).map(|p| all[p])
    }

    /// The chain of catalogues from `self` to `to` (both included), in the direction of time;
    /// empty when either is not registered.
    pub fn chain_to(&'static self, to: &'static Catalogue) -> Vec<&'static Catalogue> {
        let all = read();
        let (Some(a), Some(b)) = (
            all.iter().position(|c| std::ptr::eq(*c, self)),
            all.iter().position(|c| std::ptr::eq(*c, to)),
        ) else {
            return Vec::new();
        };
        if a <= b {
            all[a..=b].to_vec()
        } else {
            all[b..=a].iter().rev().copied().collect()
        }
    }

    /// Checks a catalogue file and registers it after the newest known version. The same
    /// version with the same text is [`Added::AlreadyKnown`]; with other text, or a version
    /// older than the newest, it is refused.
    pub fn add(text: &str) -> Result<Added, CatalogueError> {
        match Catalogue::check_addition(text)? {
            Addition::Known(c) => Ok(Added::AlreadyKnown(c)),
            Addition::New(c) => Catalogue::register(c).map(Added::New),
        }
    }

    /// Checks a catalogue file as [`Catalogue::add`] does, without registering it: so that a
    /// caller can first store it, and register it only once it is kept.
    pub fn check_addition(text: &str) -> Result<Addition, CatalogueError> {
        let parsed = Catalogue::parse(text)?;
        let all = read();
        if let Some(known) = all.iter().find(|c| c.versie == parsed.versie) {
            return if known.source == parsed.source {
                Ok(Addition::Known(known))
            } else {
                Err(CatalogueError::Invalid {
                    version: parsed.versie.clone(),
                    message: format!(
                        "versie {} bestaat al met een andere inhoud; een versie verandert nooit, een nieuwe versie krijgt een nieuw nummer",
                        parsed.versie
                    ),
                })
            };
        }
        let newest = all.last().copied();
        drop(all);
        check_position(&parsed, newest)?;
        Ok(Addition::New(Box::new(parsed.checked_after(newest)?)))
    }

    /// Registers a catalogue checked by [`Catalogue::check_addition`], after the newest known
    /// version (checked again: another one may have been added meanwhile).
    pub fn register(cat: Box<Catalogue>) -> Result<&'static Catalogue, CatalogueError> {
        let mut all = registry().write().unwrap_or_else(PoisonError::into_inner);
        if let Some(known) = all.iter().find(|c| c.versie == cat.versie) {
            return if known.source == cat.source {
                Ok(known)
            } else {
                Err(CatalogueError::Invalid {
                    version: cat.versie.clone(),
                    message: format!("versie {} bestaat al met een andere inhoud", cat.versie),
                })
            };
        }
        let newest = all.last().copied();
        check_position(&cat, newest)?;
        let cat = (*cat).checked_after(newest)?;
        let cat: &'static Catalogue = Box::leak(Box::new(cat));
        all.push(cat);
        Ok(cat)
    }
}

/// A checked catalogue file: a version already known with the same text, or a new one.
#[derive(Debug)]
pub enum Addition {
    /// Known with exactly this text.
    Known(&'static Catalogue),
    /// New, checked, not yet registered.
    New(Box<Catalogue>),
}

/// Refuses a version that is not newer than the newest known one.
fn check_position(cat: &Catalogue, newest: Option<&Catalogue>) -> Result<(), CatalogueError> {
    match newest {
        Some(n) if version_key(&cat.versie) <= version_key(&n.versie) => {
            Err(CatalogueError::Invalid {
                version: cat.versie.clone(),
                message: format!(
                    "versie {} is ouder dan de nieuwste bekende versie {}; alleen een nieuwere versie kan worden toegevoegd",
                    cat.versie, n.versie
                ),
            })
        }
        _ => Ok(()),
    }
}

/// A version `JJJJ.N` as numbers, for ordering (`2026.10` after `2026.9`).
pub(super) fn version_key(version: &str) -> Option<(u32, u32)> {
    let (year, minor) = version.split_once('.')?;
    let all_digits =
        |s: &str| !s.is_empty() && s.len() <= 6 && s.bytes().all(|b| b.is_ascii_digit());
    if year.len() != 4 || !all_digits(year) || !all_digits(minor) {
        return None;
    }
    Some((year.parse().ok()?, minor.parse().ok()?))
}
