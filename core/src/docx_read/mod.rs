//! Reading a 绩效自评报告 someone wrote in Word (`.docx`) to check it: its paragraphs and tables in
//! order ([`body`]), the tables recognised by their column titles with the form reader's matcher
//! ([`tables`]: 支出明细 → budget lines, 满意度 statistics → a survey, 得分情况 → first-level
//! scores, the 自评表 → indicators), and every printed figure kept as a claim with the heading
//! and sentence it was printed in ([`prose`]). The result is a `jixiao/1` document whose
//! evaluation lists each printed figure that disagrees.

mod body;
mod prose;
mod tables;

use crate::form::MAX_INFLATED_BYTES;
use crate::form::{FormError, FormRead, ReadNote, Summary};
use crate::model::{Document, Printed, PrintedEntry, What};
use body::Block;
use rust_decimal::Decimal;

use std::io::{Cursor, Read};

/// Reads the Word report in `bytes` (already known to be a ZIP holding `word/document.xml`).
pub(crate) fn read_report(bytes: &[u8]) -> Result<FormRead, FormError> {
    let mut archive =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| FormError::Unreadable {
            detail: e.to_string(),
        })?;
    let main = main_part(&mut archive);
    let document = part(&mut archive, &main)?.ok_or(FormError::NotAWorkbook)?;
    let styles = part(&mut archive, "word/styles.xml")?.unwrap_or_default();
    read_parts(&document, &styles)
}

/// Reads a report from its parts' XML: `word/document.xml` and `word/styles.xml` (empty where
/// the package has none). The package's ZIP is [`read_report`]'s; fuzzing starts here.
pub fn read_parts(document: &str, styles: &str) -> Result<FormRead, FormError> {
    let blocks = body::blocks(document, &body::styles(styles));
    let read = understand(&blocks);
    if read.summary.notes.contains(&crate::form::ReadNote::NoTable) && read.summary.claims == 0 {
        return Err(FormError::NothingToCheck);
    }
    Ok(read)
}

/// The main document part, as the package's relationships name it (`word/document.xml` where
/// they do not say).
fn main_part(archive: &mut zip::ZipArchive<Cursor<&[u8]>>) -> String {
    let rels = part(archive, "_rels/.rels")
        .ok()
        .flatten()
        .unwrap_or_default();
    rels.split("<Relationship")
        .filter(|r| r.contains("/officeDocument\""))
        .find_map(|r| {
            let target = r.split("Target=\"").nth(1)?.split('"').next()?;
            Some(target.trim_start_matches('/').to_string())
        })
        .unwrap_or_else(|| "word/document.xml".into())
}

/// One part of the package as text, inflating at most [`MAX_INFLATED_BYTES`]; `None` where the
/// package has no such part.
fn part(
    archive: &mut zip::ZipArchive<Cursor<&[u8]>>,
    name: &str,
) -> Result<Option<String>, FormError> {
    let Ok(file) = archive.by_name(name) else {
        return Ok(None);
    };
    if file.encrypted() {
        return Err(FormError::Password);
    }
    let mut bytes = Vec::new();
    file.take(MAX_INFLATED_BYTES)
        .read_to_end(&mut bytes)
        .map_err(|e| FormError::Unreadable {
            detail: e.to_string(),
        })?;
    Ok(Some(String::from_utf8_lossy(&bytes).into_owned()))
}

/// Where the reader stands in the document: the part (摘要, 正文) and the headings above.
#[derive(Default)]
struct Place {
    part: String,
    headings: [String; 2],
}

