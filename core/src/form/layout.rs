//! Finding the parts of a 自评表 by their titles: the header (项目名称, 主管部门, 实施单位…), the
//! funds block (年初预算数, 全年预算数, 全年执行数, 分值, 执行率, 得分), 年度总体目标, the
//! indicator table (一级/二级/三级指标 in any column order, merged or blank "same as above"
//! cells) and the total row; then the rules inferred from what is written.

use super::error::FormError;
use super::funds::Funds;
use super::header::{is_label, value_right};
use super::row::Row;
use super::summary::{FormRead, ReadNote, Summary};
use crate::date::Date;
use crate::grid::{digits_before, figure, find, first_col, is_footer_row, key, Grid};
use crate::model::{
    BudgetLine, Claimed, Document, Group, Leaf, Light, Node, Printed, PrintedEntry, Rule, RuleKind,
    Step, Tier, What,
};
use crate::number::Num;
use crate::text::normalise;
use crate::written::{read_steps, read_written, Op, Written};
use rust_decimal::Decimal;
use serde_json::{Map, Value};

/// The year from the title (`（2022年度）`) or any cell saying `2022年度`.
fn form_year(grid: &Grid) -> Option<i32> {
    let width = grid.width();
    for r in 0..grid.rows.len().min(12) {
        for c in 0..width {
            let t = key(grid, r, c);
            if let Some(i) = t.find("年度") {
                let digits = digits_before(&t, i);
                if digits.len() == 4 {
                    return digits.parse().ok();
                }
            }
        }
    }
    None
}

/// The columns of the indicator table.
#[derive(Default, Debug)]
struct Columns {
    l1: Option<usize>,
    l2: Option<usize>,
    l3: usize,
    nature: Option<usize>,
    unit: Option<usize>,
    target: Option<usize>,
    actual: Option<usize>,
    points: Option<usize>,
    score: Option<usize>,
    reason: Option<usize>,
}

fn table_columns(grid: &Grid, r: usize) -> Option<Columns> {
    let l3 = first_col(grid, r, |t| t.contains("三级指标"))?;
    let l1 = first_col(grid, r, |t| t.contains("一级指标"));
    let l2 = first_col(grid, r, |t| t.contains("二级指标"));
    let target = first_col(grid, r, |t| {
        t.contains("年度指标值")
            || t.contains("目标值")
            || t.contains("计划值")
            || (t.contains("指标值") && !t.contains("实际"))
    });
    let actual = first_col(grid, r, |t| {
        t.contains("实际完成值")
            || t.contains("实际值")
            || t.contains("完成值")
            || t.contains("实际完成")
    });
    let points = first_col(grid, r, |t| t.contains("分值") || t == "权重");
    let score = first_col(grid, r, |t| t.contains("得分") && !t.contains("分值"));
    let reason = first_col(grid, r, |t| t.contains("原因") || t.contains("改进措施"));
    let nature = first_col(grid, r, |t| {
        t.contains("指标性质") || t == "性质" || t.contains("指标方向")
    });
    let unit = first_col(grid, r, |t| {
        t.contains("计量单位") || t.contains("度量单位") || t == "单位"
    });
    Some(Columns {
        l1,
        l2,
        l3,
        nature,
        unit,
        target,
        actual,
        points,
        score,
        reason,
    })
}

const TOTAL_LABELS: [&str; 6] = ["总分", "合计", "总计", "自评得分", "得分合计", "综合得分"];
const GRADES: [&str; 4] = ["优", "良", "中", "差"];

/// A rate as printed: `84.27%`, `84.27`, or a number cell `0.8427` formatted as a percentage.
fn rate(grid: &Grid, r: usize, c: usize) -> Option<Decimal> {
    let cell = grid.at(r, c);
    let value = figure(&cell.text)?;
    let fraction = cell.number && !cell.text.contains('%') && value.abs() <= Decimal::new(15, 1);
    Some(if fraction {
        value.saturating_mul(Decimal::ONE_HUNDRED)
    } else {
        value
    })
}

