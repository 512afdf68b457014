//! Each deviation a spreadsheet typically makes is read, with a warning naming it, and gives
//! exactly the values of the clean file (`tests/data/tolerated/clean.csv`).

mod common;

use common::*;
use raadsbudget_domain::{Fase, FindingCode, Severity};
use raadsbudget_formats::benchmark::{read, write, BenchmarkFile, ReadOutcome};

fn clean() -> BenchmarkFile {
    let outcome = read("clean.csv", &data_file("tolerated/clean.csv"));
    assert_eq!(shown(&outcome), Vec::<String>::new());
    outcome.file.unwrap()
}

fn read_tolerated(name: &str) -> ReadOutcome {
    read(name, &data_file(&format!("tolerated/{name}")))
}

/// The file reads to the clean file's meta and data, every finding is a repair warning.
fn assert_same_as_clean(outcome: &ReadOutcome) {
    assert!(!outcome.has_errors(), "{:#?}", shown(outcome));
    assert!(outcome
        .findings
        .iter()
        .all(|f| f.severity() == Severity::Waarschuwing && f.code.as_str().starts_with("W1")));
    let file = outcome.file.as_ref().expect("file is usable");
    let clean = clean();
    assert_eq!(file.meta, clean.meta);
    assert_eq!(file.data, clean.data);
}

#[test]
fn the_clean_file_is_what_the_writer_writes() {
    let file = clean();
    assert_eq!(file.meta.organisation.naam, "Noardeast-Fryslân");
    let mut bytes = Vec::new();
    write(&mut bytes, &file.meta, &file.data).unwrap();
    assert_eq!(bytes, data_file("tolerated/clean.csv"));
}

#[test]
fn utf8_bom_w101() {
    let outcome = read_tolerated("bom.csv");
    assert_eq!(
        shown(&outcome),
        ["bom.csv:1:1: W101: het bestand begint met een byte-order mark (BOM); die is verwijderd"]
    );
    assert_same_as_clean(&outcome);
}

#[test]
fn windows_1252_w102() {
    let bytes = data_file("tolerated/windows1252.csv");
    assert!(std::str::from_utf8(&bytes).is_err());
    assert!(
        bytes.windows(6).any(|w| w == b"Frysl\xe2"),
        "â as one 1252 byte"
    );
    let outcome = read_tolerated("windows1252.csv");
    assert_eq!(codes(&outcome), ["W102"]);
    // The first row (line 2) has the name with â.
    assert!(shown(&outcome)[0].starts_with("windows1252.csv:2: W102: het bestand is geen UTF-8"));
    assert_same_as_clean(&outcome);
    let file = outcome.file.unwrap();
    assert_eq!(
        file.data
            .get(2026, Fase::Begroting, "GRF.MATERIEEL")
            .unwrap()
            .toelichting,
        "inclusief coördinatie raadsinformatiesysteem"
    );
}

#[test]
fn semicolon_w103_and_decimal_comma_w107() {
    let text = String::from_utf8(data_file("tolerated/semicolon.csv")).unwrap();
    assert!(text.contains(";GRF.PERSONEEL;312450,87;;"));
    let outcome = read_tolerated("semicolon.csv");
    assert_eq!(
        shown(&outcome),
        [
            "semicolon.csv:1: W103: het bestand gebruikt ; als scheidingsteken (zoals een spreadsheet opslaat), met de komma als decimaalteken; het is zo gelezen",
            "semicolon.csv:6:10: W107: 34 getallen gelezen met de komma als decimaalteken en de punt als scheidingsteken voor duizendtallen (kolom waarde, regels 6–8, 10–14, 16–22, 27, 29, 31–38, 40–48), bijvoorbeeld '312450,87' als 312450.87; controleer of de bedragen kloppen",
        ]
    );
    assert_same_as_clean(&outcome);
}

#[test]
fn a_dutch_spreadsheet_save_w102_w103_w105_w107() {
    let outcome = read_tolerated("excel_nl.csv");
    assert_eq!(codes(&outcome), ["W103", "W102", "W107", "W105"]);
    let w105 = &shown(&outcome)[3];
    assert!(
        w105.starts_with(
            "excel_nl.csv:7:10: W105: 32 bedragen met minder dan 2 decimalen aangevuld"
        ),
        "{w105}"
    );
    assert_same_as_clean(&outcome);
}

