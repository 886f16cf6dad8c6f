//! The lines under a form's table — signatures, contacts, dates, notes (填报人, 联系电话, 填报日期,
//! 审核人, 单位负责人, 注：…) — end the table in every reader and are never indicators: the 自评表,
//! the 执行监控表, a Word report's 自评表, and cells pasted into the page.
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

use jixiao_core::{paste_budget, paste_indicators, read_form, read_report_parts, Document};
use jixiao_core::{xlsx_package, Sheet, Style};

/// A workbook of one sheet with these rows (cells by column).
fn workbook(rows: &[&[&str]]) -> Vec<u8> {
    let mut sheet = Sheet::new("表1");
    for (r, row) in rows.iter().enumerate() {
        for (c, text) in row.iter().enumerate() {
            if !text.is_empty() {
                sheet.text(r as u32, c as u32, *text, Style::Text);
            }
        }
    }
    xlsx_package(&[sheet])
}

/// Every leaf's name.
fn leaf_names(doc: &Document) -> Vec<String> {
    let mut names = Vec::new();
    fn walk(nodes: &[jixiao_core::Node], out: &mut Vec<String>) {
        for n in nodes {
            match n {
                jixiao_core::Node::Group(g) => walk(&g.children, out),
                jixiao_core::Node::Leaf(l) => out.push(l.name.clone()),
            }
        }
    }
    walk(&doc.indicators, &mut names);
    names
}

#[track_caller]
fn no_footer_leaf(doc: &Document, leaves: usize) {
    let names = leaf_names(doc);
    assert_eq!(names.len(), leaves, "{names:?}");
    for name in &names {
        for label in [
            "填报人",
            "联系电话",
            "填报日期",
            "审核人",
            "单位负责人",
            "注：",
        ] {
            assert!(
                !name.contains(label),
                "a footer read as an indicator: {name}"
            );
        }
    }
}

const SELF_EVALUATION_HEADER: &[&str] = &[
    "一级指标",
    "二级指标",
    "三级指标",
    "年度指标值",
    "实际完成值",
    "分值",
    "得分",
    "偏差原因分析及改进措施",
];

#[test]
fn the_self_evaluation_forms_footer_is_not_an_indicator() {
    let bytes = workbook(&[
        &["项目支出绩效自评表"],
        &["（2026年度）"],
        &["项目名称", "培训项目"],
        SELF_EVALUATION_HEADER,
        &[
            "产出指标",
            "数量指标",
            "培训期数",
            "≥4期",
            "4期",
            "50",
            "50",
            "",
        ],
        &[
            "效益指标",
            "社会效益指标",
            "就业人数",
            "≥100人",
            "120人",
            "50",
            "50",
            "",
        ],
        &[
            "填报人：王某",
            "",
            "联系电话：0871-12345678",
            "",
            "填报日期：2026年8月5日",
        ],
        &["注：本表由项目单位填报。"],
    ]);
    let read = read_form(&bytes).unwrap();
    no_footer_leaf(&read.doc, 2);
    assert_eq!(read.summary.indicators, 2);
}

#[test]
fn a_footer_after_the_total_row_is_not_an_indicator_either() {
    let bytes = workbook(&[
        &["项目名称", "培训项目"],
        SELF_EVALUATION_HEADER,
        &[
            "产出指标",
            "数量指标",
            "培训期数",
            "≥4期",
            "4期",
            "100",
            "100",
            "",
        ],
        &["总分", "", "", "", "", "100", "100", ""],
        &["", "", "审核人：李某", "", "单位负责人（签字）"],
    ]);
    no_footer_leaf(&read_form(&bytes).unwrap().doc, 1);
}

#[test]
fn the_monitoring_forms_footer_is_not_an_indicator() {
    let bytes = workbook(&[
        &["项目支出绩效目标执行监控表"],
        &["（2026年1-7月）"],
        &["项目名称", "培训项目"],
        &[
            "一级指标",
            "二级指标",
            "三级指标",
            "年度指标值",
            "1-7月完成值",
            "全年预计完成值",
            "完成目标可能性",
            "原因说明",
        ],
        &[
            "产出指标",
            "数量指标",
            "培训期数",
            "≥4期",
            "2期",
            "4期",
            "确定能",
            "",
        ],
        &[
            "产出指标",
            "时效指标",
            "完成时间",
            "2026年11月30日前",
            "",
            "按时完成",
            "确定能",
            "",
        ],
        &["填报人：王某", "", "联系电话：0871-12345678"],
    ]);
    let read = read_form(&bytes).unwrap();
    assert!(read.summary.round.is_some(), "read as a monitoring form");
    no_footer_leaf(&read.doc, 2);
    let round = &read.doc.monitoring[0];
    assert_eq!(round.indicators.len(), 2);
}

/// A Word document whose body is one table of these rows.
fn word_table(rows: &[&[&str]]) -> String {
    let cell = |t: &str| format!("<w:tc><w:p><w:r><w:t>{t}</w:t></w:r></w:p></w:tc>");
    let rows: String = rows
        .iter()
        .map(|r| {
            format!(
                "<w:tr>{}</w:tr>",
                r.iter().map(|t| cell(t)).collect::<String>()
            )
        })
        .collect();
    format!(
        "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>\
         <w:p><w:r><w:t>项目支出绩效自评表</w:t></w:r></w:p><w:tbl>{rows}</w:tbl></w:body></w:document>"
    )
}

#[test]
fn a_word_reports_form_table_ends_at_its_footer() {
    let xml = word_table(&[
        SELF_EVALUATION_HEADER,
        &[
            "产出指标",
            "数量指标",
            "培训期数",
            "≥4期",
            "4期",
            "50",
            "50",
            "",
        ],
        &[
            "效益指标",
            "社会效益指标",
            "就业人数",
            "≥100人",
            "120人",
            "50",
            "50",
            "",
        ],
        &[
            "填报人：王某",
            "",
            "联系电话：0871-12345678",
            "",
            "",
            "",
            "",
            "",
        ],
    ]);
    let read = read_report_parts(&xml, "").unwrap();
    no_footer_leaf(&read.doc, 2);
}

#[test]
fn pasted_cells_stop_at_a_footer() {
    let text = "三级指标\t年度指标值\t实际完成值\t分值\n培训期数\t≥4期\t4期\t50\n就业人数\t≥100人\t120人\t50\n填报人：王某\t\t联系电话：0871-12345678\t\n";
    let nodes = paste_indicators(text, Some(2026)).unwrap();
    let doc = Document {
        indicators: nodes,
        ..Document::default()
    };
    no_footer_leaf(&doc, 2);
    let lines =
        paste_budget("项目名称\t预算数\t执行数\n培训费\t10\t8\n填表人：王某\t\t\n").unwrap();
    assert_eq!(lines.len(), 1, "{lines:?}");
}
