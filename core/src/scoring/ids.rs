//! Ids must be unique within their scope: budget lines, surveys, the questions of one survey, and
//! the indicators (groups and leaves) across the whole tree.

use crate::findings::{Finding, Problem};
use crate::model::{Document, Visit};
use crate::path::{FieldPath, SurveyField};
use std::collections::HashSet;

/// How many groups and leaves the indicator tree has.
pub(super) struct TreeSize {
    pub groups: usize,
    pub leaves: usize,
}

pub(super) fn check_unique_ids(doc: &Document, findings: &mut Vec<Finding>) -> TreeSize {
    unique(
        doc.budget.iter().map(|b| b.id.as_str()),
        |id| FieldPath::Line(id.to_string(), None),
        findings,
    );
    unique(
        doc.surveys.iter().map(|s| s.id.as_str()),
        |id| FieldPath::Survey(id.to_string(), None),
        findings,
    );
    for s in &doc.surveys {
        unique(
            s.questions.iter().map(|q| q.id.as_str()),
            |id| FieldPath::survey(&s.id, SurveyField::Question(id.to_string(), None)),
            findings,
        );
    }
    let mut ids = Vec::new();
    let mut size = TreeSize {
        groups: 0,
        leaves: 0,
    };
    doc.walk(&mut |visit| match visit {
        Visit::Enter(g, _) => {
            ids.push(g.id.as_str());
            size.groups = size.groups.saturating_add(1);
        }
        Visit::Leaf(l, _) => {
            ids.push(l.id.as_str());
            size.leaves = size.leaves.saturating_add(1);
        }
        Visit::Leave(..) => {}
    });
    unique(
        ids.into_iter(),
        |id| FieldPath::Node(id.to_string(), None),
        findings,
    );
    size
}

fn unique<'a>(
    ids: impl Iterator<Item = &'a str>,
    at: impl Fn(&str) -> FieldPath,
    findings: &mut Vec<Finding>,
) {
    let mut seen = HashSet::with_capacity(ids.size_hint().0);
    for id in ids {
        if !seen.insert(id) {
            findings.push(Finding::new(
                at(id),
                Problem::DuplicateId { id: id.to_string() },
            ));
        }
    }
}
