//! Finding the input files of a bundle: files, folders (recursively) and `.zip` archives
//! (also nested), each under a display name that is the path as given (`d/sub/a.csv`,
//! `inzending.zip/map/a.csv`). Names use `/` and are unique by construction; the bundle works
//! in their order.
//!
//! Nothing is unpacked here: an archive's central directory is read to list its members, and a
//! member is unpacked only when it is processed, by the worker that processes it
//! ([`Source::read`]). Every read is bounded: a file or member larger than
//! [`MAX_FILE_BYTES`] is refused without reading it whole, an archive with more than
//! [`MAX_ARCHIVE_MEMBERS`] members or a central directory larger than
//! [`MAX_CENTRAL_DIRECTORY`] is refused before the zip crate parses it, and all members of one
//! archive (nested archives included) together may unpack to at most [`MAX_ARCHIVE_BYTES`].
//! Nested archives are copied to temporary files (removed when the [`Inputs`] are dropped) so
//! that they, too, are read member by member from disk.

mod gather;

use super::zipcheck::{self, ArchiveTrouble};
use crate::files::io_reason;
use std::collections::{BTreeMap, HashSet};
use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use zip::result::ZipError;
use zip::{CompressionMethod, ZipArchive};

/// The largest benchmark file read (a real one is about 10 kB).
pub(crate) use raadsbudget_formats::benchmark::MAX_FILE_BYTES;
/// How deep archives inside archives are opened.
const MAX_ZIP_DEPTH: u32 = 3;
/// The most members (files and folders) an archive may have.
pub(crate) const MAX_ARCHIVE_MEMBERS: u64 = 200_000;
/// The largest central directory (the archive's table of contents) that is read.
pub(crate) const MAX_CENTRAL_DIRECTORY: u64 = 64 * 1024 * 1024;
/// What all members of one archive, nested archives included, may unpack to together.
pub(crate) const MAX_ARCHIVE_BYTES: u64 = 4 * 1024 * 1024 * 1024;
/// The largest nested archive that is copied out of its archive to be opened.
const MAX_NESTED_ARCHIVE_BYTES: u64 = 1024 * 1024 * 1024;

/// `16 MB`, for messages.
pub(crate) fn megabytes(bytes: u64) -> String {
    format!("{} MB", bytes / 1024 / 1024)
}

/// Where the bytes of one input file come from.
#[derive(Debug)]
pub(crate) enum Source {
    /// A file on disk (or a device or pipe given by name), read when it is processed.
    File {
        /// The path.
        path: PathBuf,
        /// Its size when it was listed, if it is a regular file.
        len: Option<u64>,
    },
    /// A member of an archive, unpacked when it is processed.
    Member {
        /// The archive.
        archive: Arc<Archive>,
        /// The member's index in the archive.
        index: usize,
        /// The member's name in the archive, as listed (checked again when unpacking).
        name: Vec<u8>,
        /// Its unpacked size as the archive states it.
        size: u64,
    },
    /// A member the zip crate does not list because an earlier member has the same name:
    /// read from its local header, with the sizes the central directory states.
    Hidden {
        /// The archive.
        archive: Arc<Archive>,
        /// Where its local header starts.
        offset: u64,
        /// Its size as stored.
        compressed: u64,
        /// The member's name in the archive.
        name: Vec<u8>,
        /// Its unpacked size as the archive states it.
        size: u64,
    },
    /// The file cannot be read; the Dutch reason.
    Unreadable(String),
}

impl Source {
    /// How many bytes reading this source may take at most (for the memory budget).
    pub(crate) fn size_bound(&self) -> u64 {
        match self {
            Source::File { len, .. } => len.map_or(MAX_FILE_BYTES, |n| n.min(MAX_FILE_BYTES)),
            Source::Member { size, .. } | Source::Hidden { size, .. } => {
                (*size).min(MAX_FILE_BYTES)
            }
            Source::Unreadable(_) => 0,
        }
    }

    /// The modification time of a file on disk (for a workbook that does not say when it was
    /// saved); `None` for a member of an archive.
    pub(crate) fn modified(&self) -> Option<chrono::DateTime<chrono::Utc>> {
        match self {
            Source::File { path, .. } => crate::files::modified(path),
            _ => None,
        }
    }

