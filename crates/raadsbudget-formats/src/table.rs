//! Tables with a schema: the CSV files of a bundle. One [`TableSpec`] describes a table's
//! columns once; the CSV writer, `datapackage.json` and the XLSX sheets are all derived from it.
//!
//! Physical CSV format (the same as the benchmark file): UTF-8 without BOM, `,` as delimiter,
//! CRLF line ends, RFC 4180 quoting only where needed, a header row with the field names.
//!
//! **Spreadsheet safety, for every cell.** A cell that starts with `=`, `+`, `-`, `@`, TAB or CR
//! is written with the benchmark file's apostrophe in front (`'=HYPERLINK(…)`), whatever the
//! column and whatever the kind of [`Cell`], so that no spreadsheet ever evaluates a cell of
//! ours as a formula. The one exception is a number in a number column: an `integer` or
//! `number` column's `-3` or `-0.0001` keeps its sign as written (a spreadsheet reads it as a
//! number, never as a formula). Readers of our tables (the XLSX sheets, the bundle's
//! `waarden.csv` reader) remove the apostrophe with the benchmark file's rule
//! (`benchmark::text::unprotect`) from every cell they read as text.

use crate::benchmark::text::{needs_apostrophe, push_field};
use raadsbudget_domain::value::round_half_away;
use rust_decimal::Decimal;
use std::io::{self, Write};

/// The type of a column, as in a Frictionless Table Schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldType {
    /// Text.
    String,
    /// A whole number.
    Integer,
    /// A decimal number with a point and exactly this many decimals (`None`: as many as the
    /// value has; the producer rounded it).
    Number {
        /// Decimals written.
        decimals: Option<u32>,
    },
    /// `ja` or `nee`.
    Boolean,
    /// A moment in UTC, RFC 3339 with seconds: `2026-03-01T09:30:00Z`.
    DateTime,
}

/// One column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    /// Column name (header).
    pub name: String,
    /// Dutch description, for `datapackage.json` and people.
    pub description: String,
    /// Type.
    pub field_type: FieldType,
    /// Whether every row has a value.
    pub required: bool,
    /// The allowed values, if the column is an enumeration.
    pub allowed: Option<Vec<String>>,
    /// A regular expression every value matches (XSD/ECMAScript subset), if any.
    pub pattern: Option<String>,
}

impl Field {
    /// A column of `field_type`, optional, not an enumeration.
    pub fn new(name: &str, field_type: FieldType, description: &str) -> Field {
        Field {
            name: name.to_string(),
            description: description.to_string(),
            field_type,
            required: false,
            allowed: None,
            pattern: None,
        }
    }

    /// A text column (spreadsheet safety applies, as to every text cell).
    pub fn text(name: &str, description: &str) -> Field {
        Field::new(name, FieldType::String, description)
    }

    /// An integer column.
    pub fn integer(name: &str, description: &str) -> Field {
        Field::new(name, FieldType::Integer, description)
    }

    /// A number column with `decimals` decimals.
    pub fn number(name: &str, decimals: u32, description: &str) -> Field {
        Field::new(
            name,
            FieldType::Number {
                decimals: Some(decimals),
            },
            description,
        )
    }

    /// A number column whose values come rounded (their decimals vary per row).
    pub fn number_as_given(name: &str, description: &str) -> Field {
        Field::new(name, FieldType::Number { decimals: None }, description)
    }

    /// A moment column (UTC).
    pub fn datetime(name: &str, description: &str) -> Field {
        Field::new(name, FieldType::DateTime, description)
    }

    /// A `ja`/`nee` column.
    pub fn boolean(name: &str, description: &str) -> Field {
        Field::new(name, FieldType::Boolean, description)
    }

    /// Marks the column as required.
    pub fn required(mut self) -> Field {
        self.required = true;
        self
    }

    /// Restricts the column to these values.
    pub fn one_of<S: AsRef<str>>(mut self, values: impl IntoIterator<Item = S>) -> Field {
        self.allowed = Some(values.into_iter().map(|v| v.as_ref().to_string()).collect());
        self
    }

    /// Adds a pattern constraint.
    pub fn pattern(mut self, pattern: &str) -> Field {
        self.pattern = Some(pattern.to_string());
        self
    }
}

