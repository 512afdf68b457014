//! One real file per rejection class: the finding names file, line and column
//! (`name:line:col: CODE: message`).

mod common;

use common::*;
use raadsbudget_formats::benchmark::{read, ReadOutcome};

fn read_rejected(name: &str) -> ReadOutcome {
    read(name, &data_file(&format!("rejected/{name}")))
}

/// The file's errors, as shown.
fn errors(outcome: &ReadOutcome) -> Vec<String> {
    outcome
        .findings
        .iter()
        .filter(|f| f.is_error())
        .map(ToString::to_string)
        .collect()
}

/// Exactly one error, starting with `prefix` (`name:line:col: CODE: `); the file is usable
/// (`Some`) or not as given.
fn assert_one_error(name: &str, prefix: &str, usable: bool) -> ReadOutcome {
    let outcome = read_rejected(name);
    let errors = errors(&outcome);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(
        errors[0].starts_with(prefix),
        "{} does not start with {prefix}",
        errors[0]
    );
    assert!(outcome.has_errors());
    assert_eq!(outcome.file.is_some(), usable, "{name}: file usable");
    outcome
}

/// The first error starts with `prefix`; the others are the consequential F001 of the same
/// post (the row could not be read, so the required post is missing).
fn assert_error_with_missing_post(name: &str, prefix: &str, missing: &str) {
    let outcome = read_rejected(name);
    let errors = errors(&outcome);
    assert_eq!(errors.len(), 2, "{errors:#?}");
    assert!(errors[0].starts_with(prefix), "{}", errors[0]);
    assert!(
        errors[1].starts_with(&format!("{name}: F001: verplichte post {missing} ")),
        "{}",
        errors[1]
    );
    assert!(outcome.file.is_some());
}

#[test]
fn f101_not_a_text_file() {
    assert_one_error(
        "utf16.csv",
        "utf16.csv:1: F101: het bestand is opgeslagen als UTF-16",
        false,
    );
    let outcome = read("werkmap.csv", b"PK\x03\x04\x14\x00\x06\x00rest of a zip");
    assert!(errors(&outcome)[0].starts_with("werkmap.csv:1: F101: dit is een werkmap"));
    let outcome = read("nul.csv", b"formaat\r\nab\0c\r\n");
    assert!(errors(&outcome)[0].starts_with("nul.csv:2: F101: het bestand bevat NUL-tekens"));
}

#[test]
fn f102_different_header() {
    assert_one_error(
        "f102_header.csv",
        "f102_header.csv:1:3: F102: kolom 3 van de kopregel heet 'uitvraag', verwacht 'uitvraagjaar'; de eerste regel moet precies zijn: formaat,definities,uitvraagjaar,",
        false,
    );
    let outcome = read("kort.csv", b"formaat,definities\r\nx,y\r\n");
    assert!(errors(&outcome)[0]
        .starts_with("kort.csv:1: F102: de kopregel heeft 2 kolommen, verwacht 15"));
}

#[test]
fn f103_unknown_formaat() {
    assert_one_error(
        "f103_formaat.csv",
        "f103_formaat.csv:2:1: F103: onbekend formaat 'bzk-raadsondersteuning/2'",
        false,
    );
}

#[test]
fn f104_wrong_field_count() {
    assert_error_with_missing_post(
        "f104_kolommen.csv",
        "f104_kolommen.csv:5:15: F104: deze regel heeft 14 kolommen in plaats van 15",
        "KEN.REKENKAMERVORM",
    );
}

#[test]
fn f105_mixed_organisation_or_export() {
    assert_one_error(
        "f105_organisatie.csv",
        "f105_organisatie.csv:10:4: F105: organisatie_code is 'GM1971', maar op regel 2 staat 'GM1970' (1 regel wijkt af)",
        false,
    );
    assert_one_error(
        "f105_aangemaakt_op.csv",
        "f105_aangemaakt_op.csv:40:14: F105: aangemaakt_op is '2026-03-02T10:00:00Z', maar op regel 2 staat '2026-03-01T09:30:00Z'",
        false,
    );
}

