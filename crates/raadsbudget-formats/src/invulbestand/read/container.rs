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

/// Whether one cell or range reference fits a worksheet: `A1`, `$B$2`, `A1:C3`, a row (`5`) or
/// a column (`B`), each part at most column XFD and row 1.048.576.
fn reference_fits(value: &[u8]) -> bool {
    value
        .split(|b| *b == b' ' || *b == b':')
        .filter(|piece| !piece.is_empty())
        .all(|piece| {
            let plain: Vec<u8> = piece.iter().copied().filter(|b| *b != b'$').collect();
            let letters = plain.iter().take_while(|b| b.is_ascii_alphabetic()).count();
            let Some(digits) = plain.get(letters..) else {
                return false;
            };
            if letters > 3 || digits.len() > 7 || !digits.iter().all(u8::is_ascii_digit) {
                return false;
            }
            let column = plain.iter().take(letters).fold(0u64, |n, b| {
                n * 26 + u64::from(b.to_ascii_uppercase() - b'A' + 1)
            });
            let row = digits
                .iter()
                .fold(0u64, |n, b| n * 10 + u64::from(b - b'0'));
            column <= MAX_COLUMNS && row <= MAX_ROWS
        })
}

/// What a part is checked for.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    Core,
    App,
    /// A worksheet: every `r`, `ref` and `sqref` must fit ([`reference_fits`]).
    Sheet,
    /// The shared strings: the number it declares must not exceed the strings it holds.
    Strings,
    Other,
}

/// Streams one XML part through quick-xml, checking what `part` says; `false` when it is
/// refused (a forged reference or count, or XML calamine would not read either).
fn check_xml(reader: impl Read, part: Part) -> Result<bool, std::io::Error> {
    let mut xml = quick_xml::Reader::from_reader(BufReader::new(reader));
    let mut buf = Vec::new();
    let mut declared: u64 = 0;
    let mut strings: u64 = 0;
    loop {
        buf.clear();
        let event = match xml.read_event_into(&mut buf) {
            Ok(e) => e,
            Err(quick_xml::Error::Io(e)) => {
                return Err(std::io::Error::new(e.kind(), e.to_string()))
            }
            Err(_) => return Ok(false),
        };
        match event {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) => {
                let local = e.local_name();
                if part == Part::Strings && local.as_ref() == b"si" {
                    strings += 1;
                }
                for attr in e.attributes() {
                    let Ok(attr) = attr else {
                        return Ok(false);
                    };
                    // The attribute as calamine asks for it: unprefixed (`xmlns:r` is not `r`).
                    match (part, attr.key.as_ref()) {
                        (Part::Sheet, b"r" | b"ref" | b"sqref") if !reference_fits(&attr.value) => {
                            return Ok(false);
                        }
                        // `count` is how often strings are used; `uniqueCount` how many there are.
                        (Part::Strings, b"uniqueCount") if local.as_ref() == b"sst" => {
                            let text = std::str::from_utf8(&attr.value).unwrap_or("x");
                            match text.trim().parse::<u64>() {
                                Ok(n) => declared = declared.max(n),
                                Err(_) => return Ok(false),
                            }
                        }
                        _ => {}
                    }
                }
            }
            _ => {}
        }
    }
    // calamine reserves room for `uniqueCount` strings before reading one.
    Ok(part != Part::Strings || (declared <= strings.max(1) && strings <= MAX_CELLS as u64 * 4))
}

/// Unpacks every part once to measure the whole, keeping only the document properties, and
/// checks the worksheets' cell references and the shared strings' counts on the way. Refuses
/// more than [`MAX_PARTS`] parts or [`MAX_UNPACKED_BYTES`] unpacked.
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
    for i in 0..zip.len() {
        let entry = zip.by_index(i).map_err(|_| ZipProblem::Damaged)?;
        let name = entry.name().to_string();
        let part = match name.as_str() {
            "docProps/core.xml" => Part::Core,
            "docProps/app.xml" => Part::App,
            "xl/sharedStrings.xml" => Part::Strings,
            n if n.starts_with("xl/worksheets/") && n.ends_with(".xml") => Part::Sheet,
            _ => Part::Other,
        };
        let mut reader = Budget {
            inner: entry,
            left: Rc::clone(&left),
            over: Rc::clone(&over),
        };
        let outcome = match part {
            Part::Sheet | Part::Strings => check_xml(&mut reader, part).map(|fits| (fits, None)),
            Part::Core | Part::App => {
                let mut kept = Vec::new();
                (&mut reader)
                    .take(MAX_PROPERTY_BYTES)
                    .read_to_end(&mut kept)
                    .and_then(|_| std::io::copy(&mut reader, &mut std::io::sink()))
                    .map(|_| (true, String::from_utf8(kept).ok()))
            }
            Part::Other => std::io::copy(&mut reader, &mut std::io::sink()).map(|_| (true, None)),
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
        ] {
            assert!(!reference_fits(bad.as_bytes()), "{bad}");
        }
    }
}
