//! The report's Word tables: 项目支出明细表, 项目绩效指标体系得分情况, the 自评表 and the
//! 满意度调查问卷统计表, each with merged cells where the printed forms merge them. Both outlines
//! use the same tables.

use super::package::{widths, Cell, Merge, Table};
use crate::message::Lang;
use crate::message::{t, Arg, Markup, Text};
use crate::model::Document;
use crate::number::{show_exact, shown};
use crate::scoring::Evaluation;
use crate::tables::{indicator_rows, levels, Shown};
use crate::whatif::Summary;
use rust_decimal::Decimal;

/// 项目支出明细表: 序号 | 项目名称 | 下达金额 | 使用经费 | 结余经费 | 备注, with 合计.
pub(super) fn budget_table(doc: &Document, eval: &Evaluation, lang: Lang) -> Table {
    let b = &eval.budget;
    // 到位金额 is printed where some line received other than its budget (a reader takes a
    // table without it as all received).
    let arrived = b.lines.iter().any(|l| l.received != l.planned);
    let mut rows: Vec<Vec<Cell>> = doc
        .budget
        .iter()
        .zip(&b.lines)
        .enumerate()
        .map(|(i, (line, r))| {
            let mut row = vec![
                Cell::figure(i.saturating_add(1).to_string()),
                Cell::text(line.name.clone()),
                Cell::figure(show_exact(r.planned)),
            ];
            if arrived {
                row.push(Cell::figure(show_exact(r.received)));
            }
            row.extend([
                Cell::figure(show_exact(r.spent)),
                Cell::figure(show_exact(r.balance)),
                Cell::text(line.note.clone()),
            ]);
            row
        })
        .collect();
    let mut total = vec![
        Cell::text(t(lang, "合计", "Total")).bold().spanning(2),
        Cell::figure(show_exact(b.planned)).bold(),
    ];
    if arrived {
        total.push(Cell::figure(show_exact(b.received)).bold());
    }
    total.extend([
        Cell::figure(show_exact(b.spent)).bold(),
        Cell::figure(show_exact(b.balance)).bold(),
        Cell::text(b.execution_rate.map_or(String::new(), |r| {
            format!("{}{}%", t(lang, "执行率 ", "execution "), shown(Some(r)))
        })),
    ]);
    rows.push(total);
    let mut header = vec![
        ("序号", "No."),
        ("项目名称", "Item"),
        ("下达金额", "Budget"),
    ];
    if arrived {
        header.push(("到位金额", "Received"));
    }
    header.extend([
        ("使用经费", "Spent"),
        ("结余经费", "Balance"),
        ("备注", "Note"),
    ]);
    Table {
        widths: if arrived {
            widths(&[6, 26, 12, 12, 12, 12, 20])
        } else {
            widths(&[6, 30, 13, 13, 13, 25])
        },
        header: header
            .into_iter()
            .map(|(zh, en)| Cell::text(t(lang, zh, en)))
            .collect(),
        rows,
    }
}

/// 项目绩效指标体系得分情况: 一级指标 | 权重分 | 得分, with 合计.
pub(super) fn scores_table(doc: &Document, eval: &Evaluation, lang: Lang) -> Table {
    let mut rows: Vec<Vec<Cell>> = Summary::of(doc, eval)
        .first_level
        .into_iter()
        .map(|(_, name, points, score)| {
            vec![
                Cell::text(name),
                Cell::figure(shown(Some(points))),
                Cell::figure(shown(Some(score))),
            ]
        })
        .collect();
    rows.push(vec![
        Cell::text(t(lang, "合计", "Total")).bold(),
        Cell::figure(shown(Some(eval.max_points))).bold(),
        Cell::figure(shown(Some(eval.total))).bold(),
    ]);
    Table {
        widths: widths(&[50, 25, 25]),
        header: vec![
            Cell::text(t(lang, "一级指标", "Level 1")),
            Cell::text(t(lang, "权重分", "Points")),
            Cell::text(t(lang, "得分", "Score")),
        ],
        rows,
    }
}

/// How many rows one merged 一级 or 二级 cell spans at most.
const MERGED_ROWS: usize = 30;

