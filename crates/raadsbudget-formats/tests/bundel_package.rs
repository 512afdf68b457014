//! `datapackage.json` and `bundel.xlsx` of a bundle, derived from the tables' specs.
//!
//! Golden files are in `tests/golden/bundel/`; regenerate them with
//! `UPDATE_GOLDEN=1 cargo test -p raadsbudget-formats --test bundel_package` (only when the
//! change is intended). With `FRICTIONLESS=/path/to/frictionless` set (`scripts/lib.sh`,
//! `install_frictionless`), `frictionless validate` checks a sample bundle for real.

mod common;

use calamine::{Data, Reader, Xlsx};
use proptest::prelude::*;
use raadsbudget_domain::value::FORMULA_START;
use raadsbudget_domain::Catalogue;
use raadsbudget_formats::bundel::{self, datapackage, xlsx};
use raadsbudget_formats::table::{Cell, CsvTableWriter, Field, FieldType, TableSpec};
use rust_decimal::Decimal;
use serde_json::Value;
use std::io::{Cursor, Read};
use std::path::Path;

/// Every table of a bundle, in the order of `bundel.md`.
fn real_specs() -> Vec<TableSpec> {
    bundel::tables(&[Catalogue::for_uitvraag(2026)])
}

/// Compares `bytes` with `tests/golden/bundel/<name>`, or rewrites it under `UPDATE_GOLDEN=1`.
fn check_golden(name: &str, bytes: &[u8], describe: impl Fn(&[u8], &[u8]) -> String) {
    common::golden_file::check_golden("bundel", name, "bundel_package", bytes, describe);
}

fn zip_entries(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    (0..archive.len())
        .map(|i| {
            let mut file = archive.by_index(i).unwrap();
            let mut content = Vec::new();
            file.read_to_end(&mut content).unwrap();
            (file.name().to_string(), content)
        })
        .collect()
}

/// Which parts of two XLSX files differ, by zip entry.
fn xlsx_diff(golden: &[u8], got: &[u8]) -> String {
    let (a, b) = (zip_entries(golden), zip_entries(got));
    let mut out = format!(
        "golden {} bytes, written {} bytes\n",
        golden.len(),
        got.len()
    );
    for (name, content) in &b {
        match a.iter().find(|(n, _)| n == name) {
            None => out.push_str(&format!("new part {name}\n")),
            Some((_, old)) if old != content => out.push_str(&format!(
                "part {name} differs:\n{}",
                common::golden_file::text_diff(old, content)
            )),
            Some(_) => {}
        }
    }
    for (name, _) in &a {
        if !b.iter().any(|(n, _)| n == name) {
            out.push_str(&format!("missing part {name}\n"));
        }
    }
    out
}

fn package_bytes(specs: &[TableSpec]) -> Vec<u8> {
    let mut out = Vec::new();
    datapackage::write(&mut out, specs).unwrap();
    out
}

// ---------------------------------------------------------------------------------------------
// datapackage.json

#[test]
fn datapackage_matches_the_golden_file() {
    let bytes = package_bytes(&real_specs());
    check_golden("datapackage.json", &bytes, common::golden_file::text_diff);
}

#[test]
fn datapackage_is_deterministic_pretty_json_with_a_final_newline() {
    let (a, b) = (package_bytes(&real_specs()), package_bytes(&real_specs()));
    assert_eq!(a, b);
    let text = std::str::from_utf8(&a).unwrap();
    assert!(text.starts_with("{\n  \"profile\": \"tabular-data-package\",\n"));
    assert!(text.ends_with("}\n") && !text.ends_with("\n\n"));
    assert!(!text.contains('\t') && !text.contains('\r'));
    // Nothing clock- or machine-dependent.
    for word in ["created", "timestamp", "modified", "/work", "/home", "/tmp"] {
        assert!(!text.contains(word), "{word} in datapackage.json");
    }
}

