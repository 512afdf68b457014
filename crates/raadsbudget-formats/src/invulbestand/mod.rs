//! The spreadsheet invulbestand, format `bzk-raadsondersteuning-xlsx/1`: the paper form of the
//! benchmark file (`docs/invulbestand.md`, mirroring the project's spec). A different carrier,
//! the same data, the same rules.
//!
//! - [`write()`] makes a workbook for one uitvraag: the sheet [`INVUL_SHEET`] with every post
//!   of the catalogue (label, code, unit; the definition as a note on the label; the general
//!   rules on top), input cells for each block the organisation fills in (value, reason,
//!   toelichting), last year's values in a read-only column when known, data validation on
//!   every input, the sheets protected without a password, Dutch number formats, frozen
//!   headers; the sheet [`DEFS_SHEET`] with the whole catalogue; the hidden sheet
//!   [`META_SHEET`] with the metadata and the cell map. Deterministic: the same input gives
//!   the same bytes.
//! - [`read()`] finds the input cells through the hidden sheet's cell map (never through fixed
//!   coordinates), checks that the post code beside each input still says what it said, and
//!   hands what was filled in to the benchmark file's own reader as the file it stands for, so
//!   the data, the rules and the codes are the same by construction. Its findings name the
//!   workbook, the sheet and the cell (`inzending.xlsx!Invullen!E14`). Whatever the bytes: a
//!   damaged, encrypted, huge or foreign workbook is a finding, never a panic, and memory stays
//!   bounded (the unpacked size is measured before a spreadsheet library sees the parts).

mod cells;
mod read;
mod write;

pub use cells::{cell_name, parse_cell, CellRef};
pub use read::{is_workbook, read, MAX_CELLS, MAX_PARTS, MAX_UNPACKED_BYTES};
pub use write::{write, InvulError, InvulSpec};

use raadsbudget_domain::{Jaar, OrgCode};

/// The value of `formaat` in the hidden sheet.
pub const FORMAT: &str = "bzk-raadsondersteuning-xlsx/1";

/// The sheet with the input cells.
pub const INVUL_SHEET: &str = "Invullen";

/// The sheet with the whole catalogue.
pub const DEFS_SHEET: &str = "Definities";

/// The hidden sheet with the metadata and the cell map.
pub const META_SHEET: &str = "raadsbudget";

/// The header of the cell map in [`META_SHEET`].
pub const MAP_HEADER: [&str; 5] = ["cel", "jaar", "fase", "post", "veld"];

/// The keys of the metadata rows, in order (`revisie`, `codekolom` and `kopregel` are
/// optional: the revisie is 1 unless the sheet says otherwise; the post codes are in column B
/// unless it says otherwise; without `kopregel` the column headers are not checked).
pub mod key {
    /// `bzk-raadsondersteuning-xlsx/1`.
    pub const FORMAAT: &str = "formaat";
    /// The catalogue version.
    pub const DEFINITIES: &str = "definities";
    /// The uitvraagjaar.
    pub const UITVRAAGJAAR: &str = "uitvraagjaar";
    /// The organisation's code (empty when made blank).
    pub const ORGANISATIE_CODE: &str = "organisatie_code";
    /// The organisation's name (empty when made blank).
    pub const ORGANISATIE_NAAM: &str = "organisatie_naam";
    /// The organisation's type (empty when made blank).
    pub const ORGANISATIE_TYPE: &str = "organisatie_type";
    /// The revisie of the submission (optional; 1 when absent).
    pub const REVISIE: &str = "revisie";
    /// The column of the post codes on the input sheet, as letters (optional; `B`).
    pub const CODEKOLOM: &str = "codekolom";
    /// The row (1-based) of the column headers of the input cells on the input sheet, each
    /// starting with [`super::Veld::header_word`].
    pub const KOPREGEL: &str = "kopregel";
}

/// What an input cell holds: `veld` in the cell map.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Veld {
    /// The value.
    Waarde,
    /// The reason (`nvt`, `onbekend`).
    Reden,
    /// The toelichting.
    Toelichting,
}

impl Veld {
    /// The three fields, in the order of the sheet's columns.
    pub const ALL: [Veld; 3] = [Veld::Waarde, Veld::Reden, Veld::Toelichting];

    /// The text in the cell map.
    pub fn as_str(self) -> &'static str {
        match self {
            Veld::Waarde => "waarde",
            Veld::Reden => "reden",
            Veld::Toelichting => "toelichting",
        }
    }

    /// The first word of the column header above an input cell of this field.
    pub fn header_word(self) -> &'static str {
        match self {
            Veld::Waarde => "Waarde",
            Veld::Reden => "Reden",
            Veld::Toelichting => "Toelichting",
        }
    }

    /// The field of a text in the cell map.
    pub fn parse(text: &str) -> Option<Veld> {
        Veld::ALL.into_iter().find(|v| v.as_str() == text)
    }
}

/// `invulbestand_<U>_<code>.xlsx`, or `invulbestand_<U>_leeg.xlsx` for a blank one.
pub fn file_name(uitvraag: Jaar, code: Option<&OrgCode>) -> String {
    match code {
        Some(code) => format!("invulbestand_{uitvraag}_{code}.xlsx"),
        None => format!("invulbestand_{uitvraag}_leeg.xlsx"),
    }
}

#[cfg(test)]
mod encrypted_tests;
#[cfg(test)]
mod tests;
