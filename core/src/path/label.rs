//! A field named the way people name it: `预算明细第3行“残疾人职业技能培训”的执行数`,
//! `指标 C112“参加培训人数”的实际完成值`. Built once per document, so naming every finding
//! costs one lookup each. Every name is made in both languages at once ([`Both`]).

use super::{
    ClaimField, FieldPath, LineField, NodeField, QuestionField, RuleField, Section, SettingField,
    StepField, SurveyField,
};
use crate::message::{Lang, Message, Text};
use crate::model::{Document, Visit, What};
use std::collections::HashMap;

/// A text in both languages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Both {
    /// 中文.
    pub zh: String,
    /// English.
    pub en: String,
}

impl Message for Both {
    fn zh(&self) -> String {
        self.zh.clone()
    }

    fn en(&self) -> String {
        self.en.clone()
    }
}

impl From<Text> for Both {
    fn from(t: Text) -> Both {
        Both {
            zh: t.0.to_string(),
            en: t.1.to_string(),
        }
    }
}

impl Both {
    /// `item` + its `field`: `…的执行数` / `…: spent`.
    fn of(self, field: Option<Both>) -> Both {
        match field {
            None => self,
            Some(f) => Both {
                zh: format!("{}的{}", self.zh, f.zh),
                en: format!("{}: {}", self.en, f.en),
            },
        }
    }
}

/// “name” / "name" after an item, or nothing for an empty name.
fn quoted(name: &str) -> Both {
    let name = name.trim();
    if name.is_empty() {
        return Both {
            zh: String::new(),
            en: String::new(),
        };
    }
    Both {
        zh: format!("“{name}”"),
        en: format!(" \"{name}\""),
    }
}

/// The names and positions of one survey's questions and options.
struct SurveyNames<'a> {
    name: &'a str,
    questions: HashMap<&'a str, (usize, &'a str)>,
    options: Vec<&'a str>,
}

/// The names of a document's items, to describe paths in people's words.
pub struct Names<'a> {
    lines: HashMap<&'a str, (usize, &'a str)>,
    nodes: HashMap<&'a str, &'a str>,
    surveys: HashMap<&'a str, SurveyNames<'a>>,
}

impl<'a> Names<'a> {
    /// Reads the names of `doc` once (the first item wins where ids repeat).
    pub fn new(doc: &'a Document) -> Names<'a> {
        let mut lines = HashMap::with_capacity(doc.budget.len());
        for (i, b) in doc.budget.iter().enumerate() {
            lines.entry(b.id.as_str()).or_insert((i, b.name.as_str()));
        }
        let mut nodes = HashMap::new();
        doc.walk(&mut |visit| match visit {
            Visit::Enter(g, _) => {
                nodes.entry(g.id.as_str()).or_insert(g.name.as_str());
            }
            Visit::Leaf(l, _) => {
                nodes.entry(l.id.as_str()).or_insert(l.name.as_str());
            }
            Visit::Leave(..) => {}
        });
        let mut surveys = HashMap::with_capacity(doc.surveys.len());
        for s in &doc.surveys {
            let mut questions = HashMap::with_capacity(s.questions.len());
            for (i, q) in s.questions.iter().enumerate() {
                questions
                    .entry(q.id.as_str())
                    .or_insert((i, q.text.as_str()));
            }
            surveys.entry(s.id.as_str()).or_insert(SurveyNames {
                name: s.name.as_str(),
                questions,
                options: s.options.iter().map(|o| o.label.as_str()).collect(),
            });
        }
        Names {
            lines,
            nodes,
            surveys,
        }
    }

    /// The name of the indicator `id` (empty when there is none).
    pub fn node_name(&self, id: &str) -> &'a str {
        self.nodes.get(id).copied().unwrap_or_default()
    }

    /// The field at `path`, as people name it, in `lang`.
    pub fn describe(&self, path: &FieldPath, lang: Lang) -> String {
        self.label(path).text(lang)
    }

