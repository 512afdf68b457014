//! The factsheet renderers: HTML (`factsheet::html`) and PDF (`factsheet::pdf`).
//!
//! Golden files are in `tests/golden/factsheet/`; regenerate them with
//! `UPDATE_GOLDEN=1 cargo test -p raadsbudget-formats --test factsheet` (only when the change
//! is intended, and look at the result). The PDF is checked with poppler-utils (`pdftotext`,
//! `pdfinfo`), which `scripts/test` installs: without them these tests fail, they never skip.

use raadsbudget_formats::factsheet::{
    html, pdf, Factsheet, Position, Positions, Spread, Table, Trend, TrendPoint,
};
mod common;

use regex::Regex;
use rust_decimal::Decimal;
use std::process::Command;

fn dec(s: &str) -> Decimal {
    Decimal::from_str_exact(s).unwrap()
}

fn s(text: &str) -> String {
    text.to_string()
}

fn row(cells: &[&str]) -> Vec<String> {
    cells.iter().map(|c| c.to_string()).collect()
}

const TITEL: &str = "Raadsondersteuning 2026: Voorbeeldstad (GM5001)";
const VOETNOOT: &str = "Bron: uitvraag raadsondersteuning 2026 van het ministerie van BZK";
const ESCAPED: &str = "Toelichting van de griffie: <b>geen</b> bijzonderheden.";

fn spreiding(min: &str, p25: &str, mediaan: &str, p75: &str, max: &str) -> Option<Spread> {
    Some(Spread {
        min: dec(min),
        p25: dec(p25),
        mediaan: dec(mediaan),
        p75: dec(p75),
        max: dec(max),
    })
}

fn positie(label: &str, eigen: Option<&str>, sp: Option<Spread>, plaats: &str) -> Position {
    let text = |d: Option<Decimal>| {
        d.map_or(s("–"), |d| {
            format!("€ {}", raadsbudget_domain::value::format_dutch(d, 2))
        })
    };
    Position {
        label: s(label),
        spreiding: sp,
        eigen: eigen.map(dec),
        eigen_tekst: text(eigen.map(dec)),
        mediaan_tekst: text(sp.map(|s| s.mediaan)),
        plaats_tekst: s(plaats),
    }
}

fn punt(jaar: u16, eigen: Option<&str>, p25: &str, mediaan: &str, p75: &str) -> TrendPoint {
    let text = |d: Option<Decimal>| {
        d.map_or(s("–"), |d| {
            format!("€ {}", raadsbudget_domain::value::format_dutch(d, 2))
        })
    };
    TrendPoint {
        jaar,
        eigen: eigen.map(dec),
        eigen_tekst: text(eigen.map(dec)),
        p25: Some(dec(p25)),
        mediaan: Some(dec(mediaan)),
        mediaan_tekst: text(Some(dec(mediaan))),
        p75: Some(dec(p75)),
    }
}

