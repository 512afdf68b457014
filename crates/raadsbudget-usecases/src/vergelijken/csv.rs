//! The comparison table as CSV (`raadsbudget_formats::vergelijking::tabel`).

use raadsbudget_domain::vergelijking::Comparison;
use raadsbudget_formats::table::{Cell, CsvTableWriter};
use rust_decimal::prelude::ToPrimitive;
use std::io::Write;

/// Writes the rows of a comparison, in the screen's default order (highest value first).
pub(crate) fn write<W: Write>(v: &Comparison<'_>, out: W) -> std::io::Result<()> {
    let spec = raadsbudget_formats::vergelijking::tabel();
    let mut w = CsvTableWriter::new(out, &spec)?;
    let r = &v.verzoek;
    for row in &v.rijen {
        let o = row.org;
        w.row(&[
            Cell::Integer(i64::from(v.jaar)),
            Cell::Text(r.fase.as_str()),
            Cell::Text(&r.categorie),
            Cell::Text(r.indicator.code()),
            Cell::Text(&v.groep_naam),
            row.plaats
                .map_or(Cell::Empty, |p| Cell::Integer(i64::from(p))),
            Cell::Text(o.organisation.code.as_str()),
            Cell::Text(&o.organisation.naam),
            o.grootteklasse(v.jaar, v.fase)
                .map_or(Cell::Empty, |k| Cell::Integer(i64::from(k))),
            o.provincie.as_deref().map_or(Cell::Empty, Cell::Text),
            o.inwoners(v.jaar)
                .as_ref()
                .and_then(ToPrimitive::to_i64)
                .map_or(Cell::Empty, Cell::Integer),
            Cell::from(row.waarde),
            Cell::Boolean(row.eigen),
        ])?;
    }
    w.finish()?;
    Ok(())
}
