//! `bundel.xlsx`: a bundle's tables as worksheets, one per [`TableSpec`], made from the CSV bytes
//! the bundle wrote (so the workbook always shows what the CSV files hold).
//!
//! - **Sheets**: named after [`TableSpec::name`], in the order given. Row 1 is the header (the
//!   field names, bold), frozen so it stays in view, with an autofilter; column widths are
//!   autofitted (numbers as displayed with their format), capped at [`MAX_COLUMN_WIDTH_PIXELS`].
//! - **Numbers as numbers**: `integer` columns are number cells in Excel's General format;
//!   `number` columns are number cells with `#,##0.00` for 2 decimals and `0.0000`-style
//!   formats for other decimals (a column without fixed decimals gets the format of each value's
//!   own decimals, so `statistiek.csv`'s 2- and 4-decimal values show as written). Excel holds
//!   numbers as binary floating point: amounts up to 15 significant digits show exactly, the
//!   CSV files stay the exact source.
//! - **Booleans** stay the text `ja`/`nee`, as in the CSV and the codebook (Excel's own booleans
//!   would show as WAAR/ONWAAR or TRUE/FALSE depending on the user's language).
//! - **Moments** (`datetime`, always UTC) are Excel date-times shown as `yyyy-mm-dd hh:mm:ss`.
//! - **Text** is written as string cells, which Excel never evaluates: the spreadsheet-safety
//!   apostrophe that our CSV writer puts before every text starting with a formula character
//!   ([`crate::table`]) is removed, so the sheet shows the original text.
//! - **Long text**: a text longer than an Excel cell holds ([`MAX_TEXT_CHARS`] UTF-16 code
//!   units, Excel's own count) is cut, at a character boundary, and ends with the visible note
//!   [`cut_note`] saying which CSV file holds it whole; the CSV files are never cut.
//! - A cell that does not read as its column's type (never the case for our own CSV writer) is
//!   kept as text rather than lost.
//!
//! **Deterministic**: the same tables give byte-identical bytes. rust_xlsxwriter stamps the
//! document's creation time with the clock unless told otherwise; we set it to the fixed
//! [`CREATION_DATETIME`] (a bundle's output contains no clock time at all, `bundel.md`). The zip
//! container already uses fixed entry times (1980-01-01) and permissions.
//!
//! Excel's limits are checked before anything is written: at most [`MAX_DATA_ROWS`] data rows
//! and [`MAX_COLUMNS`] columns per sheet.
//! Nothing here panics on any input bytes; problems are an [`XlsxError`] with a Dutch message.

use crate::benchmark::text::unprotect;
use crate::table::{is_number_literal, Field, FieldType, TableSpec};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, Worksheet};
use std::borrow::Cow;
use std::collections::BTreeMap;

/// Data rows an Excel worksheet holds besides the header row (1.048.576 rows in all).
pub const MAX_DATA_ROWS: u64 = 1_048_575;

/// Columns an Excel worksheet holds.
pub const MAX_COLUMNS: usize = 16_384;

/// Characters an Excel cell holds, counted as Excel counts them: UTF-16 code units (a
/// character outside the Basic Multilingual Plane, such as most emoji, counts as 2).
pub const MAX_TEXT_CHARS: usize = 32_767;

/// The widest a column is autofitted, in pixels (about 65 characters); a longer text runs on
/// past the column edge or is cut off at the next filled cell, as Excel shows it.
pub const MAX_COLUMN_WIDTH_PIXELS: u32 = 480;

/// The document's creation time, `(year, month, day)` at 00:00:00: fixed, so that the same
/// input gives the same bytes (Excel shows it under File > Info; it says nothing about the data).
pub const CREATION_DATETIME: (u16, u8, u8) = (2000, 1, 1);

/// The display format of moments.
const DATETIME_FORMAT: &str = "yyyy-mm-dd hh:mm:ss";