/// A realistic factsheet of the fictional gemeente Voorbeeldstad.
fn voorbeeldstad() -> Factsheet {
    Factsheet {
        titel: s(TITEL),
        organisatie: s("Gemeente Voorbeeldstad (GM5001)"),
        ondertitel: s("Uitvraag begroting 2026 – vergeleken met 48 gemeenten van grootteklasse 4 (50.000 tot 100.000 inwoners)"),
        kenmerken: vec![
            (s("Inwoners"), s("61.234")),
            (s("Raadszetels"), s("33")),
            (s("Fracties"), s("11")),
            (s("Grootteklasse"), s("4 (50.000–100.000)")),
            (s("Griffier"), s("mr. A. van 't Veld-Hoëk")),
            (s("Rekenkamer"), s("Gemeenschappelijke rekenkamer ’t Zuiden")),
        ],
        tabellen: vec![
            Table {
                titel: s("Begroting 2026"),
                kolommen: row(&["Categorie", "Bedrag", "Per inwoner", "Fte"]),
                rijen: vec![
                    row(&["Griffie", "€ 812.345", "€ 13,27", "6,8"]),
                    row(&["Rekenkamer", "€ 68.500", "€ 1,12", "–"]),
                    row(&["Fractieondersteuning", "€ 245.000", "€ 4,00", "–"]),
                    row(&["Vergoedingen raadsleden", "€ 1.234.567", "€ 20,16", "–"]),
                    row(&["Enquêterecht", "–", "–", "–"]),
                    row(&["Totaal", "€ 2.360.412", "€ 38,55", "6,8"]),
                ],
                nadruk: Some(5),
            },
            Table {
                titel: s("Realisatie 2025"),
                kolommen: row(&["Categorie", "Bedrag", "Per inwoner", "Fte"]),
                rijen: vec![
                    row(&["Griffie", "€ 790.112", "€ 12,98", "6,6"]),
                    row(&["Rekenkamer", "€ 61.020", "€ 1,00", "–"]),
                    row(&["Fractieondersteuning", "€ 238.400", "€ 3,92", "–"]),
                    row(&["Vergoedingen raadsleden", "€ 1.201.880", "€ 19,74", "–"]),
                    row(&["Enquêterecht", "€ 0", "€ 0,00", "–"]),
                    row(&["Totaal", "€ 2.291.412", "€ 37,64", "6,6"]),
                ],
                nadruk: Some(5),
            },
        ],
        posities: Positions {
            titel: s("Positie per inwoner, begroting 2026, tussen 48 gemeenten van grootteklasse 4"),
            eenheid: s("€ per inwoner"),
            regels: vec![
                positie("Griffie", Some("13.27"), spreiding("6.10", "10.45", "12.80", "15.90", "24.30"), "plaats 29 van 48, derde kwart"),
                positie("Rekenkamer", Some("1.12"), spreiding("0.35", "0.90", "1.25", "1.80", "3.10"), "plaats 21 van 48, tweede kwart"),
                positie("Fractieondersteuning", Some("4.00"), spreiding("1.20", "2.90", "3.85", "5.10", "9.80"), "plaats 26 van 48, derde kwart"),
                positie("Vergoedingen raadsleden", Some("20.16"), spreiding("14.00", "17.50", "19.90", "22.40", "28.75"), "plaats 25 van 48, derde kwart"),
                positie("Enquêterecht", None, None, ""),
            ],
            tekstalternatief: s("Voorbeeldstad geeft per inwoner iets minder uit aan de rekenkamer dan de mediaan van de vergelijkingsgroep (€ 1,12 tegenover € 1,25) en iets meer aan de griffie (€ 13,27 tegenover € 12,80). Voor het enquêterecht is geen vergelijking mogelijk."),
        },
        trend: Some(Trend {
            titel: s("Totaal raadsondersteuning per inwoner, begroting 2023–2026"),
            eenheid: s("€ per inwoner"),
            punten: vec![
                punt(2023, Some("34.10"), "29.80", "33.20", "37.90"),
                punt(2024, Some("35.80"), "30.40", "34.00", "38.60"),
                punt(2025, None, "31.10", "35.10", "39.80"),
                punt(2026, Some("38.55"), "32.00", "36.40", "41.20"),
            ],
            tekst: s("Het totaal per inwoner steeg van € 34,10 in 2023 naar € 38,55 in 2026; de mediaan van de vergelijkingsgroep steeg in dezelfde tijd van € 33,20 naar € 36,40. Voor 2025 is geen begroting aangeleverd."),
        }),
        vergelijkbaarheid: Vec::new(),
        voetnoten: vec![
            s("Bron: uitvraag raadsondersteuning 2026 van het ministerie van BZK, begrotingen zoals aangeleverd door de deelnemende gemeenten. Bedragen zijn inclusief btw en afgerond op hele euro’s; per inwoner op centen."),
            s("Vergelijkingsgroep: de 48 gemeenten van grootteklasse 4 die de uitvraag hebben ingevuld. Kwartielen en mediaan zijn berekend met PERCENTIEL.INC; een streepje (–) betekent: niet van toepassing of niet aangeleverd."),
            s(ESCAPED),
        ],
    }
}

/// Nothing at all: every text empty, no tables, no positions, no trend.
fn leeg() -> Factsheet {
    Factsheet {
        titel: String::new(),
        organisatie: String::new(),
        ondertitel: String::new(),
        kenmerken: Vec::new(),
        tabellen: Vec::new(),
        posities: Positions {
            titel: String::new(),
            eenheid: String::new(),
            regels: Vec::new(),
            tekstalternatief: String::new(),
        },
        trend: None,
        vergelijkbaarheid: Vec::new(),
        voetnoten: Vec::new(),
    }
}

