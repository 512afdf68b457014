//! The factsheet's sections on the page, in reading order: header, kenmerken, the tables, the
//! positions, the trend and the voetnoten, drawn with the primitives of [`Layout`].

use super::*;

impl Layout {
    pub(super) fn header(&mut self, f: &Factsheet) {
        let titel = if f.titel.trim().is_empty() {
            "Factsheet"
        } else {
            &f.titel
        };
        self.paragraph(titel, Font::Bold, t(150), t(180), BLACK);
        self.paragraph(&f.organisatie, Font::Bold, t(105), t(130), BLACK);
        self.paragraph(&f.ondertitel, Font::Regular, t(85), t(110), grey_text());
    }

    pub(super) fn heading(&mut self, s: &str) {
        self.gap(t(80));
        // Keep a heading with at least a few lines of what follows.
        self.need(t(130) + t(400));
        self.paragraph(s, Font::Bold, t(105), t(130), BLACK);
        self.gap(t(20));
    }

    /// Key facts in a grid of four columns: a small grey label over a bold value.
    pub(super) fn kenmerken(&mut self, kenmerken: &[(String, String)]) {
        if kenmerken.is_empty() {
            return;
        }
        self.heading("Kenmerken");
        let columns = 4;
        let col_w = content_w() / Decimal::from(columns);
        let inner = col_w - t(60);
        let (label_size, label_lead) = (t(75), t(90));
        let (value_size, value_lead) = (t(90), t(110));
        for row in kenmerken.chunks(columns) {
            let cells: Vec<(Vec<String>, Vec<String>)> = row
                .iter()
                .map(|(label, value)| {
                    (
                        wrap(label, Font::Regular, label_size, inner),
                        wrap(value, Font::Bold, value_size, inner),
                    )
                })
                .collect();
            let height = cells
                .iter()
                .map(|(l, v)| {
                    label_lead * Decimal::from(l.len()) + value_lead * Decimal::from(v.len())
                })
                .max()
                .unwrap_or(Decimal::ZERO)
                + t(20);
            self.need(height);
            for (i, (labels, values)) in cells.iter().enumerate() {
                let x = left() + col_w * Decimal::from(i);
                let mut y = self.y;
                for l in labels {
                    let b = line_baseline(y, label_size, label_lead);
                    self.text(x, b, Font::Regular, label_size, grey_text(), l);
                    y -= label_lead;
                }
                for v in values {
                    let b = line_baseline(y, value_size, value_lead);
                    self.text(x, b, Font::Bold, value_size, BLACK, v);
                    y -= value_lead;
                }
            }
            self.y -= height;
        }
    }

