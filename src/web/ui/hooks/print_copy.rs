//! The report's copy for the 报告 tab and for printing (Ctrl+P prints it from any tab). A large
//! document (more than LARGE_DOCUMENT_LEAVES indicators) updates it a moment after typing stops
//! rather than on every keystroke: its tables would otherwise hold up each keystroke. The print
//! copy is not kept in the page: it is drawn when the browser is about to print (`beforeprint`,
//! from Ctrl+P, the menu or the 打印 button), from the current document, with every row, and taken
//! away after printing.

use super::super::context::Scored;
use super::super::timing;
use crate::layout::LARGE_DOCUMENT_LEAVES;
use crate::state::AppState;
use gloo::events::EventListener;
use jixiao_core::Document;
use std::rc::Rc;
use yew::prelude::*;

/// How long after the last change a large document's report is drawn again.
const REPORT_DELAY_MS: u32 = 700;

/// The report as drawn: the current document's, or for a large document the one of a moment
/// ago (`behind`), or none yet (`!ready`); and whether the browser is printing (the print copy
/// is drawn then).
#[derive(Clone, PartialEq)]
pub(crate) struct PrintCopy {
    pub(crate) scored: Scored,
    pub(crate) behind: bool,
    pub(crate) ready: bool,
    pub(crate) printing: bool,
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
    let printing = use_state_eq(|| false);
    {
        let printing = printing.clone();
        use_effect_with((), move |_| {
            timing::mark("jixiao:rendered");
            let window = gloo::utils::window();
            let (before, after) = (printing.clone(), printing);
            let listeners = [
                EventListener::new(&window, "beforeprint", move |_| before.set(true)),
                EventListener::new(&window, "afterprint", move |_| after.set(false)),
            ];
            move || drop(listeners)
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
        printing: *printing,
    }
}
