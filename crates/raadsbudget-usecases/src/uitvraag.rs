//! The state of an uitvraag and the actions on it as a whole: which uitvragen an organisation
//! has, its status (leeg, concept, gecontroleerd, ingediend, gewijzigd na indiening), taking
//! over last year's entries, and a demo gemeente to try the app with. Used by the CLI and by the
//! screens alike.

use crate::export::{parse_moment, render_uitvraag};
use crate::files::sha256_hex;
use crate::import::import_reason;
use crate::session::Session;
use crate::text::count;
use crate::values::check_jaar;
use crate::{Error, Result};
use chrono::{Datelike, Utc};
use raadsbudget_demo::demo_history;
use raadsbudget_domain::fase::{jaar_is_plausible, uitvraag_blocks, JAAR_MAX, JAAR_MIN};
use raadsbudget_domain::mapping::carried_record;
use raadsbudget_domain::validation::{check_entry, validate_uitvraag};
use raadsbudget_domain::{
    Catalogue, Dataset, Fase, Finding, Jaar, Location, OrgCode, OrgType, Organisation, Record,
    Severity,
};
use raadsbudget_store::{AuditEntry, ExportRecord, HistoryFilter};
use std::collections::BTreeSet;

/// Size and seed of the demo population [`Session::add_demo_organisation`] picks from.
const DEMO_AANTAL: usize = 100;
const DEMO_SEED: u64 = 1;
/// Reason in the audit log of [`Session::copy_previous_year`].
pub const COPY_REASON: &str = "overgenomen van vorig jaar";

/// The uitvraagjaar to open by default: the current calendar year (UTC), within the accepted
/// range of years.
pub fn current_uitvraag() -> Jaar {
    Jaar::try_from(Utc::now().year())
        .unwrap_or(JAAR_MAX)
        .clamp(JAAR_MIN, JAAR_MAX)
}

/// Where an uitvraag stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UitvraagStatus {
    /// Nothing entered in the uitvraag's four blocks.
    Leeg,
    /// Entered, errors remain.
    Concept,
    /// No errors, not yet handed in.
    Gecontroleerd,
    /// Handed in (exported, final) and unchanged since.
    Ingediend {
        /// The revisie handed in last.
        revisie: u32,
    },
    /// Changed after the last final export.
    GewijzigdNaIndiening {
        /// The revisie handed in last.
        revisie: u32,
    },
}

impl UitvraagStatus {
    /// The stable code: `leeg`, `concept`, `gecontroleerd`, `ingediend` or
    /// `gewijzigd_na_indiening`.
    pub fn code(self) -> &'static str {
        match self {
            UitvraagStatus::Leeg => "leeg",
            UitvraagStatus::Concept => "concept",
            UitvraagStatus::Gecontroleerd => "gecontroleerd",
            UitvraagStatus::Ingediend { .. } => "ingediend",
            UitvraagStatus::GewijzigdNaIndiening { .. } => "gewijzigd_na_indiening",
        }
    }
}

impl std::fmt::Display for UitvraagStatus {
    /// The status as a griffier reads it: `ingediend (revisie 2)`, `gewijzigd na indiening
    /// (revisie 2)`, `concept`…
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            UitvraagStatus::Ingediend { revisie } => write!(f, "ingediend (revisie {revisie})"),
            UitvraagStatus::GewijzigdNaIndiening { revisie } => {
                write!(f, "gewijzigd na indiening (revisie {revisie})")
            }
            other => f.write_str(other.code()),
        }
    }
}

/// The state of one uitvraag of one organisation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UitvraagState {
    /// The status.
    pub status: UitvraagStatus,
    /// The last final export, if any.
    pub last_export: Option<ExportRecord>,
    /// Findings per severity.
    pub fouten: u32,
    /// Warnings.
    pub waarschuwingen: u32,
    /// Signals.
    pub signalen: u32,
}

/// Whether none of the uitvraag's four blocks has an entry.
fn uitvraag_is_empty(data: &Dataset, u: Jaar) -> bool {
    let filled = data.blocks();
    uitvraag_blocks(u).iter().all(|b| !filled.contains(b))
}

