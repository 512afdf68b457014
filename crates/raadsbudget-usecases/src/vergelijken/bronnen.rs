//! The session's side of comparing: loading and removing benchmark sources, the options and
//! the comparison for the own organisation, peer lists, and writing exports.

use crate::files::{display_name, sha256_hex};
use crate::session::Session;
use crate::text::moment_for_people;
use crate::{Error, Result};
use raadsbudget_domain::vergelijking::{compare, CompareQuery, PeerOrg, PeerTable, Submission};
use raadsbudget_domain::Jaar;
use raadsbudget_formats::bundel::read::read_waarden;
use raadsbudget_formats::register;
use raadsbudget_store::{BenchmarkSource, NewSubmission};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The file of a bundle that holds its values.
const WAARDEN: &str = "waarden.csv";

/// Where `waarden.csv` is for a path given as a bundle folder or the file itself.
fn waarden_path(pad: &Path) -> PathBuf {
    if pad.is_dir() {
        pad.join(WAARDEN)
    } else {
        pad.to_path_buf()
    }
}

/// Reads the submissions of a bundle (folder or `waarden.csv`) and its sha256, with the
/// provinces of an optional register.
pub fn read_bundle(pad: &Path, register_pad: Option<&Path>) -> Result<(Vec<Submission>, String)> {
    let file = waarden_path(pad);
    let bytes = std::fs::read(&file).map_err(|e| {
        if e.kind() == std::io::ErrorKind::NotFound {
            Error::NotFound(format!(
                "{} bestaat niet; kies de uitvoermap van een bundel (met {WAARDEN}) of dat bestand zelf",
                file.display()
            ))
        } else {
            Error::io(&file, e)
        }
    })?;
    let inzendingen = read_waarden(&display_name(&file), &bytes)?;
    let provincies: BTreeMap<String, String> = match register_pad {
        None => BTreeMap::new(),
        Some(r) => {
            let rb = std::fs::read(r).map_err(|e| Error::io(r, e))?;
            register::read(&display_name(r), &rb)?
                .into_iter()
                .filter_map(|e| Some((e.code.to_string(), e.provincie?)))
                .collect()
        }
    };
    if register_pad.is_some() && provincies.is_empty() {
        return Err(Error::Invalid(format!(
            "{}: het register heeft geen kolom met de provincie (zoals provincienaam of provinciecode)",
            register_pad.map(display_name).unwrap_or_default()
        )));
    }
    let subs = inzendingen
        .into_iter()
        .map(|i| {
            let p = provincies.get(i.data.organisation.code.as_str()).cloned();
            (i.uitvraag, p, i.data)
        })
        .collect();
    Ok((subs, sha256_hex(&bytes)))
}

fn absolute(p: &Path) -> String {
    std::path::absolute(p)
        .unwrap_or_else(|_| p.to_path_buf())
        .display()
        .to_string()
}

impl Session {
    /// Loads a bundle (its output folder or `waarden.csv`) as benchmark data, all or nothing,
    /// with the provinces of an optional register; the source as recorded.
    pub fn load_source(
        &mut self,
        pad: &Path,
        register_pad: Option<&Path>,
    ) -> Result<BenchmarkSource> {
        if pad.as_os_str().is_empty() {
            return Err(Error::Invalid(
                "kies de uitvoermap van een bundel of haar waarden.csv".into(),
            ));
        }
        let (subs, sha) = read_bundle(pad, register_pad)?;
        let actor = self.actor()?;
        let new: Vec<NewSubmission<'_>> = subs
            .iter()
            .map(|(u, p, d)| NewSubmission {
                uitvraag: *u,
                provincie: p.as_deref(),
                data: d,
            })
            .collect();
        self.forget_peers();
        let id = self.store_mut().add_benchmark_source(
            &absolute(pad),
            &sha,
            &actor,
            register_pad.map(absolute).as_deref(),
            &new,
        )?;
        self.store()
            .benchmark_sources()?
            .into_iter()
            .find(|s| s.id == id)
            .ok_or_else(|| Error::NotFound(format!("bron {id} is niet gevonden")))
    }

    /// The loaded sources, oldest first.
    pub fn sources(&self) -> Result<Vec<BenchmarkSource>> {
        Ok(self.store().benchmark_sources()?)
    }

    /// Removes a loaded source.
    pub fn remove_source(&mut self, id: i64) -> Result<()> {
        self.forget_peers();
        if !self.store_mut().remove_benchmark_source(id)? {
            return Err(Error::NotFound(format!("bron {id} is niet (meer) geladen")));
        }
        Ok(())
    }

    /// The own organisation's kengetallen over the table's blocks, from the store.
    pub fn own_peer(&self, organisatie: &str, table: &PeerTable) -> Result<PeerOrg> {
        let org = self.organisation(organisatie)?;
        let data = self.store().dataset(&org.code)?;
        let provincie = table
            .org(org.code.as_str())
            .and_then(|o| o.provincie.clone());
        Ok(PeerOrg::from_own(&data, provincie, table.blocks()))
    }

    /// The kengetallen of the loaded data, refusing when nothing is loaded.
    pub fn loaded_peer_table(&self) -> Result<Arc<PeerTable>> {
        let table = self.peer_table()?;
        if table.is_empty() {
            return Err(Error::NotFound(
                "er zijn nog geen benchmarkgegevens geladen; laad eerst een bundel".into(),
            ));
        }
        Ok(table)
    }

    /// Writes the comparison table of a query as CSV to `path`.
    pub fn export_comparison(&self, req: &CompareQuery, path: &Path) -> Result<PathBuf> {
        let table = self.loaded_peer_table()?;
        let own = self.own_peer(&req.organisatie, &table)?;
        let v = compare(&table, &own, req)?;
        let mut bytes = Vec::new();
        super::csv::write(&v, &mut bytes).map_err(|e| Error::io(path, e))?;
        write_file(path, &bytes)
    }

    /// Saved peer lists: name and codes.
    pub fn peer_lists(&self) -> Result<Vec<(String, Vec<String>)>> {
        Ok(self.store().peer_lists()?)
    }

    /// Saves a hand-picked list (each code checked).
    pub fn save_peer_list(&mut self, naam: &str, codes: &[String]) -> Result<()> {
        for c in codes {
            raadsbudget_domain::OrgCode::parse(c.trim())?;
        }
        Ok(self.store_mut().save_peer_list(naam, codes)?)
    }

    /// Removes a saved list.
    pub fn remove_peer_list(&mut self, naam: &str) -> Result<()> {
        if !self.store_mut().remove_peer_list(naam)? {
            return Err(Error::NotFound(format!(
                "er is geen opgeslagen groep '{}'",
                naam.trim()
            )));
        }
        Ok(())
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
