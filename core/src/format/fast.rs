//! The fast path of reading a `jixiao/1` file: the budget lines, surveys and indicator tree are
//! deserialized straight into the model (no whole-tree JSON value in between); small parts
//! (metadata, settings, scenarios) and every scalar go through the same conversions as the
//! careful reader. Anything unusual (a wrong type, a missing id, a repeated key, a group that
//! also carries a leaf's fields) makes it give up, and [`super::read`] reads the text again the
//! careful way, which says exactly what is wrong. So both always give the same document.

use super::error::FORMAT;
use super::value::{read_claimed, read_monitoring, read_scenarios, read_settings, read_targets};
use crate::model::{
    BudgetLine, Document, Extra, Group, Leaf, Node, Question, Rule, Settings, Step, Survey,
    SurveyOption,
};
use crate::number::Num;
use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::Value;
use std::cell::RefCell;
use std::fmt;

/// The document, or `None` when the careful reader must look at the text.
pub(super) fn read(text: &str) -> Option<Document> {
    let mut de = serde_json::Deserializer::from_str(text);
    let scratch = RefCell::new(Vec::new());
    let doc = DocSeed(&scratch).deserialize(&mut de).ok()?;
    de.end().ok()?;
    Some(doc)
}

fn bail<E: serde::de::Error>() -> E {
    E::custom("the careful reader decides")
}

/// A key seen twice in one object: left to the careful reader.
fn once<E: serde::de::Error>(seen: &mut u32, bit: u32) -> Result<(), E> {
    let mask = 1u32.checked_shl(bit).unwrap_or(0);
    if *seen & mask != 0 {
        return Err(bail());
    }
    *seen |= mask;
    Ok(())
}

/// A key, borrowed from the text where it has no escapes.
struct Key<'de>(std::borrow::Cow<'de, str>);

impl<'de> serde::Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Key<'de>, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a key")
            }
            fn visit_borrowed_str<E: serde::de::Error>(self, v: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(std::borrow::Cow::Borrowed(v)))
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Key<'de>, E> {
                Ok(Key(std::borrow::Cow::Owned(v.to_string())))
            }
            fn visit_string<E: serde::de::Error>(self, v: String) -> Result<Key<'de>, E> {
                Ok(Key(std::borrow::Cow::Owned(v)))
            }
        }
        d.deserialize_str(V)
    }
}

/// A scalar value as the model keeps it: text (a string, or a number as written), null, or
/// something else (which the careful reader reports).
enum Scalar {
    Null,
    Text(String),
    Other,
}

/// serde_json's private marker of a number kept as written (`arbitrary_precision`).
const NUMBER_TOKEN: &str = "$serde_json::private::Number";

impl<'de> serde::Deserialize<'de> for Scalar {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Scalar, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Scalar;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a scalar")
            }
            fn visit_unit<E: serde::de::Error>(self) -> Result<Scalar, E> {
                Ok(Scalar::Null)
            }
            fn visit_none<E: serde::de::Error>(self) -> Result<Scalar, E> {
                Ok(Scalar::Null)
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Scalar, E> {
                Ok(Scalar::Text(v.to_string()))
            }
            fn visit_string<E: serde::de::Error>(self, v: String) -> Result<Scalar, E> {
                Ok(Scalar::Text(v))
            }
            fn visit_bool<E: serde::de::Error>(self, _: bool) -> Result<Scalar, E> {
                Ok(Scalar::Other)
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Scalar, E> {
                Ok(Scalar::Text(v.to_string()))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Scalar, E> {
                Ok(Scalar::Text(v.to_string()))
            }
            fn visit_f64<E: serde::de::Error>(self, _: f64) -> Result<Scalar, E> {
                Err(bail())
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Scalar, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(Scalar::Other)
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Scalar, A::Error> {
                // A number as written comes as a one-entry map under serde_json's marker.
                match map.next_key::<Key>()? {
                    Some(Key(k)) if k == NUMBER_TOKEN => {
                        let text: String = map.next_value()?;
                        if map.next_key::<IgnoredAny>()?.is_some() {
                            return Err(bail());
                        }
                        Ok(Scalar::Text(text))
                    }
                    Some(_) => {
                        map.next_value::<IgnoredAny>()?;
                        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                        Ok(Scalar::Other)
                    }
                    None => Ok(Scalar::Other),
                }
            }
        }
        d.deserialize_any(V)
    }
}

/// A text field as the careful reader takes it: a string, a number's text, or nothing for null.
fn text_of<E: serde::de::Error>(value: Scalar) -> Result<Option<String>, E> {
    match value {
        Scalar::Null => Ok(None),
        Scalar::Text(s) => Ok(Some(s)),
        Scalar::Other => Err(bail()),
    }
}

/// A number field: a string or a number kept as written, nothing for null.
fn num_of<E: serde::de::Error>(value: Scalar) -> Result<Option<Num>, E> {
    match value {
        Scalar::Null => Ok(None),
        Scalar::Text(s) => Ok(Some(Num::new(s))),
        Scalar::Other => Err(bail()),
    }
}

/// A number from a JSON value (the parts read whole: counts, steps).
fn num<E: serde::de::Error>(value: Value) -> Result<Option<Num>, E> {
    match value {
        Value::Null => Ok(None),
        Value::String(s) => Ok(Some(Num::new(s))),
        Value::Number(n) => Ok(Some(Num::new(n.to_string()))),
        _ => Err(bail()),
    }
}

/// An id: present and not blank, trimmed.
fn id<E: serde::de::Error>(value: Option<Scalar>) -> Result<String, E> {
    match value.map(text_of).transpose()?.flatten() {
        Some(id) if id.trim().len() == id.len() && !id.is_empty() => Ok(id),
        Some(id) if !id.trim().is_empty() => Ok(id.trim().to_string()),
        _ => Err(bail()),
    }
}

/// The document; its scratch stack collects the nodes of each list being read (see [`Nodes`]).
struct DocSeed<'s>(&'s RefCell<Vec<Node>>);

