//! The year's first document on the command line: `review` (绩效目标审核), `plan` (the next
//! year), the 申报表 written and read, and batch review.
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
use std::process::{Command, Output};

fn jixiao(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .args(args)
        .output()
        .unwrap()
}

fn temp(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("jixiao-targets-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

/// Every leaf of a document's tree, as (id, points, rule), in order.
fn leaves(doc: &Value) -> Vec<(String, Value, Value)> {
    fn walk(nodes: &Value, out: &mut Vec<(String, Value, Value)>) {
        for n in nodes.as_array().unwrap() {
            match n.get("children") {
                Some(children) => walk(children, out),
                None => out.push((
                    n["id"].as_str().unwrap().to_string(),
                    n["points"].clone(),
                    n["rule"].clone(),
                )),
            }
        }
    }
    let mut out = Vec::new();
    walk(&doc["indicators"], &mut out);
    out
}

#[test]
fn the_next_year_keeps_the_tree_points_and_targets_and_clears_what_happened() {
    let out = temp("kunming-2023.json");
    let run = jixiao(&[
        "plan",
        "tests/data/kunming-2022.json",
        "--year",
        "2023",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let this: Value =
        serde_json::from_str(&std::fs::read_to_string("tests/data/kunming-2022.json").unwrap())
            .unwrap();
    let next: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(next["meta"]["year"], "2023");
    let (before, after) = (leaves(&this), leaves(&next));
    assert_eq!(before.len(), after.len());
    for ((id, points, rule), (id2, points2, rule2)) in before.iter().zip(&after) {
        assert_eq!(id, id2);
        assert_eq!(points, points2, "{id}");
        assert_eq!(rule["kind"], rule2["kind"], "{id}");
        if rule["kind"] == "deadline" {
            // A deadline moves on with the year.
            let moved = rule["target"].as_str().unwrap().replacen("2022", "2023", 1);
            assert_eq!(rule2["target"], moved.as_str(), "{id}");
        } else {
            assert_eq!(rule["target"], rule2["target"], "{id}");
        }
        for cleared in ["actual", "tier", "fraction", "score"] {
            assert!(
                rule2.get(cleared).is_none_or(|v| v == ""),
                "{id}.{cleared}: {rule2}"
            );
        }
    }
    for q in next["surveys"][0]["questions"].as_array().unwrap() {
        assert!(
            q["counts"]
                .as_array()
                .unwrap()
                .iter()
                .all(|c| c == 0 || c == "0"),
            "{q}"
        );
    }
    assert!(next.get("claimed").is_none() && next.get("monitoring").is_none());
    assert!(next["budget"]
        .as_array()
        .unwrap()
        .iter()
        .all(|l| l["planned"] != "" && l.get("spent").is_none_or(|s| s == "")));
    // The targets worth reconsidering: the over-achieved ones with the actual as a suggestion.
    let said = String::from_utf8_lossy(&run.stderr);
    assert!(
        said.contains(
            "“参加残疾人职业技能培训的残疾人数”实际完成 114人次，为年度指标值 60人次 的 190.00%"
        ),
        "{said}"
    );
    assert!(said.contains("目标设定偏低"), "{said}");
    assert!(said.contains("预算执行率 84.27% 低于 90%"), "{said}");
}

#[test]
fn review_prints_the_findings_and_as_json_as_score_does() {
    let doc = temp("standard.json");
    std::fs::write(&doc, jixiao(&["template", "standard"]).stdout).unwrap();
    let text = jixiao(&["review", doc.to_str().unwrap()]);
    assert_eq!(
        text.status.code(),
        Some(1),
        "errors: the header is not written"
    );
    let text = String::from_utf8_lossy(&text.stdout).to_string();
    assert!(text.contains("绩效目标审核：错误"), "{text}");
    assert!(text.contains("[missing-department]"), "{text}");
    let json = jixiao(&["review", doc.to_str().unwrap(), "--json"]);
    let v: Value = serde_json::from_slice(&json.stdout).unwrap();
    assert!(v["errors"].as_u64().unwrap() > 0);
    let f = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "missing-department")
        .unwrap();
    assert_eq!(f["path"], "meta/department");
    assert_eq!(f["level"], "error");
    assert!(f["message_en"].as_str().unwrap().contains("department"));
}
