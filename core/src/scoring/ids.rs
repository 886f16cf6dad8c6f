//! Ids must be unique within their scope: budget lines, surveys, the questions of one survey, and
//! the indicators (groups and leaves) across the whole tree.

use crate::findings::{Finding, Problem};
use crate::model::{Document, Node};
use std::collections::HashSet;

pub fn check_unique_ids(doc: &Document, findings: &mut Vec<Finding>) {
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
    collect_indicator_ids(&doc.indicators, &mut ids);
    unique(ids.into_iter(), "indicators", findings);
}

fn collect_indicator_ids<'a>(nodes: &'a [Node], out: &mut Vec<&'a str>) {
    for node in nodes {
        out.push(node.id());
        if let Node::Group(g) = node {
            collect_indicator_ids(&g.children, out);
        }
    }
}

fn unique<'a>(ids: impl Iterator<Item = &'a str>, scope: &str, findings: &mut Vec<Finding>) {
    let mut seen = HashSet::new();
    for id in ids {
        if !seen.insert(id) {
            findings.push(Finding::new(
                format!("{scope}/{id}"),
                Problem::DuplicateId { id: id.to_string() },
            ));
        }
    }
}
