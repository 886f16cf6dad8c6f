//! Each rule kind at its edges, and the totals, grade and settings around them.
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

mod common;
use common::*;
use jixiao_core::audit;
use jixiao_core::show2;
use serde_json::json;

#[test]
fn at_least_edges() {
    let c = |t: &str, a: &str| completion(json!({"kind": "at_least", "target": t, "actual": a}));
    assert_eq!(c("3", "4"), d("100"));
    assert_eq!(c("3", "3"), d("100"));
    assert_eq!(c("60", "45"), d("75"));
    assert_eq!(c("0", "0"), d("100"), "target 0 is met by anything");
    assert_eq!(c("-5", "-9"), d("100"), "a target ≤ 0 is met by anything");
    assert_eq!(c("10", "-3"), d("0"), "a negative actual counts as 0");
}

#[test]
fn at_least_with_steps_at_a_boundary() {
    let steps = json!([{"min": "90", "fraction": "1"}, {"min": "80", "fraction": "0.8"}, {"min": "60", "fraction": "0.6"}]);
    let c = |a: &str| {
        completion(json!({"kind": "at_least", "target": "50", "actual": a, "steps": steps}))
    };
    assert_eq!(c("45"), d("100"), "rate 90% is on the step");
    assert_eq!(c("44.99"), d("80"), "just below 90% falls to the next step");
    assert_eq!(c("40"), d("80"));
    assert_eq!(c("29.99"), d("0"), "below every step");
    let zero_target =
        completion(json!({"kind": "at_least", "target": "0", "actual": "1", "steps": steps}));
    assert_eq!(zero_target, d("100"), "target ≤ 0 gives the rate 100");
}

#[test]
fn at_most_edges() {
    let c = |t: &str, a: &str, f: Option<&str>| {
        let mut rule = json!({"kind": "at_most", "target": t, "actual": a});
        if let Some(f) = f {
            rule["formula"] = json!(f);
        }
        completion(rule)
    };
    assert_eq!(c("64.53", "63.6", None), d("100"));
    assert_eq!(c("100", "125", None), d("80"), "ratio: target / actual");
    assert_eq!(
        c("100", "125", Some("linear")),
        d("75"),
        "linear: 1 − (a − t)/t"
    );
    assert_eq!(
        c("100", "200", Some("linear")),
        d("0"),
        "linear is 0 at twice the target"
    );
    assert_eq!(c("100", "300", Some("linear")), d("0"), "never negative");
    assert_eq!(
        c("0", "0", None),
        d("100"),
        "nothing spent against a zero target"
    );
    assert_eq!(
        c("0", "5", None),
        d("0"),
        "target ≤ 0 and exceeded scores 0"
    );
    assert_eq!(c("0", "5", Some("linear")), d("0"));
}

#[test]
fn at_most_unknown_formula_is_an_error() {
    let (leaf, eval) =
        score_one(json!({"kind": "at_most", "target": "1", "actual": "2", "formula": "log"}));
    assert!(!leaf.valid);
    assert!(has(&eval, "unknown-formula", "indicators/L/rule/formula"));
}

#[test]
fn equal_edges() {
    let c = |t: &str, a: &str, tol: &str| {
        completion(json!({"kind": "equal", "target": t, "actual": a, "tolerance": tol}))
    };
    assert_eq!(c("100", "100", "0"), d("100"));
    assert_eq!(c("100", "103", "5"), d("100"), "within tolerance");
    assert_eq!(c("100", "110", "0"), d("90"));
    assert_eq!(c("100", "90", "0"), d("90"), "both sides fall alike");
    assert_eq!(c("0", "0", "0"), d("100"));
    assert_eq!(c("0", "1", "0"), d("0"), "target 0 missed scores 0");
    assert_eq!(
        c("-10", "-12", "0"),
        d("80"),
        "distance relative to |target|"
    );
}

#[test]
fn deadline_one_day_late_scores_nothing() {
    let c = |a: &str| completion(json!({"kind": "deadline", "target": "2022-11-30", "actual": a}));
    assert_eq!(c("2022-11-30"), d("100"));
    assert_eq!(c("2022-08-21"), d("100"));
    assert_eq!(c("2022-12-01"), d("0"));
    let (leaf, eval) =
        score_one(json!({"kind": "deadline", "target": "2022-11-31", "actual": "2022-11-01"}));
    assert!(!leaf.valid);
    assert!(has(&eval, "not-a-date", "indicators/L/rule/target"));
}

