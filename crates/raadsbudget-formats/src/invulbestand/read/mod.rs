//! Reading a filled invulbestand: through the cell map of the hidden sheet into the benchmark
//! file it stands for, then the benchmark file's own reader and rules.

mod container;
mod synthesis;

use container::{measure, Properties, ZipProblem};

use super::cells::{parse_cell, parse_column, CellRef};
use super::{key, Veld, FORMAT, MAP_HEADER, META_SHEET};
use crate::benchmark::{self, ReadOutcome};
use calamine::{DataRef, Reader, Xlsx, XlsxError};
use chrono::{DateTime, Utc};
use raadsbudget_domain::finding::FindingLimit;
use raadsbudget_domain::{Fase, Finding, FindingCode, Jaar, Location};
use rust_decimal::Decimal;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::Cursor;

/// The most an invulbestand may unpack to, all parts together (a real one is well under 1 MB):
/// measured by unpacking before a spreadsheet library reads anything, so a zip bomb is
/// refused without being held in memory.
pub const MAX_UNPACKED_BYTES: u64 = 16 * 1024 * 1024;

/// The most parts (zip entries) an invulbestand may have (a real one has about 20).
pub const MAX_PARTS: usize = 1_000;

/// The most cells read from one sheet (a real input sheet has about a thousand).
pub const MAX_CELLS: usize = 200_000;

/// The most sheets the cell map may name (the invulbestand has its inputs on one).
const MAX_INPUT_SHEETS: usize = 4;

/// At most this many findings of one code are reported per workbook.
const MAX_FINDINGS_PER_CODE: usize = 20;

/// The first bytes of an OLE compound file: an encrypted workbook, or an old `.xls`.
const CFB_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Whether `bytes` (named `name`) are a workbook rather than a CSV file: a zip or an OLE
/// compound file, or a name ending in `.xlsx`, `.xlsm` or `.xls`.
pub fn is_workbook(name: &str, bytes: &[u8]) -> bool {
    let ext = std::path::Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    bytes.starts_with(b"PK\x03\x04")
        || bytes.starts_with(b"PK\x05\x06")
        || bytes.starts_with(&CFB_MAGIC)
        || matches!(ext.as_deref(), Some("xlsx" | "xlsm" | "xls"))
}

/// A cell as read.
#[derive(Debug, Clone, PartialEq)]
enum Cell {
    /// A number cell, as its shortest decimal text (`812345.1`).
    Number(String),
    /// A text cell.
    Text(String),
    /// Anything else (a boolean, an error, a date), as text for messages.
    Other(String),
}

impl Cell {
    fn text(&self) -> &str {
        match self {
            Cell::Number(t) | Cell::Text(t) | Cell::Other(t) => t,
        }
    }
}

fn cell_of(data: &DataRef<'_>) -> Option<Cell> {
    Some(match data {
        DataRef::Empty => return None,
        DataRef::String(s) => Cell::Text(s.clone()),
        DataRef::SharedString(s) => Cell::Text((*s).to_string()),
        DataRef::Int(i) => Cell::Number(i.to_string()),
        // Rust prints the shortest text that reads back as the same double, never with an
        // exponent: a typed 1234,56 (stored as 1234.5599999999999) is `1234.56` again.
        DataRef::Float(f) if f.is_finite() => Cell::Number(format!("{f}")),
        DataRef::Float(_) => Cell::Other("#GETAL!".to_string()),
        DataRef::Bool(b) => Cell::Other(if *b { "WAAR" } else { "ONWAAR" }.to_string()),
        DataRef::DateTime(d) => Cell::Other(format!("een datum ({})", d.as_f64())),
        DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => Cell::Other(s.clone()),
        DataRef::Error(e) => Cell::Other(format!("de foutwaarde {e}")),
    })
    .filter(|c| !matches!(c, Cell::Text(t) if t.is_empty()))
}

/// What one input cell holds: the block (none for the organisation's own cells), the post and
/// the field.
type FieldKey<'m> = (Option<(Jaar, Fase)>, &'m str, Veld);

