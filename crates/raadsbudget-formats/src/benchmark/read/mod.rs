//! The tolerant reader of the benchmark file.

mod lines;
mod meta;
mod records;

use super::text::{decode, regels, unprotect, Lines, RecordIter};
use super::{
    col, BenchmarkFile, FileMeta, ReadOutcome, RecordLines, FORMAT, HEADER, MOMENT_FORMAT,
};
use chrono::{DateTime, NaiveDateTime, Utc};
use raadsbudget_domain::catalogue::{Catalogue, FnvBuild, Unit};
use raadsbudget_domain::fase::{jaar_is_plausible, uitvraag_blocks, JAAR_MAX, JAAR_MIN};
use raadsbudget_domain::finding::FindingLimit;
use raadsbudget_domain::kengetallen::is_required;
use raadsbudget_domain::organisation::{OrgType, OrganisationError};
use raadsbudget_domain::validation::{
    check_entry, org_type_finding, validate_uitvraag, value_error_finding,
};
use raadsbudget_domain::value::{Notation, NotationEvidence};
use raadsbudget_domain::{
    Dataset, Entry, Fase, Finding, FindingCode, Jaar, Location, Organisation, Reason, Record,
    RecordKey,
};
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// The columns that must be the same on every row (0-based), `formaat` excluded (it has its
/// own code, F103).
const CONSTANT_COLUMNS: [usize; 8] = [1, 2, 3, 4, 5, 12, 13, 14];

/// At most this many findings of one code are reported per file, then one summary finding
/// (a real file has a few; a file of junk lines would otherwise have one per line).
pub const MAX_FINDINGS_PER_CODE: usize = 20;

/// The most data rows a file may have. A file has at most one row per post and block (a few
/// hundred); more rows are surely not a benchmark file, and are not kept in memory.
pub const MAX_ROWS: usize = 10_000;

/// At most this many places are named in a repair summary (W105, W106); the rest are counted.
const MAX_PLACES: usize = 100;

/// Reads and checks one benchmark file. `bytes` are the file as it came; `name` is used in
/// the findings.
///
/// Tolerated, with a warning: a UTF-8 BOM (W101), Windows-1252 (W102), `;` as delimiter
/// (W103), LF or CR line ends (W104), euro and fte amounts with fewer than 2 decimals (W105,
/// one finding per file listing the lines), spaces around a field (W106, one finding per file
/// listing the places; `toelichting` is free text and kept as it is), numbers with a decimal
/// comma or thousands separators (W107, one finding per file listing the lines; the decimal
/// sign is decided per file from what the numbers show, see [`Notation`]), and a `definities`
/// version saved as a number with a decimal comma (`2026,1`, W107). Rows that are completely
/// empty (as a spreadsheet may leave at the end) are skipped.
///
/// Rejected, with an error naming file, line and column: see the crate documentation and
/// `docs/benchmarkbestand.md` (F101–F108, F002–F012, F001). Rows with an error are left out of
/// the data; when the file as a whole is unusable, [`ReadOutcome::file`] is `None`. The content
/// rules of the domain ([`validate_uitvraag`]) run on the rows that could be read.
pub fn read(name: &str, bytes: &[u8]) -> ReadOutcome {
    let mut reader = Reader {
        name,
        structure: FindingLimit::new(MAX_FINDINGS_PER_CODE),
        whitespace: Places::default(),
        padded: Places::default(),
        organisation: None,
        localised: Vec::new(),
        localised_example: None,
    };
    let (file, content) = match reader.read(bytes) {
        Some((file, content)) => (Some(file), content),
        None => (None, Vec::new()),
    };
    let mut findings = reader.finish();
    findings.extend(content);
    ReadOutcome { file, findings }
}

/// A data row with its fields trimmed (except `toelichting`), borrowed from the text where
/// possible.
struct Row<'t> {
    line: u64,
    fields: [Cow<'t, str>; 15],
}