#[test]
fn qualitative_band_edges() {
    let ok = |tier: &str, f: Option<&str>| {
        let mut rule = json!({"kind": "qualitative", "tier": tier});
        if let Some(f) = f {
            rule["fraction"] = json!(f);
        }
        let (leaf, _) = score_one(rule);
        leaf.valid.then_some(leaf.completion)
    };
    assert_eq!(ok("achieved", None), Some(d("1")), "achieved defaults to 1");
    assert_eq!(ok("achieved", Some("0.8")), Some(d("0.8")));
    assert_eq!(ok("achieved", Some("0.79")), None);
    assert_eq!(ok("partial", Some("0.8")), None, "0.8 belongs to achieved");
    assert_eq!(ok("partial", Some("0.6")), Some(d("0.6")));
    assert_eq!(ok("partial", Some("0.7999")), Some(d("0.7999")));
    assert_eq!(ok("partial", None), None, "partial needs a fraction");
    assert_eq!(ok("missed", Some("0.6")), None, "0.6 belongs to partial");
    assert_eq!(ok("missed", Some("0.5999")), Some(d("0.5999")));
    assert_eq!(ok("missed", Some("0")), Some(d("0")));
    assert_eq!(ok("missed", Some("-0.1")), None);
    assert_eq!(ok("great", Some("1")), None);
    let (_, eval) = score_one(json!({"kind": "qualitative", "tier": "partial", "fraction": "0.9"}));
    assert!(has(
        &eval,
        "fraction-out-of-band",
        "indicators/L/rule/fraction"
    ));
}

#[test]
fn manual_score_must_lie_within_the_points() {
    let (leaf, _) = score_one(json!({"kind": "manual", "score": "7.5"}));
    assert_eq!((leaf.score, leaf.completion), (d("7.5"), d("0.75")));
    let (leaf, _) = score_one(json!({"kind": "manual", "score": "10"}));
    assert_eq!(leaf.score, d("10"));
    for bad in ["10.01", "-1"] {
        let (leaf, eval) = score_one(json!({"kind": "manual", "score": bad}));
        assert!(!leaf.valid && leaf.score.is_zero(), "{bad}");
        assert!(has(
            &eval,
            "manual-score-out-of-range",
            "indicators/L/rule/score"
        ));
    }
}

#[test]
fn budget_execution_and_fund_arrival() {
    // The helper's budget: planned 100, spent 85, received defaults to planned.
    assert_eq!(completion(json!({"kind": "budget_execution"})), d("85"));
    assert_eq!(completion(json!({"kind": "fund_arrival"})), d("100"));
    let steps = json!([{"min": "90", "fraction": "1"}, {"min": "80", "fraction": "0.8"}]);
    assert_eq!(
        completion(json!({"kind": "budget_execution", "steps": steps})),
        d("80")
    );
    let mut doc = one_leaf(json!({"kind": "budget_execution"}));
    doc["budget"][0]["spent"] = json!("130");
    let eval = audit(&common::doc(doc));
    assert_eq!(eval.leaves[0].completion, d("1"), "capped at 1");
    assert!(has(&eval, "spent-over-received", "budget/b1/spent"));
    let mut doc = one_leaf(json!({"kind": "budget_execution"}));
    doc["budget"] = json!([]);
    let eval = audit(&common::doc(doc));
    assert!(has(&eval, "no-budget", "indicators/L/rule"));
}

#[test]
fn satisfaction_rule() {
    // The helper's survey: 9 of 10 answers at 100, one at 0 → 90.
    assert_eq!(
        completion(json!({"kind": "satisfaction", "survey": "s1", "target": "90"})),
        d("100")
    );
    assert_eq!(
        completion(json!({"kind": "satisfaction", "survey": "s1", "target": "100"})),
        d("90")
    );
    let steps = json!([{"min": "95", "fraction": "1"}, {"min": "85", "fraction": "0.5"}]);
    let stepped =
        completion(json!({"kind": "satisfaction", "survey": "s1", "target": "90", "steps": steps}));
    assert_eq!(stepped, d("50"), "steps use the satisfaction itself");
    let (leaf, eval) = score_one(json!({"kind": "satisfaction", "survey": "s9", "target": "90"}));
    assert!(!leaf.valid);
    assert!(has(&eval, "unknown-survey", "indicators/L/rule/survey"));
}

#[test]
fn share_method_counts_the_first_options() {
    let mut value = one_leaf(json!({"kind": "satisfaction", "survey": "s1", "target": "90"}));
    value["surveys"][0] = json!({"id": "s1", "name": "s", "method": "share", "satisfied_options": 2,
        "options": [{"label": "a", "weight": "100"}, {"label": "b", "weight": "80"}, {"label": "c", "weight": "60"}],
        "questions": [{"id": "q1", "text": "?", "counts": [5, 3, 2]}, {"id": "q2", "text": "?", "counts": [10, 0, 0]}]});
    let eval = audit(&doc(value));
    let s = eval.survey("s1").unwrap();
    assert_eq!(s.questions[0].satisfaction, Some(d("80")));
    assert_eq!(s.satisfaction, Some(d("90")));
    assert_eq!(s.weakest.as_deref(), Some("q1"));
}

