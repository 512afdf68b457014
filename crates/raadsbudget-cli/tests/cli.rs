//! End-to-end tests of the `raadsbudget` binary: real processes, real files, real exit codes.

mod common;

use common::{add_amsterdam, demo_files, raadsbudget, restore, Run};
use std::path::Path;
use std::process::Command;

fn set(db: &Path, jaar: &str, fase: &str, post: &str, extra: &[&str]) -> Run {
    let mut args = vec![
        "waarde",
        "zet",
        "--organisatie",
        "GM0363",
        "--jaar",
        jaar,
        "--fase",
        fase,
        "--post",
        post,
    ];
    args.extend_from_slice(extra);
    raadsbudget(db, &args)
}

#[test]
fn demo_files_of_400_organisations_have_no_errors() {
    let dir = tempfile::tempdir().expect("temp");
    let db = dir.path().join("x.sqlite");
    let out = dir.path().join("d");
    demo_files(&db, &out, 400);
    let mut files: Vec<String> = std::fs::read_dir(&out)
        .expect("dir")
        .map(|e| e.expect("entry").path().display().to_string())
        .collect();
    files.sort();
    assert_eq!(files.len(), 400);
    assert!(files.iter().all(|f| {
        let name = Path::new(f)
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("");
        name.starts_with("raadsondersteuning_2026_") && name.ends_with("_r1.csv")
    }));
    let mut args = vec!["controleer"];
    args.extend(files.iter().map(String::as_str));
    let r = raadsbudget(&db, &args);
    assert_eq!(r.code, 0, "{}\n{}", r.stdout, r.stderr);
    assert!(
        r.stderr.contains("400 bestand(en): 0 fouten"),
        "{}",
        r.stderr
    );
    assert!(!r.stdout.contains(": F"), "{}", r.stdout);
    // Deterministic: the same seed gives the same bytes.
    let again = dir.path().join("e");
    demo_files(&db, &again, 400);
    for f in &files {
        let name = Path::new(f).file_name().expect("name");
        assert_eq!(
            std::fs::read(f).expect("a"),
            std::fs::read(again.join(name)).expect("b"),
            "{f} differs between two runs with the same seed"
        );
    }
}

