//! The lights (预警) of a round, per leaf and for the budget, by the rules a provincial system
//! publishes (`docs/REFERENCE.md`): prorated categories against 年度指标值 × 序时进度 in bands, the others
//! against the target itself, deadlines, tiers and satisfaction by their own rules.

use super::{time_progress, year, Settings, TimeProgress};
use crate::date::{parse_date, Date};
use crate::model::{Category, Document, Group, Leaf, Light, Round, RuleKind};
use crate::scoring::{walk_scored, Evaluation, Scored};
use rust_decimal::Decimal;

/// One leaf's light in a round, with the figures it came from.
#[derive(Clone, Debug, PartialEq)]
pub struct LeafLight {
    /// The leaf's id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its category.
    pub category: Category,
    /// The value to date, as reported.
    pub value: Option<String>,
    /// The standard (target × t where prorated, else the target).
    pub standard: Option<Decimal>,
    /// value / standard in percent, where prorated.
    pub ratio: Option<Decimal>,
    /// The light; `None`: not reported, not applicable, or no light for its rule.
    pub light: Option<Light>,
    /// 完成目标可能性 as reported.
    pub likelihood: Option<String>,
    /// 全年预计完成值 as reported.
    pub forecast: Option<String>,
}

/// The light of the ratio `x / (y × t)` in the bands (percent), compared exactly: `x × den × 100`
/// against `band × y × num`, no division. `None` when y × t is not positive.
fn banded(x: Decimal, y: Decimal, t: TimeProgress, bands: &[Decimal; 3]) -> Option<Light> {
    let left = x.checked_mul(t.den)?.checked_mul(Decimal::ONE_HUNDRED)?;
    let base = y.checked_mul(t.num)?;
    if base <= Decimal::ZERO {
        return None;
    }
    let below = |band: Decimal| band.checked_mul(base).map(|b| left < b);
    Some(if below(bands[0])? {
        Light::Red
    } else if below(bands[1])? {
        Light::Yellow
    } else if below(bands[2])? {
        Light::Green
    } else {
        Light::Blue
    })
}

/// `x / (y × t)` in percent, for showing.
fn ratio_of(x: Decimal, y: Decimal, t: TimeProgress) -> Option<Decimal> {
    x.checked_mul(t.den)?
        .checked_mul(Decimal::ONE_HUNDRED)?
        .checked_div(y.checked_mul(t.num)?)
}

/// A figure for showing: exact where it is, else to 10 decimals.
fn tidy(x: Decimal) -> Decimal {
    x.round_dp(10).normalize()
}

fn green_if(ok: bool) -> Light {
    if ok {
        Light::Green
    } else {
        Light::Red
    }
}

/// How many leaves have each light: red, yellow, green, blue, none.
pub fn light_counts(lights: &[LeafLight]) -> [usize; 5] {
    let mut counts = [0usize; 5];
    for l in lights {
        let at = match l.light {
            Some(Light::Red) => 0,
            Some(Light::Yellow) => 1,
            Some(Light::Green) => 2,
            Some(Light::Blue) => 3,
            None => 4,
        };
        if let Some(n) = counts.get_mut(at) {
            *n = n.saturating_add(1);
        }
    }
    counts
}

/// 执行进度 in percent: `spent / planned`, where something is planned.
pub fn progress(spent: Decimal, planned: Decimal) -> Option<Decimal> {
    if planned <= Decimal::ZERO {
        return None;
    }
    spent
        .checked_mul(Decimal::ONE_HUNDRED)?
        .checked_div(planned)
}

/// The budget's progress in a round: Σ spent / Σ planned over the lines it reports.
#[derive(Clone, Debug, PartialEq)]
pub struct BudgetLight {
    /// Σ 全年预算数 of the lines reported.
    pub planned: Decimal,
    /// Σ 1-N月执行数.
    pub spent: Decimal,
    /// 执行进度 in percent.
    pub progress: Option<Decimal>,
    /// progress / 序时进度, in percent.
    pub ratio: Option<Decimal>,
    /// The light (`None` when no line is reported or t = 0).
    pub light: Option<Light>,
}

/// The budget's light in `round`.
pub fn budget_light(doc: &Document, round: &Round) -> BudgetLight {
    let settings = Settings::of(doc);
    let t = parse_date(&round.as_of).map(|d| time_progress(d, year(doc)));
    let (mut planned, mut spent, mut reported) = (Decimal::ZERO, Decimal::ZERO, false);
    // By id, the first of an id answering (collected from the last).
    let lines: std::collections::HashMap<&str, &crate::model::BudgetLine> = doc
        .budget
        .iter()
        .rev()
        .map(|l| (l.id.as_str(), l))
        .collect();
    for report in &round.budget {
        let Some(s) = report.spent.as_ref().and_then(|s| s.ok()) else {
            continue;
        };
        let Some(line) = lines.get(report.id.as_str()) else {
            continue;
        };
        let p = line
            .planned
            .as_ref()
            .and_then(|p| p.ok())
            .unwrap_or(Decimal::ZERO);
        planned = planned.checked_add(p).unwrap_or(planned);
        spent = spent.checked_add(s).unwrap_or(spent);
        reported = true;
    }
    let progress = reported.then(|| progress(spent, planned)).flatten();
    let lit = t.filter(|t| reported && !t.is_zero());
    BudgetLight {
        planned,
        spent,
        progress,
        ratio: lit.and_then(|t| ratio_of(spent, planned, t)).map(tidy),
        light: lit.and_then(|t| banded(spent, planned, t, &settings.bands)),
    }
}

