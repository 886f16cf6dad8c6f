//! jixiao-core: the scoring core of 绩效自评计算器 (project performance self-evaluation).
//!
//! Pure Rust with no web or I/O dependency: the model of a `jixiao/1` document, the scoring
//! rules of `SCORING.md` in exact decimals, the findings of the audit, the file format, and the
//! results as JSON. The command line and the web page are thin layers over it.

#![warn(missing_docs, unreachable_pub)]
#![forbid(unsafe_code)]
// Evaluation never panics: arithmetic is checked, indexing goes through `get`, nothing unwraps.
#![cfg_attr(
    not(test),
    deny(clippy::arithmetic_side_effects, clippy::indexing_slicing)
)]
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

pub mod audit;
pub mod chart;
pub mod claims;
pub mod csv;
pub mod date;
pub mod docx;
pub mod draft;
pub mod findings;
pub mod form;
pub mod format;
mod formula;
mod grid;
pub mod import;
pub mod message;
pub mod model;
pub mod monitoring;
pub mod number;
pub mod path;
pub mod report;
pub mod scoring;
pub mod tables;
pub mod templates;
pub mod text;
pub mod whatif;
pub mod written;
pub mod xlsx;
mod xml;
mod zip;

pub use audit::audit;
pub use findings::{Finding, Level, Problem};
pub use format::{read_bytes, read_str, to_string_pretty, LoadError, FORMAT};
pub use message::{Lang, Message};
pub use model::Document;
pub use number::{Num, NumError};
pub use path::{FieldPath, PathError};
pub use rust_decimal::Decimal;
pub use scoring::Evaluation;
