//! The CLI and its database: a mistyped `--db` creates nothing, a refused restore leaves
//! nothing behind, and every database problem is a Dutch message that names the file. Drives
//! the real binary.

mod common;

use common::{
    add_amsterdam, backup, personeel, raadsbudget, raadsbudget_bare, restore, set_personeel,
    store_with_a_value, ADD_AMSTERDAM,
};
use std::path::{Path, PathBuf};

/// English from SQLite and the OS; none of it may reach a user.
const LIBRARY_ENGLISH: &[&str] = &[
    "database is locked",
    "readonly",
    "unable to open",
    "malformed",
    "not a database",
    "disk image",
    "disk I/O",
    "os error",
    "No such file",
    "Not a directory",
    "Permission denied",
    "File exists",
    "error",
    "failed",
    "file is",
];

fn assert_dutch_naming(what: &str, message: &str, file: &Path) {
    let shown = file.display().to_string();
    assert!(
        message.contains(&shown),
        "{what}: {shown} not named in {message}"
    );
    // The path itself could hold anything; look at the rest.
    let rest = message.replace(&shown, "");
    for english in LIBRARY_ENGLISH {
        assert!(!rest.contains(english), "{what}: {english:?} in {message}");
    }
}

/// Commands that need an existing store, with their arguments.
fn needs_a_store() -> Vec<Vec<&'static str>> {
    vec![
        vec!["organisatie", "lijst"],
        vec!["waarde", "lijst", "--organisatie", "GM0363"],
        personeel("zet", &["--waarde", "1"]),
        personeel("wis", &[]),
        vec![
            "controleer",
            "--organisatie",
            "GM0363",
            "--uitvraag",
            "2026",
        ],
        vec!["geschiedenis", "--organisatie", "GM0363"],
        vec!["ongedaan-maken", "--organisatie", "GM0363"],
        vec![
            "export",
            "--organisatie",
            "GM0363",
            "--uitvraag",
            "2026",
            "--uit",
            "uit",
        ],
        vec!["backup", "maken", "--naar", "kopie.sqlite"],
    ]
}

#[test]
fn a_mistyped_database_for_a_command_that_needs_one_creates_nothing() {
    let dir = tempfile::tempdir().expect("temp");
    let typo = dir.path().join("raadsbugdet").join("raadsbudget.sqlite");
    for args in needs_a_store() {
        let r = std::process::Command::new(env!("CARGO_BIN_EXE_raadsbudget"))
            .arg("--db")
            .arg(&typo)
            .args(&args)
            .env_remove("RAADSBUDGET_DB")
            .current_dir(dir.path())
            .output()
            .expect("run");
        let r: common::Run = r.into();
        let what = args.join(" ");
        assert_eq!(r.code, 2, "{what}: {}", r.stderr);
        assert!(r.stderr.contains("bestaat niet"), "{what}: {}", r.stderr);
        assert!(
            r.stderr.contains("raadsbudget organisatie toevoegen"),
            "{what}: says how to make one: {}",
            r.stderr
        );
        assert_dutch_naming(&what, &r.stderr, &typo);
        assert!(!typo.exists(), "{what} created the file");
        assert!(
            !typo.parent().expect("folder").exists(),
            "{what} created the folder"
        );
    }
    assert_eq!(
        std::fs::read_dir(dir.path()).expect("dir").count(),
        0,
        "nothing at all was created"
    );
    // A folder given as the database.
    let r = raadsbudget(dir.path(), &["organisatie", "lijst"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("is een map"), "{}", r.stderr);
    // Adding an organisation still makes a new store, folder and all.
    add_amsterdam(&typo);
    assert!(typo.is_file());
    let r = raadsbudget(&typo, &["organisatie", "lijst"]);
    assert_eq!(r.stdout, "GM0363\tgemeente\tAmsterdam\n");
}

#[test]
fn an_empty_database_path_is_a_usage_error_for_every_command() {
    let mut commands = needs_a_store();
    commands.extend([
        vec!["definities"],
        vec![
            "organisatie",
            "toevoegen",
            "--code",
            "GM0363",
            "--naam",
            "A",
        ],
        vec!["import", "x.csv"],
        vec!["demo", "--organisaties", "1"],
        vec!["gebruiker", "--naam", "J"],
        vec!["backup", "terugzetten", "--van", "x.sqlite"],
        vec!["bundel", "x", "--uit", "y"],
    ]);
    for args in commands {
        let mut all = vec!["--db", ""];
        all.extend_from_slice(&args);
        let r = raadsbudget_bare(&all);
        let what = args.join(" ");
        assert_eq!(r.code, 2, "{what}: {}", r.stderr);
        assert!(
            r.stderr.contains("bij --db <PAD> ontbreekt de waarde"),
            "{what}: {}",
            r.stderr
        );
    }
}

/// The files next to the store whose name starts with the safety copy's prefix.
fn safety_copies(folder: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(folder)
        .expect("dir")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("raadsbudget-voor-terugzetten-"))
        })
        .collect()
}