/// Why no workbook could be made.
#[derive(Debug, thiserror::Error)]
pub enum XlsxError {
    /// More data rows than a worksheet holds.
    #[error(
        "{bestand} heeft {} rijen; een Excel-werkblad kan er {} bevatten. Laat --xlsx weg of bundel minder bestanden.",
        dutch_count(*rijen),
        dutch_count(MAX_DATA_ROWS)
    )]
    TooManyRows {
        /// The table's file name.
        bestand: String,
        /// Its data rows (header excluded).
        rijen: u64,
    },
    /// More columns than a worksheet holds.
    #[error(
        "{bestand} heeft {kolommen} kolommen; een Excel-werkblad kan er {} bevatten. Laat --xlsx weg.",
        dutch_count(MAX_COLUMNS as u64)
    )]
    TooManyColumns {
        /// The table's file name.
        bestand: String,
        /// Its columns.
        kolommen: usize,
    },
    /// The CSV bytes are not a table of this spec.
    #[error("{bestand}, regel {regel}: {melding}")]
    Csv {
        /// The table's file name.
        bestand: String,
        /// Physical line in the CSV (header = 1).
        regel: u64,
        /// What is wrong, in Dutch.
        melding: String,
    },
    /// The table's name cannot be a sheet name.
    #[error(
        "werkbladnaam {naam:?} kan niet in Excel: hoogstens 31 tekens, niet leeg, uniek, zonder [ ] : * ? / \\ en niet beginnend of eindigend met een apostrof"
    )]
    SheetName {
        /// The name.
        naam: String,
    },
    /// rust_xlsxwriter refused (not expected after the checks above).
    #[error("het Excel-bestand kon niet worden gemaakt: {0}")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
}

/// `n` with a point between thousands: `8.000.001`.
fn dutch_count(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// Checks that a table of `data_rows` rows (header excluded) fits in a worksheet.
pub fn check_row_count(spec: &TableSpec, data_rows: u64) -> Result<(), XlsxError> {
    if data_rows > MAX_DATA_ROWS {
        return Err(XlsxError::TooManyRows {
            bestand: spec.file.clone(),
            rijen: data_rows,
        });
    }
    Ok(())
}

fn csv_reader(csv: &[u8]) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(csv)
}

/// The physical line (1-based) where a record starts. The csv crate ends a record at the CR of
/// a CRLF and counts the LF as the start of the next record, one line too early: correct that.
fn line_of(csv: &[u8], position: Option<&csv::Position>) -> u64 {
    position.map_or(0, |p| {
        let at = usize::try_from(p.byte()).ok().and_then(|i| csv.get(i));
        if at == Some(&b'\n') {
            p.line().saturating_add(1)
        } else {
            p.line()
        }
    })
}

fn csv_error(spec: &TableSpec, csv: &[u8], e: &csv::Error) -> XlsxError {
    let regel = line_of(csv, e.position());
    XlsxError::Csv {
        bestand: spec.file.clone(),
        regel,
        melding: format!("CSV niet te lezen ({e})"),
    }
}

/// Data rows of a table's CSV (records after the header), without keeping them.
fn count_rows(spec: &TableSpec, csv: &[u8]) -> Result<u64, XlsxError> {
    let mut reader = csv_reader(csv);
    let mut record = csv::ByteRecord::new();
    let mut records: u64 = 0;
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(true) => records += 1,
            Ok(false) => break,
            Err(e) => return Err(csv_error(spec, csv, &e)),
        }
    }
    if records == 0 {
        return Err(XlsxError::Csv {
            bestand: spec.file.clone(),
            regel: 1,
            melding: "het bestand is leeg; de kopregel ontbreekt".into(),
        });
    }
    Ok(records - 1)
}

/// A `-?[0-9]+(\.[0-9]+)?` text as a finite f64 (parsed, no arithmetic), or `None`. Also gives
/// the number of decimals written.
fn parse_number(text: &str) -> Option<(f64, u32)> {
    if !is_number_literal(text) {
        return None;
    }
    let decimals = text
        .split_once('.')
        .map_or(0, |(_, f)| u32::try_from(f.len()).unwrap_or(u32::MAX));
    // "-0.00" is zero: no negative zero in the sheet.
    if text.bytes().all(|b| matches!(b, b'0' | b'.' | b'-')) {
        return Some((0.0, decimals));
    }
    let value: f64 = text.parse().ok()?;
    value.is_finite().then_some((value, decimals))
}

/// An RFC 3339 UTC moment `2026-03-01T09:30:00Z` as an Excel date-time.
fn parse_datetime(text: &str) -> Option<ExcelDateTime> {
    use chrono::{Datelike, Timelike};
    let t = chrono::NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%SZ").ok()?;
    let year = u16::try_from(t.year()).ok()?;
    let month = u8::try_from(t.month()).ok()?;
    let day = u8::try_from(t.day()).ok()?;
    let hour = u16::try_from(t.hour()).ok()?;
    let minute = u8::try_from(t.minute()).ok()?;
    let second = u8::try_from(t.second()).ok()?;
    ExcelDateTime::from_ymd(year, month, day)
        .ok()?
        .and_hms(hour, minute, second)
        .ok()
}

/// The number format of a value with `decimals` decimals.
fn number_format(decimals: u32) -> String {
    match decimals {
        0 => "0".to_string(),
        2 => "#,##0.00".to_string(),
        n => format!("0.{}", "0".repeat(n.min(30) as usize)),
    }
}

