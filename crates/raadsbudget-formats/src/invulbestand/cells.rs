//! Cell references: `E14` ⇄ (row, column), 0-based, and `Invullen!E14` with its sheet.

/// The most rows and columns of a worksheet (Excel's limits).
const MAX_ROW: u32 = 1_048_575;
const MAX_COL: u32 = 16_383;

/// A sheet-qualified cell, 0-based.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CellRef {
    /// The sheet name (unquoted).
    pub sheet: String,
    /// 0-based row.
    pub row: u32,
    /// 0-based column.
    pub col: u32,
}

impl CellRef {
    /// `Invullen!E14`.
    pub fn name(&self) -> String {
        let sheet = if self.sheet.chars().all(|c| c.is_alphanumeric() || c == '_') {
            self.sheet.clone()
        } else {
            format!("'{}'", self.sheet.replace('\'', "''"))
        };
        format!("{sheet}!{}", cell_name(self.row, self.col))
    }
}

/// The column letters of a 0-based column: 0 → `A`, 26 → `AA`.
pub fn column_letters(col: u32) -> String {
    let mut n = u64::from(col) + 1;
    let mut out = Vec::new();
    while n > 0 {
        let rem = u8::try_from((n - 1) % 26).unwrap_or(0);
        out.push(char::from(b'A' + rem));
        n = (n - 1) / 26;
    }
    out.iter().rev().collect()
}

/// The 0-based column of column letters (`A` → 0); `None` for anything else.
pub fn parse_column(letters: &str) -> Option<u32> {
    if letters.is_empty() || letters.len() > 3 {
        return None;
    }
    let mut n: u32 = 0;
    for b in letters.bytes() {
        if !b.is_ascii_uppercase() {
            return None;
        }
        n = n * 26 + u32::from(b - b'A' + 1);
    }
    n.checked_sub(1).filter(|c| *c <= MAX_COL)
}

/// `E14` for row 13, column 4 (0-based).
pub fn cell_name(row: u32, col: u32) -> String {
    format!("{}{}", column_letters(col), u64::from(row) + 1)
}

/// A sheet-qualified reference such as `Invullen!E14` or `'Mijn blad'!$E$14`; `None` when it
/// is not one.
pub fn parse_cell(text: &str) -> Option<CellRef> {
    let (sheet, cell) = text.rsplit_once('!')?;
    let sheet = match sheet.strip_prefix('\'') {
        Some(quoted) => quoted.strip_suffix('\'')?.replace("''", "'"),
        None => sheet.to_string(),
    };
    if sheet.is_empty() {
        return None;
    }
    let cell = cell.replace('$', "");
    let split = cell.find(|c: char| c.is_ascii_digit())?;
    let (letters, digits) = cell.split_at(split);
    let col = parse_column(letters)?;
    if digits.starts_with('0') || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let row: u32 = digits.parse().ok()?;
    let row = row.checked_sub(1).filter(|r| *r <= MAX_ROW)?;
    Some(CellRef { sheet, row, col })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_parses_cells() {
        assert_eq!(cell_name(13, 4), "E14");
        assert_eq!(cell_name(0, 26), "AA1");
        assert_eq!(cell_name(0, 16_383), "XFD1");
        for col in [0, 25, 26, 51, 52, 701, 702, 16_383] {
            assert_eq!(parse_column(&column_letters(col)), Some(col));
        }
        let c = parse_cell("Invullen!E14").unwrap();
        assert_eq!((c.sheet.as_str(), c.row, c.col), ("Invullen", 13, 4));
        assert_eq!(c.name(), "Invullen!E14");
        let q = parse_cell("'Mijn blad'!$B$2").unwrap();
        assert_eq!((q.sheet.as_str(), q.row, q.col), ("Mijn blad", 1, 1));
        assert_eq!(q.name(), "'Mijn blad'!B2");
        for bad in [
            "E14",
            "!E14",
            "Invullen!14",
            "Invullen!E0",
            "Invullen!E",
            "x!XFE1",
            "x!e1",
        ] {
            assert_eq!(parse_cell(bad), None, "{bad}");
        }
    }
}
