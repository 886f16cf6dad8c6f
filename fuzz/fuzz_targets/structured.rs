//! Structured random documents (arbitrary) through scoring and goal seeking.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|doc: jixiao_fuzz_checks::FuzzDoc| {
    jixiao_fuzz_checks::structured(&doc);
});

#[path = "../../tests/fuzz/checks.rs"]
mod jixiao_fuzz_checks;
