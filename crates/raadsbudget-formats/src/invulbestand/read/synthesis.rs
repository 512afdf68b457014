//! The filled-in cells as the benchmark file they stand for: one row per block and post with
//! anything filled in, read by the benchmark file's own reader, its findings placed on the
//! cells again.

use super::{Cell, Inputs, MapRow, Properties, Workbook, MAX_FINDINGS_PER_CODE};
use crate::benchmark::text::{protect, push_row};
use crate::benchmark::{self, col, ReadOutcome, HEADER, MOMENT_FORMAT};
use crate::bundel::xlsx::CREATION_DATETIME;
use crate::invulbestand::cells::CellRef;
use crate::invulbestand::{key, Veld, META_SHEET};
use chrono::{DateTime, NaiveDate, Utc};
use raadsbudget_domain::catalogue::{Catalogue, Unit};
use raadsbudget_domain::finding::FindingLimit;
use raadsbudget_domain::validation::value_error_finding;
use raadsbudget_domain::value::{parse_value, NumberStyle};
use raadsbudget_domain::{Fase, Finding, FindingCode, Jaar};
use rust_decimal::Decimal;
use std::collections::{BTreeMap, HashMap};
use std::str::FromStr;

/// The workbook as the benchmark file it stands for.
pub(super) struct Synthesis<'a, 'n> {
    pub(super) wb: Workbook<'n>,
    pub(super) keys: &'a HashMap<String, (u32, String)>,
    pub(super) map: &'a [MapRow],
    pub(super) values: &'a HashMap<&'a CellRef, Cell>,
    pub(super) props: &'a Properties,
    pub(super) file_modified: Option<DateTime<Utc>>,
}

impl Synthesis<'_, '_> {
    fn key(&self, k: &str) -> &str {
        self.keys.get(k).map_or("", |(_, v)| v.as_str())
    }

    fn key_cell(&self, k: &str) -> Option<String> {
        self.keys.get(k).map(|(row, _)| {
            CellRef {
                sheet: META_SHEET.to_string(),
                row: *row,
                col: 1,
            }
            .name()
        })
    }

    /// The moment of the submission: when the workbook was last saved, else the file's own
    /// time, else when the workbook was made.
    fn moment(&self) -> String {
        let core = self.props.core.as_deref().unwrap_or("");
        let parsed = |tag: &str| {
            super::container::element(core, tag)
                .and_then(|t| DateTime::parse_from_rfc3339(&t).ok())
                .map(|d| d.with_timezone(&Utc))
        };
        let fixed = || {
            let (y, m, d) = CREATION_DATETIME;
            NaiveDate::from_ymd_opt(i32::from(y), u32::from(m), u32::from(d))
                .and_then(|d| d.and_hms_opt(0, 0, 0))
                .map(|n| n.and_utc())
                .unwrap_or_default()
        };
        parsed("dcterms:modified")
            .or(self.file_modified)
            .or_else(|| parsed("dcterms:created"))
            .unwrap_or_else(fixed)
            .format(MOMENT_FORMAT)
            .to_string()
    }

    fn software(&self) -> String {
        self.props
            .app
            .as_deref()
            .and_then(|x| super::container::element(x, "Application"))
            .filter(|a| !a.is_empty())
            .map(|a| {
                match self
                    .props
                    .app
                    .as_deref()
                    .and_then(|x| super::container::element(x, "AppVersion"))
                {
                    Some(v) if !v.is_empty() && !a.contains('/') => format!("{a} {v}"),
                    _ => a,
                }
            })
            .unwrap_or_else(|| "onbekend".to_string())
    }

