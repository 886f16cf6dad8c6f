//! The completion of one leaf under its rule (`docs/REFERENCE.md`'s table), with what is wrong with it.

use super::budget::BudgetResult;
use super::calc::{self, FieldCheck, Overflow, HUNDRED};
use super::policy::Policy;
use super::survey::SurveyResult;
use crate::date::parse_date;
use crate::findings::{Problem, Source};
use crate::formula;
use crate::model::{Formula, Leaf, Rule, RuleKind, Step, Tier};
use crate::number::Num;
use crate::path::{NodeField, RuleField, StepField};
use rust_decimal::Decimal;
use std::collections::HashMap;

/// What rules may draw on besides their own fields.
pub(crate) struct Sources<'a> {
    pub budget: &'a BudgetResult,
    pub surveys: HashMap<&'a str, &'a SurveyResult>,
}

/// A scored leaf.
pub(crate) struct LeafScore {
    pub points: Decimal,
    pub score: Decimal,
    /// A fraction in [0, 1].
    pub completion: Decimal,
    pub valid: bool,
    pub kind: Option<RuleKind>,
}

/// Scores an applicable leaf; errors are recorded in `check` and make the score 0.
pub(crate) fn score_leaf(
    leaf: &Leaf,
    sources: &Sources,
    policy: &Policy,
    check: &mut FieldCheck<NodeField>,
) -> LeafScore {
    let points = check.non_negative(
        NodeField::Points,
        leaf.points.as_ref(),
        Problem::NegativePoints,
    );
    let kind = leaf.rule.kind();
    let completion = completion(leaf, kind, points, sources, policy, check);
    let points = points.unwrap_or_default();
    let (completion, score) = match completion {
        Some(Completion::Fraction(c)) if !check.failed => match calc::mul(points, c) {
            Ok(score) => (c, score),
            Err(Overflow) => {
                check.overflowed(NodeField::Points);
                (Decimal::ZERO, Decimal::ZERO)
            }
        },
        Some(Completion::Score(score, c)) if !check.failed => (c, score),
        _ => (Decimal::ZERO, Decimal::ZERO),
    };
    LeafScore {
        points,
        score,
        completion,
        valid: !check.failed,
        kind,
    }
}

enum Completion {
    Fraction(Decimal),
    /// A manual rule gives the score itself (and its completion).
    Score(Decimal, Decimal),
}

fn completion(
    leaf: &Leaf,
    kind: Option<RuleKind>,
    points: Option<Decimal>,
    sources: &Sources,
    policy: &Policy,
    check: &mut FieldCheck<NodeField>,
) -> Option<Completion> {
    let rule = &leaf.rule;
    let Some(kind) = kind else {
        check.report(
            RuleField::Kind,
            Problem::UnknownKind {
                kind: rule.kind.clone(),
            },
        );
        return None;
    };
    let fraction = match kind {
        RuleKind::AtLeast => {
            let target = check.number(RuleField::Target, rule.target.as_ref());
            let actual = check.number(RuleField::Actual, rule.actual.as_ref());
            let (target, actual) = (target?, actual?);
            over_target(target, actual, policy, check);
            at_least(rule, target, actual, check)
        }
        RuleKind::AtMost => {
            let target = check.number(RuleField::Target, rule.target.as_ref());
            let actual = check.number(RuleField::Actual, rule.actual.as_ref());
            let formula = match rule.formula.as_deref().map(str::trim) {
                None | Some("") => Some(Formula::Ratio),
                Some(text) => Formula::parse(text).or_else(|| {
                    check.report(
                        RuleField::Formula,
                        Problem::UnknownFormula {
                            formula: text.to_string(),
                        },
                    );
                    None
                }),
            };
            let (target, actual, formula) = (target?, actual?, formula?);
            formula::at_most(target, actual, formula)
                .ok()
                .or_else(|| check.overflowed(RuleField::Actual))
        }
        RuleKind::Equal => {
            let target = check.number(RuleField::Target, rule.target.as_ref());
            let actual = check.number(RuleField::Actual, rule.actual.as_ref());
            let tolerance = check
                .optional(RuleField::Tolerance, rule.tolerance.as_ref())
                .ok()?;
            let (target, actual) = (target?, actual?);
            formula::equal(target, actual, tolerance.unwrap_or_default().abs())
                .ok()
                .or_else(|| check.overflowed(RuleField::Actual))
        }
        RuleKind::Deadline => {
            let target = date(check, RuleField::Target, rule.target.as_ref());
            let actual = date(check, RuleField::Actual, rule.actual.as_ref());
            let (target, actual) = (target?, actual?);
            Some(if actual <= target {
                Decimal::ONE
            } else {
                Decimal::ZERO
            })
        }
        RuleKind::Qualitative => qualitative(rule, check),
        RuleKind::Manual => {
            let score = check.number(RuleField::Score, rule.score.as_ref())?;
            let points = points?;
            if score.is_sign_negative() && !score.is_zero() || score > points {
                check.report(
                    RuleField::Score,
                    Problem::ManualScoreOutOfRange {
                        score: score.normalize().to_string(),
                        points: points.normalize().to_string(),
                    },
                );
                return None;
            }
            let c = if points.is_zero() {
                Decimal::ONE
            } else {
                calc::div(score, points).ok()?
            };
            return Some(Completion::Score(score, c));
        }
        RuleKind::BudgetExecution | RuleKind::FundArrival => {
            let rate = if kind == RuleKind::BudgetExecution {
                sources.budget.execution_rate
            } else {
                sources.budget.arrival_rate
            };
            let Some(rate) = rate else {
                check.report(NodeField::Rule(None), Problem::NoBudget);
                return None;
            };
            if !sources.budget.valid {
                check.report(
                    NodeField::Rule(None),
                    Problem::SourceHasErrors {
                        source: Source::Budget,
                    },
                );
                return None;
            }
            rate_completion(rule, rate, check)
        }
        RuleKind::Satisfaction => {
            let target = check.number(RuleField::Target, rule.target.as_ref());
            let survey = match rule.survey.as_deref().map(str::trim) {
                None | Some("") => {
                    check.report(RuleField::Survey, Problem::MissingField);
                    None
                }
                Some(id) => match sources.surveys.get(id) {
                    None => {
                        check.report(
                            RuleField::Survey,
                            Problem::UnknownSurvey { survey: id.into() },
                        );
                        None
                    }
                    Some(s) if !s.valid => {
                        check.report(
                            RuleField::Survey,
                            Problem::SourceHasErrors {
                                source: Source::Survey(id.into()),
                            },
                        );
                        None
                    }
                    Some(s) => match s.satisfaction {
                        None => {
                            check.report(
                                RuleField::Survey,
                                Problem::NoAnswers { survey: id.into() },
                            );
                            None
                        }
                        some => some,
                    },
                },
            };
            let (target, actual) = (target?, survey?);
            match &rule.steps {
                Some(_) => rate_completion(rule, actual, check),
                None => at_least(rule, target, actual, check),
            }
        }
    }?;
    Some(Completion::Fraction(fraction))
}

