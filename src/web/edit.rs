//! Edits the page makes to a document: each is one user action, applied to a copy.
//! A typed value goes through the core's one writer (`Edit::Set` with a [`FieldPath`]); the
//! structural edits add, remove and move items, addressed by id. Pure Rust, tested natively.

use jixiao_core::Num;
use jixiao_core::{get_field, set_field};
use jixiao_core::{
    siblings_mut, BudgetLine, Document, Group, Leaf, Node, Question, Rule, Step, Survey,
    SurveyOption,
};
use jixiao_core::{FieldPath, NodeField, RuleField};

/// Which way a row moves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Dir {
    Up,
    Down,
}

/// Option weights offered as presets (the spec's two five-level scales).
pub(crate) const PRESETS: [[(&str, &str); 5]; 2] = [
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

/// One user action on the document.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Edit {
    /// Any field, as typed.
    Set(FieldPath, String),
    /// Several fields at once, as if each were typed (a block of cells pasted into a table): one
    /// undo step.
    SetMany(Vec<(FieldPath, String)>),
    AddGrade,
    RemoveGrade(usize),
    AddLine,
    RemoveLine(String),
    /// A new budget line right below the line `id` (Ctrl+Enter).
    InsertLineBelow(String),
    MoveLine(String, Dir),
    /// A group or leaf under `parent` (the top level for `None`).
    AddNode {
        parent: Option<String>,
        group: bool,
    },
    /// A new leaf right below the row `id` (Ctrl+Enter): after a leaf among its siblings, or as
    /// the first child of a group.
    InsertNodeBelow(String),
    RemoveNode(String),
    MoveNode(String, Dir),
    UseSteps(String, bool),
    AddStep(String),
    RemoveStep(String, usize),
    AddSurvey,
    RemoveSurvey(String),
    AddOption(String),
    RemoveOption(String, usize),
    Preset(String, usize),
    AddQuestion(String),
    RemoveQuestion(String, String),
    MoveQuestion(String, String, Dir),
    /// Cells copied from a spreadsheet or a Word table, pasted into the indicators: new rows.
    PasteIndicators(String),
    /// Cells pasted into the budget: new lines.
    PasteBudget(String),
    ScenarioName(usize, String),
    RemoveScenario(usize),
    /// Makes a scenario's changes part of the base (and drops the scenario).
    ApplyScenario(usize),
    /// A monitoring round of this date (`2026-07-31`), empty; nothing when one has that date.
    AddRound(String),
    /// The round of this date, removed.
    RemoveRound(String),
    /// A 偏差原因 category (`funding`…) of a leaf in a round, on or off.
    ToggleCause {
        as_of: String,
        leaf: String,
        cause: String,
    },
}

impl Edit {
    /// Typing into the same field makes one undo step, not one per keystroke: edits with the
    /// same key are merged. Structural edits have no key.
    pub(crate) fn merge_key(&self) -> Option<String> {
        match self {
            Edit::Set(path, _) => Some(path.to_string()),
            Edit::ScenarioName(i, _) => Some(format!("scenario/{i}/name")),
            _ => None,
        }
    }

