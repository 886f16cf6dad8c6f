//! Held to what was declared: the snapshot of the targets (`declared`), each leaf compared with
//! its declared target (kind, figure, unit, deadline, tier; points), and the document scored
//! against the declared targets beside its own score.

use super::rules::written;
use crate::findings::{Finding, Problem, TargetProblem};
use crate::model::{Declared, DeclaredTarget, Document, Leaf, RuleKind, TargetTable, Visit};
use crate::number::{parse_decimal, show2, Num};
use crate::path::{set, DeclaredField, FieldPath, NodeField, RuleField};
use crate::scoring::Evaluation;
use crate::text::normalise;
use std::collections::HashMap;

/// The snapshot of `doc`'s targets as they stand: what 记录为申报目标 records.
pub fn declare(doc: &Document, date: Option<String>) -> Declared {
    let mut targets = Vec::new();
    let table = TargetTable::of(doc);
    doc.walk(&mut |v| {
        if let Visit::Leaf(leaf, ancestors) = v {
            if !table.holds(leaf, ancestors) {
                return;
            }
            targets.push(DeclaredTarget {
                id: leaf.id.clone(),
                name: leaf.name.clone(),
                path: ancestors.iter().map(|g| g.name.clone()).collect(),
                written: written(leaf),
                kind: leaf.rule.kind.clone(),
                target: target_text(leaf),
                unit: Some(leaf.unit().to_string()).filter(|u| !u.is_empty()),
                points: leaf
                    .points
                    .as_ref()
                    .map(|p| p.raw().trim().to_string())
                    .filter(|p| !p.is_empty()),
                extra: Default::default(),
            });
        }
    });
    Declared {
        date,
        targets,
        extra: Default::default(),
    }
}

/// A leaf's target as its rule holds it (the figure, the date, the words).
fn target_text(leaf: &Leaf) -> Option<String> {
    leaf.rule
        .target
        .as_ref()
        .map(|t| t.raw().trim().to_string())
        .filter(|t| !t.is_empty())
        .or_else(|| {
            (leaf.rule.kind() == Some(RuleKind::Qualitative))
                .then(|| leaf.written_target().map(str::to_string))
                .flatten()
        })
}

/// Whether two targets say the same: equal figures (`100` and `100.00`), else the same words.
fn same(a: Option<&str>, b: Option<&str>) -> bool {
    let (a, b) = (a.unwrap_or_default(), b.unwrap_or_default());
    match (parse_decimal(a), parse_decimal(b)) {
        (Ok(x), Ok(y)) => x == y,
        _ => normalise(a) == normalise(b),
    }
}

/// Whether the leaf's target is not the declared one (kind, figure or words, unit).
fn changed(leaf: &Leaf, declared: &DeclaredTarget) -> bool {
    leaf.rule.kind.trim() != declared.kind.trim()
        || !same(target_text(leaf).as_deref(), declared.target.as_deref())
        || normalise(leaf.unit()) != normalise(declared.unit.as_deref().unwrap_or_default())
}

/// `doc` with the declared targets put back where its leaves still stand (kind, target, unit,
/// points): what it scores against what was declared.
pub fn as_declared(doc: &Document) -> Option<Document> {
    let declared = doc.declared.as_ref()?;
    let mut out = doc.clone();
    out.declared = None;
    out.monitoring.clear();
    // The leaves by id, found once (a lookup per target would walk the tree each time).
    let leaves: HashMap<&str, &Leaf> = doc.leaves().map(|(l, _)| (l.id.as_str(), l)).collect();
    for t in &declared.targets {
        let Some(leaf) = leaves.get(t.id.as_str()) else {
            continue;
        };
        if !changed(leaf, t) && leaf.points.as_ref().map(Num::raw) == t.points.as_deref() {
            continue;
        }
        let mut write = |path: FieldPath, value: &str| {
            let _ = set(&mut out, &path, value);
        };
        write(FieldPath::rule(&t.id, RuleField::Kind), &t.kind);
        write(
            FieldPath::rule(&t.id, RuleField::Target),
            t.target.as_deref().unwrap_or_default(),
        );
        write(
            FieldPath::node(&t.id, NodeField::Unit),
            t.unit.as_deref().unwrap_or_default(),
        );
        if let Some(points) = &t.points {
            write(FieldPath::node(&t.id, NodeField::Points), points);
        }
    }
    Some(out)
}

