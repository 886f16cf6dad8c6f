//! Reading and writing the field a [`FieldPath`] names: one reader that copies nothing, one
//! writer, both from the same lookup so that they cannot disagree.

use super::{
    ClaimField, DeclaredField, DeclaredTargetField, FieldPath, FundsField, LineField, NodeField,
    PathError, QuestionField, RoundField, RoundLeafField, RoundLineField, RuleField, SettingField,
    StepField, SurveyField,
};
use crate::model::{Document, Funds, GradeBand, Leaf, PrintedEntry, What};
use crate::number::Num;
use serde_json::{Map, Value};
use std::borrow::Cow;

/// A field as stored, to read.
#[derive(Clone, Copy, Debug)]
pub enum Field<'a> {
    /// A number that may be absent (absent when cleared).
    Optional(&'a Option<Num>),
    /// A number that is always there (an answer count).
    Number(&'a Num),
    /// Text.
    Text(&'a String),
    /// Text that may be absent (absent when cleared).
    OptionalText(&'a Option<String>),
    /// Yes or no.
    Flag(&'a bool),
    /// The unit, on the leaf or (in older files) on its rule.
    Unit(&'a Leaf),
    /// A free JSON entry (`meta`, `claimed`).
    Entry(Option<&'a Value>),
}

impl Field<'_> {
    /// The field as text, as it would be typed.
    pub fn text(&self) -> Cow<'_, str> {
        match self {
            Field::Optional(n) => n.as_ref().map_or(Cow::Borrowed(""), |n| n.raw().into()),
            Field::Number(n) => n.raw().into(),
            Field::Text(t) => t.as_str().into(),
            Field::OptionalText(t) => t.as_deref().unwrap_or_default().into(),
            Field::Flag(b) => if **b { "true" } else { "false" }.into(),
            Field::Unit(leaf) => leaf.unit().into(),
            Field::Entry(None | Some(Value::Null)) => "".into(),
            Field::Entry(Some(Value::String(s))) => s.as_str().into(),
            Field::Entry(Some(other)) => other.to_string().into(),
        }
    }

    /// Whether the field holds a number (so it can be sought and changed by scenarios).
    pub fn is_number(&self) -> bool {
        matches!(self, Field::Optional(_) | Field::Number(_))
    }
}

/// A field, to write.
enum Slot<'a> {
    Optional(&'a mut Option<Num>),
    Number(&'a mut Num),
    Text(&'a mut String),
    OptionalText(&'a mut Option<String>),
    Flag(&'a mut bool),
    Unit(&'a mut Leaf),
    /// A JSON object, the nested objects to go through (made if need be), the key.
    Entry(&'a mut Map<String, Value>, &'static [&'static str], String),
}

impl Slot<'_> {
    /// One rule for every field: an emptied optional field is removed, text is kept as typed.
    fn set(self, value: &str) {
        let blank = value.trim().is_empty();
        match self {
            Slot::Optional(n) => *n = (!blank).then(|| Num::new(value)),
            Slot::Number(n) => *n = Num::new(value),
            Slot::Text(t) => value.clone_into(t),
            Slot::OptionalText(t) => *t = (!blank).then(|| value.to_string()),
            Slot::Flag(b) => *b = !matches!(value.trim(), "false" | "0" | "no" | "否"),
            Slot::Unit(leaf) => {
                let unit = (!blank).then(|| value.to_string());
                // Written where the file had it: older files keep the unit on the rule.
                if leaf.unit.is_none() && leaf.rule.unit.is_some() {
                    leaf.rule.unit = unit;
                } else {
                    leaf.unit = unit;
                }
            }
            Slot::Entry(mut map, nest, key) => {
                for k in nest {
                    let inner = map
                        .entry((*k).to_string())
                        .or_insert_with(|| Value::Object(Map::new()));
                    if !inner.is_object() {
                        *inner = Value::Object(Map::new());
                    }
                    match inner {
                        Value::Object(m) => map = m,
                        _ => return,
                    }
                }
                if blank {
                    map.remove(&key);
                } else {
                    map.insert(key, Value::String(value.to_string()));
                }
            }
        }
    }
}

/// Writes the lookup of a field once, for shared (`Field`) and exclusive (`Slot`) access.
macro_rules! locate {
    ($name:ident, $Out:ident, $iter:ident, $get:ident, $leaf:ident $(, $m:tt)?) => {
        fn $name<'a>(doc: &'a $($m)? Document, path: &FieldPath) -> Result<$Out<'a>, PathError> {
            let missing = |item: &str| PathError::Missing {
                path: path.to_string(),
                item: item.to_string(),
            };
            let not_a_field = || PathError::NotAField {
                path: path.to_string(),
            };
            Ok(match path {
                FieldPath::Line(id, field) => {
                    let line = doc.budget.$iter().find(|b| b.id == *id).ok_or_else(|| missing(id))?;
                    match field.ok_or_else(not_a_field)? {
                        LineField::Name => $Out::Text(& $($m)? line.name),
                        LineField::Initial => $Out::Optional(& $($m)? line.initial),
                        LineField::Planned => $Out::Optional(& $($m)? line.planned),
                        LineField::Received => $Out::Optional(& $($m)? line.received),
                        LineField::Spent => $Out::Optional(& $($m)? line.spent),
                        LineField::Note => $Out::Text(& $($m)? line.note),
                    }
                }
                FieldPath::Node(id, field) => {
                    let field = field.as_ref().ok_or_else(not_a_field)?;
                    let leaf = doc.$leaf(id).ok_or_else(|| missing(id))?;
                    match field {
                        NodeField::Name => $Out::Text(& $($m)? leaf.name),
                        NodeField::Points => $Out::Optional(& $($m)? leaf.points),
                        NodeField::Reason => $Out::Text(& $($m)? leaf.reason),
                        NodeField::Unit => $Out::Unit(leaf),
                        NodeField::Applicable => $Out::Flag(& $($m)? leaf.applicable),
                        NodeField::TargetText => $Out::OptionalText(& $($m)? leaf.target_text),
                        NodeField::Written => $Out::OptionalText(& $($m)? leaf.written),
                        NodeField::ActualText => $Out::OptionalText(& $($m)? leaf.actual_text),
                        NodeField::Rule(None) => return Err(not_a_field()),
                        NodeField::Rule(Some(field)) => {
                            let rule = & $($m)? leaf.rule;
                            match field {
                                RuleField::Kind => $Out::Text(& $($m)? rule.kind),
                                RuleField::Target => $Out::Optional(& $($m)? rule.target),
                                RuleField::Actual => $Out::Optional(& $($m)? rule.actual),
                                RuleField::Tolerance => $Out::Optional(& $($m)? rule.tolerance),
                                RuleField::Formula => $Out::OptionalText(& $($m)? rule.formula),
                                RuleField::Tier => $Out::OptionalText(& $($m)? rule.tier),
                                RuleField::Fraction => $Out::Optional(& $($m)? rule.fraction),
                                RuleField::Score => $Out::Optional(& $($m)? rule.score),
                                RuleField::Survey => $Out::OptionalText(& $($m)? rule.survey),
                                RuleField::Inferred => $Out::OptionalText(& $($m)? rule.inferred),
                                RuleField::Step(i, field) => {
                                    let step = (& $($m)? rule.steps)
                                        .into_items()
                                        .and_then(|s| s.$get(*i))
                                        .ok_or_else(|| missing(&i.to_string()))?;
                                    match field {
                                        StepField::Min => $Out::Optional(& $($m)? step.min),
                                        StepField::Fraction => $Out::Optional(& $($m)? step.fraction),
                                    }
                                }
                            }
                        }
                    }
                }
                FieldPath::Survey(id, field) => {
                    let field = field.as_ref().ok_or_else(not_a_field)?;
                    let survey = doc.surveys.$iter().find(|s| s.id == *id).ok_or_else(|| missing(id))?;
                    match field {
                        SurveyField::Name => $Out::Text(& $($m)? survey.name),
                        SurveyField::Respondents => $Out::Optional(& $($m)? survey.respondents),
                        SurveyField::Method => $Out::OptionalText(& $($m)? survey.method),
                        SurveyField::SatisfiedOptions => {
                            $Out::Optional(& $($m)? survey.satisfied_options)
                        }
                        SurveyField::OptionLabel(i) | SurveyField::OptionWeight(i) => {
                            let option = survey
                                .options
                                .$get(*i)
                                .ok_or_else(|| missing(&i.to_string()))?;
                            if matches!(field, SurveyField::OptionLabel(_)) {
                                $Out::Text(& $($m)? option.label)
                            } else {
                                $Out::Optional(& $($m)? option.weight)
                            }
                        }
                        SurveyField::Questions => return Err(not_a_field()),
                        SurveyField::Question(q, field) => {
                            let question = survey
                                .questions
                                .$iter()
                                .find(|x| x.id == *q)
                                .ok_or_else(|| missing(q))?;
                            match field {
                                Some(QuestionField::Text) => $Out::Text(& $($m)? question.text),
                                Some(QuestionField::Count(i)) => $Out::Number(
                                    question.counts.$get(*i).ok_or_else(|| missing(&i.to_string()))?,
                                ),
                                None | Some(QuestionField::Counts) => return Err(not_a_field()),
                            }
                        }
                    }
                }
                FieldPath::Setting(field) => {
                    let settings = & $($m)? doc.settings;
                    match field {
                        SettingField::DeviationThreshold => {
                            $Out::Optional(& $($m)? settings.deviation_threshold)
                        }
                        SettingField::MinExecutionRate => {
                            $Out::Optional(& $($m)? settings.min_execution_rate)
                        }
                        SettingField::MismatchMargin => $Out::Optional(& $($m)? settings.mismatch_margin),
                        SettingField::ScoreDecimals => $Out::Optional(& $($m)? settings.score_decimals),
                        SettingField::Grades => return Err(not_a_field()),
                        SettingField::GradeLabel(i) | SettingField::GradeMin(i) => {
                            let band = (& $($m)? settings.grades)
                                .into_items()
                                .and_then(|g| g.$get(*i))
                                .ok_or_else(|| missing(&i.to_string()))?;
                            if matches!(field, SettingField::GradeLabel(_)) {
                                $Out::Text(& $($m)? band.label)
                            } else {
                                $Out::Optional(& $($m)? band.min)
                            }
                        }
                    }
                }
                FieldPath::Round(as_of, field) => {
                    let round = doc
                        .monitoring
                        .$iter()
                        .find(|r| r.as_of == *as_of)
                        .ok_or_else(|| missing(as_of))?;
                    match field.as_ref().ok_or_else(not_a_field)? {
                        RoundField::AsOf => $Out::Text(& $($m)? round.as_of),
                        RoundField::GoalProgress => $Out::OptionalText(& $($m)? round.goal_progress),
                        RoundField::Line(id, field) => {
                            let line = round
                                .budget
                                .$iter()
                                .find(|l| l.id == *id)
                                .ok_or_else(|| missing(id))?;
                            match field.ok_or_else(not_a_field)? {
                                RoundLineField::Spent => $Out::Optional(& $($m)? line.spent),
                                RoundLineField::Forecast => $Out::Optional(& $($m)? line.forecast),
                                RoundLineField::Reason => $Out::OptionalText(& $($m)? line.reason),
                            }
                        }
                        RoundField::Leaf(id, field) => {
                            let leaf = round
                                .indicators
                                .$iter()
                                .find(|l| l.id == *id)
                                .ok_or_else(|| missing(id))?;
                            match field.ok_or_else(not_a_field)? {
                                RoundLeafField::Value => $Out::Optional(& $($m)? leaf.value),
                                RoundLeafField::Tier => $Out::OptionalText(& $($m)? leaf.tier),
                                RoundLeafField::Forecast => $Out::Optional(& $($m)? leaf.forecast),
                                RoundLeafField::Likelihood => {
                                    $Out::OptionalText(& $($m)? leaf.likelihood)
                                }
                                RoundLeafField::Reason => $Out::OptionalText(& $($m)? leaf.reason),
                                RoundLeafField::Causes => return Err(not_a_field()),
                            }
                        }
                    }
                }
                FieldPath::Section(_) => return Err(not_a_field()),
                FieldPath::Claim(_)
                | FieldPath::Meta(_)
                | FieldPath::Funds(_)
                | FieldPath::Declared(_) => return Err(not_a_field()),
            })
        }
    };
}

/// `Option<Vec<T>>` as an optional slice, shared or exclusive, so the lookup is written once.
trait OptionalItems<'a, T> {
    type Out;
    fn into_items(self) -> Option<Self::Out>;
}

impl<'a, T> OptionalItems<'a, T> for &'a Option<Vec<T>> {
    type Out = &'a [T];
    fn into_items(self) -> Option<&'a [T]> {
        self.as_deref()
    }
}

impl<'a, T> OptionalItems<'a, T> for &'a mut Option<Vec<T>> {
    type Out = &'a mut [T];
    fn into_items(self) -> Option<&'a mut [T]> {
        self.as_deref_mut()
    }
}

locate!(field, Field, iter, get, leaf);
locate!(slot, Slot, iter_mut, get_mut, leaf_mut, mut);

/// Where a free JSON entry lives: in `meta`, under which nested objects, and its key.
fn entry(path: &FieldPath) -> Option<(&'static [&'static str], String)> {
    match path {
        FieldPath::Meta(key) => Some((&[], key.clone())),
        _ => None,
    }
}

/// A round's report of a line or leaf of the document that is not made yet: its field is empty
/// (`set` makes the report on the first write). `None` for every other path.
fn unreported(doc: &Document, path: &FieldPath) -> Option<Field<'static>> {
    static NO_NUMBER: Option<Num> = None;
    static NO_TEXT: Option<String> = None;
    let FieldPath::Round(as_of, Some(field)) = path else {
        return None;
    };
    let round = doc.monitoring.iter().find(|r| r.as_of == *as_of)?;
    match field {
        RoundField::Line(id, Some(f)) if round.line(id).is_none() => {
            doc.budget.iter().any(|l| l.id == *id).then_some(match f {
                RoundLineField::Spent | RoundLineField::Forecast => Field::Optional(&NO_NUMBER),
                RoundLineField::Reason => Field::OptionalText(&NO_TEXT),
            })
        }
        RoundField::Leaf(id, Some(f)) if round.leaf(id).is_none() && doc.leaf(id).is_some() => {
            match f {
                RoundLeafField::Value | RoundLeafField::Forecast => {
                    Some(Field::Optional(&NO_NUMBER))
                }
                RoundLeafField::Tier | RoundLeafField::Likelihood | RoundLeafField::Reason => {
                    Some(Field::OptionalText(&NO_TEXT))
                }
                RoundLeafField::Causes => None,
            }
        }
        _ => None,
    }
}

/// A path's item that is not there.
fn missing(path: &FieldPath) -> PathError {
    PathError::Missing {
        path: path.to_string(),
        item: path.to_string(),
    }
}

/// A claimed figure as printed (absent ones read empty); `None` for a printed figure that is
/// not there.
fn claim<'a>(doc: &'a Document, c: &ClaimField) -> Option<Field<'a>> {
    static NO_TEXT: Option<String> = None;
    let Some(claimed) = &doc.claimed else {
        return matches!(c, ClaimField::Figure(_)).then_some(Field::OptionalText(&NO_TEXT));
    };
    Some(match c {
        ClaimField::Figure(What::LeafScore(id)) => claimed
            .scores
            .iter()
            .find(|(i, _)| i == id)
            .map_or(Field::OptionalText(&NO_TEXT), |(_, s)| Field::Text(s)),
        ClaimField::Figure(what) => Field::OptionalText(match what {
            What::Total => &claimed.total,
            What::Grade => &claimed.grade,
            What::ExecutionRate => &claimed.execution_rate,
            What::Satisfaction => &claimed.satisfaction,
            _ => &NO_TEXT,
        }),
        ClaimField::Printed(n) => match claimed.printed.get(*n)? {
            PrintedEntry::Read(p) => Field::Text(&p.value),
            PrintedEntry::Unread(_) => return None,
        },
    })
}