    /// The field at `path`, as people name it, in both languages.
    pub fn label(&self, path: &FieldPath) -> Both {
        match path {
            FieldPath::Section(s) => section(*s).into(),
            FieldPath::Line(id, field) => {
                let item = match self.lines.get(id.as_str()) {
                    Some((i, name)) => {
                        let (row, name) = (i.saturating_add(1), quoted(name));
                        Both {
                            zh: format!("预算明细第{row}行{}", name.zh),
                            en: format!("budget line {row}{}", name.en),
                        }
                    }
                    None => Both {
                        zh: format!("预算明细 {id}"),
                        en: format!("budget line {id}"),
                    },
                };
                item.of(field.map(|f| line_field(f).into()))
            }
            FieldPath::Node(id, field) => self.indicator(id).of(field.as_ref().map(node_field)),
            FieldPath::Survey(id, field) => self.survey(id, field.as_ref()),
            FieldPath::Setting(f) => {
                let f = setting(*f);
                Both {
                    zh: format!("设置：{}", f.zh),
                    en: format!("setting: {}", f.en),
                }
            }
            FieldPath::Claim(c) => {
                let figure = match c {
                    ClaimField::Figure(What::Total) => Text("总分", "total").into(),
                    ClaimField::Figure(What::Grade) => Text("等级", "grade").into(),
                    ClaimField::Figure(What::ExecutionRate) => {
                        Text("预算执行率", "execution rate").into()
                    }
                    ClaimField::Figure(What::Satisfaction) => Text("满意度", "satisfaction").into(),
                    ClaimField::Figure(What::LeafScore(id)) => {
                        self.indicator(id).of(Some(Text("得分", "score").into()))
                    }
                    ClaimField::Figure(what) => Both {
                        zh: what.zh(),
                        en: what.en(),
                    },
                    ClaimField::Printed(n) => {
                        return Both {
                            zh: format!("印出的第{}个数字", n.saturating_add(1)),
                            en: format!("printed figure {}", n.saturating_add(1)),
                        }
                    }
                };
                Both {
                    zh: format!("报告所写的{}", figure.zh),
                    en: format!("the report's {}", figure.en),
                }
            }
            FieldPath::Meta(key) => {
                let title = crate::model::TARGET_META
                    .iter()
                    .find(|(k, _)| k == key)
                    .map_or(key.as_str(), |(_, title)| title);
                Both {
                    zh: format!("项目信息：{title}"),
                    en: format!("project: {key}"),
                }
            }
            FieldPath::Funds(f) => {
                let (zh, en) = match f {
                    super::FundsField::Total => ("项目资金总额", "total funds"),
                    super::FundsField::Fiscal => ("财政资金", "fiscal funds"),
                    super::FundsField::Other => ("其他资金", "other funds"),
                    super::FundsField::AnnualTotal => ("年度资金申请总额", "the year's request"),
                    super::FundsField::AnnualFiscal => ("当年财政拨款", "the year's appropriation"),
                    super::FundsField::AnnualCarried => ("上年结转资金", "carried over"),
                    super::FundsField::AnnualOther => ("年度其他资金", "the year's other funds"),
                };
                Both {
                    zh: format!("项目资金：{zh}"),
                    en: format!("funds: {en}"),
                }
            }
            FieldPath::Declared(super::DeclaredField::Date) => {
                Text("申报日期", "the date of declaration").into()
            }
            FieldPath::Declared(super::DeclaredField::Target(id, field)) => {
                let what = match field {
                    None => Text("申报目标", "declared target"),
                    Some(super::DeclaredTargetField::Written) => {
                        Text("申报的年度指标值", "declared target")
                    }
                    Some(super::DeclaredTargetField::Target) => {
                        Text("申报的指标值", "declared value")
                    }
                    Some(super::DeclaredTargetField::Unit) => {
                        Text("申报的计量单位", "declared unit")
                    }
                    Some(super::DeclaredTargetField::Points) => {
                        Text("申报的分值", "declared points")
                    }
                    Some(super::DeclaredTargetField::Kind) => {
                        Text("申报的指标性质", "declared kind")
                    }
                    Some(super::DeclaredTargetField::Name) => {
                        Text("申报的指标名称", "declared name")
                    }
                };
                self.indicator(id).of(Some(what.into()))
            }
            FieldPath::Round(as_of, field) => {
                let round = Both {
                    zh: format!("{as_of} 监控"),
                    en: format!("monitoring at {as_of}"),
                };
                let (zh, en) = match field {
                    None => (String::new(), String::new()),
                    Some(super::RoundField::AsOf) => ("的截至日期".into(), ": date".into()),
                    Some(super::RoundField::GoalProgress) => {
                        ("的年度总体目标完成情况".into(), ": goal progress".into())
                    }
                    Some(super::RoundField::Line(id, field)) => {
                        let line = self.label(&FieldPath::Line(id.clone(), None));
                        let (fz, fe) = match field {
                            None => ("", ""),
                            Some(super::RoundLineField::Spent) => ("的执行数", " spent"),
                            Some(super::RoundLineField::Forecast) => {
                                ("的全年预计执行数", " forecast")
                            }
                            Some(super::RoundLineField::Reason) => ("的偏差原因", " reason"),
                        };
                        (format!("：{}{fz}", line.zh), format!(": {}{fe}", line.en))
                    }
                    Some(super::RoundField::Leaf(id, field)) => {
                        let leaf = self.label(&FieldPath::Node(id.clone(), None));
                        let (fz, fe) = match field {
                            None => ("", ""),
                            Some(super::RoundLeafField::Value) => ("的完成值", " value to date"),
                            Some(super::RoundLeafField::Tier) => ("的达成情况", " tier"),
                            Some(super::RoundLeafField::Forecast) => {
                                ("的全年预计完成值", " forecast")
                            }
                            Some(super::RoundLeafField::Likelihood) => {
                                ("的完成目标可能性", " likelihood")
                            }
                            Some(super::RoundLeafField::Causes) => ("的偏差原因类别", " causes"),
                            Some(super::RoundLeafField::Reason) => ("的偏差原因", " reason"),
                        };
                        (format!("：{}{fz}", leaf.zh), format!(": {}{fe}", leaf.en))
                    }
                };
                Both {
                    zh: format!("{}{zh}", round.zh),
                    en: format!("{}{en}", round.en),
                }
            }
        }
    }

