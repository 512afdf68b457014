//! Findings: errors (`F…`), warnings (`W…`) and signals (`S…`), each with a stable code, a
//! Dutch message and where it is. The code list is documented in `docs/meldingen.md`.

use crate::fase::{Fase, Jaar};
use serde::{Deserialize, Serialize};
use std::fmt;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Must be fixed before a file is final.
    Fout,
    /// Worth a look; may be right.
    Waarschuwing,
    /// Information for the reader of the figures.
    Signaal,
}

impl Severity {
    /// The Dutch word.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Fout => "fout",
            Severity::Waarschuwing => "waarschuwing",
            Severity::Signaal => "signaal",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

macro_rules! finding_codes {
    ($( $(#[$doc:meta])* $variant:ident = $code:literal, $sev:ident, $title:literal; )*) => {
        /// Every finding code. Codes are stable: a code is never reused for another meaning.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        pub enum FindingCode {
            $( $(#[$doc])* #[serde(rename = $code)] $variant, )*
        }

        impl FindingCode {
            /// All codes, in documentation order.
            pub const ALL: &'static [FindingCode] = &[$(FindingCode::$variant),*];

            /// The stable code, e.g. `F001`.
            pub fn as_str(self) -> &'static str {
                match self { $(FindingCode::$variant => $code,)* }
            }

            /// The severity of this code.
            pub fn severity(self) -> Severity {
                match self { $(FindingCode::$variant => Severity::$sev,)* }
            }

            /// A short Dutch title for documentation and overviews.
            pub fn title(self) -> &'static str {
                match self { $(FindingCode::$variant => $title,)* }
            }
        }
    };
}

finding_codes! {
    /// A required post has no value and no reason.
    MissingRequired = "F001", Fout, "verplichte post ontbreekt";
    /// The value does not fit the post's unit.
    UnitMismatch = "F002", Fout, "waarde past niet bij de eenheid";
    /// A negative value.
    Negative = "F003", Fout, "negatieve waarde";
    /// More than 2 decimals.
    TooManyDecimals = "F004", Fout, "meer dan 2 decimalen";
    /// Both `waarde` and `reden`, or neither.
    ValueAndReason = "F005", Fout, "waarde en reden allebei of geen van beide ingevuld";
    /// A post in a fase it does not belong to.
    WrongFase = "F006", Fout, "post hoort niet bij deze fase";
    /// The organisation code does not fit its type.
    CodeType = "F007", Fout, "organisatiecode past niet bij het type";
    /// An unknown reason.
    UnknownReason = "F008", Fout, "onbekende reden";
    /// An unknown post code.
    UnknownPost = "F009", Fout, "onbekende post";
    /// The same `(jaar, fase, post)` twice.
    Duplicate = "F010", Fout, "post dubbel opgegeven";
    /// A malformed organisation code.
    InvalidOrgCode = "F011", Fout, "ongeldige organisatiecode";
    /// A year outside the uitvraag.
    WrongYear = "F012", Fout, "jaar hoort niet bij de uitvraag";
    /// The file cannot be read as text or CSV.
    Unreadable = "F101", Fout, "bestand onleesbaar";
    /// The header is not the format's header.
    WrongHeader = "F102", Fout, "afwijkende kopregel";
    /// An unknown `formaat`.
    UnknownFormat = "F103", Fout, "onbekend formaat";
    /// A row with a different number of fields.
    FieldCount = "F104", Fout, "verkeerd aantal kolommen";
    /// Different organisations or uitvraagjaren (or revisie, moment, version) in one file.
    Mixed = "F105", Fout, "gemengde gegevens in één bestand";
    /// A field that is not of its column's type (year, fase, revisie, moment, type).
    InvalidField = "F106", Fout, "ongeldige kolomwaarde";
    /// A catalogue version this software does not know.
    UnknownVersion = "F107", Fout, "onbekende versie van de definities";
    /// The file has no data rows.
    Empty = "F108", Fout, "bestand zonder gegevens";
    /// The file has far more data rows than a benchmark file can have.
    TooManyRows = "F109", Fout, "te veel regels voor een benchmarkbestand";
    /// A file names a newer catalogue version than its uitvraag is filled in under.
    NewerVersion = "F110", Fout, "definities nieuwer dan de uitvraag";
    /// A workbook that is not an invulbestand (no sheet `raadsbudget`, or no cell map in it).
    NotInvulbestand = "F111", Fout, "werkmap is geen invulbestand";
    /// An input cell of an invulbestand was moved or its post code changed, or the cell map
    /// of the hidden sheet is damaged.
    MovedCell = "F112", Fout, "invoercel verplaatst of gewijzigd";
    /// A workbook larger than an invulbestand can be (unpacked size, parts, cells).
    WorkbookTooLarge = "F113", Fout, "werkmap te groot voor een invulbestand";
    /// Two different files of one organisation and uitvraag with the same revisie and moment.
    Conflict = "F201", Fout, "conflicterende inzendingen";
    /// A file of another uitvraagjaar than the bundle was asked for.
    OtherUitvraag = "F202", Fout, "ander uitvraagjaar dan de bundel";
    /// Change against the previous year of more than 50 % and more than € 10.000.
    YearOnYear = "W001", Waarschuwing, "grote verandering ten opzichte van vorig jaar";
    /// Realisatie differs more than 25 % from begroting.
    BudgetDeviation = "W002", Waarschuwing, "realisatie wijkt sterk af van de begroting";
    /// Seats do not match the Gemeentewet art. 8 table.
    Seats = "W003", Waarschuwing, "aantal zetels past niet bij het aantal inwoners";
    /// Shared rekenkamer without a contribution.
    SharedWithoutContribution = "W004", Waarschuwing, "gemeenschappelijke rekenkamer zonder bijdrage";
    /// Fte above zero while personnel cost is zero.
    FteWithoutCost = "W005", Waarschuwing, "fte zonder loonkosten";
    /// A whole `(jaar, fase)` block has no entries; it is exported as `onbekend`.
    EmptyBlock = "W006", Waarschuwing, "blok niet ingevuld";
    /// A UTF-8 byte-order mark was removed.
    RepairedBom = "W101", Waarschuwing, "byte-order mark verwijderd";
    /// The file was Windows-1252 and was converted.
    RepairedEncoding = "W102", Waarschuwing, "Windows-1252 omgezet naar UTF-8";
    /// `;` as delimiter was read (the decimal sign is detected on its own; a decimal comma is W107).
    RepairedDelimiter = "W103", Waarschuwing, "puntkomma als scheidingsteken gelezen";
    /// LF line ends were read.
    RepairedLineEnds = "W104", Waarschuwing, "regeleinden LF in plaats van CRLF";
    /// An amount with fewer than 2 decimals was completed.
    RepairedDecimals = "W105", Waarschuwing, "bedrag met minder dan 2 decimalen aangevuld";
    /// Surrounding whitespace was removed.
    RepairedWhitespace = "W106", Waarschuwing, "spaties rond een waarde verwijderd";
    /// Numbers with a decimal comma or thousands separators were read.
    RepairedNotation = "W107", Waarschuwing, "getallen met decimale komma of scheidingsteken voor duizendtallen gelezen";
    /// A file was filled in under an older catalogue version than its uitvraag uses.
    OlderVersion = "W108", Waarschuwing, "ingevuld onder oudere definities";
    /// A number cell of an invulbestand held text that was read as a number.
    NumberAsText = "W109", Waarschuwing, "getal als tekst ingevuld";
    /// The organisation of a file is not in the register the bundle was given.
    NotInRegister = "W201", Waarschuwing, "organisatie staat niet in het register";
    /// Rekenkamer kernbudget below € 1,00 per inwoner.
    RekenkamerBelow100 = "S001", Signaal, "rekenkamerbudget onder € 1,00 per inwoner";
    /// Rekenkamer kernbudget below € 1,30 per inwoner.
    RekenkamerBelow130 = "S002", Signaal, "rekenkamerbudget onder € 1,30 per inwoner";
}

impl fmt::Display for FindingCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where a finding is: in a file (file, line, column) and/or in the data (organisation, year,
/// fase, post). Every part is optional; the more is known, the more precise the message.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Location {
    /// File name as given.
    pub file: Option<String>,
    /// 1-based line in the file (the physical line where the record starts).
    pub line: Option<u64>,
    /// 1-based column (field number) in the file.
    pub column: Option<u32>,
    /// The sheet-qualified cell in a workbook (`Invullen!E14`), for an invulbestand; `line`
    /// and `column` are then empty.
    #[serde(default)]
    pub cell: Option<String>,
    /// Organisation code.
    pub organisation: Option<String>,
    /// Year.
    pub jaar: Option<Jaar>,
    /// Fase.
    pub fase: Option<Fase>,
    /// Post code.
    pub post: Option<String>,
}

impl Location {
    /// A location in the data.
    pub fn data(jaar: Jaar, fase: Fase, post: &str) -> Location {
        Location {
            jaar: Some(jaar),
            fase: Some(fase),
            post: Some(post.to_string()),
            ..Location::default()
        }
    }
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Finding {
    /// Stable code.
    pub code: FindingCode,
    /// Dutch message.
    pub message: String,
    /// Where.
    pub location: Location,
}

impl Finding {
    /// A new finding.
    pub fn new(code: FindingCode, location: Location, message: impl Into<String>) -> Finding {
        Finding {
            code,
            message: message.into(),
            location,
        }
    }

    /// The severity (follows from the code).
    pub fn severity(&self) -> Severity {
        self.code.severity()
    }

    /// Whether this finding is an error.
    pub fn is_error(&self) -> bool {
        self.severity() == Severity::Fout
    }
}

/// `bestand:regel:kolom: CODE: melding` when the finding came from a file (`bestand!blad!cel:
/// CODE: melding` from a workbook); otherwise `organisatie jaar fase post: CODE: melding` with
/// what is known.
impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let l = &self.location;
        if let Some(file) = &l.file {
            write!(f, "{file}")?;
            if let Some(cell) = &l.cell {
                write!(f, "!{cell}")?;
            }
            if let Some(line) = l.line {
                write!(f, ":{line}")?;
                if let Some(col) = l.column {
                    write!(f, ":{col}")?;
                }
            }
        } else {
            let parts: Vec<String> = [
                l.organisation.clone(),
                l.jaar.map(|j| j.to_string()),
                l.fase.map(|x| x.to_string()),
                l.post.clone(),
            ]
            .into_iter()
            .flatten()
            .collect();
            write!(f, "{}", parts.join(" "))?;
        }
        write!(f, ": {}: {}", self.code, self.message)
    }
}

/// Collects the findings of one file with at most `per_code` findings of each code; the rest of
/// a code is counted, and [`FindingLimit::into_vec`] adds one summary finding for it
/// ("… en nog 349.980 keer F104 in dit bestand"). So whatever a file holds, the findings kept
/// for it stay few, and a bundle's `meldingen.csv` stays proportional to its number of files.
#[derive(Debug)]
pub struct FindingLimit {
    per_code: usize,
    kept: Vec<Finding>,
    /// Per code: how many were pushed, and the first finding that was not kept.
    seen: Vec<(FindingCode, u64, Option<Finding>)>,
}

impl FindingLimit {
    /// A collector that keeps at most `per_code` findings of each code.
    pub fn new(per_code: usize) -> FindingLimit {
        FindingLimit {
            per_code,
            kept: Vec::new(),
            seen: Vec::new(),
        }
    }

