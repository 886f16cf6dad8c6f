//! What staff hand in, from the Kunming example: the workbook (read back with calamine), the CSV
//! tables and the drafted report text.
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

#[path = "../core/tests/common/mod.rs"]
mod common;
use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
use common::*;
use jixiao_core::{audit, Lang};
use jixiao_core::{csv_budget, csv_tables, draft_text, form_workbook};
use std::io::Cursor;

#[track_caller]
fn workbook() -> Xlsx<Cursor<Vec<u8>>> {
    let doc = kunming();
    let bytes = form_workbook(&doc, &audit(&doc), Lang::Zh);
    open_workbook_from_rs(Cursor::new(bytes)).expect("calamine reads the workbook")
}

/// The cell right of (or below, if `below`) the first cell whose text is `label`.
#[track_caller]
fn next_to(range: &calamine::Range<Data>, label: &str, below: bool) -> Data {
    let (r, c) = range
        .cells()
        .find(|(_, _, v)| matches!(v, Data::String(s) if s == label))
        .map(|(r, c, _)| (r, c))
        .unwrap_or_else(|| panic!("no cell {label}"));
    let (r, c) = if below { (r + 1, c) } else { (r, c + 1) };
    range.get((r, c)).cloned().unwrap_or(Data::Empty)
}

#[track_caller]
fn float(d: &Data) -> f64 {
    match d {
        Data::Float(f) => *f,
        Data::Int(i) => *i as f64,
        other => panic!("not a number: {other:?}"),
    }
}

#[test]
fn the_form_sheet_holds_the_seed_figures_as_numbers() {
    let mut wb = workbook();
    assert_eq!(wb.sheet_names(), ["自评表", "预算明细", "满意度调查"]);
    let form = wb.worksheet_range("自评表").unwrap();
    assert_eq!(
        next_to(&form, "项目名称", false),
        Data::String("2022年残疾人职业技能培训及就业服务经费项目".into())
    );
    assert_eq!(
        next_to(&form, "实施单位", false),
        Data::String("昆明市残疾人综合服务中心".into())
    );
    assert_eq!(float(&next_to(&form, "全年预算数", true)), 97.361);
    assert_eq!(float(&next_to(&form, "全年执行数", true)), 82.050854);
    assert_eq!(
        float(&next_to(&form, "执行率", true)),
        0.8427,
        "84.27% as a percent-formatted number"
    );
    // 总分 row: maximum, then total; the grade below.
    let total_row = form
        .cells()
        .find(|(_, _, v)| matches!(v, Data::String(s) if s == "总分"))
        .unwrap()
        .0;
    assert_eq!(float(form.get((total_row, 6)).unwrap()), 100.0);
    assert_eq!(float(form.get((total_row, 7)).unwrap()), 92.0);
    assert_eq!(
        form.get((total_row + 2, 7)),
        Some(&Data::String("优".into()))
    );
    assert_eq!(float(form.get((total_row + 1, 7)).unwrap()), 0.92);
}

#[test]
fn every_indicator_score_is_a_number_in_the_form() {
    let doc = kunming();
    let eval = audit(&doc);
    let mut wb = workbook();
    let form = wb.worksheet_range("自评表").unwrap();
    let header = form
        .cells()
        .find(|(_, _, v)| matches!(v, Data::String(s) if s == "三级指标"))
        .unwrap()
        .0;
    let names: Vec<(String, f64)> = (header + 1..)
        .map_while(|r| match (form.get((r, 2)), form.get((r, 7))) {
            (Some(Data::String(name)), Some(score)) if !name.is_empty() => {
                Some((name.clone(), float(score)))
            }
            _ => None,
        })
        .collect();
    assert_eq!(names.len(), 22);
    let expected = [
        "立项依据充分性",
        "立项程序规范性",
        "绩效目标合理性",
        "绩效指标明确性",
        "资金到位率",
        "预算执行率",
    ];
    assert_eq!(
        names
            .iter()
            .take(6)
            .map(|(n, _)| n.as_str())
            .collect::<Vec<_>>(),
        expected
    );
    for ((name, score), leaf) in names.iter().zip(eval.leaves.iter()) {
        let shown: f64 = jixiao_core::show2(leaf.score).parse().unwrap();
        assert_eq!(*score, shown, "{name}");
    }
    let c22 = names
        .iter()
        .find(|(n, _)| n == "残疾人平等参与社会的能力和水平提高")
        .unwrap();
    assert_eq!(c22.1, 6.0);
    // 年度指标值 as the form writes it (operator and unit); actual values are numbers.
    let c112 = (header + 1..)
        .find(|&r| {
            form.get((r, 2)) == Some(&Data::String("参加残疾人职业技能培训的残疾人数".into()))
        })
        .unwrap();
    assert_eq!(form.get((c112, 4)), Some(&Data::String("≥60人次".into())));
    assert_eq!(float(form.get((c112, 5)).unwrap()), 114.0);
    assert_eq!(form.get((c112, 3)), Some(&Data::String("人次".into())));
}

