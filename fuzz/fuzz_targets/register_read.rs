//! The register reader (code and name lists such as the CBS list of gemeenten) on any bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = raadsbudget_formats::register::read("fuzz.csv", data);
});
