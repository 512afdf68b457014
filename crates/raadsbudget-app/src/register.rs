//! The start screen's register: finding a gemeente or provincie in the built-in CBS register
//! by part of its name or code, and adding the chosen one with the register's name.

use crate::screens::organisation_view;
use crate::views::{OrganisationView, RegisterHit, RegisterSearch};
use raadsbudget_domain::register;
use raadsbudget_usecases::text::count;
use raadsbudget_usecases::{Result, Session};
use std::collections::BTreeSet;

/// At most this many matches are shown; typing more narrows them down.
pub const MAX_HITS: usize = 12;

/// The organisations of the newest built-in register matching `tekst` (name or code, case,
/// accents and punctuation ignored), best first, each marked when it is already in the store.
pub fn search(s: &Session, tekst: &str) -> Result<RegisterSearch> {
    let reg = register::newest();
    let stored: BTreeSet<String> = s
        .organisations()?
        .into_iter()
        .map(|o| o.code.to_string())
        .collect();
    let all = reg.search(tekst, usize::MAX);
    let treffers = all
        .iter()
        .take(MAX_HITS)
        .map(|e| RegisterHit {
            code: e.code.to_string(),
            naam: e.naam.clone(),
            soort: e.code.org_type().into(),
            provincie: e.provincie.clone(),
            in_database: stored.contains(e.code.as_str()),
        })
        .collect();
    Ok(RegisterSearch {
        treffers,
        aantal: count(all.len()),
        bron: format!("{}. {}.", reg.titel, reg.bron),
    })
}

/// Opens an organisation chosen from the register: the stored one when it is there, else it
/// is added with the register's name.
pub fn choose(s: &mut Session, code: &str) -> Result<OrganisationView> {
    let wanted = code.trim().to_ascii_uppercase();
    if let Some(org) = s
        .organisations()?
        .into_iter()
        .find(|o| o.code.as_str() == wanted)
    {
        return Ok(organisation_view(&org));
    }
    Ok(organisation_view(&s.add_registered_organisation(&wanted)?))
}
