//! Checking a Word report someone wrote, the way a reviewer does: `jixiao import`, `score`,
//! `check` and `batch` on the seed written as a `.docx` (its tables as Word tables), on the same
//! report saved again by LibreOffice, on jixiao's own reports, and on bad files
//! (`tests/reports/`, written by `scripts/make-report-fixtures.py`).
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

use serde_json::{json, Value};
use std::process::{Command, Output};

#[track_caller]
fn jixiao(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .args(args)
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[track_caller]
fn imported(file: &str) -> Value {
    let run = jixiao(&["import", file]);
    assert!(run.status.success(), "{}", stderr(&run));
    serde_json::from_str(&stdout(&run)).unwrap()
}

#[track_caller]
fn sum(doc: &Value, field: &str) -> rust_decimal::Decimal {
    doc["budget"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            l[field]
                .as_str()
                .unwrap()
                .parse::<rust_decimal::Decimal>()
                .unwrap()
        })
        .sum()
}

#[track_caller]
fn findings(file: &str) -> Vec<Value> {
    let run = jixiao(&["score", file]);
    let v: Value = serde_json::from_str(&stdout(&run)).unwrap();
    v["findings"].as_array().unwrap().clone()
}

/// The seed's report, however it was saved, reads to the seed's figures and points at its
/// wrong ones where they were printed.
#[track_caller]
fn the_seed_checks(file: &str) {
    let doc = imported(file);
    assert_eq!(sum(&doc, "planned").to_string(), "97.361");
    assert_eq!(sum(&doc, "spent").to_string(), "82.050854");
    assert_eq!(doc["budget"].as_array().unwrap().len(), 4);
    assert_eq!(doc["meta"]["unit"], "昆明市残疾人综合服务中心");
    assert_eq!(doc["meta"]["money_unit"], "万元");
    // The 10 questions' counts are the seed's.
    let seed: Value =
        serde_json::from_str(include_str!("../tests/data/kunming-2022.json")).unwrap();
    let counts = |d: &Value| -> Vec<Vec<String>> {
        d["surveys"][0]["questions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|q| {
                q["counts"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|c| c.to_string().trim_matches('"').to_string())
                    .collect()
            })
            .collect()
    };
    assert_eq!(counts(&doc), counts(&seed));
    // The weights its 分数 rows imply are the usual ones.
    let weights: Vec<&str> = doc["surveys"][0]["options"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["weight"].as_str().unwrap())
        .collect();
    assert_eq!(weights, ["100", "80", "60", "20", "0"]);

    let run = jixiao(&["score", file]);
    let v: Value = serde_json::from_str(&stdout(&run)).unwrap();
    assert_eq!(v["budget"]["execution_rate"], "84.27");
    assert_eq!(v["surveys"][0]["satisfaction"], "96.86");
    assert_eq!(v["total"], "92.00");
    assert_eq!(v["grade"], "优");
    let printed: Vec<&Value> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "printed-differs")
        .collect();
    let said = |needle: &str| -> Vec<String> {
        printed
            .iter()
            .map(|f| f["message"].as_str().unwrap().to_string())
            .filter(|m| m.contains(needle))
            .collect()
    };
    // 84.28% where it was printed: in 摘要 and in 正文, each with its sentence.
    let rate = said("84.28%");
    assert_eq!(rate.len(), 2, "{rate:?}");
    assert!(rate[0].starts_with("摘要"), "{}", rate[0]);
    assert!(
        rate[0].contains("…为预算金额的84.28%。 — 印为 84.28%，计算为 84.27%"),
        "{}",
        rate[0]
    );
    assert!(rate[1].starts_with("正文"), "{}", rate[1]);
    // The satisfaction of 97.47 (prose, and the table's own total) against 96.86.
    let satisfaction: Vec<String> = said("97.47")
        .into_iter()
        .filter(|m| m.ends_with("（满意度）"))
        .collect();
    assert!(satisfaction.len() >= 3, "{satisfaction:?}");
    assert!(satisfaction.iter().all(|m| m.contains("96.86")));
    assert!(satisfaction
        .iter()
        .any(|m| m.contains("群众满意度综合得分为97.47分")));
    // Question 10 named the weakest where question 2 is.
    let weakest = said("问题分数相对较低");
    assert_eq!(weakest.len(), 1);
    assert!(weakest[0].contains("计算为 2. 培训单位是否按课程表安排教学工作？"));
    // Every printed figure's finding carries both figures as fields, at the printed precision.
    assert!(printed
        .iter()
        .all(|f| f["printed"].is_string() && f["computed"].is_string()));
    assert!(printed
        .iter()
        .any(|f| f["printed"] == "84.28%" && f["computed"] == "84.27%"));
    // The 不满意 column repeating the 一般 column's shares (question 2: 16.67% for 1 of 114).
    assert!(printed.iter().any(|f| {
        f["path"] == "claimed/printed/40"
            || f["message"].as_str().unwrap().contains("16.67%")
                && f["message"].as_str().unwrap().contains("0.88%")
    }));
    // The cell's column is named, and the row shows every cell (the two 16.67% side by side).
    assert!(
        said("印为 16.67%，计算为 0.88%（第2题“不满意”的占比）")
            .iter()
            .any(|m| m.contains("| 16.67% | 16.67% |")),
        "{printed:?}"
    );
    // The figures that agree are not findings: 92 分, 97.361, 82.050854, 15.310146, 84.27%.
    assert!(said("84.27%。 —").is_empty());
    assert!(!printed
        .iter()
        .any(|f| f["message"].as_str().unwrap().contains("（自评得分）")));
    // check says how many of the printed figures disagree.
    let check = stdout(&jixiao(&["check", file]));
    assert!(check.contains("报告中印出的"), "{check}");
    assert!(check.contains("个与计算结果或与别处所印不符"), "{check}");
}

