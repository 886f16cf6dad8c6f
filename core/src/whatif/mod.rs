//! Planning: what-if scenarios, goal seeking (需要多少) and the next year (下一年度).

pub(crate) mod answer;
mod next_year;
pub(crate) mod paths;
pub(crate) mod scenario;
pub mod seek;

pub use answer::SeekText;
pub use next_year::{next_year, NextYear, Reconsider};
pub use paths::{numeric_paths, round_paths};
pub use scenario::{apply, compare, compare_all_in, diff, ChangeOutcome, Outcome, Summary};
pub use seek::{seek, Direction, Goal, Method, Seek, SeekError};
