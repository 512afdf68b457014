//! The writer: what it writes for edge values, and what it refuses.

mod common;

use common::*;
use raadsbudget_domain::{Entry, Fase, Organisation, Reason, Value};
use raadsbudget_formats::benchmark::{read, write, FileMeta, WriteError};
use rust_decimal::Decimal;

fn written(meta: &FileMeta, data: &raadsbudget_domain::Dataset) -> Result<String, WriteError> {
    let mut bytes = Vec::new();
    write(&mut bytes, meta, data)?;
    Ok(String::from_utf8(bytes).unwrap())
}

fn one(post: &str, fase: Fase, entry: Entry, toelichting: &str) -> raadsbudget_domain::Dataset {
    let mut data = raadsbudget_domain::Dataset::new(golden_meta().organisation);
    put(&mut data, 2026, fase, post, entry, toelichting);
    data
}

fn refused(data: &raadsbudget_domain::Dataset) -> String {
    written(&golden_meta(), data).unwrap_err().to_string()
}

#[test]
fn amounts_get_two_decimals_and_negative_zero_is_zero() {
    let text = written(
        &golden_meta(),
        &one("GRF.INHUUR", Fase::Begroting, amount("12500"), ""),
    )
    .unwrap();
    assert!(text.contains(",GRF.INHUUR,12500.00,,,"));
    let minus_zero = Entry::Value(Value::Decimal(-Decimal::new(0, 2)));
    let text = written(
        &golden_meta(),
        &one("GRF.INHUUR", Fase::Begroting, minus_zero, ""),
    )
    .unwrap();
    assert!(text.contains(",GRF.INHUUR,0.00,,,"), "{text}");
    let text = written(
        &golden_meta(),
        &one("GRF.FTE", Fase::Begroting, amount("3.6"), ""),
    )
    .unwrap();
    assert!(text.contains(",GRF.FTE,3.60,,,"));
    let text = written(
        &golden_meta(),
        &one("GRF.FTE", Fase::Begroting, amount("3.600"), ""),
    )
    .unwrap();
    assert!(text.contains(",GRF.FTE,3.60,,,"));
}

#[test]
fn rows_follow_the_catalogue_not_the_alphabet() {
    let mut data = raadsbudget_domain::Dataset::new(golden_meta().organisation);
    for post in ["RKK.LEDEN", "ENQ.AANTAL", "GRF.PERSONEEL", "FRO.OVERIG"] {
        put(
            &mut data,
            2026,
            Fase::Begroting,
            post,
            Entry::Reason(Reason::Onbekend),
            "",
        );
    }
    put(
        &mut data,
        2025,
        Fase::Realisatie,
        "ENQ.AANTAL",
        count(1),
        "",
    );
    put(&mut data, 2026, Fase::Kenmerk, "KEN.ZETELS", count(1), "");
    put(&mut data, 2026, Fase::Kenmerk, "KEN.INWONERS", count(1), "");
    let text = written(&golden_meta(), &data).unwrap();
    let posts: Vec<String> = text
        .split("\r\n")
        .skip(1)
        .filter(|l| !l.is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split(',').collect();
            format!("{} {} {}", f[7], f[8], f[9])
        })
        .collect();
    assert_eq!(
        posts,
        [
            "2025 realisatie ENQ.AANTAL",
            "2026 kenmerk KEN.INWONERS",
            "2026 kenmerk KEN.ZETELS",
            "2026 begroting GRF.PERSONEEL",
            "2026 begroting RKK.LEDEN",
            "2026 begroting FRO.OVERIG",
            "2026 begroting ENQ.AANTAL",
        ]
    );
}

#[test]
fn spreadsheet_safety_for_name_and_toelichting() {
    let mut meta = golden_meta();
    meta.organisation = Organisation::new("WS0155", "-Waterschap @Proef").unwrap();
    let mut data = raadsbudget_domain::Dataset::new(meta.organisation.clone());
    for (post, t) in [
        ("RKK.LEDEN", "+31 20 123"),
        ("RKK.PERSONEEL", "@griffie"),
        ("RKK.ONDERZOEK", "\tingesprongen"),
        ("RKK.MATERIEEL", "\rCR"),
        ("RKK.BIJDRAGE_GR", "a=b"),
    ] {
        put(&mut data, 2026, Fase::Begroting, post, amount("1.00"), t);
    }
    let text = written(&meta, &data).unwrap();
    assert!(text.contains(",WS0155,'-Waterschap @Proef,waterschap,"));
    assert!(text.contains(",RKK.LEDEN,1.00,,'+31 20 123,"));
    assert!(text.contains(",RKK.PERSONEEL,1.00,,'@griffie,"));
    assert!(text.contains(",RKK.ONDERZOEK,1.00,,'\tingesprongen,"));
    assert!(text.contains(",RKK.MATERIEEL,1.00,,\"'\rCR\","));
    assert!(text.contains(",RKK.BIJDRAGE_GR,1.00,,a=b,"));
    let back = read("ws.csv", text.as_bytes()).file.unwrap();
    assert_eq!(back.meta, meta);
    assert_eq!(back.data, data);
}

