//! The Yew layer: one reducer state (`crate::state`), small components reading it from context.

mod app;
mod budget;
mod charts;
mod context;
pub mod crash;
mod fields;
mod files;
mod i18n;
mod indicators;
mod monitoring;
mod report;
mod results;
mod scenarios;
mod settings;
mod share;
mod sheet;
mod storage;
mod surveys;
pub mod timing;
mod toolbar;

pub use app::App;
pub use context::{use_ctx, Ctx, Host};
