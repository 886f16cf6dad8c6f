//! The .xlsx workbook staff hand in: 自评表 laid out like the 财预〔2020〕10号 form, 预算明细 and
//! 满意度调查, numbers stored as numbers with number formats. Written by a small SpreadsheetML
//! writer of our own (stored ZIP, inline strings), so the page needs no second module for it.

mod monitor;
mod targets;
mod workbook;

pub use monitor::{monitor_sheet, monitor_workbook};
pub use targets::{targets_sheet, targets_workbook};

pub use workbook::{cell_ref, package, Cell, Sheet, Style, Value};

use crate::findings::Lang;
use crate::message::{Arg, Markup, Message, Text};
use crate::model::Document;
use crate::number::{checked_sum, round2};
use crate::scoring::Evaluation;
use crate::tables::{
    budget_headers, form_headers, indicator_rows, is_budget_rule, levels, t, Shown,
};
use rust_decimal::Decimal;

/// The workbook as bytes.
pub fn workbook(doc: &Document, eval: &Evaluation, lang: Lang) -> Vec<u8> {
    package(&sheets(doc, eval, lang))
}

/// The three sheets (exposed so tests can look at cells without unzipping).
pub fn sheets(doc: &Document, eval: &Evaluation, lang: Lang) -> Vec<Sheet> {
    vec![
        form_sheet(doc, eval, lang),
        budget_sheet(doc, eval, lang),
        survey_sheet(doc, eval, lang),
    ]
}

fn shown(sheet: &mut Sheet, row: u32, col: u32, value: &Shown) {
    match value {
        Shown::Number(d) => sheet.number(row, col, *d, Style::Figure),
        Shown::Text(text) => sheet.text(row, col, text.clone(), Style::Text),
        Shown::Empty => sheet.text(row, col, "", Style::Text),
    }
}

fn fraction(percent: Option<Decimal>) -> Option<Decimal> {
    percent.and_then(|p| round2(p).checked_div(Decimal::ONE_HUNDRED))
}

