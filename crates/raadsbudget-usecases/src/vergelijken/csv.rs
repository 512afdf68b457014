//! The comparison table as CSV (`raadsbudget_formats::vergelijking::tabel`).

use crate::views::VergelijkingView;
use raadsbudget_formats::table::{Cell, CsvTableWriter};
use rust_decimal::Decimal;
use std::io::Write;

/// Writes the rows of a comparison, in the screen's default order (highest value first).
pub(crate) fn write<W: Write>(v: &VergelijkingView, out: W) -> std::io::Result<()> {
    let spec = raadsbudget_formats::vergelijking::tabel();
    let mut w = CsvTableWriter::new(out, &spec)?;
    let r = &v.verzoek;
    for row in &v.rijen {
        let inwoners: Option<i64> = row
            .inwoners
            .as_deref()
            .and_then(|t| t.replace('.', "").parse().ok());
        let waarde: Option<Decimal> = row.waarde.as_ref().and_then(|g| g.getal.parse().ok());
        w.row(&[
            Cell::Integer(i64::from(r.jaar)),
            Cell::Text(&r.fase),
            Cell::Text(&r.categorie),
            Cell::Text(&r.indicator),
            Cell::Text(&v.groep_naam),
            row.plaats
                .map_or(Cell::Empty, |p| Cell::Integer(i64::from(p))),
            Cell::Text(&row.code),
            Cell::Text(&row.naam),
            row.grootteklasse
                .map_or(Cell::Empty, |k| Cell::Integer(i64::from(k))),
            row.provincie.as_deref().map_or(Cell::Empty, Cell::Text),
            inwoners.map_or(Cell::Empty, Cell::Integer),
            Cell::from(waarde),
            Cell::Boolean(row.eigen),
        ])?;
    }
    w.finish()?;
    Ok(())
}