/// One table: a CSV file of a bundle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableSpec {
    /// Resource name, e.g. `inzendingen` (also the sheet name).
    pub name: String,
    /// File name, e.g. `inzendingen.csv`.
    pub file: String,
    /// Dutch title.
    pub title: String,
    /// Dutch description: one row per …
    pub description: String,
    /// The columns, in order.
    pub fields: Vec<Field>,
    /// The columns that together identify a row (may be empty).
    pub primary_key: Vec<String>,
}

impl TableSpec {
    /// The header line's field names.
    pub fn header(&self) -> impl Iterator<Item = &str> {
        self.fields.iter().map(|f| f.name.as_str())
    }

    /// The header line as written, CRLF included.
    pub fn header_line(&self) -> String {
        let mut line = String::new();
        for (i, name) in self.header().enumerate() {
            if i > 0 {
                line.push(',');
            }
            push_field(&mut line, name);
        }
        line.push_str("\r\n");
        line
    }
}

/// One cell of a row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell<'a> {
    /// No value.
    Empty,
    /// Text (spreadsheet safety is applied when written).
    Text(&'a str),
    /// Owned text.
    Owned(String),
    /// A whole number.
    Integer(i64),
    /// A decimal, written with the column's decimals (rounded half away from zero).
    Decimal(Decimal),
    /// `ja` (true) or `nee` (false).
    Boolean(bool),
}

impl<'a> From<Option<Decimal>> for Cell<'a> {
    fn from(d: Option<Decimal>) -> Cell<'a> {
        d.map_or(Cell::Empty, Cell::Decimal)
    }
}

impl<'a> From<&'a str> for Cell<'a> {
    fn from(s: &'a str) -> Cell<'a> {
        Cell::Text(s)
    }
}

/// Writes one table as CSV, row by row (nothing is kept in memory).
#[derive(Debug)]
pub struct CsvTableWriter<'s, W: Write> {
    out: W,
    spec: &'s TableSpec,
    line: String,
    rows: u64,
}

