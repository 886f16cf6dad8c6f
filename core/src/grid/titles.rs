//! The one title matcher for tables: a cell's text normalised (no spaces, full-width folded) and
//! tested; the first cell or column whose title passes. Every reader (the 自评表, the 执行监控表,
//! a pasted block, a Word report's tables) finds columns with it.

use super::cells::Grid;
use crate::text::normalise;
use crate::written::{read_written, Written};
use rust_decimal::Decimal;

/// The text of a cell, normalised for matching titles (no spaces or line breaks).
pub(crate) fn key(grid: &Grid, r: usize, c: usize) -> String {
    normalise(grid.text(r, c))
}

/// The first cell (row, column) whose title satisfies `pred`, searching rows from `from`.
pub(crate) fn find(
    grid: &Grid,
    from: usize,
    pred: impl Fn(&str) -> bool,
) -> Option<(usize, usize)> {
    let width = grid.width();
    (from..grid.rows.len())
        .find_map(|r| (0..width).find(|&c| pred(&key(grid, r, c))).map(|c| (r, c)))
}

/// The first column of row `r` whose title satisfies `pred`.
pub(crate) fn first_col(grid: &Grid, r: usize, pred: impl Fn(&str) -> bool) -> Option<usize> {
    (0..grid.width()).find(|&c| pred(&key(grid, r, c)))
}

/// The digits written right before byte `at` of `text` (`2022` of `2022年度`).
pub(crate) fn digits_before(text: &str, at: usize) -> String {
    let lead = text.get(..at).unwrap_or_default();
    let start = lead
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_ascii_digit())
        .last()
        .map_or(lead.len(), |(i, _)| i);
    lead.get(start..).unwrap_or_default().to_string()
}

/// The figure in a cell as written (`10`, `10分`, `—` is none).
pub(crate) fn figure(text: &str) -> Option<Decimal> {
    match read_written(text, None) {
        Written::Number { value, .. } => Some(value),
        _ => None,
    }
}

/// The labels of the lines under a form's table: signatures, contacts, dates and notes.
const FOOTER_LABELS: [&str; 12] = [
    "填报人",
    "填表人",
    "联系人",
    "联系电话",
    "填报日期",
    "填表日期",
    "审核人",
    "单位负责人",
    "财务负责人",
    "项目负责人",
    "注",
    "说明",
];

/// Whether a cell's text is one of the lines under a form's table (`填报人：王某`, `联系电话`,
/// `注：…`): a footer label alone or followed by a colon or a bracket. `注` and `说明` only with
/// their colon (an indicator may be called 说明书印发数量).
pub(crate) fn is_footer(text: &str) -> bool {
    let t = normalise(text);
    FOOTER_LABELS.iter().any(|label| {
        let Some(rest) = t.strip_prefix(label) else {
            return false;
        };
        let note = matches!(*label, "注" | "说明");
        rest.starts_with(['：', ':'])
            || (!note && (rest.is_empty() || rest.starts_with(['（', '(', '/', '、'])))
    })
}

/// Whether row `r` is a line under a form's table: one of its cells is a footer label.
pub(crate) fn is_footer_row(grid: &Grid, r: usize) -> bool {
    grid.rows
        .get(r)
        .is_some_and(|row| row.iter().any(|c| is_footer(&c.text)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn footer_labels_end_a_table_but_indicator_names_do_not() {
        for footer in [
            "填报人：王某",
            "联系电话：0871-12345678",
            "填报日期: 2026年8月5日",
            "审核人",
            "单位负责人（签字）",
            "注：本表金额单位为万元",
            "说明：…",
            "财务负责人：李某",
        ] {
            assert!(is_footer(footer), "{footer}");
        }
        for name in [
            "说明书印发数量",
            "联系人满意度",
            "注册企业数",
            "填报及时率",
            "培训人次",
        ] {
            assert!(!is_footer(name), "{name}");
        }
    }
}
