//! Autosave: every change of the document is saved in this browser; a large document a moment
//! after the last change (its saving would otherwise delay the keystroke that changed it), and at
//! once when the page is hidden, reloaded or closed.

use super::super::storage;
use crate::layout::LARGE_DOCUMENT_LEAVES;
use crate::state::{Action, AppState, Notice};
use jixiao_core::Document;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// How long after the last change a large document is saved.
const AUTOSAVE_DELAY_MS: u32 = 250;

/// Saves the document not saved yet, if any; says so if the browser refuses.
fn save(unsaved: &RefCell<Option<Rc<Document>>>, dispatcher: &UseReducerDispatcher<AppState>) {
    let Some(doc) = unsaved.borrow_mut().take() else {
        return;
    };
    let text = jixiao_core::to_value(&doc).to_string();
    if !storage::set(storage::AUTOSAVE_KEY, &text) && !super::super::crash::panicked() {
        dispatcher.dispatch(Action::Notify(Notice::StorageRefused));
    }
}

#[hook]
pub(crate) fn use_autosave(state: &UseReducerHandle<AppState>) {
    let unsaved = use_mut_ref(|| None::<Rc<Document>>);
    {
        let state = state.clone();
        let unsaved = unsaved.clone();
        let large = state.eval.leaves.len() > LARGE_DOCUMENT_LEAVES;
        use_effect_with(state.revision, move |revision| {
            let dispatcher = state.dispatcher();
            let mut timer = None;
            if *revision > 0 {
                *unsaved.borrow_mut() = Some(state.doc.clone());
                if large {
                    timer = Some(gloo::timers::callback::Timeout::new(
                        AUTOSAVE_DELAY_MS,
                        move || save(&unsaved, &dispatcher),
                    ));
                } else {
                    save(&unsaved, &dispatcher);
                }
            }
            // A newer change cancels the timer and sets its own.
            move || drop(timer)
        });
    }
    let dispatcher = state.dispatcher();
    use_effect_with((), move |_| {
        let (hide, hidden) = (unsaved.clone(), dispatcher.clone());
        let on_hide =
            gloo::events::EventListener::new(&gloo::utils::window(), "pagehide", move |_| {
                save(&hide, &hidden)
            });
        let on_visibility = gloo::events::EventListener::new(
            &gloo::utils::document(),
            "visibilitychange",
            move |_| {
                if gloo::utils::document().hidden() {
                    save(&unsaved, &dispatcher)
                }
            },
        );
        move || drop((on_hide, on_visibility))
    });
}
