//! 失分分析: every leaf's lost points (points − score), largest first, with its group.

use super::{walk_scored, Evaluation, Scored};
use crate::model::Document;
use rust_decimal::Decimal;

/// A leaf that lost points.
#[derive(Clone, Debug, PartialEq)]
pub struct Lost {
    /// The leaf's id.
    pub id: String,
    /// The leaf's name.
    pub name: String,
    /// The names of the groups above it, outermost first.
    pub groups: Vec<String>,
    /// 分值.
    pub points: Decimal,
    /// 得分.
    pub score: Decimal,
    /// points − score.
    pub lost: Decimal,
}

/// The applicable leaves that lost points, most lost first (document order on a tie). Leaves
/// are joined to their results by position (both are in document order).
pub fn lost_points(doc: &Document, eval: &Evaluation) -> Vec<Lost> {
    let mut lost = Vec::new();
    walk_scored(doc, eval, &mut |scored| {
        let Scored::Leaf(leaf, r, ancestors) = scored else {
            return;
        };
        if !(r.applicable && r.score < r.points) {
            return;
        }
        // score < points, both exact decimals of one leaf: the difference cannot overflow.
        let Some(difference) = r.points.checked_sub(r.score) else {
            return;
        };
        lost.push(Lost {
            id: leaf.id.clone(),
            name: leaf.name.clone(),
            groups: ancestors.iter().map(|g| g.name.clone()).collect(),
            points: r.points,
            score: r.score,
            lost: difference,
        });
    });
    lost.sort_by_key(|l| std::cmp::Reverse(l.lost));
    lost
}
