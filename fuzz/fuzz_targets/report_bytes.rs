//! Arbitrary bytes as a Word report (a `.docx`, or its `document.xml`): the report reader never
//! panics or hangs; a report it reads scores, writes and round-trips like any document.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    jixiao_fuzz_checks::report(data);
});

#[path = "../../tests/fuzz/checks.rs"]
mod jixiao_fuzz_checks;
