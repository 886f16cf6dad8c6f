//! 项目支出绩效目标执行监控表: one monitoring round laid out like the provincial systems' form
//! (`docs/REFERENCE.md`) — the funds block with 1-N月执行数, 执行进度 against 序时进度 and 全年预计执行数;
//! 年度总体目标 with its progress; the indicator rows with 年度指标值, 分值, 1-N月完成值,
//! 全年预计完成值, 完成目标可能性, the 偏差原因 columns, the note and the light (a word, and its
//! colour). `form::read_form` reads it back into a round.

use super::{column, Sheet, SheetText, Style};
use crate::date::parse_date;
use crate::message::{t, Lang, Message};
use crate::model::{Cause, Light, Likelihood};
use crate::model::{Document, Round, RuleKind, Tier};
use crate::monitoring;
use crate::number::{checked_sum, round2};
use crate::scoring::Evaluation;
use crate::tables::{indicator_rows, levels, tier_name};
use rust_decimal::Decimal;

/// The last column of the sheet (备注).
const LAST: u32 = 17;
/// The first of the five 偏差原因 columns.
const CAUSES: u32 = 10;

/// The workbook of `round` as bytes.
pub fn monitor_workbook(doc: &Document, eval: &Evaluation, round: &Round, lang: Lang) -> Vec<u8> {
    super::package(&[monitor_sheet(doc, eval, round, lang)])
}

/// The style of a light's cell: its colour.
fn light_style(light: Option<Light>) -> Style {
    match light {
        Some(Light::Red) => Style::LightRed,
        Some(Light::Yellow) => Style::LightYellow,
        Some(Light::Green) => Style::LightGreen,
        Some(Light::Blue) => Style::LightBlue,
        None => Style::Text,
    }
}

fn light_word(light: Option<Light>, lang: Lang) -> String {
    light.map_or(String::new(), |l| l.text(lang))
}

/// A value as the round reports it: a tier as its phrase, a number as a number, else the text.
fn value_cell(sheet: &mut Sheet, r: u32, c: u32, raw: Option<&str>, lang: Lang) {
    let raw = raw.map(str::trim).unwrap_or_default();
    if let Some(tier) = Tier::parse(raw) {
        sheet.text(r, c, tier_name(tier, lang), Style::Text);
    } else if let Ok(d) = crate::number::parse_decimal(raw) {
        sheet.number(r, c, d, Style::Figure);
    } else {
        sheet.text(r, c, raw, Style::Text);
    }
}

/// 指标性质 as the form writes it, for the rules that have one.
fn nature(kind: Option<RuleKind>, lang: Lang) -> &'static str {
    match kind {
        Some(RuleKind::AtLeast | RuleKind::Satisfaction) => "≥",
        Some(RuleKind::AtMost) => "≤",
        Some(RuleKind::Equal) => "=",
        Some(RuleKind::Qualitative) => t(lang, "定性", "qualitative"),
        _ => "",
    }
}

/// The sheet.
pub fn monitor_sheet(doc: &Document, eval: &Evaluation, round: &Round, lang: Lang) -> Sheet {
    let mut s = Sheet::new(t(lang, "执行监控表", "Monitoring"));
    s.landscape();
    let as_of = parse_date(&round.as_of);
    let month = as_of.map_or(12, |d| d.month);
    let year = monitoring::year(doc).or(as_of.map(|d| d.year));
    let progress = as_of.map(|d| monitoring::time_progress(d, year).percent());
    s.text(
        0,
        0,
        t(
            lang,
            "项目支出绩效目标执行监控表",
            "Project expenditure performance monitoring",
        ),
        Style::Title,
    );
    s.merge(0, 0, 0, LAST);
    let subtitle = SheetText::Round {
        year,
        month,
        as_of: &round.as_of,
        progress,
    };
    s.text(1, 0, subtitle.text(lang), Style::Subtitle);
    s.merge(1, 0, 1, LAST);
    s.text(2, 0, t(lang, "项目名称", "Project"), Style::BoldText);
    s.merge(2, 0, 2, 1);
    s.text(2, 2, doc.meta_text("title"), Style::Text);
    s.merge(2, 2, 2, LAST);
    s.text(3, 0, t(lang, "主管部门", "Department"), Style::BoldText);
    s.merge(3, 0, 3, 1);
    s.text(3, 2, doc.meta_text("department"), Style::Text);
    s.merge(3, 2, 3, 8);
    s.text(
        3,
        9,
        t(lang, "实施单位", "Implementing unit"),
        Style::BoldText,
    );
    s.merge(3, 9, 3, 10);
    s.text(3, 11, doc.meta_text("unit"), Style::Text);
    s.merge(3, 11, 3, LAST);

    let r = funds(&mut s, doc, round, month, progress, lang);
    let r = goal(&mut s, doc, round, month, r, lang);
    indicators(&mut s, doc, eval, round, month, r, lang);
    s.fit_columns(80, 300);
    s.width(2, 300);
    s.width(15, 360);
    s
}

