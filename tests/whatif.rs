//! Planning on the Kunming example: goal seeking, scenarios, lost points; and the property that a
//! sought value reaches the goal while one step less does not.
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

#[path = "../core/tests/common/mod.rs"]
mod common;
use common::*;
use jixiao_core::show2;
use jixiao_core::{
    apply_scenario, compare_scenario, compare_scenarios, numeric_paths, scenario_diff, seek,
};
use jixiao_core::{Direction, Goal, Seek, SeekMethod};
use jixiao_core::{FieldPath, Message, PathError};

/// A path as written.
#[track_caller]
fn p(text: &str) -> FieldPath {
    text.parse().unwrap()
}

/// Sets a field by its path as written.
fn set(doc: &mut jixiao_core::Document, path: &str, value: &str) -> Result<(), PathError> {
    jixiao_core::set_field(doc, &path.parse()?, value)
}
use jixiao_core::{audit, read_str, to_string_pretty};
use proptest::prelude::*;
use rust_decimal::Decimal;
use serde_json::json;

#[track_caller]
fn found(s: &Seek) -> (Decimal, Direction, SeekMethod, Decimal) {
    match s {
        Seek::Found {
            value,
            direction,
            method,
            precision,
            ..
        } => (*value, *direction, *method, *precision),
        Seek::Unreachable { .. } => panic!("unreachable"),
    }
}

#[test]
fn least_spending_for_full_marks_on_the_execution_rate() {
    let doc = kunming();
    let answer = seek(&doc, &p("budget/b3/spent"), &Goal::Full).unwrap();
    let (value, direction, method, _) = found(&answer);
    assert_eq!((direction, method), (Direction::AtLeast, SeekMethod::Exact));
    // 90% of 97.361 = 87.6249 in total; the other lines spend 0 + 0.9735 + 17.477354.
    assert_eq!(value, d("69.174046"));
    assert_eq!(value + d("0.9735") + d("17.477354"), d("87.6249"));
    let mut changed = doc.clone();
    set(&mut changed, "budget/b3/spent", &value.to_string()).unwrap();
    let eval = audit(&changed);
    assert_eq!(show2(eval.budget.execution_rate.unwrap()), "90.00");
    let b12 = eval.leaves.iter().find(|l| l.id == "B12").unwrap();
    assert_eq!(b12.score, b12.points, "full marks, checked by rescoring");
    assert_eq!(show2(eval.total), "93.00");
    set(
        &mut changed,
        "budget/b3/spent",
        &(value - d("0.000001")).to_string(),
    )
    .unwrap();
    assert_eq!(
        audit(&changed)
            .leaves
            .iter()
            .find(|l| l.id == "B12")
            .unwrap()
            .score,
        d("4")
    );
}

#[test]
fn seeks_of_each_kind() {
    let doc = kunming();
    // at_least: the least actual for full marks is the target.
    let (v, dir, ..) = found(&seek(&doc, &p("indicators/C112/rule/actual"), &Goal::Full).unwrap());
    assert_eq!((v, dir), (d("60"), Direction::AtLeast));
    // at_most (cost): the most cost that keeps full marks is the target.
    let (v, dir, ..) = found(&seek(&doc, &p("indicators/C141/rule/actual"), &Goal::Full).unwrap());
    assert_eq!((v, dir), (d("64.53"), Direction::AtMost));
    // A total through a qualitative fraction, by bisection within the tier's band.
    let (v, _, method, _) = found(
        &seek(
            &doc,
            &p("indicators/C22/rule/fraction"),
            &Goal::Total(d("93")),
        )
        .unwrap(),
    );
    assert_eq!((v, method), (d("0.6995"), SeekMethod::Bisection));
    // The least answers in the top option of the weakest question that keep 优 at a higher target.
    let mut strict = doc.clone();
    set(&mut strict, "indicators/C31/rule/target", "97").unwrap();
    let before = audit(&strict).total;
    let (v, ..) =
        found(&seek(&strict, &p("surveys/s1/questions/q2/counts/0"), &Goal::Full).unwrap());
    set(
        &mut strict,
        "surveys/s1/questions/q2/counts/0",
        &v.to_string(),
    )
    .unwrap();
    let eval = audit(&strict);
    let c31 = eval.leaves.iter().find(|l| l.id == "C31").unwrap();
    assert_eq!(c31.score, c31.points);
    assert!(eval.total > before);
    set(
        &mut strict,
        "surveys/s1/questions/q2/counts/0",
        &(v - Decimal::ONE).to_string(),
    )
    .unwrap();
    let c31 = audit(&strict)
        .leaves
        .iter()
        .find(|l| l.id == "C31")
        .unwrap()
        .clone();
    assert!(c31.score < c31.points, "one answer less is not enough");
}

