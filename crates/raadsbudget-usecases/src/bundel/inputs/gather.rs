//! Gathering: walking folders, listing archives (nested ones spooled to temporary files) and
//! naming every input found.

use super::*;

impl Gatherer {
    pub(super) fn walk(&mut self, name: &str, dir: &Path, exclude: &[PathBuf]) {
        let canon = dir.canonicalize().ok();
        if let Some(canon) = &canon {
            if exclude.iter().any(|e| e == canon) || !self.walked.insert(canon.clone()) {
                return;
            }
        }
        if is_bundle_output(dir) || crate::bundel::outputs::is_staging_name(dir) {
            // The output of an earlier bundle is no input: its files are passed over.
            self.skipped += count_files(dir, &mut HashSet::new());
            return;
        }
        let entries = match std::fs::read_dir(dir) {
            Ok(e) => e,
            Err(e) => {
                self.unreadable(name.to_string(), io_reason("de map", &e));
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
            // One look at each entry (following links): folder, file, or something else.
            let meta = std::fs::metadata(&path).ok();
            if meta.as_ref().is_some_and(|m| m.is_dir()) {
                self.walk(&child_name, &path, exclude);
            } else if !wanted(&child) || !meta.as_ref().is_some_and(|m| m.is_file()) {
                // Not a benchmark file or archive, a dangling link, a device or a pipe.
                self.skipped += 1;
            } else {
                self.file(child_name, &path, meta.map(|m| m.len()));
            }
        }
    }

    /// A file or archive; `len` its size when it is known to be a regular file.
    pub(super) fn file(&mut self, name: String, path: &Path, len: Option<u64>) {
        let identity = Identity::Path(path.to_path_buf());
        if has_extension(&name, "zip") {
            let mut budget = Budget::default();
            self.archive(&name, path.to_path_buf(), identity, 1, &mut budget);
        } else {
            let path = path.to_path_buf();
            self.push(name, identity, Source::File { path, len });
        }
    }

    /// Lists the members of the archive at `path` (shown as `name`).
    pub(super) fn archive(
        &mut self,
        name: &str,
        path: PathBuf,
        identity: Identity,
        depth: u32,
        budget: &mut Budget,
    ) {
        let mut zip = match open_archive(&path) {
            Ok(z) => z,
            Err(reason) => {
                return self.push(name.to_string(), identity, Source::Unreadable(reason))
            }
        };
        let archive = Arc::new(Archive::new(path));
        let members = match members(&mut zip) {
            Ok(m) => m,
            Err(reason) => {
                return self.push(name.to_string(), identity, Source::Unreadable(reason))
            }
        };
        budget.members = budget
            .members
            .saturating_add(u64::try_from(members.len()).unwrap_or(u64::MAX));
        if budget.members > MAX_ARCHIVE_MEMBERS {
            let reason = format!(
                "het archief bevat (met de archieven erin) meer dan {MAX_ARCHIVE_MEMBERS} bestanden; Raadsbudget opent zulke archieven niet. Pak het uit en bundel de map"
            );
            return self.push(name.to_string(), identity, Source::Unreadable(reason));
        }
        let before = self.found.len();
        let mut passed_over = 0u32;
        for (position, member) in members.into_iter().enumerate() {
            let position = position + 1;
            let m = match member {
                Ok(m) => m,
                Err(reason) => {
                    self.unreadable(join(name, &format!("#{position}")), reason);
                    continue;
                }
            };
            let inner = String::from_utf8_lossy(&m.name).replace('\\', "/");
            let inner = inner.trim_start_matches('/');
            let entry_name = join(name, inner);
            if m.is_dir {
                continue;
            }
            if inner.starts_with("__MACOSX/") || !wanted(inner) {
                passed_over += 1;
                continue;
            }
            let member_identity = Identity::Member(Box::new(identity.clone()), m.offset);
            let nested = has_extension(inner, "zip");
            let refusal = if m.encrypted {
                Some(encrypted())
            } else if let Some(method) = m
                .compression
                .filter(|c| !matches!(c, CompressionMethod::Stored | CompressionMethod::Deflated))
            {
                Some(unsupported_compression(Some(method)))
            } else if nested && depth >= MAX_ZIP_DEPTH {
                Some(format!(
                    "archieven worden tot {MAX_ZIP_DEPTH} niveaus diep geopend; pak dit archief uit en bundel de bestanden"
                ))
            } else if nested && m.size > MAX_NESTED_ARCHIVE_BYTES {
                Some(format!(
                    "dit archief in het archief is uitgepakt groter dan {}; pak het uit en bundel de bestanden",
                    megabytes(MAX_NESTED_ARCHIVE_BYTES)
                ))
            } else if !nested && m.size > MAX_FILE_BYTES {
                Some(too_big("het bestand in het archief"))
            } else {
                budget.bytes = budget.bytes.saturating_add(m.size);
                (budget.bytes > MAX_ARCHIVE_BYTES).then(|| {
                    format!(
                        "het archief pakt (met de archieven erin) uit tot meer dan {}; dit bestand en de volgende zijn niet uitgepakt. Pak het archief uit en bundel de map",
                        megabytes(MAX_ARCHIVE_BYTES)
                    )
                })
            };
            let source = match refusal {
                Some(reason) => Source::Unreadable(reason),
                None => m.source(&archive),
            };
            if nested && !matches!(source, Source::Unreadable(_)) {
                match self.spool(source) {
                    Ok(copy) => self.archive(&entry_name, copy, member_identity, depth + 1, budget),
                    Err(reason) => self.push_member(
                        entry_name,
                        member_identity,
                        position,
                        Source::Unreadable(reason),
                    ),
                }
            } else {
                self.push_member(entry_name, member_identity, position, source);
            }
        }
        if self.found.len() == before {
            let reason = if passed_over == 0 {
                "het archief is leeg".to_string()
            } else {
                format!(
                    "het archief bevat geen benchmarkbestanden (.csv) of archieven (.zip); {passed_over} {} overgeslagen",
                    if passed_over == 1 { "ander bestand" } else { "andere bestanden" }
                )
            };
            self.push(name.to_string(), identity, Source::Unreadable(reason));
        }
        self.skipped += passed_over;
    }

    /// Copies a nested archive to a temporary file (bounded like any member: by its stated
    /// size).
    pub(super) fn spool(&mut self, source: Source) -> Result<PathBuf, String> {
        if self.spool.is_none() {
            let dir = tempfile::Builder::new()
                .prefix("raadsbudget-bundel-")
                .tempdir()
                .map_err(|e| io_reason("een tijdelijke map", &e))?;
            self.spool = Some(dir);
        }
        let dir = self
            .spool
            .as_ref()
            .map(|d| d.path().to_path_buf())
            .ok_or_else(|| "er kon geen tijdelijke map worden gemaakt".to_string())?;
        self.spooled += 1;
        let path = dir.join(format!("{}.zip", self.spooled));
        let mut out = File::create(&path).map_err(|e| io_reason("een tijdelijk bestand", &e))?;
        source.copy_nested(&mut out)?;
        out.sync_all()
            .map_err(|e| io_reason("een tijdelijk bestand", &e))?;
        Ok(path)
    }
}
