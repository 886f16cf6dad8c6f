//! 报告文字: paragraphs of the 自评报告 drafted from the figures, in the register of the seed
//! report, ready to paste: 资金来源及使用情况, 绩效目标完成情况, 满意度调查, 评价结论, 存在的问题,
//! and 绩效运行监控情况 when the document has a monitoring round.

mod monitoring;

use crate::date::parse_date;
use crate::findings::{Lang, Level, Problem};
use crate::message::{Arg, Markup, Message, Text};
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
    let w = Words::new(doc);
    let rows = indicator_rows(doc, eval, lang);
    [
        (TITLES[0], funds(doc, eval, &w)),
        (TITLES[1], {
            let mut p = targets(&rows);
            p.extend(changed_since_declared(doc, eval));
            p
        }),
        (TITLES[2], surveys(doc, eval)),
        (TITLES[3], vec![conclusion(doc, eval, &w)]),
        (TITLES[4], problems(doc, eval, &w)),
    ]
    .into_iter()
    .map(|(title, paragraphs)| Section {
        title: title.get(lang).to_string(),
        paragraphs: paragraphs.iter().map(|p| p.text(lang)).collect(),
    })
    .chain(
        Some(monitoring::paragraphs(doc, eval, lang))
            .filter(|p| !p.is_empty())
            .map(|paragraphs| Section {
                title: MONITORING.get(lang).to_string(),
                paragraphs,
            }),
    )
    .collect()
}

/// The heading of the monitoring part (only with a round).
pub(crate) const MONITORING: Text = Text("六、绩效运行监控情况", "6. Monitoring during the year");

/// The five chapters' headings.
const TITLES: [Text; 5] = [
    Text("一、资金来源及使用情况", "1. Funds and their use"),
    Text("二、绩效目标完成情况", "2. Performance targets"),
    Text("三、满意度调查", "3. Satisfaction survey"),
    Text("四、评价结论", "4. Conclusion"),
    Text("五、存在的问题", "5. Problems found"),
];

/// What the paragraphs say of the project everywhere.
struct Words {
    unit: String,
    title: String,
    money: String,
}

impl Words {
    fn new(doc: &Document) -> Words {
        Words {
            unit: doc.meta_text("unit"),
            title: doc.meta_text("title"),
            money: doc.meta_text("money_unit"),
        }
    }

    fn amount(&self, value: Decimal) -> Amount<'_> {
        Amount(value, &self.money)
    }
}

/// An amount with its money unit: "97.361万元" / "97.361 万元".
#[derive(Clone, Copy)]
struct Amount<'a>(Decimal, &'a str);

impl Message for Amount<'_> {
    fn zh(&self) -> String {
        format!("{}{}", show_exact(self.0), self.1)
    }

    fn en(&self) -> String {
        if self.1.is_empty() {
            show_exact(self.0)
        } else {
            format!("{} {}", show_exact(self.0), self.1)
        }
    }
}

/// The four amounts of the budget or of one line, and its execution rate.
struct Funds<'a> {
    planned: Amount<'a>,
    received: Amount<'a>,
    spent: Amount<'a>,
    balance: Amount<'a>,
    rate: String,
}

/// A figure with its unit: "4期", "96.86%" / "4 期", "96.86%".
fn with_unit(value: &Shown, unit: &str, spaced: bool) -> String {
    let v = value.text();
    if unit.is_empty() || v.is_empty() {
        v
    } else if !spaced || unit == "%" {
        format!("{v}{unit}")
    } else {
        format!("{v} {unit}")
    }
}

/// A date as the language writes it: "2022年11月30日" / "2022-11-30".
fn date_text(value: &Shown, zh: bool) -> String {
    match parse_date(&value.text()) {
        Some(d) if zh => d.zh(),
        Some(d) => d.en(),
        None => value.text(),
    }
}

