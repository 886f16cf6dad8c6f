//! Arbitrary bytes as a workbook: the form reader never panics or hangs; a form it reads scores
//! and exports like any document.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    jixiao_fuzz_checks::form(data);
});

#[path = "../../tests/fuzz/checks.rs"]
mod jixiao_fuzz_checks;
