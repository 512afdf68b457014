//! The layer rule, checked on the lock file: the domain crate's dependency tree contains no
//! rusqlite, csv or tauri, the demo generator stands on the domain alone, and each crate
//! depends only on the layers below it.

use std::collections::{BTreeMap, BTreeSet};

/// `package name → names of its dependencies`, from Cargo.lock (all dependency kinds).
fn lock_graph() -> BTreeMap<String, BTreeSet<String>> {
    let lock = std::fs::read_to_string(raadsbudget_tests::workspace_root().join("Cargo.lock"))
        .expect("Cargo.lock");
    let mut graph = BTreeMap::new();
    for block in lock.split("[[package]]").skip(1) {
        let mut name = None;
        let mut deps = BTreeSet::new();
        let mut in_deps = false;
        for line in block.lines() {
            let line = line.trim();
            if let Some(n) = line.strip_prefix("name = ") {
                name = Some(n.trim_matches('"').to_string());
            } else if line.starts_with("dependencies = [") {
                in_deps = true;
            } else if in_deps && line.starts_with(']') {
                in_deps = false;
            } else if in_deps {
                // `"name"`, or `"name version"` when several versions exist.
                let dep = line.trim_matches(|c| c == '"' || c == ',');
                deps.insert(dep.split(' ').next().unwrap_or(dep).to_string());
            }
        }
        if let Some(n) = name {
            graph.entry(n).or_insert_with(BTreeSet::new).extend(deps);
        }
    }
    graph
}

fn closure(graph: &BTreeMap<String, BTreeSet<String>>, root: &str) -> BTreeSet<String> {
    let mut seen = BTreeSet::new();
    let mut todo = vec![root.to_string()];
    while let Some(p) = todo.pop() {
        if let Some(deps) = graph.get(&p) {
            for d in deps {
                if seen.insert(d.clone()) {
                    todo.push(d.clone());
                }
            }
        }
    }
    seen
}

#[test]
fn domain_crate_does_no_io() {
    let graph = lock_graph();
    let deps = closure(&graph, "raadsbudget-domain");
    assert!(deps.contains("rust_decimal"), "sanity: {deps:?}");
    for forbidden in [
        "rusqlite",
        "libsqlite3-sys",
        "csv",
        "csv-core",
        "tauri",
        "encoding_rs",
    ] {
        assert!(
            !deps.contains(forbidden),
            "raadsbudget-domain depends on {forbidden}"
        );
    }
    assert!(!deps.iter().any(|d| d.starts_with("tauri")));
}

#[test]
fn demo_crate_depends_only_on_the_domain() {
    let graph = lock_graph();
    let demo = closure(&graph, "raadsbudget-demo");
    assert!(demo.contains("raadsbudget-domain"), "sanity: {demo:?}");
    let mut allowed = closure(&graph, "raadsbudget-domain");
    allowed.insert("raadsbudget-domain".to_string());
    let extra: BTreeSet<&String> = demo.difference(&allowed).collect();
    assert!(
        extra.is_empty(),
        "raadsbudget-demo depends on more than the domain: {extra:?}"
    );
}

#[test]
fn crates_depend_only_downward() {
    let graph = lock_graph();
    let internal = |p: &str| -> BTreeSet<String> {
        graph
            .get(p)
            .map(|d| {
                d.iter()
                    .filter(|n| n.starts_with("raadsbudget-"))
                    .cloned()
                    .collect()
            })
            .unwrap_or_default()
    };
    let set = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<BTreeSet<_>>();
    assert_eq!(internal("raadsbudget-domain"), set(&[]));
    assert_eq!(internal("raadsbudget-demo"), set(&["raadsbudget-domain"]));
    assert_eq!(
        internal("raadsbudget-formats"),
        set(&["raadsbudget-domain"])
    );
    assert_eq!(internal("raadsbudget-store"), set(&["raadsbudget-domain"]));
    assert_eq!(
        internal("raadsbudget-usecases"),
        set(&[
            "raadsbudget-demo",
            "raadsbudget-domain",
            "raadsbudget-formats",
            "raadsbudget-store"
        ])
    );
    assert_eq!(
        internal("raadsbudget-app"),
        set(&[
            "raadsbudget-demo",
            "raadsbudget-domain",
            "raadsbudget-formats",
            "raadsbudget-store",
            "raadsbudget-usecases"
        ])
    );
    let cli = internal("raadsbudget-cli");
    assert!(cli.contains("raadsbudget-usecases"));
    assert!(!cli.contains("raadsbudget-tests"));
}

/// The packages in the normal (non-dev, non-build) dependency tree of `package`, from
/// `cargo tree`: what ships in the binary, not what its tests use.
fn normal_tree(package: &str) -> BTreeSet<String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = std::process::Command::new(cargo)
        .current_dir(raadsbudget_tests::workspace_root())
        .args([
            "tree", "--locked", "-e", "normal", "--prefix", "none", "-p", package,
        ])
        .output()
        .expect("run cargo tree");
    assert!(
        out.status.success(),
        "cargo tree -p {package}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .map(str::to_string)
        .filter(|n| n != package)
        .collect()
}

#[test]
fn the_use_cases_and_the_cli_know_nothing_of_screens() {
    for package in ["raadsbudget-usecases", "raadsbudget-cli"] {
        let deps = normal_tree(package);
        assert!(deps.contains("raadsbudget-domain"), "sanity: {deps:?}");
        for forbidden in ["ts-rs", "raadsbudget-app", "tauri"] {
            assert!(
                !deps.contains(forbidden),
                "{package} depends on {forbidden}"
            );
        }
    }
}

#[test]
fn the_desktop_app_stands_on_the_app_layer_alone() {
    let graph = lock_graph();
    let app = closure(&graph, "raadsbudget-app");
    assert!(app.contains("ts-rs") && app.contains("raadsbudget-usecases"));
    assert!(!app.iter().any(|d| d.starts_with("tauri")), "{app:?}");
    // Of the project's own crates, src-tauri ships with the app layer only (and what that
    // brings); its tests may call the use cases directly.
    let toml =
        std::fs::read_to_string(raadsbudget_tests::workspace_root().join("src-tauri/Cargo.toml"))
            .expect("src-tauri/Cargo.toml");
    let normal = toml
        .split("\n[dependencies]\n")
        .nth(1)
        .and_then(|rest| rest.split("\n[").next())
        .expect("[dependencies] of src-tauri");
    let own: Vec<&str> = normal
        .lines()
        .filter(|l| l.starts_with("raadsbudget-"))
        .collect();
    assert_eq!(own, ["raadsbudget-app.workspace = true"], "{normal}");
}
