//! Making an invulbestand.

use super::cells::CellRef;
use super::{key, Veld, DEFS_SHEET, FORMAT, INVUL_SHEET, MAP_HEADER, META_SHEET};
use crate::bundel::xlsx::CREATION_DATETIME;
use raadsbudget_domain::catalogue::{Catalogue, Post, Requirement, Unit};
use raadsbudget_domain::fase::{block_title, uitvraag_blocks};
use raadsbudget_domain::previous::last_year;
use raadsbudget_domain::{Dataset, Fase, Jaar, OrgType, Organisation};
use rust_xlsxwriter::{
    Color, DataValidation, DataValidationErrorStyle, DataValidationRule, DocProperties,
    ExcelDateTime, Format, FormatAlign, FormatBorder, Formula, Note, Workbook, Worksheet,
};

/// What an invulbestand is made for.
#[derive(Debug, Clone, Copy)]
pub struct InvulSpec<'a> {
    /// The catalogue the uitvraag is filled in under.
    pub catalogue: &'static Catalogue,
    /// The uitvraagjaar `U`.
    pub uitvraag: Jaar,
    /// The organisation; `None` makes a blank workbook whose code, name and type are input
    /// cells.
    pub organisation: Option<&'a Organisation>,
    /// The organisation's values of earlier years, for the read-only column "vorig jaar"
    /// (`None`: no such column).
    pub previous: Option<&'a Dataset>,
}

/// Why no invulbestand could be made.
#[derive(Debug, thiserror::Error)]
pub enum InvulError {
    /// The spreadsheet library refused what was asked (never for a valid catalogue).
    #[error("het invulbestand kon niet worden gemaakt door een interne fout van Raadsbudget ({0}); meld dit aan de beheerder van Raadsbudget")]
    Xlsx(String),
    /// The workbook could not be written to its destination.
    #[error("het invulbestand kon niet worden weggeschreven")]
    Io(#[from] std::io::Error),
}

impl From<rust_xlsxwriter::XlsxError> for InvulError {
    fn from(e: rust_xlsxwriter::XlsxError) -> Self {
        // The library's text is English; only its kind is kept, for the maintainer.
        let kind = format!("{e:?}");
        InvulError::Xlsx(kind.split(['(', ' ']).next().unwrap_or("").to_string())
    }
}

/// Columns of the input sheet: label, code, unit, then one group per slot (U-1, U).
const COL_LABEL: u16 = 0;
const COL_CODE: u16 = 1;
const COL_UNIT: u16 = 2;
const FIRST_SLOT_COL: u16 = 3;

/// The block a post is filled in for in slot 0 (year U-1) or slot 1 (year U).
fn slot_block(uitvraag: Jaar, post: &Post, slot: usize) -> Option<(Jaar, Fase)> {
    let jaar = if slot == 0 {
        uitvraag.saturating_sub(1)
    } else {
        uitvraag
    };
    uitvraag_blocks(uitvraag)
        .into_iter()
        .find(|&(j, f)| j == jaar && post.has_fase(f))
}

struct Layout {
    prefilled: bool,
}

impl Layout {
    fn width(&self) -> u16 {
        if self.prefilled {
            4
        } else {
            3
        }
    }

    /// The first column of a slot.
    fn slot(&self, slot: usize) -> u16 {
        FIRST_SLOT_COL + self.width() * u16::from(slot == 1)
    }

    /// The column of a field in a slot.
    fn col(&self, slot: usize, veld: Veld) -> u16 {
        let base = self.slot(slot) + u16::from(self.prefilled);
        base + match veld {
            Veld::Waarde => 0,
            Veld::Reden => 1,
            Veld::Toelichting => 2,
        }
    }

    fn last_col(&self) -> u16 {
        self.slot(1) + self.width() - 1
    }
}

/// The formats of the workbook, made once.
struct Formats {
    title: Format,
    bold: Format,
    wrap: Format,
    rule: Format,
    header: Format,
    section: Format,
    section_wrap: Format,
    locked: Format,
    input_text: Format,
    input_wrap: Format,
    previous_text: Format,
}

fn number_format(unit: Unit) -> &'static str {
    match unit {
        Unit::Euro | Unit::Fte => "#,##0.00",
        Unit::Aantal => "#,##0",
        Unit::Code => "@",
    }
}