#[test]
fn not_applicable_counts_in_neither_total_nor_maximum() {
    let mut value = one_leaf(json!({"kind": "manual", "score": "5"}));
    value["indicators"].as_array_mut().unwrap().push(json!(
        {"id": "N", "name": "n/a", "points": "90", "applicable": false, "rule": {"kind": "at_least"}}));
    let eval = audit(&doc(value));
    assert_eq!((eval.total, eval.max_points), (d("5"), d("10")));
    assert_eq!(show2(eval.percent), "50.00");
    assert!(
        !has(&eval, "points-not-100", "indicators"),
        "the design still adds up to 100"
    );
    assert!(
        !eval.has_errors(),
        "a blank rule of a 不适用 leaf is not an error"
    );
}

fn percent_of(scores: &[(&str, &str)]) -> jixiao_core::Evaluation {
    let leaves: Vec<_> = scores
        .iter()
        .enumerate()
        .map(|(i, (p, s))| {
            json!({"id": format!("L{i}"), "name": "x", "points": p, "reason": "r",
            "rule": {"kind": "manual", "score": s}})
        })
        .collect();
    audit(&doc(json!({"format": "jixiao/1", "indicators": leaves})))
}

#[test]
fn grade_is_taken_from_the_rounded_percent() {
    let eval = percent_of(&[("100", "79.99"), ("100", "100")]);
    assert_eq!(eval.percent, d("89.995"));
    assert_eq!(show2(eval.percent), "90.00");
    assert_eq!(eval.grade.as_deref(), Some("优"));
    let eval = percent_of(&[("100", "79.994")]);
    assert_eq!(show2(eval.percent), "79.99");
    assert_eq!(eval.grade.as_deref(), Some("中"));
    assert_eq!(
        percent_of(&[("100", "59.994")]).grade.as_deref(),
        Some("差")
    );
    assert_eq!(percent_of(&[("100", "80")]).grade.as_deref(), Some("良"));
}

#[test]
fn grade_bands_and_threshold_are_settings() {
    let mut value = one_leaf(json!({"kind": "at_least", "target": "10", "actual": "12"}));
    value["settings"] = json!({"grades": [{"label": "合格", "min": "60"}, {"label": "优秀", "min": "80"}],
        "deviation_threshold": "10"});
    let eval = audit(&doc(value));
    assert_eq!(
        eval.grade.as_deref(),
        Some("优秀"),
        "bands are sorted by their minimum"
    );
    assert!(
        has(&eval, "over-target", "indicators/L/rule/actual"),
        "120% is over a 10% threshold"
    );
    let eval = audit(&doc(one_leaf(
        json!({"kind": "at_least", "target": "10", "actual": "13"}),
    )));
    assert!(
        !has(&eval, "over-target", "indicators/L/rule/actual"),
        "exactly 130% is not over 30%"
    );
}

#[test]
fn no_applicable_leaf_gives_percent_zero_with_a_warning() {
    let eval = audit(&doc(json!({"format": "jixiao/1", "indicators": [
        {"id": "N", "name": "n", "points": "100", "applicable": false, "rule": {"kind": "manual"}}]})));
    assert_eq!(eval.percent, d("0"));
    assert!(has(&eval, "no-applicable-indicator", "indicators"));
}

#[test]
fn an_error_in_one_leaf_leaves_the_others_scored() {
    let mut k: serde_json::Value = serde_json::from_str(&kunming_text()).unwrap();
    k["indicators"][2]["children"][0]["children"][0]["children"][0]["rule"]["actual"] =
        json!("四期");
    let eval = audit(&doc(k));
    assert!(has(&eval, "not-a-number", "indicators/C111/rule/actual"));
    assert_eq!(show2(eval.total), "88.00", "only C111's 4 points are lost");
    assert_eq!(show2(eval.max_points), "100.00");
}

#[test]
fn missing_reason_and_its_absence() {
    let mut value = one_leaf(json!({"kind": "at_least", "target": "10", "actual": "5"}));
    value["indicators"][0]["reason"] = json!("");
    assert!(has(
        &audit(&doc(value.clone())),
        "missing-reason",
        "indicators/L/reason"
    ));
    value["indicators"][0]["reason"] = json!("受疫情影响，培训延期");
    assert!(!has(
        &audit(&doc(value)),
        "missing-reason",
        "indicators/L/reason"
    ));
}