/// The document's findings against its declaration; `eval` is its own evaluation and `declared`
/// the one against the declared targets.
pub(crate) fn held(doc: &Document, eval: &Evaluation, declared_eval: &Evaluation) -> Vec<Finding> {
    let Some(declared) = &doc.declared else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let push = |out: &mut Vec<Finding>, at: FieldPath, p: TargetProblem| {
        out.push(Finding::new(at, Problem::Target(p)));
    };
    let score = |e: &Evaluation, id: &str| {
        e.leaves
            .iter()
            .find(|l| l.id == id)
            .map_or("—".to_string(), |l| show2(l.score))
    };
    let by_id: HashMap<&str, &DeclaredTarget> = declared
        .targets
        .iter()
        .map(|t| (t.id.as_str(), t))
        .collect();
    let mut present: HashMap<&str, ()> = HashMap::new();
    let mut table_leaves = Vec::new();
    let table = TargetTable::of(doc);
    doc.walk(&mut |v| {
        if let Visit::Leaf(leaf, ancestors) = v {
            if table.holds(leaf, ancestors) || by_id.contains_key(leaf.id.as_str()) {
                table_leaves.push(leaf);
            }
        }
    });
    for leaf in table_leaves {
        present.insert(leaf.id.as_str(), ());
        let Some(t) = by_id.get(leaf.id.as_str()) else {
            push(
                &mut out,
                FieldPath::Node(leaf.id.clone(), None),
                TargetProblem::Added,
            );
            continue;
        };
        if changed(leaf, t) {
            push(
                &mut out,
                FieldPath::rule(&leaf.id, RuleField::Target),
                TargetProblem::Changed {
                    declared: if t.written.trim().is_empty() {
                        t.target.clone().unwrap_or_default()
                    } else {
                        t.written.clone()
                    },
                    now: now(leaf),
                    declared_score: score(declared_eval, &leaf.id),
                    score: score(eval, &leaf.id),
                },
            );
        }
        let points = leaf.points.as_ref().map(|p| p.raw().trim().to_string());
        if let Some(declared_points) = &t.points {
            if !same(points.as_deref(), Some(declared_points)) {
                push(
                    &mut out,
                    FieldPath::node(&leaf.id, NodeField::Points),
                    TargetProblem::PointsChanged {
                        declared: declared_points.clone(),
                        now: points.unwrap_or_default(),
                    },
                );
            }
        }
    }
    for t in &declared.targets {
        if !present.contains_key(t.id.as_str()) {
            push(
                &mut out,
                FieldPath::Declared(DeclaredField::Target(t.id.clone(), None)),
                TargetProblem::Removed {
                    name: t.name.clone(),
                    declared: t.written.clone(),
                },
            );
        }
    }
    out
}

/// A leaf's target as it stands now, as its rule says it (the form's text no longer holds once
/// the figure is written).
fn now(leaf: &Leaf) -> String {
    let mut l = leaf.clone();
    if l.rule.target.is_some() {
        l.written = None;
        l.target_text = None;
    }
    written(&l)
}

/// The score against the declared targets beside the document's own, as `check`, the results
/// panel and the drafted report say it.
#[derive(Clone, Debug, PartialEq)]
pub struct AgainstDeclared {
    /// The total against the declared targets.
    pub total: rust_decimal::Decimal,
    /// Its grade.
    pub grade: Option<String>,
    /// The document's own total.
    pub own: rust_decimal::Decimal,
    /// The document's own grade.
    pub own_grade: Option<String>,
    /// How many targets changed since the declaration.
    pub changed: usize,
}

impl AgainstDeclared {
    /// The comparison of `eval`, where the document has a declaration.
    pub fn of(eval: &Evaluation) -> Option<AgainstDeclared> {
        let declared = eval.declared.as_ref()?;
        Some(AgainstDeclared {
            total: declared.total,
            grade: declared.grade.clone(),
            own: eval.total,
            own_grade: eval.grade.clone(),
            changed: eval
                .findings
                .iter()
                .filter(|f| {
                    matches!(
                        f.problem,
                        Problem::Target(TargetProblem::Changed { .. })
                            | Problem::Target(TargetProblem::PointsChanged { .. })
                            | Problem::Target(TargetProblem::Removed { .. })
                            | Problem::Target(TargetProblem::Added)
                    )
                })
                .count(),
        })
    }

    /// The document's total less the one against the declared targets.
    pub fn difference(&self) -> rust_decimal::Decimal {
        self.own
            .checked_sub(self.total)
            .unwrap_or(rust_decimal::Decimal::ZERO)
    }

    fn markup(&self) -> crate::message::Markup {
        use crate::message::{Arg, Markup, Text};
        let mut m = Markup::default();
        let grade = |g: &Option<String>| Arg::Same(g.clone().unwrap_or_else(|| "—".into()));
        let difference = self.difference();
        let signed = if difference.is_sign_positive() && !difference.is_zero() {
            format!("+{}", show2(difference))
        } else {
            show2(difference)
        };
        m.push(
            Text(
                "按申报目标计分：总分 {declared}（{declared_grade}）；按现在的目标 {own}（{own_grade}），相差 {difference} 分",
                "Scored against the declared targets: {declared} ({declared_grade}); against the targets now {own} ({own_grade}), a difference of {difference}",
            ),
            vec![
                ("declared", show2(self.total).into()),
                ("declared_grade", grade(&self.grade)),
                ("own", show2(self.own).into()),
                ("own_grade", grade(&self.own_grade)),
                ("difference", signed.into()),
            ],
        );
        if self.changed > 0 {
            m.push(
                Text(
                    "；申报后有 {n} 处调整。",
                    "; {n} change(s) since the declaration.",
                ),
                vec![("n", self.changed.to_string().into())],
            );
        } else {
            m.push(
                Text(
                    "；申报后未作调整。",
                    "; nothing changed since the declaration.",
                ),
                vec![],
            );
        }
        m
    }
}

impl crate::message::Message for AgainstDeclared {
    fn zh(&self) -> String {
        self.markup().zh()
    }

    fn en(&self) -> String {
        self.markup().en()
    }
}
