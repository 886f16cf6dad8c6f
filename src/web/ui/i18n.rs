//! The page speaks Chinese first; English by a switch.

use jixiao_core::Lang;

/// The text in the page's language (the same helper the core's tables use).
pub use jixiao_core::tables::t;

/// Short names of the rule kinds, for the compact 计分方式 cell of the indicator table.
pub fn kind_short(lang: Lang, kind: &str) -> &'static str {
    match kind {
        "at_least" => t(lang, "正向", "At least"),
        "at_most" => t(lang, "反向", "At most"),
        "equal" => t(lang, "等于目标", "Equal"),
        "deadline" => t(lang, "时效", "Deadline"),
        "qualitative" => t(lang, "定性", "Qualitative"),
        "manual" => t(lang, "专家打分", "Manual"),
        "budget_execution" => t(lang, "预算执行率", "Execution"),
        "fund_arrival" => t(lang, "资金到位率", "Arrival"),
        "satisfaction" => t(lang, "满意度", "Satisfaction"),
        _ => t(lang, "（未知）", "(unknown)"),
    }
}

/// Short names of the qualitative tiers.
pub fn tier_short(lang: Lang, tier: &str) -> &'static str {
    match tier {
        "achieved" => t(lang, "达成", "Achieved"),
        "partial" => t(lang, "部分达成", "Partly"),
        "missed" => t(lang, "未达成", "Missed"),
        _ => t(lang, "选择档次", "Choose a tier"),
    }
}

/// Names of the rule kinds, as the 自评表 speaks of them.
pub fn kind_label(lang: Lang, kind: &str) -> &'static str {
    match kind {
        "at_least" => t(
            lang,
            "正向指标（不低于目标）",
            "At least (higher is better)",
        ),
        "at_most" => t(lang, "反向指标（不高于目标）", "At most (lower is better)"),
        "equal" => t(lang, "等于目标", "Equal to target"),
        "deadline" => t(lang, "时效（按时完成）", "Deadline"),
        "qualitative" => t(lang, "定性（达成/部分达成/未达成）", "Qualitative tier"),
        "manual" => t(lang, "专家打分", "Manual score"),
        "budget_execution" => t(lang, "预算执行率", "Budget execution rate"),
        "fund_arrival" => t(lang, "资金到位率", "Fund arrival rate"),
        "satisfaction" => t(lang, "满意度", "Satisfaction survey"),
        _ => t(lang, "（未知）", "(unknown)"),
    }
}
