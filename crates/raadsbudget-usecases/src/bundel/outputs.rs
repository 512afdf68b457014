//! Writing a bundle's output folder: the CSV tables row by row, `datapackage.json` and (on
//! request) `bundel.xlsx`. Each file is written to a temporary name and renamed, so a folder
//! never holds half a file; bundle files from an earlier run that this run does not write are
//! removed, so the folder always describes one bundle.

use super::{parallel_map, Accepted, FileRow, ResponsRow};
use crate::{Error, Result};
use raadsbudget_domain::catalogue::Catalogue;
use raadsbudget_domain::fase::uitvraag_blocks;
use raadsbudget_domain::kengetallen::{
    kengetal_categories, kengetallen_for, Indicator, Kengetallen,
};
use raadsbudget_domain::statistiek::{self, Statistiek};
use raadsbudget_domain::{Fase, Jaar, OrgType, Severity};
use raadsbudget_formats::bundel as specs;
use raadsbudget_formats::table::{Cell, CsvTableWriter, TableSpec};
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

/// A file written under a temporary name in its folder and renamed when complete.
struct AtomicFile {
    tmp: PathBuf,
    target: PathBuf,
    out: BufWriter<File>,
}

impl AtomicFile {
    fn create(dir: &Path, name: &str) -> Result<AtomicFile> {
        let target = dir.join(name);
        let tmp = dir.join(format!(".{name}.tmp"));
        let file = File::create(&tmp).map_err(|e| Error::io(&target, e))?;
        Ok(AtomicFile {
            tmp,
            target,
            out: BufWriter::with_capacity(1 << 16, file),
        })
    }

    fn fail(&self, e: std::io::Error) -> Error {
        let _ = std::fs::remove_file(&self.tmp);
        Error::io(&self.target, e)
    }

    fn write(&mut self, bytes: &[u8]) -> Result<()> {
        self.out.write_all(bytes).map_err(|e| self.fail(e))
    }

    fn finish(self) -> Result<()> {
        let AtomicFile { tmp, target, out } = self;
        let done = (|| {
            let f = out.into_inner().map_err(|e| e.into_error())?;
            f.sync_all()?;
            std::fs::rename(&tmp, &target)
        })();
        done.map_err(|e| {
            let _ = std::fs::remove_file(&tmp);
            Error::io(&target, e)
        })
    }
}

/// Writes `name` in `dir` through a temporary file.
fn write_file(
    dir: &Path,
    name: &str,
    fill: impl FnOnce(&mut BufWriter<File>) -> std::io::Result<()>,
) -> Result<()> {
    let mut file = AtomicFile::create(dir, name)?;
    if let Err(e) = fill(&mut file.out) {
        return Err(file.fail(e));
    }
    file.finish()
}

fn table(
    dir: &Path,
    spec: &TableSpec,
    rows: impl FnOnce(&mut CsvTableWriter<'_, &mut BufWriter<File>>) -> std::io::Result<()>,
) -> Result<()> {
    write_file(dir, &spec.file, |w| {
        let mut t = CsvTableWriter::new(w, spec)?;
        rows(&mut t)?;
        t.finish().map(|_| ())
    })
}

fn int(n: impl Into<i64>) -> Cell<'static> {
    Cell::Integer(n.into())
}

fn opt_int<T: Into<i64>>(n: Option<T>) -> Cell<'static> {
    n.map_or(Cell::Empty, |n| Cell::Integer(n.into()))
}

fn text(s: &str) -> Cell<'_> {
    if s.is_empty() {
        Cell::Empty
    } else {
        Cell::Text(s)
    }
}

/// The catalogue a submission was entered under.
fn catalogue_of(a: &Accepted) -> &'static Catalogue {
    Catalogue::get(&a.meta.definities).unwrap_or_else(Catalogue::current)
}