/// One row of the cell map.
#[derive(Debug, Clone)]
struct MapRow {
    /// The row of the hidden sheet it is on (0-based).
    at: u32,
    cell: CellRef,
    block: Option<(Jaar, Fase)>,
    post: String,
    veld: Veld,
}

/// The input cells of one `(block, post)`: the synthetic benchmark row.
#[derive(Debug, Default, Clone)]
struct Inputs {
    cells: [Option<CellRef>; 3],
    /// The row of the cell map where the post is named (for findings about jaar/fase/post).
    map_row: u32,
}

struct Workbook<'n> {
    name: &'n str,
    findings: FindingLimit,
}

impl Workbook<'_> {
    fn location(&self, cell: Option<String>) -> Location {
        Location {
            file: Some(self.name.to_string()),
            cell,
            ..Location::default()
        }
    }

    fn push(&mut self, code: FindingCode, cell: Option<String>, message: String) {
        let location = self.location(cell);
        self.findings.push(Finding::new(code, location, message));
    }

    fn fail(mut self, code: FindingCode, cell: Option<String>, message: String) -> ReadOutcome {
        self.push(code, cell, message);
        ReadOutcome {
            file: None,
            findings: self.findings.into_vec(),
        }
    }
}

/// Reads the cells of `sheet` for which `wanted` holds, at most [`MAX_CELLS`] cells looked at.
fn sheet_cells(
    xlsx: &mut Xlsx<Cursor<&[u8]>>,
    sheet: &str,
    wanted: impl Fn(u32, u32) -> bool,
) -> Result<BTreeMap<(u32, u32), Cell>, SheetProblem> {
    let mut reader = xlsx
        .worksheet_cells_reader(sheet)
        .map_err(|_| SheetProblem::Damaged)?;
    let mut out = BTreeMap::new();
    let mut seen = 0usize;
    while let Some(cell) = reader.next_cell().map_err(|_| SheetProblem::Damaged)? {
        seen += 1;
        if seen > MAX_CELLS {
            return Err(SheetProblem::TooMany);
        }
        let (row, col) = cell.get_position();
        if wanted(row, col) {
            if let Some(c) = cell_of(cell.get_value()) {
                out.insert((row, col), c);
            }
        }
    }
    Ok(out)
}

enum SheetProblem {
    Damaged,
    TooMany,
}

/// Reads and checks one filled invulbestand. `bytes` are the workbook as it came; `name` is
/// used in the findings; `file_modified` is the file's own modification time, the moment of
/// the submission when the workbook does not say when it was last saved.
///
/// Rejected, never a panic: a workbook that is not one (F101: damaged, encrypted, an old
/// `.xls`), one that is not an invulbestand (F111; another `formaat`: F103), a moved or
/// relabelled input cell or a damaged cell map (F112), and one that is too large (F113). What
/// was filled in is then read as the benchmark file it stands for, with the same rules and
/// codes ([`benchmark::read`]); each finding names the cell (`Invullen!E14`). A text cell that
/// holds a number is read with the benchmark file's tolerant rules (W109).
pub fn read(name: &str, bytes: &[u8], file_modified: Option<DateTime<Utc>>) -> ReadOutcome {
    // The last line of defence: a panic in the spreadsheet library on a workbook this reader
    // did not foresee rejects that workbook only (found by fuzzing: calamine overflowed on a
    // forged cell reference, which `container::measure` now refuses first).
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        read_checked(name, bytes, file_modified)
    }))
    .unwrap_or_else(|_| {
        Workbook {
            name,
            findings: FindingLimit::new(MAX_FINDINGS_PER_CODE),
        }
        .fail(
            FindingCode::Unreadable,
            None,
            "de werkmap kon niet worden gelezen: hij is beschadigd op een manier die Raadsbudget niet kent. Open hem opnieuw in uw spreadsheetprogramma en sla hem op als Excel-werkmap (.xlsx), of vraag een nieuw invulbestand aan; meld het ook aan de beheerder van Raadsbudget".to_string(),
        )
    })
}

