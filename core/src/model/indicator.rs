use super::Extra;
use crate::number::Num;

/// A node of the indicator tree (绩效指标体系): a group of indicators or a scored leaf.
// Most nodes are leaves, so boxing the larger variant would only add an allocation to most nodes.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq)]
pub enum Node {
    Group(Group),
    Leaf(Leaf),
}

impl Node {
    pub fn id(&self) -> &str {
        match self {
            Node::Group(g) => &g.id,
            Node::Leaf(l) => &l.id,
        }
    }

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
    pub id: String,
    pub name: String,
    pub children: Vec<Node>,
    pub extra: Extra,
}

/// A scored indicator.
#[derive(Clone, Debug, PartialEq)]
pub struct Leaf {
    pub id: String,
    pub name: String,
    /// 分值.
    pub points: Option<Num>,
    /// `false` for 不适用: counted in neither the total nor the maximum.
    pub applicable: bool,
    /// 偏差原因分析及改进措施.
    pub reason: String,
    pub unit: Option<String>,
    pub rule: Rule,
    pub extra: Extra,
}

impl Leaf {
    /// The unit, whether written on the leaf or (as in older files) on its rule.
    pub fn unit(&self) -> &str {
        self.unit
            .as_deref()
            .or(self.rule.unit.as_deref())
            .unwrap_or("")
    }
}

/// How a leaf is scored; see SCORING.md's table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RuleKind {
    AtLeast,
    AtMost,
    Equal,
    Deadline,
    Qualitative,
    Manual,
    BudgetExecution,
    FundArrival,
    Satisfaction,
}

impl RuleKind {
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
    pub fn parse(text: &str) -> Option<Tier> {
        match text {
            "achieved" => Some(Tier::Achieved),
            "partial" => Some(Tier::Partial),
            "missed" => Some(Tier::Missed),
            _ => None,
        }
    }

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
    pub actual: Option<Num>,
    pub tolerance: Option<Num>,
    pub formula: Option<String>,
    pub tier: Option<String>,
    pub fraction: Option<Num>,
    pub score: Option<Num>,
    pub survey: Option<String>,
    pub unit: Option<String>,
    pub steps: Option<Vec<Step>>,
    pub extra: Extra,
}

impl Rule {
    pub fn kind(&self) -> Option<RuleKind> {
        RuleKind::parse(&self.kind)
    }
}

/// One step of 区间计分: from `min` percent on, the completion is `fraction`.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    pub min: Option<Num>,
    pub fraction: Option<Num>,
    pub extra: Extra,
}
