//! The tolerant reader of the benchmark file.

use super::text::{decode, regels, unprotect, Lines, RecordIter};
use super::{col, BenchmarkFile, FileMeta, ReadOutcome, FORMAT, HEADER, MOMENT_FORMAT};
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

        let mut records: BTreeMap<RecordKey, Record> = BTreeMap::new();
        let mut lines_of: BTreeMap<RecordKey, u64> = BTreeMap::new();
        let mut seen = Seen::with_capacity_and_hasher(rows.len(), Default::default());
        let mut rejected: BTreeSet<RecordKey> = BTreeSet::new();
        for row in &rows {
            if let Some((key, record)) = self.row(row, &meta, &notation, &mut seen, &mut rejected) {
                lines_of.insert(key.clone(), row.line);
                records.insert(key, record);
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
        let data = Dataset {
            organisation: organisation.clone(),
            records,
        };
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

    /// Bytes to text: BOM removed, Windows-1252 converted. `None` when the bytes are not a
    /// text file.
    fn decode<'b>(&mut self, bytes: &'b [u8]) -> Option<Cow<'b, str>> {
        let decoded = match decode(bytes) {
            Ok(decoded) => decoded,
            Err(e) => {
                self.push(FindingCode::Unreadable, Some(e.line()), None, e.to_string());
                return None;
            }
        };
        if decoded.bom {
            self.push(
                FindingCode::RepairedBom,
                Some(1),
                Some(1),
                "het bestand begint met een byte-order mark (BOM); die is verwijderd".to_string(),
            );
        }
        if let Some(line) = decoded.windows_1252_from {
            self.push(
                FindingCode::RepairedEncoding,
                Some(line),
                None,
                "het bestand is geen UTF-8 (op deze regel staat het eerste teken dat geen UTF-8 is) en is als Windows-1252 gelezen; controleer namen en toelichtingen met accenten en sla het bestand voortaan op als CSV UTF-8".to_string(),
            );
        }
        Some(decoded.text)
    }

    /// W104 when records ended with LF (or a lone CR) instead of CRLF.
    fn report_line_ends(&mut self, bytes: &[u8], mut ends: LineEnds) {
        ends.record(bytes, bytes.len());
        if let Some(at) = ends.first_bad {
            let line = Lines::new(bytes).line_of(at);
            let count = ends.bad;
            self.push(
                FindingCode::RepairedLineEnds,
                Some(line),
                None,
                format!(
                    "{count} {} eindigen op LF (of CR) in plaats van CRLF, de eerste op regel {line}; het bestand is zo gelezen",
                    if count == 1 { "regel" } else { "regels" }
                ),
            );
        }
    }

    /// Trims a field, recording W106.
    fn trim<'t>(&mut self, line: u64, column: u32, field: &'t str) -> &'t str {
        let trimmed = trim(field);
        if trimmed.len() != field.len() {
            self.whitespace.push((line, column));
        }
        trimmed
    }

    /// Checks the header line; the column (if one is to blame) and the message of the F102 it
    /// gets otherwise.
    fn check_header(
        &mut self,
        line: u64,
        fields: &[Cow<'_, str>],
    ) -> Result<(), (Option<u32>, String)> {
        if fields.len() != HEADER.len() {
            let expected = HEADER.join(",");
            let message = format!(
                "de kopregel heeft {} kolommen, verwacht {}; de eerste regel moet precies zijn: {expected}",
                fields.len(),
                HEADER.len()
            );
            return Err((None, message));
        }
        let mut mismatch = None;
        for (i, (field, want)) in fields.iter().zip(HEADER).enumerate() {
            let column = column_number(i);
            let got = self.trim(line, column, field);
            if got != want && mismatch.is_none() {
                mismatch = Some((column, got.to_string(), want));
            }
        }
        if let Some((column, got, want)) = mismatch {
            let expected = HEADER.join(",");
            let message = format!(
                "kolom {column} van de kopregel heet '{got}', verwacht '{want}'; de eerste regel moet precies zijn: {expected}"
            );
            return Err((Some(column), message));
        }
        Ok(())
    }

    /// The data rows with 15 fields, trimmed; F104 for the others. Reads the records that
    /// follow the header.
    fn rows<'t>(
        &mut self,
        records: &mut RecordIter<'t>,
        fields: &mut Vec<Cow<'t, str>>,
        line_ends: &mut LineEnds,
    ) -> Vec<Row<'t>> {
        let mut rows = Vec::new();
        let mut beyond = 0usize;
        let bytes = records.text().as_bytes();
        while let Some(record) = records.next_into(fields) {
            line_ends.record(bytes, record.start);
            if fields.iter().all(|f| trim(f).is_empty()) {
                continue;
            }
            if rows.len() >= MAX_ROWS && fields.len() == HEADER.len() {
                if beyond == 0 {
                    self.push(
                        FindingCode::TooManyRows,
                        Some(record.line),
                        None,
                        format!(
                            "het bestand heeft meer dan {} regels met gegevens; een benchmarkbestand heeft er één per post en blok (hooguit enkele honderden). Vanaf deze regel is het niet meer gelezen; controleer of dit het juiste bestand is",
                            dutch_thousands(MAX_ROWS)
                        ),
                    );
                }
                beyond += 1;
                continue;
            }
            if fields.len() != HEADER.len() {
                let n = fields.len();
                let column = u32::try_from(n.min(HEADER.len()) + 1).unwrap_or(u32::MAX);
                self.push(
                    FindingCode::FieldCount,
                    Some(record.line),
                    Some(column),
                    format!(
                        "deze regel heeft {n} {} in plaats van {}; controleer de scheidingstekens en aanhalingstekens in deze regel",
                        if n == 1 { "kolom" } else { "kolommen" },
                        HEADER.len()
                    ),
                );
                continue;
            };
            let mut trimmed: [Cow<'t, str>; 15] = Default::default();
            for (i, (slot, field)) in trimmed.iter_mut().zip(fields.drain(..)).enumerate() {
                let column = column_number(i);
                *slot = if column == col::TOELICHTING {
                    field
                } else {
                    self.trim_cow(record.line, column, field)
                };
            }
            rows.push(Row {
                line: record.line,
                fields: trimmed,
            });
        }
        rows
    }

    /// [`Reader::trim`] of a field that may be owned.
    fn trim_cow<'t>(&mut self, line: u64, column: u32, field: Cow<'t, str>) -> Cow<'t, str> {
        match field {
            Cow::Borrowed(f) => Cow::Borrowed(self.trim(line, column, f)),
            Cow::Owned(f) => {
                let trimmed = self.trim(line, column, &f);
                if trimmed.len() == f.len() {
                    Cow::Owned(f)
                } else {
                    Cow::Owned(trimmed.to_string())
                }
            }
        }
    }

    /// The notation of the file's numbers, decided from the `waarde` of every row; W103 for a
    /// `;` delimiter, naming the decimal sign.
    fn notation(&mut self, rows: &[Row<'_>], cat: Option<&Catalogue>, semicolon: bool) -> Notation {
        let mut evidence = NotationEvidence::default();
        for row in rows {
            evidence.add(row.line, row.get(col::WAARDE), || {
                cat.and_then(|c| c.post(row.get(col::POST)))
                    .map(|p| p.eenheid)
            });
        }
        let notation = evidence.decide();
        if semicolon {
            let sign = notation
                .sign
                .map(|sign| format!(", met de {} als decimaalteken", sign.word()))
                .unwrap_or_default();
            self.push(
                FindingCode::RepairedDelimiter,
                Some(1),
                None,
                format!("het bestand gebruikt ; als scheidingsteken (zoals een spreadsheet opslaat){sign}; het is zo gelezen"),
            );
        }
        notation
    }

    /// W107 for the numbers with a decimal comma or thousands separators: one finding per
    /// file, at the first, listing the lines.
    fn report_localised(&mut self, notation: &Notation) {
        let (Some(&line), Some((written, read))) =
            (self.localised.first(), self.localised_example.take())
        else {
            return;
        };
        let how = match notation.sign {
            Some(sign) => format!(
                "met de {} als decimaalteken en de {} als scheidingsteken voor duizendtallen",
                sign.word(),
                sign.other().word()
            ),
            None => "met een decimale komma of scheidingstekens voor duizendtallen".to_string(),
        };
        let n = self.localised.len();
        let message = format!(
            "{n} {} gelezen {how} (kolom waarde, {}), bijvoorbeeld '{written}' als {read}; controleer of de bedragen kloppen",
            if n == 1 { "getal" } else { "getallen" },
            regels(&self.localised)
        );
        self.push(
            FindingCode::RepairedNotation,
            Some(line),
            Some(col::WAARDE),
            message,
        );
    }

    /// The catalogue of a `definities` version a spreadsheet saved as a number with a decimal
    /// comma (`2026,1` for `2026.1`), with W107.
    fn version_with_comma(
        &mut self,
        line: Option<u64>,
        versie: &str,
    ) -> Option<&'static Catalogue> {
        let (major, minor) = versie.split_once(',')?;
        let cat = Catalogue::get(&format!("{major}.{minor}"))?;
        self.push(
            FindingCode::RepairedNotation,
            line,
            Some(col::DEFINITIES),
            format!(
                "definities '{versie}' is gelezen als versie {}: een spreadsheet heeft het versienummer als getal met een decimale komma opgeslagen",
                cat.versie
            ),
        );
        Some(cat)
    }

    /// Parses the file-level columns of the first row.
    fn meta(&mut self, first: &Row<'_>) -> Meta {
        let line = Some(first.line);
        let type_text = first.get(col::ORGANISATIE_TYPE);
        let given = match type_text.parse::<OrgType>() {
            Ok(given) => Some(given),
            Err(e) => {
                self.push(
                    FindingCode::InvalidField,
                    line,
                    Some(col::ORGANISATIE_TYPE),
                    e.to_string(),
                );
                None
            }
        };
        let code_text = first.get(col::ORGANISATIE_CODE);
        let naam = unprotect(first.get(col::ORGANISATIE_NAAM));
        let organisation = match Organisation::new(code_text, naam) {
            Ok(org) => {
                self.organisation = Some(org.code.to_string());
                Some(org)
            }
            Err(OrganisationError::EmptyName) => {
                self.organisation = Some(code_text.to_string());
                self.push(
                    FindingCode::InvalidField,
                    line,
                    Some(col::ORGANISATIE_NAAM),
                    "organisatie_naam is leeg; vul de naam van de organisatie in".to_string(),
                );
                None
            }
            Err(e) => {
                self.push(
                    FindingCode::InvalidOrgCode,
                    line,
                    Some(col::ORGANISATIE_CODE),
                    e.to_string(),
                );
                None
            }
        };
        let organisation = match (organisation, given) {
            (Some(org), Some(given)) => {
                let location = self.location(line, Some(col::ORGANISATIE_TYPE));
                match org_type_finding(&Dataset::new(org.clone()), given, location) {
                    Some(finding) => {
                        self.structure.push(finding);
                        None
                    }
                    None => Some(org),
                }
            }
            _ => None,
        };

        let versie = first.get(col::DEFINITIES);
        let cat = Catalogue::get(versie).or_else(|| self.version_with_comma(line, versie));
        if cat.is_none() {
            self.push(
                FindingCode::UnknownVersion,
                line,
                Some(col::DEFINITIES),
                format!(
                    "definities '{versie}' is geen versie die dit programma kent (bekend: {}); gebruik een nieuwere versie van het programma",
                    Catalogue::versions().join(", ")
                ),
            );
        }
        let uitvraag_text = first.get(col::UITVRAAGJAAR);
        let uitvraag = parse_jaar(uitvraag_text);
        if uitvraag.is_none() {
            self.push(
                FindingCode::InvalidField,
                line,
                Some(col::UITVRAAGJAAR),
                format!(
                    "uitvraagjaar '{uitvraag_text}' is geen jaartal tussen {JAAR_MIN} en {JAAR_MAX}"
                ),
            );
        }
        let revisie_text = first.get(col::REVISIE);
        let revisie = parse_digits::<u32>(revisie_text).filter(|r| *r >= 1);
        if revisie.is_none() {
            self.push(
                FindingCode::InvalidField,
                line,
                Some(col::REVISIE),
                format!(
                    "revisie '{revisie_text}' is geen positief geheel getal; de eerste export heeft revisie 1, elke verbeterde export 1 meer"
                ),
            );
        }
        let moment_text = first.get(col::AANGEMAAKT_OP);
        let moment = parse_moment(moment_text);
        if moment.is_none() {
            self.push(
                FindingCode::InvalidField,
                line,
                Some(col::AANGEMAAKT_OP),
                format!(
                    "aangemaakt_op '{moment_text}' is geen tijdstip in UTC met seconden zoals 2026-03-01T09:30:00Z"
                ),
            );
        }
        if first.get(col::SOFTWARE).is_empty() {
            self.push(
                FindingCode::InvalidField,
                line,
                Some(col::SOFTWARE),
                "software is leeg; hier hoort de naam en versie van het programma dat het bestand maakte".to_string(),
            );
        }
        let software = Some(first.get(col::SOFTWARE).to_string()).filter(|s| !s.is_empty());
        Meta {
            uitvraag,
            cat,
            organisation,
            revisie,
            moment,
            software,
        }
    }

    /// F105 for every constant column whose value is not the same on every row: once per
    /// column, on the first row that differs from the value most rows have (so a single odd
    /// row is named, even when it is the first). Returns whether all were the same.
    fn check_constant(&mut self, rows: &[Row<'_>]) -> bool {
        let mut same = true;
        for index in CONSTANT_COLUMNS {
            let column = column_number(index);
            // Fast path: the same value on every row.
            if let Some((first, rest)) = rows.split_first() {
                let value = first.get(column);
                if rest.iter().all(|r| r.get(column) == value) {
                    continue;
                }
            }
            // The most common value; on a tie the one that comes first.
            let mut counts: HashMap<&str, (usize, u64)> = HashMap::new();
            for row in rows {
                counts.entry(row.get(column)).or_insert((0, row.line)).0 += 1;
            }
            let Some((want, (want_count, want_line))) = counts
                .iter()
                .map(|(v, (n, line))| (*v, (*n, *line)))
                .max_by(|a, b| a.1 .0.cmp(&b.1 .0).then(b.1 .1.cmp(&a.1 .1)))
            else {
                continue;
            };
            let Some(row) = rows.iter().find(|r| r.get(column) != want) else {
                continue;
            };
            same = false;
            let n = rows.len() - want_count;
            let message = format!(
                "{} is '{}', maar op regel {want_line} staat '{want}' ({n} {} af); een bestand bevat de gegevens van één organisatie, één uitvraag en één export — stuur elk in een eigen bestand",
                column_name(column),
                row.get(column),
                if n == 1 { "regel wijkt" } else { "regels wijken" }
            );
            self.push(FindingCode::Mixed, Some(row.line), Some(column), message);
        }
        same
    }

    /// Checks one data row; the record when it can be read.
    fn row<'r>(
        &mut self,
        row: &'r Row<'_>,
        meta: &Meta,
        notation: &Notation,
        seen: &mut Seen<'r>,
        rejected: &mut BTreeSet<RecordKey>,
    ) -> Option<(RecordKey, Record)> {
        let line = Some(row.line);
        let formaat = row.get(col::FORMAAT);
        if formaat != FORMAT {
            let message =
                format!("formaat '{formaat}' wijkt af; elke regel moet formaat {FORMAT} hebben");
            self.push(
                FindingCode::UnknownFormat,
                line,
                Some(col::FORMAAT),
                message,
            );
            return None;
        }
        let jaar_text = row.get(col::JAAR);
        let Some(jaar) = parse_jaar(jaar_text) else {
            self.push(
                FindingCode::InvalidField,
                line,
                Some(col::JAAR),
                format!("jaar '{jaar_text}' is geen jaartal tussen {JAAR_MIN} en {JAAR_MAX}"),
            );
            return None;
        };
        let fase = match row.get(col::FASE).parse::<Fase>() {
            Ok(fase) => fase,
            Err(e) => {
                self.push(
                    FindingCode::InvalidField,
                    line,
                    Some(col::FASE),
                    e.to_string(),
                );
                return None;
            }
        };
        let post_code = row.get(col::POST);
        let at = |reader: &Self, column: u32| Location {
            jaar: Some(jaar),
            fase: Some(fase),
            post: Some(post_code.to_string()),
            ..reader.location(line, Some(column))
        };
        if let Some(u) = meta.uitvraag {
            let blocks = uitvraag_blocks(u);
            if !blocks.contains(&(jaar, fase)) {
                let prev = u.saturating_sub(1);
                let (column, what) = if jaar == u || jaar == prev {
                    (col::FASE, format!("{fase} {jaar}"))
                } else {
                    (col::JAAR, format!("jaar {jaar}"))
                };
                let message = format!(
                    "{what} hoort niet bij uitvraag {u}; een bestand voor uitvraag {u} bevat alleen kenmerk en realisatie {prev} en kenmerk en begroting {u}"
                );
                self.structure.push(Finding::new(
                    FindingCode::WrongYear,
                    at(self, column),
                    message,
                ));
                return None;
            }
        }
        let post = match meta.cat {
            Some(cat) => match cat.post(post_code) {
                Some(post) => Some(post),
                None => {
                    let message = format!(
                        "'{post_code}' is geen post van de definities {}; controleer de code (hoofdletters, punt)",
                        cat.versie
                    );
                    self.structure.push(Finding::new(
                        FindingCode::UnknownPost,
                        at(self, col::POST),
                        message,
                    ));
                    return None;
                }
            },
            None => None,
        };
        if let Some(post) = post {
            // Only the fase can be wrong for a reason.
            if !post.has_fase(fase) {
                if let Some(f) =
                    check_entry(post, fase, &Entry::Reason(Reason::Nvt), at(self, col::POST))
                {
                    self.structure.push(f);
                    return None;
                }
            }
        }
        if let Some(first_line) = seen.get(&(jaar, fase, post_code)) {
            let message = format!(
                "{post_code} staat voor {fase} {jaar} ook op regel {first_line}; elke post komt per jaar en fase één keer voor — verwijder een van beide regels"
            );
            self.structure.push(Finding::new(
                FindingCode::Duplicate,
                at(self, col::POST),
                message,
            ));
            return None;
        }
        seen.insert((jaar, fase, post_code), row.line);
        let key: RecordKey = (jaar, fase, post_code.to_string());

        let waarde = row.get(col::WAARDE);
        let reden = row.get(col::REDEN);
        let entry = if !reden.is_empty() {
            match reden.parse::<Reason>() {
                Err(e) => {
                    self.structure.push(Finding::new(
                        FindingCode::UnknownReason,
                        at(self, col::REDEN),
                        e.to_string(),
                    ));
                    None
                }
                Ok(_) if !waarde.is_empty() => {
                    let message = format!(
                        "waarde '{waarde}' en reden '{reden}' zijn allebei ingevuld; laat de reden leeg als er een waarde is, of maak de waarde leeg"
                    );
                    self.structure.push(Finding::new(
                        FindingCode::ValueAndReason,
                        at(self, col::REDEN),
                        message,
                    ));
                    None
                }
                Ok(reason) => Some(Entry::Reason(reason)),
            }
        } else if waarde.is_empty() {
            self.structure.push(Finding::new(
                FindingCode::ValueAndReason,
                at(self, col::WAARDE),
                "waarde en reden zijn allebei leeg; vul een waarde in, of reden nvt (niet van toepassing) of onbekend".to_string(),
            ));
            None
        } else if let Some(post) = post {
            // Only a code post has a code list (and only then is it needed).
            let codes = if post.eenheid == Unit::Code {
                post.code_list()
            } else {
                Vec::new()
            };
            match notation.parse(post.eenheid, waarde, &codes) {
                Ok(parsed) => {
                    if parsed.padded {
                        self.padded.push(row.line);
                    }
                    if parsed.localised {
                        self.localised.push(row.line);
                        if self.localised_example.is_none() {
                            self.localised_example =
                                Some((waarde.to_string(), parsed.value.to_canonical()));
                        }
                    }
                    Some(Entry::Value(parsed.value))
                }
                Err(e) => {
                    self.structure
                        .push(value_error_finding(post, &e, at(self, col::WAARDE)));
                    None
                }
            }
        } else {
            // Unknown catalogue version (F107 reported): the value cannot be checked.
            None
        };
        let Some(entry) = entry else {
            rejected.insert(key);
            return None;
        };
        let definities = meta.cat.map(|c| c.versie.clone())?;
        Some((
            key,
            Record {
                entry,
                toelichting: unprotect(row.get(col::TOELICHTING)).to_string(),
                definities,
            },
        ))
    }

    /// The domain's content findings, located in the file. A block without any row gets an
    /// F001 per required post (the file must carry every required post, `onbekend` when the
    /// block was not filled); posts whose row had an error get no second finding.
    fn content(
        &self,
        cat: &Catalogue,
        data: &Dataset,
        uitvraag: Jaar,
        lines: &BTreeMap<RecordKey, u64>,
        rejected: &BTreeSet<RecordKey>,
    ) -> Vec<Finding> {
        let mut out = Vec::new();
        for mut finding in validate_uitvraag(cat, data, uitvraag) {
            finding.location.file = Some(self.name.to_string());
            let key = match (
                &finding.location.post,
                finding.location.jaar,
                finding.location.fase,
            ) {
                (Some(post), Some(jaar), Some(fase)) => Some((jaar, fase, post.clone())),
                _ => None,
            };
            match finding.code {
                FindingCode::EmptyBlock => {
                    let (Some(jaar), Some(fase)) = (finding.location.jaar, finding.location.fase)
                    else {
                        continue;
                    };
                    for post in cat.posts_in(fase) {
                        let key = (jaar, fase, post.code.clone());
                        if is_required(post, data, jaar) && !rejected.contains(&key) {
                            out.push(Finding::new(
                                FindingCode::MissingRequired,
                                Location {
                                    post: Some(post.code.clone()),
                                    ..finding.location.clone()
                                },
                                format!(
                                    "verplichte post {} ({}) ontbreekt voor {fase} {jaar}; het bestand heeft voor {fase} {jaar} geen enkele regel, maar ook een niet-ingevuld blok moet elke verplichte post bevatten (met reden onbekend)",
                                    post.code, post.label
                                ),
                            ));
                        }
                    }
                }
                FindingCode::MissingRequired => {
                    if key.as_ref().is_some_and(|k| rejected.contains(k)) {
                        continue;
                    }
                    out.push(finding);
                }
                _ => {
                    if let Some(line) = key.as_ref().and_then(|k| lines.get(k)) {
                        finding.location.line = Some(*line);
                        finding.location.column = Some(col::WAARDE);
                    }
                    out.push(finding);
                }
            }
        }
        out
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
