//! The findings of a document's monitoring rounds (`docs/REFERENCE.md`): lights without a reason,
//! doubts without a forecast, a certain target whose forecast misses it, a date outside the year,
//! more spent than planned, ids the document does not have, values that do not read.

use super::lights::{budget_light, leaf_lights};
use super::{year, Settings};
use crate::date::parse_date;
use crate::findings::{Finding, Problem};
use crate::model::{Document, Leaf, RuleKind};
use crate::model::{Light, Likelihood};
use crate::number::Num;
use crate::path::{FieldPath, RoundField, RoundLeafField, RoundLineField};
use crate::scoring::Evaluation;
use rust_decimal::Decimal;

/// The findings of every round of `doc`; `eval` is the document's own evaluation.
pub(crate) fn check(doc: &Document, eval: &Evaluation) -> Vec<Finding> {
    let mut out = Vec::new();
    let settings = Settings::of(doc);
    let doc_year = year(doc);
    for round in &doc.monitoring {
        let as_of = round.as_of.as_str();
        match parse_date(as_of) {
            None => out.push(Finding::new(
                FieldPath::Round(as_of.to_string(), Some(RoundField::AsOf)),
                Problem::NotADate {
                    text: as_of.to_string(),
                },
            )),
            Some(d) => {
                if let Some(y) = doc_year.filter(|y| *y != d.year) {
                    out.push(Finding::new(
                        FieldPath::Round(as_of.to_string(), Some(RoundField::AsOf)),
                        Problem::RoundOutsideYear {
                            as_of: as_of.to_string(),
                            year: y,
                        },
                    ));
                }
            }
        }
        // The budget lines reported.
        for report in &round.budget {
            let at = |field| FieldPath::round_line(as_of, &report.id, field);
            let Some(line) = doc.budget.iter().find(|l| l.id == report.id) else {
                out.push(Finding::new(
                    FieldPath::Round(
                        as_of.to_string(),
                        Some(RoundField::Line(report.id.clone(), None)),
                    ),
                    Problem::RoundUnknownId {
                        id: report.id.clone(),
                    },
                ));
                continue;
            };
            number(&report.spent, at(RoundLineField::Spent), &mut out);
            number(&report.forecast, at(RoundLineField::Forecast), &mut out);
            let spent = report.spent.as_ref().and_then(Num::ok);
            let planned = line.planned.as_ref().and_then(Num::ok);
            if let (Some(spent), Some(planned)) = (spent, planned) {
                if spent > planned {
                    out.push(Finding::new(
                        at(RoundLineField::Spent),
                        Problem::RoundOverspent {
                            spent: crate::number::show_exact(spent),
                            planned: crate::number::show_exact(planned),
                        },
                    ));
                }
            }
        }
        let budget = budget_light(doc, round);
        let explained = round
            .budget
            .iter()
            .any(|l| l.reason.as_ref().is_some_and(|r| !r.trim().is_empty()));
        if let (Some(light), Some(first)) = (budget.light, round.budget.first()) {
            if needs_reason(light, &settings) && !explained {
                out.push(Finding::new(
                    FieldPath::round_line(as_of, &first.id, RoundLineField::Reason),
                    Problem::LightUnexplained { light },
                ));
            }
        }
        // The indicators reported.
        // By id, the first of an id answering (collected from the last).
        let mut leaves: std::collections::HashMap<&str, &crate::model::Leaf> =
            std::collections::HashMap::new();
        for (l, _) in doc.leaves() {
            leaves.entry(l.id.as_str()).or_insert(l);
        }
        let reports = round.reports();
        for report in &round.indicators {
            if !leaves.contains_key(report.id.as_str()) {
                out.push(Finding::new(
                    FieldPath::Round(
                        as_of.to_string(),
                        Some(RoundField::Leaf(report.id.clone(), None)),
                    ),
                    Problem::RoundUnknownId {
                        id: report.id.clone(),
                    },
                ));
            }
        }
        for light in leaf_lights(doc, eval, round) {
            let Some(leaf) = leaves.get(light.id.as_str()) else {
                continue;
            };
            let Some(report) = reports.leaf(&light.id) else {
                continue;
            };
            let at = |field| FieldPath::round_leaf(as_of, &leaf.id, field);
            let deadline = leaf.rule.kind() == Some(RuleKind::Deadline);
            for (value, field) in [
                (&report.value, RoundLeafField::Value),
                (&report.forecast, RoundLeafField::Forecast),
            ] {
                if deadline {
                    date(value, at(field), &mut out);
                } else if !matches!(leaf.rule.kind(), Some(RuleKind::Qualitative)) {
                    number(value, at(field), &mut out);
                }
            }
            let reason = report.reason.as_ref().is_some_and(|r| !r.trim().is_empty())
                || report.causes.as_ref().is_some_and(|c| !c.is_empty());
            if let Some(l) = light.light {
                if needs_reason(l, &settings) && !reason {
                    out.push(Finding::new(
                        at(RoundLeafField::Reason),
                        Problem::LightUnexplained { light: l },
                    ));
                }
            }
            let likelihood = report.likelihood.as_deref().and_then(Likelihood::parse);
            let forecast = report
                .forecast
                .as_ref()
                .filter(|f| !f.raw().trim().is_empty());
            match likelihood {
                Some(l @ (Likelihood::Possible | Likelihood::Impossible))
                    if forecast.is_none() && !reason =>
                {
                    out.push(Finding::new(
                        at(RoundLeafField::Forecast),
                        Problem::LikelyMissUnexplained { likelihood: l },
                    ));
                }
                Some(Likelihood::Certain) => {
                    if let Some(f) = forecast.filter(|f| misses(leaf, f.raw())) {
                        out.push(Finding::new(
                            at(RoundLeafField::Forecast),
                            Problem::CertainButForecastMisses {
                                forecast: f.raw().to_string(),
                            },
                        ));
                    }
                }
                _ => {}
            }
        }
    }
    out
}