/// The funds block; gives the next free row.
fn funds(
    s: &mut Sheet,
    doc: &Document,
    round: &Round,
    month: u32,
    progress: Option<Decimal>,
    lang: Lang,
) -> u32 {
    let money_unit = doc.meta_text("money_unit");
    s.text(
        4,
        0,
        SheetText::Funds(&money_unit).text(lang),
        Style::Header,
    );
    s.merge(4, 0, 4, 1);
    let headers = [
        t(lang, "年初预算数", "Initial budget"),
        t(lang, "全年预算数", "Annual budget"),
        &SheetText::SpentToDate(month).text(lang),
        t(lang, "执行进度", "Execution progress"),
        t(lang, "序时进度", "Time progress"),
        t(lang, "全年预计执行数", "Forecast spending"),
        t(lang, "预警", "Light"),
    ]
    .map(str::to_string);
    for (i, h) in headers.iter().enumerate() {
        s.text(4, column(i).saturating_add(2), h.clone(), Style::Header);
    }
    s.text(
        4,
        9,
        t(lang, "偏差原因", "Reason for deviation"),
        Style::Header,
    );
    s.merge(4, 9, 4, LAST);
    let light = monitoring::budget_light(doc, round);
    let fraction = |p: Option<Decimal>| p.and_then(|p| p.checked_div(Decimal::ONE_HUNDRED));
    let reported: Vec<_> = doc
        .budget
        .iter()
        .filter_map(|l| round.line(&l.id).map(|r| (l, r)))
        .collect();
    let number = |n: &Option<crate::number::Num>| n.as_ref().and_then(|n| n.ok());
    let forecasts: Option<Vec<Decimal>> =
        reported.iter().map(|(_, r)| number(&r.forecast)).collect();
    s.text(5, 0, t(lang, "年度资金总额", "Total funds"), Style::Text);
    s.merge(5, 0, 5, 1);
    let initial = checked_sum(doc.budget.iter().filter_map(|l| number(&l.initial)));
    s.maybe(
        5,
        2,
        initial.filter(|_| doc.budget.iter().any(|l| l.initial.is_some())),
        Style::Money,
    );
    s.number(5, 3, light.planned, Style::Money);
    s.maybe(
        5,
        4,
        (!reported.is_empty()).then_some(light.spent),
        Style::Money,
    );
    s.maybe(5, 5, fraction(light.progress.map(round2)), Style::Percent);
    s.maybe(5, 6, fraction(progress.map(round2)), Style::Percent);
    s.maybe(
        5,
        7,
        forecasts.filter(|f| !f.is_empty()).and_then(checked_sum),
        Style::Money,
    );
    s.text(
        5,
        8,
        light_word(light.light, lang),
        light_style(light.light),
    );
    // Each line's reason stands on its line (the round keeps them there).
    s.text(5, 9, "", Style::Text);
    s.merge(5, 9, 5, LAST);
    let mut r = 6;
    for line in &doc.budget {
        let report = round.line(&line.id);
        let planned = number(&line.planned);
        let spent = report.and_then(|x| number(&x.spent));
        s.text(r, 0, line.name.clone(), Style::Text);
        s.merge(r, 0, r, 1);
        s.maybe(r, 2, number(&line.initial), Style::Money);
        s.maybe(r, 3, planned, Style::Money);
        s.maybe(r, 4, spent, Style::Money);
        let share = spent
            .zip(planned)
            .and_then(|(x, p)| monitoring::progress(x, p));
        s.maybe(r, 5, fraction(share.map(round2)), Style::Percent);
        s.text(r, 6, "", Style::Text);
        s.maybe(r, 7, report.and_then(|x| number(&x.forecast)), Style::Money);
        s.text(r, 8, "", Style::Text);
        s.text(
            r,
            9,
            report.and_then(|x| x.reason.clone()).unwrap_or_default(),
            Style::Text,
        );
        s.merge(r, 9, r, LAST);
        r = r.saturating_add(1);
    }
    r
}

/// 年度总体目标 and its progress to date; gives the next free row.
fn goal(s: &mut Sheet, doc: &Document, round: &Round, month: u32, r: u32, lang: Lang) -> u32 {
    let next = r.saturating_add(1);
    s.text(r, 0, t(lang, "年度总体目标", "Annual goal"), Style::Header);
    s.merge(r, 0, next, 1);
    s.text(r, 2, t(lang, "预期目标", "Expected"), Style::Header);
    s.merge(r, 2, r, 8);
    s.text(r, 9, SheetText::GoalToDate(month).text(lang), Style::Header);
    s.merge(r, 9, r, LAST);
    s.text(next, 2, doc.meta_text("goal"), Style::Text);
    s.merge(next, 2, next, 8);
    s.text(
        next,
        9,
        round.goal_progress.clone().unwrap_or_default(),
        Style::Text,
    );
    s.merge(next, 9, next, LAST);
    next.saturating_add(1)
}