    /// A table over the full width: text in the first column (wrapped), numbers right-aligned
    /// in the others; the header repeats after a page break.
    pub(super) fn table(&mut self, tabel: &Table) {
        let (head_size, head_lead) = (t(75), t(90));
        let (body_size, body_lead) = (t(80), t(95));
        let pad = t(30);
        let columns = tabel
            .rijen
            .iter()
            .map(Vec::len)
            .chain(std::iter::once(tabel.kolommen.len()))
            .max()
            .unwrap_or(0);
        // Column widths: numbers as wide as their widest text, the first column the rest.
        let mut widths: Vec<Decimal> = (0..columns)
            .map(|c| {
                let head = tabel
                    .kolommen
                    .get(c)
                    .map_or(Decimal::ZERO, |k| measure(k, Font::Bold, head_size));
                tabel
                    .rijen
                    .iter()
                    .filter_map(|r| r.get(c))
                    .map(|cell| measure(cell, Font::Bold, body_size))
                    .fold(head, Decimal::max)
                    + pad * Decimal::TWO
            })
            .collect();
        if let Some(first) = widths.first_mut() {
            *first = Decimal::ZERO;
        }
        let numbers: Decimal = widths.iter().skip(1).copied().sum();
        let min_first = content_w() * Decimal::new(35, 2);
        if numbers > content_w() - min_first && numbers > Decimal::ZERO {
            let scale = (content_w() - min_first) / numbers;
            for w in widths.iter_mut().skip(1) {
                *w *= scale;
            }
        }
        let numbers: Decimal = widths.iter().skip(1).copied().sum();
        if let Some(first) = widths.first_mut() {
            *first = content_w() - numbers;
        }
        let mut lefts = Vec::with_capacity(columns);
        let mut x = left();
        for w in &widths {
            lefts.push(x);
            x += *w;
        }

        let header: Vec<Vec<String>> = (0..columns)
            .map(|c| {
                let k = tabel.kolommen.get(c).map_or("", String::as_str);
                wrap(k, Font::Bold, head_size, widths[c] - pad * Decimal::TWO)
            })
            .collect();
        let header_lines = header.iter().map(Vec::len).max().unwrap_or(0);
        let header_h = if header_lines == 0 {
            Decimal::ZERO
        } else {
            head_lead * Decimal::from(header_lines) + t(30)
        };
        let caption = if tabel.titel.trim().is_empty() {
            "Tabel"
        } else {
            &tabel.titel
        };
        // Caption, header and the first row stay together.
        self.need(t(115) + header_h + body_lead + t(20));
        self.paragraph(caption, Font::Bold, t(85), t(115), BLACK);
        let draw_header = |this: &mut Layout| {
            if header_lines == 0 {
                return;
            }
            let y = this.y;
            for (c, lines) in header.iter().enumerate() {
                let mut ly = y;
                for l in lines {
                    let b = line_baseline(ly, head_size, head_lead);
                    if c == 0 {
                        this.text(lefts[c] + pad, b, Font::Bold, head_size, BLACK, l);
                    } else {
                        this.text_right(
                            lefts[c] + widths[c] - pad,
                            b,
                            Font::Bold,
                            head_size,
                            BLACK,
                            l,
                        );
                    }
                    ly -= head_lead;
                }
            }
            this.y -= header_h;
            let y = this.y + t(10);
            this.line((left(), y), (right(), y), t(8), BLACK);
        };
        draw_header(self);
        for (r, row) in tabel.rijen.iter().enumerate() {
            let bold = tabel.nadruk == Some(r);
            let font = if bold { Font::Bold } else { Font::Regular };
            let first = row.first().map_or("", String::as_str);
            let first_lines = wrap(
                if first.trim().is_empty() {
                    "–"
                } else {
                    first
                },
                font,
                body_size,
                widths.first().copied().unwrap_or(content_w()) - pad * Decimal::TWO,
            );
            let height = body_lead * Decimal::from(first_lines.len().max(1)) + t(20);
            let before = self.pages.len();
            self.need(height);
            if self.pages.len() != before {
                draw_header(self);
            }
            let y = self.y;
            if bold {
                self.line((left(), y), (right(), y), t(8), BLACK);
            }
            let mut ly = y - t(10);
            for l in &first_lines {
                let b = line_baseline(ly, body_size, body_lead);
                self.text(left() + pad, b, font, body_size, BLACK, l);
                ly -= body_lead;
            }
            let b = line_baseline(y - t(10), body_size, body_lead);
            for (c, cell) in row.iter().enumerate().skip(1) {
                let text = if cell.trim().is_empty() { "–" } else { cell };
                self.text_right(lefts[c] + widths[c] - pad, b, font, body_size, BLACK, text);
            }
            self.y -= height;
            self.line((left(), self.y), (right(), self.y), t(3), grey_light());
        }
        self.gap(t(60));
    }