/// Reads the form from the grid that has an indicator table (a sheet, or a Word report's 自评表).
/// `year` is the year known from elsewhere (a Word report's title) where the grid says none.
pub(crate) fn read_grids(grids: &[Grid], year: Option<i32>) -> Result<FormRead, FormError> {
    let (grid, header_row) = grids
        .iter()
        .find_map(|g| {
            let at = find(g, 0, |t| t.contains("三级指标"))?;
            Some((g, at.0))
        })
        .ok_or(FormError::NoTable)?;
    let mut columns = table_columns(grid, header_row).ok_or(FormError::NoTable)?;
    let monitor = super::monitor::columns(grid, header_row, columns.l3);
    if monitor.is_some() {
        // A monitoring form has no year-end figures: its 完成值 and 原因 columns are the round's.
        columns.actual = None;
        columns.score = None;
        columns.reason = None;
    }
    let year = form_year(grid).or(year);
    let mut doc = Document::default();
    let mut summary = Summary {
        sheet: grid.name.clone(),
        ..Summary::default()
    };
    let mut claimed = Claimed::default();
    let mut scores = Vec::new();
    read_header(grid, header_row, year, &mut doc.meta);
    // A 申报表: its header, funds and goals; its targets recorded as declared below.
    let targets = monitor.is_none()
        && super::targets::is_targets_form(grid, header_row, columns.actual.is_some());
    let funds = if targets {
        super::targets::read_declaration(grid, header_row, &mut doc);
        Funds::default()
    } else {
        read_funds(
            grid,
            header_row,
            &mut doc,
            &mut claimed,
            &mut scores,
            monitor.is_some(),
        )
    };
    let budget_leaf = funds.leaf.clone();

    // The indicator rows, until the total row.
    let mut rows = Vec::new();
    let (mut last_l1, mut last_l2) = (String::new(), String::new());
    let cell = |r: usize, c: Option<usize>| {
        c.map_or(String::new(), |c| grid.text(r, c).trim().to_string())
    };
    let mut r = header_row.saturating_add(1);
    while r < grid.rows.len() {
        // The lines under the table (填报人, 联系电话, 注：…) end it.
        if is_footer_row(grid, r) {
            break;
        }
        let first_cells: Vec<String> = (0..=columns.l3).map(|c| key(grid, r, c)).collect();
        if first_cells
            .iter()
            .any(|t| TOTAL_LABELS.contains(&t.as_str()))
        {
            if monitor.is_none() {
                read_total(grid, r, &columns, &mut claimed);
            }
            break;
        }
        let name = cell(r, Some(columns.l3));
        // A second header row (the table's titles again) is skipped.
        if normalise(&name).contains("三级指标") {
            r = r.saturating_add(1);
            continue;
        }
        let l1 = cell(r, columns.l1);
        let l2 = cell(r, columns.l2);
        if !l1.is_empty() && l1 != last_l1 {
            last_l2 = String::new();
            last_l1 = l1;
        }
        if !l2.is_empty() {
            last_l2 = l2;
        }
        let row = Row {
            l1: last_l1.clone(),
            l2: last_l2.clone(),
            name,
            nature: cell(r, columns.nature),
            unit: cell(r, columns.unit),
            target: cell(r, columns.target),
            actual: cell(r, columns.actual),
            points: cell(r, columns.points),
            score: cell(r, columns.score),
            reason: cell(r, columns.reason),
            monitor: monitor.as_ref().map(|m| super::monitor::cells(grid, r, m)),
        };
        let empty = row.name.is_empty() && row.target.is_empty() && row.points.is_empty();
        if !empty {
            rows.push(row);
        }
        r = r.saturating_add(1);
    }
    if monitor.is_none() {
        read_grade(grid, header_row, &mut claimed);
    }

    let mut tree: Vec<Node> = budget_leaf.map(Node::Leaf).into_iter().collect();
    let round_date = monitor
        .as_ref()
        .and_then(|m| super::monitor::as_of(grid, header_row, year, m.month));
    let mut reports = Vec::new();
    // A 申报表's 年度指标值 as printed, by leaf: (leaf id, written, a qualitative target's words).
    let mut declared: Vec<(String, String, Option<String>)> = Vec::new();
    // The lights the form prints, by leaf: (leaf id, light, the row's cells).
    let mut lights: Vec<(String, String, String)> = Vec::new();
    grow_tree(
        &mut tree,
        rows,
        year,
        &mut scores,
        &mut summary,
        &mut |leaf, row| {
            if targets {
                let written = super::row::written(row);
                let words = (leaf.rule.kind() == Some(RuleKind::Qualitative))
                    .then(|| row.target.trim().to_string())
                    .filter(|w| !w.is_empty());
                declared.push((leaf.id.clone(), written, words));
            }
            if let Some(cells) = &row.monitor {
                if Light::parse(&cells.light).is_some() {
                    lights.push((leaf.id.clone(), cells.light.clone(), cells.line.clone()));
                }
                let report = super::monitor::report(cells, leaf, round_date, year);
                if super::monitor::says_something(&report) {
                    reports.push(report);
                }
            }
        },
    );
    if let Some(m) = &monitor {
        // No year on the form: the year of its 填报日期, else of a deadline it sets.
        let round_date = round_date.or_else(|| {
            let year = crate::date::parse_date(&doc.meta_text("date"))
                .map(|d| d.year)
                .or_else(|| {
                    crate::model::leaves(&tree).find_map(|(l, _)| {
                        l.rule
                            .target
                            .as_ref()
                            .and_then(|t| crate::date::parse_date(t.raw()))
                            .map(|d| d.year)
                    })
                })?;
            Date::end_of_month(year, m.month?)
        });
        let budget_light = super::monitor::budget_light(grid, &funds);
        let round = super::monitor::round(grid, header_row, &funds, &mut doc, round_date, reports);
        // Each printed light is a printed figure, held against the light the rules give.
        if !round.as_of.is_empty() {
            let place = grid.name.clone();
            let light = |leaf: Option<String>, value: String, line: String| {
                PrintedEntry::Read(Printed::new(
                    What::Light {
                        as_of: round.as_of.clone(),
                        leaf,
                    },
                    value,
                    &place,
                    &line,
                ))
            };
            claimed.printed.extend(
                budget_light
                    .map(|(value, line)| light(None, value, line))
                    .into_iter()
                    .chain(
                        lights
                            .drain(..)
                            .map(|(id, value, line)| light(Some(id), value, line)),
                    ),
            );
        }
        if round.as_of.is_empty() {
            summary.notes.push(ReadNote::NoRoundDate);
        }
        summary.round = Some((!round.as_of.is_empty()).then(|| round.as_of.clone()));
        if doc.meta_text("year").is_empty() {
            if let Some(d) = round_date {
                doc.meta
                    .insert("year".into(), Value::String(d.year.to_string()));
            }
        }
        doc.monitoring.push(round);
    }
    if matches!(tree.first(), Some(Node::Leaf(_))) {
        summary.indicators = summary.indicators.saturating_add(1);
        summary.inferred = summary.inferred.saturating_add(1);
    }
    doc.indicators = tree;
    if targets {
        for leaf in crate::model::leaves_mut(&mut doc.indicators) {
            if let Some((_, written, words)) = declared.iter().find(|(id, ..)| *id == leaf.id) {
                leaf.written = Some(written.clone()).filter(|w| !w.is_empty());
                if let Some(words) = words {
                    leaf.rule.target = Some(Num::new(words.as_str()));
                }
                // What a 申报表 says needs no confirming as a 自评表's reading does: it is declared.
                leaf.target_text = None;
            }
        }
        let date = crate::date::parse_date(&doc.meta_text("date")).map(|d| d.to_string());
        doc.declared = Some(crate::review::declare(&doc, date));
        summary.declaration = true;
    }
    summary.budget_lines = doc.budget.len();
    claimed.scores = scores;
    summary.claims = claimed
        .named()
        .count()
        .saturating_add(claimed.printed.len());
    if !claimed.is_empty() {
        doc.claimed = Some(claimed);
    }
    super::points::whole_points(&mut doc);
    Ok(FormRead { doc, summary })
}

