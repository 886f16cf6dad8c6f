//! The module's entry points: the page hands a document as `jixiao/1` text and the element to draw
//! the report in; each element is one Yew app, updated in place when the page shows it again.

use crate::view::{ReportProps, ReportView};
use jixiao_core::{evaluate, read_str, Lang, Message};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::Element;
use yew::AppHandle;

thread_local! {
    /// The elements drawn into (the 报告 tab's and the print copy's) and their apps.
    static SHOWN: RefCell<Vec<(Element, AppHandle<ReportView>)>> = const { RefCell::new(Vec::new()) };
}

/// Draws the report of `text` (a `jixiao/1` document) into `host`, in `lang` (`zh` or `en`);
/// `for_print` draws the print copy (no buttons). A document that does not read is refused with
/// the reader's message.
#[wasm_bindgen]
pub fn show(host: Element, text: &str, lang: &str, for_print: bool) -> Result<(), JsValue> {
    let doc = read_str(text).map_err(|e| JsValue::from_str(&e.zh()))?;
    let eval = evaluate(&doc);
    let props = ReportProps {
        doc: Rc::new(doc),
        eval: Rc::new(eval),
        lang: Lang::parse(lang).unwrap_or(Lang::Zh),
        for_print,
    };
    SHOWN.with(|shown| {
        let mut shown = shown.borrow_mut();
        match shown.iter_mut().find(|(element, _)| *element == host) {
            Some((_, app)) => app.update(props),
            None => {
                let app =
                    yew::Renderer::<ReportView>::with_root_and_props(host.clone(), props).render();
                shown.push((host, app));
            }
        }
    });
    Ok(())
}

/// Stops drawing into `host` (the page removed it).
#[wasm_bindgen]
pub fn forget(host: Element) {
    let app = SHOWN.with(|shown| {
        let mut shown = shown.borrow_mut();
        let at = shown.iter().position(|(element, _)| *element == host)?;
        Some(shown.swap_remove(at).1)
    });
    if let Some(app) = app {
        app.destroy();
    }
}
