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

/// Adds GM0363 Amsterdam to the store at `db` (creating it).
pub fn add_amsterdam(db: &Path) {
    let r = raadsbudget(
        db,
        &[
            "organisatie",
            "toevoegen",
            "--code",
            "GM0363",
            "--naam",
            "Amsterdam",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
}