#[test]
fn an_unreachable_goal_says_so() {
    let doc = kunming();
    // C111 is already full: no value of it lifts the total to 99.
    assert!(matches!(
        seek(
            &doc,
            &p("indicators/C111/rule/actual"),
            &Goal::Total(d("99"))
        )
        .unwrap(),
        Seek::Unreachable { .. }
    ));
    // A partly-achieved tier never gives full marks.
    assert!(matches!(
        seek(&doc, &p("indicators/C22/rule/fraction"), &Goal::Full).unwrap(),
        Seek::Unreachable { .. }
    ));
    assert!(seek(&doc, &p("indicators/C999/rule/actual"), &Goal::Full).is_err());
    assert!(seek(&doc, &p("budget/b1/name"), &Goal::Full).is_err());
    assert!(seek(&doc, &p("budget/b1/spent"), &Goal::Grade("特优".into())).is_err());
}

#[test]
fn a_scenario_of_three_changes_reports_each_delta() {
    let mut value: serde_json::Value = serde_json::from_str(&kunming_text()).unwrap();
    value["scenarios"] = json!([{"name": "只花 80 万元", "changes": [
        {"path": "budget/b3/spent", "value": "61.549146"},
        {"path": "indicators/C112/rule/actual", "value": "45"},
        {"path": "surveys/s1/questions/q2/counts/2", "value": 9}
    ]}]);
    let doc = doc(value);
    let base = audit(&doc);
    let outcome = compare_scenario(&doc, &base, &doc.scenarios[0]).unwrap();
    assert_eq!(outcome.name, "只花 80 万元");
    // Spending falls to 80 in total: execution 82.17%, still the 0.8 step: no change.
    assert_eq!(outcome.changes[0].old, "63.6");
    assert_eq!(outcome.changes[0].delta, d("0"));
    // 45 of 60 trainees: 0.75 × 4 = 3, one point lost.
    assert_eq!(outcome.changes[1].old, "114");
    assert_eq!(outcome.changes[1].delta, d("-1"));
    // Fewer answers in 一般 change satisfaction but not the (already full) score.
    assert_eq!(
        (
            outcome.changes[2].old.as_str(),
            outcome.changes[2].new.as_str()
        ),
        ("19", "9")
    );
    assert_eq!(outcome.changes[2].delta, d("0"));
    assert_eq!(outcome.delta, d("-1"));
    assert_eq!(show2(outcome.summary.total), "91.00");
    assert_eq!(show2(outcome.summary.execution_rate.unwrap()), "82.17");
    assert_eq!(outcome.summary.first_level[2].3, d("52"));
    assert!(outcome.summary.satisfaction[0].1.unwrap() != base.surveys[0].satisfaction.unwrap());
    // The file with scenarios round-trips.
    let text = to_string_pretty(&doc);
    assert_eq!(read_str(&text).unwrap(), doc);
    assert!(text.contains("\"scenarios\""));
    // The results printed by `score` carry it.
    let results = jixiao_core::results_of(&doc, &base, jixiao_core::Lang::Zh).value();
    assert_eq!(results["scenarios"][0]["total"], "91.00");
    assert_eq!(results["scenarios"][0]["changes"][1]["delta"], "-1.00");
}

/// Scores a scenario the plain way, on copies: the whole scenario, then each change alone.
fn on_copies(
    doc: &jixiao_core::Document,
    scenario: &jixiao_core::Scenario,
) -> Result<(Decimal, Vec<Decimal>), PathError> {
    let whole = audit(&apply_scenario(doc, scenario)?).total;
    let mut alone = Vec::new();
    for c in &scenario.changes {
        let mut copy = doc.clone();
        set(&mut copy, &c.path, &c.value)?;
        alone.push(audit(&copy).total);
    }
    Ok((whole, alone))
}

