//! Tests of the invulbestand: made, filled the way a spreadsheet stores cells (the sheet's XML
//! edited in the zip), read back.

use super::*;
use calamine::{Data, Reader, Xlsx};
use raadsbudget_domain::catalogue::Catalogue;
use raadsbudget_domain::{Dataset, Entry, Fase, FindingCode, Jaar, Organisation};
use std::collections::BTreeMap;
use std::io::{Cursor, Read, Write};

fn organisation() -> Organisation {
    Organisation::new("GM0363", "Amsterdam").unwrap()
}

fn make(org: Option<&Organisation>, previous: Option<&Dataset>) -> Vec<u8> {
    let spec = InvulSpec {
        catalogue: Catalogue::for_uitvraag(2026),
        uitvraag: 2026,
        organisation: org,
        previous,
    };
    let mut out = Vec::new();
    write(&spec, &mut out).unwrap();
    out
}

/// The cell map: `(jaar, fase, post, veld)` → cell name without the sheet.
/// `(block, post, veld)` of an input cell, as the cell map writes them.
type MapKey = (Option<(Jaar, String)>, String, String);

fn cell_map(bytes: &[u8]) -> BTreeMap<MapKey, String> {
    let mut xlsx = Xlsx::new(Cursor::new(bytes)).unwrap();
    let range = xlsx.worksheet_range(META_SHEET).unwrap();
    let mut out = BTreeMap::new();
    let mut in_map = false;
    for row in range.rows() {
        let text = |i: usize| match row.get(i) {
            Some(Data::String(s)) => s.clone(),
            Some(Data::Float(f)) => format!("{f}"),
            Some(Data::Int(i)) => i.to_string(),
            _ => String::new(),
        };
        if text(0) == "cel" {
            in_map = true;
            continue;
        }
        if !in_map || text(0).is_empty() {
            continue;
        }
        let cell = text(0).split_once('!').unwrap().1.to_string();
        let block = (!text(1).is_empty()).then(|| (text(1).parse().unwrap(), text(2)));
        out.insert((block, text(3), text(4)), cell);
    }
    out
}

/// What a person types into a cell.
enum Typed {
    Number(String),
    Text(String),
}

/// Fills cells of the input sheet (`xl/worksheets/sheet1.xml`) the way a spreadsheet stores
/// them: a number as `<v>`, a text inline.
fn fill(bytes: &[u8], cells: &[(String, Typed)]) -> Vec<u8> {
    edit_part(bytes, "xl/worksheets/sheet1.xml", |xml| {
        let mut xml = xml.to_string();
        for (cell, typed) in cells {
            let open = format!("<c r=\"{cell}\"");
            let start = xml.find(&open).unwrap_or_else(|| panic!("no cell {cell}"));
            let rest = &xml[start..];
            let end = if let Some(close) = rest.find("/>").filter(|c| !rest[..*c].contains('>')) {
                close + 2
            } else {
                rest.find("</c>").unwrap() + 4
            };
            let attrs = rest[open.len()..]
                .split(['/', '>'])
                .next()
                .unwrap()
                .to_string();
            let style = attrs.trim().to_string();
            let new = match typed {
                Typed::Number(n) => format!("<c r=\"{cell}\" {style}><v>{n}</v></c>"),
                Typed::Text(t) => format!(
                    "<c r=\"{cell}\" {style} t=\"inlineStr\"><is><t>{}</t></is></c>",
                    t.replace('&', "&amp;").replace('<', "&lt;")
                ),
            };
            xml.replace_range(start..start + end, &new);
        }
        xml
    })
}

fn edit_part(bytes: &[u8], part: &str, edit: impl Fn(&str) -> String) -> Vec<u8> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).unwrap();
        let name = entry.name().to_string();
        let mut content = Vec::new();
        entry.read_to_end(&mut content).unwrap();
        if name == part {
            content = edit(std::str::from_utf8(&content).unwrap()).into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&content).unwrap();
    }
    out.finish().unwrap().into_inner()
}

