//! Whether a document is still a plan: no actual anywhere (no leaf's actual, tier, fraction or
//! expert score, no spent on a budget line, no survey answer, no monitoring round).

use crate::model::Document;
use crate::number::Num;

/// Whether `doc` has no actual anywhere.
pub fn is_plan(doc: &Document) -> bool {
    let written = |n: &Option<Num>| n.as_ref().is_some_and(|n| !n.raw().trim().is_empty());
    let text = |t: &Option<String>| t.as_ref().is_some_and(|t| !t.trim().is_empty());
    doc.monitoring.is_empty()
        && doc.budget.iter().all(|l| !written(&l.spent))
        && doc.surveys.iter().all(|s| {
            s.questions
                .iter()
                .all(|q| q.counts.iter().all(|c| c.ok().is_none_or(|c| c.is_zero())))
        })
        && doc.leaves().all(|(l, _)| {
            let r = &l.rule;
            !written(&r.actual) && !text(&r.tier) && !written(&r.fraction) && !written(&r.score)
        })
}
