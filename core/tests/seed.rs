//! Every "Seed check" figure of SCORING.md, asserted on the Kunming example.
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
use jixiao_core::{audit, Level};
use jixiao_core::{show2, show_exact};

#[test]
fn budget_figures_of_the_seed() {
    let eval = audit(&kunming());
    let b = &eval.budget;
    assert_eq!(show_exact(b.planned), "97.361");
    assert_eq!(show_exact(b.spent), "82.050854");
    assert_eq!(show_exact(b.balance), "15.310146");
    assert_eq!(show2(b.execution_rate.unwrap()), "84.27");
    assert_eq!(show2(b.arrival_rate.unwrap()), "100.00");
    let balances: Vec<String> = b.lines.iter().map(|l| show_exact(l.balance)).collect();
    assert_eq!(balances, ["1.56", "4.2975", "0.93", "8.522646"]);
}

#[test]
fn the_seeds_printed_84_28_is_not_what_the_figures_give() {
    let rate = audit(&kunming()).budget.execution_rate.unwrap();
    assert_ne!(show2(rate), "84.28");
    assert!(rate > d("84.27") && rate < d("84.275"));
}

#[test]
fn survey_figures_of_the_seed() {
    let eval = audit(&kunming());
    let s = eval.survey("s1").unwrap();
    let q = |id: &str| {
        let q = s.questions.iter().find(|q| q.id == id).unwrap();
        show2(q.satisfaction.unwrap())
    };
    assert_eq!(q("q1"), "97.02");
    assert_eq!(q("q2"), "92.63");
    assert_eq!(q("q10"), "94.74");
    assert_eq!(show2(s.satisfaction.unwrap()), "96.86");
    assert_ne!(show2(s.satisfaction.unwrap()), "97.47");
    assert_eq!(s.weakest.as_deref(), Some("q2"));
    assert!(s.questions.iter().all(|q| q.responses == 114));
}

#[test]
fn total_and_grade_of_the_seed() {
    let eval = audit(&kunming());
    assert_eq!(show2(eval.total), "92.00");
    assert_eq!(show2(eval.max_points), "100.00");
    assert_eq!(show2(eval.percent), "92.00");
    assert_eq!(eval.grade.as_deref(), Some("优"));
    let group = |id: &str| {
        let g = eval.groups.iter().find(|g| g.id == id).unwrap();
        (show2(g.points), show2(g.score))
    };
    assert_eq!(group("A"), ("20.00".into(), "20.00".into()));
    assert_eq!(group("B"), ("20.00".into(), "19.00".into()));
    assert_eq!(group("C"), ("60.00".into(), "53.00".into()));
    assert!(!eval.findings.iter().any(|f| f.level() == Level::Error));
}

#[test]
fn the_seed_step_scores_the_budget_line_at_0_8() {
    let eval = audit(&kunming());
    let b12 = eval.leaves.iter().find(|l| l.id == "B12").unwrap();
    assert_eq!(b12.completion, d("0.8"));
    assert_eq!(b12.score, d("4"));
}

#[test]
fn the_audit_flags_what_the_seed_should_have_explained() {
    let eval = audit(&kunming());
    assert!(has(&eval, "low-execution", "budget"));
    assert!(has(&eval, "performance-budget-mismatch", "indicators"));
    assert!(has(&eval, "over-target", "indicators/C112/rule/actual"));
    assert!(has(&eval, "missing-reason", "indicators/C22/reason"));
    assert!(!has(&eval, "points-not-100", "indicators"));
    assert!(!eval
        .findings
        .iter()
        .any(|f| f.code() == "counts-not-respondents"));
}