/// One paragraph of the drafted report.
enum Paragraph<'a> {
    /// The budget as a whole: "昆明市…预算批复经费97.361万元，到位…".
    Budget {
        unit: &'a str,
        title: &'a str,
        funds: Funds<'a>,
    },
    /// One budget line: "（1）项目资金，预算金额…". `n` counts from 1.
    Line {
        n: usize,
        name: &'a str,
        funds: Funds<'a>,
        note: &'a str,
    },
    /// One indicator: "（1）举办…不少于3期，完成4期，完成率100%。"
    Indicator {
        n: usize,
        row: &'a IndicatorRow,
    },
    /// One survey: its answers, satisfaction and weakest question.
    Survey {
        name: &'a str,
        issued: String,
        satisfaction: String,
        questions: usize,
        weakest: Option<(&'a str, String)>,
    },
    NoSurvey,
    /// The targets changed since the declaration (each `name: declared → now`) and the score
    /// against the declared targets beside the document's own.
    ChangedSinceDeclared {
        changes: Vec<(String, String, String)>,
        against: crate::review::AgainstDeclared,
    },
    /// The score and grade, with each first-level part.
    Conclusion {
        title: &'a str,
        total: String,
        max: String,
        percent: String,
        grade: &'a str,
        parts: Vec<(String, String, String)>,
    },
    LowExecution {
        planned: Amount<'a>,
        spent: Amount<'a>,
        rate: &'a str,
    },
    Mismatch {
        performance: &'a str,
        execution: &'a str,
    },
    SpentOverReceived {
        path: String,
    },
    OverTarget(Vec<String>),
    Unexplained(Vec<String>),
    Errors(usize),
    NoProblem,
}