/// Every post of every block of the uitvraagjaren `uitvraagen` filled in for Amsterdam: amounts
/// with cents (and some whole ones), counts, codes, a reason and toelichtingen with commas,
/// quotes and a formula character, so that every unit and every column is read back.
fn synthetic(uitvraagen: &[Jaar]) -> Dataset {
    use raadsbudget_domain::catalogue::Unit;
    use raadsbudget_domain::fase::uitvraag_blocks;
    use raadsbudget_domain::{Reason, Record, Value};
    let mut data = Dataset::new(organisation());
    for &u in uitvraagen {
        let cat = Catalogue::for_uitvraag(u);
        for (jaar, fase) in uitvraag_blocks(u) {
            for (i, post) in cat.posts_in(fase).enumerate() {
                let n = u64::try_from(i).unwrap() + u64::from(jaar) * 7;
                let entry = match post.eenheid {
                    Unit::Euro => Entry::Value(Value::Decimal(rust_decimal::Decimal::new(
                        i64::try_from(n * 1_234_567 % 90_000_000).unwrap(),
                        if i % 3 == 0 { 0 } else { 2 },
                    ))),
                    Unit::Fte => Entry::Value(Value::Decimal(rust_decimal::Decimal::new(
                        i64::try_from(n % 900).unwrap() + 10,
                        1,
                    ))),
                    Unit::Aantal => Entry::Value(Value::Count(n % 1000 + 1)),
                    Unit::Code => Entry::Value(Value::Code(post.codes[0].code.clone())),
                };
                let entry = if post.code == "ENQ.EXTERN" {
                    Entry::Reason(Reason::Nvt)
                } else {
                    entry
                };
                let toelichting = match i % 4 {
                    0 => "volgens de jaarrekening, pagina 12".to_string(),
                    1 => "=geen formule; \"citaat\"".to_string(),
                    _ => String::new(),
                };
                let record = Record {
                    entry,
                    toelichting,
                    definities: cat.version(),
                };
                data.set(jaar, fase, &post.code, record);
            }
        }
    }
    data
}

fn demo() -> Dataset {
    synthetic(&[2026])
}

/// Every record of `data` typed into its cells.
fn typed_from(bytes: &[u8], data: &Dataset) -> Vec<(String, Typed)> {
    let map = cell_map(bytes);
    let mut cells = Vec::new();
    for ((jaar, fase, post), record) in data.records() {
        let block = Some((jaar, fase.as_str().to_string()));
        let at = |veld: &str| map[&(block.clone(), post.to_string(), veld.to_string())].clone();
        match &record.entry {
            Entry::Value(v) => {
                let text = v.to_canonical();
                let typed = if v.as_decimal().is_some() {
                    Typed::Number(text)
                } else {
                    Typed::Text(text)
                };
                cells.push((at("waarde"), typed));
            }
            Entry::Reason(r) => cells.push((at("reden"), Typed::Text(r.as_str().to_string()))),
        }
        if !record.toelichting.is_empty() {
            cells.push((at("toelichting"), Typed::Text(record.toelichting.clone())));
        }
    }
    cells
}

#[test]
fn the_same_input_gives_the_same_bytes() {
    let data = demo();
    assert_eq!(
        make(Some(&data.organisation), Some(&data)),
        make(Some(&data.organisation), Some(&data))
    );
    assert_eq!(make(None, None), make(None, None));
}

#[test]
fn an_unfilled_invulbestand_says_nothing_is_filled_in() {
    let out = read("leeg.xlsx", &make(Some(&organisation()), None), None);
    assert!(out.file.is_none());
    assert_eq!(out.findings.len(), 1, "{:?}", out.findings);
    assert_eq!(out.findings[0].code, FindingCode::Empty);
}

