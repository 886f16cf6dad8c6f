//! The 监控 tab's indicator table: one row a leaf with 年度指标值, 1-N月完成值, 全年预计完成值,
//! 完成目标可能性, the 偏差原因 categories, a note and the light. The rows and their lights are
//! computed once per evaluation; each row is a component whose props are its own data, report,
//! light and findings, so a keystroke draws its row again and no other; a long table is drawn a
//! window at a time ([`super::window`]), with a find box that looks through every row.

use super::fields::{dom_id, indicator_row, messages, select_cell, Field};
use super::i18n::t;
use super::window::use_window;
use super::{use_ctx, Host, Scored};
use crate::edit::Edit;
use crate::state::Action;
use jixiao_core::{indicator_rows, leaf_lights, levels, show2, tier_name};
use jixiao_core::{Cause, Lang, Light, Likelihood, Message};
use jixiao_core::{FieldPath, IndicatorRow, LeafLight, LeafReport, RoundField, RoundLeafField};
use jixiao_core::{RuleKind, Tier};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The table's columns (the level names, 年度指标值 … 预警).
const COLUMNS: usize = 10;

/// A light as a chip: its colour and its word (for screen readers and printouts).
pub(crate) fn chip(light: Option<Light>, lang: Lang, testid: String) -> Html {
    match light {
        Some(l) => html! {
            <span class={format!("light light-{}", l.key())} data-testid={testid} data-light={l.key()}>{ l.text(lang) }</span>
        },
        None => {
            html! { <span class="light light-none" data-testid={testid} data-light="none">{ "—" }</span> }
        }
    }
}

/// A cause as its column says it in a narrow table (经费, 制度, 人员, 硬件, 其他).
fn short(cause: Cause, lang: Lang) -> &'static str {
    match cause {
        Cause::Funding => t(lang, "经费", "funds"),
        Cause::Policy => t(lang, "制度", "rules"),
        Cause::Staff => t(lang, "人员", "staff"),
        Cause::Equipment => t(lang, "硬件", "equipment"),
        Cause::Other => t(lang, "其他", "other"),
    }
}

fn leaf_path(as_of: &str, id: &str, field: RoundLeafField) -> FieldPath {
    FieldPath::Round(
        as_of.to_string(),
        Some(RoundField::Leaf(id.to_string(), Some(field))),
    )
}

/// A leaf's row of the round: what the 自评表 shows for it, and its light.
#[derive(PartialEq)]
struct Line {
    row: IndicatorRow,
    light: LeafLight,
    /// 一级, 二级 and 三级 as the form names them.
    levels: [String; 3],
}

impl Line {
    /// Whether the row is found by `query` (its id, or any of its levels' names).
    fn found_by(&self, query: &str) -> bool {
        self.row.id.contains(query) || self.levels.iter().any(|l| l.contains(query))
    }
}

#[derive(Properties, PartialEq)]
pub(crate) struct RoundIndicatorsProps {
    pub(crate) scored: Scored,
    pub(crate) as_of: AttrValue,
    /// `1-7月`: the period the values are to.
    pub(crate) to_date: AttrValue,
}