#[test]
fn overflow_is_a_finding_not_a_panic() {
    let huge = "79228162514264337593543950335";
    let eval = audit(&doc(json!({"format": "jixiao/1",
        "budget": [{"id": "b1", "name": "x", "planned": huge, "spent": "1"}, {"id": "b2", "name": "y", "planned": huge, "spent": "1"}],
        "indicators": [{"id": "A", "name": "a", "points": huge, "rule": {"kind": "at_least", "target": "0.5", "actual": huge}},
                       {"id": "B", "name": "b", "points": huge, "rule": {"kind": "manual", "score": huge}}]})));
    assert!(
        eval.findings.iter().any(|f| f.code() == "overflow"),
        "{:?}",
        codes(&eval)
    );
}

#[test]
fn the_blank_standard_template_scores_nothing_and_every_finding_asks_to_fill_something() {
    let doc = jixiao_core::template("standard").unwrap();
    let eval = audit(&doc);
    assert_eq!(show2(eval.total), "0.00", "nothing typed, nothing scored");
    assert!(!eval.findings.is_empty());
    for f in &eval.findings {
        assert!(
            f.problem.is_unfilled(),
            "{} is about something written wrong",
            f.path
        );
    }
    // The qualitative indicators have no tier until one is chosen, and ask for it.
    let tiers: Vec<String> = eval
        .findings
        .iter()
        .filter(|f| f.code() == "unknown-tier")
        .map(|f| f.path.to_string())
        .collect();
    assert_eq!(
        tiers,
        ["indicators/X11/rule/tier", "indicators/X21/rule/tier"]
    );
}

#[test]
fn a_wrong_value_is_not_merely_unfilled() {
    use jixiao_core::Problem;
    assert!(Problem::MissingField.is_unfilled());
    assert!(!Problem::UnknownTier {
        tier: "mostly".into()
    }
    .is_unfilled());
    assert!(!Problem::NegativeMoney.is_unfilled());
}

#[test]
fn a_claimed_score_is_held_against_the_first_leaf_of_its_id() {
    let leaf = |actual: &str| {
        json!({"id": "L1", "name": "指标", "points": "10",
            "rule": {"kind": "at_least", "target": "100", "actual": actual}})
    };
    let claims = |score: &str| {
        let doc = jixiao_core::read_value(json!({
            "format": "jixiao/1",
            "indicators": [leaf("100"), leaf("50"), {"id": "L2", "name": "另一个", "points": "10",
                "rule": {"kind": "manual", "score": "7"}}],
            "claimed": {"scores": {"L1": score, "L2": "7.00"}},
        }))
        .unwrap();
        audit(&doc)
            .findings
            .iter()
            .filter(|f| f.problem.code() == "claim-differs")
            .map(|f| f.path.to_string())
            .collect::<Vec<_>>()
    };
    assert!(claims("10.00").is_empty(), "the first L1 scores 10");
    assert_eq!(
        claims("5.00"),
        ["claimed/scores/L1"],
        "the second L1's 5 is not the one held"
    );
}

#[test]
fn a_claim_agrees_at_the_precision_it_was_printed_with() {
    // Kunming: execution rate 84.2748…%, satisfaction 96.8596…, total 92.
    let base = include_str!("../../tests/data/kunming-2022.json");
    let differing = |claimed: serde_json::Value| {
        let mut v: serde_json::Value = serde_json::from_str(base).unwrap();
        v["claimed"] = claimed;
        let doc = jixiao_core::read_str(&v.to_string()).unwrap();
        audit(&doc)
            .findings
            .iter()
            .filter(|f| f.problem.code() == "claim-differs")
            .map(|f| f.path.to_string())
            .collect::<Vec<_>>()
    };
    // 84% and 84.3% agree with 84.27%, 84.28% does not; 97 and 96.9 agree with 96.86, 96 not.
    assert!(differing(serde_json::json!({"execution_rate": "84"})).is_empty());
    assert!(differing(serde_json::json!({"execution_rate": "84.3%"})).is_empty());
    assert!(differing(serde_json::json!({"execution_rate": "84.275"})).is_empty());
    assert_eq!(
        differing(serde_json::json!({"execution_rate": "84.28"})),
        ["claimed/execution_rate"]
    );
    assert!(differing(serde_json::json!({"satisfaction": "96.9"})).is_empty());
    assert!(differing(serde_json::json!({"satisfaction": "97"})).is_empty());
    assert_eq!(
        differing(serde_json::json!({"satisfaction": "96"})),
        ["claimed/satisfaction"]
    );
    assert!(differing(serde_json::json!({"total": "92.00", "grade": "优"})).is_empty());
}
