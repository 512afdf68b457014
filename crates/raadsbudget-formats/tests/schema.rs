//! The Frictionless Table Schema `docs/benchmarkbestand.schema.json` matches the writer: its
//! fields are the header, and the golden file's rows meet its constraints (checked here by a
//! small validator for the parts of Table Schema the file uses).

mod common;

use common::*;
use raadsbudget_formats::benchmark::HEADER;
use regex::Regex;
use serde_json::Value as Json;
use std::collections::BTreeSet;

fn schema() -> Json {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../docs/benchmarkbestand.schema.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).expect("the schema is JSON")
}

fn str_of(v: &Json) -> &str {
    v.as_str().expect("a string")
}

/// The problems of one table (rows without header) against the schema.
fn violations(schema: &Json, rows: &[Vec<String>]) -> Vec<String> {
    let fields = schema["fields"].as_array().unwrap();
    let missing: Vec<&str> = schema["missingValues"]
        .as_array()
        .unwrap()
        .iter()
        .map(str_of)
        .collect();
    let moment = Regex::new(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$").unwrap();
    let integer = Regex::new(r"^[+-]?[0-9]+$").unwrap();
    let mut out = Vec::new();
    for (r, row) in rows.iter().enumerate() {
        if row.len() != fields.len() {
            out.push(format!("row {r}: {} cells", row.len()));
            continue;
        }
        for (field, cell) in fields.iter().zip(row) {
            let name = str_of(&field["name"]);
            let at = format!("row {r} {name} {cell:?}");
            let constraints = field.get("constraints").cloned().unwrap_or(Json::Null);
            let required = constraints.get("required") == Some(&Json::Bool(true))
                || schema["primaryKey"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|k| str_of(k) == name);
            if missing.contains(&cell.as_str()) {
                if required {
                    out.push(format!("{at}: required"));
                }
                continue;
            }
            let number = match str_of(&field["type"]) {
                "string" => None,
                "integer" => {
                    if !integer.is_match(cell) {
                        out.push(format!("{at}: not an integer"));
                        continue;
                    }
                    Some(cell.parse::<i64>().unwrap())
                }
                "datetime" => {
                    assert_eq!(field["format"], "default");
                    if !moment.is_match(cell)
                        || chrono::NaiveDateTime::parse_from_str(cell, "%Y-%m-%dT%H:%M:%SZ")
                            .is_err()
                    {
                        out.push(format!("{at}: not a default datetime"));
                    }
                    None
                }
                other => panic!("type {other} is not checked by this test"),
            };
            let Some(constraints) = constraints.as_object() else {
                continue;
            };
            for (key, value) in constraints {
                match key.as_str() {
                    "required" => {}
                    "enum" => {
                        if !value.as_array().unwrap().iter().any(|v| str_of(v) == cell) {
                            out.push(format!("{at}: not in enum"));
                        }
                    }
                    "pattern" => {
                        let re = Regex::new(&format!("^(?:{})$", str_of(value))).unwrap();
                        if !re.is_match(cell) {
                            out.push(format!("{at}: does not match pattern"));
                        }
                    }
                    "minimum" | "maximum" => {
                        let n = number.expect("minimum/maximum only on integers");
                        let bound = value.as_i64().unwrap();
                        if (key == "minimum" && n < bound) || (key == "maximum" && n > bound) {
                            out.push(format!("{at}: {key} {bound}"));
                        }
                    }
                    other => panic!("constraint {other} is not checked by this test"),
                }
            }
        }
    }
    // Primary key: unique.
    let key_columns: Vec<usize> = schema["primaryKey"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| fields.iter().position(|f| f["name"] == *k).unwrap())
        .collect();
    let mut seen = BTreeSet::new();
    for (r, row) in rows.iter().enumerate() {
        let key: Vec<&String> = key_columns.iter().filter_map(|&c| row.get(c)).collect();
        if !seen.insert(key) {
            out.push(format!("row {r}: duplicate primary key"));
        }
    }
    out
}

fn table(rel: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let bytes = data_file(rel);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(&bytes[..]);
    let mut rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect();
    let header = rows.remove(0);
    (header, rows)
}

#[test]
fn schema_fields_are_the_header_in_order() {
    let schema = schema();
    let object = schema.as_object().unwrap();
    for key in object.keys() {
        assert!(
            [
                "name",
                "title",
                "description",
                "fields",
                "primaryKey",
                "missingValues"
            ]
            .contains(&key.as_str()),
            "unexpected key {key}"
        );
    }
    let names: Vec<&str> = schema["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| str_of(&f["name"]))
        .collect();
    assert_eq!(names, HEADER);
    assert_eq!(
        schema["primaryKey"],
        serde_json::json!(["jaar", "fase", "post"])
    );
    assert_eq!(schema["missingValues"], serde_json::json!([""]));
}

#[test]
fn golden_and_clean_files_meet_the_schema() {
    let schema = schema();
    for rel in [
        "golden/raadsondersteuning_2026_GM9999_r1.csv",
        "tolerated/clean.csv",
    ] {
        let (header, rows) = table(rel);
        assert_eq!(header, HEADER);
        assert!(!rows.is_empty());
        assert_eq!(violations(&schema, &rows), Vec::<String>::new(), "{rel}");
    }
}

#[test]
fn the_schema_catches_what_the_reader_rejects() {
    let schema = schema();
    for (rel, problem) in [
        (
            "rejected/f003_negatief.csv",
            "waarde \"-18000.00\": does not match pattern",
        ),
        (
            "rejected/f004_decimalen.csv",
            "waarde \"18000.005\": does not match pattern",
        ),
        (
            "rejected/f011_code.csv",
            "organisatie_code \"GM197\": does not match pattern",
        ),
        (
            "rejected/f103_formaat.csv",
            "formaat \"bzk-raadsondersteuning/2\": not in enum",
        ),
        ("rejected/f106_jaar.csv", "jaar \"2O25\": not an integer"),
        ("rejected/f106_fase.csv", "fase \"Begroting\": not in enum"),
        ("rejected/f106_revisie.csv", "revisie \"0\": minimum 1"),
        (
            "rejected/f106_aangemaakt_op.csv",
            "aangemaakt_op \"1-3-2026 09:30\": not a default datetime",
        ),
        ("rejected/f008_reden.csv", "reden \"n.v.t.\": not in enum"),
        ("rejected/f010_dubbel.csv", "duplicate primary key"),
    ] {
        let (_, rows) = table(rel);
        let found = violations(&schema, &rows);
        assert!(
            found.iter().any(|v| v.contains(problem)),
            "{rel}: {problem} not in {found:#?}"
        );
    }
}
