//! `jixiao monitor`: MONITORING.md's rules one line per case, through the command line as a
//! user runs it (time progress, every band boundary, every category and rule kind, values not
//! reported), the findings of a round, the forecast, and rounds kept on a JSON round trip.
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
use std::process::Command;

#[track_caller]
fn jixiao(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .args(args)
        .output()
        .unwrap()
}

fn leaf(id: &str, rule: Value) -> Value {
    json!({"id": id, "name": id, "points": "10", "rule": rule})
}

/// A 2026 document monitored on 31 July (t = 7/12): targets of 120 prorate to 70.
fn document(reports: Value) -> Value {
    json!({
        "format": "jixiao/1",
        "meta": {"title": "监控", "year": 2026},
        "budget": [{"id": "b1", "name": "经费", "planned": "120", "spent": "100"}],
        "surveys": [{"id": "s1", "name": "调查", "options": [{"label": "满意", "weight": "100"}, {"label": "不满意", "weight": "0"}],
                     "questions": [{"id": "q1", "text": "?", "counts": [9, 1]}]}],
        "indicators": [
            {"id": "Q", "name": "数量指标", "children": [
                leaf("q_red", json!({"kind": "at_least", "target": "120", "actual": "120"})),
                leaf("q_60", json!({"kind": "at_least", "target": "120", "actual": "120"})),
                leaf("q_80", json!({"kind": "at_least", "target": "120", "actual": "120"})),
                leaf("q_120", json!({"kind": "at_least", "target": "120", "actual": "120"})),
                leaf("q_below_120", json!({"kind": "at_least", "target": "120", "actual": "120"})),
                leaf("q_equal", json!({"kind": "equal", "target": "120", "actual": "120"})),
                leaf("q_equal0", json!({"kind": "equal", "target": "0", "tolerance": "1", "actual": "0"})),
                leaf("q_most", json!({"kind": "at_most", "target": "10", "actual": "5"})),
                leaf("q_empty", json!({"kind": "at_least", "target": "120", "actual": "120"})),
                leaf("q_missing", json!({"kind": "at_least", "target": "120", "actual": "120"})),
                {"id": "q_na", "name": "q_na", "points": "10", "applicable": false, "rule": {"kind": "at_least", "target": "120"}},
            ]},
            {"id": "P", "name": "产出指标", "children": [
                {"id": "QL", "name": "质量指标", "children": [
                    leaf("ql_ok", json!({"kind": "at_least", "target": "90", "actual": "95"})),
                    leaf("ql_low", json!({"kind": "at_least", "target": "90", "actual": "95"})),
                ]},
                {"id": "T", "name": "时效指标", "children": [
                    leaf("t_done", json!({"kind": "deadline", "target": "2026-11-30", "actual": "2026-08-01"})),
                    leaf("t_late", json!({"kind": "deadline", "target": "2026-06-30", "actual": "2026-08-01"})),
                    leaf("t_due", json!({"kind": "deadline", "target": "2026-11-30", "actual": "2026-08-01"})),
                    leaf("t_past", json!({"kind": "deadline", "target": "2026-06-30", "actual": "2026-08-01"})),
                ]},
                {"id": "C", "name": "成本指标", "children": [
                    leaf("c_over", json!({"kind": "at_most", "target": "50", "actual": "40"})),
                ]},
            ]},
            {"id": "E", "name": "社会效益指标", "children": [
                leaf("e_q", json!({"kind": "qualitative", "tier": "achieved"})),
                leaf("e_p", json!({"kind": "qualitative", "tier": "achieved"})),
                leaf("e_m", json!({"kind": "qualitative", "tier": "achieved"})),
            ]},
            {"id": "S", "name": "满意度指标", "children": [
                leaf("s_sat", json!({"kind": "satisfaction", "survey": "s1", "target": "95"})),
            ]},
            {"id": "M", "name": "项目管理", "children": [
                leaf("m_exec", json!({"kind": "budget_execution"})),
                leaf("m_manual", json!({"kind": "manual", "score": "8"})),
            ]},
        ],
        "monitoring": [{"as_of": "2026-07-31", "budget": {"b1": {"spent": "35"}}, "indicators": reports}],
    })
}

