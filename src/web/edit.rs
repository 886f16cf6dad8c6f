//! Edits the page makes to a document: each is one user action, applied to a copy.
//! Pure Rust, tested natively.

use jixiao_core::model::{
    BudgetLine, Document, Group, Leaf, Node, Question, Rule, Step, Survey, SurveyOption,
};
use jixiao_core::Num;

/// Which way a row moves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dir {
    Up,
    Down,
}

/// A text field of a budget line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LineField {
    Name,
    Initial,
    Planned,
    Received,
    Spent,
    Note,
}

/// A field of a leaf or of its rule that is typed in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LeafField {
    Points,
    Reason,
    Unit,
    Target,
    Actual,
    Tolerance,
    Formula,
    Tier,
    Fraction,
    Score,
    Survey,
}

/// A field of a survey.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SurveyField {
    Name,
    Respondents,
    Method,
    SatisfiedOptions,
}

/// A settings field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SettingField {
    DeviationThreshold,
    MinExecutionRate,
    MismatchMargin,
}

/// Option weights offered as presets (the spec's two five-level scales).
pub const PRESETS: [[(&str, &str); 5]; 2] = [
    [
        ("非常满意", "100"),
        ("满意", "80"),
        ("一般", "60"),
        ("不满意", "30"),
        ("很不满意", "0"),
    ],
    [
        ("非常满意", "100"),
        ("满意", "80"),
        ("一般", "60"),
        ("不满意", "20"),
        ("很不满意", "0"),
    ],
];

/// One user action on the document. Tree nodes are addressed by their index path.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    Meta(String, String),
    Setting(SettingField, String),
    GradeLabel(usize, String),
    GradeMin(usize, String),
    AddGrade,
    RemoveGrade(usize),
    AddLine,
    RemoveLine(usize),
    MoveLine(usize, Dir),
    Line(usize, LineField, String),
    AddNode {
        parent: Vec<usize>,
        group: bool,
    },
    RemoveNode(Vec<usize>),
    MoveNode(Vec<usize>, Dir),
    NodeName(Vec<usize>, String),
    Leaf(Vec<usize>, LeafField, String),
    RuleKind(Vec<usize>, String),
    Applicable(Vec<usize>, bool),
    UseSteps(Vec<usize>, bool),
    AddStep(Vec<usize>),
    RemoveStep(Vec<usize>, usize),
    StepMin(Vec<usize>, usize, String),
    StepFraction(Vec<usize>, usize, String),
    AddSurvey,
    RemoveSurvey(usize),
    Survey(usize, SurveyField, String),
    AddOption(usize),
    RemoveOption(usize, usize),
    OptionLabel(usize, usize, String),
    OptionWeight(usize, usize, String),
    Preset(usize, usize),
    AddQuestion(usize),
    RemoveQuestion(usize, usize),
    MoveQuestion(usize, usize, Dir),
    QuestionText(usize, usize, String),
    Count(usize, usize, usize, String),
    /// Any field by its path (a value found by 需要多少).
    SetPath(String, String),
    ScenarioName(usize, String),
    RemoveScenario(usize),
    /// Makes a scenario's changes part of the base (and drops the scenario).
    ApplyScenario(usize),
}

impl Edit {
    /// Typing into the same field makes one undo step, not one per keystroke: edits with the
    /// same key are merged. Structural edits have no key.
    pub fn merge_key(&self) -> Option<String> {
        let key = match self {
            Edit::Meta(k, _) => format!("meta/{k}"),
            Edit::Setting(f, _) => format!("setting/{f:?}"),
            Edit::GradeLabel(i, _) => format!("grade-label/{i}"),
            Edit::GradeMin(i, _) => format!("grade-min/{i}"),
            Edit::Line(i, f, _) => format!("line/{i}/{f:?}"),
            Edit::NodeName(p, _) => format!("node/{p:?}/name"),
            Edit::Leaf(p, f, _) => format!("node/{p:?}/{f:?}"),
            Edit::StepMin(p, i, _) => format!("node/{p:?}/step/{i}/min"),
            Edit::StepFraction(p, i, _) => format!("node/{p:?}/step/{i}/fraction"),
            Edit::Survey(i, f, _) => format!("survey/{i}/{f:?}"),
            Edit::OptionLabel(i, j, _) => format!("survey/{i}/option/{j}/label"),
            Edit::OptionWeight(i, j, _) => format!("survey/{i}/option/{j}/weight"),
            Edit::QuestionText(i, q, _) => format!("survey/{i}/question/{q}/text"),
            Edit::Count(i, q, j, _) => format!("survey/{i}/question/{q}/count/{j}"),
            Edit::ScenarioName(i, _) => format!("scenario/{i}/name"),
            _ => return None,
        };
        Some(key)
    }