/// Writes every output; returns the names written, in [`OUTPUT_FILES`] order.
pub(crate) fn write_all(
    dir: &Path,
    rows: &[FileRow],
    accepted: &[Accepted],
    respons: Option<&[ResponsRow]>,
    xlsx: bool,
) -> Result<Vec<String>> {
    let cat = Catalogue::current();
    let mut tables = vec![
        specs::inzendingen(),
        specs::meldingen(cat),
        specs::waarden(cat),
        specs::breed(cat),
        specs::kengetallen(cat),
        specs::statistiek(cat),
    ];
    table(dir, &tables[0], |t| inzendingen(t, rows))?;
    table(dir, &tables[1], |t| meldingen(t, rows))?;
    let stats = data_tables(dir, [&tables[2], &tables[3], &tables[4]], accepted)?;
    table(dir, &tables[5], |t| statistiek(t, &stats, cat))?;
    if let Some(r) = respons {
        let spec = specs::respons();
        table(dir, &spec, |t| respons_table(t, r))?;
        tables.push(spec);
    }
    write_file(dir, "datapackage.json", |w| {
        specs::datapackage::write(w, &tables)
    })?;
    let mut written: Vec<String> = tables.iter().map(|t| t.file.clone()).collect();
    written.push("datapackage.json".into());
    if xlsx {
        let mut contents = Vec::new();
        for spec in &tables {
            let path = dir.join(&spec.file);
            contents.push(std::fs::read(&path).map_err(|e| Error::io(&path, e))?);
        }
        let sheets: Vec<(&TableSpec, &[u8])> = tables
            .iter()
            .zip(&contents)
            .map(|(s, c)| (s, c.as_slice()))
            .collect();
        let bytes = specs::xlsx::write(&sheets).map_err(|e| {
            Error::Invalid(format!(
                "bundel.xlsx is niet geschreven: {e} De CSV-bestanden en datapackage.json staan wel in {}.",
                dir.display()
            ))
        })?;
        write_file(dir, "bundel.xlsx", |w| w.write_all(&bytes))?;
        written.push("bundel.xlsx".into());
    }
    for stale in OUTPUT_FILES {
        if !written.iter().any(|w| w == stale) {
            let path = dir.join(stale);
            if path.exists() {
                std::fs::remove_file(&path).map_err(|e| Error::io(&path, e))?;
            }
        }
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
            Cell::Text(&r.sha256),
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
            ])?;
        }
    }
    Ok(())
}

/// The records of a dataset in file order: jaar, fase, catalogue position.
fn ordered(a: &Accepted) -> Vec<(&(u16, Fase, String), &raadsbudget_domain::Record)> {
    let cat = catalogue_of(a);
    let mut records: Vec<_> = a.data.records.iter().collect();
    records.sort_by_cached_key(|((jaar, fase, post), _)| (*jaar, *fase, cat.position(post)));
    records
}

fn org_cells(a: &Accepted) -> [Cell<'_>; 4] {
    let o = &a.meta.organisation;
    [
        Cell::Text(o.code.as_str()),
        Cell::Text(&o.naam),
        Cell::Text(o.org_type().as_str()),
        int(a.meta.uitvraag),
    ]
}

/// Accepted datasets rendered per batch: enough to keep every core busy, few enough that the
/// rendered bytes stay small next to the datasets themselves.
const RENDER_BATCH: usize = 512;

/// One accepted dataset's rows of `waarden.csv`, `breed.csv` and `kengetallen.csv`, and its
/// published kengetallen for the statistics.
struct Rendered {
    tables: [Vec<u8>; 3],
    kengetallen: Vec<Published>,
}

/// Published kengetallen of one dataset: organisation type, jaar, fase, category position.
type Published = (OrgType, Jaar, Fase, usize, Kengetallen);

fn render(a: &Accepted, specs: [&TableSpec; 3]) -> std::io::Result<Rendered> {
    let mut w = CsvTableWriter::rows_only(Vec::with_capacity(8 << 10), specs[0]);
    waarden(&mut w, a)?;
    let mut b = CsvTableWriter::rows_only(Vec::with_capacity(2 << 10), specs[1]);
    breed(&mut b, a)?;
    let mut k = CsvTableWriter::rows_only(Vec::with_capacity(4 << 10), specs[2]);
    let kengetallen = kengetallen(&mut k, a)?;
    Ok(Rendered {
        tables: [w.finish()?, b.finish()?, k.finish()?],
        kengetallen,
    })
}

