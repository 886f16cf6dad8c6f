//! The `jixiao/1` file format: numbers in, strings out, unknown fields kept, format checked.

mod common;
use common::*;
use jixiao_core::format::{read_str, to_string_pretty, to_value, LoadError};
use jixiao_core::{evaluate, report, Lang};
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
    let eval = evaluate(&doc);
    let mut exported = report::export(&doc, &eval, Lang::Zh);
    assert_eq!(exported["results"]["total"], "92.00");
    exported["results"]["total"] = json!("100.00");
    let again = jixiao_core::format::read_value(exported).unwrap();
    assert_eq!(again, doc);
    assert_eq!(jixiao_core::number::show2(evaluate(&again).total), "92.00");
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
    let eval = evaluate(&doc);
    assert!(has(&eval, "not-a-number", "budget/b1/spent"));
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let text = format!("\u{feff}{}", kunming_text());
    assert_eq!(read_str(&text).unwrap(), kunming());
}