impl<'s, W: Write> CsvTableWriter<'s, W> {
    /// Starts the table: writes the header.
    pub fn new(mut out: W, spec: &'s TableSpec) -> io::Result<CsvTableWriter<'s, W>> {
        out.write_all(spec.header_line().as_bytes())?;
        Ok(CsvTableWriter::rows_only(out, spec))
    }

    /// Writes rows only, no header: for parts of a table rendered separately (in parallel)
    /// and joined after [`TableSpec::header_line`].
    pub fn rows_only(out: W, spec: &'s TableSpec) -> CsvTableWriter<'s, W> {
        CsvTableWriter {
            out,
            spec,
            line: String::new(),
            rows: 0,
        }
    }

    /// Writes one row. The number of cells must equal the number of columns.
    pub fn row(&mut self, cells: &[Cell<'_>]) -> io::Result<()> {
        if cells.len() != self.spec.fields.len() {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!(
                    "{}: rij met {} velden, verwacht {}",
                    self.spec.file,
                    cells.len(),
                    self.spec.fields.len()
                ),
            ));
        }
        self.line.clear();
        for (i, (cell, field)) in cells.iter().zip(&self.spec.fields).enumerate() {
            if i > 0 {
                self.line.push(',');
            }
            push_cell(&mut self.line, cell, field);
        }
        self.line.push_str("\r\n");
        self.rows += 1;
        self.out.write_all(self.line.as_bytes())
    }

    /// Rows written so far (header excluded).
    pub fn rows(&self) -> u64 {
        self.rows
    }

    /// Finishes the table and gives back the writer.
    pub fn finish(mut self) -> io::Result<W> {
        self.out.flush()?;
        Ok(self.out)
    }
}

impl FieldType {
    /// Whether the column holds numbers (`integer` or `number`), whose `-` is a sign.
    pub fn is_numeric(self) -> bool {
        matches!(self, FieldType::Integer | FieldType::Number { .. })
    }
}

/// Whether `text` is a number as our writer writes it: `-?[0-9]+(\.[0-9]+)?`.
pub fn is_number_literal(text: &str) -> bool {
    let unsigned = text.strip_prefix('-').unwrap_or(text);
    let (int, frac) = match unsigned.split_once('.') {
        Some((int, frac)) => (int, Some(frac)),
        None => (unsigned, None),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    digits(int) && frac.is_none_or(digits)
}

/// Appends a cell's text with spreadsheet safety: the apostrophe in front when the text starts
/// with a formula character, unless it is a number in a number column.
fn push_safe(out: &mut String, text: &str, field: &Field) {
    if needs_apostrophe(text) && !(field.field_type.is_numeric() && is_number_literal(text)) {
        let mut protected = String::with_capacity(text.len() + 1);
        protected.push('\'');
        protected.push_str(text);
        push_field(out, &protected);
    } else {
        push_field(out, text);
    }
}

fn push_cell(out: &mut String, cell: &Cell<'_>, field: &Field) {
    use std::fmt::Write as _;
    match cell {
        Cell::Empty => {}
        Cell::Text(t) => push_safe(out, t, field),
        Cell::Owned(t) => push_safe(out, t, field),
        // A number in a number column is written as is (its `-` is a sign); in any other
        // column it is text like any other.
        Cell::Integer(n) if field.field_type.is_numeric() => {
            let _ = write!(out, "{n}");
        }
        Cell::Integer(n) => push_safe(out, &n.to_string(), field),
        Cell::Decimal(d) => {
            let dp = match field.field_type {
                FieldType::Number {
                    decimals: Some(decimals),
                } => decimals,
                _ => d.scale(),
            };
            let rounded = round_half_away(*d, dp);
            if field.field_type.is_numeric() {
                let _ = write!(out, "{rounded}");
            } else {
                push_safe(out, &rounded.to_string(), field);
            }
        }
        Cell::Boolean(b) => out.push_str(if *b { "ja" } else { "nee" }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec() -> TableSpec {
        TableSpec {
            name: "t".into(),
            file: "t.csv".into(),
            title: "T".into(),
            description: "test".into(),
            fields: vec![
                Field::text("a", "a"),
                Field::text("b", "b"),
                Field::number("c", 4, "c"),
                Field::integer("d", "d"),
                Field::boolean("e", "e"),
            ],
            primary_key: vec!["a".into()],
        }
    }

    #[test]
    fn writes_header_rows_rounding_quoting_and_safety() {
        let spec = spec();
        let mut w = CsvTableWriter::new(Vec::new(), &spec).unwrap();
        w.row(&[
            Cell::Text("x,y"),
            Cell::Text("=SOM(1)"),
            Cell::Decimal(Decimal::new(123_456_785, 8)),
            Cell::Integer(-3),
            Cell::Boolean(true),
        ])
        .unwrap();
        w.row(&[
            Cell::Empty,
            Cell::Owned("zeg \"hoi\"".into()),
            Cell::Decimal(Decimal::new(-5, 5)),
            Cell::Empty,
            Cell::Boolean(false),
        ])
        .unwrap();
        assert!(w.row(&[Cell::Empty]).is_err());
        assert_eq!(w.rows(), 2);
        let bytes = w.finish().unwrap();
        assert_eq!(
            String::from_utf8(bytes).unwrap(),
            "a,b,c,d,e\r\n\"x,y\",'=SOM(1),1.2346,-3,ja\r\n,\"zeg \"\"hoi\"\"\",-0.0001,,nee\r\n"
        );
    }

    #[test]
    fn every_text_cell_is_protected_numbers_in_number_columns_are_not() {
        let spec = spec();
        let mut w = CsvTableWriter::rows_only(Vec::new(), &spec);
        // Text columns: whatever the cell, a formula start gets the apostrophe (also a
        // negative number given to a text column, and inside quotes).
        w.row(&[
            Cell::Integer(-7),
            Cell::Text("@x,y"),
            Cell::Text("-2.5"),
            Cell::Text("-1"),
            Cell::Empty,
        ])
        .unwrap();
        w.row(&[
            Cell::Decimal(Decimal::new(-15, 1)),
            Cell::Text("\tx"),
            Cell::Text("=1"),
            Cell::Text("-1x"),
            Cell::Empty,
        ])
        .unwrap();
        let text = String::from_utf8(w.finish().unwrap()).unwrap();
        assert_eq!(text, "'-7,\"'@x,y\",-2.5,-1,\r\n'-1.5,'\tx,'=1,'-1x,\r\n");
    }

    #[test]
    fn number_literals() {
        for yes in ["0", "-3", "12.50", "-0.0001"] {
            assert!(is_number_literal(yes), "{yes}");
        }
        for no in [
            "", "-", ".5", "5.", "1e5", "+1", " 1", "1,5", "1.2.3", "--1",
        ] {
            assert!(!is_number_literal(no), "{no}");
        }
    }
}
