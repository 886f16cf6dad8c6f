//! 绩效运行监控 rounds (`docs/REFERENCE.md`): snapshots of the year inside the same document, each with
//! its date, what was spent on each budget line, how far each indicator has come, its forecast
//! and the reasons. Every field may be empty: an empty value is "not reported yet", never zero.

use super::Extra;
use crate::message::Message;
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

/// A light.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Light {
    /// 红灯: far behind (or a target missed).
    Red,
    /// 黄灯: behind.
    Yellow,
    /// 绿灯: on course.
    Green,
    /// 蓝灯: far ahead.
    Blue,
}

impl Light {
    /// Reads a light as a form prints it (`红灯`, `红`, `红色预警`) or as the file writes it (`red`).
    pub fn parse(text: &str) -> Option<Light> {
        let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        let t = t.to_lowercase();
        [Light::Red, Light::Yellow, Light::Green, Light::Blue]
            .into_iter()
            .find(|l| {
                t == l.key()
                    || t.starts_with(match l {
                        Light::Red => '红',
                        Light::Yellow => '黄',
                        Light::Green => '绿',
                        Light::Blue => '蓝',
                    })
            })
    }

    /// The light as a form prints it: `红灯`, `黄灯`, `绿灯`, `蓝灯`.
    pub fn printed(self) -> &'static str {
        match self {
            Light::Red => "红灯",
            Light::Yellow => "黄灯",
            Light::Green => "绿灯",
            Light::Blue => "蓝灯",
        }
    }

    /// The word in the output: `red`, `yellow`, `green`, `blue`.
    pub fn key(self) -> &'static str {
        match self {
            Light::Red => "red",
            Light::Yellow => "yellow",
            Light::Green => "green",
            Light::Blue => "blue",
        }
    }
}

impl Message for Light {
    fn zh(&self) -> String {
        match self {
            Light::Red => "红灯",
            Light::Yellow => "黄灯",
            Light::Green => "绿灯",
            Light::Blue => "蓝灯",
        }
        .into()
    }

    fn en(&self) -> String {
        match self {
            Light::Red => "red",
            Light::Yellow => "yellow",
            Light::Green => "green",
            Light::Blue => "blue",
        }
        .into()
    }
}

/// The likelihood a round says (完成目标可能性).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Likelihood {
    /// 确定能.
    Certain,
    /// 有可能.
    Possible,
    /// 完全不可能.
    Impossible,
}

impl Likelihood {
    /// Reads the file's word (or the form's Chinese).
    /// The form's words as staff write them: `确定能（完成）`, `能`, `有可能`, `（完全）不可能`,
    /// `无法完成`.
    pub fn parse(text: &str) -> Option<Likelihood> {
        let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        match t.as_str() {
            "certain" => return Some(Likelihood::Certain),
            "possible" => return Some(Likelihood::Possible),
            "impossible" => return Some(Likelihood::Impossible),
            _ => {}
        }
        if t.contains("不可能") || t.contains("无法") || t.contains("不能") {
            Some(Likelihood::Impossible)
        } else if t.contains("可能") {
            Some(Likelihood::Possible)
        } else if t == "否" {
            Some(Likelihood::Impossible)
        } else if t.starts_with("确定") || t.starts_with('能') || t == "是" {
            Some(Likelihood::Certain)
        } else {
            None
        }
    }

    /// The word in the file.
    pub fn key(self) -> &'static str {
        match self {
            Likelihood::Certain => "certain",
            Likelihood::Possible => "possible",
            Likelihood::Impossible => "impossible",
        }
    }
}

impl Message for Likelihood {
    fn zh(&self) -> String {
        match self {
            Likelihood::Certain => "确定能",
            Likelihood::Possible => "有可能",
            Likelihood::Impossible => "完全不可能",
        }
        .into()
    }

    fn en(&self) -> String {
        match self {
            Likelihood::Certain => "certain",
            Likelihood::Possible => "possible",
            Likelihood::Impossible => "impossible",
        }
        .into()
    }
}

/// A category of 偏差原因 (the form's columns).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cause {
    /// 经费保障.
    Funding,
    /// 制度保障.
    Policy,
    /// 人员保障.
    Staff,
    /// 硬件条件保障.
    Equipment,
    /// 其他.
    Other,
}

impl Cause {
    /// Every category, in the form's order.
    pub const ALL: [Cause; 5] = [
        Cause::Funding,
        Cause::Policy,
        Cause::Staff,
        Cause::Equipment,
        Cause::Other,
    ];

    /// The word in the file.
    pub fn key(self) -> &'static str {
        match self {
            Cause::Funding => "funding",
            Cause::Policy => "policy",
            Cause::Staff => "staff",
            Cause::Equipment => "equipment",
            Cause::Other => "other",
        }
    }

    /// Reads the file's word, or the form's column title (`经费保障`, `制度保障`…).
    pub fn parse(text: &str) -> Option<Cause> {
        let t = text.trim();
        Cause::ALL.into_iter().find(|c| {
            t == c.key()
                || match c {
                    Cause::Funding => t.starts_with("经费") || t.starts_with("资金"),
                    Cause::Policy => t.starts_with("制度") || t.starts_with("政策"),
                    Cause::Staff => t.starts_with("人员"),
                    Cause::Equipment => t.starts_with("硬件") || t.starts_with("设备"),
                    Cause::Other => t == "其他" || t == "其它",
                }
        })
    }
}

impl Message for Cause {
    fn zh(&self) -> String {
        match self {
            Cause::Funding => "经费保障",
            Cause::Policy => "制度保障",
            Cause::Staff => "人员保障",
            Cause::Equipment => "硬件条件保障",
            Cause::Other => "其他",
        }
        .into()
    }

    fn en(&self) -> String {
        match self {
            Cause::Funding => "funding",
            Cause::Policy => "rules and policy",
            Cause::Staff => "staff",
            Cause::Equipment => "equipment",
            Cause::Other => "other",
        }
        .into()
    }
}
