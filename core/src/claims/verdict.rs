//! What checking a report's printed figures came to, as the check's headline says it.

use crate::message::{Markup, Message, Text};
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

impl Verdict {
    fn markup(&self) -> Markup {
        let mut m = Markup::default();
        let (printed, differing) = (self.printed.to_string(), self.differing.to_string());
        if self.differing == 0 {
            m.push(
                Text(
                    "报告中印出的 {printed} 个数字与计算结果全部一致。",
                    "All {printed} figures printed in the report agree with the computed ones.",
                ),
                vec![("printed", printed.into())],
            );
        } else {
            m.push(
                Text(
                    "报告中印出的 {printed} 个数字中，有 {differing} 个与计算结果或与别处所印不符。",
                    "Of the {printed} figures printed in the report, {differing} disagree with the computed ones or with another printing.",
                ),
                vec![("printed", printed.into()), ("differing", differing.into())],
            );
        }
        m
    }
}

impl Message for Verdict {
    fn zh(&self) -> String {
        self.markup().zh()
    }

    fn en(&self) -> String {
        self.markup().en()
    }
}