/// Very long texts everywhere and 20 categories.
fn lang() -> Factsheet {
    let mut f = voorbeeldstad();
    let words = "Dit is een bijzonder lange toelichting over de raadsondersteuning van Voorbeeldstad, met woorden als enquêterecht en fractieondersteuning, ";
    f.titel = format!("{} {}", TITEL, words.repeat(2));
    f.ondertitel = words.repeat(3);
    f.kenmerken
        .push((s("Een kenmerk met een heel lang label"), words.repeat(2)));
    f.kenmerken.push((s("Onafgebroken"), "x".repeat(300)));
    f.tabellen[0].rijen[0][0] = words.repeat(2);
    f.posities.regels = (1..=20)
        .map(|i| {
            positie(
                &format!("Categorie {i} met een tamelijk lange naam voor de grafiek"),
                Some(&format!("{i}.5")),
                spreiding("0.50", "4.25", &format!("{i}"), "15.75", "30.00"),
                "plaats 1 van 48, eerste kwart",
            )
        })
        .collect();
    f.posities.tekstalternatief = words.repeat(8);
    if let Some(t) = &mut f.trend {
        t.tekst = words.repeat(8);
    }
    f.voetnoten = vec![words.repeat(10), format!("{}EINDE", words.repeat(10))];
    f
}

// ---------------------------------------------------------------------------------------------
// Helpers

/// Compares `bytes` with `tests/golden/factsheet/<name>`, or rewrites it under `UPDATE_GOLDEN=1`.
fn check_golden(name: &str, bytes: &[u8]) {
    common::golden_file::check_golden(
        "factsheet",
        name,
        "factsheet",
        bytes,
        common::golden_file::text_diff,
    );
}

fn pdf_bytes(f: &Factsheet) -> Vec<u8> {
    let mut out = Vec::new();
    pdf::write(f, &mut out).unwrap();
    out
}

