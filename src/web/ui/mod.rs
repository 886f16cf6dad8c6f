//! The Yew layer: one reducer state (`crate::state`), small components reading it from context.

mod after_paint;
mod app;
mod budget;
mod charts;
mod clipboard;
mod context;
pub(crate) mod crash;
mod fields;
mod files;
mod hooks;
mod i18n;
mod indicators;
mod monitoring;
mod report;
mod results;
mod round_table;
mod scenarios;
mod settings;
mod share;
mod sheet;
mod storage;
mod surveys;
mod targets;
pub(crate) mod timing;
mod toolbar;
mod window;

pub(crate) use app::App;
pub(crate) use context::{use_ctx, Ctx, Host, Scored};
