//! The next year (下一年度): this year's document as the start of the next — the same tree,
//! points and targets, the year and its dates moved on, everything that happened this year
//! cleared — with the targets worth reconsidering from how this year went.

use crate::date::{parse_date, Date};
use crate::findings::Problem;
use crate::message::{Markup, Message, Text};
use crate::model::{Document, RuleKind};
use crate::number::{show2, Num};
use crate::scoring::Evaluation;
use rust_decimal::Decimal;
use serde_json::Value;

/// The next year's document and what to reconsider in it.
#[derive(Clone, Debug)]
pub struct NextYear {
    /// The document for the year.
    pub doc: Document,
    /// The targets worth reconsidering, from this year's evaluation.
    pub reconsider: Vec<Reconsider>,
}

/// A target worth reconsidering.
#[derive(Clone, Debug, PartialEq)]
pub enum Reconsider {
    /// Exceeded by more than the deviation threshold: the target was set too low.
    Exceeded {
        /// The leaf's id.
        id: String,
        /// Its name.
        name: String,
        /// The target as it was.
        target: String,
        /// What was achieved: a suggestion for the new target.
        actual: String,
        /// How far above the target, in percent.
        percent: String,
    },
    /// Not met.
    Missed {
        /// The leaf's id.
        id: String,
        /// Its name.
        name: String,
        /// The completion, in percent.
        completion: String,
        /// The reason given.
        reason: String,
    },
    /// The budget's execution was low: the request was not accurate.
    LowExecution {
        /// The execution rate.
        rate: String,
        /// The floor.
        floor: String,
    },
}

impl Reconsider {
    fn markup(&self) -> Markup {
        let mut m = Markup::default();
        match self {
            Reconsider::Exceeded {
                name,
                target,
                actual,
                percent,
                ..
            } => m.push(
                Text(
                    "“{name}”实际完成 {actual}，为年度指标值 {target} 的 {percent}%：目标设定偏低，建议参考实际完成值重新设定",
                    "“{name}” achieved {actual}, {percent}% of its target {target}: the target was set too low; consider the actual",
                ),
                vec![
                    ("name", name.as_str().into()),
                    ("actual", actual.as_str().into()),
                    ("target", target.as_str().into()),
                    ("percent", percent.as_str().into()),
                ],
            ),
            Reconsider::Missed {
                name,
                completion,
                reason,
                ..
            } => {
                m.push(
                    Text(
                        "“{name}”未完成（完成率 {completion}%）",
                        "“{name}” was not met (completion {completion}%)",
                    ),
                    vec![
                        ("name", name.as_str().into()),
                        ("completion", completion.as_str().into()),
                    ],
                );
                if reason.trim().is_empty() {
                    m.push(
                        Text("，未说明原因：请确认目标是否可行", ", no reason given: check that the target can be met"),
                        vec![],
                    )
                } else {
                    m.push(
                        Text("，偏差原因：{reason}", ", because: {reason}"),
                        vec![("reason", reason.as_str().into())],
                    )
                }
            }
            Reconsider::LowExecution { rate, floor } => m.push(
                Text(
                    "预算执行率 {rate}% 低于 {floor}%：预算申报准确性不足，请按实际需要申报",
                    "the execution rate {rate}% is below {floor}%: request the budget the work needs",
                ),
                vec![("rate", rate.as_str().into()), ("floor", floor.as_str().into())],
            ),
        };
        m
    }

    /// The leaf it is about, where it is about one.
    pub fn leaf(&self) -> Option<&str> {
        match self {
            Reconsider::Exceeded { id, .. } | Reconsider::Missed { id, .. } => Some(id),
            Reconsider::LowExecution { .. } => None,
        }
    }
}

impl Message for Reconsider {
    fn zh(&self) -> String {
        self.markup().zh()
    }

    fn en(&self) -> String {
        self.markup().en()
    }
}

/// A date `years` later (29 February becomes 28 February where the year has none).
fn moved(date: Date, years: i32) -> Date {
    let year = date.year.saturating_add(years);
    Date::end_of_month(year, date.month).map_or(date, |end| Date {
        year,
        month: date.month,
        day: date.day.min(end.day),
    })
}

/// A text holding a date, the date moved on; other text as it is.
fn moved_text(text: &str, years: i32) -> Option<String> {
    let d = parse_date(text.trim())?;
    Some(moved(d, years).to_string())
}

