//! Cells copied from Excel, WPS or a Word table (tab-separated text, quoted where a cell holds a
//! line break) pasted into the indicator or budget editor: rows, by the same column titles as a
//! form when the header row is copied too, else in the editor's column order.

use super::layout::grow_tree;
use super::row::Row;
use super::summary::Summary;
use crate::grid::{first_col, is_footer_row, BudgetColumns, Cell, Grid};
use crate::model::{BudgetLine, Node};

/// Tab-separated text as a grid (Excel quotes a cell that holds a line break or a quote).
fn grid_of(text: &str) -> Grid {
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    let mut row: Vec<Cell> = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = text.trim_end_matches(['\r', '\n']).chars().peekable();
    let push_cell = |row: &mut Vec<Cell>, cell: &mut String| {
        row.push(Cell {
            text: std::mem::take(cell).trim().to_string(),
            number: false,
        });
    };
    while let Some(c) = chars.next() {
        match c {
            '"' if cell.is_empty() && !quoted => quoted = true,
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            '"' if quoted => quoted = false,
            '\t' if !quoted => push_cell(&mut row, &mut cell),
            '\r' if !quoted => {}
            '\n' if !quoted => {
                push_cell(&mut row, &mut cell);
                rows.push(std::mem::take(&mut row));
            }
            other => cell.push(other),
        }
    }
    push_cell(&mut row, &mut cell);
    rows.push(row);
    Grid {
        name: String::new(),
        rows,
    }
}

/// Pasted text as rows of cell texts, read the same way as the pastes that add rows (so a
/// block pasted into a table's cells splits where those would).
pub fn cells(text: &str) -> Vec<Vec<String>> {
    grid_of(text)
        .rows
        .into_iter()
        .map(|row| row.into_iter().map(|c| c.text).collect())
        .collect()
}

/// Whether the first row of pasted cells holds column titles (指标, 分值, 预算数, 执行数, 名称…):
/// such a block adds rows by its titles rather than filling the cells it is pasted into.
pub fn titled(text: &str) -> bool {
    const TITLES: [&str; 9] = [
        "指标",
        "分值",
        "得分",
        "预算",
        "执行数",
        "到位",
        "名称",
        "完成值",
        "偏差原因",
    ];
    cells(text)
        .first()
        .is_some_and(|row| row.iter().any(|c| TITLES.iter().any(|t| c.contains(t))))
}

/// Whether the text is tabular (more than one cell): a paste that should become rows.
fn tabular(text: &str) -> bool {
    text.contains('\t')
}

/// The indicator rows of pasted cells, as nodes to add (groups by the names of 一级/二级 columns
/// when they were copied). `None` when the text is not tabular.
pub fn paste_indicators(text: &str, year: Option<i32>) -> Option<Vec<Node>> {
    if !tabular(text) {
        return None;
    }
    let grid = grid_of(text);
    let header = (0..grid.rows.len().min(3)).find(|&r| {
        first_col(&grid, r, |t| {
            t.contains("指标值") || t.contains("分值") || t.contains("实际完成")
        })
        .is_some()
            && first_col(&grid, r, |t| t.contains("指标") || t.contains("名称")).is_some()
    });
    let (start, col): (usize, [Option<usize>; 8]) = match header {
        Some(r) => {
            let c = |pred: &dyn Fn(&str) -> bool| first_col(&grid, r, pred);
            let l3 = c(&|t| {
                t.contains("三级指标") || t.contains("指标名称") || t == "名称" || t == "指标"
            });
            (
                r.saturating_add(1),
                [
                    c(&|t| t.contains("一级指标")),
                    c(&|t| t.contains("二级指标")),
                    l3,
                    c(&|t| {
                        t.contains("年度指标值")
                            || t.contains("目标值")
                            || (t.contains("指标值") && !t.contains("实际"))
                    }),
                    c(&|t| t.contains("实际完成") || t.contains("实际值") || t.contains("完成值")),
                    c(&|t| t.contains("分值")),
                    c(&|t| t.contains("得分") && !t.contains("分值")),
                    c(&|t| t.contains("原因") || t.contains("改进措施")),
                ],
            )
        }
        // The editor's column order: 指标名称, 年度指标值, 实际完成值, 分值, 偏差原因.
        None => (
            0,
            [
                None,
                None,
                Some(0),
                Some(1),
                Some(2),
                Some(3),
                None,
                Some(4),
            ],
        ),
    };
    let [l1, l2, l3, target, actual, points, score, reason] = col;
    let cell = |r: usize, c: Option<usize>| {
        c.map_or(String::new(), |c| grid.text(r, c).trim().to_string())
    };
    let (mut last_l1, mut last_l2) = (String::new(), String::new());
    let mut rows = Vec::new();
    for r in start..grid.rows.len() {
        if is_footer_row(&grid, r) {
            break;
        }
        let name = cell(r, l3);
        if name.is_empty() && cell(r, target).is_empty() {
            continue;
        }
        let (a, b) = (cell(r, l1), cell(r, l2));
        if !a.is_empty() {
            last_l1 = a;
        }
        if !b.is_empty() {
            last_l2 = b;
        }
        rows.push(Row {
            l1: last_l1.clone(),
            l2: last_l2.clone(),
            name,
            nature: String::new(),
            unit: String::new(),
            target: cell(r, target),
            actual: cell(r, actual),
            points: cell(r, points),
            score: cell(r, score),
            reason: cell(r, reason),
            monitor: None,
        });
    }
    let mut tree = Vec::new();
    let mut scores = Vec::new();
    grow_tree(
        &mut tree,
        rows,
        year,
        &mut scores,
        &mut Summary::default(),
        &mut |_, _| {},
    );
    // Pasted rows without first-level names are leaves of their own, not a made-up group.
    let flat = l1.is_none();
    Some(if flat {
        tree.into_iter()
            .flat_map(|n| match n {
                Node::Group(g) if g.name == "绩效指标" => g.children,
                other => vec![other],
            })
            .collect()
    } else {
        tree
    })
}