impl Formats {
    fn new() -> Formats {
        let grey = Color::RGB(0x00F2_F2F2);
        let input = Format::new()
            .set_unlocked()
            .set_border(FormatBorder::Thin)
            .set_border_color(Color::RGB(0x0080_8080))
            .set_align(FormatAlign::Top);
        Formats {
            title: Format::new().set_bold().set_font_size(14),
            bold: Format::new().set_bold(),
            wrap: Format::new().set_text_wrap().set_align(FormatAlign::Top),
            rule: Format::new().set_text_wrap().set_align(FormatAlign::Top),
            header: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Top)
                .set_background_color(Color::RGB(0x00DD_E4EE))
                .set_border(FormatBorder::Thin),
            section: Format::new().set_bold().set_background_color(grey),
            section_wrap: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_background_color(grey),
            locked: Format::new().set_align(FormatAlign::Top),
            input_text: input.clone().set_num_format("@"),
            input_wrap: input.set_num_format("@").set_text_wrap(),
            previous_text: Format::new()
                .set_background_color(grey)
                .set_text_wrap()
                .set_align(FormatAlign::Top),
        }
    }

    fn input_number(unit: Unit) -> Format {
        Format::new()
            .set_unlocked()
            .set_border(FormatBorder::Thin)
            .set_border_color(Color::RGB(0x0080_8080))
            .set_align(FormatAlign::Top)
            .set_num_format(number_format(unit))
    }

    fn previous_number(unit: Unit) -> Format {
        Format::new()
            .set_background_color(Color::RGB(0x00F2_F2F2))
            .set_align(FormatAlign::Top)
            .set_num_format(number_format(unit))
    }
}

/// One row of the cell map.
struct MapRow {
    cell: CellRef,
    block: Option<(Jaar, Fase)>,
    post: String,
    veld: Veld,
}

/// Writes the invulbestand of `spec` to `out`.
pub fn write(spec: &InvulSpec<'_>, mut out: impl std::io::Write) -> Result<(), InvulError> {
    let bytes = to_bytes(spec)?;
    out.write_all(&bytes)?;
    out.flush()?;
    Ok(())
}

fn to_bytes(spec: &InvulSpec<'_>) -> Result<Vec<u8>, InvulError> {
    let cat = spec.catalogue;
    let mut workbook = Workbook::new();
    let (year, month, day) = CREATION_DATETIME;
    let created = ExcelDateTime::from_ymd(year, month, day)?;
    workbook.set_properties(
        &DocProperties::new()
            .set_title(format!(
                "Invulbestand raadsondersteuning, uitvraag {}",
                spec.uitvraag
            ))
            .set_subject(format!("{} {}", cat.titel, cat.versie))
            .set_author("Raadsbudget")
            .set_creation_datetime(&created),
    );
    let formats = Formats::new();
    let layout = Layout {
        prefilled: spec.previous.is_some(),
    };
    let mut map = Vec::new();
    let mut invul = Worksheet::new();
    invul.set_name(INVUL_SHEET)?;
    let field_headers = write_invul(&mut invul, spec, &layout, &formats, &mut map)?;
    invul.set_active(true);
    workbook.push_worksheet(invul);

    let mut defs = Worksheet::new();
    defs.set_name(DEFS_SHEET)?;
    write_definities(&mut defs, cat, &formats)?;
    workbook.push_worksheet(defs);

    let mut meta = Worksheet::new();
    meta.set_name(META_SHEET)?;
    write_meta(&mut meta, spec, &map, field_headers)?;
    workbook.push_worksheet(meta);
    Ok(workbook.save_to_buffer()?)
}

/// An estimate of the rows a wrapped text takes in a width of `chars` characters.
fn lines_for(text: &str, chars: usize) -> u32 {
    let per_line = chars.max(10);
    let lines: usize = text
        .split('\n')
        .map(|l| l.chars().count().div_ceil(per_line).max(1))
        .sum();
    u32::try_from(lines).unwrap_or(u32::MAX).max(1)
}

const LINE_HEIGHT: u32 = 15;

/// The width of the column "vorig jaar", in characters.
const PREVIOUS_WIDTH: u16 = 24;

/// The catalogue's general rules from `row` on, each merged across the columns up to `last`
/// (about `chars` characters wide) and as high as its text; returns the row after them.
fn write_rules(
    sheet: &mut Worksheet,
    cat: &Catalogue,
    f: &Formats,
    mut row: u32,
    last: u16,
    chars: usize,
) -> Result<u32, InvulError> {
    sheet.write_string_with_format(row, 0, "Algemene regels", &f.bold)?;
    row += 1;
    for (i, rule) in cat.algemene_regels.iter().enumerate() {
        let text = format!("{}. {rule}", i + 1);
        sheet.merge_range(row, 0, row, last, &text, &f.rule)?;
        sheet.set_row_height(row, f64::from(LINE_HEIGHT * lines_for(&text, chars)))?;
        row += 1;
    }
    Ok(row + 1)
}