/// Writes `waarden.csv`, `breed.csv` and `kengetallen.csv` (rendered in parallel, written in
/// order) and returns the statistics of the kengetallen.
fn data_tables(dir: &Path, specs: [&TableSpec; 3], accepted: &[Accepted]) -> Result<Statistiek> {
    let mut files = Vec::with_capacity(3);
    for spec in specs {
        let mut f = AtomicFile::create(dir, &spec.file)?;
        f.write(spec.header_line().as_bytes())?;
        files.push(f);
    }
    let mut stats = Statistiek::new();
    for batch in accepted.chunks(RENDER_BATCH) {
        let rendered = parallel_map(batch.iter().collect(), |a: &Accepted| render(a, specs));
        for r in rendered {
            let r = r.map_err(|e| Error::io(dir.join(&specs[0].file), e))?;
            for (file, bytes) in files.iter_mut().zip(&r.tables) {
                file.write(bytes)?;
            }
            for (org_type, jaar, fase, position, k) in &r.kengetallen {
                stats.add(*org_type, *jaar, *fase, *position, k);
            }
        }
    }
    for f in files {
        f.finish()?;
    }
    Ok(stats)
}

fn waarden<W: Write>(t: &mut CsvTableWriter<'_, W>, a: &Accepted) -> std::io::Result<()> {
    let mut cells: Vec<Cell<'_>> = Vec::with_capacity(10);
    for ((jaar, fase, post), record) in ordered(a) {
        let (waarde, reden) = record.entry.to_columns();
        cells.clear();
        cells.extend(org_cells(a));
        cells.extend([
            int(*jaar),
            Cell::Text(fase.as_str()),
            Cell::Text(post),
            Cell::Owned(waarde),
            Cell::Owned(reden),
            text(&record.toelichting),
        ]);
        t.row(&cells)?;
    }
    Ok(())
}

fn breed<W: Write>(t: &mut CsvTableWriter<'_, W>, a: &Accepted) -> std::io::Result<()> {
    let cat = Catalogue::current();
    let mut cells: Vec<Cell<'_>> = Vec::new();
    for (jaar, fase) in a.data.blocks() {
        cells.clear();
        cells.extend(org_cells(a));
        cells.extend([int(jaar), Cell::Text(fase.as_str())]);
        for post in &cat.posts {
            cells.push(
                match a.data.entry(jaar, fase, &post.code).and_then(|e| e.value()) {
                    Some(v) => match v.as_decimal() {
                        Some(d) => Cell::Decimal(d),
                        None => Cell::Owned(v.to_canonical()),
                    },
                    None => Cell::Empty,
                },
            );
        }
        t.row(&cells)?;
    }
    Ok(())
}

fn kengetallen<W: Write>(
    t: &mut CsvTableWriter<'_, W>,
    a: &Accepted,
) -> std::io::Result<Vec<Published>> {
    let mut cells: Vec<Cell<'_>> = Vec::new();
    let mut published = Vec::new();
    let cat = catalogue_of(a);
    let org_type = a.meta.organisation.org_type();
    for (jaar, fase) in uitvraag_blocks(a.meta.uitvraag) {
        if fase == Fase::Kenmerk {
            continue;
        }
        for (position, categorie) in kengetal_categories(cat).into_iter().enumerate() {
            let k = kengetallen_for(cat, &a.data, jaar, fase, categorie).rounded();
            cells.clear();
            cells.extend(org_cells(a));
            cells.extend([
                int(jaar),
                Cell::Text(fase.as_str()),
                Cell::Owned(categorie.to_string()),
                opt_int(k.grootteklasse),
            ]);
            cells.extend(Indicator::ALL.iter().map(|i| Cell::from(i.of(&k))));
            t.row(&cells)?;
            published.push((org_type, jaar, fase, position, k));
        }
    }
    Ok(published)
}

fn statistiek(t: &mut Table<'_, '_>, stats: &Statistiek, cat: &Catalogue) -> std::io::Result<()> {
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
