//! The organisations in the store: adding one (code and name checked, or the name from the
//! built-in register) and looking them up.

use crate::session::Session;
use crate::{Error, Result};
use raadsbudget_domain::register;
use raadsbudget_domain::{OrgCode, OrgType, Organisation};

impl Session {
    /// Adds an organisation (code and name are checked).
    pub fn add_organisation(&mut self, code: &str, naam: &str) -> Result<Organisation> {
        let org = Organisation::new(code, naam)?;
        let actor = self.actor()?;
        self.store_mut().add_organisation(&org, &actor)?;
        Ok(org)
    }

    /// Adds a gemeente or provincie by its code alone, with its name from the newest
    /// built-in register ([`raadsbudget_domain::register`]).
    pub fn add_registered_organisation(&mut self, code: &str) -> Result<Organisation> {
        let parsed = OrgCode::parse(&code.trim().to_ascii_uppercase())?;
        let reg = register::newest();
        let entry = reg.get(&parsed).ok_or_else(|| {
            Error::NotFound(if parsed.org_type() == OrgType::Waterschap {
                format!("waterschappen staan niet in het ingebouwde register; geef bij {parsed} ook de naam op")
            } else {
                format!(
                    "{parsed} staat niet in het ingebouwde register ({}); controleer de code of geef ook de naam op",
                    reg.titel.to_lowercase()
                )
            })
        })?;
        let naam = entry.naam.clone();
        self.add_organisation(parsed.as_str(), &naam)
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