/// The uitvraag a block makes "worked on": begroting U and realisatie U−1 belong to uitvraag
/// U alone. Kenmerken are shared by two uitvragen (kenmerk U is asked in U and U+1), so they
/// list none: a complete uitvraag U would otherwise list U−1 and U+1 as well.
fn uitvraag_of((jaar, fase): (Jaar, Fase)) -> Option<Jaar> {
    match fase {
        Fase::Begroting => Some(jaar),
        Fase::Realisatie => jaar.checked_add(1),
        Fase::Kenmerk => None,
    }
}

impl Session {
    /// The uitvragen of an organisation, newest first: every uitvraag with data in its own
    /// blocks (begroting U, realisatie U−1) or with an export, always the current one, and the
    /// next one once a catalogue of definitions for it is known (its `uitvraag_vanaf`).
    pub fn uitvragen_of(&self, data: &Dataset) -> Result<Vec<Jaar>> {
        let mut years: BTreeSet<Jaar> = self
            .store()
            .exported_uitvragen(&data.organisation.code)?
            .into_iter()
            .collect();
        let current = current_uitvraag();
        years.insert(current);
        // Once the definitions of next year's uitvraag are out, it can be started.
        let next = current.saturating_add(1);
        if Catalogue::for_uitvraag(next).uitvraag_vanaf == next {
            years.insert(next);
        }
        years.extend(data.blocks().into_iter().filter_map(uitvraag_of));
        Ok(years
            .into_iter()
            .rev()
            .filter(|u| jaar_is_plausible(*u))
            .collect())
    }

    /// The state of every uitvraag of an organisation ([`Session::uitvragen_of`]), newest
    /// first, or of uitvraag `only`.
    pub fn uitvraag_states(
        &self,
        organisatie: &str,
        only: Option<Jaar>,
    ) -> Result<Vec<(Jaar, UitvraagState)>> {
        let org = self.organisation(organisatie)?;
        let data = self.store().dataset(&org.code)?;
        let years = match only {
            Some(u) => {
                check_jaar(u)?;
                vec![u]
            }
            None => self.uitvragen_of(&data)?,
        };
        years
            .into_iter()
            .map(|u| {
                let findings = validate_uitvraag(Catalogue::for_uitvraag(u), &data, u);
                Ok((u, self.uitvraag_state(&data, u, &findings)?))
            })
            .collect()
    }

    /// The state of uitvraag `u` of `data`'s organisation; `findings` are those of
    /// [`raadsbudget_domain::validation::validate_uitvraag`] over `data`.
    pub fn uitvraag_state(
        &self,
        data: &Dataset,
        u: Jaar,
        findings: &[Finding],
    ) -> Result<UitvraagState> {
        let of = |s: Severity| count(findings.iter().filter(|f| f.severity() == s).count());
        let fouten = of(Severity::Fout);
        let last = self
            .store()
            .exports(&data.organisation.code, u)?
            .into_iter()
            .rfind(|e| !e.concept);
        let status = match &last {
            Some(e) if self.changed_since(data, u, e)? => {
                UitvraagStatus::GewijzigdNaIndiening { revisie: e.revisie }
            }
            Some(e) => UitvraagStatus::Ingediend { revisie: e.revisie },
            None if uitvraag_is_empty(data, u) => UitvraagStatus::Leeg,
            None if fouten > 0 => UitvraagStatus::Concept,
            None => UitvraagStatus::Gecontroleerd,
        };
        Ok(UitvraagState {
            status,
            last_export: last,
            fouten,
            waarschuwingen: of(Severity::Waarschuwing),
            signalen: of(Severity::Signaal),
        })
    }

    /// Whether the uitvraag's data differ from what the final export `export` sent.
    ///
    /// The file is rendered again from the current data with the export's revisie and moment:
    /// the same bytes (same sha256) mean nothing changed, whatever the audit log says (a change
    /// and its undo cancel out). Otherwise the data changed after the export when the newest
    /// change of one of the uitvraag's four blocks lies in the export's second or later —
    /// moments have whole seconds, so a change in the same second as the export counts as
    /// changed (had it come before the export, the bytes would have matched) — unless that
    /// change is the import of this very file (a file re-saved by a spreadsheet has other
    /// bytes but the same data).
    fn changed_since(&self, data: &Dataset, u: Jaar, export: &ExportRecord) -> Result<bool> {
        let moment = parse_moment(&export.moment)?;
        let rendered = render_uitvraag(data, u, export.revisie, moment, false)?;
        if sha256_hex(&rendered.bytes) == export.sha256 {
            return Ok(false);
        }
        let Some(last) = self.last_block_change(&data.organisation.code, u)? else {
            return Ok(false);
        };
        if last.reason.as_deref() == Some(import_reason(&export.file_name).as_str()) {
            return Ok(false);
        }
        Ok(parse_moment(&last.moment)? >= moment)
    }

