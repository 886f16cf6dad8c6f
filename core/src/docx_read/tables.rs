//! A report's tables, recognised by their column titles with the form reader's matcher
//! (`grid::first_col` on a grid of the table): the 支出明细 (下达金额 / 预算数, 使用经费 /
//! 执行数, 结余, 备注) gives budget lines; the 满意度 statistics table (options as columns, 人数 /
//! 占比 / 分数 rows per question, 合计) gives a survey and the option weights its 分数 rows imply;
//! the 自评表 (一级/二级/三级指标) gives indicators and their printed scores; the 得分情况 table
//! (一级指标, 权重分, 得分) gives the first-level scores. Every printed figure of them is a claim.

use super::body::Table;
use crate::form::ReadNote;
use crate::grid::{figure, first_col, key, BudgetColumns, Cell, Grid};
use crate::model::{Document, Leaf, Node, Question, Rule, Survey, SurveyOption};
use crate::model::{Printed, What};
use crate::number::printed_figure as printed_number;
use crate::number::Num;
use rust_decimal::Decimal;
use serde_json::Map;

/// What the tables gave so far.
#[derive(Default)]
pub(super) struct Found {
    /// Indicators read from a 自评表.
    pub(super) indicators: usize,
    /// Of them, rules inferred from what is written.
    pub(super) inferred: usize,
    /// Printed scores of the 自评表 kept as claims (`claimed.scores`).
    pub(super) score_claims: usize,
    /// The first-level rows of a 得分情况 table: (name, points, score as printed).
    first_level: Vec<(String, String, String)>,
    /// Whether a 自评表 gave the indicators.
    form: bool,
    /// Notes for the reader's summary.
    pub(super) notes: Vec<ReadNote>,
}

/// The table as a grid of text cells, for the form reader's title matcher.
fn grid(table: &Table) -> Grid {
    Grid {
        name: String::new(),
        rows: table
            .rows
            .iter()
            .map(|r| {
                r.iter()
                    .map(|t| Cell {
                        text: t.clone(),
                        number: false,
                    })
                    .collect()
            })
            .collect(),
    }
}

/// Reads one table into the document; `title` is the paragraph before it.
pub(super) fn read(
    table: &Table,
    title: &str,
    doc: &mut Document,
    found: &mut Found,
    claims: &mut Vec<Printed>,
) {
    let g = grid(table);
    let header = |pred: &dyn Fn(&str) -> bool| {
        (0..g.rows.len().min(3)).find_map(|r| first_col(&g, r, pred).map(|c| (r, c)))
    };
    if header(&|t| t.contains("三级指标")).is_some() {
        if !found.form {
            form(&g, doc, found);
        }
    } else if let (Some(_), Some(_)) = (
        header(&|t| t.contains("一级指标")),
        header(&|t| t.contains("得分") && !t.contains("分值")),
    ) {
        first_level(&g, title, found, claims);
    } else if header(&|t| t.contains("满意") || t.contains("一般")).is_some()
        && (0..g.rows.len()).any(|r| first_col(&g, r, |t| t == "人数" || t == "占比").is_some())
    {
        survey(&g, title, doc, found, claims);
    } else if doc.budget.is_empty() {
        if let Some(columns) = BudgetColumns::find(&g) {
            if columns.planned.is_some() && columns.spent.is_some() {
                budget(&g, &columns, title, doc, claims);
            }
        }
    }
}

/// The 自评表 inside the report: read by the form reader itself.
fn form(g: &Grid, doc: &mut Document, found: &mut Found) {
    let year = doc.meta_text("year").trim().parse::<i32>().ok();
    let Ok(read) = crate::form::read_grids(std::slice::from_ref(g), year) else {
        return;
    };
    found.form = true;
    found.indicators = read.summary.indicators;
    found.inferred = read.summary.inferred;
    found.score_claims = read.summary.claims;
    doc.indicators = read.doc.indicators;
    if doc.budget.is_empty() {
        doc.budget = read.doc.budget;
    }
    if let Some(from) = read.doc.claimed {
        doc.claimed.get_or_insert_with(Default::default).merge(from);
    }
    // The form's reading says whether it prints whole points; the report's prose may have said
    // the grade bands already.
    if read.doc.settings.score_decimals.is_some() {
        doc.settings.score_decimals = read.doc.settings.score_decimals;
    }
}

