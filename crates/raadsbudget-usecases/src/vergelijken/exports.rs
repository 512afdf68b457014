//! What leaves the Vergelijken screen as a file: the comparison table, a chart, and the
//! factsheet (one, or one per organisation of the loaded data with `raadsbudget factsheet`).

use super::sources::{read_bundle, waarden_path};
use crate::files::display_name;
use crate::session::Session;
use crate::text::moment_for_people;
use crate::{Error, Result};
use raadsbudget_domain::vergelijking::{compare, CompareQuery, PeerTable, Submission};
use raadsbudget_domain::Jaar;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

impl Session {
    /// Writes the comparison table of a query as CSV to `path`.
    pub fn export_comparison(&self, req: &CompareQuery, path: &Path) -> Result<PathBuf> {
        let table = self.loaded_peer_table()?;
        let own = self.own_peer(&req.organisatie, &table)?;
        let v = compare(&table, &own, req)?;
        let mut bytes = Vec::new();
        super::csv::write(&v, &mut bytes).map_err(|e| Error::io(path, e))?;
        write_file(path, &bytes)
    }

    /// The factsheet of an organisation for an uitvraag, compared with its default group.
    pub fn factsheet(
        &self,
        organisatie: &str,
        uitvraag: Jaar,
    ) -> Result<raadsbudget_formats::factsheet::Factsheet> {
        let table = self.loaded_peer_table()?;
        let own = self.own_peer(organisatie, &table)?;
        let sources: Vec<String> = self
            .store()
            .benchmark_sources()?
            .iter()
            .map(|s| {
                format!(
                    "{} (geladen op {})",
                    s.path,
                    moment_for_people(&s.loaded_at)
                )
            })
            .collect();
        super::factsheet::build(&table, &own, uitvraag, &sources)
    }

    /// Writes the factsheet as PDF to `path`.
    pub fn write_factsheet_pdf(
        &self,
        organisatie: &str,
        uitvraag: Jaar,
        path: &Path,
    ) -> Result<PathBuf> {
        let f = self.factsheet(organisatie, uitvraag)?;
        let mut bytes = Vec::new();
        raadsbudget_formats::factsheet::pdf::write(&f, &mut bytes)
            .map_err(|e| Error::io(path, e))?;
        write_file(path, &bytes)
    }
}

/// Writes a chart exported by the UI: exactly one of an SVG document or PNG bytes.
pub fn save_chart(path: &Path, svg: Option<&str>, png: Option<&[u8]>) -> Result<PathBuf> {
    const PNG_MAGIC: &[u8] = b"\x89PNG\r\n\x1a\n";
    let bytes: &[u8] = match (svg, png) {
        (Some(svg), None) => {
            let start = svg.trim_start();
            let start = start
                .strip_prefix("<?xml")
                .and_then(|rest| rest.split_once("?>").map(|(_, r)| r.trim_start()))
                .unwrap_or(start);
            if !start.starts_with("<svg") {
                return Err(Error::Invalid("de grafiek is geen SVG-document".into()));
            }
            svg.as_bytes()
        }
        (None, Some(png)) => {
            if !png.starts_with(PNG_MAGIC) {
                return Err(Error::Invalid("de grafiek is geen PNG-afbeelding".into()));
            }
            png
        }
        _ => {
            return Err(Error::Invalid(
                "geef de grafiek als SVG of als PNG (precies één van beide)".into(),
            ))
        }
    };
    write_file(path, bytes)
}

/// Factsheets for BZK: every (or one) organisation of the loaded bundles, written as PDF
/// (and HTML) into a folder, from bundle folders alone (no store).
#[derive(Debug)]
pub struct FactsheetRun {
    /// Bundle output folders (or their `waarden.csv`).
    pub bundels: Vec<PathBuf>,
    /// A register with provinces, if any.
    pub register: Option<PathBuf>,
    /// The output folder (created when missing).
    pub uit: PathBuf,
    /// Only this organisation.
    pub organisatie: Option<String>,
    /// The uitvraag; the newest loaded when `None`.
    pub uitvraag: Option<Jaar>,
    /// Also write the HTML next to each PDF.
    pub html: bool,
}

impl FactsheetRun {
    /// Writes the factsheets; the files written, in order.
    pub fn run(&self) -> Result<Vec<PathBuf>> {
        let mut subs: Vec<Submission> = Vec::new();
        let mut sources = Vec::new();
        let mut seen: BTreeMap<(String, Jaar), PathBuf> = BTreeMap::new();
        for b in &self.bundels {
            let (s, sha) = read_bundle(b, self.register.as_deref())?;
            for (u, _, d) in &s {
                let key = (d.organisation.code.to_string(), *u);
                if let Some(other) = seen.insert(key, b.clone()) {
                    return Err(Error::Invalid(format!(
                        "uitvraag {u} van {} staat in {} en in {}; geef elke uitvraag één keer",
                        d.organisation.code,
                        other.display(),
                        b.display()
                    )));
                }
            }
            sources.push(format!(
                "{} (sha256 {})",
                display_name(&waarden_path(b)),
                &sha[..12]
            ));
            subs.extend(s);
        }
        let table = PeerTable::build(&subs);
        let uitvraag = match self.uitvraag {
            Some(u) => u,
            None => *table
                .uitvragen()
                .last()
                .ok_or_else(|| Error::Invalid("de bundels bevatten geen begroting".into()))?,
        };
        let codes: Vec<String> = match &self.organisatie {
            Some(c) => {
                let c = c.trim().to_string();
                if !subs
                    .iter()
                    .any(|(u, _, d)| *u == uitvraag && d.organisation.code.as_str() == c)
                {
                    return Err(Error::NotFound(format!(
                        "organisatie {c} staat niet in de bundel voor uitvraag {uitvraag}"
                    )));
                }
                vec![c]
            }
            None => subs
                .iter()
                .filter(|(u, _, _)| *u == uitvraag)
                .map(|(_, _, d)| d.organisation.code.to_string())
                .collect(),
        };
        std::fs::create_dir_all(&self.uit).map_err(|e| Error::io(&self.uit, e))?;
        let mut written = Vec::new();
        for code in codes {
            let Some(own) = table.org(&code) else {
                continue;
            };
            let f = super::factsheet::build(&table, own, uitvraag, &sources)?;
            let stem = format!("factsheet_{uitvraag}_{code}");
            let mut pdf = Vec::new();
            raadsbudget_formats::factsheet::pdf::write(&f, &mut pdf)
                .map_err(|e| Error::io(&self.uit, e))?;
            written.push(crate::files::write_atomically(
                &self.uit,
                &format!("{stem}.pdf"),
                &pdf,
                true,
            )?);
            if self.html {
                let mut html = Vec::new();
                raadsbudget_formats::factsheet::html::write_document(&f, &mut html)
                    .map_err(|e| Error::io(&self.uit, e))?;
                written.push(crate::files::write_atomically(
                    &self.uit,
                    &format!("{stem}.html"),
                    &html,
                    true,
                )?);
            }
        }
        Ok(written)
    }
}

/// Writes `bytes` to `path` atomically (replacing a file that is there); the path written.
fn write_file(path: &Path, bytes: &[u8]) -> Result<PathBuf> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .ok_or_else(|| Error::Invalid(format!("{} is geen bestandsnaam", path.display())))?;
    crate::files::write_atomically(dir, name, bytes, true)
}
