//! The results as JSON: what `jixiao score` prints and what an export carries under `results`.
//! Scores and rates are strings rounded half-up to 2 decimals; money sums are exact strings.
//!
//! The results are typed views over the evaluation that serialise straight to their writer: each
//! list is walked while it is written, so a document of 20,000 indicators is never held as a
//! JSON tree (`jixiao score` streams it to standard output).

mod monitor;
mod results;

pub use monitor::monitor;
pub use results::{export, finding, results, results_of, seek, FindingOut, Results};
