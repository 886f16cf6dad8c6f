//! A field named the way people name it: `预算明细第3行“残疾人职业技能培训”的执行数`,
//! `指标 C112“参加培训人数”的实际完成值`. Built once per document, so naming every finding
//! costs one lookup each.

use super::{
    ClaimField, FieldPath, LineField, NodeField, QuestionField, RuleField, Section, SettingField,
    StepField, SurveyField,
};
use crate::message::{t, Lang};
use crate::model::{Document, Visit};
use std::collections::HashMap;

/// The names of a document's items, to describe paths in people's words.
pub struct Names<'a> {
    lines: HashMap<&'a str, (usize, &'a str)>,
    nodes: HashMap<&'a str, &'a str>,
    surveys: HashMap<&'a str, (&'a str, HashMap<&'a str, (usize, &'a str)>, Vec<&'a str>)>,
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
            let options = s.options.iter().map(|o| o.label.as_str()).collect();
            surveys
                .entry(s.id.as_str())
                .or_insert((s.name.as_str(), questions, options));
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

    /// The field at `path`, as people name it.
    pub fn describe(&self, path: &FieldPath, lang: Lang) -> String {
        let zh = lang == Lang::Zh;
        let of = |item: String, field: &str| {
            if field.is_empty() {
                item
            } else if zh {
                format!("{item}的{field}")
            } else {
                format!("{item}: {field}")
            }
        };
        match path {
            FieldPath::Section(s) => section(*s, lang).to_string(),
            FieldPath::Line(id, field) => {
                let item = match self.lines.get(id.as_str()) {
                    Some((i, name)) => {
                        let row = i.saturating_add(1);
                        if zh {
                            format!("预算明细第{row}行{}", quoted(name, lang))
                        } else {
                            format!("budget line {row}{}", quoted(name, lang))
                        }
                    }
                    None => format!("{} {id}", t(lang, "预算明细", "budget line")),
                };
                of(item, field.map_or("", |f| line_field(f, lang)))
            }
            FieldPath::Node(id, field) => {
                let name = self.nodes.get(id.as_str()).copied().unwrap_or_default();
                let item = format!(
                    "{} {id}{}",
                    t(lang, "指标", "indicator"),
                    quoted(name, lang)
                );
                let field = match field {
                    None => String::new(),
                    Some(f) => node_field(f, lang),
                };
                of(item, &field)
            }
            FieldPath::Survey(id, field) => {
                let (name, questions, options) = match self.surveys.get(id.as_str()) {
                    Some((name, q, o)) => (*name, Some(q), o.as_slice()),
                    None => ("", None, &[][..]),
                };
                let survey = format!(
                    "{}{}",
                    t(lang, "满意度调查", "survey "),
                    if name.is_empty() {
                        quoted(id, lang)
                    } else {
                        quoted(name, lang)
                    }
                );
                let field = match field {
                    None => String::new(),
                    Some(SurveyField::Question(q, qf)) => {
                        let (number, text) = questions
                            .and_then(|qs| qs.get(q.as_str()))
                            .map_or((q.clone(), ""), |(i, text)| {
                                (i.saturating_add(1).to_string(), *text)
                            });
                        let question = if zh {
                            format!("第{number}题{}", quoted(text, lang))
                        } else {
                            format!("question {number}{}", quoted(text, lang))
                        };
                        match qf {
                            None => question,
                            Some(QuestionField::Text) => of(question, t(lang, "题目", "text")),
                            Some(QuestionField::Counts) => {
                                of(question, t(lang, "各选项人数", "answer counts"))
                            }
                            Some(QuestionField::Count(i)) => {
                                let option = options.get(*i).copied().unwrap_or_default();
                                let option = if option.is_empty() {
                                    format!("{}{}", t(lang, "选项", "option "), i.saturating_add(1))
                                } else {
                                    quoted(option, lang).trim().to_string()
                                };
                                if zh {
                                    format!("{question}{option}的人数")
                                } else {
                                    format!("{question}: answers {option}")
                                }
                            }
                        }
                    }
                    Some(f) => survey_field(f, options, lang),
                };
                of(survey, &field)
            }
            FieldPath::Setting(f) => {
                format!("{}{}", t(lang, "设置：", "setting: "), setting(*f, lang))
            }
            FieldPath::Claim(c) => {
                let figure = match c {
                    ClaimField::Total => t(lang, "总分", "total").to_string(),
                    ClaimField::Grade => t(lang, "等级", "grade").to_string(),
                    ClaimField::ExecutionRate => {
                        t(lang, "预算执行率", "execution rate").to_string()
                    }
                    ClaimField::Satisfaction => t(lang, "满意度", "satisfaction").to_string(),
                    ClaimField::Score(id) => {
                        let name = self.nodes.get(id.as_str()).copied().unwrap_or_default();
                        if zh {
                            format!("指标 {id}{}的得分", quoted(name, lang))
                        } else {
                            format!("score of indicator {id}{}", quoted(name, lang))
                        }
                    }
                };
                if zh {
                    format!("报告所写的{figure}")
                } else {
                    format!("the report's {figure}")
                }
            }
            FieldPath::Meta(key) => format!("{}{key}", t(lang, "项目信息：", "project: ")),
        }
    }
}

