//! Forms on the command line: `jixiao import`, and every command taking a workbook wherever it
//! takes a `jixiao/1` file (recognised by content), `batch` over `.json`, `.xlsx` and `.xls`.
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

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn form(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/forms")
        .join(name)
        .display()
        .to_string()
}

#[track_caller]
fn jixiao(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .args(args)
        .output()
        .unwrap()
}

#[track_caller]
fn json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)))
}

#[track_caller]
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("jixiao-forms-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn import_prints_or_writes_the_document() {
    let out = jixiao(&["import", &form("national.xlsx")]);
    assert_eq!(out.status.code(), Some(0));
    let doc = json(&out);
    assert_eq!(doc["format"], "jixiao/1");
    assert_eq!(doc["meta"]["title"], "2022年残疾人职业技能培训项目");
    assert_eq!(doc["claimed"]["total"], "92.43");
    let dir = scratch("import");
    let file = dir.join("national.json");
    let out = jixiao(&[
        "import",
        &form("national.xls"),
        "-o",
        file.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0));
    let written: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(written["indicators"], doc["indicators"]);
    // What import wrote scores like the form itself.
    let scored = json(&jixiao(&["score", file.to_str().unwrap()]));
    assert_eq!(scored["total"], "92.43");
}

#[test]
fn every_command_takes_a_form() {
    let xls = form("national.xls");
    let scored = json(&jixiao(&["score", &xls]));
    assert_eq!(scored["total"], "92.43");
    assert_eq!(scored["grade"], "优");
    let check = jixiao(&["check", &form("provincial.xlsx")]);
    assert_eq!(check.status.code(), Some(0));
    let text = String::from_utf8(check.stdout).unwrap();
    assert!(text.contains("98.00 / 100.00"), "{text}");
    assert!(text.contains("rule-inferred"));
    let report = jixiao(&["report", &form("national.xlsx")]);
    assert!(String::from_utf8(report.stdout).unwrap().contains("92.43"));
    let dir = scratch("export");
    let xlsx = dir.join("out.xlsx");
    let out = jixiao(&[
        "export",
        &form("total-only.xlsx"),
        "--xlsx",
        xlsx.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0));
    let again = json(&jixiao(&["score", xlsx.to_str().unwrap()]));
    assert_eq!(again["total"], "100.00");
    let seek = json(&jixiao(&[
        "seek",
        &xls,
        "--path",
        "budget/b1/spent",
        "--full",
    ]));
    assert_eq!(seek["status"], "found");
    // Recognised by content: a form saved under another name is still a form.
    let renamed = dir.join("form.dat");
    std::fs::copy(form("national.xlsx"), &renamed).unwrap();
    assert_eq!(
        json(&jixiao(&["score", renamed.to_str().unwrap()]))["total"],
        "92.43"
    );
}

#[test]
fn batch_takes_json_xlsx_and_xls_together() {
    let dir = scratch("batch");
    for name in [
        "national.xlsx",
        "national.xls",
        "provincial.xlsx",
        "picture.xlsx",
    ] {
        std::fs::copy(form(name), dir.join(name)).unwrap();
    }
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/kunming-2022.json"),
        dir.join("kunming.json"),
    )
    .unwrap();
    let out = jixiao(&["batch", dir.to_str().unwrap(), "--json", "--check-claims"]);
    let rows = json(&out);
    let rows = rows["files"].as_array().unwrap();
    assert_eq!(rows.len(), 5);
    let row = |suffix: &str| {
        rows.iter()
            .find(|r| r["file"].as_str().unwrap().ends_with(suffix))
            .unwrap()
    };
    assert_eq!(row("national.xls")["total"], "92.43");
    assert_eq!(row("provincial.xlsx")["total"], "98.00");
    assert_eq!(row("picture.xlsx")["unreadable"], true);
    assert!(row("picture.xlsx")["first_error"]
        .as_str()
        .unwrap()
        .contains("工作簿"));
    // The seed's printed 84.28% and 97.47 differ from the figures.
    let claims = row("kunming.json")["claims_differ"]
        .as_array()
        .unwrap()
        .len();
    assert_eq!(claims, 2);
}

#[test]
fn bad_forms_get_one_line_and_exit_1() {
    for (name, words) in [
        ("password.xlsx", "密码"),
        ("picture.xlsx", "不是 Excel"),
        ("letter.xlsx", "没有可核对的内容"),
        ("no-table.xlsx", "找不到绩效指标表"),
        ("bomb.xlsx", "超过 64 MiB"),
    ] {
        for cmd in ["import", "score", "check"] {
            let out = jixiao(&[cmd, &form(name)]);
            assert_eq!(out.status.code(), Some(1), "{cmd} {name}");
            let err = String::from_utf8(out.stderr).unwrap();
            assert_eq!(err.trim_end().lines().count(), 1, "{cmd} {name}: {err}");
            assert!(err.contains(words), "{cmd} {name}: {err}");
            assert!(!err.contains("panicked"));
        }
    }
}
