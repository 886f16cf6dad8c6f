//! 需要多少: the value of one numeric field that reaches a goal (a grade, a total, or full marks
//! on the leaves that field feeds), the other fields held fixed.
//!
//! Where the rule inverts in closed form (full marks on `at_least` and `at_most`, with or without
//! steps, and on the execution or arrival rate) the answer is exact, and checked by
//! rescoring. Otherwise it is found by bisection over a grid of `precision` (counts: 1; other
//! numbers: 10^-d, d the most decimals any amount, target or actual of the document has, at least
//! 2, at most 10): the value reaches the goal and one step less (or more, when lower is better)
//! does not. Every answer is checked against the real scoring, so a rule the closed form does not
//! know can only make the answer come from bisection, never wrong.

use super::paths::{slot, PathError};
use crate::model::{Document, Node, RuleKind, Step};
use crate::number::{round2, Num};
use crate::scoring::{evaluate, Evaluation};
use rust_decimal::Decimal;
use std::fmt;

/// What the sought value must achieve.
#[derive(Clone, Debug, PartialEq)]
pub enum Goal {
    /// The grade of this label (its band's minimum percent, as shown).
    Grade(String),
    /// A total (as shown) at least this.
    Total(Decimal),
    /// Full marks on every leaf the field feeds.
    Full,
}

impl fmt::Display for Goal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Goal::Grade(g) => write!(f, "grade {g}"),
            Goal::Total(t) => write!(f, "total {}", t.normalize()),
            Goal::Full => f.write_str("full"),
        }
    }
}

/// Why a seek cannot be run at all.
#[derive(Clone, Debug, PartialEq)]
pub enum SeekError {
    Path(PathError),
    /// The field holds text, not a number.
    NotNumeric {
        path: String,
    },
    /// Its current value does not parse, so there is nothing to vary from.
    NotANumber {
        path: String,
    },
    /// No grade band has this label.
    UnknownGrade {
        grade: String,
    },
    /// `Full` on a field no scored leaf depends on.
    NoLeaf {
        path: String,
    },
}

impl SeekError {
    pub fn zh(&self) -> String {
        match self {
            SeekError::Path(e) => e.zh(),
            SeekError::NotNumeric { path } => format!("“{path}”不是数值字段"),
            SeekError::NotANumber { path } => format!("“{path}”当前不是有效数字，无法计算"),
            SeekError::UnknownGrade { grade } => format!("没有名为“{grade}”的等级"),
            SeekError::NoLeaf { path } => format!("没有指标依赖“{path}”，无法计算满分"),
        }
    }

    pub fn en(&self) -> String {
        match self {
            SeekError::Path(e) => e.en(),
            SeekError::NotNumeric { path } => format!("\"{path}\" is not a numeric field"),
            SeekError::NotANumber { path } => {
                format!("\"{path}\" does not hold a valid number now")
            }
            SeekError::UnknownGrade { grade } => format!("there is no grade \"{grade}\""),
            SeekError::NoLeaf { path } => format!("no scored indicator depends on \"{path}\""),
        }
    }
}

impl fmt::Display for SeekError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} / {}", self.zh(), self.en())
    }
}

impl std::error::Error for SeekError {}

/// Which way the field helps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// More is better: the answer is the least value that reaches the goal.
    AtLeast,
    /// Less is better (costs, error rates): the answer is the most value that still reaches it.
    AtMost,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    Exact,
    Bisection,
}

/// The answer.
#[derive(Clone, Debug, PartialEq)]
pub enum Seek {
    Found {
        value: Decimal,
        direction: Direction,
        method: Method,
        /// The grid of the search, and the step the property "one step less does not" uses.
        precision: Decimal,
        /// Whether the current value already reaches the goal.
        already: bool,
        /// The evaluation with the value in place.
        total: Decimal,
        percent: Decimal,
        grade: Option<String>,
    },
    /// No value of this field reaches the goal.
    Unreachable { best_total: Decimal },
}