/// Adds the rows to the tree: first-level groups, second-level groups (a path of groups when
/// written `产出指标 / 数量指标`), leaves, in the order printed; groups of the same name are one.
/// Printed scores go to `scores` by leaf id.
pub(super) fn grow_tree(
    tree: &mut Vec<Node>,
    rows: Vec<Row>,
    year: Option<i32>,
    scores: &mut Vec<(String, String)>,
    summary: &mut Summary,
    on_leaf: &mut dyn FnMut(&Leaf, &Row),
) {
    let mut groups: std::collections::HashMap<(String, String), usize> = tree
        .iter()
        .enumerate()
        .filter_map(|(i, n)| match n {
            Node::Group(g) => Some(((String::new(), g.name.clone()), i)),
            Node::Leaf(_) => None,
        })
        .collect();
    'rows: for row in rows {
        // A leaf written in the first and third columns alone stands at the top (预算执行率).
        if !row.l1.is_empty() && row.l1 == row.name && row.l2.is_empty() {
            let taken = |id: &str| {
                tree.iter()
                    .any(|n| matches!(n, Node::Leaf(l) if l.id == id))
            };
            let id = (0..=tree.len())
                .map(|n| {
                    if n == 0 {
                        "0".to_string()
                    } else {
                        format!("0.{n}")
                    }
                })
                .find(|id| !taken(id))
                .unwrap_or_default();
            let leaf = leaf_of(&row, id, row.name.clone(), year);
            summary.indicators = summary.indicators.saturating_add(1);
            if leaf.rule.inferred.is_some() {
                summary.inferred = summary.inferred.saturating_add(1);
            }
            on_leaf(&leaf, &row);
            tree.push(Node::Leaf(leaf));
            continue;
        }
        let l1_name = if row.l1.is_empty() {
            "绩效指标".to_string()
        } else {
            row.l1.clone()
        };
        // Groups are found by name through an index, not a scan of their (many) children.
        let l1_at = match groups.get(&(String::new(), l1_name.clone())).copied() {
            Some(i) => i,
            None => {
                let number = tree.iter().filter(|n| matches!(n, Node::Group(_))).count();
                groups.insert((String::new(), l1_name.clone()), tree.len());
                tree.push(Node::Group(Group {
                    id: number.saturating_add(1).to_string(),
                    name: l1_name,
                    children: Vec::new(),
                    extra: Map::new(),
                }));
                tree.len().saturating_sub(1)
            }
        };
        let Some(Node::Group(first)) = tree.get_mut(l1_at) else {
            continue;
        };
        let name = if row.name.is_empty() {
            row.l2.clone()
        } else {
            row.name.clone()
        };
        // A second level written `产出指标 / 数量指标` (deeper trees, as jixiao exports them) is a
        // path of groups.
        let path: Vec<String> = if row.l2.is_empty() || row.l2 == name {
            Vec::new()
        } else {
            row.l2.split(" / ").map(str::to_string).collect()
        };
        let mut parent = first;
        for level in path {
            let group_key = (parent.id.clone(), level.clone());
            let at = match groups.get(&group_key).copied() {
                Some(i) => i,
                None => {
                    groups.insert(group_key, parent.children.len());
                    let id = format!("{}.{}", parent.id, parent.children.len().saturating_add(1));
                    parent.children.push(Node::Group(Group {
                        id,
                        name: level,
                        children: Vec::new(),
                        extra: Map::new(),
                    }));
                    parent.children.len().saturating_sub(1)
                }
            };
            parent = match parent.children.get_mut(at) {
                Some(Node::Group(g)) => g,
                _ => continue 'rows,
            };
        }
        let id = format!("{}.{}", parent.id, parent.children.len().saturating_add(1));
        let leaf = leaf_of(&row, id, name, year);
        if !row.score.is_empty() && figure(&row.score).is_some() {
            scores.push((leaf.id.clone(), number_text(&row.score)));
        }
        summary.indicators = summary.indicators.saturating_add(1);
        if leaf.rule.inferred.is_some() {
            summary.inferred = summary.inferred.saturating_add(1);
        }
        on_leaf(&leaf, &row);
        parent.children.push(Node::Leaf(leaf));
    }
}

