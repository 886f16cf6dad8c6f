//! The same work open in another tab: every tab saves what it shows, so the last change wins;
//! say so when the other tab saves.

use super::super::storage;
use crate::state::{Action, AppState, Notice};
use yew::prelude::*;

#[hook]
pub(crate) fn use_other_tab(dispatcher: UseReducerDispatcher<AppState>) {
    use_effect_with((), move |_| {
        let listener =
            gloo::events::EventListener::new(&gloo::utils::window(), "storage", move |e| {
                let key = js_sys::Reflect::get(e, &wasm_bindgen::JsValue::from_str("key"))
                    .ok()
                    .and_then(|k| k.as_string());
                if key.as_deref() == Some(storage::AUTOSAVE_KEY) {
                    dispatcher.dispatch(Action::Notify(Notice::OtherTabSaved));
                }
            });
        move || drop(listener)
    });
}