#[test]
fn f106_invalid_fields() {
    assert_error_with_missing_post(
        "f106_jaar.csv",
        "f106_jaar.csv:8:7: F106: jaar '2O25' is geen jaartal",
        "GRF.MATERIEEL",
    );
    assert_error_with_missing_post(
        "f106_fase.csv",
        "f106_fase.csv:47:8: F106: onbekende fase 'Begroting' (kies kenmerk, begroting of realisatie)",
        "ENQ.EXTERN",
    );
    assert_one_error(
        "f106_revisie.csv",
        "f106_revisie.csv:2:13: F106: revisie '0' is geen positief geheel getal",
        false,
    );
    assert_one_error(
        "f106_aangemaakt_op.csv",
        "f106_aangemaakt_op.csv:2:14: F106: aangemaakt_op '1-3-2026 09:30' is geen tijdstip in UTC met seconden",
        false,
    );
    assert_one_error(
        "f106_type.csv",
        "f106_type.csv:2:6: F106: onbekend organisatietype 'gemeent'",
        false,
    );
}

#[test]
fn f107_unknown_catalogue_version() {
    assert_one_error(
        "f107_definities.csv",
        "f107_definities.csv:2:2: F107: definities '2025.9' is geen versie die dit programma kent (bekend: 2026.1, 2027.1); voeg die definities toe met ‘raadsbudget definities toevoegen’ of gebruik een nieuwere versie van het programma",
        false,
    );
}

#[test]
fn f108_no_rows() {
    assert_one_error(
        "f108_leeg.csv",
        "f108_leeg.csv: F108: het bestand bevat alleen een kopregel",
        false,
    );
    let outcome = read("leeg.csv", b"");
    assert!(errors(&outcome)[0].starts_with("leeg.csv: F108: het bestand is leeg"));
    assert!(outcome.file.is_none());
}

#[test]
fn f011_invalid_organisation_code() {
    assert_one_error(
        "f011_code.csv",
        "f011_code.csv:2:4: F011: 'GM197' is geen geldige organisatiecode",
        false,
    );
}

#[test]
fn f007_type_not_matching_code() {
    assert_one_error(
        "f007_type.csv",
        "f007_type.csv:2:6: F007: organisatiecode GM1970 hoort bij een gemeente, maar het opgegeven type is provincie",
        false,
    );
}

#[test]
fn f012_year_or_block_outside_the_uitvraag() {
    assert_error_with_missing_post(
        "f012_jaar.csv",
        "f012_jaar.csv:4:7: F012: jaar 2024 hoort niet bij uitvraag 2026",
        "KEN.FRACTIES",
    );
    assert_error_with_missing_post(
        "f012_fase.csv",
        "f012_fase.csv:23:8: F012: begroting 2025 hoort niet bij uitvraag 2026",
        "ENQ.AANTAL",
    );
}

#[test]
fn f009_unknown_post() {
    assert_error_with_missing_post(
        "f009_post.csv",
        "f009_post.csv:32:9: F009: 'GRF.MATERIAAL' is geen post van de definities 2026.1",
        "GRF.MATERIEEL",
    );
}

#[test]
fn f006_post_in_wrong_fase() {
    assert_one_error(
        "f006_fase.csv",
        "f006_fase.csv:20:9: F006: FRO.NORM_ZETEL hoort niet bij fase realisatie; deze post wordt gevraagd bij begroting",
        true,
    );
}

#[test]
fn f010_duplicate() {
    let outcome = assert_one_error(
        "f010_dubbel.csv",
        "f010_dubbel.csv:27:9: F010: KEN.ZETELS staat voor kenmerk 2026 ook op regel 25",
        true,
    );
    // The first row is kept.
    let file = outcome.file.unwrap();
    assert_eq!(
        file.data
            .entry(2026, raadsbudget_domain::Fase::Kenmerk, "KEN.ZETELS"),
        Some(&count(25))
    );
}

#[test]
fn f002_value_not_fitting_the_unit() {
    assert_one_error(
        "f002_eenheid.csv",
        "f002_eenheid.csv:25:10: F002: KEN.ZETELS (Aantal zetels op 1 januari): '25.5' is geen geheel getal",
        true,
    );
    assert_one_error(
        "f002_code.csv",
        "f002_code.csv:28:10: F002: KEN.REKENKAMERVORM (Vorm van de rekenkamer): 'Eigen' is geen toegestane code",
        true,
    );
}

