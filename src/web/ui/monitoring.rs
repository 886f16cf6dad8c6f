//! 监控: a monitoring round of the document (`docs/REFERENCE.md`) as the 执行监控表 lays it out — the
//! round picker (the month ends of the year first, any date too), the funds block with 执行进度
//! against 序时进度, 年度总体目标's progress, and the indicator rows with 年度指标值, 1-N月完成值,
//! 全年预计完成值, 完成目标可能性, the 偏差原因 categories, a note, and each row's light in colour
//! and in words. Every field is written through the one path writer; an empty round has no
//! light and no finding.

use super::fields::{button, dom_id, messages, select_cell, Field};
use super::i18n::t;
use super::use_ctx;
use crate::edit::Edit;
use crate::state::Action;
use jixiao_core::{budget_light, document_year, leaf_lights, progress, time_progress};
use jixiao_core::{indicator_rows, levels, tier_name};
use jixiao_core::{parse_date, Date};
use jixiao_core::{show2, show_exact};
use jixiao_core::{Cause, Light, Likelihood};
use jixiao_core::{FieldPath, RoundField, RoundLeafField, RoundLineField, Section};
use jixiao_core::{Lang, Message};
use jixiao_core::{RuleKind, Tier};
use web_sys::HtmlInputElement;
use yew::prelude::*;

fn leaf_path(as_of: &str, id: &str, field: RoundLeafField) -> FieldPath {
    FieldPath::Round(
        as_of.to_string(),
        Some(RoundField::Leaf(id.to_string(), Some(field))),
    )
}

fn line_path(as_of: &str, id: &str, field: RoundLineField) -> FieldPath {
    FieldPath::Round(
        as_of.to_string(),
        Some(RoundField::Line(id.to_string(), Some(field))),
    )
}