    fn indicator(&self, id: &str) -> Both {
        let name = quoted(self.node_name(id));
        Both {
            zh: format!("指标 {id}{}", name.zh),
            en: format!("indicator {id}{}", name.en),
        }
    }

    fn survey(&self, id: &str, field: Option<&SurveyField>) -> Both {
        let names = self.surveys.get(id);
        let name = quoted(names.map_or(id, |s| if s.name.is_empty() { id } else { s.name }));
        let item = Both {
            zh: format!("满意度调查{}", name.zh),
            en: format!("survey{}", name.en),
        };
        let option = |i: usize| -> Both {
            match names
                .and_then(|s| s.options.get(i))
                .filter(|o| !o.is_empty())
            {
                Some(label) => Both {
                    zh: format!("“{label}”"),
                    en: format!("\"{label}\""),
                },
                None => {
                    let n = i.saturating_add(1);
                    Both {
                        zh: format!("选项{n}"),
                        en: format!("option {n}"),
                    }
                }
            }
        };
        let field = match field {
            None => None,
            Some(SurveyField::Question(q, qf)) => {
                let (number, text) = names
                    .and_then(|s| s.questions.get(q.as_str()))
                    .map_or((q.clone(), ""), |(i, text)| {
                        (i.saturating_add(1).to_string(), *text)
                    });
                let text = quoted(text);
                let question = Both {
                    zh: format!("第{number}题{}", text.zh),
                    en: format!("question {number}{}", text.en),
                };
                Some(match qf {
                    None => question,
                    Some(QuestionField::Text) => question.of(Some(Text("题目", "text").into())),
                    Some(QuestionField::Counts) => {
                        question.of(Some(Text("各选项人数", "answer counts").into()))
                    }
                    Some(QuestionField::Count(i)) => {
                        let option = option(*i);
                        Both {
                            zh: format!("{}{}的人数", question.zh, option.zh),
                            en: format!("{}: answers {}", question.en, option.en),
                        }
                    }
                })
            }
            Some(SurveyField::OptionLabel(i)) => {
                let option = option(*i);
                Some(Both {
                    zh: format!("{}的名称", option.zh),
                    en: format!("label of {}", option.en),
                })
            }
            Some(SurveyField::OptionWeight(i)) => {
                let option = option(*i);
                Some(Both {
                    zh: format!("{}的权重", option.zh),
                    en: format!("weight of {}", option.en),
                })
            }
            Some(SurveyField::Name) => Some(Text("名称", "name").into()),
            Some(SurveyField::Respondents) => Some(Text("有效调查人数", "respondents").into()),
            Some(SurveyField::Method) => Some(Text("计算方法", "method").into()),
            Some(SurveyField::SatisfiedOptions) => {
                Some(Text("计为满意的选项数", "satisfied options").into())
            }
            Some(SurveyField::Questions) => Some(Text("题目", "questions").into()),
        };
        item.of(field)
    }
}

