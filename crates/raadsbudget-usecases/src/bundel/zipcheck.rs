//! A look at a zip archive's end records before the zip crate parses it: the zip crate reads the
//! whole central directory (the table of contents) into memory when an archive is opened, so
//! an archive that claims millions of members, or a table of gigabytes, is refused here first.
//!
//! Only the end-of-central-directory record (and its Zip64 successor) is read: at most 64 kB
//! and 76 bytes from the end of the file. When no such record is found the archive is left to
//! the zip crate, which refuses it as unreadable.
//!
//! The zip crate keeps one member per name, so of two members with the same name it hides one.
//! [`central_entries`] lists the central directory as it is, so that such a member can still
//! be read (from its local header, with the sizes the central directory gives).

use std::io::{self, Read, Seek, SeekFrom};

/// Why an archive is refused before it is opened.
#[derive(Debug, thiserror::Error)]
pub(crate) enum ArchiveTrouble {
    /// More members than allowed.
    #[error("het archief bevat {members} bestanden; Raadsbudget opent archieven met hoogstens {max} bestanden. Pak het uit en bundel de map")]
    TooManyMembers {
        /// What the archive says.
        members: u64,
        /// The limit.
        max: u64,
    },
    /// A central directory larger than allowed.
    #[error("de inhoudsopgave van het archief is {} groot; Raadsbudget leest er hoogstens {}. Pak het uit en bundel de map", super::inputs::megabytes(*.size), super::inputs::megabytes(*.max))]
    DirectoryTooLarge {
        /// What the archive says.
        size: u64,
        /// The limit.
        max: u64,
    },
    /// The archive could not be read.
    #[error("het archief kan niet worden gelezen")]
    Io(#[source] io::Error),
}

const EOCD: [u8; 4] = [0x50, 0x4b, 0x05, 0x06];
const ZIP64_LOCATOR: [u8; 4] = [0x50, 0x4b, 0x06, 0x07];
const ZIP64_EOCD: [u8; 4] = [0x50, 0x4b, 0x06, 0x06];
/// The fixed part of the end-of-central-directory record.
const EOCD_LEN: u64 = 22;
/// The longest archive comment.
const MAX_COMMENT: u64 = 65_535;

fn u16_at(b: &[u8], at: usize) -> u64 {
    match b.get(at..at + 2) {
        Some(s) => u64::from(u16::from_le_bytes([s[0], s[1]])),
        None => 0,
    }
}

fn u32_at(b: &[u8], at: usize) -> u64 {
    match b.get(at..at + 4) {
        Some(s) => u64::from(u32::from_le_bytes([s[0], s[1], s[2], s[3]])),
        None => 0,
    }
}

fn u64_at(b: &[u8], at: usize) -> u64 {
    let mut word = [0u8; 8];
    match b.get(at..at + 8) {
        Some(s) => {
            word.copy_from_slice(s);
            u64::from_le_bytes(word)
        }
        None => 0,
    }
}

fn read_at<R: Read + Seek>(r: &mut R, offset: u64, len: usize) -> io::Result<Vec<u8>> {
    r.seek(SeekFrom::Start(offset))?;
    let mut buf = Vec::with_capacity(len);
    r.take(u64::try_from(len).unwrap_or(u64::MAX))
        .read_to_end(&mut buf)?;
    Ok(buf)
}

/// What the archive's end records state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct End {
    members: u64,
    size: u64,
    offset: u64,
}