#[test]
fn datapackage_describes_every_table_and_field() {
    let specs = real_specs();
    let package: Value = serde_json::from_slice(&package_bytes(&specs)).unwrap();
    assert_eq!(package["name"], "raadsbudget-bundel");
    assert_eq!(package["profile"], "tabular-data-package");
    assert!(package["title"].as_str().is_some_and(|t| !t.is_empty()));
    let resources = package["resources"].as_array().unwrap();
    assert_eq!(resources.len(), specs.len());
    for (spec, res) in specs.iter().zip(resources) {
        let ctx = &spec.file;
        assert_eq!(res["name"], spec.name.as_str(), "{ctx}");
        assert_eq!(res["path"], spec.file.as_str(), "{ctx}");
        assert_eq!(res["title"], spec.title.as_str(), "{ctx}");
        assert_eq!(res["description"], spec.description.as_str(), "{ctx}");
        assert_eq!(res["profile"], "tabular-data-resource", "{ctx}");
        assert_eq!(res["format"], "csv");
        assert_eq!(res["mediatype"], "text/csv");
        assert_eq!(res["encoding"], "utf-8");
        let dialect = &res["dialect"];
        assert_eq!(dialect["delimiter"], ",");
        assert_eq!(dialect["lineTerminator"], "\r\n");
        assert_eq!(dialect["quoteChar"], "\"");
        assert_eq!(dialect["doubleQuote"], true);
        assert_eq!(dialect["header"], true);
        let schema = &res["schema"];
        assert_eq!(schema["missingValues"], serde_json::json!([""]), "{ctx}");
        let fields = schema["fields"].as_array().unwrap();
        assert_eq!(fields.len(), spec.fields.len(), "{ctx}");
        for (field, f) in spec.fields.iter().zip(fields) {
            let ctx = format!("{}: {}", spec.file, field.name);
            assert_eq!(f["name"], field.name.as_str(), "{ctx}");
            assert_eq!(f["description"], field.description.as_str(), "{ctx}");
            let want_type = match field.field_type {
                FieldType::String => "string",
                FieldType::Integer => "integer",
                FieldType::Number { .. } => "number",
                FieldType::Boolean => "boolean",
                FieldType::DateTime => "datetime",
            };
            assert_eq!(f["type"], want_type, "{ctx}");
            if field.field_type == FieldType::Boolean {
                assert_eq!(f["trueValues"], serde_json::json!(["ja"]), "{ctx}");
                assert_eq!(f["falseValues"], serde_json::json!(["nee"]), "{ctx}");
            } else {
                assert!(f.get("trueValues").is_none(), "{ctx}");
            }
            let c = &f["constraints"];
            assert_eq!(
                c["required"].as_bool().unwrap_or(false),
                field.required,
                "{ctx}"
            );
            match &field.allowed {
                None => assert!(c.get("enum").is_none(), "{ctx}"),
                Some(allowed) => {
                    let values = c["enum"].as_array().unwrap();
                    assert_eq!(values.len(), allowed.len(), "{ctx}");
                    for (want, got) in allowed.iter().zip(values) {
                        if field.field_type == FieldType::Integer {
                            assert_eq!(got.as_i64(), Some(want.parse().unwrap()), "{ctx}");
                        } else {
                            assert_eq!(got.as_str(), Some(want.as_str()), "{ctx}");
                        }
                    }
                }
            }
            match &field.pattern {
                None => assert!(c.get("pattern").is_none(), "{ctx}"),
                Some(p) => {
                    let got = c["pattern"].as_str().unwrap();
                    assert_eq!(got, datapackage::schema_pattern(p), "{ctx}");
                    assert!(!got.starts_with('^') && !got.ends_with('$'), "{ctx}");
                    // Anchored by the consumer, the pattern means what the spec's pattern means.
                    regex::Regex::new(&format!("^(?:{got})$")).unwrap();
                }
            }
            if !field.required && field.allowed.is_none() && field.pattern.is_none() {
                assert!(f.get("constraints").is_none(), "{ctx}");
            }
        }
        let names: Vec<&str> = spec.header().collect();
        let mut unique = names.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), names.len(), "{ctx}: duplicate column");
        match schema.get("primaryKey") {
            None => assert!(spec.primary_key.is_empty(), "{ctx}"),
            Some(key) => {
                let key: Vec<&str> = key
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|k| k.as_str().unwrap())
                    .collect();
                assert_eq!(key, spec.primary_key, "{ctx}");
                for k in key {
                    assert!(names.contains(&k), "{ctx}: key {k} is not a column");
                    let field = spec.fields.iter().find(|f| f.name == k).unwrap();
                    assert!(field.required, "{ctx}: key {k} must be required");
                }
            }
        }
    }
    // Integer enumerations are JSON numbers (grootteklasse 1–8).
    let kengetallen = &resources[4]["schema"]["fields"];
    let grootteklasse = kengetallen
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["name"] == "grootteklasse")
        .unwrap();
    assert_eq!(
        grootteklasse["constraints"]["enum"],
        serde_json::json!([1, 2, 3, 4, 5, 6, 7, 8])
    );
}

