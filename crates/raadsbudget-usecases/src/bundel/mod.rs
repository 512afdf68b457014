//! Bundling for BZK researchers (`bundel.md`): from a pile of e-mailed benchmark files to one
//! checked dataset with statistics and a response overview. The CLI (`raadsbudget bundel`) and
//! the desktop app's bundle screen both call [`bundle`].
//!
//! How it works, and why it is fast and deterministic:
//!
//! 1. `inputs` lists every input file under a unique display name (the path as given) and
//!    sorts by it, so the input order on the command line never matters. Nothing is read yet:
//!    archives are listed from their table of contents.
//! 2. Files are read and checked in parallel (one worker per core, `workers`), with the same
//!    reader and domain validation the desktop app uses, and handed on in name order. The
//!    workers run at most `WINDOW` files ahead of the one handled next. Every read is
//!    bounded (a file, an archive member, an archive as a whole; see `inputs`), and the bytes
//!    being read at one moment are bounded by a shared budget, so memory does not depend on
//!    what a participant sends.
//! 3. The worker that checked a file without errors also renders its rows of the data tables
//!    and its published kengetallen (`rows`), so no dataset outlives its worker. Per
//!    `(organisation, uitvraagjaar)` only the best submission so far keeps its rendered rows;
//!    the other files keep only their metadata and findings. At the end
//!    [`raadsbudget_domain::submission::choose`] gives every file its status.
//! 4. The accepted files' rows are written in order into a staging folder next to the output
//!    folder, which replaces the output folder as a whole at the end (`outputs`); at the same
//!    time one thread adds the published (rounded) kengetallen to the statistics and another
//!    writes the file list and the findings. Nothing depends on the clock or the machine.

mod inputs;
mod outputs;
mod rows;
mod workers;
mod zipcheck;

#[doc(hidden)]
pub use inputs::walk_zip_bytes;

use crate::files::sha256_hex;
use crate::text::count;
use crate::{Error, Result};
use inputs::{Inputs, Source};
use raadsbudget_domain::submission::{choose, Choice, Status, Submission};
use raadsbudget_domain::value::format_dutch;
use raadsbudget_domain::{Dataset, Finding, FindingCode, Jaar, Location, Severity};
use raadsbudget_formats::benchmark::FileMeta;
use raadsbudget_formats::invulbestand;
use raadsbudget_formats::register::RegisterEntry;
use rows::{DataSpecs, Rendered};
use rust_decimal::Decimal;
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
pub(crate) use workers::parallel_map;

/// How far the workers may read ahead of the results handled in order: enough to keep every
/// core busy past a slow file, few enough that waiting results stay small.
const WINDOW: usize = 256;

/// Progress is reported every this many files.
const PROGRESS_EVERY: usize = 256;

/// What is known about one input file after reading and checking it.
#[derive(Debug)]
struct FileResult {
    name: String,
    /// `None` when the file could not be read.
    sha256: Option<String>,
    meta: Option<FileMeta>,
    findings: Vec<Finding>,
    /// The file's rows of the data tables, when it has no errors (an error only on a defect).
    rendered: Option<std::io::Result<Rendered>>,
    /// Hash of the normalised content, when the file has no errors.
    content: Option<[u8; 32]>,
}

/// Per input file, what stays in memory until the end: no data.
#[derive(Debug)]
pub(crate) struct FileRow {
    pub(crate) name: String,
    pub(crate) sha256: Option<String>,
    pub(crate) meta: Option<FileMeta>,
    pub(crate) findings: Vec<Finding>,
    pub(crate) status: Status,
    pub(crate) opmerking: String,
}

impl FileRow {
    pub(crate) fn count(&self, severity: Severity) -> u32 {
        let n = self
            .findings
            .iter()
            .filter(|f| f.severity() == severity)
            .count();
        u32::try_from(n).unwrap_or(u32::MAX)
    }
}

