//! The factsheet as a PDF: one A4 page for typical content (more only when it truly does not
//! fit), written with `pdf-writer`.
//!
//! Text uses the standard Base-14 fonts Helvetica and Helvetica-Bold with WinAnsiEncoding, so
//! no font file is embedded; text is encoded to Windows-1252 here (characters outside it
//! become `?`) and measured with the fonts' AFM widths for wrapping and right-aligning. All
//! text is real text in reading order (title, organisation, ondertitel, kenmerken, tables,
//! positions, trend, voetnoten), so it can be extracted and read aloud. The output has no
//! creation date or file id: the same model gives the same bytes.
//!
//! The geometry is computed in `Decimal` and becomes an `f32` only when handed to pdf-writer
//! (`f32_of`). Drawing may use floats (`clippy.toml`), but an `f64` geometry would change a
//! last digit of some coordinates that lie exactly on a half, so it waits for the next PDF
//! writer.
#![allow(
    clippy::float_arithmetic,
    reason = "page geometry is drawing, not money (clippy.toml)"
)]

mod sections;

use super::{posities_axis, runs, spread, trend_axis, Axis, Factsheet, Positions, Table, Trend};
use encoding_rs::WINDOWS_1252;
use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, Str, TextStr};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

/// Writes the factsheet as a PDF to `w`.
pub fn write<W: std::io::Write>(f: &Factsheet, mut w: W) -> std::io::Result<()> {
    let mut layout = Layout::new();
    layout.header(f);
    layout.kenmerken(&f.kenmerken);
    if !f.tabellen.is_empty() {
        layout.heading("Eigen cijfers");
        for t in &f.tabellen {
            layout.table(t);
        }
    }
    layout.posities(&f.posities);
    if let Some(t) = &f.trend {
        layout.trend(t);
    }
    if !f.vergelijkbaarheid.is_empty() {
        layout.heading("Vergelijkbaarheid over de jaren");
        for v in &f.vergelijkbaarheid {
            layout.bullet(v);
        }
    }
    layout.voetnoten(&f.voetnoten);
    w.write_all(&assemble(f, layout.pages))?;
    w.flush()
}

/// Builds the document around the pages' content streams.
fn assemble(f: &Factsheet, pages: Vec<Content>) -> Vec<u8> {
    let catalog_id = Ref::new(1);
    let tree_id = Ref::new(2);
    let info_id = Ref::new(3);
    let regular_id = Ref::new(4);
    let bold_id = Ref::new(5);
    let first_page = 6;
    let page_ids: Vec<Ref> = (0..pages.len())
        .map(|i| Ref::new(first_page + 2 * i32::try_from(i).unwrap_or(0)))
        .collect();

    let mut pdf = Pdf::new();
    pdf.catalog(catalog_id)
        .pages(tree_id)
        .lang(TextStr("nl-NL"));
    pdf.pages(tree_id)
        .kids(page_ids.iter().copied())
        .count(i32::try_from(page_ids.len()).unwrap_or(i32::MAX));
    let titel = if f.titel.trim().is_empty() {
        "Factsheet"
    } else {
        f.titel.as_str()
    };
    pdf.document_info(info_id)
        .title(TextStr(titel))
        .producer(TextStr("Raadsbudget"));
    for (id, name) in [(regular_id, "Helvetica"), (bold_id, "Helvetica-Bold")] {
        pdf.type1_font(id)
            .base_font(Name(name.as_bytes()))
            .encoding_predefined(Name(b"WinAnsiEncoding"));
    }
    for (page_id, content) in page_ids.iter().zip(pages) {
        let content_id = Ref::new(page_id.get() + 1);
        let mut page = pdf.page(*page_id);
        page.parent(tree_id)
            .media_box(Rect::new(0.0, 0.0, f32_of(page_w()), f32_of(page_h())))
            .contents(content_id);
        page.resources()
            .fonts()
            .pair(Font::Regular.name(), regular_id)
            .pair(Font::Bold.name(), bold_id);
        page.finish();
        let data = content.finish();
        pdf.stream(content_id, data.as_slice());
    }
    pdf.finish()
}

// ---------------------------------------------------------------------------------------------
// Fonts and text

/// The two fonts used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Font {
    Regular,
    Bold,
}