impl<'de> DeserializeSeed<'de> for DocSeed<'_> {
    type Value = Document;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Document, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for DocSeed<'_> {
    type Value = Document;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a jixiao/1 document")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Document, A::Error> {
        let mut seen = 0u32;
        let mut format = None;
        let mut meta = Value::Null;
        let mut settings = Value::Null;
        let mut scenarios = None;
        let mut monitoring = None;
        let mut claimed = None;
        let mut funds = None;
        let mut declared = None;
        let (mut budget, mut surveys, mut indicators) = (Vec::new(), Vec::new(), Vec::new());
        let mut extra = Extra::new();
        while let Some(Key(key)) = map.next_key::<Key>()? {
            match key.as_ref() {
                "format" => {
                    once(&mut seen, 0)?;
                    format = Some(map.next_value::<Value>()?);
                }
                "results" => {
                    once(&mut seen, 1)?;
                    map.next_value::<IgnoredAny>()?;
                }
                "meta" => {
                    once(&mut seen, 2)?;
                    meta = map.next_value()?;
                }
                "settings" => {
                    once(&mut seen, 3)?;
                    settings = map.next_value()?;
                }
                "scenarios" => {
                    once(&mut seen, 4)?;
                    scenarios = Some(map.next_value::<Value>()?);
                }
                "monitoring" => {
                    once(&mut seen, 8)?;
                    monitoring = Some(map.next_value::<Value>()?);
                }
                "claimed" => {
                    once(&mut seen, 9)?;
                    claimed = Some(map.next_value::<Value>()?);
                }
                "funds" => {
                    once(&mut seen, 10)?;
                    funds = Some(map.next_value::<Value>()?);
                }
                "declared" => {
                    once(&mut seen, 11)?;
                    declared = Some(map.next_value::<Value>()?);
                }
                "budget" => {
                    once(&mut seen, 5)?;
                    budget = map.next_value_seed(List(LineSeed))?;
                }
                "surveys" => {
                    once(&mut seen, 6)?;
                    surveys = map.next_value_seed(List(SurveySeed))?;
                }
                "indicators" => {
                    once(&mut seen, 7)?;
                    indicators = map.next_value_seed(Nodes(self.0))?;
                }
                _ => {
                    if extra.insert(key.into_owned(), map.next_value()?).is_some() {
                        return Err(bail());
                    }
                }
            }
        }
        if format != Some(Value::String(FORMAT.to_string())) {
            return Err(bail());
        }
        let meta = match meta {
            Value::Null => Extra::new(),
            Value::Object(m) => m,
            _ => return Err(bail()),
        };
        let settings = match settings {
            Value::Null => Settings::default(),
            Value::Object(m) => read_settings(m).map_err(|_| bail::<A::Error>())?,
            _ => return Err(bail()),
        };
        let scenarios = match scenarios {
            None => Vec::new(),
            Some(v) => read_scenarios(v).map_err(|_| bail::<A::Error>())?,
        };
        let monitoring = match monitoring {
            None => Vec::new(),
            Some(v) => read_monitoring(v).map_err(|_| bail::<A::Error>())?,
        };
        let claimed = match claimed {
            None => None,
            Some(v) => read_claimed(v).map_err(|_| bail::<A::Error>())?,
        };
        let (funds, declared) = match (funds, declared) {
            (None, None) => (None, None),
            (f, d) => read_targets(f, d).map_err(|_| bail::<A::Error>())?,
        };
        Ok(Document {
            meta,
            settings,
            budget,
            surveys,
            indicators,
            scenarios,
            monitoring,
            claimed,
            funds,
            declared,
            extra,
        })
    }
}

