//! CSV of each table, UTF-8 with a byte-order mark so that Excel and WPS open Chinese correctly.
//! Text that a spreadsheet would take for a formula (`=`, `+`, `-`, `@` first) is quoted with `'`.

use crate::findings::Lang;
use crate::model::Document;
use crate::number::{as_percent, show2, show_exact};
use crate::scoring::Evaluation;
use crate::tables::{budget_headers, form_headers, indicator_rows, levels, t, Shown};
use rust_decimal::Decimal;

/// The byte-order mark every CSV of jixiao starts with.
pub const BOM: &str = "\u{feff}";

/// One cell of a CSV row.
pub enum Cell {
    /// Text: quoted when it holds a separator, guarded when a spreadsheet would run it.
    Text(String),
    /// A number as shown, written as it is.
    Number(String),
}

fn text(s: impl Into<String>) -> Cell {
    Cell::Text(s.into())
}

fn number(s: impl Into<String>) -> Cell {
    Cell::Number(s.into())
}

fn rate(percent: Option<Decimal>) -> Cell {
    number(percent.map_or(String::new(), |p| format!("{}%", show2(p))))
}

fn shown(value: &Shown) -> Cell {
    match value {
        Shown::Number(d) => number(d.normalize().to_string()),
        other => text(other.text()),
    }
}

/// Appends one row (CRLF-terminated) to `out`: the one CSV escaping of the project.
pub fn write_row(out: &mut String, fields: Vec<Cell>) {
    let cells: Vec<String> = fields
        .into_iter()
        .map(|f| match f {
            Cell::Number(n) => n,
            Cell::Text(t) => {
                let t = if t.starts_with(['=', '+', '-', '@', '\t', '\r']) {
                    format!("'{t}")
                } else {
                    t
                };
                if t.contains([',', '"', '\n', '\r']) {
                    format!("\"{}\"", t.replace('"', "\"\""))
                } else {
                    t
                }
            }
        })
        .collect();
    out.push_str(&cells.join(","));
    out.push_str("\r\n");
}

/// The three tables as (file name, CSV text).
pub fn tables(doc: &Document, eval: &Evaluation, lang: Lang) -> Vec<(String, String)> {
    vec![
        (
            format!("{}.csv", t(lang, "自评表", "indicators")),
            indicators(doc, eval, lang),
        ),
        (
            format!("{}.csv", t(lang, "预算明细", "budget")),
            budget(doc, eval, lang),
        ),
        (
            format!("{}.csv", t(lang, "满意度调查", "surveys")),
            surveys(doc, eval, lang),
        ),
    ]
}

/// The indicator tree.
pub fn indicators(doc: &Document, eval: &Evaluation, lang: Lang) -> String {
    let mut out = String::from(BOM);
    let [l1, l2, l3, unit, target, actual, points, score, reason] = form_headers(lang);
    let header = [
        l1,
        l2,
        l3,
        unit,
        target,
        actual,
        points,
        score,
        t(lang, "完成率", "Completion"),
        reason,
    ];
    write_row(&mut out, header.iter().map(|h| text(*h)).collect());
    for row in indicator_rows(doc, eval, lang) {
        let [l1, l2, l3] = levels(&row);
        let (score, completion) = if row.applicable {
            (
                number(show2(row.score)),
                rate(Some(as_percent(row.completion))),
            )
        } else {
            (text(t(lang, "不适用", "n/a")), text(""))
        };
        write_row(
            &mut out,
            vec![
                text(l1),
                text(l2),
                text(l3),
                text(row.unit.clone()),
                shown(&row.target),
                shown(&row.actual),
                number(show2(row.points)),
                score,
                completion,
                text(row.reason.clone()),
            ],
        );
    }
    let total = vec![
        text(t(lang, "总分", "Total")),
        text(""),
        text(""),
        text(""),
        text(""),
        text(""),
    ];
    let mut total = total;
    total.extend([
        number(show2(eval.max_points)),
        number(show2(eval.total)),
        rate(Some(eval.percent)),
    ]);
    total.push(text(eval.grade.clone().unwrap_or_default()));
    write_row(&mut out, total);
    out
}

/// The budget (预算明细).
pub fn budget(doc: &Document, eval: &Evaluation, lang: Lang) -> String {
    let mut out = String::from(BOM);
    let header = budget_headers(lang);
    write_row(&mut out, header.iter().map(|h| text(*h)).collect());
    for (i, (line, r)) in doc.budget.iter().zip(&eval.budget.lines).enumerate() {
        let initial = line
            .initial
            .as_ref()
            .and_then(|n| n.ok())
            .map_or(String::new(), show_exact);
        write_row(
            &mut out,
            vec![
                number(i.saturating_add(1).to_string()),
                text(line.name.clone()),
                number(initial),
                number(show_exact(r.planned)),
                number(show_exact(r.received)),
                number(show_exact(r.spent)),
                number(show_exact(r.balance)),
                rate(r.execution_rate),
                text(line.note.clone()),
            ],
        );
    }
    let b = &eval.budget;
    write_row(
        &mut out,
        vec![
            text(t(lang, "合计", "Total")),
            text(""),
            number(b.initial.map_or(String::new(), show_exact)),
            number(show_exact(b.planned)),
            number(show_exact(b.received)),
            number(show_exact(b.spent)),
            number(show_exact(b.balance)),
            rate(b.execution_rate),
            text(""),
        ],
    );
    out
}

/// The surveys (满意度调查).
pub fn surveys(doc: &Document, eval: &Evaluation, lang: Lang) -> String {
    let mut out = String::from(BOM);
    for (survey, result) in doc.surveys.iter().zip(&eval.surveys) {
        write_row(
            &mut out,
            vec![text(if survey.name.is_empty() {
                survey.id.clone()
            } else {
                survey.name.clone()
            })],
        );
        let mut header = vec![
            text(t(lang, "序号", "No.")),
            text(t(lang, "问卷题目", "Question")),
        ];
        for option in &survey.options {
            header.push(text(format!(
                "{}{}",
                option.label,
                t(lang, "人数", " count")
            )));
            header.push(text(format!(
                "{}{}",
                option.label,
                t(lang, "占比", " share")
            )));
        }
        header.extend([
            text(t(lang, "合计人数", "Answers")),
            text(t(lang, "满意度", "Satisfaction")),
            text(t(lang, "备注", "Note")),
        ]);
        write_row(&mut out, header);
        for (q, (question, qr)) in survey.questions.iter().zip(&result.questions).enumerate() {
            let mut row = vec![
                number(q.saturating_add(1).to_string()),
                text(question.text.clone()),
            ];
            for j in 0..survey.options.len() {
                row.push(match question.counts.get(j) {
                    Some(c) if c.ok().is_some() => number(c.canonical()),
                    Some(c) => text(c.raw()),
                    None => text(""),
                });
                row.push(rate(qr.shares.get(j).copied().flatten()));
            }
            row.push(number(qr.responses.to_string()));
            row.push(number(qr.satisfaction.map_or(String::new(), show2)));
            let weakest = result.weakest.as_deref() == Some(question.id.as_str());
            row.push(text(if weakest {
                t(lang, "得分最低", "lowest")
            } else {
                ""
            }));
            write_row(&mut out, row);
        }
        let mut total = vec![
            text(t(lang, "满意度（各题平均）", "Satisfaction (mean)")),
            text(""),
        ];
        total.extend(
            (0..survey.options.len().saturating_mul(2).saturating_add(1)).map(|_| text("")),
        );
        total.push(number(result.satisfaction.map_or(String::new(), show2)));
        write_row(&mut out, total);
        out.push_str("\r\n");
    }
    out
}
