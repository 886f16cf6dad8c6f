//! The whole audit of a document, composed: its scores and the findings about them (scoring),
//! every claimed or printed figure held against the computed one (claims), and the findings of
//! its monitoring rounds. What the page, the command line and the JavaScript module call.

use crate::model::Document;
use crate::scoring::Evaluation;

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
    // Stable: within a level, the scores' findings, then the claims', then the rounds'.
    eval.findings.sort_by_key(|f| f.level());
    eval
}