/// Writes a claimed figure as printed (an emptied one is removed); `None` for a printed figure
/// that is not there.
fn set_claim(doc: &mut Document, c: &ClaimField, value: &str) -> Option<()> {
    let text = (!value.trim().is_empty()).then(|| value.to_string());
    let claimed = doc.claimed.get_or_insert_with(Default::default);
    match c {
        ClaimField::Figure(What::LeafScore(id)) => match text {
            Some(t) => claimed.set_score(id, t),
            None => claimed.scores.retain(|(i, _)| i != id),
        },
        ClaimField::Figure(what) => *claimed.named_mut(what)? = text,
        ClaimField::Printed(n) => match claimed.printed.get_mut(*n)? {
            PrintedEntry::Read(p) => value.clone_into(&mut p.value),
            PrintedEntry::Unread(_) => return None,
        },
    }
    Some(())
}

/// A figure of 项目资金.
fn funds_slot(funds: &Funds, f: FundsField) -> &Option<Num> {
    match f {
        FundsField::Total => &funds.total,
        FundsField::Fiscal => &funds.fiscal,
        FundsField::Other => &funds.other,
        FundsField::AnnualTotal => &funds.annual.total,
        FundsField::AnnualFiscal => &funds.annual.fiscal,
        FundsField::AnnualCarried => &funds.annual.carried,
        FundsField::AnnualOther => &funds.annual.other,
    }
}

