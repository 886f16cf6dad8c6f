//! A table as a grid of text cells: a workbook's sheet, a Word report's table, a block pasted
//! from Excel or WPS. The readers find their parts in it by titles, never by positions.

/// One cell's text and whether it came from a number cell (so `0.8427` can be a percentage).
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Cell {
    /// The text as shown (numbers written out, dates as `2022-11-30`).
    pub(crate) text: String,
    /// The cell held a number.
    pub(crate) number: bool,
}

/// A sheet: its name and rows of cells.
#[derive(Clone, Debug, Default)]
pub(crate) struct Grid {
    /// The sheet's name.
    pub(crate) name: String,
    /// Rows of cells, padded to the same width.
    pub(crate) rows: Vec<Vec<Cell>>,
}

impl Grid {
    /// The cell at (row, column), or an empty one.
    pub(crate) fn at(&self, row: usize, col: usize) -> &Cell {
        static EMPTY: Cell = Cell {
            text: String::new(),
            number: false,
        };
        self.rows
            .get(row)
            .and_then(|r| r.get(col))
            .unwrap_or(&EMPTY)
    }

    /// The text at (row, column).
    pub(crate) fn text(&self, row: usize, col: usize) -> &str {
        &self.at(row, col).text
    }

    /// How many columns the widest row has.
    pub(crate) fn width(&self) -> usize {
        self.rows.iter().map(Vec::len).max().unwrap_or(0)
    }
}