/// The member count, central-directory size and offset the archive's end records state, if
/// found.
fn stated<R: Read + Seek>(r: &mut R) -> io::Result<Option<End>> {
    let len = r.seek(SeekFrom::End(0))?;
    if len < EOCD_LEN {
        return Ok(None);
    }
    let tail_len = (EOCD_LEN + MAX_COMMENT).min(len);
    let tail_start = len - tail_len;
    let tail = read_at(r, tail_start, usize::try_from(tail_len).unwrap_or(0))?;
    // The last record signature whose comment length reaches exactly to the end of the file,
    // else the last signature at all (as lenient readers do).
    let candidates: Vec<usize> = (0..tail.len().saturating_sub(21))
        .rev()
        .filter(|&i| tail.get(i..i + 4) == Some(&EOCD[..]))
        .collect();
    let exact = candidates.iter().copied().find(|&i| {
        let comment = u16_at(&tail, i + 20);
        u64::try_from(i).is_ok_and(|i| i + EOCD_LEN + comment == tail_len)
    });
    let Some(at) = exact.or_else(|| candidates.first().copied()) else {
        return Ok(None);
    };
    let mut members = u16_at(&tail, at + 10);
    let mut size = u32_at(&tail, at + 12);
    let mut offset = u32_at(&tail, at + 16);
    if members == 0xFFFF || size == 0xFFFF_FFFF || offset == 0xFFFF_FFFF {
        // Zip64: the locator stands right before the record and points to the Zip64 record.
        let record = tail_start + u64::try_from(at).unwrap_or(0);
        if record >= 20 {
            let locator = read_at(r, record - 20, 20)?;
            if locator.get(0..4) == Some(&ZIP64_LOCATOR[..]) {
                let zip64_at = u64_at(&locator, 8);
                let zip64 = read_at(r, zip64_at, 56)?;
                if zip64.get(0..4) == Some(&ZIP64_EOCD[..]) {
                    members = members.max(u64_at(&zip64, 32));
                    size = size.max(u64_at(&zip64, 40));
                    offset = u64_at(&zip64, 48);
                }
            }
        }
    }
    Ok(Some(End {
        members,
        size,
        offset,
    }))
}

/// Refuses an archive that states more than `max_members` members or a central directory
/// larger than `max_directory` bytes.
pub(crate) fn check<R: Read + Seek>(
    r: &mut R,
    max_members: u64,
    max_directory: u64,
) -> Result<(), ArchiveTrouble> {
    match stated(r).map_err(ArchiveTrouble::Io)? {
        Some(End { members, .. }) if members > max_members => Err(ArchiveTrouble::TooManyMembers {
            members,
            max: max_members,
        }),
        Some(End { size, .. }) if size > max_directory => Err(ArchiveTrouble::DirectoryTooLarge {
            size,
            max: max_directory,
        }),
        _ => Ok(()),
    }
}

/// One member as the central directory lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RawEntry {
    /// The name, as stored.
    pub(crate) name: Vec<u8>,
    /// Where its local header starts (from the start of the file).
    pub(crate) local_offset: u64,
    /// Its size as stored.
    pub(crate) compressed: u64,
    /// Its unpacked size.
    pub(crate) size: u64,
}

const CENTRAL: [u8; 4] = [0x50, 0x4b, 0x01, 0x02];

/// Every member the central directory lists, in its order (duplicates included). `shift` is
/// the number of bytes prepended to the archive (the zip crate's `offset()`). Stops at the
/// first record that is not a central directory record. The directory is read whole: call
/// [`check`] first.
pub(crate) fn central_entries<R: Read + Seek>(r: &mut R, shift: u64) -> io::Result<Vec<RawEntry>> {
    let Some(end) = stated(r)? else {
        return Ok(Vec::new());
    };
    let dir = read_at(
        r,
        end.offset.saturating_add(shift),
        usize::try_from(end.size).unwrap_or(0),
    )?;
    let mut out = Vec::new();
    let mut at = 0usize;
    while dir.get(at..at + 4) == Some(&CENTRAL[..]) && at + 46 <= dir.len() {
        let name_len = usize::try_from(u16_at(&dir, at + 28)).unwrap_or(0);
        let extra_len = usize::try_from(u16_at(&dir, at + 30)).unwrap_or(0);
        let comment_len = usize::try_from(u16_at(&dir, at + 32)).unwrap_or(0);
        let name_at = at + 46;
        let Some(name) = dir.get(name_at..name_at + name_len) else {
            break;
        };
        let extra = dir
            .get(name_at + name_len..name_at + name_len + extra_len)
            .unwrap_or_default();
        let mut entry = RawEntry {
            name: name.to_vec(),
            local_offset: u32_at(&dir, at + 42),
            compressed: u32_at(&dir, at + 20),
            size: u32_at(&dir, at + 24),
        };
        zip64_sizes(extra, &mut entry);
        entry.local_offset = entry.local_offset.saturating_add(shift);
        out.push(entry);
        at = name_at + name_len + extra_len + comment_len;
    }
    Ok(out)
}