fn section(s: Section) -> Text {
    match s {
        Section::Budget => Text("预算明细", "the budget"),
        Section::Indicators => Text("绩效指标", "the indicators"),
        Section::Surveys => Text("满意度调查", "the surveys"),
        Section::Settings => Text("设置", "the settings"),
        Section::Claimed => Text("报告所写的数字", "the report's figures"),
        Section::Monitoring => Text("绩效运行监控", "monitoring"),
        Section::Funds => Text("项目资金", "the funds"),
        Section::Declared => Text("申报目标", "the declared targets"),
    }
}

fn line_field(f: LineField) -> Text {
    match f {
        LineField::Name => Text("名称", "name"),
        LineField::Initial => Text("年初预算数", "initial budget"),
        LineField::Planned => Text("全年预算数", "budget"),
        LineField::Received => Text("到位数", "received"),
        LineField::Spent => Text("执行数", "spent"),
        LineField::Note => Text("备注", "note"),
    }
}

fn node_field(f: &NodeField) -> Both {
    match f {
        NodeField::Name => Text("名称", "name").into(),
        NodeField::Points => Text("分值", "points").into(),
        NodeField::Reason => Text("偏差原因", "reason for the deviation").into(),
        NodeField::Unit => Text("计量单位", "unit").into(),
        NodeField::Applicable => Text("是否适用", "applicable").into(),
        NodeField::TargetText => Text("年度指标值（原文）", "target as written").into(),
        NodeField::ActualText => Text("实际完成值（原文）", "actual as written").into(),
        NodeField::Written => {
            Text("年度指标值（申报表原文）", "target as declared on the form").into()
        }
        NodeField::Rule(None) => Text("计分方式", "scoring rule").into(),
        NodeField::Rule(Some(RuleField::Step(i, field))) => {
            let which = match field {
                StepField::Min => Text("起点", "from"),
                StepField::Fraction => Text("得分比例", "fraction"),
            };
            let n = i.saturating_add(1);
            Both {
                zh: format!("区间计分第{n}档的{}", which.0),
                en: format!("step {n} {}", which.1),
            }
        }
        NodeField::Rule(Some(r)) => rule_field(*r).into(),
    }
}

fn rule_field(f: RuleField) -> Text {
    match f {
        RuleField::Kind => Text("计分方式", "scoring rule"),
        RuleField::Target => Text("年度指标值", "target"),
        RuleField::Actual => Text("实际完成值", "actual value"),
        RuleField::Tolerance => Text("允许偏差", "tolerance"),
        RuleField::Formula => Text("反向计分公式", "formula"),
        RuleField::Tier => Text("定性档次", "tier"),
        RuleField::Fraction => Text("得分比例", "fraction"),
        RuleField::Score => Text("专家打分", "expert score"),
        RuleField::Survey => Text("满意度调查", "survey"),
        RuleField::Inferred => Text("推断计分方式的原文", "text the rule was read from"),
        RuleField::Step(..) => Text("区间计分", "steps"),
    }
}

fn setting(f: SettingField) -> Both {
    match f {
        SettingField::DeviationThreshold => {
            Text("超额完成警告阈值", "over-target threshold").into()
        }
        SettingField::MinExecutionRate => Text("预算执行率下限", "minimum execution rate").into(),
        SettingField::MismatchMargin => Text("绩效与预算执行差距上限", "mismatch margin").into(),
        SettingField::ScoreDecimals => Text("得分保留小数位数", "score decimals").into(),
        SettingField::Grades => Text("等级", "grades").into(),
        SettingField::GradeLabel(i) => {
            let n = i.saturating_add(1);
            Both {
                zh: format!("第{n}个等级的名称"),
                en: format!("grade {n} label"),
            }
        }
        SettingField::GradeMin(i) => {
            let n = i.saturating_add(1);
            Both {
                zh: format!("第{n}个等级的最低得分率"),
                en: format!("grade {n} minimum"),
            }
        }
    }
}
