//! Golden-file helpers shared by the crate's integration tests.

use std::path::PathBuf;

/// `tests/golden/<dir>/<name>`.
pub fn golden_path(dir: &str, name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(dir)
        .join(name)
}

/// Compares `bytes` with the golden file `tests/golden/<dir>/<name>`, or rewrites it under
/// `UPDATE_GOLDEN=1`; `test` names the test target for the message, `describe` explains a
/// difference.
pub fn check_golden(
    dir: &str,
    name: &str,
    test: &str,
    bytes: &[u8],
    describe: impl Fn(&[u8], &[u8]) -> String,
) {
    let path = golden_path(dir, name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, bytes).unwrap();
    }
    let golden = std::fs::read(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (create it with UPDATE_GOLDEN=1 cargo test -p raadsbudget-formats --test {test})",
            path.display()
        )
    });
    if golden != bytes {
        panic!(
            "the output differs from {} (rerun with UPDATE_GOLDEN=1 only if the change is intended, and review the diff):\n{}",
            path.display(),
            describe(&golden, bytes)
        );
    }
}

/// The lines that differ, for a text file.
pub fn text_diff(golden: &[u8], got: &[u8]) -> String {
    let (g, w) = (
        String::from_utf8_lossy(golden),
        String::from_utf8_lossy(got),
    );
    let (gl, wl): (Vec<&str>, Vec<&str>) = (g.lines().collect(), w.lines().collect());
    let mut out = String::new();
    for i in 0..gl.len().max(wl.len()) {
        let (a, b) = (gl.get(i), wl.get(i));
        if a != b {
            out.push_str(&format!(
                "line {}:\n  golden:  {}\n  written: {}\n",
                i + 1,
                a.unwrap_or(&"<none>"),
                b.unwrap_or(&"<none>")
            ));
            if out.len() > 4000 {
                out.push_str("…\n");
                break;
            }
        }
    }
    out
}