fn write_invul(
    sheet: &mut Worksheet,
    spec: &InvulSpec<'_>,
    layout: &Layout,
    f: &Formats,
    map: &mut Vec<MapRow>,
) -> Result<u32, InvulError> {
    let cat = spec.catalogue;
    let u = spec.uitvraag;
    let last = layout.last_col();
    let cell = |row: u32, col: u16| CellRef {
        sheet: INVUL_SHEET.to_string(),
        row,
        col: u32::from(col),
    };

    // Widths: label, code, unit, then per slot (vorig jaar), waarde, reden, toelichting.
    sheet.set_column_width(COL_LABEL, 46)?;
    sheet.set_column_width(COL_CODE, 27)?;
    sheet.set_column_width(COL_UNIT, 9)?;
    for slot in 0..2 {
        if layout.prefilled {
            sheet.set_column_width(layout.slot(slot), PREVIOUS_WIDTH)?;
        }
        sheet.set_column_width(layout.col(slot, Veld::Waarde), 16)?;
        sheet.set_column_width(layout.col(slot, Veld::Reden), 10)?;
        sheet.set_column_width(layout.col(slot, Veld::Toelichting), 32)?;
    }
    let chars_total = 46
        + 27
        + 9
        + 2 * (16
            + 10
            + 32
            + if layout.prefilled {
                usize::from(PREVIOUS_WIDTH)
            } else {
                0
            });

    let mut row: u32 = 0;
    sheet.write_string_with_format(
        row,
        0,
        format!("Invulbestand raadsondersteuning, uitvraag {u}"),
        &f.title,
    )?;
    row += 1;
    // The header (two rows), frozen at the top: what follows (the organisation, the general
    // rules, the posts) scrolls beneath it, so the frozen part stays small.
    sheet.write_string_with_format(row, COL_LABEL, "Post", &f.header)?;
    sheet.write_string_with_format(row, COL_CODE, "Code", &f.header)?;
    sheet.write_string_with_format(row, COL_UNIT, "Eenheid", &f.header)?;
    for (slot, jaar) in [(0, u.saturating_sub(1)), (1, u)] {
        let first = layout.slot(slot);
        sheet.merge_range(
            row,
            first,
            row,
            first + layout.width() - 1,
            &jaar.to_string(),
            &f.header,
        )?;
    }
    for col in [COL_LABEL, COL_CODE, COL_UNIT] {
        sheet.write_string_with_format(row + 1, col, "", &f.header)?;
    }
    for slot in 0..2 {
        if layout.prefilled {
            sheet.write_string_with_format(
                row + 1,
                layout.slot(slot),
                "Vorig jaar (ter vergelijking)",
                &f.header,
            )?;
        }
        for (veld, rest) in [
            (Veld::Waarde, ""),
            (Veld::Reden, " als leeg (nvt, onbekend)"),
            (Veld::Toelichting, ""),
        ] {
            let title = format!("{}{rest}", veld.header_word());
            sheet.write_string_with_format(row + 1, layout.col(slot, veld), title, &f.header)?;
        }
    }
    sheet.set_row_height(row + 1, 30)?;
    let field_headers = row + 1;
    row += 2;
    sheet.set_freeze_panes(row, 0)?;
    // Printed: landscape, as wide as one page, the header on every page.
    sheet.set_landscape();
    sheet.set_paper_size(9);
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_repeat_rows(row - 2, row - 1)?;

    let intro = format!(
        "{} {}. Vul alleen de omlijnde witte cellen in; de andere cellen zijn beveiligd (zonder wachtwoord). De definitie van een post staat in de notitie bij de naam en op het blad {DEFS_SHEET}. Een lege waarde zonder reden geldt als niet ingevuld.",
        cat.titel, cat.versie
    );
    sheet.merge_range(row, 0, row, last, &intro, &f.rule)?;
    sheet.set_row_height(row, f64::from(LINE_HEIGHT * lines_for(&intro, chars_total)))?;
    row += 2;

    sheet.write_string_with_format(row, 0, "Organisatie", &f.bold)?;
    row += 1;
    let value_col = layout.col(0, Veld::Waarde);
    let org_rows: [(&str, &str, Option<String>); 3] = [
        (
            "Code (bijvoorbeeld GM0363, PV27, WS0155)",
            key::ORGANISATIE_CODE,
            spec.organisation.map(|o| o.code.to_string()),
        ),
        (
            "Naam",
            key::ORGANISATIE_NAAM,
            spec.organisation.map(|o| o.naam.clone()),
        ),
        (
            "Soort (gemeente, provincie of waterschap)",
            key::ORGANISATIE_TYPE,
            spec.organisation.map(|o| o.org_type().to_string()),
        ),
    ];
    for (label, code, known) in org_rows {
        sheet.write_string_with_format(row, COL_LABEL, label, &f.locked)?;
        sheet.write_string_with_format(row, COL_CODE, code, &f.locked)?;
        match known {
            Some(text) => {
                sheet.merge_range(row, value_col, row, value_col + 2, &text, &f.bold)?;
            }
            None => {
                sheet.merge_range(row, value_col, row, value_col + 2, "", &f.input_text)?;
                if code == key::ORGANISATIE_TYPE {
                    let types: Vec<&str> = OrgType::ALL.iter().map(|t| t.as_str()).collect();
                    let dv = DataValidation::new()
                        .allow_list_strings(&types)?
                        .set_error_title("Ongeldige soort")?
                        .set_error_message("Kies gemeente, provincie of waterschap.")?;
                    sheet.add_data_validation(row, value_col, row, value_col, &dv)?;
                }
                map.push(MapRow {
                    cell: cell(row, value_col),
                    block: None,
                    post: code.to_string(),
                    veld: Veld::Waarde,
                });
            }
        }
        row += 1;
    }
    row += 1;

    row = write_rules(sheet, cat, f, row, last, chars_total)?;

    let reasons = ["nvt", "onbekend"];
    for category in &cat.categories {
        let posts: Vec<&Post> = cat.posts_of(&category.code).collect();
        if posts.is_empty() {
            continue;
        }
        sheet.write_string_with_format(row, COL_LABEL, &category.naam, &f.section)?;
        sheet.write_string_with_format(row, COL_CODE, &category.code, &f.section)?;
        sheet.write_string_with_format(row, COL_UNIT, "", &f.section)?;
        for slot in 0..2 {
            let block = posts.iter().find_map(|p| slot_block(u, p, slot));
            let title = block.map_or_else(String::new, |(j, fase)| block_title(j, fase));
            let first = layout.slot(slot);
            sheet.merge_range(
                row,
                first,
                row,
                first + layout.width() - 1,
                &title,
                &f.section_wrap,
            )?;
        }
        row += 1;
        for post in posts {
            write_post(sheet, spec, layout, f, map, row, post, &reasons)?;
            row += 1;
        }
    }
    sheet.protect();
    Ok(field_headers)
}

