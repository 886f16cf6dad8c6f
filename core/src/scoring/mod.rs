//! Scoring a [`Document`]: every leaf, every group, the totals, grade, the budget and surveys,
//! and the findings about those; nothing else (the audit composes the other checks above).

pub(crate) mod budget;
pub(crate) mod calc;
mod ids;
pub(crate) mod joined;
mod lost;
pub(crate) mod policy;
pub(crate) mod rules;
pub(crate) mod survey;

use crate::findings::{Finding, Level, Problem};
use crate::model::{Document, Node, RuleKind};
use crate::number::{as_percent, round2, show2};
use crate::path::{FieldPath, NodeField, RuleField, Section, SettingField};
use budget::score_budget;
pub use budget::{BudgetResult, LineResult};
use calc::FieldCheck;
pub use joined::{walk_scored, Cursor, Scored};
pub use lost::{lost_points, Lost};
pub use policy::{default_grades, Policy};
use rules::{score_leaf, Sources};
use rust_decimal::Decimal;
use std::collections::HashMap;
use survey::score_survey;
pub use survey::{QuestionResult, SurveyResult};

/// A scored leaf, in document order.
#[derive(Clone, Debug, PartialEq)]
pub struct LeafResult {
    /// The id, unique within its scope.
    pub id: String,
    /// 分值.
    pub points: Decimal,
    /// 得分.
    pub score: Decimal,
    /// A fraction in [0, 1]; ×100 for the 完成率 shown.
    pub completion: Decimal,
    /// `false` for 不适用.
    pub applicable: bool,
    /// False when a field of the leaf is wrong (it then scores 0).
    pub valid: bool,
    /// The kind.
    pub kind: Option<RuleKind>,
    /// 0 for a top-level leaf.
    pub depth: usize,
}

/// A group's subtotal over its applicable leaves.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupResult {
    /// The id, unique within its scope.
    pub id: String,
    /// 分值.
    pub points: Decimal,
    /// 得分.
    pub score: Decimal,
    /// 0 for a first-level group (一级指标).
    pub depth: usize,
}

/// Everything computed from a document; front-end neutral, exact (round only to show).
#[derive(Clone, Debug, PartialEq)]
pub struct Evaluation {
    /// 总分.
    pub total: Decimal,
    /// The points of the applicable leaves (the maximum).
    pub max_points: Decimal,
    /// total / max × 100 (0 when nothing is applicable).
    pub percent: Decimal,
    /// The grade of the percent as shown (rounded half-up to 2 decimals).
    pub grade: Option<String>,
    /// The percent scored on leaves other than budget execution and fund arrival.
    pub performance_percent: Option<Decimal>,
    /// The budget (预算明细).
    pub budget: BudgetResult,
    /// The surveys (满意度调查).
    pub surveys: Vec<SurveyResult>,
    /// Every leaf, in document order.
    pub leaves: Vec<LeafResult>,
    /// Every group, in the order they open.
    pub groups: Vec<GroupResult>,
    /// What the audit reports.
    pub findings: Vec<Finding>,
    /// The settings in force (defaults filled in).
    pub policy: Policy,
    /// The document scored against its declared targets, where it has `declared` (the audit's).
    pub declared: Option<Box<Evaluation>>,
    /// A plan (no actual anywhere yet), reviewed as a 申报表 is (the audit's).
    pub plan: bool,
}

impl Evaluation {
    /// Whether any finding is an error.
    pub fn has_errors(&self) -> bool {
        self.findings.iter().any(|f| f.level() == Level::Error)
    }

    /// How many error findings.
    pub fn errors(&self) -> usize {
        self.findings
            .iter()
            .filter(|f| f.level() == Level::Error)
            .count()
    }

    /// How many warning findings.
    pub fn warnings(&self) -> usize {
        self.findings
            .iter()
            .filter(|f| f.level() == Level::Warning)
            .count()
    }

    /// The satisfaction of the document: the mean of its surveys' (one survey: that survey's).
    pub fn satisfaction(&self) -> Option<Decimal> {
        let values: Vec<Decimal> = self.surveys.iter().filter_map(|s| s.satisfaction).collect();
        let count = Decimal::from(values.len());
        calc::sum(values).ok()?.checked_div(count)
    }

    /// The survey id.
    pub fn survey(&self, id: &str) -> Option<&SurveyResult> {
        self.surveys.iter().find(|s| s.id == id)
    }
}

