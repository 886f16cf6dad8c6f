//! The wire form of a [`FieldPath`]: `FromStr` and `Display`, the only place a path is split.
//! An id holding `/` or `%` is written with `%2F` / `%25`, so every id round-trips.

use super::{
    ClaimField, DeclaredField, DeclaredTargetField, FieldPath, FundsField, LineField, NodeField,
    PathError, QuestionField, RoundField, RoundLeafField, RoundLineField, RuleField, Section,
    SettingField, StepField, SurveyField,
};
use crate::model::What;
use std::fmt;
use std::str::FromStr;

fn escape(id: &str) -> std::borrow::Cow<'_, str> {
    if id.contains(['/', '%']) {
        id.replace('%', "%25").replace('/', "%2F").into()
    } else {
        id.into()
    }
}

fn unescape(id: &str) -> String {
    if !id.contains('%') {
        return id.to_string();
    }
    let mut out = String::with_capacity(id.len());
    let mut rest = id;
    while let Some(at) = rest.find('%') {
        let (head, tail) = rest.split_at(at);
        out.push_str(head);
        if let Some(after) = tail
            .strip_prefix("%2F")
            .or_else(|| tail.strip_prefix("%2f"))
        {
            out.push('/');
            rest = after;
        } else if let Some(after) = tail.strip_prefix("%25") {
            out.push('%');
            rest = after;
        } else {
            out.push('%');
            rest = tail.get(1..).unwrap_or_default();
        }
    }
    out.push_str(rest);
    out
}

impl LineField {
    /// Every field, in the table's order.
    pub const ALL: [LineField; 6] = [
        LineField::Name,
        LineField::Initial,
        LineField::Planned,
        LineField::Received,
        LineField::Spent,
        LineField::Note,
    ];

    /// The field's name in the file.
    pub fn key(self) -> &'static str {
        match self {
            LineField::Name => "name",
            LineField::Initial => "initial",
            LineField::Planned => "planned",
            LineField::Received => "received",
            LineField::Spent => "spent",
            LineField::Note => "note",
        }
    }
}

impl RuleField {
    const SIMPLE: [RuleField; 10] = [
        RuleField::Kind,
        RuleField::Target,
        RuleField::Actual,
        RuleField::Tolerance,
        RuleField::Formula,
        RuleField::Tier,
        RuleField::Fraction,
        RuleField::Score,
        RuleField::Survey,
        RuleField::Inferred,
    ];

    fn key(self) -> &'static str {
        match self {
            RuleField::Kind => "kind",
            RuleField::Target => "target",
            RuleField::Actual => "actual",
            RuleField::Tolerance => "tolerance",
            RuleField::Formula => "formula",
            RuleField::Tier => "tier",
            RuleField::Fraction => "fraction",
            RuleField::Score => "score",
            RuleField::Survey => "survey",
            RuleField::Inferred => "inferred",
            RuleField::Step(..) => "steps",
        }
    }
}

impl SettingField {
    const SIMPLE: [SettingField; 5] = [
        SettingField::DeviationThreshold,
        SettingField::MinExecutionRate,
        SettingField::MismatchMargin,
        SettingField::ScoreDecimals,
        SettingField::Grades,
    ];

    fn key(self) -> &'static str {
        match self {
            SettingField::DeviationThreshold => "deviation_threshold",
            SettingField::MinExecutionRate => "min_execution_rate",
            SettingField::MismatchMargin => "mismatch_margin",
            SettingField::ScoreDecimals => "score_decimals",
            SettingField::Grades | SettingField::GradeLabel(_) | SettingField::GradeMin(_) => {
                "grades"
            }
        }
    }
}

impl Section {
    const ALL: [Section; 8] = [
        Section::Budget,
        Section::Indicators,
        Section::Surveys,
        Section::Settings,
        Section::Claimed,
        Section::Monitoring,
        Section::Funds,
        Section::Declared,
    ];

