//! `jixiao batch` over a folder of good, bad and claim-mismatched files: every row, the summary,
//! the exit code.
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
use std::path::PathBuf;
use std::process::Command;

const KUNMING: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/kunming-2022.json");

#[track_caller]
fn folder() -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "jixiao-batch-{}-{:?}",
        std::process::id(),
        std::thread::current().id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("县区")).unwrap();
    let kunming = std::fs::read_to_string(KUNMING).unwrap();
    // Claims that agree with the figures.
    let honest = kunming
        .replace(
            "\"execution_rate\": \"84.28\"",
            "\"execution_rate\": \"84.27\"",
        )
        .replace("\"satisfaction\": \"97.47\"", "\"satisfaction\": \"96.86\"");
    std::fs::write(dir.join("a-honest.json"), honest).unwrap();
    std::fs::write(dir.join("b-seed-claims.json"), &kunming).unwrap();
    std::fs::write(
        dir.join("县区/c-broken.json"),
        "{\"format\": \"jixiao/1\", ",
    )
    .unwrap();
    let with_error = kunming.replace("[94, 0, 19, 1, 0]", "[94, 0, -19, 1, 0]");
    std::fs::write(dir.join("县区/d-error.json"), with_error).unwrap();
    std::fs::write(dir.join("notes.txt"), "not a jixiao file").unwrap();
    dir
}

#[track_caller]
fn batch(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .arg("batch")
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn every_file_is_a_row_and_a_bad_one_does_not_stop_the_run() {
    let dir = folder();
    let out = batch(&[dir.to_str().unwrap(), "--json", "--check-claims"]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "errors and claim mismatches make exit 1"
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let rows = v["files"].as_array().unwrap();
    assert_eq!(rows.len(), 4, "notes.txt is not a .json file");
    let row = |name: &str| {
        rows.iter()
            .find(|r| r["file"].as_str().unwrap().ends_with(name))
            .unwrap()
    };
    let honest = row("a-honest.json");
    assert_eq!(
        (honest["total"].as_str(), honest["grade"].as_str()),
        (Some("92.00"), Some("优"))
    );
    assert_eq!(honest["execution_rate"], "84.27");
    assert_eq!(honest["satisfaction"], "96.86");
    assert_eq!(
        honest["title"],
        "2022年残疾人职业技能培训及就业服务经费项目"
    );
    assert_eq!(honest["unit"], "昆明市残疾人综合服务中心");
    assert_eq!(honest["year"], "2022");
    assert_eq!(honest["errors"], 0);
    assert_eq!(honest["claims_differ"], serde_json::json!([]));
    let seed = row("b-seed-claims.json");
    let claims: Vec<&str> = seed["claims_differ"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    assert_eq!(
        claims,
        [
            "execution_rate: 84.28 ≠ 84.27",
            "satisfaction: 97.47 ≠ 96.86"
        ]
    );
    let broken = row("c-broken.json");
    assert_eq!(broken["unreadable"], true);
    assert!(broken["first_error"].as_str().unwrap().contains("JSON"));
    assert_eq!(broken["total"], Value::Null);
    let error = row("d-error.json");
    assert_eq!(
        error["errors"], 2,
        "the count and the satisfaction leaf that relies on it"
    );
    assert!(error["first_error"]
        .as_str()
        .unwrap()
        .starts_with("surveys/s1/questions/q2/counts/2"));
    let s = &v["summary"];
    assert_eq!(
        (
            s["files"].as_u64(),
            s["scored"].as_u64(),
            s["unreadable"].as_u64()
        ),
        (Some(4), Some(3), Some(1))
    );
    assert_eq!(s["with_errors"], 2);
    assert_eq!(
        s["claims_differ"], 2,
        "the seed claims and the file with an error (a copy of it)"
    );
    assert_eq!(s["grades"]["优"], 2);
    assert_eq!(
        s["grades"]["良"], 1,
        "the file with an error loses the satisfaction leaf"
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("共 4 个文件") && stderr.contains("与报告所写不符的文件 2 个"),
        "{stderr}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn csv_summary_with_bom_to_a_file() {
    let dir = folder();
    let out_file = dir.join("summary.csv");
    let out = batch(&[
        dir.join("a-honest.json").to_str().unwrap(),
        dir.join("县区").to_str().unwrap(),
        "--out",
        out_file.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let text = std::fs::read_to_string(&out_file).unwrap();
    assert!(text.starts_with("\u{feff}文件,项目名称,单位,年度,总分,得分率,等级,预算执行率,满意度,错误数,警告数,首个错误,与报告不符"));
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 4);
    assert!(lines[1].contains(",92.00,92.00,优,84.27,96.86,0,"));
    assert!(lines
        .iter()
        .any(|l| l.contains("c-broken.json") && l.contains("不是有效的 JSON")));
    let out = batch(&[
        dir.join("a-honest.json").to_str().unwrap(),
        "--check-claims",
    ]);
    assert_eq!(out.status.code(), Some(0), "an honest clean file exits 0");
    std::fs::remove_dir_all(&dir).unwrap();
}
