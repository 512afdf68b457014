//! The golden benchmark file as LibreOffice Calc saves it again in an English (en-US) and a
//! Dutch (nl-NL) locale (`tests/data/libreoffice/`, made by `make_files.sh` there; see its
//! README): each file reads to exactly the golden file's meta and data, with only repair
//! warnings. The files are committed, so the tests need no LibreOffice.

mod common;

use common::*;
use raadsbudget_domain::Severity;
use raadsbudget_formats::benchmark::{read, ReadOutcome};

fn resaved(name: &str) -> (String, ReadOutcome) {
    let bytes = data_file(&format!("libreoffice/{name}"));
    let outcome = read(name, &bytes);
    (
        String::from_utf8(bytes).expect("LibreOffice wrote UTF-8"),
        outcome,
    )
}

/// Only repair warnings (W1xx), and exactly the golden file's meta and data.
fn assert_same_as_golden(outcome: &ReadOutcome) {
    assert!(!outcome.has_errors(), "{:#?}", shown(outcome));
    assert!(
        outcome
            .findings
            .iter()
            .all(|f| f.severity() == Severity::Waarschuwing && f.code.as_str().starts_with("W1")),
        "{:#?}",
        shown(outcome)
    );
    let file = outcome.file.as_ref().expect("file is usable");
    assert_eq!(file.meta, golden_meta());
    assert_eq!(file.data, golden_data());
    let golden = read(
        "golden.csv",
        &data_file("golden/raadsondersteuning_2026_GM9999_r1.csv"),
    );
    assert_eq!(shown(&golden), Vec::<String>::new());
    assert_eq!(file.lines, golden.file.unwrap().lines);
}

/// The W103 finding of a `;` file.
fn w103(name: &str, sign: &str) -> String {
    format!("{name}:1: W103: het bestand gebruikt ; als scheidingsteken (zoals een spreadsheet opslaat), met de {sign} als decimaalteken; het is zo gelezen")
}

#[test]
fn english_semicolon_and_decimal_point() {
    let name = "en-US_puntkomma.csv";
    let (text, outcome) = resaved(name);
    // What LibreOffice wrote: `;`, every text quoted, numbers in its standard format (no
    // trailing zeros), a decimal point, LF line ends.
    assert!(text.starts_with("\"formaat\";\"definities\";"));
    assert!(text.contains(";2026.1;2026;\"GM9999\";"));
    assert!(text.contains(";\"GRF.PERSONEEL\";312450.87;;;"));
    assert!(text.contains(";\"GRF.FTE\";3.6;;;"));
    assert!(!text.contains('\r'));
    assert_eq!(codes(&outcome), ["W104", "W103", "W105"]);
    assert_eq!(shown(&outcome)[1], w103(name, "punt"));
    assert_same_as_golden(&outcome);
}

#[test]
fn dutch_opened_as_a_dutch_user_does_keeps_the_amounts_as_text() {
    // Import language nl-NL: 312450.87 is not a Dutch number, so it stays text (quoted) and
    // comes back as it was, with `;`: a decimal point in a `;` file.
    let name = "nl-NL_puntkomma.csv";
    let (text, outcome) = resaved(name);
    assert!(text.contains(";\"2026.1\";2026;"));
    assert!(text.contains(";\"GRF.PERSONEEL\";\"312450.87\";;;"));
    assert!(text.contains(";\"KEN.INWONERS\";39500;;"));
    assert_eq!(codes(&outcome), ["W104", "W103"]);
    assert_eq!(shown(&outcome)[1], w103(name, "punt"));
    assert_same_as_golden(&outcome);
}

