//! File sizes as a rule of the house: no Rust source file has more than 800 lines before its
//! unit tests (`#[cfg(test)]`), and no UI source file (TypeScript, TSX) more than 600, so a
//! file stays one concept a reader can hold. Test files, generated bindings and fixtures are
//! not counted.

use std::path::{Path, PathBuf};

const RUST_MAX: usize = 800;
const UI_MAX: usize = 600;

fn files(dir: &Path, keep: &dyn Fn(&Path) -> bool, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if path.is_dir() {
            if !matches!(
                name.as_str(),
                "tests" | "target" | "node_modules" | "bindings" | "dist" | "fixtures" | "test"
            ) {
                files(&path, keep, out);
            }
        } else if keep(&path) {
            out.push(path);
        }
    }
}

/// Lines of the file before its first `#[cfg(test)]` (all lines when it has none).
fn code_lines(text: &str) -> usize {
    text.lines()
        .take_while(|l| l.trim() != "#[cfg(test)]")
        .count()
}

fn too_long(roots: &[&str], keep: &dyn Fn(&Path) -> bool, max: usize) -> Vec<String> {
    let root = raadsbudget_tests::workspace_root();
    let mut found = Vec::new();
    for r in roots {
        files(&root.join(r), keep, &mut found);
    }
    assert!(!found.is_empty(), "no source files under {roots:?}");
    let mut long: Vec<String> = found
        .iter()
        .filter_map(|p| {
            let text = std::fs::read_to_string(p).expect("source file");
            let n = code_lines(&text);
            (n > max).then(|| format!("{} ({n} lines)", p.strip_prefix(&root).unwrap().display()))
        })
        .collect();
    long.sort();
    long
}

#[test]
fn no_rust_source_file_is_over_800_lines() {
    let rust = |p: &Path| p.extension().is_some_and(|e| e == "rs");
    let long = too_long(&["crates", "src-tauri/src", "tests"], &rust, RUST_MAX);
    assert!(long.is_empty(), "over {RUST_MAX} lines: {long:#?}");
}

#[test]
fn no_ui_source_file_is_over_600_lines() {
    let ui = |p: &Path| {
        let name = p.file_name().unwrap().to_string_lossy();
        (name.ends_with(".ts") || name.ends_with(".tsx"))
            && !name.contains(".test.")
            && !name.ends_with(".d.ts")
    };
    let long = too_long(&["ui/src"], &ui, UI_MAX);
    assert!(long.is_empty(), "over {UI_MAX} lines: {long:#?}");
}

#[test]
fn code_lines_stop_at_the_unit_tests() {
    assert_eq!(code_lines("a\nb\n#[cfg(test)]\nmod tests {}\n"), 2);
    assert_eq!(code_lines("a\nb\n"), 2);
}