/// The budget lines of pasted cells: by the titles 项目名称/名称, 年初预算数, 全年预算数/预算数,
/// 到位数, 执行数, 备注 when the header is copied, else in the editor's order (名称, 年初预算数,
/// 全年预算数, 到位数, 执行数, 备注). `None` when the text is not tabular.
pub fn paste_budget(text: &str) -> Option<Vec<BudgetLine>> {
    if !tabular(text) {
        return None;
    }
    let grid = grid_of(text);
    Some(match BudgetColumns::find(&grid) {
        Some(columns) => columns.lines(&grid),
        None => BudgetColumns::EDITOR.lines(&grid),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_block_of_values_is_cells_and_a_header_is_titles() {
        let block = "60\t\"两行\n的原因\"\r\n55\t\r\n";
        assert_eq!(cells(block), [vec!["60", "两行\n的原因"], vec!["55", ""]]);
        assert!(!titled(block));
        assert!(titled("指标名称\t分值\n培训\t10"));
        assert!(titled("项目名称\t全年预算数\t执行数\n培训费\t64.53\t63.6"));
        assert_eq!(cells("1\n2\n3"), [["1"], ["2"], ["3"]]);
    }

    #[test]
    fn indicator_cells_with_their_header() {
        let text = "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施\r\n\
                    产出指标\t数量指标\t培训期数\t不少于3期\t4期\t10\t10\t\r\n\
                    \t\t培训人数\t≥60人次\t50人次\t10\t8.33\t\"生源不足，\n下年度提前招生\"\r\n";
        let nodes = paste_indicators(text, Some(2022)).unwrap();
        assert_eq!(nodes.len(), 1);
        let Node::Group(g) = &nodes[0] else {
            panic!("a group")
        };
        assert_eq!(g.name, "产出指标");
        let Node::Group(q) = &g.children[0] else {
            panic!("a group")
        };
        assert_eq!(q.children.len(), 2, "a blank cell is the same as above");
        let Node::Leaf(l) = &q.children[1] else {
            panic!("a leaf")
        };
        assert_eq!(l.rule.kind, "at_least");
        assert_eq!(l.unit(), "人次");
        assert_eq!(l.reason, "生源不足，\n下年度提前招生");
    }

    #[test]
    fn cells_without_a_header_follow_the_editors_order() {
        let nodes =
            paste_indicators("培训期数\t≥3期\t4\t10\t\n满意度\t≥90%\t95%\t10\t", None).unwrap();
        assert_eq!(nodes.len(), 2);
        let Node::Leaf(l) = &nodes[1] else {
            panic!("a leaf")
        };
        assert_eq!(
            (l.name.as_str(), l.unit(), l.points.as_ref().unwrap().raw()),
            ("满意度", "%", "10")
        );
        let lines = paste_budget("培训费\t\t64.53\t64.53\t63.6\t公开招标").unwrap();
        assert_eq!(lines[0].name, "培训费");
        assert_eq!(lines[0].spent.as_ref().unwrap().raw(), "63.6");
        let lines = paste_budget("项目\t全年预算数\t执行数\n慰问\t1.56\t0").unwrap();
        assert_eq!(lines[0].planned.as_ref().unwrap().raw(), "1.56");
        assert!(paste_budget("just text").is_none());
    }
}