#[test]
fn a_filled_invulbestand_reads_as_the_data_it_was_filled_with() {
    let data = demo();
    let blank = make(Some(&data.organisation), None);
    let filled = fill(&blank, &typed_from(&blank, &data));
    let out = read("inzending.xlsx", &filled, None);
    assert!(!out.has_errors(), "{:#?}", out.findings);
    let file = out.file.unwrap();
    assert_eq!(file.meta.organisation, data.organisation);
    assert_eq!(file.meta.revisie, 1);
    assert_eq!(file.meta.uitvraag, 2026);
    let got: Vec<_> = file.data.records().collect();
    let want: Vec<_> = data.records().collect();
    assert_eq!(got, want);
    for f in &out.findings {
        assert!(
            f.location.cell.is_some() || f.location.post.is_none(),
            "{f}"
        );
        assert!(f.location.line.is_none(), "{f}");
    }
}

#[test]
fn a_blank_invulbestand_takes_the_organisation_from_its_cells() {
    let data = demo();
    let blank = make(None, None);
    let map = cell_map(&blank);
    let mut cells = typed_from(&blank, &data);
    let org = |post: &str| map[&(None, post.to_string(), "waarde".to_string())].clone();
    cells.push((
        org("organisatie_code"),
        Typed::Text(data.organisation.code.to_string()),
    ));
    cells.push((
        org("organisatie_naam"),
        Typed::Text(data.organisation.naam.clone()),
    ));
    cells.push((org("organisatie_type"), Typed::Text("gemeente".into())));
    let out = read("blanco.xlsx", &fill(&blank, &cells), None);
    assert!(!out.has_errors(), "{:#?}", out.findings);
    assert_eq!(out.file.unwrap().meta.organisation, data.organisation);

    // Without a code: the finding names the code's cell.
    cells.retain(|(c, _)| *c != org("organisatie_code"));
    let out = read("blanco.xlsx", &fill(&blank, &cells), None);
    let f = out
        .findings
        .iter()
        .find(|f| f.is_error())
        .expect("an error");
    assert_eq!(
        f.location.cell.as_deref(),
        Some(format!("Invullen!{}", org("organisatie_code")).as_str()),
        "{f}"
    );
}

fn one_cell(post: &str, veld: &str, typed: Typed) -> (Vec<u8>, String) {
    let data = demo();
    let blank = make(Some(&data.organisation), None);
    let map = cell_map(&blank);
    let target = map[&(
        Some((2026, "begroting".to_string())),
        post.to_string(),
        veld.to_string(),
    )]
        .clone();
    let mut cells: Vec<(String, Typed)> = typed_from(&blank, &data)
        .into_iter()
        .filter(|(c, _)| *c != target)
        .collect();
    cells.push((target.clone(), typed));
    (fill(&blank, &cells), format!("Invullen!{target}"))
}

#[test]
fn a_number_typed_as_text_is_read_with_a_warning() {
    let (bytes, cell) = one_cell("GRF.PERSONEEL", "waarde", Typed::Text("812.345,50".into()));
    let out = read("tekst.xlsx", &bytes, None);
    assert!(!out.has_errors(), "{:#?}", out.findings);
    let w = out
        .findings
        .iter()
        .find(|f| f.code == FindingCode::NumberAsText)
        .unwrap();
    assert_eq!(w.location.cell.as_deref(), Some(cell.as_str()));
    let file = out.file.unwrap();
    assert_eq!(
        file.data
            .get(2026, Fase::Begroting, "GRF.PERSONEEL")
            .unwrap()
            .entry
            .to_columns()
            .0,
        "812345.50"
    );
}

