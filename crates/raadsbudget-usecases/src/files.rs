//! Reading and writing benchmark files on disk.

use crate::{Error, Result};
use raadsbudget_domain::Dataset;
use raadsbudget_domain::{Finding, FindingCode, Location};
use raadsbudget_formats::benchmark::{self, FileMeta, ReadOutcome};
use raadsbudget_store::durable;
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
pub fn display_name(path: &Path) -> String {
    path.display().to_string()
}

/// A Dutch reason for an I/O error on `what` ("het bestand", "de map"…): "het bestand bestaat
/// niet; controleer …". From the one table in [`raadsbudget_store::messages::io`]; the operating
/// system's English text is never shown.
pub(crate) fn io_reason(what: &str, e: &std::io::Error) -> String {
    format!("{what} {}", raadsbudget_store::messages::io(e))
}

/// The modification time of a file, when the file system knows it.
pub(crate) fn modified(path: &Path) -> Option<chrono::DateTime<chrono::Utc>> {
    let time = std::fs::metadata(path).ok()?.modified().ok()?;
    Some(chrono::DateTime::<chrono::Utc>::from(time))
}

/// Reads and checks one submission: a benchmark file or a filled invulbestand
/// ([`raadsbudget_formats::read_submission`]). A file that cannot be read becomes an `F101`
/// finding, never an error: one bad file never stops the others.
pub fn read_file(path: &Path) -> CheckedFile {
    let name = display_name(path);
    let outcome = match std::fs::read(path) {
        Ok(bytes) => raadsbudget_formats::read_submission(&name, &bytes, modified(path)),
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
    benchmark::write(&mut bytes, meta, data)?;
    Ok(bytes)
}

/// Lower-case hex sha256 of bytes.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// Writes `bytes` to `dir/name` atomically (a temporary file in the same folder, synced, then
/// moved into place), so a crash never leaves half a file under the final name. Refuses to
/// replace an existing file unless `replace` is set; without `replace` an existing file is never
/// overwritten, not even one that another process created a moment ago.
pub fn write_atomically(dir: &Path, name: &str, bytes: &[u8], replace: bool) -> Result<PathBuf> {
    let target = dir.join(name);
    let exists = || {
        Error::Invalid(format!(
            "{} bestaat al en wordt niet overschreven; verplaats het bestaande bestand of kies een andere map",
            target.display()
        ))
    };
    if !replace && target.symlink_metadata().is_ok() {
        return Err(exists());
    }
    let mut tmp = TempFile::write(dir, name, bytes)?;
    match tmp.publish(&target, replace) {
        Ok(()) => Ok(target),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && !replace => Err(exists()),
        Err(e) => Err(Error::io(&target, e)),
    }
}

/// A file written under a temporary name in the folder it belongs in, synced to disk, waiting to
/// be moved to its final name with [`TempFile::publish`]. Dropped before that, it is removed:
/// whatever goes wrong in between, no temporary file stays behind (unless the process is
/// killed; the name starts with a dot and ends in `.tmp`).
#[derive(Debug)]
pub(crate) struct TempFile {
    path: PathBuf,
    /// Whether the file is still ours to remove (not published, not kept).
    armed: bool,
}

impl TempFile {
    /// Writes `bytes` to a new file `dir/.<name>.<process>-<n>.tmp` (the folder is created when
    /// needed) and syncs it. The name is unique per process and call, and the file is created
    /// new, so two exports at the same time never write into each other's file.
    pub(crate) fn write(dir: &Path, name: &str, bytes: &[u8]) -> Result<TempFile> {
        use std::sync::atomic::{AtomicU64, Ordering};
        static NEXT: AtomicU64 = AtomicU64::new(0);
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        let mut attempt = 0;
        let (path, mut file) = loop {
            let n = NEXT.fetch_add(1, Ordering::Relaxed);
            let path = dir.join(format!(".{name}.{}-{n}.tmp", std::process::id()));
            match std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&path)
            {
                Ok(file) => break (path, file),
                // A leftover of a killed process that had the same id: take the next name.
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && attempt < 100 => {
                    attempt += 1;
                }
                Err(e) => return Err(Error::io(&path, e)),
            }
        };
        let tmp = TempFile { path, armed: true };
        file.write_all(bytes)
            .and_then(|()| file.sync_all())
            .map_err(|e| Error::io(&tmp.path, e))?;
        Ok(tmp)
    }

    /// Moves the file to `target`, in the same folder.
    ///
    /// With `replace`, a rename: atomic, an existing file is replaced. Without, an existing
    /// `target` is never replaced: the file gets a hard link under the final name (which the
    /// operating system refuses with [`AlreadyExists`](std::io::ErrorKind::AlreadyExists)
    /// when the name is taken, also by a file another process created a moment ago) and the
    /// temporary name is removed. A plain rename cannot do that: it replaces an existing file
    /// on every platform, and "rename without replacing" exists only per platform
    /// (`renameat2` on Linux, `renamex_np` on macOS). A file system without hard links (FAT,
    /// exFAT, some network shares) refuses the link; there the file is renamed after checking
    /// that `target` does not exist, which leaves only the moment between check and rename.
    ///
    /// On success the folder entry is synced (Unix), so the new name survives a power cut. On
    /// failure the temporary file is left in place (dropped, it is removed; see
    /// [`TempFile::keep`]).
    pub(crate) fn publish(&mut self, target: &Path, replace: bool) -> std::io::Result<()> {
        if replace {
            std::fs::rename(&self.path, target)?;
        } else {
            match std::fs::hard_link(&self.path, target) {
                Ok(()) => {
                    // The file is in place under both names; when removing the temporary one
                    // fails, the drop tries again.
                    if std::fs::remove_file(&self.path).is_ok() {
                        self.armed = false;
                    }
                    // Best effort: the file's own bytes are synced already.
                    let _ = durable::sync_parent(target);
                    return Ok(());
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => return Err(e),
                Err(link_error) => match target.symlink_metadata() {
                    Ok(_) => {
                        return Err(std::io::Error::new(
                            std::io::ErrorKind::AlreadyExists,
                            link_error,
                        ))
                    }
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                        std::fs::rename(&self.path, target)?;
                    }
                    Err(e) => return Err(e),
                },
            }
        }
        self.armed = false;
        let _ = durable::sync_parent(target);
        Ok(())
    }

    /// Keeps the temporary file (it is not removed when dropped) and gives its path: for when
    /// the file is needed although it could not get its final name.
    pub(crate) fn keep(mut self) -> PathBuf {
        self.armed = false;
        std::mem::take(&mut self.path)
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        if self.armed {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn publishing_never_replaces_a_file_that_appeared_after_the_check() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("r1.csv");
        let mut tmp = TempFile::write(dir.path(), "r1.csv", b"nieuw").unwrap();
        // Another process took the name between our check and our move.
        std::fs::write(&target, b"van een ander").unwrap();
        let err = tmp.publish(&target, false).unwrap_err();
        assert_eq!(err.kind(), std::io::ErrorKind::AlreadyExists);
        assert_eq!(std::fs::read(&target).unwrap(), b"van een ander");
        // Kept on request (its path is then reported), else removed when dropped.
        let kept = tmp.keep();
        assert_eq!(std::fs::read(&kept).unwrap(), b"nieuw");
        std::fs::remove_file(&kept).unwrap();
        let tmp = TempFile::write(dir.path(), "r1.csv", b"nieuw").unwrap();
        assert_eq!(names(dir.path()).len(), 2);
        drop(tmp);
        assert_eq!(names(dir.path()), vec!["r1.csv"]);
    }

    #[test]
    fn publishing_moves_the_file_and_leaves_no_temporary_name() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("a.csv");
        let mut tmp = TempFile::write(dir.path(), "a.csv", b"een").unwrap();
        tmp.publish(&target, false).unwrap();
        drop(tmp);
        let mut tmp = TempFile::write(dir.path(), "a.csv", b"twee").unwrap();
        tmp.publish(&target, true).unwrap();
        drop(tmp);
        assert_eq!(std::fs::read(&target).unwrap(), b"twee");
        assert_eq!(names(dir.path()), vec!["a.csv"]);
    }

    #[test]
    fn two_temporary_files_for_one_name_never_share_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let a = TempFile::write(dir.path(), "x.csv", b"a").unwrap();
        let b = TempFile::write(dir.path(), "x.csv", b"b").unwrap();
        assert_ne!(a.path, b.path);
        assert_eq!(std::fs::read(&a.path).unwrap(), b"a");
        assert_eq!(std::fs::read(&b.path).unwrap(), b"b");
    }
}
