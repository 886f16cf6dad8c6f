//! 报告文字: paragraphs of the 自评报告 drafted from the figures, in the register of the seed
//! report, ready to paste: 资金来源及使用情况, 绩效目标完成情况, 满意度调查, 评价结论, 存在的问题.

use crate::date::parse_date;
use crate::findings::{Lang, Level, Problem};
use crate::model::{Document, RuleKind};
use crate::number::{show2, show_exact};
use crate::scoring::Evaluation;
use crate::tables::{indicator_rows, percent_text, IndicatorRow, Shown};
use rust_decimal::Decimal;

/// A titled part of the report.
#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    /// The heading.
    pub title: String,
    /// The paragraphs.
    pub paragraphs: Vec<String>,
}

/// The drafted report as plain text (titles and paragraphs), for the copy button and the CLI.
pub fn draft_text(doc: &Document, eval: &Evaluation, lang: Lang) -> String {
    let mut out = String::new();
    for section in draft(doc, eval, lang) {
        out.push_str(&section.title);
        out.push('\n');
        for p in section.paragraphs {
            out.push_str(&p);
            out.push('\n');
        }
        out.push('\n');
    }
    out
}

/// The drafted report as sections.
pub fn draft(doc: &Document, eval: &Evaluation, lang: Lang) -> Vec<Section> {
    let w = Words::new(doc, lang);
    vec![
        funds(doc, eval, &w),
        targets(doc, eval, &w),
        surveys(doc, eval, &w),
        conclusion(doc, eval, &w),
        problems(doc, eval, &w),
    ]
}

struct Words {
    lang: Lang,
    unit: String,
    title: String,
    money: String,
}

impl Words {
    fn new(doc: &Document, lang: Lang) -> Words {
        Words {
            lang,
            unit: doc.meta_text("unit"),
            title: doc.meta_text("title"),
            money: doc.meta_text("money_unit"),
        }
    }

    fn zh(&self) -> bool {
        self.lang == Lang::Zh
    }

    /// An amount with its unit: "97.361万元" / "97.361 万元".
    fn amount(&self, d: Decimal) -> String {
        if self.zh() {
            format!("{}{}", show_exact(d), self.money)
        } else if self.money.is_empty() {
            show_exact(d)
        } else {
            format!("{} {}", show_exact(d), self.money)
        }
    }

    fn project(&self) -> String {
        match (self.zh(), self.title.is_empty()) {
            (true, true) => "本项目".into(),
            (true, false) => format!("{}{}", self.unit, self.title),
            (false, true) => "The project".into(),
            (false, false) => format!("{} ({})", self.title, self.unit),
        }
    }
}

fn funds(doc: &Document, eval: &Evaluation, w: &Words) -> Section {
    let b = &eval.budget;
    let rate = b.execution_rate.map_or("—".into(), show2);
    let mut paragraphs = vec![if w.zh() {
        format!(
            "{}预算批复经费{}，到位{}，实际支出{}，结余{}，预算执行率为{}%。",
            w.project(),
            w.amount(b.planned),
            w.amount(b.received),
            w.amount(b.spent),
            w.amount(b.balance),
            rate
        )
    } else {
        format!(
            "{}: budget {}, received {}, spent {}, balance {}; execution rate {}%.",
            w.project(),
            w.amount(b.planned),
            w.amount(b.received),
            w.amount(b.spent),
            w.amount(b.balance),
            rate
        )
    }];
    for (i, (line, r)) in doc.budget.iter().zip(&b.lines).enumerate() {
        let rate = r.execution_rate.map_or("—".into(), show2);
        let note = line.note.trim();
        paragraphs.push(if w.zh() {
            let note = note.to_string();
            format!(
                "（{}）{}，预算金额{}，到位数{}，使用经费{}，结余经费{}，执行率{}%。{}",
                i.saturating_add(1),
                line.name,
                w.amount(r.planned),
                w.amount(r.received),
                w.amount(r.spent),
                w.amount(r.balance),
                rate,
                note
            )
        } else {
            let note = if note.is_empty() {
                String::new()
            } else {
                format!(" {note}")
            };
            format!(
                "({}) {}: budget {}, received {}, spent {}, balance {}; execution rate {}%.{}",
                i.saturating_add(1),
                line.name,
                w.amount(r.planned),
                w.amount(r.received),
                w.amount(r.spent),
                w.amount(r.balance),
                rate,
                note
            )
        });
    }
    Section {
        title: if w.zh() {
            "一、资金来源及使用情况"
        } else {
            "1. Funds and their use"
        }
        .into(),
        paragraphs,
    }
}

