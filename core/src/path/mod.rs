//! [`FieldPath`]: the one typed name of a field of a document, as findings, scenarios, goal
//! seeking and the page use it. The wire form is the slash path of `docs/REFERENCE.md`'s findings
//! (`budget/b3/spent`, `indicators/C112/rule/actual`, `surveys/s1/questions/q2/counts/2`,
//! `settings/min_execution_rate`, `claimed/total`); [`wire`] parses and prints it, [`access`]
//! reads and writes the field it names, [`label`] names it the way people do.

mod access;
mod label;
mod saved;
mod wire;

pub use access::{get, set, Field};
pub use label::{Both, Names};
pub(crate) use saved::{restore, save, Saved};

use crate::model::What;
use std::fmt;

/// The parts of a document that findings can be about as a whole.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Section {
    /// `budget`: the 预算明细 table.
    Budget,
    /// `indicators`: the indicator tree.
    Indicators,
    /// `surveys`: the satisfaction surveys.
    Surveys,
    /// `settings`: local practice.
    Settings,
    /// `claimed`: the figures a printed report claims.
    Claimed,
    /// `monitoring`: the rounds of 绩效运行监控.
    Monitoring,
    /// `funds`: 项目资金 as requested on the 申报表.
    Funds,
    /// `declared`: the targets as declared.
    Declared,
}

/// A field of a budget line (`budget/<id>/<field>`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LineField {
    /// 名称.
    Name,
    /// 年初预算数.
    Initial,
    /// 全年预算数.
    Planned,
    /// 到位数.
    Received,
    /// 执行数.
    Spent,
    /// 备注.
    Note,
}

/// A field of an indicator (`indicators/<id>/<field>`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum NodeField {
    /// 指标名称 (groups and leaves).
    Name,
    /// 分值.
    Points,
    /// 偏差原因.
    Reason,
    /// 计量单位.
    Unit,
    /// 适用 (`false` for 不适用).
    Applicable,
    /// 年度指标值 as printed (`≥95%`, `有效提升`).
    TargetText,
    /// 实际完成值 as printed.
    ActualText,
    /// 年度指标值 as the 申报表 printed it.
    Written,
    /// The rule as a whole (`rule`) or one of its fields (`rule/<field>`).
    Rule(Option<RuleField>),
}

/// A field of a leaf's rule (`indicators/<id>/rule/<field>`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RuleField {
    /// 计分方式.
    Kind,
    /// 年度指标值.
    Target,
    /// 实际完成值.
    Actual,
    /// 允许偏差 of `equal`.
    Tolerance,
    /// 反向计分公式 of `at_most`.
    Formula,
    /// 定性档次.
    Tier,
    /// 得分比例 of a qualitative rule.
    Fraction,
    /// 专家打分.
    Score,
    /// The survey a satisfaction rule reads.
    Survey,
    /// The text the rule was inferred from (a form's `≥95%`).
    Inferred,
    /// A step of 区间计分 (`rule/steps/<index>/<field>`).
    Step(usize, StepField),
}

/// A field of one step of 区间计分.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StepField {
    /// The rate (percent) from which the step applies.
    Min,
    /// The completion it gives.
    Fraction,
}

/// A field of a survey (`surveys/<id>/<field>`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum SurveyField {
    /// 调查名称.
    Name,
    /// 有效调查人数.
    Respondents,
    /// `weighted` or `share`.
    Method,
    /// How many leading options count as satisfied.
    SatisfiedOptions,
    /// An option's label (`options/<index>/label`).
    OptionLabel(usize),
    /// An option's weight (`options/<index>/weight`).
    OptionWeight(usize),
    /// The questions as a whole (`questions`, the scope of their ids).
    Questions,
    /// A question (`questions/<id>`) or one of its fields.
    Question(String, Option<QuestionField>),
}

/// A field of a survey question.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum QuestionField {
    /// 题目.
    Text,
    /// All its answer counts (`counts`).
    Counts,
    /// The answer count of one option (`counts/<index>`).
    Count(usize),
}

/// A setting (`settings/<field>`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SettingField {
    /// 超额完成警告的阈值 (percent).
    DeviationThreshold,
    /// 预算执行率 below which an explanation is expected.
    MinExecutionRate,
    /// How far performance may run ahead of execution.
    MismatchMargin,
    /// Decimals of each leaf's score (0, 1 or 2).
    ScoreDecimals,
    /// The grade bands as a whole (`grades`).
    Grades,
    /// A grade band's label (`grades/<index>/label`).
    GradeLabel(usize),
    /// A grade band's minimum percent (`grades/<index>/min`).
    GradeMin(usize),
}