/// An accepted submission: its rows of the dataset.
#[derive(Debug)]
pub(crate) struct Accepted {
    pub(crate) meta: FileMeta,
    pub(crate) rendered: Rendered,
    pub(crate) file: String,
}

/// The best submission so far of one `(organisation, uitvraagjaar)`.
#[derive(Debug)]
struct Best {
    key: (u32, i64),
    content: [u8; 32],
    meta: FileMeta,
    rendered: Rendered,
}

/// The bytes of the files being read and checked at one moment, bounded: a few files of the
/// largest size at once, however many workers there are.
const BYTES_IN_FLIGHT: u64 = 2 * inputs::MAX_FILE_BYTES;

/// A counting semaphore over bytes: a worker takes the size of the file it is about to read
/// and gives it back when the file has been checked.
#[derive(Debug)]
struct ByteBudget {
    free: std::sync::Mutex<u64>,
    returned: std::sync::Condvar,
    capacity: u64,
}

/// Bytes taken from a [`ByteBudget`]; given back when dropped.
struct Taken<'b> {
    budget: &'b ByteBudget,
    bytes: u64,
}

impl ByteBudget {
    fn new(capacity: u64) -> ByteBudget {
        ByteBudget {
            free: std::sync::Mutex::new(capacity),
            returned: std::sync::Condvar::new(),
            capacity,
        }
    }

    /// Waits until `bytes` (at most the capacity) are free and takes them.
    fn take(&self, bytes: u64) -> Taken<'_> {
        let bytes = bytes.min(self.capacity);
        let mut free = self.free.lock().unwrap_or_else(|e| e.into_inner());
        while *free < bytes {
            free = self.returned.wait(free).unwrap_or_else(|e| e.into_inner());
        }
        *free -= bytes;
        Taken {
            budget: self,
            bytes,
        }
    }
}

impl Drop for Taken<'_> {
    fn drop(&mut self) {
        let mut free = self.budget.free.lock().unwrap_or_else(|e| e.into_inner());
        *free = free.saturating_add(self.bytes);
        self.budget.returned.notify_all();
    }
}

/// A result for a file that could not be read or checked: one F101 with the reason.
fn unreadable(name: &str, reason: String) -> FileResult {
    FileResult {
        name: name.to_string(),
        sha256: None,
        meta: None,
        findings: vec![Finding::new(
            FindingCode::Unreadable,
            Location {
                file: Some(name.to_string()),
                ..Location::default()
            },
            reason,
        )],
        rendered: None,
        content: None,
    }
}

/// Reads, checks and hashes one input file. Never fails: problems become findings, and so
/// would a panic in a library on a file's bytes (the file is then rejected; the bundle goes on).
fn process(
    name: &str,
    source: Source,
    uitvraag: Option<Jaar>,
    budget: &ByteBudget,
    specs: &DataSpecs,
) -> FileResult {
    // A workbook is unpacked while it is read: its share is its unpacked limit too. Known by
    // its name before reading; by its bytes after (then the share is taken again, whole, so
    // that no worker waits for more while holding some).
    let workbook_share = |size: u64| size.saturating_add(invulbestand::MAX_UNPACKED_BYTES);
    let by_name = invulbestand::is_workbook(name, &[]);
    let mut taken = budget.take(if by_name {
        workbook_share(source.size_bound())
    } else {
        source.size_bound()
    });
    let modified = source.modified();
    let bytes = match source.read() {
        Ok(b) => b,
        Err(reason) => return unreadable(name, reason),
    };
    if !by_name && invulbestand::is_workbook(name, &bytes) {
        drop(taken);
        taken = budget.take(workbook_share(
            u64::try_from(bytes.len()).unwrap_or(u64::MAX),
        ));
    }
    let _taken = taken;
    let checked = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        check(name, &bytes, modified, uitvraag, specs)
    }));
    checked.unwrap_or_else(|_| {
        unreadable(
            name,
            "dit bestand kon niet worden gelezen door een interne fout van Raadsbudget; de rest van de bundel is wel gemaakt. Meld dit, met het bestand, aan de beheerder van Raadsbudget".to_string(),
        )
    })
}

