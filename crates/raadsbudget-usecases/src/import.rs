//! Importing a benchmark file into the store.

use crate::export::moment_text;
use crate::files::{display_name, modified, sha256_hex};
use crate::session::Session;
use crate::{Error, Result};
use raadsbudget_domain::{Entry, Fase, Finding, Jaar, Organisation, Reason, Record};
use raadsbudget_formats::invulbestand;
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

/// One entry an import changes: its old state in the store (none when it is new) and the new.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportChange {
    /// The year.
    pub jaar: Jaar,
    /// The fase.
    pub fase: Fase,
    /// The post code.
    pub post: String,
    /// What the store holds now.
    pub old: Option<Record>,
    /// What the file holds.
    pub new: Record,
}

/// What an import would do, before anything is stored ([`Session::import_preview`]).
#[derive(Debug, Clone, PartialEq)]
pub struct ImportPreview {
    /// The organisation of the file.
    pub organisation: Organisation,
    /// Whether the organisation is not yet in this store.
    pub new_organisation: bool,
    /// Uitvraagjaar of the file.
    pub uitvraag: Jaar,
    /// Revisie of the file.
    pub revisie: u32,
    /// The entries that would change, in `(jaar, fase, post)` order.
    pub changes: Vec<ImportChange>,
    /// Entries that are already the same.
    pub unchanged: usize,
    /// `onbekend` entries of the file not taken over because the store already has a value.
    pub kept: usize,
    /// Warnings and signals of the file.
    pub findings: Vec<Finding>,
    /// sha256 over the file as read and the changes it makes against the store as it is now,
    /// so that saving can insist on storing exactly what was shown
    /// ([`Session::import_expecting`]).
    pub fingerprint: String,
}

/// A file read and compared with the store: what importing it would change.
struct Plan {
    preview: ImportPreview,
    meta: raadsbudget_formats::FileMeta,
    workbook: bool,
    bytes: Vec<u8>,
}

impl Session {
    /// What importing the benchmark file or filled invulbestand at `path` would change, with
    /// the same checks as `controleer`; nothing is stored. A file with errors is an error, as
    /// for [`Session::import`].
    pub fn import_preview(&self, path: &Path) -> Result<ImportPreview> {
        Ok(self.plan(path)?.preview)
    }

    fn plan(&self, path: &Path) -> Result<Plan> {
        let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
        let name = display_name(path);
        let workbook = invulbestand::is_workbook(&name, &bytes);
        let outcome = raadsbudget_formats::read_submission(&name, &bytes, modified(path));
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
        let existing = self.store().organisation(&org.code)?;
        let current = match &existing {
            Some(_) => self.store().dataset(&org.code)?,
            None => raadsbudget_domain::Dataset::new(org.clone()),
        };
        let mut changes = Vec::new();
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
                changes.push(ImportChange {
                    jaar,
                    fase,
                    post: post.to_string(),
                    old: old.cloned(),
                    new: record.clone(),
                });
            }
        }
        let fingerprint = fingerprint(&bytes, &changes);
        Ok(Plan {
            preview: ImportPreview {
                new_organisation: existing.is_none(),
                organisation: existing.unwrap_or(org),
                uitvraag: file.meta.uitvraag,
                revisie: file.meta.revisie,
                changes,
                unchanged,
                kept,
                findings: outcome.findings,
                fingerprint,
            },
            meta: file.meta,
            workbook,
            bytes,
        })
    }

    /// Reads a benchmark file or a filled invulbestand into the store, with the same checks as
    /// `controleer`. A file with errors is refused and nothing is stored. All entries of the
    /// file are written in one transaction, one audit row per changed entry (each can be
    /// undone); an `onbekend` in the file never replaces a value already in the store. A
    /// benchmark file is recorded as a submitted export of its uitvraag; an invulbestand is not
    /// (it is a form someone filled in, not what was sent to BZK).
    pub fn import(&mut self, path: &Path) -> Result<ImportOutcome> {
        self.import_expecting(path, None)
    }

    /// [`Session::import`], refused when the preview's fingerprint is no longer `expected`: the
    /// file was saved again, or the store changed, after the preview was shown. What is stored
    /// is what was shown.
    pub fn import_expecting(
        &mut self,
        path: &Path,
        expected: Option<&str>,
    ) -> Result<ImportOutcome> {
        let Plan {
            preview,
            meta,
            workbook,
            bytes,
        } = self.plan(path)?;
        if expected.is_some_and(|e| e != preview.fingerprint) {
            return Err(Error::Invalid(format!(
                "{} of de gegevens zijn veranderd sinds u het bestand bekeek; er is niets opgeslagen. Bekijk het opnieuw en sla dan op",
                path.display()
            )));
        }
        let actor = self.actor()?;
        if preview.new_organisation {
            self.store_mut()
                .add_organisation(&meta.organisation, &actor)?;
        }
        let org = &meta.organisation;
        let changes: Vec<(Jaar, Fase, String, Option<Record>)> = preview
            .changes
            .iter()
            .map(|c| (c.jaar, c.fase, c.post.clone(), Some(c.new.clone())))
            .collect();
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| path.display().to_string());
        let reason = import_reason(&name);
        self.store_mut()
            .set_records(&org.code, &changes, &actor, Some(&reason))?;
        let known = self.store().exports(&org.code, meta.uitvraag)?;
        if !workbook
            && !known
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
            organisation: preview.organisation,
            created: preview.new_organisation,
            uitvraag: meta.uitvraag,
            revisie: meta.revisie,
            changed: changes.len(),
            unchanged: preview.unchanged,
            kept: preview.kept,
            findings: preview.findings,
        })
    }
}

/// sha256 over a file's bytes and the changes it makes (each entry's old and new columns).
fn fingerprint(bytes: &[u8], changes: &[ImportChange]) -> String {
    let mut all = bytes.to_vec();
    for c in changes {
        let old = c.old.as_ref().map(|r| r.entry.to_columns());
        let line = format!(
            "\n{} {} {} {:?} {:?} {:?} {:?}",
            c.jaar,
            c.fase.as_str(),
            c.post,
            old,
            c.old.as_ref().map(|r| &r.toelichting),
            c.new.entry.to_columns(),
            c.new.toelichting
        );
        all.extend_from_slice(line.as_bytes());
    }
    sha256_hex(&all)
}
