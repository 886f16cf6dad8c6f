//! Reading a filled 项目支出绩效目标执行监控表 (`docs/REFERENCE.md`): recognised by its titles (1-N月 /
//! 当前完成值, 全年预计, 完成目标可能性), the indicator table is the 自评表's (the same matcher,
//! the same tree), its monitoring columns become a round: 1-N月完成值, 全年预计完成值, 完成目标可能性
//! (one column of words, or one column per answer with a mark), the 偏差原因 categories (one
//! column each with a mark, or the words), the note; the funds block's 1-N月执行数, 全年预计执行数
//! and 偏差原因. The round's date is a date printed in the title, else the end of month N.

use super::funds::Funds;
use crate::date::{parse_date, Date};
use crate::grid::{digits_before, figure, first_col, key, Grid};
use crate::model::{Cause, Light, Likelihood};
use crate::model::{Document, Leaf, LeafReport, LineReport, Round, RuleKind, Tier};
use crate::number::Num;
use crate::text::normalise;
use crate::written::{read_written, Written};

/// The monitoring columns of an indicator table.
#[derive(Clone, Debug, Default)]
pub(super) struct Columns {
    /// 1-N月完成值 (当前完成值, 累计完成值).
    to_date: Option<usize>,
    /// 全年预计完成值.
    forecast: Option<usize>,
    /// 完成目标可能性 written as words.
    likelihood: Option<usize>,
    /// 完成目标可能性 as one column per answer (确定能 | 有可能 | 完全不可能), marked.
    likelihood_marks: Vec<(usize, Likelihood)>,
    /// 偏差原因 as one column per category, marked.
    causes: Vec<(usize, Cause)>,
    /// 偏差原因 as words (the categories named in them, the rest a note).
    cause_words: Option<usize>,
    /// 原因说明: the note.
    reason: Option<usize>,
    /// 预警: the light the form prints.
    light: Option<usize>,
    /// N of 1-N月, where a title says it.
    pub(super) month: Option<u32>,
}

/// The raw monitoring cells of one row, read before its leaf is built.
#[derive(Clone, Debug, Default)]
pub(super) struct Cells {
    to_date: String,
    forecast: String,
    likelihood: Option<Likelihood>,
    causes: Vec<Cause>,
    reason: String,
    /// The 预警 as printed.
    pub(super) light: String,
    /// The row's cells, as a printed figure's place quotes them.
    pub(super) line: String,
}

/// N in `1-7月`, `1—7月`, `1至7月`, `1～7月`; `截至7月底` gives 7 too.
pub(super) fn month_of(title: &str) -> Option<u32> {
    let t = normalise(title);
    let before_month = |i: usize| -> Option<u32> {
        digits_before(&t, i)
            .parse()
            .ok()
            .filter(|m| (1..=12).contains(m))
    };
    for (i, _) in t.match_indices('月') {
        let Some(m) = before_month(i) else { continue };
        let lead = t.get(..i).unwrap_or_default();
        let lead = lead.trim_end_matches(|c: char| c.is_ascii_digit());
        if [
            "1-", "1—", "1－", "1至", "1~", "1～", "1到", "截至", "截止", "至",
        ]
        .iter()
        .any(|p| lead.ends_with(p))
        {
            return Some(m);
        }
    }
    None
}

/// A title of the value to date.
fn is_to_date(t: &str) -> bool {
    !t.contains("预计")
        && !t.contains("全年")
        && !t.contains("指标值")
        && (month_of(t).is_some() && (t.contains("完成") || t.contains("执行"))
            || t.contains("当前完成")
            || t.contains("累计完成")
            || t.contains("截至目前"))
}

/// A mark in a per-answer column: anything written but a no.
fn marked(text: &str) -> bool {
    let t = normalise(text);
    !t.is_empty()
        && !matches!(
            t.as_str(),
            "×" | "✗" | "否" | "0" | "□" | "/" | "—" | "-" | "无"
        )
}

