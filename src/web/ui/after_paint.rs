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

/// Asks for the release after the next painted frame; false where the browser would not.
fn schedule() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let after_frame = wasm_bindgen::closure::Closure::once_into_js(|| {
        let task = wasm_bindgen::closure::Closure::once_into_js(release);
        let asked = web_sys::window()
            .map(|w| {
                w.set_timeout_with_callback(task.unchecked_ref::<js_sys::Function>())
                    .is_ok()
            })
            .unwrap_or(false);
        if !asked {
            release();
        }
    });
    window
        .request_animation_frame(after_frame.unchecked_ref::<js_sys::Function>())
        .is_ok()
}

/// Drops what was held.
fn release() {
    let held = HELD.with(|held| std::mem::take(&mut *held.borrow_mut()));
    drop(held);
}
