//! 项目支出绩效目标申报表: the header (项目名称, 性质, 类别, 主管部门, 实施单位, 计划开始/完成日期),
//! the funds block (项目资金总额 / 财政资金 / 其他资金; 年度资金申请总额 / 当年财政拨款 / 上年结转
//! / 其他资金), the two goals, and the indicator table with 一级/二级 merged down, 指标性质, 指标值,
//! 计量单位 and 分值 where the document has points. `import` reads it back with `declared` set.

use super::{Sheet, Style};
use crate::message::{t, Lang, Message};
use crate::model::{Document, Leaf, RuleKind, TargetTable, Visit};
use crate::number::Num;

/// The last column of the sheet.
const LAST: u32 = 7;

/// The workbook of the 申报表 as bytes.
pub fn targets_workbook(doc: &Document, lang: Lang) -> Vec<u8> {
    super::package(&[targets_sheet(doc, lang)])
}

/// 指标性质 of a leaf as the form writes it.
fn nature(leaf: &Leaf, lang: Lang) -> &'static str {
    match leaf.rule.kind() {
        Some(RuleKind::AtLeast | RuleKind::Satisfaction) => "≥",
        Some(RuleKind::AtMost | RuleKind::Deadline) => "≤",
        Some(RuleKind::Equal) => "=",
        Some(RuleKind::Qualitative) => t(lang, "定性", "qualitative"),
        _ => "",
    }
}

/// 指标值 of a leaf: the figure of its target, a deadline as the form writes one, the words of
/// a qualitative target.
fn value(leaf: &Leaf) -> String {
    let raw = |n: &Option<Num>| {
        n.as_ref()
            .map_or(String::new(), |n| n.raw().trim().to_string())
    };
    match leaf.rule.kind() {
        Some(RuleKind::Deadline) => crate::date::parse_date(&raw(&leaf.rule.target))
            .map_or_else(|| raw(&leaf.rule.target), |d| d.zh()),
        Some(RuleKind::Qualitative) => {
            let words = raw(&leaf.rule.target);
            if words.is_empty() {
                leaf.written_target().unwrap_or_default().to_string()
            } else {
                words
            }
        }
        Some(RuleKind::BudgetExecution | RuleKind::FundArrival) => "100".into(),
        _ => raw(&leaf.rule.target),
    }
}

/// 计量单位 of a leaf: its own, % for a satisfaction scored from a survey.
fn unit(leaf: &Leaf) -> String {
    match (leaf.unit(), leaf.rule.kind()) {
        ("", Some(RuleKind::Satisfaction)) => "%".into(),
        (u, _) => u.to_string(),
    }
}

/// The header's fields as the form places them: row, the label's first and last column, the
/// value's last column (it starts after the label), label, key. The left pairs take the wide
/// 三级指标 column for their value, the right ones 指标值 to 分值.
const HEADER: &[(u32, u32, u32, u32, &str, &str, &str)] = &[
    (2, 0, 1, LAST, "项目名称", "Project", "title"),
    (3, 0, 1, 3, "项目性质", "Nature", "nature"),
    (3, 4, 4, LAST, "项目类别", "Category", "category"),
    (4, 0, 1, 3, "主管部门", "Department", "department"),
    (4, 4, 4, LAST, "实施单位", "Implementing unit", "unit"),
    (5, 0, 1, 3, "计划开始日期", "Planned start", "start"),
    (5, 4, 4, LAST, "计划完成日期", "Planned end", "end"),
];

/// The sheet.
pub fn targets_sheet(doc: &Document, lang: Lang) -> Sheet {
    let mut s = Sheet::new(t(lang, "绩效目标申报表", "Targets"));
    s.landscape();
    s.text(
        0,
        0,
        t(
            lang,
            "项目支出绩效目标申报表",
            "Project expenditure performance targets",
        ),
        Style::Title,
    );
    s.merge(0, 0, 0, LAST);
    let year = doc.meta_text("year");
    if !year.is_empty() {
        s.text(
            1,
            0,
            super::SheetText::Year(&year).text(lang),
            Style::Subtitle,
        );
        s.merge(1, 0, 1, LAST);
    }
    let meta = |key: &str| doc.meta_text(key);
    let pair =
        |s: &mut Sheet, r: u32, (first, to, last): (u32, u32, u32), label: &str, value: String| {
            s.text(r, first, label, Style::BoldText);
            s.merge(r, first, r, to);
            s.text(r, to.saturating_add(1), value, Style::Text);
            s.merge(r, to.saturating_add(1), r, last);
        };
    for &(r, first, to, last, zh, en, key) in HEADER {
        pair(&mut s, r, (first, to, last), t(lang, zh, en), meta(key));
    }
    let r = funds(&mut s, doc, 6, lang);
    let overall = doc.meta_text("overall_goal");
    let annual = doc.annual_goal();
    pair(
        &mut s,
        r,
        (0, 1, LAST),
        t(lang, "项目总体目标", "Overall goal"),
        overall,
    );
    let r = r.saturating_add(1);
    pair(
        &mut s,
        r,
        (0, 1, LAST),
        t(lang, "年度总体目标", "Annual goal"),
        annual,
    );
    indicators(&mut s, doc, r.saturating_add(1), lang);
    s.fit_columns(80, 300);
    s.width(3, 300);
    s
}

