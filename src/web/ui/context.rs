//! What every component shares: the reducer over [`AppState`], the host of the field helpers
//! (language, a way to send actions, the findings by path) and the context that carries them.

use super::fields::{FindingIndex, RowKey};
use crate::state::{Action, AppState};
use jixiao_core::Lang;
use std::rc::Rc;
use yew::prelude::*;

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        if self.is_noop(&action) {
            return self;
        }
        let next = Rc::new(self.apply(action));
        // The state before (its document and evaluation) is freed after the frame is painted.
        super::after_paint::drop_after_paint(self);
        next
    }
}

/// What the field helpers need: the language, a way to send actions, the findings by path. A
/// leaf row gets one with only its own findings, so that unchanged rows are not rendered again.
#[derive(Clone, PartialEq)]
pub(crate) struct Host {
    pub lang: Lang,
    pub send: Callback<Action>,
    pub findings: Rc<FindingIndex>,
}

impl Host {
    pub(crate) fn lang(&self) -> Lang {
        self.lang
    }

    pub(crate) fn send(&self, action: Action) {
        self.send.emit(action);
    }

    /// A callback that turns an event into an action.
    pub(crate) fn on<E: 'static>(&self, f: impl Fn(E) -> Action + 'static) -> Callback<E> {
        let send = self.send.clone();
        Callback::from(move |e: E| send.emit(f(e)))
    }

    /// The same host with only the findings of one indicator.
    pub(crate) fn for_indicator(&self, id: &str) -> Host {
        self.for_row(&RowKey::Indicator(id.to_string()))
    }

    /// The same host with only the findings of one row.
    pub(crate) fn for_row(&self, key: &RowKey) -> Host {
        Host {
            lang: self.lang,
            send: self.send.clone(),
            findings: self.findings.for_row(key),
        }
    }
}

/// What every component reads: the state, and the host of the field helpers.
#[derive(Clone)]
pub(crate) struct Ctx {
    pub state: UseReducerHandle<AppState>,
    pub host: Host,
}

impl PartialEq for Ctx {
    fn eq(&self, other: &Ctx) -> bool {
        self.state == other.state
            && Rc::ptr_eq(&self.host.findings, &other.host.findings)
            && self.host.lang == other.host.lang
    }
}

impl std::ops::Deref for Ctx {
    type Target = Host;

    fn deref(&self) -> &Host {
        &self.host
    }
}

/// A document with its evaluation, as every view draws them: compared by pointer (comparing
/// contents would walk them), so that a view is drawn again only for another document or
/// evaluation. The one such comparison of the page's props.
#[derive(Clone)]
pub(crate) struct Scored {
    pub doc: Rc<jixiao_core::Document>,
    pub eval: Rc<jixiao_core::Evaluation>,
}

impl PartialEq for Scored {
    fn eq(&self, other: &Scored) -> bool {
        Rc::ptr_eq(&self.doc, &other.doc) && Rc::ptr_eq(&self.eval, &other.eval)
    }
}

impl Scored {
    /// The state's document and evaluation.
    pub(crate) fn of(state: &AppState) -> Scored {
        Scored {
            doc: Rc::clone(&state.doc),
            eval: Rc::clone(&state.eval),
        }
    }
}

impl Ctx {
    /// The current document and its evaluation.
    pub(crate) fn scored(&self) -> Scored {
        Scored::of(&self.state)
    }
}

/// A document compared by pointer (a memo's or an effect's key: comparing contents would walk
/// it; the key holds the document, so its address cannot be reused by another while compared).
pub(crate) struct Same(pub Rc<jixiao_core::Document>);

impl PartialEq for Same {
    fn eq(&self, other: &Same) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

#[hook]
#[allow(clippy::expect_used)] // Every component is rendered inside App's ContextProvider<Ctx>.
pub fn use_ctx() -> Ctx {
    use_context::<Ctx>().expect("components are rendered inside App")
}