#[test]
fn scenarios_scored_in_place_agree_with_copies_and_leave_the_document_as_it_was() {
    let mut value: serde_json::Value = serde_json::from_str(&kunming_text()).unwrap();
    // Every part a change can write: a budget line, a leaf (its figure drops the printed text),
    // a survey, a grade band (written out from the defaults), a free entry; and a scenario whose
    // second change fails after its first was written.
    value["indicators"][2]["children"][0]["children"][0]["children"][1]["actual_text"] =
        json!("完成114人次");
    value["scenarios"] = json!([
        {"name": "多处", "changes": [
            {"path": "budget/b3/spent", "value": "61.549146"},
            {"path": "indicators/C112/rule/actual", "value": "45"},
            {"path": "surveys/s1/questions/q2/counts/2", "value": "9"},
            {"path": "settings/grades/0/min", "value": "95"},
            {"path": "claimed/total", "value": "80"}
        ]},
        {"name": "坏", "changes": [
            {"path": "settings/grades/1/min", "value": "70"},
            {"path": "budget/b9/spent", "value": "1"}
        ]},
        {"name": "一处", "changes": [{"path": "indicators/C112/rule/actual", "value": "60"}]}
    ]);
    let mut doc = doc(value);
    assert_eq!(
        doc.leaf("C112").unwrap().actual_text.as_deref(),
        Some("完成114人次")
    );
    let before = doc.clone();
    let base = audit(&doc);
    let compared = compare_scenarios(&mut doc, &base);
    assert_eq!(doc, before, "the document is exactly as it was");
    assert_eq!(compared.len(), 3);
    for (scenario, outcome) in before.scenarios.iter().zip(&compared) {
        match (on_copies(&before, scenario), outcome) {
            (Ok((whole, alone)), Ok(o)) => {
                assert_eq!(o.summary.total, whole, "{}", scenario.name);
                let deltas: Vec<Decimal> = alone.iter().map(|t| *t - base.total).collect();
                let found: Vec<Decimal> = o.changes.iter().map(|c| c.delta).collect();
                assert_eq!(found, deltas, "{}", scenario.name);
            }
            (Err(e), Err(f)) => assert_eq!(&e, f),
            (expected, found) => panic!("{}: {expected:?} against {found:?}", scenario.name),
        }
        assert_eq!(
            outcome.as_ref().ok(),
            compare_scenario(&before, &base, scenario).as_ref().ok()
        );
    }
    assert!(compared[1].is_err());
    // The results as `score` writes them are the same either way.
    let plain = jixiao_core::results_of(&before, &base, jixiao_core::Lang::Zh).value();
    let in_place = jixiao_core::results_of(&doc, &base, jixiao_core::Lang::Zh)
        .with_compared(compared)
        .value();
    assert_eq!(plain, in_place);
}

#[test]
fn a_scenario_with_a_wrong_path_is_an_error_naming_it() {
    let mut doc = kunming();
    doc.scenarios.push(jixiao_core::Scenario {
        name: "x".into(),
        changes: vec![jixiao_core::Change {
            path: "budget/b9/spent".into(),
            value: "1".into(),
            extra: Default::default(),
        }],
        extra: Default::default(),
    });
    let err = compare_scenario(&doc, &audit(&doc), &doc.scenarios[0]).unwrap_err();
    assert!(err.zh().contains("b9") && err.en().contains("budget/b9/spent"));
}

#[test]
fn lost_points_are_ranked() {
    let doc = kunming();
    let lost = jixiao_core::lost_points(&doc, &audit(&doc));
    let ids: Vec<(&str, String)> = lost
        .iter()
        .map(|l| (l.id.as_str(), show2(l.lost)))
        .collect();
    assert_eq!(
        ids,
        [
            ("C22", "4.00".into()),
            ("C23", "3.00".into()),
            ("B12", "1.00".into())
        ]
    );
    assert_eq!(lost[0].groups, ["项目绩效", "效益指标"]);
    let results = jixiao_core::results_of(&doc, &audit(&doc), jixiao_core::Lang::Zh).value();
    assert_eq!(results["lost"][0]["id"], "C22");
    assert_eq!(results["lost"][0]["group"], "项目绩效 / 效益指标");
    assert_eq!(results["lost"][0]["lost"], "4.00");
}

