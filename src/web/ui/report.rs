//! 报告: the 报告 tab and the print copy (kept outside the tabs, printed with Ctrl+P from any
//! tab): the 自评表, 预算明细 and 满意度调查 tables, charts, findings and the drafted text of a
//! document, with its Excel and CSV downloads, the copy button and printing.

use super::charts;
use super::context::{use_ctx, Scored};
use super::files::{download_bytes, file_name};
use super::i18n::t;
use crate::state::{Action, Notice};
use jixiao_core::Document;
use jixiao_core::{
    budget_chart, csv_tables, draft, draft_text, form_workbook, groups_chart, surveys_chart,
    word_report, Outline,
};
use jixiao_core::{indicator_rows, levels, Shown};
use jixiao_core::{show_exact, shown};
use jixiao_core::{Evaluation, Lang, Message};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// What a download refused says.
fn download_failed() -> Notice {
    Notice::DownloadFailed
}

fn export_xlsx(doc: &Document, eval: &Evaluation, lang: Lang) -> Option<Notice> {
    let bytes = form_workbook(doc, eval, lang);
    let name = file_name(&doc.meta_text("title"), "xlsx");
    let mime = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    download_bytes(&name, mime, &bytes)
        .err()
        .map(|_| download_failed())
}

fn export_docx(doc: &Document, eval: &Evaluation, lang: Lang, outline: Outline) -> Option<Notice> {
    let bytes = word_report(doc, eval, lang, outline);
    let name = file_name(&doc.meta_text("title"), "docx");
    let mime = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    download_bytes(&name, mime, &bytes)
        .err()
        .map(|_| download_failed())
}

fn export_csv(doc: &Document, eval: &Evaluation, lang: Lang, which: usize) -> Option<Notice> {
    let tables = csv_tables(doc, eval, lang);
    let (name, text) = tables.get(which)?;
    let title = doc.meta_text("title");
    let name = if title.trim().is_empty() {
        name.clone()
    } else {
        format!("{}-{name}", file_name(&title, "")).replace(".-", "-")
    };
    download_bytes(&name, "text/csv;charset=utf-8", text.as_bytes())
        .err()
        .map(|_| download_failed())
}

#[derive(Clone, Properties, PartialEq)]
struct ActionsProps {
    scored: Scored,
    lang: Lang,
}

