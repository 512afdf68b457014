//! The zip container of a workbook, checked before the spreadsheet library sees it: every part
//! unpacked once and measured (never kept, except the small document properties), with the
//! same zip crate calamine reads it with; the XML of every worksheet and of the shared strings
//! streamed through the XML parser calamine uses, so that nothing calamine trusts without
//! checking (a cell reference it multiplies out, a count of shared strings it reserves memory
//! for) can be forged.

use super::{MAX_CELLS, MAX_PARTS, MAX_UNPACKED_BYTES};
use quick_xml::events::Event;
use std::cell::Cell;
use std::io::{BufReader, Cursor, Read};
use std::rc::Rc;

/// The parts of the zip a reader needs besides the sheets.
#[derive(Default)]
pub(super) struct Properties {
    pub(super) core: Option<String>,
    pub(super) app: Option<String>,
}

/// Why the zip container was refused.
pub(super) enum ZipProblem {
    Damaged,
    TooLarge(String),
}

/// The most a document property part is kept (a real one is under 2 kB).
const MAX_PROPERTY_BYTES: u64 = 1024 * 1024;

/// Rows and columns of a worksheet (Excel's limits).
const MAX_ROWS: u64 = 1_048_576;
const MAX_COLUMNS: u64 = 16_384;

/// A reader that counts what it gives against the bytes left for the whole workbook and fails
/// once they are used up (marking `over`).
struct Budget<R> {
    inner: R,
    left: Rc<Cell<u64>>,
    over: Rc<Cell<bool>>,
}

impl<R: Read> Read for Budget<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        let n64 = u64::try_from(n).unwrap_or(u64::MAX);
        match self.left.get().checked_sub(n64) {
            Some(rest) => {
                self.left.set(rest);
                Ok(n)
            }
            None => {
                self.over.set(true);
                Err(std::io::Error::other("werkmap te groot"))
            }
        }
    }
}

/// The most attributes one XML element may have, and the longest tag (an invulbestand's have a
/// handful, and a few kB at most): the XML parser's duplicate check and calamine's attribute
/// loops are quadratic in the number of attributes.
const MAX_ATTRIBUTES: usize = 64;
const MAX_TAG_BYTES: usize = 64 * 1024;

/// The most sheets a workbook may list (an invulbestand has three).
const MAX_SHEETS: u64 = 64;

/// The longest number format in bytes (Excel's own limit is 255 characters).
const MAX_FORMAT_CODE_BYTES: usize = 4 * 255;

/// One cell of a reference: its 1-based column and row (either may be absent: `B`, `5`).
fn cell_of(piece: &[u8]) -> Option<(u64, u64)> {
    let plain: Vec<u8> = piece.iter().copied().filter(|b| *b != b'$').collect();
    let letters = plain.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    let digits = plain.get(letters..)?;
    if letters > 3 || digits.len() > 7 || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let column = plain.iter().take(letters).fold(0u64, |n, b| {
        n * 26 + u64::from(b.to_ascii_uppercase() - b'A' + 1)
    });
    let row = digits
        .iter()
        .fold(0u64, |n, b| n * 10 + u64::from(b - b'0'));
    (column <= MAX_COLUMNS && row <= MAX_ROWS).then_some((column, row))
}

/// Whether a cell or range reference fits a worksheet: `A1`, `$B$2`, `A1:C3` (start before
/// end), a row (`5`) or a column (`B`), each part at most column XFD and row 1.048.576; a list
/// of them separated by spaces (`sqref`).
fn reference_fits(value: &[u8]) -> bool {
    value
        .split(|b| *b == b' ')
        .filter(|range| !range.is_empty())
        .all(|range| {
            let cells: Option<Vec<(u64, u64)>> = range.split(|b| *b == b':').map(cell_of).collect();
            match cells.as_deref() {
                Some([_]) => true,
                Some([(c1, r1), (c2, r2)]) => c1 <= c2 && r1 <= r2,
                _ => false,
            }
        })
}

/// A part's name as calamine looks it up: `\` as `/`, without a leading `/`, in lower case.
fn normalised(name: &str) -> String {
    name.replace('\\', "/")
        .trim_start_matches('/')
        .to_ascii_lowercase()
}

