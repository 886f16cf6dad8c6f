//! The report's charts as geometry: score against points per first- and second-level group,
//! execution per budget line, and each survey question as a stacked bar of its answers. Each
//! chart is a list of marks (texts, bars, rules) in a 640-wide coordinate space, with a text
//! alternative; the page draws them as SVG, one element a mark. Coordinates are exact decimals
//! rounded to a tenth, so that drawing them needs no floating-point printing.

use crate::message::t;
use crate::message::Lang;
use crate::model::Document;
use crate::number::{round2, shown};
use crate::scoring::{walk_scored, Evaluation, Scored};
use rust_decimal::Decimal;

/// One drawn thing.
#[derive(Clone, Debug, PartialEq)]
pub enum Mark {
    /// A label or a figure: `strong` for a first-level group or the weakest question; `middle`
    /// centres it on `x`.
    Text {
        /// Where the text starts (or its centre, when `middle`).
        x: Decimal,
        /// Its baseline.
        y: Decimal,
        /// `chart-label` or `chart-value`.
        class: &'static str,
        /// Shown in bold.
        strong: bool,
        /// Centred on `x`.
        middle: bool,
        /// What it says.
        text: String,
    },
    /// A bar: `class` is its colour (`bar-back`, `bar-score`, `bar-low`, `seg seg-N`).
    Bar {
        /// Left edge.
        x: Decimal,
        /// Top edge.
        y: Decimal,
        /// Its length.
        width: Decimal,
        /// Its thickness.
        height: Decimal,
        /// Its colour's class.
        class: &'static str,
        /// A tooltip (the answer and its share).
        title: Option<String>,
    },
    /// A vertical rule (the execution floor).
    Rule {
        /// Where it stands.
        x: Decimal,
        /// Its top.
        y1: Decimal,
        /// Its bottom.
        y2: Decimal,
    },
}

/// One chart: what it shows in words, its size and its marks.
#[derive(Clone, Debug, PartialEq)]
pub struct Chart {
    /// The text alternative (the SVG's name and title).
    pub label: String,
    /// The caption under it: the label and how to read it.
    pub caption: String,
    /// Its height (its width is [`WIDTH`]).
    pub height: Decimal,
    /// What is drawn, in order.
    pub marks: Vec<Mark>,
}

/// Every chart's width.
pub const WIDTH: Decimal = Decimal::from_parts(640, 0, 0, false, 0);
/// Where the bars start (the labels are left of it).
const LABEL: Decimal = Decimal::from_parts(190, 0, 0, false, 0);
/// One row's height.
const ROW: Decimal = Decimal::from_parts(24, 0, 0, false, 0);
/// The classes of a survey's answer segments (the sixth and later share the last colour).
const SEGMENTS: [&str; 6] = [
    "seg seg-0",
    "seg seg-1",
    "seg seg-2",
    "seg seg-3",
    "seg seg-4",
    "seg seg-5",
];

fn n(value: i64) -> Decimal {
    Decimal::from(value)
}

fn add(a: Decimal, b: Decimal) -> Decimal {
    a.checked_add(b).unwrap_or(a)
}

fn sub(a: Decimal, b: Decimal) -> Decimal {
    a.checked_sub(b).unwrap_or(a)
}

fn mul(a: Decimal, b: Decimal) -> Decimal {
    a.checked_mul(b).unwrap_or(Decimal::ZERO)
}

fn div(a: Decimal, b: Decimal) -> Decimal {
    a.checked_div(b).unwrap_or(Decimal::ZERO)
}

/// The `i`th row's top (4 + i × 24).
fn row_top(i: usize) -> Decimal {
    add(n(4), mul(Decimal::from(i), ROW))
}

/// A coordinate as SVG writes it: to a tenth, without trailing zeros.
pub fn coordinate(value: Decimal) -> String {
    tenth(value).normalize().to_string()
}

