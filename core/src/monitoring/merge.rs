//! A round read from a filled 执行监控表 put into an existing document (`jixiao import FORM
//! --into FILE`, the page's import while a document is open): the form's indicators are matched
//! to the document's by name (the groups above them deciding between leaves of the same name),
//! its budget lines by name (or the one line to the one line); a round of the same date is
//! replaced, any other kept.

use crate::message::Message;
use crate::model::{match_leaf, named_leaves, Document, Round};
use crate::model::{Printed, PrintedEntry, What};
use crate::text::normalise;

/// What could not be matched.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Merged {
    /// The round's date.
    pub as_of: String,
    /// Indicators matched.
    pub matched: usize,
    /// The form's indicators (names) with no leaf of that name in the document.
    pub unmatched: Vec<String>,
    /// The form's budget lines (names) with no line of that name in the document.
    pub unmatched_lines: Vec<String>,
    /// A round of that date was replaced.
    pub replaced: bool,
}

/// Puts each round of `read` (a document read from a monitoring form) into `into`, its ids
/// translated to `into`'s.
pub fn merge(into: &mut Document, read: &Document) -> Vec<Merged> {
    let theirs = named_leaves(read);
    let ours = named_leaves(into);
    let mut out = Vec::new();
    for round in &read.monitoring {
        let mut merged = Merged {
            as_of: round.as_of.clone(),
            ..Merged::default()
        };
        let mut indicators = Vec::new();
        // Their leaf ids and ours, for the lights the form printed.
        let mut ids: Vec<(&str, String)> = Vec::new();
        for report in &round.indicators {
            let Some((_, name, groups)) = theirs.iter().find(|(id, _, _)| *id == report.id) else {
                continue;
            };
            match match_leaf(&ours, name, groups) {
                Some(id)
                    if !indicators
                        .iter()
                        .any(|r: &crate::model::LeafReport| r.id == id) =>
                {
                    merged.matched = merged.matched.saturating_add(1);
                    ids.push((report.id.as_str(), id.to_string()));
                    indicators.push(crate::model::LeafReport {
                        id: id.to_string(),
                        ..report.clone()
                    });
                }
                _ => merged.unmatched.push(
                    read.leaf(&report.id)
                        .map_or(report.id.clone(), |l| l.name.clone()),
                ),
            }
        }
        let mut budget = Vec::new();
        for line in &round.budget {
            let name = read
                .budget
                .iter()
                .find(|l| l.id == line.id)
                .map(|l| l.name.clone())
                .unwrap_or_default();
            let by_name = into
                .budget
                .iter()
                .find(|l| normalise(&l.name) == normalise(&name));
            let only = (into.budget.len() == 1 && round.budget.len() == 1)
                .then(|| into.budget.first())
                .flatten();
            match by_name.or(only) {
                Some(l) => budget.push(crate::model::LineReport {
                    id: l.id.clone(),
                    ..line.clone()
                }),
                None => merged.unmatched_lines.push(name),
            }
        }
        let new = Round {
            as_of: round.as_of.clone(),
            budget,
            indicators,
            goal_progress: round.goal_progress.clone(),
            extra: round.extra.clone(),
        };
        printed_lights(into, read, &round.as_of, &ids);
        match into.monitoring.iter_mut().find(|r| r.as_of == round.as_of) {
            Some(old) => {
                *old = new;
                merged.replaced = true;
            }
            None => into.monitoring.push(new),
        }
        out.push(merged);
    }
    into.monitoring
        .sort_by_key(|r| crate::date::parse_date(&r.as_of));
    out
}

/// The lights a monitoring form printed for the round of `as_of`, as printed figures of `into`
/// with its leaf ids (the ones of that round printed before are replaced).
fn printed_lights(into: &mut Document, read: &Document, as_of: &str, ids: &[(&str, String)]) {
    let Some(theirs) = &read.claimed else {
        return;
    };
    let of_round = |w: &What| matches!(w, What::Light { as_of: a, .. } if a == as_of);
    let lights: Vec<PrintedEntry> = theirs
        .readable()
        .filter(|(_, p)| of_round(&p.what))
        .filter_map(|(_, p)| {
            let What::Light { leaf, .. } = &p.what else {
                return None;
            };
            let leaf = match leaf {
                Some(id) => Some(ids.iter().find(|(t, _)| t == id)?.1.clone()),
                None => None,
            };
            Some(PrintedEntry::Read(Printed {
                what: What::Light {
                    as_of: as_of.to_string(),
                    leaf,
                },
                ..p.clone()
            }))
        })
        .collect();
    if lights.is_empty() && into.claimed.is_none() {
        return;
    }
    let ours = into.claimed.get_or_insert_with(Default::default);
    ours.printed
        .retain(|e| !matches!(e, PrintedEntry::Read(p) if of_round(&p.what)));
    ours.printed.extend(lights);
}

impl Message for Merged {
    fn zh(&self) -> String {
        let mut text = format!(
            "监控轮次（截至 {}）{}：{} 个指标已对应",
            self.as_of,
            if self.replaced {
                "已替换原有轮次"
            } else {
                "已加入"
            },
            self.matched
        );
        if !self.unmatched.is_empty() {
            text.push_str(&format!(
                "；文件中没有同名指标，未导入：{}",
                self.unmatched.join("、")
            ));
        }
        if !self.unmatched_lines.is_empty() {
            text.push_str(&format!(
                "；文件中没有同名预算明细，未导入：{}",
                self.unmatched_lines.join("、")
            ));
        }
        text.push('。');
        text
    }

    fn en(&self) -> String {
        let mut text = format!(
            "monitoring round as of {} {}: {} indicator(s) matched",
            self.as_of,
            if self.replaced {
                "replaced the round of that date"
            } else {
                "added"
            },
            self.matched
        );
        if !self.unmatched.is_empty() {
            text.push_str(&format!(
                "; not imported, no indicator of that name in the file: {}",
                self.unmatched.join(", ")
            ));
        }
        if !self.unmatched_lines.is_empty() {
            text.push_str(&format!(
                "; not imported, no budget line of that name in the file: {}",
                self.unmatched_lines.join(", ")
            ));
        }
        text.push('.');
        text
    }
}