/// A figure a printed report claims (`claimed/<field>`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum ClaimField {
    /// A figure the file claims by name: `claimed/total`, `grade`, `execution_rate`,
    /// `satisfaction`, or a leaf's printed 得分 (`claimed/scores/<leaf id>`).
    Figure(What),
    /// A figure read from a Word report, by its position in `claimed/printed`.
    Printed(usize),
}
/// The one typed name of a field (or of an item or section) of a document.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum FieldPath {
    /// A whole section.
    Section(Section),
    /// A budget line (`budget/<id>`) or one of its fields.
    Line(String, Option<LineField>),
    /// An indicator, group or leaf (`indicators/<id>`), or one of its fields.
    Node(String, Option<NodeField>),
    /// A survey (`surveys/<id>`) or one of its fields.
    Survey(String, Option<SurveyField>),
    /// A setting.
    Setting(SettingField),
    /// A claimed figure.
    Claim(ClaimField),
    /// A free-text field of `meta` (`meta/<key>`).
    Meta(String),
    /// A monitoring round (`monitoring/<as_of>`) or one of its fields.
    Round(String, Option<RoundField>),
    /// A figure of 项目资金 (`funds/total`, `funds/annual/fiscal`).
    Funds(FundsField),
    /// The declaration (`declared/date`) or a declared target's field
    /// (`declared/targets/<leaf id>/<field>`).
    Declared(DeclaredField),
}

/// A figure of 项目资金 (`funds/…`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FundsField {
    /// `total`: 项目资金总额.
    Total,
    /// `fiscal`: 财政资金.
    Fiscal,
    /// `other`: 其他资金.
    Other,
    /// `annual/total`: 年度资金申请总额.
    AnnualTotal,
    /// `annual/fiscal`: 当年财政拨款.
    AnnualFiscal,
    /// `annual/carried`: 上年结转资金.
    AnnualCarried,
    /// `annual/other`: 年度的其他资金.
    AnnualOther,
}

/// A field of the declaration (`declared/…`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum DeclaredField {
    /// `date`.
    Date,
    /// `targets/<leaf id>` or one of its fields.
    Target(String, Option<DeclaredTargetField>),
}

/// A field of a declared target (`declared/targets/<leaf id>/<field>`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DeclaredTargetField {
    /// `written`: 年度指标值 as declared.
    Written,
    /// `target`.
    Target,
    /// `unit`.
    Unit,
    /// `points`.
    Points,
    /// `kind`.
    Kind,
    /// `name`.
    Name,
}

/// A field of a monitoring round (`monitoring/<as_of>/…`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum RoundField {
    /// `as_of`: the date of the round.
    AsOf,
    /// `goal_progress`.
    GoalProgress,
    /// `budget/<line id>` or one of its fields.
    Line(String, Option<RoundLineField>),
    /// `indicators/<leaf id>` or one of its fields.
    Leaf(String, Option<RoundLeafField>),
}

/// A field of a budget line in a round.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RoundLineField {
    /// 1-N月执行数.
    Spent,
    /// 全年预计执行数.
    Forecast,
    /// 偏差原因.
    Reason,
}

/// A field of an indicator in a round.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RoundLeafField {
    /// 1-N月完成值.
    Value,
    /// The tier reached so far (定性).
    Tier,
    /// 全年预计完成值.
    Forecast,
    /// 完成目标可能性.
    Likelihood,
    /// 偏差原因 categories.
    Causes,
    /// 偏差原因 note.
    Reason,
}

impl RoundLineField {
    /// Every field, in the form's order.
    pub const ALL: [RoundLineField; 3] = [
        RoundLineField::Spent,
        RoundLineField::Forecast,
        RoundLineField::Reason,
    ];

    /// The name in the file.
    pub fn key(self) -> &'static str {
        match self {
            RoundLineField::Spent => "spent",
            RoundLineField::Forecast => "forecast",
            RoundLineField::Reason => "reason",
        }
    }
}

impl RoundLeafField {
    /// Every field, in the form's order.
    pub const ALL: [RoundLeafField; 6] = [
        RoundLeafField::Value,
        RoundLeafField::Tier,
        RoundLeafField::Forecast,
        RoundLeafField::Likelihood,
        RoundLeafField::Causes,
        RoundLeafField::Reason,
    ];

    /// The name in the file.
    pub fn key(self) -> &'static str {
        match self {
            RoundLeafField::Value => "value",
            RoundLeafField::Tier => "tier",
            RoundLeafField::Forecast => "forecast",
            RoundLeafField::Likelihood => "likelihood",
            RoundLeafField::Causes => "causes",
            RoundLeafField::Reason => "reason",
        }
    }
}

impl FieldPath {
    /// `monitoring/<as_of>/indicators/<id>/<field>`.
    pub fn round_leaf(as_of: &str, id: &str, field: RoundLeafField) -> FieldPath {
        FieldPath::Round(
            as_of.to_string(),
            Some(RoundField::Leaf(id.to_string(), Some(field))),
        )
    }

    /// `monitoring/<as_of>/budget/<id>/<field>`.
    pub fn round_line(as_of: &str, id: &str, field: RoundLineField) -> FieldPath {
        FieldPath::Round(
            as_of.to_string(),
            Some(RoundField::Line(id.to_string(), Some(field))),
        )
    }
}

impl FieldPath {
    /// `budget/<id>/<field>`.
    pub fn line(id: &str, field: LineField) -> FieldPath {
        FieldPath::Line(id.to_string(), Some(field))
    }

    /// `indicators/<id>/<field>`.
    pub fn node(id: &str, field: NodeField) -> FieldPath {
        FieldPath::Node(id.to_string(), Some(field))
    }

