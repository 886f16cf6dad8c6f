//! What the funds block of a form gave (the 自评表's and the 执行监控表's).

use crate::model::Leaf;

/// What the funds block gave: the 预算执行率 leaf, its header row and each line's row.
#[derive(Clone, Debug, Default)]
pub(crate) struct Funds {
    /// The 预算执行率 leaf, where the block has a 分值.
    pub(crate) leaf: Option<Leaf>,
    /// The block's header row.
    pub(crate) header: Option<usize>,
    /// The total row (资金总额, 合计).
    pub(crate) total: Option<usize>,
    /// (line id, row) of every line read.
    pub(crate) lines: Vec<(String, usize)>,
}
