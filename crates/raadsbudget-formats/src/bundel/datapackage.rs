//! `datapackage.json`: a Frictionless Data Package (v1) describing a bundle's CSV files, derived
//! from their [`TableSpec`]s, so that `frictionless validate datapackage.json` checks every file.
//!
//! The output depends on the specs only: no timestamp, no path, no host — the same specs give
//! the same bytes. Keys come in a fixed order (the structs below, serialised field by field),
//! pretty printed with two spaces and a final newline.

use crate::table::{Field, FieldType, TableSpec};
use serde::Serialize;
use serde_json::Value;
use std::io::{self, Write};

/// The package's `name`.
pub const PACKAGE_NAME: &str = "raadsbudget-bundel";

/// The package's `title`.
pub const PACKAGE_TITLE: &str = "Raadsbudget: bundel van benchmarkbestanden raadsondersteuning";

/// The package's `description`.
pub const PACKAGE_DESCRIPTION: &str = "De gebundelde benchmarkbestanden van gemeenten, provincies en waterschappen over de ondersteuning van de raad, met meldingen, kengetallen en statistiek. CSV: UTF-8 zonder BOM, komma als scheidingsteken, CRLF, aanhalingstekens alleen waar nodig; een leeg veld is een ontbrekende waarde. Elke tekst die begint met = + - @ TAB of CR staat er met een apostrof voor, in welke kolom ook; een getal in een kolom van het type integer of number niet (daar is - een minteken).";

/// The values of a `ja`/`nee` column.
pub const TRUE_VALUES: [&str; 1] = ["ja"];
/// See [`TRUE_VALUES`].
pub const FALSE_VALUES: [&str; 1] = ["nee"];

#[derive(Serialize)]
struct Package<'a> {
    profile: &'static str,
    name: &'static str,
    title: &'static str,
    description: &'static str,
    resources: Vec<Resource<'a>>,
}

#[derive(Serialize)]
struct Resource<'a> {
    profile: &'static str,
    name: &'a str,
    path: &'a str,
    title: &'a str,
    description: &'a str,
    format: &'static str,
    mediatype: &'static str,
    encoding: &'static str,
    dialect: Dialect,
    schema: Schema<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Dialect {
    delimiter: &'static str,
    line_terminator: &'static str,
    quote_char: &'static str,
    double_quote: bool,
    header: bool,
}

const DIALECT: Dialect = Dialect {
    delimiter: ",",
    line_terminator: "\r\n",
    quote_char: "\"",
    double_quote: true,
    header: true,
};

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Schema<'a> {
    fields: Vec<SchemaField<'a>>,
    missing_values: [&'static str; 1],
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    primary_key: &'a [String],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SchemaField<'a> {
    name: &'a str,
    #[serde(rename = "type")]
    field_type: &'static str,
    description: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    true_values: Option<[&'static str; 1]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    false_values: Option<[&'static str; 1]>,
    #[serde(skip_serializing_if = "Constraints::is_empty")]
    constraints: Constraints<'a>,
}

#[derive(Serialize)]
struct Constraints<'a> {
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    required: bool,
    #[serde(rename = "enum", skip_serializing_if = "Option::is_none")]
    allowed: Option<Vec<Value>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pattern: Option<&'a str>,
}

impl Constraints<'_> {
    fn is_empty(&self) -> bool {
        !self.required && self.allowed.is_none() && self.pattern.is_none()
    }
}

/// The Table Schema type of a field type.
pub fn type_name(field_type: FieldType) -> &'static str {
    match field_type {
        FieldType::String => "string",
        FieldType::Integer => "integer",
        FieldType::Number { .. } => "number",
        FieldType::Boolean => "boolean",
        FieldType::DateTime => "datetime",
    }
}

/// The pattern as a Table Schema pattern. Table Schema patterns match the whole value
/// (implicitly anchored, XML Schema style), so one leading `^` and one unescaped trailing `$`
/// of a spec's pattern are dropped: in XML Schema they would be literal characters.
pub fn schema_pattern(pattern: &str) -> &str {
    let p = pattern.strip_prefix('^').unwrap_or(pattern);
    match p.strip_suffix('$') {
        Some(rest) => {
            let backslashes = rest.chars().rev().take_while(|c| *c == '\\').count();
            if backslashes % 2 == 0 {
                rest
            } else {
                p
            }
        }
        None => p,
    }
}

fn invalid(msg: String) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidInput, msg)
}