/// The figure of a cell as a claim's text (`10分` → `10`).
fn number_text(text: &str) -> String {
    figure(text).map_or(text.trim().to_string(), |d| d.normalize().to_string())
}

fn read_header(grid: &Grid, table_row: usize, year: Option<i32>, meta: &mut Map<String, Value>) {
    let mut put = |key: &str, value: String| {
        if !value.is_empty() && !meta.contains_key(key) {
            meta.insert(key.into(), Value::String(value));
        }
    };
    let labels: [(&str, &[&str]); 6] = [
        ("title", &["项目名称"]),
        ("department", &["主管部门", "预算部门"]),
        (
            "unit",
            &["实施单位", "项目实施单位", "项目单位", "预算单位"],
        ),
        ("owner", &["项目负责人"]),
        ("phone", &["联系电话"]),
        ("date", &["填报日期"]),
    ];
    for (field, names) in labels {
        for name in names {
            let found = find(grid, 0, |t| {
                let t = t.trim_end_matches(['：', ':']);
                t == *name
                    || t.starts_with(&format!("{name}："))
                    || t.starts_with(&format!("{name}:"))
            });
            if let Some((r, c)) = found.filter(|(r, _)| *r < table_row) {
                put(field, value_right(grid, r, c));
            }
        }
    }
    if let Some(y) = year {
        put("year", y.to_string());
    }
    // 年度总体目标: the texts under 预期目标 and 实际完成情况, or the text beside the title.
    if let Some((gr, gc)) =
        find(grid, 0, |t| t.contains("总体目标")).filter(|(r, _)| *r < table_row)
    {
        let below = |r: usize, c: usize| {
            (r.saturating_add(1)..table_row.min(r.saturating_add(5)))
                .map(|rr| grid.text(rr, c).trim().to_string())
                .find(|t| {
                    !t.is_empty() && !is_label(&normalise(t)) && !normalise(t).contains("目标")
                })
        };
        let expected = find(grid, gr, |t| {
            t == "预期目标" || t == "年度目标" || t == "目标"
        })
        .filter(|(r, _)| *r <= gr.saturating_add(2));
        let achieved = find(grid, gr, |t| {
            t.starts_with("实际完成情况") || t == "实际完成"
        })
        .filter(|(r, _)| *r <= gr.saturating_add(2));
        match (expected, achieved) {
            (Some((er, ec)), achieved) => {
                put("goal", below(er, ec).unwrap_or_default());
                if let Some((ar, ac)) = achieved {
                    put("goal_result", below(ar, ac).unwrap_or_default());
                }
            }
            (None, _) => put("goal", value_right(grid, gr, gc)),
        }
    }
    // 项目资金（万元）or 单位：万元.
    if let Some((r, c)) = find(grid, 0, |t| t.contains("万元")).filter(|(r, _)| *r < table_row) {
        if normalise(grid.text(r, c)).contains("（万元）")
            || normalise(grid.text(r, c)).contains("(万元)")
            || normalise(grid.text(r, c)).contains("单位")
        {
            put("money_unit", "万元".into());
        }
    }
}

