//! Charts as SVG (no library, nothing fetched): score against points per first- and second-level
//! group, execution per budget line, and each survey question as a stacked bar of its answers.
//! Every chart has a text alternative and shows its figures as text, not only as lengths.

use jixiao_core::model::Document;
use jixiao_core::number::round2;
use jixiao_core::number::shown;
use jixiao_core::scoring::{walk_scored, Scored};
use jixiao_core::tables::t;
use jixiao_core::{Decimal, Evaluation, Lang};
use yew::prelude::*;

const WIDTH: f64 = 640.0;
const LABEL: f64 = 190.0;
const ROW: f64 = 24.0;

fn f(d: Decimal) -> f64 {
    d.to_string().parse().unwrap_or(0.0)
}

fn clip(text: &str, max: usize) -> String {
    let mut chars = text.chars();
    let head: String = chars.by_ref().take(max).collect();
    if chars.next().is_some() {
        format!("{head}…")
    } else {
        head
    }
}

/// Score against points for the first- and second-level groups (and top-level leaves).
pub fn groups(doc: &Document, eval: &Evaluation, lang: Lang) -> Html {
    // Joined to their results by position (jixiao_core::scoring::walk_scored), never by id.
    let mut rows: Vec<(String, Decimal, Decimal, bool)> = Vec::new();
    walk_scored(doc, eval, &mut |scored| match scored {
        Scored::Group(g, r, up) if up.len() <= 1 => {
            rows.push((g.name.clone(), r.points, r.score, up.is_empty()))
        }
        Scored::Leaf(l, r, up) if up.is_empty() && r.applicable => {
            rows.push((l.name.clone(), r.points, r.score, true))
        }
        _ => {}
    });
    let max = rows.iter().map(|r| f(r.1)).fold(1.0, f64::max);
    let scale = (WIDTH - LABEL - 90.0) / max;
    let height = ROW * rows.len() as f64 + 8.0;
    let label = t(lang, "各级指标得分与分值", "Score against points by group");
    html! {
        <figure class="chart">
            <svg role="img" aria-label={label} viewBox={format!("0 0 {WIDTH} {height}")} width="100%">
                <title>{ label }</title>
                { for rows.iter().enumerate().map(|(i, (name, points, score, first))| {
                    let y = 4.0 + i as f64 * ROW;
                    let indent = if *first { 0.0 } else { 14.0 };
                    html! { <g>
                        <text x={(4.0 + indent).to_string()} y={(y + 15.0).to_string()} class={classes!("chart-label", first.then_some("strong"))}>{ clip(name, 12) }</text>
                        <rect x={LABEL.to_string()} y={(y + 3.0).to_string()} width={(f(*points) * scale).max(1.0).to_string()} height="14" class="bar-back" />
                        <rect x={LABEL.to_string()} y={(y + 3.0).to_string()} width={(f(*score) * scale).to_string()} height="14" class="bar-score" />
                        <text x={(LABEL + f(*points) * scale + 6.0).to_string()} y={(y + 15.0).to_string()} class="chart-value">
                            { format!("{} / {}", shown(Some(*score)), shown(Some(*points))) }
                        </text>
                    </g> }
                }) }
            </svg>
            <figcaption>{ label }{ t(lang, "（深色为得分，浅色为分值）", " (dark: score; light: points)") }</figcaption>
        </figure>
    }
}