    /// Adds a finding: kept while its code has fewer than `per_code`, otherwise counted.
    pub fn push(&mut self, finding: Finding) {
        let index = match self.seen.iter().position(|(c, _, _)| *c == finding.code) {
            Some(i) => i,
            None => {
                self.seen.push((finding.code, 0, None));
                self.seen.len() - 1
            }
        };
        let Some((_, count, first_omitted)) = self.seen.get_mut(index) else {
            return;
        };
        *count += 1;
        if usize::try_from(*count).is_ok_and(|n| n <= self.per_code) {
            self.kept.push(finding);
        } else if first_omitted.is_none() {
            *first_omitted = Some(finding);
        }
    }

    /// The findings kept so far (no summaries).
    pub fn iter(&self) -> impl Iterator<Item = &Finding> {
        self.kept.iter()
    }

    /// The kept findings, followed per code with omitted findings by one summary finding of
    /// that code, located where the first omitted one was.
    pub fn into_vec(self) -> Vec<Finding> {
        let mut out = self.kept;
        let per_code = u64::try_from(self.per_code).unwrap_or(u64::MAX);
        for (code, count, first) in self.seen {
            let Some(first) = first else { continue };
            let omitted = count.saturating_sub(per_code);
            let location = Location {
                file: first.location.file,
                line: first.location.line,
                organisation: first.location.organisation,
                ..Location::default()
            };
            let vanaf = location
                .line
                .map(|l| format!(", de eerste op regel {l}"))
                .unwrap_or_default();
            out.push(Finding::new(
                code,
                location,
                format!(
                    "… en nog {} keer {code} ({}) in dit bestand{vanaf}; alleen de eerste {per_code} zijn afzonderlijk gemeld",
                    dutch_count(omitted),
                    code.title(),
                ),
            ));
        }
        out
    }
}

/// A count with a point between thousands: `349.980`.
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn a_limit_keeps_the_first_of_each_code_and_summarises_the_rest() {
        let mut limit = FindingLimit::new(2);
        for line in 1..=350_000u64 {
            let location = Location {
                file: Some("junk.csv".into()),
                line: Some(line),
                column: Some(3),
                ..Location::default()
            };
            limit.push(Finding::new(FindingCode::FieldCount, location, "kolommen"));
        }
        limit.push(Finding::new(
            FindingCode::Empty,
            Location::default(),
            "leeg",
        ));
        assert_eq!(limit.iter().count(), 3);
        let all = limit.into_vec();
        assert_eq!(all.len(), 4);
        let summary = &all[3];
        assert_eq!(summary.code, FindingCode::FieldCount);
        assert_eq!(summary.location.line, Some(3));
        assert_eq!(summary.location.column, None);
        assert_eq!(
            summary.message,
            "… en nog 349.998 keer F104 (verkeerd aantal kolommen) in dit bestand, de eerste op regel 3; alleen de eerste 2 zijn afzonderlijk gemeld"
        );
        assert_eq!(dutch_count(0), "0");
        assert_eq!(dutch_count(1000), "1.000");
        assert_eq!(dutch_count(u64::MAX), "18.446.744.073.709.551.615");
    }

    #[test]
    fn codes_are_unique_and_prefixed_by_severity() {
        let mut seen = HashSet::new();
        for c in FindingCode::ALL {
            assert!(seen.insert(c.as_str()), "{c} twice");
            let prefix = match c.severity() {
                Severity::Fout => 'F',
                Severity::Waarschuwing => 'W',
                Severity::Signaal => 'S',
            };
            assert!(c.as_str().starts_with(prefix), "{c}");
        }
    }

    #[test]
    fn display_names_file_line_column() {
        let mut loc = Location::data(2026, Fase::Begroting, "GRF.PERSONEEL");
        let f = Finding::new(FindingCode::Negative, loc.clone(), "negatief");
        assert_eq!(
            f.to_string(),
            "2026 begroting GRF.PERSONEEL: F003: negatief"
        );
        loc.file = Some("a.csv".into());
        loc.line = Some(7);
        loc.column = Some(10);
        let f = Finding::new(FindingCode::Negative, loc, "negatief");
        assert_eq!(f.to_string(), "a.csv:7:10: F003: negatief");
    }
}
