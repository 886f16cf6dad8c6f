//! The numeric fields of a document that scenarios and goal seeking can change.

use crate::model::Document;
use crate::path::{FieldPath, LineField, NodeField, QuestionField, RuleField, SurveyField};

/// Every numeric field of the document with its path, in document order.
pub fn numeric_paths(doc: &Document) -> Vec<FieldPath> {
    let mut out = Vec::new();
    for b in &doc.budget {
        for f in [LineField::Planned, LineField::Received, LineField::Spent] {
            out.push(FieldPath::line(&b.id, f));
        }
    }
    for (l, _) in doc.leaves() {
        out.push(FieldPath::node(&l.id, NodeField::Points));
        let rule = &l.rule;
        for (field, present) in [
            (RuleField::Target, rule.target.is_some()),
            (RuleField::Actual, rule.actual.is_some()),
            (RuleField::Tolerance, rule.tolerance.is_some()),
            (RuleField::Fraction, rule.fraction.is_some()),
            (RuleField::Score, rule.score.is_some()),
        ] {
            if present {
                out.push(FieldPath::rule(&l.id, field));
            }
        }
    }
    for s in &doc.surveys {
        if s.respondents.is_some() {
            out.push(FieldPath::survey(&s.id, SurveyField::Respondents));
        }
        for i in 0..s.options.len() {
            out.push(FieldPath::survey(&s.id, SurveyField::OptionWeight(i)));
        }
        for q in &s.questions {
            for i in 0..q.counts.len() {
                out.push(FieldPath::survey(
                    &s.id,
                    SurveyField::Question(q.id.clone(), Some(QuestionField::Count(i))),
                ));
            }
        }
    }
    out
}

/// The value fields of every monitoring round of `doc` that holds one (values to date, forecasts,
/// spending): what a scenario recorded on the 监控 tab can change.
pub fn round_paths(doc: &Document) -> Vec<FieldPath> {
    use crate::path::{RoundField, RoundLeafField, RoundLineField};
    let mut out = Vec::new();
    for r in &doc.monitoring {
        let at = |field| FieldPath::Round(r.as_of.clone(), Some(field));
        for l in &r.budget {
            for f in [RoundLineField::Spent, RoundLineField::Forecast] {
                out.push(at(RoundField::Line(l.id.clone(), Some(f))));
            }
        }
        for l in &r.indicators {
            for f in [RoundLeafField::Value, RoundLeafField::Forecast] {
                out.push(at(RoundField::Leaf(l.id.clone(), Some(f))));
            }
        }
    }
    out
}