#[test]
fn the_seek_command() {
    let seek = |path: &str, goal: &[&str]| -> (Option<i32>, serde_json::Value) {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_jixiao"))
            .args([
                "seek",
                concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/kunming-2022.json"),
                "--path",
                path,
            ])
            .args(goal)
            .output()
            .unwrap();
        (
            out.status.code(),
            serde_json::from_slice(&out.stdout).unwrap(),
        )
    };
    let (code, v) = seek("budget/b3/spent", &["--full"]);
    assert_eq!(code, Some(0));
    assert_eq!(v["value"], "69.174046");
    assert_eq!(v["result"]["total"], "93.00");
    assert_eq!(v["method"], "exact");
    let (_, v) = seek("indicators/C111/rule/actual", &["--total", "99"]);
    assert_eq!(v["status"], "unreachable");
    let (_, v) = seek("budget/b3/spent", &["--grade", "优"]);
    assert_eq!(v["status"], "found");
    assert_eq!(v["already_met"], true);
}

/// Random documents of the kinds goal seeking inverts or bisects.
fn planning_document() -> impl Strategy<Value = serde_json::Value> {
    let amount = (0i64..100_000, 0u32..4).prop_map(|(m, s)| Decimal::new(m, s).to_string());
    let leaf = (
        prop_oneof![Just("at_least"), Just("at_most"), Just("budget_execution"), Just("satisfaction"), Just("qualitative")],
        1u32..30,
        amount.clone(),
        amount.clone(),
        any::<bool>(),
        prop_oneof![Just("achieved"), Just("partial"), Just("missed")],
    )
        .prop_map(|(kind, points, target, actual, steps, tier)| {
            let mut rule = json!({"kind": kind, "target": target, "actual": actual, "survey": "s1"});
            if kind == "satisfaction" {
                rule["target"] = json!("85");
            }
            if kind == "qualitative" {
                rule["tier"] = json!(tier);
                rule["fraction"] = json!(match tier { "achieved" => "0.9", "partial" => "0.7", _ => "0.3" });
            }
            if steps && kind != "at_most" && kind != "qualitative" {
                rule["steps"] = json!([{"min": "95", "fraction": "1"}, {"min": "80", "fraction": "0.7"}, {"min": "50", "fraction": "0.3"}]);
            }
            json!({"name": "指标", "points": points.to_string(), "reason": "r", "rule": rule})
        });
    (
        proptest::collection::vec((amount.clone(), amount), 1..4),
        proptest::collection::vec(leaf, 1..6),
        proptest::collection::vec(proptest::collection::vec(0u32..60, 3), 1..4),
    )
        .prop_map(|(lines, leaves, counts)| {
            let budget: Vec<_> = lines.iter().enumerate()
                .map(|(i, (p, s))| json!({"id": format!("b{i}"), "name": "x", "planned": p, "spent": s})).collect();
            let indicators: Vec<_> = leaves.into_iter().enumerate()
                .map(|(i, mut l)| { l["id"] = json!(format!("L{i}")); l }).collect();
            let questions: Vec<_> = counts.iter().enumerate()
                .map(|(i, c)| json!({"id": format!("q{i}"), "text": "?", "counts": c})).collect();
            json!({"format": "jixiao/1", "budget": budget, "indicators": [{"id": "G", "name": "g", "children": indicators}],
                "surveys": [{"id": "s1", "name": "s", "options": [{"label": "a", "weight": "100"}, {"label": "b", "weight": "60"}, {"label": "c", "weight": "0"}],
                    "questions": questions}]})
        })
}