    /// The section's name in the file.
    pub fn key(self) -> &'static str {
        match self {
            Section::Budget => "budget",
            Section::Indicators => "indicators",
            Section::Surveys => "surveys",
            Section::Settings => "settings",
            Section::Claimed => "claimed",
            Section::Monitoring => "monitoring",
            Section::Funds => "funds",
            Section::Declared => "declared",
        }
    }
}

/// A claimed figure as named inside `claimed`: `total`, `scores/<id>`.
impl fmt::Display for ClaimField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ClaimField::Figure(What::LeafScore(id)) => write!(f, "scores/{}", escape(id)),
            ClaimField::Figure(what) => f.write_str(what.kind()),
            ClaimField::Printed(n) => write!(f, "printed/{n}"),
        }
    }
}

impl FundsField {
    const ALL: [FundsField; 7] = [
        FundsField::Total,
        FundsField::Fiscal,
        FundsField::Other,
        FundsField::AnnualTotal,
        FundsField::AnnualFiscal,
        FundsField::AnnualCarried,
        FundsField::AnnualOther,
    ];

    /// The field's name under `funds`.
    pub fn key(self) -> &'static str {
        match self {
            FundsField::Total => "total",
            FundsField::Fiscal => "fiscal",
            FundsField::Other => "other",
            FundsField::AnnualTotal => "annual/total",
            FundsField::AnnualFiscal => "annual/fiscal",
            FundsField::AnnualCarried => "annual/carried",
            FundsField::AnnualOther => "annual/other",
        }
    }
}

impl DeclaredTargetField {
    const ALL: [DeclaredTargetField; 6] = [
        DeclaredTargetField::Written,
        DeclaredTargetField::Target,
        DeclaredTargetField::Unit,
        DeclaredTargetField::Points,
        DeclaredTargetField::Kind,
        DeclaredTargetField::Name,
    ];

    /// The field's name in a declared target.
    pub fn key(self) -> &'static str {
        match self {
            DeclaredTargetField::Written => "written",
            DeclaredTargetField::Target => "target",
            DeclaredTargetField::Unit => "unit",
            DeclaredTargetField::Points => "points",
            DeclaredTargetField::Kind => "kind",
            DeclaredTargetField::Name => "name",
        }
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FieldPath::Section(s) => f.write_str(s.key()),
            FieldPath::Line(id, field) => {
                write!(f, "budget/{}", escape(id))?;
                match field {
                    Some(field) => write!(f, "/{}", field.key()),
                    None => Ok(()),
                }
            }
            FieldPath::Node(id, field) => {
                write!(f, "indicators/{}", escape(id))?;
                match field {
                    None => Ok(()),
                    Some(NodeField::Name) => f.write_str("/name"),
                    Some(NodeField::Points) => f.write_str("/points"),
                    Some(NodeField::Reason) => f.write_str("/reason"),
                    Some(NodeField::Unit) => f.write_str("/unit"),
                    Some(NodeField::Applicable) => f.write_str("/applicable"),
                    Some(NodeField::TargetText) => f.write_str("/target_text"),
                    Some(NodeField::ActualText) => f.write_str("/actual_text"),
                    Some(NodeField::Written) => f.write_str("/written"),
                    Some(NodeField::Rule(None)) => f.write_str("/rule"),
                    Some(NodeField::Rule(Some(RuleField::Step(i, field)))) => {
                        let key = match field {
                            StepField::Min => "min",
                            StepField::Fraction => "fraction",
                        };
                        write!(f, "/rule/steps/{i}/{key}")
                    }
                    Some(NodeField::Rule(Some(field))) => write!(f, "/rule/{}", field.key()),
                }
            }
            FieldPath::Survey(id, field) => {
                write!(f, "surveys/{}", escape(id))?;
                match field {
                    None => Ok(()),
                    Some(SurveyField::Name) => f.write_str("/name"),
                    Some(SurveyField::Respondents) => f.write_str("/respondents"),
                    Some(SurveyField::Method) => f.write_str("/method"),
                    Some(SurveyField::SatisfiedOptions) => f.write_str("/satisfied_options"),
                    Some(SurveyField::OptionLabel(i)) => write!(f, "/options/{i}/label"),
                    Some(SurveyField::OptionWeight(i)) => write!(f, "/options/{i}/weight"),
                    Some(SurveyField::Questions) => f.write_str("/questions"),
                    Some(SurveyField::Question(q, field)) => {
                        write!(f, "/questions/{}", escape(q))?;
                        match field {
                            None => Ok(()),
                            Some(QuestionField::Text) => f.write_str("/text"),
                            Some(QuestionField::Counts) => f.write_str("/counts"),
                            Some(QuestionField::Count(i)) => write!(f, "/counts/{i}"),
                        }
                    }
                }
            }
            FieldPath::Setting(field) => {
                f.write_str("settings/")?;
                match field {
                    SettingField::GradeLabel(i) => write!(f, "grades/{i}/label"),
                    SettingField::GradeMin(i) => write!(f, "grades/{i}/min"),
                    other => f.write_str(other.key()),
                }
            }
            FieldPath::Claim(field) => write!(f, "claimed/{field}"),
            FieldPath::Funds(field) => write!(f, "funds/{}", field.key()),
            FieldPath::Declared(DeclaredField::Date) => f.write_str("declared/date"),
            FieldPath::Declared(DeclaredField::Target(id, field)) => {
                write!(f, "declared/targets/{}", escape(id))?;
                field.map_or(Ok(()), |field| write!(f, "/{}", field.key()))
            }
            FieldPath::Meta(key) => write!(f, "meta/{}", escape(key)),
            FieldPath::Round(as_of, field) => {
                write!(f, "monitoring/{}", escape(as_of))?;
                match field {
                    None => Ok(()),
                    Some(RoundField::AsOf) => f.write_str("/as_of"),
                    Some(RoundField::GoalProgress) => f.write_str("/goal_progress"),
                    Some(RoundField::Line(id, field)) => {
                        write!(f, "/budget/{}", escape(id))?;
                        field.map_or(Ok(()), |field| write!(f, "/{}", field.key()))
                    }
                    Some(RoundField::Leaf(id, field)) => {
                        write!(f, "/indicators/{}", escape(id))?;
                        field.map_or(Ok(()), |field| write!(f, "/{}", field.key()))
                    }
                }
            }
        }
    }
}