fn html_document(f: &Factsheet) -> String {
    let mut out = Vec::new();
    html::write_document(f, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

/// Runs a poppler tool on the PDF (written to a temporary file) and returns its stdout.
fn poppler(tool: &str, args: &[&str], pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("factsheet.pdf");
    std::fs::write(&path, pdf).unwrap();
    let output = Command::new(tool)
        .args(args)
        .arg(&path)
        .arg("-")
        .output()
        .unwrap_or_else(|e| {
            panic!("{tool} could not be run ({e}): install poppler-utils (scripts/test does)")
        });
    assert!(
        output.status.success(),
        "{tool} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

fn pdftotext(pdf: &[u8]) -> String {
    poppler("pdftotext", &["-layout", "-enc", "UTF-8"], pdf)
}

/// `pdfinfo`'s fields (it takes no output file, so not through [`poppler`]).
fn pdfinfo(pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("factsheet.pdf");
    std::fs::write(&path, pdf).unwrap();
    let output = Command::new("pdfinfo")
        .args(["-enc", "UTF-8"])
        .arg(&path)
        .output()
        .unwrap_or_else(|e| {
            panic!("pdfinfo could not be run ({e}): install poppler-utils (scripts/test does)")
        });
    assert!(
        output.status.success(),
        "pdfinfo failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

fn info_field(info: &str, field: &str) -> String {
    info.lines()
        .find_map(|l| l.strip_prefix(&format!("{field}:")))
        .unwrap_or_else(|| panic!("no {field} in pdfinfo output:\n{info}"))
        .trim()
        .to_string()
}

fn pages(pdf: &[u8]) -> usize {
    let info = pdfinfo(pdf);
    let pages: usize = info_field(&info, "Pages").parse().unwrap();
    // pdftotext ends every page with a form feed: the two must agree.
    assert_eq!(pdftotext(pdf).matches('\u{c}').count(), pages);
    pages
}

/// Structural checks every PDF must pass: header, trailer, fonts, language, no dates.
fn assert_valid_pdf(pdf: &[u8]) {
    assert!(pdf.starts_with(b"%PDF-"), "no %PDF- header");
    assert!(
        pdf.trim_ascii_end().ends_with(b"%%EOF"),
        "no %%EOF at the end"
    );
    let raw = String::from_utf8_lossy(pdf);
    assert!(raw.contains("/Lang (nl-NL)"), "no /Lang");
    assert!(raw.contains("/BaseFont /Helvetica"));
    assert!(raw.contains("/BaseFont /Helvetica-Bold"));
    assert!(raw.contains("/Encoding /WinAnsiEncoding"));
    assert!(!raw.contains("/FontFile"), "no font is embedded");
    assert!(!raw.contains("/CreationDate") && !raw.contains("/ModDate"));
    let info = pdfinfo(pdf);
    assert_eq!(info_field(&info, "Producer"), "Raadsbudget");
    assert_eq!(info_field(&info, "Page size"), "595.3 x 841.9 pts (A4)");
}

/// Every word lies inside the page's margins (15 mm ≈ 42.5 pt), so nothing ran off the page
/// or past the bottom: the wrapping and the page breaks work.
fn assert_words_inside_margins(pdf: &[u8]) {
    let bbox = poppler("pdftotext", &["-bbox"], pdf);
    let word = Regex::new(
        r#"<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">([^<]*)</word>"#,
    )
    .unwrap();
    let mut count = 0;
    for cap in word.captures_iter(&bbox) {
        count += 1;
        // Compare in tenths of a point, as integers.
        let tenths = |i: usize| -> i64 {
            let v = Decimal::from_str_exact(&cap[i]).unwrap() * Decimal::TEN;
            i64::try_from(v.round()).unwrap()
        };
        let (x0, y0, x1, y1) = (tenths(1), tenths(2), tenths(3), tenths(4));
        let w = &cap[5];
        assert!(
            x0 >= 415 && x1 <= 5538,
            "{w:?} runs outside the side margins: {x0}..{x1}"
        );
        assert!(
            y0 >= 415 && y1 <= 8004,
            "{w:?} runs outside the top or bottom margin: {y0}..{y1}"
        );
    }
    assert!(count > 0, "no words found:\n{bbox}");
}

/// The position of `needle` in `haystack`, or a panic showing the text.
fn find(haystack: &str, needle: &str) -> usize {
    haystack
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not found in:\n{haystack}"))
}

// ---------------------------------------------------------------------------------------------
// PDF

#[test]
fn pdf_matches_the_golden_file() {
    check_golden("factsheet.pdf", &pdf_bytes(&voorbeeldstad()));
}

#[test]
fn pdf_is_deterministic() {
    assert_eq!(pdf_bytes(&voorbeeldstad()), pdf_bytes(&voorbeeldstad()));
}

#[test]
fn pdf_is_one_valid_a4_page_with_title_and_producer() {
    let pdf = pdf_bytes(&voorbeeldstad());
    assert_valid_pdf(&pdf);
    assert_eq!(pages(&pdf), 1);
    let info = pdfinfo(&pdf);
    assert_eq!(info_field(&info, "Title"), TITEL);
    assert_words_inside_margins(&pdf);
}

#[test]
fn pdf_text_is_extractable_in_reading_order() {
    let text = pdftotext(&pdf_bytes(&voorbeeldstad()));
    for needle in [
        TITEL,
        "Gemeente Voorbeeldstad (GM5001)",
        "Uitvraag begroting 2026 – vergeleken",
        "Inwoners",
        "61.234",
        "van 't Veld-Hoëk",
        "’t Zuiden",
        "€ 1,12",
        "€ 2.360.412",
        "Rekenkamer",
        "Enquêterecht",
        "mediaan € 1,25",
        "plaats 21 van 48, tweede kwart",
        "€ per inwoner",
        "Voorbeeldstad geeft per inwoner",
        "2023",
        "2026",
        "Het totaal per inwoner steeg",
        VOETNOOT,
        "<b>geen</b>",
    ] {
        find(&text, needle);
    }
    // Reading order: title, organisation, ondertitel, kenmerken, tables, positions, trend,
    // voetnoten.
    let order = [
        find(&text, TITEL),
        find(&text, "Gemeente Voorbeeldstad (GM5001)"),
        find(&text, "Uitvraag begroting 2026"),
        find(&text, "Kenmerken"),
        find(&text, "Begroting 2026\n"),
        find(&text, "Realisatie 2025"),
        find(&text, "Positie per inwoner, begroting 2026"),
        find(&text, "Totaal raadsondersteuning per inwoner"),
        find(&text, VOETNOOT),
    ];
    assert!(
        order.windows(2).all(|w| w[0] < w[1]),
        "out of order {order:?}:\n{text}"
    );
}

#[test]
fn pdf_right_aligns_the_numbers_of_a_table() {
    // With -layout, right-aligned amounts end in the same column.
    let text = pdftotext(&pdf_bytes(&voorbeeldstad()));
    let end_of = |needle: &str| {
        let line = text
            .lines()
            .find(|l| l.contains(needle))
            .unwrap_or_else(|| panic!("{needle:?} not found in:\n{text}"));
        line[..line.find(needle).unwrap()].chars().count() + needle.chars().count()
    };
    assert_eq!(end_of("€ 812.345"), end_of("€ 68.500"));
    assert_eq!(end_of("€ 812.345"), end_of("€ 1.234.567"));
}

#[test]
fn pdf_of_an_empty_model_is_one_valid_page() {
    let pdf = pdf_bytes(&leeg());
    assert_valid_pdf(&pdf);
    assert_eq!(pages(&pdf), 1);
    let text = pdftotext(&pdf);
    find(&text, "Factsheet");
}

#[test]
fn pdf_wraps_long_texts_and_breaks_pages_without_losing_text() {
    let f = lang();
    let pdf = pdf_bytes(&f);
    assert_valid_pdf(&pdf);
    let pages = pages(&pdf);
    assert!((2..=4).contains(&pages), "{pages} pages");
    assert_words_inside_margins(&pdf);
    let text = pdftotext(&pdf);
    for i in [1, 7, 20] {
        find(&text, &format!("Categorie {i} met"));
    }
    find(&text, "EINDE");
    find(&text, "€ 20,50");
}

#[test]
fn pdf_survives_odd_values() {
    let mut f = voorbeeldstad();
    f.titel = s("Tekens buiten Windows-1252: ☃ 中文 \u{1} Ω");
    f.tabellen[0].rijen[1] = row(&["Kort"]);
    f.tabellen[1].kolommen.clear();
    f.tabellen[1].nadruk = Some(99);
    f.posities.regels[0].eigen = Some(Decimal::MAX);
    f.posities.regels[1].spreiding = spreiding("-5", "-1", "0", "1", "5");
    f.posities.regels[2].eigen = Some(dec("-12345678.9"));
    f.posities.regels[3].spreiding = Some(Spread {
        min: Decimal::MIN,
        p25: Decimal::MIN,
        mediaan: Decimal::ZERO,
        p75: Decimal::MAX,
        max: Decimal::MAX,
    });
    if let Some(t) = &mut f.trend {
        t.punten.truncate(1);
    }
    html_document(&f);
    let pdf = pdf_bytes(&f);
    assert_valid_pdf(&pdf);
    let text = pdftotext(&pdf);
    find(&text, "Tekens buiten Windows-1252: ? ?? ? ?");

    let mut f = voorbeeldstad();
    for r in &mut f.posities.regels {
        r.eigen = Some(Decimal::ZERO);
        r.spreiding = spreiding("0", "0", "0", "0", "0");
    }
    let pdf = pdf_bytes(&f);
    assert_valid_pdf(&pdf);
    assert_eq!(pages(&pdf), 1);
    html_document(&f);

    // Extreme values in the trend.
    let mut f = voorbeeldstad();
    if let Some(t) = &mut f.trend {
        t.punten[0].eigen = Some(Decimal::MIN);
        t.punten[1].p75 = Some(Decimal::MAX);
        t.punten[2].p25 = None;
    }
    assert_valid_pdf(&pdf_bytes(&f));
    html_document(&f);
}

// ---------------------------------------------------------------------------------------------
// HTML

#[test]
fn html_matches_the_golden_file() {
    check_golden("factsheet.html", html_document(&voorbeeldstad()).as_bytes());
}

#[test]
fn html_is_a_complete_document_around_the_fragment() {
    let f = voorbeeldstad();
    let doc = html_document(&f);
    assert!(
        doc.starts_with("<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n")
    );
    find(&doc, &format!("<title>{TITEL}</title>"));
    find(&doc, &html::fragment(&f, 1));
    assert!(doc.ends_with("</html>\n"));
    assert_eq!(html::fragment(&f, 1), html::fragment(&f, 1));
    let fragment = html::fragment(&f, 1);
    assert!(fragment.starts_with("<article class=\"factsheet\" lang=\"nl\">\n<style>\n"));
    assert!(fragment.ends_with("</article>\n"));
}

#[test]
fn the_fragment_heading_level_fits_the_page_it_is_placed_in() {
    let f = voorbeeldstad();
    // In a document of its own: the title is the h1, sections are h2.
    let own = html::fragment(&f, 1);
    assert_eq!(own.matches("<h1 ").count(), 1);
    assert_eq!(own.matches("<h2 ").count(), own.matches("</h2>").count());
    assert!(own.matches("<h2 ").count() >= 3);
    // In the app, under the screen's h1: title h2, sections h3; nothing else changes.
    let app = html::fragment(&f, 2);
    assert!(!app.contains("<h1"));
    assert_eq!(app.matches("<h2 ").count(), 1);
    assert_eq!(app.matches("<h3 ").count(), own.matches("<h2 ").count());
    assert_eq!(
        app.replace("h3", "hX").replace("h2", "h1"),
        own.replace("h2", "hX")
    );
}

#[test]
fn html_escapes_every_user_text() {
    let doc = html_document(&voorbeeldstad());
    find(&doc, "&lt;b&gt;geen&lt;/b&gt;");
    find(&doc, "mr. A. van &#39;t Veld-Hoëk");
    find(&doc, "Gemeenschappelijke rekenkamer ’t Zuiden");
    assert!(!doc.contains("<b>"));
    let mut f = voorbeeldstad();
    f.titel = s("A & B \"C\" <script>alert(1)</script>");
    f.posities.regels[0].label = s("<img src=x>");
    let doc = html_document(&f);
    find(
        &doc,
        "<title>A &amp; B &quot;C&quot; &lt;script&gt;alert(1)&lt;/script&gt;</title>",
    );
    assert!(!doc.contains("<script") && !doc.contains("<img"));
}

#[test]
fn html_tables_have_captions_and_scoped_headers() {
    let doc = html_document(&voorbeeldstad());
    let tables = doc.matches("<table>").count();
    // Two own tables, and the positions and the trend as tables.
    assert_eq!(tables, 4);
    assert_eq!(doc.matches("<table>\n<caption>").count(), tables);
    find(&doc, "<caption>Begroting 2026</caption>");
    find(
        &doc,
        "<th scope=\"col\">Categorie</th><th scope=\"col\" class=\"fs-num\">Bedrag</th>",
    );
    find(&doc, "<tr><th scope=\"row\">Rekenkamer</th><td class=\"fs-num\">€ 68.500</td><td class=\"fs-num\">€ 1,12</td><td class=\"fs-num\">–</td></tr>");
    find(
        &doc,
        "<tr class=\"fs-nadruk\"><th scope=\"row\">Totaal</th>",
    );
    find(&doc, "<th scope=\"col\">Categorie</th><th scope=\"col\" class=\"fs-num\">Eigen</th><th scope=\"col\" class=\"fs-num\">Mediaan</th><th scope=\"col\">Positie</th>");
    find(&doc, "<tr><th scope=\"row\">Rekenkamer</th><td class=\"fs-num\">€ 1,12</td><td class=\"fs-num\">€ 1,25</td><td>plaats 21 van 48, tweede kwart</td></tr>");
    find(&doc, "<tr><th scope=\"row\">2025</th><td class=\"fs-num\">–</td><td class=\"fs-num\">€ 35,10</td></tr>");
    // Every row has a row header.
    assert_eq!(
        doc.matches("<tr>").count() + doc.matches("<tr class=\"fs-nadruk\">").count(),
        doc.matches("<th scope=\"row\">").count() + tables
    );
}

#[test]
fn html_charts_are_labelled_images_with_a_text_alternative() {
    let f = voorbeeldstad();
    let doc = html_document(&f);
    let svg = Regex::new(r#"<svg class="fs-grafiek" role="img" aria-labelledby="([^"]+)" aria-describedby="([^"]+)"[^>]*>\n<title id="([^"]+)">([^<]+)</title>\n<desc id="([^"]+)">([^<]+)</desc>"#).unwrap();
    let charts: Vec<_> = svg.captures_iter(&doc).collect();
    assert_eq!(charts.len(), 2);
    assert_eq!(doc.matches("<svg class=\"fs-grafiek\"").count(), 2);
    for c in &charts {
        assert_eq!(c[1], c[3]);
        assert_eq!(c[2], c[5]);
    }
    assert_eq!(&charts[0][4], f.posities.titel.as_str());
    assert_eq!(
        &charts[0][6],
        html::escape(&f.posities.tekstalternatief).as_str()
    );
    let trend = f.trend.as_ref().unwrap();
    assert_eq!(&charts[1][6], html::escape(&trend.tekst).as_str());
    // Legend samples are decorative; the legend text is there.
    assert!(doc.contains("<li><svg aria-hidden=\"true\""));
    find(&doc, "25e tot 75e percentiel");
    // The own value: black diamonds with their value label.
    // Four own values, the legend sample and the trend band.
    assert_eq!(doc.matches("<polygon points=").count(), 4 + 1 + 1);
    find(&doc, "text-anchor=\"middle\" fill=\"#000\">€ 1,12</text>");
    // The median of the trend is dashed.
    find(&doc, "stroke-dasharray=\"6 4\"");
    // Ids are unique.
    let ids = Regex::new(r#" id="([^"]+)""#).unwrap();
    let mut all: Vec<&str> = ids
        .captures_iter(&doc)
        .map(|c| c.get(1).unwrap().as_str())
        .collect();
    let count = all.len();
    all.sort_unstable();
    all.dedup();
    assert_eq!(all.len(), count);
}

#[test]
fn html_is_self_contained_scoped_and_high_contrast() {
    let fragment = html::fragment(&voorbeeldstad(), 1);
    for banned in [
        "<script", "<link", "src=", "href=", "url(", "@import", "<img",
    ] {
        assert!(!fragment.contains(banned), "{banned}");
    }
    let style =
        &fragment[find(&fragment, "<style>") + "<style>".len()..find(&fragment, "</style>")];
    find(style, "@media print{");
    find(style, "@page{size:A4;margin:15mm}");
    let selectors = Regex::new(r"(?:^|[{}])\s*([^{}@\s][^{}]*)\{").unwrap();
    let mut count = 0;
    for c in selectors.captures_iter(style) {
        for sel in c[1].split(',') {
            count += 1;
            assert!(
                sel.trim().starts_with(".factsheet"),
                "unscoped selector {sel:?}"
            );
        }
    }
    assert!(count > 10);
    // Text colours: only black, near-black and #595959 (7:1 on white).
    let colours = Regex::new(r"(?:[{;]color:|<text[^>]* fill=\x22)(#[0-9a-f]+)").unwrap();
    let used: Vec<&str> = colours
        .captures_iter(&fragment)
        .map(|c| c.get(1).unwrap().as_str())
        .collect();
    assert!(used.len() > 5);
    for colour in used {
        assert!(
            ["#000", "#1a1a1a", "#595959"].contains(&colour),
            "text colour {colour}"
        );
    }
}

#[test]
fn html_of_an_empty_model_has_a_heading_and_no_empty_parts() {
    let doc = html_document(&leeg());
    find(&doc, "<title>Factsheet</title>");
    find(&doc, "<h1 class=\"fs-titel\">Factsheet</h1>");
    for part in [
        "<svg", "<table", "<dl", "<footer", "<h2", "<p></p>", "<section",
    ] {
        assert!(!doc.contains(part), "{part} in:\n{doc}");
    }
}

#[test]
fn html_of_a_long_model_has_every_category() {
    let doc = html_document(&lang());
    assert_eq!(
        doc.matches("met een tamelijk lange naam voor de grafiek</th>")
            .count(),
        20
    );
    find(&doc, "EINDE");
}

/// A factsheet over years of different definitions has a section that says which figures are
/// not comparable and why, in the reading order of the PDF and in the HTML.
#[test]
fn a_break_in_the_definitions_is_said_in_the_pdf_and_the_html() {
    let mut f = voorbeeldstad();
    f.vergelijkbaarheid = vec![s(
        "Realisatie fte griffie: 2025 en 2026 zijn niet vergelijkbaar: GRF.FTE heeft sinds versie 2027.1 een andere definitie.",
    )];
    let html = html_document(&f);
    let at = find(&html, "Vergelijkbaarheid over de jaren</h");
    assert!(at > find(&html, "fs-kop"), "a section with a heading");
    assert!(html[at..].contains("<li>Realisatie fte griffie: 2025 en 2026 zijn niet vergelijkbaar"));
    let pdf = pdf_bytes(&f);
    assert_valid_pdf(&pdf);
    let text = pdftotext(&pdf)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let heading = find(&text, "Vergelijkbaarheid over de jaren");
    assert!(
        heading
            < find(
                &text,
                "– Realisatie fte griffie: 2025 en 2026 zijn niet vergelijkbaar"
            )
    );
    // The section comes after the trend and before the voetnoten.
    assert!(heading > find(&text, &f.trend.as_ref().unwrap().titel));
    // Without breaks, the golden factsheet has no such section.
    assert!(!pdftotext(&pdf_bytes(&voorbeeldstad())).contains("Vergelijkbaarheid"));
}