impl Place {
    /// `摘要 › 三、经验、问题和建议 › （二）存在的问题`, the parts that are known.
    fn text(&self) -> String {
        [self.part.as_str(), &self.headings[0], &self.headings[1]]
            .iter()
            .filter(|s| !s.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(" › ")
    }

    /// Follows a paragraph: a heading moves the place.
    fn follow(&mut self, text: &str, level: Option<u8>) {
        let t = text.trim();
        if t.chars().count() > 60 {
            return;
        }
        let compact: String = t.chars().filter(|c| !c.is_whitespace()).collect();
        if matches!(compact.as_str(), "摘要" | "正文" | "附表" | "附件") {
            self.part = compact;
            self.headings = Default::default();
            return;
        }
        let level = prose::heading_level(t).or(level.filter(|l| *l <= 2));
        match level {
            Some(1) => self.headings = [t.to_string(), String::new()],
            Some(2) => {
                if let Some(h) = self.headings.get_mut(1) {
                    *h = t.to_string();
                }
            }
            _ => {}
        }
    }
}

/// The document a report's blocks say, with every printed figure as a claim.
fn understand(blocks: &[Block]) -> FormRead {
    let mut doc = Document::default();
    let mut claims = Vec::new();
    let mut place = Place::default();
    let mut found = tables::Found::default();
    // The paragraph just before a table is its title (项目支出明细表, …统计表).
    let mut last_paragraph = String::new();
    // The short paragraphs just before this one (a title broken over lines, a 落款).
    let mut short: Vec<String> = Vec::new();
    // The survey whose table was just read: a note under it may say how it is scored.
    let mut last_survey: Option<usize> = None;
    for block in blocks {
        match block {
            Block::Paragraph(p) => {
                if let Some(i) = last_survey {
                    if let Some(survey) = doc.surveys.get_mut(i) {
                        prose::scored_by_share(&p.text, survey);
                    }
                }
                prose::grade_bands(&p.text, &mut doc);
                prose::linear_formula(&p.text, &mut doc);
                place.follow(&p.text, p.level);
                prose::claims(&p.text, &place.text(), &mut claims);
                prose::meta(&p.text, &short, &mut doc);
                let text = p.text.trim();
                if !text.is_empty() {
                    last_paragraph = text.to_string();
                    if text.chars().count() <= 40 && prose::heading_level(text).is_none() {
                        short.push(text.chars().filter(|c| !c.is_whitespace()).collect());
                        if short.len() > 3 {
                            short.remove(0);
                        }
                    } else {
                        short.clear();
                    }
                }
            }
            Block::Table(t) => {
                let title = if last_paragraph.chars().count() <= 80 {
                    last_paragraph.clone()
                } else {
                    place.text()
                };
                let surveys = doc.surveys.len();
                tables::read(t, &title, &mut doc, &mut found, &mut claims);
                last_survey = (doc.surveys.len() > surveys).then_some(surveys);
            }
        }
    }
    tables::finish(&mut doc, &mut found);
    weakest_by_number(&doc, &mut claims);
    infer_share(&mut doc, &claims, &mut found.notes);
    let mut summary = Summary {
        sheet: String::new(),
        budget_lines: doc.budget.len(),
        indicators: found.indicators,
        inferred: found.inferred,
        claims: claims.len().saturating_add(found.score_claims),
        report: true,
        surveys: doc.surveys.len(),
        notes: std::mem::take(&mut found.notes),
        round: None,
        declaration: false,
    };
    if doc.budget.is_empty() && doc.surveys.is_empty() && doc.indicators.is_empty() {
        summary.notes.push(crate::form::ReadNote::NoTable);
    }
    doc.claimed.get_or_insert_with(Default::default).printed =
        claims.into_iter().map(PrintedEntry::Read).collect();
    FormRead { doc, summary }
}

/// A survey printed by the share of satisfied answers without saying so: where the satisfaction
/// printed for it (the first printing) is what the share method gives and not what the weights
/// give, it is scored by the share, and the summary says so.
fn infer_share(doc: &mut Document, claims: &[Printed], notes: &mut Vec<ReadNote>) {
    let Some(survey) = doc.surveys.first_mut() else {
        return;
    };
    if survey.method.is_some() {
        return;
    }
    let Some(printed) = claims.iter().find(|c| c.what == What::Satisfaction) else {
        return;
    };
    let counts: Vec<Vec<Decimal>> = survey
        .questions
        .iter()
        .map(|q| q.counts.iter().filter_map(crate::number::Num::ok).collect())
        .collect();
    let weights: Vec<Decimal> = survey
        .options
        .iter()
        .map(|o| {
            o.weight
                .as_ref()
                .and_then(crate::number::Num::ok)
                .unwrap_or_default()
        })
        .collect();
    let agrees = |worth: &[Decimal]| {
        crate::formula::satisfaction(&counts, worth)
            .is_some_and(|s| crate::number::agrees(&printed.value, s))
    };
    if agrees(&weights) {
        return;
    }
    let n = survey.options.len();
    let share = |k: usize| -> Vec<Decimal> {
        (0..n)
            .map(|i| {
                if i < k {
                    Decimal::ONE_HUNDRED
                } else {
                    Decimal::ZERO
                }
            })
            .collect()
    };
    // The usual two options first (非常满意 + 满意), then any other count.
    let k = std::iter::once(2.min(n))
        .chain(1..n)
        .find(|&k| k >= 1 && agrees(&share(k)));
    if let Some(k) = k {
        survey.method = Some("share".into());
        survey.satisfied_options = Some(crate::number::Num::from_decimal(Decimal::from(k)));
        notes.push(ReadNote::ShareInferred {
            options: survey
                .options
                .iter()
                .take(k)
                .map(|o| o.label.clone())
                .collect(),
        });
    }
}

/// The question named as weakest, by its number in the survey (what the check compares): a
/// quoted question is found among the survey's questions; one not found is no claim.
fn weakest_by_number(doc: &Document, claims: &mut Vec<crate::model::Printed>) {
    let questions: Vec<String> = doc
        .surveys
        .first()
        .map(|s| {
            s.questions
                .iter()
                .map(|q| crate::text::normalise(&q.text))
                .collect()
        })
        .unwrap_or_default();
    claims.retain_mut(|c| {
        if c.what != crate::model::What::Weakest {
            return true;
        }
        if c.value.chars().all(|ch| ch.is_ascii_digit()) {
            return true;
        }
        let named = crate::text::normalise(&c.value);
        let named = named.trim_end_matches(['?', '？']);
        match questions.iter().position(|q| {
            !named.is_empty()
                && (q.contains(named) || named.contains(q.trim_end_matches(['?', '？'])))
        }) {
            Some(i) => {
                c.value = i.saturating_add(1).to_string();
                true
            }
            None => false,
        }
    });
}
