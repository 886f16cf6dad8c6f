//! The 报告 and 情景 tabs as the page's third WebAssembly module: the 自评表, 预算明细 and
//! 满意度调查 tables, charts, findings and the drafted report text of a document, with its Excel
//! and CSV downloads, the copy button and the print view; and the scenarios beside the base with
//! 需要多少 (goal seeking). The page loads it after its first result is
//! shown (at the first key or pointer press, 0.6 s later, before a print, or when the tab is
//! opened), so that none of it weighs on the first load; see `www/report.js` and
//! `src/web/ui/report.rs`.
//!
//! The page hands it the document as `jixiao/1` text ([`show`], feature `module`); it reads and
//! scores it with the same core and draws into the element it is given, as a Yew app of its own.
//! The page links this crate as well, for what both draw with ([`ReportProps`], [`ScenarioProps`],
//! [`Same`], [`button`], [`call`], [`download_bytes`], [`file_name`]); the single file's build
//! links its views too (the page's feature `inline-views`).

// A panic here would stop the report: checked arithmetic, no indexing, no unwrap.
#![cfg_attr(
    not(test),
    deny(
        clippy::arithmetic_side_effects,
        clippy::indexing_slicing,
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic
    )
)]
#![cfg(target_arch = "wasm32")]

mod actions;
mod charts;
mod files;
#[cfg(feature = "module")]
mod host;
mod page;
mod scenarios;
mod view;

pub use files::{download_bytes, file_name};
pub use page::{button, call, Same};
pub use scenarios::{ScenarioEditor, ScenarioProps};
pub use view::{ReportProps, ReportView};