/// Reads and checks the bytes of one file, and renders its rows when it has no errors.
fn check(
    name: &str,
    bytes: &[u8],
    modified: Option<chrono::DateTime<chrono::Utc>>,
    uitvraag: Option<Jaar>,
    specs: &DataSpecs,
) -> FileResult {
    let sha256 = sha256_hex(bytes);
    let outcome = raadsbudget_formats::read_submission(name, bytes, modified);
    let mut findings = outcome.findings;
    let (meta, data) = match outcome.file {
        Some(f) => (Some(f.meta), Some(f.data)),
        None => (None, None),
    };
    if let (Some(u), Some(meta)) = (uitvraag, &meta) {
        if meta.uitvraag != u {
            findings.push(Finding::new(
                FindingCode::OtherUitvraag,
                Location {
                    file: Some(name.to_string()),
                    organisation: Some(meta.organisation.code.to_string()),
                    ..Location::default()
                },
                format!(
                    "dit bestand is voor uitvraagjaar {}, de bundel is voor uitvraagjaar {u}",
                    meta.uitvraag
                ),
            ));
        }
    }
    let ok = !findings.iter().any(Finding::is_error);
    let (rendered, content) = match (ok, &meta, data) {
        (true, Some(meta), Some(data)) => {
            let content = content_digest(meta, &data);
            (Some(rows::render(meta, &data, specs)), Some(content))
        }
        _ => (None, None),
    };
    FileResult {
        name: name.to_string(),
        sha256: Some(sha256),
        meta,
        findings,
        rendered,
        content,
    }
}

/// A digest of a file's normalised content: everything the file says, independent of how it
/// was written (encoding, delimiter, decimal comma, line ends, quoting, spaces, row order,
/// `12500` vs `12500.00`). Two files have the same digest exactly when Raadsbudget would write
/// them as the same bytes. Every part is length-prefixed, so no two contents run together.
fn content_digest(meta: &FileMeta, data: &Dataset) -> [u8; 32] {
    use raadsbudget_domain::{Entry, Value};
    let mut h = Sha256::new();
    let text = |h: &mut Sha256, t: &str| {
        h.update((t.len() as u64).to_le_bytes());
        h.update(t.as_bytes());
    };
    text(&mut h, &meta.definities);
    h.update(meta.uitvraag.to_le_bytes());
    text(&mut h, meta.organisation.code.as_str());
    text(&mut h, &meta.organisation.naam);
    h.update(meta.revisie.to_le_bytes());
    h.update(meta.aangemaakt_op.timestamp().to_le_bytes());
    text(&mut h, &meta.software);
    h.update((data.len() as u64).to_le_bytes());
    for ((jaar, fase, post), record) in data.records() {
        h.update(jaar.to_le_bytes());
        h.update([fase as u8]);
        text(&mut h, post);
        match &record.entry {
            Entry::Value(Value::Decimal(d)) => {
                // The canonical amount: 2 decimals, no negative zero.
                let mut d = if d.is_zero() { Decimal::ZERO } else { *d };
                d.rescale(2);
                h.update([0]);
                h.update(d.serialize());
            }
            Entry::Value(Value::Count(n)) => {
                h.update([1]);
                h.update(n.to_le_bytes());
            }
            Entry::Value(Value::Code(c)) => {
                h.update([2]);
                text(&mut h, c);
            }
            Entry::Reason(r) => {
                h.update([3]);
                text(&mut h, r.as_str());
            }
        }
        text(&mut h, &record.toelichting);
        text(&mut h, record.definities.as_str());
    }
    h.finalize().into()
}

