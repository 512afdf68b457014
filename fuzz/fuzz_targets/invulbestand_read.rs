//! The invulbestand reader on any bytes: as a whole workbook, and (so the fuzzer gets past the
//! zip container's checksums) as the content of one part of a real invulbestand — the input
//! sheet, the hidden sheet with the cell map, the shared strings, the workbook or the styles —
//! packed again. It never
//! panics, and every finding it gives is placed in the workbook (never on a line of the
//! benchmark file it stands for).
#![no_main]

use libfuzzer_sys::fuzz_target;
use raadsbudget_formats::invulbestand;
use std::io::{Cursor, Read, Write};

/// A real invulbestand: the golden blank one of uitvraag 2026.
const BASE: &[u8] = include_bytes!(
    "../../crates/raadsbudget-formats/tests/golden/invulbestand/invulbestand_2026_leeg.xlsx"
);

const PARTS: [&str; 5] = [
    "xl/worksheets/sheet1.xml",
    "xl/worksheets/sheet3.xml",
    "xl/sharedStrings.xml",
    "xl/workbook.xml",
    "xl/styles.xml",
];

/// The base workbook with `part` replaced by `content`.
fn with_part(part: &str, content: &[u8]) -> Vec<u8> {
    let mut zip = zip::ZipArchive::new(Cursor::new(BASE)).expect("the base is a zip");
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).expect("entry");
        let name = entry.name().expect("name").to_string();
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).expect("read");
        out.start_file(name.as_str(), zip::write::SimpleFileOptions::default())
            .expect("start");
        out.write_all(if name == part { content } else { &bytes })
            .expect("write");
    }
    out.finish().expect("finish").into_inner()
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let bytes = match PARTS.get(usize::from(mode) % (PARTS.len() + 1)) {
        Some(part) => with_part(part, rest),
        None => rest.to_vec(),
    };
    let outcome = invulbestand::read("fuzz.xlsx", &bytes, None);
    for f in &outcome.findings {
        assert!(f.location.line.is_none(), "{f}");
        assert_eq!(f.location.file.as_deref(), Some("fuzz.xlsx"), "{f}");
    }
    // What it accepts is the data of one organisation, as the benchmark file it stands for.
    if let Some(file) = &outcome.file {
        assert_eq!(file.data.organisation, file.meta.organisation);
    }
});