/// A figure of 项目资金, to write.
fn funds_slot_mut(funds: &mut Funds, f: FundsField) -> &mut Option<Num> {
    match f {
        FundsField::Total => &mut funds.total,
        FundsField::Fiscal => &mut funds.fiscal,
        FundsField::Other => &mut funds.other,
        FundsField::AnnualTotal => &mut funds.annual.total,
        FundsField::AnnualFiscal => &mut funds.annual.fiscal,
        FundsField::AnnualCarried => &mut funds.annual.carried,
        FundsField::AnnualOther => &mut funds.annual.other,
    }
}

/// A field of the declaration; `None` for a target that is not declared.
fn declared<'a>(doc: &'a Document, d: &DeclaredField) -> Option<Field<'a>> {
    static NO_TEXT: Option<String> = None;
    let declared = doc.declared.as_ref();
    Some(match d {
        DeclaredField::Date => Field::OptionalText(declared.map_or(&NO_TEXT, |d| &d.date)),
        DeclaredField::Target(id, field) => {
            let t = declared?.target(id)?;
            match field.as_ref()? {
                DeclaredTargetField::Written => Field::Text(&t.written),
                DeclaredTargetField::Target => Field::OptionalText(&t.target),
                DeclaredTargetField::Unit => Field::OptionalText(&t.unit),
                DeclaredTargetField::Points => Field::OptionalText(&t.points),
                DeclaredTargetField::Kind => Field::Text(&t.kind),
                DeclaredTargetField::Name => Field::Text(&t.name),
            }
        }
    })
}

