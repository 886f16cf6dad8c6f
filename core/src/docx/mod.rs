//! The 绩效自评报告 as a Word document (.docx), written by hand on the stored-ZIP writer the
//! workbook uses: the outline of 财预〔2020〕10号's 项目支出绩效评价报告（参考提纲）, the figures and
//! tables of the evaluation as Word tables (merged cells where the form merges them), the drafted
//! paragraphs in their chapters, and a marked placeholder (`【请填写：项目背景】`) wherever only a
//! person can write. Figures are rounded as the page shows them.

mod package;

use crate::draft::{draft, Section};
use crate::message::t;
use crate::model::Document;
use crate::number::{show_exact, shown};
use crate::scoring::Evaluation;
use crate::tables::{indicator_rows, levels, Shown};
use crate::whatif::Summary;
use crate::Lang;
use package::{widths, Body, Cell, Merge, Properties, Style, Table};
use rust_decimal::Decimal;

/// The report of `doc` as the bytes of a `.docx` file.
pub fn report(doc: &Document, eval: &Evaluation, lang: Lang) -> Vec<u8> {
    let mut body = Body::default();
    let title = doc.meta_text("title");
    let unit = doc.meta_text("unit");
    let drafted = draft(doc, eval, lang);
    let chapter = |i: usize| {
        drafted.get(i).cloned().unwrap_or(Section {
            title: String::new(),
            paragraphs: Vec::new(),
        })
    };
    let (funds, targets, surveys, conclusion, problems) =
        (chapter(0), chapter(1), chapter(2), chapter(3), chapter(4));
    let heading = if title.is_empty() {
        t(
            lang,
            "项目支出绩效自评报告",
            "Project expenditure performance self-evaluation report",
        )
        .to_string()
    } else {
        format!(
            "{title}{}",
            t(lang, "绩效自评报告", ": performance self-evaluation report")
        )
    };
    body.paragraph(Style::Title, &heading);
    let year = doc.meta_text("year");
    let subtitle = [unit.as_str(), year.as_str()]
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(t(lang, "　", " · "));
    if !subtitle.is_empty() {
        body.paragraph(Style::Subtitle, &subtitle);
    }
    let placeholder = |body: &mut Body, what: (&'static str, &'static str)| {
        body.paragraph(
            Style::Placeholder,
            &format!(
                "{}{}{}",
                t(lang, "【请填写：", "[To be written: "),
                t(lang, what.0, what.1),
                t(lang, "】", "]")
            ),
        );
    };

    body.paragraph(
        Style::Heading1,
        t(lang, "一、基本情况", "1. Basic information"),
    );
    body.paragraph(
        Style::Heading2,
        t(lang, "（一）项目概况", "(1) The project"),
    );
    placeholder(
        &mut body,
        (
            "项目背景、主要内容及实施情况",
            "background, main content and implementation",
        ),
    );
    body.paragraph(
        Style::Body,
        t(lang, "资金投入和使用情况：", "Funds and their use:"),
    );
    for p in &funds.paragraphs {
        body.paragraph(Style::Body, p);
    }
    caption(
        &mut body,
        doc,
        t(lang, "项目支出明细表", "Budget lines"),
        lang,
    );
    body.table(&budget_table(doc, eval, lang));
    body.paragraph(
        Style::Heading2,
        t(lang, "（二）项目绩效目标", "(2) Performance goals"),
    );
    let goal = doc.meta_text("goal");
    if goal.trim().is_empty() {
        placeholder(&mut body, ("年度总体目标", "the year's overall goal"));
    } else {
        body.paragraph(Style::Body, &goal);
    }

    body.paragraph(
        Style::Heading1,
        t(
            lang,
            "二、绩效评价工作开展情况",
            "2. How the evaluation was carried out",
        ),
    );
    for (heading, what) in [
        (
            (
                "（一）绩效评价目的、对象和范围",
                "(1) Purpose, object and scope",
            ),
            ("评价目的、对象和范围", "purpose, object and scope"),
        ),
        (
            (
                "（二）绩效评价原则、评价指标体系、评价方法、评价标准",
                "(2) Principles, indicators, methods and standards",
            ),
            ("评价原则、方法和标准", "principles, methods and standards"),
        ),
        (
            ("（三）绩效评价工作过程", "(3) The work"),
            ("工作过程", "how the work was done"),
        ),
    ] {
        body.paragraph(Style::Heading2, t(lang, heading.0, heading.1));
        placeholder(&mut body, what);
    }

    body.paragraph(
        Style::Heading1,
        t(
            lang,
            "三、综合评价情况及评价结论（附评分表）",
            "3. Overall evaluation and conclusion (with the score table)",
        ),
    );
    for p in &conclusion.paragraphs {
        body.paragraph(Style::Body, p);
    }
    body.paragraph(
        Style::Caption,
        t(
            lang,
            "项目绩效指标体系得分情况",
            "Scores by first-level indicator",
        ),
    );
    body.table(&scores_table(doc, eval, lang));
    body.paragraph(
        Style::Caption,
        t(lang, "项目支出绩效自评表", "Self-evaluation form"),
    );
    body.table(&form_table(doc, eval, lang));

    body.paragraph(
        Style::Heading1,
        t(lang, "四、绩效评价指标分析", "4. Analysis by indicator"),
    );
    body.paragraph(
        Style::Heading2,
        t(lang, "（一）绩效目标完成情况", "(1) Performance targets"),
    );
    for p in &targets.paragraphs {
        body.paragraph(Style::Body, p);
    }
    body.paragraph(
        Style::Heading2,
        t(lang, "（二）满意度调查", "(2) Satisfaction survey"),
    );
    for p in &surveys.paragraphs {
        body.paragraph(Style::Body, p);
    }
    for table in survey_tables(doc, eval, lang) {
        body.paragraph(Style::Caption, &table.0);
        body.table(&table.1);
    }

    body.paragraph(
        Style::Heading1,
        t(
            lang,
            "五、主要经验及做法、存在的问题及原因分析",
            "5. Experience, problems and their causes",
        ),
    );
    body.paragraph(
        Style::Heading2,
        t(lang, "（一）主要经验及做法", "(1) Experience"),
    );
    placeholder(&mut body, ("主要经验及做法", "experience and practice"));
    body.paragraph(
        Style::Heading2,
        t(lang, "（二）存在的问题及原因分析", "(2) Problems found"),
    );
    for p in &problems.paragraphs {
        body.paragraph(Style::Body, p);
    }
    body.paragraph(
        Style::Heading1,
        t(lang, "六、有关建议", "6. Recommendations"),
    );
    placeholder(&mut body, ("改进建议", "recommendations"));
    body.paragraph(
        Style::Heading1,
        t(lang, "七、其他需要说明的问题", "7. Other matters"),
    );
    placeholder(
        &mut body,
        (
            "其他需要说明的问题（没有可写“无”）",
            "other matters (or “none”)",
        ),
    );

    let date = doc.meta_text("date");
    package::package(
        body,
        &Properties {
            title: &heading,
            creator: &unit,
            date: if crate::date::parse_date(&date).is_some() {
                &date
            } else {
                ""
            },
            lang: lang.tag(),
        },
    )
}

