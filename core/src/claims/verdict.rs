//! What checking a report's printed figures came to, as the check's headline says it.

use crate::message::Message;
use crate::model::Document;
use crate::path::{ClaimField, FieldPath};
use crate::scoring::Evaluation;

/// What checking a report's printed figures came to: how many were printed, how many disagree.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Verdict {
    /// Figures read from the report.
    pub printed: usize,
    /// Of them, the ones that disagree.
    pub differing: usize,
}

impl Verdict {
    /// The verdict on `doc`'s printed figures; `None` when it has none (not a report).
    pub fn of(doc: &Document, eval: &Evaluation) -> Option<Verdict> {
        let printed = doc.claimed.as_ref().map_or(0, |c| c.readable().count());
        (printed > 0).then(|| Verdict {
            printed,
            differing: eval
                .findings
                .iter()
                .filter(|f| matches!(f.path, FieldPath::Claim(ClaimField::Printed(_))))
                .count(),
        })
    }
}

impl Message for Verdict {
    fn zh(&self) -> String {
        if self.differing == 0 {
            format!("报告中印出的 {} 个数字与计算结果全部一致。", self.printed)
        } else {
            format!(
                "报告中印出的 {} 个数字中，有 {} 个与计算结果或与别处所印不符。",
                self.printed, self.differing
            )
        }
    }

    fn en(&self) -> String {
        if self.differing == 0 {
            format!(
                "All {} figures printed in the report agree with the computed ones.",
                self.printed
            )
        } else {
            format!(
                "Of the {} figures printed in the report, {} disagree with the computed ones or with another printing.",
                self.printed, self.differing
            )
        }
    }
}