impl Row<'_> {
    /// A field by 1-based column number.
    fn get(&self, column: u32) -> &str {
        usize::try_from(column)
            .ok()
            .and_then(|c| c.checked_sub(1))
            .and_then(|i| self.fields.get(i))
            .map_or("", |f| f.as_ref())
    }
}

/// Places named in a repair summary: the first [`MAX_PLACES`], and how many there were.
#[derive(Default)]
struct Places<T> {
    first: Vec<T>,
    count: usize,
}

impl<T> Places<T> {
    fn push(&mut self, place: T) {
        self.count += 1;
        if self.first.len() < MAX_PLACES {
            self.first.push(place);
        }
    }

    /// `, en nog 12 andere` when not every place is in [`Places::first`].
    fn rest(&self) -> String {
        let rest = self.count.saturating_sub(self.first.len());
        if rest == 0 {
            String::new()
        } else {
            format!(", en nog {rest} andere")
        }
    }
}

/// `(jaar, fase, post)` of a row → the line it is on.
type Seen<'r> = HashMap<(Jaar, Fase, &'r str), u64, FnvBuild>;

/// Records that end with LF or a lone CR instead of CRLF, found record by record.
#[derive(Default)]
struct LineEnds {
    /// Where the previous record started.
    previous: Option<usize>,
    /// Records with a bad line end.
    bad: usize,
    /// Byte offset of the first bad line end.
    first_bad: Option<usize>,
}

impl LineEnds {
    /// Notes that a record starts at `start` (or the text ends there): checks the line ends
    /// between the previous record's content and `start`.
    fn record(&mut self, bytes: &[u8], start: usize) {
        let Some(from) = self.previous.replace(start) else {
            return;
        };
        let Some(region) = bytes.get(from..start) else {
            return;
        };
        let content_len = region
            .iter()
            .rposition(|b| !matches!(b, b'\r' | b'\n'))
            .map_or(0, |p| p + 1);
        let run = region.get(content_len..).unwrap_or_default();
        let bad = run.iter().enumerate().position(|(j, &b)| match b {
            b'\n' => j == 0 || run.get(j - 1) != Some(&b'\r'),
            b'\r' => run.get(j + 1) != Some(&b'\n'),
            _ => false,
        });
        if let Some(j) = bad {
            self.bad += 1;
            self.first_bad.get_or_insert(from + content_len + j);
        }
    }
}

/// The file-level values parsed from the first row.
struct Meta {
    uitvraag: Option<Jaar>,
    cat: Option<&'static Catalogue>,
    organisation: Option<Organisation>,
    revisie: Option<u32>,
    moment: Option<DateTime<Utc>>,
    software: Option<String>,
}

struct Reader<'n> {
    name: &'n str,
    /// Structure and repair findings, at most [`MAX_FINDINGS_PER_CODE`] of a code.
    structure: FindingLimit,
    /// `(line, column)` of fields whose surrounding spaces were removed.
    whitespace: Places<(u64, u32)>,
    /// Lines of amounts with fewer than 2 decimals.
    padded: Places<u64>,
    /// The organisation code, once known.
    organisation: Option<String>,
    /// Lines of numbers with a decimal comma or thousands separators.
    localised: Vec<u64>,
    /// The first of them as written and as read.
    localised_example: Option<(String, String)>,
}