    /// The bytes of the file, at most [`MAX_FILE_BYTES`]; otherwise the Dutch reason.
    pub(crate) fn read(self) -> Result<Vec<u8>, String> {
        match self {
            Source::File { path, .. } => read_file(&path),
            Source::Member {
                archive,
                index,
                name,
                size,
            } => archive.read_member(index, &name, size),
            Source::Hidden {
                archive,
                offset,
                compressed,
                name,
                size,
            } => archive.read_hidden(offset, compressed, &name, size),
            Source::Unreadable(reason) => Err(reason),
        }
    }
}

fn too_big(what: &str) -> String {
    format!(
        "{what} is groter dan {}; een benchmarkbestand is enkele kilobytes groot. Controleer of dit het juiste bestand is",
        megabytes(MAX_FILE_BYTES)
    )
}

use raadsbudget_formats::benchmark::read_limited as read_bounded;

/// A file (or device, or pipe) by name, bounded.
fn read_file(path: &Path) -> Result<Vec<u8>, String> {
    let file = File::open(path).map_err(|e| io_reason("het bestand", &e))?;
    let meta = file.metadata().map_err(|e| io_reason("het bestand", &e))?;
    if meta.is_dir() {
        return Err("dit is een map, geen bestand".to_string());
    }
    if meta.is_file() && meta.len() > MAX_FILE_BYTES {
        return Err(too_big("het bestand"));
    }
    match read_bounded(file, MAX_FILE_BYTES, meta.len()) {
        Ok(Some(bytes)) => Ok(bytes),
        Ok(None) => Err(too_big("het bestand")),
        Err(e) => Err(io_reason("het bestand", &e)),
    }
}

/// A file opened once and read by several workers at once, each with its own position: reads
/// are positioned (`pread`), so clones share the file but never a cursor.
#[derive(Debug, Clone)]
pub(crate) struct SharedFile {
    file: Arc<File>,
    pos: u64,
    len: u64,
}

impl SharedFile {
    fn open(path: &Path) -> io::Result<SharedFile> {
        let file = File::open(path)?;
        let len = file.metadata()?.len();
        Ok(SharedFile {
            file: Arc::new(file),
            pos: 0,
            len,
        })
    }
}

#[cfg(unix)]
fn read_at(file: &File, buf: &mut [u8], offset: u64) -> io::Result<usize> {
    std::os::unix::fs::FileExt::read_at(file, buf, offset)
}

#[cfg(windows)]
fn read_at(file: &File, buf: &mut [u8], offset: u64) -> io::Result<usize> {
    std::os::windows::fs::FileExt::seek_read(file, buf, offset)
}

impl Read for SharedFile {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = read_at(&self.file, buf, self.pos)?;
        self.pos = self
            .pos
            .saturating_add(u64::try_from(n).unwrap_or(u64::MAX));
        Ok(n)
    }
}

impl Seek for SharedFile {
    fn seek(&mut self, pos: SeekFrom) -> io::Result<u64> {
        let target = match pos {
            SeekFrom::Start(n) => Some(n),
            SeekFrom::End(d) => self.len.checked_add_signed(d),
            SeekFrom::Current(d) => self.pos.checked_add_signed(d),
        };
        match target {
            Some(n) => {
                self.pos = n;
                Ok(n)
            }
            None => Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                "seek before the start of the file",
            )),
        }
    }
}

/// An archive on disk (as given, found in a folder, or a nested archive copied to a temporary
/// file). Its central directory is read when its members are listed and again, once, when the
/// first member is unpacked; the file is closed when the last of its members has been read
/// (when the last [`Source::Member`] holding it is dropped).
#[derive(Debug)]
pub(crate) struct Archive {
    path: PathBuf,
    /// Opened on first use, shared by all workers (a clone is cheap: the parsed central
    /// directory is shared).
    open: Mutex<Option<Result<ZipArchive<SharedFile>, String>>>,
}

impl Archive {
    fn new(path: PathBuf) -> Archive {
        Archive {
            path,
            open: Mutex::new(None),
        }
    }

    fn zip(&self) -> Result<ZipArchive<SharedFile>, String> {
        let mut open = self.open.lock().unwrap_or_else(|e| e.into_inner());
        open.get_or_insert_with(|| open_archive(&self.path))
            .as_ref()
            .map(Clone::clone)
            .map_err(Clone::clone)
    }

