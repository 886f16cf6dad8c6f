//! The page: the app component with its effects (autosave, print copy, language, focus, other
//! tabs, undo keys), the notice bar and the tabs.

use super::context::{use_ctx, Ctx, Host, Scored};
use super::fields::{self, FindingIndex};
use super::i18n::t;
use super::{
    budget, files, indicators, monitoring, report, results, scenarios, settings, share, storage,
    surveys, timing, toolbar,
};
use crate::layout::LARGE_DOCUMENT_LEAVES;
use crate::notices::FileNotice;
use crate::state::{starting_document, Action, AppState, Notice, Tab};
use jixiao_core::{read_str, Document, Message};
use std::rc::Rc;
use wasm_bindgen::JsCast;
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
            state.notice = Some(Notice::error_of(&FileNotice::AutosaveUnreadable {
                why: &e,
            }));
            state
        }
    }
}

/// How long after the last change a large document is saved.
const AUTOSAVE_DELAY_MS: u32 = 250;

/// Saves the document not saved yet, if any; says so if the browser refuses.
fn save(
    unsaved: &std::cell::RefCell<Option<Rc<Document>>>,
    dispatcher: &UseReducerDispatcher<AppState>,
) {
    let Some(doc) = unsaved.borrow_mut().take() else {
        return;
    };
    let text = jixiao_core::to_value(&doc).to_string();
    if !storage::set(storage::AUTOSAVE_KEY, &text) && !super::crash::panicked() {
        dispatcher.dispatch(Action::Notify(Notice::error(
            "浏览器拒绝保存（存储空间已满或被禁用）：请导出 JSON 以免丢失。",
            "The browser refused to save (storage full or disabled): export JSON to keep your work.",
        )));
    }
}

