//! A share link's document (`#d=…`): offered when the page opens and when another link is opened
//! in the same tab; and the served page's offline copy, with a word when it was updated.

use super::super::share;
use crate::state::{Action, AppState};
use yew::prelude::*;

#[hook]
pub(crate) fn use_share_link(dispatcher: UseReducerDispatcher<AppState>) {
    use_effect_with((), move |_| {
        if let Some(notice) = share::serve_offline() {
            dispatcher.dispatch(Action::Notify(notice));
        }
        share::offer_from_address(dispatcher.clone());
        let listener =
            gloo::events::EventListener::new(&gloo::utils::window(), "hashchange", move |_| {
                share::offer_from_address(dispatcher.clone())
            });
        move || drop(listener)
    });
}
