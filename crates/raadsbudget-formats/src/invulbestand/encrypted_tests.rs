//! The reader on an encrypted workbook: an OLE compound file as Excel writes one (LibreOffice
//! 7.4 cannot save an encrypted `.xlsx` through UNO, so the container is built here).

use super::read;
use raadsbudget_domain::FindingCode;

/// A minimal OLE compound file as Excel writes an encrypted workbook: a root entry and the
/// stream `EncryptedPackage` (MS-CFB: 512-byte sectors; sector 0 the FAT, 1 the directory,
/// 2–9 the stream).
fn encrypted_container() -> Vec<u8> {
    const FREE: u32 = 0xFFFF_FFFF;
    const END: u32 = 0xFFFF_FFFE;
    const FATSECT: u32 = 0xFFFF_FFFD;
    let mut header = vec![0u8; 512];
    let put16 =
        |b: &mut Vec<u8>, at: usize, v: u16| b[at..at + 2].copy_from_slice(&v.to_le_bytes());
    let put32 =
        |b: &mut Vec<u8>, at: usize, v: u32| b[at..at + 4].copy_from_slice(&v.to_le_bytes());
    header[..8].copy_from_slice(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
    put16(&mut header, 0x18, 0x3E);
    put16(&mut header, 0x1A, 3);
    put16(&mut header, 0x1C, 0xFFFE);
    put16(&mut header, 0x1E, 9);
    put16(&mut header, 0x20, 6);
    put32(&mut header, 0x2C, 1); // FAT sectors
    put32(&mut header, 0x30, 1); // first directory sector
    put32(&mut header, 0x38, 4096); // mini stream cutoff
    put32(&mut header, 0x3C, END); // no mini FAT
    put32(&mut header, 0x44, END); // no DIFAT sectors
    put32(&mut header, 0x4C, 0); // DIFAT[0]: the FAT is sector 0
    for i in 1..109 {
        put32(&mut header, 0x4C + 4 * i, FREE);
    }
    let mut fat = vec![0u8; 512];
    for i in 0..128 {
        let v = match i {
            0 => FATSECT,
            1 | 9 => END,
            2..=8 => u32::try_from(i + 1).unwrap(),
            _ => FREE,
        };
        put32(&mut fat, 4 * i, v);
    }
    let mut dir = vec![0u8; 512];
    let entry =
        |dir: &mut Vec<u8>, at: usize, name: &str, kind: u8, child: u32, start: u32, size: u32| {
            let utf16: Vec<u16> = name.encode_utf16().collect();
            for (i, c) in utf16.iter().enumerate() {
                dir[at + 2 * i..at + 2 * i + 2].copy_from_slice(&c.to_le_bytes());
            }
            let len = u16::try_from(2 * (utf16.len() + 1)).unwrap();
            dir[at + 0x40..at + 0x42].copy_from_slice(&len.to_le_bytes());
            dir[at + 0x42] = kind;
            dir[at + 0x43] = 1;
            for (off, v) in [
                (0x44, FREE),
                (0x48, FREE),
                (0x4C, child),
                (0x74, start),
                (0x78, size),
            ] {
                dir[at + off..at + off + 4].copy_from_slice(&v.to_le_bytes());
            }
        };
    entry(&mut dir, 0, "Root Entry", 5, 1, END, 0);
    entry(&mut dir, 128, "EncryptedPackage", 2, FREE, 2, 4096);
    for at in [256, 384] {
        for off in [0x44, 0x48, 0x4C] {
            dir[at + off..at + off + 4].copy_from_slice(&FREE.to_le_bytes());
        }
    }
    let mut out = header;
    out.extend(fat);
    out.extend(dir);
    out.extend(std::iter::repeat_n(0x5A, 4096));
    out
}

#[test]
fn an_encrypted_workbook_is_refused_as_encrypted() {
    let out = read("versleuteld.xlsx", &encrypted_container(), None);
    assert!(out.file.is_none());
    assert_eq!(out.findings.len(), 1, "{:?}", out.findings);
    assert_eq!(out.findings[0].code, FindingCode::Unreadable);
    assert!(
        out.findings[0].message.contains("versleuteld"),
        "{}",
        out.findings[0]
    );
    // A compound file without that stream is an old .xls or another Office document.
    let mut old = encrypted_container();
    let at = 512 * 2 + 128;
    old[at..at + 2].copy_from_slice(&u16::from(b'X').to_le_bytes());
    let out = read("oud.xls", &old, None);
    assert!(
        out.findings[0].message.contains(".xls"),
        "{}",
        out.findings[0]
    );
}