/// A column or row number from a count (saturating: a sheet has far fewer).
fn column(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

/// The first of the two columns (count, share) of option `j` in the survey sheet.
fn option_column(j: usize) -> u32 {
    column(j).saturating_mul(2).saturating_add(2)
}

/// 项目支出绩效自评表.
fn form_sheet(doc: &Document, eval: &Evaluation, lang: Lang) -> Sheet {
    let mut s = Sheet::new(t(lang, "自评表", "Self-evaluation"));
    s.landscape();
    let last = 8;
    s.text(
        0,
        0,
        t(
            lang,
            "项目支出绩效自评表",
            "Project expenditure performance self-evaluation",
        ),
        Style::Title,
    );
    s.merge(0, 0, 0, last);
    let year = doc.meta_text("year");
    let subtitle = if year.is_empty() {
        String::new()
    } else {
        SheetText::Year(&year).text(lang)
    };
    s.text(1, 0, subtitle, Style::Subtitle);
    s.merge(1, 0, 1, last);
    s.text(2, 0, t(lang, "项目名称", "Project"), Style::BoldText);
    s.text(2, 1, doc.meta_text("title"), Style::Text);
    s.merge(2, 1, 2, last);
    s.text(3, 0, t(lang, "主管部门", "Department"), Style::BoldText);
    s.text(3, 1, doc.meta_text("department"), Style::Text);
    s.merge(3, 1, 3, 3);
    s.text(
        3,
        4,
        t(lang, "实施单位", "Implementing unit"),
        Style::BoldText,
    );
    s.text(3, 5, doc.meta_text("unit"), Style::Text);
    s.merge(3, 5, 3, last);

    let money_unit = doc.meta_text("money_unit");
    let funds = SheetText::Funds(&money_unit).text(lang);
    s.text(4, 0, funds, Style::Header);
    s.merge(4, 0, 4, 1);
    let fund_headers = [
        t(lang, "年初预算数", "Initial budget"),
        t(lang, "全年预算数", "Annual budget"),
        t(lang, "全年执行数", "Annual spending"),
        t(lang, "分值", "Points"),
        t(lang, "执行率", "Execution rate"),
        t(lang, "得分", "Score"),
    ];
    for (i, h) in fund_headers.iter().enumerate() {
        s.text(4, column(i).saturating_add(2), *h, Style::Header);
    }
    s.text(4, last, "", Style::Header);
    let b = &eval.budget;
    let rows = indicator_rows(doc, eval, lang);
    // The form's 预算执行率 line: a top-level budget-execution leaf scores there.
    let top_budget: Vec<_> = rows
        .iter()
        .filter(|r| r.groups.is_empty() && r.applicable && is_budget_rule(r.kind))
        .collect();
    s.text(5, 0, t(lang, "年度资金总额", "Total funds"), Style::Text);
    s.merge(5, 0, 5, 1);
    s.maybe(5, 2, b.initial, Style::Money);
    s.number(5, 3, b.planned, Style::Money);
    s.number(5, 4, b.spent, Style::Money);
    let (points, score) = if top_budget.is_empty() {
        (None, None)
    } else {
        (
            checked_sum(top_budget.iter().map(|r| r.points)),
            checked_sum(top_budget.iter().map(|r| r.score)).map(round2),
        )
    };
    s.maybe(5, 5, points, Style::Score);
    s.maybe(5, 6, fraction(b.execution_rate), Style::Percent);
    s.maybe(5, 7, score, Style::Score);
    s.text(5, last, "", Style::Text);

    let headers = form_headers(lang);
    for (i, h) in headers.iter().enumerate() {
        s.text(6, column(i), *h, Style::Header);
    }
    let mut r = 7;
    for row in rows
        .iter()
        .filter(|row| !(row.groups.is_empty() && is_budget_rule(row.kind)))
    {
        for (i, level) in levels(row).into_iter().enumerate() {
            s.text(r, column(i), level, Style::Text);
        }
        s.text(r, 3, row.unit.clone(), Style::Text);
        shown(&mut s, r, 4, &row.target);
        shown(&mut s, r, 5, &row.actual);
        s.number(r, 6, row.points, Style::Score);
        if row.applicable {
            s.number(r, 7, round2(row.score), Style::Score);
        } else {
            s.text(r, 7, t(lang, "不适用", "n/a"), Style::Text);
        }
        s.text(r, 8, row.reason.clone(), Style::Text);
        r = r.saturating_add(1);
    }
    s.text(r, 0, t(lang, "总分", "Total"), Style::BoldText);
    s.merge(r, 0, r, 5);
    s.number(r, 6, round2(eval.max_points), Style::BoldScore);
    s.number(r, 7, round2(eval.total), Style::BoldScore);
    s.text(r, 8, "", Style::Text);
    s.text(
        r.saturating_add(1),
        0,
        t(lang, "得分率", "Percent"),
        Style::BoldText,
    );
    s.merge(r.saturating_add(1), 0, r.saturating_add(1), 6);
    s.maybe(
        r.saturating_add(1),
        7,
        fraction(Some(eval.percent)),
        Style::Percent,
    );
    s.text(r.saturating_add(1), 8, "", Style::Text);
    s.text(
        r.saturating_add(2),
        0,
        t(lang, "评价等级", "Grade"),
        Style::BoldText,
    );
    s.merge(r.saturating_add(2), 0, r.saturating_add(2), 6);
    s.text(
        r.saturating_add(2),
        7,
        eval.grade.clone().unwrap_or_default(),
        Style::BoldText,
    );
    s.text(r.saturating_add(2), 8, "", Style::Text);
    s.fit_columns(80, 400);
    s.width(8, 360);
    s
}

/// 预算明细.
fn budget_sheet(doc: &Document, eval: &Evaluation, lang: Lang) -> Sheet {
    let mut s = Sheet::new(t(lang, "预算明细", "Budget"));
    s.landscape();
    let last = 8;
    s.text(
        0,
        0,
        t(lang, "项目支出明细表", "Budget lines"),
        Style::Title,
    );
    s.merge(0, 0, 0, last);
    let money_unit = doc.meta_text("money_unit");
    if !money_unit.is_empty() {
        s.text(
            1,
            0,
            format!("{}{money_unit}", t(lang, "单位：", "Unit: ")),
            Style::Plain,
        );
    }
    let headers = budget_headers(lang);
    for (i, h) in headers.iter().enumerate() {
        s.text(2, column(i), *h, Style::Header);
    }
    let mut r = 3;
    for (i, (line, result)) in doc.budget.iter().zip(&eval.budget.lines).enumerate() {
        s.number(
            r,
            0,
            Decimal::from(i).saturating_add(Decimal::ONE),
            Style::Integer,
        );
        s.text(r, 1, line.name.clone(), Style::Text);
        s.maybe(
            r,
            2,
            line.initial.as_ref().and_then(|n| n.ok()),
            Style::Money,
        );
        s.number(r, 3, result.planned, Style::Money);
        s.number(r, 4, result.received, Style::Money);
        s.number(r, 5, result.spent, Style::Money);
        s.number(r, 6, result.balance, Style::Money);
        s.maybe(r, 7, fraction(result.execution_rate), Style::Percent);
        s.text(r, 8, line.note.clone(), Style::Text);
        r = r.saturating_add(1);
    }
    let b = &eval.budget;
    s.text(r, 0, t(lang, "合计", "Total"), Style::BoldText);
    s.merge(r, 0, r, 1);
    s.maybe(r, 2, b.initial, Style::Money);
    s.number(r, 3, b.planned, Style::Money);
    s.number(r, 4, b.received, Style::Money);
    s.number(r, 5, b.spent, Style::Money);
    s.number(r, 6, b.balance, Style::Money);
    s.maybe(r, 7, fraction(b.execution_rate), Style::Percent);
    s.text(r, 8, "", Style::Text);
    s.fit_columns(80, 400);
    s
}

/// 满意度调查: counts and shares per option, per-question and overall satisfaction.
fn survey_sheet(doc: &Document, eval: &Evaluation, lang: Lang) -> Sheet {
    let mut s = Sheet::new(t(lang, "满意度调查", "Surveys"));
    s.landscape();
    let mut r = 0;
    for (survey, result) in doc.surveys.iter().zip(&eval.surveys) {
        let n = column(survey.options.len());
        let last = n.saturating_mul(2).saturating_add(3);
        s.text(
            r,
            0,
            if survey.name.is_empty() {
                survey.id.clone()
            } else {
                survey.name.clone()
            },
            Style::Title,
        );
        s.merge(r, 0, r, last);
        r = r.saturating_add(1);
        s.text(r, 0, t(lang, "序号", "No."), Style::Header);
        s.merge(r, 0, r.saturating_add(1), 0);
        s.text(r, 1, t(lang, "问卷题目", "Question"), Style::Header);
        s.merge(r, 1, r.saturating_add(1), 1);
        for (j, option) in survey.options.iter().enumerate() {
            let c = option_column(j);
            let label = match option.weight.as_ref().and_then(|w| w.ok()) {
                Some(w) if survey.method.as_deref() != Some("share") => {
                    format!("{}（{}）", option.label, w.normalize())
                }
                _ => option.label.clone(),
            };
            s.text(r, c, label, Style::Header);
            s.merge(r, c, r, c.saturating_add(1));
            s.text(
                r.saturating_add(1),
                c,
                t(lang, "人数", "Count"),
                Style::Header,
            );
            s.text(
                r.saturating_add(1),
                c.saturating_add(1),
                t(lang, "占比", "Share"),
                Style::Header,
            );
        }
        let c = n.saturating_mul(2).saturating_add(2);
        s.text(r, c, t(lang, "合计人数", "Answers"), Style::Header);
        s.merge(r, c, r.saturating_add(1), c);
        s.text(
            r,
            c.saturating_add(1),
            t(lang, "满意度", "Satisfaction"),
            Style::Header,
        );
        s.merge(
            r,
            c.saturating_add(1),
            r.saturating_add(1),
            c.saturating_add(1),
        );
        s.text(
            r,
            c.saturating_add(2),
            t(lang, "备注", "Note"),
            Style::Header,
        );
        s.merge(
            r,
            c.saturating_add(2),
            r.saturating_add(1),
            c.saturating_add(2),
        );
        r = r.saturating_add(2);
        for (q, (question, qr)) in survey.questions.iter().zip(&result.questions).enumerate() {
            s.number(
                r,
                0,
                Decimal::from(q).saturating_add(Decimal::ONE),
                Style::Integer,
            );
            s.text(r, 1, question.text.clone(), Style::Text);
            for j in 0..survey.options.len() {
                let col = option_column(j);
                let count = question.counts.get(j).and_then(|c| c.ok());
                s.maybe(r, col, count, Style::Integer);
                let share = qr
                    .shares
                    .get(j)
                    .copied()
                    .flatten()
                    .and_then(|p| round2(p).checked_div(Decimal::ONE_HUNDRED));
                s.maybe(r, col.saturating_add(1), share, Style::Percent);
            }
            s.number(r, c, Decimal::from(qr.responses), Style::Integer);
            s.maybe(
                r,
                c.saturating_add(1),
                qr.satisfaction.map(round2),
                Style::Score,
            );
            let weakest = result.weakest.as_deref() == Some(question.id.as_str());
            s.text(
                r,
                c.saturating_add(2),
                if weakest {
                    t(lang, "得分最低", "lowest")
                } else {
                    ""
                },
                Style::Text,
            );
            r = r.saturating_add(1);
        }
        s.text(
            r,
            0,
            t(
                lang,
                "满意度（各题平均）",
                "Satisfaction (mean of the questions)",
            ),
            Style::BoldText,
        );
        s.merge(r, 0, r, c);
        s.maybe(
            r,
            c.saturating_add(1),
            result.satisfaction.map(round2),
            Style::BoldScore,
        );
        s.text(r, c.saturating_add(2), "", Style::Text);
        r = r.saturating_add(2);
    }
    if doc.surveys.is_empty() {
        s.text(
            0,
            0,
            t(lang, "（没有满意度调查）", "(no survey)"),
            Style::Plain,
        );
    }
    s.fit_columns(70, 400);
    s.width(1, 400);
    s
}

/// The 自评表 sheet's texts around the document's own: its subtitle and the funds block's title.
enum SheetText<'a> {
    /// `（2022年度）` / `(year 2022)`.
    Year(&'a str),
    /// `项目资金（万元）` / `Funds (万元)`, without the brackets when no money unit is given.
    Funds(&'a str),
    /// The monitoring form's subtitle: `2026年度（1-7月，截至2026-07-31，序时进度58.33%）`.
    Round {
        year: Option<i32>,
        month: u32,
        as_of: &'a str,
        progress: Option<Decimal>,
    },
    /// `1-7月执行数`.
    SpentToDate(u32),
    /// `1-7月完成值`.
    ValueToDate(u32),
    /// `1-7月完成情况`.
    GoalToDate(u32),
    /// `全年预计得分 92.50（优）`.
    Forecast { total: Decimal, grade: &'a str },
}

impl SheetText<'_> {
    /// The text, written once.
    fn markup(&self) -> Markup {
        let show = |v: Decimal| Arg::Same(crate::number::show2(v));
        let month = |m: &u32| ("month", Arg::Same(m.to_string()));
        let mut m = Markup::default();
        match self {
            SheetText::Year(year) => m.push(
                Text("（{year}年度）", "(year {year})"),
                vec![("year", year.to_string().into())],
            ),
            SheetText::Funds("") => m.push(Text("项目资金", "Funds"), vec![]),
            SheetText::Funds(unit) => m.push(
                Text("项目资金（{unit}）", "Funds ({unit})"),
                vec![("unit", (*unit).into())],
            ),
            SheetText::Round {
                year,
                month: n,
                as_of,
                progress,
            } => {
                if let Some(y) = year {
                    m.push(Text("{year}年度", ""), vec![("year", y.to_string().into())]);
                }
                m.push(Text("（", "("), vec![]);
                if let Some(y) = year {
                    m.push(
                        Text("", "year {year}, "),
                        vec![("year", y.to_string().into())],
                    );
                }
                m.push(
                    Text(
                        "1-{month}月，截至{as_of}",
                        "months 1-{month}, as of {as_of}",
                    ),
                    vec![month(n), ("as_of", (*as_of).into())],
                );
                if let Some(p) = progress {
                    m.push(
                        Text("，序时进度{p}%", ", time progress {p}%"),
                        vec![("p", show(*p))],
                    );
                }
                m.push(Text("）", ")"), vec![])
            }
            SheetText::SpentToDate(n) => m.push(
                Text("1-{month}月执行数", "Spent, months 1-{month}"),
                vec![month(n)],
            ),
            SheetText::ValueToDate(n) => m.push(
                Text("1-{month}月完成值", "Value, months 1-{month}"),
                vec![month(n)],
            ),
            SheetText::GoalToDate(n) => m.push(
                Text("1-{month}月完成情况", "Progress, months 1-{month}"),
                vec![month(n)],
            ),
            SheetText::Forecast { total, grade } => {
                m.push(
                    Text("全年预计得分 {total}", "Forecast score {total}"),
                    vec![("total", show(*total))],
                );
                if !grade.is_empty() {
                    m.push(
                        Text("（{grade}）", " ({grade})"),
                        vec![("grade", (*grade).into())],
                    );
                }
                &mut m
            }
        };
        m
    }
}

impl Message for SheetText<'_> {
    fn zh(&self) -> String {
        self.markup().zh()
    }

    fn en(&self) -> String {
        self.markup().en()
    }
}