/// An enumeration value as JSON of the field's type: integers and numbers as JSON numbers, the
/// rest as strings. A value that does not fit the type is an error (a bug in the spec).
fn enum_value(table: &TableSpec, field: &Field, value: &str) -> io::Result<Value> {
    let bad = || {
        invalid(format!(
            "{}: toegestane waarde {value:?} van kolom {} past niet bij type {}",
            table.file,
            field.name,
            type_name(field.field_type)
        ))
    };
    match field.field_type {
        FieldType::Integer => value.parse::<i64>().map(Value::from).map_err(|_| bad()),
        FieldType::Number { .. } => {
            // Only plain decimal text (no exponent, no NaN/inf), kept as written.
            let digits = value.strip_prefix('-').unwrap_or(value);
            let (int, frac) = digits.split_once('.').unwrap_or((digits, "0"));
            let plain = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
            if !(plain(int) && plain(frac)) {
                return Err(bad());
            }
            serde_json::from_str::<serde_json::Number>(value)
                .map(Value::Number)
                .map_err(|_| bad())
        }
        FieldType::String | FieldType::Boolean | FieldType::DateTime => {
            Ok(Value::String(value.to_string()))
        }
    }
}

fn schema_field<'a>(table: &TableSpec, field: &'a Field) -> io::Result<SchemaField<'a>> {
    let allowed = match &field.allowed {
        Some(values) => Some(
            values
                .iter()
                .map(|v| enum_value(table, field, v))
                .collect::<io::Result<Vec<Value>>>()?,
        ),
        None => None,
    };
    let boolean = field.field_type == FieldType::Boolean;
    Ok(SchemaField {
        name: &field.name,
        field_type: type_name(field.field_type),
        description: &field.description,
        true_values: boolean.then_some(TRUE_VALUES),
        false_values: boolean.then_some(FALSE_VALUES),
        constraints: Constraints {
            required: field.required,
            allowed,
            pattern: field.pattern.as_deref().map(schema_pattern),
        },
    })
}

fn resource(table: &TableSpec) -> io::Result<Resource<'_>> {
    for key in &table.primary_key {
        if !table.fields.iter().any(|f| &f.name == key) {
            return Err(invalid(format!(
                "{}: sleutelkolom {key} bestaat niet",
                table.file
            )));
        }
    }
    Ok(Resource {
        profile: "tabular-data-resource",
        name: &table.name,
        path: &table.file,
        title: &table.title,
        description: &table.description,
        format: "csv",
        mediatype: "text/csv",
        encoding: "utf-8",
        dialect: DIALECT,
        schema: Schema {
            fields: table
                .fields
                .iter()
                .map(|f| schema_field(table, f))
                .collect::<io::Result<_>>()?,
            missing_values: [""],
            primary_key: &table.primary_key,
        },
    })
}

/// Writes `datapackage.json` describing `tables` (in this order). Fails with
/// [`io::ErrorKind::InvalidInput`] when a spec is inconsistent (a primary key column that does
/// not exist, an enumeration value that does not fit its integer or number column).
pub fn write<W: Write>(mut out: W, tables: &[TableSpec]) -> io::Result<()> {
    let package = Package {
        profile: "tabular-data-package",
        name: PACKAGE_NAME,
        title: PACKAGE_TITLE,
        description: PACKAGE_DESCRIPTION,
        resources: tables.iter().map(resource).collect::<io::Result<_>>()?,
    };
    let mut bytes = serde_json::to_vec_pretty(&package).map_err(io::Error::other)?;
    bytes.push(b'\n');
    out.write_all(&bytes)?;
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_lose_their_anchors_only() {
        assert_eq!(schema_pattern("^[0-9a-f]{64}$"), "[0-9a-f]{64}");
        assert_eq!(schema_pattern("^(A|B)$"), "(A|B)");
        assert_eq!(schema_pattern("[a-z]+"), "[a-z]+");
        assert_eq!(schema_pattern("a\\$"), "a\\$");
        assert_eq!(schema_pattern("a\\\\$"), "a\\\\");
    }

    #[test]
    fn bad_enum_and_key_are_errors_not_panics() {
        let spec = TableSpec {
            name: "t".into(),
            file: "t.csv".into(),
            title: "T".into(),
            description: "t".into(),
            fields: vec![Field::integer("n", "n").one_of(["1", "x"])],
            primary_key: vec![],
        };
        let err = write(Vec::new(), std::slice::from_ref(&spec)).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::InvalidInput);
        let spec = TableSpec {
            fields: vec![Field::number("n", 2, "n").one_of(["1.50", "-2", "NaN"])],
            ..spec
        };
        assert!(write(Vec::new(), std::slice::from_ref(&spec)).is_err());
        let spec = TableSpec {
            fields: vec![Field::number("n", 2, "n").one_of(["1.50", "-2"])],
            primary_key: vec!["m".into()],
            ..spec
        };
        assert!(write(Vec::new(), std::slice::from_ref(&spec)).is_err());
        let spec = TableSpec {
            primary_key: vec![],
            ..spec
        };
        let mut out = Vec::new();
        write(&mut out, &[spec]).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(
            text.contains("\"enum\": [\n                1.5,\n                -2\n"),
            "{text}"
        );
    }
}
