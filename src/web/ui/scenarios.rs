//! 情景: the scenarios beside the base and 需要多少 (goal seeking), drawn by the page's third
//! module (see `module`); what they change comes back through `window.jixiaoAct` (set up by the
//! app: `act`) as this page's own actions, undo included.

use super::use_ctx;
use crate::edit::Edit;
use crate::state::Action;
use jixiao_core::whatif;
use jixiao_core::FieldPath;
use jixiao_report::{Same, ScenarioProps};
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
    html! {
        <ScenarioView doc={Rc::clone(&state.doc)} eval={Rc::clone(&state.eval)} lang={state.lang}
            {recording} seek_path={state.seek_path.clone()} />
    }
}

/// Drawn with the page's own module and evaluation (the single file's build).
#[cfg(feature = "inline-views")]
#[function_component(ScenarioView)]
fn scenario_view(props: &ScenarioProps) -> Html {
    html! {
        <div class="scenarios-host">
            <jixiao_report::ScenarioEditor doc={Rc::clone(&props.doc)} eval={Rc::clone(&props.eval)}
                lang={props.lang} recording={props.recording} seek_path={props.seek_path.clone()} />
        </div>
    }
}

/// Drawn by the module (the served page), which reads and scores the document in its own memory:
/// `props.eval` is not handed over.
#[cfg(not(feature = "inline-views"))]
#[function_component(ScenarioView)]
fn scenario_view(props: &ScenarioProps) -> Html {
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