    /// Applies the edit; an address that no longer exists leaves the document as it is.
    pub fn apply(self, doc: &mut Document) {
        match self {
            Edit::Meta(key, value) => {
                doc.meta.insert(key, value.into());
            }
            Edit::Setting(field, value) => {
                let slot = match field {
                    SettingField::DeviationThreshold => &mut doc.settings.deviation_threshold,
                    SettingField::MinExecutionRate => &mut doc.settings.min_execution_rate,
                    SettingField::MismatchMargin => &mut doc.settings.mismatch_margin,
                };
                *slot = optional_num(value);
            }
            Edit::GradeLabel(i, value) => {
                if let Some(band) = grades(doc).get_mut(i) {
                    band.label = value;
                }
            }
            Edit::GradeMin(i, value) => {
                if let Some(band) = grades(doc).get_mut(i) {
                    band.min = Some(Num::new(value));
                }
            }
            Edit::AddGrade => grades(doc).push(jixiao_core::model::GradeBand {
                label: String::new(),
                min: Some(Num::new("")),
            }),
            Edit::RemoveGrade(i) => remove_at(grades(doc), i),
            Edit::AddLine => {
                let id = fresh_id("b", doc.budget.iter().map(|b| b.id.as_str()));
                doc.budget.push(BudgetLine {
                    id,
                    planned: Some(Num::new("")),
                    spent: Some(Num::new("")),
                    ..BudgetLine::default()
                });
            }
            Edit::RemoveLine(i) => remove_at(&mut doc.budget, i),
            Edit::MoveLine(i, dir) => move_within(&mut doc.budget, i, dir),
            Edit::Line(i, field, value) => {
                if let Some(line) = doc.budget.get_mut(i) {
                    match field {
                        LineField::Name => line.name = value,
                        LineField::Note => line.note = value,
                        LineField::Initial => line.initial = optional_num(value),
                        LineField::Received => line.received = optional_num(value),
                        LineField::Planned => line.planned = Some(Num::new(value)),
                        LineField::Spent => line.spent = Some(Num::new(value)),
                    }
                }
            }
            Edit::AddNode { parent, group } => add_node(doc, &parent, group),
            Edit::RemoveNode(path) => {
                if let Some((last, parent)) = path.split_last() {
                    if let Some(siblings) = children_mut(doc, parent) {
                        remove_at(siblings, *last);
                    }
                }
            }
            Edit::MoveNode(path, dir) => {
                if let Some((last, parent)) = path.split_last() {
                    if let Some(siblings) = children_mut(doc, parent) {
                        move_within(siblings, *last, dir);
                    }
                }
            }
            Edit::NodeName(path, value) => match node_mut(doc, &path) {
                Some(Node::Group(g)) => g.name = value,
                Some(Node::Leaf(l)) => l.name = value,
                None => {}
            },
            Edit::Leaf(path, field, value) => {
                if let Some(leaf) = leaf_mut(doc, &path) {
                    set_leaf_field(leaf, field, value);
                }
            }
            Edit::RuleKind(path, kind) => {
                if let Some(leaf) = leaf_mut(doc, &path) {
                    leaf.rule.kind = kind;
                }
            }
            Edit::Applicable(path, applicable) => {
                if let Some(leaf) = leaf_mut(doc, &path) {
                    leaf.applicable = applicable;
                }
            }
            Edit::UseSteps(path, on) => {
                if let Some(leaf) = leaf_mut(doc, &path) {
                    leaf.rule.steps = on.then(|| {
                        [("90", "1"), ("80", "0.8"), ("60", "0.6"), ("0", "0")]
                            .into_iter()
                            .map(|(min, fraction)| step(min, fraction))
                            .collect()
                    });
                }
            }
            Edit::AddStep(path) => {
                if let Some(steps) = steps_mut(doc, &path) {
                    steps.push(step("", ""));
                }
            }
            Edit::RemoveStep(path, i) => {
                if let Some(steps) = steps_mut(doc, &path) {
                    remove_at(steps, i);
                }
            }
            Edit::StepMin(path, i, value) => {
                if let Some(s) = steps_mut(doc, &path).and_then(|s| s.get_mut(i)) {
                    s.min = Some(Num::new(value));
                }
            }
            Edit::StepFraction(path, i, value) => {
                if let Some(s) = steps_mut(doc, &path).and_then(|s| s.get_mut(i)) {
                    s.fraction = Some(Num::new(value));
                }
            }
            Edit::AddSurvey => {
                let id = fresh_id("s", doc.surveys.iter().map(|s| s.id.as_str()));
                let options = preset_options(1);
                let counts = vec![Num::new("0"); options.len()];
                doc.surveys.push(Survey {
                    id,
                    name: String::new(),
                    options,
                    questions: vec![Question {
                        id: "q1".into(),
                        counts,
                        ..Question::default()
                    }],
                    ..Survey::default()
                });
            }
            Edit::RemoveSurvey(i) => remove_at(&mut doc.surveys, i),
            Edit::Survey(i, field, value) => {
                if let Some(s) = doc.surveys.get_mut(i) {
                    match field {
                        SurveyField::Name => s.name = value,
                        SurveyField::Respondents => s.respondents = optional_num(value),
                        SurveyField::SatisfiedOptions => s.satisfied_options = optional_num(value),
                        SurveyField::Method => {
                            s.method = (value != "weighted" && !value.is_empty()).then_some(value)
                        }
                    }
                }
            }
            Edit::AddOption(i) => {
                if let Some(s) = doc.surveys.get_mut(i) {
                    s.options.push(SurveyOption {
                        label: String::new(),
                        weight: Some(Num::new("0")),
                        extra: Default::default(),
                    });
                    for q in &mut s.questions {
                        q.counts.push(Num::new("0"));
                    }
                }
            }
            Edit::RemoveOption(i, j) => {
                if let Some(s) = doc.surveys.get_mut(i) {
                    if j < s.options.len() {
                        s.options.remove(j);
                        for q in &mut s.questions {
                            remove_at(&mut q.counts, j);
                        }
                    }
                }
            }
            Edit::OptionLabel(i, j, value) => {
                if let Some(o) = doc.surveys.get_mut(i).and_then(|s| s.options.get_mut(j)) {
                    o.label = value;
                }
            }
            Edit::OptionWeight(i, j, value) => {
                if let Some(o) = doc.surveys.get_mut(i).and_then(|s| s.options.get_mut(j)) {
                    o.weight = Some(Num::new(value));
                }
            }
            Edit::Preset(i, preset) => {
                if let Some(s) = doc.surveys.get_mut(i) {
                    let options = preset_options(preset);
                    for q in &mut s.questions {
                        q.counts.resize(options.len(), Num::new("0"));
                    }
                    s.options = options;
                }
            }
            Edit::AddQuestion(i) => {
                if let Some(s) = doc.surveys.get_mut(i) {
                    let id = fresh_id("q", s.questions.iter().map(|q| q.id.as_str()));
                    s.questions.push(Question {
                        id,
                        counts: vec![Num::new("0"); s.options.len()],
                        ..Question::default()
                    });
                }
            }
            Edit::RemoveQuestion(i, q) => {
                if let Some(s) = doc.surveys.get_mut(i) {
                    remove_at(&mut s.questions, q);
                }
            }
            Edit::MoveQuestion(i, q, dir) => {
                if let Some(s) = doc.surveys.get_mut(i) {
                    move_within(&mut s.questions, q, dir);
                }
            }
            Edit::QuestionText(i, q, value) => {
                if let Some(q) = doc.surveys.get_mut(i).and_then(|s| s.questions.get_mut(q)) {
                    q.text = value;
                }
            }
            Edit::SetPath(path, value) => {
                let _ = jixiao_core::whatif::set(doc, &path, &value);
            }
            Edit::ScenarioName(i, name) => {
                if let Some(s) = doc.scenarios.get_mut(i) {
                    s.name = name;
                }
            }
            Edit::RemoveScenario(i) => remove_at(&mut doc.scenarios, i),
            Edit::ApplyScenario(i) => {
                if i < doc.scenarios.len() {
                    let scenario = doc.scenarios.remove(i);
                    for c in &scenario.changes {
                        let _ = jixiao_core::whatif::set(doc, &c.path, &c.value);
                    }
                }
            }
            Edit::Count(i, q, j, value) => {
                if let Some(c) = doc
                    .surveys
                    .get_mut(i)
                    .and_then(|s| s.questions.get_mut(q))
                    .and_then(|q| q.counts.get_mut(j))
                {
                    *c = Num::new(value);
                }
            }
        }
    }
}

