//! Catalogue 2027.1 through the real binary, run both ways: once as built in, and once in a
//! program that has only 2026.1 built in and gets 2027.1 added at run time
//! (`definities toevoegen`). Everything the user sees and every file written must be the
//! same: an added catalogue behaves exactly as an embedded one.

mod common;

use common::{command, Run};
use std::path::{Path, PathBuf};

/// The environment variable that limits the built-in versions (see `raadsbudget_usecases::
/// definities::EMBED_ENV`).
const EMBED_ENV: &str = "RAADSBUDGET_INGEBOUWDE_DEFINITIES";

fn catalogue_file() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/definities/2027.1.toml")
}

fn run(db: &Path, only_2026: bool, args: &[&str]) -> Run {
    let mut cmd = command(db, args);
    if only_2026 {
        cmd.env(EMBED_ENV, "2026.1");
    } else {
        cmd.env_remove(EMBED_ENV);
    }
    let r: Run = cmd.output().expect("run raadsbudget").into();
    assert_eq!(r.code, 0, "raadsbudget {args:?}: {}", r.stderr);
    r
}

fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    v.sort();
    v
}

/// The scenario; returns everything it printed and wrote, in order.
fn scenario(dir: &Path, only_2026: bool) -> Vec<(String, Vec<u8>)> {
    let db = dir.join("raadsbudget.sqlite");
    let s = |p: &Path| p.to_str().unwrap().to_string();
    let mut seen: Vec<(String, Vec<u8>)> = Vec::new();
    let added = run(
        &db,
        only_2026,
        &["definities", "toevoegen", &s(&catalogue_file())],
    );
    assert!(added.stderr.contains("sha256 "), "{}", added.stderr);
    if only_2026 {
        assert!(
            added.stderr.contains("definities 2027.1 toegevoegd"),
            "{}",
            added.stderr
        );
    } else {
        assert!(added.stderr.contains("waren al bekend"), "{}", added.stderr);
    }
    let lijst = run(&db, only_2026, &["definities", "lijst"]).stdout;
    let (want, other) = if only_2026 {
        ("toegevoegd", "ingebouwd")
    } else {
        ("ingebouwd", "toegevoegd")
    };
    let line = lijst
        .lines()
        .find(|l| l.starts_with("2027.1"))
        .expect("2027.1 is known");
    assert!(line.contains(want) && !line.contains(other), "{lijst}");
    // The same sha256 either way.
    seen.push((
        "sha256".into(),
        line.rsplit('\t').next().unwrap().as_bytes().to_vec(),
    ));

    let changes = run(
        &db,
        only_2026,
        &["definities", "--versie", "2027.1", "--wijzigingen"],
    );
    seen.push(("wijzigingen".into(), changes.stdout.into_bytes()));
    let catalogue = run(&db, only_2026, &["definities", "--formaat", "json"]);
    seen.push(("definities".into(), catalogue.stdout.into_bytes()));

    let files = dir.join("bestanden");
    run(
        &db,
        only_2026,
        &[
            "demo",
            "--uitvraag",
            "2027",
            "--aantal",
            "4",
            "--uit",
            &s(&files),
        ],
    );
    let written = files_in(&files);
    assert_eq!(written.len(), 4);
    for f in &written {
        let bytes = std::fs::read(f).unwrap();
        let text = String::from_utf8(bytes.clone()).unwrap();
        assert!(
            text.lines().skip(1).all(|l| l.contains(",2027.1,2027,")),
            "{text}"
        );
        seen.push((f.file_name().unwrap().to_string_lossy().into(), bytes));
    }
    let checked = run(
        &db,
        only_2026,
        &["controleer", &s(&written[0]), &s(&written[1])],
    );
    seen.push(("controleer".into(), checked.stdout.into_bytes()));

    run(&db, only_2026, &["import", &s(&written[0])]);
    let code = written[0]
        .file_name()
        .unwrap()
        .to_string_lossy()
        .split('_')
        .nth(2)
        .unwrap()
        .to_string();
    let out = dir.join("export");
    run(
        &db,
        only_2026,
        &[
            "export",
            "--organisatie",
            &code,
            "--uitvraag",
            "2027",
            "--uit",
            &s(&out),
            "--tijdstip",
            "2027-03-01T09:30:00Z",
        ],
    );
    let exported = files_in(&out);
    let bytes = std::fs::read(&exported[0]).unwrap();
    assert!(String::from_utf8_lossy(&bytes)
        .lines()
        .skip(1)
        .all(|l| l.contains(",2027.1,2027,")));
    seen.push(("export".into(), bytes));

    let bundle = dir.join("bundel");
    run(
        &db,
        only_2026,
        &["bundel", &s(&files), "--uit", &s(&bundle), "--stil"],
    );
    for name in [
        "waarden.csv",
        "breed.csv",
        "kengetallen.csv",
        "statistiek.csv",
        "datapackage.json",
    ] {
        seen.push((name.into(), std::fs::read(bundle.join(name)).unwrap()));
    }
    seen
}

