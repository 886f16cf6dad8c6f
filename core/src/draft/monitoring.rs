//! 绩效运行监控情况: the paragraph the drafted report gets when the document has a monitoring
//! round (its latest): 执行进度 against 序时进度 with the budget's light, the lights' counts, each
//! red and yellow indicator with its reason (or that none is given), the goal's progress, and
//! the year-end score as forecast with where it loses its points.

use crate::date::parse_date;
use crate::message::{Arg, Lang, Markup, Message, Text};
use crate::model::Document;
use crate::model::{Cause, Light};
use crate::monitoring;
use crate::number::{show2, show_exact};
use crate::scoring::Evaluation;
use rust_decimal::Decimal;

/// One paragraph of the part; the arguments that read differently by language are worded per
/// language ([`Arg::Each`]).
enum RoundParagraph {
    /// "截至2026年7月31日（序时进度58.33%），项目1-7月执行35万元，占全年预算120万元的29.17%，…"
    Funds {
        as_of: Arg,
        time: String,
        spent: Arg,
        planned: Arg,
        progress: Option<String>,
        light: Option<Light>,
        forecast: Arg,
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
        value: Option<Arg>,
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

/// An amount with the document's money unit: `35万元` / `35 万元`.
fn money(amount: Decimal, unit: &str) -> Arg {
    let n = show_exact(amount);
    if unit.is_empty() {
        Arg::Same(n)
    } else {
        Arg::Each(format!("{n}{unit}"), format!("{n} {unit}"))
    }
}

/// A figure with a leaf's unit, as [`money`] writes one (`%` is never spaced).
fn with_unit(value: &str, unit: &str) -> Arg {
    if unit.is_empty() || unit == "%" {
        Arg::Same(format!("{value}{unit}"))
    } else {
        Arg::Each(format!("{value}{unit}"), format!("{value} {unit}"))
    }
}

/// The categories of 偏差原因, listed.
fn names(causes: &[Cause]) -> Arg {
    let zh: Vec<String> = causes.iter().map(Message::zh).collect();
    let en: Vec<String> = causes.iter().map(Message::en).collect();
    Arg::Each(zh.join("、"), en.join(", "))
}

impl RoundParagraph {
    /// The paragraph, written once.
    fn markup(&self) -> Markup {
        let mut m = Markup::default();
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
                m.push(
                    Text(
                        "截至{as_of}（序时进度{time}%），项目已执行{spent}",
                        "As of {as_of} (time progress {time}%), {spent} has been spent",
                    ),
                    vec![
                        ("as_of", as_of.clone()),
                        ("time", time.as_str().into()),
                        ("spent", spent.clone()),
                    ],
                );
                match progress {
                    Some(p) => m.push(
                        Text(
                            "，占全年预算{planned}的{p}%",
                            ", {p}% of the annual budget of {planned}",
                        ),
                        vec![("planned", planned.clone()), ("p", p.as_str().into())],
                    ),
                    None => m.push(
                        Text("，全年预算{planned}", " of an annual budget of {planned}"),
                        vec![("planned", planned.clone())],
                    ),
                };
                if let Some(l) = light {
                    m.push(
                        Text("，预算执行进度为{light}", ": a {light} light for execution"),
                        vec![("light", Arg::of(l))],
                    );
                }
                m.push(
                    Text(
                        "；全年预计执行{forecast}{pace}。",
                        "; the year's spending is forecast at {forecast}{pace}.",
                    ),
                    vec![
                        ("forecast", forecast.clone()),
                        (
                            "pace",
                            if *extrapolated {
                                Arg::Each(
                                    "（按当前进度推算）".into(),
                                    " (at the pace so far)".into(),
                                )
                            } else {
                                "".into()
                            },
                        ),
                    ],
                );
            }
            RoundParagraph::Goal { month, text } => {
                let text = text.trim_end();
                let stop = if text.ends_with(['。', '.', '！', '？', '!', '?', '；', ';']) {
                    "".into()
                } else {
                    Arg::Each("。".into(), ".".into())
                };
                m.push(
                    Text(
                        "年度总体目标1-{month}月完成情况：{text}{stop}",
                        "Progress on the year's goal, months 1-{month}: {text}{stop}",
                    ),
                    vec![
                        ("month", month.to_string().into()),
                        ("text", text.into()),
                        ("stop", stop),
                    ],
                );
            }
            RoundParagraph::Lights {
                counts: [r, y, g, b, n],
            } => {
                let total = [r, y, g, b, n]
                    .iter()
                    .fold(0usize, |a, x| a.saturating_add(**x));
                m.push(
                    Text(
                        "绩效指标共{total}个：红灯{r}个、黄灯{y}个、绿灯{g}个、蓝灯{b}个，未亮灯{n}个。",
                        "{total} indicators: {r} red, {y} yellow, {g} green, {b} blue, {n} without a light.",
                    ),
                    vec![
                        ("total", total.to_string().into()),
                        ("r", r.to_string().into()),
                        ("y", y.to_string().into()),
                        ("g", g.to_string().into()),
                        ("b", b.to_string().into()),
                        ("n", n.to_string().into()),
                    ],
                );
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
                let done = match value {
                    None => Text(
                        "1-{month}月尚未报完成值",
                        "nothing reported for months 1-{month}",
                    ),
                    Some(_) if *tier => {
                        Text("1-{month}月为“{value}”", "“{value}” in months 1-{month}")
                    }
                    Some(_) => Text("1-{month}月完成{value}", "{value} in months 1-{month}"),
                };
                m.push(
                    Text("（{n}）{name}：", "({n}) {name}: "),
                    vec![("n", n.to_string().into()), ("name", name.as_str().into())],
                );
                m.push(
                    done,
                    vec![
                        ("month", month.to_string().into()),
                        ("value", value.clone().unwrap_or_else(|| "".into())),
                    ],
                );
                m.push(
                    Text("，{light}；", ", {light}; "),
                    vec![("light", Arg::of(light))],
                );
                let why = match (causes.is_empty(), reason.is_empty()) {
                    (true, true) => Text("尚未说明偏差原因", "no reason given yet"),
                    (false, true) => Text("偏差原因：{causes}", "reason: {causes}"),
                    (true, false) => Text("偏差原因：{reason}", "reason: {reason}"),
                    (false, false) => {
                        Text("偏差原因：{causes}；{reason}", "reason: {causes}; {reason}")
                    }
                };
                m.push(
                    why,
                    vec![
                        ("causes", names(causes)),
                        ("reason", reason.as_str().into()),
                    ],
                );
                m.push(Text("。", "."), vec![]);
            }
            RoundParagraph::Forecast { total, grade, lost } => {
                m.push(
                    Text(
                        "按各指标全年预计完成情况测算，项目全年预计得分{total}分，等级为“{grade}”",
                        "On the forecasts for the year, the project would score {total} (grade {grade})",
                    ),
                    vec![("total", total.as_str().into()), ("grade", grade.as_str().into())],
                );
                if lost.is_empty() {
                    m.push(Text("。", "."), vec![]);
                } else {
                    let (zh, en): (Vec<String>, Vec<String>) = lost
                        .iter()
                        .map(|(n, l)| (format!("{n}（{l}分）"), format!("{n} (−{l})")))
                        .unzip();
                    m.push(
                        Text(
                            "；预计失分在{parts}。",
                            "; points would be lost on {parts}.",
                        ),
                        vec![("parts", Arg::Each(zh.join("、"), en.join(", ")))],
                    );
                }
            }
        }
        m
    }
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
        as_of: as_of.map_or(Arg::Same(round.as_of.clone()), |d| Arg::of(&d)),
        time,
        spent: money(budget.spent, &unit),
        planned: money(budget.planned, &unit),
        progress: budget.progress.map(show2),
        light: budget.light,
        forecast: money(forecast.eval.budget.spent, &unit),
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
        let tier = report.and_then(|r| r.tier.as_deref().and_then(crate::model::Tier::parse));
        let value = match (tier, &l.value) {
            (Some(t), _) => Some(Arg::Each(
                crate::tables::tier_name(t, Lang::Zh).to_string(),
                crate::tables::tier_name(t, Lang::En).to_string(),
            )),
            (None, Some(v)) => Some(with_unit(v, &unit_of)),
            (None, None) => None,
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
    out.iter().map(|p| p.markup().render(lang)).collect()
}
