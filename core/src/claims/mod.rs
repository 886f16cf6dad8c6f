//! Figures a printed report claims (optional `claimed` object of `jixiao/1`: `total`, `grade`,
//! `execution_rate`, `satisfaction`, `scores`, and `printed`: every figure read from a Word
//! report with where it was printed), checked against the computed ones. The seed's 84.28% and
//! 97.47 are exactly what this catches.
//!
//! A printed figure agrees when it equals the computed one rounded (half away from zero) to the
//! decimals it was printed with: `86%` for 86.20% agrees, `84.28%` for 84.27% does not, `9` for a
//! score of 8.62 agrees on a form that prints whole points.

mod printed;

pub use printed::{check_printed, excerpt, printed, Disagreement, Printed, Verdict, What};

use crate::model::Document;
use crate::number::show2;
use crate::path::ClaimField;
use rust_decimal::Decimal;
use serde_json::Value;

/// The computed figures a report's claims are held against.
#[derive(Clone, Debug, Default)]
pub struct Computed<'a> {
    /// 总分.
    pub total: Decimal,
    /// 等级.
    pub grade: Option<String>,
    /// 预算执行率.
    pub execution_rate: Option<Decimal>,
    /// 满意度.
    pub satisfaction: Option<Decimal>,
    /// Each leaf's 得分 by id (the first leaf of an id), for `claimed.scores`; ids borrowed.
    pub scores: std::collections::HashMap<&'a str, Decimal>,
}

/// Whether the document claims per-leaf scores (so that they need to be collected).
pub fn claims_scores(doc: &Document) -> bool {
    doc.extra
        .get("claimed")
        .and_then(|c| c.get("scores"))
        .is_some_and(Value::is_object)
}

/// A claimed figure that differs from the computed one.
#[derive(Clone, Debug, PartialEq)]
pub struct Mismatch {
    /// Which figure.
    pub field: ClaimField,
    /// What the report says.
    pub claimed: String,
    /// The computed figure as shown.
    pub computed: String,
}

/// The number printed in `text` (`84.28%`, `92分`, `９２．００`, `-3`) and how many decimals
/// it was printed with.
pub fn printed_number(text: &str) -> Option<(Decimal, u32)> {
    let t = crate::text::normalise(text).replace(',', "");
    let start = t.find(|c: char| c.is_ascii_digit())?;
    let (before, rest) = t.split_at(start);
    let end = rest
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(rest.len());
    let digits = rest.get(..end)?.trim_end_matches('.');
    let mut value = crate::number::parse_decimal(digits).ok()?;
    if before.ends_with('-') {
        value.set_sign_negative(true);
    }
    let decimals = digits
        .split_once('.')
        .map_or(0, |(_, d)| u32::try_from(d.len()).unwrap_or(u32::MAX));
    Some((value, decimals))
}

/// Whether a printed figure agrees with the computed one: equal once the computed one is rounded
/// to the decimals the figure was printed with.
pub fn agrees(printed: &str, computed: Decimal) -> bool {
    printed_number(printed).is_some_and(|(value, decimals)| {
        decimals <= 28
            && computed.round_dp_with_strategy(
                decimals,
                rust_decimal::RoundingStrategy::MidpointAwayFromZero,
            ) == value
    })
}

/// Whether a claimed number, as written, differs from the computed one at the precision it was
/// printed with. Claims that are not numbers differ.
fn differs(claimed: &str, computed: Option<Decimal>) -> bool {
    computed.is_none_or(|v| !agrees(claimed, v))
}

/// The claimed figures of the document, compared; empty when it claims nothing or all agree.
pub fn check(doc: &Document, computed: &Computed<'_>) -> Vec<Mismatch> {
    let Some(Value::Object(claimed)) = doc.extra.get("claimed") else {
        return Vec::new();
    };
    let numbers = [
        (ClaimField::Total, Some(computed.total)),
        (ClaimField::ExecutionRate, computed.execution_rate),
        (ClaimField::Satisfaction, computed.satisfaction),
    ];
    let mut out = Vec::new();
    for (field, value) in numbers {
        let text = match claimed.get(field.key()) {
            Some(Value::String(s)) => s.clone(),
            Some(Value::Number(n)) => n.to_string(),
            _ => continue,
        };
        if differs(&text, value) {
            out.push(Mismatch {
                field,
                claimed: text,
                computed: value.map_or("—".to_string(), show2),
            });
        }
    }
    if let Some(Value::Object(scores)) = claimed.get("scores") {
        for (id, value) in scores {
            let text = match value {
                Value::String(s) => s.clone(),
                Value::Number(n) => n.to_string(),
                _ => continue,
            };
            let score = computed.scores.get(id.as_str()).copied();
            if differs(&text, score) {
                out.push(Mismatch {
                    field: ClaimField::Score(id.clone()),
                    claimed: text,
                    computed: score.map_or("—".to_string(), show2),
                });
            }
        }
    }
    if let Some(Value::String(grade)) = claimed.get(ClaimField::Grade.key()) {
        let computed = computed.grade.clone().unwrap_or_default();
        if grade.trim() != computed {
            out.push(Mismatch {
                field: ClaimField::Grade,
                claimed: grade.clone(),
                computed,
            });
        }
    }
    out
}