    /// Applies the edit; an address that no longer exists leaves the document as it is.
    pub(crate) fn apply(self, doc: &mut Document) {
        match self {
            Edit::SetMany(fields) => {
                for (path, value) in fields {
                    Edit::Set(path, value).apply(doc);
                }
            }
            Edit::Set(
                FieldPath::Node(id, Some(NodeField::Rule(Some(RuleField::Target)))),
                value,
            ) => {
                // 年度指标值 as the form writes it: `≥95%` sets the rule, target and unit at once.
                let year = doc.meta_text("year").trim().parse().ok();
                if let Some(leaf) = doc.leaf_mut(&id) {
                    jixiao_core::type_target(leaf, &value, year);
                }
            }
            Edit::Set(at, value) => {
                // A path that names nothing (the item was just removed) changes nothing.
                if set_field(doc, &at, &value).is_ok() {
                    // Changing a rule confirms it: an inference from a form no longer applies.
                    if let FieldPath::Node(id, Some(NodeField::Rule(Some(f)))) = &at {
                        if *f != RuleField::Inferred {
                            if let Some(leaf) = doc.leaf_mut(id) {
                                leaf.rule.inferred = None;
                            }
                        }
                    }
                }
            }
            Edit::AddRound(as_of) => {
                if !doc.monitoring.iter().any(|r| r.as_of == as_of) {
                    doc.monitoring.push(jixiao_core::Round {
                        as_of,
                        ..Default::default()
                    });
                    doc.monitoring
                        .sort_by_key(|r| jixiao_core::parse_date(&r.as_of));
                }
            }
            Edit::RemoveRound(as_of) => doc.monitoring.retain(|r| r.as_of != as_of),
            Edit::ToggleCause { as_of, leaf, cause } => {
                // Its note written back through the one writer first, so that the leaf's report
                // exists (an unreported leaf's note reads empty).
                let at = FieldPath::Round(
                    as_of.clone(),
                    Some(jixiao_core::RoundField::Leaf(
                        leaf.clone(),
                        Some(jixiao_core::RoundLeafField::Reason),
                    )),
                );
                let Ok(reason) = get_field(doc, &at).map(|f| f.text().into_owned()) else {
                    return;
                };
                if set_field(doc, &at, &reason).is_err() {
                    return;
                }
                let Some(report) = doc
                    .monitoring
                    .iter_mut()
                    .find(|r| r.as_of == as_of)
                    .and_then(|r| r.indicators.iter_mut().find(|l| l.id == leaf))
                else {
                    return;
                };
                let causes = report.causes.get_or_insert_with(Vec::new);
                match causes.iter().position(|c| *c == cause) {
                    Some(i) => {
                        causes.remove(i);
                    }
                    None => causes.push(cause),
                }
                if causes.is_empty() {
                    report.causes = None;
                }
            }
            Edit::AddGrade => grades(doc).push(jixiao_core::GradeBand {
                label: String::new(),
                min: Some(Num::new("")),
            }),
            Edit::RemoveGrade(i) => remove_at(grades(doc), i),
            Edit::AddLine => {
                let line = new_line(doc);
                doc.budget.push(line);
            }
            Edit::InsertLineBelow(id) => {
                if let Some(i) = doc.budget.iter().position(|b| b.id == id) {
                    let line = new_line(doc);
                    doc.budget.insert(i.saturating_add(1), line);
                }
            }
            Edit::RemoveLine(id) => {
                if let Some(i) = doc.budget.iter().position(|b| b.id == id) {
                    doc.budget.remove(i);
                }
            }
            Edit::MoveLine(id, dir) => {
                if let Some(i) = doc.budget.iter().position(|b| b.id == id) {
                    move_within(&mut doc.budget, i, dir);
                }
            }
            Edit::AddNode { parent, group } => add_node(doc, parent.as_deref(), group),
            Edit::InsertNodeBelow(id) => insert_leaf_below(doc, &id),
            Edit::RemoveNode(id) => {
                if let Some((siblings, i)) = siblings_mut(&mut doc.indicators, &id) {
                    siblings.remove(i);
                }
            }
            Edit::MoveNode(id, dir) => {
                if let Some((siblings, i)) = siblings_mut(&mut doc.indicators, &id) {
                    move_within(siblings, i, dir);
                }
            }
            Edit::UseSteps(id, on) => {
                if let Some(leaf) = doc.leaf_mut(&id) {
                    leaf.rule.steps = on.then(|| {
                        [("90", "1"), ("80", "0.8"), ("60", "0.6"), ("0", "0")]
                            .into_iter()
                            .map(|(min, fraction)| step(min, fraction))
                            .collect()
                    });
                }
            }
            Edit::AddStep(id) => {
                if let Some(steps) = steps_mut(doc, &id) {
                    steps.push(step("", ""));
                }
            }
            Edit::RemoveStep(id, i) => {
                if let Some(steps) = steps_mut(doc, &id) {
                    remove_at(steps, i);
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
            Edit::RemoveSurvey(id) => {
                if let Some(i) = doc.surveys.iter().position(|s| s.id == id) {
                    doc.surveys.remove(i);
                }
            }
            Edit::AddOption(id) => {
                if let Some(s) = survey_mut(doc, &id) {
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
            Edit::RemoveOption(id, j) => {
                if let Some(s) = survey_mut(doc, &id) {
                    if j < s.options.len() {
                        s.options.remove(j);
                        for q in &mut s.questions {
                            remove_at(&mut q.counts, j);
                        }
                    }
                }
            }
            Edit::Preset(id, preset) => {
                if let Some(s) = survey_mut(doc, &id) {
                    let options = preset_options(preset);
                    for q in &mut s.questions {
                        q.counts.resize(options.len(), Num::new("0"));
                    }
                    s.options = options;
                }
            }
            Edit::AddQuestion(id) => {
                if let Some(s) = survey_mut(doc, &id) {
                    let qid = fresh_id("q", s.questions.iter().map(|q| q.id.as_str()));
                    s.questions.push(Question {
                        id: qid,
                        counts: vec![Num::new("0"); s.options.len()],
                        ..Question::default()
                    });
                }
            }
            Edit::RemoveQuestion(id, q) => {
                if let Some(s) = survey_mut(doc, &id) {
                    if let Some(i) = s.questions.iter().position(|x| x.id == q) {
                        s.questions.remove(i);
                    }
                }
            }
            Edit::MoveQuestion(id, q, dir) => {
                if let Some(s) = survey_mut(doc, &id) {
                    if let Some(i) = s.questions.iter().position(|x| x.id == q) {
                        move_within(&mut s.questions, i, dir);
                    }
                }
            }
            Edit::PasteIndicators(text) => {
                let year = doc.meta_text("year").trim().parse().ok();
                if let Some(nodes) = jixiao_core::paste_indicators(&text, year) {
                    let mut taken: std::collections::HashSet<String> = doc
                        .indicator_ids()
                        .into_iter()
                        .map(str::to_string)
                        .collect();
                    for node in nodes {
                        let node = with_fresh_ids(node, &mut taken);
                        // A first-level group of the same name takes the pasted rows.
                        let same = match &node {
                            Node::Group(g) => doc.indicators.iter_mut().find_map(|n| match n {
                                Node::Group(existing) if existing.name == g.name => Some(existing),
                                _ => None,
                            }),
                            Node::Leaf(_) => None,
                        };
                        match (same, node) {
                            (Some(existing), Node::Group(g)) => {
                                existing.children.extend(g.children)
                            }
                            (_, node) => doc.indicators.push(node),
                        }
                    }
                }
            }
            Edit::PasteBudget(text) => {
                if let Some(lines) = jixiao_core::paste_budget(&text) {
                    for mut line in lines {
                        line.id = fresh_id("b", doc.budget.iter().map(|b| b.id.as_str()));
                        doc.budget.push(line);
                    }
                }
            }
            Edit::ScenarioName(i, name) => {
                if let Some(s) = doc.scenarios.get_mut(i) {
                    s.name = name;
                }
            }
            Edit::RemoveScenario(i) => remove_at(&mut doc.scenarios, i),
            // The scenario leaves the list only once it has been applied: one that cannot be
            // (a change to a field no longer there) stays, and the document is unchanged.
            Edit::ApplyScenario(i) => {
                let applied = doc
                    .scenarios
                    .get(i)
                    .map(|s| jixiao_core::apply_scenario(doc, s));
                if let Some(Ok(applied)) = applied {
                    let mut scenarios = std::mem::take(&mut doc.scenarios);
                    scenarios.remove(i);
                    *doc = Document {
                        scenarios,
                        ..applied
                    };
                }
            }
        }
    }
}

fn survey_mut<'a>(doc: &'a mut Document, id: &str) -> Option<&'a mut Survey> {
    doc.surveys.iter_mut().find(|s| s.id == id)
}

fn step(min: &str, fraction: &str) -> Step {
    Step {
        min: Some(Num::new(min)),
        fraction: Some(Num::new(fraction)),
        extra: Default::default(),
    }
}

fn preset_options(preset: usize) -> Vec<SurveyOption> {
    let chosen = PRESETS.get(preset).or(PRESETS.last());
    chosen
        .into_iter()
        .flatten()
        .map(|(label, weight)| SurveyOption {
            label: (*label).into(),
            weight: Some(Num::new(*weight)),
            extra: Default::default(),
        })
        .collect()
}

fn grades(doc: &mut Document) -> &mut Vec<jixiao_core::GradeBand> {
    doc.settings.grades.get_or_insert_with(|| {
        jixiao_core::default_grades()
            .into_iter()
            .map(|(label, min)| jixiao_core::GradeBand {
                label,
                min: Some(Num::from_decimal(min)),
            })
            .collect()
    })
}

fn remove_at<T>(items: &mut Vec<T>, i: usize) {
    if i < items.len() {
        items.remove(i);
    }
}

fn move_within<T>(items: &mut [T], i: usize, dir: Dir) {
    let j = match dir {
        Dir::Up => i.checked_sub(1),
        Dir::Down => i.checked_add(1),
    };
    if let Some(j) = j.filter(|&j| j < items.len() && i < items.len()) {
        items.swap(i, j);
    }
}

/// An id `prefix` + the smallest number not yet taken.
pub(crate) fn fresh_id<'a>(prefix: &str, taken: impl Iterator<Item = &'a str>) -> String {
    let taken: std::collections::HashSet<&str> = taken.collect();
    let mut n: u64 = 1;
    loop {
        let id = format!("{prefix}{n}");
        if !taken.contains(id.as_str()) || n == u64::MAX {
            return id;
        }
        n = n.saturating_add(1);
    }
}

/// The node with new ids (`P1`, `P2`…) not yet taken, its children too.
fn with_fresh_ids(node: Node, taken: &mut std::collections::HashSet<String>) -> Node {
    let id = fresh_id("P", taken.iter().map(String::as_str));
    taken.insert(id.clone());
    match node {
        Node::Leaf(leaf) => Node::Leaf(Leaf { id, ..leaf }),
        Node::Group(group) => {
            let children = group
                .children
                .into_iter()
                .map(|c| with_fresh_ids(c, taken))
                .collect();
            Node::Group(Group {
                id,
                children,
                ..group
            })
        }
    }
}

/// A fresh, empty budget line (planned and spent to fill in).
fn new_line(doc: &Document) -> BudgetLine {
    BudgetLine {
        id: fresh_id("b", doc.budget.iter().map(|b| b.id.as_str())),
        planned: Some(Num::new("")),
        spent: Some(Num::new("")),
        ..BudgetLine::default()
    }
}

/// A fresh node for the group `parent` (the top level for `None`): its id is the parent's id
/// and a number (`C11` → `C116`), a leaf's target and actual are there to fill in.
fn new_node(doc: &Document, parent: Option<&str>, group: bool) -> Node {
    let prefix = parent.unwrap_or("N");
    let id = fresh_id(prefix, doc.indicator_ids().into_iter());
    if group {
        return Node::Group(Group {
            id,
            ..Group::default()
        });
    }
    Node::Leaf(Leaf {
        id,
        name: String::new(),
        points: Some(Num::new("")),
        applicable: true,
        reason: String::new(),
        unit: None,
        target_text: None,
        actual_text: None,
        written: None,
        rule: Rule {
            kind: "at_least".into(),
            target: Some(Num::new("")),
            actual: Some(Num::new("")),
            ..Rule::default()
        },
        extra: Default::default(),
    })
}

fn add_node(doc: &mut Document, parent: Option<&str>, group: bool) {
    if parent.is_some_and(|p| !matches!(doc.node(p), Some(Node::Group(_)))) {
        return;
    }
    let node = new_node(doc, parent, group);
    let children = match parent {
        None => Some(&mut doc.indicators),
        Some(p) => match doc.node_mut(p) {
            Some(Node::Group(g)) => Some(&mut g.children),
            _ => None,
        },
    };
    if let Some(children) = children {
        children.push(node);
    }
}

fn insert_leaf_below(doc: &mut Document, id: &str) {
    let is_group = match doc.node(id) {
        Some(node) => matches!(node, Node::Group(_)),
        None => return,
    };
    if is_group {
        let node = new_node(doc, Some(id), false);
        if let Some(Node::Group(g)) = doc.node_mut(id) {
            g.children.insert(0, node);
        }
        return;
    }
    let parent = doc
        .ancestors(id)
        .and_then(|groups| groups.last().map(|g| g.id.clone()));
    let node = new_node(doc, parent.as_deref(), false);
    if let Some((siblings, i)) = siblings_mut(&mut doc.indicators, id) {
        siblings.insert(i.saturating_add(1), node);
    }
}

fn steps_mut<'a>(doc: &'a mut Document, id: &str) -> Option<&'a mut Vec<Step>> {
    doc.leaf_mut(id)?.rule.steps.as_mut()
}

