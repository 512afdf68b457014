//! Text-level helpers of the benchmark file: quoting, spreadsheet safety, physical lines.

use raadsbudget_domain::value::FORMULA_START;
use std::borrow::Cow;

/// Whether a text cell needs the apostrophe of spreadsheet safety.
pub(crate) fn needs_apostrophe(text: &str) -> bool {
    text.starts_with(FORMULA_START)
}

/// The cell text of a free-text column: a leading `'` when the text starts with a formula
/// character.
pub(crate) fn protect(text: &str) -> String {
    if needs_apostrophe(text) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// The text of a free-text cell: one leading `'` removed when a formula character follows.
pub(crate) fn unprotect(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if needs_apostrophe(rest) => rest,
        _ => cell,
    }
}

/// Appends a field, quoted per RFC 4180 only when it contains a comma, a double quote, CR or
/// LF (quotes doubled).
pub(crate) fn push_field(out: &mut String, field: &str) {
    // A byte scan: these four are ASCII, so they never occur inside a multi-byte character.
    if field
        .bytes()
        .any(|b| matches!(b, b',' | b'"' | b'\r' | b'\n'))
    {
        out.push('"');
        out.push_str(&field.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(field);
    }
}

/// Appends a row: fields separated by `,`, terminated by CRLF.
pub(crate) fn push_row<'a>(out: &mut String, fields: impl IntoIterator<Item = &'a str>) {
    for (i, field) in fields.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_field(out, field);
    }
    out.push_str("\r\n");
}

/// Where the physical lines of a text start. A line ends at CRLF, LF or a lone CR.
#[derive(Debug)]
pub(crate) struct Lines {
    starts: Vec<usize>,
}

impl Lines {
    /// The line starts of `bytes`.
    pub(crate) fn new(bytes: &[u8]) -> Lines {
        let mut starts = vec![0];
        let mut iter = bytes.iter().enumerate().peekable();
        while let Some((i, &b)) = iter.next() {
            match b {
                b'\n' => starts.push(i + 1),
                b'\r' => {
                    if let Some((j, b'\n')) = iter.peek().map(|(j, b)| (*j, **b)) {
                        iter.next();
                        starts.push(j + 1);
                    } else {
                        starts.push(i + 1);
                    }
                }
                _ => {}
            }
        }
        Lines { starts }
    }

    /// The 1-based line of a byte offset.
    pub(crate) fn line_of(&self, byte: usize) -> u64 {
        let n = self.starts.partition_point(|&s| s <= byte);
        u64::try_from(n.max(1)).unwrap_or(u64::MAX)
    }
}

/// UTF-8 byte-order mark.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Why bytes cannot be read as a text file. The messages are Dutch and say what to do.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub(crate) enum Undecodable {
    /// Saved as UTF-16.
    #[error("het bestand is opgeslagen als UTF-16 (Unicode-tekst); sla het op als CSV UTF-8 (door komma's gescheiden)")]
    Utf16,
    /// A zip file, such as an `.xlsx` workbook.
    #[error("dit is een werkmap (bijvoorbeeld .xlsx) of zip-bestand, geen CSV; sla het op als CSV UTF-8 (door komma's gescheiden)")]
    Zip,
    /// NUL bytes: not a text file.
    #[error("het bestand bevat NUL-tekens en is dus geen tekstbestand; sla het op als CSV UTF-8 (door komma's gescheiden)")]
    Nul {
        /// The line of the first NUL byte.
        line: u64,
    },
}

impl Undecodable {
    /// The 1-based line the problem is on.
    pub(crate) fn line(&self) -> u64 {
        match self {
            Undecodable::Utf16 | Undecodable::Zip => 1,
            Undecodable::Nul { line } => *line,
        }
    }
}

