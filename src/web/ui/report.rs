//! 报告: the 报告 tab and the print copy, drawn by the page's third module (see `module`): the
//! report's tables, charts, findings, drafted text, Excel and CSV, copy and print. The props are
//! the module's own (`jixiao_report::ReportProps`); the print copy is drawn once the module is
//! there (it is not a reason to load it at once).

use jixiao_report::ReportProps;
use yew::prelude::*;

/// The report, drawn with the page's own module and evaluation (the single file's build).
#[cfg(feature = "inline-views")]
#[function_component(ReportView)]
pub fn report_view(props: &ReportProps) -> Html {
    html! {
        <div class={classes!("report-host", props.for_print.then_some("report-print-host"))}>
            <jixiao_report::ReportView doc={props.doc.clone()} eval={props.eval.clone()}
                lang={props.lang} for_print={props.for_print} />
        </div>
    }
}

/// The report, drawn by the module (the served page), which reads and scores the document in its
/// own memory: `props.eval` is not handed over.
#[cfg(not(feature = "inline-views"))]
#[function_component(ReportView)]
pub fn report_view(props: &ReportProps) -> Html {
    use super::i18n::t;
    use super::module::{status, use_module_view, Drawn};
    use jixiao_report::Same;
    use std::rc::Rc;
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
