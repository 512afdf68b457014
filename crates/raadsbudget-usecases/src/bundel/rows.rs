//! One file's rows of the data tables (`waarden.csv`, `breed.csv`, `kengetallen.csv`) and its
//! published kengetallen, rendered by the worker that read the file, right after checking it.
//!
//! A file's dataset is needed only to render these rows; keeping the rendered bytes instead
//! (one buffer per file) means a bundle holds no datasets at all, rendering runs in the
//! parallel read phase, and what is left at the end is choosing, writing bytes in order and
//! the statistics. A file that is later superseded has rendered rows for nothing, which is
//! rare (a resubmission) and costs no more than reading it did.

use super::outputs::{int, opt_int, text};
use raadsbudget_domain::catalogue::Catalogue;
use raadsbudget_domain::fase::uitvraag_blocks;
use raadsbudget_domain::kengetallen::{kengetal_categories, kengetallen_for, Indicator};
use raadsbudget_domain::statistiek::{PublishedValue, Statistics};
use raadsbudget_domain::value::Entry;
use raadsbudget_domain::{Dataset, Fase, OrgType};
use raadsbudget_formats::benchmark::FileMeta;
use raadsbudget_formats::bundel as specs;
use raadsbudget_formats::table::{Cell, CsvTableWriter, TableSpec};
use std::cell::RefCell;
use std::io::{self, Write};

/// The specs of the three data tables, for the newest catalogue (the columns of `breed.csv`).
#[derive(Debug)]
pub(crate) struct DataSpecs {
    /// `waarden.csv`, `breed.csv`, `kengetallen.csv`.
    pub(crate) tables: [TableSpec; 3],
}

impl DataSpecs {
    pub(crate) fn new() -> DataSpecs {
        let cat = Catalogue::current();
        DataSpecs {
            tables: [
                specs::waarden(cat),
                specs::breed(cat),
                specs::kengetallen(cat),
            ],
        }
    }
}

/// One file's rendered rows of the three data tables, in one buffer of exactly their size,
/// and its published kengetallen values for the statistics.
#[derive(Debug)]
pub(crate) struct Rendered {
    bytes: Box<[u8]>,
    /// Where the rows of `waarden.csv` and of `breed.csv` end in `bytes`.
    ends: [usize; 2],
    org_type: OrgType,
    published: Vec<PublishedValue>,
}

impl Rendered {
    /// The rows of table `i` of [`DataSpecs::tables`].
    pub(crate) fn table(&self, i: usize) -> &[u8] {
        let [w, b] = self.ends;
        match i {
            0 => &self.bytes[..w],
            1 => &self.bytes[w..b],
            _ => &self.bytes[b..],
        }
    }

    /// Adds the file's published kengetallen to `stats`.
    pub(crate) fn add_to(&self, stats: &mut Statistics) {
        for v in &self.published {
            stats.add_value(self.org_type, v);
        }
    }
}

thread_local! {
    /// Each worker renders into its own buffer, grown once; a file keeps only a copy of the
    /// exact size (no slack per file, no fragmentation from shrinking).
    static SCRATCH: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// Renders the rows of one accepted-to-be file. Fails only on a defect (a row whose cells do
/// not match its table), never on data.
pub(crate) fn render(meta: &FileMeta, data: &Dataset, specs: &DataSpecs) -> io::Result<Rendered> {
    SCRATCH.with_borrow_mut(|bytes| {
        bytes.clear();
        let file = File { meta, data };
        let mut w = CsvTableWriter::rows_only(&mut *bytes, &specs.tables[0]);
        file.waarden(&mut w)?;
        w.finish()?;
        let end_w = bytes.len();
        let mut b = CsvTableWriter::rows_only(&mut *bytes, &specs.tables[1]);
        file.breed(&mut b)?;
        b.finish()?;
        let end_b = bytes.len();
        let mut k = CsvTableWriter::rows_only(&mut *bytes, &specs.tables[2]);
        let published = file.kengetallen(&mut k)?;
        k.finish()?;
        Ok(Rendered {
            bytes: bytes.as_slice().into(),
            ends: [end_w, end_b],
            org_type: meta.organisation.org_type(),
            published,
        })
    })
}

/// The file being rendered.
struct File<'a> {
    meta: &'a FileMeta,
    data: &'a Dataset,
}