/// Text decoded from the bytes of a CSV file, with what had to be repaired.
#[derive(Debug)]
pub(crate) struct Decoded<'b> {
    /// The text, without BOM.
    pub(crate) text: Cow<'b, str>,
    /// A UTF-8 byte-order mark was removed.
    pub(crate) bom: bool,
    /// The text was not UTF-8 and was read as Windows-1252; the line of the first byte that
    /// is not UTF-8.
    pub(crate) windows_1252_from: Option<u64>,
}

/// Bytes to text: a UTF-8 BOM removed, Windows-1252 converted when the bytes are not UTF-8.
/// Refuses UTF-16, zip files (workbooks) and bytes with NUL characters.
pub(crate) fn decode(bytes: &[u8]) -> Result<Decoded<'_>, Undecodable> {
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err(Undecodable::Utf16);
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return Err(Undecodable::Zip);
    }
    let (rest, bom) = match bytes.strip_prefix(BOM) {
        Some(rest) => (rest, true),
        None => (bytes, false),
    };
    if rest.contains(&0) {
        let at = rest.iter().position(|&b| b == 0).unwrap_or_default();
        let line = Lines::new(rest).line_of(at);
        return Err(Undecodable::Nul { line });
    }
    Ok(match std::str::from_utf8(rest) {
        Ok(text) => Decoded {
            text: Cow::Borrowed(text),
            bom,
            windows_1252_from: None,
        },
        Err(e) => {
            let line = Lines::new(rest).line_of(e.valid_up_to());
            let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(rest);
            Decoded {
                text: Cow::Owned(text.into_owned()),
                bom,
                windows_1252_from: Some(line),
            }
        }
    })
}

/// One CSV record: where it starts and its fields.
#[derive(Debug)]
pub(crate) struct RawRecord {
    /// 1-based physical line where the record starts.
    pub(crate) line: u64,
    /// The fields, as read (not trimmed).
    pub(crate) fields: Vec<String>,
}

/// The records of a CSV text (no header handling, rows may differ in length). Empty lines
/// are skipped by the CSV reader.
pub(crate) fn csv_records(
    text: &str,
    lines: &Lines,
    delimiter: u8,
) -> Result<Vec<RawRecord>, csv::Error> {
    let bytes = text.as_bytes();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(bytes);
    let mut records = Vec::new();
    for result in reader.records() {
        let record = result?;
        let pos = record
            .position()
            .and_then(|p| usize::try_from(p.byte()).ok())
            .unwrap_or(0);
        // The csv position is where the reader stood: skip the empty lines it skipped to
        // find the physical line where the record starts.
        let start = bytes
            .get(pos..)
            .and_then(|rest| rest.iter().position(|b| !matches!(b, b'\r' | b'\n')))
            .map_or(pos, |skip| pos.saturating_add(skip));
        records.push(RawRecord {
            line: lines.line_of(start),
            fields: record.iter().map(str::to_string).collect(),
        });
    }
    Ok(records)
}

/// The records of a CSV text as borrowed fields, one at a time: the benchmark reader's fast
/// path. Nothing is kept per record, so memory does not grow with the number of lines.
///
/// Reads exactly what [`csv_records`] reads (the `csv` crate with `has_headers(false)`,
/// `flexible(true)`, RFC 4180 quoting with doubled quotes, CR, LF and CRLF as record
/// terminators, empty lines skipped, a UTF-8 BOM at the very start skipped), but without an
/// allocation per field: a field is a slice of the text unless it contains a doubled quote or
/// continues after its closing quote.
#[derive(Debug)]
pub(crate) struct RecordIter<'t> {
    text: &'t str,
    delimiter: u8,
    /// Where the next record (or the empty lines before it) starts.
    i: usize,
    /// The physical line at `i`.
    line: u64,
    first_record: bool,
    bom: bool,
}

/// Where one record of [`RecordIter`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RecordSpan {
    /// 1-based physical line where the record starts.
    pub(crate) line: u64,
    /// Byte offset where the record starts.
    pub(crate) start: usize,
}