#[test]
fn an_added_catalogue_behaves_exactly_as_the_built_in_one() {
    let built_in = tempfile::tempdir().unwrap();
    let added = tempfile::tempdir().unwrap();
    let a = scenario(built_in.path(), false);
    let b = scenario(added.path(), true);
    assert_eq!(a.len(), b.len());
    for ((name, x), (_, y)) in a.iter().zip(&b) {
        assert!(
            x == y,
            "{name} differs:\n{}\n---\n{}",
            String::from_utf8_lossy(x),
            String::from_utf8_lossy(y)
        );
    }
    // What the bundle says about versions.
    let text = |name: &str| {
        String::from_utf8(a.iter().find(|(n, _)| n == name).unwrap().1.clone()).unwrap()
    };
    let waarden = text("waarden.csv");
    assert!(waarden
        .lines()
        .next()
        .unwrap()
        .ends_with(",toelichting,definities"));
    assert!(waarden.lines().skip(1).all(|l| l.ends_with(",2027.1")));
    let breed = text("breed.csv");
    let header = breed.lines().next().unwrap();
    assert!(
        header.contains("GRF.MATERIEEL,GRF.INFORMATIEVOORZIENING"),
        "{header}"
    );
    assert!(
        header.contains("ENQ.STELPOST")
            && !header.contains("ENQ.RESERVERING")
            && !header.contains("ENQ.AANTAL")
    );
    let changes = text("wijzigingen");
    assert!(changes.contains("(6 wijzigingen)"), "{changes}");
}

#[test]
fn a_changed_copy_of_a_known_version_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.sqlite");
    let changed = dir.path().join("2027.1.toml");
    let text = std::fs::read_to_string(catalogue_file()).unwrap();
    std::fs::write(
        &changed,
        text.replacen("Informatievoorziening raad", "Informatie raad", 1),
    )
    .unwrap();
    let r: Run = command(&db, &["definities", "toevoegen", changed.to_str().unwrap()])
        .output()
        .unwrap()
        .into();
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("bestaat al met een andere inhoud"),
        "{}",
        r.stderr
    );
    // A file that is no catalogue names what is wrong, in Dutch.
    std::fs::write(&changed, "versie = \"2028.1\"\n").unwrap();
    let r: Run = command(&db, &["definities", "toevoegen", changed.to_str().unwrap()])
        .output()
        .unwrap()
        .into();
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("is niet toegevoegd: het definitiebestand is niet leesbaar: regel 1, kolom 1: het veld ‘titel’ ontbreekt"),
        "{}",
        r.stderr
    );
}

