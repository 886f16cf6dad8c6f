//! The report's copy for the 报告 tab and for printing (Ctrl+P prints it from any tab). A large
//! document (more than LARGE_DOCUMENT_LEAVES indicators) updates it a moment after typing stops
//! rather than on every keystroke: its tables would otherwise hold up each keystroke. The print
//! copy is not kept in the page: it is drawn when the browser is about to print (`beforeprint`,
//! from Ctrl+P, the menu or the 打印 button), from the current document, with every row, and taken
//! away after printing.

use super::super::context::Scored;
use super::super::timing;
use super::settled::use_settled;
use crate::layout::LARGE_DOCUMENT_LEAVES;
use crate::state::AppState;
use gloo::events::EventListener;
use jixiao_core::Document;
use std::rc::Rc;
use yew::prelude::*;

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
    let settled = use_settled(Scored::of(state), state.revision, large, true);
    // Until a large document's first report is drawn, a blank one stands in.
    let blank = use_memo((), |_| {
        let blank = Document::default();
        let eval = Rc::new(jixiao_core::audit(&blank));
        Scored {
            doc: Rc::new(blank),
            eval,
        }
    });
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
    let (scored, behind, ready) = match settled {
        Some((scored, behind)) => (scored, behind, true),
        None => ((*blank).clone(), true, false),
    };
    PrintCopy {
        scored,
        behind,
        ready,
        printing: *printing,
    }
}
