//! 失分分析: every leaf's lost points (points − score), largest first, with its group.

use crate::model::{Document, Node};
use crate::scoring::Evaluation;
use rust_decimal::Decimal;

/// A leaf that lost points.
#[derive(Clone, Debug, PartialEq)]
pub struct Lost {
    pub id: String,
    pub name: String,
    /// The names of the groups above it, outermost first.
    pub groups: Vec<String>,
    pub points: Decimal,
    pub score: Decimal,
    pub lost: Decimal,
}

/// The applicable leaves that lost points, most lost first (document order on a tie).
pub fn lost_points(doc: &Document, eval: &Evaluation) -> Vec<Lost> {
    let mut names = Vec::new();
    fn walk(
        nodes: &[Node],
        groups: &mut Vec<String>,
        out: &mut Vec<(String, String, Vec<String>)>,
    ) {
        for n in nodes {
            match n {
                Node::Group(g) => {
                    groups.push(g.name.clone());
                    walk(&g.children, groups, out);
                    groups.pop();
                }
                Node::Leaf(l) => out.push((l.id.clone(), l.name.clone(), groups.clone())),
            }
        }
    }
    walk(&doc.indicators, &mut Vec::new(), &mut names);
    let mut lost: Vec<Lost> = eval
        .leaves
        .iter()
        .zip(names)
        .filter(|(r, _)| r.applicable && r.score < r.points)
        .map(|(r, (id, name, groups))| Lost {
            id,
            name,
            groups,
            points: r.points,
            score: r.score,
            lost: r.points - r.score,
        })
        .collect();
    lost.sort_by_key(|l| std::cmp::Reverse(l.lost));
    lost
}
