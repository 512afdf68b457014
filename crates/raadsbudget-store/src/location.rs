//! Where a database file may live: not on a network filesystem.
//!
//! SQLite's WAL mode keeps its index in shared memory next to the database, and its locks rely
//! on the operating system's file locks; on NFS, SMB/CIFS and similar filesystems neither is
//! reliable, so two writers (or one writer and a file server that caches) can corrupt the
//! file (<https://www.sqlite.org/wal.html>, "WAL does not work over a network filesystem").
//! IT departments often redirect user folders, and with them the OS data directory, to a
//! share. [`Store::open`](crate::Store::open) therefore checks the folder of the file before
//! anything is written and refuses with [`StoreError::NetworkFilesystem`], whose Dutch
//! message gives the way out: a local folder, with a backup on the share.
//!
//! The check is a pure function of the path and a mount table ([`network_location`]), so it
//! is tested with tables that a test writes; [`check`] reads this machine's table: on Linux
//! `/proc/self/mountinfo`; on Windows a UNC path (`\\server\share\…`, how a redirected folder
//! is seen) is a share. Elsewhere nothing is detected.

use crate::StoreError;
use std::path::{Path, PathBuf};

/// Filesystem types (as Linux names them in the mount table) on which SQLite's WAL and locks
/// are not safe. `fuse.*` types are compared by their full name.
pub const NETWORK_TYPES: &[&str] = &[
    "nfs",
    "nfs4",
    "cifs",
    "smb3",
    "smbfs",
    "ncpfs",
    "afs",
    "coda",
    "9p",
    "ceph",
    "glusterfs",
    "lustre",
    "gpfs",
    "ocfs2",
    "davfs",
    "fuse.sshfs",
    "fuse.glusterfs",
    "fuse.davfs2",
    "fuse.rclone",
    "fuse.s3fs",
    "fuse.gcsfuse",
    "fuse.cephfs",
];

/// One line of a mount table: where a filesystem is mounted, its type and its source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mount {
    /// The mount point, e.g. `/home`.
    pub point: PathBuf,
    /// The filesystem type, e.g. `nfs4`.
    pub fstype: String,
    /// What is mounted, e.g. `fileserver:/export/home` or `//srv/users`.
    pub source: String,
}

/// A database location on a network filesystem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NetworkLocation {
    /// The filesystem type, e.g. `cifs`.
    pub fstype: String,
    /// Where it is mounted (or the share of a UNC path).
    pub mount: String,
}

/// Reads a Linux `/proc/<pid>/mountinfo` table. Lines that do not have its shape are skipped;
/// the mount point's octal escapes (`\040` for a space) are undone.
pub fn parse_mountinfo(text: &str) -> Vec<Mount> {
    text.lines()
        .filter_map(|line| {
            // "36 35 98:0 /mnt1 /mnt/parent rw,noatime master:1 - ext3 /dev/root rw,errors=continue"
            let (left, right) = line.split_once(" - ")?;
            let point = left.split(' ').nth(4)?;
            let mut right = right.split(' ');
            let fstype = right.next()?;
            let source = right.next().unwrap_or("");
            Some(Mount {
                point: PathBuf::from(unescape(point)),
                fstype: fstype.to_string(),
                source: unescape(source),
            })
        })
        .collect()
}