/// A register by built-in name or file ([`crate::registers::read`]), by code.
pub(crate) fn read_register(path: &Path) -> Result<BTreeMap<String, RegisterEntry>> {
    let entries = crate::registers::read(path).map_err(|e| match e {
        Error::Register(e) => Error::Invalid(format!("register: {e}")),
        e => e,
    })?;
    Ok(entries
        .into_iter()
        .map(|e| (e.code.to_string(), e))
        .collect())
}

/// What to bundle (`raadsbudget bundel`, the desktop app's Bundelen screen).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BundleRequest {
    /// Files, folders (searched recursively) and `.zip` archives, as given.
    pub inputs: Vec<String>,
    /// Output folder (created when missing; an earlier bundle in it is replaced as a whole).
    pub out: PathBuf,
    /// Register of the organisations asked to take part (CSV), if any.
    pub register: Option<PathBuf>,
    /// Only this uitvraagjaar (files of other years are rejected with F202).
    pub uitvraag: Option<Jaar>,
    /// Also write `bundel.xlsx`.
    pub xlsx: bool,
    /// Keep every file with its findings in [`BundleOutcome::files`] (the app's table). Without
    /// it the list is empty (the files are in `inzendingen.csv` and `meldingen.csv`): what the
    /// CLI needs, and lighter for 100.000 files.
    pub per_file: bool,
}

/// One input file of a bundle, as `inzendingen.csv` lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BundledFile {
    /// Display name: the path as given (in a zip: `archief.zip/pad`), unique in the bundle.
    pub name: String,
    /// What the file said about itself, if it could be read.
    pub meta: Option<FileMeta>,
    /// Geaccepteerd, vervangen, dubbel or afgewezen.
    pub status: Status,
    /// Why this status (vervangen door …, zelfde inhoud als …, conflict met …), or empty.
    pub opmerking: String,
    /// The findings about this file, each naming the file.
    pub findings: Vec<Finding>,
}

/// The response against the register.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Response {
    /// Register entries (× uitvraagjaren).
    pub register: u32,
    /// Entries with any file (accepted or not).
    pub ingediend: u32,
    /// Entries with an accepted file.
    pub geaccepteerd: u32,
}

impl Response {
    /// `geaccepteerd / register` in Dutch with 1 decimal, e.g. `93,2 %` (`–` for an empty
    /// register).
    pub fn percentage(&self) -> String {
        if self.register == 0 {
            return "–".into();
        }
        let p =
            Decimal::from(self.geaccepteerd) * Decimal::ONE_HUNDRED / Decimal::from(self.register);
        format!("{} %", format_dutch(p, 1))
    }
}

/// What a bundle did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BundleOutcome {
    /// The output folder (full path).
    pub out: PathBuf,
    /// Files written into it, in order.
    pub written: Vec<String>,
    /// Files read.
    pub files_read: u32,
    /// Files per status, in the order of [`Status::ALL`].
    pub per_status: [u32; 4],
    /// Files passed over: in folders and archives, files that are not `.csv` or `.zip`, and the
    /// files of an earlier bundle's output folder.
    pub skipped: u32,
    /// Findings per severity over all files: fouten, waarschuwingen, signalen.
    pub findings: [u32; 3],
    /// Organisations in the dataset.
    pub organisations: u32,
    /// Response against the register, if one was given.
    pub response: Option<Response>,
    /// Every file in the order of `inzendingen.csv`, when [`BundleRequest::per_file`].
    pub files: Vec<BundledFile>,
}

impl BundleOutcome {
    /// Files with status `s`.
    pub fn with_status(&self, s: Status) -> u32 {
        let [geaccepteerd, vervangen, dubbel, afgewezen] = self.per_status;
        match s {
            Status::Geaccepteerd => geaccepteerd,
            Status::Vervangen => vervangen,
            Status::Dubbel => dubbel,
            Status::Afgewezen => afgewezen,
        }
    }

