//! The review of declared targets (绩效目标审核), one line per rule, each rule's boundary on both
//! sides: a complete, measurable, consistent 申报表 passes, and each change of one field either
//! is a finding of its code or is not.
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

use jixiao_core::{read_value, review, Level};
use serde_json::{json, Value};

/// A 申报表 that passes every rule.
fn plan() -> Value {
    let leaf = |id: &str,
                name: &str,
                written: &str,
                kind: &str,
                target: &str,
                unit: &str,
                points: &str| {
        json!({"id": id, "name": name, "points": points, "unit": unit, "written": written,
               "rule": {"kind": kind, "target": target}})
    };
    json!({
        "format": "jixiao/1",
        "meta": {"title": "残疾人职业技能培训", "department": "市残联", "unit": "市残疾人服务中心",
                 "year": "2026", "start": "2026-01-01", "end": "2026-12-31",
                 "overall_goal": "三年培训 1000 人次", "annual_goal": "全年培训 300 人次"},
        "funds": {"total": "100", "fiscal": "80", "other": "20",
                  "annual": {"total": "50", "fiscal": "40", "carried": "5", "other": "5"}},
        "budget": [{"id": "b1", "name": "培训费", "planned": "45"},
                   {"id": "b2", "name": "宣传费", "planned": "5"}],
        "indicators": [
            {"id": "A", "name": "产出指标", "children": [
                {"id": "A1", "name": "数量指标", "children": [
                    leaf("A11", "培训人次", "≥300人次", "at_least", "300", "人次", "20")]},
                {"id": "A2", "name": "质量指标", "children": [
                    leaf("A21", "考核合格率", "≥95%", "at_least", "95", "%", "15")]},
                {"id": "A3", "name": "时效指标", "children": [
                    leaf("A31", "完成时间", "2026年11月30日前", "deadline", "2026-11-30", "", "15")]},
                {"id": "A4", "name": "成本指标", "children": [
                    leaf("A41", "人均培训成本", "≤1500元", "at_most", "1500", "元", "10")]}]},
            {"id": "B", "name": "效益指标", "children": [
                {"id": "B1", "name": "社会效益指标", "children": [
                    leaf("B11", "就业人数", "≥60人", "at_least", "60", "人", "20")]}]},
            {"id": "C", "name": "满意度指标", "children": [
                {"id": "C1", "name": "服务对象满意度指标", "children": [
                    leaf("C11", "学员满意度", "≥90%", "at_least", "90", "%", "20")]}]}
        ]
    })
}

/// The review's codes of `doc`.
fn codes(doc: &Value) -> Vec<(String, Level)> {
    review(&read_value(doc.clone()).unwrap())
        .iter()
        .map(|f| (f.code().to_string(), f.level()))
        .collect()
}

/// `plan()` with the field at `pointer` set to `value`.
fn with(pointer: &str, value: Value) -> Value {
    let mut doc = plan();
    *doc.pointer_mut(pointer)
        .unwrap_or_else(|| panic!("no {pointer}")) = value;
    doc
}

/// A leaf's 年度指标值, written and as its rule holds it.
fn target(leaf: &str, written: &str) -> Value {
    let mut doc = plan();
    let pointer = leaf_pointer(leaf);
    doc.pointer_mut(&pointer).unwrap()["written"] = json!(written);
    doc
}

fn leaf_pointer(id: &str) -> String {
    match id {
        "A11" => "/indicators/0/children/0/children/0",
        "A21" => "/indicators/0/children/1/children/0",
        "A31" => "/indicators/0/children/2/children/0",
        "A41" => "/indicators/0/children/3/children/0",
        "B11" => "/indicators/1/children/0/children/0",
        "C11" => "/indicators/2/children/0/children/0",
        _ => panic!("{id}"),
    }
    .to_string()
}

#[track_caller]
fn finds(doc: Value, code: &str, level: Level) {
    let found = codes(&doc);
    assert!(
        found.iter().any(|(c, l)| c == code && *l == level),
        "{code} ({level:?}) expected in {found:?}"
    );
}

#[track_caller]
fn passes(doc: Value, code: &str) {
    let found = codes(&doc);
    assert!(
        !found.iter().any(|(c, _)| c == code),
        "{code} not expected in {found:?}"
    );
}

#[test]
fn a_complete_measurable_consistent_plan_passes_every_rule() {
    assert_eq!(codes(&plan()), vec![]);
}

