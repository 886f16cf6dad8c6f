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

use crate::audit::audit as evaluate;
use crate::message::Message;
use crate::model::{Document, RuleKind, Step, Tier};
use crate::number::{round2, Num};
use crate::path::{self, FieldPath, LineField, NodeField, PathError, RuleField, StepField};
use crate::scoring::Evaluation;
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
    /// The path names no field.
    Path(PathError),
    /// The field holds text, not a number.
    NotNumeric {
        /// The field.
        path: FieldPath,
    },
    /// Its current value does not parse, so there is nothing to vary from.
    NotANumber {
        /// The field.
        path: FieldPath,
    },
    /// No grade band has this label.
    UnknownGrade {
        /// The label asked for.
        grade: String,
    },
    /// `Full` on a field no scored leaf depends on.
    NoLeaf {
        /// The field.
        path: FieldPath,
    },
}

impl Message for SeekError {
    fn zh(&self) -> String {
        match self {
            SeekError::Path(e) => e.zh(),
            SeekError::NotNumeric { path } => format!("“{path}”不是数值字段"),
            SeekError::NotANumber { path } => format!("“{path}”当前不是有效数字，无法计算"),
            SeekError::UnknownGrade { grade } => format!("没有名为“{grade}”的等级"),
            SeekError::NoLeaf { path } => format!("没有指标依赖“{path}”，无法计算满分"),
        }
    }

    fn en(&self) -> String {
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
        self.fmt_both(f)
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

impl Direction {
    /// `at_least` or `at_most`, as the JSON answer writes it.
    pub fn code(self) -> &'static str {
        match self {
            Direction::AtLeast => "at_least",
            Direction::AtMost => "at_most",
        }
    }
}

/// How the answer was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    /// Solved in closed form (and checked).
    Exact,
    /// Found by bisection on a grid.
    Bisection,
}

/// The answer.
#[derive(Clone, Debug, PartialEq)]
pub enum Seek {
    /// A value reaches the goal.
    Found {
        /// The value.
        value: Decimal,
        /// Which way the field helps.
        direction: Direction,
        /// The survey method.
        method: Method,
        /// The grid of the search, and the step the property "one step less does not" uses.
        precision: Decimal,
        /// Whether the current value already reaches the goal.
        already: bool,
        /// The evaluation with the value in place.
        total: Decimal,
        /// A percentage.
        percent: Decimal,
        /// The grade (等级).
        grade: Option<String>,
    },
    /// No value of this field reaches the goal.
    /// No value of the field reaches the goal.
    Unreachable {
        /// The best total any value gives (or the current one).
        best_total: Decimal,
    },
}

/// The positions (in document order) of the applicable leaves whose score depends on the field
/// at `path`.
fn dependent_leaves(doc: &Document, path: &FieldPath) -> Vec<usize> {
    doc.leaves()
        .enumerate()
        .filter(|(_, (l, _))| {
            let kind = l.rule.kind();
            let depends = match path {
                FieldPath::Node(id, _) => l.id == *id,
                FieldPath::Line(_, Some(LineField::Spent)) => {
                    kind == Some(RuleKind::BudgetExecution)
                }
                FieldPath::Line(_, Some(LineField::Received)) => {
                    kind == Some(RuleKind::FundArrival)
                }
                FieldPath::Line(_, Some(LineField::Planned)) => matches!(
                    kind,
                    Some(RuleKind::BudgetExecution | RuleKind::FundArrival)
                ),
                FieldPath::Survey(id, _) => {
                    kind == Some(RuleKind::Satisfaction)
                        && l.rule.survey.as_deref() == Some(id.as_str())
                }
                _ => false,
            };
            depends && l.applicable
        })
        .map(|(i, _)| i)
        .collect()
}

struct Problem<'a> {
    doc: Document,
    path: &'a FieldPath,
    goal: &'a Goal,
    leaves: Vec<usize>,
    grade_min: Option<Decimal>,
}

