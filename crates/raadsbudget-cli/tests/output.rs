//! What the CLI prints: a write that fails is an error (only a closed pipe is quiet), and text
//! from files never steers the terminal. Drives the real binary.

mod common;

use common::{
    add_amsterdam, command, demo_files, only_file, raadsbudget, set_personeel, ADD_AMSTERDAM,
};
use std::path::Path;
use std::process::Stdio;

/// The OS's English for a failed write; none of it may reach a user.
const OS_ENGLISH: &[&str] = &["No space", "os error", "device", "Broken pipe", "error"];

fn dev_full() -> std::fs::File {
    std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full exists on Linux")
}

#[test]
fn a_full_disk_on_standard_output_is_an_error() {
    let dir = tempfile::tempdir().expect("temp");
    let db = dir.path().join("x.sqlite");
    for args in [
        &["definities", "--formaat", "json"][..],
        &["definities"][..],
        &["--help"][..],
        &["--version"][..],
    ] {
        let out = command(&db, args)
            .stdout(Stdio::from(dev_full()))
            .output()
            .expect("run");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(
            stderr.contains("raadsbudget: de uitvoer kan niet worden geschreven: de schijf is vol"),
            "{args:?}: {stderr}"
        );
        for english in OS_ENGLISH {
            assert!(
                !stderr.contains(english),
                "{args:?}: {english:?} in {stderr}"
            );
        }
    }
}

#[test]
fn a_full_disk_on_standard_error_is_an_error() {
    let dir = tempfile::tempdir().expect("temp");
    let db = dir.path().join("x.sqlite");
    let out = command(&db, ADD_AMSTERDAM)
        .stderr(Stdio::from(dev_full()))
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
}

/// Bad benchmark file lines, many times over: far more output than a pipe holds.
fn many_findings(dir: &Path) -> Vec<String> {
    let d = dir.join("d");
    demo_files(&dir.join("x.sqlite"), &d, 1);
    let file = only_file(&d);
    let text = std::fs::read_to_string(&file).expect("read");
    std::fs::write(&file, text.replace(",GRF.INHUUR,", ",GRF.ONBEKEND,")).expect("write");
    vec![file.to_str().expect("utf8").to_string(); 2000]
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let dir = tempfile::tempdir().expect("temp");
    let files = many_findings(dir.path());
    let mut args = vec!["controleer"];
    args.extend(files.iter().map(String::as_str));
    // The whole output, to know it does not fit in a pipe's buffer (64 kB on Linux).
    let full = raadsbudget(&dir.path().join("x.sqlite"), &args);
    assert_eq!(full.code, 1, "{}", full.stderr);
    assert!(full.stdout.len() > 1 << 17, "{} bytes", full.stdout.len());

    let mut child = command(&dir.path().join("x.sqlite"), &args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    // Close the reading end: the writer must get EPIPE (`raadsbudget … | head` did the same).
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("wait");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(1),
        "the command's own code: {stderr}"
    );
    assert!(!stderr.contains("uitvoer kan niet"), "{stderr}");
    for english in OS_ENGLISH {
        assert!(!stderr.contains(english), "{english:?} in {stderr}");
    }
}

/// Raw control characters: none may reach the terminal.
fn assert_no_control(what: &str, text: &str) {
    for c in text.chars() {
        let bad = matches!(c, '\u{0}'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}')
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
        assert!(!bad, "{what}: raw {:?} in {text:?}", c);
    }
}

const ESC_POST: &str = "GRF.\u{1b}[2J\u{202e}XX";
const ESC_TOELICHTING: &str = "rood \u{1b}]0;titel\u{7} \u{202e}gnitsiw\u{202c} \u{9b}31m";

#[test]
fn text_from_a_file_cannot_steer_the_terminal() {
    let dir = tempfile::tempdir().expect("temp");
    let db = dir.path().join("x.sqlite");
    let d = dir.path().join("d");
    demo_files(&db, &d, 1);
    let file = only_file(&d);
    let text = std::fs::read_to_string(&file).expect("read");
    let lines: Vec<&str> = text.split("\r\n").collect();
    let with = |post: &str, toelichting: &str| -> String {
        lines
            .iter()
            .map(|l| {
                let mut cells: Vec<String> = l.split(',').map(String::from).collect();
                if cells.len() > 11 && cells[8] == "GRF.INHUUR" {
                    cells[8] = post.to_string();
                    cells[11] = toelichting.to_string();
                }
                cells.join(",")
            })
            .collect::<Vec<_>>()
            .join("\r\n")
    };

    // A post code with an ESC sequence and a bidi override, quoted in a finding.
    let bad = dir.path().join("kapot.csv");
    std::fs::write(&bad, with(ESC_POST, "")).expect("write");
    let r = raadsbudget(&db, &["controleer", bad.to_str().expect("utf8")]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stdout
            .contains("'GRF.\\u{1b}[2J\\u{202e}XX' is geen post"),
        "{}",
        r.stdout
    );
    assert_no_control("controleer", &r.stdout);
    assert_no_control("controleer", &r.stderr);

    // A toelichting with an OSC title sequence, bidi controls and a C1 CSI, read in and shown.
    let good = dir.path().join("toelichting.csv");
    std::fs::write(&good, with("GRF.INHUUR", ESC_TOELICHTING)).expect("write");
    let r = raadsbudget(&db, &["import", good.to_str().expect("utf8")]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let code = file
        .file_name()
        .and_then(|n| n.to_str())
        .and_then(|n| n.split('_').nth(2))
        .expect("code in the name");
    let r = raadsbudget(&db, &["waarde", "lijst", "--organisatie", code]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout
            .contains("rood \\u{1b}]0;titel\\u{7} \\u{202e}gnitsiw\\u{202c} \\u{9b}31m"),
        "{}",
        r.stdout
    );
    assert_no_control("waarde lijst", &r.stdout);
    // Typed on the command line and shown back: the same rule.
    add_amsterdam(&db);
    let r = set_personeel(&db, &["--waarde", "1", "--toelichting", ESC_TOELICHTING]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = raadsbudget(&db, &["geschiedenis", "--organisatie", "GM0363"]);
    assert_no_control("geschiedenis", &r.stdout);
    let r = raadsbudget(&db, &["waarde", "lijst", "--organisatie", "GM0363"]);
    assert!(r.stdout.contains("\\u{1b}]0;titel"), "{}", r.stdout);
    assert_no_control("waarde lijst", &r.stdout);
}
