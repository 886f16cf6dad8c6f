//! The columns of a budget table, by their titles: a pasted block, a Word report's 项目支出明细表,
//! the rows of lines under them.

use super::cells::Grid;
use super::titles::{figure, first_col, is_footer_row, key};
use crate::model::BudgetLine;
use crate::number::Num;
use serde_json::Map;

/// The columns of a budget table (a pasted block, a Word report's 项目支出明细表), found by their
/// titles: 名称, 年初预算数, 全年预算数 / 预算数 / 下达金额, 到位数, 执行数 / 使用经费 / 支出, 结余,
/// 备注.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct BudgetColumns {
    /// The row after the header.
    pub(crate) start: usize,
    pub(crate) name: Option<usize>,
    pub(crate) initial: Option<usize>,
    pub(crate) planned: Option<usize>,
    pub(crate) received: Option<usize>,
    pub(crate) spent: Option<usize>,
    pub(crate) balance: Option<usize>,
    pub(crate) note: Option<usize>,
}

/// Rows that total the lines above rather than being one.
const TOTAL_NAMES: [&str; 4] = ["合计", "总计", "小计", "合计金额"];

impl BudgetColumns {
    /// The editor's column order, for cells pasted without their header.
    pub(crate) const EDITOR: BudgetColumns = BudgetColumns {
        start: 0,
        name: Some(0),
        initial: Some(1),
        planned: Some(2),
        received: Some(3),
        spent: Some(4),
        balance: None,
        note: Some(5),
    };

    /// The columns by the titles of a header row among the first three.
    pub(crate) fn find(grid: &Grid) -> Option<BudgetColumns> {
        let planned_title =
            |t: &str| t.contains("预算数") || t.contains("下达") || t.contains("预算金额");
        let spent_title = |t: &str| {
            t.contains("执行数") || t.contains("使用经费") || t.contains("支出数") || t == "支出"
        };
        let r = (0..grid.rows.len().min(3)).find(|&r| {
            first_col(grid, r, planned_title).is_some() || first_col(grid, r, spent_title).is_some()
        })?;
        let c = |pred: &dyn Fn(&str) -> bool| first_col(grid, r, pred);
        Some(BudgetColumns {
            start: r.saturating_add(1),
            name: c(&|t| t.contains("名称") || t.contains("项目") || t.contains("资金来源")),
            initial: c(&|t| t.contains("年初预算")),
            planned: c(&|t| {
                t.contains("全年预算")
                    || (t.contains("预算数") && !t.contains("年初"))
                    || t.contains("下达")
                    || t.contains("预算金额")
            }),
            received: c(&|t| t.contains("到位")),
            spent: c(&|t| spent_title(t) || t.contains("使用") || t.contains("支出")),
            balance: c(&|t| t.contains("结余")),
            note: c(&|t| t.contains("备注") || t.contains("说明")),
        })
    }

    /// Whether row `r` totals the lines (its name cell says 合计).
    pub(crate) fn is_total(&self, grid: &Grid, r: usize) -> bool {
        (0..=self.name.unwrap_or(0)).any(|c| TOTAL_NAMES.contains(&key(grid, r, c).as_str()))
    }

    /// The budget lines of the rows under the header, 合计 rows left out.
    pub(crate) fn lines(&self, grid: &Grid) -> Vec<BudgetLine> {
        let text_at = |r: usize, c: Option<usize>| {
            c.map_or(String::new(), |c| grid.text(r, c).trim().to_string())
        };
        let number = |r: usize, c: Option<usize>| {
            let t = text_at(r, c);
            (!t.is_empty()).then(|| figure(&t).map_or(Num::new(t.as_str()), Num::from_decimal))
        };
        (self.start..grid.rows.len())
            .take_while(|&r| !is_footer_row(grid, r))
            .filter(|&r| {
                (!key(grid, r, self.name.unwrap_or(0)).is_empty()
                    || number(r, self.planned).is_some())
                    && !self.is_total(grid, r)
            })
            .map(|r| BudgetLine {
                id: String::new(),
                name: text_at(r, self.name),
                initial: number(r, self.initial),
                planned: number(r, self.planned).or_else(|| Some(Num::new(""))),
                received: number(r, self.received),
                spent: number(r, self.spent).or_else(|| Some(Num::new(""))),
                note: text_at(r, self.note),
                extra: Map::new(),
            })
            .collect()
    }
}
