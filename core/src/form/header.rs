//! The header of a form: the labels it prints (项目名称, 主管部门, 项目性质 …) and the value beside one,
//! for the 自评表, the 执行监控表 and the 申报表 alike.

use crate::grid::{key, Grid};
use crate::text::normalise;

/// The labels of a form's header: a cell saying one is never the value of another.
const HEADER_LABELS: [&str; 21] = [
    "项目名称",
    "主管部门",
    "实施单位",
    "项目单位",
    "预算单位",
    "项目负责人",
    "联系电话",
    "填报日期",
    "单位",
    "年度总体目标",
    "项目资金",
    "绩效指标",
    "预算部门",
    "项目实施单位",
    // The 申报表's.
    "项目性质",
    "项目类别",
    "项目类型",
    "计划开始日期",
    "计划完成日期",
    "项目期限",
    "项目总体目标",
];

/// Whether the text is one of the header's labels (`项目名称：`, `实施单位（盖章）`).
pub(super) fn is_label(text: &str) -> bool {
    let t = text.trim_end_matches(['：', ':']);
    HEADER_LABELS
        .iter()
        .any(|l| t == *l || t.starts_with(l) && t.contains('（'))
}

/// The value next to a label: the rest of its own cell after a colon, or the first cell to its
/// right that is not the label again (merged cells repeat it); blank where the next thing to the
/// right is another label (the value was left blank).
pub(super) fn value_right(grid: &Grid, r: usize, c: usize) -> String {
    let own = grid.text(r, c);
    for sep in ['：', ':'] {
        if let Some((_, rest)) = own.split_once(sep) {
            if !rest.trim().is_empty() {
                return rest.trim().to_string();
            }
        }
    }
    let label = key(grid, r, c);
    let width = grid.width();
    ((c.saturating_add(1))..width)
        .map(|cc| grid.text(r, cc))
        .find(|t| {
            let k = normalise(t);
            !k.is_empty() && k != label
        })
        .filter(|t| !is_label(&normalise(t)))
        .map(|t| t.trim().to_string())
        .unwrap_or_default()
}