impl Reader<'_> {
    fn location(&self, line: Option<u64>, column: Option<u32>) -> Location {
        Location {
            file: Some(self.name.to_string()),
            line,
            column,
            organisation: self.organisation.clone(),
            ..Location::default()
        }
    }

    fn push(&mut self, code: FindingCode, line: Option<u64>, column: Option<u32>, message: String) {
        let location = self.location(line, column);
        self.structure.push(Finding::new(code, location, message));
    }

    /// Structure findings with the repair summaries, in file order.
    fn finish(mut self) -> Vec<Finding> {
        if let Some(&(line, column)) = self.whitespace.first.iter().min() {
            let mut per_column: BTreeMap<u32, Vec<u64>> = BTreeMap::new();
            for (l, c) in &self.whitespace.first {
                per_column.entry(*c).or_default().push(*l);
            }
            let places: Vec<String> = per_column
                .iter()
                .map(|(c, lines)| format!("{} op {}", column_name(*c), regels(lines)))
                .collect();
            let n = self.whitespace.count;
            let message = format!(
                "spaties rond {n} {} verwijderd ({}{}); controleer of de waarden zo kloppen",
                if n == 1 { "veld" } else { "velden" },
                places.join("; "),
                self.whitespace.rest()
            );
            self.push(
                FindingCode::RepairedWhitespace,
                Some(line),
                Some(column),
                message,
            );
        }
        if let Some(&line) = self.padded.first.iter().min() {
            let n = self.padded.count;
            let message = format!(
                "{n} {} met minder dan 2 decimalen aangevuld tot 2 decimalen (kolom waarde, {}{}); controleer of de bedragen kloppen",
                if n == 1 { "bedrag" } else { "bedragen" },
                regels(&self.padded.first),
                self.padded.rest()
            );
            self.push(
                FindingCode::RepairedDecimals,
                Some(line),
                Some(col::WAARDE),
                message,
            );
        }
        let mut findings = self.structure.into_vec();
        findings.sort_by_key(|f| (f.location.line.unwrap_or(0), f.location.column.unwrap_or(0)));
        findings
    }

    /// Reads the file; `None` when it is unusable. Returns the content findings separately.
    fn read(&mut self, bytes: &[u8]) -> Option<(BenchmarkFile, Vec<Finding>)> {
        let text = self.decode(bytes)?;
        let header_line = text.split(['\r', '\n']).next().unwrap_or_default();
        let semicolon = header_line.split(';').count() == HEADER.len()
            && header_line.split(',').count() != HEADER.len();
        // The records as the `csv` crate reads them (which never fails on text), one at a
        // time: nothing is kept of a record that is not a data row.
        let bytes = text.as_bytes();
        let mut records = RecordIter::new(&text, if semicolon { b';' } else { b',' });
        let mut fields = Vec::new();
        let mut line_ends = LineEnds::default();
        let Some(header) = records.next_into(&mut fields) else {
            self.push(
                FindingCode::Empty,
                None,
                None,
                "het bestand is leeg; verwacht een kopregel en regels met gegevens".to_string(),
            );
            return None;
        };
        line_ends.record(bytes, header.start);
        if let Err((column, message)) = self.check_header(header.line, &fields) {
            // The rest is not read as data, but its line ends are still reported.
            while let Some(span) = records.next_into(&mut fields) {
                line_ends.record(bytes, span.start);
            }
            self.report_line_ends(bytes, line_ends);
            self.push(FindingCode::WrongHeader, Some(header.line), column, message);
            return None;
        }
        let rows = self.rows(&mut records, &mut fields, &mut line_ends);
        self.report_line_ends(bytes, line_ends);
        let complete = !self
            .structure
            .iter()
            .any(|f| f.code == FindingCode::TooManyRows);
        let Some(first) = rows.first() else {
            self.push(
                FindingCode::Empty,
                None,
                None,
                "het bestand bevat alleen een kopregel en geen gegevens; exporteer het opnieuw"
                    .to_string(),
            );
            return None;
        };
        if first.get(col::FORMAAT) != FORMAT {
            let message = format!(
                "onbekend formaat '{}'; dit programma leest alleen {FORMAT}; maak het bestand opnieuw met een programma dat dit formaat schrijft",
                first.get(col::FORMAAT)
            );
            self.push(
                FindingCode::UnknownFormat,
                Some(first.line),
                Some(col::FORMAAT),
                message,
            );
            return None;
        }
        let meta = self.meta(first);
        let notation = self.notation(&rows, meta.cat, semicolon);
        let mut usable = self.check_constant(&rows);

        let mut records: Vec<((Jaar, Fase, usize), Record)> = Vec::with_capacity(rows.len());
        let mut lines_of = RecordLines::default();
        let mut seen = Seen::with_capacity_and_hasher(rows.len(), Default::default());
        let mut rejected: BTreeSet<RecordKey> = BTreeSet::new();
        for row in &rows {
            if let Some((key, record)) = self.row(row, &meta, &notation, &mut seen, &mut rejected) {
                lines_of.insert(key, row.line);
                records.push((key, record));
            }
        }
        self.report_localised(&notation);
        // A row with another `formaat` (F103) makes the file unusable.
        if self
            .structure
            .iter()
            .any(|f| f.code == FindingCode::UnknownFormat)
        {
            usable = false;
        }
        let Meta {
            uitvraag: Some(uitvraag),
            cat: Some(cat),
            organisation: Some(organisation),
            revisie: Some(revisie),
            moment: Some(moment),
            software: Some(software),
        } = meta
        else {
            return None;
        };
        if !usable || !complete {
            return None;
        }
        let mut data = Dataset::new(organisation.clone());
        for ((jaar, fase, position), record) in records {
            data.set_at(jaar, fase, cat, position, record);
        }
        lines_of.catalogue = Some(cat);
        let content = self.content(cat, &data, uitvraag, &lines_of, &rejected);
        let file = BenchmarkFile {
            meta: FileMeta {
                definities: cat.versie.clone(),
                uitvraag,
                organisation,
                revisie,
                aangemaakt_op: moment,
                software,
            },
            data,
            lines: lines_of,
        };
        Some((file, content))
    }
}

