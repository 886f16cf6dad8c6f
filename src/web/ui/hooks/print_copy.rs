//! The report's copy for the 报告 tab and for printing (Ctrl+P prints it from any tab). A large
//! document (more than LARGE_DOCUMENT_LEAVES indicators) updates it a moment after typing stops
//! rather than on every keystroke: its tables would otherwise hold up each keystroke. The hidden
//! print copy is not needed for the first result: it is drawn just after it.

use super::super::context::Scored;
use super::super::timing;
use crate::layout::LARGE_DOCUMENT_LEAVES;
use crate::state::AppState;
use jixiao_core::Document;
use std::rc::Rc;
use yew::prelude::*;

/// How long after the last change a large document's report is drawn again.
const REPORT_DELAY_MS: u32 = 700;

/// The report as drawn: the current document's, or for a large document the one of a moment
/// ago (`behind`), or none yet (`!ready`); and whether the hidden print copy may be drawn.
#[derive(Clone, PartialEq)]
pub(crate) struct PrintCopy {
    pub(crate) scored: Scored,
    pub(crate) behind: bool,
    pub(crate) ready: bool,
    pub(crate) print_ready: bool,
}

#[hook]
pub(crate) fn use_print_copy(state: &UseReducerHandle<AppState>) -> PrintCopy {
    let large = state.eval.leaves.len() > LARGE_DOCUMENT_LEAVES;
    let snapshot = use_state(|| {
        if large {
            // Filled in a moment after the page first shows, not before.
            let blank = Document::default();
            let eval = Rc::new(jixiao_core::audit(&blank));
            let blank = Scored {
                doc: Rc::new(blank),
                eval,
            };
            (blank, None)
        } else {
            (Scored::of(state), Some(state.revision))
        }
    });
    {
        let snapshot = snapshot.clone();
        let current = (Scored::of(state), Some(state.revision));
        use_effect_with((state.revision, large), move |(_, large)| {
            let timer = large.then(|| {
                gloo::timers::callback::Timeout::new(REPORT_DELAY_MS, move || snapshot.set(current))
            });
            move || drop(timer)
        });
    }
    let print_ready = use_state_eq(|| false);
    {
        let print_ready = print_ready.clone();
        use_effect_with((), move |_| {
            timing::mark("jixiao:rendered");
            let timer = gloo::timers::callback::Timeout::new(0, move || print_ready.set(true));
            move || drop(timer)
        });
    }
    let (scored, revision) = if large {
        (*snapshot).clone()
    } else {
        (Scored::of(state), Some(state.revision))
    };
    PrintCopy {
        scored,
        behind: revision != Some(state.revision),
        ready: revision.is_some(),
        print_ready: *print_ready,
    }
}
