//! Every input the fuzzers kept (their corpus under `tests/fuzz/corpus/`) and every input that
//! once crashed (`tests/fuzz/crashes/`), replayed through the same checks on stable Rust. The
//! fuzz targets themselves live in `fuzz/` and need the nightly toolchain (`cargo +nightly fuzz`).
// A test's failing assertion panics on purpose: the workspace's no-panic lints are for the
// code that runs on what a file holds.
#![allow(
    clippy::arithmetic_side_effects,
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    unreachable_pub,
    missing_docs
)]

#[path = "fuzz/checks.rs"]
mod checks;

use std::path::Path;

#[track_caller]
fn inputs(dir: &str) -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz")
        .join(dir);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut out: Vec<(String, Vec<u8>)> = entries
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .map(|p| (p.display().to_string(), std::fs::read(&p).unwrap()))
        .collect();
    out.sort();
    out
}

#[test]
fn the_byte_corpus_and_crashes_replay() {
    let mut files = inputs("corpus/import_score_export");
    files.extend(inputs("crashes/import_score_export"));
    assert!(files.len() >= 4, "the corpus is there");
    for (name, data) in files {
        let result = std::panic::catch_unwind(|| checks::bytes(&data));
        assert!(result.is_ok(), "{name}");
    }
}

#[test]
fn the_structured_corpus_and_crashes_replay() {
    let mut files = inputs("corpus/structured");
    files.extend(inputs("crashes/structured"));
    for (name, data) in files {
        let mut u = arbitrary::Unstructured::new(&data);
        if let Ok(doc) = <checks::FuzzDoc as arbitrary::Arbitrary>::arbitrary(&mut u) {
            let result = std::panic::catch_unwind(|| checks::structured(&doc));
            assert!(result.is_ok(), "{name}");
        }
    }
}

#[test]
fn the_form_corpus_and_crashes_replay() {
    let mut files = inputs("corpus/form_bytes");
    files.extend(inputs("crashes/form_bytes"));
    assert!(files.len() >= 4, "the corpus is there");
    for (name, data) in files {
        let result = std::panic::catch_unwind(|| checks::form(&data));
        assert!(result.is_ok(), "{name}");
    }
}

#[test]
fn the_report_corpus_and_crashes_replay() {
    let mut files = inputs("corpus/report_bytes");
    files.extend(inputs("crashes/report_bytes"));
    assert!(files.len() >= 4, "the corpus is there");
    for (name, data) in files {
        let result = std::panic::catch_unwind(|| checks::report(&data));
        assert!(result.is_ok(), "{name}");
    }
}
