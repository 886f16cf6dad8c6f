//! The page: the app component (its effects are the hooks of `hooks/`), the notice bar and the
//! tabs.

use super::context::{use_ctx, Ctx, Host, Scored};
use super::fields::FindingIndex;
use super::hooks::{
    use_autosave, use_focus, use_lang, use_other_tab, use_print_copy, use_share_link,
    use_undo_keys, PrintCopy,
};
use super::i18n::t;
use super::{
    budget, files, indicators, monitoring, report, results, scenarios, settings, share, storage,
    surveys, targets, timing, toolbar,
};
use crate::notices::Said;
use crate::state::{starting_document, Action, AppState, Notice, Tab};
use jixiao_core::{read_str, Message};
use std::rc::Rc;
use yew::prelude::*;

/// The saved work (read and scored), or the standard template on a first visit.
fn initial_state() -> AppState {
    let state = saved_state();
    timing::mark("jixiao:scored");
    state
}

fn saved_state() -> AppState {
    let lang = storage::saved_lang();
    let Some(text) = storage::get(storage::AUTOSAVE_KEY) else {
        return AppState::new(starting_document(), lang);
    };
    match read_str(&text) {
        Ok(doc) => AppState::new(doc, lang),
        Err(e) => {
            // Keep the unreadable text aside rather than overwrite it with the next save.
            storage::set(storage::BROKEN_KEY, &text);
            let mut state = AppState::new(starting_document(), lang);
            state.notice = Some(Notice::AutosaveUnreadable { why: Said::of(&e) });
            state
        }
    }
}

#[function_component(App)]
pub(crate) fn app() -> Html {
    let state = use_reducer(initial_state);
    let last_findings = use_mut_ref(|| None::<Rc<FindingIndex>>);
    let findings = {
        let (current, last) = (state.clone(), last_findings.clone());
        // Keyed by pointers (comparing evaluations by content would walk them on every render):
        // a new evaluation comes with every change that can alter the findings or the names
        // they mention; the touched rows and the check decide which are only "to fill".
        let key = (
            Rc::as_ptr(&state.eval) as usize,
            state.lang,
            Rc::as_ptr(&state.touched) as usize,
            state.checking,
        );
        use_memo(key, move |(_, lang, _, _)| {
            let before = last.borrow_mut().take();
            let index = FindingIndex::new(
                &current.doc,
                &current.eval,
                *lang,
                |f| current.to_fill(f),
                before.as_deref(),
            );
            super::after_paint::drop_after_paint(before);
            index
        })
    };
    *last_findings.borrow_mut() = Some(findings.clone());

    use_autosave(&state);
    let print = use_print_copy(&state);
    use_lang(state.lang);
    use_other_tab(state.dispatcher());
    use_share_link(state.dispatcher());
    use_undo_keys(state.dispatcher());

    let send = {
        let dispatcher = state.dispatcher();
        use_callback((), move |action: Action, _| dispatcher.dispatch(action))
    };
    use_focus(state.focus.clone(), send.clone());
    let ctx = Ctx {
        state: state.clone(),
        host: Host {
            lang: state.lang,
            send,
            findings,
        },
    };
    let lang = state.lang;
    let report = print.clone();
    let ondragover = Callback::from(|e: DragEvent| e.prevent_default());
    let ondrop = files::on_drop(&ctx);
    html! {
        <ContextProvider<Ctx> context={ctx}>
            <div class="page" {ondragover} {ondrop}>
                <a class="skip" href="#editor">{ t(lang, "跳到编辑区", "Skip to the editor") }</a>
                <toolbar::Toolbar />
                <NoticeBar />
                <div class="layout">
                    <main id="editor" class="editor" tabindex="-1">
                        <toolbar::MetaForm />
                        <Tabs {report} />
                    </main>
                    <results::ResultsPanel />
                </div>
                if state.tab != Tab::Report && print.printing {
                    <report::ReportView scored={Scored::of(&state)} {lang} for_print=true />
                }
                <footer class="footer">
                    { t(lang,
                        "计分依据财预〔2020〕10号；数据只保存在本浏览器，不会上传。可把 JSON 文件拖到页面上导入。",
                        "Scored per 财预〔2020〕10号. Your data stays in this browser and is never uploaded. Drop a JSON file on the page to import it.") }
                </footer>
            </div>
        </ContextProvider<Ctx>>
    }
}