fn with_unit(value: &Shown, unit: &str, zh: bool) -> String {
    let v = value.text();
    if unit.is_empty() || v.is_empty() {
        v
    } else if zh || unit == "%" {
        format!("{v}{unit}")
    } else {
        format!("{v} {unit}")
    }
}

fn date_text(value: &Shown, zh: bool) -> String {
    match parse_date(&value.text()) {
        Some(d) if zh => format!("{}年{}月{}日", d.year, d.month, d.day),
        Some(d) => format!("{}-{:02}-{:02}", d.year, d.month, d.day),
        None => value.text(),
    }
}

/// One sentence per indicator: "举办残疾人职业技能培训期数不少于3期，完成4期，完成率100%。"
fn sentence(row: &IndicatorRow, w: &Words) -> String {
    let zh = w.zh();
    let c = percent_text(row.completion);
    let score = show2(row.score);
    let points = show2(row.points);
    let (target, actual) = (
        with_unit(&row.target_figure, &row.unit, zh),
        with_unit(&row.actual, &row.unit, zh),
    );
    let mut s = match (row.kind, zh) {
        (Some(RuleKind::AtLeast), true) => {
            format!("{}不少于{target}，完成{actual}，完成率{c}%。", row.name)
        }
        (Some(RuleKind::AtLeast), false) => format!(
            "{}: at least {target}, achieved {actual}, completion {c}%.",
            row.name
        ),
        (Some(RuleKind::AtMost), true) => {
            format!("{}不多于{target}，实际{actual}，完成率{c}%。", row.name)
        }
        (Some(RuleKind::AtMost), false) => format!(
            "{}: at most {target}, actual {actual}, completion {c}%.",
            row.name
        ),
        (Some(RuleKind::Equal), true) => {
            format!("{}目标值{target}，实际{actual}，完成率{c}%。", row.name)
        }
        (Some(RuleKind::Equal), false) => format!(
            "{}: target {target}, actual {actual}, completion {c}%.",
            row.name
        ),
        (Some(RuleKind::Deadline), true) => format!(
            "{}：计划于{}前完成，实际完成时间为{}，{}。",
            row.name,
            date_text(&row.target_figure, true),
            date_text(&row.actual, true),
            if row.completion >= Decimal::ONE {
                "按时完成，完成率100%"
            } else {
                "未按时完成"
            }
        ),
        (Some(RuleKind::Deadline), false) => format!(
            "{}: due {}, completed {}, {}.",
            row.name,
            date_text(&row.target_figure, false),
            date_text(&row.actual, false),
            if row.completion >= Decimal::ONE {
                "on time"
            } else {
                "late"
            }
        ),
        (Some(RuleKind::Qualitative), true) => {
            format!(
                "{}：评价为“{}”，得{score}分（满分{points}分）。",
                row.name,
                row.actual.text()
            )
        }
        (Some(RuleKind::Qualitative), false) => {
            format!(
                "{}: {}, {score} of {points} points.",
                row.name,
                row.actual.text()
            )
        }
        (Some(RuleKind::Satisfaction), true) => format!(
            "{}不低于{target}，实际满意度{actual}，完成率{c}%。",
            row.name
        ),
        (Some(RuleKind::Satisfaction), false) => {
            format!(
                "{}: at least {target}, measured {actual}, completion {c}%.",
                row.name
            )
        }
        (Some(RuleKind::BudgetExecution | RuleKind::FundArrival), true) => {
            format!("{}为{actual}，得{score}分（满分{points}分）。", row.name)
        }
        (Some(RuleKind::BudgetExecution | RuleKind::FundArrival), false) => {
            format!("{}: {actual}, {score} of {points} points.", row.name)
        }
        (_, true) => format!("{}：得{score}分（满分{points}分）。", row.name),
        (_, false) => format!("{}: {score} of {points} points.", row.name),
    };
    let reason = row.reason.trim();
    if !reason.is_empty() && row.completion < Decimal::ONE {
        s.push_str(&if zh {
            format!("偏差原因：{reason}")
        } else {
            format!(" Reason: {reason}")
        });
    }
    s
}