fn read_checked(name: &str, bytes: &[u8], file_modified: Option<DateTime<Utc>>) -> ReadOutcome {
    let mut wb = Workbook {
        name,
        findings: FindingLimit::new(MAX_FINDINGS_PER_CODE),
    };
    if u64::try_from(bytes.len()).map_or(true, |n| n > benchmark::MAX_FILE_BYTES) {
        return wb.fail(
            FindingCode::WorkbookTooLarge,
            None,
            format!(
                "de werkmap is groter dan {} MB; een invulbestand is veel kleiner. Gebruik het invulbestand dat u van BZK kreeg",
                benchmark::MAX_FILE_BYTES / (1024 * 1024)
            ),
        );
    }
    if bytes.starts_with(&CFB_MAGIC) {
        let encrypted = container::is_encrypted_package(bytes);
        let message = if encrypted {
            "de werkmap is versleuteld (met een wachtwoord beveiligd) en kan niet worden gelezen; sla hem op zonder wachtwoord (Bestand > Info > Werkmap beveiligen, of Opslaan als zonder wachtwoord) en stuur hem opnieuw"
        } else {
            "dit is een oud Excel-bestand (.xls) of een ander Office-document, geen invulbestand (.xlsx); open het invulbestand dat u kreeg en sla het op als Excel-werkmap (.xlsx)"
        };
        return wb.fail(FindingCode::Unreadable, None, message.to_string());
    }
    let damaged = "de werkmap is beschadigd of is geen Excel-werkmap (.xlsx) en kan niet worden gelezen; open hem opnieuw in uw spreadsheetprogramma en sla hem op als Excel-werkmap (.xlsx), of vraag een nieuw invulbestand aan";
    if !bytes.starts_with(b"PK") {
        return wb.fail(FindingCode::Unreadable, None, damaged.to_string());
    }
    let props = match measure(bytes) {
        Ok(p) => p,
        Err(ZipProblem::Damaged) => {
            return wb.fail(FindingCode::Unreadable, None, damaged.to_string())
        }
        Err(ZipProblem::TooLarge(why)) => return wb.fail(FindingCode::WorkbookTooLarge, None, why),
    };
    let mut xlsx = match Xlsx::new(Cursor::new(bytes)) {
        Ok(x) => x,
        Err(XlsxError::Password) => {
            return wb.fail(
                FindingCode::Unreadable,
                None,
                "de werkmap is versleuteld (met een wachtwoord beveiligd); sla hem op zonder wachtwoord en stuur hem opnieuw".to_string(),
            )
        }
        Err(_) => return wb.fail(FindingCode::Unreadable, None, damaged.to_string()),
    };
    let sheets = xlsx.sheet_names();
    if !sheets.iter().any(|s| s == META_SHEET) {
        return wb.fail(
            FindingCode::NotInvulbestand,
            None,
            format!(
                "deze werkmap is geen invulbestand van Raadsbudget: het verborgen blad '{META_SHEET}' ontbreekt. Vul het invulbestand in dat u van BZK of uit Raadsbudget kreeg, of stuur een benchmarkbestand (.csv)"
            ),
        );
    }
    let meta_cells = match sheet_cells(&mut xlsx, META_SHEET, |_, col| col < 5) {
        Ok(c) => c,
        Err(p) => return sheet_failure(wb, p, META_SHEET),
    };
    let text_at = |row: u32, col: u32| -> String {
        meta_cells
            .get(&(row, col))
            .map(|c| c.text().trim().to_string())
            .unwrap_or_default()
    };
    // The key/value rows, up to the first empty row.
    let mut keys: HashMap<String, (u32, String)> = HashMap::new();
    let mut row = 0;
    while row < 64 && !text_at(row, 0).is_empty() {
        keys.entry(text_at(row, 0))
            .or_insert((row, text_at(row, 1)));
        row += 1;
    }
    let meta_ref = |row: u32, col: u32| {
        CellRef {
            sheet: META_SHEET.to_string(),
            row,
            col,
        }
        .name()
    };
    match keys.get(key::FORMAAT) {
        Some((_, f)) if f == FORMAT => {}
        Some((at, f)) => {
            return wb.fail(
                FindingCode::UnknownFormat,
                Some(meta_ref(*at, 1)),
                format!(
                    "onbekend formaat '{f}'; dit programma leest invulbestanden van het formaat {FORMAT}; vraag een nieuw invulbestand aan"
                ),
            )
        }
        None => {
            return wb.fail(
                FindingCode::NotInvulbestand,
                Some(meta_ref(0, 0)),
                format!("deze werkmap is geen invulbestand: het blad '{META_SHEET}' noemt geen formaat; vraag een nieuw invulbestand aan"),
            )
        }
    }
    // The cell map: its header after the key rows.
    let header_row = (row..row.saturating_add(8)).find(|r| text_at(*r, 0) == MAP_HEADER[0]);
    let Some(header_row) = header_row.filter(|r| {
        MAP_HEADER
            .iter()
            .enumerate()
            .all(|(c, h)| text_at(*r, u32::try_from(c).unwrap_or(0)) == *h)
    }) else {
        return wb.fail(
            FindingCode::NotInvulbestand,
            Some(meta_ref(row.saturating_add(1), 0)),
            format!(
                "de celkaart in het blad '{META_SHEET}' ontbreekt of is veranderd (verwacht de kop {}); vraag een nieuw invulbestand aan",
                MAP_HEADER.join(", ")
            ),
        );
    };
    let code_col = match keys.get(key::CODEKOLOM) {
        None => 1,
        Some((at, letters)) => match parse_column(letters) {
            Some(c) => c,
            None => {
                return wb.fail(
                    FindingCode::MovedCell,
                    Some(meta_ref(*at, 1)),
                    format!("'{letters}' is geen kolom; de celkaart is beschadigd. Vraag een nieuw invulbestand aan"),
                )
            }
        },
    };
    // The row of the column headers (`Waarde`, `Reden…`, `Toelichting`) on the input sheet,
    // when the workbook names it: a column inserted or deleted shows there.
    let header_of_fields = match keys.get(key::KOPREGEL) {
        None => None,
        Some((at, text)) => match text.parse::<u32>().ok().and_then(|r| r.checked_sub(1)) {
            Some(r) => Some(r),
            None => {
                return wb.fail(
                    FindingCode::MovedCell,
                    Some(meta_ref(*at, 1)),
                    format!("'{text}' is geen rijnummer; de celkaart is beschadigd. Vraag een nieuw invulbestand aan"),
                )
            }
        },
    };
    let mut map: Vec<MapRow> = Vec::new();
    // The rows below the header that hold anything (never every row number up to the last:
    // a forged cell far down must not cost time).
    let map_rows: BTreeSet<u32> = meta_cells
        .range((header_row + 1, 0)..)
        .map(|(&(r, _), _)| r)
        .collect();
    for r in map_rows {
        let cel = text_at(r, 0);
        if cel.is_empty() {
            continue;
        }
        match map_row(
            r,
            &cel,
            &text_at(r, 1),
            &text_at(r, 2),
            &text_at(r, 3),
            &text_at(r, 4),
        ) {
            Ok(m) => map.push(m),
            Err(why) => wb.push(FindingCode::MovedCell, Some(meta_ref(r, 0)), why),
        }
    }
    if map.is_empty() {
        wb.push(
            FindingCode::NotInvulbestand,
            Some(meta_ref(header_row, 0)),
            "de celkaart noemt geen enkele invoercel; vraag een nieuw invulbestand aan".to_string(),
        );
    }
    // Every cell named at most once, and every block/post/field at most once.
    let mut cells_seen: BTreeSet<&CellRef> = BTreeSet::new();
    let mut fields_seen: BTreeSet<FieldKey<'_>> = BTreeSet::new();
    for m in &map {
        if !cells_seen.insert(&m.cell) || !fields_seen.insert((m.block, &m.post, m.veld)) {
            wb.push(
                FindingCode::MovedCell,
                Some(meta_ref(m.at, 0)),
                format!(
                    "de celkaart noemt {} of {} {} twee keer; de celkaart is beschadigd. Vraag een nieuw invulbestand aan",
                    m.cell.name(),
                    m.post,
                    m.veld.as_str()
                ),
            );
        }
    }
    if wb.findings.iter().any(Finding::is_error) {
        return ReadOutcome {
            file: None,
            findings: wb.findings.into_vec(),
        };
    }

    // The input sheets' cells: the inputs and the codes beside them.
    let mut by_sheet: BTreeMap<&str, BTreeSet<(u32, u32)>> = BTreeMap::new();
    for m in &map {
        let wanted = by_sheet.entry(m.cell.sheet.as_str()).or_default();
        wanted.insert((m.cell.row, m.cell.col));
        wanted.insert((m.cell.row, code_col));
        if let Some(h) = header_of_fields {
            wanted.insert((h, m.cell.col));
        }
    }
    let mut headers: HashMap<(&str, u32), String> = HashMap::new();
    // An invulbestand has one sheet of inputs; a cell map over many sheets would have every
    // sheet read again and again.
    if by_sheet.len() > MAX_INPUT_SHEETS {
        return wb.fail(
            FindingCode::MovedCell,
            Some(meta_ref(header_row, 0)),
            format!(
                "de celkaart noemt invoercellen op {} bladen; een invulbestand heeft ze op één blad. De celkaart is beschadigd; vraag een nieuw invulbestand aan",
                by_sheet.len()
            ),
        );
    }
    let mut values: HashMap<&CellRef, Cell> = HashMap::new();
    let mut codes: HashMap<(&str, u32), String> = HashMap::new();
    for (sheet, wanted) in &by_sheet {
        if !sheets.iter().any(|s| s == sheet) {
            return wb.fail(
                FindingCode::MovedCell,
                None,
                format!("het blad '{sheet}' met invoercellen ontbreekt; is het hernoemd of verwijderd? Vraag een nieuw invulbestand aan"),
            );
        }
        let cells = match sheet_cells(&mut xlsx, sheet, |r, c| wanted.contains(&(r, c))) {
            Ok(c) => c,
            Err(p) => return sheet_failure(wb, p, sheet),
        };
        for m in map.iter().filter(|m| m.cell.sheet == *sheet) {
            if let Some(c) = cells.get(&(m.cell.row, m.cell.col)) {
                // A control character (calamine decodes `_x0000_`) cannot travel in the
                // benchmark file: refused at its cell, with the rest of the cell kept.
                if let Some(bad) = c
                    .text()
                    .chars()
                    .find(|ch| ch.is_control() && !matches!(ch, '\t' | '\n' | '\r'))
                {
                    wb.push(
                        FindingCode::InvalidField,
                        Some(m.cell.name()),
                        format!(
                            "deze cel bevat een onzichtbaar stuurteken (U+{:04X}); typ de tekst opnieuw zonder dat teken en sla de werkmap opnieuw op",
                            u32::from(bad)
                        ),
                    );
                }
                values.insert(&m.cell, c.clone());
            }
            let code = cells
                .get(&(m.cell.row, code_col))
                .map(|c| c.text().trim().to_string())
                .unwrap_or_default();
            codes.insert((sheet, m.cell.row), code);
            if let Some(h) = header_of_fields {
                let title = cells
                    .get(&(h, m.cell.col))
                    .map(|c| c.text().trim().to_string())
                    .unwrap_or_default();
                headers.insert((sheet, m.cell.col), title);
            }
        }
    }
    for m in &map {
        let shown = codes
            .get(&(m.cell.sheet.as_str(), m.cell.row))
            .map_or("", String::as_str);
        if shown != m.post {
            let beside = CellRef {
                sheet: m.cell.sheet.clone(),
                row: m.cell.row,
                col: code_col,
            };
            let now = if shown.is_empty() {
                "staat nu niets".to_string()
            } else {
                format!("staat nu '{shown}'")
            };
            wb.push(
                FindingCode::MovedCell,
                Some(m.cell.name()),
                format!(
                    "deze invoercel hoort bij {} ({}), maar in {} {now}: is er een rij of kolom ingevoegd, verwijderd of verplaatst? Zet hem terug of vul een nieuw invulbestand in; er is niets uit deze werkmap gelezen",
                    m.post,
                    m.veld.as_str(),
                    beside.name()
                ),
            );
        }
    }
    if let Some(h) = header_of_fields {
        for m in &map {
            let title = headers
                .get(&(m.cell.sheet.as_str(), m.cell.col))
                .map_or("", String::as_str);
            if !title.starts_with(m.veld.header_word()) {
                let above = CellRef {
                    sheet: m.cell.sheet.clone(),
                    row: h,
                    col: m.cell.col,
                };
                let now = if title.is_empty() {
                    "staat niets".to_string()
                } else {
                    format!("staat '{title}'")
                };
                wb.push(
                    FindingCode::MovedCell,
                    Some(m.cell.name()),
                    format!(
                        "deze invoercel hoort bij {} ({}), maar in de kop erboven ({}) {now} in plaats van '{}': is er een kolom ingevoegd, verwijderd of verplaatst? Zet hem terug of vul een nieuw invulbestand in; er is niets uit deze werkmap gelezen",
                        m.post,
                        m.veld.as_str(),
                        above.name(),
                        m.veld.header_word()
                    ),
                );
            }
        }
    }
    if wb.findings.iter().any(Finding::is_error) {
        return ReadOutcome {
            file: None,
            findings: wb.findings.into_vec(),
        };
    }
    synthesis::Synthesis {
        wb,
        keys: &keys,
        map: &map,
        values: &values,
        props: &props,
        file_modified,
    }
    .read()
}

