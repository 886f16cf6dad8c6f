//! The page's third WebAssembly module (`report/`): the 报告 and 情景 tabs, drawn into elements
//! this page keeps. `www/report.js` loads it soon after the first result is shown (at the first
//! key or pointer press, 0.6 s later, before a print) or when one of its tabs is opened; the
//! single file's build (feature `inline-views`) draws the same views with the page's own module.

#[cfg(not(feature = "inline-views"))]
use jixiao_report::call;
#[cfg(not(feature = "inline-views"))]
use wasm_bindgen::JsValue;
#[cfg(not(feature = "inline-views"))]
use yew::prelude::*;

/// Has the module loaded soon: at the first key or pointer press, a moment later, or before a
/// print (`www/report.js`). The single file's build has the views in its own module already.
pub fn load_soon() {
    #[cfg(not(feature = "inline-views"))]
    let _ = call("jixiaoReportSoon", &[]);
}

/// Where a view drawn by the module stands.
#[cfg(not(feature = "inline-views"))]
#[derive(Clone, Copy, PartialEq)]
pub enum Drawn {
    Loading,
    Shown,
    Failed,
}

/// Draws into `host` with `www/report.js`'s function `show` (the element first, then `args`)
/// whenever `deps` change, and stops drawing there when the component goes. The answer says
/// whether the view is drawn yet, or could not be.
#[cfg(not(feature = "inline-views"))]
#[hook]
pub fn use_module_view<D: PartialEq + 'static>(
    host: &NodeRef,
    show: &'static str,
    deps: D,
    args: impl FnOnce(&D) -> Vec<JsValue> + 'static,
) -> Drawn {
    let drawn = use_state_eq(|| Drawn::Loading);
    {
        let (host, drawn) = (host.clone(), drawn.setter());
        use_effect_with(deps, move |deps| {
            if let Some(element) = host.cast::<web_sys::Element>() {
                let mut all = vec![JsValue::from(element)];
                all.extend(args(deps));
                match call(show, &all).map(js_sys::Promise::from) {
                    Ok(promise) => wasm_bindgen_futures::spawn_local(async move {
                        match wasm_bindgen_futures::JsFuture::from(promise).await {
                            Ok(shown) if shown.as_bool() == Some(true) => drawn.set(Drawn::Shown),
                            Ok(_) => {}
                            Err(_) => drawn.set(Drawn::Failed),
                        }
                    }),
                    Err(_) => drawn.set(Drawn::Failed),
                }
            }
        });
    }
    {
        let host = host.clone();
        use_effect_with((), move |_| {
            move || {
                if let Some(element) = host.cast::<web_sys::Element>() {
                    let _ = call("jixiaoModuleForget", &[element.into()]);
                }
            }
        });
    }
    *drawn
}

/// What stands in for a view not drawn yet: a word that it is loading, or that it could not be
/// (`name` is the test id's first part: `report-loading`, `scenarios-failed`).
#[cfg(not(feature = "inline-views"))]
pub fn status(drawn: Drawn, lang: jixiao_core::Lang, name: &str) -> Html {
    use super::i18n::t;
    match drawn {
        Drawn::Shown => Html::default(),
        Drawn::Loading => html! {
            <p class="hint" data-testid={format!("{name}-loading")}>{ t(lang, "正在载入……", "Loading…") }</p>
        },
        Drawn::Failed => html! {
            <p class="notice error" role="alert" data-testid={format!("{name}-failed")}>
                { t(lang, "这一部分未能载入：请刷新页面后再试。您的数据不受影响。",
                    "This part could not be loaded: reload the page and try again. Your data is unaffected.") }
            </p>
        },
    }
}