    /// One line per category: the peers' spread as a box plot and the own value as a diamond,
    /// on a common axis; then the legend and the text alternative.
    pub(super) fn posities(&mut self, p: &Positions) {
        if p.regels.is_empty() && p.titel.trim().is_empty() && p.tekstalternatief.trim().is_empty()
        {
            return;
        }
        self.heading(if p.titel.trim().is_empty() {
            "Positie tussen vergelijkbare organisaties"
        } else {
            &p.titel
        });
        if !p.regels.is_empty() {
            let axis = posities_axis(p);
            let label_w = t(1450);
            let x0 = left() + label_w + t(50);
            let x1 = right() - t(1050);
            let row_h = t(210);
            let axis_h = t(200);
            let mut part = false;
            for r in &p.regels {
                if self.y - row_h - axis_h < bottom() && self.y < top() {
                    if part {
                        self.value_axis(&axis, x0, x1, &p.eenheid);
                    }
                    self.new_page();
                }
                part = true;
                let yt = self.y;
                let cy = yt - t(120);
                for tick in axis.ticks() {
                    let x = axis.map(tick, x0, x1);
                    self.line((x, yt), (x, yt - row_h), t(3), grey_light());
                }
                let label = fit(&r.label, Font::Bold, t(80), label_w - t(40));
                self.text(left(), yt - t(85), Font::Bold, t(80), BLACK, &label);
                let plaats = fit(&r.plaats_tekst, Font::Regular, t(65), label_w - t(40));
                self.text(
                    left(),
                    yt - t(165),
                    Font::Regular,
                    t(65),
                    grey_text(),
                    &plaats,
                );
                if let Some(s) = r.spreiding {
                    let (min, max) = (axis.map(s.min, x0, x1), axis.map(s.max, x0, x1));
                    let (p25, p75) = (axis.map(s.p25, x0, x1), axis.map(s.p75, x0, x1));
                    let med = axis.map(s.mediaan, x0, x1);
                    self.line((min, cy), (max, cy), t(6), BLACK);
                    self.rect(
                        p25,
                        cy - t(35),
                        p75 - p25,
                        t(70),
                        grey_box(),
                        Some(grey_text()),
                    );
                    self.line((med, cy - t(55)), (med, cy + t(55)), t(20), BLACK);
                }
                if let Some(e) = r.eigen {
                    let x = axis.map(e, x0, x1);
                    self.diamond(x, cy, t(42));
                    let label_x = x.clamp(x0, x1);
                    self.text_centre(
                        label_x,
                        cy + t(65),
                        Font::Bold,
                        t(65),
                        BLACK,
                        &r.eigen_tekst,
                    );
                }
                if !r.mediaan_tekst.trim().is_empty() {
                    let m = fit(
                        &format!("mediaan {}", r.mediaan_tekst),
                        Font::Regular,
                        t(70),
                        right() - x1 - t(100),
                    );
                    self.text(
                        x1 + t(100),
                        cy - t(25),
                        Font::Regular,
                        t(70),
                        grey_text(),
                        &m,
                    );
                }
                self.y -= row_h;
            }
            if part {
                self.value_axis(&axis, x0, x1, &p.eenheid);
            }
            self.legend(&[
                (Sample::Diamond, "eigen waarde"),
                (Sample::Tick, "mediaan"),
                (Sample::Box, "25e–75e percentiel"),
                (Sample::Line, "laagste–hoogste waarde"),
            ]);
        }
        self.paragraph(&p.tekstalternatief, Font::Regular, t(75), t(95), BLACK);
    }

    /// The horizontal value axis under the positions: line, ticks, labels and the unit.
    pub(super) fn value_axis(&mut self, axis: &Axis, x0: Decimal, x1: Decimal, eenheid: &str) {
        let y = self.y;
        self.line((x0, y), (x1, y), t(5), BLACK);
        for tick in axis.ticks() {
            let x = axis.map(tick, x0, x1);
            self.line((x, y), (x, y - t(25)), t(5), BLACK);
            self.text_centre(x, y - t(95), Font::Regular, t(65), BLACK, &axis.label(tick));
        }
        self.text_right(x1, y - t(180), Font::Regular, t(65), grey_text(), eenheid);
        self.y -= t(200);
    }

    /// A legend: a drawn sample and its text per item, on as many lines as needed.
    pub(super) fn legend(&mut self, items: &[(Sample, &str)]) {
        let (size, line_h) = (t(70), t(120));
        self.need(line_h);
        let mut x = left();
        for (sample, text) in items {
            let width = t(150) + measure(text, Font::Regular, size);
            if x + width > right() && x > left() {
                self.y -= line_h;
                self.need(line_h);
                x = left();
            }
            let cy = self.y - t(60);
            self.sample(*sample, x, cy);
            self.text(x + t(150), cy - t(25), Font::Regular, size, BLACK, text);
            x += width + t(120);
        }
        self.y -= line_h + t(10);
    }

    pub(super) fn sample(&mut self, sample: Sample, x: Decimal, cy: Decimal) {
        let mid = x + t(60);
        match sample {
            Sample::Diamond => self.diamond(mid, cy, t(40)),
            Sample::Tick => self.line((mid, cy - t(50)), (mid, cy + t(50)), t(20), BLACK),
            Sample::Box => self.rect(x, cy - t(30), t(120), t(60), grey_box(), Some(grey_text())),
            Sample::Band => self.rect(x, cy - t(30), t(120), t(60), grey_light(), None),
            Sample::Line => self.line((x, cy), (x + t(120), cy), t(6), BLACK),
            Sample::Own => {
                self.line((x, cy), (x + t(120), cy), t(16), BLACK);
                self.circle(mid, cy, t(26));
            }
            Sample::Dashed => self.dashed(&[(x, cy), (x + t(120), cy)], t(12)),
        }
    }

