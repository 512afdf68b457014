//! Exporting the BZK benchmark file of an uitvraag.

use crate::files::{render, sha256_hex, TempFile};
use crate::session::Session;
use crate::values::check_jaar;
use crate::{Error, Result};
use chrono::{DateTime, SubsecRound, Utc};
use raadsbudget_domain::fase::uitvraag_blocks;
use raadsbudget_domain::mapping::in_version;
use raadsbudget_domain::validation::validate_uitvraag;
use raadsbudget_domain::{Catalogue, Dataset, Fill, Finding, Jaar, SOFTWARE};
use raadsbudget_formats::benchmark::{self, BenchmarkFile, FileMeta};
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
    /// The file was already in the folder under its final name, left by an earlier export of
    /// this revisie whose recording failed, with the same data: it was recorded as it is (its
    /// own moment and sha256), not written again.
    pub reused: bool,
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
    let cat = Catalogue::for_uitvraag(uitvraag);
    let fill = if concept {
        Fill::AllMissing
    } else {
        Fill::EmptyBlocks
    };
    // The kenmerken of U−1 may have been entered under the version before (in uitvraag U−1):
    // the file carries them under U's version, through the mapping.
    let carried = in_version(data, cat, &uitvraag_blocks(uitvraag));
    let view = carried.for_uitvraag(cat, uitvraag, fill);
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
        rows: view.len(),
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
        let findings = validate_uitvraag(Catalogue::for_uitvraag(uitvraag), &data, uitvraag);
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

    /// Writes the prepared file and records it, as one step in effect: the bytes go to a
    /// temporary name in `dir` (synced), then the export is recorded in the store, and only
    /// then does the file get its final name (never replacing a final file; a draft replaces
    /// its own `_concept.csv`). When recording fails, the temporary file is removed and nothing
    /// is left. A final file under the name that the store does not know (an earlier attempt
    /// whose recording failed) is recognised: see [`Session::adopt_leftover`].
    fn write_prepared(
        &mut self,
        prepared: PreparedExport,
        dir: &Path,
        concept: bool,
    ) -> Result<ExportOutcome> {
        let target = dir.join(&prepared.file_name);
        if !concept {
            if let Some(leftover) = read_leftover(&target)? {
                return self.adopt_leftover(prepared, target, &leftover);
            }
        }
        let mut tmp = TempFile::write(dir, &prepared.file_name, &prepared.bytes)?;
        let sha256 = sha256_hex(&prepared.bytes);
        let meta = &prepared.meta;
        // On failure the temporary file is dropped, and so removed.
        self.record(meta, &prepared.file_name, &sha256, concept)?;
        if let Err(e) = tmp.publish(&target, concept) {
            let why = if e.kind() == std::io::ErrorKind::AlreadyExists {
                "er staat inmiddels een ander bestand met die naam".to_string()
            } else {
                Error::io(&target, e).to_string()
            };
            let kept = tmp.keep();
            return Err(Error::Invalid(format!(
                "{} {} van uitvraag {} is vastgelegd in de database, maar het bestand kon niet de naam {} krijgen ({why}). Het volledige bestand staat in {}: geef het zelf de naam {} voordat je het gebruikt.",
                if concept { "het concept van revisie" } else { "benchmarkbestand revisie" },
                meta.revisie,
                meta.uitvraag,
                target.display(),
                kept.display(),
                prepared.file_name
            )));
        }
        Ok(ExportOutcome {
            path: target,
            revisie: meta.revisie,
            sha256,
            concept,
            reused: false,
            findings: prepared.findings,
        })
    }

    fn record(
        &mut self,
        meta: &FileMeta,
        file_name: &str,
        sha256: &str,
        concept: bool,
    ) -> Result<()> {
        Ok(self.store_mut().record_export(&ExportRecord {
            organisation: meta.organisation.code.to_string(),
            uitvraag: meta.uitvraag,
            revisie: meta.revisie,
            moment: moment_text(&meta.aangemaakt_op),
            file_name: file_name.to_string(),
            sha256: sha256.to_string(),
            concept,
        })?)
    }

    /// A final file is already at `target`, although the store has no export of this revisie:
    /// an earlier export whose recording failed (or a file from elsewhere). When it holds what
    /// this export would hold — the same organisation (code and name), definities, uitvraag,
    /// revisie and records; its `aangemaakt_op` and `software` may differ — it is recorded as
    /// it is, with its own moment and sha256, and reported as the export; the file is not
    /// touched. Anything else is refused with a message that names the file; nothing is
    /// written or recorded.
    fn adopt_leftover(
        &mut self,
        prepared: PreparedExport,
        target: PathBuf,
        leftover: &[u8],
    ) -> Result<ExportOutcome> {
        let name = target.display().to_string();
        let meta = &prepared.meta;
        let refuse = |why: &str| {
            Error::Invalid(format!(
                "{name} bestaat al, maar staat in deze database niet als ingediende revisie {} van uitvraag {}, en het is niet het bestand dat revisie {} nu zou worden: {why}. Verplaats dat bestand naar een andere map (of verwijder het, als het nooit is verstuurd) en exporteer opnieuw; er is niets geschreven of vastgelegd.",
                meta.revisie, meta.uitvraag, meta.revisie
            ))
        };
        let theirs = benchmark::read(&name, leftover);
        let readable = !theirs.has_errors();
        let file = match (theirs.file, benchmark::read(&name, &prepared.bytes).file) {
            (Some(file), Some(ours)) if readable => match difference(&file, &ours) {
                None => file,
                Some(why) => return Err(refuse(&why)),
            },
            _ => return Err(refuse("het is geen leesbaar benchmarkbestand")),
        };
        let sha256 = sha256_hex(leftover);
        self.record(&file.meta, &prepared.file_name, &sha256, false)?;
        Ok(ExportOutcome {
            path: target,
            revisie: meta.revisie,
            sha256,
            concept: false,
            reused: true,
            findings: prepared.findings,
        })
    }
}

