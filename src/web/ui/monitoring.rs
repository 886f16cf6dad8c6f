//! 监控: a monitoring round of the document (`docs/REFERENCE.md`) as the 执行监控表 lays it out — the
//! round picker (the month ends of the year first, any date too), the funds block with 执行进度
//! against 序时进度, 年度总体目标's progress, and the indicator rows with 年度指标值, 1-N月完成值,
//! 全年预计完成值, 完成目标可能性, the 偏差原因 categories, a note, and each row's light in colour
//! and in words. Every field is written through the one path writer; an empty round has no
//! light and no finding.

use super::fields::{button, dom_id, messages, Field};
use super::i18n::t;
use super::round_table::{chip, RoundIndicators};
use super::use_ctx;
use crate::edit::Edit;
use crate::state::Action;
use jixiao_core::Lang;
use jixiao_core::{budget_light, document_year, progress, time_progress};
use jixiao_core::{parse_date, Date};
use jixiao_core::{show2, show_exact};
use jixiao_core::{FieldPath, RoundField, RoundLineField, Section};
use web_sys::HtmlInputElement;
use yew::prelude::*;

fn line_path(as_of: &str, id: &str, field: RoundLineField) -> FieldPath {
    FieldPath::Round(
        as_of.to_string(),
        Some(RoundField::Line(id.to_string(), Some(field))),
    )
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
    let goal_path = FieldPath::Round(as_of.clone(), Some(RoundField::GoalProgress));
    let goal_value = round.goal_progress.clone().unwrap_or_default();
    let goal_label = format!(
        "{}{to_date}{}",
        t(lang, "年度总体目标", "Progress on the year's goal, "),
        t(lang, "完成情况", "")
    );

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
            <p class="hint">{ t(lang, "Enter 下移，Shift+Enter 上移，Tab 右移；可从 Excel 粘贴若干格。空着的格是“尚未填报”，不算 0，也不亮灯。",
                "Enter moves down, Shift+Enter up, Tab across; blocks copied from Excel can be pasted. An empty cell is “not reported yet”: not zero, and no light.") }</p>
            <h3>{ t(lang, "项目资金", "Funds") }</h3>
            <div class="table-wrap">
                <table class="round-funds sheet" aria-rowcount={doc.budget.len().saturating_add(2).to_string()} onkeydown={super::sheet::keys(&ctx)} onpaste={super::sheet::paste(&ctx)}>
                    <thead><tr aria-rowindex="1">
                        <th scope="col">{ t(lang, "资金来源", "Line") }</th>
                        <th scope="col">{ t(lang, "全年预算数", "Annual budget") }</th>
                        <th scope="col">{ format!("{to_date}{}", t(lang, "执行数", " spent")) }</th>
                        <th scope="col">{ t(lang, "执行进度", "Progress") }</th>
                        <th scope="col">{ t(lang, "全年预计执行数", "Forecast spending") }</th>
                        <th scope="col">{ t(lang, "偏差原因", "Reason") }</th>
                    </tr></thead>
                    <FundRows scored={ctx.scored()} as_of={as_of.clone()} to_date={to_date.clone()} />
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
            <RoundIndicators scored={ctx.scored()} as_of={as_of.clone()} to_date={to_date.clone()} />
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct FundRowsProps {
    scored: super::Scored,
    as_of: AttrValue,
    to_date: AttrValue,
}

/// The funds block's lines, a window at a time when there are many.
#[function_component(FundRows)]
fn fund_rows(props: &FundRowsProps) -> Html {
    let ctx = use_ctx();
    let doc = &props.scored.doc;
    let Some(round) = doc
        .monitoring
        .iter()
        .find(|r| r.as_of == props.as_of.as_str())
    else {
        return Html::default();
    };
    let focus = ctx.state.focus.as_ref().and_then(|(seq, path)| {
        let id = super::fields::line_row(path)?;
        Some((*seq, doc.budget.iter().position(|l| l.id == id)?))
    });
    let body = use_node_ref();
    let span = super::window::use_window(body.clone(), doc.budget.len(), focus);
    let reports = round.reports();
    let row_path = |i: usize| {
        doc.budget.get(i).map(|l| {
            FieldPath::Round(
                props.as_of.to_string(),
                Some(RoundField::Line(l.id.clone(), None)),
            )
            .to_string()
        })
    };
    let rows = doc
        .budget
        .iter()
        .enumerate()
        .skip(span.first)
        .take(span.end.saturating_sub(span.first))
        .map(|(i, line)| {
            let key = super::fields::RowKey::Line(line.id.clone());
            html! {
                <FundRow key={line.id.clone()} index={i} line={line.clone()}
                    report={reports.line(&line.id).cloned()}
                    as_of={props.as_of.clone()} to_date={props.to_date.clone()}
                    host={ctx.for_row(&key)} />
            }
        });
    html! {
        <tbody ref={body}>
            { span.rows(6, row_path, rows) }
        </tbody>
    }
}

#[derive(Properties, PartialEq)]
struct FundRowProps {
    index: usize,
    line: jixiao_core::BudgetLine,
    report: Option<jixiao_core::LineReport>,
    as_of: AttrValue,
    to_date: AttrValue,
    host: super::Host,
}

/// One budget line in the round: 全年预算数, 1-N月执行数, 执行进度, 全年预计执行数, 偏差原因.
#[function_component(FundRow)]
fn fund_row(props: &FundRowProps) -> Html {
    let ctx = &props.host;
    let lang = ctx.lang();
    let (line, as_of, to_date) = (&props.line, props.as_of.as_str(), props.to_date.as_str());
    let report = props.report.as_ref();
    let planned = line.planned.as_ref().and_then(|p| p.ok());
    let spent = report.and_then(|r| r.spent.as_ref()).and_then(|s| s.ok());
    let progress = spent
        .zip(planned)
        .and_then(|(s, p)| progress(s, p))
        .map_or("—".into(), |x| format!("{}%", show2(x)));
    let raw = |f: RoundLineField| {
        match f {
            RoundLineField::Spent => report
                .and_then(|r| r.spent.as_ref())
                .map(|n| n.raw().to_string()),
            RoundLineField::Forecast => report
                .and_then(|r| r.forecast.as_ref())
                .map(|n| n.raw().to_string()),
            RoundLineField::Reason => report.and_then(|r| r.reason.clone()),
        }
        .unwrap_or_default()
    };
    let row_path = FieldPath::Round(
        as_of.to_string(),
        Some(RoundField::Line(line.id.clone(), None)),
    );
    let name = if line.name.is_empty() {
        line.id.clone()
    } else {
        line.name.clone()
    };
    let cell = |f: RoundLineField, col: usize, label: String, number: bool| {
        let path = line_path(as_of, &line.id, f);
        let value = raw(f);
        let field = Field::new(&path, &label, &value).cell(col);
        let field = if number { field.number() } else { field };
        html! { <td data-label={label.clone()}>{ field.edit(ctx) }</td> }
    };
    html! {
        <tr data-row={row_path.to_string()} id={dom_id(&row_path)} tabindex="-1"
            aria-rowindex={props.index.saturating_add(2).to_string()}>
            <th scope="row">{ name.clone() }</th>
            <td class="figure">{ planned.map_or("—".into(), show_exact) }</td>
            { cell(RoundLineField::Spent, 0, format!("{name} {to_date}{}", t(lang, "执行数", " spent")), true) }
            <td class="figure" data-testid={format!("line-progress-{}", line.id)}>{ progress }</td>
            { cell(RoundLineField::Forecast, 1, format!("{name} {}", t(lang, "全年预计执行数", "forecast spending")), true) }
            { cell(RoundLineField::Reason, 2, format!("{name} {}", t(lang, "偏差原因", "reason")), false) }
        </tr>
    }
}
