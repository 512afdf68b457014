//! Hand-picked peer lists, saved by name in the store.

use crate::session::Session;
use crate::{Error, Result};

impl Session {
    /// Saved peer lists: name and codes.
    pub fn peer_lists(&self) -> Result<Vec<(String, Vec<String>)>> {
        Ok(self.store().peer_lists()?)
    }

    /// Saves a hand-picked list (each code checked).
    pub fn save_peer_list(&mut self, naam: &str, codes: &[String]) -> Result<()> {
        for c in codes {
            raadsbudget_domain::OrgCode::parse(c.trim())?;
        }
        Ok(self.store_mut().save_peer_list(naam, codes)?)
    }

    /// Removes a saved list.
    pub fn remove_peer_list(&mut self, naam: &str) -> Result<()> {
        if !self.store_mut().remove_peer_list(naam)? {
            return Err(Error::NotFound(format!(
                "er is geen opgeslagen groep '{}'",
                naam.trim()
            )));
        }
        Ok(())
    }
}