fn step(min: &str, fraction: &str) -> Step {
    Step {
        min: Some(Num::new(min)),
        fraction: Some(Num::new(fraction)),
        extra: Default::default(),
    }
}

fn preset_options(preset: usize) -> Vec<SurveyOption> {
    PRESETS[preset.min(PRESETS.len() - 1)]
        .iter()
        .map(|(label, weight)| SurveyOption {
            label: (*label).into(),
            weight: Some(Num::new(*weight)),
            extra: Default::default(),
        })
        .collect()
}

/// An optional number: an emptied field removes it (so `received` falls back to `planned`).
fn optional_num(value: String) -> Option<Num> {
    (!value.trim().is_empty()).then(|| Num::new(value))
}

fn grades(doc: &mut Document) -> &mut Vec<jixiao_core::model::GradeBand> {
    doc.settings.grades.get_or_insert_with(|| {
        jixiao_core::scoring::policy::default_grades()
            .into_iter()
            .map(|(label, min)| jixiao_core::model::GradeBand {
                label,
                min: Some(Num::from_decimal(min)),
            })
            .collect()
    })
}

fn set_leaf_field(leaf: &mut Leaf, field: LeafField, value: String) {
    let rule = &mut leaf.rule;
    let text = |v: String| (!v.is_empty()).then_some(v);
    match field {
        LeafField::Points => leaf.points = Some(Num::new(value)),
        LeafField::Reason => leaf.reason = value,
        LeafField::Unit => {
            // Written where the file had it (older files keep it on the rule).
            if rule.unit.is_some() && leaf.unit.is_none() {
                rule.unit = text(value);
            } else {
                leaf.unit = text(value);
            }
        }
        LeafField::Target => rule.target = Some(Num::new(value)),
        LeafField::Actual => rule.actual = Some(Num::new(value)),
        LeafField::Tolerance => rule.tolerance = optional_num(value),
        LeafField::Formula => rule.formula = text(value),
        LeafField::Tier => rule.tier = text(value),
        LeafField::Fraction => rule.fraction = optional_num(value),
        LeafField::Score => rule.score = Some(Num::new(value)),
        LeafField::Survey => rule.survey = text(value),
    }
}