impl<'t> RecordIter<'t> {
    /// Records of `text`, fields separated by `delimiter`.
    pub(crate) fn new(text: &'t str, delimiter: u8) -> RecordIter<'t> {
        // The csv reader skips a UTF-8 BOM at the very start of its input (the position of the
        // first record is then still 0).
        let bom = text.as_bytes().starts_with(BOM);
        RecordIter {
            text,
            delimiter,
            i: if bom { BOM.len() } else { 0 },
            line: 1,
            first_record: true,
            bom,
        }
    }

    /// The text being read.
    pub(crate) fn text(&self) -> &'t str {
        self.text
    }

    /// Reads the next record into `fields` (cleared first, as read, not trimmed); `None` at
    /// the end of the text.
    pub(crate) fn next_into(&mut self, fields: &mut Vec<Cow<'t, str>>) -> Option<RecordSpan> {
        fields.clear();
        let text = self.text;
        let bytes = text.as_bytes();
        let delimiter = self.delimiter;
        let mut i = self.i;
        let mut line = self.line;
        // Between records: skip line ends (empty lines).
        while let Some(&b) = bytes.get(i) {
            if b != b'\r' && b != b'\n' {
                break;
            }
            if ends_line(bytes, i) {
                line += 1;
            }
            i += 1;
        }
        if i >= bytes.len() {
            self.i = i;
            self.line = line;
            return None;
        }
        let span = if self.first_record && self.bom {
            RecordSpan { line: 1, start: 0 }
        } else {
            RecordSpan { line, start: i }
        };
        self.first_record = false;
        // One field per iteration; `i` is at the start of the field.
        loop {
            let mut owned: Option<String> = None;
            let mut piece_start = i;
            if bytes.get(i) == Some(&b'"') {
                // A quoted field: up to the closing quote, `""` is one quote.
                i += 1;
                piece_start = i;
                let mut closed = false;
                while let Some(&b) = bytes.get(i) {
                    match b {
                        b'"' if bytes.get(i + 1) == Some(&b'"') => {
                            owned.get_or_insert_with(String::new).push_str(slice(
                                text,
                                piece_start,
                                i + 1,
                            ));
                            i += 2;
                            piece_start = i;
                        }
                        b'"' => {
                            closed = true;
                            break;
                        }
                        _ => {
                            if ends_line(bytes, i) {
                                line += 1;
                            }
                            i += 1;
                        }
                    }
                }
                let piece = slice(text, piece_start, i);
                if !closed {
                    // End of the text inside quotes: the field and the record end here.
                    fields.push(join(owned, piece));
                    break;
                }
                i += 1;
                match bytes.get(i) {
                    None => {
                        fields.push(join(owned, piece));
                        break;
                    }
                    Some(&b) if b == delimiter => {
                        fields.push(join(owned, piece));
                        i += 1;
                        continue;
                    }
                    Some(b'\r' | b'\n') => {
                        fields.push(join(owned, piece));
                        if ends_line(bytes, i) {
                            line += 1;
                        }
                        i += 1;
                        break;
                    }
                    Some(_) => {
                        // Text after the closing quote is part of the field, read unquoted.
                        owned.get_or_insert_with(String::new).push_str(piece);
                        piece_start = i;
                    }
                }
            }
            // Unquoted (the rest of) a field: up to the delimiter, a line end or the end.
            i += field_len(bytes.get(i..).unwrap_or_default(), delimiter);
            fields.push(join(owned, slice(text, piece_start, i)));
            match bytes.get(i) {
                None => break,
                // After a delimiter at the very end comes one more, empty field.
                Some(&b) if b == delimiter => i += 1,
                Some(_) => {
                    if ends_line(bytes, i) {
                        line += 1;
                    }
                    i += 1;
                    break;
                }
            }
        }
        self.i = i;
        self.line = line;
        Some(span)
    }
}

