//! The jixiao page: a Yew single-page app over the scoring core, built by Trunk for wasm32.
//! The editing model (`edit`, `state`) is plain Rust and tested natively; `ui` is the Yew layer.

// The lints are the workspace's; unit tests, whose assertions panic on purpose, allow these.
#![cfg_attr(
    test,
    allow(
        clippy::arithmetic_side_effects,
        clippy::indexing_slicing,
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic
    )
)]

#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
mod edit;
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
mod layout;
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
mod notices;
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
mod state;
#[cfg(target_arch = "wasm32")]
mod ui;

#[cfg(target_arch = "wasm32")]
fn main() {
    ui::timing::mark("jixiao:main");
    ui::crash::install();
    yew::Renderer::<ui::App>::new().render();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("jixiao-web is the page; build and serve it with scripts/run (Trunk, wasm32).");
    std::process::exit(2);
}
