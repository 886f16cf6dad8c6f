//! The three tables staff hand in (自评表 indicators, 预算明细, 满意度调查) as rows of exact values,
//! shared by the Excel, CSV, print and drafted-text outputs so that every one shows the same
//! figures.

use crate::findings::Lang;
use crate::message::{Message, Text};
use crate::model::{Document, Group, Leaf, RuleKind, Tier};
use crate::number::Num;
use crate::scoring::{walk_scored, Evaluation, LeafResult, Scored};
use rust_decimal::Decimal;

/// A target or actual value as the form shows it: a number when it is one, else text.
#[derive(Clone, Debug, PartialEq)]
pub enum Shown {
    /// A number.
    Number(Decimal),
    /// Text.
    Text(String),
    /// Nothing.
    Empty,
}

impl Shown {
    fn of(n: &Option<Num>) -> Shown {
        match n {
            Some(n) => match n.ok() {
                Some(d) => Shown::Number(d),
                None if n.raw().trim().is_empty() => Shown::Empty,
                None => Shown::Text(n.raw().to_string()),
            },
            None => Shown::Empty,
        }
    }

    /// As text: numbers exactly, without trailing zeros.
    pub fn text(&self) -> String {
        match self {
            Shown::Number(d) => d.normalize().to_string(),
            Shown::Text(t) => t.clone(),
            Shown::Empty => String::new(),
        }
    }
}

/// One leaf as a row of the 自评表.
#[derive(Clone, Debug, PartialEq)]
pub struct IndicatorRow {
    /// The id, unique within its scope.
    pub id: String,
    /// The names of the groups above the leaf, outermost first.
    pub groups: Vec<String>,
    /// The name as shown (名称).
    pub name: String,
    /// The kind.
    pub kind: Option<RuleKind>,
    /// 计量单位.
    pub unit: String,
    /// 年度指标值 as the form prints it (`≥95%`, or the text as written).
    pub target: Shown,
    /// The target's figure alone (for sentences such as “不少于3期”).
    pub target_figure: Shown,
    /// 实际完成值.
    pub actual: Shown,
    /// 分值.
    pub points: Decimal,
    /// 得分.
    pub score: Decimal,
    /// A fraction in [0, 1].
    pub completion: Decimal,
    /// `false` for 不适用.
    pub applicable: bool,
    /// False when a field is wrong (it then scores 0).
    pub valid: bool,
    /// 偏差原因.
    pub reason: String,
}

/// Every leaf in document order, with what the form shows for it.
pub fn indicator_rows(doc: &Document, eval: &Evaluation, lang: Lang) -> Vec<IndicatorRow> {
    let mut rows = Vec::with_capacity(eval.leaves.len());
    walk_scored(doc, eval, &mut |scored| {
        let Scored::Leaf(l, r, ancestors) = scored else {
            return;
        };
        rows.push(row(l, r, ancestors, eval, lang));
    });
    rows
}

