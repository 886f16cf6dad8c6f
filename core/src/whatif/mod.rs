//! Planning: what-if scenarios, goal seeking (需要多少) and where the points went (失分分析).

pub mod answer;
pub mod lost;
pub mod paths;
pub mod scenario;
pub mod seek;

pub use answer::SeekText;
pub use lost::{lost_points, Lost};
pub use paths::{numeric_paths, round_paths};
pub use scenario::{apply, compare, compare_all_in, diff, Outcome, Summary};
pub use seek::{seek, Direction, Goal, Method, Seek, SeekError};
