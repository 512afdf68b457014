//! The session's side of comparing: loading and removing benchmark sources, the options and
//! the comparison for the own organisation, peer lists, and writing exports.

use crate::files::{display_name, sha256_hex};
use crate::session::Session;
use crate::{Error, Result};
use raadsbudget_domain::vergelijking::{PeerOrg, PeerTable, Submission};
use raadsbudget_formats::bundel::read::read_waarden;
use raadsbudget_store::{BenchmarkSource, NewSubmission};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The file of a bundle that holds its values.
const WAARDEN: &str = "waarden.csv";

/// Where `waarden.csv` is for a path given as a bundle folder or the file itself.
pub(super) fn waarden_path(pad: &Path) -> PathBuf {
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
        Some(r) => crate::registers::read(r)?
            .into_iter()
            .filter_map(|e| Some((e.code.to_string(), e.provincie?)))
            .collect(),
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
            register_pad.map(crate::registers::recorded_name).as_deref(),
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
}