/// A list of objects (null reads as none, as the careful reader has it).
struct List<S>(S);

impl<'de, S: DeserializeSeed<'de> + Copy> DeserializeSeed<'de> for List<S> {
    type Value = Vec<S::Value>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de, S: DeserializeSeed<'de> + Copy> Visitor<'de> for List<S> {
    type Value = Vec<S::Value>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list")
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
        Ok(Vec::new())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        while let Some(item) = seq.next_element_seed(self.0)? {
            out.push(item);
        }
        Ok(out)
    }
}

#[derive(Clone, Copy)]
struct LineSeed;

impl<'de> DeserializeSeed<'de> for LineSeed {
    type Value = BudgetLine;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<BudgetLine, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for LineSeed {
    type Value = BudgetLine;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a budget line")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<BudgetLine, A::Error> {
        let mut seen = 0u32;
        let mut line_id = None;
        let mut line = BudgetLine::default();
        while let Some(Key(key)) = map.next_key::<Key>()? {
            match key.as_ref() {
                "id" => {
                    once(&mut seen, 0)?;
                    line_id = Some(map.next_value()?);
                }
                "name" => {
                    once(&mut seen, 1)?;
                    line.name = text_of(map.next_value()?)?.unwrap_or_default();
                }
                "initial" => {
                    once(&mut seen, 2)?;
                    line.initial = num_of(map.next_value()?)?;
                }
                "planned" => {
                    once(&mut seen, 3)?;
                    line.planned = num_of(map.next_value()?)?;
                }
                "received" => {
                    once(&mut seen, 4)?;
                    line.received = num_of(map.next_value()?)?;
                }
                "spent" => {
                    once(&mut seen, 5)?;
                    line.spent = num_of(map.next_value()?)?;
                }
                "note" => {
                    once(&mut seen, 6)?;
                    line.note = text_of(map.next_value()?)?.unwrap_or_default();
                }
                _ => {
                    if line
                        .extra
                        .insert(key.into_owned(), map.next_value()?)
                        .is_some()
                    {
                        return Err(bail());
                    }
                }
            }
        }
        line.id = id(line_id)?;
        Ok(line)
    }
}

#[derive(Clone, Copy)]
struct SurveySeed;

impl<'de> DeserializeSeed<'de> for SurveySeed {
    type Value = Survey;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Survey, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for SurveySeed {
    type Value = Survey;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a survey")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Survey, A::Error> {
        let mut seen = 0u32;
        let mut survey_id = None;
        let (mut name, mut respondents, mut method, mut satisfied) = (None, None, None, None);
        let (mut options, mut questions) = (Vec::new(), Vec::new());
        let mut extra = Extra::new();
        while let Some(Key(key)) = map.next_key::<Key>()? {
            match key.as_ref() {
                "id" => {
                    once(&mut seen, 0)?;
                    survey_id = Some(map.next_value()?);
                }
                "name" => {
                    once(&mut seen, 1)?;
                    name = text_of(map.next_value()?)?;
                }
                "respondents" => {
                    once(&mut seen, 2)?;
                    respondents = num_of(map.next_value()?)?;
                }
                "method" => {
                    once(&mut seen, 3)?;
                    method = text_of(map.next_value()?)?;
                }
                "satisfied_options" => {
                    once(&mut seen, 4)?;
                    satisfied = num_of(map.next_value()?)?;
                }
                "options" => {
                    once(&mut seen, 5)?;
                    options = map.next_value_seed(List(OptionSeed))?;
                }
                "questions" => {
                    once(&mut seen, 6)?;
                    questions = map.next_value_seed(List(QuestionSeed))?;
                }
                _ => {
                    if extra.insert(key.into_owned(), map.next_value()?).is_some() {
                        return Err(bail());
                    }
                }
            }
        }
        Ok(Survey {
            id: id(survey_id)?,
            name: name.unwrap_or_default(),
            respondents,
            method,
            satisfied_options: satisfied,
            options,
            questions,
            extra,
        })
    }
}

#[derive(Clone, Copy)]
struct OptionSeed;

