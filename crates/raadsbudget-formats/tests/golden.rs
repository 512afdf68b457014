//! The byte-exact golden file. Regenerate with `UPDATE_GOLDEN=1 cargo test -p raadsbudget-formats --test golden`.

mod common;

use common::*;
use raadsbudget_formats::benchmark::{self, file_name, read, write, FORMAT, HEADER};

const GOLDEN: &str = "golden/raadsondersteuning_2026_GM9999_r1.csv";

/// A line-by-line diff that shows CR and LF.
fn diff(want: &str, got: &str) -> String {
    let show = |s: &str| s.replace('\r', "\\r").replace('\n', "\\n");
    let want_lines: Vec<&str> = want.split_inclusive('\n').collect();
    let got_lines: Vec<&str> = got.split_inclusive('\n').collect();
    let mut out = String::new();
    for i in 0..want_lines.len().max(got_lines.len()) {
        let (w, g) = (want_lines.get(i), got_lines.get(i));
        if w != g {
            out.push_str(&format!(
                "line {}:\n  golden:  {}\n  written: {}\n",
                i + 1,
                w.map_or("<none>".to_string(), |s| show(s)),
                g.map_or("<none>".to_string(), |s| show(s)),
            ));
        }
    }
    out
}

#[test]
fn golden_file_is_byte_exact() {
    let meta = golden_meta();
    let mut bytes = Vec::new();
    write(&mut bytes, &meta, &golden_data()).unwrap();
    assert_eq!(
        file_name(meta.uitvraag, &meta.organisation.code, meta.revisie),
        "raadsondersteuning_2026_GM9999_r1.csv"
    );
    let path = data_path(GOLDEN);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, &bytes).unwrap();
    }
    let golden = data_file(GOLDEN);
    if golden != bytes {
        panic!(
            "the writer's output differs from {} (run with UPDATE_GOLDEN=1 only if the change is intended):\n{}",
            path.display(),
            diff(
                &String::from_utf8_lossy(&golden),
                &String::from_utf8_lossy(&bytes)
            )
        );
    }
}

#[test]
fn golden_file_has_the_physical_format_of_the_spec() {
    let golden = data_file(GOLDEN);
    let text = std::str::from_utf8(&golden).unwrap();
    assert!(!golden.starts_with(b"\xEF\xBB\xBF"), "no BOM");
    assert!(text.starts_with(&format!("{}\r\n", HEADER.join(","))));
    assert!(text.ends_with("\r\n"));
    // Every LF outside the one quoted toelichting is part of a CRLF.
    let lf_alone = text
        .match_indices('\n')
        .filter(|(i, _)| *i == 0 || text.as_bytes()[i - 1] != b'\r')
        .count();
    assert_eq!(
        lf_alone, 1,
        "only the newline inside the toelichting is a bare LF"
    );
    // Quoting only where needed; spreadsheet safety; the 2-decimal amounts.
    assert!(text.contains(",\"Proefgemeente, Noord\",gemeente,"));
    assert!(text
        .contains(",\"Inclusief griffier en plaatsvervanger.\nExclusief fractieassistenten.\","));
    assert!(text.contains(",\"Onderzoek \"\"Grip op het sociaal domein\"\"\","));
    assert!(text.contains(",10000.00,,\"'=interim-griffier, 3 maanden\","));
    assert!(text.contains(",2025,realisatie,GRF.OVERHEAD,,onbekend,,"));
    assert!(text.contains(",2026,begroting,RKK.BIJDRAGE_GR,,nvt,eigen rekenkamer,"));
    assert!(text.contains(",2025,realisatie,GRF.FTE,3.60,,,"));
    assert!(text.contains(",2026,kenmerk,KEN.REKENKAMERVORM,eigen,,,"));
    assert!(text.contains(",1,2026-03-01T09:30:00Z,Raadsbudget 0.1.0\r\n"));
    for line in text.split("\r\n").skip(1).filter(|l| l.starts_with("bzk")) {
        assert!(line.starts_with(&format!("{FORMAT},2026.1,2026,GM9999,")));
    }
}

#[test]
fn golden_rows_are_sorted_by_jaar_fase_and_catalogue_order() {
    let outcome = read("golden.csv", &data_file(GOLDEN));
    let file = outcome.file.expect("golden file reads");
    let cat = cat();
    let mut by_line: Vec<(u64, (u16, raadsbudget_domain::Fase, usize))> = file
        .lines
        .iter()
        .map(|((j, f, p), line)| (line, (j, f, cat.position(p).unwrap())))
        .collect();
    by_line.sort();
    let keys: Vec<_> = by_line.iter().map(|(_, k)| *k).collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
    assert_eq!(by_line.first().map(|(l, _)| *l), Some(2));
    // Blocks in file order: (2025, kenmerk), (2025, realisatie), (2026, kenmerk), (2026, begroting).
    let mut blocks: Vec<(u16, raadsbudget_domain::Fase)> =
        keys.iter().map(|(j, f, _)| (*j, *f)).collect();
    blocks.dedup();
    assert_eq!(
        blocks,
        raadsbudget_domain::fase::uitvraag_blocks(2026).to_vec()
    );
}

#[test]
fn golden_file_reads_back_to_the_same_data_without_findings() {
    let outcome = read("raadsondersteuning_2026_GM9999_r1.csv", &data_file(GOLDEN));
    assert_eq!(shown(&outcome), Vec::<String>::new());
    assert!(!outcome.has_errors());
    let file = outcome.file.unwrap();
    assert_eq!(file.meta, golden_meta());
    assert_eq!(file.data, golden_data());
    assert_eq!(file.lines.len(), golden_data().len());
    // The record with the multi-line toelichting starts on its own line; the next record is
    // one physical line further down than without the newline.
    let line = |j, f, p: &str| file.lines.get(j, f, p).unwrap();
    use raadsbudget_domain::Fase::Begroting;
    assert_eq!(
        line(2026, Begroting, "GRF.INHUUR"),
        line(2026, Begroting, "GRF.PERSONEEL") + 2
    );
    let _ = benchmark::FORMAT;
}
