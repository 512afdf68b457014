//! The bundler as a real process under hostile input (issue 10): its peak memory stays bounded
//! whatever a participant sends, and a bundle killed at any moment leaves the output folder
//! as it was or complete — never a mix (or, for the instant between the two renames of the
//! swap, absent: visibly not a bundle).

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

fn raadsbudget() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_raadsbudget"));
    cmd.env_remove("RAADSBUDGET_DB");
    cmd
}

fn demo_files(dir: &Path, aantal: usize, uitvraag: u16) {
    let out = raadsbudget()
        .args(["demo", "--uitvraag", &uitvraag.to_string(), "--aantal"])
        .arg(aantal.to_string())
        .arg("--uit")
        .arg(dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The process's peak resident memory so far (`VmHWM`), in kB.
#[cfg(target_os = "linux")]
fn peak_kb(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Waits for the child, sampling its peak memory until it exits; (peak kB, success).
#[cfg(target_os = "linux")]
fn wait_measuring(mut child: Child) -> (u64, bool) {
    let mut peak = 0;
    loop {
        if let Some(kb) = peak_kb(child.id()) {
            peak = peak.max(kb);
        }
        if let Some(status) = child.try_wait().unwrap() {
            return (peak, status.code() == Some(0) || status.code() == Some(1));
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

fn deflated(members: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().large_file(true);
    for (name, bytes) in members {
        zip.start_file(name.as_str(), options).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

fn read_csv(path: &Path) -> Vec<BTreeMap<String, String>> {
    let text = std::fs::read_to_string(path).unwrap();
    let mut lines = text.split("\r\n").filter(|l| !l.is_empty());
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    // Only the first columns are needed here (bestand, sha256, …, status), none quoted.
    lines
        .map(|l| {
            header
                .iter()
                .zip(l.split(','))
                .map(|(h, v)| (h.to_string(), v.to_string()))
                .collect()
        })
        .collect()
}

#[cfg(target_os = "linux")]
#[test]
fn a_bundle_with_bombs_beside_40_good_files_stays_under_1_gb_and_accepts_the_40() {
    let tmp = tempfile::tempdir().unwrap();
    let good = tmp.path().join("goed");
    demo_files(&good, 40, 2026);
    let post = tmp.path().join("post");
    std::fs::create_dir_all(&post).unwrap();
    let header = std::fs::read_to_string(
        std::fs::read_dir(&good)
            .unwrap()
            .next()
            .unwrap()
            .unwrap()
            .path(),
    )
    .unwrap();
    let first_two: String = header.lines().take(2).map(|l| format!("{l}\r\n")).collect();

    // Members just under the 16 MB cap that are read in full: junk lines, 15-field junk rows
    // and the same data row again and again; and one member of 63 MB junk in a tiny zip.
    let size = 15 * 1024 * 1024;
    let fill = |unit: &str| unit.repeat(size / unit.len());
    let members = vec![
        (
            "onzin.csv".to_string(),
            fill("geen benchmarkbestand\r\n").into_bytes(),
        ),
        (
            "velden.csv".to_string(),
            format!("{first_two}{}", fill("a,b,c,d,e,f,g,h,i,j,k,l,m,n,o\r\n")).into_bytes(),
        ),
        (
            "dubbel.csv".to_string(),
            format!(
                "{first_two}{}",
                fill(&format!("{}\r\n", header.lines().nth(1).unwrap()))
            )
            .into_bytes(),
        ),
        (
            "bom.csv".to_string(),
            "x\r\n".repeat(63 * 1024 * 1024 / 3).into_bytes(),
        ),
    ];
    std::fs::write(post.join("bommen.zip"), deflated(&members)).unwrap();
    // The same junk as plain files, a sparse 500 MB file, and endless zeros.
    for (name, bytes) in &members[..3] {
        std::fs::write(post.join(name), bytes).unwrap();
    }
    std::fs::File::create(post.join("groot.csv"))
        .unwrap()
        .set_len(500 * 1024 * 1024)
        .unwrap();

    let uit = tmp.path().join("uit");
    let child = raadsbudget()
        .arg("bundel")
        .arg(&good)
        .arg(&post)
        .arg("/dev/zero")
        .arg("--uit")
        .arg(&uit)
        .arg("--stil")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let (peak, ok) = wait_measuring(child);
    assert!(ok, "bundel failed");
    eprintln!("peak RSS of the bundle: {} MB", peak / 1024);
    assert!(peak < 1024 * 1024, "peak RSS {peak} kB is 1 GB or more");

    let rows = read_csv(&uit.join("inzendingen.csv"));
    let accepted = rows
        .iter()
        .filter(|r| r["status"] == "geaccepteerd")
        .count();
    assert_eq!(accepted, 40);
    assert_eq!(rows.len(), 40 + 4 + 3 + 1 + 1, "one row per input");
}

/// The output folder's files and bytes.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    match std::fs::read_dir(dir) {
        Ok(entries) => entries
            .map(|e| {
                let e = e.unwrap();
                (
                    e.file_name().to_string_lossy().into_owned(),
                    std::fs::read(e.path()).unwrap_or_default(),
                )
            })
            .collect(),
        Err(_) => BTreeMap::new(),
    }
}

fn bundle(inputs: &[&Path], uit: &Path) -> Child {
    raadsbudget()
        .arg("bundel")
        .args(inputs)
        .arg("--uit")
        .arg(uit)
        .args(["--stil", "--xlsx"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

#[cfg(unix)]
#[test]
fn a_bundle_killed_at_any_moment_leaves_the_old_bundle_or_the_new_one() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    demo_files(&a, 200, 2026);
    demo_files(&b, 300, 2025);
    let uit = tmp.path().join("uit");
    let first = bundle(&[&a], &uit).wait_with_output().unwrap();
    assert!(first.status.success());
    let old = snapshot(&uit);
    // The complete new bundle, made once without interruption elsewhere.
    let reference = tmp.path().join("referentie");
    let out = bundle(&[&a, &b], &reference).wait_with_output().unwrap();
    assert!(out.status.success());
    // Paths differ between the two folders only in the input paths, which are the same.
    let new = snapshot(&reference);
    assert_ne!(old, new);

    let mut delay = Duration::from_millis(20);
    let mut seen_old = 0;
    let mut seen_new = 0;
    loop {
        let mut child = bundle(&[&a, &b], &uit);
        let started = Instant::now();
        std::thread::sleep(delay);
        let finished = child.try_wait().unwrap().is_some();
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        let now = snapshot(&uit);
        if now == old {
            seen_old += 1;
        } else if now == new {
            seen_new += 1;
        } else if !uit.exists() {
            // Killed between moving the old bundle aside and moving the new one in.
        } else {
            let names: Vec<&String> = now.keys().collect();
            panic!(
                "after a kill at {:?} the output folder is neither the old nor the new bundle: {names:?}",
                started.elapsed()
            );
        }
        // Whatever is left next to it is hidden and marked as a staging or old folder.
        for entry in std::fs::read_dir(tmp.path()).unwrap() {
            let name = entry.unwrap().file_name().to_string_lossy().into_owned();
            assert!(
                ["a", "b", "uit", "referentie"].contains(&name.as_str())
                    || name.starts_with(".uit.raadsbudget-"),
                "{name}"
            );
        }
        if finished || now == new {
            break;
        }
        delay = delay * 3 / 2;
        // Back to the old bundle for the next round (also after an absent folder).
        let again = bundle(&[&a], &uit).wait_with_output().unwrap();
        assert!(again.status.success());
        assert_eq!(snapshot(&uit), old);
    }
    eprintln!("kills that left the old bundle: {seen_old}, the new one: {seen_new}");
    assert!(seen_new > 0);
    // A next run cleans up whatever a kill left.
    let out = bundle(&[&a, &b], &uit).wait_with_output().unwrap();
    assert!(out.status.success());
    assert_eq!(snapshot(&uit), new);
    let left: Vec<PathBuf> = std::fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        })
        .collect();
    assert!(left.is_empty(), "{left:?}");
}