    fn read_member(&self, index: usize, name: &[u8], size: u64) -> Result<Vec<u8>, String> {
        let mut zip = self.zip()?;
        let entry = zip.by_index(index).map_err(|e| member_reason(&e))?;
        read_entry(entry, name, size)
    }

    fn read_hidden(
        &self,
        offset: u64,
        compressed: u64,
        name: &[u8],
        size: u64,
    ) -> Result<Vec<u8>, String> {
        let mut file = self.zip()?.into_inner();
        file.seek(SeekFrom::Start(offset))
            .map_err(|e| io_reason("het archief", &e))?;
        let entry = zip::read::read_zipfile_from_stream_with_compressed_size(&mut file, compressed)
            .map_err(|e| member_reason(&e))?
            .ok_or_else(|| {
                "dit bestand staat in de inhoudsopgave van het archief, maar niet op de plaats die daar staat; het archief is beschadigd".to_string()
            })?;
        read_entry(entry, name, size)
    }
}

/// The bytes of an archive member: never more than the archive said (a member that unpacks to
/// more is damaged or made to exhaust memory), and never more than a benchmark file can be.
fn read_entry<R: Read>(
    entry: zip::read::ZipFile<'_, R>,
    name: &[u8],
    size: u64,
) -> Result<Vec<u8>, String> {
    if entry.name_raw() != name {
        return Err(
            "het archief is veranderd terwijl de bundel werd gemaakt; bundel opnieuw".to_string(),
        );
    }
    match read_bounded(entry, size.min(MAX_FILE_BYTES), size) {
        Ok(Some(bytes)) => Ok(bytes),
        Ok(None) if size >= MAX_FILE_BYTES => Err(too_big("het bestand in het archief")),
        Ok(None) => Err(
            "het bestand pakt uit tot meer bytes dan het archief opgeeft; het archief is beschadigd. Pak het opnieuw in"
                .to_string(),
        ),
        Err(e) => Err(unpack_reason(&e)),
    }
}

/// Opens an archive after checking its size on disk; a Dutch reason otherwise.
fn open_archive(path: &Path) -> Result<ZipArchive<SharedFile>, String> {
    let mut file = SharedFile::open(path).map_err(|e| io_reason("het archief", &e))?;
    match zipcheck::check(&mut file, MAX_ARCHIVE_MEMBERS, MAX_CENTRAL_DIRECTORY) {
        Ok(()) => {}
        Err(ArchiveTrouble::Io(e)) => return Err(io_reason("het archief", &e)),
        Err(trouble) => return Err(trouble.to_string()),
    }
    file.seek(SeekFrom::Start(0))
        .map_err(|e| io_reason("het archief", &e))?;
    ZipArchive::new(file).map_err(|e| archive_reason(&e))
}

/// A Dutch reason for an archive that cannot be opened.
pub(crate) fn archive_reason(e: &ZipError) -> String {
    match e {
        ZipError::Io(e) => io_reason("het archief", e),
        ZipError::InvalidArchive(_) | ZipError::FileNotFound => {
            "dit is geen leesbaar zip-archief (het is beschadigd, onvolledig of geen zip-bestand); maak het archief opnieuw of stuur de bestanden los".to_string()
        }
        ZipError::UnsupportedArchive(m) if *m == ZipError::PASSWORD_REQUIRED => {
            "het archief is versleuteld met een wachtwoord; pak het uit en bundel de bestanden zelf, of vraag om een archief zonder wachtwoord".to_string()
        }
        _ => "dit zip-archief gebruikt een vorm die Raadsbudget niet kan lezen (bijvoorbeeld een archief in delen); pak het uit met een archiefprogramma en bundel de bestanden zelf".to_string(),
    }
}

/// A Dutch reason for a member that cannot be unpacked.
fn member_reason(e: &ZipError) -> String {
    match e {
        ZipError::Io(e) => unpack_reason(e),
        ZipError::UnsupportedArchive(m) if *m == ZipError::PASSWORD_REQUIRED => encrypted(),
        ZipError::InvalidPassword => encrypted(),
        ZipError::CompressionMethodNotSupported(_) => unsupported_compression(None),
        ZipError::UnsupportedArchive(_) => unsupported_compression(None),
        _ => "dit bestand in het archief is beschadigd; pak het archief opnieuw in".to_string(),
    }
}

