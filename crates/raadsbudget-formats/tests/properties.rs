//! Property tests: write → read → write is the identity for any valid dataset, and no input
//! makes the reader panic.

mod common;

use chrono::DateTime;
use common::*;
use proptest::prelude::*;
use raadsbudget_domain::catalogue::{Catalogue, Unit};
use raadsbudget_domain::fase::uitvraag_blocks;
use raadsbudget_domain::{
    Dataset, Entry, Fase, FindingCode, Jaar, Organisation, Reason, Record, Value,
};
use raadsbudget_formats::benchmark::{read, write, FileMeta, ReadOutcome};
use rust_decimal::Decimal;

/// Characters that start a formula in a spreadsheet.
const FORMULA: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// One slot: `(jaar, fase, post)` of the uitvraag.
fn slots(u: Jaar) -> Vec<(Jaar, Fase, &'static raadsbudget_domain::Post)> {
    let cat = Catalogue::for_uitvraag(u);
    uitvraag_blocks(u)
        .into_iter()
        .flat_map(|(jaar, fase)| cat.posts_in(fase).map(move |p| (jaar, fase, p)))
        .collect()
}

/// What to put in a slot; mapped onto the post's unit.
#[derive(Debug, Clone)]
struct Seed {
    present: bool,
    kind: u8,
    cents: i64,
    scale: u32,
    count: u64,
    toelichting: String,
}

fn seed() -> impl Strategy<Value = Seed> {
    (
        prop::bool::weighted(0.7),
        0u8..10,
        0i64..10_000_000_000_000,
        0u32..=2,
        any::<u64>(),
        "[a-zA-Z0-9 ,;\"'\r\n=+@\t\u{e9}\u{eb}-]{0,16}",
    )
        .prop_map(|(present, kind, cents, scale, count, toelichting)| Seed {
            present,
            kind,
            cents,
            scale,
            count,
            toelichting,
        })
}

fn entry(unit: Unit, codes: &[&str], s: &Seed) -> Entry {
    match s.kind {
        0 => Entry::Reason(Reason::Nvt),
        1 => Entry::Reason(Reason::Onbekend),
        _ => Entry::Value(match unit {
            Unit::Euro | Unit::Fte => {
                // A value with 0, 1 or 2 decimals as typed (12500, 12500.5, 12500.50).
                let cents = s.cents - s.cents % 10i64.pow(2 - s.scale);
                let mut d = Decimal::new(cents, 2);
                d.rescale(s.scale);
                Value::Decimal(d)
            }
            Unit::Aantal => Value::Count(s.count),
            Unit::Code => {
                let i = usize::try_from(s.count % codes.len() as u64).unwrap();
                Value::Code(codes[i].to_string())
            }
        }),
    }
}

/// A toelichting the format can carry (not `'` followed by a formula character).
fn carryable(t: &str) -> String {
    match t.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA) => rest.to_string(),
        _ => t.to_string(),
    }
}

fn org_code() -> impl Strategy<Value = String> {
    prop_oneof![
        (0u16..10_000).prop_map(|n| format!("GM{n:04}")),
        (20u8..=31).prop_map(|n| format!("PV{n}")),
        (0u16..10_000).prop_map(|n| format!("WS{n:04}")),
    ]
}

prop_compose! {
    fn meta_and_data()(
        u in 2001u16..=2100,
        code in org_code(),
        naam in "[=+@-]?[A-Za-z\u{e2}][A-Za-z ,;\"'\n\u{e2}\u{eb}-]{0,20}[a-z]",
        revisie in 1u32..10_000,
        seconds in 0i64..4_102_444_800,
        software in "[A-Z][A-Za-z0-9 .,\"]{0,12}[0-9]",
        seeds in prop::collection::vec(seed(), 60),
    ) -> (FileMeta, Dataset) {
        let organisation = Organisation::new(&code, &naam).unwrap();
        let versie = Catalogue::for_uitvraag(u).version();
        let meta = FileMeta {
            definities: versie.to_string(),
            uitvraag: u,
            organisation: organisation.clone(),
            revisie,
            aangemaakt_op: DateTime::from_timestamp(seconds, 0).unwrap(),
            software,
        };
        let mut data = Dataset::new(organisation);
        for ((jaar, fase, post), s) in slots(u).into_iter().zip(seeds.iter().cycle()) {
            if !s.present {
                continue;
            }
            let record = Record {
                entry: entry(post.eenheid, &post.code_list(), s),
                toelichting: carryable(&s.toelichting),
                definities: versie,
            };
            data.set(jaar, fase, &post.code, record);
        }
        if data.is_empty() {
            put(&mut data, u, Fase::Kenmerk, "KEN.INWONERS", count(1), "");
            data.for_each_mut(|_, r| r.definities = versie);
        }
        (meta, data)
    }
}