#[test]
fn refuses_what_it_cannot_write_faithfully() {
    let mut meta = golden_meta();
    meta.definities = "2025.9".into();
    let err = written(&meta, &golden_data()).unwrap_err();
    assert!(matches!(err, WriteError::UnknownVersion { .. }));
    assert_eq!(
        err.to_string(),
        "onbekende versie van de definities '2025.9'; dit programma kent 2026.1, 2027.1"
    );

    let mut meta = golden_meta();
    meta.revisie = 0;
    assert!(written(&meta, &golden_data())
        .unwrap_err()
        .to_string()
        .contains("revisie 0 kan niet"));

    let mut meta = golden_meta();
    meta.organisation = Organisation::new("GM0001", "Ander").unwrap();
    assert!(written(&meta, &golden_data())
        .unwrap_err()
        .to_string()
        .contains("de gegevens zijn van GM9999, maar het bestand is voor GM0001"));

    let mut meta = golden_meta();
    meta.software = " ".into();
    assert!(matches!(
        written(&meta, &golden_data()),
        Err(WriteError::Meta(_))
    ));
    // `software` gets no apostrophe (the format gives it to the name and toelichting only), so
    // a formula there is refused rather than written.
    // (A leading TAB or CR is already refused as surrounding space.)
    for software in ["=HYPERLINK(\"x\")", "+1", "-1", "@x", "\tx", "\rx"] {
        let mut meta = golden_meta();
        meta.software = software.into();
        let err = written(&meta, &golden_data()).unwrap_err();
        let message = err.to_string();
        assert!(
            message.contains("een spreadsheet zou dat als formule lezen")
                || (software.starts_with(char::is_whitespace) && message.contains("spaties")),
            "{software:?}: {err}"
        );
    }

    let mut data = golden_data();
    put(
        &mut data,
        2024,
        Fase::Begroting,
        "GRF.INHUUR",
        amount("1.00"),
        "",
    );
    assert_eq!(
        refused(&data),
        "het benchmarkbestand kan niet worden gemaakt: GM9999 2024 begroting GRF.INHUUR: F012: begroting 2024 hoort niet bij uitvraag 2026; geef alleen de vier blokken van de uitvraag door"
    );
    assert!(refused(&one("GRF.ONZIN", Fase::Begroting, amount("1.00"), "")).contains("F009"));
    assert!(refused(&one("FRO.NORM_ZETEL", Fase::Realisatie, amount("1.00"), "")).contains("F012"));
    let mut data = raadsbudget_domain::Dataset::new(golden_meta().organisation);
    put(
        &mut data,
        2025,
        Fase::Realisatie,
        "FRO.NORM_ZETEL",
        amount("1.00"),
        "",
    );
    assert!(refused(&data).contains("F006"));
    assert!(refused(&one("GRF.INHUUR", Fase::Begroting, amount("-1.00"), "")).contains("F003"));
    assert!(refused(&one("GRF.INHUUR", Fase::Begroting, amount("1.005"), "")).contains("F004"));
    assert!(refused(&one("GRF.INHUUR", Fase::Begroting, count(1), "")).contains("F002"));
    assert!(refused(&one("GRF.INHUUR", Fase::Begroting, amount("1.00"), "'=x")).contains("F106"));

    let mut data = one("GRF.INHUUR", Fase::Begroting, amount("1.00"), "");
    data.for_each_mut(|_, record| record.definities = "2025.1".into());
    assert!(refused(&data).contains("F105: de waarde is ingevoerd onder definities 2025.1"));

    let huge = Entry::Value(Value::Decimal(Decimal::MAX));
    assert!(refused(&one("GRF.INHUUR", Fase::Begroting, huge, "")).contains("te groot"));
}

#[test]
fn io_errors_are_reported() {
    struct Broken;
    impl std::io::Write for Broken {
        fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
            Err(std::io::Error::other("schijf vol"))
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let err = write(Broken, &golden_meta(), &golden_data()).unwrap_err();
    assert!(matches!(err, WriteError::Io(_)));
    assert_eq!(
        err.to_string(),
        "het benchmarkbestand kan niet worden geschreven: schijf vol"
    );
}
