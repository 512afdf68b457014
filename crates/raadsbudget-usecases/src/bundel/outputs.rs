//! Writing a bundle's output folder: the CSV tables row by row, `datapackage.json` and (on
//! request) `bundel.xlsx`.
//!
//! The folder is replaced as a whole. Everything is written into a staging folder next to it
//! (`.<naam>.raadsbudget-nieuw-…`, `datapackage.json` last), synced, and only then swapped in:
//! the old folder is renamed aside (`.<naam>.raadsbudget-oud-…`), the staging folder takes its
//! name, and the old one is removed. So the output folder is at every moment either the old
//! complete bundle, the new complete bundle, or absent; a failure or a kill leaves the old
//! bundle untouched (a hidden staging folder at most, removed by the next run).
//!
//! `--uit` never destroys a user's files: only a folder that does not exist, is empty, or
//! holds an earlier bundle (its `datapackage.json`, and nothing but bundle files) is used;
//! anything else is refused before anything is read or written.

use super::inputs::is_bundle_output;
use super::rows::DataSpecs;
use super::{parallel_map, Accepted, FileRow, ResponsRow};
use crate::{Error, Result};
use raadsbudget_domain::catalogue::Catalogue;
use raadsbudget_domain::kengetallen::kengetal_categories;
use raadsbudget_domain::statistiek::{self, Statistics};
use raadsbudget_domain::{Jaar, Severity};
use raadsbudget_formats::bundel as specs;
use raadsbudget_formats::table::{Cell, CsvTableWriter, TableSpec};
use raadsbudget_store::durable;
use std::ffi::OsStr;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

/// Every file a bundle may write, in the order they are listed.
pub(crate) const OUTPUT_FILES: [&str; 9] = [
    "inzendingen.csv",
    "meldingen.csv",
    "waarden.csv",
    "breed.csv",
    "kengetallen.csv",
    "statistiek.csv",
    "respons.csv",
    "datapackage.json",
    "bundel.xlsx",
];

/// The marks of a staging folder and of an old folder being replaced.
const STAGING_MARK: &str = ".raadsbudget-nieuw-";
const OLD_MARK: &str = ".raadsbudget-oud-";

/// Whether `dir` is a staging or old folder of a bundle (never input, removed by a next run).
pub(crate) fn is_staging_name(dir: &Path) -> bool {
    dir.file_name()
        .and_then(OsStr::to_str)
        .is_some_and(|n| n.starts_with('.') && (n.contains(STAGING_MARK) || n.contains(OLD_MARK)))
}

/// Whether a file name in an output folder is one a bundle writes (or an earlier version of
/// Raadsbudget left behind while writing: `.<file>.tmp`).
fn is_bundle_file(name: &str) -> bool {
    OUTPUT_FILES.contains(&name)
        || name
            .strip_prefix('.')
            .and_then(|n| n.strip_suffix(".tmp"))
            .is_some_and(|n| OUTPUT_FILES.contains(&n))
}

/// The names in `dir` that are not bundle files (at most `limit`), and whether there are more.
fn foreign_entries(dir: &Path, limit: usize) -> std::io::Result<(Vec<String>, bool)> {
    let mut foreign = Vec::new();
    let mut more = false;
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let is_file = entry.file_type().is_ok_and(|t| t.is_file());
        if !(is_file && is_bundle_file(&name)) {
            if foreign.len() < limit {
                foreign.push(name);
            } else {
                more = true;
            }
        }
    }
    foreign.sort();
    Ok((foreign, more))
}

