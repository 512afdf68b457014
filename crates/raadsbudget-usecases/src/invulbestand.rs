//! Making invulbestanden (`docs/invulbestand.md`): for one organisation from the store, for
//! every entry of a register, for every organisation of a bundle, or blank. Reading a filled
//! one back is [`crate::files::read_file`], [`Session::import`] and the bundle, which read both
//! carriers alike.

use crate::files::{write_atomically, TempFile};
use crate::session::Session;
use crate::values::check_jaar;
use crate::vergelijken::read_bundle;
use crate::{Error, Result};
use raadsbudget_domain::{Catalogue, Dataset, Jaar, Organisation};
use raadsbudget_formats::invulbestand::{self, InvulSpec};
use raadsbudget_store::durable;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// For whom invulbestanden are made without a store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InvulSource {
    /// One blank workbook: the organisation fills in its own code, name and type.
    Blank,
    /// One per entry of a register (CSV with a code and a name column): code, name and type
    /// filled in.
    Register(PathBuf),
    /// One per organisation of a bundle (its folder or `waarden.csv`), prefilled with its
    /// values of the years before.
    Bundle(PathBuf),
}

/// What to make (`raadsbudget invulbestand`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvulRequest {
    /// The uitvraagjaar.
    pub uitvraag: Jaar,
    /// For whom.
    pub source: InvulSource,
    /// The folder the workbooks go into. For a register or a bundle it must be new or empty:
    /// the workbooks are written into a hidden folder beside it that takes its place when all
    /// are written, so the folder is complete or absent.
    pub out: PathBuf,
}

/// What was made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvulOutcome {
    /// The workbooks written, in order of organisation code (one for a blank one).
    pub files: Vec<PathBuf>,
    /// The catalogue version they are made under.
    pub definities: String,
}

/// The bytes of one invulbestand.
fn render(
    uitvraag: Jaar,
    organisation: Option<&Organisation>,
    previous: Option<&Dataset>,
) -> Result<Vec<u8>> {
    let spec = InvulSpec {
        catalogue: Catalogue::for_uitvraag(uitvraag),
        uitvraag,
        organisation,
        previous,
    };
    let mut bytes = Vec::new();
    invulbestand::write(&spec, &mut bytes).map_err(|e| Error::Invalid(e.to_string()))?;
    Ok(bytes)
}

impl Session {
    /// Makes the invulbestand of one organisation of the store for uitvraag `uitvraag` in
    /// `dir`, prefilled with its stored values of the years before (read-only). An existing
    /// file of the same name is replaced only with `replace`.
    pub fn make_invulbestand(
        &self,
        organisation: &str,
        uitvraag: Jaar,
        dir: &Path,
        replace: bool,
    ) -> Result<PathBuf> {
        check_jaar(uitvraag)?;
        let org = self.organisation(organisation)?;
        let data = self.store().dataset(&org.code)?;
        let bytes = render(uitvraag, Some(&org), Some(&data))?;
        let name = invulbestand::file_name(uitvraag, Some(&org.code));
        write_atomically(dir, &name, &bytes, replace)
    }
}

/// Makes invulbestanden without a store: blank, per register entry, or per organisation of a
/// bundle.
pub fn make_invulbestanden(request: &InvulRequest) -> Result<InvulOutcome> {
    check_jaar(request.uitvraag)?;
    let definities = Catalogue::for_uitvraag(request.uitvraag).versie.clone();
    let files = match &request.source {
        InvulSource::Blank => {
            let bytes = render(request.uitvraag, None, None)?;
            let name = invulbestand::file_name(request.uitvraag, None);
            vec![write_atomically(&request.out, &name, &bytes, false)?]
        }
        InvulSource::Register(path) => {
            let entries = crate::bundel::read_register(path)?;
            let orgs: Vec<Organisation> = entries
                .into_values()
                .map(|e| Organisation {
                    code: e.code,
                    naam: e.naam,
                })
                .collect();
            write_all(request, orgs.iter().map(|o| (o, None)))?
        }
        InvulSource::Bundle(path) => {
            let (subs, _) = read_bundle(path, None)?;
            // Per organisation every year the bundle holds, so last year's value of each
            // block is there.
            let mut per_org: BTreeMap<String, Dataset> = BTreeMap::new();
            for (_, _, data) in subs {
                let code = data.organisation.code.to_string();
                match per_org.get_mut(&code) {
                    Some(all) => {
                        for ((jaar, fase, post), record) in data.records() {
                            if all.get(jaar, fase, post).is_none() {
                                all.set(jaar, fase, post, record.clone());
                            }
                        }
                    }
                    None => {
                        per_org.insert(code, data);
                    }
                }
            }
            write_all(
                request,
                per_org.values().map(|d| (&d.organisation, Some(d))),
            )?
        }
    };
    Ok(InvulOutcome { files, definities })
}

/// Writes one workbook per organisation into a hidden staging folder beside `request.out`,
/// then gives the staging folder the output's name: the folder is complete or not there.
fn write_all<'a>(
    request: &InvulRequest,
    orgs: impl Iterator<Item = (&'a Organisation, Option<&'a Dataset>)>,
) -> Result<Vec<PathBuf>> {
    let out = &request.out;
    if let Ok(mut entries) = std::fs::read_dir(out) {
        if entries.next().is_some() {
            return Err(Error::Invalid(format!(
                "{} is niet leeg; kies een nieuwe of lege map voor de invulbestanden, zodat duidelijk is welke bij deze uitvraag horen",
                out.display()
            )));
        }
    }
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&parent).map_err(|e| Error::io(&parent, e))?;
    let base = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "invulbestanden".to_string());
    let staging = tempfile::Builder::new()
        .prefix(&format!(".{base}.raadsbudget-bezig-"))
        .tempdir_in(&parent)
        .map_err(|e| Error::io(&parent, e))?;
    let mut names = Vec::new();
    for (org, previous) in orgs {
        let bytes = render(request.uitvraag, Some(org), previous)?;
        let name = invulbestand::file_name(request.uitvraag, Some(&org.code));
        let mut tmp = TempFile::write(staging.path(), &name, &bytes)?;
        let target = staging.path().join(&name);
        tmp.publish(&target, false)
            .map_err(|e| Error::io(&target, e))?;
        names.push(name);
    }
    if names.is_empty() {
        return Err(Error::Invalid(
            "er zijn geen organisaties om een invulbestand voor te maken".to_string(),
        ));
    }
    durable::sync_dir(staging.path()).map_err(|e| Error::io(staging.path(), e))?;
    // An empty output folder that already exists is replaced by the complete one.
    if out.is_dir() {
        std::fs::remove_dir(out).map_err(|e| Error::io(out, e))?;
    }
    let staged = staging.keep();
    if let Err(e) = std::fs::rename(&staged, out) {
        let _ = std::fs::remove_dir_all(&staged);
        return Err(Error::io(out, e));
    }
    durable::sync_dir(&parent).map_err(|e| Error::io(&parent, e))?;
    Ok(names.into_iter().map(|n| out.join(n)).collect())
}