fn needs_reason(light: Light, settings: &Settings) -> bool {
    light == Light::Red || (light == Light::Yellow && settings.yellow_needs_reason)
}

/// A value that should be a number and is not: an error for that field.
fn number(value: &Option<Num>, at: FieldPath, out: &mut Vec<Finding>) {
    if let Some(v) = value.as_ref().filter(|v| !v.raw().trim().is_empty()) {
        if let Err(error) = v.value() {
            out.push(Finding::new(
                at,
                Problem::BadNumber {
                    error,
                    text: v.raw().to_string(),
                },
            ));
        }
    }
}

/// A value that should be a date and is not: an error for that field.
fn date(value: &Option<Num>, at: FieldPath, out: &mut Vec<Finding>) {
    if let Some(v) = value.as_ref().filter(|v| !v.raw().trim().is_empty()) {
        if parse_date(v.raw()).is_none() {
            out.push(Finding::new(
                at,
                Problem::NotADate {
                    text: v.raw().to_string(),
                },
            ));
        }
    }
}

/// Whether a forecast, as written, misses the leaf's target.
pub(super) fn misses(leaf: &Leaf, forecast: &str) -> bool {
    let rule = &leaf.rule;
    let number = |n: &Option<Num>| n.as_ref().and_then(Num::ok);
    let value = crate::number::parse_decimal(forecast).ok();
    match (rule.kind(), number(&rule.target), value) {
        (Some(RuleKind::AtLeast), Some(t), Some(v)) => v < t,
        (Some(RuleKind::AtMost), Some(t), Some(v)) => v > t,
        (Some(RuleKind::Equal), Some(t), Some(v)) => v
            .checked_sub(t)
            .is_none_or(|d| d.abs() > number(&rule.tolerance).unwrap_or(Decimal::ZERO).abs()),
        (Some(RuleKind::Deadline), _, _) => {
            match (
                rule.target.as_ref().and_then(|t| parse_date(t.raw())),
                parse_date(forecast),
            ) {
                (Some(due), Some(done)) => done > due,
                _ => false,
            }
        }
        (Some(RuleKind::Qualitative), _, _) => forecast.trim() != "achieved",
        _ => false,
    }
}