/// A table's caption with the document's money unit: `项目支出明细表（单位：万元）`.
fn caption(body: &mut Body, doc: &Document, name: &str, lang: Lang) {
    let money = doc.meta_text("money_unit");
    let text = if money.is_empty() {
        name.to_string()
    } else {
        format!(
            "{name}{}{money}{}",
            t(lang, "（单位：", " (unit: "),
            t(lang, "）", ")")
        )
    };
    body.paragraph(Style::Caption, &text);
}

/// 项目支出明细表: 序号 | 项目名称 | 下达金额 | 使用经费 | 结余经费 | 备注, with 合计.
fn budget_table(doc: &Document, eval: &Evaluation, lang: Lang) -> Table {
    let b = &eval.budget;
    let mut rows: Vec<Vec<Cell>> = doc
        .budget
        .iter()
        .zip(&b.lines)
        .enumerate()
        .map(|(i, (line, r))| {
            vec![
                Cell::figure(i.saturating_add(1).to_string()),
                Cell::text(line.name.clone()),
                Cell::figure(show_exact(r.planned)),
                Cell::figure(show_exact(r.spent)),
                Cell::figure(show_exact(r.balance)),
                Cell::text(line.note.clone()),
            ]
        })
        .collect();
    rows.push(vec![
        Cell::text(t(lang, "合计", "Total")).bold().spanning(2),
        Cell::figure(show_exact(b.planned)).bold(),
        Cell::figure(show_exact(b.spent)).bold(),
        Cell::figure(show_exact(b.balance)).bold(),
        Cell::text(b.execution_rate.map_or(String::new(), |r| {
            format!("{}{}%", t(lang, "执行率 ", "execution "), shown(Some(r)))
        })),
    ]);
    Table {
        widths: widths(&[6, 30, 13, 13, 13, 25]),
        header: [
            "序号",
            "项目名称",
            "下达金额",
            "使用经费",
            "结余经费",
            "备注",
        ]
        .iter()
        .zip(["No.", "Item", "Budget", "Spent", "Balance", "Note"])
        .map(|(zh, en)| Cell::text(t(lang, zh, en)))
        .collect(),
        rows,
    }
}