#[test]
fn text_in_a_number_cell_and_a_value_of_the_wrong_unit_name_their_cell() {
    for (post, typed, code) in [
        (
            "GRF.PERSONEEL",
            Typed::Text("twaalf".into()),
            FindingCode::UnitMismatch,
        ),
        (
            "GRF.PERSONEEL",
            Typed::Number("12.345".into()),
            FindingCode::TooManyDecimals,
        ),
        (
            "GRF.PERSONEEL",
            Typed::Number("-5".into()),
            FindingCode::Negative,
        ),
    ] {
        let (bytes, cell) = one_cell(post, "waarde", typed);
        let out = read("fout.xlsx", &bytes, None);
        assert!(out.file.is_some());
        let f = out.findings.iter().find(|f| f.is_error()).unwrap();
        assert_eq!(f.code, code, "{f}");
        assert_eq!(f.location.cell.as_deref(), Some(cell.as_str()), "{f}");
        assert!(
            f.to_string().starts_with(&format!("fout.xlsx!{cell}: ")),
            "{f}"
        );
    }
}

#[test]
fn a_moved_or_relabelled_input_cell_is_refused() {
    let data = demo();
    let blank = make(Some(&data.organisation), None);
    let map = cell_map(&blank);
    let target = &map[&(
        Some((2026, "begroting".to_string())),
        "GRF.PERSONEEL".to_string(),
        "waarde".to_string(),
    )];
    let row: String = target.chars().filter(char::is_ascii_digit).collect();
    let filled = fill(&blank, &typed_from(&blank, &data));
    // The code beside the input says something else now.
    let relabelled = edit_part(&filled, "xl/worksheets/sheet1.xml", |xml| {
        let start = xml.find(&format!("<c r=\"B{row}\"")).unwrap();
        let end = start + xml[start..].find("</c>").unwrap() + 4;
        let mut x = xml.to_string();
        x.replace_range(
            start..end,
            &format!("<c r=\"B{row}\" t=\"inlineStr\"><is><t>GRF.ANDERS</t></is></c>"),
        );
        x
    });
    let out = read("verplaatst.xlsx", &relabelled, None);
    assert!(out.file.is_none());
    let cell = format!("Invullen!{target}");
    let f = out
        .findings
        .iter()
        .find(|f| f.code == FindingCode::MovedCell && f.location.cell.as_deref() == Some(&cell))
        .unwrap_or_else(|| panic!("{:#?}", out.findings));
    assert!(f.message.contains("GRF.ANDERS"), "{f}");
}

#[test]
fn workbooks_that_are_no_invulbestand_are_refused_with_what_they_are() {
    let filled = make(Some(&organisation()), None);
    // No hidden sheet.
    let mut wb = rust_xlsxwriter::Workbook::new();
    wb.add_worksheet().write_string(0, 0, "hallo").unwrap();
    let other = wb.save_to_buffer().unwrap();
    let mut truncated = filled.clone();
    truncated.truncate(filled.len() / 2);
    let mut cfb = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    cfb.extend(std::iter::repeat_n(0, 600));
    let other_format = edit_part(&filled, "xl/sharedStrings.xml", |xml| {
        xml.replace(FORMAT, "iets-anders/9")
    });
    for (bytes, code, says) in [
        (other, FindingCode::NotInvulbestand, "geen invulbestand"),
        (truncated, FindingCode::Unreadable, "beschadigd"),
        (cfb, FindingCode::Unreadable, ".xls"),
        (
            b"PK\x03\x04 niets".to_vec(),
            FindingCode::Unreadable,
            "beschadigd",
        ),
        (other_format, FindingCode::UnknownFormat, "iets-anders/9"),
    ] {
        let out = read("x.xlsx", &bytes, None);
        assert!(out.file.is_none());
        assert_eq!(out.findings.len(), 1, "{:?}", out.findings);
        assert_eq!(out.findings[0].code, code);
        assert!(
            out.findings[0].message.contains(says),
            "{}",
            out.findings[0]
        );
    }
}

