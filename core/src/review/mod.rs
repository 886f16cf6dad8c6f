//! The year's first document reviewed (绩效目标审核): the rules a 申报表 is held to, and a
//! document held to the targets it declared.

mod declared;
mod plan;
mod record;
mod rules;

pub(crate) use declared::held;
pub use declared::{as_declared, declare, AgainstDeclared};
pub use plan::is_plan;
pub use record::{record_declaration, Recorded};
pub use rules::review;