fn reports() -> Value {
    json!({
        // 70 is the standard: 41.99 is under 60%, 42 is 60% exactly, 56 is 80%, 84 is 120%.
        "q_red": {"value": "41.99", "reason": "进度慢"},
        "q_60": {"value": "42", "causes": ["funding"]},
        "q_80": {"value": "56"},
        "q_120": {"value": "84"},
        "q_below_120": {"value": "83.99"},
        "q_equal": {"value": "70"},
        "q_equal0": {"value": "0.5"},
        "q_most": {"value": "11"},
        "q_empty": {"value": ""},
        "q_na": {"value": "80"},
        "ql_ok": {"value": "90"},
        "ql_low": {"value": "89.99"},
        "t_done": {"value": "2026-07-01"},
        "t_late": {"value": "2026-07-01"},
        "t_due": {},
        "t_past": {},
        "c_over": {"value": "50.01"},
        "e_q": {"tier": "achieved"},
        "e_p": {"tier": "partial"},
        "e_m": {"tier": "missed", "likelihood": "impossible"},
        "s_sat": {},
        "m_manual": {"value": "8"},
    })
}

#[track_caller]
fn monitor(doc: &Value, extra: &[&str]) -> Value {
    let dir = std::env::temp_dir().join(format!("jixiao-monitor-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // Tests run side by side: each document gets a file of its own.
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let file = dir.join(format!("doc-{n}.json"));
    std::fs::write(&file, doc.to_string()).unwrap();
    let mut args = vec!["monitor", file.to_str().unwrap()];
    args.extend_from_slice(extra);
    let out = jixiao(&args);
    assert!(
        out.status.code().is_some_and(|c| c <= 1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn the_rules_table_one_line_per_case() {
    let out = monitor(&document(reports()), &[]);
    assert_eq!(out["as_of"], "2026-07-31");
    assert_eq!(out["time_progress"], "58.33");
    let light = |id: &str| {
        out["indicators"]
            .as_array()
            .unwrap()
            .iter()
            .find(|l| l["id"] == id)
            .unwrap_or_else(|| panic!("{id}"))["light"]
            .clone()
    };
    for (id, expected) in [
        ("q_red", json!("red")),
        ("q_60", json!("yellow")),
        ("q_80", json!("green")),
        ("q_120", json!("blue")),
        ("q_below_120", json!("green")),
        ("q_equal", json!("green")),
        ("q_equal0", json!("green")),
        ("q_most", json!("red")),
        ("q_empty", Value::Null),
        ("q_missing", Value::Null),
        ("q_na", Value::Null),
        ("ql_ok", json!("green")),
        ("ql_low", json!("red")),
        ("t_done", json!("green")),
        ("t_late", json!("red")),
        ("t_due", json!("green")),
        ("t_past", json!("red")),
        ("c_over", json!("red")),
        ("e_q", json!("green")),
        ("e_p", json!("yellow")),
        ("e_m", json!("red")),
        ("s_sat", json!("red")),
        ("m_manual", Value::Null),
    ] {
        assert_eq!(light(id), expected, "{id}");
    }
    // Spent 35 of 120 against 7/12 of the year: 29.17% progress, ratio 50%: red.
    assert_eq!(out["budget"]["execution_progress"], "29.17");
    assert_eq!(out["budget"]["light"], "red");
    assert_eq!(light("m_exec"), "red");
    let categories: Vec<(String, String)> = out["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["id"].as_str().unwrap().into(),
                l["category"].as_str().unwrap().into(),
            )
        })
        .collect();
    for (id, category) in [
        ("q_red", "quantity"),
        ("ql_ok", "quality"),
        ("t_done", "timeliness"),
        ("c_over", "cost"),
        ("e_q", "benefit"),
        ("s_sat", "satisfaction"),
        ("m_exec", "quantity"),
    ] {
        assert!(categories.contains(&(id.into(), category.into())), "{id}");
    }
    let q60 = out["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["id"] == "q_60")
        .unwrap()
        .clone();
    assert_eq!(q60["standard"], "70");
    assert_eq!(q60["ratio"], "60.00");
    let lights = &out["lights"];
    let total: u64 = ["red", "yellow", "green", "blue", "none"]
        .iter()
        .map(|k| lights[k].as_u64().unwrap())
        .sum();
    assert_eq!(total, out["indicators"].as_array().unwrap().len() as u64);
    assert_eq!(lights["blue"], 1);
}

#[test]
fn a_rounds_findings_and_its_forecast() {
    let out = monitor(&document(reports()), &[]);
    let codes: Vec<(String, String)> = out["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["path"].as_str().unwrap().into(),
                f["code"].as_str().unwrap().into(),
            )
        })
        .collect();
    let has = |path: &str, code: &str| codes.contains(&(path.into(), code.into()));
    // Red without a reason; yellow (reason_required red_or_yellow by default) without one.
    assert!(
        has(
            "monitoring/2026-07-31/indicators/ql_low/reason",
            "light-unexplained"
        ),
        "{codes:?}"
    );
    assert!(has(
        "monitoring/2026-07-31/indicators/e_p/reason",
        "light-unexplained"
    ));
    // Explained by a note or a cause: no finding.
    assert!(!has(
        "monitoring/2026-07-31/indicators/q_red/reason",
        "light-unexplained"
    ));
    assert!(!has(
        "monitoring/2026-07-31/indicators/q_60/reason",
        "light-unexplained"
    ));
    // Impossible without a forecast or a reason.
    assert!(has(
        "monitoring/2026-07-31/indicators/e_m/forecast",
        "likely-miss-unexplained"
    ));
    assert!(has(
        "monitoring/2026-07-31/budget/b1/reason",
        "light-unexplained"
    ));
    // check lists them too.
    let dir = std::env::temp_dir().join(format!("jixiao-monitor-check-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("doc.json");
    std::fs::write(&file, document(reports()).to_string()).unwrap();
    let check =
        String::from_utf8_lossy(&jixiao(&["check", file.to_str().unwrap()]).stdout).into_owned();
    assert!(
        check.contains("monitoring/2026-07-31/indicators/ql_low/reason"),
        "{check}"
    );
    // The forecast: the budget extrapolated (35 / (7/12) = 60), a certain target met.
    assert_eq!(out["budget"]["extrapolated"], true);
    assert_eq!(out["budget"]["forecast_spent"], "60");
    assert!(out["forecast"]["total"].as_str().is_some());
    // A certain likelihood and a forecast that misses: a contradiction.
    let mut r = reports();
    r["ql_ok"] = json!({"value": "90", "likelihood": "certain", "forecast": "80"});
    let out = monitor(&document(r), &["--as-of", "2026-07-31"]);
    assert!(out["findings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["code"] == "certain-but-misses"));
}

#[test]
fn the_forecast_scores_the_year_as_the_round_says() {
    // One leaf: target 120, 84 to date (7/12 of the year), forecast 100 → 100/120 of 10 points.
    let doc = json!({
        "format": "jixiao/1",
        "meta": {"year": 2026},
        "indicators": [{"id": "G", "name": "数量指标", "children": [
            leaf("a", json!({"kind": "at_least", "target": "120"})),
            leaf("b", json!({"kind": "at_least", "target": "50"})),
            leaf("c", json!({"kind": "qualitative"})),
        ]}],
        "monitoring": [{"as_of": "2026-07-31", "indicators": {
            "a": {"value": "84", "forecast": "100"},
            "b": {"value": "10", "likelihood": "certain"},
            "c": {"tier": "partial"},
        }}],
    });
    let out = monitor(&doc, &[]);
    // a: 100/120 × 10 = 8.33; b: certain → met, 10; c: partial → 0.6 × 10 = 6.
    assert_eq!(out["forecast"]["total"], "24.33");
    assert_eq!(out["forecast"]["percent"], "81.11");
}

#[test]
fn rounds_survive_a_json_round_trip_and_old_files_are_unchanged() {
    let dir = std::env::temp_dir().join(format!("jixiao-monitor-trip-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("doc.json");
    let doc = document(reports());
    std::fs::write(&file, doc.to_string()).unwrap();
    let once = jixiao(&["import", file.to_str().unwrap()]);
    let back: Value = serde_json::from_slice(&once.stdout).unwrap();
    assert_eq!(back["monitoring"], doc["monitoring"]);
    // A file without rounds gets none.
    let plain = jixiao(&["import", "tests/data/kunming-2022.json"]);
    let plain: Value = serde_json::from_slice(&plain.stdout).unwrap();
    assert!(plain.get("monitoring").is_none());
    // Asking for a round that is not there is one message.
    let none = jixiao(&["monitor", "tests/data/kunming-2022.json"]);
    assert_eq!(none.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&none.stderr).contains("监控轮次"));
}

/// The round as the user fills it: values, forecasts, likelihoods, causes and notes, the funds
/// block's forecast and reason, the goal's progress.
fn filled_round() -> Value {
    let mut doc = document(reports());
    let r = &mut doc["monitoring"][0];
    r["goal_progress"] = json!("上半年完成培训 3 期");
    r["budget"]["b1"]["forecast"] = json!("110");
    r["budget"]["b1"]["reason"] = json!("设备采购延后");
    let i = &mut r["indicators"];
    i["q_red"]["forecast"] = json!("100");
    i["q_red"]["likelihood"] = json!("possible");
    i["q_red"]["causes"] = json!(["staff", "other"]);
    i["q_60"]["likelihood"] = json!("certain");
    i["q_60"]["reason"] = json!("资金拨付晚");
    i["e_m"]["forecast"] = json!("partial");
    i["e_m"]["reason"] = json!("受天气影响");
    i["t_due"]["forecast"] = json!("2026-10-31");
    i["m_manual"]["forecast"] = json!("9");
    doc["meta"]["goal"] = json!("全年培训 6 期");
    doc
}

#[track_caller]
fn temp(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("jixiao-monitor-xlsx-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

/// The fields of a round by leaf name (ids differ between a document and one read from a form).
#[track_caller]
fn by_name(doc: &Value) -> std::collections::BTreeMap<String, Value> {
    let mut names = std::collections::HashMap::new();
    fn walk(nodes: &Value, names: &mut std::collections::HashMap<String, String>) {
        for n in nodes.as_array().unwrap() {
            if let Some(children) = n.get("children") {
                walk(children, names);
            } else {
                names.insert(
                    n["id"].as_str().unwrap().into(),
                    n["name"].as_str().unwrap().into(),
                );
            }
        }
    }
    walk(&doc["indicators"], &mut names);
    let round = &doc["monitoring"][0]["indicators"];
    round
        .as_object()
        .unwrap()
        .iter()
        .filter(|(_, v)| v.as_object().is_some_and(|o| o.values().any(|x| x != "")))
        .map(|(id, v)| (names[id].clone(), v.clone()))
        .collect()
}

#[test]
fn the_monitoring_workbook_is_the_form_and_reads_back_into_a_round() {
    let doc = filled_round();
    let file = temp("doc.json");
    std::fs::write(&file, doc.to_string()).unwrap();
    let xlsx = temp("round.xlsx");
    let out = jixiao(&[
        "export",
        file.to_str().unwrap(),
        "--monitor-xlsx",
        xlsx.to_str().unwrap(),
    ]);
    assert!(
        out.status.code().is_some_and(|c| c <= 1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    // openpyxl reads it: the form's titles, a light as a word with its colour.
    let script = r#"
import json, sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1]).active
cells = {c.coordinate: [c.value, c.fill.fgColor.rgb if c.fill and c.fill.fill_type else None] for r in ws.iter_rows() for c in r if c.value is not None}
print(json.dumps({"title": ws.title, "cells": cells}, ensure_ascii=False, default=str))
"#;
    let py = Command::new("python3")
        .args(["-c", script])
        .arg(&xlsx)
        .output()
        .unwrap();
    assert!(
        py.status.success(),
        "{}",
        String::from_utf8_lossy(&py.stderr)
    );
    let sheet: Value = serde_json::from_slice(&py.stdout).unwrap();
    let values: Vec<String> = sheet["cells"]
        .as_object()
        .unwrap()
        .values()
        .map(|v| v[0].as_str().map_or(v[0].to_string(), str::to_string))
        .collect();
    for title in [
        "项目支出绩效目标执行监控表",
        "1-7月执行数",
        "全年预计执行数",
        "年度指标值",
        "分值",
        "1-7月完成值",
        "全年预计完成值",
        "完成目标可能性",
        "经费保障",
        "硬件条件保障",
        "原因说明",
        "预警",
        "红灯",
        "黄灯",
        "绿灯",
        "蓝灯",
        "有可能",
        "部分达成并具有一定效果",
        "未达成且效果较差",
    ] {
        assert!(values.iter().any(|v| v == title), "{title} in {values:?}");
    }
    let red = sheet["cells"]
        .as_object()
        .unwrap()
        .values()
        .find(|v| v[0] == "红灯")
        .unwrap();
    assert_eq!(red[1], "FFF4B6B6");
    assert!(values
        .iter()
        .any(|v| v.contains("截至2026-07-31") && v.contains("58.33%")));

    // Imported into a new document: the same round, field by field.
    let read = jixiao(&["import", xlsx.to_str().unwrap()]);
    assert!(
        read.status.success(),
        "{}",
        String::from_utf8_lossy(&read.stderr)
    );
    assert!(String::from_utf8_lossy(&read.stderr).contains("执行监控表"));
    let new: Value = serde_json::from_slice(&read.stdout).unwrap();
    assert_eq!(new["monitoring"][0]["as_of"], "2026-07-31");
    assert_eq!(new["monitoring"][0]["goal_progress"], "上半年完成培训 3 期");
    let line = &new["monitoring"][0]["budget"]["b1"];
    assert_eq!(
        (&line["spent"], &line["forecast"], &line["reason"]),
        (&json!("35"), &json!("110"), &json!("设备采购延后"))
    );
    let mut expected = by_name(&doc);
    // A report that says nothing a form can hold (an empty value) is not a row's report.
    expected.retain(|_, v| v.as_object().unwrap().values().any(|x| x != ""));
    // The not-applicable leaf's value is written but its light is none either way.
    let got = by_name(&new);
    for (name, want) in &expected {
        let have = got
            .get(name)
            .unwrap_or_else(|| panic!("{name} missing in {got:?}"));
        for (k, v) in want.as_object().unwrap() {
            assert_eq!(&have[k], v, "{name}.{k}");
        }
    }

    // Into the document it came from (its round taken out): the same lights and forecast.
    let mut bare = doc.clone();
    bare.as_object_mut().unwrap().remove("monitoring");
    let bare_file = temp("bare.json");
    std::fs::write(&bare_file, bare.to_string()).unwrap();
    let merged = jixiao(&[
        "import",
        xlsx.to_str().unwrap(),
        "--into",
        bare_file.to_str().unwrap(),
    ]);
    assert!(
        merged.status.success(),
        "{}",
        String::from_utf8_lossy(&merged.stderr)
    );
    assert!(
        String::from_utf8_lossy(&merged.stderr).contains("已加入"),
        "{}",
        String::from_utf8_lossy(&merged.stderr)
    );
    let merged: Value = serde_json::from_slice(&merged.stdout).unwrap();
    let before = monitor(&doc, &[]);
    let after = monitor(&merged, &[]);
    assert_eq!(before["indicators"], after["indicators"]);
    assert_eq!(before["budget"], after["budget"]);
    assert_eq!(before["forecast"], after["forecast"]);
    assert_eq!(before["lights"], after["lights"]);
    // The lights the workbook prints came in as printed figures, with the document's ids, and
    // all of them agree with the rules.
    let printed = merged["claimed"]["printed"].as_array().unwrap();
    assert!(printed
        .iter()
        .any(|p| p["what"] == "light" && p["leaf"].is_string()));
    for p in printed {
        let leaf = p["leaf"].as_str().unwrap_or_default();
        assert!(leaf.is_empty() || merged.to_string().contains(&format!("\"id\":\"{leaf}\"")));
    }
    assert!(
        before["findings"]
            .as_array()
            .unwrap()
            .iter()
            .chain(after["findings"].as_array().unwrap())
            .all(|f| f["code"] != "printed-light-differs"),
        "{}",
        after["findings"]
    );
}

#[test]
fn a_printed_light_the_rules_do_not_give_is_a_finding_naming_both_lights() {
    // The provincial form prints 黄灯 for 养护里程 (12 of 30 at 50% of the year: 80%, green) and
    // the right light for the other rows.
    let out = jixiao(&["score", "tests/monitoring/provincial.xlsx"]);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let differing: Vec<&Value> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "printed-light-differs")
        .collect();
    assert_eq!(differing.len(), 1, "{differing:?}");
    let f = differing[0];
    assert!(
        f["message"].as_str().unwrap().contains("养护里程")
            && f["message"]
                .as_str()
                .unwrap()
                .contains("印为 黄灯，计算为 绿灯（预警）"),
        "{f}"
    );
    assert_eq!(
        (&f["printed"], &f["computed"]),
        (&json!("黄灯"), &json!("绿灯"))
    );
    // The check's headline counts it among the printed figures that disagree.
    let check =
        String::from_utf8_lossy(&jixiao(&["check", "tests/monitoring/provincial.xlsx"]).stdout)
            .to_string();
    assert!(check.contains("印为 黄灯，计算为 绿灯"), "{check}");
}

#[track_caller]
fn import(form: &str) -> Value {
    let out = jixiao(&["import", form]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn a_central_form_with_marked_columns_reads_as_a_round_of_31_july() {
    let doc = import("tests/monitoring/central.xlsx");
    let round = &doc["monitoring"][0];
    // (2026年1-7月) and no day: the end of July.
    assert_eq!(round["as_of"], "2026-07-31");
    assert_eq!(round["goal_progress"], "已培训 80 人次");
    assert_eq!(doc["budget"][0]["name"], "当年财政拨款");
    assert_eq!(
        doc["budget"][0]["spent"], "",
        "the year's spending is not known yet"
    );
    assert_eq!(
        round["budget"]["b1"],
        json!({"spent": "30", "forecast": "80", "reason": "培训集中在下半年"})
    );
    assert_eq!(
        round["budget"]["b2"],
        json!({"spent": "10", "forecast": "15", "reason": "社会捐赠到位晚"})
    );
    let i = &round["indicators"];
    assert_eq!(
        i["1.1.1"],
        json!({"value": "80", "forecast": "200", "likelihood": "possible", "causes": ["staff"]})
    );
    // 未完成 to date is no date; 按时完成 for the year is the deadline itself.
    assert_eq!(
        i["1.3.1"],
        json!({"forecast": "2026-11-30", "likelihood": "certain"})
    );
    assert_eq!(
        i["2.1.1"],
        json!({"tier": "partial", "forecast": "achieved", "likelihood": "possible", "causes": ["other"]})
    );
    let out = monitor(&doc, &[]);
    assert_eq!(out["budget"]["execution_progress"], "40.00");
    assert_eq!(out["budget"]["light"], "yellow");
    assert_eq!(
        out["lights"],
        json!({"red": 1, "yellow": 2, "green": 3, "blue": 0, "none": 1})
    );
}

#[test]
fn a_provincial_form_with_words_reads_its_date_likelihoods_and_causes() {
    let doc = import("tests/monitoring/provincial.xlsx");
    let round = &doc["monitoring"][0];
    assert_eq!(
        round["as_of"], "2026-06-30",
        "截至2026年6月30日 in the title"
    );
    assert_eq!(round["goal_progress"], "完成 12 公里");
    assert_eq!(
        round["budget"]["b1"],
        json!({"spent": "200", "forecast": "480", "reason": "工程款按进度支付"})
    );
    let i = &round["indicators"];
    assert_eq!(i["1.1.2"]["likelihood"], "possible");
    assert_eq!(i["1.1.2"]["causes"], json!(["funding", "staff"]));
    assert_eq!(
        i["1.3.1"],
        json!({"value": "15", "forecast": "16.5", "likelihood": "impossible", "reason": "材料涨价，预计超支"})
    );
    assert_eq!(i["2.1.1"]["tier"], "partial");
    assert!(
        i.get("2.2.1").is_none(),
        "a row that reports nothing is not in the round"
    );
    let out = monitor(&doc, &[]);
    assert_eq!(out["time_progress"], "50.00");
    // 12 of 30 × 50% = 80% green; 1000 of 5000 × 50% = 40% red; cost 15 ≤ 16 green.
    let light = |n: &str| {
        out["indicators"]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["name"] == n)
            .unwrap()["light"]
            .clone()
    };
    assert_eq!(light("养护里程"), "green");
    assert_eq!(light("路面修补面积"), "red");
    assert_eq!(light("每公里成本"), "green");
    assert_eq!(light("通行条件改善"), "yellow");
    // The form has 分值: the year can be forecast from the form alone.
    assert_ne!(out["forecast"]["total"], "0.00");
    // A forecast that misses with likelihood certain would be a contradiction; here the one that
    // misses (16.5 > 16) says 完全不可能 and has its reason: no finding for it.
    assert!(
        out["findings"]
            .as_array()
            .unwrap()
            .iter()
            .all(|f| !f["message"].as_str().unwrap().contains("每公里成本")),
        "{}",
        out["findings"]
    );
}

#[test]
fn into_needs_a_monitoring_form_and_export_needs_a_round_or_a_date() {
    let out = jixiao(&[
        "import",
        "tests/forms/national.xlsx",
        "--into",
        "tests/data/kunming-2022.json",
    ]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let xlsx = temp("blank.xlsx");
    let out = jixiao(&[
        "export",
        "tests/data/kunming-2022.json",
        "--monitor-xlsx",
        xlsx.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--as-of"));
    // A blank form of a date, for filling in, reads back as a round of that date with nothing in it.
    let out = jixiao(&[
        "export",
        "tests/data/kunming-2022.json",
        "--monitor-xlsx",
        xlsx.to_str().unwrap(),
        "--as-of",
        "2022-09-30",
    ]);
    assert!(
        out.status.code().is_some_and(|c| c <= 1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc = import(xlsx.to_str().unwrap());
    assert_eq!(doc["monitoring"][0]["as_of"], "2022-09-30");
    assert!(doc["monitoring"][0]
        .get("indicators")
        .is_none_or(|i| i.as_object().unwrap().is_empty()));
}

#[test]
fn batch_adds_the_lights_and_the_forecast_when_files_have_rounds() {
    let dir = temp("batch");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("a-monitored.json"), filled_round().to_string()).unwrap();
    std::fs::copy("tests/data/kunming-2022.json", dir.join("b-kunming.json")).unwrap();
    let out = jixiao(&["batch", dir.to_str().unwrap()]);
    let csv = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert!(
        lines[0].ends_with("监控截至,红灯,黄灯,绿灯,蓝灯,无灯,全年预计得分,预计等级"),
        "{}",
        lines[0]
    );
    let expected = monitor(&filled_round(), &[]);
    let l = &expected["lights"];
    let tail = format!(
        "2026-07-31,{},{},{},{},{},{},{}",
        l["red"],
        l["yellow"],
        l["green"],
        l["blue"],
        l["none"],
        expected["forecast"]["total"].as_str().unwrap(),
        expected["forecast"]["grade"].as_str().unwrap()
    );
    assert!(lines[1].ends_with(&tail), "{} vs {tail}", lines[1]);
    assert!(
        lines[2].ends_with(",,,,,,,,"),
        "a file without a round leaves them empty: {}",
        lines[2]
    );
    let json_out = jixiao(&["batch", dir.to_str().unwrap(), "--json"]);
    let v: Value = serde_json::from_slice(&json_out.stdout).unwrap();
    assert_eq!(v["files"][0]["monitoring"]["lights"], expected["lights"]);
    assert!(v["files"][1]["monitoring"].is_null());
    // A document imported from a monitoring form has no year-end figures yet: not the round's error.
    let doc = import("tests/monitoring/provincial.xlsx");
    let file = temp("provincial.json");
    std::fs::write(&file, doc.to_string()).unwrap();
    assert_eq!(
        jixiao(&["monitor", file.to_str().unwrap()]).status.code(),
        Some(0)
    );
}

#[test]
fn the_drafted_report_gets_a_monitoring_part_in_the_text_and_in_both_word_outlines() {
    let doc = filled_round();
    let file = temp("report.json");
    std::fs::write(&file, doc.to_string()).unwrap();
    let text = String::from_utf8(jixiao(&["report", file.to_str().unwrap()]).stdout).unwrap();
    let part = text
        .split("六、绩效运行监控情况\n")
        .nth(1)
        .expect("the part");
    // 35 of 120 is 29.17% against 58.33%: half the pace, a red light.
    assert!(part.contains("截至2026年7月31日（序时进度58.33%），项目已执行35，占全年预算120的29.17%，预算执行进度为红灯；全年预计执行110。"), "{part}");
    assert!(part.contains("年度总体目标1-7月完成情况：上半年完成培训 3 期。"));
    let out = monitor(&doc, &[]);
    let l = &out["lights"];
    assert!(
        part.contains(&format!(
            "红灯{}个、黄灯{}个、绿灯{}个、蓝灯{}个，未亮灯{}个",
            l["red"], l["yellow"], l["green"], l["blue"], l["none"]
        )),
        "{part}"
    );
    assert!(
        part.contains("q_red：1-7月完成41.99，红灯；偏差原因：人员保障、其他；进度慢。"),
        "{part}"
    );
    assert!(
        part.contains("q_60：1-7月完成42，黄灯；偏差原因：经费保障；资金拨付晚。"),
        "{part}"
    );
    assert!(
        part.contains("e_m：1-7月为“未达成且效果较差”，红灯；偏差原因：受天气影响。"),
        "{part}"
    );
    assert!(
        part.contains(&format!(
            "项目全年预计得分{}分",
            out["forecast"]["total"].as_str().unwrap()
        )),
        "{part}"
    );
    let en = String::from_utf8(jixiao(&["report", file.to_str().unwrap(), "--lang", "en"]).stdout)
        .unwrap();
    assert!(
        en.contains("6. Monitoring during the year\nAs of 2026-07-31 (time progress 58.33%)"),
        "{en}"
    );
    // A document without a round has no such part.
    let kunming =
        String::from_utf8(jixiao(&["report", "tests/data/kunming-2022.json"]).stdout).unwrap();
    assert!(!kunming.contains("监控"));

    for outline in ["2020", "seed"] {
        let docx = temp(&format!("report-{outline}.docx"));
        let run = jixiao(&[
            "export",
            file.to_str().unwrap(),
            "--docx",
            docx.to_str().unwrap(),
            "--outline",
            outline,
        ]);
        assert!(run.status.code().is_some_and(|c| c <= 1));
        let script = r#"
import docx, json, sys
d = docx.Document(sys.argv[1])
print(json.dumps([[p.style.name, p.text] for p in d.paragraphs], ensure_ascii=False))
"#;
        let py = Command::new("python3")
            .args(["-c", script])
            .arg(&docx)
            .output()
            .unwrap();
        assert!(
            py.status.success(),
            "{}",
            String::from_utf8_lossy(&py.stderr)
        );
        let paragraphs: Vec<(String, String)> = serde_json::from_slice(&py.stdout).unwrap();
        let at = paragraphs
            .iter()
            .position(|(_, t)| t == "（三）绩效运行监控情况")
            .unwrap_or_else(|| panic!("{outline}"));
        assert!(
            paragraphs[at].0.starts_with("Heading") || paragraphs[at].0.starts_with("Jx"),
            "{:?}",
            paragraphs[at]
        );
        assert!(
            paragraphs[at + 1].1.starts_with("截至2026年7月31日"),
            "{:?}",
            paragraphs[at + 1]
        );
        // Read back, the forecast's figures are not taken for the year's printed results.
        let read = jixiao(&["import", docx.to_str().unwrap()]);
        let back: Value = serde_json::from_slice(&read.stdout).unwrap();
        let printed = back["claimed"]["printed"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        assert!(
            printed
                .iter()
                .all(|p| !p["sentence"].as_str().unwrap_or("").contains("预计")),
            "{outline}: {printed:?}"
        );
    }
}

#[test]
fn a_scenario_can_change_a_round_field() {
    let mut doc = filled_round();
    doc["scenarios"] = json!([{"name": "追上进度", "changes": [
        {"path": "monitoring/2026-07-31/indicators/q_red/value", "value": "70"},
        {"path": "monitoring/2026-07-31/indicators/q_missing/forecast", "value": "120"}]}]);
    let file = temp("scenario.json");
    std::fs::write(&file, doc.to_string()).unwrap();
    let out = jixiao(&["score", file.to_str().unwrap()]);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let changes = v["scenarios"][0]["changes"].as_array().unwrap();
    assert_eq!(changes.len(), 2, "{changes:?}");
    assert_eq!(
        changes[0]["path"],
        "monitoring/2026-07-31/indicators/q_red/value"
    );
    assert_eq!(changes[0]["old"], "41.99");
    // The year-end score does not move: a round changes the forecast, not the year.
    assert_eq!(v["scenarios"][0]["delta"], "0.00");
    // q_missing had no report in the round: the change makes one.
    assert_eq!(
        changes[1]["path"],
        "monitoring/2026-07-31/indicators/q_missing/forecast"
    );
}

#[test]
fn a_form_without_a_year_takes_it_from_a_deadline() {
    let doc = import("tests/monitoring/undated.xlsx");
    let round = &doc["monitoring"][0];
    // 1-9月 in the titles, 2026年11月30日前 as a deadline: 30 September 2026.
    assert_eq!(round["as_of"], "2026-09-30");
    assert_eq!(doc["meta"]["year"], "2026");
    assert_eq!(
        round["indicators"]["1.1.1"],
        json!({"value": "600", "forecast": "900", "likelihood": "possible", "reason": "冬季服务集中在四季度"})
    );
    let out = monitor(&doc, &[]);
    assert_eq!(out["time_progress"], "75.00");
    // 600 of 1000 × 75% = 80%: green; the forecast scores 900 of 1000 for the year.
    assert_eq!(out["indicators"][0]["light"], "green");
}

#[test]
fn check_lists_the_rounds_findings() {
    let file = temp("check.json");
    std::fs::write(&file, document(reports()).to_string()).unwrap();
    let out = jixiao(&["check", file.to_str().unwrap()]);
    let text = String::from_utf8(out.stdout).unwrap();
    // ql_low is red (89.99 against 90, not prorated) with neither a reason nor a cause.
    assert!(
        text.contains("monitoring/2026-07-31/indicators/ql_low"),
        "{text}"
    );
}