impl Font {
    fn name(self) -> Name<'static> {
        match self {
            Font::Regular => Name(b"F1"),
            Font::Bold => Name(b"F2"),
        }
    }

    fn widths(self) -> &'static [u16; 224] {
        match self {
            Font::Regular => &HELVETICA_WIDTHS,
            Font::Bold => &HELVETICA_BOLD_WIDTHS,
        }
    }
}

/// Glyph widths (in 1/1000 em) of Helvetica for the Windows-1252 (WinAnsiEncoding) codes 32 to
/// 255, from Adobe's Core14 AFM file `Helvetica.afm`. Codes that WinAnsi leaves undefined
/// (0x7F, 0x81, 0x8D, 0x8F, 0x90, 0x9D) are 0; [`winansi`] never produces them.
#[rustfmt::skip]
const HELVETICA_WIDTHS: [u16; 224] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // 0x20
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0x30
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // 0x40
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // 0x50
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // 0x60
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, 0,   // 0x70
    556, 0, 222, 556, 333, 1000, 556, 556, 333, 1000, 667, 333, 1000, 0, 611, 0,    // 0x80
    0, 222, 222, 333, 333, 350, 556, 1000, 333, 1000, 500, 333, 944, 0, 500, 667,   // 0x90
    278, 333, 556, 556, 556, 556, 260, 556, 333, 737, 370, 556, 584, 333, 737, 333, // 0xA0
    400, 584, 333, 333, 333, 556, 537, 278, 333, 333, 365, 556, 834, 834, 834, 611, // 0xB0
    667, 667, 667, 667, 667, 667, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278, // 0xC0
    722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611, // 0xD0
    556, 556, 556, 556, 556, 556, 889, 500, 556, 556, 556, 556, 278, 278, 278, 278, // 0xE0
    556, 556, 556, 556, 556, 556, 556, 584, 611, 556, 556, 556, 556, 500, 556, 500, // 0xF0
];

/// Glyph widths of Helvetica-Bold, as [`HELVETICA_WIDTHS`], from Adobe's Core14 AFM file
/// `Helvetica-Bold.afm`.
#[rustfmt::skip]
const HELVETICA_BOLD_WIDTHS: [u16; 224] = [
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, // 0x20
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611, // 0x30
    975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778, // 0x40
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556, // 0x50
    333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, // 0x60
    611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584, 0,   // 0x70
    556, 0, 278, 556, 500, 1000, 556, 556, 333, 1000, 667, 333, 1000, 0, 611, 0,    // 0x80
    0, 278, 278, 500, 500, 350, 556, 1000, 333, 1000, 556, 333, 944, 0, 500, 667,   // 0x90
    278, 333, 556, 556, 556, 556, 280, 556, 333, 737, 370, 556, 584, 333, 737, 333, // 0xA0
    400, 584, 333, 333, 333, 611, 556, 278, 333, 333, 365, 556, 834, 834, 834, 611, // 0xB0
    722, 722, 722, 722, 722, 722, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278, // 0xC0
    722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611, // 0xD0
    556, 556, 556, 556, 556, 556, 889, 556, 556, 556, 556, 556, 278, 278, 278, 278, // 0xE0
    611, 611, 611, 611, 611, 611, 611, 584, 611, 611, 611, 611, 611, 556, 611, 556, // 0xF0
];

/// Encodes `text` to Windows-1252 for WinAnsiEncoding: whitespace controls become a space,
/// other controls and characters outside Windows-1252 become `?`.
fn winansi(text: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    for c in text.chars() {
        let byte = match c {
            '\t' | '\n' | '\r' => b' ',
            c if c.is_control() => b'?',
            c if c.is_ascii() => c as u8,
            c => {
                let mut buf = [0u8; 4];
                let (bytes, _, had_errors) = WINDOWS_1252.encode(c.encode_utf8(&mut buf));
                match bytes.as_ref() {
                    [b] if !had_errors && *b >= 0x20 && width_units(Font::Regular, *b) > 0 => *b,
                    _ => b'?',
                }
            }
        };
        out.push(byte);
    }
    out
}

fn width_units(font: Font, byte: u8) -> u32 {
    usize::from(byte)
        .checked_sub(32)
        .and_then(|i| font.widths().get(i))
        .map_or(0, |w| u32::from(*w))
}