/// A Dutch reason for an I/O error while unpacking: the zip crate reports a damaged member
/// (a wrong checksum, a broken deflate stream) as an I/O error of kind `InvalidData`.
fn unpack_reason(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::InvalidData | io::ErrorKind::UnexpectedEof | io::ErrorKind::InvalidInput => {
            "dit bestand in het archief is beschadigd en kan niet worden uitgepakt; pak het archief opnieuw in".to_string()
        }
        _ => io_reason("het archief", e),
    }
}

fn encrypted() -> String {
    "dit bestand in het archief is versleuteld met een wachtwoord; stuur het zonder wachtwoord"
        .to_string()
}

fn unsupported_compression(method: Option<CompressionMethod>) -> String {
    let which = method.map(|m| format!(" ({m:?})")).unwrap_or_default();
    format!(
        "dit bestand in het archief is ingepakt met een compressiemethode{which} die Raadsbudget niet kan uitpakken; pak het archief opnieuw in met de standaardinstelling (deflate)"
    )
}

/// Where an input came from, to tell "the same file twice" (read once) from two different
/// files that happen to get the same display name (both kept, under distinct names).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Identity {
    /// A file on disk: its path (compared canonicalised).
    Path(PathBuf),
    /// An archive member: the archive's identity and where the member's local header starts.
    Member(Box<Identity>, u64),
    /// Unique (an unreadable input).
    Unique(usize),
}

/// One input found, before names are made unique.
#[derive(Debug)]
struct Found {
    name: String,
    identity: Identity,
    /// For a member: its 1-based position in the archive, used to tell it apart by name.
    position: Option<usize>,
    source: Source,
}

/// The inputs found, sorted by (unique) display name.
#[derive(Debug, Default)]
pub(crate) struct Inputs {
    pub(crate) files: Vec<(String, Source)>,
    /// Files in folders and archives that are not `.csv`, `.xlsx` or `.zip`.
    pub(crate) skipped: u32,
    /// Nested archives copied out of their archives; removed when dropped.
    _spool: Option<tempfile::TempDir>,
}

fn has_extension(name: &str, ext: &str) -> bool {
    Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case(ext))
}

/// Whether a file inside a folder or archive is taken as input: a benchmark file, a filled
/// invulbestand, or an archive of them.
fn wanted(name: &str) -> bool {
    has_extension(name, "csv") || has_extension(name, "xlsx") || has_extension(name, "zip")
}

/// Joins a display name and a relative part with `/`.
fn join(base: &str, rest: &str) -> String {
    format!("{}/{}", base.trim_end_matches(['/', '\\']), rest)
}

/// Whether `dir` holds the output of a bundle (its `datapackage.json` names the package).
pub(crate) fn is_bundle_output(dir: &Path) -> bool {
    let Ok(file) = File::open(dir.join("datapackage.json")) else {
        return false;
    };
    let Ok(Some(bytes)) = read_bounded(file, MAX_FILE_BYTES, 0) else {
        return false;
    };
    let marker = format!(
        "\"name\": \"{}\"",
        raadsbudget_formats::bundel::datapackage::PACKAGE_NAME
    );
    bytes.windows(marker.len()).any(|w| w == marker.as_bytes())
}