fn remove_at<T>(items: &mut Vec<T>, i: usize) {
    if i < items.len() {
        items.remove(i);
    }
}

fn move_within<T>(items: &mut [T], i: usize, dir: Dir) {
    let j = match dir {
        Dir::Up => i.checked_sub(1),
        Dir::Down => Some(i + 1),
    };
    if let Some(j) = j.filter(|&j| j < items.len() && i < items.len()) {
        items.swap(i, j);
    }
}

/// An id `prefix` + the smallest number not yet taken.
pub fn fresh_id<'a>(prefix: &str, taken: impl Iterator<Item = &'a str>) -> String {
    let taken: std::collections::HashSet<&str> = taken.collect();
    (1..)
        .map(|n| format!("{prefix}{n}"))
        .find(|id| !taken.contains(id.as_str()))
        .expect("an unbounded range always has a free id")
}

/// Every indicator id in the tree.
pub fn indicator_ids(nodes: &[Node], out: &mut Vec<String>) {
    for n in nodes {
        out.push(n.id().to_string());
        if let Node::Group(g) = n {
            indicator_ids(&g.children, out);
        }
    }
}

fn add_node(doc: &mut Document, parent: &[usize], group: bool) {
    let mut taken = Vec::new();
    indicator_ids(&doc.indicators, &mut taken);
    let prefix = if parent.is_empty() {
        "N".to_string()
    } else {
        match node_mut(doc, parent) {
            Some(Node::Group(g)) => g.id.clone(),
            _ => return,
        }
    };
    let id = fresh_id(&prefix, taken.iter().map(String::as_str));
    let node = if group {
        Node::Group(Group {
            id,
            ..Group::default()
        })
    } else {
        Node::Leaf(Leaf {
            id,
            name: String::new(),
            points: Some(Num::new("")),
            applicable: true,
            reason: String::new(),
            unit: None,
            rule: Rule {
                kind: "at_least".into(),
                target: Some(Num::new("")),
                actual: Some(Num::new("")),
                ..Rule::default()
            },
            extra: Default::default(),
        })
    };
    if let Some(children) = children_mut(doc, parent) {
        children.push(node);
    }
}

