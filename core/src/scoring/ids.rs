//! Ids must be unique within their scope: budget lines, surveys, the questions of one survey, and
//! the indicators (groups and leaves) across the whole tree.

use crate::findings::{Finding, Problem};
use crate::model::{Document, Node};
use std::collections::HashSet;

/// How many groups and leaves the indicator tree has.
pub struct TreeSize {
    pub groups: usize,
    pub leaves: usize,
}

pub fn check_unique_ids(doc: &Document, findings: &mut Vec<Finding>) -> TreeSize {
    unique(doc.budget.iter().map(|b| b.id.as_str()), "budget", findings);
    unique(
        doc.surveys.iter().map(|s| s.id.as_str()),
        "surveys",
        findings,
    );
    for s in &doc.surveys {
        let scope = format!("surveys/{}/questions", s.id);
        unique(s.questions.iter().map(|q| q.id.as_str()), &scope, findings);
    }
    let mut ids = Vec::new();
    let mut size = TreeSize {
        groups: 0,
        leaves: 0,
    };
    collect_indicator_ids(&doc.indicators, &mut ids, &mut size);
    unique(ids.into_iter(), "indicators", findings);
    size
}

fn collect_indicator_ids<'a>(nodes: &'a [Node], out: &mut Vec<&'a str>, size: &mut TreeSize) {
    for node in nodes {
        out.push(node.id());
        match node {
            Node::Group(g) => {
                size.groups += 1;
                collect_indicator_ids(&g.children, out, size);
            }
            Node::Leaf(_) => size.leaves += 1,
        }
    }
}

fn unique<'a>(ids: impl Iterator<Item = &'a str>, scope: &str, findings: &mut Vec<Finding>) {
    let mut seen = HashSet::with_capacity(ids.size_hint().0);
    for id in ids {
        if !seen.insert(id) {
            findings.push(Finding::new(
                format!("{scope}/{id}"),
                Problem::DuplicateId { id: id.to_string() },
            ));
        }
    }
}