/// The monitoring columns under the header at `r` (and the row below it, where sub-columns
/// such as 经费保障 or 确定能 stand); `None` when the table has none (a 自评表).
pub(super) fn columns(grid: &Grid, r: usize, l3: usize) -> Option<Columns> {
    let below = r.saturating_add(1);
    // The row below continues the header when it names sub-columns and no indicator.
    let under = key(grid, below, l3);
    let continues = (under.is_empty() || under.contains("三级指标"))
        && (0..grid.width()).any(|c| {
            let t = key(grid, below, c);
            t != key(grid, r, c) && (Cause::parse(&t).is_some() || Likelihood::parse(&t).is_some())
        });
    let mut cols = Columns {
        to_date: first_col(grid, r, is_to_date),
        forecast: first_col(grid, r, |t| t.contains("预计")),
        ..Columns::default()
    };
    for c in 0..grid.width() {
        let top = key(grid, r, c);
        let sub = if continues {
            key(grid, below, c)
        } else {
            String::new()
        };
        let sub_likelihood = (sub != top).then(|| Likelihood::parse(&sub)).flatten();
        if top.contains("可能性") || top.contains("能否完成") || top.contains("是否能完成")
        {
            match sub_likelihood {
                Some(l) => cols.likelihood_marks.push((c, l)),
                None if cols.likelihood.is_none() => cols.likelihood = Some(c),
                None => {}
            }
            continue;
        }
        if top.contains("预警") && !top.contains("原因") {
            cols.light.get_or_insert(c);
            continue;
        }
        let cause = Cause::parse(&sub)
            .filter(|_| sub != top && top.contains("原因"))
            .or_else(|| Cause::parse(&top).filter(|_| !top.contains("原因")));
        if let Some(cause) = cause {
            cols.causes.push((c, cause));
        } else if top.contains("原因说明")
            || top.contains("情况说明")
            || top == "说明"
            || top.contains("原因分析说明")
        {
            cols.reason.get_or_insert(c);
        } else if top.contains("原因") {
            cols.cause_words.get_or_insert(c);
        }
    }
    let found = cols.to_date.is_some()
        || cols.forecast.is_some()
        || cols.likelihood.is_some()
        || !cols.likelihood_marks.is_empty();
    if !found {
        return None;
    }
    cols.month = cols
        .to_date
        .and_then(|c| month_of(grid.text(r, c)))
        .or_else(|| (0..grid.width()).find_map(|c| month_of(grid.text(r, c))));
    // With one column of words and a note column, the words are the note when the note is empty.
    Some(cols)
}

/// The monitoring cells of row `r`.
pub(super) fn cells(grid: &Grid, r: usize, cols: &Columns) -> Cells {
    let text = |c: Option<usize>| c.map_or(String::new(), |c| grid.text(r, c).trim().to_string());
    let likelihood = cols
        .likelihood
        .and_then(|c| Likelihood::parse(grid.text(r, c)))
        .or_else(|| {
            cols.likelihood_marks
                .iter()
                .find(|(c, _)| marked(grid.text(r, *c)))
                .map(|(_, l)| *l)
        });
    let mut causes: Vec<Cause> = cols
        .causes
        .iter()
        .filter(|(c, _)| marked(grid.text(r, *c)))
        .map(|(_, cause)| *cause)
        .collect();
    let mut reason = text(cols.reason);
    let words = text(cols.cause_words);
    if !words.is_empty() {
        let named: Vec<Cause> = words
            .split(['、', '，', ',', '；', ';', ' ', '/'])
            .filter_map(Cause::parse)
            .collect();
        let only_names = !named.is_empty()
            && words
                .split(['、', '，', ',', '；', ';', ' ', '/'])
                .all(|w| w.trim().is_empty() || Cause::parse(w).is_some());
        for c in named {
            if !causes.contains(&c) {
                causes.push(c);
            }
        }
        if !only_names {
            reason = if reason.is_empty() {
                words
            } else {
                format!("{words}；{reason}")
            };
        }
    }
    let line = grid
        .rows
        .get(r)
        .map(|row| {
            row.iter()
                .map(|c| c.text.trim())
                .filter(|t| !t.is_empty())
                .fold(Vec::<&str>::new(), |mut acc, t| {
                    if acc.last() != Some(&t) {
                        acc.push(t);
                    }
                    acc
                })
                .join(" | ")
        })
        .unwrap_or_default();
    Cells {
        to_date: text(cols.to_date),
        forecast: text(cols.forecast),
        likelihood,
        causes,
        reason,
        light: text(cols.light),
        line,
    }
}

/// The tier a qualitative value's words say (the tier phrases of `docs/REFERENCE.md`, or the short words).
fn tier_of(text: &str) -> Option<Tier> {
    let t = normalise(text);
    if t.is_empty() {
        None
    } else if t.contains("未达成") || t.contains("未达到") || t.contains("效果较差") {
        Some(Tier::Missed)
    } else if t.contains("部分达成") || t.contains("基本达成") || t.contains("部分完成")
    {
        Some(Tier::Partial)
    } else if t.contains("达成") || t.contains("达到") || t == "完成" || t == "已完成" {
        Some(Tier::Achieved)
    } else {
        Tier::parse(&t)
    }
}

