//! The bundler's input walker on any bytes as a `.zip` archive: listing members (nested
//! archives, duplicate names, forged sizes and counts) and unpacking each within the limits.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for (name, read) in raadsbudget_usecases::bundel::walk_zip_bytes(data) {
        assert!(!name.is_empty());
        if let Ok(len) = read {
            assert!(len <= 16 * 1024 * 1024, "{name}: {len} bytes");
        }
    }
});
