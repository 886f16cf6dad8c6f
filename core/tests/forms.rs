//! Reading the forms people have (FORMS.md): the national layout with merged cells, the same as
//! legacy `.xls`, a provincial variant, a form with only the total funds row, jixiao's own
//! export read back, and bad files refused with one clear message.
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
use jixiao_core::form_workbook;
use jixiao_core::read_form;
use jixiao_core::show2;
use jixiao_core::FormError;
use jixiao_core::{audit, Document, Lang, Message};
use jixiao_core::{Node, RuleKind};
use std::path::Path;

#[track_caller]
fn fixture(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/forms")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[track_caller]
fn read(name: &str) -> Document {
    read_form(&fixture(name))
        .unwrap_or_else(|e| panic!("{name}: {e}"))
        .doc
}

fn kinds(doc: &Document) -> Vec<(String, Option<RuleKind>)> {
    doc.leaves()
        .map(|(l, _)| (l.name.clone(), l.rule.kind()))
        .collect()
}

fn codes(doc: &Document) -> Vec<String> {
    audit(doc)
        .findings
        .iter()
        .map(|f| format!("{} {}", f.code(), f.path))
        .collect()
}

#[test]
fn the_national_layout_with_merged_cells() {
    let doc = read("national.xlsx");
    assert_eq!(doc.meta_text("title"), "2022年残疾人职业技能培训项目");
    assert_eq!(doc.meta_text("department"), "昆明市残疾人联合会");
    assert_eq!(doc.meta_text("unit"), "昆明市残疾人综合服务中心");
    assert_eq!(doc.meta_text("owner"), "张三");
    assert_eq!(doc.meta_text("phone"), "0871-12345678");
    assert_eq!(doc.meta_text("year"), "2022");
    assert!(doc
        .meta_text("goal")
        .starts_with("举办残疾人职业技能培训4期"));
    assert!(doc.meta_text("goal_result").starts_with("举办培训4期"));
    // Only the source row with figures becomes a line.
    assert_eq!(doc.budget.len(), 1);
    let line = &doc.budget[0];
    assert_eq!(line.name, "当年财政拨款");
    assert_eq!(line.planned.as_ref().unwrap().raw(), "97.361");
    assert_eq!(line.spent.as_ref().unwrap().raw(), "82.050854");
    assert_eq!(line.initial.as_ref().unwrap().raw(), "100");
    use RuleKind::*;
    let expected = [
        ("预算执行率", BudgetExecution),
        ("举办培训期数", AtLeast),
        ("培训人数", AtLeast),
        ("培训合格率", AtLeast),
        ("完成培训时间", Deadline),
        ("培训成本", AtMost),
        ("残疾人就业能力", Qualitative),
        ("培训机制长效性", Qualitative),
        ("学员满意度", AtLeast),
    ];
    let got = kinds(&doc);
    assert_eq!(got.len(), expected.len());
    for ((name, kind), (en, ek)) in got.iter().zip(expected) {
        assert_eq!((name.as_str(), *kind), (en, Some(ek)));
    }
    // The tree: 产出指标 > 数量指标 > 举办培训期数, merged cells read as "same as above".
    let Node::Group(output) = &doc.indicators[1] else {
        panic!("a group")
    };
    assert_eq!(output.name, "产出指标");
    assert_eq!(output.children.len(), 4, "数量, 质量, 时效, 成本");
    let leaf = doc.leaf("1.1.1").unwrap();
    assert_eq!(leaf.target_text.as_deref(), Some("不少于3期"));
    assert_eq!(leaf.unit(), "期");
    assert_eq!(leaf.rule.target.as_ref().unwrap().raw(), "3");
    assert_eq!(leaf.rule.actual.as_ref().unwrap().raw(), "4");
    let cost = doc.leaf("1.4.1").unwrap();
    assert_eq!(cost.unit(), "万元");
    let due = doc.leaf("1.3.1").unwrap();
    assert_eq!(due.rule.target.as_ref().unwrap().raw(), "2022-11-30");
    assert_eq!(due.rule.actual.as_ref().unwrap().raw(), "2022-08-21");
    let qualitative = doc.leaf("2.1.1").unwrap();
    assert_eq!(qualitative.rule.tier.as_deref(), Some("partial"));
    assert_eq!(qualitative.rule.fraction.as_ref().unwrap().raw(), "0.7");
    assert_eq!(qualitative.reason, "部分学员未能就业，下年度加强跟踪服务");
    let eval = audit(&doc);
    assert_eq!(show2(eval.total), "92.43");
    assert_eq!(eval.grade.as_deref(), Some("优"));
    let codes = codes(&doc);
    assert!(
        !codes.iter().any(|c| c.starts_with("claim-differs")),
        "{codes:?}"
    );
    let inferred = codes
        .iter()
        .filter(|c| c.starts_with("rule-inferred"))
        .count();
    assert_eq!(inferred, 9, "every inferred rule is an info finding");
    let claimed = doc.claimed.as_ref().unwrap();
    assert_eq!(claimed.total.as_deref(), Some("92.43"));
    assert_eq!(claimed.grade.as_deref(), Some("优"));
    assert_eq!(claimed.execution_rate.as_deref(), Some("84.27"));
    assert_eq!(claimed.score("2.1.1"), Some("14"));
}

#[test]
fn the_same_form_as_legacy_xls_reads_the_same() {
    let xlsx = read("national.xlsx");
    let xls = read("national.xls");
    assert_eq!(xls.meta, xlsx.meta);
    assert_eq!(xls.budget, xlsx.budget);
    assert_eq!(xls.indicators, xlsx.indicators);
    assert_eq!(xls.extra, xlsx.extra);
}

#[test]
fn a_provincial_variant_with_nature_and_unit_columns() {
    let doc = read("provincial.xlsx");
    assert_eq!(doc.meta_text("title"), "农村公路养护项目");
    assert_eq!(doc.meta_text("unit"), "某县交通运输局");
    assert_eq!(doc.meta_text("year"), "2023");
    assert_eq!(doc.budget.len(), 1);
    assert_eq!(doc.budget[0].initial, None, "no 年初预算数 column");
    let got = kinds(&doc);
    use RuleKind::*;
    assert_eq!(got[1], ("养护里程".to_string(), Some(AtLeast)));
    assert_eq!(
        got[2],
        ("修复坑槽".to_string(), Some(AtLeast)),
        "blank cells are same as above"
    );
    assert_eq!(got[4], ("养护成本".to_string(), Some(AtMost)), "指标性质 ≤");
    assert_eq!(got[5].1, Some(Qualitative), "指标性质 定性");
    assert_eq!(doc.leaf("1.1.1").unwrap().unit(), "公里", "from 计量单位");
    // The satisfaction row as a percentage, its actual copied from the target: met.
    let satisfaction = doc.leaves().last().unwrap().0;
    assert_eq!(satisfaction.rule.actual.as_ref().unwrap().raw(), "95");
    // Whole points printed (8.62 as 9, 13.5 as 14): read as local practice.
    assert_eq!(doc.settings.score_decimals.as_ref().unwrap().raw(), "0");
    let eval = audit(&doc);
    assert_eq!(show2(eval.total), "98.00");
    let codes = codes(&doc);
    assert!(
        !codes.iter().any(|c| c.starts_with("claim-differs")),
        "{codes:?}"
    );
}

#[test]
fn a_form_with_only_the_total_funds_row() {
    let doc = read("total-only.xlsx");
    assert_eq!(doc.budget.len(), 1);
    assert_eq!(doc.budget[0].name, "年度资金总额");
    assert_eq!(doc.budget[0].planned.as_ref().unwrap().raw(), "50");
    // A formula without a cached value prints nothing: no claim for that leaf.
    assert!(doc.claimed.as_ref().unwrap().score("1.1.1").is_none());
    assert_eq!(show2(audit(&doc).total), "100.00");
}

#[test]
fn the_kunming_example_as_a_form_reads_back_to_92_and_its_printed_scores() {
    let doc = kunming();
    let eval = audit(&doc);
    let bytes = form_workbook(&doc, &eval, Lang::Zh);
    let read = read_form(&bytes).unwrap();
    let back = read.doc;
    let again = audit(&back);
    assert_eq!(show2(again.total), "92.00");
    assert_eq!(again.grade.as_deref(), Some("优"));
    assert_eq!(read.summary.indicators, 22);
    // Same leaves in the same order with the same points, scores, reasons, targets and actuals.
    let before: Vec<_> = doc.leaves().map(|(l, _)| l).collect();
    let after: Vec<_> = back.leaves().map(|(l, _)| l).collect();
    assert_eq!(before.len(), after.len());
    for (((a, b), ra), rb) in before
        .iter()
        .zip(&after)
        .zip(&eval.leaves)
        .zip(&again.leaves)
    {
        assert_eq!(a.name, b.name);
        assert_eq!(a.points, b.points, "{}", a.name);
        assert_eq!(ra.score, rb.score, "{}", a.name);
        assert_eq!(a.reason, b.reason, "{}", a.name);
        let kind = a.rule.kind();
        // A survey-based satisfaction has no tallies in the form: it reads as at least the target.
        let expected = if kind == Some(RuleKind::Satisfaction) {
            Some(RuleKind::AtLeast)
        } else {
            kind
        };
        assert_eq!(b.rule.kind(), expected, "{}", a.name);
        if matches!(
            kind,
            Some(RuleKind::AtLeast | RuleKind::AtMost | RuleKind::Deadline)
        ) {
            assert_eq!(a.rule.target, b.rule.target, "{}", a.name);
            assert_eq!(a.rule.actual, b.rule.actual, "{}", a.name);
        }
        assert_eq!(a.rule.steps.is_some(), b.rule.steps.is_some(), "{}", a.name);
    }
    // The same tree shape (四级: 项目绩效 > 产出指标 > 数量指标 > …).
    assert_eq!(after[9].name, "举办残疾人职业技能培训期数");
    assert_eq!(back.ancestors(&after[9].id).unwrap().len(), 3);
    // The printed scores are claims, and they agree.
    let codes = codes(&back);
    assert!(
        !codes.iter().any(|c| c.starts_with("claim-differs")),
        "{codes:?}"
    );
    let claimed = back.claimed.as_ref().unwrap();
    assert_eq!(claimed.scores.len(), 22);
    assert_eq!(claimed.total.as_deref(), Some("92"));
}

#[test]
fn bad_forms_get_one_clear_message() {
    let cases = [
        ("password.xlsx", FormError::Password),
        ("picture.xlsx", FormError::NotAWorkbook),
        ("letter.xlsx", FormError::NothingToCheck),
        ("no-table.xlsx", FormError::NoTable),
    ];
    for (name, expected) in cases {
        let err = read_form(&fixture(name)).unwrap_err();
        assert_eq!(err, expected, "{name}");
        assert!(!err.zh().is_empty() && !err.en().is_empty() && !err.zh().contains('\n'));
    }
    let bomb = read_form(&fixture("bomb.xlsx")).unwrap_err();
    assert!(matches!(bomb, FormError::TooLarge { bytes, .. } if bytes > 64 * 1024 * 1024));
    assert!(matches!(
        read_form(b"").unwrap_err(),
        FormError::NotAWorkbook
    ));
    assert!(matches!(
        read_form(b"PK\x03\x04garbage").unwrap_err(),
        FormError::Unreadable { .. }
    ));
}

#[test]
fn a_form_of_a_hundred_thousand_rows_is_read() {
    // A jixiao document of 100,000 leaves exported as a form, then read back.
    let leaves: Vec<serde_json::Value> = (0..100_000)
        .map(|i| {
            serde_json::json!({"id": format!("L{i}"), "name": format!("指标{i}"), "points": "0.001",
            "rule": {"kind": "at_least", "target": "10", "actual": "10"}})
        })
        .collect();
    let doc = doc(serde_json::json!({"format": "jixiao/1", "indicators": [
        {"id": "G", "name": "产出指标", "children": [{"id": "G1", "name": "数量指标", "children": leaves}]}]}));
    let bytes = form_workbook(&doc, &audit(&doc), Lang::Zh);
    let back = read_form(&bytes).unwrap().doc;
    assert_eq!(back.leaves().count(), 100_000);
    assert_eq!(show2(audit(&back).total), "100.00");
}