#[cfg(test)]
mod tests {
    use super::*;
    use jixiao_core::template;
    use jixiao_core::RuleField;

    fn ids(nodes: &[Node]) -> Vec<&str> {
        nodes.iter().map(Node::id).collect()
    }

    fn children<'a>(doc: &'a Document, id: &str) -> Vec<&'a str> {
        match doc.node(id) {
            Some(Node::Group(g)) => ids(&g.children),
            _ => Vec::new(),
        }
    }

    #[test]
    fn a_scenario_that_cannot_be_applied_is_kept_and_one_that_can_leaves_the_list() {
        use jixiao_core::{Change, Scenario};
        let mut doc = template("kunming-2022").unwrap();
        let change = |path: &str, value: &str| Change {
            path: path.into(),
            value: value.into(),
            ..Default::default()
        };
        let first = doc.budget[0].id.clone();
        doc.scenarios = vec![
            Scenario {
                name: "gone".into(),
                changes: vec![change("budget/nowhere/spent", "1")],
                ..Default::default()
            },
            Scenario {
                name: "spend".into(),
                changes: vec![change(&format!("budget/{first}/spent"), "1.5")],
                ..Default::default()
            },
        ];
        let before = doc.clone();
        Edit::ApplyScenario(0).apply(&mut doc);
        assert_eq!(doc, before, "nothing applied, nothing dropped");
        Edit::ApplyScenario(1).apply(&mut doc);
        assert_eq!(doc.scenarios.len(), 1);
        assert_eq!(doc.scenarios[0].name, "gone");
        assert_eq!(doc.budget[0].spent.as_ref().unwrap().raw(), "1.5");
    }

    #[test]
    fn ctrl_enter_inserts_a_row_right_below() {
        let mut doc = template("kunming-2022").unwrap();
        Edit::InsertNodeBelow("C112".into()).apply(&mut doc);
        assert_eq!(
            children(&doc, "C11"),
            ["C111", "C112", "C115", "C113", "C114"]
        );
        // Below a group row: its first child.
        Edit::InsertNodeBelow("C11".into()).apply(&mut doc);
        assert_eq!(children(&doc, "C11")[0], "C116");
        let first = doc.budget[0].id.clone();
        let count = doc.budget.len();
        Edit::InsertLineBelow(first).apply(&mut doc);
        assert_eq!(doc.budget.len(), count + 1);
        assert!(doc.budget[1].name.is_empty() && doc.budget[1].id != doc.budget[0].id);
        // An id that is not there changes nothing.
        let before = doc.clone();
        Edit::InsertNodeBelow("nowhere".into()).apply(&mut doc);
        Edit::InsertLineBelow("nowhere".into()).apply(&mut doc);
        assert_eq!(doc, before);
    }

    #[test]
    fn nodes_are_added_removed_and_moved_by_id() {
        let mut doc = template("kunming-2022").unwrap();
        Edit::AddNode {
            parent: Some("C11".into()),
            group: false,
        }
        .apply(&mut doc);
        assert_eq!(
            children(&doc, "C11"),
            ["C111", "C112", "C113", "C114", "C115"]
        );
        Edit::MoveNode("C115".into(), Dir::Up).apply(&mut doc);
        assert_eq!(children(&doc, "C11")[3], "C115");
        let second = doc.indicators[1].id().to_string();
        Edit::RemoveNode(second).apply(&mut doc);
        assert_eq!(doc.indicators.len(), 2);
        assert_eq!(doc.indicators[1].id(), "C");
        Edit::AddNode {
            parent: None,
            group: true,
        }
        .apply(&mut doc);
        assert_eq!(doc.indicators[2].id(), "N1");
    }

    #[test]
    fn options_and_counts_stay_aligned() {
        let mut doc = template("kunming-2022").unwrap();
        let s = doc.surveys[0].id.clone();
        Edit::RemoveOption(s.clone(), 1).apply(&mut doc);
        assert!(doc.surveys[0].questions.iter().all(|q| q.counts.len() == 4));
        Edit::AddOption(s.clone()).apply(&mut doc);
        assert!(doc.surveys[0].questions.iter().all(|q| q.counts.len() == 5));
        Edit::Preset(s, 0).apply(&mut doc);
        assert_eq!(
            doc.surveys[0].options[3].weight.as_ref().unwrap().raw(),
            "30"
        );
    }

    #[test]
    fn typing_in_one_field_merges() {
        let actual = FieldPath::rule("C111", RuleField::Actual);
        let target = FieldPath::rule("C111", RuleField::Target);
        let a = Edit::Set(actual.clone(), "1".into());
        let b = Edit::Set(actual, "12".into());
        let c = Edit::Set(target, "12".into());
        assert_eq!(a.merge_key(), b.merge_key());
        assert_ne!(a.merge_key(), c.merge_key());
        assert_eq!(Edit::AddLine.merge_key(), None);
    }

    #[test]
    fn typing_a_written_target_sets_the_rule_target_and_unit_in_one_edit() {
        let mut doc = template("kunming-2022").unwrap();
        let target = FieldPath::rule("C111", RuleField::Target);
        Edit::Set(target.clone(), "≤26万元".into()).apply(&mut doc);
        let leaf = doc.leaf("C111").unwrap();
        assert_eq!(leaf.rule.kind, "at_most");
        assert_eq!(leaf.rule.target.as_ref().unwrap().raw(), "26");
        assert_eq!(leaf.unit(), "万元");
        assert_eq!(leaf.target_text.as_deref(), Some("≤26万元"));
        Edit::Set(target.clone(), "不少于3期".into()).apply(&mut doc);
        let leaf = doc.leaf("C111").unwrap();
        assert_eq!((leaf.rule.kind.as_str(), leaf.unit()), ("at_least", "期"));
        // A bare number is the target alone; half-typed text stays as typed.
        Edit::Set(target.clone(), "5".into()).apply(&mut doc);
        let leaf = doc.leaf("C111").unwrap();
        assert_eq!(
            (leaf.rule.kind.as_str(), leaf.target_text.as_deref()),
            ("at_least", None)
        );
        Edit::Set(target, "≥".into()).apply(&mut doc);
        assert_eq!(doc.leaf("C111").unwrap().rule.kind, "at_least");
        // Changing a rule field confirms an inferred rule.
        doc.leaf_mut("C112").unwrap().rule.inferred = Some("≥60人次".into());
        Edit::Set(FieldPath::rule("C112", RuleField::Actual), "70".into()).apply(&mut doc);
        assert_eq!(doc.leaf("C112").unwrap().rule.inferred, None);
    }

    #[test]
    fn pasted_cells_become_rows() {
        let mut doc = template("standard").unwrap();
        let before = doc.leaves().count();
        Edit::PasteIndicators(
            "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\n产出指标\t数量指标\t培训期数\t≥3期\t4\t10\n\t\t培训人数\t≥60人次\t50\t10"
                .into(),
        )
        .apply(&mut doc);
        assert_eq!(doc.leaves().count(), before + 2);
        let output = doc
            .indicators
            .iter()
            .filter(|n| n.name() == "产出指标")
            .count();
        assert_eq!(output, 1, "pasted into the existing 产出指标");
        Edit::PasteBudget("培训费\t\t64.53\t\t63.6\t".into()).apply(&mut doc);
        assert_eq!(doc.budget.last().unwrap().name, "培训费");
        let ids: std::collections::HashSet<&str> = doc.indicator_ids().into_iter().collect();
        assert_eq!(ids.len(), doc.indicator_ids().len(), "ids stay unique");
    }

    #[test]
    fn applying_a_scenario_keeps_the_others() {
        let mut doc = template("kunming-2022").unwrap();
        for name in ["一", "二"] {
            doc.scenarios.push(jixiao_core::Scenario {
                name: name.into(),
                changes: vec![jixiao_core::Change {
                    path: "indicators/C112/rule/actual".into(),
                    value: "45".into(),
                    extra: Default::default(),
                }],
                extra: Default::default(),
            });
        }
        Edit::ApplyScenario(0).apply(&mut doc);
        assert_eq!(doc.scenarios.len(), 1);
        assert_eq!(doc.scenarios[0].name, "二");
        assert_eq!(
            doc.leaf("C112")
                .unwrap()
                .rule
                .actual
                .as_ref()
                .unwrap()
                .raw(),
            "45"
        );
    }
}