/// `text[from..to]`, or `""` when that is not a slice of the text (never the case for the
/// offsets of ASCII bytes the parser computes).
fn slice(text: &str, from: usize, to: usize) -> &str {
    text.get(from..to).unwrap_or_default()
}

/// Whether the byte at `i` ends a physical line (the rule of [`Lines`]: LF, or a CR that is
/// not followed by LF).
fn ends_line(bytes: &[u8], i: usize) -> bool {
    match bytes.get(i) {
        Some(b'\n') => true,
        Some(b'\r') => bytes.get(i + 1) != Some(&b'\n'),
        _ => false,
    }
}

/// The length of an unquoted field at the start of `rest`: up to the first delimiter, CR or
/// LF (all of `rest` when there is none). Looks at 8 bytes at a time.
fn field_len(rest: &[u8], delimiter: u8) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // The high bit of each byte that is zero; only bytes above a zero byte can be flagged
    // wrongly, so the lowest flagged byte is always a real one.
    let zero_bytes = |x: u64| x.wrapping_sub(ONES) & !x & HIGH;
    let delimiters = ONES.wrapping_mul(u64::from(delimiter));
    let crs = ONES.wrapping_mul(u64::from(b'\r'));
    let lfs = ONES.wrapping_mul(u64::from(b'\n'));
    let mut chunks = rest.chunks_exact(8);
    let mut offset = 0;
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let word = u64::from_le_bytes(word);
        let found = zero_bytes(word ^ delimiters) | zero_bytes(word ^ crs) | zero_bytes(word ^ lfs);
        if found != 0 {
            return offset + (found.trailing_zeros() / 8) as usize;
        }
        offset += 8;
    }
    chunks
        .remainder()
        .iter()
        .position(|&b| b == delimiter || b == b'\r' || b == b'\n')
        .map_or(rest.len(), |j| offset + j)
}

/// A field from what was already unescaped (if anything) and the last piece.
fn join<'t>(owned: Option<String>, piece: &'t str) -> Cow<'t, str> {
    match owned {
        Some(mut s) => {
            s.push_str(piece);
            Cow::Owned(s)
        }
        None => Cow::Borrowed(piece),
    }
}

/// `3–5, 9, 12–13`: sorted line numbers as ranges.
pub(crate) fn ranges(lines: &[u64]) -> String {
    let mut sorted = lines.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    let mut parts: Vec<String> = Vec::new();
    let mut iter = sorted.into_iter();
    let Some(mut start) = iter.next() else {
        return String::new();
    };
    let mut end = start;
    let flush = |start: u64, end: u64, parts: &mut Vec<String>| {
        if start == end {
            parts.push(start.to_string());
        } else {
            parts.push(format!("{start}–{end}"));
        }
    };
    for n in iter {
        if Some(n) == end.checked_add(1) {
            end = n;
        } else {
            flush(start, end, &mut parts);
            start = n;
            end = n;
        }
    }
    flush(start, end, &mut parts);
    parts.join(", ")
}

