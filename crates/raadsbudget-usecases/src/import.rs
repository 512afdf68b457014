//! Importing a benchmark file into the store.

use crate::export::moment_text;
use crate::files::{display_name, sha256_hex};
use crate::session::Session;
use crate::{Error, Result};
use raadsbudget_domain::{Entry, Fase, Finding, Jaar, Organisation, Reason, Record};
use raadsbudget_formats::benchmark;
use raadsbudget_store::ExportRecord;
use std::path::Path;

/// What an import did.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportOutcome {
    /// The organisation of the file.
    pub organisation: Organisation,
    /// Whether the organisation was new in this store.
    pub created: bool,
    /// Uitvraagjaar of the file.
    pub uitvraag: Jaar,
    /// Revisie of the file.
    pub revisie: u32,
    /// Entries that were added or changed.
    pub changed: usize,
    /// Entries that were already the same.
    pub unchanged: usize,
    /// `onbekend` entries of the file not taken over because the store already has a value.
    pub kept: usize,
    /// Warnings and signals of the file.
    pub findings: Vec<Finding>,
}

/// The reason recorded in the audit log for the entries an import of file `name` changed.
pub(crate) fn import_reason(name: &str) -> String {
    format!("ingelezen uit {name}")
}

impl Session {
    /// Reads a benchmark file into the store, with the same checks as `controleer`. A file with
    /// errors is refused and nothing is stored. All entries of the file are written in one
    /// transaction; an `onbekend` in the file never replaces a value already in the store.
    pub fn import(&mut self, path: &Path) -> Result<ImportOutcome> {
        let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
        let outcome = benchmark::read(&display_name(path), &bytes);
        let file = match outcome.file {
            Some(file) if !outcome.findings.iter().any(Finding::is_error) => file,
            _ => {
                return Err(Error::Findings {
                    message: format!(
                        "{} is niet ingelezen: het bestand bevat fouten; er is niets opgeslagen",
                        path.display()
                    ),
                    findings: outcome.findings,
                })
            }
        };
        let org = file.meta.organisation.clone();
        let actor = self.actor()?;
        let existing = self.store().organisation(&org.code)?;
        let created = existing.is_none();
        if created {
            self.store_mut().add_organisation(&org, &actor)?;
        }
        let current = self.store().dataset(&org.code)?;
        let mut changes: Vec<(Jaar, Fase, String, Option<Record>)> = Vec::new();
        let (mut unchanged, mut kept) = (0, 0);
        for ((jaar, fase, post), record) in file.data.records() {
            let old = current.get(jaar, fase, post);
            if old == Some(record) {
                unchanged += 1;
            } else if record.entry == Entry::Reason(Reason::Onbekend)
                && old.is_some_and(|o| o.entry.value().is_some())
            {
                kept += 1;
            } else {
                changes.push((jaar, fase, post.to_string(), Some(record.clone())));
            }
        }
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| path.display().to_string());
        let reason = import_reason(&name);
        self.store_mut()
            .set_records(&org.code, &changes, &actor, Some(&reason))?;
        let meta = &file.meta;
        let known = self.store().exports(&org.code, meta.uitvraag)?;
        if !known
            .iter()
            .any(|e| e.revisie == meta.revisie && !e.concept)
        {
            self.store_mut().record_export(&ExportRecord {
                organisation: org.code.to_string(),
                uitvraag: meta.uitvraag,
                revisie: meta.revisie,
                moment: moment_text(&meta.aangemaakt_op),
                file_name: name,
                sha256: sha256_hex(&bytes),
                concept: false,
            })?;
        }
        Ok(ImportOutcome {
            organisation: existing.unwrap_or(org),
            created,
            uitvraag: meta.uitvraag,
            revisie: meta.revisie,
            changed: changes.len(),
            unchanged,
            kept,
            findings: outcome.findings,
        })
    }
}