/// The funds block: budget lines from the source rows (or the total row alone), the 预算执行率
/// leaf from its 分值, and the printed 执行率 and 得分 as claims. In a monitoring form every
/// labelled row with figures is a line (the lines as jixiao writes them), and the figures to
/// date are the round's, not the year's.
fn read_funds(
    grid: &Grid,
    table_row: usize,
    doc: &mut Document,
    claimed: &mut Claimed,
    scores: &mut Vec<(String, String)>,
    monitoring: bool,
) -> Funds {
    let mut funds = Funds::default();
    let Some((hr, _)) = find(grid, 0, |t| {
        t.contains("全年预算数") || t.contains("预算数")
    })
    .filter(|(r, _)| *r < table_row) else {
        return funds;
    };
    funds.header = Some(hr);
    funds.leaf = read_funds_at(
        grid, hr, table_row, doc, claimed, scores, monitoring, &mut funds,
    );
    funds
}

#[allow(clippy::too_many_arguments)]
fn read_funds_at(
    grid: &Grid,
    hr: usize,
    table_row: usize,
    doc: &mut Document,
    claimed: &mut Claimed,
    scores: &mut Vec<(String, String)>,
    monitoring: bool,
    funds: &mut Funds,
) -> Option<Leaf> {
    let col = |pred: &dyn Fn(&str) -> bool| first_col(grid, hr, pred);
    let initial = col(&|t| t.contains("年初预算"));
    let planned =
        col(&|t| t.contains("全年预算") || (t.contains("预算数") && !t.contains("年初")))?;
    let spent = col(&|t| {
        (t.contains("执行数") || t.contains("实际支出") || t.contains("全年执行"))
            && !t.contains("预计")
    });
    let points = col(&|t| t.contains("分值"));
    let rate_col = col(&|t| t.contains("执行率"));
    let score = col(&|t| t.contains("得分"));
    let first_figure = [Some(planned), initial, spent]
        .into_iter()
        .flatten()
        .min()?;
    let mut total: Option<usize> = None;
    let mut sources: Vec<(String, usize)> = Vec::new();
    for r in hr.saturating_add(1)..table_row {
        let label: String = (0..first_figure)
            .map(|c| key(grid, r, c))
            .collect::<Vec<_>>()
            .join("");
        if label.contains("总体目标") || label.contains("绩效指标") {
            break;
        }
        let is_total =
            label.contains("资金总额") || label.contains("合计") || label.contains("总额");
        let source = if label.contains("财政拨款") {
            Some("当年财政拨款".to_string())
        } else if label.contains("上年结转") {
            Some("上年结转资金".to_string())
        } else if label.contains("其他资金") {
            Some("其他资金".to_string())
        } else if monitoring && !is_total && !label.is_empty() {
            let name = (0..first_figure)
                .map(|c| grid.text(r, c).trim())
                .find(|t| !t.is_empty())
                .unwrap_or_default();
            Some(
                name.trim_start_matches("其中：")
                    .trim_start_matches("其中:")
                    .to_string(),
            )
        } else {
            None
        };
        match source {
            Some(name) => sources.push((name, r)),
            None if total.is_none() && is_total => total = Some(r),
            None => {}
        }
    }
    let has = |r: usize, c: Option<usize>| c.and_then(|c| figure(grid.text(r, c))).is_some();
    let with_figures: Vec<&(String, usize)> = sources
        .iter()
        .filter(|(_, r)| has(*r, Some(planned)) || has(*r, spent))
        .collect();
    let text = |r: usize, c: Option<usize>| {
        c.and_then(|c| figure(grid.text(r, c)))
            .map(Num::from_decimal)
    };
    let line = |name: &str, r: usize, i: usize| BudgetLine {
        id: format!("b{i}"),
        name: name.to_string(),
        initial: text(r, initial),
        planned: text(r, Some(planned)).or_else(|| Some(Num::new(""))),
        received: None,
        spent: text(r, spent).or_else(|| Some(Num::new(""))),
        note: String::new(),
        extra: Map::new(),
    };
    if with_figures.is_empty() {
        if let Some(r) = total {
            doc.budget.push(line("年度资金总额", r, 1));
            funds.lines.push(("b1".into(), r));
        }
    } else {
        for (i, (name, r)) in with_figures.iter().enumerate() {
            let l = line(name, *r, i.saturating_add(1));
            funds.lines.push((l.id.clone(), *r));
            doc.budget.push(l);
        }
    }
    funds.total = total;
    if monitoring {
        return None;
    }
    let total = total?;
    if let Some(rate) = rate_col.and_then(|c| rate(grid, total, c)) {
        claimed.execution_rate = Some(rate.normalize().to_string());
    }
    let points = points.and_then(|c| figure(grid.text(total, c)))?;
    if let Some(s) = score.and_then(|c| figure(grid.text(total, c))) {
        scores.push(("0".into(), s.normalize().to_string()));
    }
    Some(Leaf {
        id: "0".into(),
        name: "预算执行率".into(),
        points: Some(Num::from_decimal(points)),
        applicable: true,
        reason: String::new(),
        unit: Some("%".into()),
        target_text: None,
        actual_text: None,
        written: None,
        rule: Rule {
            kind: RuleKind::BudgetExecution.name().into(),
            inferred: Some("项目资金：全年执行数 / 全年预算数".into()),
            ..Rule::default()
        },
        extra: Map::new(),
    })
}