/// The bytes of the file at `target` when there is one (`None` when the name is free). A
/// folder, or a file too large to be a benchmark file, gives bytes that no reader accepts.
fn read_leftover(target: &Path) -> Result<Option<Vec<u8>>> {
    match target.symlink_metadata() {
        Ok(m) if m.is_dir() => return Ok(Some(Vec::new())),
        Ok(_) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(Error::io(target, e)),
    }
    let file = std::fs::File::open(target).map_err(|e| Error::io(target, e))?;
    let bytes = benchmark::read_limited(file, benchmark::MAX_FILE_BYTES, 16 * 1024)
        .map_err(|e| Error::io(target, e))?;
    Ok(Some(bytes.unwrap_or_default()))
}

/// How the file `theirs` differs from `ours` (what this export would write), in Dutch; `None`
/// when it holds the same: organisation, definities, uitvraag, revisie and records (the moment
/// and the software that wrote it do not count).
fn difference(theirs: &BenchmarkFile, ours: &BenchmarkFile) -> Option<String> {
    let (t, o) = (&theirs.meta, &ours.meta);
    if t.organisation != o.organisation {
        Some(format!(
            "het is van {} {}, niet van {} {}",
            t.organisation.code, t.organisation.naam, o.organisation.code, o.organisation.naam
        ))
    } else if t.uitvraag != o.uitvraag {
        Some(format!("het is voor uitvraag {}", t.uitvraag))
    } else if t.revisie != o.revisie {
        Some(format!("het heeft revisie {}", t.revisie))
    } else if t.definities != o.definities {
        Some(format!("het gebruikt definities {}", t.definities))
    } else if !theirs.data.records().eq(ours.data.records()) {
        Some("de waarden erin verschillen van de waarden in deze database".to_string())
    } else {
        None
    }
}