/// `regel 3` or `regels 3–5, 9`.
pub(crate) fn regels(lines: &[u64]) -> String {
    let text = ranges(lines);
    if text.contains([',', '–']) {
        format!("regels {text}")
    } else {
        format!("regel {text}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_only_when_needed() {
        let mut out = String::new();
        push_row(
            &mut out,
            ["a", "b,c", "say \"hi\"", "x\ny", "cr\r", "", "#x", " sp "],
        );
        assert_eq!(
            out,
            "a,\"b,c\",\"say \"\"hi\"\"\",\"x\ny\",\"cr\r\",,#x, sp \r\n"
        );
    }

    #[test]
    fn spreadsheet_safety() {
        for t in ["=1+1", "+31", "-5", "@x", "\tx", "\rx"] {
            assert_eq!(protect(t), format!("'{t}"));
            assert_eq!(unprotect(&protect(t)), t);
        }
        assert_eq!(protect("a=1"), "a=1");
        assert_eq!(unprotect("'hallo"), "'hallo");
        assert_eq!(unprotect("''=x"), "''=x");
    }

    #[test]
    fn physical_lines() {
        let lines = Lines::new(b"a\r\nb\nc\rd\r\n");
        assert_eq!(lines.line_of(0), 1);
        assert_eq!(lines.line_of(3), 2);
        assert_eq!(lines.line_of(5), 3);
        assert_eq!(lines.line_of(7), 4);
        assert_eq!(lines.line_of(100), 5);
    }

    /// What [`RecordIter`] gives, in the shape of [`csv_records`].
    fn fast(text: &str, delimiter: u8) -> Vec<(u64, Vec<String>)> {
        let mut iter = RecordIter::new(text, delimiter);
        let mut fields = Vec::new();
        let mut out = Vec::new();
        while let Some(span) = iter.next_into(&mut fields) {
            out.push((span.line, fields.iter().map(|f| f.to_string()).collect()));
        }
        out
    }

    /// What the `csv` crate gives.
    fn reference(text: &str, delimiter: u8) -> Vec<(u64, Vec<String>)> {
        let lines = Lines::new(text.as_bytes());
        csv_records(text, &lines, delimiter)
            .unwrap()
            .into_iter()
            .map(|r| (r.line, r.fields))
            .collect()
    }

    #[test]
    fn fast_parser_reads_what_the_csv_crate_reads() {
        for text in [
            "",
            "a",
            "a,",
            ",",
            "\r\n\r\n",
            "a,b\r\nc,d\r\n",
            "a,b\nc\rd\r\n\r\ne,,f,",
            "\"a,b\",\"say \"\"hi\"\"\",\"x\r\ny\"\r\nz",
            "\"ab\"c,d\"e\"f,\"\"\r\n\"unterminated,\r\n",
            "\"a\"\r\n\"b\"",
            "\"a\",\"b\",",
            "\u{feff}a,b\r\n",
            "\u{feff}\r\n\r\na,b",
            "\u{feff}",
            "x\u{feff},y",
            "één,twee;drie\r\nvier",
        ] {
            for delimiter in [b',', b';'] {
                assert_eq!(
                    fast(text, delimiter),
                    reference(text, delimiter),
                    "{text:?} {}",
                    delimiter as char
                );
            }
        }
    }

    #[test]
    fn field_length() {
        assert_eq!(field_len(b"", b','), 0);
        assert_eq!(field_len(b"abc", b','), 3);
        assert_eq!(field_len(b"abcdefghijklmnop,q", b','), 16);
        assert_eq!(field_len(b"abcdefgh\r\n", b';'), 8);
        assert_eq!(field_len(b"abcdefg\n", b';'), 7);
        assert_eq!(field_len(b"\x80\xff\x01,", b','), 3);
        assert_eq!(field_len(b"abcdefgh,ijklmnop", b';'), 17);
    }

    proptest::proptest! {
        #[test]
        fn fast_parser_matches_the_csv_crate(
            text in "(\u{feff})?[a;,\"\r\n é]{0,40}",
            semicolon in proptest::bool::ANY,
        ) {
            let delimiter = if semicolon { b';' } else { b',' };
            proptest::prop_assert_eq!(fast(&text, delimiter), reference(&text, delimiter));
        }
    }

    #[test]
    fn line_ranges() {
        assert_eq!(ranges(&[9, 3, 4, 5, 12, 13]), "3–5, 9, 12–13");
        assert_eq!(regels(&[7]), "regel 7");
        assert_eq!(regels(&[7, 8]), "regels 7–8");
        assert_eq!(ranges(&[]), "");
        assert_eq!(
            ranges(&[u64::MAX, u64::MAX - 1]),
            format!("{}–{}", u64::MAX - 1, u64::MAX)
        );
    }
}
