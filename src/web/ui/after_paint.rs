//! What a change replaces (the state before it: the document, its evaluation, the findings index)
//! is dropped after the next painted frame rather than inside it: freeing a 10,000-indicator
//! document takes several milliseconds the person typing would otherwise wait for.

use std::any::Any;
use std::cell::RefCell;
use wasm_bindgen::JsCast;

thread_local! {
    /// What waits for the frame to be painted.
    static HELD: RefCell<Vec<Box<dyn Any>>> = const { RefCell::new(Vec::new()) };
}

/// Keeps `value` until the frame after this change has been painted (a `requestAnimationFrame`
/// callback, then a task), then drops it. Where the browser cannot schedule that, it is dropped
/// at once.
pub(crate) fn drop_after_paint(value: impl Any) {
    let first = HELD.with(|held| {
        let mut held = held.borrow_mut();
        held.push(Box::new(value));
        held.len() == 1
    });
    if first && !schedule() {
        release();
    }
}

/// At the latest this long after a change, what it replaced is dropped even where no frame was
/// painted (a hidden page paints none, and what it is sent meanwhile would pile up).
const LATEST_MS: i32 = 1000;

/// Asks for the release after the next painted frame, and at the latest after [`LATEST_MS`];
/// false where the browser would not.
fn schedule() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let after_frame = wasm_bindgen::closure::Closure::once_into_js(|| {
        if !release_in(0) {
            release();
        }
    });
    let framed = window
        .request_animation_frame(after_frame.unchecked_ref::<js_sys::Function>())
        .is_ok();
    framed && release_in(LATEST_MS)
}

/// Asks for the release in a task `ms` from now; whether the browser took it.
fn release_in(ms: i32) -> bool {
    let task = wasm_bindgen::closure::Closure::once_into_js(release);
    web_sys::window().is_some_and(|w| {
        w.set_timeout_with_callback_and_timeout_and_arguments_0(
            task.unchecked_ref::<js_sys::Function>(),
            ms,
        )
        .is_ok()
    })
}

/// Drops what was held.
fn release() {
    let held = HELD.with(|held| std::mem::take(&mut *held.borrow_mut()));
    drop(held);
}