/// “name” after an item, or nothing for an empty name.
fn quoted(name: &str, lang: Lang) -> String {
    match (name.trim().is_empty(), lang) {
        (true, _) => String::new(),
        (false, Lang::Zh) => format!("“{}”", name.trim()),
        (false, Lang::En) => format!(" \"{}\"", name.trim()),
    }
}

fn section(s: Section, lang: Lang) -> &'static str {
    match s {
        Section::Budget => t(lang, "预算明细", "the budget"),
        Section::Indicators => t(lang, "绩效指标", "the indicators"),
        Section::Surveys => t(lang, "满意度调查", "the surveys"),
        Section::Settings => t(lang, "设置", "the settings"),
        Section::Claimed => t(lang, "报告所写的数字", "the report's figures"),
    }
}

fn line_field(f: LineField, lang: Lang) -> &'static str {
    match f {
        LineField::Name => t(lang, "名称", "name"),
        LineField::Initial => t(lang, "年初预算数", "initial budget"),
        LineField::Planned => t(lang, "全年预算数", "budget"),
        LineField::Received => t(lang, "到位数", "received"),
        LineField::Spent => t(lang, "执行数", "spent"),
        LineField::Note => t(lang, "备注", "note"),
    }
}

fn node_field(f: &NodeField, lang: Lang) -> String {
    let text = match f {
        NodeField::Name => t(lang, "名称", "name"),
        NodeField::Points => t(lang, "分值", "points"),
        NodeField::Reason => t(lang, "偏差原因", "reason for the deviation"),
        NodeField::Unit => t(lang, "计量单位", "unit"),
        NodeField::Applicable => t(lang, "是否适用", "applicable"),
        NodeField::Rule(None) => t(lang, "计分方式", "scoring rule"),
        NodeField::Rule(Some(RuleField::Step(i, field))) => {
            let which = match field {
                StepField::Min => t(lang, "起点", "from"),
                StepField::Fraction => t(lang, "得分比例", "fraction"),
            };
            let n = i.saturating_add(1);
            return match lang {
                Lang::Zh => format!("区间计分第{n}档的{which}"),
                Lang::En => format!("step {n} {which}"),
            };
        }
        NodeField::Rule(Some(r)) => rule_field(*r, lang),
    };
    text.to_string()
}

fn rule_field(f: RuleField, lang: Lang) -> &'static str {
    match f {
        RuleField::Kind => t(lang, "计分方式", "scoring rule"),
        RuleField::Target => t(lang, "年度指标值", "target"),
        RuleField::Actual => t(lang, "实际完成值", "actual value"),
        RuleField::Tolerance => t(lang, "允许偏差", "tolerance"),
        RuleField::Formula => t(lang, "反向计分公式", "formula"),
        RuleField::Tier => t(lang, "定性档次", "tier"),
        RuleField::Fraction => t(lang, "得分比例", "fraction"),
        RuleField::Score => t(lang, "专家打分", "expert score"),
        RuleField::Survey => t(lang, "满意度调查", "survey"),
        RuleField::Step(..) => t(lang, "区间计分", "steps"),
    }
}

fn survey_field(f: &SurveyField, options: &[&str], lang: Lang) -> String {
    let option = |i: usize| {
        let label = options.get(i).copied().unwrap_or_default();
        if label.is_empty() {
            format!("{}{}", t(lang, "选项", "option "), i.saturating_add(1))
        } else {
            quoted(label, lang).trim().to_string()
        }
    };
    match f {
        SurveyField::Name => t(lang, "名称", "name").into(),
        SurveyField::Respondents => t(lang, "有效调查人数", "respondents").into(),
        SurveyField::Method => t(lang, "计算方法", "method").into(),
        SurveyField::SatisfiedOptions => t(lang, "计为满意的选项数", "satisfied options").into(),
        SurveyField::OptionLabel(i) => match lang {
            Lang::Zh => format!("{}的名称", option(*i)),
            Lang::En => format!("label of {}", option(*i)),
        },
        SurveyField::OptionWeight(i) => match lang {
            Lang::Zh => format!("{}的权重", option(*i)),
            Lang::En => format!("weight of {}", option(*i)),
        },
        SurveyField::Questions => t(lang, "题目", "questions").into(),
        SurveyField::Question(..) => String::new(),
    }
}

fn setting(f: SettingField, lang: Lang) -> String {
    match f {
        SettingField::DeviationThreshold => {
            t(lang, "超额完成警告阈值", "over-target threshold").into()
        }
        SettingField::MinExecutionRate => {
            t(lang, "预算执行率下限", "minimum execution rate").into()
        }
        SettingField::MismatchMargin => t(lang, "绩效与预算执行差距上限", "mismatch margin").into(),
        SettingField::Grades => t(lang, "等级", "grades").into(),
        SettingField::GradeLabel(i) => match lang {
            Lang::Zh => format!("第{}个等级的名称", i.saturating_add(1)),
            Lang::En => format!("grade {} label", i.saturating_add(1)),
        },
        SettingField::GradeMin(i) => match lang {
            Lang::Zh => format!("第{}个等级的最低得分率", i.saturating_add(1)),
            Lang::En => format!("grade {} minimum", i.saturating_add(1)),
        },
    }
}