/// The leaves whose score depends on the field at `path`.
fn dependent_leaves(doc: &Document, path: &str) -> Vec<String> {
    let parts: Vec<&str> = path.split('/').collect();
    let mut out = Vec::new();
    fn walk(nodes: &[Node], f: &mut dyn FnMut(&crate::model::Leaf)) {
        for n in nodes {
            match n {
                Node::Group(g) => walk(&g.children, f),
                Node::Leaf(l) => f(l),
            }
        }
    }
    walk(&doc.indicators, &mut |l| {
        let kind = l.rule.kind();
        let depends = match parts.as_slice() {
            ["indicators", id, ..] => l.id == *id,
            ["budget", _, "spent"] => kind == Some(RuleKind::BudgetExecution),
            ["budget", _, "received"] => kind == Some(RuleKind::FundArrival),
            ["budget", _, "planned"] => matches!(
                kind,
                Some(RuleKind::BudgetExecution | RuleKind::FundArrival)
            ),
            ["surveys", id, ..] => {
                kind == Some(RuleKind::Satisfaction) && l.rule.survey.as_deref() == Some(*id)
            }
            _ => false,
        };
        if depends && l.applicable {
            out.push(l.id.clone());
        }
    });
    out
}

struct Problem<'a> {
    doc: Document,
    path: &'a str,
    goal: &'a Goal,
    leaves: Vec<String>,
    grade_min: Option<Decimal>,
}

impl Problem<'_> {
    fn score_with(&self, value: Decimal) -> Evaluation {
        let mut doc = self.doc.clone();
        if let Ok(s) = slot(&mut doc, self.path) {
            s.set(&value.normalize().to_string());
        }
        evaluate(&doc)
    }

    /// (goal reached, how close: the total, or the dependent leaves' score).
    fn measure(&self, eval: &Evaluation) -> (bool, Decimal) {
        match self.goal {
            Goal::Grade(_) => (
                round2(eval.percent) >= self.grade_min.unwrap_or_default(),
                eval.total,
            ),
            Goal::Total(t) => (round2(eval.total) >= *t, eval.total),
            Goal::Full => {
                let mut reached = true;
                let mut score = Decimal::ZERO;
                for id in &self.leaves {
                    match eval.leaves.iter().find(|l| &l.id == id) {
                        Some(l) => {
                            reached &= l.valid && l.score == l.points;
                            score += l.score;
                        }
                        None => reached = false,
                    }
                }
                (reached, score)
            }
        }
    }

    fn reached(&self, value: Decimal) -> bool {
        self.measure(&self.score_with(value)).0
    }

    fn closeness(&self, value: Decimal) -> Decimal {
        self.measure(&self.score_with(value)).1
    }
}

/// The grid of the search: 1 for counts, else 10^-d with d the most decimals of any figure.
fn precision(doc: &Document, path: &str) -> Decimal {
    if path.contains("/counts/") || path.ends_with("/respondents") {
        return Decimal::ONE;
    }
    let mut scale = 2u32;
    let mut see = |n: &Option<Num>| {
        if let Some(d) = n.as_ref().and_then(|n| n.ok()) {
            scale = scale.max(d.normalize().scale());
        }
    };
    for b in &doc.budget {
        see(&b.planned);
        see(&b.received);
        see(&b.spent);
    }
    fn walk(nodes: &[Node], see: &mut dyn FnMut(&Option<Num>)) {
        for n in nodes {
            match n {
                Node::Group(g) => walk(&g.children, see),
                Node::Leaf(l) => {
                    see(&l.rule.target);
                    see(&l.rule.actual);
                    see(&l.points);
                }
            }
        }
    }
    walk(&doc.indicators, &mut see);
    Decimal::new(1, scale.min(10))
}

/// The values a field may take: a qualitative fraction stays in its tier's band, a manual score
/// within the points, a step's fraction within [0, 1]; everything else from 0 up.
fn domain(doc: &Document, path: &str, step: Decimal) -> (Decimal, Option<Decimal>) {
    let parts: Vec<&str> = path.split('/').collect();
    let leaf = match parts.as_slice() {
        ["indicators", id, ..] => super::paths::leaf(&doc.indicators, id),
        _ => None,
    };
    match (parts.as_slice(), leaf) {
        (["indicators", _, "rule", "fraction"], Some(l)) => {
            match l.rule.tier.as_deref().and_then(crate::model::Tier::parse) {
                Some(tier) => {
                    let (low, high) = crate::scoring::rules::tier_band(tier);
                    let top = if tier == crate::model::Tier::Achieved {
                        high
                    } else {
                        high - step
                    };
                    (low, Some(top))
                }
                None => (Decimal::ZERO, Some(Decimal::ONE)),
            }
        }
        (["indicators", _, "rule", "score"], Some(l)) => {
            (Decimal::ZERO, l.points.as_ref().and_then(|p| p.ok()))
        }
        (["indicators", _, "rule", "steps", _, "fraction"], _) => {
            (Decimal::ZERO, Some(Decimal::ONE))
        }
        _ => (Decimal::ZERO, None),
    }
}