#[test]
fn complete() {
    finds(
        with("/meta/title", json!("")),
        "missing-project-name",
        Level::Error,
    );
    passes(with("/meta/title", json!("培训")), "missing-project-name");
    finds(
        with("/meta/department", json!(" ")),
        "missing-department",
        Level::Error,
    );
    finds(
        with("/meta/annual_goal", json!("")),
        "missing-annual-goal",
        Level::Error,
    );
    finds(
        with("/meta/unit", json!("")),
        "missing-implementing-unit",
        Level::Warning,
    );
    let mut no_benefit = with("/indicators/1/name", json!("其他指标"));
    no_benefit["indicators"][1]["children"][0]["name"] = json!("社会影响指标");
    finds(no_benefit, "missing-category", Level::Error);
    // A category is found at any depth: the 二级 group still says 满意度.
    passes(
        with("/indicators/2/name", json!("服务指标")),
        "missing-category",
    );
    let mut no_satisfaction = with("/indicators/2/name", json!("服务指标"));
    no_satisfaction["indicators"][2]["children"][0]["name"] = json!("服务对象指标");
    finds(no_satisfaction, "missing-category", Level::Error);
    finds(
        with("/indicators/0/name", json!("投入指标")),
        "missing-category",
        Level::Error,
    );
    finds(
        with("/indicators/0/children/3/name", json!("其他")),
        "missing-cost-category",
        Level::Warning,
    );
    // 成本 may be a first-level category of its own.
    passes(
        with("/indicators/0/children/3/name", json!("成本")),
        "missing-cost-category",
    );
    let mut blank = target("A11", "");
    blank.pointer_mut(&leaf_pointer("A11")).unwrap()["rule"]["target"] = json!("");
    finds(blank, "missing-target", Level::Error);
    finds(target("A11", "XX"), "target-placeholder", Level::Error);
    finds(target("A11", "待定"), "target-placeholder", Level::Error);
    finds(target("A11", "≥*人次"), "target-placeholder", Level::Error);
    passes(target("A11", "≥300人次"), "target-placeholder");
}

#[test]
fn a_self_evaluation_tree_is_reviewed_by_its_categories_at_any_depth() {
    let mut doc = plan();
    let tree = doc["indicators"].take();
    doc["indicators"] = json!([{"id": "P", "name": "项目绩效", "children": tree}]);
    passes(doc.clone(), "missing-category");
    passes(doc, "missing-cost-category");
}

#[test]
fn measurable() {
    finds(target("A11", "有效提升"), "vague-target", Level::Warning);
    passes(target("A11", "≥1人次"), "vague-target");
    // A 率 in the name makes it a quantity wherever it stands.
    finds(target("A21", "明显提高"), "vague-target", Level::Warning);
    finds(target("B11", "进一步增加"), "vague-target", Level::Warning);
    finds(target("C11", "满意"), "vague-target", Level::Warning);
    finds(target("A31", "及时"), "vague-deadline", Level::Warning);
    finds(target("A31", "按时完成"), "vague-deadline", Level::Warning);
    passes(target("A31", "≤30个工作日"), "vague-deadline");
    passes(target("A31", "2026年11月30日前"), "vague-deadline");
    finds(target("A11", "300人次"), "operator-assumed", Level::Info);
    passes(target("A11", "≥300人次"), "operator-assumed");
    let cost = codes(&target("A41", "1500元"));
    assert!(
        cost.contains(&("operator-assumed".into(), Level::Info)),
        "{cost:?}"
    );
}

#[test]
fn funds_add_up_exactly() {
    passes(plan(), "funds-total-mismatch");
    finds(
        with("/funds/other", json!("19.99")),
        "funds-total-mismatch",
        Level::Error,
    );
    finds(
        with("/funds/other", json!("20.01")),
        "funds-total-mismatch",
        Level::Error,
    );
    finds(
        with("/funds/annual/carried", json!("4.99")),
        "annual-funds-mismatch",
        Level::Error,
    );
    passes(
        with("/funds/annual/carried", json!("5.00")),
        "annual-funds-mismatch",
    );
    let mut over = plan();
    over["funds"]["annual"] = json!({"total": "100.01", "fiscal": "100.01"});
    finds(over, "annual-over-total", Level::Error);
    let mut equal = plan();
    equal["funds"]["annual"] = json!({"total": "100", "fiscal": "100"});
    passes(equal, "annual-over-total");
    finds(
        with("/budget/1/planned", json!("4.99")),
        "budget-not-annual",
        Level::Warning,
    );
    passes(
        with("/budget/1/planned", json!("5.00")),
        "budget-not-annual",
    );
}