#[function_component(RoundIndicators)]
pub(crate) fn round_indicators(props: &RoundIndicatorsProps) -> Html {
    let ctx = use_ctx();
    let lang = ctx.lang();
    let query = use_state(String::new);
    let lines = use_memo(
        (props.scored.clone(), props.as_of.clone(), lang),
        |(scored, as_of, lang)| {
            let (doc, eval) = (&scored.doc, &scored.eval);
            let Some(round) = doc.monitoring.iter().find(|r| r.as_of == as_of.as_str()) else {
                return Vec::new();
            };
            let lights = leaf_lights(doc, eval, round);
            indicator_rows(doc, eval, *lang)
                .into_iter()
                .zip(lights)
                .filter(|(r, l)| r.id == l.id)
                .map(|(row, light)| Line {
                    levels: levels(&row),
                    row,
                    light,
                })
                .collect::<Vec<Line>>()
        },
    );
    let shown: Vec<&Line> = lines
        .iter()
        .filter(|l| query.is_empty() || l.found_by(&query))
        .collect();
    let focus = ctx.state.focus.as_ref().and_then(|(seq, path)| {
        let id = indicator_row(path)?;
        Some((*seq, shown.iter().position(|l| l.row.id == id)?))
    });
    let body = use_node_ref();
    let span = use_window(body.clone(), shown.len(), focus);
    let doc = &props.scored.doc;
    let reports = doc
        .monitoring
        .iter()
        .find(|r| r.as_of == props.as_of.as_str())
        .map(jixiao_core::Round::reports);
    let row_path = |i: usize| {
        shown.get(i).map(|l| {
            FieldPath::Round(
                props.as_of.to_string(),
                Some(RoundField::Leaf(l.row.id.clone(), None)),
            )
            .to_string()
        })
    };
    let rows = shown
        .iter()
        .enumerate()
        .skip(span.first)
        .take(span.end.saturating_sub(span.first))
        .map(|(i, line)| {
            let id = &line.row.id;
            html! {
                <RoundRow key={id.clone()} index={i} row={line.row.clone()} light={line.light.clone()}
                    levels={line.levels.clone()}
                    report={reports.as_ref().and_then(|r| r.leaf(id)).cloned()}
                    as_of={props.as_of.clone()} to_date={props.to_date.clone()}
                    host={ctx.for_indicator(id)} />
            }
        });
    let on_query = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| {
            query.set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let to_date = &props.to_date;
    let rowcount = shown.len().saturating_add(1).to_string();
    html! { <>
        <div class="table-find">
            <label for="round-find">{ t(lang, "在表中查找", "Find in the table") }</label>
            <input id="round-find" type="search" data-testid="round-find" value={(*query).clone()} oninput={on_query}
                placeholder={t(lang, "指标名称或编号", "indicator name or id")} />
            <span class="hint" data-testid="round-find-count" aria-live="polite">{
                if query.is_empty() { String::new() } else {
                    format!("{} {} / {}", t(lang, "找到", "found"), shown.len(), lines.len())
                }
            }</span>
        </div>
        <div class="table-wrap">
            <table class="round-indicators sheet" aria-rowcount={rowcount} data-testid="round-indicators"
                onkeydown={super::sheet::keys(&ctx)} onpaste={super::sheet::paste(&ctx)}>
                <thead><tr aria-rowindex="1">
                    <th scope="col">{ t(lang, "一级指标", "Level 1") }</th>
                    <th scope="col">{ t(lang, "二级指标", "Level 2") }</th>
                    <th scope="col">{ t(lang, "三级指标", "Level 3") }</th>
                    <th scope="col">{ t(lang, "年度指标值", "Annual target") }</th>
                    <th scope="col">{ format!("{to_date}{}", t(lang, "完成值", " value")) }</th>
                    <th scope="col">{ t(lang, "全年预计完成值", "Forecast") }</th>
                    <th scope="col">{ t(lang, "完成目标可能性", "Likelihood") }</th>
                    <th scope="col">{ t(lang, "偏差原因（保障条件）", "Causes") }</th>
                    <th scope="col">{ t(lang, "原因说明", "Explanation") }</th>
                    <th scope="col">{ t(lang, "预警", "Light") }</th>
                </tr></thead>
                <tbody ref={body}>
                    { span.rows(COLUMNS, row_path, rows) }
                </tbody>
            </table>
        </div>
    </> }
}

#[derive(Properties, PartialEq)]
struct RoundRowProps {
    /// The row's place among the rows shown (`aria-rowindex` is one more, after the heading).
    index: usize,
    row: IndicatorRow,
    light: LeafLight,
    levels: [String; 3],
    report: Option<LeafReport>,
    as_of: AttrValue,
    to_date: AttrValue,
    host: Host,
}

#[function_component(RoundRow)]
fn round_row(props: &RoundRowProps) -> Html {
    let ctx = &props.host;
    let lang = ctx.lang();
    let (row, as_of, to_date) = (&props.row, props.as_of.as_str(), props.to_date.as_str());
    let report = props.report.as_ref();
    let [l1, l2, l3] = props.levels.clone();
    let row_path = FieldPath::Round(
        as_of.to_string(),
        Some(RoundField::Leaf(row.id.clone(), None)),
    );
    let qualitative = row.kind == Some(RuleKind::Qualitative);
    let name = &row.name;
    let text_of = |f: RoundLeafField| -> String {
        report
            .and_then(|r| match f {
                RoundLeafField::Value => r.value.as_ref().map(|n| n.raw().to_string()),
                RoundLeafField::Tier => r.tier.clone(),
                RoundLeafField::Forecast => r.forecast.as_ref().map(|n| n.raw().to_string()),
                RoundLeafField::Likelihood => r.likelihood.clone(),
                RoundLeafField::Reason => r.reason.clone(),
                RoundLeafField::Causes => None,
            })
            .unwrap_or_default()
    };
    let none = ("", "—");
    let tiers: Vec<(&str, &str)> = std::iter::once(none)
        .chain(
            [Tier::Achieved, Tier::Partial, Tier::Missed]
                .iter()
                .map(|x| (x.name(), tier_name(*x, lang))),
        )
        .collect();
    let likelihood_words: Vec<(&str, String)> = [
        Likelihood::Certain,
        Likelihood::Possible,
        Likelihood::Impossible,
    ]
    .iter()
    .map(|l| (l.key(), l.text(lang)))
    .collect();
    let likelihoods: Vec<(&str, &str)> = std::iter::once(none)
        .chain(likelihood_words.iter().map(|(k, v)| (*k, v.as_str())))
        .collect();
    let choose = |f: RoundLeafField, col: usize, label: String, options: &[(&str, &str)]| {
        let path = leaf_path(as_of, &row.id, f);
        html! { <td data-label={label.clone()}>{ select_cell(ctx, &path, &label, &text_of(f), options, col) }</td> }
    };
    let type_in = |f: RoundLeafField, col: usize, label: String, number: bool| {
        let path = leaf_path(as_of, &row.id, f);
        let value = text_of(f);
        let field = Field::new(&path, &label, &value).cell(col);
        let field = if number { field.number() } else { field };
        html! { <td data-label={label.clone()}>{ field.edit(ctx) }</td> }
    };
    // 1-N月完成值 and 全年预计完成值: a tier for 定性, typed otherwise (a number, or a date for 时效).
    let numeric = row.kind != Some(RuleKind::Deadline);
    let reported = |col: usize, typed: RoundLeafField, chosen: RoundLeafField, label: String| {
        if qualitative {
            choose(chosen, col, label, &tiers)
        } else {
            type_in(typed, col, label, numeric)
        }
    };
    let (value_word, forecast_word) = if qualitative {
        (
            t(lang, "完成情况", " tier"),
            t(lang, "全年预计完成情况", "forecast"),
        )
    } else {
        (
            t(lang, "完成值", " value"),
            t(lang, "全年预计完成值", "forecast"),
        )
    };
    let value_cell = reported(
        0,
        RoundLeafField::Value,
        RoundLeafField::Tier,
        format!("{name} {to_date}{value_word}"),
    );
    let forecast_cell = reported(
        1,
        RoundLeafField::Forecast,
        RoundLeafField::Forecast,
        format!("{name} {forecast_word}"),
    );
    let causes: &[String] = report.and_then(|r| r.causes.as_deref()).unwrap_or(&[]);
    let cause_boxes = Cause::ALL.iter().map(|c| {
        let on = causes.iter().any(|x| x == c.key());
        let (a, l, k) = (as_of.to_string(), row.id.clone(), c.key().to_string());
        let toggle = ctx.on(move |_: Event| {
            Action::Edit(Edit::ToggleCause {
                as_of: a.clone(),
                leaf: l.clone(),
                cause: k.clone(),
            })
        });
        html! {
            <label class="cause">
                <input type="checkbox" checked={on} onchange={toggle} data-testid={format!("cause-{}-{}", row.id, c.key())}
                    title={c.text(lang)} />
                { short(*c, lang) }
            </label>
        }
    });
    let leaf_row = FieldPath::Node(row.id.clone(), None);
    let light = &props.light;
    html! {
        <tr data-row={row_path.to_string()} id={dom_id(&row_path)} tabindex="-1" data-testid={format!("round-row-{}", row.id)}
            aria-rowindex={props.index.saturating_add(2).to_string()}>
            <td>{ l1 }</td>
            <td>{ l2 }</td>
            <th scope="row">{ l3 }{ messages(ctx, &leaf_row) }</th>
            <td>{ if row.applicable { row.target.text() } else { t(lang, "不适用", "n/a").to_string() } }</td>
            { value_cell }
            { forecast_cell }
            { choose(RoundLeafField::Likelihood, 2, format!("{name} {}", t(lang, "完成目标可能性", "likelihood")), &likelihoods) }
            <td class="causes">{ for cause_boxes }</td>
            { type_in(RoundLeafField::Reason, 3, format!("{name} {}", t(lang, "原因说明", "explanation")), false) }
            <td class="light-cell">
                { chip(light.light, lang, format!("light-{}", row.id)) }
                if let Some(r) = light.ratio {
                    <span class="ratio">{ format!(" {}%", show2(r)) }</span>
                }
            </td>
        </tr>
    }
}
