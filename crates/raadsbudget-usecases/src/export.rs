//! Exporting the BZK benchmark file of an uitvraag.

use crate::files::{render, sha256_hex, write_atomically};
use crate::session::Session;
use crate::values::check_jaar;
use crate::{Error, Result};
use chrono::{DateTime, SubsecRound, Utc};
use raadsbudget_domain::validation::validate_uitvraag;
use raadsbudget_domain::{Catalogue, Dataset, Fill, Finding, Jaar, SOFTWARE};
use raadsbudget_formats::benchmark::{self, FileMeta};
use raadsbudget_store::ExportRecord;
use std::path::{Path, PathBuf};

/// A request to export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportRequest {
    /// Organisation code as typed.
    pub organisation: String,
    /// Uitvraagjaar.
    pub uitvraag: Jaar,
    /// Folder to write the file into.
    pub dir: PathBuf,
    /// Export moment; `None` = now.
    pub moment: Option<DateTime<Utc>>,
    /// Write a draft even when there are errors (the file name says `concept`).
    pub concept: bool,
}

/// What an export wrote.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportOutcome {
    /// The file written.
    pub path: PathBuf,
    /// Its revisie.
    pub revisie: u32,
    /// sha256 of its bytes.
    pub sha256: String,
    /// Whether it is a draft.
    pub concept: bool,
    /// All findings of the uitvraag at the moment of export (warnings and signals, and errors
    /// for a draft).
    pub findings: Vec<Finding>,
}

/// Reads an RFC 3339 moment as typed (`2026-03-01T09:30:00Z`, or with an offset), in UTC.
pub fn parse_moment(text: &str) -> Result<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text.trim())
        .map(|d| d.with_timezone(&Utc).trunc_subsecs(0))
        .map_err(|e| {
            Error::Invalid(format!(
                "'{text}' is geen geldig tijdstip volgens RFC 3339 (bijvoorbeeld 2026-03-01T09:30:00Z): {e}"
            ))
        })
}

/// A moment as written in files and the store: RFC 3339 in UTC with seconds.
pub fn moment_text(moment: &DateTime<Utc>) -> String {
    moment.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// The draft file name for a revisie: the final name with `_concept` before `.csv`.
pub fn concept_file_name(name: &str) -> String {
    match name.strip_suffix(".csv") {
        Some(stem) => format!("{stem}_concept.csv"),
        None => format!("{name}_concept"),
    }
}

/// A file prepared for export, not yet written.
#[derive(Debug, Clone, PartialEq)]
pub struct PreparedExport {
    /// Header data of the file.
    pub meta: FileMeta,
    /// File name.
    pub file_name: String,
    /// The file's bytes.
    pub bytes: Vec<u8>,
    /// Number of data rows (the header not counted).
    pub rows: usize,
    /// Findings of the uitvraag.
    pub findings: Vec<Finding>,
}

/// A benchmark file rendered from the store's data.
#[derive(Debug)]
pub(crate) struct Rendered {
    pub(crate) meta: FileMeta,
    pub(crate) bytes: Vec<u8>,
    pub(crate) rows: usize,
}

/// The benchmark file of uitvraag `uitvraag` from an organisation's data, as an export with
/// this revisie and moment writes it (a draft fills every missing required post with
/// `onbekend`, a final file only empty blocks). The one place where the file's content is
/// decided, so a preview, an export and the check "changed since the export" agree.
pub(crate) fn render_uitvraag(
    data: &Dataset,
    uitvraag: Jaar,
    revisie: u32,
    moment: DateTime<Utc>,
    concept: bool,
) -> Result<Rendered> {
    let cat = Catalogue::current();
    let fill = if concept {
        Fill::AllMissing
    } else {
        Fill::EmptyBlocks
    };
    let view = data.for_uitvraag(cat, uitvraag, fill);
    let meta = FileMeta {
        definities: cat.versie.clone(),
        uitvraag,
        organisation: data.organisation.clone(),
        revisie,
        aangemaakt_op: moment,
        software: SOFTWARE.to_string(),
    };
    let bytes = render(&meta, &view)?;
    Ok(Rendered {
        meta,
        bytes,
        rows: view.records.len(),
    })
}

impl PreparedExport {
    /// Whether the uitvraag has errors (a final export is refused).
    pub fn has_errors(&self) -> bool {
        self.findings.iter().any(Finding::is_error)
    }
}

impl Session {
    /// Prepares the benchmark file of an uitvraag without writing it: what will be sent.
    pub fn prepare_export(
        &self,
        organisation: &str,
        uitvraag: Jaar,
        moment: Option<DateTime<Utc>>,
        concept: bool,
    ) -> Result<PreparedExport> {
        let org = self.organisation(organisation)?;
        check_jaar(uitvraag)?;
        let data = self.store().dataset(&org.code)?;
        let findings = validate_uitvraag(Catalogue::current(), &data, uitvraag);
        let revisie = self.store().next_revisie(&org.code, uitvraag)?;
        let moment = moment.unwrap_or_else(|| Utc::now().trunc_subsecs(0));
        let rendered = render_uitvraag(&data, uitvraag, revisie, moment, concept)?;
        let name = benchmark::file_name(uitvraag, &org.code, revisie);
        let file_name = if concept {
            concept_file_name(&name)
        } else {
            name
        };
        Ok(PreparedExport {
            meta: rendered.meta,
            file_name,
            bytes: rendered.bytes,
            rows: rendered.rows,
            findings,
        })
    }

    /// Writes the benchmark file of an uitvraag (the next revisie) and records it. Refused while
    /// errors remain, unless a draft is asked for.
    pub fn export(&mut self, req: &ExportRequest) -> Result<ExportOutcome> {
        let prepared =
            self.prepare_export(&req.organisation, req.uitvraag, req.moment, req.concept)?;
        if prepared.has_errors() && !req.concept {
            let n = prepared.findings.iter().filter(|f| f.is_error()).count();
            return Err(Error::Findings {
                message: format!(
                    "het benchmarkbestand is niet gemaakt: er {} nog {n} {} in uitvraag {}; los ze op, of maak een concept (dat is niet bedoeld om in te dienen)",
                    if n == 1 { "is" } else { "zijn" },
                    if n == 1 { "fout" } else { "fouten" },
                    req.uitvraag
                ),
                findings: prepared.findings,
            });
        }
        self.write_prepared(prepared, &req.dir, req.concept)
    }

    fn write_prepared(
        &mut self,
        prepared: PreparedExport,
        dir: &Path,
        concept: bool,
    ) -> Result<ExportOutcome> {
        let path = write_atomically(dir, &prepared.file_name, &prepared.bytes, concept)?;
        let sha256 = sha256_hex(&prepared.bytes);
        let meta = &prepared.meta;
        self.store_mut().record_export(&ExportRecord {
            organisation: meta.organisation.code.to_string(),
            uitvraag: meta.uitvraag,
            revisie: meta.revisie,
            moment: moment_text(&meta.aangemaakt_op),
            file_name: prepared.file_name.clone(),
            sha256: sha256.clone(),
            concept,
        })?;
        Ok(ExportOutcome {
            path,
            revisie: meta.revisie,
            sha256,
            concept,
            findings: prepared.findings,
        })
    }
}