// ---------------------------------------------------------------------------------------------
// Sample tables made with the real specs and the real CSV writer.

/// A value for a column, row `i` (0, 1, 2). Row 1 leaves every optional column empty; row 0 has
/// negative numbers and texts that need the spreadsheet-safety apostrophe.
fn sample_cell(field: &Field, i: usize) -> Cell<'static> {
    if i == 1 && !field.required {
        return Cell::Empty;
    }
    if let Some(allowed) = &field.allowed {
        let v = &allowed[i % allowed.len()];
        return match field.field_type {
            FieldType::Integer => Cell::Integer(v.parse().unwrap()),
            _ => Cell::Owned(v.clone()),
        };
    }
    let year = i64::try_from(2024 + i).unwrap();
    match field.field_type {
        FieldType::String => match field.pattern.as_deref() {
            None => Cell::Owned(match i {
                0 => format!("=SOM(A1) \"{}\"", field.name),
                1 => format!("{} {i}, met komma", field.name),
                _ => format!("@{} {i}", field.name),
            }),
            Some(bundel::ORG_CODE_PATTERN) => Cell::Owned(format!("GM{:04}", i + 1)),
            Some(p) if p.contains("[0-9a-f]{64}") => Cell::Owned(format!("{i:064x}")),
            Some(p) => panic!("no sample value for pattern {p} of {}", field.name),
        },
        FieldType::Integer if field.name.contains("jaar") => Cell::Integer(year),
        FieldType::Integer => Cell::Integer(year - 2017),
        FieldType::Number { decimals } => Cell::Decimal(match (i, decimals) {
            (0, _) => Decimal::new(-12_345_675, 1),     // -1234567.5
            (_, Some(_)) => Decimal::new(1_234_565, 4), // 123.4565
            (_, None) => Decimal::new(123_450, 2),      // 1234.50 as given
        }),
        FieldType::Boolean => Cell::Boolean(i != 1),
        FieldType::DateTime => Cell::Text("2026-03-01T09:30:00Z"),
    }
}

fn sample_csv(spec: &TableSpec, rows: usize) -> Vec<u8> {
    let mut w = CsvTableWriter::new(Vec::new(), spec).unwrap();
    for i in 0..rows {
        let cells: Vec<Cell> = spec.fields.iter().map(|f| sample_cell(f, i)).collect();
        w.row(&cells).unwrap();
    }
    w.finish().unwrap()
}

fn sample_bundle() -> Vec<(TableSpec, Vec<u8>)> {
    real_specs()
        .into_iter()
        .map(|spec| {
            let csv = sample_csv(&spec, 3);
            (spec, csv)
        })
        .collect()
}

fn xlsx_of(bundle: &[(TableSpec, Vec<u8>)]) -> Vec<u8> {
    let tables: Vec<(&TableSpec, &[u8])> = bundle.iter().map(|(s, c)| (s, c.as_slice())).collect();
    xlsx::write(&tables).unwrap()
}

/// Reads the CSV back (field texts per row, header first).
fn csv_rows(csv: &[u8]) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(csv)
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

/// Writes a sample bundle (CSV files and datapackage.json) into `dir`.
fn write_bundle(dir: &Path) -> Vec<(TableSpec, Vec<u8>)> {
    let bundle = sample_bundle();
    for (spec, csv) in &bundle {
        std::fs::write(dir.join(&spec.file), csv).unwrap();
    }
    let specs: Vec<TableSpec> = bundle.iter().map(|(s, _)| s.clone()).collect();
    std::fs::write(dir.join("datapackage.json"), package_bytes(&specs)).unwrap();
    bundle
}

