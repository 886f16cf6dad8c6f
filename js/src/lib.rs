//! The jixiao scoring core as a JavaScript module, for other government web systems and Node:
//!
//! ```js
//! import init, { score, check, seek } from './jixiao.js';
//! await init();                       // in Node: await init({ module_or_path: bytesOfTheWasm })
//! const results = score(doc);         // doc: a jixiao/1 object or its JSON text
//! const findings = check(doc);
//! const answer = seek(doc, 'budget/b3/spent', { full: true });   // or { grade: '优' } / { total: 90 }
//! ```
//!
//! Documents cross the boundary as JSON (objects are `JSON.stringify`-ed), so that decimals given
//! as strings stay exact and the results' numbers are plain JS numbers and strings; the goal of
//! `seek` is read with serde-wasm-bindgen.

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

use jixiao_core::Goal;
use jixiao_core::{audit, read_str, Document, Lang};
use jixiao_core::{finding_json, results_of, seek_json, FindingOut};
use serde::Deserialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
/** A jixiao/1 document (see `docs/REFERENCE.md`); decimals are best given as strings. */
export interface JixiaoDocument { format: "jixiao/1"; [field: string]: unknown; }
export interface Finding { level: "error" | "warning"; code: string; path: string; message: string; message_zh: string; message_en: string; }
export interface ScoreResult {
  total: string; max_points: string; percent: string; grade: string | null;
  budget: { planned: string; received: string; spent: string; balance: string; execution_rate: string | null; arrival_rate: string | null;
            lines: { id: string; planned: string; received: string; spent: string; balance: string; execution_rate: string | null }[] };
  surveys: { id: string; satisfaction: string | null; weakest: string | null; questions: { id: string; responses: number; satisfaction: string | null }[] }[];
  indicators: { id: string; points: string; score: string; completion: string }[];
  groups: { id: string; points: string; score: string }[];
  lost: { id: string; name: string; group: string; points: string; score: string; lost: string }[];
  errors: number; warnings: number; findings: Finding[];
}
export type SeekGoal = { grade: string } | { total: number | string } | { full: true };
export interface SeekResult { path: string; goal: string; status: "found" | "unreachable"; current: string; value: string | null;
  direction?: "at_least" | "at_most"; method?: "exact" | "bisection"; precision?: string; already_met?: boolean;
  result?: { total: string; percent: string; grade: string | null }; best_total?: string; message: string; }
"#;

fn lang(lang: Option<String>) -> Lang {
    match lang.as_deref() {
        Some("en") => Lang::En,
        _ => Lang::Zh,
    }
}

/// A document from a JS object or JSON text; a clear error naming the place otherwise.
fn document(doc: &JsValue) -> Result<Document, JsError> {
    let text = match doc.as_string() {
        Some(text) => text,
        None => js_sys::JSON::stringify(doc)
            .map_err(|_| JsError::new("the document cannot be turned into JSON"))?
            .as_string()
            .unwrap_or_default(),
    };
    read_str(&text).map_err(|e| JsError::new(&e.to_string()))
}

fn to_js(value: &impl serde::Serialize) -> Result<JsValue, JsError> {
    let text =
        serde_json::to_string(value).map_err(|_| JsError::new("internal: results are not JSON"))?;
    js_sys::JSON::parse(&text).map_err(|_| JsError::new("internal: results are not JSON"))
}

/// Scores a document: the same results as `jixiao score` prints.
#[wasm_bindgen(unchecked_return_type = "ScoreResult")]
pub fn score(
    #[wasm_bindgen(unchecked_param_type = "JixiaoDocument | string")] doc: JsValue,
    language: Option<String>,
) -> Result<JsValue, JsError> {
    let doc = document(&doc)?;
    let eval = audit(&doc);
    to_js(&results_of(&doc, &eval, lang(language)))
}

/// The findings of a document (errors first).
#[wasm_bindgen(unchecked_return_type = "Finding[]")]
pub fn check(
    #[wasm_bindgen(unchecked_param_type = "JixiaoDocument | string")] doc: JsValue,
    language: Option<String>,
) -> Result<JsValue, JsError> {
    let doc = document(&doc)?;
    let eval = audit(&doc);
    let findings: Vec<FindingOut> = eval
        .findings
        .iter()
        .map(|f| finding_json(f, lang(language.clone())))
        .collect();
    to_js(&findings)
}

#[derive(Deserialize)]
#[serde(untagged)]
enum TotalValue {
    Number(f64),
    Text(String),
}

#[derive(Deserialize)]
struct GoalArg {
    grade: Option<String>,
    total: Option<TotalValue>,
    #[serde(default)]
    full: bool,
}

/// 需要多少: the value of the field at `path` that reaches the goal.
#[wasm_bindgen(unchecked_return_type = "SeekResult")]
pub fn seek(
    #[wasm_bindgen(unchecked_param_type = "JixiaoDocument | string")] doc: JsValue,
    path: &str,
    #[wasm_bindgen(unchecked_param_type = "SeekGoal")] goal: JsValue,
) -> Result<JsValue, JsError> {
    let doc = document(&doc)?;
    let arg: GoalArg =
        serde_wasm_bindgen::from_value(goal).map_err(|e| JsError::new(&format!("goal: {e}")))?;
    let goal = match (arg.grade, arg.total, arg.full) {
        (Some(g), _, _) => Goal::Grade(g),
        (_, Some(t), _) => {
            let text = match t {
                TotalValue::Number(n) => n.to_string(),
                TotalValue::Text(s) => s,
            };
            Goal::Total(
                jixiao_core::parse_decimal(&text)
                    .map_err(|_| JsError::new("goal.total is not a number"))?,
            )
        }
        (_, _, true) => Goal::Full,
        _ => {
            return Err(JsError::new(
                "goal: give { grade }, { total } or { full: true }",
            ))
        }
    };
    let path: jixiao_core::FieldPath = path
        .parse()
        .map_err(|e: jixiao_core::PathError| JsError::new(&e.to_string()))?;
    let answer = jixiao_core::seek(&doc, &path, &goal).map_err(|e| JsError::new(&e.to_string()))?;
    let value = seek_json(&doc, &path, &goal, &answer, Lang::Zh);
    to_js(&value)
}