impl Problem<'_> {
    fn score_with(&self, value: Decimal) -> Evaluation {
        let mut doc = self.doc.clone();
        // The path was read before the search began, so it names a field of this document.
        let _ = path::set(&mut doc, self.path, &value.normalize().to_string());
        evaluate(&doc)
    }

    /// (goal reached, how close: the total, or the dependent leaves' score). Leaves are joined
    /// to their results by position: `eval.leaves` is in document order.
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
                for &i in &self.leaves {
                    match eval.leaves.get(i) {
                        Some(l) => {
                            reached &= l.valid && l.score == l.points;
                            // Scores are bounded by points, and their sum by the total.
                            score = score.checked_add(l.score).unwrap_or(score);
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
fn precision(doc: &Document, path: &FieldPath) -> Decimal {
    if path.is_count() {
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
    for (l, _) in doc.leaves() {
        see(&l.rule.target);
        see(&l.rule.actual);
        see(&l.points);
    }
    Decimal::new(1, scale.min(10))
}

/// The values a field may take: a qualitative fraction stays in its tier's band, a manual score
/// within the points, a step's fraction within [0, 1]; everything else from 0 up.
fn domain(doc: &Document, path: &FieldPath, step: Decimal) -> (Decimal, Option<Decimal>) {
    let (id, field) = match path {
        FieldPath::Node(id, Some(NodeField::Rule(Some(field)))) => (id, *field),
        _ => return (Decimal::ZERO, None),
    };
    let leaf = doc.leaf(id);
    match (field, leaf) {
        (RuleField::Fraction, Some(l)) => {
            match l.rule.tier.as_deref().and_then(Tier::parse) {
                Some(tier) => {
                    let (low, high) = crate::formula::tier_band(tier);
                    // The band is [low, high) except for 达成, whose top is included.
                    let top = if tier == Tier::Achieved {
                        high
                    } else {
                        high.checked_sub(step).unwrap_or(low)
                    };
                    (low, Some(top))
                }
                None => (Decimal::ZERO, Some(Decimal::ONE)),
            }
        }
        (RuleField::Score, Some(l)) => (Decimal::ZERO, l.points.as_ref().and_then(|p| p.ok())),
        (RuleField::Step(_, StepField::Fraction), _) => (Decimal::ZERO, Some(Decimal::ONE)),
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
fn closed_form(
    doc: &Document,
    path: &FieldPath,
    eval: &Evaluation,
) -> Option<(Decimal, Direction)> {
    match path {
        FieldPath::Node(id, Some(NodeField::Rule(Some(RuleField::Actual)))) => {
            let leaf = doc.leaf(id)?;
            let target = leaf.rule.target.as_ref()?.ok()?;
            match leaf.rule.kind()? {
                RuleKind::AtLeast => match &leaf.rule.steps {
                    None => Some((target.max(Decimal::ZERO), Direction::AtLeast)),
                    Some(steps) if target > Decimal::ZERO => Some((
                        target
                            .checked_mul(full_step(steps)?)?
                            .checked_div(Decimal::ONE_HUNDRED)?,
                        Direction::AtLeast,
                    )),
                    Some(_) => None,
                },
                RuleKind::AtMost => Some((target, Direction::AtMost)),
                _ => None,
            }
        }
        FieldPath::Line(id, Some(field @ (LineField::Spent | LineField::Received))) => {
            let kind = if *field == LineField::Spent {
                RuleKind::BudgetExecution
            } else {
                RuleKind::FundArrival
            };
            // The rate every dependent leaf needs for full marks.
            let mut needed = Some(Decimal::ZERO);
            let mut any = false;
            for (l, _) in doc.leaves() {
                if l.applicable && l.rule.kind() == Some(kind) {
                    any = true;
                    let rate = match &l.rule.steps {
                        None => Some(Decimal::ONE_HUNDRED),
                        Some(steps) => full_step(steps),
                    };
                    needed = match (needed, rate) {
                        (Some(a), Some(b)) => Some(a.max(b)),
                        _ => None,
                    };
                }
            }
            let needed = needed?;
            if !any {
                return None;
            }
            let planned = eval.budget.planned;
            let this = eval.budget.lines.iter().find(|l| l.id == *id)?;
            let others = if *field == LineField::Spent {
                eval.budget.spent.checked_sub(this.spent)?
            } else {
                eval.budget.received.checked_sub(this.received)?
            };
            let value = planned
                .checked_mul(needed)?
                .checked_div(Decimal::ONE_HUNDRED)?
                .checked_sub(others)?
                .max(Decimal::ZERO);
            Some((value, Direction::AtLeast))
        }
        _ => None,
    }
}

/// The largest value bisection tries (counts and amounts beyond it are not plausible).
const LIMIT: Decimal = Decimal::from_parts(2_808_348_672, 232_830_643, 0, false, 0);

/// Seeks the value of the field at `path` that reaches `goal`.
pub fn seek(doc: &Document, path: &FieldPath, goal: &Goal) -> Result<Seek, SeekError> {
    let field = path::get(doc, path).map_err(SeekError::Path)?;
    if !field.is_number() {
        return Err(SeekError::NotNumeric { path: path.clone() });
    }
    let current = crate::number::parse_decimal(&field.text())
        .map_err(|_| SeekError::NotANumber { path: path.clone() })?;
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
        return Err(SeekError::NoLeaf { path: path.clone() });
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
                Direction::AtLeast => value.checked_sub(step),
                Direction::AtMost => value.checked_add(step),
            };
            let edge = value.is_zero() && direction == Direction::AtLeast;
            let beyond_fails = beyond.is_some_and(|b| !problem.reached(b));
            if problem.reached(value) && (edge || beyond_fails) {
                return Ok(found(value, direction, Method::Exact));
            }
        }
    }

    // Otherwise bisection on the grid, within the values the field may take. Which way helps:
    // compare the lowest value with ever larger ones. Every value stays within [0, LIMIT], so
    // doubling, dividing by the step (≥ 10^-10) and multiplying back cannot overflow; the checked
    // operations below only make that visible.
    let (zero, cap) = domain(doc, path, step);
    let limit = cap.unwrap_or(LIMIT).min(LIMIT);
    let double = |v: Decimal| v.checked_mul(Decimal::TWO).unwrap_or(limit).min(limit);
    let on_grid = |k: Decimal| k.checked_mul(step).unwrap_or(limit);
    let at_zero = problem.closeness(zero);
    let mut high = cap
        .unwrap_or_else(|| current.abs().max(Decimal::ONE))
        .min(limit);
    let mut at_high = problem.closeness(high);
    while at_high == at_zero && high < limit {
        high = double(high);
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
        high = current.min(limit);
    }
    if direction == Direction::AtLeast {
        // Grow until the goal is reached or the field stops helping.
        while !problem.reached(high) && high < limit {
            let next = double(high);
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
        let (mut good_k, mut bad_k) = (grid_up(high, step), grid_down(zero, step));
        while let Some(mid) = midpoint(bad_k, good_k) {
            if problem.reached(on_grid(mid)) {
                good_k = mid;
            } else {
                bad_k = mid;
            }
        }
        // A field with more decimals than the grid (≤ 10) may fall between two grid points:
        // then the checked value above the grid answers, never an unchecked grid point.
        let value = on_grid(good_k);
        let value = if problem.reached(value) { value } else { high };
        return Ok(found(value, direction, Method::Bisection));
    }
    if !problem.reached(zero) {
        return Ok(Seek::Unreachable {
            best_total: problem.score_with(zero).total.max(base.total),
        });
    }
    // Most k with reached(k × step); grow `high` until it no longer reaches the goal.
    while problem.reached(high) && high < limit {
        high = double(high);
    }
    if problem.reached(high) {
        return Ok(found(high, direction, Method::Bisection));
    }
    let (mut good_k, mut bad_k) = (grid_up(zero, step), grid_up(high, step));
    while let Some(mid) = midpoint(good_k, bad_k) {
        if problem.reached(on_grid(mid)) {
            good_k = mid;
        } else {
            bad_k = mid;
        }
    }
    let value = on_grid(good_k);
    let value = if problem.reached(value) { value } else { zero };
    Ok(found(value, direction, Method::Bisection))
}

/// The grid index at or above `value`.
fn grid_up(value: Decimal, step: Decimal) -> Decimal {
    value.checked_div(step).map_or(Decimal::ZERO, |k| k.ceil())
}

/// The grid index at or below `value`.
fn grid_down(value: Decimal, step: Decimal) -> Decimal {
    value.checked_div(step).map_or(Decimal::ZERO, |k| k.floor())
}

/// The whole number halfway between `low` and `high`, while they are more than one apart.
fn midpoint(low: Decimal, high: Decimal) -> Option<Decimal> {
    let gap = high.checked_sub(low)?;
    if gap <= Decimal::ONE {
        return None;
    }
    let half = gap.checked_div(Decimal::TWO)?.trunc();
    low.checked_add(half)
}