#[function_component(App)]
pub(crate) fn app() -> Html {
    let state = use_reducer(initial_state);
    let findings = {
        let current = state.clone();
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
            FindingIndex::new(&current.doc, &current.eval, *lang, |f| current.to_fill(f))
        })
    };

    // Autosave on every change of the document: at once for a document of ordinary size; for a
    // large one a moment after the last change (its saving would otherwise delay the keystroke
    // that changed it), and at once when the page is hidden, reloaded or closed.
    let unsaved = use_mut_ref(|| None::<Rc<Document>>);
    {
        let state = state.clone();
        let unsaved = unsaved.clone();
        let large = state.eval.leaves.len() > LARGE_DOCUMENT_LEAVES;
        use_effect_with(state.revision, move |revision| {
            let dispatcher = state.dispatcher();
            let mut timer = None;
            if *revision > 0 {
                *unsaved.borrow_mut() = Some(state.doc.clone());
                if large {
                    timer = Some(gloo::timers::callback::Timeout::new(
                        AUTOSAVE_DELAY_MS,
                        move || save(&unsaved, &dispatcher),
                    ));
                } else {
                    save(&unsaved, &dispatcher);
                }
            }
            // A newer change cancels the timer and sets its own.
            move || drop(timer)
        });
    }
    {
        let unsaved = unsaved.clone();
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            let (hide, hidden) = (unsaved.clone(), dispatcher.clone());
            let on_hide =
                gloo::events::EventListener::new(&gloo::utils::window(), "pagehide", move |_| {
                    save(&hide, &hidden)
                });
            let on_visibility = gloo::events::EventListener::new(
                &gloo::utils::document(),
                "visibilitychange",
                move |_| {
                    if gloo::utils::document().hidden() {
                        save(&unsaved, &dispatcher)
                    }
                },
            );
            move || drop((on_hide, on_visibility))
        });
    }
    // The report (the 报告 tab and the hidden copy that is printed with Ctrl+P from any tab). A
    // large document (more than LARGE_DOCUMENT_LEAVES indicators) updates it a moment after typing
    // stops rather than on every keystroke: its tables would otherwise hold up each keystroke.
    let large = state.eval.leaves.len() > LARGE_DOCUMENT_LEAVES;
    let print_snapshot = use_state(|| {
        if large {
            // Filled in a moment after the page first shows, not before.
            let blank = Document::default();
            let eval = Rc::new(jixiao_core::audit(&blank));
            let blank = Scored {
                doc: Rc::new(blank),
                eval,
            };
            (blank, None)
        } else {
            (Scored::of(&state), Some(state.revision))
        }
    });
    {
        let snapshot = print_snapshot.clone();
        let current = (Scored::of(&state), Some(state.revision));
        use_effect_with((state.revision, large), move |(_, large)| {
            let timer = large
                .then(|| gloo::timers::callback::Timeout::new(700, move || snapshot.set(current)));
            move || drop(timer)
        });
    }
    // The hidden print copy is not needed for the first result: it is drawn just after it.
    let print_ready = use_state_eq(|| false);
    {
        let print_ready = print_ready.clone();
        use_effect_with((), move |_| {
            timing::mark("jixiao:rendered");
            let timer = gloo::timers::callback::Timeout::new(0, move || print_ready.set(true));
            move || drop(timer)
        });
    }
    // The language: remembered, and set on <html lang> for screen readers.
    use_effect_with(state.lang, |lang| {
        storage::set(storage::LANG_KEY, lang.code());
        if let Some(root) = gloo::utils::document().document_element() {
            let _ = root.set_attribute("lang", lang.tag());
        }
    });
    // Focus the field a finding is about, or the nearest thing that contains it.
    use_effect_with(state.focus.clone(), |focus| {
        if let Some((_, path)) = focus {
            fields::focus_path(path);
        }
    });
    // The same work open in another tab: every tab saves what it shows, so the last change wins;
    // say so when the other tab saves, and offer its version.
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            let listener = gloo::events::EventListener::new(
                &gloo::utils::window(),
                "storage",
                move |e| {
                    let key = js_sys::Reflect::get(e, &wasm_bindgen::JsValue::from_str("key"))
                        .ok()
                        .and_then(|k| k.as_string());
                    if key.as_deref() == Some(storage::AUTOSAVE_KEY) {
                        state.dispatch(Action::Notify(Notice::error(
                        "另一个标签页刚刚修改并保存了这份工作。两个标签页同时编辑时，最后保存的一方会覆盖另一方；要改用另一个标签页的版本，请重新载入本页。",
                        "Another tab has just changed and saved this work. When two tabs edit at once the last save wins; reload this page to take the other tab's version.",
                    )));
                    }
                },
            );
            move || drop(listener)
        });
    }
    // A share link's document (#d=…): offered when the page opens and when another link is
    // opened in the same tab. The served page's offline copy, and a word when it was updated.
    {
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            if let Some(notice) = share::serve_offline() {
                dispatcher.dispatch(Action::Notify(notice));
            }
            share::offer_from_address(dispatcher.clone());
            let listener =
                gloo::events::EventListener::new(&gloo::utils::window(), "hashchange", move |_| {
                    share::offer_from_address(dispatcher.clone())
                });
            move || drop(listener)
        });
    }
    // Ctrl+Z / Ctrl+Shift+Z (and Ctrl+Y) undo and redo across all edits.
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            let options = gloo::events::EventListenerOptions::enable_prevent_default();
            let document = gloo::utils::document();
            let listener = gloo::events::EventListener::new_with_options(
                &document,
                "keydown",
                options,
                move |e| {
                    let e = e.unchecked_ref::<web_sys::KeyboardEvent>();
                    if !(e.ctrl_key() || e.meta_key()) {
                        return;
                    }
                    let action = match (e.key().to_lowercase().as_str(), e.shift_key()) {
                        ("z", false) => Action::Undo,
                        ("z", true) | ("y", _) => Action::Redo,
                        _ => return,
                    };
                    e.prevent_default();
                    state.dispatch(action);
                },
            );
            move || drop(listener)
        });
    }

    let send = {
        let dispatcher = state.dispatcher();
        use_callback((), move |action: Action, _| dispatcher.dispatch(action))
    };
    let ctx = Ctx {
        state: state.clone(),
        host: Host {
            lang: state.lang,
            send,
            findings,
        },
    };
    let lang = state.lang;
    let print_copy = if large {
        (*print_snapshot).clone()
    } else {
        (Scored::of(&state), Some(state.revision))
    };
    let report = ReportCopy {
        scored: print_copy.0.clone(),
        behind: print_copy.1 != Some(state.revision),
        ready: print_copy.1.is_some(),
    };
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
                if state.tab != Tab::Report && *print_ready {
                    <report::ReportView scored={print_copy.0} {lang} for_print=true />
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
    let (class, role, icon) = if notice.error {
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

/// The report as the 报告 tab shows it: the current document's, or for a large document the one
/// of a moment ago (`behind`), or none yet (`!ready`).
#[derive(Clone, Properties, PartialEq)]
struct ReportCopy {
    scored: Scored,
    behind: bool,
    ready: bool,
}

#[derive(Properties, PartialEq)]
struct TabsProps {
    report: ReportCopy,
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
        (Tab::Monitoring, "monitoring", t(lang, "监控", "Monitoring")),
        (Tab::Report, "report", t(lang, "报告", "Report")),
    ];
    let panel = match current {
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