#[test]
fn the_seed_as_a_word_document_reads_to_its_tables_and_its_wrong_figures() {
    the_seed_checks("tests/reports/seed-2022.docx");
}

#[test]
fn the_seed_saved_again_by_libreoffice_reads_the_same() {
    the_seed_checks("tests/reports/seed-2022-libreoffice.docx");
    let a = findings("tests/reports/seed-2022.docx").len();
    let b = findings("tests/reports/seed-2022-libreoffice.docx").len();
    assert_eq!(a, b);
}

#[test]
fn jixiaos_own_reports_read_back_to_the_same_scores_and_all_agree() {
    let dir = std::env::temp_dir().join(format!("jixiao-reports-own-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for outline in ["2020", "seed"] {
        let file = dir.join(format!("own-{outline}.docx"));
        let run = jixiao(&[
            "export",
            "tests/data/kunming-2022.json",
            "--docx",
            file.to_str().unwrap(),
            "--outline",
            outline,
        ]);
        assert!(run.status.success());
        let file = file.to_str().unwrap();
        let run = jixiao(&["score", file]);
        let v: Value = serde_json::from_str(&stdout(&run)).unwrap();
        assert_eq!(v["total"], "92.00", "{outline}");
        assert_eq!(v["grade"], "优");
        assert_eq!(v["budget"]["execution_rate"], "84.27");
        assert_eq!(v["surveys"][0]["satisfaction"], "96.86");
        let differ: Vec<&Value> = v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["code"].as_str().unwrap().starts_with("printed"))
            .collect();
        assert!(differ.is_empty(), "{outline}: {differ:?}");
        let check = stdout(&jixiao(&["check", file]));
        assert!(check.contains("与计算结果全部一致"), "{check}");
    }
}

#[test]
fn a_report_without_tables_is_checked_on_its_prose_alone() {
    let run = jixiao(&["score", "tests/reports/prose-only.docx"]);
    let v: Value = serde_json::from_str(&stdout(&run)).unwrap();
    let twice: Vec<&Value> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "printed-twice")
        .collect();
    assert_eq!(twice.len(), 1, "{v:#}");
    let message = twice[0]["message"].as_str().unwrap();
    assert!(
        message.contains("85%") && message.contains("84%"),
        "{message}"
    );
    let import = jixiao(&["import", "tests/reports/prose-only.docx"]);
    assert!(
        stderr(&import).contains("没有可识别的表格"),
        "{}",
        stderr(&import)
    );
}

