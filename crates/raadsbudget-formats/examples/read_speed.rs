//! Measures the benchmark reader against raw CSV parsing.
//!
//! `cargo run --release -p raadsbudget-formats --example read_speed -- <folder> [rounds]`
//!
//! Loads every file of the folder into memory, then times, single threaded and repeated
//! `rounds` times (default 5; per file the fastest round counts):
//! (a) the `csv` crate's raw parse (iterating `ByteRecord`s, counting fields) and
//! (b) `benchmark::read` (tolerant reader plus validation) over the same bytes,
//! and prints µs per file for both and their ratio.

use raadsbudget_formats::benchmark;
use std::hint::black_box;
use std::time::{Duration, Instant};

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(folder) = args.next() else {
        eprintln!("gebruik: read_speed <map> [rondes]");
        std::process::exit(2);
    };
    let rounds: u32 = args.next().and_then(|r| r.parse().ok()).unwrap_or(5);
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    let entries = match std::fs::read_dir(&folder) {
        Ok(entries) => entries,
        Err(e) => {
            eprintln!("{folder}: {e}");
            std::process::exit(2);
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_file() {
            if let Ok(bytes) = std::fs::read(&path) {
                files.push((path.display().to_string(), bytes));
            }
        }
    }
    files.sort();
    if files.is_empty() {
        eprintln!("{folder}: geen bestanden");
        std::process::exit(2);
    }
    let n = files.len();
    let total_bytes: usize = files.iter().map(|(_, b)| b.len()).sum();
    println!(
        "{n} bestanden, gemiddeld {} bytes, {rounds} rondes",
        total_bytes / n
    );

    // Each file is timed on its own and its fastest round counts, so that a round disturbed by
    // other processes on the machine does not count.
    let mut csv_best = vec![Duration::MAX; n];
    let mut read_best = vec![Duration::MAX; n];
    let mut fields = 0usize;
    let mut errors = 0usize;
    for _ in 0..rounds {
        fields = 0;
        errors = 0;
        for (i, (name, bytes)) in files.iter().enumerate() {
            let start = Instant::now();
            let mut reader = csv::ReaderBuilder::new()
                .has_headers(false)
                .flexible(true)
                .from_reader(bytes.as_slice());
            for record in reader.byte_records().flatten() {
                fields += record.len();
            }
            black_box(fields);
            let elapsed = start.elapsed();
            csv_best[i] = csv_best[i].min(elapsed);

            let start = Instant::now();
            let outcome = benchmark::read(name, bytes);
            black_box(&outcome);
            let elapsed = start.elapsed();
            read_best[i] = read_best[i].min(elapsed);
            if outcome.has_errors() {
                errors += 1;
            }
        }
    }
    let csv_best: Duration = csv_best.iter().sum();
    let read_best: Duration = read_best.iter().sum();
    // Integer arithmetic only (the workspace lints float arithmetic): tenths of a µs.
    let n128 = u128::try_from(n).unwrap_or(1).max(1);
    let per_file = |d: Duration| d.as_nanos() / 100 / n128;
    let tenths = |t: u128| format!("{}.{}", t / 10, t % 10);
    let csv_t = per_file(csv_best).max(1);
    let read_t = per_file(read_best);
    println!(
        "csv (ByteRecord):   {:>8} µs/bestand  ({fields} velden)",
        tenths(csv_t)
    );
    println!(
        "benchmark::read:    {:>8} µs/bestand  ({errors} met fouten)",
        tenths(read_t)
    );
    let ratio = read_t * 100 / csv_t;
    println!("verhouding:         {:>5}.{:02}×", ratio / 100, ratio % 100);
}