impl FromStr for FieldPath {
    type Err = PathError;

    /// Reads a path as findings print it; a leading or trailing `/` is allowed.
    fn from_str(text: &str) -> Result<FieldPath, PathError> {
        let unknown = || PathError::Unknown {
            path: text.to_string(),
        };
        let parts: Vec<&str> = text.trim_matches('/').split('/').collect();
        let index = |s: &str| s.parse::<usize>().map_err(|_| unknown());
        let path = match parts.as_slice() {
            [section] => FieldPath::Section(
                Section::ALL
                    .into_iter()
                    .find(|s| s.key() == *section)
                    .ok_or_else(unknown)?,
            ),
            ["budget", id] => FieldPath::Line(unescape(id), None),
            ["budget", id, field] => FieldPath::Line(
                unescape(id),
                Some(
                    LineField::ALL
                        .into_iter()
                        .find(|f| f.key() == *field)
                        .ok_or_else(unknown)?,
                ),
            ),
            ["indicators", id, rest @ ..] => {
                let field = match rest {
                    [] => None,
                    ["name"] => Some(NodeField::Name),
                    ["points"] => Some(NodeField::Points),
                    ["reason"] => Some(NodeField::Reason),
                    ["unit"] => Some(NodeField::Unit),
                    ["applicable"] => Some(NodeField::Applicable),
                    ["target_text"] => Some(NodeField::TargetText),
                    ["written"] => Some(NodeField::Written),
                    ["actual_text"] => Some(NodeField::ActualText),
                    ["rule"] => Some(NodeField::Rule(None)),
                    ["rule", "steps", i, "min"] => {
                        Some(RuleField::Step(index(i)?, StepField::Min).into())
                    }
                    ["rule", "steps", i, "fraction"] => {
                        Some(RuleField::Step(index(i)?, StepField::Fraction).into())
                    }
                    ["rule", key] => Some(
                        RuleField::SIMPLE
                            .into_iter()
                            .find(|f| f.key() == *key)
                            .ok_or_else(unknown)?
                            .into(),
                    ),
                    _ => return Err(unknown()),
                };
                FieldPath::Node(unescape(id), field)
            }
            ["surveys", id, rest @ ..] => {
                let field = match rest {
                    [] => None,
                    ["name"] => Some(SurveyField::Name),
                    ["respondents"] => Some(SurveyField::Respondents),
                    ["method"] => Some(SurveyField::Method),
                    ["satisfied_options"] => Some(SurveyField::SatisfiedOptions),
                    ["options", i, "label"] => Some(SurveyField::OptionLabel(index(i)?)),
                    ["options", i, "weight"] => Some(SurveyField::OptionWeight(index(i)?)),
                    ["questions"] => Some(SurveyField::Questions),
                    ["questions", q, rest @ ..] => {
                        let field = match rest {
                            [] => None,
                            ["text"] => Some(QuestionField::Text),
                            ["counts"] => Some(QuestionField::Counts),
                            ["counts", i] => Some(QuestionField::Count(index(i)?)),
                            _ => return Err(unknown()),
                        };
                        Some(SurveyField::Question(unescape(q), field))
                    }
                    _ => return Err(unknown()),
                };
                FieldPath::Survey(unescape(id), field)
            }
            ["settings", "grades", i, "label"] => {
                FieldPath::Setting(SettingField::GradeLabel(index(i)?))
            }
            ["settings", "grades", i, "min"] => {
                FieldPath::Setting(SettingField::GradeMin(index(i)?))
            }
            ["settings", key] => FieldPath::Setting(
                SettingField::SIMPLE
                    .into_iter()
                    .find(|f| f.key() == *key)
                    .ok_or_else(unknown)?,
            ),
            ["claimed", "scores", id] => {
                FieldPath::Claim(ClaimField::Figure(What::LeafScore(unescape(id))))
            }
            ["claimed", "printed", n] => FieldPath::Claim(ClaimField::Printed(index(n)?)),
            ["claimed", key] => {
                FieldPath::Claim(ClaimField::Figure(What::named(key).ok_or_else(unknown)?))
            }
            ["meta", key] => FieldPath::Meta(unescape(key)),
            ["funds", rest @ ..] => FieldPath::Funds(
                FundsField::ALL
                    .into_iter()
                    .find(|f| f.key() == rest.join("/"))
                    .ok_or_else(unknown)?,
            ),
            ["declared", "date"] => FieldPath::Declared(DeclaredField::Date),
            ["declared", "targets", id, rest @ ..] => {
                let field = match rest {
                    [] => None,
                    [key] => Some(
                        DeclaredTargetField::ALL
                            .into_iter()
                            .find(|f| f.key() == *key)
                            .ok_or_else(unknown)?,
                    ),
                    _ => return Err(unknown()),
                };
                FieldPath::Declared(DeclaredField::Target(unescape(id), field))
            }
            ["monitoring", as_of, rest @ ..] => {
                let field = match rest {
                    [] => None,
                    ["as_of"] => Some(RoundField::AsOf),
                    ["goal_progress"] => Some(RoundField::GoalProgress),
                    ["budget", id] => Some(RoundField::Line(unescape(id), None)),
                    ["budget", id, key] => Some(RoundField::Line(
                        unescape(id),
                        Some(
                            RoundLineField::ALL
                                .into_iter()
                                .find(|f| f.key() == *key)
                                .ok_or_else(unknown)?,
                        ),
                    )),
                    ["indicators", id] => Some(RoundField::Leaf(unescape(id), None)),
                    ["indicators", id, key] => Some(RoundField::Leaf(
                        unescape(id),
                        Some(
                            RoundLeafField::ALL
                                .into_iter()
                                .find(|f| f.key() == *key)
                                .ok_or_else(unknown)?,
                        ),
                    )),
                    _ => return Err(unknown()),
                };
                FieldPath::Round(unescape(as_of), field)
            }
            _ => return Err(unknown()),
        };
        Ok(path)
    }
}
