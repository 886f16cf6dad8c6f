//! Figures a printed report claims (optional `claimed` object of `jixiao/1`: `total`, `grade`,
//! `execution_rate`, `satisfaction`), checked against the computed ones. The seed's 84.28% and
//! 97.47 are exactly what this catches.
//!
//! A claim differs when it is 0.01 or more away from the computed figure as shown (two decimals,
//! half-up). The issue says "more than 0.01", but 84.28 against 84.27 is exactly 0.01, and that
//! transcription error is the one the check exists for.

use crate::model::Document;
use crate::number::{parse_decimal, round2, show2};
use crate::scoring::Evaluation;
use rust_decimal::Decimal;
use serde_json::Value;

/// A claimed number differs when it is this far or farther from the computed one as shown.
pub const TOLERANCE: Decimal = Decimal::from_parts(1, 0, 0, false, 2);

/// A claimed figure that differs from the computed one.
#[derive(Clone, Debug, PartialEq)]
pub struct Mismatch {
    /// `total`, `grade`, `execution_rate` or `satisfaction`.
    pub field: &'static str,
    pub claimed: String,
    pub computed: String,
}

/// The claimed figures of the document, compared; empty when it claims nothing or all agree.
pub fn check(doc: &Document, eval: &Evaluation) -> Vec<Mismatch> {
    let Some(Value::Object(claimed)) = doc.extra.get("claimed") else {
        return Vec::new();
    };
    let satisfaction = mean_satisfaction(eval);
    let numbers: [(&'static str, Option<Decimal>); 3] = [
        ("total", Some(eval.total)),
        ("execution_rate", eval.budget.execution_rate),
        ("satisfaction", satisfaction),
    ];
    let mut out = Vec::new();
    for (field, computed) in numbers {
        let Some(value) = claimed.get(field) else {
            continue;
        };
        let text = match value {
            Value::String(s) => s.clone(),
            Value::Number(n) => n.to_string(),
            _ => continue,
        };
        let shown = computed.map_or("—".to_string(), show2);
        let differs = match (parse_decimal(&text), computed) {
            (Ok(c), Some(v)) => (round2(c) - round2(v)).abs() >= TOLERANCE,
            _ => true,
        };
        if differs {
            out.push(Mismatch {
                field,
                claimed: text,
                computed: shown,
            });
        }
    }
    if let Some(Value::String(grade)) = claimed.get("grade") {
        let computed = eval.grade.clone().unwrap_or_default();
        if grade.trim() != computed {
            out.push(Mismatch {
                field: "grade",
                claimed: grade.clone(),
                computed,
            });
        }
    }
    out
}

/// The satisfaction of the document: the mean of its surveys' (one survey: that survey's).
pub fn mean_satisfaction(eval: &Evaluation) -> Option<Decimal> {
    let values: Vec<Decimal> = eval.surveys.iter().filter_map(|s| s.satisfaction).collect();
    if values.is_empty() {
        return None;
    }
    let sum: Decimal = values.iter().copied().sum();
    Some(sum / Decimal::from(values.len()))
}
