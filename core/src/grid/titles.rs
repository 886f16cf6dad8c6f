//! The one title matcher for tables: a cell's text normalised (no spaces, full-width folded) and
//! tested; the first cell or column whose title passes. Every reader (the 自评表, the 执行监控表,
//! a pasted block, a Word report's tables) finds columns with it.

use super::cells::Grid;
use crate::text::normalise;
use crate::written::{read_written, Written};
use rust_decimal::Decimal;

/// The text of a cell, normalised for matching titles (no spaces or line breaks).
pub(crate) fn key(grid: &Grid, r: usize, c: usize) -> String {
    normalise(grid.text(r, c))
}

/// The first cell (row, column) whose title satisfies `pred`, searching rows from `from`.
pub(crate) fn find(
    grid: &Grid,
    from: usize,
    pred: impl Fn(&str) -> bool,
) -> Option<(usize, usize)> {
    let width = grid.width();
    (from..grid.rows.len())
        .find_map(|r| (0..width).find(|&c| pred(&key(grid, r, c))).map(|c| (r, c)))
}

/// The first column of row `r` whose title satisfies `pred`.
pub(crate) fn first_col(grid: &Grid, r: usize, pred: impl Fn(&str) -> bool) -> Option<usize> {
    (0..grid.width()).find(|&c| pred(&key(grid, r, c)))
}

/// The digits written right before byte `at` of `text` (`2022` of `2022年度`).
pub(crate) fn digits_before(text: &str, at: usize) -> String {
    let lead = text.get(..at).unwrap_or_default();
    let start = lead
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_ascii_digit())
        .last()
        .map_or(lead.len(), |(i, _)| i);
    lead.get(start..).unwrap_or_default().to_string()
}

/// The figure in a cell as written (`10`, `10分`, `—` is none).
pub(crate) fn figure(text: &str) -> Option<Decimal> {
    match read_written(text, None) {
        Written::Number { value, .. } => Some(value),
        _ => None,
    }
}
