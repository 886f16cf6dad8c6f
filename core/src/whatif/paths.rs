//! Fields addressed by path, the same paths findings use: `budget/b3/spent`,
//! `indicators/C112/rule/actual`, `surveys/s1/questions/q2/counts/2`, `settings/min_execution_rate`.

use crate::model::{Document, Leaf, Node};
use crate::number::Num;
use std::fmt;

/// Why a path names no field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PathError {
    /// The path is not of a form jixiao knows.
    Unknown { path: String },
    /// The item it names (a budget line, an indicator, a survey, a question) does not exist.
    Missing { path: String, item: String },
}

impl PathError {
    pub fn zh(&self) -> String {
        match self {
            PathError::Unknown { path } => format!("无法识别的字段路径“{path}”"),
            PathError::Missing { path, item } => format!("字段路径“{path}”中的“{item}”不存在"),
        }
    }

    pub fn en(&self) -> String {
        match self {
            PathError::Unknown { path } => format!("\"{path}\" is not a field path jixiao knows"),
            PathError::Missing { path, item } => format!("\"{item}\" in \"{path}\" does not exist"),
        }
    }
}

impl fmt::Display for PathError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} / {}", self.zh(), self.en())
    }
}

impl std::error::Error for PathError {}

/// A field that can be read and written as text.
pub enum Slot<'a> {
    /// An optional number (absent when cleared).
    Optional(&'a mut Option<Num>),
    /// A number that is always there (an answer count).
    Number(&'a mut Num),
    Text(&'a mut String),
    OptionalText(&'a mut Option<String>),
    Flag(&'a mut bool),
}

impl Slot<'_> {
    pub fn get(&self) -> String {
        match self {
            Slot::Optional(n) => n.as_ref().map_or(String::new(), |n| n.raw().to_string()),
            Slot::Number(n) => n.raw().to_string(),
            Slot::Text(t) => t.to_string(),
            Slot::OptionalText(t) => t.as_deref().unwrap_or_default().to_string(),
            Slot::Flag(b) => b.to_string(),
        }
    }

    pub fn set(self, value: &str) {
        match self {
            Slot::Optional(n) => *n = (!value.trim().is_empty()).then(|| Num::new(value)),
            Slot::Number(n) => *n = Num::new(value),
            Slot::Text(t) => *t = value.to_string(),
            Slot::OptionalText(t) => *t = (!value.is_empty()).then(|| value.to_string()),
            Slot::Flag(b) => *b = !matches!(value.trim(), "false" | "0" | "no" | "否"),
        }
    }

    /// Whether the field holds a number (so it can be sought).
    pub fn is_number(&self) -> bool {
        matches!(self, Slot::Optional(_) | Slot::Number(_))
    }
}

/// The field at `path`.
pub fn slot<'a>(doc: &'a mut Document, path: &str) -> Result<Slot<'a>, PathError> {
    let unknown = || PathError::Unknown {
        path: path.to_string(),
    };
    let missing = |item: &str| PathError::Missing {
        path: path.to_string(),
        item: item.to_string(),
    };
    let parts: Vec<&str> = path.trim_matches('/').split('/').collect();
    match parts.as_slice() {
        ["budget", id, field] => {
            let line = doc
                .budget
                .iter_mut()
                .find(|b| b.id == *id)
                .ok_or_else(|| missing(id))?;
            Ok(match *field {
                "initial" => Slot::Optional(&mut line.initial),
                "planned" => Slot::Optional(&mut line.planned),
                "received" => Slot::Optional(&mut line.received),
                "spent" => Slot::Optional(&mut line.spent),
                "name" => Slot::Text(&mut line.name),
                "note" => Slot::Text(&mut line.note),
                _ => return Err(unknown()),
            })
        }
        ["indicators", id, rest @ ..] => {
            let leaf = find_leaf(&mut doc.indicators, id).ok_or_else(|| missing(id))?;
            let rule = &mut leaf.rule;
            Ok(match rest {
                ["points"] => Slot::Optional(&mut leaf.points),
                ["reason"] => Slot::Text(&mut leaf.reason),
                ["unit"] => Slot::OptionalText(&mut leaf.unit),
                ["applicable"] => Slot::Flag(&mut leaf.applicable),
                ["name"] => Slot::Text(&mut leaf.name),
                ["rule", "kind"] => Slot::Text(&mut rule.kind),
                ["rule", "target"] => Slot::Optional(&mut rule.target),
                ["rule", "actual"] => Slot::Optional(&mut rule.actual),
                ["rule", "tolerance"] => Slot::Optional(&mut rule.tolerance),
                ["rule", "fraction"] => Slot::Optional(&mut rule.fraction),
                ["rule", "score"] => Slot::Optional(&mut rule.score),
                ["rule", "tier"] => Slot::OptionalText(&mut rule.tier),
                ["rule", "formula"] => Slot::OptionalText(&mut rule.formula),
                ["rule", "survey"] => Slot::OptionalText(&mut rule.survey),
                ["rule", "steps", i, field] => {
                    let step = rule
                        .steps
                        .as_mut()
                        .and_then(|s| s.get_mut(i.parse::<usize>().ok()?))
                        .ok_or_else(|| missing(i))?;
                    match *field {
                        "min" => Slot::Optional(&mut step.min),
                        "fraction" => Slot::Optional(&mut step.fraction),
                        _ => return Err(unknown()),
                    }
                }
                _ => return Err(unknown()),
            })
        }
        ["surveys", id, rest @ ..] => {
            let survey = doc
                .surveys
                .iter_mut()
                .find(|s| s.id == *id)
                .ok_or_else(|| missing(id))?;
            Ok(match rest {
                ["respondents"] => Slot::Optional(&mut survey.respondents),
                ["satisfied_options"] => Slot::Optional(&mut survey.satisfied_options),
                ["name"] => Slot::Text(&mut survey.name),
                ["options", i, "weight"] => {
                    let option = i
                        .parse::<usize>()
                        .ok()
                        .and_then(|i| survey.options.get_mut(i))
                        .ok_or_else(|| missing(i))?;
                    Slot::Optional(&mut option.weight)
                }
                ["questions", q, "counts", i] => {
                    let question = survey
                        .questions
                        .iter_mut()
                        .find(|x| x.id == *q)
                        .ok_or_else(|| missing(q))?;
                    let count = i
                        .parse::<usize>()
                        .ok()
                        .and_then(|i| question.counts.get_mut(i))
                        .ok_or_else(|| missing(i))?;
                    Slot::Number(count)
                }
                _ => return Err(unknown()),
            })
        }
        ["settings", "deviation_threshold"] => {
            Ok(Slot::Optional(&mut doc.settings.deviation_threshold))
        }
        ["settings", "min_execution_rate"] => {
            Ok(Slot::Optional(&mut doc.settings.min_execution_rate))
        }
        ["settings", "mismatch_margin"] => Ok(Slot::Optional(&mut doc.settings.mismatch_margin)),
        _ => Err(unknown()),
    }
}

/// The text of the field at `path`.
pub fn get(doc: &Document, path: &str) -> Result<String, PathError> {
    let mut copy = doc.clone();
    slot(&mut copy, path).map(|s| s.get())
}

/// Sets the field at `path` to `value` (as typed).
pub fn set(doc: &mut Document, path: &str, value: &str) -> Result<(), PathError> {
    slot(doc, path).map(|s| s.set(value))
}

/// The leaf `id`, to read (no copy of the document is needed).
pub fn leaf<'a>(nodes: &'a [Node], id: &str) -> Option<&'a Leaf> {
    nodes.iter().find_map(|node| match node {
        Node::Leaf(l) if l.id == id => Some(l),
        Node::Group(g) => leaf(&g.children, id),
        Node::Leaf(_) => None,
    })
}

