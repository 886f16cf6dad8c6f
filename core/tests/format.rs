//! The `jixiao/1` file format: numbers in, strings out, unknown fields kept, format checked.
// A test's failing assertion panics on purpose: the workspace's no-panic lints are for the
// code that runs on what a file holds.
#![allow(
    clippy::arithmetic_side_effects,
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    unreachable_pub,
    missing_docs
)]

mod common;
use common::*;
use jixiao_core::export_json;
use jixiao_core::{audit, Lang};
use jixiao_core::{read_str, to_string_pretty, to_value, LoadError};
use serde_json::{json, Value};

#[test]
fn the_example_round_trips() {
    let doc = kunming();
    let text = to_string_pretty(&doc);
    let again = read_str(&text).unwrap();
    assert_eq!(again, doc);
    assert_eq!(to_string_pretty(&again), text, "writing is stable");
}

#[test]
fn decimals_are_written_as_strings_and_json_numbers_are_read_exactly() {
    let doc = read_str(
        r#"{"format": "jixiao/1",
            "budget": [{"id": "b1", "name": "x", "planned": 97.361, "spent": 82.050854000000000001}]}"#,
    )
    .unwrap();
    let v = to_value(&doc);
    assert_eq!(v["budget"][0]["planned"], json!("97.361"));
    assert_eq!(
        v["budget"][0]["spent"],
        json!("82.050854000000000001"),
        "no f64 on the way"
    );
    assert_eq!(v["format"], json!("jixiao/1"));
}

#[test]
fn unknown_fields_are_kept_on_a_round_trip() {
    let mut k: Value = serde_json::from_str(&kunming_text()).unwrap();
    k["x_reviewer"] = json!({"name": "张三", "ok": true});
    k["meta"]["contact"] = json!("0871-1234567");
    k["settings"]["x_province"] = json!("云南");
    k["budget"][0]["x_code"] = json!(2130601);
    k["surveys"][0]["questions"][0]["x_note"] = json!("补录");
    k["surveys"][0]["options"][0]["x_color"] = json!("green");
    k["indicators"][0]["x_weight_note"] = json!("决策");
    k["indicators"][0]["children"][0]["children"][0]["rule"]["x_evidence"] = json!(["a.pdf"]);
    let written = to_value(&doc(k.clone()));
    assert_eq!(written["x_reviewer"], k["x_reviewer"]);
    assert_eq!(written["meta"]["contact"], k["meta"]["contact"]);
    assert_eq!(
        written["settings"]["x_province"],
        k["settings"]["x_province"]
    );
    assert_eq!(written["budget"][0]["x_code"], k["budget"][0]["x_code"]);
    assert_eq!(
        written["surveys"][0]["questions"][0]["x_note"],
        json!("补录")
    );
    assert_eq!(
        written["surveys"][0]["options"][0]["x_color"],
        json!("green")
    );
    assert_eq!(written["indicators"][0]["x_weight_note"], json!("决策"));
    assert_eq!(
        written["indicators"][0]["children"][0]["children"][0]["rule"]["x_evidence"],
        json!(["a.pdf"])
    );
}