/// Applies a Zip64 extra field: it holds, in this order, the sizes and offset that do not fit
/// 32 bits (those stated as `0xFFFFFFFF`).
fn zip64_sizes(mut extra: &[u8], entry: &mut RawEntry) {
    while extra.len() >= 4 {
        let id = u16_at(extra, 0);
        let len = usize::try_from(u16_at(extra, 2)).unwrap_or(0);
        let body = extra.get(4..4 + len).unwrap_or_default();
        if id == 1 {
            let mut at = 0;
            for field in [
                &mut entry.size,
                &mut entry.compressed,
                &mut entry.local_offset,
            ] {
                if *field == 0xFFFF_FFFF && at + 8 <= body.len() {
                    *field = u64_at(body, at);
                    at += 8;
                }
            }
            return;
        }
        extra = extra.get(4 + len..).unwrap_or_default();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Cursor, Write};

    fn archive(members: usize) -> Vec<u8> {
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default();
        for i in 0..members {
            zip.start_file(format!("{i}.csv"), options).unwrap();
            zip.write_all(b"x").unwrap();
        }
        zip.set_comment("een opmerking").unwrap();
        zip.finish().unwrap().into_inner()
    }

    #[test]
    fn reads_the_stated_members_and_directory_size() {
        let bytes = archive(3);
        let end = stated(&mut Cursor::new(&bytes)).unwrap().unwrap();
        assert_eq!(end.members, 3);
        assert!(end.size > 0 && end.size < 1000, "{end:?}");
        let entries = central_entries(&mut Cursor::new(&bytes), 0).unwrap();
        let names: Vec<&[u8]> = entries.iter().map(|e| e.name.as_slice()).collect();
        assert_eq!(names, [&b"0.csv"[..], b"1.csv", b"2.csv"]);
        assert_eq!(entries[0].local_offset, 0);
        assert_eq!(entries[1].size, 1);
        assert!(check(&mut Cursor::new(&bytes), 3, 1000).is_ok());
        assert!(matches!(
            check(&mut Cursor::new(&bytes), 2, 1000),
            Err(ArchiveTrouble::TooManyMembers { members: 3, max: 2 })
        ));
        assert!(matches!(
            check(&mut Cursor::new(&bytes), 3, 10),
            Err(ArchiveTrouble::DirectoryTooLarge { .. })
        ));
    }

    #[test]
    fn a_forged_member_count_is_refused() {
        let mut bytes = archive(1);
        let at = bytes.windows(4).rposition(|w| w == EOCD).unwrap();
        // Claim 65.534 members on this disk and in all.
        bytes[at + 8..at + 12].copy_from_slice(&[0xFE, 0xFF, 0xFE, 0xFF]);
        assert!(matches!(
            check(&mut Cursor::new(&bytes), 1000, 1 << 20),
            Err(ArchiveTrouble::TooManyMembers {
                members: 65_534,
                ..
            })
        ));
    }

    #[test]
    fn no_end_record_is_left_to_the_zip_crate() {
        for bytes in [&b""[..], b"PK\x05\x06", b"geen archief, wel wat tekst"] {
            assert!(stated(&mut Cursor::new(bytes)).unwrap().is_none());
            assert!(check(&mut Cursor::new(bytes), 0, 0).is_ok());
        }
    }
}