fn row(
    l: &Leaf,
    r: &LeafResult,
    ancestors: &[&Group],
    eval: &Evaluation,
    lang: Lang,
) -> IndicatorRow {
    let kind = l.rule.kind();
    let rate =
        |v: Option<Decimal>| v.map_or(Shown::Empty, |v| Shown::Number(crate::number::round2(v)));
    let (target, actual) = match kind {
        Some(RuleKind::Qualitative) => {
            let tier = l.rule.tier.as_deref().and_then(Tier::parse);
            (
                Shown::Empty,
                Shown::Text(tier.map_or(String::new(), |t| tier_name(t, lang).into())),
            )
        }
        Some(RuleKind::Manual) => (Shown::Empty, Shown::Empty),
        Some(RuleKind::BudgetExecution) => (Shown::Empty, rate(eval.budget.execution_rate)),
        Some(RuleKind::FundArrival) => (Shown::Empty, rate(eval.budget.arrival_rate)),
        Some(RuleKind::Satisfaction) => {
            let sat = l
                .rule
                .survey
                .as_deref()
                .and_then(|s| eval.survey(s))
                .and_then(|s| s.satisfaction);
            (Shown::of(&l.rule.target), rate(sat))
        }
        _ => (Shown::of(&l.rule.target), Shown::of(&l.rule.actual)),
    };
    // 年度指标值 as the form writes it: the text as printed, else the figure with its operator
    // and unit (`≥95%`, `≤26万元`), so that a form read back gives the same rule.
    let target_figure = target.clone();
    let target = match &l.target_text {
        Some(text) if !text.trim().is_empty() => Shown::Text(text.clone()),
        _ => written_target(l, target, lang),
    };
    let actual = match &l.actual_text {
        Some(text) if !text.trim().is_empty() => Shown::Text(text.clone()),
        _ => actual,
    };
    let unit = match kind {
        Some(RuleKind::BudgetExecution | RuleKind::FundArrival | RuleKind::Satisfaction) => {
            "%".to_string()
        }
        _ => l.unit().to_string(),
    };
    IndicatorRow {
        id: l.id.clone(),
        groups: ancestors.iter().map(|g| g.name.clone()).collect(),
        name: l.name.clone(),
        kind,
        unit,
        target,
        target_figure,
        actual,
        points: r.points,
        score: r.score,
        completion: r.completion,
        applicable: l.applicable,
        valid: r.valid,
        reason: l.reason.clone(),
    }
}

/// A target with its operator and unit, or the steps of a rate-based rule in words.
fn written_target(l: &Leaf, target: Shown, lang: Lang) -> Shown {
    let unit = l.unit();
    let figure = |op: &str, t: &Shown| match t {
        Shown::Number(d) => Shown::Text(format!("{op}{}{unit}", d.normalize())),
        other => other.clone(),
    };
    let kind = l.rule.kind();
    match kind {
        Some(RuleKind::AtLeast) if l.rule.steps.is_none() => figure("≥", &target),
        Some(RuleKind::AtMost) => figure("≤", &target),
        Some(RuleKind::Equal) => figure("=", &target),
        Some(RuleKind::Satisfaction) => match &target {
            Shown::Number(d) => Shown::Text(format!("≥{}%", d.normalize())),
            other => other.clone(),
        },
        Some(RuleKind::Deadline) => match &target {
            Shown::Text(date) => Shown::Text(FormText::Due(date).text(lang)),
            other => other.clone(),
        },
        Some(RuleKind::BudgetExecution | RuleKind::FundArrival | RuleKind::AtLeast) => {
            match steps_text(l, lang) {
                Some(steps) => Shown::Text(steps),
                None => target,
            }
        }
        _ => target,
    }
}

/// 区间计分 in words: `≥90%得满分；≥80%得80%；≥60%得60%；其余不得分` (what the form can hold
/// of steps; read back by the form reader).
fn steps_text(l: &Leaf, lang: Lang) -> Option<String> {
    let steps = l.rule.steps.as_ref()?;
    let mut parts: Vec<(Decimal, Decimal)> = steps
        .iter()
        .filter_map(|s| Some((s.min.as_ref()?.ok()?, s.fraction.as_ref()?.ok()?)))
        .collect();
    parts.sort_by_key(|p| std::cmp::Reverse(p.0));
    let target = l.rule.target.as_ref().and_then(Num::ok);
    let lead = match (l.rule.kind(), target) {
        (Some(RuleKind::AtLeast), Some(target)) => FormText::StepsLead {
            target,
            unit: l.unit(),
        }
        .text(lang),
        _ => String::new(),
    };
    let text: Vec<String> = parts
        .iter()
        .map(|(min, fraction)| {
            FormText::Step {
                min: *min,
                fraction: *fraction,
            }
            .text(lang)
        })
        .collect();
    Some(format!("{lead}{}", text.join(t(lang, "；", "; "))))
}