#[allow(clippy::too_many_arguments)]
fn write_post(
    sheet: &mut Worksheet,
    spec: &InvulSpec<'_>,
    layout: &Layout,
    f: &Formats,
    map: &mut Vec<MapRow>,
    row: u32,
    post: &Post,
    reasons: &[&str],
) -> Result<(), InvulError> {
    let cat = spec.catalogue;
    sheet.write_string_with_format(row, COL_LABEL, &post.label, &f.wrap)?;
    let note = format!(
        "{}\n\nWat wel: {}\n\nWat niet: {}",
        post.omschrijving, post.wel, post.niet
    );
    sheet.insert_note(
        row,
        COL_LABEL,
        &Note::new(note)
            .set_author("Raadsbudget")
            .add_author_prefix(false)
            .set_width(420)
            .set_height(260),
    )?;
    sheet.write_string_with_format(row, COL_CODE, &post.code, &f.locked)?;
    let unit = match post.eenheid {
        Unit::Code => "code".to_string(),
        u => u.to_string(),
    };
    sheet.write_string_with_format(row, COL_UNIT, unit, &f.locked)?;
    // As high as its longest text: the label, or last year's value shown as text.
    let mut lines = lines_for(&post.label, 46);
    for slot in 0..2 {
        let Some((jaar, fase)) = slot_block(spec.uitvraag, post, slot) else {
            continue;
        };
        if let (Some(data), true) = (spec.previous, layout.prefilled) {
            let col = layout.slot(slot);
            let last = last_year(data, cat, jaar.saturating_sub(1), fase, post);
            match (last.number, &last.text) {
                (Some(n), _) if post.eenheid != Unit::Code => {
                    // Leaves Decimal as text, parsed by the spreadsheet's own type (no arithmetic).
                    let value: f64 = n.to_string().parse().unwrap_or_default();
                    sheet.write_number_with_format(
                        row,
                        col,
                        value,
                        &Formats::previous_number(post.eenheid),
                    )?;
                }
                (_, Some(text)) => {
                    sheet.write_string_with_format(row, col, text, &f.previous_text)?;
                    lines = lines.max(lines_for(text, usize::from(PREVIOUS_WIDTH) + 4));
                }
                (_, None) => {
                    sheet.write_string_with_format(row, col, "", &f.previous_text)?;
                }
            }
            if let Some(remark) = &last.remark {
                sheet.insert_note(
                    row,
                    col,
                    &Note::new(remark)
                        .set_author("Raadsbudget")
                        .add_author_prefix(false),
                )?;
            }
        }
        let vcol = layout.col(slot, Veld::Waarde);
        let validation = value_validation(post, row, vcol)?;
        match post.eenheid {
            Unit::Code => sheet.write_blank(row, vcol, &f.input_text)?,
            unit => sheet.write_blank(row, vcol, &Formats::input_number(unit))?,
        };
        sheet.add_data_validation(row, vcol, row, vcol, &validation)?;
        let rcol = layout.col(slot, Veld::Reden);
        sheet.write_blank(row, rcol, &f.input_text)?;
        let dv = DataValidation::new()
            .allow_list_strings(reasons)?
            .set_error_title("Ongeldige reden")?
            .set_error_message(
                "Kies nvt (niet van toepassing) of onbekend, of laat de cel leeg als u een waarde invult.",
            )?;
        sheet.add_data_validation(row, rcol, row, rcol, &dv)?;
        let tcol = layout.col(slot, Veld::Toelichting);
        sheet.write_blank(row, tcol, &f.input_wrap)?;
        for (veld, col) in [
            (Veld::Waarde, vcol),
            (Veld::Reden, rcol),
            (Veld::Toelichting, tcol),
        ] {
            map.push(MapRow {
                cell: CellRef {
                    sheet: INVUL_SHEET.to_string(),
                    row,
                    col: u32::from(col),
                },
                block: Some((jaar, fase)),
                post: post.code.clone(),
                veld,
            });
        }
    }
    if lines > 1 {
        sheet.set_row_height(row, f64::from(LINE_HEIGHT * lines))?;
    }
    Ok(())
}

