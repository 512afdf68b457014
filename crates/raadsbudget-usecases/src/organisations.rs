//! The organisations in the store: adding one (code and name checked) and looking them up.

use crate::session::Session;
use crate::{Error, Result};
use raadsbudget_domain::{OrgCode, Organisation};

impl Session {
    /// Adds an organisation (code and name are checked).
    pub fn add_organisation(&mut self, code: &str, naam: &str) -> Result<Organisation> {
        let org = Organisation::new(code, naam)?;
        let actor = self.actor()?;
        self.store_mut().add_organisation(&org, &actor)?;
        Ok(org)
    }

    /// All organisations in the store, sorted by code.
    pub fn organisations(&self) -> Result<Vec<Organisation>> {
        Ok(self.store().organisations()?)
    }

    /// Looks up an organisation by the code as typed.
    pub fn organisation(&self, code: &str) -> Result<Organisation> {
        let parsed = OrgCode::parse(code.trim())?;
        self.store().organisation(&parsed)?.ok_or_else(|| {
            Error::NotFound(format!(
                "organisatie {parsed} staat niet in deze database; voeg de organisatie eerst toe"
            ))
        })
    }
}