#[test]
fn f003_negative() {
    let outcome = assert_one_error(
        "f003_negatief.csv",
        "f003_negatief.csv:7:10: F003: GRF.INHUUR (Inhuur en tijdelijke vervanging griffie): een negatieve waarde is niet toegestaan (-18000.00)",
        true,
    );
    // The row is left out of the data, and no second finding (F001) for it.
    let file = outcome.file.unwrap();
    assert!(file
        .data
        .get(2025, raadsbudget_domain::Fase::Realisatie, "GRF.INHUUR")
        .is_none());
    let f = &outcome.findings[0].location;
    assert_eq!(f.organisation.as_deref(), Some("GM1970"));
    assert_eq!(f.jaar, Some(2025));
    assert_eq!(f.post.as_deref(), Some("GRF.INHUUR"));
}

#[test]
fn f004_more_than_two_decimals() {
    assert_one_error(
        "f004_decimalen.csv",
        "f004_decimalen.csv:7:10: F004: GRF.INHUUR (Inhuur en tijdelijke vervanging griffie): '18000.005' heeft meer dan 2 decimalen",
        true,
    );
}

#[test]
fn f005_waarde_and_reden_both_or_neither() {
    assert_one_error(
        "f005_allebei.csv",
        "f005_allebei.csv:7:11: F005: waarde '18000.00' en reden 'nvt' zijn allebei ingevuld",
        true,
    );
    assert_one_error(
        "f005_geen.csv",
        "f005_geen.csv:7:10: F005: waarde en reden zijn allebei leeg",
        true,
    );
}

#[test]
fn f008_unknown_reden() {
    assert_one_error(
        "f008_reden.csv",
        "f008_reden.csv:7:11: F008: onbekende reden 'n.v.t.' (kies nvt of onbekend)",
        true,
    );
}

#[test]
fn f001_missing_required_post_has_no_line() {
    let outcome = assert_one_error(
        "f001_ontbreekt.csv",
        "f001_ontbreekt.csv: F001: verplichte post GRF.INHUUR (Inhuur en tijdelijke vervanging griffie) ontbreekt voor begroting 2026",
        true,
    );
    let loc = &outcome.findings[0].location;
    assert_eq!(loc.file.as_deref(), Some("f001_ontbreekt.csv"));
    assert_eq!((loc.line, loc.column), (None, None));
    assert_eq!(
        (loc.jaar, loc.post.as_deref()),
        (Some(2026), Some("GRF.INHUUR"))
    );
}

#[test]
fn f001_a_missing_block_is_every_required_post_missing() {
    let outcome = read_rejected("f001_blok.csv");
    let errors = errors(&outcome);
    // All required posts of realisatie 2025 for a gemeente with its own rekenkamer.
    assert_eq!(errors.len(), 17, "{errors:#?}");
    assert!(errors
        .iter()
        .all(|e| e.starts_with("f001_blok.csv: F001: verplichte post ")
            && e.contains("ontbreekt voor realisatie 2025")));
    assert!(!outcome.findings.iter().any(|f| f.code.as_str() == "W006"));
}

#[test]
fn content_findings_of_the_domain_get_the_line_of_their_record() {
    // Seats that do not match the Gemeentewet table: W003 from the domain, on the row.
    let text = String::from_utf8(data_file("tolerated/clean.csv")).unwrap();
    let text = text.replacen(
        ",2026,kenmerk,KEN.ZETELS,25,",
        ",2026,kenmerk,KEN.ZETELS,29,",
        1,
    );
    let outcome = read("zetels.csv", text.as_bytes());
    assert!(!outcome.has_errors());
    let shown = shown(&outcome);
    assert_eq!(shown.len(), 1);
    assert!(
        shown[0].starts_with("zetels.csv:25:10: W003: 29 zetels"),
        "{}",
        shown[0]
    );
}

#[test]
fn structure_findings_come_first_in_file_order() {
    let text = String::from_utf8(data_file("tolerated/clean.csv")).unwrap();
    let text = text
        .replacen(",GRF.INHUUR,18000.00,", ",GRF.INHUUR,18000,", 1)
        .replacen(",KEN.ZETELS,25,", ",KEN.ZETELS,-25,", 1)
        .replacen(
            ",2026,begroting,ENQ.EXTERN,",
            ",2026,begroting,ENQ.EXTRN,",
            1,
        );
    let outcome = read("volgorde.csv", text.as_bytes());
    assert_eq!(codes(&outcome), ["F003", "W105", "F009", "F001"]);
    let lines: Vec<Option<u64>> = outcome.findings.iter().map(|f| f.location.line).collect();
    assert_eq!(lines, [Some(3), Some(7), Some(47), None]);
}