    pub(super) fn read(mut self) -> ReadOutcome {
        let catalogue = Catalogue::get(self.key(key::DEFINITIES));
        // The organisation: from the input cells when the workbook was made blank.
        let mut org_cells: HashMap<&str, &CellRef> = HashMap::new();
        let mut rows: BTreeMap<(Jaar, Fase, usize, &str), Inputs> = BTreeMap::new();
        for m in self.map {
            match m.block {
                None => {
                    org_cells.insert(m.post.as_str(), &m.cell);
                }
                Some((jaar, fase)) => {
                    let order = catalogue
                        .and_then(|c| c.position(&m.post))
                        .unwrap_or(usize::MAX);
                    let inputs = rows
                        .entry((jaar, fase, order, m.post.as_str()))
                        .or_default();
                    inputs.map_row = m.at;
                    let slot = Veld::ALL.iter().position(|v| *v == m.veld).unwrap_or(0);
                    if let Some(s) = inputs.cells.get_mut(slot) {
                        *s = Some(m.cell.clone());
                    }
                }
            }
        }
        let org_field = |post: &str| -> String {
            match org_cells.get(post) {
                Some(cell) => self
                    .values
                    .get(*cell)
                    .map(|c| c.text().trim().to_string())
                    .unwrap_or_default(),
                None => self.key(post).to_string(),
            }
        };
        let org = [
            org_field(key::ORGANISATIE_CODE),
            protect(&org_field(key::ORGANISATIE_NAAM)),
            org_field(key::ORGANISATIE_TYPE),
        ];
        let revisie = match self.key(key::REVISIE) {
            "" => "1".to_string(),
            r => r.to_string(),
        };
        let moment = self.moment();
        let software = self.software();

        let mut csv = String::new();
        push_row(&mut csv, HEADER);
        // Physical lines, as the benchmark reader counts them: a text with line breaks (a
        // toelichting over several lines) makes its record longer than one line.
        let mut next_line = 1 + line_ends(&csv);
        let mut lines: HashMap<u64, &Inputs> = HashMap::new();
        let mut as_text: Vec<String> = Vec::new();
        let mut replaced: HashMap<u64, Finding> = HashMap::new();
        for ((jaar, fase, _, post), inputs) in &rows {
            let get = |i: usize| {
                inputs
                    .cells
                    .get(i)
                    .and_then(Option::as_ref)
                    .and_then(|c| self.values.get(c).map(|v| (c, v)))
            };
            let value = get(0);
            let reden = get(1)
                .map(|(_, c)| c.text().trim().to_string())
                .unwrap_or_default();
            let toelichting = get(2)
                .map(|(_, c)| c.text().to_string())
                .unwrap_or_default();
            if value.is_none() && reden.is_empty() && toelichting.is_empty() {
                continue;
            }
            let line = next_line;
            let post_def = catalogue.and_then(|c| c.post(post));
            let waarde = match (value, post_def) {
                (None, _) => String::new(),
                (Some((_, Cell::Number(n))), Some(p)) => canonical_number(n, p.eenheid),
                (Some((_, Cell::Number(n))), None) => n.clone(),
                (Some((cell, Cell::Text(t))), Some(p)) if p.eenheid != Unit::Code => {
                    let t = t.trim();
                    match parse_value(p.eenheid, t, NumberStyle::Undecided, &[]) {
                        Ok(parsed) => {
                            as_text.push(cell.name());
                            parsed.value.to_canonical()
                        }
                        Err(e) => {
                            let location = self.wb.location(Some(cell.name()));
                            replaced.insert(line, value_error_finding(p, &e, location));
                            t.to_string()
                        }
                    }
                }
                (Some((_, c)), _) => c.text().trim().to_string(),
            };
            let jaar = jaar.to_string();
            let toelichting = protect(&toelichting);
            let fields: [&str; 15] = [
                benchmark::FORMAT,
                self.key(key::DEFINITIES),
                self.key(key::UITVRAAGJAAR),
                &org[0],
                &org[1],
                &org[2],
                &jaar,
                fase.as_str(),
                post,
                &waarde,
                &reden,
                &toelichting,
                &revisie,
                &moment,
                &software,
            ];
            let before = csv.len();
            push_row(&mut csv, fields);
            next_line += line_ends(csv.get(before..).unwrap_or_default());
            lines.insert(line, inputs);
        }
        if lines.is_empty() {
            return self.wb.fail(
                FindingCode::Empty,
                None,
                "er is nog niets ingevuld in dit invulbestand; vul de waarden in (of een reden: nvt of onbekend) en stuur het opnieuw".to_string(),
            );
        }
        if let Some(first) = as_text.first() {
            let n = as_text.len();
            let shown: Vec<&str> = as_text.iter().take(10).map(String::as_str).collect();
            let rest = if n > shown.len() {
                format!(", en nog {} andere", n - shown.len())
            } else {
                String::new()
            };
            self.wb.push(
                FindingCode::NumberAsText,
                Some(first.clone()),
                format!(
                    "{n} {} als tekst ingevuld en als getal gelezen ({}{rest}); controleer of {} kloppen",
                    if n == 1 { "getal" } else { "getallen" },
                    shown.join(", "),
                    if n == 1 { "het getal" } else { "de getallen" },
                ),
            );
        }
        let outcome = benchmark::read(self.wb.name, csv.as_bytes());
        let mut findings = std::mem::replace(
            &mut self.wb.findings,
            FindingLimit::new(MAX_FINDINGS_PER_CODE),
        )
        .into_vec();
        let meta_cell = |column: u32| -> Option<String> {
            let k = match column {
                col::FORMAAT => key::FORMAAT,
                col::DEFINITIES => key::DEFINITIES,
                col::UITVRAAGJAAR => key::UITVRAAGJAAR,
                col::REVISIE => key::REVISIE,
                col::ORGANISATIE_CODE => key::ORGANISATIE_CODE,
                col::ORGANISATIE_NAAM => key::ORGANISATIE_NAAM,
                col::ORGANISATIE_TYPE => key::ORGANISATIE_TYPE,
                _ => return None,
            };
            match org_cells.get(k) {
                Some(cell) => Some(cell.name()),
                None => self.key_cell(k),
            }
        };
        let by_key: HashMap<(Jaar, Fase, &str), &Inputs> = rows
            .iter()
            .map(|((j, f, _, p), i)| ((*j, *f, *p), i))
            .collect();
        let cell_of_inputs = |inputs: &Inputs, column: Option<u32>| -> Option<String> {
            let slot = match column {
                Some(col::REDEN) => 1,
                Some(col::TOELICHTING) => 2,
                Some(col::JAAR | col::FASE | col::POST) => {
                    let c = match column {
                        Some(col::JAAR) => 1,
                        Some(col::FASE) => 2,
                        _ => 3,
                    };
                    return Some(
                        CellRef {
                            sheet: META_SHEET.to_string(),
                            row: inputs.map_row,
                            col: c,
                        }
                        .name(),
                    );
                }
                _ => 0,
            };
            inputs
                .cells
                .get(slot)
                .and_then(Option::as_ref)
                .or_else(|| inputs.cells.iter().flatten().next())
                .map(CellRef::name)
        };
        for mut f in outcome.findings {
            let line = f.location.line.take();
            let column = f.location.column.take();
            if let Some(own) = line.and_then(|l| {
                (column == Some(col::WAARDE))
                    .then(|| replaced.get(&l))
                    .flatten()
            }) {
                let mut own = own.clone();
                own.location.organisation = f.location.organisation.clone();
                own.location.jaar = f.location.jaar;
                own.location.fase = f.location.fase;
                own.location.post = f.location.post.clone();
                findings.push(own);
                continue;
            }
            let inputs = line.and_then(|l| lines.get(&l).copied());
            f.location.cell = match (inputs, column) {
                (_, Some(c)) if meta_cell(c).is_some() => meta_cell(c),
                (Some(inputs), column) => cell_of_inputs(inputs, column),
                (None, _) => match (f.location.jaar, f.location.fase, &f.location.post) {
                    (Some(j), Some(fa), Some(p)) => by_key
                        .get(&(j, fa, p.as_str()))
                        .and_then(|i| cell_of_inputs(i, column)),
                    _ => None,
                },
            };
            // The benchmark reader's words for a missing row are about a file's lines; in a
            // workbook the user has a cell to fill in.
            if let (FindingCode::MissingRequired, Some(cell), Some(post), Some(j), Some(fa)) = (
                f.code,
                f.location.cell.as_deref(),
                f.location.post.as_deref(),
                f.location.jaar,
                f.location.fase,
            ) {
                let label = catalogue
                    .and_then(|c| c.post(post))
                    .map_or_else(String::new, |p| format!(" ({})", p.label));
                f.message = format!(
                    "verplichte post {post}{label} is niet ingevuld voor {} {j}; vul in {cell} een waarde in, of kies als reden nvt of onbekend",
                    fa.as_str()
                );
            }
            findings.push(f);
        }
        ReadOutcome {
            file: outcome.file,
            findings,
        }
    }
}

/// The canonical text of a number cell for a unit: amounts with at least 2 decimals (so the
/// benchmark reader does not pad them with a warning), counts as they are.
fn canonical_number(text: &str, unit: Unit) -> String {
    let Ok(mut d) = Decimal::from_str(text) else {
        return text.to_string();
    };
    match unit {
        Unit::Euro | Unit::Fte => {
            if d.scale() < 2 {
                d.rescale(2);
            }
            d.to_string()
        }
        Unit::Aantal | Unit::Code => d.normalize().to_string(),
    }
}

/// Line ends in a text as the benchmark reader counts them: CRLF, LF or a lone CR.
fn line_ends(text: &str) -> u64 {
    let bytes = text.as_bytes();
    let n = bytes
        .iter()
        .enumerate()
        .filter(|&(i, &b)| b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')))
        .count();
    u64::try_from(n).unwrap_or(u64::MAX)
}
