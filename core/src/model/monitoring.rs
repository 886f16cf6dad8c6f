//! 绩效运行监控 rounds (MONITORING.md): snapshots of the year inside the same document, each with
//! its date, what was spent on each budget line, how far each indicator has come, its forecast
//! and the reasons. Every field may be empty: an empty value is "not reported yet", never zero.

use super::Extra;
use crate::number::Num;

/// One monitoring round (`monitoring[i]`).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Round {
    /// 监控截至日期, `2026-07-31` as written.
    pub as_of: String,
    /// The budget lines reported, in the order written (`budget.<line id>`).
    pub budget: Vec<LineReport>,
    /// The indicators reported, in the order written (`indicators.<leaf id>`).
    pub indicators: Vec<LeafReport>,
    /// 年度总体目标 1-N月完成情况.
    pub goal_progress: Option<String>,
    /// Fields jixiao does not know, kept for the round trip.
    pub extra: Extra,
}

/// A budget line in a round.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct LineReport {
    /// The line's id.
    pub id: String,
    /// 1-N月执行数.
    pub spent: Option<Num>,
    /// 全年预计执行数.
    pub forecast: Option<Num>,
    /// 偏差原因.
    pub reason: Option<String>,
    /// Fields jixiao does not know, kept for the round trip.
    pub extra: Extra,
}

/// An indicator in a round.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct LeafReport {
    /// The leaf's id.
    pub id: String,
    /// 1-N月完成值 (a number, or a date for 时效).
    pub value: Option<Num>,
    /// For 定性: the tier reached so far (`achieved`, `partial`, `missed`).
    pub tier: Option<String>,
    /// 全年预计完成值 (a number, a date, or a tier for 定性, a score for `manual`).
    pub forecast: Option<Num>,
    /// 完成目标可能性: `certain`, `possible`, `impossible`.
    pub likelihood: Option<String>,
    /// 偏差原因 categories: `funding`, `policy`, `staff`, `equipment`, `other`.
    pub causes: Option<Vec<String>>,
    /// 偏差原因 note.
    pub reason: Option<String>,
    /// Fields jixiao does not know, kept for the round trip.
    pub extra: Extra,
}

impl Round {
    /// The report of budget line `id`, if the round has one.
    pub fn line(&self, id: &str) -> Option<&LineReport> {
        self.budget.iter().find(|l| l.id == id)
    }

    /// The report of leaf `id`, if the round has one.
    pub fn leaf(&self, id: &str) -> Option<&LeafReport> {
        self.indicators.iter().find(|l| l.id == id)
    }
}

/// A round's reports by id, for lookups in a loop over the document's leaves or lines (the first
/// of an id answers, as [`Round::leaf`] does).
pub struct Reports<'a> {
    lines: std::collections::HashMap<&'a str, &'a LineReport>,
    leaves: std::collections::HashMap<&'a str, &'a LeafReport>,
}

impl Round {
    /// The round's reports by id.
    pub fn reports(&self) -> Reports<'_> {
        let mut lines = std::collections::HashMap::with_capacity(self.budget.len());
        for l in &self.budget {
            lines.entry(l.id.as_str()).or_insert(l);
        }
        let mut leaves = std::collections::HashMap::with_capacity(self.indicators.len());
        for l in &self.indicators {
            leaves.entry(l.id.as_str()).or_insert(l);
        }
        Reports { lines, leaves }
    }
}

impl<'a> Reports<'a> {
    /// The report of leaf `id`.
    pub fn leaf(&self, id: &str) -> Option<&'a LeafReport> {
        self.leaves.get(id).copied()
    }

    /// The report of line `id`.
    pub fn line(&self, id: &str) -> Option<&'a LineReport> {
        self.lines.get(id).copied()
    }
}