    /// The one-screen summary in Dutch, line by line: the CLI prints exactly these lines and
    /// the app shows them. It lives here, not in a shell, so both say the same.
    pub fn summary(&self) -> Vec<String> {
        let [geaccepteerd, vervangen, dubbel, afgewezen] = self.per_status;
        let mut lines = vec![
            format!("{} bestanden gebundeld:", self.files_read),
            format!("  geaccepteerd  {geaccepteerd:>7}"),
            format!("  vervangen     {vervangen:>7}"),
            format!("  dubbel        {dubbel:>7}"),
            format!("  afgewezen     {afgewezen:>7}"),
        ];
        if self.skipped > 0 {
            lines.push(format!(
                "  overgeslagen  {:>7}  (geen .csv of .zip, of uitvoer van een eerdere bundel)",
                self.skipped
            ));
        }
        let [fouten, waarschuwingen, signalen] = self.findings;
        lines.push(format!(
            "Meldingen: {fouten} fouten, {waarschuwingen} waarschuwingen, {signalen} signalen (zie meldingen.csv)."
        ));
        lines.push(format!(
            "Organisaties in de dataset: {}.",
            self.organisations
        ));
        if let Some(r) = &self.response {
            lines.push(format!(
                "Respons: {} van {} uit het register geaccepteerd ({}); {} ingediend, {} niet ingediend.",
                r.geaccepteerd,
                r.register,
                r.percentage(),
                r.ingediend,
                r.register.saturating_sub(r.ingediend)
            ));
        }
        lines.push(format!("Uitvoer: {}", self.out.display()));
        lines
    }
}

