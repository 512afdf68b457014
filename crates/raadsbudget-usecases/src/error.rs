//! The use-case error: one Dutch message and a kind the UI can branch on.

use raadsbudget_domain::Finding;
use std::path::PathBuf;

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
    /// The action is refused because of error findings (e.g. export with errors).
    #[error("{message}")]
    Findings {
        /// Summary.
        message: String,
        /// The findings that caused the refusal.
        findings: Vec<Finding>,
    },
    /// The store failed.
    #[error(transparent)]
    Store(#[from] raadsbudget_store::StoreError),
    /// A file could not be read or written.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        source: std::io::Error,
    },
}

impl Error {
    /// A stable, machine-readable kind: `invoer`, `waarde`, `niet_gevonden`, `meldingen`,
    /// `opslag` or `bestand`.
    pub fn kind(&self) -> &'static str {
        match self {
            Error::Invalid(_) => "invoer",
            Error::Value(_) => "waarde",
            Error::NotFound(_) => "niet_gevonden",
            Error::Findings { .. } => "meldingen",
            Error::Store(_) => "opslag",
            Error::Io { .. } => "bestand",
        }
    }

    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}

/// Result of a use case.
pub type Result<T> = std::result::Result<T, Error>;