#[test]
fn dates_are_in_order() {
    passes(with("/meta/start", json!("2026-12-31")), "start-after-end");
    finds(
        with("/meta/start", json!("2027-01-01")),
        "start-after-end",
        Level::Error,
    );
    let deadline = |d: &str, w: &str| {
        let mut doc = target("A31", w);
        doc.pointer_mut(&leaf_pointer("A31")).unwrap()["rule"]["target"] = json!(d);
        doc
    };
    passes(
        deadline("2026-12-31", "2026年12月31日前"),
        "deadline-after-end",
    );
    finds(
        deadline("2027-01-01", "2027年1月1日前"),
        "deadline-after-end",
        Level::Error,
    );
    let mut later_end = deadline("2027-01-01", "2027年1月1日前");
    later_end["meta"]["end"] = json!("2027-06-30");
    finds(later_end.clone(), "deadline-outside-year", Level::Warning);
    passes(later_end, "deadline-after-end");
    passes(
        deadline("2026-01-01", "2026年1月1日前"),
        "deadline-outside-year",
    );
}

#[test]
fn bounds_a_cost_and_a_rate_have() {
    finds(target("A41", "≥1500元"), "cost-lower-bound", Level::Warning);
    finds(
        target("A41", "不低于1500元"),
        "cost-lower-bound",
        Level::Warning,
    );
    passes(target("A41", "≤1500元"), "cost-lower-bound");
    passes(target("A21", "≥100%"), "rate-over-100");
    finds(target("A21", "≥100.01%"), "rate-over-100", Level::Error);
    // A rate that can exceed 100% (增长率) may.
    let mut growth = target("A21", "≥120%");
    growth.pointer_mut(&leaf_pointer("A21")).unwrap()["name"] = json!("就业增长率");
    passes(growth, "rate-over-100");
    passes(target("C11", "≥100%"), "satisfaction-target-out-of-range");
    finds(
        target("C11", "≥100.01%"),
        "satisfaction-target-out-of-range",
        Level::Error,
    );
    finds(
        target("C11", "≥0%"),
        "satisfaction-target-out-of-range",
        Level::Error,
    );
    passes(target("C11", "≥0.01%"), "satisfaction-target-out-of-range");
}

#[test]
fn points() {
    let points = |id: &str, p: &str| {
        let mut doc = plan();
        doc.pointer_mut(&leaf_pointer(id)).unwrap()["points"] = json!(p);
        doc
    };
    finds(points("A41", "0"), "points-not-positive", Level::Error);
    finds(points("A41", "-1"), "points-not-positive", Level::Error);
    passes(points("A41", "0.01"), "points-not-positive");
    passes(points("A41", "10"), "points-not-100");
    finds(points("A41", "9.99"), "points-not-100", Level::Warning);
    finds(points("A41", "10.01"), "points-not-100", Level::Warning);
    // Without points anywhere, nothing to add up.
    let mut none = plan();
    for id in ["A11", "A21", "A31", "A41", "B11", "C11"] {
        none.pointer_mut(&leaf_pointer(id))
            .unwrap()
            .as_object_mut()
            .unwrap()
            .remove("points");
    }
    passes(none, "points-not-100");
    // Nor where the form's 分值 cells are blank, as a 申报表 without a 分值 column reads.
    let mut blank = plan();
    for id in ["A11", "A21", "A31", "A41", "B11", "C11"] {
        blank.pointer_mut(&leaf_pointer(id)).unwrap()["points"] = json!("");
    }
    passes(blank, "points-not-100");
}

#[test]
fn names_under_one_second_level_indicator_are_apart() {
    let mut twice = plan();
    let leaf = twice.pointer(&leaf_pointer("A11")).unwrap().clone();
    let mut copy = leaf.clone();
    copy["id"] = json!("A12");
    twice["indicators"][0]["children"][0]["children"] = json!([leaf, copy.clone()]);
    finds(twice, "duplicate-indicator-name", Level::Warning);
    let mut apart = plan();
    copy["name"] = json!("培训人次");
    apart["indicators"][0]["children"][1]["children"]
        .as_array_mut()
        .unwrap()
        .push(copy);
    passes(apart, "duplicate-indicator-name");
}

#[test]
fn every_finding_says_what_to_write_and_names_the_word() {
    let doc = read_value(target("A11", "有效提升")).unwrap();
    let f = review(&doc)
        .into_iter()
        .find(|f| f.code() == "vague-target")
        .unwrap();
    assert_eq!(f.path.to_string(), "indicators/A11/rule/target");
    let zh = f.message(jixiao_core::Lang::Zh);
    assert!(
        zh.contains("“有效提升”") && zh.contains("请写出数值"),
        "{zh}"
    );
    let doc = read_value(with("/funds/other", json!("19.99"))).unwrap();
    let f = review(&doc)
        .into_iter()
        .find(|f| f.code() == "funds-total-mismatch")
        .unwrap();
    let zh = f.message(jixiao_core::Lang::Zh);
    assert!(zh.contains("100") && zh.contains("99.99"), "{zh}");
    assert_eq!(f.path.to_string(), "funds/total");
}