/// The funds block from row `r`; gives the next free row.
fn funds(s: &mut Sheet, doc: &Document, r: u32, lang: Lang) -> u32 {
    let unit = doc.meta_text("money_unit");
    let label = if unit.is_empty() {
        t(lang, "项目资金", "Funds").to_string()
    } else {
        format!(
            "{}{unit}{}",
            t(lang, "项目资金（", "Funds ("),
            t(lang, "）", ")")
        )
    };
    let f = doc.funds.clone().unwrap_or_default();
    let rows: [(&str, &Option<Num>, &str, &Option<Num>); 4] = [
        (
            t(lang, "项目资金总额", "Total funds"),
            &f.total,
            t(lang, "年度资金申请总额", "The year's request"),
            &f.annual.total,
        ),
        (
            t(lang, "其中：财政资金", "of which fiscal"),
            &f.fiscal,
            t(lang, "其中：当年财政拨款", "of which appropriated"),
            &f.annual.fiscal,
        ),
        (
            t(lang, "其他资金", "Other funds"),
            &f.other,
            t(lang, "上年结转资金", "Carried over"),
            &f.annual.carried,
        ),
        (
            "",
            &None,
            t(lang, "其他资金", "Other funds"),
            &f.annual.other,
        ),
    ];
    s.text(r, 0, label, Style::Header);
    let last = r.saturating_add(3);
    s.merge(r, 0, last, 1);
    for (i, (left, lv, right, rv)) in rows.iter().enumerate() {
        let row = r.saturating_add(i as u32);
        s.text(row, 2, *left, Style::Text);
        s.maybe(row, 3, lv.as_ref().and_then(Num::ok), Style::Money);
        s.text(row, 4, *right, Style::Text);
        s.merge(row, 4, row, 5);
        s.maybe(row, 6, rv.as_ref().and_then(Num::ok), Style::Money);
        s.merge(row, 6, row, LAST);
    }
    last.saturating_add(1)
}

/// The indicator table from row `top`, with the lines under it.
fn indicators(s: &mut Sheet, doc: &Document, top: u32, lang: Lang) {
    let points = doc.leaves().any(|(l, _)| l.points.is_some());
    let mut headers = vec![
        t(lang, "绩效指标", "Indicators"),
        t(lang, "一级指标", "Level 1"),
        t(lang, "二级指标", "Level 2"),
        t(lang, "三级指标", "Level 3"),
        t(lang, "指标性质", "Direction"),
        t(lang, "指标值", "Target"),
        t(lang, "计量单位", "Unit"),
    ];
    if points {
        headers.push(t(lang, "分值", "Points"));
    }
    for (c, h) in headers.iter().enumerate() {
        s.text(top, c as u32, *h, Style::Header);
    }
    let mut r = top.saturating_add(1);
    // Each first- and second-level group merged down over its rows.
    let mut spans: Vec<(u32, u32, u32, String)> = Vec::new();
    let table = TargetTable::of(doc);
    doc.walk(&mut |v| {
        let Visit::Leaf(leaf, ancestors) = v else {
            return;
        };
        if !table.holds(leaf, ancestors) {
            return;
        }
        // The levels from the framework's part down (a self-evaluation's 项目绩效 above it is not
        // the 申报表's): 一级, then the rest as 二级.
        let from = ancestors
            .iter()
            .position(|g| TargetTable::names_part(&g.name))
            .unwrap_or(0);
        let levels = ancestors.get(from..).unwrap_or_default();
        let level = |i: usize| levels.get(i).map_or(String::new(), |g| g.name.clone());
        let l2 = if levels.len() > 2 {
            levels
                .get(1..)
                .map(|a| {
                    a.iter()
                        .map(|g| g.name.as_str())
                        .collect::<Vec<_>>()
                        .join(" / ")
                })
                .unwrap_or_default()
        } else {
            level(1)
        };
        for (c, name) in [(1u32, level(0)), (2u32, l2)] {
            match spans.iter_mut().rev().find(|(col, ..)| *col == c) {
                Some((_, _, last, open)) if *open == name && *last == r.saturating_sub(1) => {
                    *last = r;
                }
                _ => spans.push((c, r, r, name.clone())),
            }
            s.text(r, c, name, Style::Text);
        }
        s.text(r, 3, leaf.name.clone(), Style::Text);
        s.text(r, 4, nature(leaf, lang), Style::Text);
        s.text(r, 5, value(leaf), Style::Text);
        s.text(r, 6, unit(leaf), Style::Text);
        if points {
            s.maybe(r, 7, leaf.points.as_ref().and_then(Num::ok), Style::Score);
        }
        r = r.saturating_add(1);
    });
    for (c, first, last, _) in spans {
        if last > first {
            s.merge(first, c, last, c);
        }
    }
    if r > top.saturating_add(1) {
        s.merge(top, 0, r.saturating_sub(1), 0);
    }
    s.text(r, 0, t(lang, "填报人：", "Filled in by: "), Style::Text);
    s.merge(r, 0, r, 2);
    s.text(r, 3, t(lang, "联系电话：", "Phone: "), Style::Text);
    s.text(r, 5, t(lang, "填报日期：", "Date: "), Style::Text);
    s.merge(r, 5, r, LAST);
}
