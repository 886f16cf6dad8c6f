//! The one way results are joined to the document: by position. `Evaluation::leaves` holds the
//! leaves in document order and `Evaluation::groups` the groups in the order they open, so a walk
//! of the tree meets them in the same order; ids are never looked up (they may repeat, which the
//! core reports but must still show).

use super::{Evaluation, GroupResult, LeafResult};
use crate::model::{walk, Document, Group, Leaf, Node, Visit};

/// Hands out the results of a tree walked in document order.
pub struct Cursor<'a> {
    leaves: std::slice::Iter<'a, LeafResult>,
    groups: std::slice::Iter<'a, GroupResult>,
}

impl<'a> Cursor<'a> {
    /// A cursor at the start of `eval`'s results.
    pub fn new(eval: &'a Evaluation) -> Cursor<'a> {
        Cursor {
            leaves: eval.leaves.iter(),
            groups: eval.groups.iter(),
        }
    }

    /// The result of the next leaf.
    pub fn leaf(&mut self) -> Option<&'a LeafResult> {
        self.leaves.next()
    }

    /// The result of the next group (as it opens).
    pub fn group(&mut self) -> Option<&'a GroupResult> {
        self.groups.next()
    }

    /// Passes over the results of `nodes` (a collapsed group's children, not shown).
    pub fn skip(&mut self, nodes: &[Node]) {
        walk(nodes, &mut |visit| match visit {
            Visit::Enter(..) => {
                self.groups.next();
            }
            Visit::Leaf(..) => {
                self.leaves.next();
            }
            Visit::Leave(..) => {}
        });
    }
}

/// A node of the document with its result, as met on [`walk_scored`].
pub enum Scored<'a, 'p> {
    /// A group as it opens, with its subtotal and ancestors.
    Group(&'a Group, &'a GroupResult, &'p [&'a Group]),
    /// A leaf with its result and ancestors.
    Leaf(&'a Leaf, &'a LeafResult, &'p [&'a Group]),
}

/// Walks `doc`'s tree in document order with the results of `eval` (which must be its
/// evaluation; a node without a result is passed over).
pub fn walk_scored<'a>(
    doc: &'a Document,
    eval: &'a Evaluation,
    visit: &mut impl FnMut(Scored<'a, '_>),
) {
    let mut cursor = Cursor::new(eval);
    doc.walk(&mut |v| match v {
        Visit::Enter(g, up) => {
            if let Some(r) = cursor.group() {
                visit(Scored::Group(g, r, up));
            }
        }
        Visit::Leaf(l, up) => {
            if let Some(r) = cursor.leaf() {
                visit(Scored::Leaf(l, r, up));
            }
        }
        Visit::Leave(..) => {}
    });
}
