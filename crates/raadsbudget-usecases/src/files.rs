//! Reading and writing benchmark files on disk.

use crate::{Error, Result};
use raadsbudget_domain::Dataset;
use raadsbudget_domain::{Finding, FindingCode, Location};
use raadsbudget_formats::benchmark::{self, FileMeta, ReadOutcome};
use sha2::{Digest, Sha256};
use std::io::Write;
use std::path::{Path, PathBuf};

/// One file that was read and checked.
#[derive(Debug, Clone)]
pub struct CheckedFile {
    /// The path as given.
    pub path: PathBuf,
    /// What reading found.
    pub outcome: ReadOutcome,
}

/// The name of a path as shown in findings: the path as given.
pub(crate) fn display_name(path: &Path) -> String {
    path.display().to_string()
}

/// A Dutch reason for an I/O error on `what` ("het bestand", "de map"…): "het bestand bestaat
/// niet; controleer …". From the one table in [`raadsbudget_store::messages::io`]; the operating
/// system's English text is never shown.
pub(crate) fn io_reason(what: &str, e: &std::io::Error) -> String {
    format!("{what} {}", raadsbudget_store::messages::io(e))
}

/// Reads and checks one benchmark file. A file that cannot be read becomes an `F101` finding,
/// never an error: one bad file never stops the others.
pub fn read_file(path: &Path) -> CheckedFile {
    let name = display_name(path);
    let outcome = match std::fs::read(path) {
        Ok(bytes) => benchmark::read(&name, &bytes),
        Err(e) => ReadOutcome {
            file: None,
            findings: vec![Finding::new(
                FindingCode::Unreadable,
                Location {
                    file: Some(name),
                    ..Location::default()
                },
                io_reason("het bestand", &e),
            )],
        },
    };
    CheckedFile {
        path: path.to_path_buf(),
        outcome,
    }
}

/// Reads and checks several files, in the order given.
pub fn check_files(paths: &[PathBuf]) -> Vec<CheckedFile> {
    paths.iter().map(|p| read_file(p)).collect()
}

/// The bytes of a benchmark file.
pub fn render(meta: &FileMeta, data: &Dataset) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    benchmark::write(&mut bytes, meta, data).map_err(|e| Error::Invalid(e.to_string()))?;
    Ok(bytes)
}

/// Lower-case hex sha256 of bytes.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// Writes `bytes` to `dir/name` atomically (a temporary file in the same folder, synced, then
/// renamed), so a crash never leaves half a file under the final name. Refuses to replace an
/// existing file unless `replace` is set.
pub fn write_atomically(dir: &Path, name: &str, bytes: &[u8], replace: bool) -> Result<PathBuf> {
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let target = dir.join(name);
    if !replace && target.exists() {
        return Err(Error::Invalid(format!(
            "{} bestaat al; een ingediend bestand wordt nooit overschreven",
            target.display()
        )));
    }
    let tmp = dir.join(format!(".{name}.tmp"));
    let write = || -> std::io::Result<()> {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, &target)
    };
    write().map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        Error::io(&target, e)
    })?;
    Ok(target)
}