/// The 自评表: 一级/二级/三级指标, 年度指标值, 实际完成值, 分值, 得分, 偏差原因; a 一级 or 二级
/// cell the same as the row above's is merged into it.
pub(super) fn form_table(doc: &Document, eval: &Evaluation, lang: Lang) -> Table {
    let rows = indicator_rows(doc, eval, lang);
    let mut out: Vec<Vec<Cell>> = Vec::with_capacity(rows.len().saturating_add(1));
    let mut above: [String; 2] = [String::new(), String::new()];
    let mut runs = [0usize; 2];
    for r in &rows {
        let [l1, l2, l3] = levels(r);
        let with_unit = |v: &Shown| {
            let s = v.text();
            if s.is_empty() || matches!(v, Shown::Text(_)) {
                s
            } else {
                format!("{s}{}", r.unit)
            }
        };
        let merged = |text: &str, above: &str, first: bool, run: &mut usize| {
            // A merge restarts (with the name again) every MERGED_ROWS rows: a cell merged over
            // thousands of rows is hard on word processors and spans pages anyway.
            let merge = if first || text.is_empty() || text != above || *run >= MERGED_ROWS {
                *run = 1;
                Merge::Start
            } else {
                *run = run.saturating_add(1);
                Merge::Continue
            };
            Cell::text(text.to_string()).merged(merge)
        };
        let first = out.is_empty();
        let c1 = merged(&l1, &above[0], first, &mut runs[0]);
        // A 二级 cell merges only within the same 一级 cell.
        let c2 = merged(
            &l2,
            &above[1],
            first || c1.merge == Merge::Start,
            &mut runs[1],
        );
        out.push(vec![
            c1,
            c2,
            Cell::text(l3),
            Cell::text(with_unit(&r.target)),
            Cell::text(with_unit(&r.actual)),
            Cell::figure(shown(Some(r.points))),
            Cell::figure(if r.applicable {
                shown(Some(r.score))
            } else {
                t(lang, "不适用", "n/a").to_string()
            }),
            Cell::text(r.reason.clone()),
        ]);
        above = [l1, l2];
    }
    out.push(vec![
        Cell::text(t(lang, "总分", "Total")).bold().spanning(5),
        Cell::figure(shown(Some(eval.max_points))).bold(),
        Cell::figure(shown(Some(eval.total))).bold(),
        Cell::text(format!(
            "{}{}",
            t(lang, "等级：", "Grade: "),
            eval.grade.clone().unwrap_or_default()
        )),
    ]);
    Table {
        widths: widths(&[9, 10, 17, 14, 14, 7, 7, 22]),
        header: [
            ("一级指标", "Level 1"),
            ("二级指标", "Level 2"),
            ("三级指标", "Level 3"),
            ("年度指标值", "Target"),
            ("实际完成值", "Actual"),
            ("分值", "Points"),
            ("得分", "Score"),
            ("偏差原因分析及改进措施", "Reason"),
        ]
        .iter()
        .map(|(zh, en)| Cell::text(t(lang, zh, en)))
        .collect(),
        rows: out,
    }
}

/// 满意度调查问卷统计表, one per survey: per question the rows 人数 / 占比 / 分数 under each option
/// (分数: the share times the option's weight), the question cell merged down, and its
/// satisfaction.
pub(super) fn survey_tables(
    doc: &Document,
    eval: &Evaluation,
    lang: Lang,
) -> Vec<(String, Table, Option<String>)> {
    doc.surveys
        .iter()
        .zip(&eval.surveys)
        .map(|(survey, result)| {
            let n = survey.options.len();
            let mut shares = vec![2u32, 1];
            shares.extend(std::iter::repeat_n(1, n));
            shares.push(1);
            let mut header = vec![
                Cell::text(t(lang, "题目", "Question")),
                Cell::text(t(lang, "项目", "Row")),
            ];
            header.extend(survey.options.iter().map(|o| Cell::text(o.label.clone())));
            header.push(Cell::text(t(lang, "满意度", "Satisfaction")));
            let weights: Vec<Option<Decimal>> = survey
                .options
                .iter()
                .map(|o| o.weight.as_ref().and_then(|w| w.ok()))
                .collect();
            let mut rows = Vec::new();
            for (q, (question, qr)) in survey.questions.iter().zip(&result.questions).enumerate() {
                let label = format!("{}. {}", q.saturating_add(1), question.text);
                let kinds = [
                    t(lang, "人数", "Answers"),
                    t(lang, "占比", "Share"),
                    t(lang, "分数", "Score"),
                ];
                for (k, kind) in kinds.into_iter().enumerate() {
                    let mut row = vec![
                        Cell::text(label.clone()).merged(if k == 0 {
                            Merge::Start
                        } else {
                            Merge::Continue
                        }),
                        Cell::text(kind),
                    ];
                    for (j, count) in question.counts.iter().enumerate().take(n) {
                        let share = qr.shares.get(j).copied().flatten();
                        row.push(Cell::figure(match k {
                            0 => count.raw().to_string(),
                            1 => {
                                share.map_or("—".to_string(), |s| format!("{}%", shown(Some(s))))
                            }
                            _ => {
                                let score = share.zip(weights.get(j).copied().flatten()).and_then(
                                    |(s, w)| {
                                        s.checked_mul(w)
                                            .and_then(|x| x.checked_div(Decimal::ONE_HUNDRED))
                                    },
                                );
                                shown(score)
                            }
                        }));
                    }
                    // A question with fewer counts than options still fills its row.
                    for _ in question.counts.len()..n {
                        row.push(Cell::figure(""));
                    }
                    row.push(
                        Cell::figure(if k == 0 {
                            shown(qr.satisfaction)
                        } else {
                            String::new()
                        })
                        .merged(if k == 0 {
                            Merge::Start
                        } else {
                            Merge::Continue
                        }),
                    );
                    rows.push(row);
                }
            }
            let name = if survey.name.is_empty() {
                &survey.id
            } else {
                &survey.name
            };
            let caption = format!(
                "{name}{}{}{}",
                t(lang, "统计表（满意度 ", " (satisfaction "),
                shown(result.satisfaction),
                t(lang, "）", ")")
            );
            (
                caption,
                Table {
                    widths: widths(&shares),
                    header,
                    rows,
                },
                share_note(survey, lang),
            )
        })
        .collect()
}