impl Paragraph<'_> {
    /// The paragraph, written once: which sentences it has, and their words in each language.
    fn markup(&self) -> Markup {
        let mut m = Markup::default();
        let amounts = |funds: &Funds<'_>| {
            vec![
                ("planned", Arg::of(&funds.planned)),
                ("received", Arg::of(&funds.received)),
                ("spent", Arg::of(&funds.spent)),
                ("balance", Arg::of(&funds.balance)),
                ("rate", funds.rate.as_str().into()),
            ]
        };
        let joined =
            |names: &[String], zh: &str, en: &str| Arg::Each(names.join(zh), names.join(en));
        match self {
            Paragraph::Budget { unit, title, funds } => {
                let mut args = amounts(funds);
                args.push((
                    "project",
                    if title.is_empty() {
                        Arg::Each("本项目".into(), "The project".into())
                    } else {
                        Arg::Each(format!("{unit}{title}"), format!("{title} ({unit})"))
                    },
                ));
                m.push(
                    Text(
                        "{project}预算批复经费{planned}，到位{received}，实际支出{spent}，结余{balance}，预算执行率为{rate}%。",
                        "{project}: budget {planned}, received {received}, spent {spent}, balance {balance}; execution rate {rate}%.",
                    ),
                    args,
                );
            }
            Paragraph::Line {
                n,
                name,
                funds,
                note,
            } => {
                let mut args = amounts(funds);
                args.extend([("n", n.to_string().into()), ("name", (*name).into())]);
                m.push(
                    Text(
                        "（{n}）{name}，预算金额{planned}，到位数{received}，使用经费{spent}，结余经费{balance}，执行率{rate}%。",
                        "({n}) {name}: budget {planned}, received {received}, spent {spent}, balance {balance}; execution rate {rate}%.",
                    ),
                    args,
                );
                if !note.is_empty() {
                    m.push(Text("{note}", " {note}"), vec![("note", (*note).into())]);
                }
            }
            Paragraph::Indicator { n, row } => {
                m.push(
                    Text("（{n}）{sentence}", "({n}) {sentence}"),
                    vec![
                        ("n", n.to_string().into()),
                        ("sentence", Arg::of(&sentence(row))),
                    ],
                );
            }
            Paragraph::Survey {
                name,
                issued,
                satisfaction,
                questions,
                weakest,
            } => {
                m.push(
                    Text(
                        "{name}共收回有效问卷{issued}份，满意度综合得分为{satisfaction}分。",
                        "{name}: {issued} valid answers, overall satisfaction {satisfaction}.",
                    ),
                    vec![
                        ("name", (*name).into()),
                        ("issued", issued.as_str().into()),
                        ("satisfaction", satisfaction.as_str().into()),
                    ],
                );
                if let Some((text, score)) = weakest {
                    m.push(
                        Text(
                            "问卷的{questions}个问题中，“{text}”得分最低（{score}分），应在今后工作中重点改进。",
                            " Of its {questions} questions, \"{text}\" scored lowest ({score}) and deserves attention.",
                        ),
                        vec![
                            ("questions", questions.to_string().into()),
                            ("text", (*text).into()),
                            ("score", score.as_str().into()),
                        ],
                    );
                }
            }
            Paragraph::NoSurvey => {
                m.push(
                    Text("本项目未开展满意度调查。", "No survey was carried out."),
                    vec![],
                );
            }
            Paragraph::ChangedSinceDeclared { changes, against } => {
                let (zh, en): (Vec<String>, Vec<String>) = changes
                    .iter()
                    .map(|(name, declared, now)| {
                        (
                            format!("“{name}”申报为{declared}，调整为{now}"),
                            format!("“{name}” declared as {declared}, now {now}"),
                        )
                    })
                    .unzip();
                m.push(
                    Text(
                        "申报后有{n}个指标的年度指标值作了调整：{changes}。按申报目标计分，总分{declared}分（{declared_grade}）；按调整后的目标{own}分（{own_grade}）。",
                        "{n} target(s) changed since the declaration: {changes}. Against the declared targets the total is {declared} ({declared_grade}); against the targets now {own} ({own_grade}).",
                    ),
                    vec![
                        ("n", changes.len().to_string().into()),
                        ("changes", Arg::Each(zh.join("；"), en.join("; "))),
                        ("declared", show2(against.total).into()),
                        ("declared_grade", against.grade.clone().unwrap_or_else(|| "—".into()).into()),
                        ("own", show2(against.own).into()),
                        ("own_grade", against.own_grade.clone().unwrap_or_else(|| "—".into()).into()),
                    ],
                );
            }
            Paragraph::Conclusion {
                title,
                total,
                max,
                percent,
                grade,
                parts,
            } => {
                m.push(
                    Text(
                        "通过对{title}的绩效指标进行评价、打分，最终自评得分{total}分（满分{max}分，得分率{percent}%），评定等级为{grade}。",
                        "The self-evaluation scores {total} of {max} points ({percent}%), grade {grade}.",
                    ),
                    vec![
                        ("title", if title.is_empty() { "本项目" } else { title }.into()),
                        ("total", total.as_str().into()),
                        ("max", max.as_str().into()),
                        ("percent", percent.as_str().into()),
                        ("grade", (*grade).into()),
                    ],
                );
                if !parts.is_empty() {
                    let (zh, en): (Vec<String>, Vec<String>) = parts
                        .iter()
                        .map(|(name, points, score)| {
                            (
                                format!("{name}（满分{points}分，得分{score}分）"),
                                format!("{name} ({score} of {points})"),
                            )
                        })
                        .unzip();
                    m.push(
                        Text("其中{parts}。", " By part: {parts}."),
                        vec![("parts", Arg::Each(zh.join("，"), en.join("; ")))],
                    );
                }
            }
            Paragraph::LowExecution {
                planned,
                spent,
                rate,
            } => {
                m.push(
                    Text(
                        "预算申报准确性不足。项目预算金额为{planned}，实际支出{spent}，为预算金额的{rate}%，预算执行率偏低。",
                        "Budgeting was not accurate: budget {planned}, spent {spent}, {rate}% of the budget.",
                    ),
                    vec![
                        ("planned", Arg::of(planned)),
                        ("spent", Arg::of(spent)),
                        ("rate", (*rate).into()),
                    ],
                );
            }
            Paragraph::Mismatch {
                performance,
                execution,
            } => {
                m.push(
                    Text(
                        "绩效与预算执行不匹配：除预算执行类指标外的得分率为{performance}%，而预算执行率仅为{execution}%，需说明资金未充分使用而目标仍已完成的原因。",
                        "Performance and budget execution do not match: {performance}% scored against a {execution}% execution rate.",
                    ),
                    vec![
                        ("performance", (*performance).into()),
                        ("execution", (*execution).into()),
                    ],
                );
            }
            Paragraph::SpentOverReceived { path } => {
                m.push(
                    Text(
                        "资金管理不够规范：部分明细的执行数超过到位数（{path}）。",
                        "Spending exceeds the funds received ({path}).",
                    ),
                    vec![("path", path.as_str().into())],
                );
            }
            Paragraph::OverTarget(names) => {
                m.push(
                    Text(
                        "绩效目标设定偏低：{names}的实际完成值远超年度指标值，目标设定的科学性有待提高。",
                        "Targets set too low: {names} far exceeded their targets.",
                    ),
                    vec![("names", joined(names, "、", ", "))],
                );
            }
            Paragraph::Unexplained(names) => {
                m.push(
                    Text(
                        "部分指标未完成年度目标且未说明偏差原因：{names}。",
                        "Targets not met and not explained: {names}.",
                    ),
                    vec![("names", joined(names, "、", ", "))],
                );
            }
            Paragraph::Errors(n) => {
                m.push(
                    Text(
                        "自评数据存在{n}处错误，相关指标暂按0分计算，应更正后重新计分。",
                        "The data has {n} error(s); the indicators concerned score 0 until corrected.",
                    ),
                    vec![("n", n.to_string().into())],
                );
            }
            Paragraph::NoProblem => {
                m.push(
                    Text("未发现明显问题。", "No significant problem was found."),
                    vec![],
                );
            }
        }
        m
    }
}

