//! The decimal sign of a file's numbers, as the reader decides it: a number that contradicts
//! the file, and an ambiguous number in a file that shows no sign, are errors on their line.

mod common;

use common::*;
use raadsbudget_formats::benchmark::read;

/// `tolerated/clean.csv` with each data row's `waarde` changed by `f(post, waarde)`.
fn clean_with(f: impl Fn(&str, &str) -> String) -> Vec<u8> {
    let clean = data_file("tolerated/clean.csv");
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(&clean[..]);
    let mut out = Vec::new();
    {
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(&mut out);
        for (i, record) in reader.records().enumerate() {
            let mut fields: Vec<String> = record.unwrap().iter().map(str::to_string).collect();
            if i > 0 {
                fields[9] = f(&fields[8], &fields[9]);
            }
            w.write_record(&fields).unwrap();
        }
    }
    out
}

#[test]
fn a_number_with_the_other_decimal_sign_is_named_on_its_line() {
    let bytes = clean_with(|post, waarde| {
        if post == "GRF.FTE" {
            waarde.replace('.', ",")
        } else {
            waarde.to_string()
        }
    });
    let outcome = read("x.csv", &bytes);
    let errors: Vec<String> = outcome
        .findings
        .iter()
        .filter(|f| f.is_error())
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        errors,
        [
            "x.csv:10:10: F002: GRF.FTE (Formatie griffie (fte)): '3,60' heeft een komma als decimaalteken, maar in dit bestand is de punt het decimaalteken (zoals '312450.87' op regel 6); schrijf alle getallen op dezelfde manier, het liefst met een punt als decimaalteken en zonder scheidingsteken voor duizendtallen (hier: 3.60)",
            "x.csv:34:10: F002: GRF.FTE (Formatie griffie (fte)): '3,80' heeft een komma als decimaalteken, maar in dit bestand is de punt het decimaalteken (zoals '312450.87' op regel 6); schrijf alle getallen op dezelfde manier, het liefst met een punt als decimaalteken en zonder scheidingsteken voor duizendtallen (hier: 3.80)",
        ]
    );
}

#[test]
fn an_ambiguous_amount_in_a_file_without_decimals_is_an_error_that_says_why() {
    // Whole euros everywhere (fte too), one amount with a point before three digits.
    let bytes = clean_with(|post, waarde| match post {
        "GRF.INHUUR" if waarde == "18000.00" => "18.000".to_string(),
        _ => waarde.split('.').next().unwrap_or_default().to_string(),
    });
    let outcome = read("x.csv", &bytes);
    let errors: Vec<String> = outcome
        .findings
        .iter()
        .filter(|f| f.is_error())
        .map(ToString::to_string)
        .collect();
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(
        errors[0].starts_with("x.csv:7:10: F002: GRF.INHUUR (")
            && errors[0].ends_with("'18.000' is niet eenduidig: de punt kan hier een decimaalteken zijn of duizendtallen scheiden, en geen ander getal in het bestand laat zien welke van de twee; schrijf getallen met een punt als decimaalteken en zonder scheidingsteken voor duizendtallen: 18000.00 als de punt duizendtallen scheidt, 18.000 als het een decimaalteken is"),
        "{}",
        errors[0]
    );
    // Where the file shows its sign, the same text is clear: three decimals with a point.
    let bytes = clean_with(|post, waarde| match post {
        "GRF.INHUUR" if waarde == "18000.00" => "18.000".to_string(),
        _ => waarde.to_string(),
    });
    let outcome = read("x.csv", &bytes);
    let errors: Vec<&str> = outcome
        .findings
        .iter()
        .filter(|f| f.is_error())
        .map(|f| f.code.as_str())
        .collect();
    assert_eq!(errors, ["F004"]);
}