/// The children of the group at `path` (the top level for an empty path).
pub fn children_mut<'a>(doc: &'a mut Document, path: &[usize]) -> Option<&'a mut Vec<Node>> {
    if path.is_empty() {
        return Some(&mut doc.indicators);
    }
    match node_mut(doc, path)? {
        Node::Group(g) => Some(&mut g.children),
        Node::Leaf(_) => None,
    }
}

pub fn node_mut<'a>(doc: &'a mut Document, path: &[usize]) -> Option<&'a mut Node> {
    let (first, rest) = path.split_first()?;
    let mut node = doc.indicators.get_mut(*first)?;
    for &i in rest {
        node = match node {
            Node::Group(g) => g.children.get_mut(i)?,
            Node::Leaf(_) => return None,
        };
    }
    Some(node)
}

fn leaf_mut<'a>(doc: &'a mut Document, path: &[usize]) -> Option<&'a mut Leaf> {
    match node_mut(doc, path)? {
        Node::Leaf(l) => Some(l),
        Node::Group(_) => None,
    }
}

fn steps_mut<'a>(doc: &'a mut Document, path: &[usize]) -> Option<&'a mut Vec<Step>> {
    leaf_mut(doc, path)?.rule.steps.as_mut()
}

/// The ids of the groups that contain the indicator `id`, outermost first.
pub fn ancestors(nodes: &[Node], id: &str) -> Option<Vec<String>> {
    for n in nodes {
        if n.id() == id {
            return Some(Vec::new());
        }
        if let Node::Group(g) = n {
            if let Some(mut found) = ancestors(&g.children, id) {
                found.insert(0, g.id.clone());
                return Some(found);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use jixiao_core::templates::template;

    #[test]
    fn nodes_are_added_removed_and_moved_by_path() {
        let mut doc = template("kunming-2022").unwrap();
        Edit::AddNode {
            parent: vec![2, 0, 0],
            group: false,
        }
        .apply(&mut doc);
        assert_eq!(
            doc_ids(&doc, &[2, 0, 0]),
            ["C111", "C112", "C113", "C114", "C115"]
        );
        Edit::MoveNode(vec![2, 0, 0, 4], Dir::Up).apply(&mut doc);
        assert_eq!(doc_ids(&doc, &[2, 0, 0])[3], "C115");
        Edit::RemoveNode(vec![1]).apply(&mut doc);
        assert_eq!(doc.indicators.len(), 2);
        assert_eq!(doc.indicators[1].id(), "C");
        Edit::AddNode {
            parent: vec![],
            group: true,
        }
        .apply(&mut doc);
        assert_eq!(doc.indicators[2].id(), "N1");
    }

    fn doc_ids(doc: &Document, path: &[usize]) -> Vec<String> {
        let mut doc = doc.clone();
        children_mut(&mut doc, path)
            .unwrap()
            .iter()
            .map(|n| n.id().to_string())
            .collect()
    }

    #[test]
    fn options_and_counts_stay_aligned() {
        let mut doc = template("kunming-2022").unwrap();
        Edit::RemoveOption(0, 1).apply(&mut doc);
        assert!(doc.surveys[0].questions.iter().all(|q| q.counts.len() == 4));
        Edit::AddOption(0).apply(&mut doc);
        assert!(doc.surveys[0].questions.iter().all(|q| q.counts.len() == 5));
        Edit::Preset(0, 0).apply(&mut doc);
        assert_eq!(
            doc.surveys[0].options[3].weight.as_ref().unwrap().raw(),
            "30"
        );
    }

    #[test]
    fn ancestors_of_a_leaf() {
        let doc = template("kunming-2022").unwrap();
        assert_eq!(
            ancestors(&doc.indicators, "C111"),
            Some(vec!["C".into(), "C1".into(), "C11".into()])
        );
        assert_eq!(ancestors(&doc.indicators, "nope"), None);
    }

    #[test]
    fn typing_in_one_field_merges() {
        let a = Edit::Leaf(vec![1], LeafField::Actual, "1".into());
        let b = Edit::Leaf(vec![1], LeafField::Actual, "12".into());
        let c = Edit::Leaf(vec![1], LeafField::Target, "12".into());
        assert_eq!(a.merge_key(), b.merge_key());
        assert_ne!(a.merge_key(), c.merge_key());
        assert_eq!(Edit::AddLine.merge_key(), None);
    }
}
