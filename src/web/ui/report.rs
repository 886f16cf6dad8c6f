//! 报告: the 报告 tab and the print copy. The report (tables, charts, findings, drafted text,
//! Excel and CSV, copy, print) is drawn by the report module (`report/`, the page's third
//! WebAssembly module) into an element this component keeps; `www/report.js` loads the module
//! when the tab is opened, or soon after the page first shows its result (at the first key or
//! pointer press, 0.6 s later, or before a print), so that Ctrl+P prints the report from any tab.

use jixiao_core::model::Document;
use jixiao_core::Lang;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

#[cfg(not(feature = "inline-report"))]
pub use drawn_by_module::ReportView;

#[derive(Properties)]
pub struct ReportProps {
    pub doc: Rc<Document>,
    pub lang: Lang,
    /// The copy kept for printing (outside the tabs): no buttons, hidden on screen, drawn only
    /// once the module is loaded (it is not a reason to load it).
    #[prop_or_default]
    pub for_print: bool,
}

/// The same document (by pointer, not by content: comparing is then free).
impl PartialEq for ReportProps {
    fn eq(&self, other: &ReportProps) -> bool {
        Rc::ptr_eq(&self.doc, &other.doc)
            && self.lang == other.lang
            && self.for_print == other.for_print
    }
}

/// A document compared by pointer (an effect's dependency: comparing contents would walk it).
struct Same(Rc<Document>);

impl PartialEq for Same {
    fn eq(&self, other: &Same) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// Calls one of `www/report.js`'s functions (`jixiaoReportShow`, `jixiaoReportForget`, …).
fn call(name: &str, args: &[JsValue]) -> Result<JsValue, JsValue> {
    let window = gloo::utils::window();
    let function: js_sys::Function = js_sys::Reflect::get(&window, &JsValue::from_str(name))?
        .dyn_into()
        .map_err(|_| JsValue::from_str("report.js is not loaded"))?;
    function.apply(&JsValue::NULL, &args.iter().collect::<js_sys::Array>())
}

/// Has the report module loaded soon: at the first key or pointer press, a moment later, or
/// before a print (`www/report.js`).
pub fn load_soon() {
    let _ = call("jixiaoReportSoon", &[]);
}

/// The report of `doc`, drawn in this module: the single file's build (feature `inline-report`),
/// which is one download anyway and so carries one module rather than two.
#[cfg(feature = "inline-report")]
#[function_component(ReportView)]
pub fn report_view(props: &ReportProps) -> Html {
    let eval = use_memo(Same(Rc::clone(&props.doc)), |Same(doc)| {
        jixiao_core::evaluate(doc)
    });
    html! {
        <div class={classes!("report-host", props.for_print.then_some("report-print-host"))}>
            <jixiao_report::ReportView doc={Rc::clone(&props.doc)} eval={Rc::clone(&eval)}
                lang={props.lang} for_print={props.for_print} />
        </div>
    }
}

/// The report drawn by the report module (the served page).
#[cfg(not(feature = "inline-report"))]
mod drawn_by_module {
    use super::{call, ReportProps, Same};
    use crate::ui::i18n::t;
    use std::rc::Rc;
    use wasm_bindgen::JsValue;
    use wasm_bindgen_futures::JsFuture;
    use web_sys::Element;
    use yew::prelude::*;

    /// Where the report stands in the 报告 tab.
    #[derive(Clone, Copy, PartialEq)]
    enum Drawn {
        Loading,
        Shown,
        Failed,
    }

    /// The report of `doc`, drawn by the report module.
    #[function_component(ReportView)]
    pub fn report_view(props: &ReportProps) -> Html {
        let host = use_node_ref();
        let drawn = use_state_eq(|| Drawn::Loading);
        {
            let (host, drawn) = (host.clone(), drawn.setter());
            let for_print = props.for_print;
            use_effect_with(
                (Same(Rc::clone(&props.doc)), props.lang),
                move |(Same(doc), lang)| {
                    if let Some(element) = host.cast::<Element>() {
                        let text = jixiao_core::format::to_string(doc);
                        let args = [
                            element.into(),
                            JsValue::from_str(&text),
                            JsValue::from_str(lang.code()),
                            JsValue::from_bool(for_print),
                        ];
                        match call("jixiaoReportShow", &args).map(js_sys::Promise::from) {
                            Ok(promise) => wasm_bindgen_futures::spawn_local(async move {
                                match JsFuture::from(promise).await {
                                    Ok(shown) if shown.as_bool() == Some(true) => {
                                        drawn.set(Drawn::Shown)
                                    }
                                    Ok(_) => {}
                                    Err(_) => drawn.set(Drawn::Failed),
                                }
                            }),
                            Err(_) => drawn.set(Drawn::Failed),
                        }
                    }
                },
            );
        }
        {
            let host = host.clone();
            use_effect_with((), move |_| {
                move || {
                    if let Some(element) = host.cast::<Element>() {
                        let _ = call("jixiaoReportForget", &[element.into()]);
                    }
                }
            });
        }
        let lang = props.lang;
        let status = match (*drawn, props.for_print) {
            (Drawn::Shown, _) => Html::default(),
            // Printed before the module has arrived (a second after opening, at most): say so on paper.
            (_, true) => html! {
                <p class="print-pending">{ t(lang, "报告正在载入，请稍候再打印。", "The report is still loading: print again in a moment.") }</p>
            },
            (Drawn::Loading, false) => html! {
                <p class="hint" data-testid="report-loading">{ t(lang, "正在载入报告……", "Loading the report…") }</p>
            },
            (Drawn::Failed, false) => html! {
                <p class="notice error" role="alert" data-testid="report-failed">
                    { t(lang, "报告模块未能载入：请刷新页面后再试。您的数据不受影响。",
                        "The report could not be loaded: reload the page and try again. Your data is unaffected.") }
                </p>
            },
        };
        html! {
            <>
                { status }
                <div ref={host} class={classes!("report-host", props.for_print.then_some("report-print-host"))}></div>
            </>
        }
    }
}
