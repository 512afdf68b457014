//! Register files: a list of organisations (code and name) as a researcher downloads it from
//! CBS or makes it in a spreadsheet, e.g. `gemeentecode,gemeentenaam,provinciecode,…`.
//!
//! Tolerant about the form, strict about the content:
//!
//! - UTF-8 with or without byte-order mark, or Windows-1252 (as a Dutch spreadsheet saves it);
//! - `,`, `;` or a tab as delimiter, whichever the header line has most of outside quotes;
//!   RFC 4180 quoting;
//! - the first line must be a header: when it already holds an organisation code, the error
//!   says so and suggests a header;
//! - the code column is found by its header: the first header that contains `code`
//!   (case-insensitive) and whose values are (at least half) organisation codes (`GM0363`, `PV27`,
//!   `WS0155`); the name column is the header `naam`/`name` or one containing it
//!   (`gemeentenaam`, `provincienaam`), preferring the one that goes with the code column
//!   (`gemeentecode` → `gemeentenaam`);
//! - codes written in lower case (`gm0014`) are read upper-cased (`GM0014`): the prefix
//!   only has one meaning, and the register is matched against the files' codes, which are
//!   upper case;
//! - rows that are entirely empty are skipped; any other row with an invalid code or an empty
//!   name is an error naming file, line and column;
//! - the result is sorted by code; a row repeated exactly is kept once, one code with two
//!   names is an error.

use crate::benchmark::text::{csv_records, decode, Lines, RawRecord};
use raadsbudget_domain::organisation::{OrgCode, Organisation, OrganisationError};
use std::collections::BTreeMap;

pub use raadsbudget_domain::register::RegisterEntry;

/// Why a register file was refused. The messages are Dutch and name the file, and where
/// possible the line and column.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RegisterError {
    /// The bytes are not a CSV text file.
    #[error("{name}: {message}")]
    Unreadable {
        /// File name as given.
        name: String,
        /// What is wrong.
        message: String,
    },
    /// No header line.
    #[error("{name}: het bestand is leeg; verwacht een kopregel met een kolom voor de organisatiecode en een voor de naam")]
    Empty {
        /// File name as given.
        name: String,
    },
    /// The first line is no header: it already holds an organisation code.
    #[error("{name}:{line}:{column}: de eerste regel is geen kopregel: in kolom {column} staat al een organisatiecode ('{code}'); zet bovenaan een regel met de namen van de kolommen, bijvoorbeeld {example}")]
    NoHeader {
        /// File name as given.
        name: String,
        /// The line of the first record.
        line: u64,
        /// The 1-based column of the code.
        column: u32,
        /// The code as written.
        code: String,
        /// A header for this file, e.g. `code;naam`.
        example: String,
    },
    /// No column with organisation codes.
    #[error("{name}: geen kolom met organisatiecodes gevonden (kolommen in de kopregel: {}); verwacht een kolom waarvan de kop 'code' bevat, zoals 'gemeentecode', met codes als GM0363, PV27 of WS0155", list(.headers))]
    NoCodeColumn {
        /// File name as given.
        name: String,
        /// The headers that were seen.
        headers: Vec<String>,
    },
    /// No column with names.
    #[error("{name}: geen kolom met namen gevonden (kolommen in de kopregel: {}); verwacht een kolom met de kop 'naam' of 'name', of een kop die 'naam' bevat, zoals 'gemeentenaam' of 'provincienaam'", list(.headers))]
    NoNameColumn {
        /// File name as given.
        name: String,
        /// The headers that were seen.
        headers: Vec<String>,
    },
    /// A row that cannot be used.
    #[error("{name}:{line}:{column}: {message}")]
    Row {
        /// File name as given.
        name: String,
        /// 1-based line.
        line: u64,
        /// 1-based column.
        column: u32,
        /// What is wrong, in Dutch.
        message: String,
    },
    /// A header but no organisations.
    #[error("{name}: het bestand bevat alleen een kopregel en geen organisaties")]
    NoRows {
        /// File name as given.
        name: String,
    },
}

