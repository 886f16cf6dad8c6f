//! Figures a printed report claims, held against the computed ones: the figures a file claims by
//! name (`claimed.total`, `grade`, `execution_rate`, `satisfaction`, `scores`) and every figure
//! read from a Word report (`claimed.printed`), compared the one way. The seed's 84.28% and
//! 97.47 are exactly what this catches.

mod check;
mod computed;
mod verdict;

pub(crate) use check::check;
pub use verdict::Verdict;