/// A light as a chip: its colour and its word (for screen readers and printouts).
fn chip(light: Option<Light>, lang: Lang, testid: String) -> Html {
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

/// The last day of each month of `year`.
fn month_ends(year: i32) -> Vec<Date> {
    (1..=12)
        .filter_map(|m| Date::end_of_month(year, m))
        .collect()
}

#[function_component(MonitoringEditor)]
pub(crate) fn monitoring_editor() -> Html {
    let ctx = use_ctx();
    let lang = ctx.lang();
    let doc = ctx.state.doc.clone();
    let eval = ctx.state.eval.clone();
    let other_date = use_state(String::new);
    let round = ctx.state.shown_round();
    let year = document_year(&doc)
        .or_else(|| round.and_then(|r| parse_date(&r.as_of)).map(|d| d.year))
        .unwrap_or(2026);
    let add = {
        let send = ctx.send.clone();
        Callback::from(move |as_of: String| {
            if parse_date(&as_of).is_some() {
                send.emit(Action::Edit(Edit::AddRound(as_of.clone())));
                send.emit(Action::PickRound(as_of));
            }
        })
    };
    let taken: Vec<&str> = doc.monitoring.iter().map(|r| r.as_of.as_str()).collect();
    let ends: Vec<Html> = month_ends(year)
        .into_iter()
        .filter(|d| !taken.contains(&d.to_string().as_str()))
        .map(|d| {
            let text = match lang {
                Lang::Zh => format!("{}月{}日（1-{}月）", d.month, d.day, d.month),
                Lang::En => d.to_string(),
            };
            html! { <option value={d.to_string()}>{ text }</option> }
        })
        .collect();
    let on_end = {
        let add = add.clone();
        Callback::from(move |e: Event| {
            let value = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            add.emit(value);
        })
    };
    let on_other = {
        let other_date = other_date.clone();
        Callback::from(move |e: Event| {
            other_date.set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let add_other = {
        let add = add.clone();
        let other_date = other_date.clone();
        Callback::from(move |_: MouseEvent| add.emit((*other_date).clone()))
    };
    let pick = ctx.on(move |e: Event| {
        Action::PickRound(
            e.target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value(),
        )
    });
    let picker = html! {
        <div class="round-picker">
            if !doc.monitoring.is_empty() {
                <div class="field">
                    <label for="round-pick">{ t(lang, "监控轮次（截至日期）", "Round (as of)") }</label>
                    <select id="round-pick" data-testid="round-pick" onchange={pick}>
                        { for doc.monitoring.iter().map(|r| html! {
                            <option value={r.as_of.clone()} selected={round.is_some_and(|x| x.as_of == r.as_of)}>{ r.as_of.clone() }</option>
                        }) }
                    </select>
                </div>
            }
            <div class="field">
                <label for="round-add">{ t(lang, "添加监控轮次：月末", "Add a round: month end") }</label>
                <select id="round-add" data-testid="round-add" onchange={on_end}>
                    <option value="" selected=true>{ t(lang, "选择月份……", "Choose a month…") }</option>
                    { for ends }
                </select>
            </div>
            <div class="field">
                <label for="round-other">{ t(lang, "或其他日期", "or another date") }</label>
                <input id="round-other" type="date" data-testid="round-other" value={(*other_date).clone()} onchange={on_other} />
            </div>
            <button type="button" class="button" data-testid="round-other-add" onclick={add_other}
                disabled={parse_date(&other_date).is_none()}>{ t(lang, "添加", "Add") }</button>
        </div>
    };
    let Some(round) = round else {
        return html! {
            <div id={dom_id(&FieldPath::Section(Section::Monitoring))} tabindex="-1">
                <h2>{ t(lang, "绩效运行监控", "Monitoring during the year") }</h2>
                <p class="hint" data-testid="no-round">{ t(lang,
                    "年中监控（“双监控”）时，选择截至日期添加一个监控轮次，填写1-N月执行数和完成值，即可看到预警灯和全年预计得分。",
                    "To monitor the project during the year, add a round by its date, enter spending and values to date, and see the lights and the forecast for the year.") }</p>
                { picker }
            </div>
        };
    };
    let as_of = round.as_of.clone();
    let date = parse_date(&as_of);
    let month = date.map_or(12, |d| d.month);
    let time = date.map(|d| time_progress(d, document_year(&doc)));
    let budget = budget_light(&doc, round);
    let lights = leaf_lights(&doc, &eval, round);
    let rows = indicator_rows(&doc, &eval, lang);
    let unit = doc.meta_text("money_unit");
    let to_date = format!("1-{month}{}", t(lang, "月", ""));
    let remove = {
        let as_of = as_of.clone();
        ctx.on(move |_: MouseEvent| Action::Edit(Edit::RemoveRound(as_of.clone())))
    };
    let export = {
        let (doc, eval, as_of) = (doc.clone(), eval.clone(), as_of.clone());
        ctx.on(move |_: MouseEvent| {
            let Some(round) = doc.monitoring.iter().find(|r| r.as_of == as_of) else {
                return Action::Checkpoint;
            };
            let bytes = jixiao_core::monitor_workbook(&doc, &eval, round, lang);
            let title = doc.meta_text("title");
            let name = super::files::file_name(&format!("{title}执行监控表{as_of}"), "xlsx");
            let mime = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            match super::files::download_bytes(&name, mime, &bytes) {
                Ok(()) => Action::Checkpoint,
                Err(_) => Action::Notify(crate::state::Notice::DownloadFailed),
            }
        })
    };

    // The funds block.
    let lines = doc.budget.iter().map(|line| {
        let report = round.line(&line.id);
        let planned = line.planned.as_ref().and_then(|p| p.ok());
        let spent = report.and_then(|r| r.spent.as_ref()).and_then(|s| s.ok());
        let progress = spent
            .zip(planned)
            .and_then(|(s, p)| progress(s, p))
            .map_or("—".into(), |x| format!("{}%", show2(x)));
        let raw = |f: RoundLineField| match f {
            RoundLineField::Spent => report.and_then(|r| r.spent.as_ref()).map(|n| n.raw().to_string()),
            RoundLineField::Forecast => report.and_then(|r| r.forecast.as_ref()).map(|n| n.raw().to_string()),
            RoundLineField::Reason => report.and_then(|r| r.reason.clone()),
        }
        .unwrap_or_default();
        let row_path = FieldPath::Round(as_of.clone(), Some(RoundField::Line(line.id.clone(), None)));
        let name = if line.name.is_empty() { line.id.clone() } else { line.name.clone() };
        let cell = |f: RoundLineField, col: usize, label: String, number: bool| {
            let path = line_path(&as_of, &line.id, f);
            let value = raw(f);
            let field = Field::new(&path, &label, &value).cell(col);
            let field = if number { field.number() } else { field };
            html! { <td data-label={label.clone()}>{ field.edit(&ctx) }</td> }
        };
        html! {
            <tr key={line.id.clone()} data-row={row_path.to_string()}>
                <th scope="row">{ name.clone() }</th>
                <td class="figure">{ planned.map_or("—".into(), show_exact) }</td>
                { cell(RoundLineField::Spent, 0, format!("{name} {to_date}{}", t(lang, "执行数", " spent")), true) }
                <td class="figure" data-testid={format!("line-progress-{}", line.id)}>{ progress }</td>
                { cell(RoundLineField::Forecast, 1, format!("{name} {}", t(lang, "全年预计执行数", "forecast spending")), true) }
                { cell(RoundLineField::Reason, 2, format!("{name} {}", t(lang, "偏差原因", "reason")), false) }
            </tr>
        }
    });
    let goal_path = FieldPath::Round(as_of.clone(), Some(RoundField::GoalProgress));
    let goal_value = round.goal_progress.clone().unwrap_or_default();
    let goal_label = format!(
        "{}{to_date}{}",
        t(lang, "年度总体目标", "Progress on the year's goal, "),
        t(lang, "完成情况", "")
    );

    // The indicator rows.
    let likelihoods: Vec<(&str, String)> = [
        Likelihood::Certain,
        Likelihood::Possible,
        Likelihood::Impossible,
    ]
    .iter()
    .map(|l| (l.key(), l.text(lang)))
    .collect();
    let tiers: Vec<(&str, &str)> = [Tier::Achieved, Tier::Partial, Tier::Missed]
        .iter()
        .map(|x| (x.name(), tier_name(*x, lang)))
        .collect();
    let indicator_rows = rows.iter().zip(&lights).filter(|(r, l)| r.id == l.id).map(|(row, light)| {
        let report = round.leaf(&row.id);
        let [l1, l2, l3] = levels(row);
        let row_path = FieldPath::Round(as_of.clone(), Some(RoundField::Leaf(row.id.clone(), None)));
        let qualitative = row.kind == Some(RuleKind::Qualitative);
        let name = row.name.clone();
        let text_of = |f: RoundLeafField| -> String {
            report.and_then(|r| match f {
                RoundLeafField::Value => r.value.as_ref().map(|n| n.raw().to_string()),
                RoundLeafField::Tier => r.tier.clone(),
                RoundLeafField::Forecast => r.forecast.as_ref().map(|n| n.raw().to_string()),
                RoundLeafField::Likelihood => r.likelihood.clone(),
                RoundLeafField::Reason => r.reason.clone(),
                RoundLeafField::Causes => None,
            })
            .unwrap_or_default()
        };
        let with_none = |options: &[(&str, &str)]| -> Vec<(String, String)> {
            std::iter::once((String::new(), "—".to_string()))
                .chain(options.iter().map(|(k, v)| (k.to_string(), v.to_string())))
                .collect()
        };
        let choose = |f: RoundLeafField, col: usize, label: String, options: &[(String, String)]| {
            let path = leaf_path(&as_of, &row.id, f);
            let options: Vec<(&str, &str)> = options.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
            html! { <td data-label={label.clone()}>{ select_cell(&ctx, &path, &label, &text_of(f), &options, col) }</td> }
        };
        let type_in = |f: RoundLeafField, col: usize, label: String, number: bool| {
            let path = leaf_path(&as_of, &row.id, f);
            let value = text_of(f);
            let field = Field::new(&path, &label, &value).cell(col);
            let field = if number { field.number() } else { field };
            html! { <td data-label={label.clone()}>{ field.edit(&ctx) }</td> }
        };
        let tier_options = with_none(&tiers);
        let value_cell = if qualitative {
            choose(RoundLeafField::Tier, 0, format!("{name} {to_date}{}", t(lang, "完成情况", " tier")), &tier_options)
        } else {
            type_in(RoundLeafField::Value, 0, format!("{name} {to_date}{}", t(lang, "完成值", " value")), row.kind != Some(RuleKind::Deadline))
        };
        let forecast_cell = if qualitative {
            choose(RoundLeafField::Forecast, 1, format!("{name} {}", t(lang, "全年预计完成情况", "forecast")), &tier_options)
        } else {
            type_in(RoundLeafField::Forecast, 1, format!("{name} {}", t(lang, "全年预计完成值", "forecast")), row.kind != Some(RuleKind::Deadline))
        };
        let likelihood_options: Vec<(String, String)> = std::iter::once((String::new(), "—".to_string()))
            .chain(likelihoods.iter().map(|(k, v)| (k.to_string(), v.clone())))
            .collect();
        let causes: Vec<String> = report.and_then(|r| r.causes.clone()).unwrap_or_default();
        let cause_boxes = Cause::ALL.iter().map(|c| {
            let on = causes.iter().any(|x| x == c.key());
            let (a, l, k) = (as_of.clone(), row.id.clone(), c.key().to_string());
            let toggle = ctx.on(move |_: Event| Action::Edit(Edit::ToggleCause { as_of: a.clone(), leaf: l.clone(), cause: k.clone() }));
            html! {
                <label class="cause">
                    <input type="checkbox" checked={on} onchange={toggle} data-testid={format!("cause-{}-{}", row.id, c.key())}
                        title={c.text(lang)} />
                    { short(*c, lang) }
                </label>
            }
        });
        let leaf_row = FieldPath::Node(row.id.clone(), None);
        html! {
            <tr key={row.id.clone()} data-row={row_path.to_string()} data-testid={format!("round-row-{}", row.id)}>
                <td>{ l1 }</td>
                <td>{ l2 }</td>
                <th scope="row">{ l3 }{ messages(&ctx, &leaf_row) }</th>
                <td>{ if row.applicable { row.target.text() } else { t(lang, "不适用", "n/a").to_string() } }</td>
                { value_cell }
                { forecast_cell }
                { choose(RoundLeafField::Likelihood, 2, format!("{name} {}", t(lang, "完成目标可能性", "likelihood")), &likelihood_options) }
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
    });
    let time_text = time.map_or("—".into(), |t| format!("{}%", show2(t.percent())));
    let progress_text = budget
        .progress
        .map_or("—".into(), |p| format!("{}%", show2(p)));
    html! {
        <div id={dom_id(&FieldPath::Section(Section::Monitoring))} tabindex="-1">
            <h2>{ t(lang, "绩效运行监控", "Monitoring during the year") }
                if !unit.is_empty() { <span class="unit">{ format!("（{}：{unit}）", t(lang, "单位", "unit")) }</span> }
            </h2>
            { picker }
            <p class="round-line" data-testid="round-line">
                { format!("{} {as_of}，{} ", t(lang, "截至", "As of"), t(lang, "序时进度", "time progress")) }
                <strong data-testid="time-progress">{ time_text.clone() }</strong>
                { button(t(lang, "删除此轮次", "Delete this round"), format!("{} {as_of}", t(lang, "删除此轮次", "Delete this round")), remove, false) }
            </p>
            <p class="round-files">
                <button type="button" class="button" data-testid="export-monitor-xlsx" onclick={export}>
                    { t(lang, "导出执行监控表（Excel）", "Export the monitoring form (Excel)") }
                </button>
                <span class="hint">{ t(lang, "填好的执行监控表可用页面上方的“导入”读回本轮次。",
                    "A filled monitoring form is read back into this round with Import at the top.") }</span>
            </p>
            { messages(&ctx, &FieldPath::Round(as_of.clone(), None)) }
            <p class="hint">{ t(lang, "Enter 下移，Tab 右移；可从 Excel 粘贴若干格。空着的格是“尚未填报”，不算 0，也不亮灯。",
                "Enter moves down, Tab across; blocks copied from Excel can be pasted. An empty cell is “not reported yet”: not zero, and no light.") }</p>
            <h3>{ t(lang, "项目资金", "Funds") }</h3>
            <div class="table-wrap">
                <table class="round-funds sheet" onkeydown={super::sheet::keys(&ctx)} onpaste={super::sheet::paste(&ctx)}>
                    <thead><tr>
                        <th scope="col">{ t(lang, "资金来源", "Line") }</th>
                        <th scope="col">{ t(lang, "全年预算数", "Annual budget") }</th>
                        <th scope="col">{ format!("{to_date}{}", t(lang, "执行数", " spent")) }</th>
                        <th scope="col">{ t(lang, "执行进度", "Progress") }</th>
                        <th scope="col">{ t(lang, "全年预计执行数", "Forecast spending") }</th>
                        <th scope="col">{ t(lang, "偏差原因", "Reason") }</th>
                    </tr></thead>
                    <tbody>{ for lines }</tbody>
                    <tfoot><tr>
                        <th scope="row">{ t(lang, "合计", "Total") }</th>
                        <td class="figure">{ show_exact(budget.planned) }</td>
                        <td class="figure" data-testid="round-spent">{ show_exact(budget.spent) }</td>
                        <td class="figure" colspan="3">
                            <span data-testid="execution-progress">{ format!("{} {progress_text}", t(lang, "执行进度", "progress")) }</span>
                            { format!("，{} {time_text} ", t(lang, "序时进度", "time progress")) }
                            { chip(budget.light, lang, "light-budget".into()) }
                        </td>
                    </tr></tfoot>
                </table>
            </div>
            { Field::new(&goal_path, &goal_label, &goal_value).area().edit(&ctx) }
            <h3>{ t(lang, "绩效指标", "Indicators") }</h3>
            <div class="table-wrap">
                <table class="round-indicators sheet" onkeydown={super::sheet::keys(&ctx)} onpaste={super::sheet::paste(&ctx)}>
                    <thead><tr>
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
                    <tbody>{ for indicator_rows }</tbody>
                </table>
            </div>
        </div>
    }
}