/// The files below `dir`, counted (for the summary's "overgeslagen"); `seen` guards against
/// folder links that loop.
fn count_files(dir: &Path, seen: &mut HashSet<PathBuf>) -> u32 {
    if let Ok(canon) = dir.canonicalize() {
        if !seen.insert(canon) {
            return 0;
        }
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    entries
        .filter_map(|e| e.ok())
        .map(|e| {
            let path = e.path();
            if path.is_dir() {
                count_files(&path, seen)
            } else {
                1
            }
        })
        .sum()
}

/// What one top-level archive (with everything nested in it) has used of its budget.
#[derive(Debug, Default)]
struct Budget {
    members: u64,
    bytes: u64,
}

/// Gathers inputs.
#[derive(Debug, Default)]
struct Gatherer {
    found: Vec<Found>,
    skipped: u32,
    unique: usize,
    /// Folders already walked (canonical), so a link to a parent folder is walked once.
    walked: HashSet<PathBuf>,
    spool: Option<tempfile::TempDir>,
    spooled: usize,
}

impl Inputs {
    /// Gathers the inputs; folders in `exclude` (the output folder) and the output of earlier
    /// bundles are never searched.
    pub(crate) fn gather(inputs: &[String], exclude: &[PathBuf]) -> Inputs {
        let mut g = Gatherer::default();
        for input in inputs {
            let path = Path::new(input);
            match std::fs::metadata(path) {
                Ok(m) if m.is_dir() => g.walk(input, path, exclude),
                Ok(m) if m.is_file() => g.file(input.clone(), path, Some(m.len())),
                // Given by name: read (bounded) whatever it is, or say why not.
                _ => g.file(input.clone(), path, None),
            }
        }
        let skipped = g.skipped;
        let spool = g.spool.take();
        Inputs {
            files: unique_names(g.found),
            skipped,
            _spool: spool,
        }
    }
}

/// Whether two identities are the same input: paths are compared canonicalised (only done for
/// inputs whose display names collide, which is rare).
fn same_input(a: &Identity, b: &Identity) -> bool {
    match (a, b) {
        (Identity::Path(a), Identity::Path(b)) => {
            a == b || matches!((a.canonicalize(), b.canonicalize()), (Ok(x), Ok(y)) if x == y)
        }
        (Identity::Member(a, i), Identity::Member(b, j)) => i == j && same_input(a, b),
        (Identity::Unique(a), Identity::Unique(b)) => a == b,
        _ => false,
    }
}

/// Sorts by display name, drops a second occurrence of the same input under the same name,
/// and gives different inputs that share a name distinct names (`name#2`, `name#3`, … — for
/// an archive member the number is its position in the archive).
fn unique_names(mut found: Vec<Found>) -> Vec<(String, Source)> {
    found.sort_by(|a, b| a.name.cmp(&b.name));
    let mut taken: HashSet<String> = found.iter().map(|f| f.name.clone()).collect();
    let mut out: Vec<(String, Source)> = Vec::with_capacity(found.len());
    let mut group: Vec<Identity> = Vec::new();
    let mut previous: Option<String> = None;
    for f in found {
        if previous.as_deref() != Some(f.name.as_str()) {
            group.clear();
            previous = Some(f.name.clone());
        }
        if group.iter().any(|g| same_input(g, &f.identity)) {
            continue; // the same input, given twice
        }
        let name = if group.is_empty() {
            f.name
        } else {
            let mut n = f.position.unwrap_or_else(|| group.len().saturating_add(1));
            loop {
                let candidate = format!("{}#{n}", f.name);
                if taken.insert(candidate.clone()) {
                    break candidate;
                }
                n = n.saturating_add(1);
            }
        };
        group.push(f.identity);
        out.push((name, f.source));
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

impl Gatherer {
    fn push(&mut self, name: String, identity: Identity, source: Source) {
        self.found.push(Found {
            name,
            identity,
            position: None,
            source,
        });
    }

    fn push_member(&mut self, name: String, identity: Identity, position: usize, source: Source) {
        self.found.push(Found {
            name,
            identity,
            position: Some(position),
            source,
        });
    }

    fn unreadable(&mut self, name: String, reason: String) {
        self.unique += 1;
        let identity = Identity::Unique(self.unique);
        self.push(name, identity, Source::Unreadable(reason));
    }
}

/// One member as listed at gathering time: from the zip crate, or (for a member it hides
/// behind another of the same name) from the central directory itself.
#[derive(Debug)]
struct Listed {
    name: Vec<u8>,
    is_dir: bool,
    encrypted: bool,
    /// `None` for a hidden member (checked when it is unpacked).
    compression: Option<CompressionMethod>,
    size: u64,
    /// Where its local header starts.
    offset: u64,
    /// The zip crate's index, or (hidden) the stored size.
    at: Located,
}

#[derive(Debug, Clone, Copy)]
enum Located {
    Index(usize),
    Hidden { compressed: u64 },
}

impl Listed {
    fn source(self, archive: &Arc<Archive>) -> Source {
        match self.at {
            Located::Index(index) => Source::Member {
                archive: Arc::clone(archive),
                index,
                name: self.name,
                size: self.size,
            },
            Located::Hidden { compressed } => Source::Hidden {
                archive: Arc::clone(archive),
                offset: self.offset,
                compressed,
                name: self.name,
                size: self.size,
            },
        }
    }
}

/// Every member of an archive in the order of its central directory, members the zip crate
/// hides (a second member with the same name) included.
fn members(zip: &mut ZipArchive<SharedFile>) -> Result<Vec<Result<Listed, String>>, String> {
    let mut listed: Vec<Result<Listed, String>> = Vec::with_capacity(zip.len());
    for i in 0..zip.len() {
        listed.push(match zip.by_index_raw(i) {
            Ok(e) => Ok(Listed {
                name: e.name_raw().to_vec(),
                is_dir: e.is_dir(),
                encrypted: e.encrypted(),
                compression: Some(e.compression()),
                size: e.size(),
                offset: e.header_start(),
                at: Located::Index(i),
            }),
            Err(e) => Err(member_reason(&e)),
        });
    }
    if !zip.has_duplicate_names() {
        return Ok(listed);
    }
    let shift = zip.offset();
    let mut file = zip.clone().into_inner();
    let raw =
        zipcheck::central_entries(&mut file, shift).map_err(|e| io_reason("het archief", &e))?;
    let known: HashSet<u64> = listed
        .iter()
        .filter_map(|l| l.as_ref().ok().map(|l| l.offset))
        .collect();
    for entry in raw {
        if known.contains(&entry.local_offset) {
            continue;
        }
        let is_dir = entry.name.ends_with(b"/");
        listed.push(Ok(Listed {
            is_dir,
            encrypted: false,
            compression: None,
            size: entry.size,
            offset: entry.local_offset,
            at: Located::Hidden {
                compressed: entry.compressed,
            },
            name: entry.name,
        }));
    }
    Ok(listed)
}

impl Source {
    /// Copies a nested archive to `out`, streaming, at most its stated size.
    fn copy_nested(self, out: &mut File) -> Result<(), String> {
        match self {
            Source::Member {
                archive,
                index,
                name,
                size,
            } => {
                let mut zip = archive.zip()?;
                let entry = zip.by_index(index).map_err(|e| member_reason(&e))?;
                copy_entry(entry, &name, size, out)
            }
            Source::Hidden {
                archive,
                offset,
                compressed,
                name,
                size,
            } => {
                let mut file = archive.zip()?.into_inner();
                file.seek(SeekFrom::Start(offset))
                    .map_err(|e| io_reason("het archief", &e))?;
                let entry =
                    zip::read::read_zipfile_from_stream_with_compressed_size(&mut file, compressed)
                        .map_err(|e| member_reason(&e))?
                        .ok_or_else(|| "het archief is beschadigd".to_string())?;
                copy_entry(entry, &name, size, out)
            }
            Source::File { .. } => Err("geen archief in een archief".to_string()),
            Source::Unreadable(reason) => Err(reason),
        }
    }
}

fn copy_entry<R: Read>(
    entry: zip::read::ZipFile<'_, R>,
    name: &[u8],
    size: u64,
    out: &mut File,
) -> Result<(), String> {
    if entry.name_raw() != name {
        return Err("het archief is veranderd terwijl de bundel werd gemaakt".to_string());
    }
    let copied = io::copy(&mut entry.take(size.saturating_add(1)), out).map_err(|e| {
        if e.kind() == io::ErrorKind::StorageFull {
            io_reason("een tijdelijk bestand", &e)
        } else {
            unpack_reason(&e)
        }
    })?;
    if copied > size {
        return Err(
            "dit archief in het archief pakt uit tot meer bytes dan het archief opgeeft; het archief is beschadigd"
                .to_string(),
        );
    }
    Ok(())
}

/// Lists and reads every member of a zip archive given as bytes the way the bundler does
/// (the same limits and messages): per display name, the number of bytes read or the Dutch
/// reason it was refused. For the fuzz target of the zip input walker.
#[doc(hidden)]
pub fn walk_zip_bytes(bytes: &[u8]) -> BTreeMap<String, Result<usize, String>> {
    let mut out = BTreeMap::new();
    let Ok(dir) = tempfile::tempdir() else {
        return out;
    };
    let path = dir.path().join("invoer.zip");
    if std::fs::write(&path, bytes).is_err() {
        return out;
    }
    let inputs = Inputs::gather(&[path.display().to_string()], &[]);
    for (name, source) in inputs.files {
        out.insert(name, source.read().map(|b| b.len()));
    }
    out
}