/// The smallest step minimum that gives full marks (`None` when no step does).
fn full_step(steps: &[Step]) -> Option<Decimal> {
    steps
        .iter()
        .filter(|s| s.fraction.as_ref().and_then(|f| f.ok()) == Some(Decimal::ONE))
        .filter_map(|s| s.min.as_ref().and_then(|m| m.ok()))
        .min()
}

/// The closed-form answer for full marks, where the rule inverts.
fn closed_form(doc: &Document, path: &str, eval: &Evaluation) -> Option<(Decimal, Direction)> {
    let parts: Vec<&str> = path.split('/').collect();
    match parts.as_slice() {
        ["indicators", id, "rule", "actual"] => {
            let leaf = super::paths::leaf(&doc.indicators, id)?;
            let target = leaf.rule.target.as_ref()?.ok()?;
            match leaf.rule.kind()? {
                RuleKind::AtLeast => match &leaf.rule.steps {
                    None => Some((target.max(Decimal::ZERO), Direction::AtLeast)),
                    Some(steps) if target > Decimal::ZERO => Some((
                        target.checked_mul(full_step(steps)?)? / Decimal::ONE_HUNDRED,
                        Direction::AtLeast,
                    )),
                    Some(_) => None,
                },
                RuleKind::AtMost => Some((target, Direction::AtMost)),
                _ => None,
            }
        }
        ["budget", id, field @ ("spent" | "received")] => {
            let kind = if *field == "spent" {
                RuleKind::BudgetExecution
            } else {
                RuleKind::FundArrival
            };
            // The rate every dependent leaf needs for full marks.
            let mut needed = Decimal::ZERO;
            let mut any = false;
            fn walk(nodes: &[Node], kind: RuleKind, needed: &mut Option<Decimal>, any: &mut bool) {
                for n in nodes {
                    match n {
                        Node::Group(g) => walk(&g.children, kind, needed, any),
                        Node::Leaf(l) if l.applicable && l.rule.kind() == Some(kind) => {
                            *any = true;
                            let rate = match &l.rule.steps {
                                None => Some(Decimal::ONE_HUNDRED),
                                Some(steps) => full_step(steps),
                            };
                            *needed = match (*needed, rate) {
                                (Some(a), Some(b)) => Some(a.max(b)),
                                _ => None,
                            };
                        }
                        _ => {}
                    }
                }
            }
            let mut need = Some(needed);
            walk(&doc.indicators, kind, &mut need, &mut any);
            needed = need?;
            if !any {
                return None;
            }
            let planned = eval.budget.planned;
            let this = eval.budget.lines.iter().find(|l| l.id == *id)?;
            let others = if *field == "spent" {
                eval.budget.spent - this.spent
            } else {
                eval.budget.received - this.received
            };
            let value =
                (planned.checked_mul(needed)? / Decimal::ONE_HUNDRED - others).max(Decimal::ZERO);
            Some((value, Direction::AtLeast))
        }
        _ => None,
    }
}