#[test]
fn a_griffier_fills_in_checks_and_exports() {
    let dir = tempfile::tempdir().expect("temp");
    let db = dir.path().join("griffie.sqlite");
    add_amsterdam(&db);
    let r = raadsbudget(&db, &["organisatie", "lijst"]);
    assert_eq!(r.stdout, "GM0363\tgemeente\tAmsterdam\n");

    // Dutch-formatted amount, a reason, a toelichting.
    let r = set(
        &db,
        "2026",
        "begroting",
        "GRF.PERSONEEL",
        &[
            "--waarde",
            "812.345,00",
            "--toelichting",
            "formatie 9,2 fte",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = set(&db, "2026", "begroting", "ENQ.EXTERN", &["--reden", "nvt"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = raadsbudget(
        &db,
        &[
            "waarde",
            "lijst",
            "--organisatie",
            "GM0363",
            "--jaar",
            "2026",
        ],
    );
    assert_eq!(
        r.stdout,
        "2026\tbegroting\tGRF.PERSONEEL\t812.345,00\tformatie 9,2 fte\n2026\tbegroting\tENQ.EXTERN\tnvt\n"
    );

    // Values that break a rule are refused with the rule's code; nothing is stored.
    let r = set(&db, "2026", "begroting", "GRF.INHUUR", &["--waarde", "-5"]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("F003"), "{}", r.stderr);
    let r = set(
        &db,
        "2026",
        "begroting",
        "GRF.INHUUR",
        &["--waarde", "12,345"],
    );
    assert!(r.stderr.contains("F004"), "{}", r.stderr);
    let r = set(
        &db,
        "2026",
        "realisatie",
        "FRO.NORM_ZETEL",
        &["--waarde", "100"],
    );
    assert!(r.stderr.contains("F006"), "{}", r.stderr);
    let r = set(
        &db,
        "2026",
        "kenmerk",
        "KEN.REKENKAMERVORM",
        &["--waarde", "samen"],
    );
    assert!(r.stderr.contains("F002"), "{}", r.stderr);
    let r = set(&db, "2026", "begroting", "GRF.ONBEKEND", &["--waarde", "1"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    let r = raadsbudget(&db, &["waarde", "lijst", "--organisatie", "GM0363"]);
    assert_eq!(r.stdout.lines().count(), 2);

    // The uitvraag is far from complete: controle reports errors, export refuses.
    let r = raadsbudget(
        &db,
        &[
            "controleer",
            "--organisatie",
            "GM0363",
            "--uitvraag",
            "2026",
        ],
    );
    assert_eq!(r.code, 1);
    assert!(
        r.stdout
            .contains("GM0363 2026 begroting GRF.INHUUR: F001: verplichte post GRF.INHUUR"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("W006"), "{}", r.stdout);
    let out = dir.path().join("uit");
    let out_s = out.to_str().expect("utf8");
    let r = raadsbudget(
        &db,
        &[
            "export",
            "--organisatie",
            "GM0363",
            "--uitvraag",
            "2026",
            "--uit",
            out_s,
        ],
    );
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("niet gemaakt"), "{}", r.stderr);
    assert!(!out.join("raadsondersteuning_2026_GM0363_r1.csv").exists());
    let r = raadsbudget(
        &db,
        &[
            "export",
            "--organisatie",
            "GM0363",
            "--uitvraag",
            "2026",
            "--uit",
            out_s,
            "--concept",
            "--tijdstip",
            "2026-03-01T09:30:00Z",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let draft = std::fs::read_to_string(out.join("raadsondersteuning_2026_GM0363_r1_concept.csv"))
        .expect("draft");
    assert!(
        draft.contains(",GRF.PERSONEEL,812345.00,,formatie 9,2 fte,")
            || draft.contains(",GRF.PERSONEEL,812345.00,,\"formatie 9,2 fte\","),
        "{draft}"
    );
    assert!(draft.contains("2026-03-01T09:30:00Z"));

    // History and undo.
    let r = set(
        &db,
        "2026",
        "begroting",
        "GRF.PERSONEEL",
        &["--waarde", "900000"],
    );
    assert_eq!(r.code, 0);
    let r = raadsbudget(
        &db,
        &[
            "geschiedenis",
            "--organisatie",
            "GM0363",
            "--post",
            "GRF.PERSONEEL",
        ],
    );
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{}", r.stdout);
    assert!(
        lines[0].contains("812.345,00 [formatie 9,2 fte] → 900.000,00"),
        "{}",
        lines[0]
    );
    let r = raadsbudget(&db, &["ongedaan-maken", "--organisatie", "GM0363"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = raadsbudget(
        &db,
        &[
            "waarde",
            "lijst",
            "--organisatie",
            "GM0363",
            "--jaar",
            "2026",
        ],
    );
    assert!(
        r.stdout.contains("GRF.PERSONEEL\t812.345,00"),
        "{}",
        r.stdout
    );
}

#[test]
fn a_bad_file_is_reported_with_file_line_column_and_does_not_stop_the_others() {
    let dir = tempfile::tempdir().expect("temp");
    let db = dir.path().join("x.sqlite");
    let d = dir.path().join("d");
    let r = raadsbudget(
        &db,
        &["demo", "--aantal", "2", "--uit", d.to_str().expect("utf8")],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let mut files: Vec<_> = std::fs::read_dir(&d)
        .expect("dir")
        .map(|e| e.expect("e").path())
        .collect();
    files.sort();
    // Break the second data row's value of the first file: a negative amount.
    let text = std::fs::read_to_string(&files[0]).expect("read");
    let mut lines: Vec<String> = text.split("\r\n").map(String::from).collect();
    let target = lines
        .iter()
        .position(|l| l.contains(",begroting,GRF.PERSONEEL,"))
        .expect("row");
    lines[target] =
        lines[target].replace(",begroting,GRF.PERSONEEL,", ",begroting,GRF.PERSONEEL,-");
    let bad = dir.path().join("kapot.csv");
    std::fs::write(&bad, lines.join("\r\n")).expect("write");
    let garbage = dir.path().join("onzin.csv");
    std::fs::write(&garbage, [0xff, 0xfe, 0x00, 0x41, b'\n', b'"']).expect("write");
    let missing = dir.path().join("bestaat-niet.csv");
    let r = raadsbudget(
        &db,
        &[
            "controleer",
            bad.to_str().expect("utf8"),
            garbage.to_str().expect("utf8"),
            missing.to_str().expect("utf8"),
            files[1].to_str().expect("utf8"),
        ],
    );
    assert_eq!(r.code, 1);
    let expected = format!("{}:{}:10: F003: ", bad.display(), target + 1);
    assert!(
        r.stdout.contains(&expected),
        "expected {expected} in\n{}",
        r.stdout
    );
    assert!(
        r.stdout.contains(&format!("{}:", garbage.display())),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains(&format!("{}: F101: ", missing.display())),
        "{}",
        r.stdout
    );
    assert!(r.stderr.contains("4 bestand(en)"), "{}", r.stderr);

    // Import refuses the bad file and stores nothing.
    let r = raadsbudget(&db, &["import", bad.to_str().expect("utf8")]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("er is niets opgeslagen"), "{}", r.stderr);
    let r = raadsbudget(&db, &["organisatie", "lijst"]);
    assert_eq!(r.stdout, "");
    // The good one imports.
    let r = raadsbudget(&db, &["import", files[1].to_str().expect("utf8")]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains("organisatie nieuw toegevoegd"),
        "{}",
        r.stderr
    );
}

#[test]
fn usage_problems_exit_2_with_a_dutch_message() {
    let dir = tempfile::tempdir().expect("temp");
    let db = dir.path().join("x.sqlite");
    let r = raadsbudget(
        &db,
        &["organisatie", "toevoegen", "--code", "GM363", "--naam", "X"],
    );
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("geen geldige organisatiecode"),
        "{}",
        r.stderr
    );
    let r = raadsbudget(&db, &["waarde", "lijst", "--organisatie", "GM0001"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("staat niet in deze database"),
        "{}",
        r.stderr
    );
    let r = raadsbudget(&db, &["controleer"]);
    assert_eq!(r.code, 2);
    let r = raadsbudget(&db, &["--help"]);
    assert_eq!(r.code, 0);
    assert!(
        r.stdout.contains("Commando's") && r.stdout.contains("Toon deze hulp"),
        "{}",
        r.stdout
    );
    let r = raadsbudget(
        &db,
        &[
            "export",
            "--organisatie",
            "GM0001",
            "--uitvraag",
            "2026",
            "--uit",
            "x",
            "--tijdstip",
            "gisteren",
        ],
    );
    assert_eq!(r.code, 2);
}

#[test]
fn definities_in_three_formats() {
    let dir = tempfile::tempdir().expect("temp");
    let db = dir.path().join("x.sqlite");
    let r = raadsbudget(&db, &["definities"]);
    assert_eq!(r.code, 0);
    assert!(r.stdout.contains("GRF.PERSONEEL — "), "{}", r.stdout);
    let r = raadsbudget(&db, &["definities", "--formaat", "json"]);
    assert!(r.stdout.trim_start().starts_with('{') && r.stdout.contains("\"versie\": \"2027.1\""));
    let r = raadsbudget(
        &db,
        &["definities", "--formaat", "markdown", "--versie", "2026.1"],
    );
    assert!(r.stdout.contains("| `RKK.BIJDRAGE_GR` |"), "{}", r.stdout);
    let r = raadsbudget(&db, &["definities", "--versie", "1999.1"]);
    assert_eq!(r.code, 2);
}

#[test]
fn backup_and_restore() {
    let dir = tempfile::tempdir().expect("temp");
    let db = dir.path().join("data").join("raadsbudget.sqlite");
    assert_eq!(
        raadsbudget(
            &db,
            &[
                "organisatie",
                "toevoegen",
                "--code",
                "GM0363",
                "--naam",
                "Amsterdam"
            ]
        )
        .code,
        0
    );
    assert_eq!(
        set(
            &db,
            "2026",
            "begroting",
            "GRF.PERSONEEL",
            &["--waarde", "100"]
        )
        .code,
        0
    );
    let backup = dir.path().join("kopie.sqlite");
    let r = raadsbudget(
        &db,
        &["backup", "maken", "--naar", backup.to_str().expect("utf8")],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        set(
            &db,
            "2026",
            "begroting",
            "GRF.PERSONEEL",
            &["--waarde", "200"]
        )
        .code,
        0
    );
    let r = restore(&db, &backup);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = raadsbudget(&db, &["waarde", "lijst", "--organisatie", "GM0363"]);
    assert!(r.stdout.contains("GRF.PERSONEEL\t100,00"), "{}", r.stdout);
    let safety: Vec<_> = std::fs::read_dir(dir.path().join("data"))
        .expect("dir")
        .filter_map(|e| e.ok())
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("raadsbudget-voor-terugzetten-")
        })
        .collect();
    assert_eq!(
        safety.len(),
        1,
        "the current database is saved before restoring"
    );
    // A file that is not a Raadsbudget database is refused; the data stays.
    let junk = dir.path().join("junk.sqlite");
    std::fs::write(&junk, b"dit is geen database").expect("write");
    let r = restore(&db, &junk);
    assert_eq!(r.code, 2, "{}", r.stderr);
    let r = raadsbudget(&db, &["waarde", "lijst", "--organisatie", "GM0363"]);
    assert!(r.stdout.contains("GRF.PERSONEEL\t100,00"), "{}", r.stdout);
}

#[test]
fn a_demo_store_opens_and_checks_clean() {
    let dir = tempfile::tempdir().expect("temp");
    let db = dir.path().join("proef.sqlite");
    let r = raadsbudget(&db, &["demo", "--uitvraag", "2026", "--organisaties", "6"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains("6 demo-organisaties toegevoegd"),
        "{}",
        r.stderr
    );
    let r = raadsbudget(&db, &["organisatie", "lijst"]);
    let codes: Vec<&str> = r
        .stdout
        .lines()
        .filter_map(|l| l.split('\t').next())
        .collect();
    assert_eq!(codes.len(), 6, "{}", r.stdout);
    for code in codes {
        for u in ["2024", "2025", "2026"] {
            let r = raadsbudget(&db, &["controleer", "--organisatie", code, "--uitvraag", u]);
            assert_eq!(r.code, 0, "{code} {u}: {}", r.stdout);
        }
        let r = raadsbudget(
            &db,
            &["waarde", "lijst", "--organisatie", code, "--jaar", "2023"],
        );
        assert!(
            r.stdout.lines().count() > 20,
            "four years of history: {}",
            r.stdout
        );
    }
    // Running it again adds nothing: the organisations are there already.
    let r = raadsbudget(&db, &["demo", "--uitvraag", "2026", "--organisaties", "6"]);
    assert!(
        r.stderr.contains("0 demo-organisaties toegevoegd"),
        "{}",
        r.stderr
    );
}

#[test]
fn bundel_writes_the_dataset_and_a_summary() {
    let dir = tempfile::tempdir().expect("temp");
    let db = dir.path().join("x.sqlite");
    let input = dir.path().join("in");
    let path = |p: &Path| p.to_str().expect("utf8").to_string();
    let r = raadsbudget(&db, &["demo", "--aantal", "20", "--uit", &path(&input)]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let uit = dir.path().join("uit");
    let r = raadsbudget(
        &db,
        &["bundel", &path(&input), "--uit", &path(&uit), "--stil"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("20 bestanden gebundeld"), "{}", r.stderr);
    assert!(r.stderr.contains("geaccepteerd       20"), "{}", r.stderr);
    assert!(!r.stderr.contains("gelezen:"), "--stil shows no progress");
    for name in [
        "inzendingen.csv",
        "meldingen.csv",
        "waarden.csv",
        "breed.csv",
        "kengetallen.csv",
        "statistiek.csv",
        "datapackage.json",
    ] {
        assert!(uit.join(name).is_file(), "{name}");
    }
    assert!(
        !uit.join("respons.csv").exists(),
        "no register, no respons.csv"
    );

    // A rejected file makes the exit code 1, the rest is still bundled.
    std::fs::write(input.join("kapot.csv"), "dit is geen benchmarkbestand\r\n").expect("write");
    let r = raadsbudget(
        &db,
        &[
            "bundel",
            &path(&input),
            "--uit",
            &path(&uit),
            "--stil",
            "--xlsx",
        ],
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("afgewezen           1"), "{}", r.stderr);
    assert!(uit.join("bundel.xlsx").is_file());

    // Nothing to bundle, or an unreadable register: exit 2 with a Dutch message.
    let empty = dir.path().join("leeg");
    std::fs::create_dir_all(&empty).expect("mkdir");
    let r = raadsbudget(&db, &["bundel", &path(&empty), "--uit", &path(&uit)]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("geen benchmarkbestanden"), "{}", r.stderr);
    let register = dir.path().join("register.csv");
    std::fs::write(&register, "a;b\r\n1;2\r\n").expect("write");
    let r = raadsbudget(
        &db,
        &[
            "bundel",
            &path(&input),
            "--uit",
            &path(&uit),
            "--register",
            &path(&register),
        ],
    );
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("register"), "{}", r.stderr);
}

#[test]
fn bundel_passes_over_an_earlier_bundle_inside_its_input() {
    let dir = tempfile::tempdir().expect("temp");
    let db = dir.path().join("x.sqlite");
    let input = dir.path().join("in");
    let path = |p: &Path| p.to_str().expect("utf8").to_string();
    let r = raadsbudget(&db, &["demo", "--aantal", "5", "--uit", &path(&input)]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    // A first bundle into a folder inside the input, then a second one into another folder.
    let first = input.join("bundel-1");
    let r = raadsbudget(
        &db,
        &["bundel", &path(&input), "--uit", &path(&first), "--stil"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let second = dir.path().join("bundel-2");
    let missing = dir.path().join("bestaat-niet.csv");
    let r = raadsbudget(
        &db,
        &[
            "bundel",
            &path(&input),
            &path(&missing),
            "--uit",
            &path(&second),
            "--stil",
        ],
    );
    assert_eq!(r.code, 1, "the missing file is rejected: {}", r.stderr);
    assert!(r.stderr.contains("geaccepteerd        5"), "{}", r.stderr);
    assert!(r.stderr.contains("afgewezen           1"), "{}", r.stderr);
    assert!(
        r.stderr.contains("overgeslagen        7"),
        "the 7 files of bundel-1: {}",
        r.stderr
    );
    let meldingen = std::fs::read_to_string(second.join("meldingen.csv")).expect("meldingen");
    assert!(
        meldingen.contains("het bestand bestaat niet"),
        "{meldingen}"
    );
}

/// The text of a PDF, by `pdftotext -layout` (poppler-utils, installed by scripts/test).
fn pdf_text(pdf: &Path) -> String {
    let out = Command::new("pdftotext")
        .arg("-layout")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) must be installed: scripts/test installs it");
    assert!(
        out.status.success(),
        "pdftotext failed on {}",
        pdf.display()
    );
    String::from_utf8(out.stdout).expect("utf8")
}

#[test]
fn factsheet_writes_one_pdf_per_organisation_of_a_400_organisation_bundle() {
    let dir = tempfile::tempdir().expect("temp");
    let db = dir.path().join("x.sqlite");
    let path = |p: &Path| p.to_str().expect("utf8").to_string();
    let input = dir.path().join("in");
    let bundel = dir.path().join("bundel");
    demo_files(&db, &input, 400);
    let r = raadsbudget(
        &db,
        &["bundel", &path(&input), "--uit", &path(&bundel), "--stil"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let uit = dir.path().join("factsheets");
    let r = raadsbudget(
        &db,
        &[
            "factsheet",
            "--bundel",
            &path(&bundel),
            "--uit",
            &path(&uit),
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains("400 factsheets geschreven"),
        "{}",
        r.stderr
    );
    let pdfs: Vec<_> = std::fs::read_dir(&uit)
        .expect("uit")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .collect();
    assert_eq!(pdfs.len(), 400);

    // One organisation's own figures, as kengetallen.csv has them, are in its PDF's text.
    let kengetallen = std::fs::read_to_string(bundel.join("kengetallen.csv")).expect("csv");
    let mut rows = kengetallen.lines();
    let header: Vec<&str> = rows.next().expect("header").split(',').collect();
    let col = |name: &str| header.iter().position(|h| *h == name).expect(name);
    let (code, per_inwoner, kernbudget) = rows
        .map(|l| l.split(',').collect::<Vec<_>>())
        .find(|f| {
            f[col("organisatie_code")].starts_with("GM")
                && f[col("jaar")] == "2026"
                && f[col("fase")] == "begroting"
                && f[col("categorie")] == "TOTAAL"
                && !f[col("per_inwoner")].is_empty()
        })
        .map(|f| {
            (
                f[col("organisatie_code")].to_string(),
                f[col("per_inwoner")].to_string(),
                f[col("kernbudget")].to_string(),
            )
        })
        .expect("a gemeente with a total per inwoner");
    let naam = kengetallen
        .lines()
        .find(|l| l.starts_with(&code))
        .and_then(|l| l.split(',').nth(1))
        .expect("name")
        .to_string();
    let text = pdf_text(&uit.join(format!("factsheet_2026_{code}.pdf")));
    // As published (4 decimals for per inwoner), shown with 2.
    let dutch = |s: &str| {
        let d: rust_decimal::Decimal = s.parse().expect("a decimal");
        raadsbudget_domain::value::format_dutch(d, 2)
    };
    assert!(text.contains(&naam), "{naam} not in:\n{text}");
    assert!(text.contains(&code));
    assert!(
        text.contains(&format!("€ {}", dutch(&per_inwoner))),
        "€ {} not in:\n{text}",
        dutch(&per_inwoner)
    );
    assert!(
        text.contains(&format!("€ {}", dutch(&kernbudget))),
        "€ {} not in:\n{text}",
        dutch(&kernbudget)
    );
    assert!(
        text.contains("Begroting 2026") && text.contains("Realisatie 2025"),
        "{text}"
    );

    // One organisation only; an organisation not in the bundle is refused with exit 2.
    let een = dir.path().join("een");
    let r = raadsbudget(
        &db,
        &[
            "factsheet",
            "--bundel",
            &path(&bundel),
            "--uit",
            &path(&een),
            "--organisatie",
            &code,
            "--html",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("1 factsheet geschreven"), "{}", r.stderr);
    assert!(een.join(format!("factsheet_2026_{code}.html")).is_file());
    let r = raadsbudget(
        &db,
        &[
            "factsheet",
            "--bundel",
            &path(&bundel),
            "--uit",
            &path(&een),
            "--organisatie",
            "GM9999",
        ],
    );
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("GM9999"), "{}", r.stderr);
}

#[test]
fn status_and_overnemen_follow_the_uitvraag_through_its_life() {
    let dir = tempfile::tempdir().expect("temp");
    let db = dir.path().join("griffie.sqlite");
    add_amsterdam(&db);
    let status = |u: &str| {
        let r = raadsbudget(&db, &["status", "--organisatie", "GM0363", "--uitvraag", u]);
        assert_eq!(r.code, 0, "{}", r.stderr);
        r.stdout
    };
    // Nothing entered: leeg (the missing required posts are warnings until a value comes).
    assert!(
        status("2025").starts_with("uitvraag 2025: leeg; 0 fouten, "),
        "{}",
        status("2025")
    );

    // One value in uitvraag 2025: a concept with errors (the other required posts are empty).
    let r = set(
        &db,
        "2025",
        "begroting",
        "GRF.PERSONEEL",
        &["--waarde", "700.000"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        status("2025").starts_with("uitvraag 2025: concept; "),
        "{}",
        status("2025")
    );
    // Every uitvraag with data is listed, newest first.
    let r = raadsbudget(&db, &["status", "--organisatie", "GM0363"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let years: Vec<&str> = r
        .stdout
        .lines()
        .map(|l| l.split(':').next().unwrap_or(""))
        .collect();
    assert!(years.contains(&"uitvraag 2025"), "{}", r.stdout);
    assert!(years.windows(2).all(|w| w[0] > w[1]), "{}", r.stdout);

    // Overnemen fills begroting 2026 from begroting 2025, once; never overwrites.
    let r = raadsbudget(
        &db,
        &["overnemen", "--organisatie", "GM0363", "--uitvraag", "2026"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stderr,
        "uitvraag 2026: 1 veld overgenomen van een jaar eerder\n"
    );
    let r = raadsbudget(
        &db,
        &[
            "waarde",
            "lijst",
            "--organisatie",
            "GM0363",
            "--jaar",
            "2026",
        ],
    );
    assert_eq!(r.stdout, "2026\tbegroting\tGRF.PERSONEEL\t700.000,00\n");
    let r = raadsbudget(
        &db,
        &["overnemen", "--organisatie", "GM0363", "--uitvraag", "2026"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("niets overgenomen"), "{}", r.stderr);
    let r = raadsbudget(&db, &["geschiedenis", "--organisatie", "GM0363"]);
    assert!(
        r.stdout.contains("overgenomen van vorig jaar"),
        "{}",
        r.stdout
    );

    // An unknown organisation: a Dutch message, exit 2, nothing created.
    let r = raadsbudget(&db, &["status", "--organisatie", "GM0001"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr.contains("GM0001 staat niet in deze database"),
        "{}",
        r.stderr
    );
}
