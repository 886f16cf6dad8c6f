//! The year's first document, the 项目支出绩效目标申报表: the project's funds as requested
//! (`funds`) and the snapshot of the indicator table as it was declared and approved
//! (`declared`), which the year is held to. The header fields (性质, 类别, 主管部门, 实施单位, dates,
//! the two goals) are `meta`'s.

use super::Extra;
use crate::number::Num;

/// The keys of `meta` the 申报表 fills, with their titles on the form.
pub const TARGET_META: [(&str, &str); 9] = [
    ("title", "项目名称"),
    ("nature", "项目性质"),
    ("category", "项目类别"),
    ("department", "主管部门"),
    ("unit", "实施单位"),
    ("start", "计划开始日期"),
    ("end", "计划完成日期"),
    ("overall_goal", "项目总体目标"),
    ("annual_goal", "年度总体目标"),
];

/// 项目资金 (`funds`): the whole project's and the year's request, in the document's money unit.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Funds {
    /// 项目资金总额.
    pub total: Option<Num>,
    /// 其中：财政资金.
    pub fiscal: Option<Num>,
    /// 其他资金.
    pub other: Option<Num>,
    /// 年度资金申请.
    pub annual: AnnualFunds,
    /// Fields jixiao does not know, kept for the round trip.
    pub extra: Extra,
}

/// 年度资金申请 (`funds.annual`).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct AnnualFunds {
    /// 年度资金申请总额.
    pub total: Option<Num>,
    /// 其中：当年财政拨款.
    pub fiscal: Option<Num>,
    /// 上年结转资金.
    pub carried: Option<Num>,
    /// 其他资金.
    pub other: Option<Num>,
    /// Fields jixiao does not know, kept for the round trip.
    pub extra: Extra,
}

impl Funds {
    /// Whether nothing is written.
    pub fn is_empty(&self) -> bool {
        self.total.is_none()
            && self.fiscal.is_none()
            && self.other.is_none()
            && self.annual.total.is_none()
            && self.annual.fiscal.is_none()
            && self.annual.carried.is_none()
            && self.annual.other.is_none()
            && self.extra.is_empty()
            && self.annual.extra.is_empty()
    }
}

/// The targets as declared (`declared`): written by importing a 申报表 or by recording the
/// document's targets, never changed by editing the indicators afterwards.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Declared {
    /// When it was declared (`YYYY-MM-DD`).
    pub date: Option<String>,
    /// Each leaf's target as declared, by leaf id, in the order of the tree.
    pub targets: Vec<DeclaredTarget>,
    /// Fields jixiao does not know, kept for the round trip.
    pub extra: Extra,
}

impl Declared {
    /// The declared target of leaf `id`.
    pub fn target(&self, id: &str) -> Option<&DeclaredTarget> {
        self.targets.iter().find(|t| t.id == id)
    }
}

/// One leaf's target as declared (`declared.targets.<leaf id>`).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct DeclaredTarget {
    /// The leaf's id.
    pub id: String,
    /// 三级指标.
    pub name: String,
    /// The names of its groups, outermost first (一级, 二级).
    pub path: Vec<String>,
    /// 年度指标值 as the form printed it (`≥90.00(%)`).
    pub written: String,
    /// The rule's kind.
    pub kind: String,
    /// The target (a number, a date, or words for 定性).
    pub target: Option<String>,
    /// 计量单位.
    pub unit: Option<String>,
    /// 分值.
    pub points: Option<String>,
    /// Fields jixiao does not know, kept for the round trip.
    pub extra: Extra,
}