#[test]
fn format_is_checked() {
    assert_eq!(read_str(r#"{"budget": []}"#), Err(LoadError::MissingFormat));
    assert_eq!(
        read_str(r#"{"format": "jixiao/2"}"#),
        Err(LoadError::WrongFormat {
            found: "jixiao/2".into()
        })
    );
    let e = read_str(r#"{"format": "jixiao/2"}"#).unwrap_err();
    assert!(
        jixiao_core::Message::zh(&e).contains("jixiao/1")
            && jixiao_core::Message::en(&e).contains("jixiao/1")
    );
}

#[test]
fn an_exported_results_object_is_ignored_on_import() {
    let doc = kunming();
    let eval = audit(&doc);
    let mut exported = export_json(&doc, &eval, Lang::Zh);
    assert_eq!(exported["results"]["total"], "92.00");
    exported["results"]["total"] = json!("100.00");
    let again = jixiao_core::read_value(exported).unwrap();
    assert_eq!(again, doc);
    assert_eq!(jixiao_core::show2(audit(&again).total), "92.00");
}

#[test]
fn a_value_that_does_not_parse_is_kept_as_typed() {
    let doc = doc(json!({"format": "jixiao/1",
        "budget": [{"id": "b1", "name": "x", "planned": "1,234.5", "spent": "八十"}]}));
    assert_eq!(doc.budget[0].spent.as_ref().unwrap().raw(), "八十");
    let v = to_value(&doc);
    assert_eq!(
        v["budget"][0]["spent"],
        json!("八十"),
        "kept, so the user sees the mistake"
    );
    assert_eq!(v["budget"][0]["planned"], json!("1234.5"));
    let eval = audit(&doc);
    assert!(has(&eval, "not-a-number", "budget/b1/spent"));
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let text = format!("\u{feff}{}", kunming_text());
    assert_eq!(read_str(&text).unwrap(), kunming());
}

/// The careful reader alone: the whole text as a JSON value, then taken apart.
fn careful(text: &str) -> Option<jixiao_core::Document> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value: Value = serde_json::from_str(text).ok()?;
    jixiao_core::read_value(value).ok()
}

/// `read_str` reads well-formed files straight into the model and anything else the careful
/// way: both must give the same document, or both refuse.
#[track_caller]
fn same_as_careful(name: &str, text: &str) {
    let fast = read_str(text).ok();
    assert_eq!(
        fast,
        careful(text),
        "{name}: the fast reader differs from the careful one"
    );
}

#[test]
fn the_fast_reader_reads_every_file_exactly_as_the_careful_one() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = Vec::new();
    for dir in [
        "core/tests/examples",
        "core/templates",
        "tests/hostile",
        "tests/fuzz/corpus/import_score_export",
        "tests/fuzz/crashes",
    ] {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
            continue;
        };
        for entry in entries.flatten() {
            if entry.path().is_file() {
                files.push(entry.path());
            }
        }
    }
    assert!(files.len() > 100, "{} files", files.len());
    let mut read = 0;
    for path in &files {
        let Ok(text) = std::fs::read_to_string(path) else {
            continue;
        };
        same_as_careful(&path.display().to_string(), &text);
        read += usize::from(careful(&text).is_some());
    }
    assert!(read >= 10, "{read} of the files are documents");
}

#[test]
fn the_fast_reader_leaves_every_odd_case_to_the_careful_one() {
    let cases = [
        // Numbers as JSON numbers, as strings, with many digits; null lists and rules.
        r#"{"format":"jixiao/1","budget":[{"id":" b1 ","planned":64.530,"spent":"63.6","x":1}],"indicators":[{"id":"A","children":null},{"id":"L","points":1e2,"rule":null}]}"#,
        r#"{"format":"jixiao/1","indicators":[{"id":"L","points":"5","rule":{"kind":"at_least","target":12345678901234567890.123,"actual":"3","steps":null}}]}"#,
        // Repeated keys: the last wins, in the position of the first.
        r#"{"format":"jixiao/1","budget":[{"id":"b1","name":"a","name":"b","z":1,"y":2,"z":3}]}"#,
        r#"{"format":"jixiao/1","budget":[],"budget":[{"id":"b2"}]}"#,
        // A group carrying a leaf's fields keeps them as unknown fields.
        r#"{"format":"jixiao/1","indicators":[{"id":"G","points":"3","unit":"人","rule":{"kind":"manual"},"children":[{"id":"L","points":"3"}]}]}"#,
        // Escaped keys and texts, unknown fields at every level, in order.
        r#"{"format":"jixiao/1","\u0062udget":[{"i\u0064":"b1","n\u0061me":"\u9884\u7b97","q":[1,{"r":null}]}],"zz":{"a":1},"aa":true,"meta":{"title":"t"}}"#,
        r#"{"format":"jixiao/1","surveys":[{"id":"s1","options":[{"label":"好","weight":100,"w":1}],"questions":[{"id":"q1","counts":[3,null,"4"],"x":"y"}],"method":null}]}"#,
        r#"{"format":"jixiao/1","indicators":[{"id":"L","rule":{"kind":"at_least","steps":[{"min":"90","fraction":1,"note":"n"}],"extra":[1]}}],"scenarios":[{"name":"s","changes":[{"path":"budget/b1/spent","value":3}]}],"settings":{"grades":[{"label":"优","min":"90"}],"k":1}}"#,
        // What is wrong is left to the careful reader to say.
        r#"{"format":"jixiao/1","budget":[{"name":"no id"}]}"#,
        r#"{"format":"jixiao/1","budget":[{"id":"b1","planned":true}]}"#,
        r#"{"format":"jixiao/1","indicators":[{"id":"L","applicable":"no"}]}"#,
        r#"{"format":"jixiao/1","indicators":[{"id":"L","rule":[]}]}"#,
        r#"{"format":"jixiao/1","indicators":[{"id":"L","rule":{"steps":{}}}]}"#,
        r#"{"format":"jixiao/2"}"#,
        r#"{"budget":[]}"#,
        r#"{"format":"jixiao/1","results":{"total":"100"},"budget":[1]}"#,
        r#"{"format":"jixiao/1","meta":[],"budget":[]}"#,
        r#"{"format":"jixiao/1"} trailing"#,
        "\u{feff}{\"format\":\"jixiao/1\"}",
    ];
    for (i, text) in cases.iter().enumerate() {
        same_as_careful(&format!("case {i}"), text);
    }
}
