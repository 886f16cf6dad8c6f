//! A workbook's sheets as grids of text: `.xlsx` and legacy `.xls` (calamine), merged cells
//! filled from their top-left cell, numbers written out exactly as the cell holds them. Refuses
//! what is not a readable workbook before reading much of it: a password, another kind of file,
//! a ZIP that would inflate past the limit.

use super::error::FormError;
use crate::date::Date;
use crate::grid::{Cell, Grid};
use calamine::{Data, Reader};
use std::io::Cursor;

/// What is inflated from a workbook at most (64 MiB): a larger one is refused, not read.
pub const MAX_INFLATED_BYTES: u64 = 64 * 1024 * 1024;

/// Rows read from one sheet at most.
pub(super) const MAX_ROWS: usize = 200_000;

/// Which kind of file the bytes are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A ZIP container (`.xlsx`, but also `.docx`).
    Zip,
    /// An OLE compound file (`.xls`, or an encrypted `.xlsx`).
    Ole,
}

/// The kind of the bytes, by their first bytes.
pub fn kind(bytes: &[u8]) -> Option<Kind> {
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        Some(Kind::Zip)
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        Some(Kind::Ole)
    } else {
        None
    }
}

/// What a ZIP or compound file holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Container {
    /// A workbook (`.xlsx`, `.xls`).
    Workbook,
    /// A Word document (`.docx`).
    Word,
}

/// What the bytes hold, from the ZIP directory or the compound file's stream names, before
/// anything is inflated: a workbook, a Word report, or one clear error.
pub(crate) fn container(bytes: &[u8]) -> Result<Container, FormError> {
    match kind(bytes) {
        Some(Kind::Zip) => check_zip(bytes),
        Some(Kind::Ole) => {
            if ole_has(bytes, "EncryptionInfo") || ole_has(bytes, "EncryptedPackage") {
                Err(FormError::Password)
            } else if ole_has(bytes, "WordDocument") || ole_has(bytes, "WpsContent") {
                Err(FormError::OldDocument)
            } else {
                Ok(Container::Workbook)
            }
        }
        None if bytes.starts_with(b"{\\rtf") => Err(FormError::OldDocument),
        None => Err(FormError::NotAWorkbook),
    }
}

/// Every sheet of the workbook in `bytes`, as grids.
pub(super) fn read_grids(bytes: &[u8]) -> Result<Vec<Grid>, FormError> {
    match kind(bytes) {
        Some(Kind::Zip) => {
            if check_zip(bytes)? != Container::Workbook {
                return Err(FormError::NotAWorkbook);
            }
            let mut book =
                calamine::Xlsx::new(Cursor::new(bytes)).map_err(|e| FormError::Unreadable {
                    detail: e.to_string(),
                })?;
            Ok(sheets(&mut book, |b, name| {
                b.merge_cells_by_sheet_name(name).unwrap_or_default()
            }))
        }
        Some(Kind::Ole) => {
            if ole_has(bytes, "EncryptionInfo") || ole_has(bytes, "EncryptedPackage") {
                return Err(FormError::Password);
            }
            // The compound file's sectors are whole (512 or 4096 bytes): a truncated file is padded
            // to a whole sector, since the reader asserts (panics) on a short one.
            let whole = padded(bytes, 4096);
            let mut book =
                calamine::Xls::new(Cursor::new(whole.as_slice())).map_err(|e| match e {
                    calamine::XlsError::Password => FormError::Password,
                    other => FormError::Unreadable {
                        detail: other.to_string(),
                    },
                })?;
            Ok(sheets(&mut book, |b, name| {
                b.merge_cells_by_sheet_name(name).unwrap_or_default()
            }))
        }
        None => Err(FormError::NotAWorkbook),
    }
}

/// Every readable sheet of a workbook as a grid, with its merged cells (asked of `merged`, since
/// the two readers give them differently).
fn sheets<RS, B: Reader<RS>>(
    book: &mut B,
    merged: impl Fn(&mut B, &str) -> Vec<calamine::Dimensions>,
) -> Vec<Grid>
where
    RS: std::io::Read + std::io::Seek,
{
    let names = book.sheet_names();
    let mut grids = Vec::with_capacity(names.len());
    for name in names {
        let Ok(range) = book.worksheet_range(&name) else {
            continue;
        };
        let cells = merged(book, &name);
        grids.push(grid(name, &range, &cells));
    }
    grids
}

