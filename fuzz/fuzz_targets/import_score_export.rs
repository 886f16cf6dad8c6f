//! Arbitrary bytes through import, scoring, every export, and a write-then-read round trip.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    jixiao_fuzz_checks::bytes(data);
});

#[path = "../../tests/fuzz/checks.rs"]
mod jixiao_fuzz_checks;