    /// The trend chart: a light grey band for the quartiles, a dashed median, the own value
    /// as a solid line with circle markers; then the legend and the trend in words.
    pub(super) fn trend(&mut self, tr: &Trend) {
        self.heading(if tr.titel.trim().is_empty() {
            "Trend"
        } else {
            &tr.titel
        });
        if !tr.punten.is_empty() {
            let plot_h = t(850);
            let height = t(140) + plot_h + t(130);
            self.need(height + t(130));
            let axis = trend_axis(tr);
            let top_y = self.y;
            let (y1, y0) = (top_y - t(140), top_y - t(140) - plot_h);
            let (x0, x1) = (left() + t(380), right() - t(40));
            let n = tr.punten.len();
            let px = |i: usize| spread(i, n, x0 + t(120), x1 - t(120));
            let py = |v: Decimal| axis.map(v, y0, y1);
            self.text(
                x0,
                top_y - t(70),
                Font::Regular,
                t(70),
                grey_text(),
                &tr.eenheid,
            );
            for tick in axis.ticks() {
                let y = py(tick);
                self.line((x0, y), (x1, y), t(3), grey_light());
                self.text_right(
                    x0 - t(30),
                    y - t(23),
                    Font::Regular,
                    t(65),
                    BLACK,
                    &axis.label(tick),
                );
            }
            // Quartile band, per run of years that have both quartiles.
            for run in runs(&tr.punten, |p| p.p25.zip(p.p75)) {
                if let [(i, (lo, hi))] = run.as_slice() {
                    let x = px(*i);
                    self.rect(
                        x - t(40),
                        py(*lo),
                        t(80),
                        py(*hi) - py(*lo),
                        grey_light(),
                        None,
                    );
                } else {
                    let pts: Vec<(Decimal, Decimal)> = run
                        .iter()
                        .map(|(i, (_, hi))| (px(*i), py(*hi)))
                        .chain(run.iter().rev().map(|(i, (lo, _))| (px(*i), py(*lo))))
                        .collect();
                    self.polygon(&pts, grey_light());
                }
            }
            self.line((x0, y0), (x1, y0), t(5), BLACK);
            for (i, p) in tr.punten.iter().enumerate() {
                let x = px(i);
                self.line((x, y0), (x, y0 - t(25)), t(5), BLACK);
                self.text_centre(
                    x,
                    y0 - t(95),
                    Font::Regular,
                    t(65),
                    BLACK,
                    &p.jaar.to_string(),
                );
            }
            for run in runs(&tr.punten, |p| p.mediaan) {
                let pts = points(&run, &px, &py);
                self.dashed(&pts, t(12));
            }
            for run in runs(&tr.punten, |p| p.eigen) {
                let pts = points(&run, &px, &py);
                self.polyline(&pts, t(16));
                for (i, v) in &run {
                    self.circle(px(*i), py(*v), t(26));
                }
            }
            self.y = top_y - height;
            self.legend(&[
                (Sample::Own, "eigen waarde"),
                (Sample::Dashed, "mediaan"),
                (Sample::Band, "25e–75e percentiel"),
            ]);
        }
        self.paragraph(&tr.tekst, Font::Regular, t(75), t(95), BLACK);
    }

    /// One paragraph of a list, with a dash in front.
    pub(super) fn bullet(&mut self, s: &str) {
        self.paragraph(&format!("– {s}"), Font::Regular, t(85), t(110), BLACK);
        self.y -= t(20);
    }

    pub(super) fn voetnoten(&mut self, voetnoten: &[String]) {
        if voetnoten.iter().all(|v| v.trim().is_empty()) {
            return;
        }
        self.gap(t(80));
        self.need(t(100));
        let y = self.y;
        self.line((left(), y), (right(), y), t(3), grey_light());
        self.y -= t(30);
        for v in voetnoten {
            self.paragraph(v, Font::Regular, t(65), t(85), grey_text());
            self.y -= t(15);
        }
    }
}