fn list(headers: &[String]) -> String {
    if headers.is_empty() {
        return "geen".to_string();
    }
    headers
        .iter()
        .map(|h| format!("'{h}'"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Reads a register file. `name` is used in the messages.
pub fn read(name: &str, bytes: &[u8]) -> Result<Vec<RegisterEntry>, RegisterError> {
    let unreadable = |message: String| RegisterError::Unreadable {
        name: name.to_string(),
        message,
    };
    let decoded = decode(bytes).map_err(|e| unreadable(e.to_string()))?;
    let text = decoded.text;
    let lines = Lines::new(text.as_bytes());
    let delimiter = delimiter(&text);
    let records = csv_records(&text, &lines, delimiter).map_err(|e| {
        let at = e
            .position()
            .map(|p| format!(" (regel {})", p.line()))
            .unwrap_or_default();
        unreadable(format!(
            "het bestand kan niet als CSV worden gelezen{at}: {e}"
        ))
    })?;
    let mut records = records.into_iter().filter(|r| !is_empty(r));
    let header = records.next().ok_or_else(|| RegisterError::Empty {
        name: name.to_string(),
    })?;
    if let Some((i, code)) = header
        .fields
        .iter()
        .map(|f| f.trim())
        .enumerate()
        .find(|(_, f)| org_code(f).is_some())
    {
        return Err(RegisterError::NoHeader {
            name: name.to_string(),
            line: header.line,
            column: u32::try_from(i.saturating_add(1)).unwrap_or(u32::MAX),
            code: code.to_string(),
            example: match delimiter {
                b'\t' => "code en naam, gescheiden door een tab".to_string(),
                d => format!("code{}naam", char::from(d)),
            },
        });
    }
    let rows: Vec<RawRecord> = records.collect();
    let headers: Vec<String> = header.fields.iter().map(|h| h.trim().to_string()).collect();
    let code_col = code_column(&headers, &rows).ok_or_else(|| RegisterError::NoCodeColumn {
        name: name.to_string(),
        headers: headers.clone(),
    })?;
    let naam_col = name_column(&headers, code_col).ok_or_else(|| RegisterError::NoNameColumn {
        name: name.to_string(),
        headers: headers.clone(),
    })?;
    let provincie_col = provincie_column(&headers, code_col);
    let mut entries: BTreeMap<OrgCode, (String, Option<String>, u64)> = BTreeMap::new();
    for row in &rows {
        let org = entry(name, row, code_col, naam_col)?;
        let provincie = provincie_col
            .map(|c| field(row, c).to_string())
            .filter(|p| !p.is_empty());
        match entries.get(&org.code) {
            None => {
                entries.insert(org.code, (org.naam, provincie, row.line));
            }
            Some((naam, _, _)) if *naam == org.naam => {}
            Some((naam, _, first)) => {
                return Err(row_error(
                    name,
                    row.line,
                    naam_col,
                    format!(
                        "organisatie {} heeft hier de naam '{}', maar op regel {first} '{naam}'; één code kan maar één naam hebben",
                        org.code, org.naam
                    ),
                ))
            }
        }
    }
    if entries.is_empty() {
        return Err(RegisterError::NoRows {
            name: name.to_string(),
        });
    }
    Ok(entries
        .into_iter()
        .map(|(code, (naam, provincie, _))| RegisterEntry {
            code,
            naam,
            provincie,
        })
        .collect())
}

/// The delimiter the header line has most of outside quotes: a tab, `;` or `,` (`,` when
/// there is none, or on a tie with it; `;` on a tie with a tab).
fn delimiter(text: &str) -> u8 {
    let header = text.split(['\r', '\n']).next().unwrap_or_default();
    let (mut quoted, mut commas, mut semicolons, mut tabs) = (false, 0usize, 0usize, 0usize);
    for c in header.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => commas += 1,
            ';' if !quoted => semicolons += 1,
            '\t' if !quoted => tabs += 1,
            _ => {}
        }
    }
    if tabs > semicolons && tabs > commas {
        b'\t'
    } else if semicolons > commas {
        b';'
    } else {
        b','
    }
}

/// An organisation code, also when written in lower case (`gm0014` is `GM0014`).
fn org_code(text: &str) -> Option<OrgCode> {
    OrgCode::parse(text)
        .or_else(|e| {
            if text.bytes().any(|b| b.is_ascii_lowercase()) {
                OrgCode::parse(&text.to_ascii_uppercase())
            } else {
                Err(e)
            }
        })
        .ok()
}

fn is_empty(record: &RawRecord) -> bool {
    record.fields.iter().all(|f| f.trim().is_empty())
}

fn field(record: &RawRecord, column: usize) -> &str {
    record.fields.get(column).map_or("", |f| f.trim())
}

/// The first column whose header contains `code` and whose non-empty values are at least
/// half organisation codes (so that one bad code is reported as such, not as a missing
/// column).
fn code_column(headers: &[String], rows: &[RawRecord]) -> Option<usize> {
    headers
        .iter()
        .enumerate()
        .filter(|(_, h)| h.to_lowercase().contains("code"))
        .map(|(i, _)| i)
        .find(|&i| {
            let values: Vec<&str> = rows
                .iter()
                .map(|r| field(r, i))
                .filter(|v| !v.is_empty())
                .collect();
            let codes = values.iter().filter(|v| org_code(v).is_some()).count();
            codes > 0 && codes * 2 >= values.len()
        })
}

/// The province column, if any: a header with `provincie` and `naam` (the name reads best),
/// else one with `provincie` and `code`; never the organisation code column itself.
fn provincie_column(headers: &[String], code_col: usize) -> Option<usize> {
    let lower: Vec<String> = headers.iter().map(|h| h.to_lowercase()).collect();
    let find = |part: &str| {
        (0..lower.len())
            .find(|&i| i != code_col && lower[i].contains("provincie") && lower[i].contains(part))
    };
    find("naam").or_else(|| find("code"))
}

fn is_name_header(header: &str) -> bool {
    let h = header.to_lowercase();
    h.contains("naam") || h.contains("name")
}

/// The name column: the one that goes with the code column (`gemeentecode` →
/// `gemeentenaam`), else the first name header that is not the code column.
fn name_column(headers: &[String], code_col: usize) -> Option<usize> {
    let lower: Vec<String> = headers.iter().map(|h| h.to_lowercase()).collect();
    let code_header = lower.get(code_col)?;
    let partners = [
        code_header.replace("code", "naam"),
        code_header.replace("code", "name"),
    ];
    lower
        .iter()
        .position(|h| partners.contains(h))
        .filter(|&i| i != code_col)
        .or_else(|| (0..headers.len()).find(|&i| i != code_col && is_name_header(&headers[i])))
}

fn row_error(name: &str, line: u64, column: usize, message: String) -> RegisterError {
    RegisterError::Row {
        name: name.to_string(),
        line,
        column: u32::try_from(column.saturating_add(1)).unwrap_or(u32::MAX),
        message,
    }
}

/// One row as an organisation; an error names the line and the column.
fn entry(
    name: &str,
    row: &RawRecord,
    code_col: usize,
    naam_col: usize,
) -> Result<Organisation, RegisterError> {
    let code = field(row, code_col);
    let naam = field(row, naam_col);
    // A code in lower case is read upper-cased; any other code as written (so that an error
    // shows it as written).
    let valid = org_code(code);
    let code_text = valid.as_ref().map_or(code, OrgCode::as_str);
    Organisation::new(code_text, naam).map_err(|e| {
        let column = match e {
            OrganisationError::Code(_) | OrganisationError::TypeMismatch { .. } => code_col,
            OrganisationError::EmptyName | OrganisationError::Name(_) => naam_col,
        };
        let message = match e {
            OrganisationError::Code(_) if code.is_empty() => {
                "de organisatiecode ontbreekt".to_string()
            }
            other => other.to_string(),
        };
        row_error(name, row.line, column, message)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(entries: &[RegisterEntry]) -> Vec<&str> {
        entries.iter().map(|e| e.code.as_str()).collect()
    }

    #[test]
    fn delimiter_follows_the_header() {
        assert_eq!(delimiter("code;naam\r\nGM0001;A, B\r\n"), b';');
        assert_eq!(delimiter("code,naam\n"), b',');
        assert_eq!(delimiter("\"code;x\",naam\n"), b',');
        assert_eq!(delimiter("code\tnaam\tprovincie, of niet\n"), b'\t');
        assert_eq!(delimiter("\"a\tb\";naam\n"), b';');
        assert_eq!(delimiter(""), b',');
    }

    #[test]
    fn the_code_column_is_the_first_with_codes() {
        let text =
            "postcode,provinciecode,gemeentecode,gemeentenaam\n1234 AB,PV20,GM0014,Groningen\n";
        let out = read("t.csv", text.as_bytes()).unwrap();
        // provinciecode comes first and holds codes; its partner provincienaam is absent, so
        // the first name column is used.
        assert_eq!(codes(&out), ["PV20"]);
        assert_eq!(out[0].naam, "Groningen");
    }

    #[test]
    fn the_name_column_goes_with_the_code_column() {
        let text = "gemeentecode,provincienaam,gemeentenaam\nGM0014,Groningen (PV),Groningen\n";
        let out = read("t.csv", text.as_bytes()).unwrap();
        assert_eq!(out[0].naam, "Groningen");
        let text = "Code,Name\nWS0155,Aa en Maas\n";
        let out = read("t.csv", text.as_bytes()).unwrap();
        assert_eq!(
            (codes(&out), out[0].naam.as_str()),
            (vec!["WS0155"], "Aa en Maas")
        );
    }

    #[test]
    fn short_rows_and_empty_names_are_errors() {
        let err = read("t.csv", b"code,naam\nGM0001\n").unwrap_err();
        assert_eq!(
            err,
            RegisterError::Row {
                name: "t.csv".into(),
                line: 2,
                column: 2,
                message: "de naam van de organisatie is leeg".into()
            }
        );
        let err = read("t.csv", b"code,naam\nGM0001,Hier\n,Ergens\n").unwrap_err();
        assert_eq!(err.to_string(), "t.csv:3:1: de organisatiecode ontbreekt");
    }

    #[test]
    fn nothing_to_read() {
        assert!(matches!(
            read("t.csv", b""),
            Err(RegisterError::Empty { .. })
        ));
        assert!(matches!(
            read("t.csv", b"\r\n ,\r\n"),
            Err(RegisterError::Empty { .. })
        ));
        assert!(matches!(
            read("t.csv", b"code,naam\r\n"),
            Err(RegisterError::NoCodeColumn { .. })
        ));
        assert!(matches!(
            read("t.csv", b"\xFF\xFEc\0o\0"),
            Err(RegisterError::Unreadable { .. })
        ));
    }

    #[test]
    fn header_with_only_a_code_column() {
        let err = read("t.csv", b"gemeentecode,inwoners\nGM0001,100\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "t.csv: geen kolom met namen gevonden (kolommen in de kopregel: 'gemeentecode', 'inwoners'); verwacht een kolom met de kop 'naam' of 'name', of een kop die 'naam' bevat, zoals 'gemeentenaam' of 'provincienaam'"
        );
    }
}
