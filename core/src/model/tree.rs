//! The one way to walk the indicator tree: leaves in document order with their ancestors, and
//! lookups of a node or leaf by id.

use super::{Document, Group, Leaf, Node};

/// A node met on a walk, with the groups that contain it (outermost first).
pub enum Visit<'a, 'p> {
    /// A group, before its children.
    Enter(&'a Group, &'p [&'a Group]),
    /// A group, after its children.
    Leave(&'a Group, &'p [&'a Group]),
    /// A leaf.
    Leaf(&'a Leaf, &'p [&'a Group]),
}

/// Walks `nodes` depth first in document order.
pub(crate) fn walk<'a>(nodes: &'a [Node], visit: &mut impl FnMut(Visit<'a, '_>)) {
    let mut ancestors: Vec<&'a Group> = Vec::new();
    walk_in(nodes, &mut ancestors, visit);
}

fn walk_in<'a>(
    nodes: &'a [Node],
    ancestors: &mut Vec<&'a Group>,
    visit: &mut impl FnMut(Visit<'a, '_>),
) {
    for node in nodes {
        match node {
            Node::Leaf(l) => visit(Visit::Leaf(l, ancestors)),
            Node::Group(g) => {
                visit(Visit::Enter(g, ancestors));
                ancestors.push(g);
                walk_in(&g.children, ancestors, visit);
                ancestors.pop();
                visit(Visit::Leave(g, ancestors));
            }
        }
    }
}

/// The leaves in document order, with their depth (0 at the top level).
pub struct Leaves<'a> {
    stack: Vec<std::slice::Iter<'a, Node>>,
}

impl<'a> Iterator for Leaves<'a> {
    type Item = (&'a Leaf, usize);

    fn next(&mut self) -> Option<(&'a Leaf, usize)> {
        loop {
            let depth = self.stack.len().checked_sub(1)?;
            match self.stack.last_mut()?.next() {
                None => {
                    self.stack.pop();
                }
                Some(Node::Leaf(l)) => return Some((l, depth)),
                Some(Node::Group(g)) => self.stack.push(g.children.iter()),
            }
        }
    }
}

/// The leaves of `nodes` in document order.
pub(crate) fn leaves(nodes: &[Node]) -> Leaves<'_> {
    Leaves {
        stack: vec![nodes.iter()],
    }
}

/// The leaves of `nodes` in document order, to change (the same walk as [`leaves`]).
pub(crate) fn leaves_mut(nodes: &mut [Node]) -> Vec<&mut Leaf> {
    let mut out = Vec::new();
    let mut stack = vec![nodes.iter_mut()];
    while let Some(top) = stack.last_mut() {
        match top.next() {
            None => {
                stack.pop();
            }
            Some(Node::Leaf(l)) => out.push(l),
            Some(Node::Group(g)) => stack.push(g.children.iter_mut()),
        }
    }
    out
}

/// The node `id` (the first, should ids repeat).
pub(super) fn node<'a>(nodes: &'a [Node], id: &str) -> Option<&'a Node> {
    nodes.iter().find_map(|n| match n {
        _ if n.id() == id => Some(n),
        Node::Group(g) => node(&g.children, id),
        Node::Leaf(_) => None,
    })
}

/// The node `id`, to change.
pub(super) fn node_mut<'a>(nodes: &'a mut [Node], id: &str) -> Option<&'a mut Node> {
    for n in nodes {
        if n.id() == id {
            return Some(n);
        }
        if let Node::Group(g) = n {
            if let Some(found) = node_mut(&mut g.children, id) {
                return Some(found);
            }
        }
    }
    None
}

/// The children list that holds the node `id`, and its index there.
pub fn siblings_mut<'a>(nodes: &'a mut Vec<Node>, id: &str) -> Option<(&'a mut Vec<Node>, usize)> {
    if let Some(i) = nodes.iter().position(|n| n.id() == id) {
        return Some((nodes, i));
    }
    for n in nodes.iter_mut() {
        if let Node::Group(g) = n {
            if let Some(found) = siblings_mut(&mut g.children, id) {
                return Some(found);
            }
        }
    }
    None
}

impl Document {
    /// The leaves in document order, with their depth.
    pub fn leaves(&self) -> Leaves<'_> {
        leaves(&self.indicators)
    }

    /// Walks the indicator tree depth first, with each node's ancestors.
    pub fn walk<'a>(&'a self, visit: &mut impl FnMut(Visit<'a, '_>)) {
        walk(&self.indicators, visit);
    }

    /// The node (group or leaf) `id`.
    pub fn node(&self, id: &str) -> Option<&Node> {
        node(&self.indicators, id)
    }

    /// The node `id`, to change.
    pub fn node_mut(&mut self, id: &str) -> Option<&mut Node> {
        node_mut(&mut self.indicators, id)
    }

    /// The leaf `id` (`None` for a group or an unknown id).
    pub fn leaf(&self, id: &str) -> Option<&Leaf> {
        match self.node(id)? {
            Node::Leaf(l) => Some(l),
            Node::Group(_) => None,
        }
    }

    /// The leaf `id`, to change.
    pub fn leaf_mut(&mut self, id: &str) -> Option<&mut Leaf> {
        match self.node_mut(id)? {
            Node::Leaf(l) => Some(l),
            Node::Group(_) => None,
        }
    }

    /// Every group's and leaf's id, in document order.
    pub fn indicator_ids(&self) -> Vec<&str> {
        let mut out = Vec::new();
        self.walk(&mut |visit| match visit {
            Visit::Enter(g, _) => out.push(g.id.as_str()),
            Visit::Leaf(l, _) => out.push(l.id.as_str()),
            Visit::Leave(..) => {}
        });
        out
    }

    /// How many leaves each group holds (all levels below it), and how many leaves there are.
    pub fn leaves_per_group(&self) -> (std::collections::HashMap<&str, usize>, usize) {
        let mut per_group = std::collections::HashMap::new();
        let mut total = 0usize;
        self.walk(&mut |visit| {
            if let Visit::Leaf(_, groups) = visit {
                total = total.saturating_add(1);
                for g in groups {
                    let n = per_group.entry(g.id.as_str()).or_insert(0usize);
                    *n = n.saturating_add(1);
                }
            }
        });
        (per_group, total)
    }

    /// The groups that contain the node `id`, outermost first (`None` for an unknown id).
    pub fn ancestors(&self, id: &str) -> Option<Vec<&Group>> {
        let mut found = None;
        self.walk(&mut |visit| {
            if found.is_some() {
                return;
            }
            match visit {
                Visit::Leaf(l, up) if l.id == id => found = Some(up.to_vec()),
                Visit::Enter(g, up) if g.id == id => found = Some(up.to_vec()),
                _ => {}
            }
        });
        found
    }
}
