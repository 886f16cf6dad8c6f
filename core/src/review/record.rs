//! A 申报表 read from a workbook recorded as the declaration of an open document (`import
//! --into`, the page's import on the 目标 tab): its targets matched to the document's leaves by
//! name under their groups, the header fields and funds the document lacks filled in.

use crate::message::{Arg, Markup, Message, Text};
use crate::model::{match_leaf, named_leaves, Declared, Document, RuleKind, TARGET_META};
use crate::text::normalise;

/// What recording a declaration did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Recorded {
    /// The declaration's date (填报日期), where the form gives one.
    pub date: Option<String>,
    /// Targets matched to a leaf of the document.
    pub matched: usize,
    /// The form's indicators (names) with no leaf of that name in the document: recorded as
    /// declared targets the document no longer has.
    pub unmatched: Vec<String>,
    /// Header fields and funds filled in where the document had none.
    pub filled: usize,
    /// The document had a declaration, now replaced.
    pub replaced: bool,
}

/// Records `read`'s declaration (a document read from a 申报表) as `into`'s; `None` when `read`
/// declares nothing.
pub fn record_declaration(into: &mut Document, read: &Document) -> Option<Recorded> {
    let theirs = read.declared.as_ref()?;
    let ours = named_leaves(into);
    let mut recorded = Recorded {
        date: theirs.date.clone(),
        replaced: into.declared.is_some(),
        ..Recorded::default()
    };
    let mut targets = Vec::with_capacity(theirs.targets.len());
    for t in &theirs.targets {
        let groups: Vec<String> = t.path.iter().map(|g| normalise(g)).collect();
        let taken = |id: &str| {
            targets
                .iter()
                .any(|d: &crate::model::DeclaredTarget| d.id == id)
        };
        let id = match match_leaf(&ours, &normalise(&t.name), &groups) {
            Some(id) if !taken(id) => {
                recorded.matched = recorded.matched.saturating_add(1);
                id.to_string()
            }
            _ => {
                recorded.unmatched.push(t.name.clone());
                // An id no leaf of the document has, so the target reads as removed since.
                let mut id = format!("declared-{}", t.id);
                while ours.iter().any(|(o, ..)| *o == id) || taken(&id) {
                    id.push('\'');
                }
                id
            }
        };
        let mut target = crate::model::DeclaredTarget { id, ..t.clone() };
        if let Some(leaf) = into.leaf(&target.id) {
            as_the_leaf_scores(&mut target, leaf);
        }
        targets.push(target);
    }
    into.declared = Some(Declared {
        date: theirs.date.clone(),
        targets,
        extra: theirs.extra.clone(),
    });
    for (key, _) in TARGET_META {
        let value = read.meta_text(key);
        if into.meta_text(key).trim().is_empty() && !value.trim().is_empty() {
            into.meta
                .insert(key.into(), serde_json::Value::String(value));
            recorded.filled = recorded.filled.saturating_add(1);
        }
    }
    if into.funds.as_ref().is_none_or(|f| f.is_empty()) {
        if let Some(funds) = read.funds.clone().filter(|f| !f.is_empty()) {
            into.funds = Some(funds);
            recorded.filled = recorded.filled.saturating_add(1);
        }
    }
    Some(recorded)
}

/// A form can only write a satisfaction target as `≥90%`: where the leaf it names is scored from
/// a survey, the declared target is that leaf's kind with its unit, so the same figure reads as
/// unchanged and the declared score takes the survey's satisfaction.
fn as_the_leaf_scores(target: &mut crate::model::DeclaredTarget, leaf: &crate::model::Leaf) {
    let percent = target
        .unit
        .as_deref()
        .is_none_or(|u| matches!(u.trim(), "" | "%"));
    if leaf.rule.kind() == Some(RuleKind::Satisfaction)
        && RuleKind::parse(&target.kind) == Some(RuleKind::AtLeast)
        && percent
    {
        target.kind = leaf.rule.kind.clone();
        target.unit = Some(leaf.unit().to_string()).filter(|u| !u.is_empty());
    }
}

impl Recorded {
    fn markup(&self) -> Markup {
        let mut m = Markup::default();
        m.push(
            Text(
                "申报表的 {matched} 个指标已记录为申报目标{date}。",
                "{matched} indicator(s) of the targets form recorded as declared{date}.",
            ),
            vec![
                ("matched", Arg::Same(self.matched.to_string())),
                (
                    "date",
                    match &self.date {
                        Some(d) => Arg::Each(format!("（填报日期 {d}）"), format!(" (dated {d})")),
                        None => Arg::Same(String::new()),
                    },
                ),
            ],
        );
        if !self.unmatched.is_empty() {
            m.push(
                Text(
                    "{count} 个在文件中没有同名指标，记为申报后删除的目标：{names}。",
                    " {count} have no indicator of that name in the file and read as targets removed since: {names}.",
                ),
                vec![
                    ("count", Arg::Same(self.unmatched.len().to_string())),
                    ("names", Arg::Each(self.unmatched.join("、"), self.unmatched.join(", "))),
                ],
            );
        }
        if self.filled > 0 {
            m.push(
                Text(
                    "文件中空白的 {filled} 项项目信息或资金按申报表填入。",
                    " {filled} blank project field(s) or the funds filled in from the form.",
                ),
                vec![("filled", Arg::Same(self.filled.to_string()))],
            );
        }
        if self.replaced {
            m.push(
                Text(
                    "此前记录的申报目标已被替换。",
                    " The declaration recorded before is replaced.",
                ),
                vec![],
            );
        }
        m
    }
}

impl Message for Recorded {
    fn zh(&self) -> String {
        self.markup().zh()
    }

    fn en(&self) -> String {
        self.markup().en()
    }
}
