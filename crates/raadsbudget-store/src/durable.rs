//! Making writes durable: the one place that syncs files and folder entries to disk, used by
//! the store's backups and by every file the use cases write (exports, charts, factsheets, the
//! bundle's folder swap). A rename or a new name survives a power cut only once its folder is
//! synced; on Windows the file system does this itself, so syncing a folder is Unix only.

use std::fs::File;
use std::io;
use std::path::Path;

/// Syncs a written file's bytes to disk.
pub fn sync_file(path: &Path) -> io::Result<()> {
    File::open(path)?.sync_all()
}

/// Syncs a folder's entries (new names, renames) to disk.
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        File::open(dir)?.sync_all()
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        Ok(())
    }
}

/// Syncs the folder that holds `path` (`.` for a bare file name).
pub fn sync_parent(path: &Path) -> io::Result<()> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    sync_dir(dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syncs_a_file_and_its_folder() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.csv");
        std::fs::write(&file, b"x").unwrap();
        sync_file(&file).unwrap();
        sync_parent(&file).unwrap();
        sync_dir(dir.path()).unwrap();
        assert!(sync_file(&dir.path().join("missing")).is_err());
    }
}
