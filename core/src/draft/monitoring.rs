//! 绩效运行监控情况: the paragraph the drafted report gets when the document has a monitoring
//! round (its latest): 执行进度 against 序时进度 with the budget's light, the lights' counts, each
//! red and yellow indicator with its reason (or that none is given), the goal's progress, and
//! the year-end score as forecast with where it loses its points.

use crate::date::parse_date;
use crate::message::{Lang, Message};
use crate::model::Document;
use crate::model::{Cause, Light};
use crate::monitoring;
use crate::number::{show2, show_exact};
use crate::scoring::Evaluation;
use rust_decimal::Decimal;

/// One paragraph of the part.
enum RoundParagraph {
    /// "截至2026年7月31日（序时进度58.33%），项目1-7月执行35万元，占全年预算120万元的29.17%，…"
    Funds {
        as_of: String,
        time: String,
        spent: String,
        planned: String,
        progress: Option<String>,
        light: Option<Light>,
        forecast: String,
        extrapolated: bool,
    },
    /// "年度总体目标1-7月完成情况：…"
    Goal { month: u32, text: String },
    /// "绩效指标24个：红灯5个、黄灯3个、绿灯10个、蓝灯1个，尚未亮灯5个。"
    Lights { counts: [usize; 5] },
    /// "（1）培训期数：1-7月完成2期，红灯；偏差原因：经费保障；资金拨付晚。"
    Row {
        n: usize,
        name: String,
        value: String,
        /// The value is a tier's phrase (定性).
        tier: bool,
        light: Light,
        causes: Vec<Cause>,
        reason: String,
        month: u32,
    },
    /// "按各指标全年预计完成情况测算，项目全年预计得分92.50分，等级为“优”；预计失分：…"
    Forecast {
        total: String,
        grade: String,
        lost: Vec<(String, String)>,
    },
}

fn money(amount: Decimal, unit: &str, lang: Lang) -> String {
    match (lang, unit) {
        (_, "") | (Lang::Zh, _) => format!("{}{unit}", show_exact(amount)),
        (Lang::En, _) => format!("{} {unit}", show_exact(amount)),
    }
}

/// A text ending in a full stop.
fn stopped(text: &str, stop: char) -> String {
    let t = text.trim();
    if t.ends_with(['。', '.', '！', '？', '!', '?', '；', ';']) {
        t.to_string()
    } else {
        format!("{t}{stop}")
    }
}

impl Message for RoundParagraph {
    fn zh(&self) -> String {
        match self {
            RoundParagraph::Funds {
                as_of,
                time,
                spent,
                planned,
                progress,
                light,
                forecast,
                extrapolated,
            } => {
                let mut s = format!("截至{as_of}（序时进度{time}%），项目已执行{spent}");
                match progress {
                    Some(p) => s.push_str(&format!("，占全年预算{planned}的{p}%")),
                    None => s.push_str(&format!("，全年预算{planned}")),
                }
                if let Some(l) = light {
                    s.push_str(&format!("，预算执行进度为{}", l.zh()));
                }
                s.push_str(&format!(
                    "；全年预计执行{forecast}{}。",
                    if *extrapolated {
                        "（按当前进度推算）"
                    } else {
                        ""
                    }
                ));
                s
            }
            RoundParagraph::Goal { month, text } => {
                stopped(&format!("年度总体目标1-{month}月完成情况：{text}"), '。')
            }
            RoundParagraph::Lights {
                counts: [r, y, g, b, n],
            } => {
                let total = [r, y, g, b, n]
                    .iter()
                    .fold(0usize, |a, x| a.saturating_add(**x));
                format!("绩效指标共{total}个：红灯{r}个、黄灯{y}个、绿灯{g}个、蓝灯{b}个，未亮灯{n}个。")
            }
            RoundParagraph::Row {
                n,
                name,
                value,
                tier,
                light,
                causes,
                reason,
                month,
            } => {
                let done = if value.is_empty() {
                    format!("1-{month}月尚未报完成值")
                } else if *tier {
                    format!("1-{month}月为“{value}”")
                } else {
                    format!("1-{month}月完成{value}")
                };
                let why = match (causes.is_empty(), reason.is_empty()) {
                    (true, true) => "尚未说明偏差原因".to_string(),
                    (false, true) => format!("偏差原因：{}", names(causes, Lang::Zh)),
                    (true, false) => format!("偏差原因：{reason}"),
                    (false, false) => format!("偏差原因：{}；{reason}", names(causes, Lang::Zh)),
                };
                format!("（{n}）{name}：{done}，{}；{why}。", light.zh())
            }
            RoundParagraph::Forecast { total, grade, lost } => {
                let mut s = format!(
                    "按各指标全年预计完成情况测算，项目全年预计得分{total}分，等级为“{grade}”"
                );
                if lost.is_empty() {
                    s.push('。');
                } else {
                    let parts: Vec<String> =
                        lost.iter().map(|(n, l)| format!("{n}（{l}分）")).collect();
                    s.push_str(&format!("；预计失分在{}。", parts.join("、")));
                }
                s
            }
        }
    }

