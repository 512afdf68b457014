//! The built-in CBS register through the real binary: `organisatie toevoegen --code` takes the
//! name from it, `bundel --register cbs-2025-gemeenten` counts the response against it, and a
//! factsheet knows a gemeente's province without a register file.

mod common;

use common::{demo_files, raadsbudget, Run};
use std::path::Path;

fn ok(r: Run, what: &str) -> Run {
    assert_eq!(r.code, 0, "{what}: {}\n{}", r.stdout, r.stderr);
    r
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn organisatie_toevoegen_with_only_a_code_takes_the_name_from_the_register() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.sqlite");
    let r = ok(
        raadsbudget(&db, &["organisatie", "toevoegen", "--code", "GM0363"]),
        "add",
    );
    assert!(
        r.stderr.contains("GM0363 Amsterdam (gemeente) toegevoegd"),
        "{}",
        r.stderr
    );
    ok(
        raadsbudget(&db, &["organisatie", "toevoegen", "--code", "pv21"]),
        "lower case code",
    );
    // A name given by hand wins; a waterschap must give one.
    ok(
        raadsbudget(
            &db,
            &[
                "organisatie",
                "toevoegen",
                "--code",
                "WS0155",
                "--naam",
                "Aa en Maas",
            ],
        ),
        "waterschap",
    );
    let lijst = ok(raadsbudget(&db, &["organisatie", "lijst"]), "lijst");
    for line in [
        "GM0363",
        "Amsterdam",
        "PV21",
        "Fryslân",
        "WS0155",
        "Aa en Maas",
    ] {
        assert!(lijst.stdout.contains(line), "{line}: {}", lijst.stdout);
    }
    let r = raadsbudget(&db, &["organisatie", "toevoegen", "--code", "WS0156"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr.contains(
            "waterschappen staan niet in het ingebouwde register; geef bij WS0156 ook de naam op"
        ),
        "{}",
        r.stderr
    );
    let r = raadsbudget(&db, &["organisatie", "toevoegen", "--code", "GM9999"]);
    assert_ne!(r.code, 0);
    assert!(
        r.stderr
            .contains("GM9999 staat niet in het ingebouwde register"),
        "{}",
        r.stderr
    );
}

#[test]
fn bundel_counts_the_response_against_a_built_in_register() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.sqlite");
    let input = dir.path().join("in");
    demo_files(&db, &input, 3);
    // Two of the demo files become real gemeenten (the benchmark file is plain text).
    let mut files: Vec<_> = std::fs::read_dir(&input)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    for (file, (code, naam)) in files
        .iter()
        .zip([("GM0363", "Amsterdam"), ("GM0014", "Groningen")])
    {
        let text = std::fs::read_to_string(file).unwrap();
        let line = text.lines().nth(1).unwrap();
        let fields: Vec<&str> = line.split(',').collect();
        let (old_code, old_naam) = (fields[3], fields[4]);
        let text = text.replace(
            &format!(",{old_code},{old_naam},"),
            &format!(",{code},{naam},"),
        );
        std::fs::write(file, text).unwrap();
    }
    let uit = dir.path().join("uit");
    let r = raadsbudget(
        &db,
        &[
            "bundel",
            s(&input),
            "--uit",
            s(&uit),
            "--register",
            "cbs-2025-gemeenten",
            "--stil",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("Respons: 2 van 342 uit het register geaccepteerd"),
        "{}",
        r.stderr
    );
    let respons = std::fs::read_to_string(uit.join("respons.csv")).unwrap();
    assert_eq!(respons.lines().count(), 1 + 342, "a line per gemeente");
    let amsterdam = respons.lines().find(|l| l.contains("GM0363")).unwrap();
    assert!(amsterdam.contains("Amsterdam"), "{amsterdam}");

    // An unknown name without such a file says which built-in registers there are.
    let r = raadsbudget(
        &db,
        &[
            "bundel",
            s(&input),
            "--uit",
            s(&uit),
            "--register",
            "cbs-2019",
            "--stil",
        ],
    );
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("cbs-2025, cbs-2025-gemeenten, cbs-2025-provincies"),
        "{}",
        r.stderr
    );

    // The factsheet of Amsterdam knows its province from the built-in register.
    let sheets = dir.path().join("factsheets");
    ok(
        raadsbudget(
            &db,
            &[
                "factsheet",
                "--bundel",
                s(&uit),
                "--uit",
                s(&sheets),
                "--organisatie",
                "GM0363",
                "--html",
            ],
        ),
        "factsheet",
    );
    let html = std::fs::read_dir(&sheets)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "html"))
        .unwrap();
    let html = std::fs::read_to_string(html).unwrap();
    assert!(html.contains("Noord-Holland"), "province on the factsheet");
}