/// The next year's document from `doc` (its evaluation `eval`), for `year`.
pub fn next_year(doc: &Document, eval: &Evaluation, year: i32) -> NextYear {
    let mut next = doc.clone();
    let this = crate::monitoring::year(doc).unwrap_or(year.saturating_sub(1));
    let years = year.saturating_sub(this);
    next.meta
        .insert("year".into(), Value::String(year.to_string()));
    next.meta.shift_remove("date");
    for key in ["start", "end"] {
        if let Some(d) = moved_text(&doc.meta_text(key), years) {
            next.meta.insert(key.into(), Value::String(d));
        }
    }
    next.claimed = None;
    next.monitoring.clear();
    next.declared = None;
    next.scenarios.clear();
    for line in &mut next.budget {
        line.spent = Some(Num::new(""));
        line.received = None;
    }
    for survey in &mut next.surveys {
        survey.respondents = None;
        for q in &mut survey.questions {
            for c in &mut q.counts {
                *c = Num::new("0");
            }
        }
    }
    for leaf in crate::model::leaves_mut(&mut next.indicators) {
        leaf.reason.clear();
        leaf.actual_text = None;
        let rule = &mut leaf.rule;
        if rule.kind() == Some(RuleKind::Deadline) {
            if let Some(due) = rule
                .target
                .as_ref()
                .and_then(|t| moved_text(t.raw(), years))
            {
                rule.target = Some(Num::new(due));
                leaf.target_text = None;
                leaf.written = None;
            }
        }
        if rule.actual.is_some() {
            rule.actual = Some(Num::new(""));
        }
        rule.tier = None;
        rule.fraction = None;
        rule.score = None;
        rule.inferred = None;
    }
    NextYear {
        doc: next,
        reconsider: reconsider(doc, eval),
    }
}

/// The targets worth reconsidering, from this year's evaluation: exceeded beyond the threshold,
/// missed, and a low execution rate.
fn reconsider(doc: &Document, eval: &Evaluation) -> Vec<Reconsider> {
    let mut out = Vec::new();
    // The leaves over their target, by id, found once (the first finding of a leaf answers).
    let mut over_target: std::collections::HashMap<&str, Decimal> =
        std::collections::HashMap::new();
    for f in &eval.findings {
        if let (Problem::OverTarget { percent, .. }, Some(id)) = (&f.problem, f.path.indicator()) {
            over_target.entry(id).or_insert(*percent);
        }
    }
    for (leaf, result) in doc.leaves().map(|(l, _)| l).zip(&eval.leaves) {
        if !result.applicable || !result.valid {
            continue;
        }
        let over = over_target.get(leaf.id.as_str()).copied();
        let unit = leaf.unit();
        let raw = |n: &Option<Num>| {
            n.as_ref()
                .map_or(String::new(), |n| n.raw().trim().to_string())
        };
        if let Some(percent) = over {
            out.push(Reconsider::Exceeded {
                id: leaf.id.clone(),
                name: leaf.name.clone(),
                target: format!("{}{unit}", raw(&leaf.rule.target)),
                actual: format!("{}{unit}", raw(&leaf.rule.actual)),
                percent: show2(percent),
            });
        } else if result.completion < Decimal::ONE
            && !matches!(
                result.kind,
                Some(RuleKind::BudgetExecution | RuleKind::FundArrival)
            )
        {
            out.push(Reconsider::Missed {
                id: leaf.id.clone(),
                name: leaf.name.clone(),
                completion: show2(crate::number::as_percent(result.completion)),
                reason: leaf.reason.clone(),
            });
        }
    }
    if let Some(rate) = eval.budget.execution_rate {
        if crate::number::round2(rate) < eval.policy.min_execution_rate {
            out.push(Reconsider::LowExecution {
                rate: show2(rate),
                floor: eval.policy.min_execution_rate.normalize().to_string(),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_move_on_by_whole_years() {
        let d = |y, m, day| Date {
            year: y,
            month: m,
            day,
        };
        assert_eq!(moved(d(2022, 11, 30), 1), d(2023, 11, 30));
        assert_eq!(moved(d(2024, 2, 29), 1), d(2025, 2, 28));
        assert_eq!(moved_text("2022-12-31", 2).as_deref(), Some("2024-12-31"));
        assert_eq!(moved_text("年底", 1), None);
    }
}
