//! The leaves of one document matched to another's by name, the groups above them deciding
//! between leaves of the same name: how a monitoring form's round and a 申报表's declaration go
//! into an open document.

use super::{Document, Visit};
use crate::text::normalise;

/// Every leaf as (id, normalised name, normalised group names outermost first).
pub(crate) fn named_leaves(doc: &Document) -> Vec<(String, String, Vec<String>)> {
    let mut out = Vec::new();
    doc.walk(&mut |v| {
        if let Visit::Leaf(l, ancestors) = v {
            out.push((
                l.id.clone(),
                normalise(&l.name),
                ancestors.iter().map(|g| normalise(&g.name)).collect(),
            ));
        }
    });
    out
}

/// The leaf of `into` that is `name` under `groups`: the one of that name, or among several the
/// one whose groups share the most names.
pub(crate) fn match_leaf<'a>(
    into: &'a [(String, String, Vec<String>)],
    name: &str,
    groups: &[String],
) -> Option<&'a str> {
    let same: Vec<_> = into.iter().filter(|(_, n, _)| n == name).collect();
    let best = same.iter().max_by_key(|(_, _, g)| {
        g.iter()
            .filter(|x| {
                groups
                    .iter()
                    .any(|y| y == *x || y.contains(x.as_str()) || x.contains(y.as_str()))
            })
            .count()
    })?;
    Some(best.0.as_str())
}
