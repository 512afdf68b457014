//! Backups of the store: writing a consistent copy, and restoring one after saving the current
//! content.

use crate::session::Session;
use crate::{Error, Result};
use std::path::{Path, PathBuf};

impl Session {
    /// Writes a consistent copy of the store to `dest` (which must not exist yet).
    pub fn backup(&self, dest: &Path) -> Result<()> {
        if dest.exists() {
            return Err(Error::Invalid(format!(
                "{} bestaat al; kies een nieuwe bestandsnaam voor de back-up",
                dest.display()
            )));
        }
        Ok(self.store().backup_to(dest)?)
    }

    /// Restores the store from a backup, returning where the current content was saved.
    ///
    /// In this order: the backup is checked and staged (a refused backup changes nothing and
    /// leaves no file behind); then the current content is saved next to the store as
    /// `raadsbudget-voor-terugzetten-<moment>.sqlite`; then the staged content replaces it. If
    /// that last step fails, the saved copy stays and the error says where it is
    /// ([`Error::RestoreFailed`]).
    pub fn restore(&mut self, src: &Path) -> Result<PathBuf> {
        if !src.is_file() {
            return Err(Error::NotFound(format!(
                "back-upbestand {} bestaat niet",
                src.display()
            )));
        }
        let dir = self
            .path()
            .and_then(Path::parent)
            .ok_or_else(|| Error::Invalid("deze database staat niet in een bestand".into()))?
            .to_path_buf();
        let staged = self.store().prepare_restore(src)?;
        let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%SZ");
        let safety = dir.join(format!("raadsbudget-voor-terugzetten-{stamp}.sqlite"));
        self.backup(&safety)?;
        self.forget_peers();
        let restored = self.store_mut().apply_restore(staged);
        self.forget_peers();
        restored.map_err(|source| Error::RestoreFailed {
            kept: safety.clone(),
            source,
        })?;
        Ok(safety)
    }
}
