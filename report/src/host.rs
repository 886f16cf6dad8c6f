//! The module's entry points: the page hands a document as `jixiao/1` text and the element to draw
//! the report (or the 情景 tab) in; each element is one Yew app, updated in place when the page
//! shows it again.
//!
//! This module's Yew and the page's each number their apps from one and mark the elements they
//! handle events for with that number: an app here numbered like the page's would have the page
//! take this module's events for its own. So the module first makes and drops one app of its
//! own (the page has exactly one), and its apps are numbered from two.

use crate::scenarios::{ScenarioEditor, ScenarioProps};
use crate::view::{ReportProps, ReportView};
use jixiao_core::{evaluate, read_str, Document, Evaluation, FieldPath, Lang, Message};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::Element;
use yew::{AppHandle, BaseComponent};

/// Elements drawn into and their apps.
type Apps<C> = RefCell<Vec<(Element, AppHandle<C>)>>;

thread_local! {
    /// The elements drawn into (the 报告 tab's and the print copy's) and their apps.
    static SHOWN: Apps<ReportView> = const { RefCell::new(Vec::new()) };
    /// The 情景 tab's element and its app.
    static PLANNING: Apps<ScenarioEditor> = const { RefCell::new(Vec::new()) };
    /// Whether the first number is used up (see the module's documentation).
    static NUMBERED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

#[yew::function_component]
fn Nothing() -> yew::Html {
    yew::Html::default()
}

/// Makes and drops one app, once, so that this module's apps are numbered unlike the page's.
fn skip_the_pages_number() {
    if NUMBERED.with(|n| n.replace(true)) {
        return;
    }
    if let Ok(element) = gloo::utils::document().create_element("div") {
        yew::Renderer::<Nothing>::with_root(element)
            .render()
            .destroy();
    }
}

/// Reads and scores the page's document.
fn read(text: &str) -> Result<(Rc<Document>, Rc<Evaluation>), JsValue> {
    let doc = read_str(text).map_err(|e| JsValue::from_str(&e.zh()))?;
    let eval = evaluate(&doc);
    Ok((Rc::new(doc), Rc::new(eval)))
}

/// Draws `props` into `host`: the app already there updated, or a new one.
fn draw<C: BaseComponent>(
    apps: &'static std::thread::LocalKey<Apps<C>>,
    host: Element,
    props: C::Properties,
) {
    skip_the_pages_number();
    apps.with(|apps| {
        let mut apps = apps.borrow_mut();
        match apps.iter_mut().find(|(element, _)| *element == host) {
            Some((_, app)) => app.update(props),
            None => {
                let app = yew::Renderer::<C>::with_root_and_props(host.clone(), props).render();
                apps.push((host, app));
            }
        }
    });
}

/// Draws the 情景 tab (scenarios and 需要多少) of `text` into `host`. `recording` is how many
/// fields differ from the base while a scenario is being recorded (negative: none is);
/// `seek_path` the field 需要多少 was asked for (empty: none).
#[wasm_bindgen]
pub fn show_scenarios(
    host: Element,
    text: &str,
    lang: &str,
    recording: i32,
    seek_path: &str,
) -> Result<(), JsValue> {
    let (doc, eval) = read(text)?;
    let props = ScenarioProps {
        doc,
        eval,
        lang: Lang::parse(lang).unwrap_or(Lang::Zh),
        recording: usize::try_from(recording).ok(),
        seek_path: seek_path.parse::<FieldPath>().ok(),
    };
    draw(&PLANNING, host, props);
    Ok(())
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

/// Takes the app drawing into `host` out of `apps`.
fn take<C: BaseComponent>(
    apps: &'static std::thread::LocalKey<Apps<C>>,
    host: &Element,
) -> Option<AppHandle<C>> {
    apps.with(|apps| {
        let mut apps = apps.borrow_mut();
        let at = apps.iter().position(|(element, _)| element == host)?;
        Some(apps.swap_remove(at).1)
    })
}

/// Stops drawing into `host` (the page removed it).
#[wasm_bindgen]
pub fn forget(host: Element) {
    if let Some(app) = take(&SHOWN, &host) {
        app.destroy();
    }
    if let Some(app) = take(&PLANNING, &host) {
        app.destroy();
    }
}
