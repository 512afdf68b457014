//! Text-level helpers of the benchmark file: quoting, spreadsheet safety, physical lines.

use raadsbudget_domain::value::FORMULA_START;

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
    if field.contains([',', '"', '\r', '\n']) {
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