#[test]
fn sample_bundle_has_what_frictionless_must_accept_and_validates() {
    let dir = tempfile::tempdir().unwrap();
    let bundle = write_bundle(dir.path());
    let all: String = bundle
        .iter()
        .map(|(_, c)| String::from_utf8(c.clone()).unwrap())
        .collect();
    // The cases the brief names are really in the files.
    assert!(
        all.contains("\"'=SOM(A1) \"\""),
        "free text with apostrophe"
    );
    assert!(
        all.contains(",ja,") || all.contains(",ja\r\n"),
        "boolean ja"
    );
    assert!(
        all.contains(",nee,") || all.contains(",nee\r\n"),
        "boolean nee"
    );
    assert!(all.contains(",2026-03-01T09:30:00Z,"), "datetime");
    assert!(all.contains(",-1234567.50"), "negative number, 2 decimals");
    assert!(
        all.contains(",-1234567.5000"),
        "negative number, 4 decimals"
    );
    assert!(all.contains(",123.4565"), "4 decimals");
    assert!(all.contains(",,"), "empty optional fields");
    // Every value matches its column's pattern and enumeration, as frictionless will check.
    for (spec, csv) in &bundle {
        let rows = csv_rows(csv);
        assert_eq!(rows[0], spec.header().collect::<Vec<_>>());
        for row in &rows[1..] {
            for (text, field) in row.iter().zip(&spec.fields) {
                if text.is_empty() {
                    assert!(!field.required, "{}: {} is required", spec.file, field.name);
                    continue;
                }
                if let Some(p) = &field.pattern {
                    let re = regex::Regex::new(p).unwrap();
                    assert!(re.is_match(text), "{}: {text} !~ {p}", spec.file);
                }
                if let Some(allowed) = &field.allowed {
                    assert!(allowed.contains(text), "{}: {text}", spec.file);
                }
            }
        }
    }

    let Some(frictionless) = std::env::var_os("FRICTIONLESS") else {
        eprintln!("FRICTIONLESS is not set: frictionless validate skipped");
        return;
    };
    let package = dir.path().join("datapackage.json");
    let output = std::process::Command::new(&frictionless)
        .arg("validate")
        .arg(&package)
        .output()
        .unwrap_or_else(|e| panic!("{}: {e}", Path::new(&frictionless).display()));
    let report = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        output.status.success(),
        "frictionless validate {} failed:\n{report}",
        package.display()
    );
    eprintln!("{report}");
}

// ---------------------------------------------------------------------------------------------
// bundel.xlsx

#[test]
fn xlsx_sheets_hold_the_tables_with_numbers_as_numbers() {
    let bundle = sample_bundle();
    let bytes = xlsx_of(&bundle);
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).unwrap();
    let names: Vec<String> = bundle.iter().map(|(s, _)| s.name.clone()).collect();
    assert_eq!(book.sheet_names(), names);
    for (spec, csv) in &bundle {
        let range = book.worksheet_range(&spec.name).unwrap();
        let rows = csv_rows(csv);
        assert_eq!(range.start(), Some((0, 0)), "{}", spec.file);
        assert_eq!(range.height(), rows.len(), "{}", spec.file);
        assert_eq!(range.width(), spec.fields.len(), "{}", spec.file);
        for (c, field) in spec.fields.iter().enumerate() {
            assert_eq!(
                range.get((0, c)),
                Some(&Data::String(field.name.clone())),
                "{}: header",
                spec.file
            );
        }
        for (r, row) in rows.iter().enumerate().skip(1) {
            for (c, (text, field)) in row.iter().zip(&spec.fields).enumerate() {
                let cell = range.get((r, c)).unwrap();
                let ctx = format!("{} row {r} {}: {text:?} -> {cell:?}", spec.file, field.name);
                if text.is_empty() {
                    assert_eq!(cell, &Data::Empty, "{ctx}");
                    continue;
                }
                match field.field_type {
                    FieldType::Integer | FieldType::Number { .. } => {
                        let want: f64 = text.parse().unwrap();
                        // Same text, same double: compare the bits (no float arithmetic).
                        let got = match cell {
                            Data::Float(f) => *f,
                            Data::Int(i) => i.to_string().parse().unwrap(),
                            other => panic!("{ctx}: not a number: {other:?}"),
                        };
                        assert_eq!(got.to_bits(), want.to_bits(), "{ctx}");
                    }
                    FieldType::DateTime => match cell {
                        Data::DateTime(dt) => {
                            assert_eq!(text, "2026-03-01T09:30:00Z");
                            assert_eq!(format!("{:.6}", dt.as_f64()), "46082.395833", "{ctx}");
                        }
                        other => panic!("{ctx}: not a date-time: {other:?}"),
                    },
                    FieldType::String | FieldType::Boolean => {
                        // The apostrophe before a formula character is gone in the sheet.
                        let want = match text.strip_prefix('\'') {
                            Some(rest) if rest.starts_with(FORMULA_START) => rest,
                            _ => text,
                        };
                        assert_eq!(cell, &Data::String(want.to_string()), "{ctx}");
                    }
                }
            }
        }
    }
    // The apostrophe is gone in the sheet, not in the CSV.
    let range = book.worksheet_range("inzendingen").unwrap();
    assert_eq!(
        range.get((1, 0)),
        Some(&Data::String("=SOM(A1) \"bestand\"".into()))
    );
}

