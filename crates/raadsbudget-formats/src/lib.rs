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

pub mod benchmark;

pub use benchmark::{
    file_name, read, write, BenchmarkFile, FileMeta, ReadOutcome, WriteError, FORMAT, HEADER,
};