#[test]
fn lf_line_ends_w104() {
    let bytes = data_file("tolerated/lf.csv");
    assert!(!bytes.contains(&b'\r'));
    let outcome = read_tolerated("lf.csv");
    assert_eq!(
        shown(&outcome),
        ["lf.csv:1: W104: 48 regels eindigen op LF (of CR) in plaats van CRLF, de eerste op regel 1; het bestand is zo gelezen"]
    );
    assert_same_as_clean(&outcome);
    // Lines are still physical lines: the record after the two-line toelichting.
    let file = outcome.file.unwrap();
    assert_eq!(file.lines, clean().lines);
    assert_eq!(
        file.lines.get(2026, Fase::Begroting, "GRF.INHUUR").unwrap(),
        31
    );
}

#[test]
fn fewer_decimals_w105_one_finding_listing_the_lines() {
    let outcome = read_tolerated("decimals.csv");
    assert_eq!(
        shown(&outcome),
        ["decimals.csv:7:10: W105: 3 bedragen met minder dan 2 decimalen aangevuld tot 2 decimalen (kolom waarde, regels 7, 10, 14); controleer of de bedragen kloppen"]
    );
    assert_same_as_clean(&outcome);
    let file = outcome.file.unwrap();
    assert_eq!(
        file.data.entry(2025, Fase::Realisatie, "GRF.FTE"),
        Some(&amount("3.60"))
    );
}

#[test]
fn surrounding_whitespace_w106_one_finding_listing_the_places() {
    let outcome = read_tolerated("whitespace.csv");
    assert_eq!(
        shown(&outcome),
        ["whitespace.csv:3:10: W106: spaties rond 3 velden verwijderd (post op regel 5; waarde op regel 3; reden op regel 9); controleer of de waarden zo kloppen"]
    );
    assert_same_as_clean(&outcome);
}

#[test]
fn empty_trailing_rows_of_a_spreadsheet_are_skipped() {
    let mut bytes = data_file("tolerated/clean.csv");
    bytes.extend_from_slice(b",,,,,,,,,,,,,,\r\n,,,,,,,,,,,,,,\r\n\r\n");
    let outcome = read("trailing.csv", &bytes);
    assert_eq!(shown(&outcome), Vec::<String>::new());
    assert_eq!(outcome.file.unwrap().data, clean().data);
}

#[test]
fn whitespace_in_the_header_is_repaired_too() {
    let text = String::from_utf8(data_file("tolerated/clean.csv")).unwrap();
    let text = text.replacen("formaat,definities", "formaat , definities", 1);
    let outcome = read("header.csv", text.as_bytes());
    assert_eq!(codes(&outcome), ["W106"]);
    assert!(shown(&outcome)[0].starts_with("header.csv:1:1: W106: spaties rond 2 velden"));
    assert_same_as_clean(&outcome);
}

#[test]
fn cr_line_ends_are_lines_too() {
    let text = String::from_utf8(data_file("tolerated/clean.csv")).unwrap();
    let outcome = read("cr.csv", text.replace("\r\n", "\r").as_bytes());
    assert_eq!(codes(&outcome), ["W104"]);
    assert_same_as_clean(&outcome);
    assert_eq!(outcome.file.unwrap().lines, clean().lines);
}

#[test]
fn the_apostrophe_of_spreadsheet_safety_is_removed_once() {
    let file = clean();
    assert_eq!(
        file.data
            .get(2026, Fase::Begroting, "GRF.INHUUR")
            .unwrap()
            .toelichting,
        "=interim-griffier, 3 maanden"
    );
    // An apostrophe before another character is text.
    let text = String::from_utf8(data_file("tolerated/clean.csv")).unwrap();
    let text = text.replacen("\"'=interim-griffier, 3 maanden\"", "'t Klooster", 1);
    let outcome = read("apostrof.csv", text.as_bytes());
    assert_eq!(shown(&outcome), Vec::<String>::new());
    assert_eq!(
        outcome
            .file
            .unwrap()
            .data
            .get(2026, Fase::Begroting, "GRF.INHUUR")
            .unwrap()
            .toelichting,
        "'t Klooster"
    );
    let _ = FindingCode::RepairedBom;
}
