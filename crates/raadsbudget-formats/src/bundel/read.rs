//! Reading a bundle's `waarden.csv` back: the accepted submissions of a bundle as datasets, so
//! that the desktop app can compare with peers using the same kengetallen and statistics the
//! bundle published.
//!
//! The reader is strict: the file is written by Raadsbudget, so the header must be exactly the
//! one of [`super::waarden`], and every row must fit the catalogue. Any problem stops the
//! reading with a Dutch message naming the file, the line and the column; nothing half-read is
//! returned.

use super::waarden;
use crate::benchmark::text::unprotect;
use raadsbudget_domain::catalogue::Catalogue;
use raadsbudget_domain::fase::uitvraag_blocks;
use raadsbudget_domain::value::{parse_value, NumberStyle};
use raadsbudget_domain::{Dataset, Entry, Fase, Jaar, OrgType, Organisation, Reason, Record, Unit};
use std::collections::BTreeMap;

/// One accepted submission read back from `waarden.csv`.
#[derive(Debug, Clone, PartialEq)]
pub struct Inzending {
    /// Uitvraagjaar of the submission.
    pub uitvraag: Jaar,
    /// The organisation and its values (entered under the current catalogue).
    pub data: Dataset,
}

/// Why a `waarden.csv` could not be read. The message names the file, line and column.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{name}{}: {message}", location(*line, column))]
pub struct WaardenError {
    /// File name as given.
    pub name: String,
    /// 1-based line, when the problem is on one.
    pub line: Option<u64>,
    /// Column name, when the problem is in one.
    pub column: Option<String>,
    /// What is wrong, in Dutch.
    pub message: String,
}

fn location(line: Option<u64>, column: &Option<String>) -> String {
    match (line, column) {
        (Some(l), Some(c)) => format!(", regel {l}, kolom {c}"),
        (Some(l), None) => format!(", regel {l}"),
        _ => String::new(),
    }
}

/// Columns of `waarden.csv`, in order.
mod col {
    pub const CODE: usize = 0;
    pub const NAAM: usize = 1;
    pub const TYPE: usize = 2;
    pub const UITVRAAG: usize = 3;
    pub const JAAR: usize = 4;
    pub const FASE: usize = 5;
    pub const POST: usize = 6;
    pub const WAARDE: usize = 7;
    pub const REDEN: usize = 8;
    pub const TOELICHTING: usize = 9;
    pub const DEFINITIES: usize = 10;
}

/// The version of the values of a `waarden.csv` written before it had a `definities` column:
/// the only version there was.
const VERSION_BEFORE_THE_COLUMN: &str = "2026.1";