/// Excel, CSV, copy and print.
#[function_component(ReportActions)]
fn report_actions(props: &ActionsProps) -> Html {
    let ctx = use_ctx();
    let lang = props.lang;
    let notify = {
        let send = ctx.send.clone();
        move |notice: Option<Notice>| {
            if let Some(notice) = notice {
                send.emit(Action::Notify(notice));
            }
        }
    };
    let xlsx = {
        let (Scored { doc, eval }, notify) = (props.scored.clone(), notify.clone());
        Callback::from(move |_: MouseEvent| notify(export_xlsx(&doc, &eval, lang)))
    };
    // The Word report's outline, chosen beside its button.
    let outline = use_state(Outline::default);
    let word = {
        let (Scored { doc, eval }, notify) = (props.scored.clone(), notify.clone());
        let outline = *outline;
        Callback::from(move |_: MouseEvent| notify(export_docx(&doc, &eval, lang, outline)))
    };
    let choose_outline = {
        let outline = outline.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            if let Some(chosen) = Outline::from_key(&select.value()) {
                outline.set(chosen);
            }
        })
    };
    let csv = {
        let (Scored { doc, eval }, notify) = (props.scored.clone(), notify.clone());
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            if let Ok(i) = select.value().parse::<usize>() {
                notify(export_csv(&doc, &eval, lang, i));
            }
            select.set_value("");
        })
    };
    let copy = {
        let Scored { doc, eval } = props.scored.clone();
        Callback::from(move |_: MouseEvent| {
            let (text, notify) = (draft_text(&doc, &eval, lang), notify.clone());
            wasm_bindgen_futures::spawn_local(async move {
                notify(Some(if super::clipboard::copy(&text).await {
                    Notice::ReportCopied
                } else {
                    Notice::CopyRefused
                }))
            });
        })
    };
    let print = Callback::from(|_: MouseEvent| {
        let _ = gloo::utils::window().print();
    });
    html! {
        <div class="report-actions no-print" role="group" aria-label={t(lang, "报告输出", "Report outputs")}>
            <button type="button" class="button" onclick={xlsx} data-testid="export-xlsx">{ t(lang, "导出 Excel 自评表", "Export Excel") }</button>
            <button type="button" class="button" onclick={word} data-testid="export-docx">{ t(lang, "导出 Word 报告", "Export Word report") }</button>
            <label class="sr-only" for="docx-outline">{ t(lang, "Word 报告提纲", "Word report outline") }</label>
            <select id="docx-outline" class="button" onchange={choose_outline} data-testid="docx-outline"
                title={t(lang, "Word 报告提纲", "Word report outline")}>
                { for Outline::ALL.iter().map(|o| html! {
                    <option value={o.key()} selected={*o == *outline}>{ o.text(lang) }</option>
                }) }
            </select>
            <label class="sr-only" for="export-csv">{ t(lang, "导出 CSV", "Export CSV") }</label>
            <select id="export-csv" class="button" onchange={csv}>
                <option value="" selected=true>{ t(lang, "导出 CSV…", "Export CSV…") }</option>
                <option value="0">{ t(lang, "自评表", "Indicators") }</option>
                <option value="1">{ t(lang, "预算明细", "Budget") }</option>
                <option value="2">{ t(lang, "满意度调查", "Surveys") }</option>
            </select>
            <button type="button" class="button" onclick={copy} data-testid="copy-text">{ t(lang, "复制报告文字", "Copy report text") }</button>
            <button type="button" class="button" onclick={print} data-testid="print">{ t(lang, "打印 / 存为 PDF", "Print / Save as PDF") }</button>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub(crate) struct ReportProps {
    pub scored: Scored,
    pub lang: Lang,
    /// The copy kept for printing (outside the tabs): no buttons, hidden on screen.
    #[prop_or_default]
    pub for_print: bool,
}

/// The report: tables, charts, findings and the drafted text of one document.
#[function_component(ReportView)]
pub(crate) fn report_view(props: &ReportProps) -> Html {
    let lang = props.lang;
    let Scored { doc, eval } = props.scored.clone();
    let rows = indicator_rows(&doc, &eval, lang);
    let sections = draft(&doc, &eval, lang);
    let money = doc.meta_text("money_unit");
    let value = |v: &Shown| v.text();
    let actions = if props.for_print {
        Html::default()
    } else {
        html! { <ReportActions scored={props.scored.clone()} {lang} /> }
    };

    let b = &eval.budget;
    html! {
        <article class={classes!("report", props.for_print.then_some("report-print"))} aria-hidden={props.for_print.then_some("true")}>
            { actions }
            <header class="report-title">
                <h1>{ if doc.meta_text("title").is_empty() { t(lang, "项目支出绩效自评报告", "Performance self-evaluation report").to_string() } else { doc.meta_text("title") } }</h1>
                <p>{ t(lang, "项目支出绩效自评报告", "Project expenditure performance self-evaluation") }</p>
                <dl class="report-meta">
                    <dt>{ t(lang, "实施单位", "Unit") }</dt><dd>{ doc.meta_text("unit") }</dd>
                    <dt>{ t(lang, "年度", "Year") }</dt><dd>{ doc.meta_text("year") }</dd>
                    <dt>{ t(lang, "自评得分", "Score") }</dt>
                    <dd data-testid={(!props.for_print).then_some("report-total")}>{ format!("{} / {}（{}%）", shown(Some(eval.total)), shown(Some(eval.max_points)), shown(Some(eval.percent))) }</dd>
                    <dt>{ t(lang, "评价等级", "Grade") }</dt><dd class="report-grade">{ eval.grade.clone().unwrap_or_default() }</dd>
                    <dt>{ t(lang, "填报日期", "Date") }</dt><dd>{ doc.meta_text("date") }</dd>
                </dl>
                if !doc.meta_text("goal").is_empty() || !doc.meta_text("goal_result").is_empty() {
                    <dl class="report-goals" data-testid={(!props.for_print).then_some("report-goals")}>
                        <dt>{ t(lang, "年度总体目标", "Overall goal") }</dt><dd>{ doc.meta_text("goal") }</dd>
                        <dt>{ t(lang, "实际完成情况", "Achieved") }</dt><dd>{ doc.meta_text("goal_result") }</dd>
                    </dl>
                }
            </header>

            <section class="report-section">
                <h2>{ t(lang, "一、项目支出绩效自评表", "1. Self-evaluation form") }</h2>
                <table class="report-table">
                    <thead><tr>
                        <th>{ t(lang, "一级指标", "Level 1") }</th><th>{ t(lang, "二级指标", "Level 2") }</th>
                        <th>{ t(lang, "三级指标", "Level 3") }</th><th>{ t(lang, "年度指标值", "Target") }</th>
                        <th>{ t(lang, "实际完成值", "Actual") }</th><th>{ t(lang, "分值", "Points") }</th>
                        <th>{ t(lang, "得分", "Score") }</th><th>{ t(lang, "偏差原因分析及改进措施", "Reason") }</th>
                    </tr></thead>
                    <tbody>
                        { for rows.iter().map(|r| {
                            let [l1, l2, l3] = levels(r);
                            let unit = if r.unit.is_empty() { String::new() } else { r.unit.clone() };
                            let with_unit = |v: &Shown| { let s = value(v); if s.is_empty() || matches!(v, Shown::Text(_)) { s } else { format!("{s}{unit}") } };
                            html! { <tr>
                                <td>{ l1 }</td><td>{ l2 }</td><td>{ l3 }</td>
                                <td>{ with_unit(&r.target) }</td><td>{ with_unit(&r.actual) }</td>
                                <td class="figure">{ shown(Some(r.points)) }</td>
                                <td class="figure">{ if r.applicable { shown(Some(r.score)) } else { t(lang, "不适用", "n/a").into() } }</td>
                                <td>{ r.reason.clone() }</td>
                            </tr> }
                        }) }
                    </tbody>
                    <tfoot><tr>
                        <th colspan="5">{ t(lang, "总分", "Total") }</th>
                        <td class="figure">{ shown(Some(eval.max_points)) }</td>
                        <td class="figure"><strong>{ shown(Some(eval.total)) }</strong></td>
                        <td>{ format!("{}{}", t(lang, "等级：", "Grade: "), eval.grade.clone().unwrap_or_default()) }</td>
                    </tr></tfoot>
                </table>
            </section>

            <section class="report-section">
                <h2>{ t(lang, "二、得分构成", "2. Scores by group") }</h2>
                { charts::figure(&groups_chart(&doc, &eval, lang)) }
            </section>

            <section class="report-section">
                <h2>{ t(lang, "三、预算明细", "3. Budget lines") }{ if money.is_empty() { String::new() } else { format!("（{}{money}）", t(lang, "单位：", "unit: ")) } }</h2>
                <table class="report-table">
                    <thead><tr>
                        <th>{ t(lang, "项目名称", "Item") }</th><th>{ t(lang, "全年预算数", "Budget") }</th><th>{ t(lang, "到位数", "Received") }</th>
                        <th>{ t(lang, "执行数", "Spent") }</th><th>{ t(lang, "结余", "Balance") }</th><th>{ t(lang, "执行率", "Rate") }</th><th>{ t(lang, "备注", "Note") }</th>
                    </tr></thead>
                    <tbody>
                        { for doc.budget.iter().zip(&b.lines).map(|(l, r)| html! { <tr>
                            <td>{ l.name.clone() }</td>
                            <td class="figure">{ show_exact(r.planned) }</td><td class="figure">{ show_exact(r.received) }</td>
                            <td class="figure">{ show_exact(r.spent) }</td><td class="figure">{ show_exact(r.balance) }</td>
                            <td class="figure">{ r.execution_rate.map_or("—".into(), |v| format!("{}%", shown(Some(v)))) }</td>
                            <td>{ l.note.clone() }</td>
                        </tr> }) }
                    </tbody>
                    <tfoot><tr>
                        <th>{ t(lang, "合计", "Total") }</th>
                        <td class="figure">{ show_exact(b.planned) }</td><td class="figure">{ show_exact(b.received) }</td>
                        <td class="figure">{ show_exact(b.spent) }</td><td class="figure">{ show_exact(b.balance) }</td>
                        <td class="figure">{ b.execution_rate.map_or("—".into(), |v| format!("{}%", shown(Some(v)))) }</td><td></td>
                    </tr></tfoot>
                </table>
                { charts::figure(&budget_chart(&doc, &eval, lang)) }
            </section>

            <section class="report-section">
                <h2>{ t(lang, "四、满意度调查", "4. Satisfaction surveys") }</h2>
                { for doc.surveys.iter().zip(&eval.surveys).map(|(s, r)| html! {
                    <table class="report-table">
                        <caption>{ format!("{}：{} {}", s.name, t(lang, "满意度", "satisfaction"), shown(r.satisfaction)) }</caption>
                        <thead><tr>
                            <th>{ t(lang, "题目", "Question") }</th>
                            { for s.options.iter().map(|o| html! { <th>{ o.label.clone() }</th> }) }
                            <th>{ t(lang, "满意度", "Satisfaction") }</th>
                        </tr></thead>
                        <tbody>
                            { for s.questions.iter().zip(&r.questions).map(|(q, qr)| {
                                let weakest = r.weakest.as_deref() == Some(q.id.as_str());
                                html! { <tr class={classes!(weakest.then_some("weakest"))}>
                                    <td>{ q.text.clone() }{ if weakest { t(lang, "（得分最低）", " (lowest)") } else { "" } }</td>
                                    { for q.counts.iter().zip(&qr.shares).map(|(c, share)| html! {
                                        <td class="figure">{ format!("{} ({}%)", c.raw(), shown(*share)) }</td>
                                    }) }
                                    <td class="figure">{ shown(qr.satisfaction) }</td>
                                </tr> }
                            }) }
                        </tbody>
                    </table>
                }) }
                { for surveys_chart(&doc, &eval, lang).iter().map(charts::figure) }
            </section>

            <section class="report-section">
                <h2>{ t(lang, "五、审核发现的问题", "5. Findings") }</h2>
                if eval.findings.is_empty() {
                    <p>{ t(lang, "未发现问题。", "No finding.") }</p>
                } else {
                    <ul class="report-findings">
                        { for eval.findings.iter().map(|f| html! {
                            <li>
                                <strong>{ f.level().label().get(lang) }</strong>
                                { t(lang, "：", ": ") }{ f.message(lang) }{ format!("（{}）", f.path) }
                            </li>
                        }) }
                    </ul>
                }
            </section>

            <section class="report-section report-text">
                <h2>{ t(lang, "六、报告文字（草稿）", "6. Drafted report text") }</h2>
                { for sections.iter().map(|s| html! { <>
                    <h3>{ s.title.clone() }</h3>
                    { for s.paragraphs.iter().map(|p| html! { <p>{ p.clone() }</p> }) }
                </> }) }
            </section>
        </article>
    }
}