fn bytes_of(meta: &FileMeta, data: &Dataset) -> Vec<u8> {
    let mut bytes = Vec::new();
    write(&mut bytes, meta, data).unwrap();
    bytes
}

/// Findings that only say something about the content (never about the file itself).
fn is_content_finding(code: FindingCode) -> bool {
    use FindingCode::*;
    matches!(
        code,
        MissingRequired
            | YearOnYear
            | BudgetDeviation
            | Seats
            | SharedWithoutContribution
            | FteWithoutCost
            | RekenkamerBelow100
            | RekenkamerBelow130
    )
}

/// Invariants of every outcome, whatever the input.
fn check_outcome(outcome: &ReadOutcome) -> Result<(), TestCaseError> {
    if !outcome.has_errors() {
        prop_assert!(
            outcome.file.is_some(),
            "no errors, but no file: {:?}",
            outcome.findings
        );
    }
    for f in &outcome.findings {
        prop_assert_eq!(f.location.file.as_deref(), Some("x.csv"));
        prop_assert!(f.location.line != Some(0) && f.location.column != Some(0));
    }
    if let Some(file) = &outcome.file {
        prop_assert_eq!(
            file.lines.iter().map(|(k, _)| k).collect::<Vec<_>>(),
            file.data.records().map(|(k, _)| k).collect::<Vec<_>>()
        );
        prop_assert!(file.lines.iter().all(|(_, l)| l >= 2));
        // What was read can be written again.
        let mut again = Vec::new();
        prop_assert!(write(&mut again, &file.meta, &file.data).is_ok());
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn write_read_write_is_identity((meta, data) in meta_and_data()) {
        let first = bytes_of(&meta, &data);
        // Spreadsheet safety: no cell of the file, parsed as CSV, starts a formula (names and
        // toelichtingen that would, start with the apostrophe; nothing else can).
        for record in csv::ReaderBuilder::new().has_headers(false).from_reader(first.as_slice()).records() {
            let record = record.unwrap();
            for cell in &record {
                prop_assert!(!cell.starts_with(FORMULA), "{:?} in {:?}", cell, record);
            }
        }
        let outcome = read("x.csv", &first);
        for f in &outcome.findings {
            prop_assert!(is_content_finding(f.code), "{}", f);
        }
        let file = outcome.file.expect("a written file is usable");
        prop_assert_eq!(&file.meta, &meta);
        prop_assert_eq!(&file.data, &data);
        prop_assert_eq!(bytes_of(&file.meta, &file.data), first);
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        check_outcome(&read("x.csv", &bytes))?;
    }

    #[test]
    fn arbitrary_text_never_panics(text in "[a-zA-Z0-9,;\"'\r\n .=-]{0,400}") {
        let header = "formaat,definities,uitvraagjaar,organisatie_code,organisatie_naam,organisatie_type,jaar,fase,post,waarde,reden,toelichting,revisie,aangemaakt_op,software\r\n";
        check_outcome(&read("x.csv", format!("{header}{text}").as_bytes()))?;
        check_outcome(&read("x.csv", text.as_bytes()))?;
    }

    #[test]
    fn mutated_golden_files_never_panic(
        mutations in prop::collection::vec((any::<prop::sample::Index>(), 0u8..4, prop::sample::select(
            &b",;\"'\r\n \t0123456789.-=ABCabc\xC3\xA9\xFF\x00"[..]
        )), 1..8),
    ) {
        let mut bytes = data_file("golden/raadsondersteuning_2026_GM9999_r1.csv");
        for (index, op, byte) in mutations {
            let i = index.index(bytes.len().max(1));
            match op {
                0 => { if let Some(b) = bytes.get_mut(i) { *b = byte; } }
                1 => bytes.insert(i.min(bytes.len()), byte),
                2 => { if i < bytes.len() { bytes.remove(i); } }
                _ => {
                    // Cut a piece out (a row, half a row, ...).
                    let end = (i + usize::from(byte) * 3).min(bytes.len());
                    bytes.drain(i.min(end)..end);
                }
            }
        }
        check_outcome(&read("x.csv", &bytes))?;
    }

    #[test]
    fn mutated_rows_are_found_on_their_line(row in 2usize..49, column in 0usize..15, text in "[a-z0-9.-]{0,5}") {
        // Replace one field of one row: the reader either accepts the file or names a line.
        let golden = String::from_utf8(data_file("tolerated/clean.csv")).unwrap();
        let mut rows: Vec<Vec<String>> = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(golden.as_bytes())
            .records()
            .map(|r| r.unwrap().iter().map(str::to_string).collect())
            .collect();
        let index = row.min(rows.len() - 1);
        rows[index][column] = text;
        let mut out = Vec::new();
        {
            let mut w = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(&mut out);
            for r in &rows {
                w.write_record(r).unwrap();
            }
        }
        // The physical line of the changed row (the clean file has one two-line toelichting).
        // csv's position is where its reader stood: skip the line end it had not consumed.
        let pos = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(&out[..])
            .records()
            .nth(index)
            .and_then(|r| r.ok())
            .and_then(|r| r.position().map(|p| usize::try_from(p.byte()).unwrap()))
            .unwrap();
        let start = pos + out[pos..].iter().take_while(|b| matches!(b, b'\r' | b'\n')).count();
        let line = 1 + out[..start].iter().filter(|b| **b == b'\n').count() as u64;
        let outcome = read("x.csv", &out);
        check_outcome(&outcome)?;
        if outcome.has_errors() {
            let named = outcome.findings.iter().filter(|f| f.is_error()).any(|f| {
                f.location.line == Some(line)
                    || (f.code == FindingCode::Duplicate && f.message.contains(&format!("regel {line};")))
            });
            prop_assert!(named, "line {} not named: {:#?}", line, outcome.findings);
        }
    }
}

/// A canonical number (`12345.60`, `45`) in another notation: decimal sign, thousands
/// separators or not, trailing zeros of the decimals dropped or not (a spreadsheet's standard
/// format writes `3,6` and `18000`).
fn renotated(canonical: &str, comma: bool, grouped: bool, trim: bool) -> String {
    let (decimal, thousands) = if comma { (',', '.') } else { ('.', ',') };
    let (int, frac) = canonical.split_once('.').unwrap_or((canonical, ""));
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if grouped && i > 0 && (int.len() - i) % 3 == 0 {
            out.push(thousands);
        }
        out.push(c);
    }
    let frac = if trim {
        frac.trim_end_matches('0')
    } else {
        frac
    };
    if !frac.is_empty() {
        out.push(decimal);
        out.push_str(frac);
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn a_file_resaved_in_any_notation_reads_the_same(
        (meta, mut data) in meta_and_data(),
        comma: bool,
        grouped: bool,
        trim: bool,
        semicolon: bool,
    ) {
        // An fte with decimals shows the notation, as any real file has one.
        put(&mut data, meta.uitvraag, Fase::Begroting, "GRF.FTE", amount("3.60"), "");
        let versie = Catalogue::for_uitvraag(meta.uitvraag).version();
        data.for_each_mut(|_, r| r.definities = versie);
        let written = bytes_of(&meta, &data);
        let mut rows: Vec<Vec<String>> = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(&written[..])
            .records()
            .map(|r| r.unwrap().iter().map(str::to_string).collect())
            .collect();
        for row in rows.iter_mut().skip(1) {
            let waarde = &mut row[9];
            if waarde.starts_with(|c: char| c.is_ascii_digit()) {
                *waarde = renotated(waarde, comma, grouped, trim);
            }
            if comma {
                row[1] = row[1].replace('.', ",");
            }
        }
        let mut resaved = Vec::new();
        {
            let mut w = csv::WriterBuilder::new()
                .delimiter(if semicolon { b';' } else { b',' })
                .from_writer(&mut resaved);
            for r in &rows {
                w.write_record(r).unwrap();
            }
        }
        let outcome = read("x.csv", &resaved);
        for f in &outcome.findings {
            prop_assert!(
                is_content_finding(f.code) || f.code.as_str().starts_with("W1"),
                "{}", f
            );
        }
        let file = outcome.file.expect("a re-saved file is usable");
        prop_assert_eq!(&file.meta, &meta);
        prop_assert_eq!(&file.data, &data);
    }
}
