//! Helpers shared by the integration tests.
#![allow(dead_code)]

use jixiao_core::LeafResult;
use jixiao_core::{audit, read_str, Document, Evaluation};
use rust_decimal::Decimal;
use serde_json::{json, Value};
use std::str::FromStr;

#[track_caller]
pub fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

#[track_caller]
pub fn kunming_text() -> String {
    jixiao_core::template_text("kunming-2022")
        .unwrap()
        .to_string()
}

#[track_caller]
pub fn kunming() -> Document {
    read_str(&kunming_text()).unwrap()
}

#[track_caller]
pub fn doc(value: Value) -> Document {
    jixiao_core::read_value(value).unwrap()
}

/// A document with one leaf of 10 points under `rule`, a budget and a survey to draw on.
pub fn one_leaf(rule: Value) -> Value {
    json!({
        "format": "jixiao/1",
        "budget": [{"id": "b1", "name": "x", "planned": "100", "spent": "85"}],
        "surveys": [{"id": "s1", "name": "s", "options": [
            {"label": "满意", "weight": "100"}, {"label": "不满意", "weight": "0"}],
            "questions": [{"id": "q1", "text": "?", "counts": [9, 1]}]}],
        "indicators": [{"id": "L", "name": "leaf", "points": "10", "reason": "说明", "rule": rule}]
    })
}

pub fn score_one(rule: Value) -> (LeafResult, Evaluation) {
    let eval = audit(&doc(one_leaf(rule)));
    (eval.leaves[0].clone(), eval)
}

/// The completion of the single leaf, in percent.
#[track_caller]
pub fn completion(rule: Value) -> Decimal {
    let (leaf, eval) = score_one(rule);
    assert!(leaf.valid, "leaf has errors: {:?}", eval.findings);
    leaf.completion * Decimal::ONE_HUNDRED
}

pub fn codes(eval: &Evaluation) -> Vec<(String, String)> {
    eval.findings
        .iter()
        .map(|f| (f.code().to_string(), f.path.to_string()))
        .collect()
}

pub fn has(eval: &Evaluation, code: &str, path: &str) -> bool {
    eval.findings
        .iter()
        .any(|f| f.code() == code && f.path.to_string() == path)
}