#[test]
fn dutch_semicolon_and_decimal_comma() {
    let name = "nl-NL_puntkomma_getallen.csv";
    let (text, outcome) = resaved(name);
    // The numbers are numbers: a decimal comma, also in the version 2026.1.
    assert!(text.contains(";2026,1;2026;\"GM9999\";"));
    assert!(text.contains(";\"GRF.PERSONEEL\";312450,87;;;"));
    assert!(text.contains(";\"KEN.TOTALE_LASTEN\";98765432,1;;;"));
    assert_eq!(
        shown(&outcome),
        [
            format!("{name}:1: W104: 48 regels eindigen op LF (of CR) in plaats van CRLF, de eerste op regel 1; het bestand is zo gelezen"),
            w103(name, "komma"),
            format!("{name}:2:2: W107: definities '2026,1' is gelezen als versie 2026.1: een spreadsheet heeft het versienummer als getal met een decimale komma opgeslagen"),
            format!("{name}:6:10: W107: 8 getallen gelezen met de komma als decimaalteken en de punt als scheidingsteken voor duizendtallen (kolom waarde, regels 6, 8, 10, 14, 16, 27, 34, 40), bijvoorbeeld '312450,87' als 312450.87; controleer of de bedragen kloppen"),
            format!("{name}:7:10: W105: 32 bedragen met minder dan 2 decimalen aangevuld tot 2 decimalen (kolom waarde, regels 7, 10–14, 16–22, 27, 29, 31–38, 40–48); controleer of de bedragen kloppen"),
        ]
    );
    assert_same_as_golden(&outcome);
}

#[test]
fn dutch_comma_delimited_with_quoted_decimal_commas() {
    // The delimiter says nothing about the decimal sign: `,` with "312450,87".
    let name = "nl-NL_komma_getallen.csv";
    let (text, outcome) = resaved(name);
    assert!(text.contains(",\"2026,1\",2026,\"GM9999\","));
    assert!(text.contains(",\"GRF.PERSONEEL\",\"312450,87\",,,"));
    assert_eq!(codes(&outcome), ["W104", "W107", "W107", "W105"]);
    assert_same_as_golden(&outcome);
}

#[test]
fn english_thousands_separators() {
    let name = "en-US_duizendtallen.csv";
    let (text, outcome) = resaved(name);
    // Column waarde formatted as a number with thousands separator and 2 decimals, counts too.
    assert!(text.contains(";\"GRF.PERSONEEL\";312,450.87;;;"));
    assert!(text.contains(";\"KEN.TOTALE_LASTEN\";98,765,432.10;;;"));
    assert!(text.contains(";\"KEN.INWONERS\";39,500.00;;"));
    assert_eq!(codes(&outcome), ["W104", "W103", "W107"]);
    assert_eq!(shown(&outcome)[1], w103(name, "punt"));
    assert_eq!(
        shown(&outcome)[2],
        format!("{name}:2:10: W107: 27 getallen gelezen met de punt als decimaalteken en de komma als scheidingsteken voor duizendtallen (kolom waarde, regels 2, 6–8, 11–14, 17–19, 24, 27, 29, 31–33, 35–38, 41–46), bijvoorbeeld '39,500.00' als 39500; controleer of de bedragen kloppen")
    );
    assert_same_as_golden(&outcome);
}

#[test]
fn dutch_thousands_separators() {
    let name = "nl-NL_duizendtallen.csv";
    let (text, outcome) = resaved(name);
    assert!(text.contains(";2026,1;2026;"));
    assert!(text.contains(";\"GRF.PERSONEEL\";312.450,87;;;"));
    assert!(text.contains(";\"KEN.TOTALE_LASTEN\";98.765.432,10;;;"));
    assert!(text.contains(";\"KEN.INWONERS\";39.500,00;;"));
    assert_eq!(codes(&outcome), ["W104", "W103", "W107", "W107"]);
    assert_eq!(shown(&outcome)[1], w103(name, "komma"));
    assert_eq!(
        shown(&outcome)[3],
        format!("{name}:2:10: W107: 42 getallen gelezen met de komma als decimaalteken en de punt als scheidingsteken voor duizendtallen (kolom waarde, regels 2–4, 6–8, 10–14, 16–27, 29, 31–38, 40–49), bijvoorbeeld '39.500,00' als 39500; controleer of de bedragen kloppen")
    );
    assert_same_as_golden(&outcome);
}
