//! What the module and the page share: calling the page's JavaScript (`window.jixiaoNotify`,
//! `window.jixiaoAct`, `www/report.js`'s functions), a document compared by pointer, and the small
//! labelled button both draw.

use jixiao_core::model::Document;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

/// Calls the function `window[name]` with `args`; an error where there is no such function.
pub fn call(name: &str, args: &[JsValue]) -> Result<JsValue, JsValue> {
    let window = gloo::utils::window();
    let function: js_sys::Function = js_sys::Reflect::get(&window, &JsValue::from_str(name))?
        .dyn_into()
        .map_err(|_| JsValue::from_str(&format!("no function window.{name}")))?;
    function.apply(&JsValue::NULL, &args.iter().collect::<js_sys::Array>())
}

/// A document compared by pointer (a memo's or an effect's key: comparing contents would walk
/// it; the key holds the document, so its address cannot be reused by another while compared).
pub struct Same(pub Rc<Document>);

impl PartialEq for Same {
    fn eq(&self, other: &Same) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// A small button with a visible text and an accessible name saying what it acts on.
pub fn button(text: &str, name: String, onclick: Callback<MouseEvent>, disabled: bool) -> Html {
    html! {
        <button type="button" class="small" aria-label={name} title={text.to_string()} {onclick} {disabled}>
            { text.to_string() }
        </button>
    }
}