/// Removes a folder that holds only bundle files; leaves it (and says nothing) otherwise, so a
/// file that is not ours is never removed.
fn remove_bundle_dir(dir: &Path) {
    if let Ok(entries) = std::fs::read_dir(dir) {
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if entry.file_type().is_ok_and(|t| t.is_file()) && is_bundle_file(&name) {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
    let _ = std::fs::remove_dir(dir);
}

/// The output folder of a bundle, checked and about to be replaced.
#[derive(Debug)]
pub(crate) struct Output {
    target: PathBuf,
    parent: PathBuf,
    name: String,
}

impl Output {
    /// Checks `uit` (see the module documentation) and removes what an interrupted earlier
    /// run left next to it. Creates the folder that will hold it, if needed.
    pub(crate) fn prepare(uit: &Path) -> Result<Output> {
        if uit.as_os_str().is_empty() {
            return Err(Error::Invalid(
                "geef de uitvoermap op: de map waarin de bundel komt".into(),
            ));
        }
        let target = match std::fs::metadata(uit) {
            Ok(m) if !m.is_dir() => {
                return Err(Error::Invalid(format!(
                    "{} is een bestand, geen map; kies als uitvoermap een nieuwe of lege map",
                    uit.display()
                )))
            }
            Ok(_) => uit.canonicalize().map_err(|e| Error::io(uit, e))?,
            Err(_) => {
                let name = uit.file_name().ok_or_else(|| {
                    Error::Invalid(format!(
                        "{} is geen bruikbare naam voor de uitvoermap; kies een nieuwe of lege map",
                        uit.display()
                    ))
                })?;
                let parent = match uit.parent() {
                    Some(p) if !p.as_os_str().is_empty() => p,
                    _ => Path::new("."),
                };
                std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
                parent
                    .canonicalize()
                    .map_err(|e| Error::io(parent, e))?
                    .join(name)
            }
        };
        let (Some(parent), Some(name)) = (target.parent(), target.file_name()) else {
            return Err(Error::Invalid(format!(
                "{} kan geen uitvoermap zijn; kies een nieuwe of lege map",
                target.display()
            )));
        };
        let output = Output {
            parent: parent.to_path_buf(),
            name: name.to_string_lossy().into_owned(),
            target: target.clone(),
        };
        output.check()?;
        output.remove_leftovers();
        Ok(output)
    }

    /// The output folder (absolute).
    pub(crate) fn target(&self) -> &Path {
        &self.target
    }

    /// Refuses a folder that holds anything but an earlier bundle.
    fn check(&self) -> Result<()> {
        if !self.target.exists() {
            return Ok(());
        }
        let (foreign, more) =
            foreign_entries(&self.target, 5).map_err(|e| Error::io(&self.target, e))?;
        let shown = self.target.display();
        let list = || {
            let mut list = foreign
                .iter()
                .map(|n| format!("'{n}'"))
                .collect::<Vec<_>>()
                .join(", ");
            if more {
                list.push_str(" en meer");
            }
            list
        };
        let empty = foreign.is_empty()
            && std::fs::read_dir(&self.target)
                .map_err(|e| Error::io(&self.target, e))?
                .next()
                .is_none();
        if empty || (foreign.is_empty() && is_bundle_output(&self.target)) {
            Ok(())
        } else if is_bundle_output(&self.target) {
            Err(Error::Invalid(format!(
                "de map {shown} bevat een eerdere bundel, maar ook bestanden die niet van een bundel zijn ({}); de bundel vervangt de hele map. Verplaats die bestanden, of kies een andere uitvoermap",
                list()
            )))
        } else {
            Err(Error::Invalid(format!(
                "de map {shown} is niet leeg en bevat geen eerdere bundel (er staat geen datapackage.json van Raadsbudget in; wel {}); er wordt niets in geschreven, zodat geen bestand verloren gaat. Kies als uitvoermap een nieuwe of lege map (bijvoorbeeld een nieuwe map erin)",
                list()
            )))
        }
    }

    /// Removes staging and old folders an interrupted earlier run left next to the target.
    fn remove_leftovers(&self) {
        let Ok(entries) = std::fs::read_dir(&self.parent) else {
            return;
        };
        let staging = format!(".{}{STAGING_MARK}", self.name);
        let old = format!(".{}{OLD_MARK}", self.name);
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with(&staging) || name.starts_with(&old) {
                remove_bundle_dir(&entry.path());
            }
        }
    }

    /// Writes every output into a staging folder and swaps it in; returns the names written,
    /// in [`OUTPUT_FILES`] order. On an error nothing of the target has changed.
    pub(crate) fn write(
        self,
        rows: &[FileRow],
        accepted: &[Accepted],
        uitvraag: Option<Jaar>,
        respons: Option<&[ResponsRow]>,
        xlsx: bool,
    ) -> Result<Vec<String>> {
        let staging = tempfile::Builder::new()
            .prefix(&format!(".{}{STAGING_MARK}", self.name))
            .tempdir_in(&self.parent)
            .map_err(|e| Error::io(&self.parent, e))?;
        let out = Dir {
            path: staging.path(),
            shown: &self.target,
        };
        let written = write_all(&out, rows, accepted, uitvraag, respons, xlsx)?;
        durable::sync_dir(staging.path()).map_err(|e| Error::io(&self.target, e))?;
        self.swap(staging)?;
        Ok(written)
    }

    /// Puts the staging folder in the target's place.
    fn swap(&self, staging: tempfile::TempDir) -> Result<()> {
        let fail = |e| Error::io(&self.target, e);
        let suffix = staging
            .path()
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .and_then(|n| n.rsplit('-').next().map(str::to_string))
            .unwrap_or_default();
        let old = self
            .parent
            .join(format!(".{}{OLD_MARK}{suffix}", self.name));
        let mut moved_aside = false;
        // An empty folder is removed; a folder that is not empty holds an earlier bundle
        // (checked in `prepare`) and is moved aside.
        if self.target.exists() && std::fs::remove_dir(&self.target).is_err() {
            std::fs::rename(&self.target, &old).map_err(fail)?;
            moved_aside = true;
        }
        let staged = staging.keep();
        if let Err(e) = std::fs::rename(&staged, &self.target) {
            if moved_aside {
                let _ = std::fs::rename(&old, &self.target);
            }
            remove_bundle_dir(&staged);
            return Err(fail(e));
        }
        let _ = durable::sync_dir(&self.parent);
        if moved_aside {
            remove_bundle_dir(&old);
        }
        Ok(())
    }
}

/// The folder being written, and the folder its files will be in (for messages).
struct Dir<'p> {
    path: &'p Path,
    shown: &'p Path,
}