/// `str::trim`, with a fast path for the common field that starts and ends with an ASCII
/// character that is not whitespace (every Unicode space other than ASCII is non-ASCII).
fn trim(field: &str) -> &str {
    let plain = |b: &u8| b.is_ascii() && !b.is_ascii_whitespace() && *b != 0x0B;
    match (field.as_bytes().first(), field.as_bytes().last()) {
        (None, _) => field,
        (Some(first), Some(last)) if plain(first) && plain(last) => field,
        _ => field.trim(),
    }
}

/// `10.000`.
fn dutch_thousands(n: usize) -> String {
    raadsbudget_domain::value::format_dutch(rust_decimal::Decimal::from(n), 0)
}

/// A 1-based column number from a 0-based index.
fn column_number(index: usize) -> u32 {
    u32::try_from(index).map_or(u32::MAX, |i| i.saturating_add(1))
}

/// The header name of a 1-based column.
fn column_name(column: u32) -> &'static str {
    usize::try_from(column)
        .ok()
        .and_then(|c| c.checked_sub(1))
        .and_then(|i| HEADER.get(i))
        .copied()
        .unwrap_or("?")
}

/// Digits only (no sign, no spaces), as a number.
fn parse_digits<T: std::str::FromStr>(text: &str) -> Option<T> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// A plausible year (2000–2100).
fn parse_jaar(text: &str) -> Option<Jaar> {
    parse_digits::<Jaar>(text).filter(|j| jaar_is_plausible(*j))
}

/// `YYYY-MM-DDTHH:MM:SSZ`, exactly.
fn parse_moment(text: &str) -> Option<DateTime<Utc>> {
    let b = text.as_bytes();
    let shape_ok = b.len() == 20
        && b.iter().enumerate().all(|(i, &c)| match i {
            4 | 7 => c == b'-',
            10 => c == b'T',
            13 | 16 => c == b':',
            19 => c == b'Z',
            _ => c.is_ascii_digit(),
        });
    if !shape_ok {
        return None;
    }
    NaiveDateTime::parse_from_str(text, MOMENT_FORMAT)
        .ok()
        .map(|naive| naive.and_utc())
}
