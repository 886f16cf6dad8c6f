use super::Extra;
use crate::number::Num;

/// A node of the indicator tree (绩效指标体系): a group of indicators or a scored leaf.
// Most nodes are leaves, so boxing the larger variant would only add an allocation to most nodes.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq)]
pub enum Node {
    /// A group of indicators.
    Group(Group),
    /// A scored indicator.
    Leaf(Leaf),
}

impl Node {
    /// The id, unique within its scope.
    pub fn id(&self) -> &str {
        match self {
            Node::Group(g) => &g.id,
            Node::Leaf(l) => &l.id,
        }
    }

    /// The name as shown (名称).
    pub fn name(&self) -> &str {
        match self {
            Node::Group(g) => &g.name,
            Node::Leaf(l) => &l.name,
        }
    }
}

/// A group (一级/二级/三级指标): its points are the sum of its children's.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Group {
    /// The id, unique within its scope.
    pub id: String,
    /// The name as shown (名称).
    pub name: String,
    /// The nodes under it.
    pub children: Vec<Node>,
    /// Fields jixiao does not know, kept for the round trip.
    pub extra: Extra,
}

/// A scored indicator.
#[derive(Clone, Debug, PartialEq)]
pub struct Leaf {
    /// The id, unique within its scope.
    pub id: String,
    /// The name as shown (名称).
    pub name: String,
    /// 分值.
    pub points: Option<Num>,
    /// `false` for 不适用: counted in neither the total nor the maximum.
    pub applicable: bool,
    /// 偏差原因分析及改进措施.
    pub reason: String,
    /// 计量单位.
    pub unit: Option<String>,
    /// 年度指标值 as printed or typed (`≥95%`, `有效提升`), when it was written as text.
    pub target_text: Option<String>,
    /// 实际完成值 as printed or typed.
    pub actual_text: Option<String>,
    /// 年度指标值 exactly as a 申报表 printed it (`≥90.00(%)`), quoted by the review and printed
    /// back by the 申报表's export.
    pub written: Option<String>,
    /// How it is scored.
    pub rule: Rule,
    /// Fields jixiao does not know, kept for the round trip.
    pub extra: Extra,
}

impl Leaf {
    /// 年度指标值 as written on a form, where one printed it (the 申报表's, else the 自评表's).
    pub fn written_target(&self) -> Option<&str> {
        self.written
            .as_deref()
            .or(self.target_text.as_deref())
            .filter(|t| !t.trim().is_empty())
    }

    /// 年度指标值 as a form writes it: as printed where a form printed it, else the operator,
    /// figure and unit (`≥60人次`), the date or the words; empty when there is no target.
    pub fn target_as_written(&self) -> String {
        if let Some(w) = self.written_target() {
            return w.trim().to_string();
        }
        let target = self
            .rule
            .target
            .as_ref()
            .map(|t| t.raw().trim().to_string())
            .unwrap_or_default();
        if target.is_empty() {
            return String::new();
        }
        let unit = self.unit();
        match self.rule.kind() {
            Some(RuleKind::AtLeast) => format!("≥{target}{unit}"),
            Some(RuleKind::AtMost) => format!("≤{target}{unit}"),
            Some(RuleKind::Equal) => format!("={target}{unit}"),
            Some(RuleKind::Satisfaction) => format!("≥{target}%"),
            _ => target,
        }
    }

    /// The unit, whether written on the leaf or (as in older files) on its rule.
    pub fn unit(&self) -> &str {
        self.unit
            .as_deref()
            .or(self.rule.unit.as_deref())
            .unwrap_or("")
    }
}

/// How a leaf is scored; see `docs/REFERENCE.md`'s table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RuleKind {
    /// 正向: at least the target.
    AtLeast,
    /// 反向: at most the target.
    AtMost,
    /// Equal to the target, within a tolerance.
    Equal,
    /// 时效: by a date.
    Deadline,
    /// 定性: a tier and a fraction.
    Qualitative,
    /// 专家打分: the score itself.
    Manual,
    /// 预算执行率 from the budget.
    BudgetExecution,
    /// 资金到位率 from the budget.
    FundArrival,
    /// 满意度 from a survey.
    Satisfaction,
}