/// One output file being written.
struct OutFile {
    shown: PathBuf,
    out: BufWriter<File>,
}

impl OutFile {
    fn create(dir: &Dir<'_>, name: &str) -> Result<OutFile> {
        let shown = dir.shown.join(name);
        let file = File::create(dir.path.join(name)).map_err(|e| Error::io(&shown, e))?;
        Ok(OutFile {
            shown,
            out: BufWriter::with_capacity(1 << 16, file),
        })
    }

    fn write(&mut self, bytes: &[u8]) -> Result<()> {
        self.out
            .write_all(bytes)
            .map_err(|e| Error::io(&self.shown, e))
    }

    /// Flushes and syncs the file.
    fn finish(self) -> Result<()> {
        let OutFile { shown, out } = self;
        let done = (|| {
            let f = out.into_inner().map_err(|e| e.into_error())?;
            f.sync_all()
        })();
        done.map_err(|e| Error::io(&shown, e))
    }
}

/// Writes `name` in `dir`.
fn write_file(
    dir: &Dir<'_>,
    name: &str,
    fill: impl FnOnce(&mut BufWriter<File>) -> std::io::Result<()>,
) -> Result<()> {
    let mut file = OutFile::create(dir, name)?;
    fill(&mut file.out).map_err(|e| Error::io(&file.shown, e))?;
    file.finish()
}

fn table(
    dir: &Dir<'_>,
    spec: &TableSpec,
    rows: impl FnOnce(&mut CsvTableWriter<'_, &mut BufWriter<File>>) -> std::io::Result<()>,
) -> Result<()> {
    write_file(dir, &spec.file, |w| {
        let mut t = CsvTableWriter::new(w, spec)?;
        rows(&mut t)?;
        t.finish().map(|_| ())
    })
}

pub(super) fn int(n: impl Into<i64>) -> Cell<'static> {
    Cell::Integer(n.into())
}

pub(super) fn opt_int<T: Into<i64>>(n: Option<T>) -> Cell<'static> {
    n.map_or(Cell::Empty, |n| Cell::Integer(n.into()))
}

/// A text cell; empty text is an empty cell.
pub(super) fn text(s: &str) -> Cell<'_> {
    if s.is_empty() {
        Cell::Empty
    } else {
        Cell::Text(s)
    }
}