    /// The newest audit row about an entry of the uitvraag's four blocks.
    fn last_block_change(&self, code: &OrgCode, u: Jaar) -> Result<Option<AuditEntry>> {
        let mut newest: Option<AuditEntry> = None;
        for (jaar, fase) in uitvraag_blocks(u) {
            let filter = HistoryFilter {
                jaar: Some(jaar),
                fase: Some(fase),
                post: None,
                limit: Some(1),
            };
            let last = self.store().history(code, &filter)?.into_iter().next();
            if let Some(e) = last.filter(|e| newest.as_ref().is_none_or(|n| e.id > n.id)) {
                newest = Some(e);
            }
        }
        Ok(newest)
    }

    /// Fills the EMPTY fields of the uitvraag's four blocks from the same post and fase one
    /// year earlier (value or reason, with its toelichting), in one transaction with reason
    /// [`COPY_REASON`]. Never overwrites an entry. Returns how many fields were filled.
    ///
    /// Across a change of definitions the mapping decides ([`carried_record`]): a renamed post is
    /// filled from its old code, a merged one with the sum of its old posts; the parts of a
    /// split post, a post with another definition and a new post stay empty.
    pub fn copy_previous_year(&mut self, organisatie: &str, uitvraag: Jaar) -> Result<usize> {
        let org = self.organisation(organisatie)?;
        check_jaar(uitvraag)?;
        let cat = Catalogue::for_uitvraag(uitvraag);
        let data = self.store().dataset(&org.code)?;
        let mut changes: Vec<(Jaar, Fase, String, Option<Record>)> = Vec::new();
        for (jaar, fase) in uitvraag_blocks(uitvraag) {
            let Some(prev) = jaar.checked_sub(1) else {
                continue;
            };
            for post in cat.posts_in(fase) {
                if data.get(jaar, fase, &post.code).is_some() {
                    continue;
                }
                let Some(source) = carried_record(&data, prev, fase, cat, &post.code) else {
                    continue;
                };
                if check_entry(post, fase, &source.entry, Location::default()).is_some() {
                    continue;
                }
                let record = Record {
                    entry: source.entry,
                    toelichting: source.toelichting,
                    definities: cat.version(),
                };
                changes.push((jaar, fase, post.code.clone(), Some(record)));
            }
        }
        let actor = self.actor()?;
        let ids = self
            .store_mut()
            .set_records(&org.code, &changes, &actor, Some(COPY_REASON))?;
        Ok(ids.len())
    }

    /// Adds one demo gemeente (fictional, from the demo generator) with figures for the four
    /// years up to the current uitvraag: kenmerk, begroting and realisatie of U−3 … U−1, and
    /// kenmerk and begroting of U (the realisatie of the current year is not known yet). Each
    /// call adds the next demo gemeente not yet in the store.
    pub fn add_demo_organisation(&mut self) -> Result<Organisation> {
        let u = current_uitvraag();
        let candidates = demo_history(u.saturating_sub(3), u, DEMO_AANTAL, DEMO_SEED);
        for mut data in candidates {
            if data.organisation.org_type() != OrgType::Gemeente
                || self
                    .store()
                    .organisation(&data.organisation.code)?
                    .is_some()
            {
                continue;
            }
            data.retain(|(jaar, fase, _), _| !(jaar == u && fase == Fase::Realisatie));
            let actor = self.actor()?;
            self.store_demo(&data, &actor)?;
            return Ok(data.organisation);
        }
        Err(Error::Invalid(
            "alle demogemeenten staan al in deze database; er kan geen nieuwe bij".into(),
        ))
    }
}