/// 项目绩效指标体系得分情况: 一级指标 | 权重分 | 得分, with 合计.
fn first_level(g: &Grid, title: &str, found: &mut Found, claims: &mut Vec<Printed>) {
    let Some(r) =
        (0..g.rows.len().min(3)).find(|&r| first_col(g, r, |t| t.contains("一级指标")).is_some())
    else {
        return;
    };
    let name = first_col(g, r, |t| t.contains("一级指标")).unwrap_or(0);
    let points = first_col(g, r, |t| {
        t.contains("权重") || t.contains("分值") || t.contains("满分")
    });
    let score = first_col(g, r, |t| t.contains("得分") && !t.contains("分值"));
    let text = |row: usize, c: Option<usize>| {
        c.map_or(String::new(), |c| g.text(row, c).trim().to_string())
    };
    for row in r.saturating_add(1)..g.rows.len() {
        let n = text(row, Some(name));
        if n.is_empty() {
            continue;
        }
        let (p, s) = (text(row, points), text(row, score));
        let sentence = format!("{n} | {p} | {s}");
        if matches!(
            crate::text::normalise(&n).as_str(),
            "合计" | "总计" | "总分"
        ) {
            if !s.is_empty() {
                claims.push(Printed {
                    what: What::Total,
                    value: s,
                    place: title.to_string(),
                    sentence,
                    extra: Default::default(),
                });
            }
            continue;
        }
        if !s.is_empty() {
            claims.push(Printed {
                what: What::FirstLevel(strip_letter(&n)),
                value: s.clone(),
                place: title.to_string(),
                sentence,
                extra: Default::default(),
            });
        }
        found.first_level.push((strip_letter(&n), p, s));
    }
}

/// `A项目决策` → `项目决策`: the letters some reports number first-level rows with.
fn strip_letter(name: &str) -> String {
    let t = name.trim();
    let mut chars = t.chars();
    match (chars.next(), chars.clone().next()) {
        (Some(c), Some(next)) if c.is_ascii_uppercase() && !next.is_ascii() => chars
            .as_str()
            .trim_start_matches(['.', '、', ' '])
            .to_string(),
        _ => t.to_string(),
    }
}

/// The 支出明细: budget lines, each line's printed 结余 and the 合计 row as claims.
fn budget(
    g: &Grid,
    columns: &BudgetColumns,
    title: &str,
    doc: &mut Document,
    claims: &mut Vec<Printed>,
) {
    let lines = columns.lines(g);
    let text =
        |r: usize, c: Option<usize>| c.map_or(String::new(), |c| g.text(r, c).trim().to_string());
    let mut line = 0usize;
    let width = g.width();
    for r in columns.start..g.rows.len() {
        let row: Vec<String> = (0..width)
            .map(|c| g.text(r, c).trim().to_string())
            .collect();
        let sentence = row
            .iter()
            .filter(|c| !c.is_empty())
            .cloned()
            .collect::<Vec<_>>()
            .join(" | ");
        let mut claim = |what: What, value: String| {
            if printed_number(&value).is_some() {
                claims.push(Printed {
                    what,
                    value,
                    place: title.to_string(),
                    sentence: sentence.clone(),
                    extra: Default::default(),
                });
            }
        };
        if columns.is_total(g, r) {
            claim(What::Planned, text(r, columns.planned));
            claim(What::Spent, text(r, columns.spent));
            claim(What::Balance, text(r, columns.balance));
            continue;
        }
        let is_line = !key(g, r, columns.name.unwrap_or(0)).is_empty()
            || figure(&text(r, columns.planned)).is_some();
        if is_line {
            claim(What::LineBalance(line), text(r, columns.balance));
            line = line.saturating_add(1);
        }
    }
    doc.budget = lines
        .into_iter()
        .enumerate()
        .map(|(i, mut l)| {
            l.id = format!("b{}", i.saturating_add(1));
            l
        })
        .collect();
}

/// The default weight of an option by its label (`docs/REFERENCE.md`), if it is one of the usual five.
fn default_weight(label: &str) -> Option<Decimal> {
    let t = crate::text::normalise(label);
    let w = if t.contains("非常满意") || t.contains("很满意") {
        100
    } else if t.contains("很不满意") || t.contains("非常不满意") {
        0
    } else if t.contains("不满意") {
        20
    } else if t.contains("满意") {
        80
    } else if t.contains("一般") {
        60
    } else {
        return None;
    };
    Some(Decimal::from(w))
}

