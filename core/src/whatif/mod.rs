//! Planning: what-if scenarios and goal seeking (需要多少).

pub(crate) mod answer;
pub(crate) mod paths;
pub(crate) mod scenario;
pub mod seek;

pub use answer::SeekText;
pub use paths::{numeric_paths, round_paths};
pub use scenario::{apply, compare, compare_all_in, diff, ChangeOutcome, Outcome, Summary};
pub use seek::{seek, Direction, Goal, Method, Seek, SeekError};