/// Writes a field of the declaration; `None` for a target that is not declared.
fn set_declared(doc: &mut Document, d: &DeclaredField, value: &str) -> Option<()> {
    let text = (!value.trim().is_empty()).then(|| value.to_string());
    let declared = doc.declared.get_or_insert_with(Default::default);
    match d {
        DeclaredField::Date => declared.date = text,
        DeclaredField::Target(id, field) => {
            let t = declared.targets.iter_mut().find(|t| t.id == *id)?;
            match field.as_ref()? {
                DeclaredTargetField::Written => value.clone_into(&mut t.written),
                DeclaredTargetField::Target => t.target = text,
                DeclaredTargetField::Unit => t.unit = text,
                DeclaredTargetField::Points => t.points = text,
                DeclaredTargetField::Kind => value.clone_into(&mut t.kind),
                DeclaredTargetField::Name => value.clone_into(&mut t.name),
            }
        }
    }
    Some(())
}

/// The field at `path`, read in place.
pub fn get<'a>(doc: &'a Document, path: &FieldPath) -> Result<Field<'a>, PathError> {
    if let Some(empty) = unreported(doc, path) {
        return Ok(empty);
    }
    if let FieldPath::Claim(c) = path {
        return claim(doc, c).ok_or_else(|| missing(path));
    }
    // A group has one field of its own: its name.
    if let FieldPath::Node(id, Some(NodeField::Name)) = path {
        if let Some(crate::model::Node::Group(g)) = doc.node(id) {
            return Ok(Field::Text(&g.name));
        }
    }
    if let FieldPath::Funds(f) = path {
        static NO_NUMBER: Option<Num> = None;
        return Ok(Field::Optional(
            doc.funds
                .as_ref()
                .map_or(&NO_NUMBER, |funds| funds_slot(funds, *f)),
        ));
    }
    if let FieldPath::Declared(d) = path {
        return declared(doc, d).ok_or_else(|| missing(path));
    }
    let Some((nest, key)) = entry(path) else {
        return field(doc, path);
    };
    let mut map = Some(&doc.meta);
    for k in nest {
        map = map.and_then(|m| m.get(*k)).and_then(Value::as_object);
    }
    Ok(Field::Entry(map.and_then(|m| m.get(&key))))
}