#[test]
fn bad_documents_get_one_clear_message() {
    for (file, says) in [
        ("tests/reports/password.docx", "密码"),
        ("tests/reports/old.doc", "另存为”.docx"),
        ("tests/reports/old-renamed.docx", "另存为”.docx"),
        ("tests/reports/bomb.docx", "超过 64 MiB"),
        ("tests/reports/deep.docx", "没有可核对的内容"),
        ("tests/forms/letter.xlsx", "没有可核对的内容"),
    ] {
        let run = jixiao(&["score", file]);
        assert_eq!(run.status.code(), Some(1), "{file}");
        let err = stderr(&run);
        assert_eq!(err.lines().count(), 1, "{file}: {err}");
        assert!(err.contains(says), "{file}: {err}");
    }
}

#[test]
fn a_damaged_document_gets_one_clear_message() {
    let dir = std::env::temp_dir().join(format!("jixiao-reports-damaged-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bytes = std::fs::read("tests/reports/seed-2022.docx").unwrap();
    for (name, cut) in [("half.docx", bytes.len() / 2), ("head.docx", 64)] {
        let file = dir.join(name);
        std::fs::write(&file, &bytes[..cut]).unwrap();
        let run = jixiao(&["check", file.to_str().unwrap()]);
        assert_eq!(run.status.code(), Some(1), "{name}");
        let err = stderr(&run);
        assert_eq!(err.lines().count(), 1, "{name}: {err}");
        assert!(
            err.contains("损坏") && !err.contains("panicked"),
            "{name}: {err}"
        );
    }
}

#[test]
fn a_table_of_100000_rows_reads_in_time() {
    let start = std::time::Instant::now();
    let doc = imported("tests/reports/rows-100k.docx");
    assert_eq!(doc["budget"].as_array().unwrap().len(), 100_000);
    // Not a timed test of speed: a guard against a hang (a quadratic reader would take hours).
    assert!(start.elapsed().as_secs() < 120);
}

#[test]
fn batch_checks_a_folder_of_reports_and_workbooks_into_a_summary_workbook() {
    let dir = std::env::temp_dir().join(format!("jixiao-reports-batch-{}", std::process::id()));
    let inputs = dir.join("in");
    std::fs::create_dir_all(&inputs).unwrap();
    for (from, to) in [
        ("tests/reports/seed-2022.docx", "seed.docx"),
        ("tests/reports/prose-only.docx", "prose.docx"),
        ("tests/forms/national.xlsx", "national.xlsx"),
        ("tests/data/kunming-2022.json", "kunming.json"),
    ] {
        std::fs::copy(from, inputs.join(to)).unwrap();
    }
    let summary = dir.join("summary.xlsx");
    let run = jixiao(&[
        "batch",
        inputs.to_str().unwrap(),
        "--check-claims",
        "--out",
        summary.to_str().unwrap(),
    ]);
    assert_eq!(run.status.code(), Some(1), "{}", stderr(&run));
    // Read by openpyxl: one row per file, the most differing figures first.
    let script = r#"
import json, sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1]).active
print(json.dumps([[c for c in r] for r in ws.iter_rows(values_only=True)], ensure_ascii=False, default=str))
"#;
    let out = Command::new("python3")
        .args(["-c", script])
        .arg(&summary)
        .output()
        .expect("python3 with openpyxl (scripts/install-tools installs it)");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rows: Vec<Vec<Value>> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(rows.len(), 5, "header and four files");
    assert_eq!(rows[0][12], "与报告不符");
    assert!(
        rows[1][0].as_str().unwrap().ends_with("seed.docx"),
        "{:?}",
        rows[1]
    );
    let differing: Vec<i64> = rows[1..]
        .iter()
        .map(|r| {
            r[13]
                .as_str()
                .map_or_else(|| r[13].as_i64().unwrap(), |s| s.parse().unwrap())
        })
        .collect();
    assert!(differing.windows(2).all(|w| w[0] >= w[1]), "{differing:?}");
    assert!(rows[1][12].as_str().unwrap().contains("84.28%"));
    // And as CSV, the same rows.
    let run = jixiao(&["batch", inputs.to_str().unwrap(), "--check-claims"]);
    let csv = stdout(&run);
    assert_eq!(csv.lines().count(), 5);
    assert!(csv.contains("…为预算金额的84.28%。"));
}