/// 项目绩效指标体系得分情况: 一级指标 | 权重分 | 得分, with 合计.
fn scores_table(doc: &Document, eval: &Evaluation, lang: Lang) -> Table {
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
fn form_table(doc: &Document, eval: &Evaluation, lang: Lang) -> Table {
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
fn survey_tables(doc: &Document, eval: &Evaluation, lang: Lang) -> Vec<(String, Table)> {
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
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text of one part of the package (entries are stored, so their XML is in the bytes).
    fn part<'a>(package: &'a str, open: &str, close: &str) -> &'a str {
        let start = package.find(open).unwrap();
        let end = package[start..].find(close).unwrap() + start + close.len();
        &package[start..end]
    }

    fn values<'a>(xml: &'a str, attribute: &str) -> Vec<&'a str> {
        xml.split(attribute)
            .skip(1)
            .map(|rest| &rest[..rest.find('"').unwrap()])
            .collect()
    }

    #[test]
    fn what_word_and_wps_enforce_holds() {
        let doc = crate::read_str(include_str!("../../../tests/data/kunming-2022.json")).unwrap();
        let eval = crate::evaluate(&doc);
        let bytes = report(&doc, &eval, Lang::Zh);
        let package = String::from_utf8_lossy(&bytes);
        let document = part(&package, "<w:document", "</w:document>");
        let styles = part(&package, "<w:styles", "</w:styles>");
        // Every table cell ends with a paragraph.
        assert_eq!(
            document.matches("<w:tc>").count(),
            document.matches("</w:p></w:tc>").count()
        );
        // Every table's grid sums to the width its cells fill, row by row.
        for table in document.split("<w:tbl>").skip(1) {
            let table = &table[..table.find("</w:tbl>").unwrap()];
            let grid: u32 = values(table, "<w:gridCol w:w=\"")
                .iter()
                .map(|w| w.parse::<u32>().unwrap())
                .sum();
            assert_eq!(grid, package::TEXT_WIDTH);
            for row in table.split("<w:tr>").skip(1) {
                let cells: u32 = values(row, "<w:tcW w:w=\"")
                    .iter()
                    .map(|w| w.parse::<u32>().unwrap())
                    .sum();
                assert_eq!(cells, grid, "{row}");
            }
        }
        // Every style referenced is defined.
        let defined = values(styles, "w:styleId=\"");
        for used in values(document, "<w:pStyle w:val=\"") {
            assert!(defined.contains(&used), "{used}");
        }
        // No field that needs updating (a table of contents, a reference): only the page number.
        assert!(!document.contains("fldChar") && !document.contains("fldSimple"));
        let footer = part(&package, "<w:ftr", "</w:ftr>");
        assert_eq!(values(footer, "w:instr=\""), [" PAGE "]);
    }

    #[test]
    fn the_same_document_gives_the_same_bytes() {
        let doc = crate::read_str(include_str!("../../../tests/data/kunming-2022.json")).unwrap();
        let eval = crate::evaluate(&doc);
        let a = report(&doc, &eval, Lang::Zh);
        assert_eq!(a, report(&doc, &eval, Lang::Zh));
        assert_eq!(&a[..2], b"PK");
    }
}
