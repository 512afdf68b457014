//! The BZK benchmark file, format `bzk-raadsondersteuning/1`: one CSV file per organisation
//! and uitvraag, sent to BZK and bundled there.
//!
//! The format is specified in `docs/benchmarkbestand.md` (developer documentation, mirrors the
//! project's spec) and described as a Frictionless Table Schema in
//! `docs/benchmarkbestand.schema.json`. In short:
//!
//! - UTF-8 without BOM, `,` as delimiter, CRLF line ends, RFC 4180 quoting only where needed
//!   (a field containing a comma, a double quote, CR or LF);
//! - the header [`HEADER`], then one row per `(jaar, fase, post)`, sorted by jaar, fase
//!   (kenmerk, begroting, realisatie) and the post's position in the catalogue;
//! - `organisatie_naam` and `toelichting` get a leading `'` when they start with `=`, `+`, `-`,
//!   `@`, TAB or CR (spreadsheet safety).
//!
//! [`write()`] writes such a file and refuses data it could not write faithfully (so that
//! `read(write(data)) == data`). [`read()`] is a tolerant reader: it repairs what spreadsheets
//! typically do to a file (BOM, Windows-1252, `;` with decimal comma, LF line ends, amounts with
//! fewer decimals, surrounding spaces) with a `W1xx` warning, and rejects everything else with
//! an `F…` finding naming file, line and column. It never panics, whatever the bytes.

mod read;
pub(crate) mod text;
mod write;

pub use read::read;
pub use write::{write, WriteError};

use chrono::{DateTime, Utc};
use raadsbudget_domain::{Catalogue, Dataset, Fase, Finding, Jaar, OrgCode, Organisation};
use std::collections::BTreeMap;

/// The largest benchmark file any reader takes (a real one is about 10 kB): larger input is
/// refused without being read whole.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// Reads at most `limit` bytes from `reader`; `Ok(None)` when it has more. `capacity` is a
/// hint of the size to expect (it is capped by `limit`).
pub fn read_limited(
    reader: impl std::io::Read,
    limit: u64,
    capacity: u64,
) -> std::io::Result<Option<Vec<u8>>> {
    use std::io::Read as _;
    let mut bytes = Vec::with_capacity(usize::try_from(capacity.min(limit)).unwrap_or(0));
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)?;
    if u64::try_from(bytes.len()).map_or(true, |n| n > limit) {
        Ok(None)
    } else {
        Ok(Some(bytes))
    }
}

/// The value of the `formaat` column.
pub const FORMAT: &str = "bzk-raadsondersteuning/1";

/// The header line, column by column.
pub const HEADER: [&str; 15] = [
    "formaat",
    "definities",
    "uitvraagjaar",
    "organisatie_code",
    "organisatie_naam",
    "organisatie_type",
    "jaar",
    "fase",
    "post",
    "waarde",
    "reden",
    "toelichting",
    "revisie",
    "aangemaakt_op",
    "software",
];

/// 1-based column numbers, for findings.
pub(crate) mod col {
    pub const FORMAAT: u32 = 1;
    pub const DEFINITIES: u32 = 2;
    pub const UITVRAAGJAAR: u32 = 3;
    pub const ORGANISATIE_CODE: u32 = 4;
    pub const ORGANISATIE_NAAM: u32 = 5;
    pub const ORGANISATIE_TYPE: u32 = 6;
    pub const JAAR: u32 = 7;
    pub const FASE: u32 = 8;
    pub const POST: u32 = 9;
    pub const WAARDE: u32 = 10;
    pub const REDEN: u32 = 11;
    pub const TOELICHTING: u32 = 12;
    pub const REVISIE: u32 = 13;
    pub const AANGEMAAKT_OP: u32 = 14;
    pub const SOFTWARE: u32 = 15;
}

/// The `chrono` format of `aangemaakt_op`: RFC 3339 in UTC with seconds.
pub(crate) const MOMENT_FORMAT: &str = "%Y-%m-%dT%H:%M:%SZ";

/// Everything in a file that is the same on every row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileMeta {
    /// Catalogue version the values were entered under, e.g. `2026.1`.
    pub definities: String,
    /// The uitvraagjaar `U`.
    pub uitvraag: Jaar,
    /// The organisation (code and name).
    pub organisation: Organisation,
    /// 1 for the first export of this uitvraag, +1 for every corrected export.
    pub revisie: u32,
    /// Export moment; written as RFC 3339 UTC with seconds (`2026-03-01T09:30:00Z`). A
    /// sub-second part is not written.
    pub aangemaakt_op: DateTime<Utc>,
    /// Name and version of the program that wrote the file.
    pub software: String,
}

/// `raadsondersteuning_<U>_<code>_r<revisie>.csv`
pub fn file_name(uitvraag: Jaar, code: &OrgCode, revisie: u32) -> String {
    format!("raadsondersteuning_{uitvraag}_{code}_r{revisie}.csv")
}

/// The outcome of reading one file.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadOutcome {
    /// The file's content when the structure could be read (even if some rows had errors:
    /// those rows are left out of `data`). `None` when the file is unusable (unreadable, wrong
    /// header, no rows, mixed organisations, unknown catalogue version, …).
    pub file: Option<BenchmarkFile>,
    /// All findings, in file order: structure and repair findings first (by line and column),
    /// then the content findings of the uitvraag.
    pub findings: Vec<Finding>,
}

impl ReadOutcome {
    /// Whether any finding is an error (`F…`).
    pub fn has_errors(&self) -> bool {
        self.findings.iter().any(Finding::is_error)
    }
}

/// The content of a benchmark file.
#[derive(Debug, Clone, PartialEq)]
pub struct BenchmarkFile {
    /// What is the same on every row.
    pub meta: FileMeta,
    /// The rows that could be read, as records (each with `definities` = `meta.definities`).
    pub data: Dataset,
    /// Physical line (1-based, header = line 1) where each record starts, for locating
    /// findings.
    pub lines: RecordLines,
}

/// The physical line (1-based, header = line 1) where each record of a file starts, keyed by
/// `(jaar, fase, position in the file's catalogue)`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RecordLines {
    /// The file's catalogue: what the positions refer to.
    catalogue: Option<&'static Catalogue>,
    lines: BTreeMap<(Jaar, Fase, usize), u64>,
}

impl RecordLines {
    pub(crate) fn insert(&mut self, key: (Jaar, Fase, usize), line: u64) {
        self.lines.insert(key, line);
    }

    /// The line of a record.
    pub fn get(&self, jaar: Jaar, fase: Fase, post: &str) -> Option<u64> {
        let i = self.catalogue?.position(post)?;
        self.lines.get(&(jaar, fase, i)).copied()
    }

    /// How many records have a line.
    pub fn len(&self) -> usize {
        self.lines.len()
    }

    /// Whether no record has a line.
    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// `((jaar, fase, post), line)` in `(jaar, fase, post code)` order, the order of
    /// [`Dataset::records`].
    pub fn iter(&self) -> impl Iterator<Item = ((Jaar, Fase, &str), u64)> + '_ {
        let mut out: Vec<((Jaar, Fase, &str), u64)> = self
            .catalogue
            .into_iter()
            .flat_map(|cat| {
                self.lines.iter().filter_map(|(&(j, f, i), &line)| {
                    Some(((j, f, cat.posts.get(i)?.code.as_str()), line))
                })
            })
            .collect();
        out.sort_unstable();
        out.into_iter()
    }
}
