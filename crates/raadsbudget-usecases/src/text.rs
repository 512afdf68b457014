//! Small helpers for time and text at the bottom of the crate: every module (and the app layer)
//! takes them from here, so no module borrows from a sibling.

use chrono::{DateTime, Utc};
use raadsbudget_domain::kengetallen::TOTAAL;
use raadsbudget_domain::Catalogue;

/// Dutch name of [`TOTAAL`].
const TOTAAL_NAAM: &str = "Totaal raadsondersteuning";

/// `28-11-2026 14:05` (UTC) for an RFC 3339 moment; the text itself when it does not parse.
pub fn moment_for_people(moment: &str) -> String {
    DateTime::parse_from_rfc3339(moment)
        .map(|d| d.with_timezone(&Utc).format("%d-%m-%Y %H:%M").to_string())
        .unwrap_or_else(|_| moment.to_string())
}

/// A count for a view or an outcome (saturating at `u32::MAX`).
pub fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The Dutch name of a kengetal category code, or of [`TOTAAL`]; the code itself when unknown.
pub fn category_name(cat: &Catalogue, code: &str) -> String {
    if code == TOTAAL {
        return TOTAAL_NAAM.to_string();
    }
    cat.category(code)
        .map_or_else(|| code.to_string(), |c| c.naam.clone())
}

pub use raadsbudget_domain::fase::block_title;
