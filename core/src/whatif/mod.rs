//! Planning: what-if scenarios and goal seeking (需要多少).

pub mod answer;
pub mod paths;
pub mod scenario;
pub mod seek;

pub use answer::SeekText;
pub use paths::{numeric_paths, round_paths};
pub use scenario::{apply, compare, compare_all_in, diff, Outcome, Summary};
pub use seek::{seek, Direction, Goal, Method, Seek, SeekError};
