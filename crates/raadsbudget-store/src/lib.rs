//! The SQLite store of Raadsbudget.
//!
//! One file holds the organisations a griffie works for, the current entry of every
//! `(organisation, jaar, fase, post)`, the history of exported benchmark files, an
//! append-only audit log of every change (with undo recorded as new rows), and settings.
//!
//! * Schema changes are append-only migrations (`migrations/NNNN_*.sql`, see [`migrations`]);
//!   the schema version lives in `PRAGMA user_version`. A file newer than this build is
//!   refused without being touched ([`StoreError::TooNew`]).
//! * Every connection runs with `journal_mode=WAL`, `synchronous=FULL`, `foreign_keys=ON`
//!   and a busy timeout: a value whose write returned `Ok` survives a killed process or a
//!   power cut.
//! * Every write runs in one transaction; [`Store::set_records`] writes many changes all or
//!   nothing.
//! * Values are stored as their canonical text ([`Value::to_canonical`]), never as floating
//!   point, and read back with the unit of the catalogue version they were entered under.
//!
//! See `docs/store.md` in the repository for the schema, the migration rules and the
//! audit/undo semantics.
//!
//! [`Value::to_canonical`]: raadsbudget_domain::Value::to_canonical

mod columns;
pub mod durable;
pub mod location;
pub mod messages;
pub mod migrations;
mod store;
mod transaction;

use raadsbudget_domain::Jaar;
use std::path::{Path, PathBuf};

pub use migrations::SCHEMA_VERSION;
pub use store::register_catalogues_of;
pub use store::{
    AuditEntry, BenchmarkSource, BenchmarkSubmission, ExportRecord, HistoryFilter, NewSubmission,
    StagedRestore, Store, StoredCatalogue,
};

/// Why a store operation failed. The messages are Dutch: they are shown to users as they are,
/// and never contain SQLite's or the operating system's English (see [`messages`]).
///
/// **Which file.** An error about a database file must name that file. Errors about another
/// file (a backup's source or destination) name it themselves ([`StoreError::NotRaadsbudget`],
/// [`StoreError::DestinationExists`], [`StoreError::Io`], or [`StoreError::InFile`] for the
/// backup's source). An error of the store's own file ([`StoreError::Sqlite`],
/// [`StoreError::TooNew`], [`StoreError::Corrupt`]) does not carry the path: the store's ~30
/// operations raise them with `?` everywhere, and the caller that knows which store it opened
/// adds it once with [`StoreError::in_file`] (the use-case layer does this in
/// `Session::open` and through `Error::with_store_path`, which the shells call).
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// SQLite reported an error (the text says what to do; see [`messages::sqlite`]).
    #[error("{}", messages::sqlite(.0))]
    Sqlite(#[from] rusqlite::Error),
    /// Reading or writing a file other than the store failed (e.g. a backup).
    #[error("{} {}", .path.display(), messages::io(.source))]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// What went wrong.
        source: std::io::Error,
    },
    /// An error about the database file `path`: the file, then what is wrong with it.
    #[error("{}: {source}", .path.display())]
    InFile {
        /// The database file.
        path: PathBuf,
        /// What went wrong.
        source: Box<StoreError>,
    },
    /// The file was written by a newer Raadsbudget; it was not changed.
    #[error(
        "deze database heeft schemaversie {found}, maar deze versie van Raadsbudget kent alleen \
         versies tot en met {known}. Werk Raadsbudget bij om dit bestand te openen; het bestand \
         is niet gewijzigd."
    )]
    TooNew {
        /// The file's schema version.
        found: u32,
        /// The newest schema version this build knows.
        known: u32,
    },
    /// The file is not a Raadsbudget database (or not a usable one); it was not changed.
    #[error("{path} is geen bruikbare Raadsbudget-database: {reason}")]
    NotRaadsbudget {
        /// The file.
        path: String,
        /// What is wrong with it.
        reason: String,
    },
    /// The database would lie on a network filesystem ([`location`]); nothing was written.
    #[error(
        "deze database staat op een netwerkschijf ({fstype}: {mount}). Daar kan SQLite de \
         database niet veilig bijwerken: als er tegelijk ergens anders geschreven wordt, kan ze \
         beschadigd raken. Er is niets geschreven. Kies een map op deze computer voor de \
         database (in de app met RAADSBUDGET_DB=<pad>, met het commando met --db <pad>) en \
         bewaar een back-up op de netwerkschijf (Back-up in de app, of raadsbudget backup maken \
         --naar <pad op de schijf>)."
    )]
    NetworkFilesystem {
        /// The filesystem type, e.g. `cifs`.
        fstype: String,
        /// The share and where it is mounted.
        mount: String,
    },
    /// The organisation is not in this store.
    #[error("organisatie {0} staat niet in deze database; voeg haar eerst toe")]
    UnknownOrganisation(String),
    /// The organisation is already in this store.
    #[error("organisatie {0} staat al in deze database")]
    DuplicateOrganisation(String),
    /// A non-concept export with this revisie is already recorded.
    #[error(
        "revisie {revisie} van uitvraag {uitvraag} is voor {organisation} al vastgelegd; \
         een nieuwe versie krijgt een hoger revisienummer"
    )]
    DuplicateExport {
        /// Organisation code.
        organisation: String,
        /// Uitvraag year.
        uitvraag: Jaar,
        /// The revisie that already exists.
        revisie: u32,
    },
    /// A value was entered under a catalogue version this build does not know.
    #[error(
        "{waar}: definitieversie '{versie}' is onbekend in deze versie van Raadsbudget \
         (bekend: {bekend}); werk Raadsbudget bij"
    )]
    UnknownDefinities {
        /// The unknown version.
        versie: String,
        /// Which entry.
        waar: String,
        /// The versions this build knows, comma-separated.
        bekend: String,
    },
    /// Something to be written does not fit (e.g. a value that does not match the post's
    /// unit); nothing was written.
    #[error("ongeldige invoer: {0}")]
    Invalid(String),
    /// Stored data could not be read back (e.g. a value that does not parse); says where.
    #[error("beschadigde gegevens in de database: {0}")]
    Corrupt(String),
    /// A backup would overwrite an existing file.
    #[error("{} bestaat al; een back-up overschrijft geen bestaand bestand", .0.display())]
    DestinationExists(PathBuf),
}

impl StoreError {
    /// Names the database file an error is about: an error of a database file's own
    /// ([`StoreError::Sqlite`], [`StoreError::TooNew`], [`StoreError::Corrupt`]) becomes
    /// [`StoreError::InFile`]; any other error (one that names its file already, or that is
    /// not about a file, like an unknown organisation) is returned as it is.
    pub fn in_file(self, path: &Path) -> StoreError {
        match self {
            StoreError::Sqlite(_) | StoreError::TooNew { .. } | StoreError::Corrupt(_) => {
                StoreError::InFile {
                    path: path.to_path_buf(),
                    source: Box::new(self),
                }
            }
            other => other,
        }
    }

    /// The error itself, without the file an [`StoreError::InFile`] adds.
    pub fn inner(&self) -> &StoreError {
        match self {
            StoreError::InFile { source, .. } => source.inner(),
            other => other,
        }
    }

    /// An I/O error on `path`.
    pub(crate) fn io(path: &Path, source: std::io::Error) -> StoreError {
        StoreError::Io {
            path: path.to_path_buf(),
            source,
        }
    }
}

/// The result of a store operation.
pub type Result<T> = std::result::Result<T, StoreError>;