/// Reads `waarden.csv` (its bytes; `name` is used in messages). Returns the submissions in
/// the order of the file's first row of each `(organisation, uitvraagjaar)`.
pub fn read_waarden(name: &str, bytes: &[u8]) -> Result<Vec<Inzending>, WaardenError> {
    let all = Catalogue::all();
    let spec = waarden(&all);
    let fail = |line: Option<u64>, column: Option<usize>, message: String| WaardenError {
        name: name.to_string(),
        line,
        column: column.and_then(|c| spec.fields.get(c).map(|f| f.name.clone())),
        message,
    };
    let text = std::str::from_utf8(bytes).map_err(|e| {
        fail(
            None,
            None,
            format!(
                "het bestand is geen UTF-8-tekst (byte {}); is dit de waarden.csv van een bundel?",
                e.valid_up_to()
            ),
        )
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let expected = spec.header_line();
    let header = text.split_inclusive('\n').next().unwrap_or_default();
    let header = header.trim_end_matches(['\r', '\n']);
    // A bundle made before values carried their version has no `definities` column.
    let legacy = expected
        .trim_end_matches(['\r', '\n'])
        .strip_suffix(",definities")
        == Some(header);
    let width = spec.fields.len() - usize::from(legacy);
    if !legacy && header != expected.trim_end_matches(['\r', '\n']) {
        return Err(fail(
            Some(1),
            None,
            format!(
                "de kopregel is niet die van waarden.csv van een Raadsbudget-bundel; verwacht: {}",
                expected.trim_end()
            ),
        ));
    }
    let body = text;
    let (mut counted_to, mut line_at) = (0usize, 1u64);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut out: Vec<Inzending> = Vec::new();
    let mut index: BTreeMap<(String, Jaar), usize> = BTreeMap::new();
    let mut record = csv::StringRecord::new();
    let mut last: Option<&'static Catalogue> = None;
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let line = e.position().map(|p| p.line());
                return Err(fail(line, None, format!("geen geldige CSV: {e}")));
            }
        }
        // The physical line where the record starts, counted from its byte offset: the csv
        // crate counts a CRLF's LF as the start of the next record, so its own line numbers
        // are one short.
        let mut byte = record
            .position()
            .map_or(0, |p| usize::try_from(p.byte()).unwrap_or(usize::MAX))
            .min(body.len());
        while matches!(body.as_bytes().get(byte), Some(b'\r' | b'\n')) {
            byte += 1;
        }
        if byte >= counted_to {
            line_at += body.as_bytes()[counted_to..byte]
                .iter()
                .filter(|b| **b == b'\n')
                .count() as u64;
            counted_to = byte;
        }
        let line = line_at;
        if record.len() != width {
            return Err(fail(
                Some(line),
                None,
                format!("{} kolommen, verwacht {width}", record.len()),
            ));
        }
        // Every cell is read as text: our writer gave each one that starts with a formula
        // character the spreadsheet-safety apostrophe (`crate::table`), so remove it from each.
        let get = |c: usize| unprotect(record.get(c).unwrap_or_default());
        let at = |c: usize, message: String| fail(Some(line), Some(c), message);
        let organisation = Organisation::new(get(col::CODE), get(col::NAAM))
            .map_err(|e| at(col::CODE, e.to_string()))?;
        let given: OrgType = get(col::TYPE).parse().map_err(|_| {
            at(
                col::TYPE,
                format!("'{}' is geen organisatietype", get(col::TYPE)),
            )
        })?;
        organisation
            .check_type(given)
            .map_err(|e| at(col::TYPE, e.to_string()))?;
        let year = |c: usize| -> Result<Jaar, WaardenError> {
            get(c)
                .parse::<Jaar>()
                .map_err(|_| at(c, format!("'{}' is geen jaartal", get(c))))
        };
        let uitvraag = year(col::UITVRAAG)?;
        let jaar = year(col::JAAR)?;
        let fase: Fase = get(col::FASE)
            .parse()
            .map_err(|_| at(col::FASE, format!("'{}' is geen fase", get(col::FASE))))?;
        if !uitvraag_blocks(uitvraag).contains(&(jaar, fase)) {
            return Err(at(
                col::JAAR,
                format!("{fase} {jaar} hoort niet bij uitvraag {uitvraag}"),
            ));
        }
        let versie = if legacy {
            VERSION_BEFORE_THE_COLUMN
        } else {
            get(col::DEFINITIES)
        };
        // One lookup per version, not per row (a bundle's rows share one or two versions).
        let cached = last.filter(|c| c.versie == versie);
        let cat = cached.or_else(|| Catalogue::get(versie)).ok_or_else(|| {
            at(
                col::DEFINITIES,
                format!(
                    "definities '{versie}' is geen versie die dit programma kent (bekend: {}); voeg die definities toe met ‘raadsbudget definities toevoegen’ of gebruik een nieuwere versie van het programma",
                    Catalogue::versions().join(", ")
                ),
            )
        })?;
        last = Some(cat);
        let post_code = get(col::POST);
        let post = cat.post(post_code).ok_or_else(|| {
            at(
                col::POST,
                format!(
                    "post '{post_code}' staat niet in de definities {}",
                    cat.versie
                ),
            )
        })?;
        if !post.has_fase(fase) {
            return Err(at(
                col::FASE,
                format!("post {post_code} wordt niet gevraagd in fase {fase}"),
            ));
        }
        let (waarde, reden) = (get(col::WAARDE), get(col::REDEN));
        let entry = match (waarde.is_empty(), reden.is_empty()) {
            (true, false) => Entry::Reason(
                reden
                    .parse::<Reason>()
                    .map_err(|e| at(col::REDEN, e.to_string()))?,
            ),
            (false, true) => {
                let codes = if post.eenheid == Unit::Code {
                    post.code_list()
                } else {
                    Vec::new()
                };
                let parsed = parse_value(post.eenheid, waarde, NumberStyle::Point, &codes)
                    .map_err(|e| at(col::WAARDE, e.to_string()))?;
                Entry::Value(parsed.value)
            }
            _ => {
                return Err(at(
                    col::WAARDE,
                    "precies één van waarde en reden moet gevuld zijn".to_string(),
                ))
            }
        };
        let key = (organisation.code.as_str().to_string(), uitvraag);
        let i = match index.get(&key) {
            Some(&i) => i,
            None => {
                index.insert(key, out.len());
                out.push(Inzending {
                    uitvraag,
                    data: Dataset::new(organisation.clone()),
                });
                out.len() - 1
            }
        };
        let data = &mut out[i].data;
        if data.organisation.naam != organisation.naam {
            return Err(at(
                col::NAAM,
                format!(
                    "organisatie {} heeft hier de naam '{}', eerder '{}'",
                    organisation.code, organisation.naam, data.organisation.naam
                ),
            ));
        }
        if data.get(jaar, fase, post_code).is_some() {
            return Err(at(
                col::POST,
                format!(
                    "post {post_code} staat voor {} {fase} {jaar} (uitvraag {uitvraag}) twee keer in het bestand",
                    organisation.code
                ),
            ));
        }
        data.set(
            jaar,
            fase,
            post_code,
            Record {
                entry,
                toelichting: get(col::TOELICHTING).to_string(),
                definities: cat.version(),
            },
        );
    }
    if out.is_empty() {
        return Err(fail(
            None,
            None,
            "het bestand bevat geen waarden".to_string(),
        ));
    }
    Ok(out)
}
