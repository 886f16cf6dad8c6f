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

/// What a Python `script` using openpyxl prints as JSON about `xlsx` (its `sys.argv[1]`).
#[track_caller]
fn openpyxl(script: &str, xlsx: &std::path::Path) -> Value {
    let py = Command::new("python3")
        .args(["-c", script])
        .arg(xlsx)
        .output()
        .unwrap();
    assert!(
        py.status.success(),
        "{}",
        String::from_utf8_lossy(&py.stderr)
    );
    serde_json::from_slice(&py.stdout).unwrap()
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

/// `import FILE` of a 申报表 into a new document, as JSON.
fn import(form: &str) -> Value {
    let out = temp(&format!("{}.json", form.replace('/', "_")));
    let run = jixiao(&["import", form, "-o", out.to_str().unwrap()]);
    assert!(
        run.status.success(),
        "{form}: {}",
        String::from_utf8_lossy(&run.stderr)
    );
    serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap()
}

/// The codes of `jixiao review FILE --json`, in order.
fn review_codes(doc: &Value) -> Vec<String> {
    let file = temp("reviewed.json");
    std::fs::write(&file, doc.to_string()).unwrap();
    let run = jixiao(&["review", file.to_str().unwrap(), "--json"]);
    let v: Value = serde_json::from_slice(&run.stdout).unwrap();
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn each_fixture_form_reads_with_its_money_unit_its_declaration_and_its_review() {
    for (form, unit, leaves, codes) in [
        (
            "tests/targets/national.xlsx",
            "万元",
            11,
            &["operator-assumed"][..],
        ),
        ("tests/targets/provincial.xlsx", "元", 8, &[][..]),
        (
            "tests/targets/flawed.xlsx",
            "万元",
            7,
            &[
                "missing-annual-goal",
                "funds-total-mismatch",
                "annual-funds-mismatch",
                "annual-over-total",
                "rate-over-100",
                "target-placeholder",
                "vague-deadline",
                "cost-lower-bound",
                "vague-target",
            ][..],
        ),
    ] {
        let doc = import(form);
        assert_eq!(doc["meta"]["money_unit"], unit, "{form}");
        let all = leaves_of(&doc);
        assert_eq!(all.len(), leaves, "{form}: {all:?}");
        // The lines under the table are signatures, not indicators.
        for (_, name) in &all {
            for footer in ["填报人", "联系电话", "填报日期", "审核人", "注："] {
                assert!(!name.contains(footer), "{form}: {name}");
            }
        }
        assert_eq!(doc["meta"]["date"], "2025-10-20", "{form}: 填报日期");
        let declared = doc["declared"]["targets"].as_object().unwrap();
        assert_eq!(declared.len(), leaves, "{form}");
        assert_eq!(doc["declared"]["date"], "2025-10-20", "{form}");
        let mut found = review_codes(&doc);
        found.sort();
        let mut want: Vec<String> = codes.iter().map(|c| c.to_string()).collect();
        want.sort();
        assert_eq!(found, want, "{form}");
    }
    // As each layout writes it: one 年度指标值 column, or 性质 + 指标值 + 单位.
    let national = import("tests/targets/national.xlsx");
    let written: Vec<&str> = national["declared"]["targets"]
        .as_object()
        .unwrap()
        .values()
        .map(|t| t["written"].as_str().unwrap())
        .collect();
    for w in ["=100.00(%)", "≥95.00(%)", "985米", "合理", "健全"] {
        assert!(written.contains(&w), "{w} in {written:?}");
    }
    assert_eq!(national["funds"]["total"], "120");
    let provincial = import("tests/targets/provincial.xlsx");
    let road = &provincial["declared"]["targets"]["1.1.1"];
    assert_eq!(
        (
            &road["written"],
            &road["kind"],
            &road["target"],
            &road["unit"]
        ),
        (
            &Value::from("≥1200公里"),
            &Value::from("at_least"),
            &Value::from("1200"),
            &Value::from("公里")
        )
    );
    assert_eq!(provincial["funds"]["total"], "10200000");
    assert_eq!(provincial["meta"]["start"], "2026-01-01");
    assert_eq!(provincial["meta"]["end"], "2026-12-31");
}

/// Every leaf of a document as (id, name).
fn leaves_of(doc: &Value) -> Vec<(String, String)> {
    leaves(doc)
        .into_iter()
        .map(|(id, ..)| id)
        .zip(names(&doc["indicators"]))
        .collect()
}

fn names(nodes: &Value) -> Vec<String> {
    let mut out = Vec::new();
    for n in nodes.as_array().unwrap() {
        match n.get("children") {
            Some(c) => out.extend(names(c)),
            None => out.push(n["name"].as_str().unwrap().to_string()),
        }
    }
    out
}

#[test]
fn the_kunming_targets_workbook_reads_back_with_openpyxl_and_as_its_own_declaration() {
    let xlsx = temp("kunming-targets.xlsx");
    let run = jixiao(&[
        "export",
        "tests/data/kunming-2022.json",
        "--targets-xlsx",
        xlsx.to_str().unwrap(),
    ]);
    assert!(
        run.status.code().is_some_and(|c| c <= 1),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let script = r#"
import json, sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1]).active
cells = [str(c.value) for r in ws.iter_rows() for c in r if c.value is not None]
merged = [str(m) for m in ws.merged_cells.ranges]
print(json.dumps({"title": ws.title, "cells": cells, "merged": merged, "landscape": ws.page_setup.orientation}, ensure_ascii=False))
"#;
    let sheet = openpyxl(script, &xlsx);
    let cells: Vec<&str> = sheet["cells"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    for title in [
        "项目支出绩效目标申报表",
        "项目名称",
        "实施单位",
        "项目资金总额",
        "年度资金申请总额",
        "项目总体目标",
        "年度总体目标",
        "一级指标",
        "二级指标",
        "三级指标",
        "指标性质",
        "指标值",
        "计量单位",
        "分值",
        "产出指标",
        "参加残疾人职业技能培训的残疾人数",
        "≥",
        "人次",
    ] {
        assert!(cells.contains(&title), "{title} in {cells:?}");
    }
    // 预算执行率 is the self-evaluation's, not a declared target.
    assert!(!cells.iter().any(|c| c.contains("预算执行率")), "{cells:?}");
    // 一级 merged down its rows: 产出指标 spans more than one row.
    assert!(
        sheet["merged"]
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m.as_str().unwrap().starts_with('A')
                && !m.as_str().unwrap().ends_with(&m.as_str().unwrap()[1..2])),
        "{}",
        sheet["merged"]
    );
    assert_eq!(sheet["landscape"], "landscape");

    // Read back into a new document: every declared target of the table, as Kunming holds it.
    let read = import(xlsx.to_str().unwrap());
    let declared = read["declared"]["targets"].as_object().unwrap();
    assert_eq!(declared.len(), 13, "{declared:?}");
    let by_name = |name: &str| {
        declared
            .values()
            .find(|t| t["name"] == name)
            .unwrap_or_else(|| panic!("{name} in {declared:?}"))
            .clone()
    };
    let trainees = by_name("参加残疾人职业技能培训的残疾人数");
    assert_eq!(
        (&trainees["kind"], &trainees["target"], &trainees["unit"]),
        (
            &Value::from("at_least"),
            &Value::from("60"),
            &Value::from("人次")
        )
    );
    assert_eq!(trainees["points"], "4");

    // Recorded into Kunming itself: nothing changed since, the declared score is its own.
    let into = temp("kunming-declared.json");
    let run = jixiao(&[
        "import",
        xlsx.to_str().unwrap(),
        "--into",
        "tests/data/kunming-2022.json",
        "-o",
        into.to_str().unwrap(),
    ]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(
        String::from_utf8_lossy(&run.stderr).contains("申报表的 13 个指标已记录为申报目标"),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let score = |file: &std::path::Path| -> Value {
        serde_json::from_slice(&jixiao(&["score", file.to_str().unwrap()]).stdout).unwrap()
    };
    let s = score(&into);
    assert_eq!(s["total"], "92.00");
    assert_eq!(s["declared"]["total"], "92.00", "{}", s["declared"]);
    assert_eq!(s["declared"]["changed"], 0);

    // Then the trainees' target lowered from 60 to 50 and the 竞赛人数 raised past the actual:
    // a finding names both values, and the declared score differs by what that leaf lost.
    let mut doc: Value = serde_json::from_str(&std::fs::read_to_string(&into).unwrap()).unwrap();
    let text = doc["indicators"]
        .to_string()
        .replacen(r#""target":"50""#, r#""target":"80""#, 1);
    doc["indicators"] = serde_json::from_str(&text).unwrap();
    let raised = temp("kunming-raised.json");
    std::fs::write(&raised, doc.to_string()).unwrap();
    let s = score(&raised);
    let changed: Vec<&Value> = s["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "target-changed-since-declared")
        .collect();
    assert_eq!(changed.len(), 1, "{changed:?}");
    let zh = changed[0]["message_zh"].as_str().unwrap();
    assert!(
        zh.contains("申报为 ≥50人") && zh.contains("现为 ≥80人"),
        "{zh}"
    );
    assert_ne!(s["total"], s["declared"]["total"]);
    assert_eq!(s["declared"]["total"], "92.00");
    assert_eq!(s["declared"]["changed"], 1);
}

#[test]
fn libreoffice_calc_lays_the_targets_workbook_out_on_one_landscape_page() {
    if Command::new("soffice").arg("--version").output().is_err() {
        eprintln!("LibreOffice is not installed here (scripts/install-tools installs it): skipped");
        return;
    }
    let xlsx = temp("calc-targets.xlsx");
    jixiao(&[
        "export",
        "tests/data/kunming-2022.json",
        "--targets-xlsx",
        xlsx.to_str().unwrap(),
    ]);
    let dir = xlsx.parent().unwrap();
    let profile = format!(
        "-env:UserInstallation=file://{}",
        dir.join("lo-profile").display()
    );
    let run = Command::new("soffice")
        .args([&profile, "--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir)
        .arg(&xlsx)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let pdf = dir.join("calc-targets.pdf");
    let info = Command::new("pdfinfo").arg(&pdf).output().unwrap();
    let info = String::from_utf8_lossy(&info.stdout).to_string();
    assert!(info.contains("Pages:"), "{info}");
    let text = Command::new("pdftotext")
        .args(["-layout"])
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout).replace(char::is_whitespace, "");
    for figure in [
        "项目支出绩效目标申报表",
        "昆明市残疾人综合服务中心",
        "参加残疾人职业技能培训的残疾人数",
        "年度总体目标",
    ] {
        assert!(text.contains(figure), "{figure} in {text}");
    }
}

#[test]
fn batch_review_lists_each_file_with_its_counts_most_errors_first() {
    let dir = temp("batch-review");
    std::fs::create_dir_all(&dir).unwrap();
    for f in ["national", "provincial", "flawed"] {
        std::fs::copy(
            format!("tests/targets/{f}.xlsx"),
            dir.join(format!("{f}.xlsx")),
        )
        .unwrap();
    }
    std::fs::write(dir.join("broken.json"), "{not json").unwrap();
    let run = jixiao(&["batch", dir.to_str().unwrap(), "--review", "--json"]);
    assert_eq!(run.status.code(), Some(1), "errors found");
    let v: Value = serde_json::from_slice(&run.stdout).unwrap();
    let rows: Vec<(String, u64, u64)> = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let file = r["file"].as_str().unwrap();
            (
                file.rsplit('/').next().unwrap().to_string(),
                r["errors"].as_u64().unwrap(),
                r["warnings"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("flawed.xlsx".to_string(), 6, 3),
            ("broken.json".to_string(), 1, 0),
            ("national.xlsx".to_string(), 0, 0),
            ("provincial.xlsx".to_string(), 0, 0),
        ]
    );
    let first = v["files"][0]["first_findings"].as_array().unwrap();
    assert_eq!(first.len(), 3);
    assert!(
        first[1]
            .as_str()
            .unwrap()
            .contains("项目资金总额 120 不等于财政资金与其他资金之和 110"),
        "{first:?}"
    );
    assert!(v["files"][1]["unreadable"].as_bool().unwrap());
    assert_eq!(v["summary"]["with_errors"], 1);
    assert_eq!(v["summary"]["clean"], 2);
    let said = String::from_utf8_lossy(&run.stderr);
    assert!(said.contains("有错误需退回修改的 1 个"), "{said}");

    // The workbook a reviewer opens: openpyxl reads the rows in the same order.
    let xlsx = temp("review-summary.xlsx");
    let run = jixiao(&[
        "batch",
        dir.to_str().unwrap(),
        "--review",
        "--out",
        xlsx.to_str().unwrap(),
    ]);
    assert_eq!(run.status.code(), Some(1));
    let table = openpyxl(
        "import sys, json, openpyxl\nws = openpyxl.load_workbook(sys.argv[1]).active\nprint(json.dumps([[c for c in r] for r in ws.iter_rows(values_only=True)], ensure_ascii=False, default=str))",
        &xlsx,
    );
    assert_eq!(table[0][4], "错误数");
    assert_eq!(table[0][6], "主要审核意见");
    assert!(table[1][0].as_str().unwrap().ends_with("flawed.xlsx"));
    assert_eq!(table[1][4], 6);
    assert_eq!(
        table[1][6].as_str().unwrap().lines().count(),
        3,
        "{}",
        table[1][6]
    );
    assert_eq!(table[3][4], 0);
}