/// `A（非常满意）` → `非常满意`.
fn option_label(title: &str) -> String {
    let t = title.trim();
    match (t.find(['（', '(']), t.rfind(['）', ')'])) {
        (Some(a), Some(b)) if a < b => t
            .get(a..b)
            .map(|s| s.trim_start_matches(['（', '(']).to_string())
            .unwrap_or_else(|| t.to_string()),
        _ => t.to_string(),
    }
}

/// The 满意度调查问卷统计表: options as columns; per question the rows 人数, 占比, 分数 (the
/// question's cell merged down); a 合计 block; a 最终得分 row.
fn survey(g: &Grid, title: &str, doc: &mut Document, found: &mut Found, claims: &mut Vec<Printed>) {
    let Some(header) = (0..g.rows.len().min(3))
        .find(|&r| first_col(g, r, |t| t.contains("满意") || t.contains("一般")).is_some())
    else {
        return;
    };
    let width = g.width();
    let is_option = |t: &str| {
        (t.contains("满意") || t.contains("一般"))
            && !t.contains("满意度")
            && !t.contains("合计")
            && !t.contains("问卷")
    };
    let options: Vec<usize> = (0..width)
        .filter(|&c| is_option(&key(g, header, c)))
        .collect();
    let (Some(&first_option), Some(&last_option)) = (options.first(), options.last()) else {
        return;
    };
    // The column saying which row this is (人数 / 占比 / 分数), and the question's column.
    let kind_col = (0..first_option).rev().find(|&c| {
        (header.saturating_add(1)..g.rows.len())
            .any(|r| matches!(key(g, r, c).as_str(), "人数" | "占比" | "分数"))
    });
    let question_col = (0..first_option)
        .find(|&c| Some(c) != kind_col)
        .unwrap_or(0);
    let total_col = (last_option.saturating_add(1)..width).next();
    let labels: Vec<String> = options
        .iter()
        .map(|&c| option_label(g.text(header, c)))
        .collect();
    let cell = |r: usize, c: usize| g.text(r, c).trim().to_string();
    let row_text = |r: usize| {
        (0..width)
            .map(|c| cell(r, c))
            .filter(|t| !t.is_empty())
            .fold(Vec::<String>::new(), |mut acc, t| {
                // A label merged across columns is said once; every figure is shown, equal
                // neighbours too (two options printed 0.00 are two cells).
                if acc.last() != Some(&t) || printed_number(&t).is_some() {
                    acc.push(t);
                }
                acc
            })
            .join(" | ")
    };

    let mut questions: Vec<Question> = Vec::new();
    // Printed shares and scores per question (percent numbers), to imply the weights.
    let mut printed_scores: Vec<Vec<Option<Decimal>>> = Vec::new();
    let mut printed_shares: Vec<Vec<Option<Decimal>>> = Vec::new();
    let mut question_scores: Vec<(usize, String, String)> = Vec::new();
    let mut option_scores: Vec<(usize, usize, String, String)> = Vec::new();
    let mut total_rows: Vec<(String, usize)> = Vec::new();
    let mut final_scores: Vec<(String, usize)> = Vec::new();
    let mut last_question = String::new();
    for r in header.saturating_add(1)..g.rows.len() {
        let q = cell(r, question_col);
        let kind = kind_col.map_or("人数".to_string(), |c| key(g, r, c));
        let qkey = crate::text::normalise(&q);
        let values: Vec<String> = options.iter().map(|&c| cell(r, c)).collect();
        if ["最终得分", "综合得分", "满意度得分", "满意度"]
            .iter()
            .any(|k| (0..width).any(|c| key(g, r, c) == *k))
        {
            final_scores.push((row_text(r), r));
            continue;
        }
        if matches!(qkey.as_str(), "合计" | "总计" | "小计") {
            total_rows.push((kind, r));
            continue;
        }
        match kind.as_str() {
            "人数" => {
                if q.is_empty() && values.iter().all(String::is_empty) {
                    continue;
                }
                last_question = q.clone();
                let counts = values
                    .iter()
                    .map(|v| {
                        Num::new(figure(v).map_or("0".to_string(), |d| d.normalize().to_string()))
                    })
                    .collect();
                questions.push(Question {
                    id: format!("q{}", questions.len().saturating_add(1)),
                    text: question_text(&q),
                    counts,
                    extra: Map::new(),
                });
                printed_scores.push(vec![None; options.len()]);
                printed_shares.push(vec![None; options.len()]);
            }
            "占比" | "分数" if q == last_question || q.is_empty() => {
                let Some(qi) = questions.len().checked_sub(1) else {
                    continue;
                };
                let sentence = format!(
                    "{} {}",
                    question_text(&q),
                    row_text(r)
                        .split(" | ")
                        .skip(1)
                        .collect::<Vec<_>>()
                        .join(" | ")
                );
                for (o, v) in values.iter().enumerate() {
                    if printed_number(v).is_none() {
                        continue;
                    }
                    let n = printed_number(v).map(|(d, _)| d);
                    if kind == "占比" {
                        claims.push(Printed {
                            what: What::Share(Some(qi), o),
                            value: v.clone(),
                            place: title.to_string(),
                            sentence: sentence.clone(),
                            extra: Default::default(),
                        });
                        if let Some(slot) = printed_shares.get_mut(qi).and_then(|s| s.get_mut(o)) {
                            *slot = n;
                        }
                    } else {
                        option_scores.push((qi, o, v.clone(), sentence.clone()));
                        if let Some(slot) = printed_scores.get_mut(qi).and_then(|s| s.get_mut(o)) {
                            *slot = n;
                        }
                    }
                }
                if kind == "分数" {
                    if let Some(c) = total_col {
                        question_scores.push((qi, cell(r, c), sentence.clone()));
                    }
                }
            }
            _ => {}
        }
    }
    if questions.is_empty() {
        return;
    }
    let n_questions = Decimal::from(questions.len());
    // The scale of the 分数 rows: a question's points (100 / questions) when its scores add up
    // to the survey's (the seed's 9.67 of 10), else 100.
    let first_scores: Vec<Decimal> = question_scores
        .iter()
        .filter_map(|(_, v, _)| printed_number(v).map(|(d, _)| d))
        .collect();
    let per = Decimal::ONE_HUNDRED
        .checked_div(n_questions)
        .unwrap_or(Decimal::ONE_HUNDRED);
    let per = if !first_scores.is_empty()
        && first_scores
            .iter()
            .all(|s| *s <= per.saturating_mul(Decimal::new(12, 1)))
        && questions.len() > 1
    {
        per
    } else {
        Decimal::ONE_HUNDRED
    };
    // The weights the 分数 rows imply: Σ scores / Σ shares (both as printed) on that scale.
    let mut defaulted = Vec::new();
    let weights: Vec<Option<Decimal>> = (0..options.len())
        .map(|o| {
            let (mut score, mut share) = (Decimal::ZERO, Decimal::ZERO);
            for (scores, shares) in printed_scores.iter().zip(&printed_shares) {
                if let (Some(Some(s)), Some(Some(p))) = (scores.get(o), shares.get(o)) {
                    score = score.checked_add(*s)?;
                    share = share.checked_add(*p)?;
                }
            }
            let implied = (share > Decimal::ONE)
                .then(|| {
                    score
                        .checked_mul(Decimal::from(10_000))?
                        .checked_div(share)?
                        .checked_div(per)
                })
                .flatten();
            let fallback = labels.get(o).and_then(|l| default_weight(l));
            match implied {
                // Printed figures are rounded: a weight within 5 of the usual one is the usual one,
                // else it is rounded to a multiple of 5.
                Some(w) => Some(match fallback {
                    Some(d) if (w.checked_sub(d)?).abs() <= Decimal::from(5) => d,
                    _ => (w.checked_div(Decimal::from(5))?.round())
                        .checked_mul(Decimal::from(5))?
                        .clamp(Decimal::ZERO, Decimal::ONE_HUNDRED),
                }),
                None => {
                    defaulted.push(labels.get(o).cloned().unwrap_or_default());
                    fallback
                }
            }
        })
        .collect();
    if !defaulted.is_empty() {
        found
            .notes
            .push(ReadNote::DefaultWeights { options: defaulted });
    }
    for (qi, value, sentence) in question_scores {
        if printed_number(&value).is_some() {
            claims.push(Printed {
                what: What::QuestionScore(qi, per),
                value,
                place: title.to_string(),
                sentence,
                extra: Default::default(),
            });
        }
    }
    for (qi, o, value, sentence) in option_scores {
        claims.push(Printed {
            what: What::OptionScore(Some(qi), o, per),
            value,
            place: title.to_string(),
            sentence,
            extra: Default::default(),
        });
    }
    // The 合计 block: shares and scores of each option over all questions, the survey's total.
    for (kind, r) in &total_rows {
        let sentence = row_text(*r);
        for (o, &c) in options.iter().enumerate() {
            let v = cell(*r, c);
            if printed_number(&v).is_none() {
                continue;
            }
            let what = match kind.as_str() {
                "占比" => What::Share(None, o),
                "分数" => What::OptionScore(None, o, per),
                _ => continue,
            };
            claims.push(Printed {
                what,
                value: v,
                place: title.to_string(),
                sentence: sentence.clone(),
                extra: Default::default(),
            });
        }
        if kind == "分数" {
            if let Some(c) = total_col {
                let v = cell(*r, c);
                if printed_number(&v).is_some() {
                    claims.push(Printed {
                        what: What::Satisfaction,
                        value: v,
                        place: title.to_string(),
                        sentence: sentence.clone(),
                        extra: Default::default(),
                    });
                }
            }
        }
    }
    for (sentence, r) in final_scores {
        if let Some(v) = (0..width)
            .rev()
            .map(|c| cell(r, c))
            .find(|v| printed_number(v).is_some())
        {
            claims.push(Printed {
                what: What::Satisfaction,
                value: v,
                place: title.to_string(),
                sentence,
                extra: Default::default(),
            });
        }
    }
    // jixiao's caption carries the satisfaction printed (`…统计表（满意度 82.50）`): not the name.
    let bare = title
        .rsplit_once("（满意度")
        .filter(|(_, rest)| rest.ends_with('）'))
        .map_or(title, |(name, _)| name);
    let name = bare
        .split(['，', '。'])
        .next_back()
        .map(|t| t.trim_end_matches("统计表").to_string())
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| "满意度调查".into());
    let respondents = questions.first().and_then(|q| {
        q.counts
            .iter()
            .try_fold(Decimal::ZERO, |sum, c| sum.checked_add(c.ok()?))
    });
    doc.surveys.push(Survey {
        id: format!("s{}", doc.surveys.len().saturating_add(1)),
        name,
        respondents: respondents.map(Num::from_decimal),
        method: None,
        satisfied_options: None,
        options: labels
            .iter()
            .zip(&weights)
            .map(|(label, w)| SurveyOption {
                label: label.clone(),
                weight: w.map(Num::from_decimal),
                extra: Map::new(),
            })
            .collect(),
        questions,
        extra: Map::new(),
    });
}

