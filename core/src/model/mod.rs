//! The self-evaluation as the user wrote it: every field keeps what was typed, so a document with
//! mistakes still loads, is shown, and is scored as far as it can be.

mod budget;
mod category;
mod claimed;
mod document;
mod indicator;
mod matching;
mod monitoring;
mod scenario;
mod survey;
mod targets;
mod tree;

pub use budget::BudgetLine;
pub use category::Category;
pub(crate) use category::TargetTable;
pub use claimed::{Claimed, Printed, PrintedEntry, What};
pub use document::{Document, GradeBand, MonitoringSettings, Settings, DEFAULT_GRADES};
pub use indicator::{Formula, Group, Leaf, Node, Rule, RuleKind, Step, Tier};
pub(crate) use matching::{match_leaf, named_leaves};
pub use monitoring::{Cause, LeafReport, Light, Likelihood, LineReport, Round};
pub use scenario::{Change, Scenario};
pub use survey::{Method, Question, Survey, SurveyOption};
pub use targets::{AnnualFunds, Declared, DeclaredTarget, Funds, TARGET_META};
pub use tree::siblings_mut;
pub(crate) use tree::{leaves, leaves_mut, walk, Visit};

/// Fields of a JSON object that jixiao does not know; kept so that a round trip loses nothing.
pub(crate) type Extra = serde_json::Map<String, serde_json::Value>;