/// `value` to a tenth, half away from zero.
fn tenth(value: Decimal) -> Decimal {
    value.round_dp_with_strategy(1, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
}

/// The first `max` characters of `text`, with `…` where it was longer.
fn clip(text: &str, max: usize) -> String {
    let mut chars = text.chars();
    let mut head: String = chars.by_ref().take(max).collect();
    if chars.next().is_some() {
        head.push('…');
    }
    head
}

fn label(x: Decimal, y: Decimal, strong: bool, text: String) -> Mark {
    Mark::Text {
        x,
        y,
        class: "chart-label",
        strong,
        middle: false,
        text,
    }
}

fn value(x: Decimal, y: Decimal, text: String) -> Mark {
    Mark::Text {
        x,
        y,
        class: "chart-value",
        strong: false,
        middle: false,
        text,
    }
}

fn bar(x: Decimal, y: Decimal, width: Decimal, class: &'static str) -> Mark {
    Mark::Bar {
        x,
        y,
        width: tenth(width),
        height: n(14),
        class,
        title: None,
    }
}

/// Score against points for the first- and second-level groups (and top-level leaves).
pub fn groups(doc: &Document, eval: &Evaluation, lang: Lang) -> Chart {
    // Joined to their results by position (walk_scored), never by id.
    let mut rows: Vec<(&str, Decimal, Decimal, bool)> = Vec::new();
    walk_scored(doc, eval, &mut |scored| match scored {
        Scored::Group(g, r, up) if up.len() <= 1 => {
            rows.push((&g.name, r.points, r.score, up.is_empty()))
        }
        Scored::Leaf(l, r, up) if up.is_empty() && r.applicable => {
            rows.push((&l.name, r.points, r.score, true))
        }
        _ => {}
    });
    let max = rows.iter().map(|r| r.1).fold(Decimal::ONE, Decimal::max);
    let scale = div(sub(sub(WIDTH, LABEL), n(90)), max);
    let mut marks = Vec::with_capacity(rows.len().saturating_mul(4));
    for (i, (name, points, score, first)) in rows.iter().enumerate() {
        let top = row_top(i);
        let indent = if *first { n(4) } else { n(18) };
        let (back, front) = (mul(*points, scale).max(Decimal::ONE), mul(*score, scale));
        marks.push(label(indent, add(top, n(15)), *first, clip(name, 12)));
        marks.push(bar(LABEL, add(top, n(3)), back, "bar-back"));
        marks.push(bar(
            LABEL,
            add(top, n(3)),
            front.max(Decimal::ZERO),
            "bar-score",
        ));
        marks.push(value(
            add(add(LABEL, mul(*points, scale)), n(6)),
            add(top, n(15)),
            format!("{} / {}", shown(Some(*score)), shown(Some(*points))),
        ));
    }
    let label = t(lang, "各级指标得分与分值", "Score against points by group");
    Chart {
        label: label.to_string(),
        caption: format!(
            "{label}{}",
            t(
                lang,
                "（深色为得分，浅色为分值）",
                " (dark: score; light: points)"
            )
        ),
        height: add(mul(ROW, Decimal::from(rows.len())), n(8)),
        marks,
    }
}

/// Execution rate per budget line (0 to 120%), with the floor's rule.
pub fn budget(doc: &Document, eval: &Evaluation, lang: Lang) -> Chart {
    let scale = div(sub(sub(WIDTH, LABEL), n(70)), n(120));
    let count = doc.budget.len().min(eval.budget.lines.len());
    let height = add(mul(ROW, Decimal::from(count)), n(24));
    let floor_rate = eval.policy.min_execution_rate;
    let mut marks = Vec::with_capacity(count.saturating_mul(3).saturating_add(2));
    for (i, (line, result)) in doc.budget.iter().zip(&eval.budget.lines).enumerate() {
        let top = row_top(i);
        let name = if line.name.is_empty() {
            &line.id
        } else {
            &line.name
        };
        let rate = result.execution_rate;
        let width = rate.map_or(Decimal::ZERO, |r| {
            mul(r.clamp(Decimal::ZERO, n(120)), scale)
        });
        let low = rate.is_some_and(|r| round2(r) < floor_rate);
        marks.push(label(n(4), add(top, n(15)), false, clip(name, 12)));
        marks.push(bar(
            LABEL,
            add(top, n(3)),
            width,
            if low { "bar-low" } else { "bar-score" },
        ));
        let figure = rate.map_or("—".to_string(), |r| {
            format!(
                "{}%{}",
                shown(Some(r)),
                if low {
                    t(lang, "（偏低）", " (low)")
                } else {
                    ""
                }
            )
        });
        marks.push(value(add(add(LABEL, width), n(6)), add(top, n(15)), figure));
    }
    let floor = add(mul(floor_rate.min(n(120)), scale), LABEL);
    marks.push(Mark::Rule {
        x: tenth(floor),
        y1: Decimal::ZERO,
        y2: sub(height, n(16)),
    });
    marks.push(Mark::Text {
        x: tenth(floor),
        y: sub(height, n(4)),
        class: "chart-value",
        strong: false,
        middle: true,
        text: format!("{}%", floor_rate.normalize()),
    });
    let label = t(lang, "各明细预算执行率", "Execution rate per budget line");
    Chart {
        label: label.to_string(),
        caption: label.to_string(),
        height,
        marks,
    }
}

/// Each question of each survey as a stacked bar of the shares of its answers: one chart a
/// survey.
pub fn surveys(doc: &Document, eval: &Evaluation, lang: Lang) -> Vec<Chart> {
    let left = n(70);
    let span = sub(sub(WIDTH, left), n(60));
    doc.surveys
        .iter()
        .zip(&eval.surveys)
        .map(|(survey, result)| {
            let height = add(mul(ROW, Decimal::from(survey.questions.len())), n(30));
            let mut marks = Vec::new();
            for (q, question) in result.questions.iter().enumerate() {
                let top = row_top(q);
                let weakest = result.weakest.as_deref() == Some(question.id.as_str());
                marks.push(label(
                    n(4),
                    add(top, n(15)),
                    weakest,
                    format!(
                        "{}{}{}{}",
                        t(lang, "第", "Q"),
                        q.saturating_add(1),
                        t(lang, "题", ""),
                        if weakest { "▼" } else { "" }
                    ),
                ));
                let mut x = left;
                for (j, share) in question.shares.iter().enumerate() {
                    let width = share.map_or(Decimal::ZERO, |p| div(mul(p, span), n(100)));
                    let answer = survey.options.get(j).map_or("", |o| o.label.as_str());
                    marks.push(Mark::Bar {
                        x: tenth(x),
                        y: add(top, n(3)),
                        width: tenth(width),
                        height: n(14),
                        class: segment(j),
                        title: Some(format!("{answer} {}%", shown(*share))),
                    });
                    x = add(x, width);
                }
                marks.push(value(
                    add(add(left, span), n(6)),
                    add(top, n(15)),
                    shown(question.satisfaction),
                ));
            }
            let step = div(span, Decimal::from(survey.options.len().max(1)));
            let y = sub(height, n(10));
            for (j, option) in survey.options.iter().enumerate() {
                let x = tenth(add(left, mul(Decimal::from(j), step)));
                marks.push(Mark::Bar {
                    x,
                    y: sub(y, n(9)),
                    width: n(10),
                    height: n(10),
                    class: segment(j),
                    title: None,
                });
                marks.push(value(
                    add(x, n(14)),
                    y,
                    format!("{}. {}", j.saturating_add(1), clip(&option.label, 6)),
                ));
            }
            let name = if survey.name.is_empty() {
                &survey.id
            } else {
                &survey.name
            };
            let label = format!(
                "{name}{}",
                t(lang, "：各题答案构成", ": answers per question")
            );
            Chart {
                caption: format!(
                    "{label}{}",
                    t(
                        lang,
                        "（右侧为满意度，▼ 为得分最低的题目）",
                        " (right: satisfaction; ▼ the lowest question)"
                    )
                ),
                label,
                height,
                marks,
            }
        })
        .collect()
}

/// The colour class of the `j`th answer.
fn segment(j: usize) -> &'static str {
    SEGMENTS
        .get(j)
        .or(SEGMENTS.last())
        .copied()
        .unwrap_or("seg")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::read_str;

    fn kunming() -> (Document, Evaluation) {
        let doc = read_str(include_str!("../../tests/data/kunming-2022.json")).unwrap();
        let eval = crate::audit::audit(&doc);
        (doc, eval)
    }

    fn texts(chart: &Chart) -> Vec<&str> {
        chart
            .marks
            .iter()
            .filter_map(|m| match m {
                Mark::Text { text, .. } => Some(text.as_str()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn the_groups_chart_shows_each_first_level_group_score_against_points() {
        let (doc, eval) = kunming();
        let chart = groups(&doc, &eval, Lang::Zh);
        let texts = texts(&chart);
        assert!(texts.contains(&"产出指标"), "{texts:?}");
        assert!(texts.contains(&"53.00 / 60.00"), "{texts:?}");
        // The longest bar (the most points) ends where the value column starts: 640 − 90.
        let longest = chart
            .marks
            .iter()
            .filter_map(|m| match m {
                Mark::Bar {
                    x,
                    width,
                    class: "bar-back",
                    ..
                } => Some(*x + *width),
                _ => None,
            })
            .max()
            .unwrap();
        assert_eq!(longest, Decimal::from(550));
        assert_eq!(
            chart.caption,
            "各级指标得分与分值（深色为得分，浅色为分值）"
        );
    }

    #[test]
    fn a_budget_line_below_the_floor_is_drawn_low_and_said_so() {
        let (doc, eval) = kunming();
        let chart = budget(&doc, &eval, Lang::En);
        let low = chart.marks.iter().any(|m| {
            matches!(
                m,
                Mark::Bar {
                    class: "bar-low",
                    ..
                }
            )
        });
        let said = texts(&chart).iter().any(|t| t.ends_with("% (low)"));
        assert_eq!(low, said);
        assert!(chart.marks.iter().any(|m| matches!(m, Mark::Rule { .. })));
        assert!(texts(&chart).contains(&"90%"));
    }

    #[test]
    fn each_question_is_a_stacked_bar_as_wide_as_its_shares_and_the_weakest_is_marked() {
        let (doc, eval) = kunming();
        let charts = surveys(&doc, &eval, Lang::Zh);
        assert_eq!(charts.len(), doc.surveys.len());
        let chart = &charts[0];
        assert!(texts(chart).iter().any(|t| t.ends_with('▼')));
        // The first question's segments add up to the span (510) within rounding.
        let first: Decimal = chart
            .marks
            .iter()
            .filter_map(|m| match m {
                Mark::Bar {
                    y,
                    width,
                    title: Some(_),
                    ..
                } if *y == Decimal::from(7) => Some(*width),
                _ => None,
            })
            .sum();
        assert!(
            (first - Decimal::from(510)).abs() <= Decimal::ONE,
            "{first}"
        );
    }

    #[test]
    fn coordinates_are_written_to_a_tenth() {
        assert_eq!(coordinate(Decimal::new(12345, 2)), "123.5");
        assert_eq!(coordinate(Decimal::from(190)), "190");
        assert_eq!(
            clip("一二三四五六七八九十一二三", 12),
            "一二三四五六七八九十一二…"
        );
    }
}
