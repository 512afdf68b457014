//! The pure domain core of Raadsbudget.
//!
//! Architecture invariant: this crate does no I/O. It knows nothing about files, SQLite, CSV,
//! JSON on disk or Tauri. Everything here is a function of its arguments, so the desktop app,
//! the CLI and the bundler compute the same kengetallen and findings from the same data.
//! `cargo tree -p raadsbudget-domain` must never list rusqlite, csv or tauri (checked by a test).

pub mod catalogue;
pub mod dataset;
pub mod fase;
pub mod finding;
pub mod grootteklasse;
pub mod kengetallen;
pub mod mapping;
pub mod organisation;
pub mod previous;
pub mod quantile;
pub mod register;
pub mod seats;
pub mod statistiek;
pub mod submission;
pub mod validation;
pub mod value;
pub mod vergelijking;
pub mod version;

pub use catalogue::{Catalogue, Category, Change, ChangeKind, Post, Requirement, Unit};
pub use dataset::{Dataset, Fill, Record, RecordKey};
pub use fase::{Fase, Jaar};
pub use finding::{Finding, FindingCode, Location, Severity};
pub use organisation::{OrgCode, OrgType, Organisation};
pub use value::{Entry, Reason, Value};
pub use version::CatalogueVersion;

/// Name and version of this software, as written in the `software` column of a benchmark file.
pub const SOFTWARE: &str = concat!("Raadsbudget ", env!("CARGO_PKG_VERSION"));