/// The bytes, zero-padded to a multiple of `sector`.
fn padded(bytes: &[u8], sector: usize) -> Vec<u8> {
    let mut whole = bytes.to_vec();
    let short = bytes.len().checked_rem(sector).unwrap_or(0);
    if short != 0 {
        whole.resize(bytes.len().saturating_add(sector.saturating_sub(short)), 0);
    }
    whole
}

/// Whether an OLE file names a stream (UTF-16 in its directory).
fn ole_has(bytes: &[u8], stream: &str) -> bool {
    let wide: Vec<u8> = stream.encode_utf16().flat_map(u16::to_le_bytes).collect();
    bytes.windows(wide.len()).any(|w| w == wide.as_slice())
}

/// Refuses a ZIP that is neither a workbook nor a Word document, or that would inflate past
/// [`MAX_INFLATED_BYTES`] (a zip bomb), from its directory, before anything is inflated.
fn check_zip(bytes: &[u8]) -> Result<Container, FormError> {
    let mut archive =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| FormError::Unreadable {
            detail: e.to_string(),
        })?;
    let mut total: u64 = 0;
    let mut workbook = false;
    let mut word = false;
    for i in 0..archive.len() {
        let Ok(file) = archive.by_index_raw(i) else {
            continue;
        };
        total = total.saturating_add(file.size());
        workbook |= file.name().is_ok_and(|n| n == "xl/workbook.xml");
        word |= file
            .name()
            .is_ok_and(|n| n == "word/document.xml" || n.starts_with("word/document"));
    }
    if total > MAX_INFLATED_BYTES {
        return Err(FormError::TooLarge {
            bytes: total,
            limit: MAX_INFLATED_BYTES,
        });
    }
    if workbook {
        Ok(Container::Workbook)
    } else if word {
        Ok(Container::Word)
    } else {
        Err(FormError::NotAWorkbook)
    }
}

fn grid(name: String, range: &calamine::Range<Data>, merged: &[calamine::Dimensions]) -> Grid {
    let (height, width) = range.get_size();
    let (row0, col0) = range.start().unwrap_or((0, 0));
    let (row0, col0) = (row0 as usize, col0 as usize);
    let height = height.min(MAX_ROWS);
    let width = width.min(200);
    let total_rows = row0.saturating_add(height);
    let total_cols = col0.saturating_add(width);
    let mut rows: Vec<Vec<Cell>> = vec![vec![Cell::default(); total_cols]; total_rows];
    for (r, row) in range.rows().take(height).enumerate() {
        for (c, data) in row.iter().take(width).enumerate() {
            if let Some(cell) = rows
                .get_mut(row0.saturating_add(r))
                .and_then(|row| row.get_mut(col0.saturating_add(c)))
            {
                *cell = cell_of(data);
            }
        }
    }
    for m in merged {
        let (top, left) = (m.start.0 as usize, m.start.1 as usize);
        let (bottom, right) = (m.end.0 as usize, m.end.1 as usize);
        let Some(first) = rows.get(top).and_then(|r| r.get(left)).cloned() else {
            continue;
        };
        for r in top..=bottom.min(total_rows.saturating_sub(1)) {
            for c in left..=right.min(total_cols.saturating_sub(1)) {
                if let Some(cell) = rows.get_mut(r).and_then(|row| row.get_mut(c)) {
                    if cell.text.is_empty() {
                        *cell = first.clone();
                    }
                }
            }
        }
    }
    Grid { name, rows }
}

fn cell_of(data: &Data) -> Cell {
    let text = |s: String| Cell {
        text: s,
        number: false,
    };
    match data {
        Data::Empty | Data::Error(_) => Cell::default(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => text(s.trim().to_string()),
        Data::Bool(b) => text(if *b { "是" } else { "否" }.into()),
        Data::Int(i) => Cell {
            text: i.to_string(),
            number: true,
        },
        Data::Float(f) => Cell {
            text: float_text(*f),
            number: true,
        },
        Data::DateTime(d) => {
            let serial = d.as_f64();
            let date = (1.0..3_000_000.0)
                .contains(&serial)
                .then(|| Date::from_serial(serial.floor() as u32))
                .flatten();
            match date {
                Some(date) => text(date.to_string()),
                None => Cell {
                    text: float_text(serial),
                    number: true,
                },
            }
        }
    }
}

/// A float as the shortest decimal that reads back to it (`0.8427`, not `0.84269999…`).
fn float_text(f: f64) -> String {
    if f.is_finite() {
        let s = format!("{f}");
        s.strip_suffix(".0").map_or(s.clone(), str::to_string)
    } else {
        String::new()
    }
}
