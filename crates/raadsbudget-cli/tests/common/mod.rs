//! Running the real `raadsbudget` binary from the end-to-end tests.

// Each test file uses its own part of this module.
#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Output};

/// How a run ended and what it printed.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl From<Output> for Run {
    fn from(out: Output) -> Run {
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }
}

/// `raadsbudget --db <db> <args>`, not yet started, without `RAADSBUDGET_DB` from outside.
pub fn command(db: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_raadsbudget"));
    cmd.arg("--db")
        .arg(db)
        .args(args)
        .env_remove("RAADSBUDGET_DB");
    cmd
}

/// Runs `raadsbudget --db <db> <args>`.
pub fn raadsbudget(db: &Path, args: &[&str]) -> Run {
    command(db, args).output().expect("run raadsbudget").into()
}

/// Runs `raadsbudget <args>` without `--db` (and without `RAADSBUDGET_DB`).
pub fn raadsbudget_bare(args: &[&str]) -> Run {
    Command::new(env!("CARGO_BIN_EXE_raadsbudget"))
        .args(args)
        .env_remove("RAADSBUDGET_DB")
        .output()
        .expect("run raadsbudget")
        .into()
}

/// Writes `aantal` demo benchmark files of uitvraag 2026 into `dir` with the CLI.
pub fn demo_files(db: &Path, dir: &Path, aantal: usize) {
    let aantal = aantal.to_string();
    let dir = dir.to_str().expect("utf8");
    let args = [
        "demo",
        "--uitvraag",
        "2026",
        "--aantal",
        &aantal,
        "--uit",
        dir,
    ];
    let r = raadsbudget(db, &args);
    assert_eq!(r.code, 0, "{}", r.stderr);
}

/// The arguments that add GM0363 Amsterdam.
pub const ADD_AMSTERDAM: &[&str] = &[
    "organisatie",
    "toevoegen",
    "--code",
    "GM0363",
    "--naam",
    "Amsterdam",
];

/// Adds GM0363 Amsterdam to the store at `db` (creating it).
pub fn add_amsterdam(db: &Path) {
    let r = raadsbudget(db, ADD_AMSTERDAM);
    assert_eq!(r.code, 0, "{}", r.stderr);
}

/// `waarde <verb> --organisatie GM0363 --jaar 2026 --fase begroting --post GRF.PERSONEEL`
/// and `extra`.
pub fn personeel<'a>(verb: &'a str, extra: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec![
        "waarde",
        verb,
        "--organisatie",
        "GM0363",
        "--jaar",
        "2026",
        "--fase",
        "begroting",
        "--post",
        "GRF.PERSONEEL",
    ];
    args.extend_from_slice(extra);
    args
}

/// Sets GM0363's GRF.PERSONEEL for begroting 2026 (with `extra`: `--waarde 1`…).
pub fn set_personeel(db: &Path, extra: &[&str]) -> Run {
    raadsbudget(db, &personeel("zet", extra))
}

/// `backup maken --naar <dest>` of the store at `db`; must succeed.
pub fn backup(db: &Path, dest: &Path) {
    let r = raadsbudget(
        db,
        &["backup", "maken", "--naar", dest.to_str().expect("utf8")],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
}

/// The only file in a folder (e.g. one demo file).
pub fn only_file(dir: &Path) -> std::path::PathBuf {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("dir")
        .map(|e| e.expect("entry").path())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    files.remove(0)
}

/// `backup terugzetten --van <src>` into the store at `db`.
pub fn restore(db: &Path, src: &Path) -> Run {
    raadsbudget(
        db,
        &[
            "backup",
            "terugzetten",
            "--van",
            src.to_str().expect("utf8"),
        ],
    )
}

/// A store `dir/data/raadsbudget.sqlite` holding GM0363 with GRF.PERSONEEL begroting 2026 =
/// 100; returns the folder and the store.
pub fn store_with_a_value(dir: &Path) -> (std::path::PathBuf, std::path::PathBuf) {
    let data = dir.join("data");
    let db = data.join("raadsbudget.sqlite");
    add_amsterdam(&db);
    assert_eq!(set_personeel(&db, &["--waarde", "100"]).code, 0);
    (data, db)
}