fn targets(doc: &Document, eval: &Evaluation, w: &Words) -> Section {
    let rows = indicator_rows(doc, eval, w.lang);
    let paragraphs = rows
        .iter()
        .filter(|r| r.applicable && r.valid)
        .enumerate()
        .map(|(i, r)| {
            if w.zh() {
                format!("（{}）{}", i.saturating_add(1), sentence(r, w))
            } else {
                format!("({}) {}", i.saturating_add(1), sentence(r, w))
            }
        })
        .collect();
    Section {
        title: if w.zh() {
            "二、绩效目标完成情况"
        } else {
            "2. Performance targets"
        }
        .into(),
        paragraphs,
    }
}

fn surveys(doc: &Document, eval: &Evaluation, w: &Words) -> Section {
    let mut paragraphs = Vec::new();
    for (survey, r) in doc.surveys.iter().zip(&eval.surveys) {
        let Some(sat) = r.satisfaction else { continue };
        let answered = r.questions.iter().map(|q| q.responses).max().unwrap_or(0);
        let issued = survey
            .respondents
            .as_ref()
            .and_then(|n| n.ok())
            .map_or(answered.to_string(), |d| d.normalize().to_string());
        let weakest = r.weakest.as_ref().and_then(|id| {
            let q = survey.questions.iter().find(|q| &q.id == id)?;
            let qr = r.questions.iter().find(|x| &x.id == id)?;
            Some((q.text.clone(), qr.satisfaction.map_or("—".into(), show2)))
        });
        let name = if survey.name.is_empty() {
            survey.id.clone()
        } else {
            survey.name.clone()
        };
        paragraphs.push(if w.zh() {
            let mut p = format!(
                "{name}共收回有效问卷{issued}份，满意度综合得分为{}分。",
                show2(sat)
            );
            if let Some((text, score)) = weakest {
                p.push_str(&format!(
                    "问卷的{}个问题中，“{text}”得分最低（{score}分），应在今后工作中重点改进。",
                    survey.questions.len()
                ));
            }
            p
        } else {
            let mut p = format!("{name}: {issued} valid answers, overall satisfaction {}.", show2(sat));
            if let Some((text, score)) = weakest {
                p.push_str(&format!(
                    " Of its {} questions, \"{text}\" scored lowest ({score}) and deserves attention.",
                    survey.questions.len()
                ));
            }
            p
        });
    }
    if paragraphs.is_empty() {
        paragraphs.push(
            if w.zh() {
                "本项目未开展满意度调查。"
            } else {
                "No survey was carried out."
            }
            .into(),
        );
    }
    Section {
        title: if w.zh() {
            "三、满意度调查"
        } else {
            "3. Satisfaction survey"
        }
        .into(),
        paragraphs,
    }
}

fn conclusion(doc: &Document, eval: &Evaluation, w: &Words) -> Section {
    let grade = eval.grade.clone().unwrap_or_else(|| "—".into());
    let summary = crate::whatif::Summary::of(doc, eval);
    let parts: Vec<String> = summary
        .first_level
        .iter()
        .map(|(_, name, points, score)| {
            let (points, score) = (*points, *score);
            if w.zh() {
                format!("{name}（满分{}分，得分{}分）", show2(points), show2(score))
            } else {
                format!("{name} ({} of {})", show2(score), show2(points))
            }
        })
        .collect();
    let mut p = if w.zh() {
        format!(
            "通过对{}的绩效指标进行评价、打分，最终自评得分{}分（满分{}分，得分率{}%），评定等级为{}。",
            if w.title.is_empty() { "本项目".to_string() } else { w.title.clone() },
            show2(eval.total),
            show2(eval.max_points),
            show2(eval.percent),
            grade
        )
    } else {
        format!(
            "The self-evaluation scores {} of {} points ({}%), grade {}.",
            show2(eval.total),
            show2(eval.max_points),
            show2(eval.percent),
            grade
        )
    };
    if !parts.is_empty() {
        p.push_str(&if w.zh() {
            format!("其中{}。", parts.join("，"))
        } else {
            format!(" By part: {}.", parts.join("; "))
        });
    }
    Section {
        title: if w.zh() {
            "四、评价结论"
        } else {
            "4. Conclusion"
        }
        .into(),
        paragraphs: vec![p],
    }
}

