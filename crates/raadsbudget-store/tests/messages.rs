//! The store's errors are Dutch and name the database file they are about: real failures of
//! SQLite, not constructed ones.

use raadsbudget_domain::Organisation;
use raadsbudget_store::{Store, StoreError};
use std::path::Path;

/// English from SQLite; none of it may reach a user.
const SQLITE_ENGLISH: &[&str] = &[
    "attempt to write",
    "readonly",
    "database is locked",
    "unable to open",
    "malformed",
    "not a database",
    "error",
];

fn assert_dutch_naming(message: &str, file: &Path) {
    let shown = file.display().to_string();
    assert!(message.contains(&shown), "{shown} not named in {message}");
    let rest = message.replace(&shown, "");
    for english in SQLITE_ENGLISH {
        assert!(!rest.contains(english), "{english:?} in {message}");
    }
}

fn org(code: &str) -> Organisation {
    Organisation::new(code, "Ergens").unwrap()
}

#[test]
fn a_read_only_database_says_so_and_names_the_file() {
    // chmod does not stop root, so open the file the way a read-only medium would be:
    // SQLite's own read-only mode, through a URI.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("raadsbudget.sqlite");
    Store::open(&path)
        .unwrap()
        .add_organisation(&org("GM0363"), "tester")
        .unwrap();
    let uri = format!("file:{}?mode=ro", path.display());
    let mut store = Store::open(Path::new(&uri)).unwrap();
    assert_eq!(store.organisations().unwrap().len(), 1, "reading works");
    let err = store
        .add_organisation(&org("GM0599"), "tester")
        .unwrap_err();
    assert!(matches!(err, StoreError::Sqlite(_)), "{err:?}");
    let message = err.in_file(&path).to_string();
    assert!(
        message.contains("de database kan alleen worden gelezen, niet gewijzigd"),
        "{message}"
    );
    assert_dutch_naming(&message, &path);
}

#[test]
fn a_too_new_backup_names_the_backup_not_the_store() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("raadsbudget.sqlite");
    let store = Store::open(&path).unwrap();
    let backup = dir.path().join("nieuwer.sqlite");
    store.backup_to(&backup).unwrap();
    rusqlite::Connection::open(&backup)
        .unwrap()
        .execute_batch("PRAGMA user_version = 999;")
        .unwrap();
    let err = store.prepare_restore(&backup).unwrap_err();
    assert!(
        matches!(err.inner(), StoreError::TooNew { found: 999, .. }),
        "{err:?}"
    );
    // Naming the store afterwards (as the shells do) does not hide which file it was.
    let message = err.in_file(&path).to_string();
    assert_dutch_naming(&message, &backup);
    assert!(!message.contains(&path.display().to_string()), "{message}");
    assert!(message.contains("Werk Raadsbudget bij"), "{message}");
}

#[test]
fn a_refused_restore_leaves_nothing_next_to_the_store() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("raadsbudget.sqlite");
    let store = Store::open(&path).unwrap();
    let junk = dir.path().join("junk.sqlite");
    std::fs::write(&junk, "geen database ".repeat(100)).unwrap();
    let listing = || {
        let mut names: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    };
    let before = listing();
    assert!(store.prepare_restore(&junk).is_err());
    assert_eq!(listing(), before);
    // A good backup staged and dropped without applying: its staging folder goes too.
    let good = dir.path().join("goed.sqlite");
    store.backup_to(&good).unwrap();
    let before = listing();
    drop(store.prepare_restore(&good).unwrap());
    assert_eq!(listing(), before);
}