impl File<'_> {
    /// The catalogue the file was entered under.
    fn catalogue(&self) -> &'static Catalogue {
        Catalogue::get(&self.meta.definities).unwrap_or_else(Catalogue::current)
    }

    fn org_cells(&self) -> [Cell<'_>; 4] {
        let o = &self.meta.organisation;
        [
            Cell::Text(o.code.as_str()),
            Cell::Text(&o.naam),
            Cell::Text(o.org_type().as_str()),
            int(self.meta.uitvraag),
        ]
    }

    /// Every record, in file order: jaar, fase, catalogue position.
    fn waarden<W: Write>(&self, t: &mut CsvTableWriter<'_, W>) -> io::Result<()> {
        // One buffer for the canonical value, reused for every row.
        let mut waarde = String::new();
        for ((jaar, fase, post), record) in self.data.records_in_file_order(self.catalogue()) {
            let reden = match &record.entry {
                Entry::Value(v) => {
                    waarde.clear();
                    v.push_canonical(&mut waarde);
                    ""
                }
                Entry::Reason(r) => {
                    waarde.clear();
                    r.as_str()
                }
            };
            let [code, naam, soort, uitvraag] = self.org_cells();
            t.row(&[
                code,
                naam,
                soort,
                uitvraag,
                int(jaar),
                Cell::Text(fase.as_str()),
                Cell::Text(post),
                Cell::Text(&waarde),
                Cell::Text(reden),
                text(&record.toelichting),
            ])?;
        }
        Ok(())
    }

    /// One row per block, one column per post of the newest catalogue.
    fn breed<W: Write>(&self, t: &mut CsvTableWriter<'_, W>) -> io::Result<()> {
        let cat = Catalogue::current();
        let mut cells: Vec<Cell<'_>> = Vec::new();
        for (jaar, fase) in self.data.blocks() {
            cells.clear();
            cells.extend(self.org_cells());
            cells.extend([int(jaar), Cell::Text(fase.as_str())]);
            let slots = self.data.slots(jaar, fase, cat);
            for (i, post) in cat.posts.iter().enumerate() {
                let record = match slots {
                    Some(slots) => slots.get(i).and_then(Option::as_ref),
                    None => self.data.get(jaar, fase, &post.code),
                };
                cells.push(match record.and_then(|r| r.entry.value()) {
                    Some(v) => match v.as_decimal() {
                        Some(d) => Cell::Decimal(d),
                        None => Cell::Owned(v.to_canonical()),
                    },
                    None => Cell::Empty,
                });
            }
            t.row(&cells)?;
        }
        Ok(())
    }

    /// The published kengetallen of every block and category of the uitvraag.
    fn kengetallen<W: Write>(
        &self,
        t: &mut CsvTableWriter<'_, W>,
    ) -> io::Result<Vec<PublishedValue>> {
        let mut cells: Vec<Cell<'_>> = Vec::new();
        let mut published = Vec::new();
        let cat = self.catalogue();
        for (jaar, fase) in uitvraag_blocks(self.meta.uitvraag) {
            if fase == Fase::Kenmerk {
                continue;
            }
            for (position, categorie) in kengetal_categories(cat).into_iter().enumerate() {
                let k = kengetallen_for(cat, self.data, jaar, fase, categorie).rounded();
                cells.clear();
                cells.extend(self.org_cells());
                cells.extend([
                    int(jaar),
                    Cell::Text(fase.as_str()),
                    Cell::Text(categorie),
                    opt_int(k.grootteklasse),
                ]);
                cells.extend(Indicator::ALL.iter().map(|i| Cell::from(i.of(&k))));
                t.row(&cells)?;
                published.extend(PublishedValue::all_of(&k, jaar, fase, position));
            }
        }
        Ok(published)
    }
}