/// The width of `text` in points.
fn measure(text: &str, font: Font, size: Decimal) -> Decimal {
    let units: u32 = winansi(text).iter().map(|b| width_units(font, *b)).sum();
    Decimal::from(units) * size / Decimal::ONE_THOUSAND
}

/// The words of `text`; a currency sign stays with the amount after it (`€ 36,40`).
fn words(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut glue = false;
    for word in text.split_whitespace() {
        match out.last_mut() {
            Some(last) if glue => {
                last.push(' ');
                last.push_str(word);
            }
            _ => out.push(word.to_string()),
        }
        glue = word == "€";
    }
    out
}

/// Breaks `text` into lines no wider than `width` (a word wider than a line is broken).
fn wrap(text: &str, font: Font, size: Decimal, width: Decimal) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in words(text) {
        let word = word.as_str();
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if measure(&candidate, font, size) <= width {
            line = candidate;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        // The word alone: break it if it is still too wide.
        for c in word.chars() {
            let mut longer = line.clone();
            longer.push(c);
            if !line.is_empty() && measure(&longer, font, size) > width {
                lines.push(std::mem::replace(&mut line, c.to_string()));
            } else {
                line = longer;
            }
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// `text` shortened with `…` to fit `width`.
fn fit(text: &str, font: Font, size: Decimal, width: Decimal) -> String {
    if measure(text, font, size) <= width {
        return text.to_string();
    }
    let mut out = String::new();
    for c in text.chars() {
        let mut longer = out.clone();
        longer.push(c);
        longer.push('…');
        if measure(&longer, font, size) > width {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

// ---------------------------------------------------------------------------------------------
// Geometry (points; A4 with margins of 15 mm)

/// `tenths` tenths of a point.
fn t(tenths: i64) -> Decimal {
    Decimal::new(tenths, 1)
}

fn page_w() -> Decimal {
    t(5953)
}
fn page_h() -> Decimal {
    t(8419)
}
fn margin() -> Decimal {
    t(425)
}
fn left() -> Decimal {
    margin()
}
fn right() -> Decimal {
    page_w() - margin()
}
fn content_w() -> Decimal {
    right() - left()
}
fn top() -> Decimal {
    page_h() - margin()
}
fn bottom() -> Decimal {
    margin()
}

/// A finished coordinate for pdf-writer's API.
#[allow(
    clippy::disallowed_methods,
    reason = "a finished page coordinate, rounded to hundredths, for the PDF writer"
)]
fn f32_of(d: Decimal) -> f32 {
    d.round_dp(2).to_f32().unwrap_or(0.0)
}

/// Moves to the first point and draws lines through the others (the caller strokes or fills).
fn trace(c: &mut Content, points: &[(Decimal, Decimal)]) {
    if let Some((first, rest)) = points.split_first() {
        c.move_to(f32_of(first.0), f32_of(first.1));
        for p in rest {
            c.line_to(f32_of(p.0), f32_of(p.1));
        }
    }
}

/// Grey levels (0 = black).
const BLACK: Decimal = Decimal::ZERO;
/// Text grey: #595959, 7:1 on white.
fn grey_text() -> Decimal {
    t(3) + Decimal::new(5, 2)
}
fn grey_box() -> Decimal {
    t(7) + Decimal::new(5, 2)
}
fn grey_light() -> Decimal {
    Decimal::new(85, 2)
}

// ---------------------------------------------------------------------------------------------
// Layout

/// The pages drawn so far and the cursor (the top of the free space on the last page).
struct Layout {
    pages: Vec<Content>,
    y: Decimal,
}

impl Layout {
    fn new() -> Layout {
        Layout {
            pages: vec![Content::new()],
            y: top(),
        }
    }

    fn c(&mut self) -> &mut Content {
        if self.pages.is_empty() {
            self.pages.push(Content::new());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    fn new_page(&mut self) {
        self.pages.push(Content::new());
        self.y = top();
    }

    /// Starts a new page unless `height` still fits (or the page is still empty).
    fn need(&mut self, height: Decimal) {
        if self.y - height < bottom() && self.y < top() {
            self.new_page();
        }
    }

    /// Vertical space, not carried over to the top of a page.
    fn gap(&mut self, height: Decimal) {
        if self.y < top() {
            self.y = (self.y - height).max(bottom());
        }
    }

    fn text(
        &mut self,
        x: Decimal,
        baseline: Decimal,
        font: Font,
        size: Decimal,
        grey: Decimal,
        s: &str,
    ) {
        let bytes = winansi(s);
        if bytes.is_empty() {
            return;
        }
        self.c()
            .begin_text()
            .set_font(font.name(), f32_of(size))
            .set_fill_gray(f32_of(grey))
            .next_line(f32_of(x), f32_of(baseline))
            .show(Str(&bytes))
            .end_text();
    }

    fn text_right(
        &mut self,
        right_x: Decimal,
        baseline: Decimal,
        font: Font,
        size: Decimal,
        grey: Decimal,
        s: &str,
    ) {
        let x = right_x - measure(s, font, size);
        self.text(x, baseline, font, size, grey, s);
    }

    fn text_centre(
        &mut self,
        centre: Decimal,
        baseline: Decimal,
        font: Font,
        size: Decimal,
        grey: Decimal,
        s: &str,
    ) {
        let x = centre - measure(s, font, size) / Decimal::TWO;
        self.text(x, baseline, font, size, grey, s);
    }

    /// Wrapped text over the full width; each line starts a new page when it does not fit.
    fn paragraph(&mut self, s: &str, font: Font, size: Decimal, leading: Decimal, grey: Decimal) {
        for line in wrap(s, font, size, content_w()) {
            self.need(leading);
            let baseline = line_baseline(self.y, size, leading);
            self.text(left(), baseline, font, size, grey, &line);
            self.y -= leading;
        }
    }

    fn line(
        &mut self,
        from: (Decimal, Decimal),
        to: (Decimal, Decimal),
        width: Decimal,
        grey: Decimal,
    ) {
        self.c()
            .save_state()
            .set_line_width(f32_of(width))
            .set_stroke_gray(f32_of(grey))
            .move_to(f32_of(from.0), f32_of(from.1))
            .line_to(f32_of(to.0), f32_of(to.1))
            .stroke()
            .restore_state();
    }

    fn dashed(&mut self, points: &[(Decimal, Decimal)], width: Decimal) {
        self.stroke_path(points, width, true);
    }

    fn polyline(&mut self, points: &[(Decimal, Decimal)], width: Decimal) {
        self.stroke_path(points, width, false);
    }

    /// Strokes the open path through `points` in black: dashed, or solid with round joins.
    fn stroke_path(&mut self, points: &[(Decimal, Decimal)], width: Decimal, dashed: bool) {
        if points.len() < 2 {
            return;
        }
        let c = self.c();
        c.save_state()
            .set_line_width(f32_of(width))
            .set_stroke_gray(0.0);
        if dashed {
            c.set_dash_pattern([3.0, 2.0], 0.0);
        } else {
            c.set_line_join(pdf_writer::types::LineJoinStyle::RoundJoin);
        }
        trace(c, points);
        c.stroke().restore_state();
    }

    fn polygon(&mut self, points: &[(Decimal, Decimal)], grey: Decimal) {
        if points.len() < 3 {
            return;
        }
        let c = self.c();
        c.save_state().set_fill_gray(f32_of(grey));
        trace(c, points);
        c.close_path().fill_nonzero().restore_state();
    }

    /// A filled rectangle, optionally outlined.
    fn rect(
        &mut self,
        x: Decimal,
        y: Decimal,
        w: Decimal,
        h: Decimal,
        fill: Decimal,
        stroke: Option<Decimal>,
    ) {
        let c = self.c();
        c.save_state().set_fill_gray(f32_of(fill));
        c.rect(f32_of(x), f32_of(y), f32_of(w), f32_of(h));
        match stroke {
            Some(grey) => {
                c.set_stroke_gray(f32_of(grey))
                    .set_line_width(0.4)
                    .fill_nonzero_and_stroke();
            }
            None => {
                c.fill_nonzero();
            }
        }
        c.restore_state();
    }

    /// A black diamond with a thin white outline (visible on top of the median tick).
    fn diamond(&mut self, cx: Decimal, cy: Decimal, r: Decimal) {
        let pts = [(cx, cy + r), (cx + r, cy), (cx, cy - r), (cx - r, cy)];
        let c = self.c();
        c.save_state()
            .set_fill_gray(0.0)
            .set_stroke_gray(1.0)
            .set_line_width(0.5)
            .move_to(f32_of(pts[0].0), f32_of(pts[0].1));
        for p in &pts[1..] {
            c.line_to(f32_of(p.0), f32_of(p.1));
        }
        c.close_path().fill_nonzero_and_stroke().restore_state();
    }

    /// A black circle (four Bézier arcs) with a thin white outline.
    fn circle(&mut self, cx: Decimal, cy: Decimal, r: Decimal) {
        let k = r * Decimal::new(5523, 4);
        let c = self.c();
        c.save_state()
            .set_fill_gray(0.0)
            .set_stroke_gray(1.0)
            .set_line_width(0.5)
            .move_to(f32_of(cx + r), f32_of(cy));
        let arcs = [
            (cx + r, cy + k, cx + k, cy + r, cx, cy + r),
            (cx - k, cy + r, cx - r, cy + k, cx - r, cy),
            (cx - r, cy - k, cx - k, cy - r, cx, cy - r),
            (cx + k, cy - r, cx + r, cy - k, cx + r, cy),
        ];
        for (x1, y1, x2, y2, x3, y3) in arcs {
            c.cubic_to(
                f32_of(x1),
                f32_of(y1),
                f32_of(x2),
                f32_of(y2),
                f32_of(x3),
                f32_of(y3),
            );
        }
        c.close_path().fill_nonzero_and_stroke().restore_state();
    }
}

/// The baseline of a line of `size` in a line box of `leading` whose top is `top_y`.
fn line_baseline(top_y: Decimal, size: Decimal, leading: Decimal) -> Decimal {
    top_y - (leading - size) / Decimal::TWO - size * Decimal::new(8, 1)
}

/// The drawn samples of a legend.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sample {
    Diamond,
    Tick,
    Box,
    Line,
    Own,
    Dashed,
    Band,
}

/// The points of a run; a single point becomes a short horizontal stroke so it stays visible.
fn points(
    run: &[(usize, Decimal)],
    px: &impl Fn(usize) -> Decimal,
    py: &impl Fn(Decimal) -> Decimal,
) -> Vec<(Decimal, Decimal)> {
    if let [(i, v)] = run {
        let (x, y) = (px(*i), py(*v));
        return vec![(x - t(60), y), (x + t(60), y)];
    }
    run.iter().map(|(i, v)| (px(*i), py(*v))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_windows_1252_and_replaces_the_rest() {
        assert_eq!(winansi("€ ë é – ’"), b"\x80 \xeb \xe9 \x96 \x92");
        assert_eq!(winansi("a\tb\u{1}c☃"), b"a b?c?");
        assert_eq!(winansi("\u{81}"), b"?");
    }

    #[test]
    fn measures_with_the_afm_widths() {
        // "€ 1,12": 556 + 278 + 556 + 278 + 556 + 556 = 2780 units.
        assert_eq!(measure("€ 1,12", Font::Regular, t(100)), t(278));
        assert_eq!(
            measure("Wij", Font::Bold, Decimal::ONE_THOUSAND),
            Decimal::from(1500)
        );
    }

    #[test]
    fn wraps_at_the_width_and_breaks_long_words() {
        let lines = wrap(
            "aaa bbb ccc",
            Font::Regular,
            Decimal::from(10),
            Decimal::from(40),
        );
        assert_eq!(lines, ["aaa bbb", "ccc"]);
        let lines = wrap(
            &"x".repeat(30),
            Font::Regular,
            Decimal::from(10),
            Decimal::from(50),
        );
        assert!(lines.len() > 1);
        assert!(lines
            .iter()
            .all(|l| measure(l, Font::Regular, Decimal::from(10)) <= Decimal::from(50)));
        assert!(wrap("  ", Font::Regular, Decimal::ONE, Decimal::ONE).is_empty());
        let lines = wrap(
            "naar € 36,40 in",
            Font::Regular,
            Decimal::from(10),
            Decimal::from(40),
        );
        assert_eq!(lines, ["naar", "€ 36,40", "in"]);
    }

    #[test]
    fn fits_with_an_ellipsis() {
        let s = fit(
            "Rekenkamerfunctie",
            Font::Regular,
            Decimal::from(10),
            Decimal::from(40),
        );
        assert!(s.ends_with('…'));
        assert!(measure(&s, Font::Regular, Decimal::from(10)) <= Decimal::from(40));
    }
}
