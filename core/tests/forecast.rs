//! The year-end forecast (全年预计), rule kind by rule kind: a leaf's forecast, a `certain`
//! likelihood (target met), a value to date only, or nothing reported, one line each.
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

use jixiao_core::{forecast, read_value, show2, Document};
use serde_json::{json, Value};

/// A 2026 document of one 10-point leaf under `rule` (its own figures as written in `rule`),
/// a budget line (100 planned, 50 spent) and a survey at 80, with a round at 30 June (序时进度
/// 50%) that reports 40 spent on the line and `report` for the leaf.
fn document(rule: Value, report: Value) -> Document {
    read_value(json!({
        "format": "jixiao/1",
        "meta": {"year": "2026"},
        "budget": [{"id": "b1", "name": "经费", "planned": "100", "spent": "50"}],
        "surveys": [{"id": "s1", "name": "问卷",
            "options": [{"label": "满意", "weight": "100"}, {"label": "不满意", "weight": "0"}],
            "questions": [{"id": "q1", "text": "?", "counts": [8, 2]}]}],
        "indicators": [{"id": "G", "name": "数量指标", "children": [
            {"id": "L", "name": "指标", "points": "10", "reason": "说明", "rule": rule}]}],
        "monitoring": [{"as_of": "2026-06-30",
            "budget": {"b1": {"spent": "40"}},
            "indicators": {"L": report}}]
    }))
    .unwrap()
}

/// The leaf's score in the forecast.
#[track_caller]
fn forecast_case(rule: Value, report: Value, expected: &str) {
    let doc = document(rule.clone(), report.clone());
    let f = forecast(&doc, &doc.monitoring[0]);
    let leaf = f.eval.leaves.iter().find(|l| l.id == "L").unwrap();
    assert_eq!(
        show2(leaf.score),
        expected,
        "rule {rule}, report {report}: {:?}",
        f.eval.findings
    );
}

fn forecasts(v: &str) -> Value {
    json!({"forecast": v})
}

fn certain() -> Value {
    json!({"likelihood": "certain"})
}

fn value(v: &str) -> Value {
    json!({"value": v})
}

fn nothing() -> Value {
    json!({})
}

#[test]
fn at_least() {
    let rule = json!({"kind": "at_least", "target": "100", "actual": "50"});
    forecast_case(rule.clone(), forecasts("90"), "9.00");
    forecast_case(rule.clone(), certain(), "10.00");
    forecast_case(rule.clone(), value("60"), "6.00");
    forecast_case(rule, nothing(), "5.00");
}

#[test]
fn at_most() {
    let rule = json!({"kind": "at_most", "target": "10", "actual": "20"});
    forecast_case(rule.clone(), forecasts("12.5"), "8.00");
    forecast_case(rule.clone(), certain(), "10.00");
    forecast_case(rule.clone(), value("40"), "2.50");
    forecast_case(rule, nothing(), "5.00");
}

#[test]
fn equal() {
    let rule = json!({"kind": "equal", "target": "100", "actual": "80"});
    forecast_case(rule.clone(), forecasts("90"), "9.00");
    forecast_case(rule.clone(), certain(), "10.00");
    forecast_case(rule.clone(), value("50"), "5.00");
    forecast_case(rule, nothing(), "8.00");
}

#[test]
fn deadline() {
    let rule = json!({"kind": "deadline", "target": "2026-11-30", "actual": "2026-12-15"});
    forecast_case(rule.clone(), forecasts("2026-11-20"), "10.00");
    forecast_case(rule.clone(), certain(), "10.00");
    forecast_case(rule.clone(), value("2026-12-01"), "0.00");
    forecast_case(rule, nothing(), "0.00");
}

#[test]
fn qualitative() {
    let rule = json!({"kind": "qualitative", "tier": "partial", "fraction": "0.7"});
    forecast_case(rule.clone(), forecasts("achieved"), "10.00");
    forecast_case(rule.clone(), certain(), "10.00");
    forecast_case(rule.clone(), value("missed"), "0.00");
    forecast_case(rule, nothing(), "7.00");
}

#[test]
fn manual() {
    let rule = json!({"kind": "manual", "score": "6", "reason": "专家"});
    forecast_case(rule.clone(), forecasts("8"), "8.00");
    forecast_case(rule.clone(), certain(), "10.00");
    forecast_case(rule.clone(), value("7"), "7.00");
    forecast_case(rule, nothing(), "6.00");
}

#[test]
fn budget_execution_follows_the_budgets_forecast() {
    // 40 spent by 30 June is 80 at the same pace: 80% of the 100 planned, whatever the leaf says.
    let rule = json!({"kind": "budget_execution"});
    forecast_case(rule.clone(), forecasts("95"), "8.00");
    forecast_case(rule.clone(), certain(), "8.00");
    forecast_case(rule.clone(), value("40"), "8.00");
    forecast_case(rule, nothing(), "8.00");
}

#[test]
fn fund_arrival_follows_the_budget() {
    let rule = json!({"kind": "fund_arrival"});
    forecast_case(rule.clone(), forecasts("95"), "10.00");
    forecast_case(rule.clone(), certain(), "10.00");
    forecast_case(rule.clone(), value("40"), "10.00");
    forecast_case(rule, nothing(), "10.00");
}

#[test]
fn satisfaction() {
    // The survey says 80 against a target of 90: 8.89 of 10 as the document stands.
    let rule = json!({"kind": "satisfaction", "survey": "s1", "target": "90"});
    forecast_case(rule.clone(), forecasts("95"), "10.00");
    forecast_case(rule.clone(), forecasts("81%"), "9.00");
    forecast_case(rule.clone(), certain(), "10.00");
    forecast_case(rule.clone(), value("85"), "9.44");
    forecast_case(rule, nothing(), "8.89");
}

#[test]
fn satisfaction_with_steps_reads_the_forecast_against_the_steps() {
    let rule = json!({"kind": "satisfaction", "survey": "s1", "target": "90",
        "steps": [{"min": "90", "fraction": "1"}, {"min": "80", "fraction": "0.8"}]});
    forecast_case(rule.clone(), forecasts("85"), "8.00");
    forecast_case(rule.clone(), forecasts("92"), "10.00");
    forecast_case(rule.clone(), certain(), "10.00");
    forecast_case(rule, nothing(), "8.00");
}

#[test]
fn a_satisfaction_without_answers_yet_is_forecast_from_its_forecast() {
    // Kunming mid-year: the survey not run yet (no answers), a round forecasting 95 for the
    // satisfaction leaf C31 (10 points, target 90): the forecast keeps its 10 points.
    let mut doc = jixiao_core::template("kunming-2022").unwrap();
    for q in &mut doc.surveys[0].questions {
        for c in &mut q.counts {
            *c = jixiao_core::Num::new("0");
        }
    }
    let round = json!({"as_of": "2022-07-31", "indicators": {"C31": {"forecast": "95"}}});
    let mut value = jixiao_core::to_value(&doc);
    value["monitoring"] = json!([round]);
    let doc = read_value(value).unwrap();
    let f = forecast(&doc, &doc.monitoring[0]);
    let c31 = f.eval.leaves.iter().find(|l| l.id == "C31").unwrap();
    assert_eq!(show2(c31.score), "10.00");
    let own = jixiao_core::audit(&doc);
    let own_c31 = own.leaves.iter().find(|l| l.id == "C31").unwrap();
    assert_eq!(
        show2(own_c31.score),
        "0.00",
        "the document itself has no answers yet"
    );
    assert!(f.eval.total > own.total);
}