fn read_total(grid: &Grid, r: usize, columns: &Columns, claimed: &mut Claimed) {
    let score = columns
        .score
        .and_then(|c| figure(grid.text(r, c)))
        .or_else(|| {
            // No 得分 column under the total: the last figure in the row.
            (0..grid.width())
                .rev()
                .find_map(|c| figure(grid.text(r, c)))
        });
    if let Some(s) = score {
        claimed.total = Some(s.normalize().to_string());
    }
}

/// A printed grade: `评价等级 | 优`, `自评等级：良`, or 优/良/中/差 alone below the table.
fn read_grade(grid: &Grid, table_row: usize, claimed: &mut Claimed) {
    let labelled = find(grid, table_row, |t| {
        t.contains("等级") || t.starts_with("自评结果")
    });
    let grade = labelled.and_then(|(r, c)| {
        let v = normalise(&value_right(grid, r, c));
        GRADES
            .iter()
            .find(|g| v.starts_with(**g))
            .map(|g| (*g).to_string())
    });
    if let Some(g) = grade {
        claimed.grade = Some(g);
    }
}

/// The unit as written in the 计量单位 column or after the number.
fn unit_of(row: &Row, written: &Written) -> Option<String> {
    let column = row.unit.trim();
    if !column.is_empty() && column != "/" {
        return Some(column.to_string());
    }
    match written {
        Written::Number { unit, .. } if !unit.is_empty() => Some(unit.clone()),
        _ => None,
    }
}

