//! Settings: named text values kept with the store.

use super::Store;
use crate::{Result, StoreError};
use rusqlite::{params, OptionalExtension};

impl Store {
    /// A setting, if set.
    pub fn setting(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()?)
    }

    /// Sets (or replaces) a setting.
    pub fn set_setting(&mut self, key: &str, value: &str) -> Result<()> {
        if key.is_empty() {
            return Err(StoreError::Invalid(
                "de naam van de instelling ontbreekt".to_string(),
            ));
        }
        let tx = self.write_tx()?;
        tx.execute(
            "INSERT INTO settings (key, value) VALUES (?1, ?2) \
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            params![key, value],
        )?;
        tx.commit()?;
        Ok(())
    }
}
