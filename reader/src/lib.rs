//! The form reader (`.xlsx`, `.xls` 自评表) as the page's second WebAssembly module. The page
//! loads it only when a form is first imported, so that the reader (calamine, zip, inflate) does
//! not weigh on every first load. One function: the bytes of a workbook in, JSON out.
//!
//! ```text
//! { "ok": true, "document": "<jixiao/1 text>", "summary": { "sheet", "budget_lines",
//!   "indicators", "inferred", "claims" } }
//! { "ok": false, "zh": "…", "en": "…" }
//! ```

// A panic here would kill the page: checked arithmetic, no indexing, no unwrap.
#![cfg_attr(
    not(test),
    deny(
        clippy::arithmetic_side_effects,
        clippy::indexing_slicing,
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic
    )
)]

use jixiao_core::form::read_form;
use jixiao_core::Message;
use serde_json::json;
use wasm_bindgen::prelude::*;

/// Reads a form workbook; the answer is JSON (see the module's documentation).
#[wasm_bindgen]
pub fn read(bytes: &[u8]) -> String {
    answer(bytes).to_string()
}

fn answer(bytes: &[u8]) -> serde_json::Value {
    match read_form(bytes) {
        Ok(read) => json!({
            "ok": true,
            "document": jixiao_core::to_string_pretty(&read.doc),
            "summary": {
                "sheet": read.summary.sheet,
                "budget_lines": read.summary.budget_lines,
                "indicators": read.summary.indicators,
                "inferred": read.summary.inferred,
                "claims": read.summary.claims,
            },
        }),
        Err(e) => json!({"ok": false, "zh": e.zh(), "en": e.en()}),
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
        let v = answer(&bytes);
        assert_eq!(v["ok"], true);
        assert_eq!(v["summary"]["indicators"], 9);
        let doc = jixiao_core::read_str(v["document"].as_str().unwrap()).unwrap();
        assert_eq!(doc.meta_text("year"), "2022");
        let v = answer(b"\x89PNG\r\n\x1a\n");
        assert_eq!(v["ok"], false);
        assert!(v["zh"].as_str().unwrap().contains("不是"));
    }
}
