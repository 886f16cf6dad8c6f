//! One row of a form's indicator table as printed, and its 年度指标值 as written.

use crate::text::normalise;

/// One row of the indicator table as printed.
pub(super) struct Row {
    pub(super) l1: String,
    pub(super) l2: String,
    pub(super) name: String,
    pub(super) nature: String,
    pub(super) unit: String,
    pub(super) target: String,
    pub(super) actual: String,
    pub(super) points: String,
    pub(super) score: String,
    pub(super) reason: String,
    /// The monitoring cells, in a 执行监控表.
    pub(super) monitor: Option<super::monitor::Cells>,
}

/// 年度指标值 as the row prints it: the one column (`≥90.00(%)`), or 指标性质, 指标值 and 计量单位
/// side by side (`≥` `90` `%` → `≥90%`; `定性` `合理` → `合理`).
pub(super) fn written(row: &Row) -> String {
    let nature = normalise(&row.nature);
    let target = row.target.trim();
    let unit = row.unit.trim();
    let op = match nature.as_str() {
        "≥" | ">=" | ">" | "≤" | "<=" | "<" | "=" => nature.as_str(),
        _ => "",
    };
    let unit = if unit == "/" || target.ends_with(unit) {
        ""
    } else {
        unit
    };
    if op.is_empty() || target.starts_with(['≥', '≤', '=', '>', '<']) {
        format!("{target}{unit}")
    } else {
        format!("{op}{target}{unit}")
    }
}