#[test]
fn a_plan_is_reviewed_in_every_evaluation_and_a_document_with_actuals_is_not() {
    let doc = read_value(target("A11", "有效提升")).unwrap();
    assert!(jixiao_core::is_plan(&doc));
    assert!(jixiao_core::audit(&doc)
        .findings
        .iter()
        .any(|f| f.code() == "vague-target"));
    let mut done = target("A11", "有效提升");
    done.pointer_mut(&leaf_pointer("A11")).unwrap()["rule"]["actual"] = json!("280");
    let doc = read_value(done).unwrap();
    assert!(!jixiao_core::is_plan(&doc));
    assert!(!jixiao_core::audit(&doc)
        .findings
        .iter()
        .any(|f| f.code() == "vague-target"));
}

#[test]
fn held_to_what_was_declared_a_lowered_target_names_both_values_and_the_score_difference() {
    // Kunming as declared with 120 trainees (more than the 114 it trained), then the target
    // lowered to 60 in the self-evaluation.
    let mut doc = jixiao_core::template("kunming-2022").unwrap();
    let target = jixiao_core::FieldPath::rule("C112", jixiao_core::RuleField::Target);
    jixiao_core::set_field(&mut doc, &target, "120").unwrap();
    doc.declared = Some(jixiao_core::declare(&doc, Some("2022-01-15".into())));
    let declared_eval = jixiao_core::audit(&doc);
    assert!(declared_eval
        .findings
        .iter()
        .all(|f| !f.code().contains("since-declared") && f.code() != "declared-target-removed"));
    assert_eq!(jixiao_core::show2(declared_eval.total), "91.80");
    jixiao_core::set_field(&mut doc, &target, "60").unwrap();
    let eval = jixiao_core::audit(&doc);
    let changed: Vec<_> = eval
        .findings
        .iter()
        .filter(|f| f.code() == "target-changed-since-declared")
        .collect();
    assert_eq!(changed.len(), 1, "{changed:?}");
    assert_eq!(changed[0].path.to_string(), "indicators/C112/rule/target");
    let zh = changed[0].message(jixiao_core::Lang::Zh);
    assert!(
        zh.contains("申报为 ≥120人次") && zh.contains("现为 ≥60人次"),
        "{zh}"
    );
    assert!(zh.contains("3.80") && zh.contains("4.00"), "{zh}");
    // The total and grade against the declared targets, beside the document's own.
    assert_eq!(jixiao_core::show2(eval.total), "92.00");
    let declared = eval.declared.as_ref().unwrap();
    assert_eq!(jixiao_core::show2(declared.total), "91.80");
    assert_eq!(declared.grade.as_deref(), Some("优"));
    // The drafted report says so where it reports the targets.
    let text = jixiao_core::draft_text(&doc, &eval, jixiao_core::Lang::Zh);
    assert!(
        text.contains("申报后有1个指标的年度指标值作了调整：“参加残疾人职业技能培训的残疾人数”申报为≥120人次，调整为≥60人次。按申报目标计分，总分91.80分（优）；按调整后的目标92.00分（优）。"),
        "{text}"
    );
}

#[test]
fn a_leaf_removed_or_added_since_the_declaration_and_points_changed_are_findings() {
    let mut doc = jixiao_core::template("kunming-2022").unwrap();
    doc.declared = Some(jixiao_core::declare(&doc, None));
    let points = jixiao_core::FieldPath::node("C111", jixiao_core::NodeField::Points);
    jixiao_core::set_field(&mut doc, &points, "5").unwrap();
    let mut value = jixiao_core::to_value(&doc);
    // C121 removed, a leaf C124 added beside it.
    let groups = value["indicators"]
        .to_string()
        .replace("\"C121\"", "\"C124\"");
    value["indicators"] = serde_json::from_str(&groups).unwrap();
    let doc = read_value(value).unwrap();
    let codes: Vec<(String, String)> = jixiao_core::audit(&doc)
        .findings
        .iter()
        .map(|f| (f.code().to_string(), f.path.to_string()))
        .collect();
    for (code, path) in [
        ("points-changed-since-declared", "indicators/C111/points"),
        ("declared-target-removed", "declared/targets/C121"),
        ("target-added-since-declared", "indicators/C124"),
    ] {
        assert!(
            codes.contains(&(code.into(), path.into())),
            "{code} {path} in {codes:?}"
        );
    }
}
