//! A view that re-does the whole document (the report, the year-end forecast) follows a large
//! document a moment after typing stops rather than on every keystroke.

use yew::prelude::*;

/// How long after the last change a large document's slower views follow it.
const SETTLE_MS: u32 = 700;

/// `value` (of the document's revision `revision`) as a slower view is to show it: at once where
/// `large` is false; in a large document the one of the last moment the changes stopped, and
/// whether it is behind the document. `None` in a large document until that first moment, where
/// `wait_first` asks for it (the page's first drawing then does not wait for the view).
#[hook]
pub(crate) fn use_settled<T: Clone + 'static>(
    value: T,
    revision: u64,
    large: bool,
    wait_first: bool,
) -> Option<(T, bool)> {
    let snapshot = use_state(|| (!(large && wait_first)).then(|| (value.clone(), revision)));
    {
        let snapshot = snapshot.clone();
        let current = (value.clone(), revision);
        use_effect_with((revision, large), move |(_, large)| {
            let timer = large.then(|| {
                gloo::timers::callback::Timeout::new(SETTLE_MS, move || snapshot.set(Some(current)))
            });
            move || drop(timer)
        });
    }
    if !large {
        return Some((value, false));
    }
    (*snapshot)
        .clone()
        .map(|(value, at)| (value, at != revision))
}