fn nature_op(nature: &str) -> Option<Result<Op, ()>> {
    let n = normalise(nature);
    if n.is_empty() {
        return None;
    }
    Some(
        if n.contains('≥') || n.contains(">=") || n.contains("正向") || n.contains('>') {
            Ok(Op::AtLeast)
        } else if n.contains('≤') || n.contains("<=") || n.contains("反向") || n.contains('<') {
            Ok(Op::AtMost)
        } else if n.contains('=') || n.contains("等于") {
            Ok(Op::Equal)
        } else {
            // 定性.
            Err(())
        },
    )
}

/// A leaf from its row: the rule inferred from what is written, every inference kept.
fn leaf_of(row: &Row, id: String, name: String, year: Option<i32>) -> Leaf {
    let target = read_written(&row.target, year);
    let actual = read_written(&row.actual, year);
    let points = figure(&row.points);
    let printed = figure(&row.score);
    let written_text = |raw: &str, w: &Written| match w {
        Written::Nothing => None,
        Written::Number { op: None, unit, .. } if unit.is_empty() => None,
        _ => Some(raw.trim().to_string()),
    };
    let mut rule = Rule::default();
    let quoted = if !row.target.trim().is_empty() {
        row.target.trim().to_string()
    } else if !row.score.trim().is_empty() {
        format!("得分 {}", row.score.trim())
    } else {
        name.clone()
    };
    rule.inferred = Some(quoted);
    let by_name = normalise(&name);
    let cost = normalise(&row.l2).contains("成本") || by_name.contains("成本");
    let kind = if by_name.contains("预算执行率") {
        RuleKind::BudgetExecution
    } else if by_name.contains("资金到位率") {
        RuleKind::FundArrival
    } else {
        match (nature_op(&row.nature), &target) {
            (Some(Err(())), _) => RuleKind::Qualitative,
            (_, Written::Date(_) | Written::Done) => RuleKind::Deadline,
            (Some(Ok(op)), _) | (None, &Written::Number { op: Some(op), .. }) => match op {
                Op::AtLeast => RuleKind::AtLeast,
                Op::AtMost => RuleKind::AtMost,
                Op::Equal => RuleKind::Equal,
            },
            (None, Written::Number { op: None, .. }) if cost => RuleKind::AtMost,
            (None, Written::Number { op: None, .. }) => RuleKind::AtLeast,
            (None, Written::Words(_)) => RuleKind::Qualitative,
            // Nothing as target: words as the actual are a tier (定性); a printed score alone is
            // an expert's score (专家打分).
            (None, Written::Nothing | Written::NotDone) => match actual {
                Written::Words(_) => RuleKind::Qualitative,
                _ if printed.is_some() => RuleKind::Manual,
                _ => RuleKind::AtLeast,
            },
        }
    };
    rule.kind = kind.name().into();
    let target_number = match &target {
        Written::Number { value, .. } => Some(*value),
        _ => None,
    };
    match kind {
        RuleKind::AtLeast | RuleKind::AtMost | RuleKind::Equal => {
            rule.target = Some(target_number.map_or(Num::new(""), Num::from_decimal));
            rule.actual = Some(match (&actual, target_number) {
                (Written::Number { value, .. }, _) => Num::from_decimal(*value),
                // 已完成 / 达标 under a figure: met, as the form says.
                (Written::Done, Some(t)) => Num::from_decimal(t),
                _ => Num::new(""),
            });
        }
        RuleKind::Deadline => {
            let due = match &target {
                Written::Date(d) => Some(*d),
                _ => year.and_then(|y| Date::end_of_month(y, 12)),
            };
            rule.target = Some(due.map_or(Num::new(""), |d| Num::new(d.to_string())));
            let done = match (&actual, due) {
                (Written::Date(d), _) => Some(*d),
                (Written::Done | Written::Number { .. } | Written::Words(_), Some(d)) => Some(d),
                (Written::NotDone, Some(d)) => Some(d.next_day()),
                _ => None,
            };
            rule.actual = Some(done.map_or(Num::new(""), |d| Num::new(d.to_string())));
        }
        RuleKind::Qualitative => {
            // The tier from the printed 得分 over 分值: full is 达成, part a tier by its band.
            if let (Some(score), Some(points)) = (printed, points) {
                if points > Decimal::ZERO {
                    let fraction = score
                        .checked_div(points)
                        .unwrap_or(Decimal::ZERO)
                        .clamp(Decimal::ZERO, Decimal::ONE)
                        .round_dp(4);
                    let tier = if fraction >= Decimal::new(8, 1) {
                        Tier::Achieved
                    } else if fraction >= Decimal::new(6, 1) {
                        Tier::Partial
                    } else {
                        Tier::Missed
                    };
                    rule.tier = Some(tier.name().into());
                    rule.fraction = Some(Num::from_decimal(fraction.normalize()));
                }
            }
        }
        RuleKind::Manual => {
            rule.score = printed.map(Num::from_decimal);
        }
        _ => {}
    }
    if matches!(
        kind,
        RuleKind::AtLeast | RuleKind::BudgetExecution | RuleKind::FundArrival
    ) {
        if let Some(steps) = read_steps(&row.target) {
            rule.steps = Some(
                steps
                    .into_iter()
                    .map(|(min, fraction)| Step {
                        min: Some(Num::from_decimal(min.normalize())),
                        fraction: Some(Num::from_decimal(fraction.normalize())),
                        extra: Map::new(),
                    })
                    .collect(),
            );
            if kind == RuleKind::AtLeast {
                let lead = normalise(&row.target);
                let lead = lead
                    .split_once("按完成率")
                    .map_or(lead.as_str(), |(l, _)| l);
                if let Written::Number { value, .. } = read_written(lead, year) {
                    rule.target = Some(Num::from_decimal(value));
                }
            }
        }
    }
    Leaf {
        id,
        name,
        points: Some(points.map_or(Num::new(row.points.trim()), Num::from_decimal)),
        // 不适用 written as the target, the actual or the score (jixiao's reports print it there).
        applicable: ![&row.target, &row.actual, &row.score]
            .iter()
            .any(|t| normalise(t) == "不适用"),
        reason: row.reason.clone(),
        unit: unit_of(row, &target),
        target_text: written_text(&row.target, &target),
        actual_text: written_text(&row.actual, &actual),
        written: None,
        rule,
        extra: Map::new(),
    }
}