fn folder_listing(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .expect("dir")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_refused_restore_leaves_no_safety_copy_and_changes_nothing() {
    let dir = tempfile::tempdir().expect("temp");
    let (data, db) = store_with_a_value(dir.path());
    let before = raadsbudget(&db, &["waarde", "lijst", "--organisatie", "GM0363"]).stdout;
    assert!(before.contains("GRF.PERSONEEL\t100,00"), "{before}");
    let listing = folder_listing(&data);

    let junk = dir.path().join("geen-database.sqlite");
    std::fs::write(&junk, "dit is geen database ".repeat(50)).expect("write");
    let newer = dir.path().join("nieuwer.sqlite");
    backup(&db, &newer);
    rusqlite::Connection::open(&newer)
        .expect("open")
        .execute_batch("PRAGMA user_version = 999;")
        .expect("newer schema");
    let missing = dir.path().join("bestaat-niet.sqlite");
    for (src, expect) in [
        (&junk, "geen SQLite-database"),
        (&newer, "Werk Raadsbudget bij"),
        (&missing, "bestaat niet"),
    ] {
        let r = restore(&db, src);
        assert_eq!(r.code, 2, "{}", r.stderr);
        assert!(r.stderr.contains(expect), "{}", r.stderr);
        assert_dutch_naming("terugzetten", &r.stderr, src);
        assert!(
            !r.stderr.contains(&db.display().to_string()),
            "the error is about the backup, not the store: {}",
            r.stderr
        );
        assert_eq!(safety_copies(&data), Vec::<PathBuf>::new(), "{}", r.stderr);
        assert_eq!(
            folder_listing(&data),
            listing,
            "nothing left next to the store"
        );
        let now = raadsbudget(&db, &["waarde", "lijst", "--organisatie", "GM0363"]).stdout;
        assert_eq!(now, before, "the store is unchanged");
    }
}

#[test]
fn a_restore_that_fails_after_the_safety_copy_keeps_it_and_says_where() {
    let dir = tempfile::tempdir().expect("temp");
    let (data, db) = store_with_a_value(dir.path());
    let kopie = dir.path().join("kopie.sqlite");
    backup(&db, &kopie);
    assert_eq!(set_personeel(&db, &["--waarde", "200"]).code, 0);
    // Another program writes to the store: reading (the checks, the safety copy) still works,
    // replacing the content does not.
    let other = rusqlite::Connection::open(&db).expect("open");
    other
        .execute_batch("BEGIN IMMEDIATE; UPDATE settings SET value = value;")
        .expect("lock");
    let r = restore(&db, &kopie);
    other.execute_batch("ROLLBACK").expect("unlock");
    assert_eq!(r.code, 2, "{}", r.stderr);
    let kept = safety_copies(&data);
    assert_eq!(kept.len(), 1, "{}", r.stderr);
    assert!(
        r.stderr.contains("de back-up is niet teruggezet"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("bezet"), "{}", r.stderr);
    assert!(
        r.stderr
            .contains(&format!("bewaard in {}", kept[0].display())),
        "{}",
        r.stderr
    );
    assert_dutch_naming("terugzetten", &r.stderr, &db);
    // The kept copy holds the content of before, and the store was not changed.
    let r = raadsbudget(&kept[0], &["waarde", "lijst", "--organisatie", "GM0363"]);
    assert!(r.stdout.contains("GRF.PERSONEEL\t200,00"), "{}", r.stdout);
    let r = raadsbudget(&db, &["waarde", "lijst", "--organisatie", "GM0363"]);
    assert!(r.stdout.contains("GRF.PERSONEEL\t200,00"), "{}", r.stdout);
}

#[test]
fn a_locked_database_is_named_in_dutch() {
    let dir = tempfile::tempdir().expect("temp");
    let db = dir.path().join("raadsbudget.sqlite");
    add_amsterdam(&db);
    // A second process (this test) holds the write lock for longer than the store's busy
    // timeout (10 s).
    let other = rusqlite::Connection::open(&db).expect("open");
    other
        .execute_batch("BEGIN IMMEDIATE; UPDATE settings SET value = value;")
        .expect("lock");
    let r = set_personeel(&db, &["--waarde", "1"]);
    other.execute_batch("ROLLBACK").expect("unlock");
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("de database is bezet"), "{}", r.stderr);
    assert_dutch_naming("locked", &r.stderr, &db);
}

/// A store with a value in it, as bytes.
fn a_store(dir: &Path) -> Vec<u8> {
    let (_, db) = store_with_a_value(dir);
    let copy = dir.join("goed-kopie.sqlite");
    backup(&db, &copy);
    std::fs::read(copy).expect("read")
}

#[test]
fn broken_database_files_are_named_in_dutch() {
    let dir = tempfile::tempdir().expect("temp");
    let good = a_store(dir.path());
    assert!(good.len() > 8192, "{} bytes", good.len());
    // A valid header, then noise (a fixed pattern, so the test is the same every run).
    let mut noise = good.clone();
    for (i, b) in noise.iter_mut().enumerate().skip(100) {
        *b = (i.wrapping_mul(2_654_435_761) >> 13) as u8;
    }
    let truncated = good[..good.len() / 3].to_vec();
    let mut text = b"Dit is een notitie, geen database. ".repeat(100);
    text.truncate(4096);
    for (name, bytes, expect) in [
        ("ruis.sqlite", noise, "beschadigd"),
        ("afgekapt.sqlite", truncated, "beschadigd"),
        ("notitie.sqlite", text, "geen SQLite-database"),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, &bytes).expect("write");
        for args in [
            &["organisatie", "lijst"][..],
            &[
                "organisatie",
                "toevoegen",
                "--code",
                "GM0599",
                "--naam",
                "R",
            ][..],
        ] {
            let r = raadsbudget(&path, args);
            let what = format!("{name} {}", args.join(" "));
            assert_eq!(r.code, 2, "{what}: {}", r.stderr);
            assert!(r.stderr.contains(expect), "{what}: {}", r.stderr);
            assert_dutch_naming(&what, &r.stderr, &path);
        }
    }
}

#[test]
fn a_database_whose_folder_cannot_be_made_is_named_in_dutch() {
    let dir = tempfile::tempdir().expect("temp");
    let file = dir.path().join("een-bestand");
    std::fs::write(&file, "x").expect("write");
    let db = file.join("map").join("raadsbudget.sqlite");
    let r = raadsbudget(&db, ADD_AMSTERDAM);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("geen map"), "{}", r.stderr);
    assert_dutch_naming("folder", &r.stderr, &file.join("map"));
    let r = raadsbudget(&file.join("raadsbudget.sqlite"), &["organisatie", "lijst"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("geen map"), "{}", r.stderr);
    assert_dutch_naming("folder", &r.stderr, &file.join("raadsbudget.sqlite"));
}