/// `1.培训前…？` → `培训前…？`: the number a table prints before a question.
fn question_text(q: &str) -> String {
    let t = q.trim();
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 {
        let rest = t.get(digits..).unwrap_or(t);
        if let Some(rest) = rest.strip_prefix(['.', '、', '．']) {
            return rest.trim().to_string();
        }
    }
    t.to_string()
}

/// After the last table: where no 自评表 gave indicators, the 得分情况 table's rows become
/// first-level indicators with the printed scores (`manual`), so that the total and the grade
/// are computed from what the report prints.
pub(super) fn finish(doc: &mut Document, found: &mut Found) {
    if found.form || found.first_level.is_empty() {
        return;
    }
    for (i, (name, points, score)) in found.first_level.iter().enumerate() {
        let mut rule = Rule {
            kind: "manual".into(),
            ..Rule::default()
        };
        rule.score = figure(score).map(Num::from_decimal);
        doc.indicators.push(Node::Leaf(Leaf {
            id: format!("L{}", i.saturating_add(1)),
            name: name.clone(),
            points: figure(points).map(Num::from_decimal),
            applicable: true,
            reason: String::new(),
            unit: None,
            target_text: None,
            actual_text: None,
            written: None,
            rule,
            extra: Map::new(),
        }));
    }
    found.indicators = found.first_level.len();
}