/// What a part is checked for.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    Core,
    App,
    /// A sheet: every `r`, `ref` and `sqref` must fit ([`reference_fits`]).
    Sheet,
    /// The shared strings: the number it declares must not exceed the strings it holds.
    Strings,
    /// The workbook: at most [`MAX_SHEETS`] sheets, each its own part.
    Workbook,
    /// The styles: number formats of a sane length.
    Styles,
    /// Any other XML part calamine may open (relationships, content types).
    Xml,
    /// Not XML (images, printer settings): only measured.
    Binary,
}

impl Part {
    fn of(name: &str) -> Part {
        let sheets = [
            "xl/worksheets/",
            "xl/chartsheets/",
            "xl/dialogsheets/",
            "xl/macrosheets/",
        ];
        match name {
            "docprops/core.xml" => Part::Core,
            "docprops/app.xml" => Part::App,
            "xl/sharedstrings.xml" => Part::Strings,
            "xl/workbook.xml" => Part::Workbook,
            "xl/styles.xml" => Part::Styles,
            n if sheets.iter().any(|dir| n.starts_with(dir)) && !n.contains("/_rels/") => {
                Part::Sheet
            }
            n if n.ends_with(".xml") || n.ends_with(".rels") => Part::Xml,
            _ => Part::Binary,
        }
    }
}

/// Streams one XML part through quick-xml, checking what `part` says; `false` when it is
/// refused (a forged reference, count or shape, or XML calamine would not read either).
fn check_xml(reader: impl Read, part: Part) -> Result<bool, std::io::Error> {
    let mut xml = quick_xml::Reader::from_reader(BufReader::new(reader));
    let mut buf = Vec::new();
    let mut declared: u64 = 0;
    let mut counted: u64 = 0;
    let mut targets: std::collections::BTreeSet<Vec<u8>> = std::collections::BTreeSet::new();
    loop {
        buf.clear();
        let event = match xml.read_event_into(&mut buf) {
            Ok(e) => e,
            Err(quick_xml::Error::Io(e)) => {
                return Err(std::io::Error::new(e.kind(), e.to_string()))
            }
            Err(_) => return Ok(false),
        };
        let (Event::Start(e) | Event::Empty(e)) = event else {
            if matches!(event, Event::Eof) {
                break;
            }
            continue;
        };
        if e.len() > MAX_TAG_BYTES {
            return Ok(false);
        }
        let local = e.local_name();
        let element = local.as_ref();
        match (part, element) {
            (Part::Strings, b"si") => counted += 1,
            (Part::Workbook, b"sheet") => {
                counted += 1;
                if counted > MAX_SHEETS {
                    return Ok(false);
                }
            }
            _ => {}
        }
        // Without quick-xml's duplicate check (quadratic); the count is bounded first.
        let mut attributes = e.attributes();
        attributes.with_checks(false);
        for (n, attr) in attributes.enumerate() {
            let Ok(attr) = attr else {
                return Ok(false);
            };
            if n >= MAX_ATTRIBUTES {
                return Ok(false);
            }
            // The attribute as calamine asks for it: unprefixed (`xmlns:r` is not `r`).
            let fits = match (part, attr.key.as_ref()) {
                (Part::Sheet, b"r" | b"ref" | b"sqref") => reference_fits(&attr.value),
                // `count` is how often strings are used; `uniqueCount` how many there are.
                (Part::Strings, b"uniqueCount") if element == b"sst" => {
                    match std::str::from_utf8(&attr.value)
                        .ok()
                        .and_then(|t| t.trim().parse::<u64>().ok())
                    {
                        Some(n) => {
                            declared = declared.max(n);
                            true
                        }
                        None => false,
                    }
                }
                // Two sheets over one part would be read twice.
                (Part::Workbook, b"r:id") if element == b"sheet" => {
                    targets.insert(attr.value.to_vec())
                }
                (Part::Styles, b"formatCode") => attr.value.len() <= MAX_FORMAT_CODE_BYTES,
                _ => true,
            };
            if !fits {
                return Ok(false);
            }
        }
    }
    // calamine reserves room for `uniqueCount` strings before reading one.
    Ok(part != Part::Strings || (declared <= counted.max(1) && counted <= MAX_CELLS as u64 * 4))
}