/// Bundles the input files into the output folder and reports what happened. `progress` is
/// called with (files read, total) after every batch.
pub fn bundle(req: &BundleRequest, progress: &dyn Fn(usize, usize)) -> Result<BundleOutcome> {
    if req.inputs.is_empty() {
        return Err(Error::Invalid(
            "geef ten minste één bestand, map of zip-archief om te bundelen".into(),
        ));
    }
    let output = outputs::Output::prepare(&req.out)?;
    let uit = output.target().to_path_buf();
    let register = req.register.as_deref().map(read_register).transpose()?;

    let inputs = Inputs::gather(&req.inputs, std::slice::from_ref(&uit));
    let skipped = inputs.skipped;
    let files = inputs.files;
    if files.is_empty() {
        return Err(Error::Invalid(format!(
            "geen benchmarkbestanden (.csv of .zip) gevonden in {}",
            req.inputs.join(", ")
        )));
    }
    let total = files.len();
    progress(0, total);

    let mut rows: Vec<FileRow> = Vec::with_capacity(total);
    let mut submissions: Vec<Option<Submission>> = Vec::with_capacity(total);
    let mut best: BTreeMap<(String, Jaar), Best> = BTreeMap::new();
    let budget = ByteBudget::new(BYTES_IN_FLIGHT);
    let specs = DataSpecs::new();
    // A rendering failure is a defect of Raadsbudget, not of a file: the bundle stops.
    let mut defect: Option<std::io::Error> = None;
    let read = |(n, s): (String, Source)| process(&n, s, req.uitvraag, &budget, &specs);
    workers::stream_ordered(files, WINDOW, read, |r| {
        let mut findings = r.findings;
        if let (Some(reg), Some(meta)) = (&register, &r.meta) {
            let code = meta.organisation.code.to_string();
            if !reg.contains_key(&code) {
                findings.push(Finding::new(
                    FindingCode::NotInRegister,
                    Location {
                        file: Some(r.name.clone()),
                        organisation: Some(code.clone()),
                        ..Location::default()
                    },
                    format!("{code} staat niet in het register; het bestand telt wel mee"),
                ));
            }
        }
        let rendered = match r.rendered {
            Some(Ok(rendered)) => Some(rendered),
            Some(Err(e)) => {
                defect.get_or_insert(e);
                None
            }
            None => None,
        };
        let submission = match (&r.meta, r.content, rendered) {
            (Some(meta), Some(content), Some(rendered)) => {
                let s = Submission {
                    organisation: meta.organisation.code.to_string(),
                    uitvraag: meta.uitvraag,
                    revisie: meta.revisie,
                    moment: meta.aangemaakt_op.timestamp(),
                    content,
                };
                let key = (s.revisie, s.moment);
                let candidate = || Best {
                    key,
                    content,
                    meta: meta.clone(),
                    rendered,
                };
                match best.entry((s.organisation.clone(), s.uitvraag)) {
                    std::collections::btree_map::Entry::Vacant(v) => {
                        v.insert(candidate());
                    }
                    std::collections::btree_map::Entry::Occupied(mut o) => {
                        if key > o.get().key {
                            o.insert(candidate());
                        }
                    }
                }
                Some(s)
            }
            _ => None,
        };
        submissions.push(submission);
        // What stays in memory per file is kept small: the file name once (not in every
        // finding), no catalogue version or software name.
        for f in &mut findings {
            if f.location.file.as_deref() == Some(r.name.as_str()) {
                f.location.file = None;
            }
        }
        let meta = r.meta.map(|m| FileMeta {
            definities: String::new(),
            software: String::new(),
            ..m
        });
        rows.push(FileRow {
            name: r.name,
            sha256: r.sha256,
            meta,
            findings,
            status: Status::Afgewezen,
            opmerking: String::new(),
        });
        if rows.len() % PROGRESS_EVERY == 0 || rows.len() == total {
            progress(rows.len(), total);
        }
    });
    if let Some(e) = defect {
        return Err(Error::io(uit.join(specs.first_file()), e));
    }

    let choices = choose(&submissions);
    let mut accepted: Vec<Accepted> = Vec::new();
    for (i, choice) in choices.iter().enumerate() {
        let opmerking = match choice {
            Choice::Geaccepteerd => String::new(),
            Choice::Vervangen(j) => {
                let by = &rows[*j];
                let revisie = by.meta.as_ref().map_or(0, |m| m.revisie);
                format!("vervangen door {} (revisie {revisie})", by.name)
            }
            Choice::Dubbel(j) => format!("zelfde inhoud als {}", rows[*j].name),
            Choice::Conflict(others) => {
                let names: Vec<&str> = others.iter().map(|&j| rows[j].name.as_str()).collect();
                let text = format!("conflict met {}", names.join(", "));
                let meta = rows[i].meta.as_ref();
                let finding = Finding::new(
                    FindingCode::Conflict,
                    Location {
                        file: None,
                        organisation: meta.map(|m| m.organisation.code.to_string()),
                        ..Location::default()
                    },
                    format!(
                        "{} heeft dezelfde revisie ({}) en hetzelfde aangemaakt_op ({}) als {}, maar een andere inhoud; beide zijn afgewezen",
                        rows[i].name,
                        meta.map_or(0, |m| m.revisie),
                        meta.map(|m| crate::export::moment_text(&m.aangemaakt_op))
                            .unwrap_or_default(),
                        names.join(", ")
                    ),
                );
                rows[i].findings.push(finding);
                text
            }
            Choice::Afgewezen => String::new(),
        };
        rows[i].status = choice.status();
        rows[i].opmerking = opmerking;
        if *choice == Choice::Geaccepteerd {
            if let Some(s) = &submissions[i] {
                if let Some(b) = best.remove(&(s.organisation.clone(), s.uitvraag)) {
                    if b.content == s.content {
                        accepted.push(Accepted {
                            meta: b.meta,
                            rendered: b.rendered,
                            file: rows[i].name.clone(),
                        });
                    }
                }
            }
        }
    }
    drop(best);
    accepted.sort_by(|a, b| {
        (a.meta.organisation.code.as_str(), a.meta.uitvraag)
            .cmp(&(b.meta.organisation.code.as_str(), b.meta.uitvraag))
    });

    let respons = register
        .as_ref()
        .map(|reg| respons_rows(reg, &rows, &accepted, req.uitvraag));
    let uitvoer = output.write(&rows, &accepted, req.uitvraag, respons.as_deref(), req.xlsx)?;
    let organisaties = count(
        accepted
            .iter()
            .map(|a| a.meta.organisation.code.as_str())
            .collect::<BTreeSet<_>>()
            .len(),
    );
    drop(accepted);

    Ok(outcome(
        uit,
        uitvoer,
        rows,
        organisaties,
        respons.as_deref(),
        skipped,
        req.per_file,
    ))
}