/// Seeks the value of the field at `path` that reaches `goal`.
pub fn seek(doc: &Document, path: &str, goal: &Goal) -> Result<Seek, SeekError> {
    let mut copy = doc.clone();
    let field = slot(&mut copy, path).map_err(SeekError::Path)?;
    if !field.is_number() {
        return Err(SeekError::NotNumeric { path: path.into() });
    }
    let current = crate::number::parse_decimal(&field.get())
        .map_err(|_| SeekError::NotANumber { path: path.into() })?;
    let base = evaluate(doc);
    let grade_min = match goal {
        Goal::Grade(g) => Some(
            base.policy
                .grades
                .iter()
                .find(|(label, _)| label == g)
                .map(|(_, min)| *min)
                .ok_or_else(|| SeekError::UnknownGrade { grade: g.clone() })?,
        ),
        _ => None,
    };
    let leaves = dependent_leaves(doc, path);
    if *goal == Goal::Full && leaves.is_empty() {
        return Err(SeekError::NoLeaf { path: path.into() });
    }
    let problem = Problem {
        doc: doc.clone(),
        path,
        goal,
        leaves,
        grade_min,
    };
    let step = precision(doc, path);
    let already = problem.reached(current);
    let found = |value: Decimal, direction, method| {
        let eval = problem.score_with(value);
        Seek::Found {
            value: value.normalize(),
            direction,
            method,
            precision: step,
            already,
            total: eval.total,
            percent: eval.percent,
            grade: eval.grade,
        }
    };

    // Exact, where the rule inverts; checked by rescoring (and one step either side).
    if *goal == Goal::Full {
        if let Some((value, direction)) = closed_form(doc, path, &base) {
            let beyond = match direction {
                Direction::AtLeast => value - step,
                Direction::AtMost => value + step,
            };
            let edge = value.is_zero() && direction == Direction::AtLeast;
            if problem.reached(value) && (edge || !problem.reached(beyond)) {
                return Ok(found(value, direction, Method::Exact));
            }
        }
    }

    // Otherwise bisection on the grid, within the values the field may take. Which way helps:
    // compare the lowest value with ever larger ones.
    let (zero, cap) = domain(doc, path, step);
    let limit = cap.unwrap_or_else(|| Decimal::from(1_000_000_000_000_000i64));
    let at_zero = problem.closeness(zero);
    let mut high = cap.unwrap_or_else(|| current.abs().max(Decimal::ONE));
    let mut at_high = problem.closeness(high);
    while at_high == at_zero && high < limit {
        high = (high * Decimal::TWO).min(limit);
        at_high = problem.closeness(high);
    }
    // The current value counts too: a rule with a valid band (qualitative fractions) scores 0
    // at both ends and only in between.
    let at_current = problem.closeness(current);
    let direction = if at_high > at_zero || at_current > at_zero {
        Direction::AtLeast
    } else if at_high < at_zero {
        Direction::AtMost
    } else if problem.reached(zero) {
        // The field does not matter and the goal is met: even its lowest value will do.
        return Ok(found(zero, Direction::AtLeast, Method::Exact));
    } else {
        return Ok(Seek::Unreachable {
            best_total: base.total,
        });
    };
    if direction == Direction::AtLeast && already {
        high = current;
    }
    if direction == Direction::AtLeast {
        // Grow until the goal is reached or the field stops helping.
        while !problem.reached(high) && high < limit {
            let next = (high * Decimal::TWO).min(limit);
            let better = problem.closeness(next) > problem.closeness(high);
            high = next;
            if !better && !problem.reached(high) {
                break;
            }
        }
        if !problem.reached(high) {
            let best = problem.score_with(high).total.max(base.total);
            return Ok(Seek::Unreachable { best_total: best });
        }
        if problem.reached(zero) {
            return Ok(found(zero, direction, Method::Exact));
        }
        // Least k with reached(k × step): reached(good_k) and not reached(bad_k).
        let (mut good_k, mut bad_k) = ((high / step).ceil(), (zero / step).floor());
        while good_k - bad_k > Decimal::ONE {
            let mid = ((good_k + bad_k) / Decimal::TWO).trunc();
            if problem.reached(mid * step) {
                good_k = mid;
            } else {
                bad_k = mid;
            }
        }
        return Ok(found(good_k * step, direction, Method::Bisection));
    }
    if !problem.reached(zero) {
        return Ok(Seek::Unreachable {
            best_total: problem.score_with(zero).total.max(base.total),
        });
    }
    // Most k with reached(k × step); grow `high` until it no longer reaches the goal.
    while problem.reached(high) && high < limit {
        high = (high * Decimal::TWO).min(limit);
    }
    if problem.reached(high) {
        return Ok(found(high, direction, Method::Bisection));
    }
    let (mut good_k, mut bad_k) = ((zero / step).ceil(), (high / step).ceil());
    while bad_k - good_k > Decimal::ONE {
        let mid = ((good_k + bad_k) / Decimal::TWO).trunc();
        if problem.reached(mid * step) {
            good_k = mid;
        } else {
            bad_k = mid;
        }
    }
    Ok(found(good_k * step, direction, Method::Bisection))
}