#[test]
fn a_zip_bomb_is_refused_before_it_is_unpacked_into_memory() {
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    out.start_file(
        "xl/worksheets/sheet1.xml",
        zip::write::SimpleFileOptions::default(),
    )
    .unwrap();
    let zeros = vec![b' '; 1024 * 1024];
    for _ in 0..=(MAX_UNPACKED_BYTES / (1024 * 1024)) {
        out.write_all(&zeros).unwrap();
    }
    let bytes = out.finish().unwrap().into_inner();
    assert!(bytes.len() < 1024 * 1024);
    let got = read("bom.xlsx", &bytes, None);
    assert_eq!(
        got.findings[0].code,
        FindingCode::WorkbookTooLarge,
        "{:?}",
        got.findings
    );
}

#[test]
fn last_years_values_are_shown_read_only_beside_the_inputs() {
    let history = synthetic(&[2025]);
    let bytes = make(Some(&history.organisation), Some(&history));
    let mut xlsx = Xlsx::new(Cursor::new(&bytes[..])).unwrap();
    let range = xlsx.worksheet_range(INVUL_SHEET).unwrap();
    let row = range
        .rows()
        .find(|r| matches!(r.get(1), Some(Data::String(s)) if s == "GRF.PERSONEEL"))
        .unwrap();
    // Slot U (2026): vorig jaar = begroting 2025, in the first column of the slot (H).
    let want = history
        .get(2025, Fase::Begroting, "GRF.PERSONEEL")
        .unwrap()
        .entry
        .decimal()
        .unwrap();
    let shown = match &row[7] {
        Data::Float(f) => format!("{f}"),
        other => panic!("{other:?}"),
    };
    assert_eq!(
        shown.parse::<rust_decimal::Decimal>().unwrap(),
        want.normalize()
    );
}

/// The parts of two workbooks that differ, by name.
fn differing_parts(a: &[u8], b: &[u8]) -> Vec<String> {
    let parts = |bytes: &[u8]| -> BTreeMap<String, Vec<u8>> {
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
        (0..zip.len())
            .map(|i| {
                let mut e = zip.by_index(i).unwrap();
                let mut content = Vec::new();
                e.read_to_end(&mut content).unwrap();
                (e.name().to_string(), content)
            })
            .collect()
    };
    let (pa, pb) = (parts(a), parts(b));
    let names: std::collections::BTreeSet<&String> = pa.keys().chain(pb.keys()).collect();
    names
        .into_iter()
        .filter(|k| pa.get(*k) != pb.get(*k))
        .cloned()
        .collect()
}

/// Golden files of the invulbestand (`tests/golden/invulbestand/`): a blank one of uitvraag 2026
/// and Amsterdam's of uitvraag 2027 with last year's values across the change of definitions.
/// `UPDATE_GOLDEN=1` rewrites them.
#[test]
fn invulbestanden_match_their_golden_files() {
    let history = synthetic(&[2026]);
    let made = |u: Jaar, org: Option<&Organisation>, previous: Option<&Dataset>| {
        let mut out = Vec::new();
        write(
            &InvulSpec {
                catalogue: Catalogue::for_uitvraag(u),
                uitvraag: u,
                organisation: org,
                previous,
            },
            &mut out,
        )
        .unwrap();
        out
    };
    for (name, bytes) in [
        ("invulbestand_2026_leeg.xlsx", made(2026, None, None)),
        (
            "invulbestand_2027_GM0363.xlsx",
            made(2027, Some(&history.organisation), Some(&history)),
        ),
    ] {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/golden/invulbestand")
            .join(name);
        if std::env::var_os("UPDATE_GOLDEN").is_some() {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, &bytes).unwrap();
        }
        let golden = std::fs::read(&path)
            .unwrap_or_else(|e| panic!("{}: {e} (UPDATE_GOLDEN=1 makes it)", path.display()));
        assert!(
            golden == bytes,
            "{name} differs from its golden file in {:?} (rerun with UPDATE_GOLDEN=1 only if intended)",
            differing_parts(&golden, &bytes)
        );
    }
}