impl<'de> DeserializeSeed<'de> for OptionSeed {
    type Value = SurveyOption;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<SurveyOption, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for OptionSeed {
    type Value = SurveyOption;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a survey option")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<SurveyOption, A::Error> {
        let mut seen = 0u32;
        let (mut label, mut weight) = (None, None);
        let mut extra = Extra::new();
        while let Some(Key(key)) = map.next_key::<Key>()? {
            match key.as_ref() {
                "label" => {
                    once(&mut seen, 0)?;
                    label = text_of(map.next_value()?)?;
                }
                "weight" => {
                    once(&mut seen, 1)?;
                    weight = num_of(map.next_value()?)?;
                }
                _ => {
                    if extra.insert(key.into_owned(), map.next_value()?).is_some() {
                        return Err(bail());
                    }
                }
            }
        }
        Ok(SurveyOption {
            label: label.unwrap_or_default(),
            weight,
            extra,
        })
    }
}

#[derive(Clone, Copy)]
struct QuestionSeed;

impl<'de> DeserializeSeed<'de> for QuestionSeed {
    type Value = Question;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Question, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for QuestionSeed {
    type Value = Question;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a question")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Question, A::Error> {
        let mut seen = 0u32;
        let (mut question_id, mut question_text, mut counts) = (None, None, Vec::new());
        let mut extra = Extra::new();
        while let Some(Key(key)) = map.next_key::<Key>()? {
            match key.as_ref() {
                "id" => {
                    once(&mut seen, 0)?;
                    question_id = Some(map.next_value()?);
                }
                "text" => {
                    once(&mut seen, 1)?;
                    question_text = text_of(map.next_value()?)?;
                }
                "counts" => {
                    once(&mut seen, 2)?;
                    counts = map
                        .next_value::<Option<Vec<Scalar>>>()?
                        .unwrap_or_default()
                        .into_iter()
                        .map(|v| num_of(v).map(|n| n.unwrap_or_else(|| Num::new(""))))
                        .collect::<Result<_, A::Error>>()?;
                }
                _ => {
                    if extra.insert(key.into_owned(), map.next_value()?).is_some() {
                        return Err(bail());
                    }
                }
            }
        }
        Ok(Question {
            id: id(question_id)?,
            text: question_text.unwrap_or_default(),
            counts,
            extra,
        })
    }
}

/// A list of nodes (null reads as none). The nodes are pushed on a scratch stack shared by the
/// whole tree and moved off it into a list of exactly their number: a list grown one node at a
/// time would be copied to larger and larger blocks (a node is several hundred bytes).
#[derive(Clone, Copy)]
struct Nodes<'s>(&'s RefCell<Vec<Node>>);

impl<'de> DeserializeSeed<'de> for Nodes<'_> {
    type Value = Vec<Node>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Vec<Node>, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Nodes<'_> {
    type Value = Vec<Node>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list of indicators")
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<Vec<Node>, E> {
        Ok(Vec::new())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<Node>, A::Error> {
        let start = self.0.borrow().len();
        while let Some(node) = seq.next_element_seed(NodeSeed(self.0))? {
            self.0.borrow_mut().push(node);
        }
        let mut stack = self.0.borrow_mut();
        if start > stack.len() {
            return Err(bail());
        }
        Ok(stack.split_off(start))
    }
}

#[derive(Clone, Copy)]
struct NodeSeed<'s>(&'s RefCell<Vec<Node>>);

