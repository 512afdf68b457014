//! The factsheet as HTML: a self-contained fragment (its own scoped `<style>`, inline SVG
//! charts, no scripts, no external resources) and a full document around it.
//!
//! Accessibility (WCAG 2.1 AA): `lang="nl"`, real headings, tables with `<caption>` and
//! `scope`d headers, text no lighter than `#595959` on white, and every chart an
//! `<svg role="img">` with `<title>` and `<desc>` followed by the same figures as a visible
//! table, so nobody depends on the picture or on colour.
#![allow(
    clippy::float_arithmetic,
    reason = "SVG geometry is drawing, not money (clippy.toml); today it is Decimal, see pdf.rs"
)]

use super::{posities_axis, runs, spread, trend_axis, Axis, Factsheet, Positions, Table, Trend};
use rust_decimal::Decimal;
use std::fmt::Write as _;

/// Escapes `&`, `<`, `>`, `"` and `'` for HTML text and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The stylesheet of the fragment; every selector is scoped under `.factsheet`.
const STYLE: &str = "\
.factsheet{font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,Helvetica,Arial,sans-serif;color:#1a1a1a;background:#fff;max-width:190mm;margin:0 auto;padding:0 1em;line-height:1.4;font-size:11pt}
.factsheet .fs-titel{font-size:1.5em;line-height:1.2;margin:.5em 0 .2em}
.factsheet .fs-kop{font-size:1.1em;margin:1.2em 0 .4em}
.factsheet .fs-organisatie{font-weight:bold;margin:0}
.factsheet .fs-ondertitel{color:#595959;margin:.2em 0 0}
.factsheet dl{display:grid;grid-template-columns:max-content 1fr;gap:.1em 1em;margin:0}
.factsheet dt{color:#595959}
.factsheet dd{margin:0}
.factsheet table{border-collapse:collapse;width:100%;margin:0 0 1em;font-size:.95em}
.factsheet caption{text-align:left;font-weight:bold;padding:0 0 .3em}
.factsheet th,.factsheet td{padding:.15em .5em;border-bottom:1px solid #d9d9d9;text-align:left;vertical-align:top}
.factsheet thead th{border-bottom:2px solid #000}
.factsheet tbody th{font-weight:normal}
.factsheet .fs-num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.factsheet .fs-nadruk th,.factsheet .fs-nadruk td{font-weight:bold;border-top:2px solid #000}
.factsheet .fs-grafiek{display:block;width:100%;max-width:170mm;height:auto}
.factsheet .fs-legenda{list-style:none;padding:0;margin:.3em 0 .6em;display:flex;flex-wrap:wrap;gap:.3em 1.5em;font-size:.9em}
.factsheet .fs-legenda svg{display:inline-block;vertical-align:middle;margin-right:.3em}
.factsheet footer{margin-top:1.5em;border-top:1px solid #d9d9d9;padding-top:.5em}
.factsheet footer p{font-size:.85em;color:#595959;margin:.2em 0}
@media print{.factsheet{font-size:9pt;max-width:none;padding:0;color:#000}.factsheet section,.factsheet table,.factsheet svg{break-inside:avoid;page-break-inside:avoid}.factsheet .fs-kop{break-after:avoid;page-break-after:avoid}}
@page{size:A4;margin:15mm}
";

/// The factsheet as an `<article class="factsheet" lang="nl">` with its own `<style>`.
/// `niveau` is the heading level of its title (1 in a document of its own, 2 inside a page
/// that has its own `<h1>`); the sections are one level below it. The look does not depend on
/// the level. Deterministic: the same model gives the same bytes.
pub fn fragment(f: &Factsheet, niveau: u8) -> String {
    let niveau = niveau.clamp(1, 5);
    let sub = niveau + 1;
    let id = id_prefix(f);
    let mut out = String::new();
    out.push_str("<article class=\"factsheet\" lang=\"nl\">\n<style>\n");
    out.push_str(STYLE);
    out.push_str("</style>\n<header>\n");
    let _ = writeln!(
        out,
        "<h{niveau} class=\"fs-titel\">{}</h{niveau}>",
        escape(or(&f.titel, "Factsheet"))
    );
    if !f.organisatie.is_empty() {
        let _ = writeln!(
            out,
            "<p class=\"fs-organisatie\">{}</p>",
            escape(&f.organisatie)
        );
    }
    if !f.ondertitel.is_empty() {
        let _ = writeln!(
            out,
            "<p class=\"fs-ondertitel\">{}</p>",
            escape(&f.ondertitel)
        );
    }
    out.push_str("</header>\n");
    if !f.kenmerken.is_empty() {
        let _ = writeln!(
            out,
            "<section aria-labelledby=\"{id}-kenmerken\">\n<h{sub} class=\"fs-kop\" id=\"{id}-kenmerken\">Kenmerken</h{sub}>\n<dl>"
        );
        for (label, value) in &f.kenmerken {
            let _ = writeln!(out, "<dt>{}</dt><dd>{}</dd>", escape(label), escape(value));
        }
        out.push_str("</dl>\n</section>\n");
    }
    if !f.tabellen.is_empty() {
        let _ = writeln!(
            out,
            "<section aria-labelledby=\"{id}-cijfers\">\n<h{sub} class=\"fs-kop\" id=\"{id}-cijfers\">Eigen cijfers</h{sub}>"
        );
        for t in &f.tabellen {
            table(&mut out, t);
        }
        out.push_str("</section>\n");
    }
    posities(&mut out, &f.posities, &id, sub);
    if let Some(t) = &f.trend {
        trend(&mut out, t, &id, sub);
    }
    if !f.vergelijkbaarheid.is_empty() {
        let _ = writeln!(
            out,
            "<section aria-labelledby=\"{id}-vergelijkbaarheid\">\n<h{sub} class=\"fs-kop\" id=\"{id}-vergelijkbaarheid\">Vergelijkbaarheid over de jaren</h{sub}>\n<ul>"
        );
        for v in &f.vergelijkbaarheid {
            let _ = writeln!(out, "<li>{}</li>", escape(v));
        }
        out.push_str("</ul>\n</section>\n");
    }
    if !f.voetnoten.is_empty() {
        out.push_str("<footer>\n");
        for v in &f.voetnoten {
            let _ = writeln!(out, "<p>{}</p>", escape(v));
        }
        out.push_str("</footer>\n");
    }
    out.push_str("</article>\n");
    out
}

/// A complete HTML document (`<!DOCTYPE html>`, `lang="nl"`, UTF-8, title = the factsheet's
/// title) whose body is the [`fragment`].
pub fn write_document<W: std::io::Write>(f: &Factsheet, mut w: W) -> std::io::Result<()> {
    let mut doc = String::new();
    doc.push_str("<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n");
    doc.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let _ = writeln!(doc, "<title>{}</title>", escape(or(&f.titel, "Factsheet")));
    doc.push_str("</head>\n<body>\n<main>\n");
    doc.push_str(&fragment(f, 1));
    doc.push_str("</main>\n</body>\n</html>\n");
    w.write_all(doc.as_bytes())?;
    w.flush()
}

fn or<'a>(text: &'a str, fallback: &'a str) -> &'a str {
    if text.trim().is_empty() {
        fallback
    } else {
        text
    }
}

/// A prefix for the fragment's element ids, derived from its title and organisation (FNV-1a),
/// so two factsheets on one page do not share ids and the output stays deterministic.
fn id_prefix(f: &Factsheet) -> String {
    let mut hash: u32 = 0x811c_9dc5;
    for b in f
        .titel
        .bytes()
        .chain(std::iter::once(0))
        .chain(f.organisatie.bytes())
    {
        hash ^= u32::from(b);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    format!("fs{hash:08x}")
}

/// A number with one decimal for SVG coordinates.
fn n(d: Decimal) -> String {
    format!("{:.1}", d.round_dp(1))
}

fn d(v: i64) -> Decimal {
    Decimal::from(v)
}

/// `text`, or `–` when it is empty.
fn cell(text: &str) -> String {
    if text.trim().is_empty() {
        "–".to_string()
    } else {
        escape(text)
    }
}

fn table(out: &mut String, t: &Table) {
    out.push_str("<table>\n");
    let _ = writeln!(out, "<caption>{}</caption>", escape(or(&t.titel, "Tabel")));
    if !t.kolommen.is_empty() {
        out.push_str("<thead><tr>");
        for (i, k) in t.kolommen.iter().enumerate() {
            let class = if i == 0 { "" } else { " class=\"fs-num\"" };
            let _ = write!(out, "<th scope=\"col\"{class}>{}</th>", escape(k));
        }
        out.push_str("</tr></thead>\n");
    }
    out.push_str("<tbody>\n");
    for (r, row) in t.rijen.iter().enumerate() {
        if t.nadruk == Some(r) {
            out.push_str("<tr class=\"fs-nadruk\">");
        } else {
            out.push_str("<tr>");
        }
        for (i, c) in row.iter().enumerate() {
            if i == 0 {
                let _ = write!(out, "<th scope=\"row\">{}</th>", cell(c));
            } else {
                let _ = write!(out, "<td class=\"fs-num\">{}</td>", cell(c));
            }
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

/// Opens an `<svg role="img">` labelled by its `<title>` and described by its `<desc>`.
fn svg_open(out: &mut String, id: &str, width: i64, height: i64, title: &str, desc: &str) {
    let _ = writeln!(
        out,
        "<svg class=\"fs-grafiek\" role=\"img\" aria-labelledby=\"{id}-titel\" aria-describedby=\"{id}-desc\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" xmlns=\"http://www.w3.org/2000/svg\" font-family=\"Helvetica, Arial, sans-serif\">"
    );
    let _ = writeln!(out, "<title id=\"{id}-titel\">{}</title>", escape(title));
    let _ = writeln!(out, "<desc id=\"{id}-desc\">{}</desc>", escape(desc));
}

/// A legend entry: a small decorative sample and its text.
fn legend_item(out: &mut String, sample: &str, text: &str) {
    let _ = writeln!(
        out,
        "<li><svg aria-hidden=\"true\" focusable=\"false\" width=\"24\" height=\"14\" viewBox=\"0 0 24 14\">{sample}</svg>{}</li>",
        escape(text)
    );
}

/// Shortens a label for the chart (the full text is in the table under it).
fn short(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let mut s: String = text.chars().take(max.saturating_sub(1)).collect();
        s.push('…');
        s
    }
}

// Positions chart geometry (SVG user units).
const P_WIDTH: i64 = 640;
const P_LABEL_X: i64 = 0;
const P_X0: i64 = 190;
const P_X1: i64 = 610;
const P_TOP: i64 = 8;
const P_ROW: i64 = 36;

fn posities(out: &mut String, p: &Positions, id: &str, sub: u8) {
    if p.regels.is_empty() && p.titel.trim().is_empty() && p.tekstalternatief.trim().is_empty() {
        return;
    }
    let heading = or(&p.titel, "Positie tussen vergelijkbare organisaties");
    let _ = writeln!(
        out,
        "<section aria-labelledby=\"{id}-posities\">\n<h{sub} class=\"fs-kop\" id=\"{id}-posities\">{}</h{sub}>",
        escape(heading)
    );
    if !p.regels.is_empty() {
        let axis = posities_axis(p);
        let rows = i64::try_from(p.regels.len()).unwrap_or(i64::MAX / 2 / P_ROW);
        let axis_y = P_TOP + rows * P_ROW;
        let height = axis_y + 40;
        let desc = or(&p.tekstalternatief, heading);
        svg_open(
            out,
            &format!("{id}-posgrafiek"),
            P_WIDTH,
            height,
            heading,
            desc,
        );
        let (x0, x1) = (d(P_X0), d(P_X1));
        // Grid lines and tick labels.
        for tick in axis.ticks() {
            let x = n(axis.map(tick, x0, x1));
            let _ = writeln!(
                out,
                "<line x1=\"{x}\" y1=\"{P_TOP}\" x2=\"{x}\" y2=\"{axis_y}\" stroke=\"#d9d9d9\" stroke-width=\"1\"/>\n<text x=\"{x}\" y=\"{}\" font-size=\"11\" text-anchor=\"middle\" fill=\"#1a1a1a\">{}</text>",
                axis_y + 14,
                escape(&axis.label(tick))
            );
        }
        let _ = writeln!(
            out,
            "<line x1=\"{P_X0}\" y1=\"{axis_y}\" x2=\"{P_X1}\" y2=\"{axis_y}\" stroke=\"#000\" stroke-width=\"1\"/>"
        );
        if !p.eenheid.is_empty() {
            let _ = writeln!(
                out,
                "<text x=\"{P_X1}\" y=\"{}\" font-size=\"11\" text-anchor=\"end\" fill=\"#1a1a1a\">{}</text>",
                axis_y + 32,
                escape(&p.eenheid)
            );
        }
        for (i, r) in p.regels.iter().enumerate() {
            let i = i64::try_from(i).unwrap_or(0);
            let cy = d(P_TOP + i * P_ROW + P_ROW / 2 + 4);
            let _ = writeln!(
                out,
                "<text x=\"{P_LABEL_X}\" y=\"{}\" font-size=\"12\" fill=\"#1a1a1a\">{}</text>",
                n(cy + d(4)),
                escape(&short(&r.label, 28))
            );
            if let Some(s) = r.spreiding {
                let (min, max) = (axis.map(s.min, x0, x1), axis.map(s.max, x0, x1));
                let (p25, p75) = (axis.map(s.p25, x0, x1), axis.map(s.p75, x0, x1));
                let med = axis.map(s.mediaan, x0, x1);
                let _ = writeln!(
                    out,
                    "<line x1=\"{}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\" stroke=\"#000\" stroke-width=\"1\"/>",
                    n(min),
                    n(max),
                    y = n(cy)
                );
                let _ = writeln!(
                    out,
                    "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"12\" fill=\"#bfbfbf\" stroke=\"#595959\" stroke-width=\"1\"/>",
                    n(p25),
                    n(cy - d(6)),
                    n(p75 - p25)
                );
                let _ = writeln!(
                    out,
                    "<line x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\" stroke=\"#000\" stroke-width=\"3\"/>",
                    n(cy - d(8)),
                    n(cy + d(8)),
                    x = n(med)
                );
            }
            if let Some(e) = r.eigen {
                let x = axis.map(e, x0, x1);
                let _ = writeln!(
                    out,
                    "<polygon points=\"{},{} {},{} {},{} {},{}\" fill=\"#000\" stroke=\"#fff\" stroke-width=\"1\"/>",
                    n(x),
                    n(cy - d(7)),
                    n(x + d(7)),
                    n(cy),
                    n(x),
                    n(cy + d(7)),
                    n(x - d(7)),
                    n(cy)
                );
                let _ = writeln!(
                    out,
                    "<text x=\"{}\" y=\"{}\" font-size=\"11\" text-anchor=\"middle\" fill=\"#000\">{}</text>",
                    n(x),
                    n(cy - d(10)),
                    escape(&r.eigen_tekst)
                );
            }
        }
        out.push_str("</svg>\n<ul class=\"fs-legenda\">\n");
        legend_item(
            out,
            "<polygon points=\"12,1 18,7 12,13 6,7\" fill=\"#000\"/>",
            "eigen waarde",
        );
        legend_item(
            out,
            "<line x1=\"12\" y1=\"0\" x2=\"12\" y2=\"14\" stroke=\"#000\" stroke-width=\"3\"/>",
            "mediaan",
        );
        legend_item(
            out,
            "<rect x=\"2\" y=\"2\" width=\"20\" height=\"10\" fill=\"#bfbfbf\" stroke=\"#595959\"/>",
            "25e tot 75e percentiel",
        );
        legend_item(
            out,
            "<line x1=\"0\" y1=\"7\" x2=\"24\" y2=\"7\" stroke=\"#000\" stroke-width=\"1\"/>",
            "laagste tot hoogste waarde",
        );
        out.push_str("</ul>\n");
    }
    if !p.tekstalternatief.trim().is_empty() {
        let _ = writeln!(out, "<p>{}</p>", escape(&p.tekstalternatief));
    }
    if !p.regels.is_empty() {
        out.push_str("<table>\n");
        let _ = writeln!(out, "<caption>{}</caption>", escape(heading));
        out.push_str(
            "<thead><tr><th scope=\"col\">Categorie</th><th scope=\"col\" class=\"fs-num\">Eigen</th><th scope=\"col\" class=\"fs-num\">Mediaan</th><th scope=\"col\">Positie</th></tr></thead>\n<tbody>\n",
        );
        for r in &p.regels {
            let _ = writeln!(
                out,
                "<tr><th scope=\"row\">{}</th><td class=\"fs-num\">{}</td><td class=\"fs-num\">{}</td><td>{}</td></tr>",
                cell(&r.label),
                cell(&r.eigen_tekst),
                cell(&r.mediaan_tekst),
                cell(&r.plaats_tekst)
            );
        }
        out.push_str("</tbody>\n</table>\n");
    }
    out.push_str("</section>\n");
}

// Trend chart geometry (SVG user units).
const T_WIDTH: i64 = 640;
const T_X0: i64 = 70;
const T_X1: i64 = 610;
const T_Y0: i64 = 196;
const T_Y1: i64 = 24;
const T_HEIGHT: i64 = 222;

fn trend(out: &mut String, t: &Trend, id: &str, sub: u8) {
    let heading = or(&t.titel, "Trend");
    let _ = writeln!(
        out,
        "<section aria-labelledby=\"{id}-trend\">\n<h{sub} class=\"fs-kop\" id=\"{id}-trend\">{}</h{sub}>",
        escape(heading)
    );
    if !t.punten.is_empty() {
        let axis: Axis = trend_axis(t);
        let count = t.punten.len();
        let (x0, x1, y0, y1) = (d(T_X0), d(T_X1), d(T_Y0), d(T_Y1));
        let x = |i: usize| spread(i, count, x0 + d(16), x1 - d(16));
        let y = |v: Decimal| axis.map(v, y0, y1);
        svg_open(
            out,
            &format!("{id}-trendgrafiek"),
            T_WIDTH,
            T_HEIGHT,
            heading,
            or(&t.tekst, heading),
        );
        if !t.eenheid.is_empty() {
            let _ = writeln!(
                out,
                "<text x=\"0\" y=\"12\" font-size=\"11\" fill=\"#1a1a1a\">{}</text>",
                escape(&t.eenheid)
            );
        }
        for tick in axis.ticks() {
            let ty = y(tick);
            let _ = writeln!(
                out,
                "<line x1=\"{T_X0}\" y1=\"{yy}\" x2=\"{T_X1}\" y2=\"{yy}\" stroke=\"#d9d9d9\" stroke-width=\"1\"/>\n<text x=\"{}\" y=\"{}\" font-size=\"11\" text-anchor=\"end\" fill=\"#1a1a1a\">{}</text>",
                T_X0 - 6,
                n(ty + d(4)),
                escape(&axis.label(tick)),
                yy = n(ty)
            );
        }
        // Quartile band, per run of years that have both quartiles.
        for run in runs(&t.punten, |p| p.p25.zip(p.p75)) {
            if let [(i, (lo, hi))] = run.as_slice() {
                let _ = writeln!(
                    out,
                    "<rect x=\"{}\" y=\"{}\" width=\"12\" height=\"{}\" fill=\"#d9d9d9\"/>",
                    n(x(*i) - d(6)),
                    n(y(*hi)),
                    n(y(*lo) - y(*hi))
                );
            } else {
                let band: Vec<String> = run
                    .iter()
                    .map(|(i, (_, hi))| format!("{},{}", n(x(*i)), n(y(*hi))))
                    .chain(
                        run.iter()
                            .rev()
                            .map(|(i, (lo, _))| format!("{},{}", n(x(*i)), n(y(*lo)))),
                    )
                    .collect();
                let _ = writeln!(
                    out,
                    "<polygon points=\"{}\" fill=\"#d9d9d9\"/>",
                    band.join(" ")
                );
            }
        }
        let _ = writeln!(
            out,
            "<line x1=\"{T_X0}\" y1=\"{T_Y0}\" x2=\"{T_X1}\" y2=\"{T_Y0}\" stroke=\"#000\" stroke-width=\"1\"/>"
        );
        for (i, p) in t.punten.iter().enumerate() {
            let _ = writeln!(
                out,
                "<text x=\"{}\" y=\"{}\" font-size=\"11\" text-anchor=\"middle\" fill=\"#1a1a1a\">{}</text>",
                n(x(i)),
                T_Y0 + 16,
                p.jaar
            );
        }
        // Median: dashed.
        for run in runs(&t.punten, |p| p.mediaan) {
            let _ = writeln!(
                out,
                "<polyline points=\"{}\" fill=\"none\" stroke=\"#000\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>",
                polyline(&run, &x, &y)
            );
        }
        // Own value: solid with circle markers.
        for run in runs(&t.punten, |p| p.eigen) {
            let _ = writeln!(
                out,
                "<polyline points=\"{}\" fill=\"none\" stroke=\"#000\" stroke-width=\"2.5\"/>",
                polyline(&run, &x, &y)
            );
            for (i, v) in &run {
                let _ = writeln!(
                    out,
                    "<circle cx=\"{}\" cy=\"{}\" r=\"4\" fill=\"#000\" stroke=\"#fff\" stroke-width=\"1\"/>",
                    n(x(*i)),
                    n(y(*v))
                );
            }
        }
        out.push_str("</svg>\n<ul class=\"fs-legenda\">\n");
        legend_item(
            out,
            "<line x1=\"0\" y1=\"7\" x2=\"24\" y2=\"7\" stroke=\"#000\" stroke-width=\"2.5\"/><circle cx=\"12\" cy=\"7\" r=\"4\" fill=\"#000\"/>",
            "eigen waarde",
        );
        legend_item(
            out,
            "<line x1=\"0\" y1=\"7\" x2=\"24\" y2=\"7\" stroke=\"#000\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>",
            "mediaan",
        );
        legend_item(
            out,
            "<rect x=\"0\" y=\"2\" width=\"24\" height=\"10\" fill=\"#d9d9d9\"/>",
            "25e tot 75e percentiel",
        );
        out.push_str("</ul>\n");
    }
    if !t.tekst.trim().is_empty() {
        let _ = writeln!(out, "<p>{}</p>", escape(&t.tekst));
    }
    if !t.punten.is_empty() {
        out.push_str("<table>\n");
        let _ = writeln!(out, "<caption>{}</caption>", escape(heading));
        out.push_str(
            "<thead><tr><th scope=\"col\">Jaar</th><th scope=\"col\" class=\"fs-num\">Eigen</th><th scope=\"col\" class=\"fs-num\">Mediaan</th></tr></thead>\n<tbody>\n",
        );
        for p in &t.punten {
            let _ = writeln!(
                out,
                "<tr><th scope=\"row\">{}</th><td class=\"fs-num\">{}</td><td class=\"fs-num\">{}</td></tr>",
                p.jaar,
                cell(&p.eigen_tekst),
                cell(&p.mediaan_tekst)
            );
        }
        out.push_str("</tbody>\n</table>\n");
    }
    out.push_str("</section>\n");
}

/// The `points` of an SVG polyline; a single point becomes a short horizontal stroke so
/// that it stays visible.
fn polyline(
    run: &[(usize, Decimal)],
    x: &impl Fn(usize) -> Decimal,
    y: &impl Fn(Decimal) -> Decimal,
) -> String {
    if let [(i, v)] = run {
        let (px, py) = (x(*i), n(y(*v)));
        return format!("{},{py} {},{py}", n(px - d(8)), n(px + d(8)));
    }
    run.iter()
        .map(|(i, v)| format!("{},{}", n(x(*i)), n(y(*v))))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_the_five_characters() {
        assert_eq!(
            escape(r#"<b>"A" & 'B'</b>"#),
            "&lt;b&gt;&quot;A&quot; &amp; &#39;B&#39;&lt;/b&gt;"
        );
        assert_eq!(escape("Zeeën – €"), "Zeeën – €");
    }

    #[test]
    fn short_labels_end_with_an_ellipsis() {
        assert_eq!(short("abc", 3), "abc");
        assert_eq!(short("abcdef", 4), "abc…");
    }
}
