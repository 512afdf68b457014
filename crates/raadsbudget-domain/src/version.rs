//! [`CatalogueVersion`]: the catalogue version a value was entered under (`2026.1`), interned.
//!
//! Every accepted value of a bundle carries its version, so a `String` per value would be one
//! allocation (and one free) per value for the same handful of texts. An interned version is a
//! `Copy` pointer to a text that lives as long as the process.
//!
//! Invariant: the set of interned texts stays small. It is only ever fed catalogue versions
//! (embedded or added) and the versions stored in the user's own database, never a text taken
//! from a participant's file before that file's version was found in the catalogues.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::sync::Mutex;

/// An interned catalogue version such as `2026.1`. Compares, orders and hashes as its text.
#[derive(Clone, Copy, Default)]
pub struct CatalogueVersion(&'static str);

/// The interned texts. Few (see the module invariant), so a list is the right map.
static INTERNED: Mutex<Vec<&'static str>> = Mutex::new(Vec::new());

impl CatalogueVersion {
    /// The interned version for `text`; the text is stored once per process.
    pub fn new(text: &str) -> CatalogueVersion {
        if text.is_empty() {
            return CatalogueVersion("");
        }
        // A poisoned lock only means another thread panicked while pushing; the list itself is
        // always valid, so keep using it.
        let mut interned = INTERNED
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(&known) = interned.iter().find(|&&k| k == text) {
            return CatalogueVersion(known);
        }
        let leaked: &'static str = Box::leak(text.to_owned().into_boxed_str());
        interned.push(leaked);
        CatalogueVersion(leaked)
    }

    /// The version as text.
    pub fn as_str(&self) -> &'static str {
        self.0
    }

    /// Whether no version is set (only a default value).
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl PartialEq for CatalogueVersion {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.0, other.0) || self.0 == other.0
    }
}

impl Eq for CatalogueVersion {}

impl PartialOrd for CatalogueVersion {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for CatalogueVersion {
    fn cmp(&self, other: &Self) -> Ordering {
        self.0.cmp(other.0)
    }
}

impl Hash for CatalogueVersion {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.0.hash(state);
    }
}

impl PartialEq<str> for CatalogueVersion {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for CatalogueVersion {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl PartialEq<String> for CatalogueVersion {
    fn eq(&self, other: &String) -> bool {
        self.0 == other.as_str()
    }
}

impl From<&str> for CatalogueVersion {
    fn from(text: &str) -> CatalogueVersion {
        CatalogueVersion::new(text)
    }
}

impl From<&String> for CatalogueVersion {
    fn from(text: &String) -> CatalogueVersion {
        CatalogueVersion::new(text)
    }
}

impl AsRef<str> for CatalogueVersion {
    fn as_ref(&self) -> &str {
        self.0
    }
}

impl fmt::Display for CatalogueVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

impl fmt::Debug for CatalogueVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.0, f)
    }
}

impl Serialize for CatalogueVersion {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.0)
    }
}

impl<'de> Deserialize<'de> for CatalogueVersion {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<CatalogueVersion, D::Error> {
        let text = String::deserialize(d)?;
        Ok(CatalogueVersion::new(&text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_text_is_one_pointer_and_compares_as_text() {
        let a = CatalogueVersion::new("2026.1");
        let b = CatalogueVersion::new(&String::from("2026.1"));
        assert!(std::ptr::eq(a.as_str(), b.as_str()));
        assert_eq!(a, b);
        assert_eq!(a, "2026.1");
        assert_ne!(a, CatalogueVersion::new("2027.1"));
        assert!(a < CatalogueVersion::new("2027.1"));
        assert_eq!(a.to_string(), "2026.1");
        assert_eq!(format!("{a:?}"), "\"2026.1\"");
        assert!(CatalogueVersion::default().is_empty());
    }
}
