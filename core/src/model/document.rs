use super::{BudgetLine, Claimed, Declared, Extra, Funds, Node, Round, Scenario, Survey};
use crate::number::Num;

/// A whole `jixiao/1` self-evaluation.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Document {
    /// Free text: title, unit, year, money_unit, date and anything else.
    pub meta: Extra,
    /// Local practice.
    pub settings: Settings,
    /// The budget (预算明细).
    pub budget: Vec<BudgetLine>,
    /// The surveys (满意度调查).
    pub surveys: Vec<Survey>,
    /// The indicator tree.
    pub indicators: Vec<Node>,
    /// What-if scenarios over this document (optional in `jixiao/1`).
    pub scenarios: Vec<Scenario>,
    /// 绩效运行监控 rounds (optional in `jixiao/1`).
    pub monitoring: Vec<Round>,
    /// What a printed report or form says the figures are (optional in `jixiao/1`).
    pub claimed: Option<Claimed>,
    /// 项目资金 as requested on the 申报表 (optional in `jixiao/1`).
    pub funds: Option<Funds>,
    /// The targets as declared (optional in `jixiao/1`).
    pub declared: Option<Declared>,
    /// Top-level fields jixiao does not know (kept on a round trip).
    pub extra: Extra,
}

impl Document {
    /// A text field of `meta` (numbers such as the year are shown as written).
    pub fn meta_text(&self, key: &str) -> String {
        match self.meta.get(key) {
            Some(serde_json::Value::String(s)) => s.clone(),
            Some(serde_json::Value::Null) | None => String::new(),
            Some(other) => other.to_string(),
        }
    }

    /// 年度总体目标: `annual_goal` as the 申报表 writes it, else the self-evaluation form's
    /// 年度总体目标（预期目标）, `goal`: the same goal, written in the year's two forms.
    pub fn annual_goal(&self) -> String {
        let annual = self.meta_text("annual_goal");
        if annual.trim().is_empty() {
            self.meta_text("goal")
        } else {
            annual
        }
    }
}

/// Local practice that differs between provinces; every value has the official default.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Settings {
    /// Grade bands, label and inclusive minimum percent (default 优 90, 良 80, 中 60, 差 0).
    pub grades: Option<Vec<GradeBand>>,
    /// Over-completion flag: an `at_least` actual more than this many percent above target (default 30).
    pub deviation_threshold: Option<Num>,
    /// Execution rate below which an explanation is expected (default 90).
    pub min_execution_rate: Option<Num>,
    /// How many percentage points performance may run ahead of the execution rate (default 5).
    pub mismatch_margin: Option<Num>,
    /// Decimals each leaf's score is rounded to (half-up) before the totals: 0, 1 or 2 (default 2).
    pub score_decimals: Option<Num>,
    /// How monitoring rounds are judged (`settings.monitoring`).
    pub monitoring: Option<MonitoringSettings>,
    /// Fields jixiao does not know, kept for the round trip.
    pub extra: Extra,
}

/// One grade: its label and the inclusive minimum percent.
#[derive(Clone, Debug, PartialEq)]
pub struct GradeBand {
    /// The label as shown.
    pub label: String,
    /// The inclusive minimum.
    pub min: Option<Num>,
}

/// 财预〔2020〕10号's grades: 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 below (what a document without
/// `settings.grades` is graded by).
pub const DEFAULT_GRADES: [(&str, u32); 4] = [("优", 90), ("良", 80), ("中", 60), ("差", 0)];

/// How monitoring rounds are judged (`settings.monitoring`); the published defaults where a field
/// is absent.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct MonitoringSettings {
    /// The ratios (percent) below which a prorated light is red, yellow, and from which it is
    /// blue (default 60, 80, 120).
    pub bands: Option<Vec<Num>>,
    /// Which lights need a reason: `red_or_yellow` (the default) or `red`.
    pub reason_required: Option<String>,
    /// Fields jixiao does not know, kept for the round trip.
    pub extra: Extra,
}
