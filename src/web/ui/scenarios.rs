//! 情景: the scenarios beside the base and 需要多少 (goal seeking), drawn by the page's third
//! module (see `module`); what they change comes back through `window.jixiaoAct` (set up by the
//! app: `act`) as this page's own actions, undo included.

use super::module::Same;
use super::use_ctx;
use crate::edit::Edit;
use crate::state::Action;
use jixiao_core::whatif;
use jixiao_core::FieldPath;
use std::rc::Rc;
use wasm_bindgen::JsValue;
use yew::prelude::*;

/// The action the module asks for (`what`, with its arguments), or `None` for one it cannot be.
pub fn act(what: &str, a: &JsValue, b: &JsValue) -> Option<Action> {
    let index = || a.as_f64().and_then(|i| (i >= 0.0).then_some(i as usize));
    let text = |v: &JsValue| v.as_string();
    Some(match what {
        "start" => Action::StartScenario,
        "save" => Action::SaveScenario(text(a)?),
        "discard" => Action::DiscardScenario,
        "rename" => Action::Edit(Edit::ScenarioName(index()?, text(b)?)),
        "apply" => Action::Edit(Edit::ApplyScenario(index()?)),
        "remove" => Action::Edit(Edit::RemoveScenario(index()?)),
        "set" => Action::Edit(Edit::Set(text(a)?.parse::<FieldPath>().ok()?, text(b)?)),
        _ => return None,
    })
}

/// The 情景 tab.
#[function_component(ScenarioEditor)]
pub fn scenario_editor() -> Html {
    let ctx = use_ctx();
    let state = &ctx.state;
    // While a scenario is recorded: how many fields differ from the base (once per change).
    let recording = {
        let (base, doc) = (state.scenario_base.clone(), state.doc.clone());
        let key = (
            Same(Rc::clone(&state.doc)),
            state.scenario_base.clone().map(Same),
        );
        *use_memo(key, move |_| {
            base.as_ref().map(|b| whatif::diff(b, &doc).len())
        })
    };
    view(
        Rc::clone(&state.doc),
        state.lang,
        recording,
        state.seek_path.clone(),
    )
}

#[cfg(feature = "inline-views")]
fn view(
    doc: Rc<jixiao_core::Document>,
    lang: jixiao_core::Lang,
    recording: Option<usize>,
    seek_path: Option<FieldPath>,
) -> Html {
    html! { <Inline {doc} {lang} {recording} {seek_path} /> }
}

#[cfg(not(feature = "inline-views"))]
fn view(
    doc: Rc<jixiao_core::Document>,
    lang: jixiao_core::Lang,
    recording: Option<usize>,
    seek_path: Option<FieldPath>,
) -> Html {
    html! { <Hosted {doc} {lang} {recording} {seek_path} /> }
}

#[derive(Properties)]
struct HostProps {
    doc: Rc<jixiao_core::Document>,
    lang: jixiao_core::Lang,
    recording: Option<usize>,
    seek_path: Option<FieldPath>,
}

impl PartialEq for HostProps {
    fn eq(&self, other: &HostProps) -> bool {
        Rc::ptr_eq(&self.doc, &other.doc)
            && self.lang == other.lang
            && self.recording == other.recording
            && self.seek_path == other.seek_path
    }
}

/// Drawn with the page's own module (the single file's build).
#[cfg(feature = "inline-views")]
#[function_component(Inline)]
fn inline(props: &HostProps) -> Html {
    let eval = use_memo(Same(Rc::clone(&props.doc)), |Same(doc)| {
        jixiao_core::evaluate(doc)
    });
    html! {
        <div class="scenarios-host">
            <jixiao_report::ScenarioEditor doc={Rc::clone(&props.doc)} eval={Rc::clone(&eval)}
                lang={props.lang} recording={props.recording} seek_path={props.seek_path.clone()} />
        </div>
    }
}

/// Drawn by the module (the served page).
#[cfg(not(feature = "inline-views"))]
#[function_component(Hosted)]
fn hosted(props: &HostProps) -> Html {
    use super::module::{status, use_module_view};
    let host = use_node_ref();
    let drawn = use_module_view(
        &host,
        "jixiaoScenariosShow",
        (
            Same(Rc::clone(&props.doc)),
            props.lang,
            props.recording,
            props.seek_path.clone(),
        ),
        |(Same(doc), lang, recording, seek_path)| {
            vec![
                JsValue::from_str(&jixiao_core::format::to_string(doc)),
                JsValue::from_str(lang.code()),
                JsValue::from(recording.and_then(|r| i32::try_from(r).ok()).unwrap_or(-1)),
                JsValue::from_str(
                    &seek_path
                        .as_ref()
                        .map(ToString::to_string)
                        .unwrap_or_default(),
                ),
            ]
        },
    );
    html! {
        <>
            { status(drawn, props.lang, "scenarios") }
            <div ref={host} class="scenarios-host"></div>
        </>
    }
}
