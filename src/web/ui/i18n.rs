//! The page speaks Chinese first; English by a switch. The short names the page gives rule kinds
//! and tiers, as fixed pairs of texts.

use jixiao_core::Text;
use jixiao_core::{RuleKind, Tier};

/// The text in the page's language (the same helper the core's tables use).
pub(crate) use jixiao_core::t;

/// Short names of the rule kinds, for the compact 计分方式 cell of the indicator table.
pub(crate) fn kind_short(kind: Option<RuleKind>) -> Text {
    match kind {
        Some(RuleKind::AtLeast) => Text("正向", "At least"),
        Some(RuleKind::AtMost) => Text("反向", "At most"),
        Some(RuleKind::Equal) => Text("等于目标", "Equal"),
        Some(RuleKind::Deadline) => Text("时效", "Deadline"),
        Some(RuleKind::Qualitative) => Text("定性", "Qualitative"),
        Some(RuleKind::Manual) => Text("专家打分", "Manual"),
        Some(RuleKind::BudgetExecution) => Text("预算执行率", "Execution"),
        Some(RuleKind::FundArrival) => Text("资金到位率", "Arrival"),
        Some(RuleKind::Satisfaction) => Text("满意度", "Satisfaction"),
        None => Text("（未知）", "(unknown)"),
    }
}

/// Short names of the qualitative tiers (none chosen yet: the button asks for one).
pub(crate) fn tier_short(tier: Option<Tier>) -> Text {
    match tier {
        Some(Tier::Achieved) => Text("达成", "Achieved"),
        Some(Tier::Partial) => Text("部分达成", "Partly"),
        Some(Tier::Missed) => Text("未达成", "Missed"),
        None => Text("选择档次", "Choose a tier"),
    }
}

/// Names of the rule kinds, as the 自评表 speaks of them.
pub(crate) fn kind_label(kind: Option<RuleKind>) -> Text {
    match kind {
        Some(RuleKind::AtLeast) => Text("正向指标（不低于目标）", "At least (higher is better)"),
        Some(RuleKind::AtMost) => Text("反向指标（不高于目标）", "At most (lower is better)"),
        Some(RuleKind::Equal) => Text("等于目标", "Equal to target"),
        Some(RuleKind::Deadline) => Text("时效（按时完成）", "Deadline"),
        Some(RuleKind::Qualitative) => Text("定性（达成/部分达成/未达成）", "Qualitative tier"),
        Some(RuleKind::Manual) => Text("专家打分", "Manual score"),
        Some(RuleKind::BudgetExecution) => Text("预算执行率", "Budget execution rate"),
        Some(RuleKind::FundArrival) => Text("资金到位率", "Fund arrival rate"),
        Some(RuleKind::Satisfaction) => Text("满意度", "Satisfaction survey"),
        None => Text("（未知）", "(unknown)"),
    }
}
