//! The floor for `raadsbudget bundel`: read every `.csv` under the given folders from disk and
//! parse it with the `csv` crate, nothing else (no decoding, no checks, no output).
//!
//! ```text
//! cargo run --release -p raadsbudget-formats --example raw_csv_parse -- [--threads N] MAP...
//! ```
//!
//! Folders are searched recursively; files are sorted by path. Each file is read with
//! `std::fs::read` (as the bundler does) and parsed with
//! `csv::ReaderBuilder::new().has_headers(true)`, iterating `ByteRecord`s and counting records
//! and fields so the parse cannot be optimised away. `--threads 1` (the default) is one thread;
//! `--threads N` hands the files out to N threads (an atomic counter, so they stay balanced).
//!
//! Prints a human line and a machine line (`RESULT key=value ...`, read by `bench/run`). The
//! time covers reading and parsing only, not the directory walk or process start.
//!
//! A benchmark tool, not part of the product (`bench/`, `docs/performance.md`).

// Seconds and rates are measurements, not money.
#![allow(clippy::float_arithmetic)]

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

/// What one thread did.
#[derive(Debug, Default, Clone, Copy)]
struct Tally {
    files: usize,
    bytes: usize,
    records: usize,
    fields: usize,
    errors: usize,
}

impl Tally {
    fn add(&mut self, other: Tally) {
        self.files += other.files;
        self.bytes += other.bytes;
        self.records += other.records;
        self.fields += other.fields;
        self.errors += other.errors;
    }
}

/// Every `.csv` under `dir` (recursively), or `dir` itself when it is a file.
fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    if dir.is_file() {
        out.push(dir.to_path_buf());
        return;
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        eprintln!("{}: kan de map niet lezen", dir.display());
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        match entry.file_type() {
            Ok(t) if t.is_dir() => collect(&path, out),
            Ok(_) => {
                if path
                    .extension()
                    .is_some_and(|e| e.eq_ignore_ascii_case("csv"))
                {
                    out.push(path);
                }
            }
            Err(_) => {}
        }
    }
}

/// Reads and parses one file.
fn parse_one(path: &Path, tally: &mut Tally) {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{}: {e}", path.display());
            tally.errors += 1;
            return;
        }
    };
    tally.files += 1;
    tally.bytes += bytes.len();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(bytes.as_slice());
    match reader.byte_headers() {
        Ok(h) => tally.fields += h.len(),
        Err(_) => tally.errors += 1,
    }
    for record in reader.byte_records() {
        match record {
            Ok(r) => {
                tally.records += 1;
                tally.fields += r.len();
                black_box(&r);
            }
            Err(_) => tally.errors += 1,
        }
    }
}

fn usage() -> ! {
    eprintln!("gebruik: raw_csv_parse [--threads N] MAP...");
    std::process::exit(2);
}

fn main() {
    let mut threads = 1usize;
    let mut roots: Vec<PathBuf> = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--threads" | "-j" => {
                threads = args
                    .next()
                    .and_then(|n| n.parse().ok())
                    .filter(|n| *n >= 1)
                    .unwrap_or_else(|| usage());
            }
            "-h" | "--help" => usage(),
            _ => roots.push(PathBuf::from(a)),
        }
    }
    if roots.is_empty() {
        usage();
    }
    let mut files = Vec::new();
    for r in &roots {
        collect(r, &mut files);
    }
    files.sort();
    if files.is_empty() {
        eprintln!("geen .csv-bestanden gevonden");
        std::process::exit(2);
    }

    let next = AtomicUsize::new(0);
    let start = Instant::now();
    let total = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut tally = Tally::default();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(path) = files.get(i) else { break };
                        parse_one(path, &mut tally);
                    }
                    tally
                })
            })
            .collect();
        let mut total = Tally::default();
        for h in handles {
            total.add(h.join().unwrap_or_default());
        }
        total
    });
    let seconds = start.elapsed().as_secs_f64().max(1e-9);
    let files_per_s = total.files as f64 / seconds;
    let mb_per_s = total.bytes as f64 / 1e6 / seconds;
    println!(
        "{} bestanden, {} bytes, {} records, {} velden, {} fouten, {threads} thread(s): \
         {seconds:.3} s, {files_per_s:.0} bestanden/s, {mb_per_s:.1} MB/s",
        total.files, total.bytes, total.records, total.fields, total.errors
    );
    println!(
        "RESULT threads={threads} files={} bytes={} records={} fields={} errors={} \
         seconds={seconds:.6} files_per_s={files_per_s:.1} mb_per_s={mb_per_s:.2}",
        total.files, total.bytes, total.records, total.fields, total.errors
    );
}
