//! File formats of Raadsbudget.
//!
//! Architecture invariant: this crate reads from bytes or [`std::io::Read`] and writes to
//! [`std::io::Write`]; it never opens a file by path (the callers do). Nothing here panics on
//! any input, and money is always [`rust_decimal::Decimal`].
//!
//! - [`benchmark`]: the BZK benchmark file, format `bzk-raadsondersteuning/1` — the writer and
//!   the tolerant reader. The format is documented for developers in
//!   `docs/benchmarkbestand.md`; its Frictionless Table Schema is
//!   `docs/benchmarkbestand.schema.json`.
//! - [`register`]: register files (organisation codes and names, e.g. the CBS list of
//!   gemeenten), read tolerantly from a CSV a researcher downloads or makes in a spreadsheet.
//! - [`invulbestand`]: the spreadsheet invulbestand, format `bzk-raadsondersteuning-xlsx/1`
//!   (`docs/invulbestand.md`): made from the catalogue, read back into the same data with the
//!   same rules as the benchmark file. [`read_submission`] reads either carrier.
//! - [`table`]: tables with a schema, written as CSV row by row; [`bundel`] holds the table
//!   specifications of a bundle's outputs, from which `datapackage.json` and the XLSX sheets
//!   are derived too.

pub mod benchmark;
pub mod bundel;
pub mod factsheet;
pub mod invulbestand;
pub mod register;
pub mod table;
pub mod vergelijking;

pub use benchmark::{
    file_name, read, write, BenchmarkFile, FileMeta, ReadOutcome, WriteError, FORMAT, HEADER,
};

/// Reads and checks one submission, whichever carrier it is: a filled invulbestand
/// ([`invulbestand::is_workbook`]: a zip, an OLE compound file or an `.xlsx` name) or a
/// benchmark file. `file_modified` is the file's own modification time, used for a workbook
/// that does not say when it was saved.
pub fn read_submission(
    name: &str,
    bytes: &[u8],
    file_modified: Option<chrono::DateTime<chrono::Utc>>,
) -> ReadOutcome {
    if invulbestand::is_workbook(name, bytes) {
        invulbestand::read(name, bytes, file_modified)
    } else {
        benchmark::read(name, bytes)
    }
}
