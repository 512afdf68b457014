//! What a participant sends cannot put a formula into the researcher's spreadsheet, and one
//! overlong toelichting does not stop `--xlsx`: a bundle of hostile files, end to end.

use proptest::prelude::*;
use raadsbudget_app::screens::bundle;
use raadsbudget_app::views::{BundleRequest, BundleView};
use raadsbudget_demo::demo_datasets;
use raadsbudget_domain::value::FORMULA_START;
use raadsbudget_domain::{Catalogue, Dataset, SOFTWARE};
use raadsbudget_formats::benchmark::{self, FileMeta};
use raadsbudget_formats::bundel;
use raadsbudget_formats::table::{is_number_literal, TableSpec};
use std::io::Read;
use std::path::Path;

fn meta(data: &Dataset) -> FileMeta {
    FileMeta {
        definities: Catalogue::for_uitvraag(2026).versie.clone(),
        uitvraag: 2026,
        organisation: data.organisation.clone(),
        revisie: 1,
        aangemaakt_op: chrono::DateTime::from_timestamp(1_772_357_400, 0).unwrap(),
        software: SOFTWARE.to_string(),
    }
}

fn render(data: &Dataset) -> Vec<u8> {
    let mut out = Vec::new();
    benchmark::write(&mut out, &meta(data), data).unwrap();
    out
}

fn run(inputs: &Path, out: &Path, xlsx: bool) -> BundleView {
    bundle(
        &BundleRequest {
            invoer: vec![inputs.display().to_string()],
            uit: out.display().to_string(),
            register: None,
            uitvraag: None,
            xlsx,
        },
        &|_, _| {},
    )
    .unwrap()
}

fn spec_of(file: &str) -> TableSpec {
    bundel::tables(&[Catalogue::for_uitvraag(2026)])
        .into_iter()
        .find(|s| s.file == file)
        .unwrap_or_else(|| panic!("no spec for {file}"))
}

/// Every cell of every CSV file of the bundle in `out`: none starts a formula, except a number
/// in a number column.
fn check_no_formula(out: &Path, view: &BundleView) -> Result<(), TestCaseError> {
    for name in view.uitvoer.iter().filter(|n| n.ends_with(".csv")) {
        let spec = spec_of(name);
        let bytes = std::fs::read(out.join(name)).unwrap();
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(bytes.as_slice());
        for record in reader.records() {
            let record = record.unwrap();
            for (cell, field) in record.iter().zip(&spec.fields) {
                prop_assert!(
                    !cell.starts_with(FORMULA_START)
                        || (field.field_type.is_numeric() && is_number_literal(cell)),
                    "{name} {}: {cell:?}",
                    field.name
                );
            }
        }
    }
    Ok(())
}

