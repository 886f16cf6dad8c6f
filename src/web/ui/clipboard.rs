//! The one clipboard writer: `navigator.clipboard.writeText`, awaited, so that the page says
//! "copied" only once the browser has copied.

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// `navigator.clipboard.writeText(text)`; throws where the browser has no clipboard API.
    #[wasm_bindgen(catch, js_namespace = ["navigator", "clipboard"], js_name = writeText)]
    fn write_text_promise(text: &str) -> Result<js_sys::Promise, JsValue>;
}

/// Copies `text`; `false` when the browser refuses or has no clipboard.
pub(crate) async fn copy(text: &str) -> bool {
    match write_text_promise(text) {
        Ok(promise) => wasm_bindgen_futures::JsFuture::from(promise).await.is_ok(),
        Err(_) => false,
    }
}
