//! Shared fixtures of the benchmark-file tests.
#![allow(dead_code)]

pub mod golden_file;

use chrono::{TimeZone, Utc};
use raadsbudget_domain::{
    Catalogue, Dataset, Entry, Fase, Finding, Jaar, Organisation, Reason, Record, Value,
};
use raadsbudget_formats::benchmark::{FileMeta, ReadOutcome};
use rust_decimal::Decimal;
use std::path::PathBuf;

/// `tests/data/<rel>`.
pub fn data_path(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(rel)
}

/// The bytes of `tests/data/<rel>`.
pub fn data_file(rel: &str) -> Vec<u8> {
    let path = data_path(rel);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

pub fn dec(s: &str) -> Decimal {
    Decimal::from_str_exact(s).unwrap()
}

pub fn amount(s: &str) -> Entry {
    Entry::Value(Value::Decimal(dec(s)))
}

pub fn count(n: u64) -> Entry {
    Entry::Value(Value::Count(n))
}

pub fn code(c: &str) -> Entry {
    Entry::Value(Value::Code(c.to_string()))
}

pub fn put(
    data: &mut Dataset,
    jaar: Jaar,
    fase: Fase,
    post: &str,
    entry: Entry,
    toelichting: &str,
) {
    data.set(
        jaar,
        fase,
        post,
        Record {
            entry,
            toelichting: toelichting.to_string(),
            definities: "2026.1".into(),
        },
    );
}

/// The meta of the golden file.
pub fn golden_meta() -> FileMeta {
    FileMeta {
        definities: "2026.1".into(),
        uitvraag: 2026,
        organisation: Organisation::new("GM9999", "Proefgemeente, Noord").unwrap(),
        revisie: 1,
        aangemaakt_op: Utc.with_ymd_and_hms(2026, 3, 1, 9, 30, 0).unwrap(),
        software: "Raadsbudget 0.1.0".to_string(),
    }
}

/// A complete gemeente for uitvraag 2026, with a name containing a comma, a toelichting with
/// a newline, one with a double quote and one starting with `=`, an `nvt` and an `onbekend`.
pub fn golden_data() -> Dataset {
    let mut d = Dataset::new(golden_meta().organisation);
    let (k, b, r) = (Fase::Kenmerk, Fase::Begroting, Fase::Realisatie);
    put(
        &mut d,
        2025,
        k,
        "KEN.INWONERS",
        count(39_500),
        "CBS, 1 januari 2025",
    );
    put(&mut d, 2025, k, "KEN.ZETELS", count(25), "");
    put(&mut d, 2025, k, "KEN.FRACTIES", count(9), "");
    put(&mut d, 2025, k, "KEN.REKENKAMERVORM", code("eigen"), "");
    put(&mut d, 2025, r, "GRF.PERSONEEL", amount("312450.87"), "");
    put(&mut d, 2025, r, "GRF.INHUUR", amount("18000.00"), "");
    put(&mut d, 2025, r, "GRF.MATERIEEL", amount("64210.55"), "");
    put(
        &mut d,
        2025,
        r,
        "GRF.OVERHEAD",
        Entry::Reason(Reason::Onbekend),
        "",
    );
    put(&mut d, 2025, r, "GRF.FTE", amount("3.60"), "");
    put(&mut d, 2025, r, "RKK.LEDEN", amount("12000.00"), "");
    put(&mut d, 2025, r, "RKK.PERSONEEL", amount("41000.00"), "");
    put(&mut d, 2025, r, "RKK.ONDERZOEK", amount("15500.00"), "");
    put(&mut d, 2025, r, "RKK.MATERIEEL", amount("2300.40"), "");
    put(
        &mut d,
        2025,
        r,
        "RKK.BIJDRAGE_GR",
        Entry::Reason(Reason::Nvt),
        "eigen rekenkamer",
    );
    put(&mut d, 2025, r, "RKK.FTE", amount("0.50"), "");
    put(&mut d, 2025, r, "FRO.BIJDRAGEN", amount("98000.00"), "");
    put(&mut d, 2025, r, "FRO.ASSISTENTIE", amount("20000.00"), "");
    put(&mut d, 2025, r, "FRO.OVERIG", amount("4500.00"), "");
    put(&mut d, 2025, r, "ENQ.RESERVERING", amount("0.00"), "");
    put(&mut d, 2025, r, "ENQ.EXTERN", amount("0.00"), "");
    put(&mut d, 2025, r, "ENQ.INTERN", amount("0.00"), "");
    put(&mut d, 2025, r, "ENQ.AANTAL", count(0), "");
    put(&mut d, 2026, k, "KEN.INWONERS", count(39_800), "");
    put(&mut d, 2026, k, "KEN.ZETELS", count(25), "");
    put(&mut d, 2026, k, "KEN.FRACTIES", count(10), "");
    put(
        &mut d,
        2026,
        k,
        "KEN.TOTALE_LASTEN",
        amount("98765432.10"),
        "",
    );
    put(&mut d, 2026, k, "KEN.REKENKAMERVORM", code("eigen"), "");
    put(
        &mut d,
        2026,
        b,
        "GRF.PERSONEEL",
        amount("325000.00"),
        "Inclusief griffier en plaatsvervanger.\nExclusief fractieassistenten.",
    );
    put(
        &mut d,
        2026,
        b,
        "GRF.INHUUR",
        amount("10000.00"),
        "=interim-griffier, 3 maanden",
    );
    put(&mut d, 2026, b, "GRF.MATERIEEL", amount("70000.00"), "");
    put(&mut d, 2026, b, "GRF.OVERHEAD", amount("45000.00"), "");
    put(&mut d, 2026, b, "GRF.FTE", amount("3.80"), "");
    put(&mut d, 2026, b, "RKK.LEDEN", amount("12500.00"), "");
    put(&mut d, 2026, b, "RKK.PERSONEEL", amount("43000.00"), "");
    put(
        &mut d,
        2026,
        b,
        "RKK.ONDERZOEK",
        amount("20000.00"),
        "Onderzoek \"Grip op het sociaal domein\"",
    );
    put(&mut d, 2026, b, "RKK.MATERIEEL", amount("2500.00"), "");
    put(
        &mut d,
        2026,
        b,
        "RKK.BIJDRAGE_GR",
        Entry::Reason(Reason::Nvt),
        "eigen rekenkamer",
    );
    put(&mut d, 2026, b, "RKK.FTE", amount("0.50"), "");
    put(&mut d, 2026, b, "FRO.BIJDRAGEN", amount("100000.00"), "");
    put(&mut d, 2026, b, "FRO.ASSISTENTIE", amount("21000.00"), "");
    put(&mut d, 2026, b, "FRO.OVERIG", amount("5000.00"), "");
    put(&mut d, 2026, b, "FRO.NORM_FRACTIE", amount("3000.00"), "");
    put(&mut d, 2026, b, "FRO.NORM_ZETEL", amount("2000.00"), "");
    put(&mut d, 2026, b, "ENQ.RESERVERING", amount("25000.00"), "");
    put(&mut d, 2026, b, "ENQ.EXTERN", amount("0.00"), "");
    put(&mut d, 2026, b, "ENQ.INTERN", amount("0.00"), "");
    put(&mut d, 2026, b, "ENQ.AANTAL", count(0), "");
    d
}

/// Every finding as `Display` text.
pub fn shown(outcome: &ReadOutcome) -> Vec<String> {
    outcome.findings.iter().map(Finding::to_string).collect()
}

/// Every finding's code.
pub fn codes(outcome: &ReadOutcome) -> Vec<&'static str> {
    outcome.findings.iter().map(|f| f.code.as_str()).collect()
}

/// The catalogue of the tests.
pub fn cat() -> &'static Catalogue {
    Catalogue::get("2026.1").unwrap()
}
