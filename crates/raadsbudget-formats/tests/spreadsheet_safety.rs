//! No formula in any CSV we write: every table (the bundle's files and the comparison table)
//! through the one table writer, with hostile texts in every column, parsed back as CSV, has no
//! cell that starts with `=`, `+`, `-`, `@`, TAB or CR, except a number in a number column
//! (whose `-` is a sign). The readers of those tables (the XLSX sheets, the bundle's
//! `waarden.csv` reader) give back the original texts. The benchmark file's writer is covered
//! in `properties.rs` (every cell of every written file) and below (its fixed columns).

use calamine::{Data, Reader, Xlsx};
use proptest::prelude::*;
use raadsbudget_domain::value::{check_free_text, FORMULA_START};
use raadsbudget_domain::{Catalogue, Dataset, Fase, Organisation, Record, Unit};
use raadsbudget_formats::bundel::{self, read::read_waarden, xlsx};
use raadsbudget_formats::table::{is_number_literal, Cell, CsvTableWriter, FieldType, TableSpec};
use raadsbudget_formats::vergelijking;
use rust_decimal::Decimal;
use std::io::{Cursor, Read};

/// Every table spec we write as CSV.
fn all_specs() -> Vec<TableSpec> {
    let mut specs = bundel::tables(&[Catalogue::for_uitvraag(2026)]);
    specs.push(vergelijking::tabel());
    specs
}

/// A text as an attacker or a careless spreadsheet user would type it: often starting with a
/// formula character (or an apostrophe), with quotes, commas, semicolons and line breaks.
fn hostile() -> impl Strategy<Value = String> {
    "['=+@\t\r\n-]{0,3}[a-zA-Z0-9 =+@\t\r\n\",;'()-]{0,12}"
}

/// What a test case puts in a cell: a text, an integer, a decimal, a boolean, or nothing.
#[derive(Debug, Clone)]
enum Given {
    Empty,
    Text(String),
    Integer(i64),
    Decimal(Decimal),
    Boolean(bool),
}

fn given() -> impl Strategy<Value = Given> {
    prop_oneof![
        1 => Just(Given::Empty),
        6 => hostile().prop_map(Given::Text),
        2 => any::<i64>().prop_map(Given::Integer),
        2 => (any::<i64>(), 0u32..6).prop_map(|(m, s)| Given::Decimal(Decimal::new(m, s))),
        1 => any::<bool>().prop_map(Given::Boolean),
    ]
}

impl Given {
    fn cell(&self) -> Cell<'_> {
        match self {
            Given::Empty => Cell::Empty,
            Given::Text(t) => Cell::Text(t),
            Given::Integer(n) => Cell::Integer(*n),
            Given::Decimal(d) => Cell::Decimal(*d),
            Given::Boolean(b) => Cell::Boolean(*b),
        }
    }
}

fn csv_rows(csv: &[u8]) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(csv)
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

/// The one rule of the benchmark file: one apostrophe before a formula character is removed.
fn unprotect(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_START) => rest,
        _ => cell,
    }
}

/// CRLF and CR as LF.
fn line_ends(s: &str) -> String {
    s.replace("\r\n", "\n").replace('\r', "\n")
}

