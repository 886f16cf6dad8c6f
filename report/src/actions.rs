//! Print, copy, Excel and CSV: what the report offers beside the report itself.

use crate::files::{download_bytes, file_name};
use crate::page::call;
use gloo::events::EventListener;
use jixiao_core::model::Document;
use jixiao_core::tables::t;
use jixiao_core::{csv, draft, xlsx, Evaluation, Lang};
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

fn export_xlsx(doc: &Document, eval: &Evaluation, lang: Lang) {
    let bytes = xlsx::workbook(doc, eval, lang);
    let name = file_name(&doc.meta_text("title"), "xlsx");
    let mime = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    if download_bytes(&name, mime, &bytes).is_err() {
        notify(true, "无法下载文件", "The download failed");
    }
}

fn export_csv(doc: &Document, eval: &Evaluation, lang: Lang, which: usize) {
    let tables = csv::tables(doc, eval, lang);
    if let Some((name, text)) = tables.get(which) {
        let title = doc.meta_text("title");
        let name = if title.trim().is_empty() {
            name.clone()
        } else {
            format!("{}-{name}", file_name(&title, "")).replace(".-", "-")
        };
        if download_bytes(&name, "text/csv;charset=utf-8", text.as_bytes()).is_err() {
            notify(true, "无法下载文件", "The download failed");
        }
    }
}

/// Copies the drafted text with the clipboard API; `false` where the browser refuses (the notice
/// then asks the user to select the text below and copy it).
fn copy_text(text: &str) -> bool {
    let window = gloo::utils::window();
    let Ok(navigator) = js_sys::Reflect::get(&window, &JsValue::from_str("navigator")) else {
        return false;
    };
    if let Ok(clipboard) = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard")) {
        if let Ok(write) = js_sys::Reflect::get(&clipboard, &JsValue::from_str("writeText")) {
            if let Some(write) = write.dyn_ref::<js_sys::Function>() {
                if write.call1(&clipboard, &JsValue::from_str(text)).is_ok() {
                    return true;
                }
            }
        }
    }
    false
}

/// Tells the page (its `window.jixiaoNotify`), which shows the notice as its own.
fn notify(error: bool, zh: &str, en: &str) {
    let args = [
        JsValue::from_bool(error),
        JsValue::from_str(zh),
        JsValue::from_str(en),
    ];
    let _ = call("jixiaoNotify", &args);
}

#[derive(Clone, Properties)]
pub struct ActionsProps {
    pub doc: Rc<Document>,
    pub eval: Rc<Evaluation>,
    pub lang: Lang,
}

/// The same document and evaluation (by pointer).
impl PartialEq for ActionsProps {
    fn eq(&self, other: &ActionsProps) -> bool {
        Rc::ptr_eq(&self.doc, &other.doc)
            && Rc::ptr_eq(&self.eval, &other.eval)
            && self.lang == other.lang
    }
}

/// Print, copy, Excel and CSV. Their listeners are the browser's own, not Yew's, so that they do
/// not depend on the two Yews' app numbers differing (see `host.rs`): the print copy and the
/// single file's inline build draw them too, and a click here must never reach a listener of the
/// page's.
#[function_component(ReportActions)]
pub fn report_actions(props: &ActionsProps) -> Html {
    let lang = props.lang;
    let (xlsx, csv, copy, print) = (
        use_node_ref(),
        use_node_ref(),
        use_node_ref(),
        use_node_ref(),
    );
    {
        let refs = (xlsx.clone(), csv.clone(), copy.clone(), print.clone());
        let (doc, eval) = (props.doc.clone(), props.eval.clone());
        // The listeners are made again only for another document, evaluation or language.
        use_effect_with(props.clone(), move |_| {
            let (xlsx, csv, copy, print) = refs;
            let on = |node: &NodeRef, event: &'static str, act: Box<dyn Fn(&Event)>| {
                node.cast::<web_sys::Element>()
                    .map(|element| EventListener::new(&element, event, move |e| act(e)))
            };
            let listeners = [
                on(&xlsx, "click", {
                    let (doc, eval) = (doc.clone(), eval.clone());
                    Box::new(move |_| export_xlsx(&doc, &eval, lang))
                }),
                on(&csv, "change", {
                    let (doc, eval) = (doc.clone(), eval.clone());
                    Box::new(move |e| {
                        let select: HtmlSelectElement = e.target_unchecked_into();
                        if let Ok(i) = select.value().parse::<usize>() {
                            export_csv(&doc, &eval, lang, i);
                        }
                        select.set_value("");
                    })
                }),
                on(&copy, "click", {
                    Box::new(move |_| {
                        if copy_text(&draft::draft_text(&doc, &eval, lang)) {
                            notify(
                                false,
                                "报告文字已复制，可直接粘贴。",
                                "The report text is copied.",
                            );
                        } else {
                            notify(
                                true,
                                "浏览器不允许复制：请在下方文字中全选后复制。",
                                "The browser refused to copy: select the text below and copy it.",
                            );
                        }
                    })
                }),
                on(
                    &print,
                    "click",
                    Box::new(|_| {
                        let _ = gloo::utils::window().print();
                    }),
                ),
            ];
            move || drop(listeners)
        });
    }
    html! {
        <div class="report-actions no-print" role="group" aria-label={t(lang, "报告输出", "Report outputs")}>
            <button type="button" class="button" ref={xlsx} data-testid="export-xlsx">{ t(lang, "导出 Excel 自评表", "Export Excel") }</button>
            <label class="sr-only" for="export-csv">{ t(lang, "导出 CSV", "Export CSV") }</label>
            <select id="export-csv" class="button" ref={csv}>
                <option value="" selected=true>{ t(lang, "导出 CSV…", "Export CSV…") }</option>
                <option value="0">{ t(lang, "自评表", "Indicators") }</option>
                <option value="1">{ t(lang, "预算明细", "Budget") }</option>
                <option value="2">{ t(lang, "满意度调查", "Surveys") }</option>
            </select>
            <button type="button" class="button" ref={copy} data-testid="copy-text">{ t(lang, "复制报告文字", "Copy report text") }</button>
            <button type="button" class="button" ref={print} data-testid="print">{ t(lang, "打印 / 存为 PDF", "Print / Save as PDF") }</button>
        </div>
    }
}