#[function_component(NoticeBar)]
fn notice_bar() -> Html {
    let ctx = use_ctx();
    let lang = ctx.lang();
    let recording = if ctx.state.scenario_base.is_some() {
        html! {
            <div class="notice recording" data-testid="recording">
                <span>{ t(lang, "● 情景记录中：修改不会改变原文档。", "● Recording a scenario: edits do not change the base.") }</span>
                <button type="button" onclick={ctx.on(|_: MouseEvent| Action::SetTab(Tab::Scenarios))}>
                    { t(lang, "去保存", "Save it") }
                </button>
            </div>
        }
    } else {
        Html::default()
    };
    let Some(notice) = ctx.state.notice.clone() else {
        return html! {
            <div class="notice-slot" role="status" aria-live="polite">{ recording }<share::ShareBar /></div>
        };
    };
    let (class, role, icon) = if notice.is_error() {
        ("notice error", "alert", "⚠")
    } else {
        ("notice info", "status", "ℹ")
    };
    html! {
        <div class="notice-slot">
            { recording }
            <share::ShareBar />
            <div class={class} role={role} data-testid="notice">
                <span aria-hidden="true">{ icon }</span>
                <span>{ notice.text(lang).to_string() }</span>
                <button type="button" onclick={ctx.on(|_: MouseEvent| Action::Dismiss)}>
                    { t(lang, "知道了", "Dismiss") }
                </button>
            </div>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct TabsProps {
    report: PrintCopy,
}

#[function_component(Tabs)]
fn tabs(props: &TabsProps) -> Html {
    let ctx = use_ctx();
    let lang = ctx.lang();
    let current = ctx.state.tab;
    let tabs = [
        (Tab::Budget, "budget", t(lang, "预算明细", "Budget")),
        (
            Tab::Indicators,
            "indicators",
            t(lang, "绩效指标", "Indicators"),
        ),
        (Tab::Surveys, "surveys", t(lang, "满意度调查", "Surveys")),
        (Tab::Settings, "settings", t(lang, "设置", "Settings")),
        (Tab::Scenarios, "scenarios", t(lang, "情景", "Scenarios")),
        (Tab::Targets, "targets", t(lang, "目标", "Targets")),
        (Tab::Monitoring, "monitoring", t(lang, "监控", "Monitoring")),
        (Tab::Report, "report", t(lang, "报告", "Report")),
    ];
    let panel = match current {
        Tab::Targets => html! { <targets::TargetsEditor /> },
        Tab::Budget => html! { <budget::BudgetEditor /> },
        Tab::Indicators => html! { <indicators::IndicatorEditor /> },
        Tab::Surveys => html! { <surveys::SurveyEditor /> },
        Tab::Settings => html! { <settings::SettingsEditor /> },
        Tab::Scenarios => html! { <scenarios::ScenarioEditor /> },
        Tab::Monitoring => html! { <monitoring::MonitoringEditor /> },
        Tab::Report if !props.report.ready => html! {
            <p class="hint" data-testid="report-pending">{ t(lang, "正在生成报告……", "Preparing the report…") }</p>
        },
        Tab::Report => html! { <>
            if props.report.behind {
                <p class="hint report-behind" data-testid="report-behind">
                    { t(lang, "大文档的报告在停止输入后约一秒更新。", "A large document's report updates about a second after typing stops.") }
                </p>
            }
            <report::ReportView scored={props.report.scored.clone()} lang={lang} />
        </> },
    };
    html! {
        <>
            <div class="tabs" role="tablist" aria-label={t(lang, "编辑区", "Editors")}>
                { for tabs.into_iter().map(|(tab, key, label)| {
                    let selected = tab == current;
                    html! {
                        <button type="button" role="tab" id={format!("tab-{key}")}
                            aria-selected={selected.to_string()} aria-controls="panel"
                            class={classes!("tab", selected.then_some("selected"))}
                            onclick={ctx.on(move |_: MouseEvent| Action::SetTab(tab))}>
                            { label }
                        </button>
                    }
                }) }
            </div>
            <section id="panel" role="tabpanel" class="panel"
                aria-labelledby={format!("tab-{}", tabs.iter().find(|x| x.0 == current).map_or("budget", |x| x.1))}>
                { panel }
            </section>
        </>
    }
}
