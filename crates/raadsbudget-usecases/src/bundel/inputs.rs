//! Finding the input files of a bundle: files, folders (recursively) and `.zip` archives
//! (also nested), each under a display name that is the path as given (`d/sub/a.csv`,
//! `inzending.zip/map/a.csv`). Names use `/` and are unique; the bundle works in their order.

use crate::files::io_reason;
use std::collections::BTreeMap;
use std::io::{Cursor, Read, Seek};
use std::path::{Path, PathBuf};

/// The largest file read from an archive (benchmark files are a few kilobytes).
pub(crate) const MAX_ENTRY_BYTES: u64 = 64 * 1024 * 1024;
/// How deep archives inside archives are opened.
const MAX_ZIP_DEPTH: u32 = 3;

/// Where the bytes of one input file come from.
#[derive(Debug)]
pub(crate) enum Source {
    /// A file on disk, read when it is processed.
    File(PathBuf),
    /// The bytes of a file in an archive.
    Bytes(Vec<u8>),
    /// The file could not be opened; the Dutch reason.
    Unreadable(String),
}

/// The inputs found, keyed (and so sorted) by display name.
#[derive(Debug, Default)]
pub(crate) struct Inputs {
    pub(crate) files: BTreeMap<String, Source>,
    /// Files in folders and archives that are not `.csv` or `.zip`.
    pub(crate) skipped: u32,
}

fn has_extension(name: &str, ext: &str) -> bool {
    Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case(ext))
}

/// Whether a file inside a folder or archive is taken as input.
fn wanted(name: &str) -> bool {
    has_extension(name, "csv") || has_extension(name, "zip")
}

/// Joins a display name and a relative part with `/`.
fn join(base: &str, rest: &str) -> String {
    format!("{}/{}", base.trim_end_matches(['/', '\\']), rest)
}

/// Whether `dir` holds the output of a bundle (its `datapackage.json` names the package).
fn is_bundle_output(dir: &Path) -> bool {
    let package = dir.join("datapackage.json");
    match std::fs::read(&package) {
        Ok(bytes) => {
            let marker = format!(
                "\"name\": \"{}\"",
                raadsbudget_formats::bundel::datapackage::PACKAGE_NAME
            );
            bytes.windows(marker.len()).any(|w| w == marker.as_bytes())
        }
        Err(_) => false,
    }
}

/// The files below `dir`, counted (for the summary's "overgeslagen").
fn count_files(dir: &Path) -> u32 {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    entries
        .filter_map(|e| e.ok())
        .map(|e| {
            let path = e.path();
            if path.is_dir() {
                count_files(&path)
            } else {
                1
            }
        })
        .sum()
}

impl Inputs {
    /// Gathers the inputs; `exclude` (the output folder) is never searched.
    pub(crate) fn gather(inputs: &[String], exclude: Option<&Path>) -> Inputs {
        let mut found = Inputs::default();
        for input in inputs {
            let path = Path::new(input);
            if path.is_dir() {
                found.walk(input, path, exclude);
            } else {
                found.file(input.clone(), path.to_path_buf(), true);
            }
        }
        found
    }

    fn walk(&mut self, name: &str, dir: &Path, exclude: Option<&Path>) {
        if let (Some(ex), Ok(canon)) = (exclude, dir.canonicalize()) {
            if canon == ex {
                return;
            }
        }
        if is_bundle_output(dir) {
            // The output of an earlier bundle is no input: its files are passed over.
            self.skipped += count_files(dir);
            return;
        }
        let entries = match std::fs::read_dir(dir) {
            Ok(e) => e,
            Err(e) => {
                self.files.insert(
                    name.to_string(),
                    Source::Unreadable(io_reason("de map", &e)),
                );
                return;
            }
        };
        let mut children: Vec<(String, PathBuf)> = entries
            .filter_map(|e| e.ok())
            .map(|e| (e.file_name().to_string_lossy().into_owned(), e.path()))
            .collect();
        children.sort();
        for (child, path) in children {
            let child_name = join(name, &child);
            if path.is_dir() {
                self.walk(&child_name, &path, exclude);
            } else if wanted(&child) {
                self.file(child_name, path, false);
            } else {
                self.skipped += 1;
            }
        }
    }

    fn file(&mut self, name: String, path: PathBuf, given: bool) {
        if has_extension(&name, "zip") {
            match std::fs::File::open(&path) {
                Ok(f) => self.archive(&name, f, 1),
                Err(e) => {
                    self.files
                        .insert(name, Source::Unreadable(io_reason("het archief", &e)));
                }
            }
        } else if !given && !path.is_file() {
            self.skipped += 1;
        } else {
            self.files.insert(name, Source::File(path));
        }
    }

    fn archive<R: Read + Seek>(&mut self, name: &str, reader: R, depth: u32) {
        let mut zip = match zip::ZipArchive::new(reader) {
            Ok(z) => z,
            Err(e) => {
                self.files.insert(
                    name.to_string(),
                    Source::Unreadable(format!("geen leesbaar zip-archief: {e}")),
                );
                return;
            }
        };
        for i in 0..zip.len() {
            let mut entry = match zip.by_index(i) {
                Ok(e) => e,
                Err(e) => {
                    self.files.insert(
                        join(name, &format!("#{}", i + 1)),
                        Source::Unreadable(format!("bestand {} in het archief: {e}", i + 1)),
                    );
                    continue;
                }
            };
            if entry.is_dir() {
                continue;
            }
            let inner = match entry.name() {
                Ok(n) => n.replace('\\', "/"),
                Err(_) => String::from_utf8_lossy(entry.name_raw()).replace('\\', "/"),
            };
            let entry_name = join(name, &inner);
            if inner.starts_with("__MACOSX/") || !wanted(&inner) {
                self.skipped += 1;
                continue;
            }
            if entry.size() > MAX_ENTRY_BYTES {
                self.files.insert(
                    entry_name,
                    Source::Unreadable(format!(
                        "het bestand is uitgepakt groter dan {} MB",
                        MAX_ENTRY_BYTES / 1024 / 1024
                    )),
                );
                continue;
            }
            let mut bytes = Vec::new();
            let read = (&mut entry)
                .take(MAX_ENTRY_BYTES + 1)
                .read_to_end(&mut bytes);
            match read {
                Err(e) => {
                    self.files.insert(
                        entry_name,
                        Source::Unreadable(format!("uitpakken mislukt: {e}")),
                    );
                }
                Ok(_) if bytes.len() as u64 > MAX_ENTRY_BYTES => {
                    self.files.insert(
                        entry_name,
                        Source::Unreadable(format!(
                            "het bestand is uitgepakt groter dan {} MB",
                            MAX_ENTRY_BYTES / 1024 / 1024
                        )),
                    );
                }
                Ok(_) if has_extension(&inner, "zip") => {
                    if depth >= MAX_ZIP_DEPTH {
                        self.files.insert(
                            entry_name,
                            Source::Unreadable(format!(
                                "archieven worden tot {MAX_ZIP_DEPTH} niveaus diep geopend"
                            )),
                        );
                    } else {
                        self.archive(&entry_name, Cursor::new(bytes), depth + 1);
                    }
                }
                Ok(_) => {
                    self.files.insert(entry_name, Source::Bytes(bytes));
                }
            }
        }
    }
}
