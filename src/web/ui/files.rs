//! Files: export the document with its results as JSON, import by picker or drag-and-drop.

use super::Ctx;
use crate::state::{Action, Notice, MAX_IMPORT_BYTES};
use gloo::file::callbacks::FileReader;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

/// Downloads `bytes` as a file named `name`.
pub fn download_bytes(name: &str, mime: &str, bytes: &[u8]) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let anchor: web_sys::HtmlAnchorElement =
        gloo::utils::document().create_element("a")?.dyn_into()?;
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.click();
    web_sys::Url::revoke_object_url(&url)
}

/// A file name from the project title, without characters file systems refuse.
pub fn file_name(title: &str, extension: &str) -> String {
    let clean: String = title
        .chars()
        .filter(|c| {
            !matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') && !c.is_control()
        })
        .collect();
    let stem = if clean.trim().is_empty() {
        "jixiao"
    } else {
        clean.trim()
    };
    format!("{stem}.{extension}")
}

pub fn export_json(ctx: &Ctx) {
    let state = &ctx.state;
    let value = jixiao_core::report::export(&state.doc, &state.eval, state.lang);
    let text = serde_json::to_string_pretty(&value).unwrap_or_default() + "\n";
    let name = file_name(&state.doc.meta_text("title"), "json");
    if download_bytes(&name, "application/json", text.as_bytes()).is_err() {
        ctx.send(Action::Notify(Notice::error(
            "无法下载文件",
            "The download failed",
        )));
    }
}

thread_local! {
    /// Reads in progress (dropping a reader cancels it).
    static READERS: RefCell<Vec<FileReader>> = const { RefCell::new(Vec::new()) };
}

/// Reads a picked or dropped file and imports it; a file too large is refused unread.
pub fn import_file(ctx: &Ctx, file: web_sys::File) {
    let name = file.name();
    if file.size() > MAX_IMPORT_BYTES {
        ctx.send(Action::Notify(Notice::error(
            format!("{name} 过大（上限 8 MiB），未导入；当前内容未改动。"),
            format!("{name} is too large (the limit is 8 MiB); nothing was imported."),
        )));
        return;
    }
    let state = ctx.state.clone();
    let reader =
        gloo::file::callbacks::read_as_text(&gloo::file::File::from(file), move |result| {
            let action = match result {
                Ok(text) => Action::Import { name, text },
                Err(_) => Action::Notify(Notice::error(
                    format!("无法读取 {name}（不是文本文件？）；当前内容未改动。"),
                    format!("Cannot read {name} (not a text file?); your work is unchanged."),
                )),
            };
            state.dispatch(action);
            READERS.with(|r| r.borrow_mut().retain(|_| false));
        });
    READERS.with(|r| r.borrow_mut().push(reader));
}

pub fn on_pick(ctx: &Ctx) -> Callback<Event> {
    let ctx = ctx.clone();
    Callback::from(move |e: Event| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            import_file(&ctx, file);
        }
        // The same file can be picked again.
        input.set_value("");
    })
}

pub fn on_drop(ctx: &Ctx) -> Callback<DragEvent> {
    let ctx: Rc<Ctx> = Rc::new(ctx.clone());
    Callback::from(move |e: DragEvent| {
        e.prevent_default();
        if let Some(file) = e
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0))
        {
            import_file(&ctx, file);
        }
    })
}