#[test]
fn the_budget_and_survey_sheets() {
    let mut wb = workbook();
    let budget = wb.worksheet_range("预算明细").unwrap();
    let total = budget
        .cells()
        .find(|(_, _, v)| matches!(v, Data::String(s) if s == "合计"))
        .unwrap()
        .0;
    let row: Vec<f64> = (3..=7)
        .map(|c| float(budget.get((total, c)).unwrap()))
        .collect();
    assert_eq!(row, [97.361, 97.361, 82.050854, 15.310146, 0.8427]);
    assert_eq!(
        float(budget.get((3, 6)).unwrap()),
        1.56,
        "the first line's balance"
    );
    let survey = wb.worksheet_range("满意度调查").unwrap();
    let q2 = survey
        .cells()
        .find(|(_, _, v)| matches!(v, Data::String(s) if s.starts_with("培训单位是否按课程表")))
        .unwrap()
        .0;
    assert_eq!(
        float(survey.get((q2, 2)).unwrap()),
        94.0,
        "count of 非常满意"
    );
    assert_eq!(
        float(survey.get((q2, 3)).unwrap()),
        0.8246,
        "share of 非常满意"
    );
    assert_eq!(float(survey.get((q2, 13)).unwrap()), 92.63);
    assert_eq!(survey.get((q2, 14)), Some(&Data::String("得分最低".into())));
    let mean_row = survey
        .cells()
        .find(|(_, _, v)| matches!(v, Data::String(s) if s == "满意度（各题平均）"))
        .unwrap()
        .0;
    assert_eq!(float(survey.get((mean_row, 13)).unwrap()), 96.86);
}

#[test]
fn hostile_text_stays_text_in_the_workbook() {
    let mut doc = kunming();
    doc.budget[0].name = "<script>&\"x\"\u{1}=cmd|' /C calc'!A0".into();
    let bytes = form_workbook(&doc, &audit(&doc), Lang::Zh);
    let mut wb: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).unwrap();
    let budget = wb.worksheet_range("预算明细").unwrap();
    assert_eq!(
        budget.get((3, 1)),
        Some(&Data::String("<script>&\"x\"=cmd|' /C calc'!A0".into()))
    );
}

#[test]
fn the_drafted_text_carries_the_figures() {
    let doc = kunming();
    let text = draft_text(&doc, &audit(&doc), Lang::Zh);
    for figure in [
        "97.361",
        "82.050854",
        "84.27%",
        "96.86",
        "92",
        "优",
        "15.310146",
    ] {
        assert!(text.contains(figure), "{figure} missing");
    }
    assert!(text.contains("举办残疾人职业技能培训期数不少于3期，完成4期，完成率100%"));
    assert!(text.contains("预算申报准确性不足"));
    assert!(text.contains("“培训单位是否按课程表安排教学工作？”得分最低"));
    for title in [
        "资金来源及使用情况",
        "绩效目标完成情况",
        "满意度调查",
        "评价结论",
        "存在的问题",
    ] {
        assert!(text.contains(title), "{title}");
    }
    let en = draft_text(&doc, &audit(&doc), Lang::En);
    assert!(en.contains("execution rate 84.27%") && en.contains("grade 优"));
}

#[test]
fn csv_tables_are_utf8_with_a_byte_order_mark() {
    let doc = kunming();
    let tables = csv_tables(&doc, &audit(&doc), Lang::Zh);
    assert_eq!(tables.len(), 3);
    for (name, text) in &tables {
        assert!(text.starts_with('\u{feff}'), "{name}");
    }
    let budget = &tables[1].1;
    assert!(budget.contains("合计,,,97.361,97.361,82.050854,15.310146,84.27%,"));
    let mut doc = doc;
    doc.budget[1].name = "=HYPERLINK(\"x\"), \"quoted\"".into();
    let budget = csv_budget(&doc, &audit(&doc), Lang::Zh);
    assert!(
        budget.contains("\"'=HYPERLINK(\"\"x\"\"), \"\"quoted\"\"\""),
        "{budget}"
    );
}

#[test]
fn export_command_writes_the_files() {
    let dir = std::env::temp_dir().join(format!("jixiao-export-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .args([
            "export",
            concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/kunming-2022.json"),
            "--xlsx",
        ])
        .arg(dir.join("k.xlsx"))
        .arg("--csv")
        .arg(dir.join("csv"))
        .arg("--text")
        .arg(dir.join("k.txt"))
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut wb: Xlsx<_> = calamine::open_workbook(dir.join("k.xlsx")).unwrap();
    assert!(wb.worksheet_range("自评表").is_ok());
    assert!(dir.join("csv/预算明细.csv").exists());
    assert!(std::fs::read_to_string(dir.join("k.txt"))
        .unwrap()
        .contains("评定等级为优"));
    std::fs::remove_dir_all(&dir).unwrap();
}