/// The leaf's report in the round from its row's cells: a value and a forecast read for the
/// leaf's rule (a number, a date for 时效, a tier for 定性), the likelihood, causes and note.
pub(super) fn report(
    cells: &Cells,
    leaf: &Leaf,
    as_of: Option<Date>,
    year: Option<i32>,
) -> LeafReport {
    let kind = leaf.rule.kind();
    let due = leaf.rule.target.as_ref().and_then(|t| parse_date(t.raw()));
    let read = |text: &str, forecast: bool| -> (Option<Num>, Option<String>) {
        match kind {
            Some(RuleKind::Qualitative) => match tier_of(text) {
                Some(tier) => (None, Some(tier.name().to_string())),
                None => (None, None),
            },
            Some(RuleKind::Deadline) => match read_written(text, year) {
                Written::Date(d) => (Some(Num::new(d.to_string())), None),
                // 已完成 to date: done by the round's date; 能按时完成 for the year: on time.
                Written::Done => {
                    let day = if forecast { due } else { as_of };
                    (day.map(|d| Num::new(d.to_string())), None)
                }
                _ => (None, None),
            },
            _ => match read_written(text, year) {
                Written::Number { value, .. } => (Some(Num::from_decimal(value)), None),
                Written::Done if forecast => (leaf.rule.target.clone(), None),
                _ => (None, None),
            },
        }
    };
    let (value, tier) = read(&cells.to_date, false);
    let (forecast, forecast_tier) = read(&cells.forecast, true);
    let non_empty = |s: &str| (!s.trim().is_empty()).then(|| s.trim().to_string());
    LeafReport {
        id: leaf.id.clone(),
        value,
        tier,
        forecast: forecast.or(forecast_tier.map(Num::new)),
        likelihood: cells.likelihood.map(|l| l.key().to_string()),
        causes: (!cells.causes.is_empty())
            .then(|| cells.causes.iter().map(|c| c.key().to_string()).collect()),
        reason: non_empty(&cells.reason),
        extra: Default::default(),
    }
}

/// Whether a leaf's report says anything.
pub(super) fn says_something(r: &LeafReport) -> bool {
    r.value.is_some()
        || r.tier.is_some()
        || r.forecast.is_some()
        || r.likelihood.is_some()
        || r.causes.is_some()
        || r.reason.is_some()
}

/// The round's date: one printed in the first rows (`截至2026年7月31日`, `2026-07-31`), else the
/// last day of month N of the form's year.
pub(super) fn as_of(
    grid: &Grid,
    table_row: usize,
    year: Option<i32>,
    month: Option<u32>,
) -> Option<Date> {
    for r in 0..table_row.min(12) {
        for c in 0..grid.width() {
            if let Some(d) = date_in(&key(grid, r, c)) {
                return Some(d);
            }
        }
    }
    let year = year.or_else(|| year_in(grid, table_row))?;
    Date::end_of_month(year, month?)
}

/// The first full date inside a text (`截至2026年7月31日）`).
fn date_in(text: &str) -> Option<Date> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (n, &(i, c)) in chars.iter().enumerate() {
        if !c.is_ascii_digit()
            || chars
                .get(n.wrapping_sub(1))
                .is_some_and(|(_, p)| p.is_ascii_digit())
        {
            continue;
        }
        let rest = text.get(i..).unwrap_or_default();
        let end = rest
            .char_indices()
            .find(|(_, c)| {
                !(c.is_ascii_digit() || matches!(c, '-' | '/' | '.' | '年' | '月' | '日'))
            })
            .map_or(rest.len(), |(j, _)| j);
        if let Some(d) = rest.get(..end).and_then(parse_date) {
            return Some(d);
        }
    }
    None
}

/// A year written `2026年` in the first rows (a title without 年度).
fn year_in(grid: &Grid, table_row: usize) -> Option<i32> {
    for r in 0..table_row.min(12) {
        for c in 0..grid.width() {
            let t = key(grid, r, c);
            for (i, _) in t.match_indices('年') {
                let digits = digits_before(&t, i);
                if digits.len() == 4 {
                    return digits.parse().ok();
                }
            }
        }
    }
    None
}

/// 年度总体目标's progress to date: the text under `1-N月完成情况` (执行情况, 当前完成情况).
pub(super) fn goal_progress(grid: &Grid, table_row: usize) -> Option<String> {
    for r in 0..table_row {
        for c in 0..grid.width() {
            let t = key(grid, r, c);
            let title = (month_of(&t).is_some() || t.contains("当前") || t.contains("截至"))
                && (t.ends_with("完成情况") || t.ends_with("执行情况") || t.ends_with("实现情况"));
            if !title {
                continue;
            }
            // The text beside the title on its row, else below it.
            let right = (c.saturating_add(1)..grid.width())
                .map(|cc| grid.text(r, cc).trim().to_string())
                .find(|x| !x.is_empty() && normalise(x) != t);
            let text = right.or_else(|| {
                (r.saturating_add(1)..table_row.min(r.saturating_add(4)))
                    .map(|rr| grid.text(rr, c).trim().to_string())
                    .find(|x| !x.is_empty() && normalise(x) != t)
            })?;
            let k = normalise(&text);
            return (!k.contains("一级指标") && !k.contains("三级指标")).then_some(text);
        }
    }
    None
}

