//! Dutch texts for errors from the operating system and from SQLite.
//!
//! A user never sees a library's English: an [`std::io::Error`] is described by its
//! [`ErrorKind`] and a SQLite error by its [`rusqlite::ErrorCode`], each with what to do. The
//! text of the library is never shown; where nothing more specific is known, only the operating
//! system's error *number* is (so support can look it up).
//!
//! This is the one table for the whole workspace: the store uses it for its own errors, the
//! use cases (`raadsbudget_usecases`) for every file they read or write, and the CLI for its
//! standard output.

use rusqlite::ErrorCode;
use std::io::ErrorKind;

/// What went wrong with a file or folder, in Dutch, as a predicate that follows its subject:
/// `format!("{} {}", path.display(), io(&e))` reads "…/x.csv bestaat niet; controleer …".
/// Says what to do; never contains the operating system's English text.
pub fn io(e: &std::io::Error) -> String {
    let text = match e.kind() {
        ErrorKind::NotFound => "bestaat niet; controleer de naam en de map",
        ErrorKind::PermissionDenied => {
            "is niet toegankelijk: u hebt er geen toestemming voor; controleer de rechten op het \
             bestand en de map, of kies een andere plaats"
        }
        ErrorKind::AlreadyExists => {
            "bestaat al; kies een andere naam, of verplaats of verwijder het bestaande bestand"
        }
        ErrorKind::StorageFull => {
            "kan niet worden geschreven: de schijf is vol; maak ruimte vrij en probeer het opnieuw"
        }
        ErrorKind::QuotaExceeded => {
            "kan niet worden geschreven: uw schijfruimte (quotum) is op; ruim bestanden op of \
             vraag de beheerder om meer ruimte"
        }
        ErrorKind::FileTooLarge => {
            "kan niet worden geschreven: het wordt te groot voor dit bestandssysteem; kies een \
             andere schijf"
        }
        ErrorKind::ReadOnlyFilesystem => {
            "kan niet worden geschreven: de schijf of map is alleen-lezen; kies een plaats waar u \
             mag schrijven"
        }
        ErrorKind::IsADirectory => "is een map en geen bestand; geef de naam van een bestand op",
        ErrorKind::NotADirectory => {
            "kan niet worden gebruikt: een deel van het pad is een bestand en geen map; \
             controleer het pad"
        }
        ErrorKind::DirectoryNotEmpty => {
            "is een map die niet leeg is; maak haar leeg of kies een andere map"
        }
        ErrorKind::CrossesDevices => {
            "kan niet in één stap naar een andere schijf worden verplaatst; kies een map op \
             dezelfde schijf"
        }
        ErrorKind::Interrupted | ErrorKind::TimedOut => {
            "kon niet worden gelezen of geschreven: de bewerking werd onderbroken of duurde te \
             lang; probeer het opnieuw"
        }
        ErrorKind::WouldBlock | ErrorKind::ResourceBusy | ErrorKind::ExecutableFileBusy => {
            "is in gebruik door een ander programma; sluit dat programma en probeer het opnieuw"
        }
        ErrorKind::BrokenPipe => {
            "kan niet verder worden geschreven: het programma dat de uitvoer las is gestopt"
        }
        ErrorKind::InvalidData => {
            "bevat gegevens die niet kunnen worden gelezen (bijvoorbeeld tekst die geen geldige \
             UTF-8 is); controleer het bestand of vraag een nieuw exemplaar"
        }
        ErrorKind::UnexpectedEof => {
            "houdt onverwacht op: het is afgebroken of beschadigd; vraag een nieuw exemplaar"
        }
        ErrorKind::WriteZero => {
            "kon niet volledig worden geschreven; controleer de schijf en probeer het opnieuw"
        }
        ErrorKind::OutOfMemory => {
            "kan niet worden verwerkt: er is niet genoeg geheugen; sluit andere programma's en \
             probeer het opnieuw"
        }
        ErrorKind::TooManyLinks => {
            "kan niet worden geopend: het pad bevat te veel koppelingen; controleer het pad"
        }
        ErrorKind::StaleNetworkFileHandle
        | ErrorKind::NetworkDown
        | ErrorKind::NetworkUnreachable
        | ErrorKind::HostUnreachable
        | ErrorKind::ConnectionAborted
        | ErrorKind::ConnectionReset
        | ErrorKind::NotConnected => {
            "is niet bereikbaar: de verbinding met de netwerkschijf is verbroken; controleer de \
             verbinding en probeer het opnieuw"
        }
        ErrorKind::Unsupported | ErrorKind::NotSeekable => {
            "kan zo niet worden gebruikt: dit systeem of bestandssysteem ondersteunt het niet; \
             kies een gewoon bestand op een lokale schijf"
        }
        _ => return fallback(e),
    };
    text.to_string()
}