fn sheet_failure(wb: Workbook<'_>, problem: SheetProblem, sheet: &str) -> ReadOutcome {
    match problem {
        SheetProblem::Damaged => wb.fail(
            FindingCode::Unreadable,
            None,
            format!("het blad '{sheet}' van de werkmap is beschadigd en kan niet worden gelezen; open de werkmap opnieuw in uw spreadsheetprogramma en sla hem op als Excel-werkmap (.xlsx)"),
        ),
        SheetProblem::TooMany => wb.fail(
            FindingCode::WorkbookTooLarge,
            None,
            format!(
                "het blad '{sheet}' heeft meer dan {} gevulde cellen; een invulbestand heeft er enkele honderden. Gebruik het invulbestand dat u kreeg",
                raadsbudget_domain::value::format_dutch(Decimal::from(MAX_CELLS), 0)
            ),
        ),
    }
}

fn map_row(
    at: u32,
    cel: &str,
    jaar: &str,
    fase: &str,
    post: &str,
    veld: &str,
) -> Result<MapRow, String> {
    let damaged = "; de celkaart is beschadigd. Vraag een nieuw invulbestand aan";
    let cell = parse_cell(cel).ok_or_else(|| format!("'{cel}' is geen celverwijzing{damaged}"))?;
    let veld = Veld::parse(veld)
        .ok_or_else(|| format!("'{veld}' is geen veld (waarde, reden of toelichting){damaged}"))?;
    if post.is_empty() {
        return Err(format!("bij {cel} staat geen post{damaged}"));
    }
    let block = match (jaar.is_empty(), fase.is_empty()) {
        (true, true) if post.starts_with("organisatie_") => None,
        _ => {
            let j: Jaar = jaar
                .parse()
                .map_err(|_| format!("'{jaar}' is geen jaar{damaged}"))?;
            let f = Fase::ALL
                .into_iter()
                .find(|f| f.as_str() == fase)
                .ok_or_else(|| format!("'{fase}' is geen fase{damaged}"))?;
            Some((j, f))
        }
    };
    if block.is_none() && veld != Veld::Waarde {
        return Err(format!("{post} heeft alleen een waarde{damaged}"));
    }
    Ok(MapRow {
        at,
        cell,
        block,
        post: post.to_string(),
        veld,
    })
}
