//! Golden files for every output of a bundle: a small fixed input (8 demo files, an exact copy
//! and a broken file, a register with one organisation that sent nothing) must give exactly the
//! files in `tests/golden/bundel/`. Regenerate after an intended change with
//! `UPDATE_GOLDEN=1 cargo test -p raadsbudget-usecases --test bundel_golden`, and review the diff.

use raadsbudget_domain::submission::Status;
use raadsbudget_usecases::bundel::{bundle, BundleRequest};
use std::path::Path;

#[test]
fn bundle_outputs_match_the_golden_files() {
    let tmp = tempfile::tempdir().unwrap();
    // Relative paths (the test runs in the crate folder), so the golden files hold no temp path.
    let outcome = bundle(
        &BundleRequest {
            inputs: vec!["tests/fixtures/bundel-in".into()],
            out: tmp.path().to_path_buf(),
            register: Some("tests/fixtures/register.csv".into()),
            uitvraag: Some(2026),
            xlsx: true,
            per_file: false,
        },
        &|_, _| {},
    )
    .unwrap();
    let n = |s| outcome.with_status(s);
    assert_eq!(
        (
            n(Status::Geaccepteerd),
            n(Status::Dubbel),
            n(Status::Afgewezen)
        ),
        (8, 1, 1)
    );
    let golden = Path::new("tests/golden/bundel");
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    for name in &outcome.written {
        let got = std::fs::read(tmp.path().join(name)).unwrap();
        let path = golden.join(name);
        if update {
            std::fs::create_dir_all(golden).unwrap();
            std::fs::write(&path, &got).unwrap();
            continue;
        }
        let want = std::fs::read(&path).unwrap_or_else(|e| {
            panic!(
                "{}: {e}; run with UPDATE_GOLDEN=1 to create it",
                path.display()
            )
        });
        if got != want {
            let got = String::from_utf8_lossy(&got);
            let want = String::from_utf8_lossy(&want);
            let line = got
                .lines()
                .zip(want.lines())
                .position(|(a, b)| a != b)
                .map_or("(length)".to_string(), |i| format!("line {}", i + 1));
            panic!(
                "{name} differs from {} at {line}; if intended, regenerate with UPDATE_GOLDEN=1",
                path.display()
            );
        }
    }
    // Every golden file is produced (nothing stale in the golden folder).
    let mut golden_files: Vec<String> = std::fs::read_dir(golden)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    golden_files.sort();
    let mut written = outcome.written.clone();
    written.sort();
    assert_eq!(golden_files, written);
}