impl Message for Paragraph<'_> {
    fn zh(&self) -> String {
        self.markup().zh()
    }

    fn en(&self) -> String {
        self.markup().en()
    }
}

fn rate(rate: Option<Decimal>) -> String {
    rate.map_or("—".into(), show2)
}

fn funds<'a>(doc: &'a Document, eval: &'a Evaluation, w: &'a Words) -> Vec<Paragraph<'a>> {
    let b = &eval.budget;
    let mut paragraphs = vec![Paragraph::Budget {
        unit: &w.unit,
        title: &w.title,
        funds: Funds {
            planned: w.amount(b.planned),
            received: w.amount(b.received),
            spent: w.amount(b.spent),
            balance: w.amount(b.balance),
            rate: rate(b.execution_rate),
        },
    }];
    for (i, (line, r)) in doc.budget.iter().zip(&b.lines).enumerate() {
        paragraphs.push(Paragraph::Line {
            n: i.saturating_add(1),
            name: &line.name,
            funds: Funds {
                planned: w.amount(r.planned),
                received: w.amount(r.received),
                spent: w.amount(r.spent),
                balance: w.amount(r.balance),
                rate: rate(r.execution_rate),
            },
            note: line.note.trim(),
        });
    }
    paragraphs
}

/// The figures an indicator's sentence is made of.
struct Figures {
    completion: String,
    score: String,
    points: String,
    done: bool,
}

impl Figures {
    fn of(row: &IndicatorRow) -> Figures {
        Figures {
            completion: percent_text(row.completion),
            score: show2(row.score),
            points: show2(row.points),
            done: row.completion >= Decimal::ONE,
        }
    }
}

/// The reason written for a target not met, if any.
fn reason(row: &IndicatorRow) -> Option<&str> {
    let reason = row.reason.trim();
    (!reason.is_empty() && row.completion < Decimal::ONE).then_some(reason)
}

/// One sentence per indicator, written once: "…不少于3期，完成4期，完成率100%。" /
/// "…: at least 3 期, achieved 4 期, completion 100%."
fn sentence(row: &IndicatorRow) -> Markup {
    let Figures {
        completion,
        score,
        points,
        done,
    } = Figures::of(row);
    let spaced = |value: &Shown| {
        Arg::Each(
            with_unit(value, &row.unit, false),
            with_unit(value, &row.unit, true),
        )
    };
    let date = |value: &Shown| Arg::Each(date_text(value, true), date_text(value, false));
    let words = match row.kind {
        Some(RuleKind::AtLeast) => Text(
            "{name}不少于{target}，完成{actual}，完成率{c}%。",
            "{name}: at least {target}, achieved {actual}, completion {c}%.",
        ),
        Some(RuleKind::AtMost) => Text(
            "{name}不多于{target}，实际{actual}，完成率{c}%。",
            "{name}: at most {target}, actual {actual}, completion {c}%.",
        ),
        Some(RuleKind::Equal) => Text(
            "{name}目标值{target}，实际{actual}，完成率{c}%。",
            "{name}: target {target}, actual {actual}, completion {c}%.",
        ),
        Some(RuleKind::Deadline) if done => Text(
            "{name}：计划于{due}前完成，实际完成时间为{done}，按时完成，完成率100%。",
            "{name}: due {due}, completed {done}, on time.",
        ),
        Some(RuleKind::Deadline) => Text(
            "{name}：计划于{due}前完成，实际完成时间为{done}，未按时完成。",
            "{name}: due {due}, completed {done}, late.",
        ),
        Some(RuleKind::Qualitative) => Text(
            "{name}：评价为“{tier}”，得{score}分（满分{points}分）。",
            "{name}: {tier}, {score} of {points} points.",
        ),
        Some(RuleKind::Satisfaction) => Text(
            "{name}不低于{target}，实际满意度{actual}，完成率{c}%。",
            "{name}: at least {target}, measured {actual}, completion {c}%.",
        ),
        Some(RuleKind::BudgetExecution | RuleKind::FundArrival) => Text(
            "{name}为{actual}，得{score}分（满分{points}分）。",
            "{name}: {actual}, {score} of {points} points.",
        ),
        _ => Text(
            "{name}：得{score}分（满分{points}分）。",
            "{name}: {score} of {points} points.",
        ),
    };
    let mut m = Markup::default();
    m.push(
        words,
        vec![
            ("name", row.name.as_str().into()),
            ("target", spaced(&row.target_figure)),
            ("actual", spaced(&row.actual)),
            ("due", date(&row.target_figure)),
            ("done", date(&row.actual)),
            ("tier", row.actual.text().into()),
            ("c", completion.into()),
            ("score", score.into()),
            ("points", points.into()),
        ],
    );
    if let Some(reason) = reason(row) {
        m.push(
            Text("偏差原因：{reason}", " Reason: {reason}"),
            vec![("reason", reason.into())],
        );
    }
    m
}

