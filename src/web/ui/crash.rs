//! What the user sees if the page ever panics (a bug: the core is built not to): a banner in place
//! of a dead page, in Chinese and English, with a link that reloads. Built with plain DOM calls,
//! because after a panic the app (and any callback into it) is gone. Once it has panicked, the
//! page writes nothing more to the autosave, so a reload brings back the last whole state.

use std::sync::atomic::{AtomicBool, Ordering};

static PANICKED: AtomicBool = AtomicBool::new(false);

/// Whether the page has panicked (then nothing more is saved).
pub(crate) fn panicked() -> bool {
    PANICKED.load(Ordering::SeqCst)
}

/// Installs the hook (through Yew, which would otherwise set its own): remember the panic, log
/// it, show the banner.
pub(crate) fn install() {
    yew::set_custom_panic_hook(Box::new(|info| {
        PANICKED.store(true, Ordering::SeqCst);
        web_sys::console::error_1(&format!("jixiao: {info}").into());
        show_banner();
    }));
}

fn show_banner() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if document.get_element_by_id("crash").is_some() {
        return;
    }
    let Some(body) = document.body() else {
        return;
    };
    let Ok(banner) = document.create_element("div") else {
        return;
    };
    banner.set_id("crash");
    let _ = banner.set_attribute("role", "alert");
    let _ = banner.set_attribute("class", "crash");
    let _ = banner.set_attribute("data-testid", "crash");
    banner.set_inner_html(concat!(
        "<strong>页面出错了，已停止运行以保护您的数据。</strong>",
        "<p>程序遇到内部错误。最近一次自动保存的工作没有受到影响；出错时正在进行的操作（例如导入的文件）没有保存。",
        "请重新载入页面继续工作；如果问题重复出现，请把当时打开的文件发给开发者。</p>",
        "<p lang=\"en\">Something went wrong and the page stopped to protect your data. Your last autosaved work is safe; ",
        "what was being done when it failed (an imported file, say) was not saved. Reload to go on working.</p>",
        "<a class=\"button\" href=\"\" data-testid=\"crash-reload\">重新载入 / Reload</a>",
    ));
    let _ = body.prepend_with_node_1(&banner);
    if let Some(page) = document.query_selector(".page").ok().flatten() {
        let _ = page.set_attribute("aria-hidden", "true");
        let _ = page.class_list().add_1("dead");
    }
}
