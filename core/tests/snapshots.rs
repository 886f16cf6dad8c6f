//! Snapshot tests: every `tests/examples/*.json` (and the Kunming example) is scored and compared
//! with its `*.results.json`. Run with `JIXIAO_BLESS=1` to write the expected files after a
//! deliberate change, then read the diff.
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

use jixiao_core::{audit, read_str, Lang};
use jixiao_core::{draft_text, results};
use std::path::{Path, PathBuf};

#[track_caller]
fn example_files() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let mut files: Vec<PathBuf> = std::fs::read_dir(root.join("examples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .filter(|p| !p.to_string_lossy().ends_with(".results.json"))
        .collect();
    files.push(Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/kunming-2022.json"));
    files.sort();
    files
}

#[test]
fn examples_score_as_recorded() {
    let bless = std::env::var_os("JIXIAO_BLESS").is_some();
    let mut failures = Vec::new();
    let files = example_files();
    assert!(files.len() >= 4, "the examples folder is missing");
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let doc = read_str(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let actual = format!("{:#}\n", results(&audit(&doc), Lang::Zh).value());
        let expected_path = file.with_extension("results.json");
        let expected_path = if file
            .starts_with(Path::new(env!("CARGO_MANIFEST_DIR")).join("templates"))
        {
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/examples/kunming-2022.results.json")
        } else {
            expected_path
        };
        if bless {
            std::fs::write(&expected_path, &actual).unwrap();
            continue;
        }
        match std::fs::read_to_string(&expected_path) {
            Ok(expected) if expected == actual => {}
            Ok(_) => failures.push(format!(
                "{} differs from {}",
                file.display(),
                expected_path.display()
            )),
            Err(_) => failures.push(format!(
                "{} has no {}",
                file.display(),
                expected_path.display()
            )),
        }
    }
    assert!(
        failures.is_empty(),
        "{}\n(JIXIAO_BLESS=1 cargo test --test snapshots rewrites them)",
        failures.join("\n")
    );
}

/// Where an example's expected output of one kind is kept (`errors.results.json`,
/// `errors.draft.zh.txt`; the Kunming template's beside the examples).
#[track_caller]
fn expected(file: &Path, extension: &str) -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    if file.starts_with(root.join("templates")) {
        root.join("tests/examples")
            .join(file.file_name().unwrap())
            .with_extension(extension)
    } else {
        file.with_extension(extension)
    }
}

#[test]
fn examples_draft_as_recorded() {
    let bless = std::env::var_os("JIXIAO_BLESS").is_some();
    let mut failures = Vec::new();
    for file in example_files() {
        let doc = read_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        let eval = audit(&doc);
        for lang in [Lang::Zh, Lang::En] {
            let actual = draft_text(&doc, &eval, lang);
            let path = expected(&file, &format!("draft.{}.txt", lang.code()));
            if bless {
                std::fs::write(&path, &actual).unwrap();
            } else if std::fs::read_to_string(&path).ok().as_deref() != Some(actual.as_str()) {
                failures.push(format!(
                    "{} differs from {}",
                    file.display(),
                    path.display()
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{}\n(JIXIAO_BLESS=1 cargo test --test snapshots rewrites them)",
        failures.join("\n")
    );
}
