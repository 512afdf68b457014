//! The reader's text layer: bytes to text, line ends, the header row, rows split into fields.

use super::*;

impl Reader<'_> {
    /// Bytes to text: BOM removed, Windows-1252 converted. `None` when the bytes are not a
    /// text file.
    pub(super) fn decode<'b>(&mut self, bytes: &'b [u8]) -> Option<Cow<'b, str>> {
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
    pub(super) fn report_line_ends(&mut self, bytes: &[u8], mut ends: LineEnds) {
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
    pub(super) fn trim<'t>(&mut self, line: u64, column: u32, field: &'t str) -> &'t str {
        let trimmed = trim(field);
        if trimmed.len() != field.len() {
            self.whitespace.push((line, column));
        }
        trimmed
    }

    /// Checks the header line; the column (if one is to blame) and the message of the F102 it
    /// gets otherwise.
    pub(super) fn check_header(
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
    pub(super) fn rows<'t>(
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
    pub(super) fn trim_cow<'t>(
        &mut self,
        line: u64,
        column: u32,
        field: Cow<'t, str>,
    ) -> Cow<'t, str> {
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
}
