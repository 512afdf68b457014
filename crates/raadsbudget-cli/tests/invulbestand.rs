//! The spreadsheet invulbestand through the real binary and a real spreadsheet program:
//! `raadsbudget invulbestand` makes it, LibreOffice Calc (headless, `tests/tools/calc.py`) types
//! into it and saves it, and `controleer`, `import`, `export` and `bundel` read it back.

mod common;

use common::{raadsbudget, raadsbudget_bare, Run};
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn ok(r: Run, what: &str) -> Run {
    assert_eq!(r.code, 0, "{what}: {}\n{}", r.stdout, r.stderr);
    r
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// Opens `input` in LibreOffice Calc, does `actions` (see `tests/tools/calc.py`) and saves the
/// workbook as `output`.
fn calc(input: &Path, output: &Path, actions: Value) {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/tools/calc.py");
    let actions_file = output.with_extension("json");
    std::fs::write(&actions_file, actions.to_string()).unwrap();
    let out = std::process::Command::new("/usr/bin/python3")
        .arg(&script)
        .args([input, output, &actions_file])
        .output()
        .expect(
            "run LibreOffice through tests/tools/calc.py (python3-uno, libreoffice-calc-nogui)",
        );
    assert!(
        out.status.success() && output.exists(),
        "calc.py: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The cell map of a workbook, as LibreOffice reads its hidden sheet.
fn cell_map(workbook: &Path) -> BTreeMap<String, String> {
    let map_file = workbook.with_extension("kaart.json");
    let copy = workbook.with_extension("kopie.xlsx");
    calc(workbook, &copy, json!([{ "kaart": s(&map_file) }]));
    serde_json::from_str(&std::fs::read_to_string(&map_file).unwrap()).unwrap()
}

/// A store with one demo gemeente and its history; returns its code.
fn demo_store(db: &Path) -> String {
    ok(raadsbudget(db, &["demo", "--organisaties", "1"]), "demo");
    ok(
        raadsbudget(db, &["gebruiker", "--naam", "Test"]),
        "gebruiker",
    );
    let lijst = ok(raadsbudget(db, &["organisatie", "lijst"]), "lijst").stdout;
    lijst.split('\t').next().unwrap().trim().to_string()
}

/// The data rows of a benchmark file without the columns that say when and by what it was
/// made (revisie, aangemaakt_op, software).
fn data_rows(file: &Path) -> Vec<Vec<String>> {
    let mut reader = csv::Reader::from_path(file).unwrap();
    reader
        .records()
        .map(|r| r.unwrap().iter().take(12).map(str::to_string).collect())
        .collect()
}

fn only_file(dir: &Path) -> PathBuf {
    let files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    files.into_iter().next().unwrap()
}

/// A demo organisation's invulbestand of uitvraag 2026, typed in in LibreOffice with every value
/// of its benchmark file.
struct Filled {
    code: String,
    /// Its benchmark file of uitvraag 2026 (exported at a fixed moment).
    reference: PathBuf,
    /// The workbook `raadsbudget invulbestand` made, and what it printed.
    workbook: PathBuf,
    stdout: String,
    /// The workbook filled in and saved by LibreOffice.
    filled: PathBuf,
}

fn filled_workbook(dir: &Path) -> Filled {
    let db = dir.join("griffie.sqlite");
    let code = demo_store(&db);
    let export = dir.join("export-a");
    let export_args = [
        "export",
        "--organisatie",
        &code,
        "--uitvraag",
        "2026",
        "--uit",
        s(&export),
        "--tijdstip",
        "2026-03-01T09:30:00Z",
    ];
    ok(raadsbudget(&db, &export_args), "export");
    let reference = only_file(&export);
    let made = dir.join("made");
    let args = [
        "invulbestand",
        "--uitvraag",
        "2026",
        "--uit",
        s(&made),
        "--organisatie",
        &code,
    ];
    let stdout = ok(raadsbudget(&db, &args), "invulbestand").stdout;
    let workbook = made.join(format!("invulbestand_2026_{code}.xlsx"));
    let filled = dir.join("ingevuld.xlsx");
    calc(
        &workbook,
        &filled,
        json!([{ "vul_benchmark": s(&reference) }]),
    );
    Filled {
        code,
        reference,
        workbook,
        stdout,
        filled,
    }
}

#[test]
fn an_invulbestand_filled_in_libreoffice_is_accepted_and_imports_exactly_what_was_typed() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let Filled {
        code,
        reference,
        filled,
        stdout,
        workbook,
    } = filled_workbook(dir);
    assert_eq!(stdout.trim(), s(&workbook));

    // controleer accepts it.
    let checked = raadsbudget_bare(&["controleer", s(&filled)]);
    assert_eq!(checked.code, 0, "{}\n{}", checked.stdout, checked.stderr);
    assert!(checked.stderr.contains("0 fouten"), "{}", checked.stderr);

    // import into an empty store, then export: exactly the values it was filled with.
    let db_b = dir.join("bzk.sqlite");
    ok(
        raadsbudget(&db_b, &["gebruiker", "--naam", "Test"]),
        "gebruiker",
    );
    let imported = ok(raadsbudget(&db_b, &["import", s(&filled)]), "import");
    assert!(imported.stderr.contains("ingelezen"), "{}", imported.stderr);
    // An invulbestand is not a submission: the uitvraag is not marked as submitted by it.
    let status = ok(
        raadsbudget(&db_b, &["status", "--organisatie", &code]),
        "status",
    )
    .stdout;
    assert!(!status.contains("ingediend"), "{status}");

    let export_b = dir.join("export-b");
    ok(
        raadsbudget(
            &db_b,
            &[
                "export",
                "--organisatie",
                &code,
                "--uitvraag",
                "2026",
                "--uit",
                s(&export_b),
                "--tijdstip",
                "2026-03-01T09:30:00Z",
            ],
        ),
        "export b",
    );
    assert_eq!(data_rows(&only_file(&export_b)), data_rows(&reference));
    // bundel accepts it beside CSV files.
    let inputs = dir.join("inzendingen");
    std::fs::create_dir_all(&inputs).unwrap();
    ok(
        raadsbudget_bare(&[
            "demo",
            "--uitvraag",
            "2026",
            "--aantal",
            "3",
            "--uit",
            s(&inputs),
        ]),
        "demo files",
    );
    std::fs::copy(&filled, inputs.join("ingevuld.xlsx")).unwrap();
    let out = dir.join("bundel");
    ok(
        raadsbudget_bare(&["bundel", s(&inputs), "--uit", s(&out), "--stil"]),
        "bundel",
    );
    let inzendingen = std::fs::read_to_string(out.join("inzendingen.csv")).unwrap();
    let line = inzendingen
        .lines()
        .find(|l| l.contains("ingevuld.xlsx"))
        .expect("the workbook in inzendingen.csv");
    assert!(line.contains(",geaccepteerd,"), "{line}");
    // The demo files include one of the same organisation (GM5000), which the later workbook
    // replaces; the other two are accepted beside it.
    assert_eq!(
        inzendingen.matches(",vervangen,").count(),
        1,
        "{inzendingen}"
    );
    assert_eq!(
        inzendingen.matches(",geaccepteerd,").count(),
        3,
        "{inzendingen}"
    );
    let waarden = std::fs::read_to_string(out.join("waarden.csv")).unwrap();
    assert!(
        waarden.contains(&format!("{code},")),
        "the workbook's values are bundled"
    );
}

/// One filled workbook changed by `actions`, checked: the findings as `controleer` prints
/// them.
fn check_after(dir: &Path, base: &Path, name: &str, actions: Value) -> Run {
    let path = dir.join(name);
    calc(base, &path, actions);
    raadsbudget_bare(&["controleer", s(&path)])
}

#[test]
fn rejected_workbooks_say_why_with_sheet_and_cell() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let Filled {
        reference, filled, ..
    } = filled_workbook(dir);
    let map = cell_map(&filled);
    let cell = |key: &str| {
        map.get(key)
            .unwrap_or_else(|| panic!("{key} in {map:?}"))
            .clone()
    };
    let personeel = cell("2026 begroting GRF.PERSONEEL waarde");
    let zetels = cell("2026 kenmerk KEN.ZETELS waarde");

    let expect = |r: &Run, file: &str, at: Option<&str>, code: &str| {
        let wanted = match at {
            Some(at) => format!("{file}!{at}: {code}: "),
            None => format!("{file}: {code}: "),
        };
        assert!(
            r.stdout.contains(&wanted),
            "expected {wanted}\n{}\n{}",
            r.stdout,
            r.stderr
        );
    };

    // Text in a number cell.
    let r = check_after(
        dir,
        &filled,
        "tekst.xlsx",
        json!([{ "zet": personeel, "tekst": "twaalf" }]),
    );
    assert_eq!(r.code, 1);
    expect(&r, s(&dir.join("tekst.xlsx")), Some(&personeel), "F002");
    // A number typed as text is read, with a warning.
    let r = check_after(
        dir,
        &filled,
        "getal-als-tekst.xlsx",
        json!([{ "zet": personeel, "tekst": "812.345,50" }]),
    );
    assert_eq!(r.code, 0, "{}", r.stdout);
    expect(
        &r,
        s(&dir.join("getal-als-tekst.xlsx")),
        Some(&personeel),
        "W109",
    );
    // A value of the wrong unit: a fraction of a seat.
    let r = check_after(
        dir,
        &filled,
        "eenheid.xlsx",
        json!([{ "zet": zetels, "getal": 37.5 }]),
    );
    assert_eq!(r.code, 1);
    expect(&r, s(&dir.join("eenheid.xlsx")), Some(&zetels), "F002");
    // An amount with three decimals.
    let r = check_after(
        dir,
        &filled,
        "decimalen.xlsx",
        json!([{ "zet": personeel, "getal": 1.125 }]),
    );
    expect(&r, s(&dir.join("decimalen.xlsx")), Some(&personeel), "F004");
    // A cell moved: a row inserted above the post.
    let row: u32 = personeel
        .trim_start_matches(|c: char| !c.is_ascii_digit())
        .parse()
        .unwrap();
    let r = check_after(
        dir,
        &filled,
        "verschoven.xlsx",
        json!([{ "rij_invoegen": "Invullen", "voor": row }]),
    );
    assert_eq!(r.code, 1);
    expect(
        &r,
        s(&dir.join("verschoven.xlsx")),
        Some(&personeel),
        "F112",
    );
    // Encrypted: see the formats crate's tests (LibreOffice 7.4 cannot save an encrypted
    // .xlsx through UNO; the reader is tested with an encrypted container there).
    // Damaged: the second half missing.
    let bytes = std::fs::read(&filled).unwrap();
    let damaged = dir.join("beschadigd.xlsx");
    std::fs::write(&damaged, &bytes[..bytes.len() / 2]).unwrap();
    let r = raadsbudget_bare(&["controleer", s(&damaged)]);
    expect(&r, s(&damaged), None, "F101");
    assert!(r.stdout.contains("beschadigd"), "{}", r.stdout);
    // No invulbestand: a workbook of a bundle.
    let out = dir.join("bundel");
    ok(
        raadsbudget_bare(&[
            "bundel",
            s(&reference),
            "--uit",
            s(&out),
            "--xlsx",
            "--stil",
        ]),
        "bundel",
    );
    let foreign = out.join("bundel.xlsx");
    let r = raadsbudget_bare(&["controleer", s(&foreign)]);
    expect(&r, s(&foreign), None, "F111");

    // In a bundle, each rejected workbook is one rejected file; the rest is bundled.
    let inputs = dir.join("inzendingen");
    std::fs::create_dir_all(&inputs).unwrap();
    for f in [
        "tekst.xlsx",
        "verschoven.xlsx",
        "beschadigd.xlsx",
        "getal-als-tekst.xlsx",
    ] {
        std::fs::copy(dir.join(f), inputs.join(f)).unwrap();
    }
    ok(
        raadsbudget_bare(&[
            "demo",
            "--uitvraag",
            "2026",
            "--aantal",
            "2",
            "--uit",
            s(&inputs),
        ]),
        "demo files",
    );
    let bundled = dir.join("bundel-2");
    let r = raadsbudget_bare(&["bundel", s(&inputs), "--uit", s(&bundled), "--stil"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let inzendingen = std::fs::read_to_string(bundled.join("inzendingen.csv")).unwrap();
    assert_eq!(
        inzendingen.matches(",afgewezen,").count(),
        3,
        "{inzendingen}"
    );
    let meldingen = std::fs::read_to_string(bundled.join("meldingen.csv")).unwrap();
    assert!(
        meldingen.contains(&format!(
            ",Invullen!{}",
            personeel.trim_start_matches("Invullen!")
        )),
        "{meldingen}"
    );
}

#[test]
fn invulbestanden_for_a_register_and_a_bundle_are_one_per_organisation_and_the_same_each_time() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let register = dir.join("gemeenten.csv");
    std::fs::write(
        &register,
        "\"Gemeentecode\";\"Gemeentenaam\"\r\n\"GM0363\";\"Amsterdam\"\r\n\"GM0014\";\"Groningen\"\r\n\"GM0344\";\"Utrecht\"\r\n",
    )
    .unwrap();
    let make = |out: &Path, extra: &[&str]| {
        let mut args = vec!["invulbestand", "--uitvraag", "2027", "--uit", s(out)];
        args.extend_from_slice(extra);
        ok(raadsbudget_bare(&args), "invulbestand")
    };
    let one = dir.join("een");
    let two = dir.join("twee");
    let r = make(&one, &["--register", s(&register)]);
    assert!(
        r.stderr
            .contains("3 invulbestanden gemaakt voor uitvraag 2027 (definities 2027.1)"),
        "{}",
        r.stderr
    );
    make(&two, &["--register", s(&register)]);
    let names = |d: &Path| {
        let mut v: Vec<String> = std::fs::read_dir(d)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    };
    assert_eq!(
        names(&one),
        [
            "invulbestand_2027_GM0014.xlsx",
            "invulbestand_2027_GM0344.xlsx",
            "invulbestand_2027_GM0363.xlsx"
        ]
    );
    for n in names(&one) {
        assert_eq!(
            std::fs::read(one.join(&n)).unwrap(),
            std::fs::read(two.join(&n)).unwrap(),
            "{n}"
        );
    }
    // A folder with other files is refused, and left as it was.
    let r = raadsbudget_bare(&[
        "invulbestand",
        "--uitvraag",
        "2027",
        "--uit",
        s(&one),
        "--register",
        s(&register),
    ]);
    assert_ne!(r.code, 0);
    assert!(r.stderr.contains("is niet leeg"), "{}", r.stderr);
    assert_eq!(names(&one).len(), 3);

    // From a bundle of uitvraag 2026: one per organisation, named after it.
    let inputs = dir.join("in");
    ok(
        raadsbudget_bare(&[
            "demo",
            "--uitvraag",
            "2026",
            "--aantal",
            "4",
            "--uit",
            s(&inputs),
        ]),
        "demo",
    );
    let bundle = dir.join("bundel");
    ok(
        raadsbudget_bare(&["bundel", s(&inputs), "--uit", s(&bundle), "--stil"]),
        "bundel",
    );
    let from_bundle = dir.join("uit-bundel");
    let r = make(&from_bundle, &["--bundel", s(&bundle)]);
    assert!(r.stderr.contains("4 invulbestanden"), "{}", r.stderr);
    // Blank.
    let blank = dir.join("blanco");
    make(&blank, &[]);
    assert_eq!(names(&blank), ["invulbestand_2027_leeg.xlsx"]);
    // Each opens in LibreOffice and has its cell map (the blank one with the organisation's cells).
    let map = cell_map(&blank.join("invulbestand_2027_leeg.xlsx"));
    assert!(map.contains_key("organisatie_code waarde"), "{map:?}");
    assert!(
        map.contains_key("2027 begroting GRF.INFORMATIEVOORZIENING waarde"),
        "{map:?}"
    );
}