/// Found by fuzzing (`invulbestand_read`): a cell reference of more than three letters made
/// calamine overflow. Such a workbook is damaged, not a crash.
#[test]
fn a_forged_cell_reference_is_a_damaged_workbook() {
    let blank = make(Some(&organisation()), None);
    for forged in ["Invullen!K22E10", "ABCDEFGHIJ1", "A99999999999", "A1:ZZZZ1"] {
        let bytes = edit_part(&blank, "xl/worksheets/sheet1.xml", |xml| {
            xml.replacen("r=\"A1\"", &format!("r=\"{forged}\""), 1)
        });
        assert_ne!(bytes, blank);
        let out = read("vervalst.xlsx", &bytes, None);
        assert!(out.file.is_none(), "{forged}");
        assert_eq!(out.findings.len(), 1, "{forged}: {:?}", out.findings);
        assert_eq!(out.findings[0].code, FindingCode::Unreadable, "{forged}");
        assert!(
            out.findings[0].message.contains("beschadigd"),
            "{}",
            out.findings[0]
        );
    }
}

/// Found by review: calamine reserves memory for the number of shared strings the workbook
/// declares before reading one; a forged count would abort the process. It is refused first.
#[test]
fn a_forged_count_of_shared_strings_is_a_damaged_workbook() {
    let blank = make(Some(&organisation()), None);
    let bytes = edit_part(&blank, "xl/sharedStrings.xml", |xml| {
        let at = xml.find("uniqueCount=\"").unwrap() + "uniqueCount=\"".len();
        let end = at + xml[at..].find('"').unwrap();
        format!("{}10000000000000{}", &xml[..at], &xml[end..])
    });
    let out = read("telling.xlsx", &bytes, None);
    assert!(out.file.is_none());
    assert_eq!(
        out.findings[0].code,
        FindingCode::Unreadable,
        "{:?}",
        out.findings
    );
}

/// Found by review: a toelichting over several lines makes its record longer than one line in
/// the benchmark file the workbook stands for; later findings still land on their own cell.
#[test]
fn findings_after_a_toelichting_over_several_lines_name_their_own_cell() {
    let data = demo();
    let blank = make(Some(&data.organisation), None);
    let map = cell_map(&blank);
    let at = |jaar: Jaar, fase: &str, post: &str, veld: &str| {
        map[&(
            Some((jaar, fase.to_string())),
            post.to_string(),
            veld.to_string(),
        )]
            .clone()
    };
    let early = at(2025, "kenmerk", "KEN.INWONERS", "toelichting");
    let target = at(2026, "begroting", "GRF.PERSONEEL", "waarde");
    let mut cells: Vec<(String, Typed)> = typed_from(&blank, &data)
        .into_iter()
        .filter(|(c, _)| *c != early && *c != target)
        .collect();
    cells.push((
        early,
        Typed::Text("eerste regel\ntweede regel\nderde regel".into()),
    ));
    cells.push((target.clone(), Typed::Text("twaalf".into())));
    let out = read("regels.xlsx", &fill(&blank, &cells), None);
    let errors: Vec<_> = out.findings.iter().filter(|f| f.is_error()).collect();
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert_eq!(
        errors[0].location.cell.as_deref(),
        Some(format!("Invullen!{target}").as_str())
    );
    let file = out.file.unwrap();
    assert_eq!(
        file.data
            .get(2025, Fase::Kenmerk, "KEN.INWONERS")
            .unwrap()
            .toelichting,
        "eerste regel\ntweede regel\nderde regel"
    );
}

/// Found by review: a column inserted before the inputs (the sheet's protection has no
/// password) would move every value into another field; the column headers show it.
#[test]
fn an_inserted_column_is_refused() {
    let data = demo();
    let blank = make(Some(&data.organisation), None);
    let filled = fill(&blank, &typed_from(&blank, &data));
    // The headers of the input columns shift one column right, as after inserting a column C.
    let shifted = edit_part(&filled, "xl/sharedStrings.xml", |xml| {
        xml.replacen("<t>Waarde</t>", "<t>Eenheid</t>", 1)
    });
    assert_ne!(shifted, filled);
    let out = read("kolom.xlsx", &shifted, None);
    assert!(out.file.is_none());
    let f = out
        .findings
        .iter()
        .find(|f| f.code == FindingCode::MovedCell)
        .unwrap_or_else(|| panic!("{:#?}", out.findings));
    assert!(f.message.contains("kolom ingevoegd"), "{f}");
}