/// The light of every leaf of `doc` in `round`, in document order; `eval` is the document's own
/// evaluation (for the surveys' satisfaction).
pub fn leaf_lights(doc: &Document, eval: &Evaluation, round: &Round) -> Vec<LeafLight> {
    let settings = Settings::of(doc);
    let as_of = parse_date(&round.as_of);
    let t = as_of.map(|d| time_progress(d, year(doc)));
    let budget = budget_light(doc, round);
    let reports = round.reports();
    let mut out = Vec::new();
    // The leaves under one group follow each other: its category is read from the names once.
    let mut under: Option<(*const Group, Category)> = None;
    walk_scored(doc, eval, &mut |scored| {
        let Scored::Leaf(leaf, _, ancestors) = scored else {
            return;
        };
        let parent = ancestors.last().map(|g| std::ptr::from_ref::<Group>(g));
        let category = match (under, parent) {
            (Some((seen, category)), Some(parent)) if std::ptr::eq(seen, parent) => category,
            _ => {
                let category = Category::of_ancestors(ancestors);
                under = parent.map(|p| (p, category));
                category
            }
        };
        let report = reports.leaf(&leaf.id);
        let value = report
            .and_then(|r| r.value.as_ref())
            .map(|v| v.raw().to_string());
        let mut light = LeafLight {
            id: leaf.id.clone(),
            name: leaf.name.clone(),
            category,
            value: value.clone().filter(|v| !v.trim().is_empty()),
            standard: None,
            ratio: None,
            light: None,
            likelihood: report.and_then(|r| r.likelihood.clone()),
            forecast: report
                .and_then(|r| r.forecast.as_ref())
                .map(|f| f.raw().to_string()),
        };
        if let Some(t) = t.filter(|t| leaf.applicable && !t.is_zero()) {
            lit(&mut light, leaf, report, as_of, t, &settings, eval, &budget);
        }
        out.push(light);
    });
    out
}

/// Sets the light (and its standard and ratio) of one applicable leaf.
#[allow(clippy::too_many_arguments)]
fn lit(
    out: &mut LeafLight,
    leaf: &Leaf,
    report: Option<&crate::model::LeafReport>,
    as_of: Option<Date>,
    t: TimeProgress,
    settings: &Settings,
    eval: &Evaluation,
    budget: &BudgetLight,
) {
    let rule = &leaf.rule;
    let number = |n: &Option<crate::number::Num>| n.as_ref().and_then(|n| n.ok());
    let target = number(&rule.target);
    let tolerance = number(&rule.tolerance).unwrap_or(Decimal::ZERO).abs();
    let value = report.and_then(|r| number(&r.value));
    match rule.kind() {
        Some(RuleKind::Deadline) => {
            let Some(due) = rule.target.as_ref().and_then(|t| parse_date(t.raw())) else {
                return;
            };
            let done = report
                .and_then(|r| r.value.as_ref())
                .and_then(|v| parse_date(v.raw()));
            out.light = match (done, as_of) {
                (Some(done), _) => Some(green_if(done <= due)),
                (None, Some(as_of)) => Some(green_if(as_of <= due)),
                (None, None) => None,
            };
        }
        Some(RuleKind::Qualitative) => {
            let tier = report.and_then(|r| {
                r.tier
                    .as_deref()
                    .or_else(|| r.value.as_ref().map(|v| v.raw()))
            });
            out.light = match tier.map(str::trim) {
                Some("achieved") => Some(Light::Green),
                Some("partial") => Some(Light::Yellow),
                Some("missed") => Some(Light::Red),
                _ => None,
            };
        }
        Some(RuleKind::Satisfaction) => {
            // A level, not an accumulation: the survey's satisfaction against the target.
            let survey = rule
                .survey
                .as_ref()
                .and_then(|id| eval.survey(id))
                .and_then(|s| s.satisfaction);
            if let (Some(s), Some(target)) = (survey, target) {
                out.standard = Some(target);
                out.light = Some(green_if(s >= target));
            }
        }
        Some(RuleKind::BudgetExecution) => {
            out.ratio = budget.ratio;
            out.light = budget.light;
        }
        Some(RuleKind::Manual | RuleKind::FundArrival) | None => {}
        Some(kind @ (RuleKind::AtLeast | RuleKind::AtMost | RuleKind::Equal)) => {
            let (Some(value), Some(target)) = (value, target) else {
                return;
            };
            if out.category.prorated() && kind != RuleKind::AtMost {
                if kind == RuleKind::Equal && target.is_zero() {
                    out.light = Some(green_if(value.abs() <= tolerance));
                    return;
                }
                out.standard = t.of(target).map(tidy);
                match banded(value, target, t, &settings.bands) {
                    Some(light) => {
                        out.ratio = ratio_of(value, target, t).map(tidy);
                        out.light = Some(light);
                    }
                    // A target of zero or less is met by anything (`docs/REFERENCE.md`: completion 1).
                    None => out.light = Some(Light::Green),
                }
            } else {
                out.standard = Some(target);
                let ok = match kind {
                    RuleKind::AtLeast => value >= target,
                    RuleKind::AtMost => value <= target,
                    _ => value
                        .checked_sub(target)
                        .is_some_and(|d| d.abs() <= tolerance),
                };
                out.light = Some(green_if(ok));
            }
        }
    }
}
