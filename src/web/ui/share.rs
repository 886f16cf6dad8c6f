//! 分享链接: the document carried in a link's fragment (`#d=…`, deflate-raw and base64url by
//! `www/share.js`; a fragment never reaches a server), and opening such a link, which asks
//! first. Also the served page's offline support: the service worker's registration and the
//! "new version" notice.

use super::context::Ctx;
use super::i18n::t;
use super::storage;
use super::use_ctx;
use crate::notices::Said;
use crate::state::{Action, AppState, Notice};
use jixiao_core::{read_str, Message};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use yew::prelude::*;

/// The fragment's prefix that carries a document.
const PREFIX: &str = "#d=";

/// Links longer than this may be cut by chat tools (a file is then safer).
pub(crate) const LONG_LINK: usize = 8000;

/// The page's version (written into the served page by the build), remembered to tell the user
/// when a new one is running.
const VERSION_KEY: &str = "jixiao/1:version";

#[wasm_bindgen]
extern "C" {
    /// `window.jixiaoShare.pack(text)` (`www/share.js`): a promise of the link's code.
    #[wasm_bindgen(catch, js_namespace = jixiaoShare, js_name = pack)]
    fn pack_promise(text: &str) -> Result<js_sys::Promise, JsValue>;
    /// `window.jixiaoShare.unpack(code)`: a promise of the document's text.
    #[wasm_bindgen(catch, js_namespace = jixiaoShare, js_name = unpack)]
    fn unpack_promise(code: &str) -> Result<js_sys::Promise, JsValue>;
    /// `window.jixiaoShare.supported()`: whether this browser has CompressionStream('deflate-raw').
    #[wasm_bindgen(catch, js_namespace = jixiaoShare, js_name = supported)]
    fn supported_here() -> Result<bool, JsValue>;
    /// `navigator.serviceWorker.register(url)`: a promise of the registration.
    #[wasm_bindgen(catch, js_namespace = ["navigator", "serviceWorker"], js_name = register)]
    fn register_worker(url: &str) -> Result<js_sys::Promise, JsValue>;
}

/// The text a promise of `window.jixiaoShare` resolves to.
async fn text_of(promise: Result<js_sys::Promise, JsValue>) -> Option<String> {
    wasm_bindgen_futures::JsFuture::from(promise.ok()?)
        .await
        .ok()?
        .as_string()
}

/// Whether this browser can make share links (CompressionStream with deflate-raw).
fn supported() -> bool {
    supported_here().unwrap_or(false)
}

/// The page's address without its fragment.
fn address() -> String {
    let href = gloo::utils::window().location().href().unwrap_or_default();
    match href.split_once('#') {
        Some((before, _)) => before.to_string(),
        None => href,
    }
}

/// 分享链接: makes the link, shows it and copies it.
pub(crate) fn share(ctx: &Ctx) {
    if !supported() {
        ctx.send(Action::Notify(Notice::ShareUnsupported));
        return;
    }
    let text = jixiao_core::to_value(&ctx.state.doc).to_string();
    let send = ctx.send.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let Some(code) = text_of(pack_promise(&text)).await else {
            send.emit(Action::Notify(Notice::ShareFailed));
            return;
        };
        let link = format!("{}{PREFIX}{code}", address());
        let copied = super::clipboard::copy(&link).await;
        send.emit(Action::Shared(link, copied));
    });
}

/// Reads the document of the page's address, if it carries one, and offers to open it; the
/// fragment is then removed (a reload does not ask again).
pub(crate) fn offer_from_address(dispatcher: UseReducerDispatcher<AppState>) {
    let hash = gloo::utils::window().location().hash().unwrap_or_default();
    let Some(code) = hash.strip_prefix(PREFIX).map(str::to_string) else {
        return;
    };
    forget_fragment();
    if !supported() {
        dispatcher.dispatch(Action::Notify(Notice::ShareOpenUnsupported));
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        let text = text_of(unpack_promise(&code)).await;
        let action = match text.as_deref().map(read_str) {
            Some(Ok(doc)) => Action::Offer(Rc::new(doc)),
            Some(Err(e)) => Action::Notify(Notice::LinkUnreadable { why: Said::of(&e) }),
            None => Action::Notify(Notice::LinkDamaged),
        };
        dispatcher.dispatch(action);
    });
}

/// Drops the fragment from the address without reloading.
fn forget_fragment() {
    let window = gloo::utils::window();
    let location = window.location();
    let clean = format!(
        "{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&clean));
    }
}