#[test]
fn a_required_post_left_empty_names_the_cell_to_fill_in() {
    let data = demo();
    let blank = make(Some(&data.organisation), None);
    let map = cell_map(&blank);
    let target = map[&(
        Some((2026, "begroting".to_string())),
        "GRF.PERSONEEL".to_string(),
        "waarde".to_string(),
    )]
        .clone();
    let note = map[&(
        Some((2026, "begroting".to_string())),
        "GRF.PERSONEEL".to_string(),
        "toelichting".to_string(),
    )]
        .clone();
    let cells: Vec<(String, Typed)> = typed_from(&blank, &data)
        .into_iter()
        .filter(|(c, _)| *c != target && *c != note)
        .collect();
    let out = read("leeg-veld.xlsx", &fill(&blank, &cells), None);
    let f = out
        .findings
        .iter()
        .find(|f| f.code == FindingCode::MissingRequired)
        .unwrap_or_else(|| panic!("{:#?}", out.findings));
    let cell = format!("Invullen!{target}");
    assert_eq!(f.location.cell.as_deref(), Some(cell.as_str()));
    assert!(
        f.message.contains(&format!("vul in {cell} een waarde in")),
        "{f}"
    );
    assert!(f.message.contains("begroting 2026"), "{f}");
}

/// Found by review: calamine finds parts by name without regard to case or `\\`, so a second
/// shared-strings part under another spelling must not slip past the checks; an element with
/// very many attributes would take the XML parser quadratic time.
#[test]
fn parts_calamine_would_read_are_checked_whatever_their_spelling() {
    let blank = make(Some(&organisation()), None);
    let mut zip = zip::ZipArchive::new(Cursor::new(&blank[..])).unwrap();
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for i in 0..zip.len() {
        let mut e = zip.by_index(i).unwrap();
        let name = e.name().to_string();
        let mut content = Vec::new();
        e.read_to_end(&mut content).unwrap();
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&content).unwrap();
    }
    out.start_file(
        "XL/SharedStrings.xml",
        zip::write::SimpleFileOptions::default(),
    )
    .unwrap();
    out.write_all(b"<sst uniqueCount=\"10000000000000\"></sst>")
        .unwrap();
    let twice = out.finish().unwrap().into_inner();
    let got = read("twee.xlsx", &twice, None);
    assert_eq!(
        got.findings[0].code,
        FindingCode::Unreadable,
        "{:?}",
        got.findings
    );

    let many: String = (0..5000).map(|i| format!(" a{i}=\"x\"")).collect();
    let wide = edit_part(&blank, "xl/workbook.xml", |xml| {
        xml.replacen("<workbook ", &format!("<workbook{many} "), 1)
    });
    let got = read("breed.xlsx", &wide, None);
    assert_eq!(
        got.findings[0].code,
        FindingCode::Unreadable,
        "{:?}",
        got.findings
    );
}

/// Found by review: calamine decodes `_x0000_` into a NUL character, which the benchmark file
/// cannot carry; the cell is named.
#[test]
fn a_control_character_in_a_cell_is_refused_at_its_cell() {
    let (bytes, cell) = one_cell(
        "GRF.PERSONEEL",
        "toelichting",
        Typed::Text("a_x0000_b".into()),
    );
    let out = read("nul.xlsx", &bytes, None);
    assert!(out.file.is_none());
    let f = out
        .findings
        .iter()
        .find(|f| f.code == FindingCode::InvalidField)
        .unwrap_or_else(|| panic!("{:#?}", out.findings));
    assert_eq!(f.location.cell.as_deref(), Some(cell.as_str()));
}
