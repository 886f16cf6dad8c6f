//! Start-up marks on the browser's performance timeline (`performance.mark`), which
//! `scripts/bench-load` reads to break a start-up down: the module running, the saved work read
//! and scored, the first render done.

/// Marks `name` now; nothing where the browser has no performance timeline.
pub(crate) fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}