/// What the score depends on, as `score` prints it.
fn figures(v: &Value) -> Value {
    json!({
        "total": v["total"],
        "grade": v["grade"],
        "execution_rate": v["budget"]["execution_rate"],
        "arrival_rate": v["budget"]["arrival_rate"],
        "satisfaction": v["surveys"].as_array().map(|s| s.iter().map(|s| s["satisfaction"].clone()).collect::<Vec<_>>()),
    })
}

/// A document scored by the share of satisfied answers (`method: share`), whose 到位 amounts are
/// below the planned ones.
fn shared_and_short() -> Value {
    json!({
        "format": "jixiao/1",
        "meta": {"title": "社区服务项目", "unit": "某中心", "year": "2026", "money_unit": "万元"},
        "budget": [
            {"id": "b1", "name": "服务费", "planned": "80", "received": "70", "spent": "65"},
            {"id": "b2", "name": "宣传费", "planned": "20", "received": "15", "spent": "12"}
        ],
        "surveys": [{"id": "s1", "name": "服务对象满意度调查", "method": "share", "satisfied_options": "2",
            "options": [{"label": "非常满意", "weight": "100"}, {"label": "满意", "weight": "80"},
                        {"label": "一般", "weight": "60"}, {"label": "不满意", "weight": "20"},
                        {"label": "很不满意", "weight": "0"}],
            "questions": [
                {"id": "q1", "text": "服务是否及时？", "counts": [20, 13, 5, 2, 0]},
                {"id": "q2", "text": "态度是否热情？", "counts": [25, 9, 4, 1, 1]}]}],
        "indicators": [
            {"id": "A", "name": "产出指标", "children": [
                {"id": "A1", "name": "服务人次", "points": "40", "unit": "人次",
                 "rule": {"kind": "at_least", "target": "1000", "actual": "900"}, "reason": "人手不足"}]},
            {"id": "B", "name": "预算执行", "children": [
                {"id": "B1", "name": "预算执行率", "points": "10", "rule": {"kind": "budget_execution"}, "reason": "结余"},
                {"id": "B2", "name": "资金到位率", "points": "10", "rule": {"kind": "fund_arrival"}, "reason": "未到位"}]},
            {"id": "C", "name": "满意度指标", "children": [
                {"id": "C1", "name": "服务对象满意度", "points": "40",
                 "rule": {"kind": "satisfaction", "survey": "s1", "target": "90"}, "reason": "待改进"}]}
        ]
    })
}