impl<'de> DeserializeSeed<'de> for NodeSeed<'_> {
    type Value = Node;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Node, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for NodeSeed<'_> {
    type Value = Node;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an indicator")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
        let mut seen = 0u32;
        let (mut node_id, mut name, mut children) = (None, None, None);
        let mut leaf = Leaf {
            id: String::new(),
            name: String::new(),
            points: None,
            applicable: true,
            reason: String::new(),
            unit: None,
            target_text: None,
            actual_text: None,
            written: None,
            rule: Rule::default(),
            extra: Extra::new(),
        };
        let mut leaf_fields = false;
        while let Some(Key(key)) = map.next_key::<Key>()? {
            match key.as_ref() {
                "id" => {
                    once(&mut seen, 0)?;
                    node_id = Some(map.next_value()?);
                }
                "name" => {
                    once(&mut seen, 1)?;
                    name = text_of(map.next_value()?)?;
                }
                "children" => {
                    once(&mut seen, 2)?;
                    children = Some(map.next_value_seed(Nodes(self.0))?);
                }
                "points" => {
                    once(&mut seen, 3)?;
                    leaf_fields = true;
                    leaf.points = num_of(map.next_value()?)?;
                }
                "applicable" => {
                    once(&mut seen, 4)?;
                    leaf_fields = true;
                    leaf.applicable = match map.next_value::<Value>()? {
                        Value::Null => true,
                        Value::Bool(b) => b,
                        _ => return Err(bail()),
                    };
                }
                "reason" => {
                    once(&mut seen, 5)?;
                    leaf_fields = true;
                    leaf.reason = text_of(map.next_value()?)?.unwrap_or_default();
                }
                "unit" => {
                    once(&mut seen, 6)?;
                    leaf_fields = true;
                    leaf.unit = text_of(map.next_value()?)?;
                }
                "target_text" => {
                    once(&mut seen, 7)?;
                    leaf_fields = true;
                    leaf.target_text = text_of(map.next_value()?)?;
                }
                "actual_text" => {
                    once(&mut seen, 8)?;
                    leaf_fields = true;
                    leaf.actual_text = text_of(map.next_value()?)?;
                }
                "written" => {
                    once(&mut seen, 10)?;
                    leaf_fields = true;
                    leaf.written = text_of(map.next_value()?)?;
                }
                "rule" => {
                    once(&mut seen, 9)?;
                    leaf_fields = true;
                    leaf.rule = map.next_value_seed(RuleSeed)?;
                }
                _ => {
                    if leaf
                        .extra
                        .insert(key.into_owned(), map.next_value()?)
                        .is_some()
                    {
                        return Err(bail());
                    }
                }
            }
        }
        let node_id = id(node_id)?;
        let name = name.unwrap_or_default();
        match children {
            // A group with a leaf's fields keeps them as unknown fields: the careful reader does that.
            Some(_) if leaf_fields => Err(bail()),
            Some(children) => Ok(Node::Group(Group {
                id: node_id,
                name,
                children,
                extra: leaf.extra,
            })),
            None => Ok(Node::Leaf(Leaf {
                id: node_id,
                name,
                ..leaf
            })),
        }
    }
}

#[derive(Clone, Copy)]
struct RuleSeed;

impl<'de> DeserializeSeed<'de> for RuleSeed {
    type Value = Rule;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Rule, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for RuleSeed {
    type Value = Rule;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a rule")
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<Rule, E> {
        Ok(Rule::default())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Rule, A::Error> {
        let mut seen = 0u32;
        let mut rule = Rule::default();
        let mut kind = None;
        while let Some(Key(key)) = map.next_key::<Key>()? {
            let bit = match key.as_ref() {
                "kind" => 0,
                "target" => 1,
                "actual" => 2,
                "tolerance" => 3,
                "formula" => 4,
                "tier" => 5,
                "fraction" => 6,
                "score" => 7,
                "survey" => 8,
                "unit" => 9,
                "inferred" => 10,
                "steps" => 11,
                _ => {
                    if rule
                        .extra
                        .insert(key.into_owned(), map.next_value()?)
                        .is_some()
                    {
                        return Err(bail());
                    }
                    continue;
                }
            };
            once(&mut seen, bit)?;
            if bit == 11 {
                rule.steps = steps(map.next_value()?)?;
                continue;
            }
            let value: Scalar = map.next_value()?;
            match bit {
                0 => kind = text_of(value)?,
                1 => rule.target = num_of(value)?,
                2 => rule.actual = num_of(value)?,
                3 => rule.tolerance = num_of(value)?,
                4 => rule.formula = text_of(value)?,
                5 => rule.tier = text_of(value)?,
                6 => rule.fraction = num_of(value)?,
                7 => rule.score = num_of(value)?,
                8 => rule.survey = text_of(value)?,
                9 => rule.unit = text_of(value)?,
                _ => rule.inferred = text_of(value)?,
            }
        }
        rule.kind = kind.unwrap_or_default();
        Ok(rule)
    }
}

/// 区间计分 steps: none for null, else a list of objects with min and fraction.
fn steps<E: serde::de::Error>(value: Value) -> Result<Option<Vec<Step>>, E> {
    let items = match value {
        Value::Null => return Ok(None),
        Value::Array(items) => items,
        _ => return Err(bail()),
    };
    let mut steps = Vec::with_capacity(items.len());
    for item in items {
        let Value::Object(mut m) = item else {
            return Err(bail());
        };
        let min = m.shift_remove("min").map(num).transpose()?.flatten();
        let fraction = m.shift_remove("fraction").map(num).transpose()?.flatten();
        steps.push(Step {
            min,
            fraction,
            extra: m,
        });
    }
    Ok(Some(steps))
}