/// Execution rate per budget line, with the 90% line.
pub fn budget(doc: &Document, eval: &Evaluation, lang: Lang) -> Html {
    let lines: Vec<(String, Option<Decimal>)> = doc
        .budget
        .iter()
        .zip(&eval.budget.lines)
        .map(|(l, r)| {
            (
                if l.name.is_empty() {
                    l.id.clone()
                } else {
                    l.name.clone()
                },
                r.execution_rate,
            )
        })
        .collect();
    let scale = (WIDTH - LABEL - 70.0) / 120.0;
    let height = ROW * lines.len() as f64 + 24.0;
    let floor = f(eval.policy.min_execution_rate).min(120.0) * scale + LABEL;
    let label = t(lang, "各明细预算执行率", "Execution rate per budget line");
    html! {
        <figure class="chart">
            <svg role="img" aria-label={label} viewBox={format!("0 0 {WIDTH} {height}")} width="100%">
                <title>{ label }</title>
                { for lines.iter().enumerate().map(|(i, (name, rate))| {
                    let y = 4.0 + i as f64 * ROW;
                    let w = rate.map_or(0.0, |r| f(r).clamp(0.0, 120.0) * scale);
                    let low = rate.is_some_and(|r| round2(r) < eval.policy.min_execution_rate);
                    html! { <g>
                        <text x="4" y={(y + 15.0).to_string()} class="chart-label">{ clip(name, 12) }</text>
                        <rect x={LABEL.to_string()} y={(y + 3.0).to_string()} width={w.to_string()} height="14"
                            class={if low { "bar-low" } else { "bar-score" }} />
                        <text x={(LABEL + w + 6.0).to_string()} y={(y + 15.0).to_string()} class="chart-value">
                            { rate.map_or("—".to_string(), |r| format!("{}%{}", shown(Some(r)), if low { t(lang, "（偏低）", " (low)") } else { "" })) }
                        </text>
                    </g> }
                }) }
                <line x1={floor.to_string()} x2={floor.to_string()} y1="0" y2={(height - 16.0).to_string()} class="chart-rule" />
                <text x={floor.to_string()} y={(height - 4.0).to_string()} class="chart-value" text-anchor="middle">
                    { format!("{}%", eval.policy.min_execution_rate.normalize()) }
                </text>
            </svg>
            <figcaption>{ label }</figcaption>
        </figure>
    }
}

/// Each question of each survey as a stacked bar of the shares of its answers.
pub fn surveys(doc: &Document, eval: &Evaluation, lang: Lang) -> Html {
    html! { <>
        { for doc.surveys.iter().zip(&eval.surveys).map(|(s, r)| {
            let n = s.options.len();
            let span = WIDTH - 70.0 - 60.0;
            let height = ROW * s.questions.len() as f64 + 30.0;
            let label = format!("{}{}", if s.name.is_empty() { &s.id } else { &s.name }, t(lang, "：各题答案构成", ": answers per question"));
            html! {
                <figure class="chart">
                    <svg role="img" aria-label={label.clone()} viewBox={format!("0 0 {WIDTH} {height}")} width="100%">
                        <title>{ label.clone() }</title>
                        { for r.questions.iter().enumerate().map(|(q, qr)| {
                            let y = 4.0 + q as f64 * ROW;
                            let mut x = 70.0;
                            let weakest = r.weakest.as_deref() == Some(qr.id.as_str());
                            html! { <g>
                                <text x="4" y={(y + 15.0).to_string()} class={classes!("chart-label", weakest.then_some("strong"))}>
                                    { format!("{}{}", t(lang, "第", "Q"), q.saturating_add(1)) }{ t(lang, "题", "") }{ if weakest { "▼" } else { "" } }
                                </text>
                                { for qr.shares.iter().enumerate().map(|(j, share)| {
                                    let w = share.map_or(0.0, |p| f(p) / 100.0 * span);
                                    let seg = html! { <rect x={x.to_string()} y={(y + 3.0).to_string()} width={w.to_string()} height="14"
                                        class={format!("seg seg-{}", j.min(5))}><title>{ format!("{} {}%", s.options.get(j).map_or("", |o| o.label.as_str()), shown(*share)) }</title></rect> };
                                    x += w;
                                    seg
                                }) }
                                <text x={(70.0 + span + 6.0).to_string()} y={(y + 15.0).to_string()} class="chart-value">{ shown(qr.satisfaction) }</text>
                            </g> }
                        }) }
                        { for s.options.iter().enumerate().map(|(j, o)| {
                            let x = 70.0 + j as f64 * (span / n.max(1) as f64);
                            let y = height - 10.0;
                            html! { <g>
                                <rect x={x.to_string()} y={(y - 9.0).to_string()} width="10" height="10" class={format!("seg seg-{}", j.min(5))} />
                                <text x={(x + 14.0).to_string()} y={y.to_string()} class="chart-value">{ format!("{}. {}", j.saturating_add(1), clip(&o.label, 6)) }</text>
                            </g> }
                        }) }
                    </svg>
                    <figcaption>{ label }{ t(lang, "（右侧为满意度，▼ 为得分最低的题目）", " (right: satisfaction; ▼ the lowest question)") }</figcaption>
                </figure>
            }
        }) }
    </> }
}