#[test]
fn every_example_and_fixture_exported_to_word_reads_back_to_the_same_score() {
    let dir = std::env::temp_dir().join(format!("jixiao-reports-trip-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut docs: Vec<(String, std::path::PathBuf)> = Vec::new();
    for folder in ["tests/data", "core/tests/examples"] {
        for e in std::fs::read_dir(folder).unwrap() {
            let p = e.unwrap().path();
            let name = p.to_string_lossy().to_string();
            if name.ends_with(".json") && !name.ends_with(".results.json") {
                docs.push((name, p));
            }
        }
    }
    // The forms and monitoring forms, as the documents they read into.
    for form in [
        "tests/forms/national.xlsx",
        "tests/forms/provincial.xlsx",
        "tests/forms/total-only.xlsx",
        "tests/monitoring/central.xlsx",
        "tests/monitoring/provincial.xlsx",
    ] {
        let out = jixiao(&["import", form]);
        assert!(out.status.success(), "{form}");
        let file = dir.join(format!("{}.json", form.replace('/', "_")));
        std::fs::write(&file, &out.stdout).unwrap();
        docs.push((form.to_string(), file));
    }
    let shared = dir.join("shared.json");
    std::fs::write(&shared, shared_and_short().to_string()).unwrap();
    docs.push(("share method, 到位 below planned".into(), shared));
    let mut failures = Vec::new();
    for (name, file) in &docs {
        let mut own = figures(
            &serde_json::from_str(&stdout(&jixiao(&["score", file.to_str().unwrap()]))).unwrap(),
        );
        // A survey with errors has no satisfaction; its report prints the counts as they stand,
        // which read back as a survey of their own. Everything else must agree.
        let broken = name.ends_with("errors.json");
        for outline in ["2020", "seed"] {
            let docx = dir.join(format!(
                "trip-{}-{outline}.docx",
                failures.len() + docs.len()
            ));
            let run = jixiao(&[
                "export",
                file.to_str().unwrap(),
                "--docx",
                docx.to_str().unwrap(),
                "--outline",
                outline,
            ]);
            assert!(
                run.status.code().is_some_and(|c| c <= 1),
                "{name}: {}",
                stderr(&run)
            );
            let back: Value =
                serde_json::from_str(&stdout(&jixiao(&["score", docx.to_str().unwrap()]))).unwrap();
            let mut back = figures(&back);
            if broken {
                own["satisfaction"] = Value::Null;
                back["satisfaction"] = Value::Null;
            }
            if back != own {
                failures.push(format!("{name} ({outline}): {own} → {back}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_report_that_does_not_say_its_survey_is_scored_by_share_is_read_so_from_its_figures() {
    let dir = std::env::temp_dir().join(format!("jixiao-reports-share-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("shared.json");
    std::fs::write(&file, shared_and_short().to_string()).unwrap();
    let docx = dir.join("shared.docx");
    let run = jixiao(&[
        "export",
        file.to_str().unwrap(),
        "--docx",
        docx.to_str().unwrap(),
    ]);
    assert!(run.status.code().is_some_and(|c| c <= 1));
    // The report says how its survey is scored, under its table, and prints the 到位 column.
    let said = Command::new("python3")
        .args([
            "-c",
            "import docx,sys\nd=docx.Document(sys.argv[1])\nprint('\\n'.join(p.text for p in d.paragraphs))\nprint('\\n'.join(c.text for t in d.tables for c in t.rows[0].cells))",
        ])
        .arg(&docx)
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&said.stdout).to_string();
    assert!(
        said.contains("注：满意度按满意率计算，即回答“非常满意”“满意”的人数占答卷人数的比例。"),
        "{said}"
    );
    assert!(said.contains("到位金额"), "{said}");
    // The same report as someone else might have written it: no word about the method.
    let bare = dir.join("bare.docx");
    let edit = Command::new("python3")
        .args([
            "-c",
            "import docx,sys\nd=docx.Document(sys.argv[1])\nfor p in list(d.paragraphs):\n    if '满意率' in p.text:\n        p._element.getparent().remove(p._element)\nd.save(sys.argv[2])",
        ])
        .arg(&docx)
        .arg(&bare)
        .output()
        .unwrap();
    assert!(
        edit.status.success(),
        "{}",
        String::from_utf8_lossy(&edit.stderr)
    );
    let own: Value =
        serde_json::from_str(&stdout(&jixiao(&["score", file.to_str().unwrap()]))).unwrap();
    let back: Value =
        serde_json::from_str(&stdout(&jixiao(&["score", bare.to_str().unwrap()]))).unwrap();
    assert_eq!(figures(&own), figures(&back));
    let import = jixiao(&["import", bare.to_str().unwrap()]);
    assert!(
        stderr(&import).contains("已按满意率计算"),
        "{}",
        stderr(&import)
    );
    let read: Value = serde_json::from_slice(&import.stdout).unwrap();
    assert_eq!(read["surveys"][0]["method"], "share");
    assert_eq!(read["surveys"][0]["name"], "服务对象满意度调查");
}
