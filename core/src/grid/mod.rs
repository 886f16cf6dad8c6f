//! Tables as grids of text cells, and the one way their parts are found: by their titles.

mod budget;
mod cells;
mod titles;

pub(crate) use budget::BudgetColumns;
pub(crate) use cells::{Cell, Grid};
pub(crate) use titles::{digits_before, figure, find, first_col, is_footer_row, key};