impl RuleKind {
    /// Every kind, in the order offered.
    pub const ALL: [RuleKind; 9] = [
        RuleKind::AtLeast,
        RuleKind::AtMost,
        RuleKind::Equal,
        RuleKind::Deadline,
        RuleKind::Qualitative,
        RuleKind::Manual,
        RuleKind::BudgetExecution,
        RuleKind::FundArrival,
        RuleKind::Satisfaction,
    ];

    /// The name as shown (名称).
    pub fn name(self) -> &'static str {
        match self {
            RuleKind::AtLeast => "at_least",
            RuleKind::AtMost => "at_most",
            RuleKind::Equal => "equal",
            RuleKind::Deadline => "deadline",
            RuleKind::Qualitative => "qualitative",
            RuleKind::Manual => "manual",
            RuleKind::BudgetExecution => "budget_execution",
            RuleKind::FundArrival => "fund_arrival",
            RuleKind::Satisfaction => "satisfaction",
        }
    }

    /// Reads the name used in the file (`None` for an unknown one).
    pub fn parse(text: &str) -> Option<RuleKind> {
        RuleKind::ALL.into_iter().find(|k| k.name() == text)
    }

    /// Whether `steps` (区间计分) may be used with this kind.
    pub fn takes_steps(self) -> bool {
        matches!(
            self,
            RuleKind::AtLeast
                | RuleKind::BudgetExecution
                | RuleKind::FundArrival
                | RuleKind::Satisfaction
        )
    }
}

/// The 反向 formula of an `at_most` rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Formula {
    /// target / actual (the 自评表's A/B).
    Ratio,
    /// 1 − (actual − target) / target, 0 at twice the target.
    Linear,
}

impl Formula {
    /// Reads the name used in the file (`None` for an unknown one).
    pub fn parse(text: &str) -> Option<Formula> {
        match text {
            "ratio" => Some(Formula::Ratio),
            "linear" => Some(Formula::Linear),
            _ => None,
        }
    }
}

/// The tier of a qualitative (定性) indicator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tier {
    /// 达成: [0.8, 1].
    Achieved,
    /// 部分达成并具有一定效果: [0.6, 0.8).
    Partial,
    /// 未达成且效果较差: [0, 0.6).
    Missed,
}

impl Tier {
    /// Reads the name used in the file (`None` for an unknown one).
    pub fn parse(text: &str) -> Option<Tier> {
        match text {
            "achieved" => Some(Tier::Achieved),
            "partial" => Some(Tier::Partial),
            "missed" => Some(Tier::Missed),
            _ => None,
        }
    }

    /// The name as shown (名称).
    pub fn name(self) -> &'static str {
        match self {
            Tier::Achieved => "achieved",
            Tier::Partial => "partial",
            Tier::Missed => "missed",
        }
    }
}

/// A rule as written. Every field is kept as typed, whatever the kind, so that switching the kind
/// back and forth in the editor loses nothing; scoring reads only the fields of the kind.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Rule {
    /// The `kind` text as written (an unknown kind is reported, not refused).
    pub kind: String,
    /// A number, or a date for `deadline`.
    pub target: Option<Num>,
    /// 实际完成值.
    pub actual: Option<Num>,
    /// 允许偏差.
    pub tolerance: Option<Num>,
    /// The 反向 formula.
    pub formula: Option<String>,
    /// The qualitative tier.
    pub tier: Option<String>,
    /// A fraction in [0, 1].
    pub fraction: Option<Num>,
    /// 得分.
    pub score: Option<Num>,
    /// The survey id.
    pub survey: Option<String>,
    /// 计量单位.
    pub unit: Option<String>,
    /// 区间计分, when used.
    pub steps: Option<Vec<Step>>,
    /// The text the rule was inferred from when a form was read (`≥95%`), until someone confirms
    /// or changes it.
    pub inferred: Option<String>,
    /// Fields jixiao does not know, kept for the round trip.
    pub extra: Extra,
}

impl Rule {
    /// The kind, when it is one jixiao knows.
    pub fn kind(&self) -> Option<RuleKind> {
        RuleKind::parse(&self.kind)
    }
}

/// One step of 区间计分: from `min` percent on, the completion is `fraction`.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    /// The inclusive minimum.
    pub min: Option<Num>,
    /// A fraction in [0, 1].
    pub fraction: Option<Num>,
    /// Fields jixiao does not know, kept for the round trip.
    pub extra: Extra,
}
