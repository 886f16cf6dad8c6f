//! What the page shows where, apart from what it shows: the fields kept in an indicator's detail
//! row, the groups and surveys a large document opens with collapsed, the rows of a section.

use jixiao_core::Document;
use jixiao_core::{NodeField, RuleField, Section};
use std::collections::HashSet;

/// A document with more indicators than this opens with its large groups collapsed, so that the
/// page shows (and a keystroke renders) only the rows a person can see; its report and autosave
/// wait until typing stops.
pub(crate) const LARGE_DOCUMENT_LEAVES: usize = 200;

/// In a large document, a group of more leaves than this opens collapsed.
pub(crate) const LARGE_GROUP_LEAVES: usize = 20;

/// A document whose surveys hold more questions than this opens with every survey but the
/// first folded: its head and its satisfaction shown, its questions drawn when it is opened.
pub(crate) const LARGE_SURVEYS_QUESTIONS: usize = 100;

/// The surveys a document opens with folded (see [`LARGE_SURVEYS_QUESTIONS`]).
pub(crate) fn opening_folded(doc: &Document) -> HashSet<String> {
    let questions = doc
        .surveys
        .iter()
        .fold(0usize, |n, s| n.saturating_add(s.questions.len()));
    if questions <= LARGE_SURVEYS_QUESTIONS {
        return HashSet::new();
    }
    doc.surveys.iter().skip(1).map(|s| s.id.clone()).collect()
}

/// The fields shown in an indicator's detail row (opened on demand) rather than in its row.
pub(crate) fn in_detail_row(field: &NodeField) -> bool {
    match field {
        NodeField::Applicable => true,
        NodeField::Rule(Some(f)) => matches!(
            f,
            RuleField::Tolerance
                | RuleField::Formula
                | RuleField::Tier
                | RuleField::Fraction
                | RuleField::Survey
                | RuleField::Step(..)
                | RuleField::Inferred
        ),
        _ => false,
    }
}

/// The ids of the rows of a section: budget lines, or every group and leaf.
pub(crate) fn row_ids(doc: &Document, section: Section) -> HashSet<&str> {
    match section {
        Section::Budget => doc.budget.iter().map(|b| b.id.as_str()).collect(),
        _ => doc.indicator_ids().into_iter().collect(),
    }
}

/// The groups a document opens with collapsed: none in a document of up to
/// [`LARGE_DOCUMENT_LEAVES`] indicators; in a larger one, every group holding more than
/// [`LARGE_GROUP_LEAVES`], so that opening it draws a screenful of rows, not thousands.
pub(crate) fn opening_collapsed(doc: &Document) -> HashSet<String> {
    let (per_group, total) = doc.leaves_per_group();
    if total <= LARGE_DOCUMENT_LEAVES {
        return HashSet::new();
    }
    per_group
        .into_iter()
        .filter(|(_, n)| *n > LARGE_GROUP_LEAVES)
        .map(|(id, _)| id.to_string())
        .collect()
}