pub fn find_leaf<'a>(nodes: &'a mut [Node], id: &str) -> Option<&'a mut Leaf> {
    for node in nodes {
        match node {
            Node::Leaf(l) if l.id == id => return Some(l),
            Node::Group(g) => {
                if let Some(l) = find_leaf(&mut g.children, id) {
                    return Some(l);
                }
            }
            _ => {}
        }
    }
    None
}

/// Every numeric field of the document with its path, in document order: what scenarios and
/// goal seeking can change.
pub fn numeric_paths(doc: &Document) -> Vec<String> {
    let mut out = Vec::new();
    for b in &doc.budget {
        for f in ["planned", "received", "spent"] {
            out.push(format!("budget/{}/{f}", b.id));
        }
    }
    fn walk(nodes: &[Node], out: &mut Vec<String>) {
        for n in nodes {
            match n {
                Node::Group(g) => walk(&g.children, out),
                Node::Leaf(l) => {
                    out.push(format!("indicators/{}/points", l.id));
                    for f in ["target", "actual", "tolerance", "fraction", "score"] {
                        let present = match f {
                            "target" => l.rule.target.is_some(),
                            "actual" => l.rule.actual.is_some(),
                            "tolerance" => l.rule.tolerance.is_some(),
                            "fraction" => l.rule.fraction.is_some(),
                            _ => l.rule.score.is_some(),
                        };
                        if present {
                            out.push(format!("indicators/{}/rule/{f}", l.id));
                        }
                    }
                }
            }
        }
    }
    walk(&doc.indicators, &mut out);
    for s in &doc.surveys {
        if s.respondents.is_some() {
            out.push(format!("surveys/{}/respondents", s.id));
        }
        for (i, _) in s.options.iter().enumerate() {
            out.push(format!("surveys/{}/options/{i}/weight", s.id));
        }
        for q in &s.questions {
            for i in 0..q.counts.len() {
                out.push(format!("surveys/{}/questions/{}/counts/{i}", s.id, q.id));
            }
        }
    }
    out
}