/// Undoes the kernel's `\ooo` escapes of a mount table field.
fn unescape(field: &str) -> String {
    let bytes = field.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let escape = bytes
            .get(i + 1..i + 4)
            .filter(|d| bytes[i] == b'\\' && d.iter().all(|b| (b'0'..=b'7').contains(b)));
        match escape {
            Some(d) => {
                let value = d.iter().fold(0u32, |v, b| v * 8 + u32::from(b - b'0'));
                out.push(u8::try_from(value).unwrap_or(b'?'));
                i += 4;
            }
            None => {
                out.push(bytes[i]);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The network filesystem `dir` (an absolute folder without `..`) lies on, by the mount
/// table: the mount with the longest mount point that contains it decides.
pub fn network_location(dir: &Path, mounts: &[Mount]) -> Option<NetworkLocation> {
    let mount = mounts
        .iter()
        .filter(|m| dir.starts_with(&m.point))
        .max_by_key(|m| m.point.components().count())?;
    let fstype = mount.fstype.to_ascii_lowercase();
    NETWORK_TYPES
        .contains(&fstype.as_str())
        .then(|| NetworkLocation {
            fstype: mount.fstype.clone(),
            mount: if mount.source.is_empty() {
                mount.point.display().to_string()
            } else {
                format!("{} op {}", mount.source, mount.point.display())
            },
        })
}

/// The share of a Windows UNC path (`\\server\share\…`, also `\\?\UNC\server\share\…`), if
/// it is one. Drive paths, `\\?\C:\…` and device paths (`\\.\…`) are not.
pub fn unc_share(path: &str) -> Option<String> {
    let rest = if let Some(r) = path.strip_prefix(r"\\?\UNC\") {
        r
    } else if path.starts_with(r"\\?\") || path.starts_with(r"\\.\") {
        return None;
    } else {
        path.strip_prefix(r"\\")
            .or_else(|| path.strip_prefix("//"))?
    };
    let mut parts = rest.split(['\\', '/']).filter(|p| !p.is_empty());
    let server = parts.next()?;
    let share = parts.next()?;
    Some(format!(r"\\{server}\{share}"))
}

/// The folder whose filesystem decides for a database file: the first existing folder on its
/// way up (the file and its folder may not exist yet), made absolute and without links.
#[cfg_attr(not(target_os = "linux"), allow(dead_code))]
fn existing_folder(path: &Path) -> Option<PathBuf> {
    let absolute = std::path::absolute(path).ok()?;
    absolute
        .ancestors()
        .skip(1)
        .find_map(|dir| dir.canonicalize().ok())
}

/// Refuses a database path on a network filesystem of this machine (see the module docs).
pub fn check(path: &Path) -> Result<(), StoreError> {
    let Some(found) = detect(path) else {
        return Ok(());
    };
    Err(StoreError::NetworkFilesystem {
        fstype: found.fstype,
        mount: found.mount,
    })
}

#[cfg(target_os = "linux")]
fn detect(path: &Path) -> Option<NetworkLocation> {
    let dir = existing_folder(path)?;
    // Without a readable mount table (a locked-down container) there is nothing to go by.
    let table = std::fs::read_to_string("/proc/self/mountinfo").ok()?;
    network_location(&dir, &parse_mountinfo(&table))
}

#[cfg(windows)]
fn detect(path: &Path) -> Option<NetworkLocation> {
    let shown = std::path::absolute(path).ok()?;
    let share = unc_share(&shown.to_string_lossy())?;
    Some(NetworkLocation {
        fstype: "SMB".to_string(),
        mount: share,
    })
}

#[cfg(not(any(target_os = "linux", windows)))]
fn detect(_path: &Path) -> Option<NetworkLocation> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A mount table as a Debian laptop in an office shows it: a local root, a tmpfs, the
    /// home folders from a Windows file server, a department share over NFS, and a local disk
    /// mounted below the share.
    const TABLE: &str = "\
22 1 254:1 / / rw,relatime shared:1 - ext4 /dev/mapper/root rw,errors=remount-ro
25 22 0:23 / /tmp rw,nosuid,nodev shared:12 - tmpfs tmpfs rw,size=8G
41 22 0:45 / /home/griffie rw,relatime shared:30 - cifs //fileserver.gemeente.local/users$/griffie rw,vers=3.1.1
42 22 0:46 / /mnt/afdeling\\040financien rw,relatime shared:31 - nfs4 nas:/export/financien rw,vers=4.2
43 42 8:17 / /mnt/afdeling\\040financien/lokaal rw,relatime shared:32 - ext4 /dev/sdb1 rw
44 22 0:47 / /media/ssh rw,nosuid,nodev shared:33 - fuse.sshfs user@host:/data rw
this line is not a mount
";

    fn at(dir: &str) -> Option<NetworkLocation> {
        network_location(Path::new(dir), &parse_mountinfo(TABLE))
    }

    #[test]
    fn reads_the_mount_table() {
        let mounts = parse_mountinfo(TABLE);
        assert_eq!(mounts.len(), 6);
        assert_eq!(mounts[2].point, Path::new("/home/griffie"));
        assert_eq!(mounts[2].fstype, "cifs");
        assert_eq!(
            mounts[2].source,
            "//fileserver.gemeente.local/users$/griffie"
        );
        assert_eq!(mounts[3].point, Path::new("/mnt/afdeling financien"));
    }

    #[test]
    fn a_folder_on_a_share_is_a_network_location_a_local_one_is_not() {
        let smb = at("/home/griffie/.local/share/nl.raadsbudget.app").unwrap();
        assert_eq!(smb.fstype, "cifs");
        assert_eq!(
            smb.mount,
            "//fileserver.gemeente.local/users$/griffie op /home/griffie"
        );
        assert_eq!(at("/mnt/afdeling financien/2026").unwrap().fstype, "nfs4");
        assert_eq!(at("/media/ssh/x").unwrap().fstype, "fuse.sshfs");
        // Local: the root, a tmpfs, a local disk mounted inside the share, and a folder
        // whose name only starts like the share's.
        assert_eq!(at("/var/lib"), None);
        assert_eq!(at("/tmp"), None);
        assert_eq!(at("/mnt/afdeling financien/lokaal/db"), None);
        assert_eq!(at("/home/griffie2"), None);
        assert_eq!(network_location(Path::new("/x"), &[]), None);
    }

    #[test]
    fn a_unc_path_is_a_share_a_drive_path_is_not() {
        assert_eq!(
            unc_share(r"\\fileserver\users$\griffie\AppData\Roaming\raadsbudget.sqlite").as_deref(),
            Some(r"\\fileserver\users$")
        );
        assert_eq!(
            unc_share(r"\\?\UNC\fileserver\users\db.sqlite").as_deref(),
            Some(r"\\fileserver\users")
        );
        assert_eq!(unc_share(r"C:\Users\griffie\AppData"), None);
        assert_eq!(unc_share(r"\\?\C:\Users"), None);
        assert_eq!(unc_share(r"\\.\pipe\x"), None);
        assert_eq!(unc_share(r"\\server"), None);
    }

    #[test]
    fn the_folder_that_decides_is_the_first_existing_one() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("nog/niet/raadsbudget.sqlite");
        assert_eq!(
            existing_folder(&file),
            Some(dir.path().canonicalize().unwrap())
        );
    }

    #[test]
    fn a_local_folder_of_this_machine_passes_the_check() {
        let dir = tempfile::tempdir().unwrap();
        check(&dir.path().join("raadsbudget.sqlite")).unwrap();
    }

    #[test]
    fn the_refusal_says_why_and_what_to_do_in_dutch() {
        let e = StoreError::NetworkFilesystem {
            fstype: "cifs".into(),
            mount: "//srv/users op /home".into(),
        };
        let text = e.to_string();
        for part in [
            "netwerkschijf",
            "cifs",
            "//srv/users op /home",
            "niets geschreven",
            "back-up",
        ] {
            assert!(text.contains(part), "{part}: {text}");
        }
    }
}
