//! 预算执行: totals, balance (结余), execution and fund arrival rates.

use super::calc::{self, FieldCheck};
use super::policy::Policy;
use crate::findings::{Finding, Problem};
use crate::model::BudgetLine;
use crate::number::show2;
use crate::path::{FieldPath, LineField, Section};
use rust_decimal::Decimal;

/// The figures of one budget line; rates are `None` when the line has no planned amount.
#[derive(Clone, Debug, PartialEq)]
pub struct LineResult {
    /// The id, unique within its scope.
    pub id: String,
    /// 全年预算数.
    pub planned: Decimal,
    /// 到位数.
    pub received: Decimal,
    /// 执行数.
    pub spent: Decimal,
    /// 结余 (planned − spent).
    pub balance: Decimal,
    /// 预算执行率 (percent), when there is a budget.
    pub execution_rate: Option<Decimal>,
    /// 资金到位率 (percent), when there is a budget.
    pub arrival_rate: Option<Decimal>,
    /// False when one of the line's fields is wrong (it then counts as 0).
    pub valid: bool,
}

/// The budget in total.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct BudgetResult {
    /// 年初预算数, when given.
    pub initial: Option<Decimal>,
    /// 全年预算数.
    pub planned: Decimal,
    /// 到位数.
    pub received: Decimal,
    /// 执行数.
    pub spent: Decimal,
    /// 结余 (planned − spent).
    pub balance: Decimal,
    /// 预算执行率 = Σspent / Σplanned × 100.
    pub execution_rate: Option<Decimal>,
    /// 资金到位率 = Σreceived / Σplanned × 100.
    pub arrival_rate: Option<Decimal>,
    /// Each line, in document order.
    pub lines: Vec<LineResult>,
    /// False when any line has an error: the rates then rest on wrong figures.
    pub valid: bool,
}

/// Scores the budget lines: totals, balance and rates, with their findings.
pub(crate) fn score_budget(
    lines: &[BudgetLine],
    policy: &Policy,
    findings: &mut Vec<Finding>,
) -> BudgetResult {
    let mut result = BudgetResult {
        valid: true,
        ..BudgetResult::default()
    };
    let mut initial_total: Option<Decimal> = None;
    for line in lines {
        let mut check = FieldCheck::new(&line.id, FieldPath::line, findings);
        let money = |check: &mut FieldCheck<LineField>, field: LineField, v| {
            check.non_negative(field, v, Problem::NegativeMoney)
        };
        let planned = money(&mut check, LineField::Planned, line.planned.as_ref());
        let spent = money(&mut check, LineField::Spent, line.spent.as_ref());
        let received = match check.optional(LineField::Received, line.received.as_ref()) {
            Ok(Some(r)) if r.is_sign_negative() && !r.is_zero() => {
                check.report(LineField::Received, Problem::NegativeMoney);
                None
            }
            Ok(Some(r)) => Some(r),
            Ok(None) => planned,
            Err(_) => None,
        };
        if let Ok(Some(i)) = check.optional(LineField::Initial, line.initial.as_ref()) {
            if i.is_sign_negative() && !i.is_zero() {
                check.report(LineField::Initial, Problem::NegativeMoney);
            } else {
                match calc::add(initial_total.unwrap_or_default(), i) {
                    Ok(sum) => initial_total = Some(sum),
                    Err(_) => {
                        check.overflowed(LineField::Initial);
                    }
                }
            }
        }
        let (planned_v, spent_v, received_v) = (
            planned.unwrap_or_default(),
            spent.unwrap_or_default(),
            received.unwrap_or_default(),
        );
        if let (Some(s), Some(r)) = (spent, received) {
            if s > r {
                check.report(
                    LineField::Spent,
                    Problem::SpentOverReceived {
                        spent: s.normalize().to_string(),
                        received: r.normalize().to_string(),
                    },
                );
            }
        }
        let balance = calc::sub(planned_v, spent_v).unwrap_or_else(|_| {
            check.overflowed(LineField::Spent);
            Decimal::ZERO
        });
        let rate = |part: Decimal| {
            (planned_v > Decimal::ZERO)
                .then(|| calc::percent(part, planned_v).ok())
                .flatten()
        };
        let line_result = LineResult {
            id: line.id.clone(),
            planned: planned_v,
            received: received_v,
            spent: spent_v,
            balance,
            execution_rate: rate(spent_v),
            arrival_rate: rate(received_v),
            valid: !check.failed,
        };
        result.valid &= line_result.valid;
        let totals = calc::add(result.planned, planned_v).and_then(|p| {
            Ok((
                p,
                calc::add(result.received, received_v)?,
                calc::add(result.spent, spent_v)?,
            ))
        });
        match totals {
            Ok((p, r, s)) => {
                result.planned = p;
                result.received = r;
                result.spent = s;
            }
            Err(_) => {
                check.overflowed(LineField::Planned);
                result.valid = false;
            }
        }
        result.lines.push(line_result);
    }
    result.initial = initial_total;
    result.balance = calc::sub(result.planned, result.spent).unwrap_or_else(|_| {
        findings.push(Finding::new(
            FieldPath::Section(Section::Budget),
            Problem::Overflow,
        ));
        result.valid = false;
        Decimal::ZERO
    });
    if result.planned > Decimal::ZERO {
        result.execution_rate = calc::percent(result.spent, result.planned).ok();
        result.arrival_rate = calc::percent(result.received, result.planned).ok();
    }
    if let Some(rate) = result.execution_rate {
        let shown = crate::number::round2(rate);
        if shown < policy.min_execution_rate {
            findings.push(Finding::new(
                FieldPath::Section(Section::Budget),
                Problem::LowExecution {
                    rate: show2(rate),
                    floor: policy.min_execution_rate.normalize().to_string(),
                },
            ));
        }
    }
    result
}