/// `frictionless validate` of a bundle's datapackage.json, when `FRICTIONLESS` names the
/// validator (`scripts/test` installs it and sets it for every test run).
fn frictionless_validate(bundle: &Path) {
    if let Some(frictionless) = std::env::var_os("FRICTIONLESS") {
        let status = std::process::Command::new(frictionless)
            .arg("validate")
            .arg(bundle.join("datapackage.json"))
            .status()
            .unwrap();
        assert!(status.success(), "frictionless validate");
    }
}

/// Parses a CSV of the bundle into rows of cells (header first).
fn csv_rows(bytes: &[u8]) -> Vec<Vec<String>> {
    let text = String::from_utf8(bytes.to_vec()).unwrap();
    let mut rows = Vec::new();
    let mut reader = csv_reader(&text);
    for r in reader.records() {
        rows.push(r.unwrap().iter().map(str::to_string).collect());
    }
    rows
}

fn csv_reader(text: &str) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes())
}

fn column(rows: &[Vec<String>], name: &str) -> usize {
    rows[0]
        .iter()
        .position(|c| c == name)
        .unwrap_or_else(|| panic!("column {name}"))
}

/// The kernbudget posts of each version and category, written out by hand from
/// `definities.md` and `definities-2027.1.md` (not from the catalogue files).
fn kern_posts(versie: &str, categorie: &str) -> &'static [&'static str] {
    match (versie, categorie) {
        ("2026.1", "GRF") => &["GRF.PERSONEEL", "GRF.INHUUR", "GRF.MATERIEEL"],
        ("2027.1", "GRF") => &[
            "GRF.PERSONEEL",
            "GRF.INHUUR",
            "GRF.MATERIEEL",
            "GRF.INFORMATIEVOORZIENING",
        ],
        ("2026.1", "RKK") => &[
            "RKK.LEDEN",
            "RKK.PERSONEEL",
            "RKK.ONDERZOEK",
            "RKK.MATERIEEL",
            "RKK.BIJDRAGE_GR",
        ],
        ("2027.1", "RKK") => &[
            "RKK.LEDEN",
            "RKK.PERSONEEL",
            "RKK.INZET_GRIFFIE",
            "RKK.ONDERZOEK",
            "RKK.MATERIEEL",
            "RKK.BIJDRAGE_GR",
        ],
        (_, "FRO") => &["FRO.BIJDRAGEN", "FRO.ASSISTENTIE", "FRO.OVERIG"],
        ("2026.1", "ENQ") => &["ENQ.RESERVERING", "ENQ.EXTERN", "ENQ.INTERN"],
        ("2027.1", "ENQ") => &["ENQ.STELPOST", "ENQ.EXTERN", "ENQ.INTERN"],
        _ => &[],
    }
}