/// Writes every output into `dir`; returns the names written, in [`OUTPUT_FILES`] order.
/// `datapackage.json` is written after the tables, `bundel.xlsx` last.
fn write_all(
    dir: &Dir<'_>,
    rows: &[FileRow],
    accepted: &[Accepted],
    uitvraag: Option<Jaar>,
    respons: Option<&[ResponsRow]>,
    xlsx: bool,
) -> Result<Vec<String>> {
    let (cats, uitvraag_cats) = bundle_catalogues(accepted, uitvraag);
    let cat = cats[0];
    let data_tables_specs = DataSpecs::for_bundle(&cats, &uitvraag_cats);
    let [waarden, breed, kengetallen] = data_tables_specs.clone();
    let mut tables = vec![
        specs::inzendingen(),
        specs::meldingen(),
        waarden,
        breed,
        kengetallen,
        specs::statistiek(cat),
    ];
    // Three independent pieces at once: the per-file tables, the data tables (bytes rendered
    // when the files were read) and the statistics' values.
    let stats = std::thread::scope(|scope| {
        let stats = scope.spawn(|| {
            let mut stats = Statistics::new();
            for a in accepted {
                a.rendered.add_to(&mut stats);
            }
            stats
        });
        let (inz, meld) = (&tables[0], &tables[1]);
        let per_file = scope.spawn(|| {
            table(dir, inz, |t| inzendingen(t, rows))?;
            table(dir, meld, |t| meldingen(t, rows))
        });
        let data = data_tables(dir, &data_tables_specs, accepted);
        per_file
            .join()
            .unwrap_or_else(|e| std::panic::resume_unwind(e))?;
        data?;
        Ok::<_, Error>(
            stats
                .join()
                .unwrap_or_else(|e| std::panic::resume_unwind(e)),
        )
    })?;
    table(dir, &tables[5], |t| statistiek(t, &stats, cat))?;
    if let Some(r) = respons {
        let spec = specs::respons();
        table(dir, &spec, |t| respons_table(t, r))?;
        tables.push(spec);
    }
    if xlsx {
        let mut contents = Vec::new();
        for spec in &tables {
            let path = dir.path.join(&spec.file);
            contents
                .push(std::fs::read(&path).map_err(|e| Error::io(dir.shown.join(&spec.file), e))?);
        }
        let sheets: Vec<(&TableSpec, &[u8])> = tables
            .iter()
            .zip(&contents)
            .map(|(s, c)| (s, c.as_slice()))
            .collect();
        let bytes = specs::xlsx::write(&sheets).map_err(|e| {
            Error::Invalid(format!(
                "de bundel is niet gemaakt, want bundel.xlsx kan niet worden geschreven: {e} Bundel zonder --xlsx; de CSV-bestanden bevatten dezelfde gegevens."
            ))
        })?;
        drop(contents);
        write_file(dir, "bundel.xlsx", |w| w.write_all(&bytes))?;
    }
    write_file(dir, "datapackage.json", |w| {
        specs::datapackage::write(w, &tables)
    })?;
    let mut written: Vec<String> = tables.iter().map(|t| t.file.clone()).collect();
    written.push("datapackage.json".into());
    if xlsx {
        written.push("bundel.xlsx".into());
    }
    Ok(OUTPUT_FILES
        .iter()
        .filter(|f| written.iter().any(|w| w == *f))
        .map(|f| f.to_string())
        .collect())
}

type Table<'a, 'b> = CsvTableWriter<'a, &'b mut BufWriter<File>>;

fn inzendingen(t: &mut Table<'_, '_>, rows: &[FileRow]) -> std::io::Result<()> {
    for r in rows {
        let m = r.meta.as_ref();
        let moment = m.map(|m| crate::export::moment_text(&m.aangemaakt_op));
        t.row(&[
            Cell::Text(&r.name),
            r.sha256.as_deref().map_or(Cell::Empty, Cell::Text),
            m.map_or(Cell::Empty, |m| Cell::Text(m.organisation.code.as_str())),
            m.map_or(Cell::Empty, |m| text(&m.organisation.naam)),
            opt_int(m.map(|m| m.uitvraag)),
            opt_int(m.map(|m| m.revisie)),
            moment.map_or(Cell::Empty, Cell::Owned),
            Cell::Text(r.status.as_str()),
            int(r.count(Severity::Fout)),
            int(r.count(Severity::Waarschuwing)),
            int(r.count(Severity::Signaal)),
            text(&r.opmerking),
        ])?;
    }
    Ok(())
}

fn meldingen(t: &mut Table<'_, '_>, rows: &[FileRow]) -> std::io::Result<()> {
    for r in rows {
        for f in &r.findings {
            let l = &f.location;
            let organisation = l
                .organisation
                .as_deref()
                .or(r.meta.as_ref().map(|m| m.organisation.code.as_str()));
            t.row(&[
                Cell::Text(l.file.as_deref().unwrap_or(&r.name)),
                opt_int(l.line.and_then(|n| i64::try_from(n).ok())),
                opt_int(l.column),
                organisation.map_or(Cell::Empty, Cell::Text),
                opt_int(l.jaar),
                l.fase.map_or(Cell::Empty, |f| Cell::Text(f.as_str())),
                l.post.as_deref().map_or(Cell::Empty, Cell::Text),
                Cell::Text(f.severity().as_str()),
                Cell::Text(f.code.as_str()),
                Cell::Text(&f.message),
                l.cell.as_deref().map_or(Cell::Empty, Cell::Text),
            ])?;
        }
    }
    Ok(())
}

