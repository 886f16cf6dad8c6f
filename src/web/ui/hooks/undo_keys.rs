//! Ctrl+Z / Ctrl+Shift+Z (and Ctrl+Y) undo and redo across all edits, wherever the focus is.

use crate::state::{Action, AppState};
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[hook]
pub(crate) fn use_undo_keys(dispatcher: UseReducerDispatcher<AppState>) {
    use_effect_with((), move |_| {
        let options = gloo::events::EventListenerOptions::enable_prevent_default();
        let listener = gloo::events::EventListener::new_with_options(
            &gloo::utils::document(),
            "keydown",
            options,
            move |e| {
                let e = e.unchecked_ref::<web_sys::KeyboardEvent>();
                if !(e.ctrl_key() || e.meta_key()) {
                    return;
                }
                let action = match (e.key().to_lowercase().as_str(), e.shift_key()) {
                    ("z", false) => Action::Undo,
                    ("z", true) | ("y", _) => Action::Redo,
                    _ => return,
                };
                e.prevent_default();
                dispatcher.dispatch(action);
            },
        );
        move || drop(listener)
    });
}