/// Scores a document. Never panics: a wrong field is a finding and its leaf scores 0.
pub(crate) fn evaluate(doc: &Document) -> Evaluation {
    let mut findings = Vec::new();
    let size = ids::check_unique_ids(doc, &mut findings);
    // Most leaves of a draft lack a reason or a value: room for a finding each, without regrowing.
    findings.reserve(size.leaves);
    let policy = Policy::resolve(&doc.settings, &mut findings);
    let budget = score_budget(&doc.budget, &policy, &mut findings);
    let surveys: Vec<SurveyResult> = doc
        .surveys
        .iter()
        .map(|s| score_survey(s, &mut findings))
        .collect();
    let mut survey_index: HashMap<&str, &SurveyResult> = HashMap::new();
    for s in &surveys {
        survey_index.entry(s.id.as_str()).or_insert(s);
    }
    let sources = Sources {
        budget: &budget,
        surveys: survey_index,
    };
    let mut walk = Walk {
        sources: &sources,
        policy: &policy,
        findings: &mut findings,
        leaves: Vec::with_capacity(size.leaves),
        groups: Vec::with_capacity(size.groups),
        all_points: Decimal::ZERO,
        overflowed: false,
    };
    let (max_points, total) = walk.nodes(&doc.indicators, 0);
    let (leaves, groups, all_points, overflowed) =
        (walk.leaves, walk.groups, walk.all_points, walk.overflowed);
    if overflowed {
        findings.push(Finding::new(
            FieldPath::Section(Section::Indicators),
            Problem::Overflow,
        ));
    }
    let percent = if max_points > Decimal::ZERO {
        calc::percent(total, max_points).unwrap_or_default()
    } else {
        Decimal::ZERO
    };
    if !leaves.iter().any(|l| l.applicable) {
        findings.push(Finding::new(
            FieldPath::Section(Section::Indicators),
            Problem::NoApplicableIndicator,
        ));
    }
    if all_points != Decimal::ONE_HUNDRED {
        findings.push(Finding::new(
            FieldPath::Section(Section::Indicators),
            Problem::PointsNot100 {
                points: all_points.normalize().to_string(),
            },
        ));
    }
    let performance_percent = performance_percent(&leaves);
    if let (Some(perf), Some(rate)) = (performance_percent, budget.execution_rate) {
        let ahead = round2(perf).checked_sub(round2(rate));
        if ahead.is_some_and(|a| a > policy.mismatch_margin) {
            findings.push(Finding::new(
                FieldPath::Section(Section::Indicators),
                Problem::PerformanceAheadOfBudget {
                    performance: show2(perf),
                    execution: show2(rate),
                    margin: policy.mismatch_margin.normalize().to_string(),
                },
            ));
        }
    }
    let shown = round2(percent);
    let grade = policy.grade(shown).map(str::to_string);
    if grade.is_none() {
        findings.push(Finding::new(
            FieldPath::Setting(SettingField::Grades),
            Problem::NoGradeBand {
                percent: show2(percent),
            },
        ));
    }
    Evaluation {
        total,
        max_points,
        percent,
        grade,
        performance_percent,
        budget,
        surveys,
        leaves,
        groups,
        findings,
        policy,
        declared: None,
        plan: false,
    }
}

/// The percent scored on the applicable leaves that are not budget execution or fund arrival.
fn performance_percent(leaves: &[LeafResult]) -> Option<Decimal> {
    let mut points = Decimal::ZERO;
    let mut score = Decimal::ZERO;
    for l in leaves.iter().filter(|l| l.applicable) {
        if matches!(
            l.kind,
            Some(RuleKind::BudgetExecution | RuleKind::FundArrival)
        ) {
            continue;
        }
        points = points.checked_add(l.points)?;
        score = score.checked_add(l.score)?;
    }
    (points > Decimal::ZERO)
        .then(|| calc::percent(score, points).ok())
        .flatten()
}

struct Walk<'a> {
    sources: &'a Sources<'a>,
    policy: &'a Policy,
    findings: &'a mut Vec<Finding>,
    leaves: Vec<LeafResult>,
    groups: Vec<GroupResult>,
    /// Σ points of every leaf, applicable or not: the tree's design total.
    all_points: Decimal,
    overflowed: bool,
}

impl Walk<'_> {
    /// Scores the nodes; gives (points, score) over their applicable leaves.
    fn nodes(&mut self, nodes: &[Node], depth: usize) -> (Decimal, Decimal) {
        let mut points = Decimal::ZERO;
        let mut score = Decimal::ZERO;
        for node in nodes {
            let (p, s) = match node {
                Node::Group(g) => {
                    let at = self.groups.len();
                    self.groups.push(GroupResult {
                        id: g.id.clone(),
                        points: Decimal::ZERO,
                        score: Decimal::ZERO,
                        depth,
                    });
                    let (p, s) = self.nodes(&g.children, depth.saturating_add(1));
                    if let Some(group) = self.groups.get_mut(at) {
                        group.points = p;
                        group.score = s;
                    }
                    (p, s)
                }
                Node::Leaf(leaf) => self.leaf(leaf, depth),
            };
            match (points.checked_add(p), score.checked_add(s)) {
                (Some(np), Some(ns)) => (points, score) = (np, ns),
                _ => self.overflowed = true,
            }
        }
        (points, score)
    }

    fn leaf(&mut self, leaf: &crate::model::Leaf, depth: usize) -> (Decimal, Decimal) {
        let given_points = leaf
            .points
            .as_ref()
            .and_then(|p| p.ok())
            .filter(|p| !p.is_sign_negative());
        if let Some(p) = given_points {
            match self.all_points.checked_add(p) {
                Some(sum) => self.all_points = sum,
                None => self.overflowed = true,
            }
        }
        if !leaf.applicable {
            self.leaves.push(LeafResult {
                id: leaf.id.clone(),
                points: given_points.unwrap_or_default(),
                score: Decimal::ZERO,
                completion: Decimal::ZERO,
                applicable: false,
                valid: true,
                kind: leaf.rule.kind(),
                depth,
            });
            return (Decimal::ZERO, Decimal::ZERO);
        }
        let mut check = FieldCheck::new(&leaf.id, FieldPath::node, self.findings);
        let scored = score_leaf(leaf, self.sources, self.policy, &mut check);
        if let Some(text) = &leaf.rule.inferred {
            check.report(
                RuleField::Kind,
                Problem::RuleInferred {
                    text: text.clone(),
                    kind: leaf.rule.kind.clone(),
                },
            );
        }
        let score = self.policy.leaf_score(scored.score);
        if scored.valid && scored.completion < Decimal::ONE && leaf.reason.trim().is_empty() {
            check.report(
                NodeField::Reason,
                Problem::MissingReason {
                    completion: as_percent(scored.completion),
                },
            );
        }
        self.leaves.push(LeafResult {
            id: leaf.id.clone(),
            points: scored.points,
            score,
            completion: scored.completion,
            applicable: true,
            valid: scored.valid,
            kind: scored.kind,
            depth,
        });
        (scored.points, score)
    }
}