/// The indicator table, its two header rows and the total row.
fn indicators(
    s: &mut Sheet,
    doc: &Document,
    eval: &Evaluation,
    round: &Round,
    month: u32,
    top: u32,
    lang: Lang,
) {
    let sub = top.saturating_add(1);
    let headers = [
        t(lang, "一级指标", "Level 1").to_string(),
        t(lang, "二级指标", "Level 2").into(),
        t(lang, "三级指标", "Level 3").into(),
        t(lang, "指标性质", "Direction").into(),
        t(lang, "计量单位", "Unit").into(),
        t(lang, "年度指标值", "Annual target").into(),
        t(lang, "分值", "Points").into(),
        SheetText::ValueToDate(month).text(lang),
        t(lang, "全年预计完成值", "Forecast for the year").into(),
        t(lang, "完成目标可能性", "Likelihood of meeting the target").into(),
    ];
    for (i, h) in headers.iter().enumerate() {
        let c = column(i);
        s.text(top, c, h.clone(), Style::Header);
        s.merge(top, c, sub, c);
    }
    s.text(
        top,
        CAUSES,
        t(lang, "偏差原因", "Reasons for deviation"),
        Style::Header,
    );
    s.merge(top, CAUSES, top, CAUSES.saturating_add(4));
    for (i, cause) in Cause::ALL.iter().enumerate() {
        s.text(
            sub,
            CAUSES.saturating_add(column(i)),
            cause.text(lang),
            Style::Header,
        );
    }
    let tail = [
        t(lang, "原因说明", "Explanation"),
        t(lang, "预警", "Light"),
        t(lang, "备注", "Note"),
    ];
    for (i, h) in tail.iter().enumerate() {
        let c = 15u32.saturating_add(column(i));
        s.text(top, c, *h, Style::Header);
        s.merge(top, c, sub, c);
    }
    let lights = monitoring::leaf_lights(doc, eval, round);
    let rows = indicator_rows(doc, eval, lang);
    let reports = round.reports();
    let mut r = sub.saturating_add(1);
    for (row, light) in rows.iter().zip(&lights).filter(|(row, l)| row.id == l.id) {
        let report = reports.leaf(&row.id);
        for (i, level) in levels(row).into_iter().enumerate() {
            s.text(r, column(i), level, Style::Text);
        }
        s.text(r, 3, nature(row.kind, lang), Style::Text);
        s.text(r, 4, row.unit.clone(), Style::Text);
        let target = if row.applicable {
            row.target.text()
        } else {
            t(lang, "不适用", "n/a").into()
        };
        s.text(r, 5, target, Style::Text);
        s.number(r, 6, row.points, Style::Score);
        let value = report.and_then(|x| x.tier.as_deref().or(x.value.as_ref().map(|v| v.raw())));
        value_cell(s, r, 7, value, lang);
        value_cell(
            s,
            r,
            8,
            report.and_then(|x| x.forecast.as_ref().map(|f| f.raw())),
            lang,
        );
        let likelihood = report
            .and_then(|x| x.likelihood.as_deref())
            .and_then(Likelihood::parse)
            .map_or(String::new(), |l| l.text(lang));
        s.text(r, 9, likelihood, Style::Text);
        let causes: Vec<Cause> = report
            .and_then(|x| x.causes.as_ref())
            .map(|c| c.iter().filter_map(|c| Cause::parse(c)).collect())
            .unwrap_or_default();
        for (i, cause) in Cause::ALL.iter().enumerate() {
            let mark = if causes.contains(cause) { "√" } else { "" };
            s.text(r, CAUSES.saturating_add(column(i)), mark, Style::Text);
        }
        s.text(
            r,
            15,
            report.and_then(|x| x.reason.clone()).unwrap_or_default(),
            Style::Text,
        );
        s.text(
            r,
            16,
            light_word(light.light, lang),
            light_style(light.light),
        );
        s.text(r, 17, "", Style::Text);
        r = r.saturating_add(1);
    }
    // The total row: the points, and the year-end score as forecast.
    let forecast = monitoring::forecast(doc, round);
    s.text(r, 0, t(lang, "合计", "Total"), Style::BoldText);
    s.merge(r, 0, r, 5);
    s.number(r, 6, round2(eval.max_points), Style::BoldScore);
    let said = SheetText::Forecast {
        total: round2(forecast.eval.total),
        grade: forecast.eval.grade.as_deref().unwrap_or_default(),
    };
    s.text(r, 7, said.text(lang), Style::BoldText);
    s.merge(r, 7, r, LAST);
}