/// Uitvraag 2027 bundled from files of the current program (2027.1) and of organisations that
/// still run last year's program (2026.1): all accepted, the old ones with W108; `waarden.csv`
/// keeps each value with its version; the kernbudgets add up by hand for both kinds; the parts
/// of a split stay empty in `breed.csv` for an old file, a renamed post is filled; realisatie
/// fte of an old file is not published; the datapackage validates.
#[test]
fn a_bundle_of_2027_1_and_2026_1_files_for_uitvraag_2027() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("geen.sqlite");
    let s = |p: &Path| p.to_str().unwrap().to_string();
    let (new, old, input) = (
        dir.path().join("nieuw"),
        dir.path().join("oud"),
        dir.path().join("invoer"),
    );
    run(
        &db,
        false,
        &[
            "demo",
            "--uitvraag",
            "2027",
            "--aantal",
            "8",
            "--uit",
            &s(&new),
        ],
    );
    run(
        &db,
        true,
        &[
            "demo",
            "--uitvraag",
            "2027",
            "--aantal",
            "8",
            "--uit",
            &s(&old),
        ],
    );
    std::fs::create_dir(&input).unwrap();
    // The same seed gives the same organisations: the first four from the new program, the
    // last four from the old one.
    let (new_files, old_files) = (files_in(&new), files_in(&old));
    let mut old_orgs = Vec::new();
    for (i, f) in new_files
        .iter()
        .take(4)
        .chain(old_files.iter().skip(4))
        .enumerate()
    {
        let name = f.file_name().unwrap();
        std::fs::copy(f, input.join(name)).unwrap();
        if i >= 4 {
            old_orgs.push(
                name.to_string_lossy()
                    .split('_')
                    .nth(2)
                    .unwrap()
                    .to_string(),
            );
        }
    }
    let head = std::fs::read_to_string(&old_files[5]).unwrap();
    assert!(
        head.lines().nth(1).unwrap().contains(",2026.1,2027,"),
        "an old file: {head}"
    );
    let out = dir.path().join("bundel");
    run(
        &db,
        false,
        &[
            "bundel",
            &s(&input),
            "--uit",
            &s(&out),
            "--uitvraag",
            "2027",
            "--stil",
        ],
    );
    let read = |name: &str| csv_rows(&std::fs::read(out.join(name)).unwrap());

    let inz = read("inzendingen.csv");
    let status = column(&inz, "status");
    assert!(
        inz[1..].iter().all(|r| r[status] == "geaccepteerd"),
        "{inz:?}"
    );
    assert_eq!(inz.len(), 9);
    let meld = read("meldingen.csv");
    let (code, org) = (column(&meld, "code"), column(&meld, "organisatie_code"));
    let mut w108: Vec<String> = meld[1..]
        .iter()
        .filter(|r| r[code] == "W108")
        .map(|r| r[org].clone())
        .collect();
    w108.sort();
    assert_eq!(w108, old_orgs);

    let waarden = read("waarden.csv");
    let (w_org, w_versie) = (
        column(&waarden, "organisatie_code"),
        column(&waarden, "definities"),
    );
    for r in &waarden[1..] {
        let want = if old_orgs.contains(&r[w_org]) {
            "2026.1"
        } else {
            "2027.1"
        };
        assert_eq!(r[w_versie], want, "{r:?}");
    }
    // Kernbudgets by hand from waarden.csv, per organisation, jaar, fase and category.
    let (w_jaar, w_fase, w_post, w_waarde) = (
        column(&waarden, "jaar"),
        column(&waarden, "fase"),
        column(&waarden, "post"),
        column(&waarden, "waarde"),
    );
    let kg = read("kengetallen.csv");
    let (k_org, k_jaar, k_fase, k_cat, k_kern, k_fte) = (
        column(&kg, "organisatie_code"),
        column(&kg, "jaar"),
        column(&kg, "fase"),
        column(&kg, "categorie"),
        column(&kg, "kernbudget"),
        column(&kg, "fte"),
    );
    let mut checked = 0;
    for k in &kg[1..] {
        if k[k_cat] == "TOTAAL" || k[k_kern].is_empty() {
            continue;
        }
        let versie = if old_orgs.contains(&k[k_org]) {
            "2026.1"
        } else {
            "2027.1"
        };
        let mut cents: i64 = 0;
        for r in &waarden[1..] {
            if r[w_org] == k[k_org]
                && r[w_jaar] == k[k_jaar]
                && r[w_fase] == k[k_fase]
                && kern_posts(versie, &k[k_cat]).contains(&r[w_post].as_str())
                && !r[w_waarde].is_empty()
            {
                let (euros, c) = r[w_waarde].split_once('.').unwrap();
                cents += euros.parse::<i64>().unwrap() * 100 + c.parse::<i64>().unwrap();
            }
        }
        assert_eq!(
            k[k_kern],
            format!("{}.{:02}", cents / 100, cents % 100),
            "{k:?}"
        );
        checked += 1;
        // Realisatie fte changed its meaning: an old file's is not published for 2027.
        if matches!(k[k_cat].as_str(), "GRF" | "RKK")
            && k[k_fase] == "realisatie"
            && old_orgs.contains(&k[k_org])
        {
            assert_eq!(k[k_fte], "", "{k:?}");
        }
    }
    assert!(checked >= 8 * 4, "{checked}");
    // breed.csv: the posts of 2027.1; an old file's split parts empty, its renamed post filled.
    let breed = read("breed.csv");
    let b = |name: &str| column(&breed, name);
    assert!(!breed[0]
        .iter()
        .any(|c| c == "ENQ.RESERVERING" || c == "ENQ.AANTAL"));
    for r in &breed[1..] {
        if r[b("fase")] == "kenmerk" {
            continue;
        }
        let split = [
            "GRF.MATERIEEL",
            "GRF.INFORMATIEVOORZIENING",
            "RKK.PERSONEEL",
            "RKK.INZET_GRIFFIE",
        ];
        if old_orgs.contains(&r[b("organisatie_code")]) {
            for post in split {
                assert_eq!(r[b(post)], "", "{post} of an old file: {r:?}");
            }
            let stelpost = waarden[1..].iter().find(|w| {
                w[w_org] == r[b("organisatie_code")]
                    && w[w_jaar] == r[b("jaar")]
                    && w[w_fase] == r[b("fase")]
                    && w[w_post] == "ENQ.RESERVERING"
            });
            assert_eq!(
                Some(&r[b("ENQ.STELPOST")]),
                stelpost.map(|w| &w[w_waarde]),
                "{r:?}"
            );
        } else if r[b("organisatie_code")].starts_with("GM") {
            assert!(split.iter().all(|p| !r[b(p)].is_empty()), "{r:?}");
        }
    }
    frictionless_validate(&out);
}