/// The formats of one workbook, made once.
#[derive(Debug)]
struct Formats {
    header: Format,
    datetime: Format,
    numbers: BTreeMap<u32, Format>,
}

impl Formats {
    fn new() -> Formats {
        Formats {
            header: Format::new().set_bold(),
            datetime: Format::new().set_num_format(DATETIME_FORMAT),
            numbers: BTreeMap::new(),
        }
    }

    fn number(&mut self, decimals: u32) -> &Format {
        self.numbers
            .entry(decimals)
            .or_insert_with(|| Format::new().set_num_format(number_format(decimals)))
    }
}

/// The note that ends a text cut to fit a cell: it names the CSV file that holds the text whole.
pub fn cut_note(file: &str) -> String {
    format!(" … [ingekort: de volledige tekst staat in {file}]")
}

/// The text as it fits in one Excel cell: unchanged when it fits ([`MAX_TEXT_CHARS`] UTF-16
/// code units), else cut at a character boundary (a surrogate pair is never split) so that the
/// cut text and [`cut_note`] together fit exactly.
pub fn fit_in_cell<'t>(text: &'t str, file: &str) -> Cow<'t, str> {
    if text.encode_utf16().count() <= MAX_TEXT_CHARS {
        return Cow::Borrowed(text);
    }
    let note = cut_note(file);
    let room = MAX_TEXT_CHARS.saturating_sub(note.encode_utf16().count());
    let mut used = 0;
    let end = text
        .char_indices()
        .find(|(_, c)| {
            used += c.len_utf16();
            used > room
        })
        .map_or(text.len(), |(i, _)| i);
    let mut cut = String::with_capacity(end + note.len());
    cut.push_str(text.get(..end).unwrap_or_default());
    cut.push_str(&note);
    Cow::Owned(cut)
}

fn write_cell(
    sheet: &mut Worksheet,
    formats: &mut Formats,
    spec: &TableSpec,
    (row, col): (u32, u16),
    field: &Field,
    text: &str,
) -> Result<(), XlsxError> {
    if text.is_empty() {
        return Ok(()); // a missing value stays an empty cell
    }
    match field.field_type {
        FieldType::Integer => {
            if let Some((value, 0)) = parse_number(text) {
                sheet.write_number(row, col, value)?;
                return Ok(());
            }
        }
        FieldType::Number { decimals } => {
            if let Some((value, written)) = parse_number(text) {
                let format = formats.number(decimals.unwrap_or(written));
                sheet.write_number_with_format(row, col, value, format)?;
                return Ok(());
            }
        }
        FieldType::DateTime => {
            if let Some(moment) = parse_datetime(text) {
                sheet.write_datetime_with_format(row, col, moment, &formats.datetime)?;
                return Ok(());
            }
        }
        FieldType::String | FieldType::Boolean => {}
    }
    sheet.write_string(row, col, fit_in_cell(unprotect(text), &spec.file))?;
    Ok(())
}

fn utf8<'a>(spec: &TableSpec, line: u64, bytes: &'a [u8]) -> Result<&'a str, XlsxError> {
    std::str::from_utf8(bytes).map_err(|_| XlsxError::Csv {
        bestand: spec.file.clone(),
        regel: line,
        melding: "geen geldige UTF-8".into(),
    })
}

fn write_sheet(
    sheet: &mut Worksheet,
    formats: &mut Formats,
    spec: &TableSpec,
    csv: &[u8],
) -> Result<(), XlsxError> {
    let columns = spec.fields.len();
    let mut reader = csv_reader(csv);
    let mut record = csv::ByteRecord::new();
    let mut row: u32 = 0;
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => return Err(csv_error(spec, csv, &e)),
        }
        let line = line_of(csv, record.position());
        if record.len() != columns {
            return Err(XlsxError::Csv {
                bestand: spec.file.clone(),
                regel: line,
                melding: format!("{} velden, verwacht {columns}", record.len()),
            });
        }
        for (col, (bytes, field)) in record.iter().zip(&spec.fields).enumerate() {
            let text = utf8(spec, line, bytes)?;
            let col = u16::try_from(col).map_err(|_| XlsxError::TooManyColumns {
                bestand: spec.file.clone(),
                kolommen: columns,
            })?;
            if row == 0 {
                if text != field.name {
                    return Err(XlsxError::Csv {
                        bestand: spec.file.clone(),
                        regel: line,
                        melding: format!(
                            "kolom {} van de kopregel is {text:?}, verwacht {:?}",
                            usize::from(col) + 1,
                            field.name
                        ),
                    });
                }
                sheet.write_string_with_format(0, col, text, &formats.header)?;
            } else {
                write_cell(sheet, formats, spec, (row, col), field, text)?;
            }
        }
        row = row.checked_add(1).ok_or_else(|| XlsxError::TooManyRows {
            bestand: spec.file.clone(),
            rijen: u64::from(u32::MAX),
        })?;
    }
    if columns > 0 {
        let last_col = u16::try_from(columns - 1).unwrap_or(u16::MAX);
        sheet.set_freeze_panes(1, 0)?;
        sheet.autofilter(0, 0, row.saturating_sub(1), last_col)?;
        sheet.set_autofit_max_width(MAX_COLUMN_WIDTH_PIXELS);
        sheet.autofit();
    }
    Ok(())
}