/// The data validation of a value cell: euro and fte a number ≥ 0 with at most 2 decimals,
/// aantal a whole number ≥ 0, code one of the post's codes.
fn value_validation(post: &Post, row: u32, col: u16) -> Result<DataValidation, InvulError> {
    let here = super::cells::cell_name(row, u32::from(col));
    let dv = match post.eenheid {
        Unit::Euro | Unit::Fte => DataValidation::new()
            .allow_custom(Formula::new(format!(
                "=AND(ISNUMBER({here}),{here}>=0,ROUND({here},2)={here})"
            )))
            .set_error_title("Ongeldig bedrag")?
            .set_error_message(if post.eenheid == Unit::Euro {
                "Vul een bedrag in euro in: een getal van 0 of meer met ten hoogste 2 decimalen, zonder €-teken."
            } else {
                "Vul een aantal fte in: een getal van 0 of meer met ten hoogste 2 decimalen."
            })?,
        Unit::Aantal => DataValidation::new()
            .allow_whole_number(DataValidationRule::GreaterThanOrEqualTo(0))
            .set_error_title("Ongeldig aantal")?
            .set_error_message("Vul een heel getal van 0 of meer in.")?,
        Unit::Code => DataValidation::new()
            .allow_list_strings(&post.code_list())?
            .set_error_title("Ongeldige keuze")?
            .set_error_message("Kies een van de waarden uit de lijst.")?,
    };
    Ok(dv.set_error_style(DataValidationErrorStyle::Stop))
}

fn requirement_text(r: Requirement) -> &'static str {
    match r {
        Requirement::Ja => "ja",
        Requirement::Nee => "nee",
        Requirement::Gemeenschappelijk => "bij een gemeenschappelijke rekenkamer",
    }
}