/// A bundle over uitvraag 2026 (2026.1) and 2027 (2027.1): `breed.csv` has the posts of
/// 2027.1 followed by those only 2026.1 has; each row has the posts of its own uitvraag.
#[test]
fn a_bundle_over_two_versions_has_the_union_of_their_posts() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("geen.sqlite");
    let s = |p: &Path| p.to_str().unwrap().to_string();
    let input = dir.path().join("invoer");
    run(
        &db,
        false,
        &[
            "demo",
            "--uitvraag",
            "2026",
            "--aantal",
            "3",
            "--uit",
            &s(&input),
        ],
    );
    run(
        &db,
        false,
        &[
            "demo",
            "--uitvraag",
            "2027",
            "--aantal",
            "3",
            "--uit",
            &s(&input),
        ],
    );
    let out = dir.path().join("bundel");
    run(
        &db,
        false,
        &["bundel", &s(&input), "--uit", &s(&out), "--stil"],
    );
    let breed = csv_rows(&std::fs::read(out.join("breed.csv")).unwrap());
    let header = &breed[0];
    let tail: Vec<&str> = header[header.len() - 2..]
        .iter()
        .map(String::as_str)
        .collect();
    assert_eq!(tail, ["ENQ.RESERVERING", "ENQ.AANTAL"]);
    let (u, fase) = (column(&breed, "uitvraagjaar"), column(&breed, "fase"));
    let (info, reservering, stelpost) = (
        column(&breed, "GRF.INFORMATIEVOORZIENING"),
        column(&breed, "ENQ.RESERVERING"),
        column(&breed, "ENQ.STELPOST"),
    );
    let mut seen = [0, 0];
    for r in &breed[1..] {
        assert_eq!(r.len(), header.len());
        if r[fase] == "kenmerk" {
            continue;
        }
        if r[u] == "2026" {
            assert!(
                r[info].is_empty() && r[stelpost].is_empty() && !r[reservering].is_empty(),
                "{r:?}"
            );
            seen[0] += 1;
        } else {
            assert!(
                r[reservering].is_empty() && !r[stelpost].is_empty(),
                "{r:?}"
            );
            seen[1] += 1;
        }
    }
    assert!(seen[0] >= 3 && seen[1] >= 3, "{seen:?}");
    frictionless_validate(&out);
}