    fn en(&self) -> String {
        match self {
            RoundParagraph::Funds {
                as_of,
                time,
                spent,
                planned,
                progress,
                light,
                forecast,
                extrapolated,
            } => {
                let mut s =
                    format!("As of {as_of} (time progress {time}%), {spent} has been spent");
                match progress {
                    Some(p) => s.push_str(&format!(", {p}% of the annual budget of {planned}")),
                    None => s.push_str(&format!(" of an annual budget of {planned}")),
                }
                if let Some(l) = light {
                    s.push_str(&format!(": a {} light for execution", l.en()));
                }
                s.push_str(&format!(
                    "; the year's spending is forecast at {forecast}{}.",
                    if *extrapolated {
                        " (at the pace so far)"
                    } else {
                        ""
                    }
                ));
                s
            }
            RoundParagraph::Goal { month, text } => stopped(
                &format!("Progress on the year's goal, months 1-{month}: {text}"),
                '.',
            ),
            RoundParagraph::Lights {
                counts: [r, y, g, b, n],
            } => {
                let total = [r, y, g, b, n]
                    .iter()
                    .fold(0usize, |a, x| a.saturating_add(**x));
                format!("{total} indicators: {r} red, {y} yellow, {g} green, {b} blue, {n} without a light.")
            }
            RoundParagraph::Row {
                n,
                name,
                value,
                tier,
                light,
                causes,
                reason,
                month,
            } => {
                let done = if value.is_empty() {
                    format!("nothing reported for months 1-{month}")
                } else if *tier {
                    format!("“{value}” in months 1-{month}")
                } else {
                    format!("{value} in months 1-{month}")
                };
                let why = match (causes.is_empty(), reason.is_empty()) {
                    (true, true) => "no reason given yet".to_string(),
                    (false, true) => format!("reason: {}", names(causes, Lang::En)),
                    (true, false) => format!("reason: {reason}"),
                    (false, false) => format!("reason: {}; {reason}", names(causes, Lang::En)),
                };
                format!("({n}) {name}: {done}, {}; {why}.", light.en())
            }
            RoundParagraph::Forecast { total, grade, lost } => {
                let mut s = format!(
                    "On the forecasts for the year, the project would score {total} (grade {grade})"
                );
                if lost.is_empty() {
                    s.push('.');
                } else {
                    let parts: Vec<String> =
                        lost.iter().map(|(n, l)| format!("{n} (−{l})")).collect();
                    s.push_str(&format!("; points would be lost on {}.", parts.join(", ")));
                }
                s
            }
        }
    }
}

fn names(causes: &[Cause], lang: Lang) -> String {
    let sep = if lang == Lang::Zh { "、" } else { ", " };
    causes
        .iter()
        .map(|c| c.text(lang))
        .collect::<Vec<_>>()
        .join(sep)
}

/// The paragraphs of 绩效运行监控情况 for the latest round (none without a round).
pub(super) fn paragraphs(doc: &Document, eval: &Evaluation, lang: Lang) -> Vec<String> {
    let Some(round) = monitoring::round(doc, None) else {
        return Vec::new();
    };
    let as_of = parse_date(&round.as_of);
    let month = as_of.map_or(12, |d| d.month);
    let year = monitoring::year(doc).or(as_of.map(|d| d.year));
    let time = as_of.map_or("—".into(), |d| {
        show2(monitoring::time_progress(d, year).percent())
    });
    let unit = doc.meta_text("money_unit");
    let budget = monitoring::budget_light(doc, round);
    let forecast = monitoring::forecast(doc, round);
    let mut out = vec![RoundParagraph::Funds {
        as_of: as_of.map_or(round.as_of.clone(), |d| d.text(lang)),
        time,
        spent: money(budget.spent, &unit, lang),
        planned: money(budget.planned, &unit, lang),
        progress: budget.progress.map(show2),
        light: budget.light,
        forecast: money(forecast.eval.budget.spent, &unit, lang),
        extrapolated: forecast.extrapolated,
    }];
    if let Some(text) = round
        .goal_progress
        .as_ref()
        .filter(|t| !t.trim().is_empty())
    {
        out.push(RoundParagraph::Goal {
            month,
            text: text.trim().to_string(),
        });
    }
    let lights = monitoring::leaf_lights(doc, eval, round);
    let reports = round.reports();
    out.push(RoundParagraph::Lights {
        counts: monitoring::light_counts(&lights),
    });
    let behind = lights.iter().filter_map(|l| match l.light {
        Some(light @ (Light::Red | Light::Yellow)) => Some((l, light)),
        _ => None,
    });
    for (n, (l, light)) in behind.enumerate() {
        let report = reports.leaf(&l.id);
        let unit_of = doc
            .leaf(&l.id)
            .map(|x| x.unit().to_string())
            .unwrap_or_default();
        let tier = report
            .and_then(|r| r.tier.as_deref().and_then(crate::model::Tier::parse))
            .map(|t| crate::tables::tier_name(t, lang).to_string());
        let value = match (&tier, &l.value) {
            (Some(t), _) => t.clone(),
            (None, Some(v)) if lang == Lang::En && !unit_of.is_empty() && unit_of != "%" => {
                format!("{v} {unit_of}")
            }
            (None, Some(v)) => format!("{v}{unit_of}"),
            (None, None) => String::new(),
        };
        out.push(RoundParagraph::Row {
            n: n.saturating_add(1),
            name: l.name.clone(),
            value,
            tier: tier.is_some(),
            light,
            causes: report
                .and_then(|r| r.causes.as_ref())
                .map(|c| c.iter().filter_map(|c| Cause::parse(c)).collect())
                .unwrap_or_default(),
            reason: report
                .and_then(|r| r.reason.clone())
                .unwrap_or_default()
                .trim()
                .trim_end_matches(['。', '.'])
                .to_string(),
            month,
        });
    }
    let lost = crate::scoring::lost_points(&forecast.doc, &forecast.eval)
        .into_iter()
        .take(5)
        .map(|l| (l.name, show2(l.lost)))
        .collect();
    out.push(RoundParagraph::Forecast {
        total: show2(forecast.eval.total),
        grade: forecast.eval.grade.clone().unwrap_or_else(|| "—".into()),
        lost,
    });
    out.iter().map(|p| p.text(lang)).collect()
}