#[track_caller]
fn reaches(doc: &jixiao_core::Document, path: &str, value: Decimal, goal: &Goal) -> bool {
    let mut changed = doc.clone();
    set(&mut changed, path, &value.to_string()).unwrap();
    let eval = audit(&changed);
    match goal {
        Goal::Total(t) => jixiao_core::round2(eval.total) >= *t,
        Goal::Grade(g) => eval
            .policy
            .grades
            .iter()
            .find(|(l, _)| l == g)
            .is_some_and(|(_, min)| jixiao_core::round2(eval.percent) >= *min),
        Goal::Full => unreachable!(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 120, ..ProptestConfig::default() })]

    #[test]
    fn a_sought_value_reaches_the_goal_and_one_step_less_does_not(
        value in planning_document(),
        pick in any::<prop::sample::Index>(),
        goal in prop_oneof![(0u32..=100).prop_map(|t| Goal::Total(Decimal::from(t))),
            prop_oneof![Just("优"), Just("良"), Just("中")].prop_map(|g| Goal::Grade(g.to_string()))],
    ) {
        let doc = jixiao_core::read_value(value).unwrap();
        let paths: Vec<String> = numeric_paths(&doc).into_iter().map(|p| p.to_string())
            .filter(|p| p.contains("/spent") || p.contains("/planned") || p.contains("/rule/actual") || p.contains("/counts/") || p.contains("/rule/fraction"))
            .collect();
        prop_assume!(!paths.is_empty());
        let path = pick.get(&paths).clone();
        let answer = seek(&doc, &p(&path), &goal);
        prop_assume!(answer.is_ok());
        if let Seek::Found { value, direction, precision, .. } = answer.unwrap() {
            prop_assert!(reaches(&doc, &path, value, &goal), "{path} = {value} does not reach {goal}");
            let lowest = if path.ends_with("/rule/fraction") { Decimal::new(-1, 0) } else { Decimal::ZERO };
            match direction {
                Direction::AtLeast if value > lowest.max(Decimal::ZERO) && !path.ends_with("/rule/fraction") => {
                    prop_assert!(!reaches(&doc, &path, value - precision, &goal), "{path}: one step below {value} still reaches {goal}");
                }
                Direction::AtMost => {
                    prop_assert!(!reaches(&doc, &path, value + precision, &goal) || value >= Decimal::from(1_000_000_000_000i64),
                        "{path}: one step above {value} still reaches {goal}");
                }
                _ => {}
            }
        }
    }
}

/// A manual score on a grid coarser than its points (points with more than ten decimals): the
/// answer is one that reaches the grade when set, never a grid point beyond the points.
#[test]
fn a_seek_on_a_tiny_manual_score_answers_a_value_that_reaches_the_grade() {
    for points in ["0.00000000005", "0.000000000051", "0.00000000015"] {
        let doc = jixiao_core::read_value(json!({"format": "jixiao/1",
            "indicators": [{"id": "G", "name": "g", "children": [
                {"id": "L0", "name": "a", "points": points, "rule": {"kind": "manual", "score": "0"}}]}]}))
        .unwrap();
        for grade in ["优", "良", "中"] {
            let goal = Goal::Grade(grade.into());
            if let Ok(Seek::Found { value, .. }) = seek(&doc, &p("indicators/L0/rule/score"), &goal)
            {
                assert!(
                    reaches(&doc, "indicators/L0/rule/score", value, &goal),
                    "{points} {value} {grade}"
                );
            }
        }
    }
}

/// A scenario recorded on the 监控 tab keeps the round's values it changed, a report the edit
/// made included; set back on the base, the scenario gives the edited round.
#[test]
fn a_recorded_scenario_keeps_the_rounds_values() {
    let mut base = kunming();
    base.monitoring.push(jixiao_core::Round {
        as_of: "2022-07-31".into(),
        ..Default::default()
    });
    let mut edited = base.clone();
    set(
        &mut edited,
        "monitoring/2022-07-31/indicators/C111/value",
        "2",
    )
    .unwrap();
    set(&mut edited, "monitoring/2022-07-31/budget/b3/spent", "30").unwrap();
    let changes = scenario_diff(&base, &edited);
    let paths: Vec<&str> = changes.iter().map(|c| c.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "monitoring/2022-07-31/budget/b3/spent",
            "monitoring/2022-07-31/indicators/C111/value"
        ]
    );
    let mut replayed = base.clone();
    for c in &changes {
        set(&mut replayed, &c.path, &c.value).unwrap();
    }
    assert_eq!(replayed.monitoring, edited.monitoring);
}