/// The round: the indicators' reports, the funds block's figures to date (moved off the lines:
/// the year-end is not known yet), its forecasts and reasons, and the goal's progress.
/// The budget's 预警 as the funds block prints it (on its total row, else its only line), with
/// the row's cells.
pub(super) fn budget_light(grid: &Grid, funds: &Funds) -> Option<(String, String)> {
    let hr = funds.header?;
    let c = first_col(grid, hr, |t| t.contains("预警") && !t.contains("原因"))?;
    let r = funds.total.or_else(|| {
        (funds.lines.len() == 1)
            .then(|| funds.lines.first().map(|l| l.1))
            .flatten()
    })?;
    let light = grid.text(r, c).trim().to_string();
    Light::parse(&light)?;
    let line: Vec<&str> = grid
        .rows
        .get(r)?
        .iter()
        .map(|c| c.text.trim())
        .filter(|t| !t.is_empty())
        .collect();
    Some((light, line.join(" | ")))
}

pub(super) fn round(
    grid: &Grid,
    table_row: usize,
    funds: &Funds,
    doc: &mut Document,
    as_of: Option<Date>,
    indicators: Vec<LeafReport>,
) -> Round {
    let mut budget = Vec::new();
    if let Some(hr) = funds.header {
        let spent = first_col(grid, hr, |t| {
            is_to_date(t) || (t.contains("执行数") && !t.contains("预计") && !t.contains("全年"))
        });
        let forecast = first_col(grid, hr, |t| t.contains("预计"));
        let reason = first_col(grid, hr, |t| t.contains("原因"));
        let number = |r: usize, c: Option<usize>| {
            c.and_then(|c| figure(grid.text(r, c)))
                .map(Num::from_decimal)
        };
        let text = |r: usize, c: Option<usize>| {
            c.map(|c| grid.text(r, c).trim().to_string())
                .filter(|t| !t.is_empty() && !matches!(t.as_str(), "/" | "—" | "无"))
        };
        for (id, r) in &funds.lines {
            budget.push(LineReport {
                id: id.clone(),
                spent: number(*r, spent),
                forecast: number(*r, forecast),
                reason: text(*r, reason),
                extra: Default::default(),
            });
        }
        // The total row's reason explains the budget: kept on the first line without one.
        let total_reason = funds
            .total
            .filter(|t| !funds.lines.iter().any(|(_, r)| r == t))
            .and_then(|t| text(t, reason));
        if let Some(why) = total_reason {
            if let Some(first) = budget.iter_mut().find(|l| l.reason.is_none()) {
                first.reason = Some(why);
            }
        }
        for line in &mut doc.budget {
            line.spent = Some(Num::new(""));
        }
    }
    budget.retain(|l| l.spent.is_some() || l.forecast.is_some() || l.reason.is_some());
    Round {
        as_of: as_of.map_or(String::new(), |d| d.to_string()),
        budget,
        indicators,
        goal_progress: goal_progress(grid, table_row),
        extra: Default::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_of_titles() {
        assert_eq!(month_of("1-7月完成值"), Some(7));
        assert_eq!(month_of("1—6月执行数"), Some(6));
        assert_eq!(month_of("1至9月执行情况"), Some(9));
        assert_eq!(month_of("截至7月底完成值"), Some(7));
        assert_eq!(month_of("（2026年1-10月）"), Some(10));
        assert_eq!(month_of("全年预计完成值"), None);
        assert_eq!(month_of("2026年7月"), None);
    }

    #[test]
    fn dates_inside_titles() {
        let d = |y, m, day| {
            Some(Date {
                year: y,
                month: m,
                day,
            })
        };
        assert_eq!(date_in("（截至2026年7月31日）"), d(2026, 7, 31));
        assert_eq!(
            date_in("2026年度（1-7月，截至2026-07-31，序时进度58.33%）"),
            d(2026, 7, 31)
        );
        assert_eq!(date_in("（2026年1-7月）"), None);
    }

    #[test]
    fn tiers_and_marks() {
        assert_eq!(tier_of("达成"), Some(Tier::Achieved));
        assert_eq!(tier_of("部分达成并具有一定效果"), Some(Tier::Partial));
        assert_eq!(tier_of("未达成且效果较差"), Some(Tier::Missed));
        assert!(marked("√") && marked("✓") && !marked("") && !marked("×"));
    }
}