/// 存在的问题, drawn from the findings.
fn problems(doc: &Document, eval: &Evaluation, w: &Words) -> Section {
    let zh = w.zh();
    let names = crate::path::Names::new(doc);
    let name_of = |path: &crate::path::FieldPath| -> String {
        let id = path.indicator().unwrap_or_default();
        match names.node_name(id) {
            "" => id.to_string(),
            name => name.to_string(),
        }
    };
    let mut paragraphs = Vec::new();
    let b = &eval.budget;
    let mut over = Vec::new();
    let mut unexplained = Vec::new();
    for f in &eval.findings {
        match &f.problem {
            Problem::LowExecution { rate, .. } => paragraphs.push(if zh {
                format!(
                    "预算申报准确性不足。项目预算金额为{}，实际支出{}，为预算金额的{rate}%，预算执行率偏低。",
                    w.amount(b.planned),
                    w.amount(b.spent)
                )
            } else {
                format!(
                    "Budgeting was not accurate: budget {}, spent {}, {rate}% of the budget.",
                    w.amount(b.planned),
                    w.amount(b.spent)
                )
            }),
            Problem::PerformanceAheadOfBudget { performance, execution, .. } => paragraphs.push(if zh {
                format!("绩效与预算执行不匹配：除预算执行类指标外的得分率为{performance}%，而预算执行率仅为{execution}%，需说明资金未充分使用而目标仍已完成的原因。")
            } else {
                format!("Performance and budget execution do not match: {performance}% scored against a {execution}% execution rate.")
            }),
            Problem::OverTarget { .. } => over.push(name_of(&f.path)),
            Problem::MissingReason { .. } => unexplained.push(name_of(&f.path)),
            Problem::SpentOverReceived { .. } => paragraphs.push(if zh {
                format!("资金管理不够规范：部分明细的执行数超过到位数（{}）。", f.path)
            } else {
                format!("Spending exceeds the funds received ({}).", f.path)
            }),
            _ => {}
        }
    }
    if !over.is_empty() {
        paragraphs.push(if zh {
            format!(
                "绩效目标设定偏低：{}的实际完成值远超年度指标值，目标设定的科学性有待提高。",
                over.join("、")
            )
        } else {
            format!(
                "Targets set too low: {} far exceeded their targets.",
                over.join(", ")
            )
        });
    }
    if !unexplained.is_empty() {
        paragraphs.push(if zh {
            format!(
                "部分指标未完成年度目标且未说明偏差原因：{}。",
                unexplained.join("、")
            )
        } else {
            format!(
                "Targets not met and not explained: {}.",
                unexplained.join(", ")
            )
        });
    }
    let errors = eval
        .findings
        .iter()
        .filter(|f| f.level() == Level::Error)
        .count();
    if errors > 0 {
        paragraphs.push(if zh {
            format!("自评数据存在{errors}处错误，相关指标暂按0分计算，应更正后重新计分。")
        } else {
            format!(
                "The data has {errors} error(s); the indicators concerned score 0 until corrected."
            )
        });
    }
    if paragraphs.is_empty() {
        paragraphs.push(
            if zh {
                "未发现明显问题。"
            } else {
                "No significant problem was found."
            }
            .into(),
        );
    }
    Section {
        title: if zh {
            "五、存在的问题"
        } else {
            "5. Problems found"
        }
        .into(),
        paragraphs,
    }
}
