//! Files: export the document with its results as JSON, import by picker or drag-and-drop.

use super::Ctx;
use crate::notices::Said;
use crate::state::{Action, Notice, MAX_IMPORT_BYTES};
use gloo::file::callbacks::FileReader;
use jixiao_core::ReadNote;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

pub(crate) fn export_json(ctx: &Ctx) {
    let state = &ctx.state;
    let value = jixiao_core::export_json(&state.doc, &state.eval, state.lang);
    let text = serde_json::to_string_pretty(&value).unwrap_or_default() + "\n";
    let name = file_name(&state.doc.meta_text("title"), "json");
    if download_bytes(&name, "application/json", text.as_bytes()).is_err() {
        ctx.send(Action::Notify(Notice::DownloadFailed));
    }
}

thread_local! {
    /// Reads in progress (dropping a reader cancels it).
    static READERS: RefCell<Vec<FileReader>> = const { RefCell::new(Vec::new()) };
}

/// How an imported workbook is taken.
#[derive(Clone, Copy, PartialEq)]
pub(crate) enum ImportAs {
    /// As the work (a monitoring form into the open document's round).
    Work,
    /// A 申报表 as the open document's declaration (the 目标 tab's import).
    Declaration,
}

/// Reads a picked or dropped file and imports it; a file too large is refused unread.
pub(crate) fn import_file(ctx: &Ctx, file: web_sys::File, into: ImportAs) {
    let name = file.name();
    if file.size() > MAX_IMPORT_BYTES {
        ctx.send(Action::Notify(Notice::TooLarge { name }));
        return;
    }
    let state = ctx.state.clone();
    let reader =
        gloo::file::callbacks::read_as_bytes(&gloo::file::File::from(file), move |result| {
            READERS.with(|r| r.borrow_mut().retain(|_| false));
            let bytes = match result {
                Ok(bytes) => bytes,
                Err(_) => {
                    state.dispatch(Action::Notify(Notice::CannotRead { name }));
                    return;
                }
            };
            // A workbook (by content, whatever its name) goes to the form reader, loaded now if
            // this is the first; anything else is read as a jixiao/1 file.
            if jixiao_core::is_workbook(&bytes) {
                read_form(state, name, bytes, into);
            } else {
                let text = String::from_utf8_lossy(&bytes).into_owned();
                state.dispatch(Action::Import { name, text });
            }
        });
    READERS.with(|r| r.borrow_mut().push(reader));
}

#[wasm_bindgen]
extern "C" {
    /// The form reader's answer: its class `FormRead` (`reader/src/lib.rs`), read through the
    /// same getters it exports.
    type FormRead;
    #[wasm_bindgen(method, getter)]
    fn ok(this: &FormRead) -> bool;
    #[wasm_bindgen(method, getter)]
    fn document(this: &FormRead) -> String;
    #[wasm_bindgen(method, getter)]
    fn sheet(this: &FormRead) -> String;
    #[wasm_bindgen(method, getter)]
    fn budget_lines(this: &FormRead) -> u32;
    #[wasm_bindgen(method, getter)]
    fn indicators(this: &FormRead) -> u32;
    #[wasm_bindgen(method, getter)]
    fn inferred(this: &FormRead) -> u32;
    #[wasm_bindgen(method, getter)]
    fn claims(this: &FormRead) -> u32;
    #[wasm_bindgen(method, getter)]
    fn report(this: &FormRead) -> bool;
    #[wasm_bindgen(method, getter)]
    fn surveys(this: &FormRead) -> u32;
    #[wasm_bindgen(method, getter)]
    fn no_table(this: &FormRead) -> bool;
    #[wasm_bindgen(method, getter)]
    fn default_weights(this: &FormRead) -> String;
    #[wasm_bindgen(method, getter)]
    fn share_inferred(this: &FormRead) -> String;
    #[wasm_bindgen(method, getter)]
    fn monitoring(this: &FormRead) -> bool;
    #[wasm_bindgen(method, getter)]
    fn round_as_of(this: &FormRead) -> String;
    #[wasm_bindgen(method, getter)]
    fn declaration(this: &FormRead) -> bool;
    #[wasm_bindgen(method, getter)]
    fn error_zh(this: &FormRead) -> String;
    #[wasm_bindgen(method, getter)]
    fn error_en(this: &FormRead) -> String;
    /// Releases the answer's memory in the reader's module.
    #[wasm_bindgen(method)]
    fn free(this: &FormRead);

    /// Loads the reader module the first time (`www/reader.js`; the single file defines it over
    /// its embedded copy) and reads the workbook: a promise of a `FormRead`.
    #[wasm_bindgen(catch, js_name = jixiaoReadForm)]
    fn read_with_module(bytes: &js_sys::Uint8Array) -> Result<js_sys::Promise, JsValue>;
}