#[test]
fn xlsx_has_a_frozen_bold_header_autofilter_widths_formats_and_a_fixed_date() {
    let bytes = xlsx_of(&sample_bundle());
    let parts = zip_entries(&bytes);
    let part = |name: &str| -> String {
        let (_, content) = parts
            .iter()
            .find(|(n, _)| n == name)
            .unwrap_or_else(|| panic!("no part {name}"));
        String::from_utf8(content.clone()).unwrap()
    };
    for sheet in 1..=real_specs().len() {
        let xml = part(&format!("xl/worksheets/sheet{sheet}.xml"));
        assert!(
            xml.contains(
                r#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#
            ),
            "sheet {sheet}: frozen header"
        );
        assert!(
            xml.contains("<autoFilter ref=\"A1:"),
            "sheet {sheet}: autofilter"
        );
        assert!(xml.contains("<cols>"), "sheet {sheet}: column widths");
    }
    let styles = part("xl/styles.xml");
    for format in ["#,##0.00", "0.0000", "yyyy-mm-dd hh:mm:ss"] {
        assert!(
            styles.contains(&format!("formatCode=\"{format}\"")),
            "{format}"
        );
    }
    assert!(styles.contains("<b/>"), "bold header");
    let core = part("docProps/core.xml");
    assert!(
        core.contains(">2000-01-01T00:00:00Z</dcterms:created>"),
        "{core}"
    );
    assert!(
        core.contains(">2000-01-01T00:00:00Z</dcterms:modified>"),
        "{core}"
    );
}

#[test]
fn xlsx_is_deterministic() {
    let bundle = sample_bundle();
    let a = xlsx_of(&bundle);
    let b = xlsx_of(&bundle);
    assert!(a == b, "two writes differ:\n{}", xlsx_diff(&a, &b));
}

/// A small table of its own, so the golden XLSX changes only when the writer does.
fn small_spec() -> TableSpec {
    TableSpec {
        name: "klein".into(),
        file: "klein.csv".into(),
        title: "Klein".into(),
        description: "vaste invoer van de golden XLSX".into(),
        fields: vec![
            Field::text("code", "code").required(),
            Field::text("naam", "vrije tekst"),
            Field::number("bedrag", 2, "euro"),
            Field::number("per_inwoner", 4, "euro per inwoner"),
            Field::number_as_given("waarde", "zoals gegeven"),
            Field::integer("aantal", "aantal"),
            Field::boolean("actief", "ja of nee"),
            Field::datetime("moment", "UTC"),
        ],
        primary_key: vec!["code".into()],
    }
}

fn small_csv(spec: &TableSpec) -> Vec<u8> {
    let d = |s: &str| Cell::Decimal(Decimal::from_str_exact(s).unwrap());
    let mut w = CsvTableWriter::new(Vec::new(), spec).unwrap();
    w.row(&[
        Cell::Text("A"),
        Cell::Text("=1+1"),
        d("1234567.5"),
        d("-0.12345"),
        d("1234.50"),
        Cell::Integer(-3),
        Cell::Boolean(true),
        Cell::Text("2026-03-01T09:30:00Z"),
    ])
    .unwrap();
    w.row(&[
        Cell::Text("B"),
        Cell::Text("gewoon, \"met\" aanhalingstekens\r\nen een regel"),
        Cell::Empty,
        Cell::Empty,
        d("-1.2345"),
        Cell::Empty,
        Cell::Boolean(false),
        Cell::Empty,
    ])
    .unwrap();
    w.finish().unwrap()
}

#[test]
fn xlsx_matches_the_golden_file() {
    let spec = small_spec();
    let csv = small_csv(&spec);
    let bytes = xlsx::write(&[(&spec, &csv)]).unwrap();
    check_golden("klein.xlsx", &bytes, xlsx_diff);
}