/// Under a survey scored by the share of satisfied answers (满意率), the sentence that says so,
/// naming the options counted: a reader of the report (and jixiao reading it back) then scores it
/// the same way.
fn share_note(survey: &crate::model::Survey, lang: Lang) -> Option<String> {
    let share = survey
        .method
        .as_deref()
        .and_then(crate::model::Method::parse)
        == Some(crate::model::Method::Share);
    if !share {
        return None;
    }
    let k = survey
        .satisfied_options
        .as_ref()
        .and_then(crate::number::Num::ok)
        .and_then(crate::number::whole_count)
        .map_or(2, |k| usize::try_from(k).unwrap_or(2));
    let labels: Vec<String> = survey
        .options
        .iter()
        .take(k)
        .map(|o| format!("“{}”", o.label))
        .collect();
    let mut m = Markup::default();
    m.push(
        Text(
            "注：满意度按满意率计算，即回答{labels}的人数占答卷人数的比例。",
            "Note: satisfaction is the share of answers {labels}.",
        ),
        vec![("labels", Arg::Each(labels.join(""), labels.join(", ")))],
    );
    Some(m.render(lang))
}

/// Under the scores, the grade bands where the document sets its own (settings.grades): a reader
/// of the report (and jixiao reading it back) then grades it the same way.
pub(super) fn grade_bands(doc: &Document, eval: &Evaluation, lang: Lang) -> Option<String> {
    doc.settings.grades.as_ref()?;
    let default: Vec<(String, Decimal)> = crate::scoring::default_grades();
    if eval.policy.grades == default {
        return None;
    }
    let mut m = Markup::default();
    m.push(
        Text("评价等级按得分率划分：", "Grades by the percent scored: "),
        vec![],
    );
    let mut above: Option<Decimal> = None;
    for (i, (label, min)) in eval.policy.grades.iter().enumerate() {
        let sep = if i == 0 {
            Text("", "")
        } else {
            Text("，", ", ")
        };
        m.push(sep, vec![]);
        let args = |n: Decimal| {
            vec![
                ("label", label.as_str().into()),
                ("n", n.normalize().to_string().into()),
            ]
        };
        match above {
            Some(a) if min.is_zero() => m.push(Text("{label}<{n}%", "{label} < {n}%"), args(a)),
            _ => m.push(Text("{label}≥{n}%", "{label} ≥ {n}%"), args(*min)),
        };
        above = Some(*min);
    }
    m.push(Text("。", "."), vec![]);
    Some(m.render(lang))
}

/// Under the 自评表, the 反向 indicators scored by the linear formula rather than the ratio, by
/// name: a reader of the report (and jixiao reading it back) then scores them the same way.
pub(super) fn linear_note(doc: &Document, lang: Lang) -> Option<String> {
    let names: Vec<String> = crate::model::leaves(&doc.indicators)
        .map(|(l, _)| l)
        .filter(|l| {
            l.rule.kind() == Some(crate::model::RuleKind::AtMost)
                && l.rule
                    .formula
                    .as_deref()
                    .and_then(crate::model::Formula::parse)
                    == Some(crate::model::Formula::Linear)
        })
        .map(|l| format!("“{}”", l.name))
        .collect();
    if names.is_empty() {
        return None;
    }
    let mut m = Markup::default();
    m.push(
        Text(
            "注：反向指标{names}按“1 −（实际值 − 指标值）÷ 指标值”计分。",
            "Note: the upper-bound indicators {names} score 1 − (actual − target) ÷ target.",
        ),
        vec![("names", Arg::Each(names.join("、"), names.join(", ")))],
    );
    Some(m.render(lang))
}