/// Unpacks every part once to measure the whole, keeping only the document properties, and
/// streams every XML part through the XML parser calamine uses, refusing what calamine would
/// trust without checking ([`check_xml`]). Refuses more than [`MAX_PARTS`] parts or
/// [`MAX_UNPACKED_BYTES`] unpacked, and two parts calamine would take for one.
pub(super) fn measure(bytes: &[u8]) -> Result<Properties, ZipProblem> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| ZipProblem::Damaged)?;
    if zip.len() > MAX_PARTS {
        return Err(ZipProblem::TooLarge(format!(
            "de werkmap bestaat uit {} delen; een invulbestand heeft er enkele tientallen",
            zip.len()
        )));
    }
    let too_large = || {
        ZipProblem::TooLarge(format!(
            "de werkmap is uitgepakt groter dan {} MB; een invulbestand is veel kleiner",
            MAX_UNPACKED_BYTES / (1024 * 1024)
        ))
    };
    let left = Rc::new(Cell::new(MAX_UNPACKED_BYTES));
    let over = Rc::new(Cell::new(false));
    let mut props = Properties::default();
    let mut names = std::collections::BTreeSet::new();
    for i in 0..zip.len() {
        let entry = zip.by_index(i).map_err(|_| ZipProblem::Damaged)?;
        let name = normalised(entry.name());
        if !names.insert(name.clone()) {
            return Err(ZipProblem::Damaged);
        }
        let part = Part::of(&name);
        let mut reader = Budget {
            inner: entry,
            left: Rc::clone(&left),
            over: Rc::clone(&over),
        };
        let outcome = match part {
            Part::Core | Part::App => {
                let mut kept = Vec::new();
                (&mut reader)
                    .take(MAX_PROPERTY_BYTES)
                    .read_to_end(&mut kept)
                    .and_then(|_| std::io::copy(&mut reader, &mut std::io::sink()))
                    .map(|_| (true, String::from_utf8(kept).ok()))
            }
            Part::Binary => std::io::copy(&mut reader, &mut std::io::sink()).map(|_| (true, None)),
            _ => check_xml(&mut reader, part).map(|fits| (fits, None)),
        };
        match outcome {
            Err(_) if over.get() => return Err(too_large()),
            Err(_) | Ok((false, _)) => return Err(ZipProblem::Damaged),
            Ok((true, kept)) => match part {
                Part::Core => props.core = kept,
                Part::App => props.app = kept,
                _ => {}
            },
        }
    }
    Ok(props)
}

/// Whether an OLE compound file (an encrypted workbook or an old `.xls`) holds the stream
/// `EncryptedPackage` of an encrypted workbook: its name in the directory, in UTF-16LE. The
/// bytes are never handed to a compound-file parser.
pub(super) fn is_encrypted_package(bytes: &[u8]) -> bool {
    let name: Vec<u8> = "EncryptedPackage"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    bytes.windows(name.len()).any(|w| w == name.as_slice())
}

/// The text of the first `<tag …>text</tag>` in a small XML part, entities decoded.
pub(super) fn element(xml: &str, tag: &str) -> Option<String> {
    let open = format!("<{tag}");
    let start = xml.find(&open)?;
    let rest = xml.get(start + open.len()..)?;
    let body_start = rest.find('>')? + 1;
    if rest.get(..body_start)?.ends_with("/>") {
        return None;
    }
    let body = rest.get(body_start..)?;
    let end = body.find("</")?;
    let text = body.get(..end)?.trim();
    Some(
        text.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&apos;", "'")
            .replace("&amp;", "&"),
    )
}

#[cfg(test)]
mod tests {
    use super::reference_fits;

    #[test]
    fn references_fit_a_worksheet() {
        for ok in [
            "A1",
            "$B$2",
            "A1:C3",
            "XFD1048576",
            "5",
            "B",
            "A1 C3:D4",
            "a1",
            "1:1",
        ] {
            assert!(reference_fits(ok.as_bytes()), "{ok}");
        }
        for bad in [
            "XFE1",
            "A1048577",
            "Invullen!K22E10",
            "ABCD1",
            "A99999999",
            "1A",
            "B2:A1",
            "A1:B2:C3",
        ] {
            assert!(!reference_fits(bad.as_bytes()), "{bad}");
        }
    }
}