/// Makes the workbook: one sheet per table, from the table's CSV bytes as our CSV writer made
/// them ([`crate::table::CsvTableWriter`]). Every table is checked against Excel's limits
/// before any sheet is made.
pub fn write(tables: &[(&TableSpec, &[u8])]) -> Result<Vec<u8>, XlsxError> {
    for (i, (spec, csv)) in tables.iter().enumerate() {
        // Excel compares sheet names without regard to case.
        let lower = spec.name.to_lowercase();
        if tables[..i]
            .iter()
            .any(|(other, _)| other.name.to_lowercase() == lower)
        {
            return Err(XlsxError::SheetName {
                naam: spec.name.clone(),
            });
        }
        if spec.fields.len() > MAX_COLUMNS {
            return Err(XlsxError::TooManyColumns {
                bestand: spec.file.clone(),
                kolommen: spec.fields.len(),
            });
        }
        check_row_count(spec, count_rows(spec, csv)?)?;
    }
    let mut workbook = Workbook::new();
    let (year, month, day) = CREATION_DATETIME;
    let created = ExcelDateTime::from_ymd(year, month, day)?;
    workbook.set_properties(&DocProperties::new().set_creation_datetime(&created));
    let mut formats = Formats::new();
    for (spec, csv) in tables {
        let sheet = workbook.add_worksheet();
        sheet.set_name(&spec.name).map_err(|e| match e {
            rust_xlsxwriter::XlsxError::SheetnameCannotBeBlank(_)
            | rust_xlsxwriter::XlsxError::SheetnameLengthExceeded(_)
            | rust_xlsxwriter::XlsxError::SheetnameReused(_)
            | rust_xlsxwriter::XlsxError::SheetnameContainsInvalidCharacter(_)
            | rust_xlsxwriter::XlsxError::SheetnameStartsOrEndsWithApostrophe(_) => {
                XlsxError::SheetName {
                    naam: spec.name.clone(),
                }
            }
            other => XlsxError::Xlsx(other),
        })?;
        write_sheet(sheet, &mut formats, spec, csv)?;
    }
    Ok(workbook.save_to_buffer()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_in_dutch() {
        assert_eq!(dutch_count(0), "0");
        assert_eq!(dutch_count(999), "999");
        assert_eq!(dutch_count(1_000), "1.000");
        assert_eq!(dutch_count(8_000_001), "8.000.001");
        assert_eq!(dutch_count(1_048_575), "1.048.575");
    }

    #[test]
    fn numbers_parse_strictly() {
        assert_eq!(parse_number("1234.50"), Some((1234.5, 2)));
        assert_eq!(parse_number("-0.0001"), Some((-0.0001, 4)));
        assert_eq!(parse_number("-0.00"), Some((0.0, 2)));
        assert_eq!(parse_number("42"), Some((42.0, 0)));
        for bad in [
            "", "-", ".5", "5.", "1e5", "inf", "NaN", "1,5", "+1", " 1", "1.2.3",
        ] {
            assert_eq!(parse_number(bad), None, "{bad}");
        }
        assert_eq!(parse_number(&"9".repeat(400)), None);
    }

    #[test]
    fn formats_by_decimals() {
        assert_eq!(number_format(0), "0");
        assert_eq!(number_format(2), "#,##0.00");
        assert_eq!(number_format(4), "0.0000");
        assert_eq!(number_format(99).len(), 32);
    }

    #[test]
    fn moments_parse_strictly() {
        assert!(parse_datetime("2026-03-01T09:30:00Z").is_some());
        for bad in [
            "2026-03-01",
            "2026-03-01T09:30:00",
            "2026-13-01T09:30:00Z",
            "x",
        ] {
            assert!(parse_datetime(bad).is_none(), "{bad}");
        }
    }
}
