//! The form reader (`.xlsx`, `.xls` 自评表, `.docx` 自评报告) as the page's second WebAssembly module. The page
//! loads it only when a form is first imported, so that the reader (calamine, zip, inflate) does
//! not weigh on every first load. One function: the bytes of a workbook in, a [`FormRead`] out
//! (the page declares the same class as an imported type, `src/web/ui/files.rs`).

// The lints are the workspace's; unit tests, whose assertions panic on purpose, allow these.
#![cfg_attr(
    test,
    allow(
        clippy::arithmetic_side_effects,
        clippy::indexing_slicing,
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic
    )
)]

use jixiao_core::read_form;
use jixiao_core::Message;
use jixiao_core::{ReadNote, ReadSummary};
use wasm_bindgen::prelude::*;

/// What reading a workbook gave: the document (as `jixiao/1` text: it crosses from this
/// module's memory to the page's) with what was read, or why it could not be read.
#[wasm_bindgen]
pub struct FormRead {
    read: Result<(String, ReadSummary), (String, String)>,
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[wasm_bindgen]
impl FormRead {
    /// Whether the workbook was read.
    #[wasm_bindgen(getter)]
    pub fn ok(&self) -> bool {
        self.read.is_ok()
    }

    /// The document read, as `jixiao/1` text (empty when not read).
    #[wasm_bindgen(getter)]
    pub fn document(&self) -> String {
        self.read.as_ref().map(|r| r.0.clone()).unwrap_or_default()
    }

    fn summary(&self) -> Option<&ReadSummary> {
        self.read.as_ref().ok().map(|r| &r.1)
    }

    /// The sheet the form was read from.
    #[wasm_bindgen(getter)]
    pub fn sheet(&self) -> String {
        self.summary().map(|s| s.sheet.clone()).unwrap_or_default()
    }

    /// Budget lines read.
    #[wasm_bindgen(getter)]
    pub fn budget_lines(&self) -> u32 {
        self.summary().map_or(0, |s| count(s.budget_lines))
    }

    /// Indicators read.
    #[wasm_bindgen(getter)]
    pub fn indicators(&self) -> u32 {
        self.summary().map_or(0, |s| count(s.indicators))
    }

    /// Rules inferred from what is written.
    #[wasm_bindgen(getter)]
    pub fn inferred(&self) -> u32 {
        self.summary().map_or(0, |s| count(s.inferred))
    }

    /// Printed figures kept as claims.
    #[wasm_bindgen(getter)]
    pub fn claims(&self) -> u32 {
        self.summary().map_or(0, |s| count(s.claims))
    }

    /// Read from a Word report rather than a workbook.
    #[wasm_bindgen(getter)]
    pub fn report(&self) -> bool {
        self.summary().is_some_and(|s| s.report)
    }

    #[wasm_bindgen(getter)]
    /// Surveys read (a report's 满意度 statistics tables).
    pub fn surveys(&self) -> u32 {
        self.summary().map_or(0, |s| count(s.surveys))
    }

    /// A report with no table jixiao recognises (only its prose is checked).
    #[wasm_bindgen(getter)]
    pub fn no_table(&self) -> bool {
        self.summary()
            .is_some_and(|s| s.notes.contains(&ReadNote::NoTable))
    }

    /// The survey options whose weights the report's 分数 rows did not give, one a line.
    #[wasm_bindgen(getter)]
    pub fn default_weights(&self) -> String {
        self.summary()
            .and_then(|s| {
                s.notes.iter().find_map(|n| match n {
                    ReadNote::DefaultWeights { options } => Some(options.join("\n")),
                    _ => None,
                })
            })
            .unwrap_or_default()
    }

    /// The options a report's survey was found scored by the share of (it did not say so), one
    /// a line; empty when not inferred.
    #[wasm_bindgen(getter)]
    pub fn share_inferred(&self) -> String {
        self.summary()
            .and_then(|s| {
                s.notes.iter().find_map(|n| match n {
                    ReadNote::ShareInferred { options } => Some(options.join("\n")),
                    _ => None,
                })
            })
            .unwrap_or_default()
    }

    /// Read from a 执行监控表: the document holds one monitoring round.
    #[wasm_bindgen(getter)]
    pub fn monitoring(&self) -> bool {
        self.summary().is_some_and(|s| s.round.is_some())
    }

    /// The monitoring round's date (empty when the form says none, or for other forms).
    #[wasm_bindgen(getter)]
    pub fn round_as_of(&self) -> String {
        self.summary()
            .and_then(|s| s.round.clone().flatten())
            .unwrap_or_default()
    }

    /// Read from a 绩效目标申报表: the document's targets are its declaration.
    #[wasm_bindgen(getter)]
    pub fn declaration(&self) -> bool {
        self.summary().is_some_and(|s| s.declaration)
    }

    /// Why the workbook could not be read, in Chinese (empty when read).
    #[wasm_bindgen(getter)]
    pub fn error_zh(&self) -> String {
        self.read
            .as_ref()
            .err()
            .map(|e| e.0.clone())
            .unwrap_or_default()
    }

    /// Why the workbook could not be read, in English (empty when read).
    #[wasm_bindgen(getter)]
    pub fn error_en(&self) -> String {
        self.read
            .as_ref()
            .err()
            .map(|e| e.1.clone())
            .unwrap_or_default()
    }
}

/// Reads a form workbook.
#[wasm_bindgen]
pub fn read(bytes: &[u8]) -> FormRead {
    FormRead {
        read: match read_form(bytes) {
            Ok(read) => Ok((jixiao_core::to_string_pretty(&read.doc), read.summary)),
            Err(e) => Err((e.zh(), e.en())),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_form_reads_and_a_picture_is_refused() {
        let bytes = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../tests/forms/national.xlsx"
        ))
        .unwrap();
        let read = read(&bytes);
        assert!(read.ok());
        assert_eq!(read.indicators(), 9);
        assert!(read.error_zh().is_empty());
        let doc = jixiao_core::read_str(&read.document()).unwrap();
        assert_eq!(doc.meta_text("year"), "2022");
        let refused = super::read(b"\x89PNG\r\n\x1a\n");
        assert!(!refused.ok());
        assert!(refused.document().is_empty());
        assert!(refused.error_zh().contains("不是"));
    }
}
