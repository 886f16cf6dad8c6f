//! Whether a form prints whole points (8.62 printed as 9), decided from the form alone: each row
//! whose 得分 is printed is scored by the rules' formulas on what the row says (its 分值, 年度指标值,
//! 实际完成值, tier or expert score; the funds block's rates for 预算执行率), without scoring the
//! document. When every printed score is whole and rounding each row to whole points agrees with
//! more of them than exact scores do, the document's `settings.score_decimals` is 0.

use crate::date::parse_date;
use crate::formula::{
    self, at_least, at_least_rate, at_most, capped_rate, equal, percent, stepped,
};
use crate::grid::figure;
use crate::model::{Document, Formula, Leaf, RuleKind, Tier};
use crate::number::{round2, Num};
use rust_decimal::{Decimal, RoundingStrategy};

/// Sets `settings.score_decimals` to 0 where the form prints whole points.
pub(super) fn whole_points(doc: &mut Document) {
    let Some(claimed) = &doc.claimed else {
        return;
    };
    let printed: Vec<(&str, Decimal)> = claimed
        .scores
        .iter()
        .filter_map(|(id, v)| Some((id.as_str(), figure(v)?)))
        .collect();
    if printed.len() < 3 || printed.iter().any(|(_, s)| s.fract() != Decimal::ZERO) {
        return;
    }
    let rates = Rates::of(doc);
    let scores: Vec<(Decimal, Decimal)> = printed
        .iter()
        .map(|(id, s)| (*s, doc.leaf(id).map_or(Decimal::ZERO, |l| score(l, &rates))))
        .collect();
    let whole = |v: Decimal| v.round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero);
    let exact = scores.iter().filter(|(p, c)| round2(*c) != *p).count();
    let rounded = scores.iter().filter(|(p, c)| whole(*c) != *p).count();
    if exact > 0 && rounded < exact {
        doc.settings.score_decimals = Some(Num::new("0"));
    }
}

/// The funds block's rates, where every line reads.
struct Rates {
    execution: Option<Decimal>,
    arrival: Option<Decimal>,
}

impl Rates {
    fn of(doc: &Document) -> Rates {
        let number = |n: &Option<Num>| n.as_ref().and_then(Num::ok).filter(|v| *v >= Decimal::ZERO);
        let mut sums = Some((Decimal::ZERO, Decimal::ZERO, Decimal::ZERO));
        for line in &doc.budget {
            let planned = number(&line.planned);
            let spent = number(&line.spent);
            let received = match &line.received {
                Some(r) if !r.raw().trim().is_empty() => number(&Some(r.clone())),
                _ => planned,
            };
            sums = match (sums, planned, spent, received) {
                (Some((p, s, r)), Some(lp), Some(ls), Some(lr)) => {
                    match (p.checked_add(lp), s.checked_add(ls), r.checked_add(lr)) {
                        (Some(p), Some(s), Some(r)) => Some((p, s, r)),
                        _ => None,
                    }
                }
                _ => None,
            };
        }
        let rate = |of: Decimal, planned: Decimal| {
            (planned > Decimal::ZERO)
                .then(|| percent(of, planned).ok())
                .flatten()
        };
        Rates {
            execution: sums.and_then(|(p, s, _)| rate(s, p)),
            arrival: sums.and_then(|(p, _, r)| rate(r, p)),
        }
    }
}

/// A row's score by the formula of its rule (0 where the row does not give one).
fn score(leaf: &Leaf, rates: &Rates) -> Decimal {
    let number = |n: &Option<Num>| n.as_ref().and_then(Num::ok);
    let Some(points) = number(&leaf.points).filter(|p| *p >= Decimal::ZERO) else {
        return Decimal::ZERO;
    };
    if !leaf.applicable {
        return Decimal::ZERO;
    }
    let rule = &leaf.rule;
    let steps = || -> Option<Vec<(Decimal, Decimal)>> {
        rule.steps
            .as_ref()?
            .iter()
            .map(|s| Some((number(&s.min)?, number(&s.fraction)?)))
            .collect()
    };
    let rated = |rate: Decimal| match &rule.steps {
        None => capped_rate(rate).ok(),
        Some(_) => steps().map(|s| stepped(s, rate)),
    };
    let target = number(&rule.target);
    let actual = number(&rule.actual);
    let completion = match rule.kind() {
        Some(RuleKind::AtLeast) => target.zip(actual).and_then(|(t, a)| match &rule.steps {
            None => at_least(t, a).ok(),
            Some(_) => at_least_rate(t, a).ok().and_then(rated),
        }),
        Some(RuleKind::AtMost) => {
            let f = rule
                .formula
                .as_deref()
                .map_or(Some(Formula::Ratio), Formula::parse);
            target
                .zip(actual)
                .zip(f)
                .and_then(|((t, a), f)| at_most(t, a, f).ok())
        }
        Some(RuleKind::Equal) => {
            let tolerance = number(&rule.tolerance).unwrap_or_default().abs();
            target
                .zip(actual)
                .and_then(|(t, a)| equal(t, a, tolerance).ok())
        }
        Some(RuleKind::Deadline) => {
            let date = |n: &Option<Num>| parse_date(n.as_ref()?.raw());
            date(&rule.target)
                .zip(date(&rule.actual))
                .map(|(due, done)| {
                    if done <= due {
                        Decimal::ONE
                    } else {
                        Decimal::ZERO
                    }
                })
        }
        Some(RuleKind::Qualitative) => {
            let tier = rule.tier.as_deref().and_then(Tier::parse);
            tier.and_then(|tier| {
                let fraction = match (tier, number(&rule.fraction)) {
                    (_, Some(f)) => f,
                    (Tier::Achieved, None) => Decimal::ONE,
                    _ => return None,
                };
                formula::in_band(tier, fraction).then_some(fraction)
            })
        }
        Some(RuleKind::Manual) => {
            return number(&rule.score)
                .filter(|s| *s >= Decimal::ZERO && *s <= points)
                .unwrap_or_default();
        }
        Some(RuleKind::BudgetExecution) => rates.execution.and_then(rated),
        Some(RuleKind::FundArrival) => rates.arrival.and_then(rated),
        Some(RuleKind::Satisfaction) | None => None,
    };
    completion
        .and_then(|c| points.checked_mul(c))
        .unwrap_or_default()
}