/// The catalogues a bundle is over, oldest first: those of the files it accepted and of their
/// uitvraagjaren, and those of the uitvraagjaren alone (the posts of `breed.csv`). Without
/// accepted files: that of the uitvraag asked for, or the newest.
fn bundle_catalogues(
    accepted: &[Accepted],
    uitvraag: Option<Jaar>,
) -> (Vec<&'static Catalogue>, Vec<&'static Catalogue>) {
    let add = |cats: &mut Vec<&'static Catalogue>, c: &'static Catalogue| {
        if !cats.iter().any(|k| std::ptr::eq(*k, c)) {
            cats.push(c);
        }
    };
    let (mut all, mut uitvraag_cats) = (Vec::new(), Vec::new());
    for a in accepted {
        add(&mut uitvraag_cats, a.rendered.uitvraag_cat);
        add(&mut all, a.rendered.uitvraag_cat);
        add(&mut all, a.rendered.file_cat);
    }
    if uitvraag_cats.is_empty() {
        let c = uitvraag.map_or_else(Catalogue::newest, Catalogue::for_uitvraag);
        add(&mut uitvraag_cats, c);
        add(&mut all, c);
    }
    all.sort_by_key(|c| c.uitvraag_vanaf);
    uitvraag_cats.sort_by_key(|c| c.uitvraag_vanaf);
    (all, uitvraag_cats)
}

/// Writes the rows of `waarden.csv`, `breed.csv` and `kengetallen.csv`, rendered when each
/// file was read, in the order of `accepted`. `breed.csv` has the posts of the uitvraagjaren's
/// versions; a file's rows are laid out again only when those are not its own.
fn data_tables(dir: &Dir<'_>, specs: &[TableSpec; 3], accepted: &[Accepted]) -> Result<()> {
    let mut files = Vec::with_capacity(3);
    for spec in specs {
        let mut f = OutFile::create(dir, &spec.file)?;
        f.write(spec.header_line().as_bytes())?;
        files.push(f);
    }
    let mut uitvraag_cats: Vec<&'static Catalogue> = Vec::new();
    for a in accepted {
        let c = a.rendered.uitvraag_cat;
        if !uitvraag_cats.iter().any(|k| std::ptr::eq(*k, c)) {
            uitvraag_cats.push(c);
        }
    }
    let columns = specs::breed_posts(&uitvraag_cats);
    let mut laid_out = Vec::new();
    for a in accepted {
        let own = &a.rendered.uitvraag_cat.posts;
        let same =
            own.len() == columns.len() && own.iter().zip(&columns).all(|(p, q)| p.code == q.code);
        for (i, file) in files.iter_mut().enumerate() {
            if i == 1 && !same {
                laid_out.clear();
                specs::relayout_breed(
                    a.rendered.table(1),
                    a.rendered.uitvraag_cat,
                    &columns,
                    &mut laid_out,
                )
                .map_err(|e| Error::io(dir.shown.join(&specs[1].file), e))?;
                file.write(&laid_out)?;
            } else {
                file.write(a.rendered.table(i))?;
            }
        }
    }
    for f in files {
        f.finish()?;
    }
    Ok(())
}

fn statistiek(t: &mut Table<'_, '_>, stats: &Statistics, cat: &Catalogue) -> std::io::Result<()> {
    let categories = kengetal_categories(cat);
    // The groups are summarised in parallel (sorting millions of values), in output order.
    let summaries = parallel_map(stats.groups(), |(key, values)| {
        statistiek::summary(key, values).map(|s| (key, s))
    });
    for (key, s) in summaries.into_iter().flatten() {
        let categorie = categories.get(key.categorie).copied().unwrap_or_default();
        t.row(&[
            int(key.jaar),
            Cell::Text(key.fase.as_str()),
            Cell::Text(categorie),
            Cell::Text(key.indicator.code()),
            Cell::Owned(key.groep.code()),
            int(i64::try_from(s.n).unwrap_or(i64::MAX)),
            Cell::Decimal(s.min),
            Cell::Decimal(s.p25),
            Cell::Decimal(s.median),
            Cell::Decimal(s.p75),
            Cell::Decimal(s.max),
            Cell::Decimal(s.mean),
        ])?;
    }
    Ok(())
}

fn respons_table(t: &mut Table<'_, '_>, rows: &[ResponsRow]) -> std::io::Result<()> {
    for r in rows {
        t.row(&[
            int(r.uitvraag),
            Cell::Text(&r.code),
            Cell::Text(&r.naam),
            Cell::Boolean(r.ingediend),
            Cell::Text(r.status),
            text(&r.bestand),
        ])?;
    }
    Ok(())
}
