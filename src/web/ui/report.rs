//! 报告: the 报告 tab and the print copy, drawn by the page's third module (see `module`): the
//! report's tables, charts, findings, drafted text, Excel and CSV, copy and print.

use super::module::Same;
use jixiao_core::model::Document;
use jixiao_core::Lang;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties)]
pub struct ReportProps {
    pub doc: Rc<Document>,
    pub lang: Lang,
    /// The copy kept for printing (outside the tabs): no buttons, hidden on screen, drawn once
    /// the module is there (it is not a reason to load it at once).
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

/// The report of `doc`, drawn with the page's own module (the single file's build).
#[cfg(feature = "inline-views")]
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

/// The report of `doc`, drawn by the module (the served page).
#[cfg(not(feature = "inline-views"))]
#[function_component(ReportView)]
pub fn report_view(props: &ReportProps) -> Html {
    use super::i18n::t;
    use super::module::{status, use_module_view, Drawn};
    use wasm_bindgen::JsValue;
    let host = use_node_ref();
    let for_print = props.for_print;
    let drawn = use_module_view(
        &host,
        "jixiaoReportShow",
        (Same(Rc::clone(&props.doc)), props.lang),
        move |(Same(doc), lang)| {
            vec![
                JsValue::from_str(&jixiao_core::format::to_string(doc)),
                JsValue::from_str(lang.code()),
                JsValue::from_bool(for_print),
            ]
        },
    );
    let lang = props.lang;
    let shown = match (drawn, for_print) {
        (Drawn::Shown, _) => Html::default(),
        // Printed before the module could be had (the browser refused to load it on the spot).
        (_, true) => html! {
            <p class="print-pending">{ t(lang, "报告正在载入，请稍候再打印。", "The report is still loading: print again in a moment.") }</p>
        },
        (drawn, false) => status(drawn, lang, "report"),
    };
    html! {
        <>
            { shown }
            <div ref={host} class={classes!("report-host", for_print.then_some("report-print-host"))}></div>
        </>
    }
}