    /// `indicators/<id>/rule/<field>`.
    pub fn rule(id: &str, field: RuleField) -> FieldPath {
        FieldPath::Node(id.to_string(), Some(NodeField::Rule(Some(field))))
    }

    /// `surveys/<id>/<field>`.
    pub fn survey(id: &str, field: SurveyField) -> FieldPath {
        FieldPath::Survey(id.to_string(), Some(field))
    }

    /// `surveys/<id>/questions/<question>/counts/<index>`.
    pub fn count(survey: &str, question: &str, index: usize) -> FieldPath {
        FieldPath::survey(
            survey,
            SurveyField::Question(question.to_string(), Some(QuestionField::Count(index))),
        )
    }

    /// The indicator this path is about, if any.
    pub fn indicator(&self) -> Option<&str> {
        match self {
            FieldPath::Node(id, _) => Some(id),
            _ => None,
        }
    }

    /// The row of a table the path lies in: a budget line, an indicator (group or leaf) or a
    /// survey; `None` for a section, a setting, the metadata or a claim.
    pub fn row(&self) -> Option<FieldPath> {
        match self {
            FieldPath::Line(id, _) => Some(FieldPath::Line(id.clone(), None)),
            FieldPath::Node(id, _) => Some(FieldPath::Node(id.clone(), None)),
            FieldPath::Survey(id, _) => Some(FieldPath::Survey(id.clone(), None)),
            _ => None,
        }
    }

    /// The section the path lies in.
    pub fn section(&self) -> Section {
        match self {
            FieldPath::Section(s) => *s,
            FieldPath::Line(..) => Section::Budget,
            FieldPath::Node(..) => Section::Indicators,
            FieldPath::Survey(..) => Section::Surveys,
            FieldPath::Setting(_) | FieldPath::Meta(_) => Section::Settings,
            FieldPath::Claim(_) => Section::Claimed,
            FieldPath::Round(..) => Section::Monitoring,
            FieldPath::Funds(_) => Section::Funds,
            FieldPath::Declared(_) => Section::Declared,
        }
    }

    /// The path one level up: a field's item, an item's section (`None` for a section).
    pub fn parent(&self) -> Option<FieldPath> {
        let up = match self {
            FieldPath::Section(_) => return None,
            FieldPath::Line(id, Some(_)) => FieldPath::Line(id.clone(), None),
            FieldPath::Node(id, Some(NodeField::Rule(Some(_)))) => {
                FieldPath::Node(id.clone(), Some(NodeField::Rule(None)))
            }
            FieldPath::Node(id, Some(_)) => FieldPath::Node(id.clone(), None),
            FieldPath::Survey(id, Some(SurveyField::Question(q, Some(_)))) => {
                FieldPath::survey(id, SurveyField::Question(q.clone(), None))
            }
            FieldPath::Survey(id, Some(SurveyField::Question(_, None))) => {
                FieldPath::survey(id, SurveyField::Questions)
            }
            FieldPath::Survey(id, Some(_)) => FieldPath::Survey(id.clone(), None),
            FieldPath::Setting(SettingField::GradeLabel(_) | SettingField::GradeMin(_)) => {
                FieldPath::Setting(SettingField::Grades)
            }
            other => FieldPath::Section(other.section()),
        };
        Some(up)
    }

    /// Whether the field holds a count of people (searched on whole numbers).
    pub fn is_count(&self) -> bool {
        matches!(
            self,
            FieldPath::Survey(
                _,
                Some(
                    SurveyField::Respondents
                        | SurveyField::Question(_, Some(QuestionField::Count(_)))
                )
            )
        )
    }
}

impl From<RuleField> for NodeField {
    fn from(field: RuleField) -> NodeField {
        NodeField::Rule(Some(field))
    }
}

/// Why a path names no field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PathError {
    /// The text is not a path of a form jixiao knows.
    Unknown {
        /// The text as given.
        path: String,
    },
    /// The item it names (a budget line, an indicator, a survey, a question, a step) does not exist.
    Missing {
        /// The path.
        path: String,
        /// The id or index that names nothing.
        item: String,
    },
    /// The path names an item or a section, not a field with a value.
    NotAField {
        /// The path.
        path: String,
    },
}

impl crate::message::Message for PathError {
    fn zh(&self) -> String {
        match self {
            PathError::Unknown { path } => format!("无法识别的字段路径“{path}”"),
            PathError::Missing { path, item } => format!("字段路径“{path}”中的“{item}”不存在"),
            PathError::NotAField { path } => format!("“{path}”不是可以填写的字段"),
        }
    }

    fn en(&self) -> String {
        match self {
            PathError::Unknown { path } => format!("\"{path}\" is not a field path jixiao knows"),
            PathError::Missing { path, item } => format!("\"{item}\" in \"{path}\" does not exist"),
            PathError::NotAField { path } => format!("\"{path}\" is not a field with a value"),
        }
    }
}

impl fmt::Display for PathError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::message::Message::fmt_both(self, f)
    }
}

impl std::error::Error for PathError {}
