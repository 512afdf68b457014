//! Register files as researchers have them: from CBS, or saved by a Dutch spreadsheet.

mod common;

use common::data_file;
use raadsbudget_formats::register::{read, RegisterEntry, RegisterError};

fn pairs(entries: &[RegisterEntry]) -> Vec<(&str, &str)> {
    entries
        .iter()
        .map(|e| (e.code.as_str(), e.naam.as_str()))
        .collect()
}

fn read_file(rel: &str) -> Result<Vec<RegisterEntry>, RegisterError> {
    read(rel, &data_file(&format!("register/{rel}")))
}

#[test]
fn comma_and_utf8_as_cbs_publishes_it() {
    // Unsorted, one row twice, an empty row, and a provinciecode column next to the
    // gemeentecode column: the gemeente columns are used.
    let out = read_file("komma_utf8.csv").unwrap();
    assert_eq!(
        pairs(&out),
        [
            ("GM0014", "Groningen"),
            ("GM0363", "Amsterdam"),
            ("GM1900", "Súdwest-Fryslân"),
        ]
    );
}

#[test]
fn semicolon_bom_and_quoted_names_as_excel_saves_them() {
    let out = read_file("puntkomma_bom.csv").unwrap();
    assert_eq!(
        pairs(&out),
        [
            ("GM0363", "Amsterdam"),
            ("GM0796", "'s-Hertogenbosch"),
            ("GM0820", "Nuenen, Gerwen en Nederwetten"),
        ]
    );
}

#[test]
fn windows_1252_is_converted() {
    let out = read_file("windows1252.csv").unwrap();
    assert_eq!(
        pairs(&out),
        [("GM1900", "Súdwest-Fryslân"), ("PV21", "Fryslân")]
    );
}

#[test]
fn a_missing_code_column_lists_the_headers_seen() {
    let err = read_file("geen_codekolom.csv").unwrap_err();
    assert_eq!(
        err,
        RegisterError::NoCodeColumn {
            name: "geen_codekolom.csv".into(),
            headers: vec!["nummer".into(), "naam".into()],
        }
    );
    let text = err.to_string();
    assert!(text.contains("'nummer', 'naam'"), "{text}");
    assert!(text.contains("'code'") && text.contains("GM0363"), "{text}");
}

#[test]
fn a_bad_code_names_file_line_and_column() {
    let err = read_file("foute_code.csv").unwrap_err();
    assert_eq!(
        err.to_string(),
        "foute_code.csv:4:1: 'GM363' is geen geldige organisatiecode (verwacht GM gevolgd door 4 cijfers, PV gevolgd door 2 cijfers of WS gevolgd door 4 cijfers)"
    );
}

#[test]
fn one_code_with_two_names_is_refused() {
    let err = read_file("twee_namen.csv").unwrap_err();
    assert_eq!(
        err.to_string(),
        "twee_namen.csv:3:2: organisatie GM0363 heeft hier de naam 'Mokum', maar op regel 2 'Amsterdam'; één code kan maar één naam hebben"
    );
}

#[test]
fn a_tab_separated_register_is_read() {
    let out = read_file("tab.csv").unwrap();
    assert_eq!(
        pairs(&out),
        [
            ("GM0014", "Groningen"),
            ("GM0363", "Amsterdam"),
            ("GM0820", "Nuenen, Gerwen en Nederwetten"),
        ]
    );
    assert_eq!(out[1].provincie.as_deref(), Some("Noord-Holland"));
}

#[test]
fn a_register_without_header_says_so_and_suggests_one() {
    let err = read_file("zonder_kopregel.csv").unwrap_err();
    assert_eq!(
        err.to_string(),
        "zonder_kopregel.csv:1:1: de eerste regel is geen kopregel: in kolom 1 staat al een organisatiecode ('GM0014'); zet bovenaan een regel met de namen van de kolommen, bijvoorbeeld code;naam"
    );
    let err = read("t.csv", b"Groningen,gm0014\n").unwrap_err();
    assert!(
        err.to_string().starts_with("t.csv:1:2: de eerste regel is geen kopregel: in kolom 2 staat al een organisatiecode ('gm0014');")
            && err.to_string().ends_with("bijvoorbeeld code,naam"),
        "{err}"
    );
    let err = read("t.csv", b"WS0155\tAa en Maas\n").unwrap_err();
    assert!(
        err.to_string()
            .ends_with("bijvoorbeeld code en naam, gescheiden door een tab"),
        "{err}"
    );
}

#[test]
fn lower_case_codes_are_read_upper_cased() {
    let out = read_file("kleine_letters.csv").unwrap();
    assert_eq!(
        pairs(&out),
        [
            ("GM0014", "Groningen"),
            ("GM0363", "Amsterdam"),
            ("PV21", "Frysl\u{e2}n"),
            ("WS0155", "Aa en Maas"),
        ]
    );
    // An invalid code is still shown as written.
    let err = read("t.csv", b"code,naam\ngm0014,Groningen\ngm363,Amsterdam\n").unwrap_err();
    assert_eq!(
        err.to_string(),
        "t.csv:3:1: 'gm363' is geen geldige organisatiecode (verwacht GM gevolgd door 4 cijfers, PV gevolgd door 2 cijfers of WS gevolgd door 4 cijfers)"
    );
}

#[test]
fn any_bytes_give_an_answer_not_a_panic() {
    for bytes in [
        &b""[..],
        b"\xEF\xBB\xBF",
        b"PK\x03\x04rest",
        b"code,naam\0",
        b"\"",
        b"code;naam\r\n\"GM0001;x",
        b"\xFF\xFF\xFF,\xFE\n\x80,\x81",
    ] {
        assert!(read("x.csv", bytes).is_err(), "{bytes:?}");
    }
}
