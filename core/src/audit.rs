//! The whole audit of a document, composed: its scores and the findings about them (scoring),
//! every claimed or printed figure held against the computed one (claims), the findings of its
//! monitoring rounds, the review of its targets while it is a plan, and the document held to the
//! targets it declared. What the page, the command line and the JavaScript module call.

use crate::findings::Finding;
use crate::model::Document;
use crate::path::FieldPath;
use crate::scoring::Evaluation;
use std::collections::HashMap;

/// Scores `doc` and audits it: the evaluation with every finding, errors first. Never panics: a
/// wrong field is a finding and its leaf scores 0.
pub fn audit(doc: &Document) -> Evaluation {
    let mut eval = crate::scoring::evaluate(doc);
    let claims = crate::claims::check(doc, &eval);
    eval.findings.extend(claims);
    if !doc.monitoring.is_empty() {
        let rounds = crate::monitoring::check(doc, &eval);
        eval.findings.extend(rounds);
    }
    // A plan (no actual anywhere) is reviewed as a 申报表 is.
    eval.plan = crate::review::is_plan(doc);
    if eval.plan {
        // Said once: a field scoring already finds empty, or the same finding (the findings'
        // fields indexed once, not searched per review finding).
        let mut said: HashMap<&FieldPath, Vec<&Finding>> = HashMap::new();
        for f in &eval.findings {
            said.entry(&f.path).or_default().push(f);
        }
        let review: Vec<_> = crate::review::review(doc)
            .into_iter()
            .filter(|r| {
                !said.get(&r.path).is_some_and(|fs| {
                    fs.iter()
                        .any(|f| f.code() == r.code() || f.problem.is_unfilled())
                })
            })
            .collect();
        eval.findings.extend(review);
    }
    // Held to what was declared: each change, and the score against the declared targets.
    if let Some(declared) = crate::review::as_declared(doc) {
        let declared_eval = crate::scoring::evaluate(&declared);
        let held = crate::review::held(doc, &eval, &declared_eval);
        eval.findings.extend(held);
        eval.declared = Some(Box::new(declared_eval));
    }
    // Stable: within a level, the scores' findings, then the claims', then the rounds'.
    eval.findings.sort_by_key(|f| f.level());
    eval
}