/// What the form writes around its figures.
enum FormText<'a> {
    /// A deadline: `2022-11-30前`.
    Due(&'a str),
    /// Before the steps of an `at_least` rule: `≥3期，按完成率：`.
    StepsLead { target: Decimal, unit: &'a str },
    /// One step: `≥90%得满分`, `≥80%得80%`, `≥0%不得分`.
    Step { min: Decimal, fraction: Decimal },
}

impl Message for FormText<'_> {
    fn zh(&self) -> String {
        match self {
            FormText::Due(date) => format!("{date}前"),
            FormText::StepsLead { target, unit } => {
                format!("≥{}{unit}，按完成率：", target.normalize())
            }
            FormText::Step { min, fraction } if *fraction == Decimal::ONE => {
                format!("≥{}%得满分", min.normalize())
            }
            FormText::Step { min, fraction } if fraction.is_zero() => {
                format!("≥{}%不得分", min.normalize())
            }
            FormText::Step { min, fraction } => format!(
                "≥{}%得{}%",
                min.normalize(),
                crate::number::as_percent(*fraction).normalize()
            ),
        }
    }

    fn en(&self) -> String {
        match self {
            FormText::Due(date) => date.to_string(),
            FormText::StepsLead { target, unit } => {
                format!("≥{}{unit}, by rate: ", target.normalize())
            }
            FormText::Step { min, fraction } => format!(
                "≥{}%: {}%",
                min.normalize(),
                crate::number::as_percent(*fraction).normalize()
            ),
        }
    }
}

/// The tiers as the 自评表's notes name them.
const TIER_NAMES: [Text; 3] = [
    Text("达成", "achieved"),
    Text("部分达成并具有一定效果", "partly achieved"),
    Text("未达成且效果较差", "missed"),
];

/// The tier as the 自评表's notes name it.
pub fn tier_name(tier: Tier, lang: Lang) -> &'static str {
    let [achieved, partial, missed] = TIER_NAMES;
    match tier {
        Tier::Achieved => achieved,
        Tier::Partial => partial,
        Tier::Missed => missed,
    }
    .get(lang)
}

/// The 一级/二级/三级 columns of a row: the outermost group, the groups between, and the leaf.
/// A top-level leaf (预算执行率) stands in the first column alone.
pub fn levels(row: &IndicatorRow) -> [String; 3] {
    match row.groups.split_first() {
        None => [row.name.clone(), String::new(), String::new()],
        Some((first, rest)) => [first.clone(), rest.join(" / "), row.name.clone()],
    }
}

/// The percent shown for a fraction, with as few decimals as it needs ("100", "33.33").
pub fn percent_text(fraction: Decimal) -> String {
    crate::number::round2(crate::number::as_percent(fraction))
        .normalize()
        .to_string()
}

/// Whether a leaf is scored on the budget (its figures are in the 项目资金 part of the form).
pub fn is_budget_rule(kind: Option<RuleKind>) -> bool {
    matches!(
        kind,
        Some(RuleKind::BudgetExecution | RuleKind::FundArrival)
    )
}

pub(crate) use crate::message::t;

/// The columns of the 自评表's indicator rows.
pub fn form_headers(lang: Lang) -> [&'static str; 9] {
    [
        t(lang, "一级指标", "Level 1"),
        t(lang, "二级指标", "Level 2"),
        t(lang, "三级指标", "Level 3"),
        t(lang, "计量单位", "Unit"),
        t(lang, "年度指标值", "Annual target"),
        t(lang, "实际完成值", "Actual"),
        t(lang, "分值", "Points"),
        t(lang, "得分", "Score"),
        t(
            lang,
            "偏差原因分析及改进措施",
            "Reason for deviation and remedy",
        ),
    ]
}

/// The columns of the 预算明细 table.
pub fn budget_headers(lang: Lang) -> [&'static str; 9] {
    [
        t(lang, "序号", "No."),
        t(lang, "项目名称", "Item"),
        t(lang, "年初预算数", "Initial budget"),
        t(lang, "全年预算数", "Annual budget"),
        t(lang, "到位数", "Received"),
        t(lang, "执行数", "Spent"),
        t(lang, "结余", "Balance"),
        t(lang, "执行率", "Execution rate"),
        t(lang, "备注", "Note"),
    ]
}
