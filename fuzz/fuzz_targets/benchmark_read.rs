//! The benchmark file reader on any bytes: it never panics, and what it accepts without errors
//! it can write back and read again to the same data.
#![no_main]

use libfuzzer_sys::fuzz_target;
use raadsbudget_formats::benchmark;

fuzz_target!(|data: &[u8]| {
    let outcome = benchmark::read("fuzz.csv", data);
    let Some(file) = outcome.file else { return };
    if outcome.findings.iter().any(|f| f.is_error()) {
        return;
    }
    let mut written = Vec::new();
    if benchmark::write(&mut written, &file.meta, &file.data).is_err() {
        return; // data the writer refuses faithfully (e.g. a text it cannot carry)
    }
    let again = benchmark::read("fuzz.csv", &written);
    let again = again.file.expect("a file the writer wrote is readable");
    assert_eq!(again.meta, file.meta);
    assert_eq!(again.data, file.data);
});