/// The served page's version, from its `<meta name="jixiao-version">` (none in the single file).
fn version() -> Option<String> {
    gloo::utils::document()
        .query_selector("meta[name=jixiao-version]")
        .ok()
        .flatten()
        .and_then(|m| m.get_attribute("content"))
        .filter(|v| !v.is_empty())
}

/// Registers the service worker of the served page (not the single file, not file://), and says
/// so when this load runs a newer version than the last one.
pub(crate) fn serve_offline() -> Option<Notice> {
    let version = version()?;
    let window = gloo::utils::window();
    let protocol = window.location().protocol().unwrap_or_default();
    if protocol == "http:" || protocol == "https:" {
        // A refusal (a private window, a policy, no service workers) only means no offline copy.
        if let Ok(promise) = register_worker("sw.js") {
            wasm_bindgen_futures::spawn_local(async move {
                let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
            });
        }
    }
    let before = storage::get(VERSION_KEY);
    if before.as_deref() != Some(version.as_str()) {
        storage::set(VERSION_KEY, &version);
    }
    match before {
        Some(before) if before != version => Some(Notice::Updated),
        _ => None,
    }
}

/// The offer of a link's document ("打开链接中的文档？") and the link just made.
#[function_component(ShareBar)]
pub(crate) fn share_bar() -> Html {
    let ctx = use_ctx();
    let lang = ctx.lang();
    // The offered document scored once, not on every render while the question is shown.
    let offered = {
        let offer = ctx.state.offer.clone();
        use_memo(offer.as_ref().map(|d| Rc::as_ptr(d) as usize), move |_| {
            offer.map(|doc| {
                let eval = jixiao_core::audit(&doc);
                let summary = Notice::LinkOffer {
                    title: doc.meta_text("title"),
                    indicators: eval.leaves.len(),
                    total: jixiao_core::show2(eval.total),
                    max: jixiao_core::show2(eval.max_points),
                };
                (doc, summary)
            })
        })
    };
    let offer = offered.as_ref().clone().map(|(doc, summary)| {
        let summary = summary.text(lang);
        let open = {
            let doc = doc.clone();
            ctx.on(move |_: MouseEvent| {
                Action::Replace(
                    doc.clone(),
                    Notice::LinkOpened,
                )
            })
        };
        html! {
            <div class="notice offer" role="alertdialog" aria-labelledby="offer-title" data-testid="link-offer">
                <strong id="offer-title">{ t(lang, "打开链接中的文档？", "Open the document in the link?") }</strong>
                <span>{ summary }</span>
                <span class="hint">{ t(lang, "打开后，当前的内容可用“撤销”找回。", "Your current work can be brought back with Undo.") }</span>
                <button type="button" class="button primary" data-testid="link-open" onclick={open}>{ t(lang, "打开", "Open") }</button>
                <button type="button" class="button" data-testid="link-keep" onclick={ctx.on(|_: MouseEvent| Action::DeclineOffer)}>
                    { t(lang, "保留当前内容", "Keep my work") }
                </button>
            </div>
        }
    });
    let shared = ctx.state.shared.clone().map(|(link, copied)| {
        let length = link.chars().count();
        let select = Callback::from(|e: FocusEvent| {
            if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                input.select();
            }
        });
        html! {
            <div class="notice info share" role="status" data-testid="share">
                <span>{ if copied { t(lang, "已复制分享链接", "Share link copied") } else { t(lang, "分享链接（请复制）", "Share link (copy it)") } }
                    { format!("{}{length}{}", t(lang, "（", " ("), t(lang, " 个字符）", " characters)")) }</span>
                <input type="text" readonly=true value={link} aria-label={t(lang, "分享链接", "Share link")}
                    data-testid="share-link" onfocus={select} />
                <span class="hint">{ t(lang, "文档在链接的“#”之后，只在浏览器中读取，不会发送到服务器。",
                    "The document is after the link's \"#\": it is read in the browser and never sent to a server.") }</span>
                if length > LONG_LINK {
                    <span class="long" data-testid="share-long">{ t(lang,
                        "链接很长：有些聊天工具会截断长链接，发送 JSON 文件更稳妥。",
                        "This link is long: some chat tools cut long links, so a JSON file is safer.") }</span>
                }
                <button type="button" onclick={ctx.on(|_: MouseEvent| Action::CloseShared)}>{ t(lang, "关闭", "Close") }</button>
            </div>
        }
    });
    html! { <>{ for offer }{ for shared }</> }
}