/// One row of `respons.csv`.
#[derive(Debug)]
pub(crate) struct ResponsRow {
    pub(crate) uitvraag: Jaar,
    pub(crate) code: String,
    pub(crate) naam: String,
    pub(crate) ingediend: bool,
    pub(crate) status: &'static str,
    pub(crate) bestand: String,
}

fn respons_rows(
    register: &BTreeMap<String, RegisterEntry>,
    rows: &[FileRow],
    accepted: &[Accepted],
    uitvraag: Option<Jaar>,
) -> Vec<ResponsRow> {
    let jaren: BTreeSet<Jaar> = match uitvraag {
        Some(u) => BTreeSet::from([u]),
        None => rows
            .iter()
            .filter_map(|r| r.meta.as_ref().map(|m| m.uitvraag))
            .collect(),
    };
    let submitted: BTreeSet<(String, Jaar)> = rows
        .iter()
        .filter_map(|r| {
            r.meta
                .as_ref()
                .map(|m| (m.organisation.code.to_string(), m.uitvraag))
        })
        .collect();
    let used: BTreeMap<(String, Jaar), &str> = accepted
        .iter()
        .map(|a| {
            (
                (a.meta.organisation.code.to_string(), a.meta.uitvraag),
                a.file.as_str(),
            )
        })
        .collect();
    let mut out = Vec::new();
    for &u in &jaren {
        for (code, entry) in register {
            let key = (code.clone(), u);
            let (status, bestand) = match used.get(&key) {
                Some(f) => (Status::Geaccepteerd.as_str(), f.to_string()),
                None if submitted.contains(&key) => (Status::Afgewezen.as_str(), String::new()),
                None => (raadsbudget_formats::bundel::NIET_INGEDIEND, String::new()),
            };
            out.push(ResponsRow {
                uitvraag: u,
                code: code.clone(),
                naam: entry.naam.clone(),
                ingediend: submitted.contains(&key),
                status,
                bestand,
            });
        }
    }
    out
}

fn outcome(
    out: PathBuf,
    written: Vec<String>,
    rows: Vec<FileRow>,
    organisations: u32,
    respons: Option<&[ResponsRow]>,
    skipped: u32,
    per_file: bool,
) -> BundleOutcome {
    let per_status = Status::ALL.map(|s| count(rows.iter().filter(|r| r.status == s).count()));
    let response = respons.map(|r| Response {
        register: count(r.len()),
        ingediend: count(r.iter().filter(|x| x.ingediend).count()),
        geaccepteerd: count(r.iter().filter(|x| !x.bestand.is_empty()).count()),
    });
    let findings = [Severity::Fout, Severity::Waarschuwing, Severity::Signaal]
        .map(|s| rows.iter().map(|r| r.count(s)).sum::<u32>());
    let files_read = count(rows.len());
    let files = rows
        .into_iter()
        .filter(|_| per_file)
        .map(|r| BundledFile {
            findings: r
                .findings
                .into_iter()
                .map(|mut f| {
                    // The file name was left out in memory; it belongs in the outcome.
                    f.location.file.get_or_insert_with(|| r.name.clone());
                    f
                })
                .collect(),
            meta: r.meta,
            status: r.status,
            opmerking: r.opmerking,
            name: r.name,
        })
        .collect();
    BundleOutcome {
        out,
        written,
        files_read,
        per_status,
        skipped,
        findings,
        organisations,
        response,
        files,
    }
}
