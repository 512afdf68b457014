//! Killing the process during a series of writes leaves the store readable with every
//! committed value present. The child really is killed (SIGKILL), at different moments.

use raadsbudget_domain::Fase;
use raadsbudget_usecases::Session;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

/// Runs the writer, kills it after `kill_after` acknowledged writes, and checks the store.
fn kill_and_check(kill_after: u32) {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("crash.sqlite");
    let mut child = Command::new(env!("CARGO_BIN_EXE_store-writer"))
        .arg(&db)
        .arg("100000")
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("start store-writer");
    let stdout = child.stdout.take().expect("stdout");
    let mut acknowledged = None;
    for line in BufReader::new(stdout).lines() {
        let line = line.expect("read line");
        let n: u32 = line
            .strip_prefix("ok ")
            .and_then(|n| n.parse().ok())
            .expect("ok N");
        acknowledged = Some(n);
        if n + 1 >= kill_after {
            child.kill().expect("kill");
            break;
        }
    }
    let status = child.wait().expect("wait");
    assert!(!status.success(), "the writer must have been killed");
    let last = acknowledged.expect("at least one write acknowledged");

    // The store opens, and every acknowledged write is there (the last value per year wins).
    let session = Session::open(&db).expect("store opens after a kill");
    let (_, rows) = session.list_values("GM0001", None).expect("values");
    for i in last.saturating_sub(99)..=last {
        let jaar = 2000 + u16::try_from(i % 100).expect("year");
        let value = rows
            .iter()
            .find(|(j, f, p, _)| *j == jaar && *f == Fase::Begroting && p == "GRF.PERSONEEL")
            .map(|(_, _, _, r)| r.entry.to_columns().0);
        // A write after `last` may also have committed before the kill: then the value is
        // that of a later write to the same year.
        let got: u32 = value
            .as_deref()
            .and_then(|v| v.strip_suffix(".00"))
            .and_then(|v| v.parse().ok())
            .unwrap_or_else(|| panic!("write {i} (jaar {jaar}) is lost"));
        assert!(
            got == i || (got > last && got % 100 == i % 100),
            "jaar {jaar}: expected write {i}, found {got}"
        );
    }
    // The audit log holds every acknowledged write too.
    let history = session
        .history(
            "GM0001",
            &raadsbudget_store::HistoryFilter {
                limit: None,
                ..Default::default()
            },
        )
        .expect("history");
    let writes = history.iter().filter(|e| e.post.is_some()).count();
    assert!(
        writes > usize::try_from(last).expect("count"),
        "audit log lost writes: {writes} entries for {} acknowledged",
        last + 1
    );
}

#[test]
fn killed_early_keeps_every_committed_value() {
    kill_and_check(5);
}

#[test]
fn killed_mid_series_keeps_every_committed_value() {
    kill_and_check(250);
}