#[test]
fn xlsx_of_the_small_table_reads_back() {
    let spec = small_spec();
    let csv = small_csv(&spec);
    let bytes = xlsx::write(&[(&spec, &csv)]).unwrap();
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).unwrap();
    let r = book.worksheet_range("klein").unwrap();
    let s = |t: &str| Data::String(t.to_string());
    assert_eq!(r.get((1, 1)), Some(&s("=1+1")));
    assert_eq!(r.get((1, 2)), Some(&Data::Float(1_234_567.5)));
    assert_eq!(r.get((1, 3)), Some(&Data::Float(-0.1235)));
    assert_eq!(r.get((1, 4)), Some(&Data::Float(1234.5)));
    assert_eq!(r.get((1, 5)), Some(&Data::Float(-3.0)));
    assert_eq!(r.get((1, 6)), Some(&s("ja")));
    assert!(matches!(r.get((1, 7)), Some(Data::DateTime(_))));
    assert_eq!(
        r.get((2, 1)),
        Some(&s("gewoon, \"met\" aanhalingstekens\r\nen een regel"))
    );
    assert_eq!(r.get((2, 2)), Some(&Data::Empty));
    assert_eq!(r.get((2, 4)), Some(&Data::Float(-1.2345)));
    assert_eq!(r.get((2, 6)), Some(&s("nee")));
}

fn one_column(name: &str) -> TableSpec {
    TableSpec {
        name: name.into(),
        file: format!("{name}.csv"),
        title: "T".into(),
        description: "t".into(),
        fields: vec![Field::integer("n", "n")],
        primary_key: vec![],
    }
}

#[test]
fn too_many_rows_is_a_clear_dutch_error() {
    let spec = one_column("waarden");
    assert!(xlsx::check_row_count(&spec, xlsx::MAX_DATA_ROWS).is_ok());
    let err = xlsx::check_row_count(&spec, 8_000_001).unwrap_err();
    assert_eq!(
        err.to_string(),
        "waarden.csv heeft 8.000.001 rijen; een Excel-werkblad kan er 1.048.575 bevatten. Laat --xlsx weg of bundel minder bestanden."
    );
    // The real thing: 1.048.576 data rows are counted and refused before any sheet is made.
    let mut csv = b"n\r\n".to_vec();
    csv.extend(b"1\r\n".repeat(1_048_576));
    let small = small_spec();
    let small_csv = small_csv(&small);
    let err = xlsx::write(&[(&small, &small_csv), (&spec, &csv)]).unwrap_err();
    assert!(matches!(
        err,
        xlsx::XlsxError::TooManyRows {
            rijen: 1_048_576,
            ..
        }
    ));
    assert!(err
        .to_string()
        .starts_with("waarden.csv heeft 1.048.576 rijen;"));
}

#[test]
fn bad_input_is_an_error_not_a_panic() {
    let spec = one_column("t");
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("empty", Vec::new(), "de kopregel ontbreekt"),
        ("wrong header", b"m\r\n1\r\n".to_vec(), "kopregel"),
        (
            "too many fields",
            b"n\r\n1,2\r\n".to_vec(),
            "regel 2: 2 velden, verwacht 1",
        ),
        (
            "not utf-8",
            b"n\r\n\xff\r\n".to_vec(),
            "regel 2: geen geldige UTF-8",
        ),
        (
            "line after a quoted line break",
            b"n\r\n\"1\n2\"\r\n3,4\r\n".to_vec(),
            "regel 4: 2 velden",
        ),
    ];
    for (what, csv, message) in cases {
        let err = xlsx::write(&[(&spec, &csv)]).unwrap_err();
        assert!(err.to_string().contains(message), "{what}: {err}");
    }
    // A cell that is not a number in a number column stays visible, as text.
    let bytes = xlsx::write(&[(&spec, b"n\r\nabc\r\n".as_slice())]).unwrap();
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).unwrap();
    let r = book.worksheet_range("t").unwrap();
    assert_eq!(r.get((1, 0)), Some(&Data::String("abc".into())));
    // Sheet names Excel refuses.
    for name in ["a/b", "", "een_veel_te_lange_werkbladnaam_van_40_tekens"] {
        let bad = one_column(name);
        let err = xlsx::write(&[(&bad, b"n\r\n".as_slice())]).unwrap_err();
        assert!(
            matches!(err, xlsx::XlsxError::SheetName { .. }),
            "{name}: {err}"
        );
    }
    let err =
        xlsx::write(&[(&spec, b"n\r\n".as_slice()), (&spec, b"n\r\n".as_slice())]).unwrap_err();
    assert!(matches!(err, xlsx::XlsxError::SheetName { .. }), "{err}");
}