/// An error this table does not know: the OS error number, never its English text.
fn fallback(e: &std::io::Error) -> String {
    match e.raw_os_error() {
        // ENAMETOOLONG (Linux 36, macOS 63), ERROR_INVALID_NAME / ERROR_FILENAME_EXCED_RANGE
        // (Windows 123, 206): `ErrorKind::InvalidFilename` is newer than our minimum Rust.
        Some(36) if cfg!(target_os = "linux") => invalid_name(),
        Some(63) if cfg!(target_os = "macos") => invalid_name(),
        Some(123 | 206) if cfg!(windows) => invalid_name(),
        Some(code) => format!(
            "kan niet worden gelezen of geschreven (foutcode {code} van het besturingssysteem); \
             controleer het bestand en de schijf en probeer het opnieuw"
        ),
        None => "kan niet worden gelezen of geschreven; controleer het bestand en de schijf en \
                 probeer het opnieuw"
            .to_string(),
    }
}

fn invalid_name() -> String {
    "heeft een ongeldige of te lange naam; kies een kortere naam zonder bijzondere tekens"
        .to_string()
}

/// What went wrong in SQLite, in Dutch, as a sentence about "de database" that follows the
/// database's file name (see [`crate::StoreError::in_file`]). Says what to do; never contains
/// SQLite's English text (only the messages of Raadsbudget's own triggers, which are Dutch).
pub fn sqlite(e: &rusqlite::Error) -> String {
    let rusqlite::Error::SqliteFailure(f, message) = e else {
        return match e {
            rusqlite::Error::FromSqlConversionFailure(..)
            | rusqlite::Error::IntegralValueOutOfRange(..)
            | rusqlite::Error::Utf8Error(_)
            | rusqlite::Error::InvalidColumnType(..) => {
                "de database bevat gegevens die niet kunnen worden gelezen; zet een back-up \
                 terug of neem contact op met wie Raadsbudget beheert"
                    .to_string()
            }
            rusqlite::Error::InvalidPath(_) | rusqlite::Error::NulError(_) => {
                "de naam van het databasebestand kan niet worden gebruikt; kies een naam zonder \
                 bijzondere tekens"
                    .to_string()
            }
            _ => "interne fout bij het gebruik van de database; probeer het opnieuw en meld het \
                  als het blijft gebeuren"
                .to_string(),
        };
    };
    let text = match f.code {
        ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked => {
            "de database is bezet: een ander programma (de desktopapp of een andere opdracht) is \
             erin aan het schrijven; wacht tot dat klaar is of sluit het, en probeer het opnieuw"
        }
        ErrorCode::ReadOnly => {
            "de database kan alleen worden gelezen, niet gewijzigd; controleer of u mag schrijven \
             in het bestand en in de map ernaast, of zet de database op een plaats waar dat mag"
        }
        ErrorCode::CannotOpen => {
            "de database kan niet worden geopend of aangemaakt; controleer of de map bestaat en \
             of u er mag schrijven"
        }
        ErrorCode::PermissionDenied | ErrorCode::AuthorizationForStatementDenied => {
            "geen toegang tot de database; controleer de rechten op het bestand en de map"
        }
        ErrorCode::DatabaseCorrupt => {
            "de database is beschadigd; zet een back-up terug (de huidige inhoud wordt daarbij \
             eerst bewaard)"
        }
        ErrorCode::NotADatabase => {
            "dit bestand is geen database (of het is beschadigd); controleer of u het goede \
             bestand hebt gekozen"
        }
        ErrorCode::DiskFull => {
            "de schijf is vol; maak ruimte vrij en probeer het opnieuw (wat eerder was opgeslagen \
             blijft bewaard)"
        }
        ErrorCode::SystemIoFailure => {
            "lezen of schrijven op de schijf is mislukt; controleer de schijf (of de verbinding \
             met de netwerkschijf) en probeer het opnieuw"
        }
        ErrorCode::FileLockingProtocolFailed => {
            "de database kan niet worden vergrendeld (dat gebeurt op sommige netwerkschijven); \
             zet de database op een lokale schijf"
        }
        ErrorCode::NoLargeFileSupport => {
            "het bestandssysteem ondersteunt zo'n groot bestand niet; zet de database op een \
             andere schijf"
        }
        ErrorCode::OutOfMemory => {
            "er is niet genoeg geheugen; sluit andere programma's en probeer het opnieuw"
        }
        ErrorCode::TooBig => "de gegevens zijn te groot voor de database; maak ze kleiner",
        ErrorCode::OperationInterrupted | ErrorCode::OperationAborted => {
            "de bewerking is afgebroken; er is niets gewijzigd; probeer het opnieuw"
        }
        ErrorCode::SchemaChanged => {
            "de database werd tegelijk door een ander programma gewijzigd; probeer het opnieuw"
        }
        ErrorCode::ConstraintViolation => {
            return match message {
                // Raadsbudget's own triggers speak Dutch (RAISE in migrations/*.sql).
                Some(m) if f.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_TRIGGER => {
                    format!("de wijziging is geweigerd: {m}")
                }
                _ => "de wijziging past niet bij de regels van de database en is niet \
                      uitgevoerd; meld dit als het blijft gebeuren"
                    .to_string(),
            };
        }
        _ => {
            return format!(
                "interne fout van de database (SQLite-foutcode {}); probeer het opnieuw en meld \
                 het als het blijft gebeuren",
                f.extended_code
            )
        }
    };
    text.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every text must be Dutch: no English word the OS or SQLite would use.
    fn assert_dutch(text: &str) {
        for english in [
            "error",
            "file",
            "denied",
            "exists",
            "space",
            "device",
            "locked",
            "readonly",
            "unable",
            "malformed",
            "database is locked",
            "disk i/o",
            "os error",
            "not ",
            "the ",
        ] {
            assert!(
                !text.to_lowercase().contains(english),
                "{english:?} in {text:?}"
            );
        }
    }

    #[test]
    fn os_errors_by_kind_are_dutch_with_advice() {
        for (kind, expect) in [
            (ErrorKind::NotFound, "bestaat niet"),
            (ErrorKind::PermissionDenied, "toestemming"),
            (ErrorKind::AlreadyExists, "bestaat al"),
            (ErrorKind::StorageFull, "schijf is vol"),
            (ErrorKind::QuotaExceeded, "quotum"),
            (ErrorKind::ReadOnlyFilesystem, "alleen-lezen"),
            (ErrorKind::IsADirectory, "is een map"),
            (ErrorKind::NotADirectory, "geen map"),
            (ErrorKind::DirectoryNotEmpty, "niet leeg"),
            (ErrorKind::FileTooLarge, "te groot"),
            (ErrorKind::CrossesDevices, "andere schijf"),
            (ErrorKind::Interrupted, "onderbroken"),
            (ErrorKind::TimedOut, "te lang"),
            (ErrorKind::BrokenPipe, "gestopt"),
            (ErrorKind::InvalidData, "niet kunnen worden gelezen"),
            (ErrorKind::UnexpectedEof, "onverwacht"),
        ] {
            let text = io(&std::io::Error::new(kind, "English text from a library"));
            assert!(text.contains(expect), "{kind:?}: {text}");
            assert!(!text.contains("English"), "{kind:?}: {text}");
            assert_dutch(&text);
        }
    }

    #[test]
    fn os_errors_from_the_system_are_dutch() {
        // Real errno values as the OS reports them (Linux numbering).
        #[cfg(target_os = "linux")]
        for (code, expect) in [
            (28, "schijf is vol"),
            (17, "bestaat al"),
            (2, "bestaat niet"),
            (13, "toestemming"),
            (30, "alleen-lezen"),
            (36, "te lange naam"),
            (122, "quotum"),
            (5, "foutcode 5"),
        ] {
            let e = std::io::Error::from_raw_os_error(code);
            let text = io(&e);
            assert!(text.contains(expect), "{code}: {text}");
            assert_dutch(&text);
        }
        let unknown = io(&std::io::Error::other("something odd"));
        assert!(!unknown.contains("odd"), "{unknown}");
        assert_dutch(&unknown);
    }

    #[test]
    fn sqlite_errors_by_code_are_dutch_with_advice() {
        use rusqlite::ffi;
        for (code, expect) in [
            (ffi::SQLITE_BUSY, "bezet"),
            (ffi::SQLITE_LOCKED, "bezet"),
            (ffi::SQLITE_READONLY, "alleen worden gelezen"),
            (ffi::SQLITE_CANTOPEN, "niet worden geopend"),
            (ffi::SQLITE_CORRUPT, "beschadigd"),
            (ffi::SQLITE_NOTADB, "geen database"),
            (ffi::SQLITE_FULL, "schijf is vol"),
            (ffi::SQLITE_IOERR, "lezen of schrijven"),
            (ffi::SQLITE_PERM, "geen toegang"),
            (ffi::SQLITE_NOMEM, "geheugen"),
            (ffi::SQLITE_CONSTRAINT_CHECK, "regels van de database"),
            (ffi::SQLITE_MISMATCH, "SQLite-foutcode 20"),
        ] {
            let e = rusqlite::Error::SqliteFailure(
                ffi::Error::new(code),
                Some("English text from SQLite".into()),
            );
            let text = sqlite(&e);
            assert!(text.contains(expect), "{code}: {text}");
            assert!(!text.contains("English"), "{code}: {text}");
            assert_dutch(&text);
        }
        let own = rusqlite::Error::SqliteFailure(
            ffi::Error::new(ffi::SQLITE_CONSTRAINT_TRIGGER),
            Some("het auditlog kan alleen worden aangevuld".into()),
        );
        assert!(sqlite(&own).contains("het auditlog kan alleen worden aangevuld"));
        assert_dutch(&sqlite(&rusqlite::Error::QueryReturnedNoRows));
    }
}
