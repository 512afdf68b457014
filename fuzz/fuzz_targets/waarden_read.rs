//! The reader of a bundle's `waarden.csv` (loaded for comparing with peers) on any bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = raadsbudget_formats::bundel::read::read_waarden("waarden.csv", data);
});