/// The text of the only data cell of a one-column sheet made from `text`.
fn one_text_cell(text: &str) -> String {
    let mut spec = one_column("lang");
    spec.fields = vec![Field::text("t", "t")];
    let mut w = CsvTableWriter::new(Vec::new(), &spec).unwrap();
    w.row(&[Cell::Text(text)]).unwrap();
    let csv = w.finish().unwrap();
    let bytes = xlsx::write(&[(&spec, &csv)]).unwrap();
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).unwrap();
    match book.worksheet_range("lang").unwrap().get((1, 0)) {
        Some(Data::String(s)) => s.clone(),
        other => panic!("not a text: {other:?}"),
    }
}

fn utf16_len(s: &str) -> usize {
    s.encode_utf16().count()
}

#[test]
fn a_text_longer_than_a_cell_is_cut_with_a_note_not_refused() {
    let note = xlsx::cut_note("lang.csv");
    assert_eq!(note, " … [ingekort: de volledige tekst staat in lang.csv]");
    // Exactly as long as a cell holds: unchanged.
    let fits = "x".repeat(xlsx::MAX_TEXT_CHARS);
    assert_eq!(one_text_cell(&fits), fits);
    // One longer (this used to stop the whole workbook): cut, with the note at the end, and
    // the two together exactly as long as a cell holds.
    let long = "x".repeat(xlsx::MAX_TEXT_CHARS + 1);
    let cell = one_text_cell(&long);
    assert!(cell.ends_with(&note), "{}", &cell[cell.len() - 80..]);
    assert_eq!(utf16_len(&cell), xlsx::MAX_TEXT_CHARS);
    assert!(long.starts_with(cell.strip_suffix(&note).unwrap()));
    // Excel counts UTF-16 code units: an emoji is two. Such a text of 20.001 characters is too
    // long (40.001 units); it is cut between two characters, never inside one.
    let astral = format!("a{}", "\u{1F600}".repeat(20_000));
    assert_eq!(astral.chars().count(), 20_001);
    let cell = one_text_cell(&astral);
    let kept = cell.strip_suffix(&note).unwrap();
    assert!(astral.starts_with(kept));
    assert!(utf16_len(&cell) <= xlsx::MAX_TEXT_CHARS);
    // As much as fits: one more character would not.
    assert!(utf16_len(&cell) + 2 > xlsx::MAX_TEXT_CHARS);
    // The apostrophe of a long text that starts with a formula character is gone too.
    let formula = format!("={}", "y".repeat(xlsx::MAX_TEXT_CHARS));
    let cell = one_text_cell(&formula);
    assert!(cell.starts_with("=yyy") && cell.ends_with(&note));
}

#[test]
fn fitting_in_a_cell_counts_as_excel_does() {
    let file = "waarden.csv";
    let note = xlsx::cut_note(file);
    let room = xlsx::MAX_TEXT_CHARS - utf16_len(&note);
    // "é" is one unit, "😀" two: a text of MAX_TEXT_CHARS characters with one emoji is too
    // long, a text of MAX_TEXT_CHARS - 1 characters with one emoji fits.
    let with_emoji = |n: usize| format!("\u{1F600}{}", "é".repeat(n - 1));
    let fits = with_emoji(xlsx::MAX_TEXT_CHARS - 1);
    assert_eq!(xlsx::fit_in_cell(&fits, file), fits);
    let too_long = with_emoji(xlsx::MAX_TEXT_CHARS);
    let cut = xlsx::fit_in_cell(&too_long, file);
    assert_eq!(utf16_len(&cut), xlsx::MAX_TEXT_CHARS);
    assert_eq!(cut.strip_suffix(&note).unwrap(), with_emoji(room - 1));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn xlsx_never_panics_on_any_bytes(body in proptest::collection::vec(any::<u8>(), 0..300)) {
        let spec = small_spec();
        let mut csv = b"code,naam,bedrag,per_inwoner,waarde,aantal,actief,moment\r\n".to_vec();
        csv.extend(&body);
        let _ = xlsx::write(&[(&spec, &csv)]);
        let _ = xlsx::write(&[(&spec, &body)]);
    }
}
