//! Scenarios side by side: the base and each scenario's total, grade, first-level subtotals,
//! execution rate and satisfaction, and for every changed field its old and new value and the
//! score it moves.

use crate::audit::audit as evaluate;
use crate::model::{Change, Document, Scenario};
use crate::path::{self, FieldPath, PathError};
use crate::scoring::{walk_scored, Evaluation, Scored};
use rust_decimal::Decimal;

/// The figures compared across scenarios.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    /// 总分.
    pub total: Decimal,
    /// The points of the applicable leaves (the maximum).
    pub max_points: Decimal,
    /// A percentage.
    pub percent: Decimal,
    /// The grade (等级).
    pub grade: Option<String>,
    /// (id, name, points, score) of each first-level node.
    pub first_level: Vec<(String, String, Decimal, Decimal)>,
    /// 预算执行率 (percent), when there is a budget.
    pub execution_rate: Option<Decimal>,
    /// (survey id, satisfaction).
    pub satisfaction: Vec<(String, Option<Decimal>)>,
    /// How many error findings.
    pub errors: usize,
}

impl Summary {
    /// The summary of a document and its evaluation.
    pub fn of(doc: &Document, eval: &Evaluation) -> Summary {
        // First-level nodes joined to their results by position (never by id).
        let mut first_level = Vec::new();
        walk_scored(doc, eval, &mut |scored| match scored {
            Scored::Group(g, r, []) => {
                first_level.push((g.id.clone(), g.name.clone(), r.points, r.score))
            }
            Scored::Leaf(l, r, []) => {
                first_level.push((l.id.clone(), l.name.clone(), r.points, r.score))
            }
            _ => {}
        });
        Summary {
            total: eval.total,
            max_points: eval.max_points,
            percent: eval.percent,
            grade: eval.grade.clone(),
            first_level,
            execution_rate: eval.budget.execution_rate,
            satisfaction: eval
                .surveys
                .iter()
                .map(|s| (s.id.clone(), s.satisfaction))
                .collect(),
            errors: eval.errors(),
        }
    }
}

/// One changed field.
#[derive(Clone, Debug, PartialEq)]
pub struct ChangeOutcome {
    /// The changed field.
    pub path: FieldPath,
    /// The value before.
    pub old: String,
    /// Makes a new one.
    pub new: String,
    /// How much this change alone moves the total (new total − base total).
    pub delta: Decimal,
}

/// A scenario next to the base.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    /// The name as shown (名称).
    pub name: String,
    /// The figures compared.
    pub summary: Summary,
    /// The changes.
    pub changes: Vec<ChangeOutcome>,
    /// The scenario's total − the base total.
    pub delta: Decimal,
}

/// `a − b` for two totals. Totals are sums of non-negative scores, so the difference of two
/// of them cannot overflow; should one ever be negative, the difference saturates.
fn difference(a: Decimal, b: Decimal) -> Decimal {
    a.checked_sub(b)
        .unwrap_or(if a < b { Decimal::MIN } else { Decimal::MAX })
}

/// The typed path of a change (as written in the file).
fn path_of(change: &Change) -> Result<FieldPath, PathError> {
    change.path.parse()
}

/// The base document with the scenario's changes applied.
pub fn apply(doc: &Document, scenario: &Scenario) -> Result<Document, PathError> {
    let mut changed = doc.clone();
    changed.scenarios.clear();
    for c in &scenario.changes {
        path::set(&mut changed, &path_of(c)?, &c.value)?;
    }
    Ok(changed)
}

/// Scores a scenario against the base (on a copy of the document).
pub fn compare(
    doc: &Document,
    base: &Evaluation,
    scenario: &Scenario,
) -> Result<Outcome, PathError> {
    compare_in(&mut doc.clone(), base, scenario)
}

/// Every scenario of `doc` against the base, scored on the document itself, which is left
/// exactly as it was: no copy of a large document is made (`jixiao score`).
pub fn compare_all_in(doc: &mut Document, base: &Evaluation) -> Vec<Result<Outcome, PathError>> {
    let scenarios = std::mem::take(&mut doc.scenarios);
    let outcomes = scenarios.iter().map(|s| compare_in(doc, base, s)).collect();
    doc.scenarios = scenarios;
    outcomes
}

/// Writes `value` at `at`, keeping what the write may change; on an error nothing is changed.
fn write(doc: &mut Document, at: &FieldPath, value: &str) -> Result<path::Saved, PathError> {
    let saved = path::save(doc, at)?;
    match path::set(doc, at, value) {
        Ok(()) => Ok(saved),
        Err(e) => {
            path::restore(doc, saved);
            Err(e)
        }
    }
}

/// Puts back what writes changed, the last first.
fn put_back(doc: &mut Document, saved: Vec<path::Saved>) {
    for s in saved.into_iter().rev() {
        path::restore(doc, s);
    }
}

/// Scores a scenario against the base by writing its changes into `doc` and putting back what
/// they changed: the whole scenario, then each change alone. `doc` is as it was afterwards.
fn compare_in(
    doc: &mut Document,
    base: &Evaluation,
    scenario: &Scenario,
) -> Result<Outcome, PathError> {
    let mut saved = Vec::with_capacity(scenario.changes.len());
    for c in &scenario.changes {
        match path_of(c).and_then(|at| write(doc, &at, &c.value)) {
            Ok(s) => saved.push(s),
            Err(e) => {
                put_back(doc, saved);
                return Err(e);
            }
        }
    }
    let eval = evaluate(doc);
    let (summary, delta) = (Summary::of(doc, &eval), difference(eval.total, base.total));
    drop(eval);
    put_back(doc, saved);
    let mut changes = Vec::with_capacity(scenario.changes.len());
    for c in &scenario.changes {
        let at = path_of(c)?;
        let old = path::get(doc, &at)?.text().into_owned();
        let saved = write(doc, &at, &c.value)?;
        let total = evaluate(doc).total;
        path::restore(doc, saved);
        changes.push(ChangeOutcome {
            path: at,
            old,
            new: c.value.clone(),
            delta: difference(total, base.total),
        });
    }
    Ok(Outcome {
        name: scenario.name.clone(),
        delta,
        summary,
        changes,
    })
}

/// The changes that turn `base` into `edited`, over the fields scenarios can hold: what the page
/// records when the user saves the edits made since starting a scenario.
pub fn diff(base: &Document, edited: &Document) -> Vec<Change> {
    let mut changes = Vec::new();
    // The rounds' values too, from the edited document's reports: one the edit made reads empty
    // in the base; a round the base lacks does not read there.
    let paths = super::paths::numeric_paths(base)
        .into_iter()
        .chain(super::paths::round_paths(edited));
    for at in paths {
        if let (Ok(old), Ok(new)) = (path::get(base, &at), path::get(edited, &at)) {
            if old.text() != new.text() {
                changes.push(Change {
                    path: at.to_string(),
                    value: new.text().into_owned(),
                    extra: Default::default(),
                });
            }
        }
    }
    changes
}