/// 正向: full marks at or above the target, else the ratio (or the step reached).
fn at_least(
    rule: &Rule,
    target: Decimal,
    actual: Decimal,
    check: &mut FieldCheck<NodeField>,
) -> Option<Decimal> {
    let completion = if rule.steps.is_some() {
        formula::at_least_rate(target, actual).map(|rate| rate_completion(rule, rate, check))
    } else {
        formula::at_least(target, actual).map(Some)
    };
    completion.unwrap_or_else(|Overflow| check.overflowed(RuleField::Actual))
}

/// The completion of a rate: capped at 1, or the fraction of the step reached when `steps` are
/// given.
fn rate_completion(
    rule: &Rule,
    rate: Decimal,
    check: &mut FieldCheck<NodeField>,
) -> Option<Decimal> {
    match &rule.steps {
        None => formula::capped_rate(rate).ok(),
        Some(steps) => stepped(steps, rate, check),
    }
}

/// 区间计分 over the steps as written; a step that does not read is reported.
fn stepped(steps: &[Step], rate: Decimal, check: &mut FieldCheck<NodeField>) -> Option<Decimal> {
    let mut read = Vec::with_capacity(steps.len());
    let mut ok = true;
    for (i, step) in steps.iter().enumerate() {
        let min = check.number(RuleField::Step(i, StepField::Min), step.min.as_ref());
        let fraction = check.number(
            RuleField::Step(i, StepField::Fraction),
            step.fraction.as_ref(),
        );
        let (Some(min), Some(fraction)) = (min, fraction) else {
            ok = false;
            continue;
        };
        if fraction < Decimal::ZERO || fraction > Decimal::ONE {
            check.report(
                RuleField::Step(i, StepField::Fraction),
                Problem::FractionOutOfRange {
                    fraction: fraction.normalize().to_string(),
                },
            );
            ok = false;
            continue;
        }
        read.push((min, fraction));
    }
    ok.then(|| formula::stepped(read, rate))
}

/// 定性: the evaluator's fraction, which must lie in the band of the chosen tier.
fn qualitative(rule: &Rule, check: &mut FieldCheck<NodeField>) -> Option<Decimal> {
    let tier_text = rule.tier.as_deref().map(str::trim).unwrap_or("");
    let Some(tier) = Tier::parse(tier_text) else {
        check.report(
            RuleField::Tier,
            Problem::UnknownTier {
                tier: tier_text.to_string(),
            },
        );
        return None;
    };
    let fraction = match (
        tier,
        check.optional(RuleField::Fraction, rule.fraction.as_ref()),
    ) {
        (_, Err(_)) => return None,
        (Tier::Achieved, Ok(None)) => Decimal::ONE,
        (_, Ok(None)) => {
            check.report(RuleField::Fraction, Problem::MissingField);
            return None;
        }
        (_, Ok(Some(f))) => f,
    };
    if !formula::in_band(tier, fraction) {
        check.report(
            RuleField::Fraction,
            Problem::FractionOutOfBand {
                fraction: fraction.normalize().to_string(),
                tier,
            },
        );
        return None;
    }
    Some(fraction)
}

fn date(
    check: &mut FieldCheck<NodeField>,
    field: RuleField,
    value: Option<&Num>,
) -> Option<crate::date::Date> {
    let raw = value.map(Num::raw).unwrap_or("").trim();
    if raw.is_empty() {
        check.report(field, Problem::MissingField);
        return None;
    }
    parse_date(raw).or_else(|| {
        check.report(
            field,
            Problem::NotADate {
                text: raw.to_string(),
            },
        );
        None
    })
}

/// The over-completion flag: an `at_least` actual more than the threshold above its target.
fn over_target(
    target: Decimal,
    actual: Decimal,
    policy: &Policy,
    check: &mut FieldCheck<NodeField>,
) {
    if target <= Decimal::ZERO {
        return;
    }
    let Ok(rate) = calc::percent(actual, target) else {
        return;
    };
    let Ok(limit) = calc::add(HUNDRED, policy.deviation_threshold) else {
        return;
    };
    if rate > limit {
        check.report(
            RuleField::Actual,
            Problem::OverTarget {
                percent: rate,
                threshold: policy.deviation_threshold,
            },
        );
    }
}