fn targets(rows: &[IndicatorRow]) -> Vec<Paragraph<'_>> {
    rows.iter()
        .filter(|r| r.applicable && r.valid)
        .enumerate()
        .map(|(i, row)| Paragraph::Indicator {
            n: i.saturating_add(1),
            row,
        })
        .collect()
}

/// 申报后调整: the targets changed since the declaration, with the score against the declared
/// targets; nothing where nothing changed.
fn changed_since_declared<'a>(doc: &'a Document, eval: &'a Evaluation) -> Option<Paragraph<'a>> {
    let against = crate::review::AgainstDeclared::of(eval)?;
    let names = crate::path::Names::new(doc);
    let changes: Vec<(String, String, String)> = eval
        .findings
        .iter()
        .filter_map(|f| match &f.problem {
            Problem::Target(crate::findings::TargetProblem::Changed { declared, now, .. }) => {
                let id = f.path.indicator().unwrap_or_default();
                Some((
                    names.node_name(id).to_string(),
                    declared.clone(),
                    now.clone(),
                ))
            }
            _ => None,
        })
        .collect();
    (!changes.is_empty()).then_some(Paragraph::ChangedSinceDeclared { changes, against })
}

fn surveys<'a>(doc: &'a Document, eval: &'a Evaluation) -> Vec<Paragraph<'a>> {
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
            Some((q.text.as_str(), rate(qr.satisfaction)))
        });
        paragraphs.push(Paragraph::Survey {
            name: if survey.name.is_empty() {
                &survey.id
            } else {
                &survey.name
            },
            issued,
            satisfaction: show2(sat),
            questions: survey.questions.len(),
            weakest,
        });
    }
    if paragraphs.is_empty() {
        paragraphs.push(Paragraph::NoSurvey);
    }
    paragraphs
}

fn conclusion<'a>(doc: &'a Document, eval: &'a Evaluation, w: &'a Words) -> Paragraph<'a> {
    let parts = crate::whatif::Summary::of(doc, eval)
        .first_level
        .into_iter()
        .map(|(_, name, points, score)| (name, show2(points), show2(score)))
        .collect();
    Paragraph::Conclusion {
        title: &w.title,
        total: show2(eval.total),
        max: show2(eval.max_points),
        percent: show2(eval.percent),
        grade: eval.grade.as_deref().unwrap_or("—"),
        parts,
    }
}

/// 存在的问题, drawn from the findings.
fn problems<'a>(doc: &'a Document, eval: &'a Evaluation, w: &'a Words) -> Vec<Paragraph<'a>> {
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
            Problem::LowExecution { rate, .. } => paragraphs.push(Paragraph::LowExecution {
                planned: w.amount(b.planned),
                spent: w.amount(b.spent),
                rate,
            }),
            Problem::PerformanceAheadOfBudget {
                performance,
                execution,
                ..
            } => paragraphs.push(Paragraph::Mismatch {
                performance,
                execution,
            }),
            Problem::OverTarget { .. } => over.push(name_of(&f.path)),
            Problem::MissingReason { .. } => unexplained.push(name_of(&f.path)),
            Problem::SpentOverReceived { .. } => paragraphs.push(Paragraph::SpentOverReceived {
                path: f.path.to_string(),
            }),
            _ => {}
        }
    }
    if !over.is_empty() {
        paragraphs.push(Paragraph::OverTarget(over));
    }
    if !unexplained.is_empty() {
        paragraphs.push(Paragraph::Unexplained(unexplained));
    }
    let errors = eval
        .findings
        .iter()
        .filter(|f| f.level() == Level::Error)
        .count();
    if errors > 0 {
        paragraphs.push(Paragraph::Errors(errors));
    }
    if paragraphs.is_empty() {
        paragraphs.push(Paragraph::NoProblem);
    }
    paragraphs
}
