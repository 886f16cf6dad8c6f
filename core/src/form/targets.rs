//! Reading a filled 项目支出绩效目标申报表: recognised by its titles (绩效目标申报表 / 绩效目标表,
//! 年度资金申请总额) and an indicator table with 指标值 but no 实际完成值; its header (项目性质,
//! 项目类别, 主管部门, 实施单位, 计划开始/完成日期), its funds block (项目资金总额 / 财政资金 /
//! 其他资金; 年度资金申请总额 / 当年财政拨款 / 上年结转资金 / 其他资金, in 元 or 万元 as its header
//! says) and its two goals (项目总体目标, 年度总体目标).

use super::header::value_right;
use crate::date::parse_date;
use crate::grid::{figure, find, key, Grid};
use crate::model::{AnnualFunds, Document, Funds};
use crate::number::Num;
use crate::text::normalise;
use serde_json::Value;

/// Whether the sheet is a 申报表: its titles above the table say so and the table has no actual.
pub(super) fn is_targets_form(grid: &Grid, table_row: usize, has_actual: bool) -> bool {
    !has_actual
        && find(grid, 0, |t| {
            t.contains("绩效目标申报表")
                || t.contains("绩效目标表")
                || t.contains("年度资金申请总额")
                || t.contains("目标申报")
        })
        .is_some_and(|(r, _)| r < table_row)
}

/// The header, funds and goals of a 申报表 into `doc`.
pub(super) fn read_declaration(grid: &Grid, table_row: usize, doc: &mut Document) {
    let above = |t: &dyn Fn(&str) -> bool| find(grid, 0, t).filter(|(r, _)| *r < table_row);
    for (key, labels) in [
        ("nature", &["项目性质"][..]),
        ("category", &["项目类别", "项目类型"][..]),
        ("overall_goal", &["项目总体目标", "总体目标"][..]),
        ("annual_goal", &["年度总体目标", "年度目标"][..]),
    ] {
        if let Some((r, c)) =
            above(&|t: &str| labels.iter().any(|l| t.trim_end_matches(['：', ':']) == *l))
        {
            put(doc, key, value_right(grid, r, c));
        }
    }
    for (key, labels) in [
        ("start", &["计划开始日期", "开始日期", "项目开始日期"][..]),
        (
            "end",
            &["计划完成日期", "完成日期", "项目完成日期", "计划结束日期"][..],
        ),
    ] {
        if let Some((r, c)) =
            above(&|t: &str| labels.iter().any(|l| t.trim_end_matches(['：', ':']) == *l))
        {
            let text = value_right(grid, r, c);
            put(doc, key, parse_date(&text).map_or(text, |d| d.to_string()));
        }
    }
    // 项目期限 2026-01-01至2026-12-31, where the form has no two dates.
    if doc.meta_text("start").is_empty() {
        if let Some((r, c)) =
            above(&|t: &str| t.starts_with("项目期限") || t.starts_with("实施期限"))
        {
            let text = value_right(grid, r, c);
            if let Some((from, to)) = text.split_once(['至', '~', '～', '—']) {
                if let (Some(f), Some(t)) = (parse_date(from), parse_date(to)) {
                    put(doc, "start", f.to_string());
                    put(doc, "end", t.to_string());
                }
            }
        }
    }
    // The 自评表's goal key holds the annual goal where the form read it as one (and not the
    // project's overall goal, the first 总体目标 it finds).
    let goal = doc.meta_text("goal");
    if doc.meta_text("annual_goal").is_empty() && goal != doc.meta_text("overall_goal") {
        put(doc, "annual_goal", goal);
    }
    doc.meta.shift_remove("goal");
    // 填报日期, above the table or in the lines under it: the date of the declaration.
    if doc.meta_text("date").is_empty() {
        let date = find(grid, 0, |t| t.contains("填报日期")).and_then(|(r, c)| {
            let t = normalise(grid.text(r, c));
            let (_, rest) = t.split_once("填报日期")?;
            let rest = rest.trim_start_matches(['：', ':', ' ']);
            let first = rest.split_whitespace().next().unwrap_or_default();
            parse_date(first).or_else(|| parse_date(&value_right(grid, r, c)))
        });
        if let Some(date) = date {
            put(doc, "date", date.to_string());
        }
    }
    // The money unit: 元 or 万元 as the header says.
    if let Some((r, c)) = above(&|t: &str| {
        t.contains("元）") || t.contains("元)") || t.contains("单位：") || t.contains("单位:")
    }) {
        let t = normalise(grid.text(r, c));
        let unit = if t.contains("万元") {
            "万元"
        } else {
            "元"
        };
        doc.meta
            .insert("money_unit".into(), Value::String(unit.into()));
    }
    let funds = funds(grid, table_row);
    if !funds.is_empty() {
        doc.funds = Some(funds);
    }
}

/// A header field of `doc`, where it is written.
fn put(doc: &mut Document, key: &str, value: String) {
    let value = value.trim().to_string();
    if !value.is_empty() {
        doc.meta.insert(key.into(), Value::String(value));
    }
}

/// The funds block: each label's figure to its right, the project's block left of the year's.
fn funds(grid: &Grid, table_row: usize) -> Funds {
    let annual_col = find(grid, 0, |t| {
        t.contains("年度资金申请总额") || t.contains("年度资金总额")
    })
    .filter(|(r, _)| *r < table_row)
    .map(|(_, c)| c);
    // The first figure right of (r, c), before column `stop`.
    let figure_right = |r: usize, c: usize, stop: usize| {
        (c.saturating_add(1)..stop.min(grid.width()))
            .find_map(|cc| figure(grid.text(r, cc)))
            .map(Num::from_decimal)
    };
    let mut f = Funds::default();
    let width = grid.width();
    for r in 0..table_row {
        for c in 0..width {
            let t = key(grid, r, c);
            if t.is_empty() || key(grid, r, c.saturating_sub(1)) == t && c > 0 {
                continue;
            }
            let annual = annual_col.is_some_and(|a| c >= a);
            let stop = if annual {
                width
            } else {
                annual_col.unwrap_or(width)
            };
            let slot: Option<&mut Option<Num>> =
                if t.contains("年度资金申请总额") || t.contains("年度资金总额") {
                    Some(&mut f.annual.total)
                } else if t.contains("项目资金总额") || (t == "资金总额" && !annual) {
                    Some(&mut f.total)
                } else if t.contains("当年财政拨款") {
                    Some(&mut f.annual.fiscal)
                } else if t.contains("上年结转") {
                    Some(&mut f.annual.carried)
                } else if t.contains("财政资金") && !annual {
                    Some(&mut f.fiscal)
                } else if t.contains("其他资金") {
                    Some(if annual {
                        &mut f.annual.other
                    } else {
                        &mut f.other
                    })
                } else {
                    None
                };
            if let Some(slot) = slot {
                if slot.is_none() {
                    *slot = figure_right(r, c, stop);
                }
            }
        }
    }
    if f.annual == AnnualFunds::default() && f.total.is_none() {
        return Funds::default();
    }
    f
}