fn sheet_xml(xlsx: &[u8]) -> String {
    let mut archive = zip::ZipArchive::new(Cursor::new(xlsx)).unwrap();
    let mut xml = String::new();
    archive
        .by_name("xl/worksheets/sheet1.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    xml
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn no_cell_of_any_table_starts_a_formula(
        spec_index in 0usize..8,
        rows in prop::collection::vec(prop::collection::vec(given(), 160), 1..4),
    ) {
        let spec = &all_specs()[spec_index];
        let mut w = CsvTableWriter::new(Vec::new(), spec).unwrap();
        for row in &rows {
            let cells: Vec<Cell<'_>> = row.iter().cycle().take(spec.fields.len()).map(Given::cell).collect();
            w.row(&cells).unwrap();
        }
        let csv = w.finish().unwrap();
        let parsed = csv_rows(&csv);
        prop_assert_eq!(parsed.len(), rows.len() + 1);
        prop_assert_eq!(&parsed[0], &spec.header().map(str::to_string).collect::<Vec<_>>());
        for (row, given) in parsed[1..].iter().zip(&rows) {
            prop_assert_eq!(row.len(), spec.fields.len());
            for ((cell, field), given) in row.iter().zip(&spec.fields).zip(given.iter().cycle()) {
                if cell.starts_with(FORMULA_START) {
                    // Only a number in a number column, and then only its minus sign.
                    prop_assert!(
                        field.field_type.is_numeric() && is_number_literal(cell),
                        "{} {}: {:?}", spec.file, field.name, cell
                    );
                }
                // What was given comes back, with the apostrophe removed (a text that itself
                // starts with an apostrophe before a formula character cannot be told apart,
                // as in the benchmark file).
                if let Given::Text(t) = given {
                    if check_free_text(t).is_ok() {
                        prop_assert_eq!(unprotect(cell), t.as_str(), "{} {}", spec.file, field.name);
                    }
                }
            }
        }

        // The XLSX sheet of the same CSV: numbers as numbers, every other cell the text
        // without its apostrophe, and not one formula.
        let bytes = xlsx::write(&[(spec, &csv)]).unwrap();
        prop_assert!(!sheet_xml(&bytes).contains("<f>"), "a formula in the sheet");
        let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).unwrap();
        let range = book.worksheet_range(&spec.name).unwrap();
        for (r, row) in parsed.iter().enumerate().skip(1) {
            for (c, (cell, field)) in row.iter().zip(&spec.fields).enumerate() {
                let shown = range.get((r, c)).unwrap_or(&Data::Empty);
                match shown {
                    Data::Empty => prop_assert!(cell.is_empty()),
                    Data::Float(_) | Data::Int(_) => prop_assert!(field.field_type.is_numeric() && is_number_literal(cell)),
                    Data::DateTime(_) => prop_assert_eq!(field.field_type, FieldType::DateTime),
                    // XML reads a CR as a line end; compare with that in mind.
                    Data::String(s) => prop_assert_eq!(
                        line_ends(s),
                        line_ends(unprotect(cell)),
                        "{} {}", spec.file, field.name
                    ),
                    other => prop_assert!(false, "{:?}", other),
                }
            }
        }
    }

    #[test]
    fn waarden_csv_gives_back_hostile_names_and_toelichtingen(
        naam in "[=+@-]?[A-Za-z][A-Za-z ,;\"'\n=+@-]{0,12}[a-z]",
        toelichtingen in prop::collection::vec(hostile(), 3),
    ) {
        let cat = Catalogue::for_uitvraag(2026);
        let org = Organisation::new("GM0363", &naam).unwrap();
        let mut data = Dataset::new(org.clone());
        let posts: Vec<_> = cat.posts_in(Fase::Begroting).filter(|p| p.eenheid == Unit::Euro).take(3).collect();
        for (post, toelichting) in posts.iter().zip(&toelichtingen) {
            if check_free_text(toelichting).is_err() {
                continue;
            }
            data.set(2026, Fase::Begroting, &post.code, Record {
                entry: raadsbudget_domain::Entry::Value(raadsbudget_domain::Value::Decimal(Decimal::new(12_345, 2))),
                toelichting: toelichting.clone(),
                definities: cat.version(),
            });
        }
        prop_assume!(!data.is_empty());
        let spec = bundel::waarden(&[cat]);
        let mut w = CsvTableWriter::new(Vec::new(), &spec).unwrap();
        for ((jaar, fase, post), record) in data.records() {
            let (waarde, reden) = record.entry.to_columns();
            w.row(&[
                Cell::Text(org.code.as_str()),
                Cell::Text(&org.naam),
                Cell::Text(org.org_type().as_str()),
                Cell::Integer(2026),
                Cell::Integer(i64::from(jaar)),
                Cell::Text(fase.as_str()),
                Cell::Text(post),
                Cell::Owned(waarde),
                Cell::Owned(reden),
                Cell::Text(&record.toelichting),
                Cell::Text(record.definities.as_str()),
            ]).unwrap();
        }
        let csv = w.finish().unwrap();
        for row in &csv_rows(&csv)[1..] {
            prop_assert!(row.iter().all(|c| !c.starts_with(FORMULA_START)), "{:?}", row);
        }
        let read = read_waarden("waarden.csv", &csv).unwrap();
        prop_assert_eq!(read.len(), 1);
        prop_assert_eq!(&read[0].data, &data);
    }
}

/// The benchmark file gives the apostrophe to `organisatie_naam` and `toelichting` only (the
/// format fixes that); every other column holds values that cannot start with a formula
/// character: the catalogue versions and every post and code of every catalogue this build
/// knows, and the fixed words.
#[test]
fn the_benchmark_files_other_columns_cannot_start_a_formula() {
    for version in Catalogue::versions() {
        let cat = Catalogue::get(version).unwrap();
        assert!(!cat.versie.starts_with(FORMULA_START), "{version}");
        for post in &cat.posts {
            assert!(!post.code.starts_with(FORMULA_START), "{}", post.code);
            for code in post.code_list() {
                assert!(!code.starts_with(FORMULA_START), "{}: {code}", post.code);
            }
        }
    }
    let words = Fase::ALL
        .iter()
        .map(|f| f.as_str())
        .chain(raadsbudget_domain::OrgType::ALL.iter().map(|t| t.as_str()))
        .chain(["nvt", "onbekend", raadsbudget_formats::benchmark::FORMAT]);
    for word in words {
        assert!(!word.starts_with(FORMULA_START), "{word}");
    }
}

/// No allowed value or pattern of a text column can need the apostrophe, so the datapackage's
/// constraints stay true of the cells as written.
#[test]
fn constraints_of_text_columns_never_need_the_apostrophe() {
    for spec in all_specs() {
        for field in &spec.fields {
            for value in field.allowed.iter().flatten() {
                assert!(
                    !value.starts_with(FORMULA_START),
                    "{} {}: {value}",
                    spec.file,
                    field.name
                );
            }
            if let Some(p) = &field.pattern {
                // Our patterns start with a character class of letters or digits.
                assert!(
                    p.starts_with("^(GM") || p.starts_with("^[0-9a-f]"),
                    "{}: {p}",
                    spec.file
                );
            }
        }
    }
}
