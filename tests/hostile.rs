//! Hostile files (numbers across rust_decimal's whole range, `-0`, 28 decimal places, extreme
//! claims, settings and scenarios) through every command: a clear result, an error finding or a
//! one-line refusal, never a panic. Each file under `tests/hostile/` is a regression test for an
//! overflow found (the first, `claimed-extremes.json`, made `score`, `check` and `batch` panic).
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

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

#[track_caller]
fn hostile_files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hostile");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    assert!(files.len() >= 6, "the hostile files are missing");
    files
}

#[track_caller]
fn jixiao(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .args(args)
        .env_remove("JIXIAO_PANIC_ON")
        .output()
        .unwrap()
}

#[track_caller]
fn no_panic(out: &Output, what: &str) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{what} panicked: {stderr}");
    let code = out.status.code();
    assert!(
        matches!(code, Some(0 | 1)),
        "{what} exited {code:?}: {stderr}"
    );
}

#[test]
fn every_command_survives_every_hostile_file() {
    let out_dir = std::env::temp_dir().join(format!("jixiao-hostile-{}", std::process::id()));
    for file in hostile_files() {
        let f = file.to_str().unwrap();
        for cmd in ["score", "check", "report"] {
            let out = jixiao(&[cmd, f]);
            no_panic(&out, &format!("{cmd} {f}"));
            assert!(!out.stdout.is_empty(), "{cmd} {f} printed nothing");
        }
        let xlsx = out_dir.join("out.xlsx");
        let out = jixiao(&[
            "export",
            f,
            "--xlsx",
            xlsx.to_str().unwrap(),
            "--csv",
            out_dir.join("csv").to_str().unwrap(),
            "--text",
            out_dir.join("out.txt").to_str().unwrap(),
        ]);
        no_panic(&out, &format!("export {f}"));
        for path in [
            "budget/b3/spent",
            "budget/b1/planned",
            "indicators/C112/rule/actual",
            "indicators/C111/rule/target",
            "indicators/C22/rule/fraction",
            "surveys/s1/questions/q1/counts/0",
            "surveys/s1/options/0/weight",
        ] {
            for goal in [&["--full"][..], &["--grade", "优"], &["--total", "90"]] {
                let mut args = vec!["seek", f, "--path", path];
                args.extend_from_slice(goal);
                no_panic(&jixiao(&args), &format!("seek {path} {goal:?} on {f}"));
            }
        }
    }
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hostile");
    let out = jixiao(&["batch", dir.to_str().unwrap(), "--check-claims", "--json"]);
    no_panic(&out, "batch");
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        rows["files"].as_array().map(Vec::len),
        Some(hostile_files().len())
    );
}

#[test]
fn the_seeds_overflowing_claim_is_a_finding() {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hostile/claimed-extremes.json");
    let out = jixiao(&["score", file.to_str().unwrap()]);
    no_panic(&out, "score");
    let results: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let paths: Vec<&str> = results["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "claim-differs")
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert!(paths.contains(&"claimed/total"), "{paths:?}");
    assert!(paths.contains(&"claimed/execution_rate"), "{paths:?}");
}

#[test]
fn a_panic_in_one_file_is_that_files_row() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hostile");
    let out = Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .args(["batch", dir.to_str().unwrap(), "--json"])
        .env("JIXIAO_PANIC_ON", "budget-extremes")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rows = rows["files"].as_array().unwrap();
    assert_eq!(
        rows.len(),
        hostile_files().len(),
        "every other file still has its row"
    );
    let broken: Vec<&serde_json::Value> = rows
        .iter()
        .filter(|r| r["first_error"].as_str().unwrap_or("").contains("内部错误"))
        .collect();
    assert_eq!(broken.len(), 1);
    assert!(broken[0]["file"]
        .as_str()
        .unwrap()
        .contains("budget-extremes"));
    assert!(
        rows.iter().any(|r| r["total"].is_string()),
        "the others are scored"
    );
}