fn write_definities(sheet: &mut Worksheet, cat: &Catalogue, f: &Formats) -> Result<(), InvulError> {
    let columns: [(&str, u16); 12] = [
        ("Categorie", 16),
        ("Code", 27),
        ("Post", 36),
        ("Eenheid", 9),
        ("Gevraagd bij", 14),
        ("Omschrijving", 50),
        ("Wat wel", 50),
        ("Wat niet", 50),
        ("Verplicht gemeente", 12),
        ("Verplicht provincie", 12),
        ("Verplicht waterschap", 12),
        ("In het kernbudget", 10),
    ];
    for (i, (_, width)) in columns.iter().enumerate() {
        sheet.set_column_width(u16::try_from(i).unwrap_or(0), *width)?;
    }
    let mut row = 0;
    sheet.write_string_with_format(row, 0, format!("{} {}", cat.titel, cat.versie), &f.title)?;
    row += 2;
    let last = u16::try_from(columns.len() - 1).unwrap_or(0);
    row = write_rules(sheet, cat, f, row, last, 300)?;
    for (i, (title, _)) in columns.iter().enumerate() {
        sheet.write_string_with_format(row, u16::try_from(i).unwrap_or(0), *title, &f.header)?;
    }
    row += 1;
    sheet.set_freeze_panes(row, 0)?;
    for post in &cat.posts {
        let category = cat
            .category(&post.categorie)
            .map_or(post.categorie.as_str(), |c| c.naam.as_str());
        let fases: Vec<&str> = post.fases.iter().map(|f| f.as_str()).collect();
        let unit = if post.eenheid == Unit::Code {
            format!("code: {}", post.code_list().join(", "))
        } else {
            post.eenheid.to_string()
        };
        let cells: [&str; 12] = [
            category,
            &post.code,
            &post.label,
            &unit,
            &fases.join(", "),
            &post.omschrijving,
            &post.wel,
            &post.niet,
            requirement_text(post.verplicht.gemeente),
            requirement_text(post.verplicht.provincie),
            requirement_text(post.verplicht.waterschap),
            if post.kernbudget { "ja" } else { "nee" },
        ];
        let mut lines = 1;
        for (i, text) in cells.iter().enumerate() {
            sheet.write_string_with_format(row, u16::try_from(i).unwrap_or(0), *text, &f.wrap)?;
            let width = columns.get(i).map_or(10, |c| usize::from(c.1));
            lines = lines.max(lines_for(text, width));
        }
        sheet.set_row_height(row, f64::from(LINE_HEIGHT * lines))?;
        row += 1;
    }
    sheet.protect();
    Ok(())
}

fn write_meta(
    sheet: &mut Worksheet,
    spec: &InvulSpec<'_>,
    map: &[MapRow],
    field_headers: u32,
) -> Result<(), InvulError> {
    let org = spec.organisation;
    let rows: [(&str, String); 8] = [
        (key::FORMAAT, FORMAT.to_string()),
        (key::DEFINITIES, spec.catalogue.versie.clone()),
        (key::UITVRAAGJAAR, spec.uitvraag.to_string()),
        (
            key::ORGANISATIE_CODE,
            org.map(|o| o.code.to_string()).unwrap_or_default(),
        ),
        (
            key::ORGANISATIE_NAAM,
            org.map(|o| o.naam.clone()).unwrap_or_default(),
        ),
        (
            key::ORGANISATIE_TYPE,
            org.map(|o| o.org_type().to_string()).unwrap_or_default(),
        ),
        (
            key::CODEKOLOM,
            super::cells::column_letters(u32::from(COL_CODE)),
        ),
        (key::KOPREGEL, (u64::from(field_headers) + 1).to_string()),
    ];
    let mut row = 0;
    for (k, v) in rows {
        sheet.write_string(row, 0, k)?;
        sheet.write_string(row, 1, v)?;
        row += 1;
    }
    row += 1;
    for (i, h) in MAP_HEADER.iter().enumerate() {
        sheet.write_string(row, u16::try_from(i).unwrap_or(0), *h)?;
    }
    row += 1;
    for m in map {
        sheet.write_string(row, 0, m.cell.name())?;
        if let Some((jaar, fase)) = m.block {
            sheet.write_number(row, 1, f64::from(jaar))?;
            sheet.write_string(row, 2, fase.as_str())?;
        }
        sheet.write_string(row, 3, &m.post)?;
        sheet.write_string(row, 4, m.veld.as_str())?;
        row += 1;
    }
    sheet.set_column_width(0, 18)?;
    sheet.set_column_width(1, 30)?;
    sheet.set_column_width(3, 27)?;
    sheet.set_hidden(true);
    sheet.protect();
    Ok(())
}