/// Sets the field at `path` to `value` as typed (an emptied optional field is removed).
pub fn set(doc: &mut Document, path: &FieldPath, value: &str) -> Result<(), PathError> {
    if let FieldPath::Node(id, Some(NodeField::Name)) = path {
        if let Some(crate::model::Node::Group(g)) = doc.node_mut(id) {
            g.name = value.to_string();
            return Ok(());
        }
    }
    if let FieldPath::Setting(SettingField::GradeLabel(_) | SettingField::GradeMin(_)) = path {
        // Changing one band of the default grades writes them all out first.
        if doc.settings.grades.is_none() {
            doc.settings.grades = Some(
                crate::model::DEFAULT_GRADES
                    .into_iter()
                    .map(|(label, min)| GradeBand {
                        label: label.to_string(),
                        min: Some(Num::from_decimal(min.into())),
                    })
                    .collect(),
            );
        }
    }
    // A round's report of a line or leaf of the document is made when it is first written.
    if let FieldPath::Round(as_of, Some(field @ (RoundField::Line(..) | RoundField::Leaf(..)))) =
        path
    {
        let known = match field {
            RoundField::Line(id, _) => doc.budget.iter().any(|l| l.id == *id),
            RoundField::Leaf(id, _) => doc.leaf(id).is_some(),
            _ => false,
        };
        if let Some(round) = doc.monitoring.iter_mut().find(|r| r.as_of == *as_of) {
            match field {
                RoundField::Line(id, _) if known && round.line(id).is_none() => {
                    round.budget.push(crate::model::LineReport {
                        id: id.clone(),
                        ..Default::default()
                    })
                }
                RoundField::Leaf(id, _) if known && round.leaf(id).is_none() => {
                    round.indicators.push(crate::model::LeafReport {
                        id: id.clone(),
                        ..Default::default()
                    })
                }
                _ => {}
            }
        }
    }
    if let FieldPath::Claim(c) = path {
        return set_claim(doc, c, value).ok_or_else(|| missing(path));
    }
    if let FieldPath::Funds(f) = path {
        let blank = value.trim().is_empty();
        let funds = doc.funds.get_or_insert_with(Default::default);
        *funds_slot_mut(funds, *f) = (!blank).then(|| Num::new(value));
        return Ok(());
    }
    if let FieldPath::Declared(d) = path {
        return set_declared(doc, d, value).ok_or_else(|| missing(path));
    }
    let target = match entry(path) {
        Some((nest, key)) => Slot::Entry(&mut doc.meta, nest, key),
        None => slot(doc, path)?,
    };
    target.set(value);
    // The text a form printed for a target or actual value no longer says what the figure is
    // once the figure is written (by a user, a scenario or a found value): it is dropped, so that
    // reports print the figure.
    if let FieldPath::Node(
        id,
        Some(NodeField::Rule(Some(field @ (RuleField::Target | RuleField::Actual)))),
    ) = path
    {
        if let Some(leaf) = doc.leaf_mut(id) {
            match field {
                RuleField::Target => {
                    leaf.target_text = None;
                    leaf.written = None;
                }
                _ => leaf.actual_text = None,
            }
        }
    }
    Ok(())
}
