//! One file's rows of the data tables (`waarden.csv`, `breed.csv`, `kengetallen.csv`) and its
//! published kengetallen, rendered by the worker that read the file, right after checking it.
//!
//! A file's dataset is needed only to render these rows; keeping the rendered bytes instead
//! (one buffer per file) means a bundle holds no datasets at all, rendering runs in the
//! parallel read phase, and what is left at the end is choosing, writing bytes in order and
//! the statistics. A file that is later superseded has rendered rows for nothing, which is
//! rare (a resubmission) and costs no more than reading it did.
//!
//! Across versions of the definitions: `waarden.csv` keeps each value as submitted, with its
//! version. A file's `breed.csv` rows have the posts of its uitvraag's version; a file filled
//! in under an older version is carried over the mapping (a renamed post under its new code,
//! a split part empty), and its kengetallen that are not comparable between the two versions
//! are left empty. A bundle over uitvraagjaren of different versions has the union of their
//! posts as columns ([`specs::breed_posts`]); only then are rows laid out again at the end
//! ([`specs::relayout_breed`]).

use super::outputs::{int, opt_int, text};
use raadsbudget_domain::catalogue::Catalogue;
use raadsbudget_domain::fase::uitvraag_blocks;
use raadsbudget_domain::kengetallen::{kengetal_categories, kengetallen_for, Indicator};
use raadsbudget_domain::mapping::{carried_record, publish_under};
use raadsbudget_domain::statistiek::{PublishedValue, Statistics};
use raadsbudget_domain::value::Entry;
use raadsbudget_domain::{Dataset, Fase, OrgType};
use raadsbudget_formats::benchmark::FileMeta;
use raadsbudget_formats::bundel as specs;
use raadsbudget_formats::table::{Cell, CsvTableWriter, TableSpec};
use std::cell::RefCell;
use std::io::{self, Write};

/// The specs rows are rendered with: `waarden.csv` and `kengetallen.csv` (whose columns do
/// not depend on the version), and `breed.csv` per known version.
#[derive(Debug)]
pub(crate) struct DataSpecs {
    waarden: TableSpec,
    breed: Vec<(&'static Catalogue, TableSpec)>,
    kengetallen: TableSpec,
}

impl DataSpecs {
    pub(crate) fn new() -> DataSpecs {
        let all = Catalogue::all();
        DataSpecs {
            waarden: specs::waarden(&all),
            breed: all.iter().map(|&c| (c, specs::breed(&[c]))).collect(),
            kengetallen: specs::kengetallen(Catalogue::newest()),
        }
    }

    /// The `breed.csv` spec of one version.
    fn breed_of(&self, cat: &Catalogue) -> &TableSpec {
        self.breed
            .iter()
            .find(|(c, _)| std::ptr::eq(*c, cat))
            .map_or(&self.breed[self.breed.len() - 1].1, |(_, s)| s)
    }

    /// The name of the first data table, for messages.
    pub(crate) fn first_file(&self) -> &str {
        &self.waarden.file
    }

    /// The specs as written for a bundle over `cats` (the versions of its files and of its
    /// uitvraagjaren); `breed.csv` has the posts of the uitvraagjaren's versions
    /// `uitvraag_cats` (see [`specs::breed_posts`]).
    pub(crate) fn for_bundle(
        cats: &[&'static Catalogue],
        uitvraag_cats: &[&'static Catalogue],
    ) -> [TableSpec; 3] {
        [
            specs::waarden(cats),
            specs::breed(uitvraag_cats),
            specs::kengetallen(cats.first().copied().unwrap_or_else(Catalogue::newest)),
        ]
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
    /// The version of the uitvraag (the posts of the `breed.csv` rows).
    pub(crate) uitvraag_cat: &'static Catalogue,
    /// The version the file was filled in under.
    pub(crate) file_cat: &'static Catalogue,
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
        let file = File {
            meta,
            data,
            cat: Catalogue::get(&meta.definities).ok_or_else(|| {
                // The reader refuses a file of an unknown version (F107) before this.
                io::Error::other(format!("definities {} onbekend", meta.definities))
            })?,
            uitvraag_cat: Catalogue::for_uitvraag(meta.uitvraag),
        };
        let mut w = CsvTableWriter::rows_only(&mut *bytes, &specs.waarden);
        file.waarden(&mut w)?;
        w.finish()?;
        let end_w = bytes.len();
        let mut b = CsvTableWriter::rows_only(&mut *bytes, specs.breed_of(file.uitvraag_cat));
        file.breed(&mut b)?;
        b.finish()?;
        let end_b = bytes.len();
        let mut k = CsvTableWriter::rows_only(&mut *bytes, &specs.kengetallen);
        let published = file.kengetallen(&mut k)?;
        k.finish()?;
        Ok(Rendered {
            bytes: bytes.as_slice().into(),
            ends: [end_w, end_b],
            org_type: meta.organisation.org_type(),
            published,
            uitvraag_cat: file.uitvraag_cat,
            file_cat: file.cat,
        })
    })
}

/// The file being rendered.
struct File<'a> {
    meta: &'a FileMeta,
    data: &'a Dataset,
    /// The version the file was filled in under.
    cat: &'static Catalogue,
    /// The version of its uitvraag.
    uitvraag_cat: &'static Catalogue,
}

impl File<'_> {
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
        for ((jaar, fase, post), record) in self.data.records_in_file_order(self.cat) {
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
                Cell::Text(record.definities.as_str()),
            ])?;
        }
        Ok(())
    }

    /// One row per block, one column per post of the uitvraag's version; a file of an older
    /// version carried over the mapping.
    fn breed<W: Write>(&self, t: &mut CsvTableWriter<'_, W>) -> io::Result<()> {
        let cat = self.uitvraag_cat;
        let mapped = !std::ptr::eq(cat, self.cat);
        let mut cells: Vec<Cell<'_>> = Vec::new();
        let mut carried = Vec::new();
        for (jaar, fase) in self.data.blocks() {
            cells.clear();
            cells.extend(self.org_cells());
            cells.extend([int(jaar), Cell::Text(fase.as_str())]);
            if mapped {
                carried.clear();
                carried.extend(
                    cat.posts
                        .iter()
                        .map(|p| carried_record(self.data, jaar, fase, cat, &p.code)),
                );
            }
            let slots = self.data.slots(jaar, fase, cat);
            for (i, post) in cat.posts.iter().enumerate() {
                let record = match slots {
                    _ if mapped => carried[i].as_ref(),
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
        let cat = self.cat;
        for (jaar, fase) in uitvraag_blocks(self.meta.uitvraag) {
            if fase == Fase::Kenmerk {
                continue;
            }
            for (position, categorie) in kengetal_categories(cat).into_iter().enumerate() {
                let mut k = kengetallen_for(cat, self.data, jaar, fase, categorie).rounded();
                publish_under(&mut k, cat, self.uitvraag_cat, fase);
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