/// A text that starts a formula, with the quotes and commas of a real attack (TAB and CR, the
/// other two formula characters, are covered by the formats crate's property test; here the
/// text is also a file name).
fn formula() -> impl Strategy<Value = String> {
    (
        prop::sample::select(vec!['=', '+', '-', '@']),
        "[A-Z(\",;) 0-9a-z-]{0,20}",
    )
        .prop_map(|(first, rest)| format!("{first}{rest}"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    /// A participant's file with formulas where codes, years, fases, posts and values belong
    /// (the reader reports them, and `meldingen.csv` repeats what it found), and a file name
    /// that is itself a formula.
    #[test]
    fn hostile_files_put_no_formula_in_any_output(
        edits in prop::collection::vec((0usize..60, 0usize..15, formula()), 1..6),
        file_name in formula(),
    ) {
        let tmp = tempfile::tempdir().unwrap();
        let inputs = tmp.path().join("in");
        std::fs::create_dir_all(&inputs).unwrap();
        let mut datasets = demo_datasets(2026, 2, 7);
        // The good file is another organisation's, so the hostile one is never a conflict.
        let good = render(&datasets.remove(1));
        let text = String::from_utf8(render(&datasets.remove(0))).unwrap();
        let mut rows: Vec<Vec<String>> = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(text.as_bytes())
            .records()
            .map(|r| r.unwrap().iter().map(str::to_string).collect())
            .collect();
        for (row, column, value) in edits {
            let row = 1 + row % (rows.len() - 1);
            rows[row][column] = value;
        }
        let mut bad = Vec::new();
        {
            let mut w = csv::WriterBuilder::new()
                .terminator(csv::Terminator::CRLF)
                .from_writer(&mut bad);
            for r in &rows {
                w.write_record(r).unwrap();
            }
        }
        let name = format!("{}.csv", file_name.replace(['/', '\\'], "_"));
        std::fs::write(inputs.join(&name), &bad).unwrap();
        // A good file too, so that every output table has rows.
        std::fs::write(inputs.join("goed.csv"), &good).unwrap();

        let out = tmp.path().join("uit");
        let view = run(&inputs, &out, false);
        prop_assert_eq!(view.bestanden, 2);
        check_no_formula(&out, &view)?;
        // The hostile file name is in the output (after the folder, so no formula either).
        let inzendingen = std::fs::read(out.join("inzendingen.csv")).unwrap();
        let named = csv::Reader::from_reader(inzendingen.as_slice())
            .records()
            .any(|r| r.unwrap()[0].ends_with(&format!("/{name}")));
        prop_assert!(named, "{}", String::from_utf8_lossy(&inzendingen));
    }
}

#[test]
fn a_formula_in_a_post_reaches_meldingen_csv_only_as_text() {
    let tmp = tempfile::tempdir().unwrap();
    let inputs = tmp.path().join("in");
    std::fs::create_dir_all(&inputs).unwrap();
    let data = demo_datasets(2026, 1, 7).remove(0);
    let text = String::from_utf8(render(&data)).unwrap();
    let hyperlink = "=HYPERLINK(\"\"https://example.org\"\",\"\"klik\"\")";
    let bad = text.replacen(",GRF.PERSONEEL,", &format!(",\"{hyperlink}\","), 1);
    assert_ne!(bad, text);
    std::fs::write(inputs.join("a.csv"), bad).unwrap();
    let out = tmp.path().join("uit");
    let view = run(&inputs, &out, true);
    let meldingen = std::fs::read_to_string(out.join("meldingen.csv")).unwrap();
    assert!(
        meldingen.contains("\"'=HYPERLINK(\"\"https://example.org\"\",\"\"klik\"\")\""),
        "{meldingen}"
    );
    check_no_formula(&out, &view).unwrap();
}

/// The text of the XLSX's shared strings (all text cells of all sheets).
fn shared_strings(xlsx: &Path) -> String {
    let mut archive = zip::ZipArchive::new(std::fs::File::open(xlsx).unwrap()).unwrap();
    let mut xml = String::new();
    archive
        .by_name("xl/sharedStrings.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    xml
}

#[test]
fn an_overlong_toelichting_is_cut_in_the_xlsx_and_whole_in_the_csv() {
    let tmp = tempfile::tempdir().unwrap();
    let inputs = tmp.path().join("in");
    std::fs::create_dir_all(&inputs).unwrap();
    let mut data = demo_datasets(2026, 2, 7).remove(0);
    // 40.000 characters, more than an Excel cell holds (32.767).
    let long: String = "Lange toelichting. "
        .repeat(2_106)
        .chars()
        .take(40_000)
        .collect();
    let mut first = true;
    data.for_each_mut(|_, record| {
        if std::mem::take(&mut first) {
            record.toelichting = long.clone();
        }
    });
    std::fs::write(inputs.join("lang.csv"), render(&data)).unwrap();
    let out = tmp.path().join("uit");
    let view = run(&inputs, &out, true);
    assert_eq!(view.geaccepteerd, 1);
    assert!(
        view.uitvoer.iter().any(|n| n == "bundel.xlsx"),
        "{:?}",
        view.uitvoer
    );
    // The CSV holds the whole text.
    let waarden = std::fs::read_to_string(out.join("waarden.csv")).unwrap();
    assert!(waarden.contains(&long));
    // The workbook the cut text with the note, and not the whole text.
    let strings = shared_strings(&out.join("bundel.xlsx"));
    assert!(
        strings.contains(" … [ingekort: de volledige tekst staat in waarden.csv]"),
        "no note"
    );
    assert!(!strings.contains(&long));
    assert!(strings.contains(&long[..30_000]));
}
