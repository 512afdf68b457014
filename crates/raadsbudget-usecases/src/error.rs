//! The use-case error: one Dutch message and a kind the UI can branch on.

use raadsbudget_domain::organisation::{OrgCodeError, OrganisationError};
use raadsbudget_domain::vergelijking::ComparisonError;
use raadsbudget_domain::Finding;
use raadsbudget_formats::bundel::read::WaardenError;
use raadsbudget_formats::register::RegisterError;
use raadsbudget_formats::WriteError;
use raadsbudget_store::{messages, StoreError};
use std::path::{Path, PathBuf};

/// Why a use case did not complete. Nothing was changed in the store when an error is returned.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The input is not valid (a code, a year, a value typed by the user…).
    #[error("{0}")]
    Invalid(String),
    /// A value does not fit its post: the finding says which rule and where.
    #[error("{}", .0.message)]
    Value(Box<Finding>),
    /// An organisation, post or file that was asked for does not exist.
    #[error("{0}")]
    NotFound(String),
    /// An organisation code or name is not valid.
    #[error(transparent)]
    Organisation(#[from] OrganisationError),
    /// A register file (codes and names) cannot be read.
    #[error(transparent)]
    Register(#[from] RegisterError),
    /// A bundle's `waarden.csv` cannot be read.
    #[error(transparent)]
    Waarden(#[from] WaardenError),
    /// A benchmark file cannot be written from the data (e.g. an unknown catalogue version).
    #[error(transparent)]
    BenchmarkWrite(#[from] WriteError),
    /// A comparison cannot be made as asked (kind `niet_gevonden` when nothing is loaded for
    /// the block, else `invoer`).
    #[error(transparent)]
    Comparison(#[from] ComparisonError),
    /// The action is refused because of error findings (e.g. export with errors).
    #[error("{message}")]
    Findings {
        /// Summary.
        message: String,
        /// The findings that caused the refusal.
        findings: Vec<Finding>,
    },
    /// The store failed. Its message names the database file once [`Error::with_store_path`]
    /// was applied (see there).
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A file could not be read or written. The message is Dutch and says what to do (see
    /// [`raadsbudget_store::messages::io`]); the OS's English text is never shown.
    #[error("{} {}", path.display(), messages::io(.source))]
    Io {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        source: std::io::Error,
    },
    /// A backup passed every check, the current content was saved, but replacing the content
    /// failed. Says where the saved copy is.
    #[error(
        "de back-up is niet teruggezet: {source}; de inhoud van vóór het terugzetten is bewaard \
         in {}",
        kept.display()
    )]
    RestoreFailed {
        /// The copy of the content before the restore.
        kept: PathBuf,
        /// Why applying failed.
        source: StoreError,
    },
}

impl Error {
    /// A stable, machine-readable kind: `invoer`, `waarde`, `niet_gevonden`, `meldingen`,
    /// `opslag` or `bestand`.
    pub fn kind(&self) -> &'static str {
        match self {
            Error::Invalid(_)
            | Error::Organisation(_)
            | Error::Register(_)
            | Error::Waarden(_)
            | Error::BenchmarkWrite(_) => "invoer",
            Error::Value(_) => "waarde",
            Error::NotFound(_) => "niet_gevonden",
            Error::Comparison(e) if e.is_not_found() => "niet_gevonden",
            Error::Comparison(_) => "invoer",
            Error::Findings { .. } => "meldingen",
            Error::Store(_) | Error::RestoreFailed { .. } => "opslag",
            Error::Io { .. } => "bestand",
        }
    }

    /// Names the store's database file in an error of the store ([`StoreError::in_file`]), so
    /// a message like "de database is bezet" always says which file. Errors about other files
    /// (a backup, an export) already name theirs and are returned unchanged, as is every error
    /// when `path` is `None` (a store in memory).
    ///
    /// Why here: the store raises its errors with `?` in every operation and does not add its
    /// path to each; the use cases pass them on the same way. The one place that knows which
    /// store a command used is the shell, so the shells call this once on every error of a
    /// command that opened a store (the CLI in `main`, the desktop app where it maps errors to
    /// `ErrorView`); [`crate::Session::open`] does it for errors while opening.
    pub fn with_store_path(self, path: Option<&Path>) -> Error {
        let Some(path) = path else {
            return self;
        };
        match self {
            Error::Store(e) => Error::Store(e.in_file(path)),
            Error::RestoreFailed { kept, source } => Error::RestoreFailed {
                kept,
                source: source.in_file(path),
            },
            other => other,
        }
    }

    /// A file error: the path and what the OS said (shown in Dutch).
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}

impl From<OrgCodeError> for Error {
    fn from(e: OrgCodeError) -> Error {
        Error::Organisation(e.into())
    }
}

/// Result of a use case.
pub type Result<T> = std::result::Result<T, Error>;