/// The action for what the reader answered: the document and what was read, or why not.
fn form_action(name: String, read: &FormRead, into: ImportAs) -> Action {
    let why = if read.ok() {
        match jixiao_core::read_str(&read.document()) {
            Ok(doc) => {
                let mut notes = Vec::new();
                if read.no_table() {
                    notes.push(ReadNote::NoTable);
                }
                let defaulted = read.default_weights();
                if !defaulted.is_empty() {
                    notes.push(ReadNote::DefaultWeights {
                        options: defaulted.lines().map(String::from).collect(),
                    });
                }
                let shared = read.share_inferred();
                if !shared.is_empty() {
                    notes.push(ReadNote::ShareInferred {
                        options: shared.lines().map(String::from).collect(),
                    });
                }
                if read.monitoring() && read.round_as_of().is_empty() {
                    notes.push(ReadNote::NoRoundDate);
                }
                let summary = jixiao_core::ReadSummary {
                    sheet: read.sheet(),
                    budget_lines: read.budget_lines() as usize,
                    indicators: read.indicators() as usize,
                    inferred: read.inferred() as usize,
                    claims: read.claims() as usize,
                    report: read.report(),
                    surveys: read.surveys() as usize,
                    notes,
                    declaration: read.declaration(),
                    round: read.monitoring().then(|| {
                        let as_of = read.round_as_of();
                        (!as_of.is_empty()).then_some(as_of)
                    }),
                };
                return Action::ImportForm {
                    name,
                    record: into == ImportAs::Declaration,
                    doc: Rc::new(doc),
                    summary,
                };
            }
            Err(e) => Said::of(&e),
        }
    } else {
        Said::pair(read.error_zh(), read.error_en())
    };
    Action::Notify(Notice::CannotImport { name, why })
}

/// Reads a form workbook with the reader module.
fn read_form(
    state: yew::UseReducerHandle<crate::state::AppState>,
    name: String,
    bytes: Vec<u8>,
    into: ImportAs,
) {
    state.dispatch(Action::Notify(Notice::Reading { name: name.clone() }));
    wasm_bindgen_futures::spawn_local(async move {
        let answer = match read_with_module(&js_sys::Uint8Array::from(bytes.as_slice())) {
            Ok(promise) => wasm_bindgen_futures::JsFuture::from(promise).await,
            Err(e) => Err(e),
        };
        let action = match answer {
            Ok(read) => {
                let read: FormRead = read.unchecked_into();
                let action = form_action(name, &read, into);
                read.free();
                action
            }
            Err(_) => Action::Notify(Notice::ReaderFailed { name }),
        };
        state.dispatch(action);
    });
}

pub(crate) fn on_pick(ctx: &Ctx, into: ImportAs) -> Callback<Event> {
    let ctx = ctx.clone();
    Callback::from(move |e: Event| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            import_file(&ctx, file, into);
        }
        // The same file can be picked again.
        input.set_value("");
    })
}

pub(crate) fn on_drop(ctx: &Ctx) -> Callback<DragEvent> {
    let ctx: Rc<Ctx> = Rc::new(ctx.clone());
    Callback::from(move |e: DragEvent| {
        e.prevent_default();
        if let Some(file) = e
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0))
        {
            import_file(&ctx, file, ImportAs::Work);
        }
    })
}

/// The plain text of a paste event (none for another kind of event).
pub(crate) fn pasted_text(e: &Event) -> Option<String> {
    let event = e.dyn_ref::<web_sys::ClipboardEvent>()?;
    Some(
        event
            .clipboard_data()
            .and_then(|d| d.get_data("text/plain").ok())
            .unwrap_or_default(),
    )
}

/// Pasting copied cells (tab-separated, from Excel, WPS or a Word table) into an editor makes
/// rows; a paste of plain text goes into the field as usual.
pub(crate) fn on_paste(ctx: &Ctx, edit: fn(String) -> crate::edit::Edit) -> Callback<Event> {
    let send = ctx.send.clone();
    Callback::from(move |e: Event| {
        let Some(text) = pasted_text(&e) else {
            return;
        };
        if text.contains('\t') {
            e.prevent_default();
            send.emit(Action::Edit(edit(text)));
        }
    })
}

/// Downloads `bytes` as a file named `name`.
pub(crate) fn download_bytes(name: &str, mime: &str, bytes: &[u8]) -> Result<(), JsValue> {
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
pub(crate) fn file_name(title: &str, extension: &str) -> String {
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
