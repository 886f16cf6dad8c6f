//! The year-end score as forecast (全年预计): the document scored as `docs/REFERENCE.md` says, with each
//! leaf's actual replaced by its forecast (written in by the one writer, `path::set`), a
//! `certain` target taken as met, otherwise the value to date, and the budget's spent by the
//! line's forecast or extrapolated at the same pace.

use super::{time_progress, year};
use crate::date::parse_date;
use crate::model::Likelihood;
use crate::model::{Document, Leaf, Round, RuleKind};
use crate::number::Num;
use crate::path::{set, FieldPath, LineField, RuleField};
use crate::scoring::{evaluate, Evaluation};

/// The forecast of a round: the document as it would end the year, and its evaluation.
#[derive(Clone, Debug)]
pub struct Forecast {
    /// The document with the forecast values written in (no monitoring rounds).
    pub doc: Document,
    /// Its evaluation.
    pub eval: Evaluation,
    /// Whether some line's spent was extrapolated from the pace to date.
    pub extrapolated: bool,
}

/// The fraction a tier's forecast scores: the floor of its band (achieved 1, partial 0.6,
/// missed 0).
fn tier_fraction(tier: &str) -> Option<&'static str> {
    match tier.trim() {
        "achieved" => Some("1"),
        "partial" => Some("0.6"),
        "missed" => Some("0"),
        _ => None,
    }
}

/// Writes `value` at the leaf's rule field (a path the writer knows cannot fail on a leaf that
/// exists; a refusal leaves the document's own figure).
fn write(doc: &mut Document, id: &str, field: RuleField, value: &str) {
    let _ = set(doc, &FieldPath::rule(id, field), value);
}

/// What the leaf's forecast writes into `doc`.
fn forecast_leaf(doc: &mut Document, leaf: &Leaf, report: Option<&crate::model::LeafReport>) {
    let text = |n: Option<&Num>| {
        n.map(|n| n.raw().trim().to_string())
            .filter(|t| !t.is_empty())
    };
    let forecast = report.and_then(|r| text(r.forecast.as_ref()));
    let value = report.and_then(|r| text(r.value.as_ref()));
    let certain = report
        .and_then(|r| r.likelihood.as_deref())
        .and_then(Likelihood::parse)
        == Some(Likelihood::Certain);
    let id = leaf.id.as_str();
    match leaf.rule.kind() {
        Some(RuleKind::AtLeast | RuleKind::AtMost | RuleKind::Equal | RuleKind::Deadline) => {
            let target = text(leaf.rule.target.as_ref());
            let actual = forecast.or(if certain { target } else { None }).or(value);
            if let Some(actual) = actual {
                write(doc, id, RuleField::Actual, &actual);
            }
        }
        Some(RuleKind::Qualitative) => {
            let tier = forecast
                .or_else(|| certain.then(|| "achieved".to_string()))
                .or_else(|| report.and_then(|r| r.tier.clone()))
                .or(value);
            if let Some(tier) = tier {
                if let Some(fraction) = tier_fraction(&tier) {
                    write(doc, id, RuleField::Tier, tier.trim());
                    write(doc, id, RuleField::Fraction, fraction);
                }
            }
        }
        Some(RuleKind::Manual) => {
            let points = text(leaf.points.as_ref());
            let score = forecast.or(if certain { points } else { None }).or(value);
            if let Some(score) = score {
                write(doc, id, RuleField::Score, &score);
            }
        }
        // A satisfaction's forecast (or value to date) is the satisfaction itself, in percent;
        // `certain` is its target met. Scored as the `at_least` rule it is (the reference's table), whose
        // steps read the rate against a target of 100 — the satisfaction itself, as the
        // satisfaction rule's steps do. With neither, the survey's own figure stands.
        Some(RuleKind::Satisfaction) => {
            let target = text(leaf.rule.target.as_ref());
            let satisfaction = forecast
                .or(if certain { target.clone() } else { None })
                .or(value);
            if let Some(satisfaction) = satisfaction {
                write(doc, id, RuleField::Kind, RuleKind::AtLeast.name());
                if leaf.rule.steps.is_some() {
                    write(doc, id, RuleField::Target, "100");
                }
                write(doc, id, RuleField::Actual, &satisfaction);
            }
        }
        Some(RuleKind::BudgetExecution | RuleKind::FundArrival) | None => {}
    }
}

/// [`forecast_leaf`] on a document holding `leaf` alone; `leaf` then holds the forecast.
fn forecast_leaf_alone(
    leaf: &mut Leaf,
    original: &Leaf,
    report: Option<&crate::model::LeafReport>,
) {
    let mut alone = Document {
        indicators: vec![crate::model::Node::Leaf(leaf.clone())],
        ..Document::default()
    };
    forecast_leaf(&mut alone, original, report);
    if let Some(crate::model::Node::Leaf(written)) = alone.indicators.pop() {
        *leaf = written;
    }
}

/// The forecast of `doc` from `round`.
pub fn forecast(doc: &Document, round: &Round) -> Forecast {
    let mut out = doc.clone();
    out.monitoring.clear();
    let reports = round.reports();
    // Each leaf's forecast is written by the one writer into a document of that leaf alone, so
    // that finding the leaf costs nothing, then put back in its place.
    let originals = crate::model::leaves(&doc.indicators).map(|(l, _)| l);
    for (leaf, original) in crate::model::leaves_mut(&mut out.indicators)
        .into_iter()
        .zip(originals)
    {
        // A leaf the round does not report keeps the document's own figures.
        if let Some(report) = reports.leaf(&original.id) {
            forecast_leaf_alone(leaf, original, Some(report));
        }
    }
    let t = parse_date(&round.as_of).map(|d| time_progress(d, year(doc)));
    let mut extrapolated = false;
    for line in &doc.budget {
        let Some(report) = reports.line(&line.id) else {
            continue;
        };
        let spent = match (
            report.forecast.as_ref().and_then(Num::ok),
            report.spent.as_ref().and_then(Num::ok),
        ) {
            (Some(f), _) => Some(f),
            (None, Some(s)) => {
                let carried = t.and_then(|t| t.extrapolate(s));
                extrapolated |= carried.is_some();
                carried.map(|c| c.round_dp(6))
            }
            _ => None,
        };
        if let Some(spent) = spent {
            let _ = set(
                &mut out,
                &FieldPath::line(&line.id, LineField::Spent),
                &spent.normalize().to_string(),
            );
        }
    }
    let eval = evaluate(&out);
    Forecast {
        doc: out,
        eval,
        extrapolated,
    }
}
