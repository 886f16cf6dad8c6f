//! `jixiao batch DIR --review`: a finance bureau's reviewer goes through every unit's 申报表
//! (workbooks) and documents at once. One row a file with its review's errors and warnings and
//! the first few findings, the files with the most errors first; UTF-8 CSV with BOM, JSON, or a
//! workbook (`--out summary.xlsx`); a line at the end says how many need sending back.

use crate::batch::{collect, each_file, guarded, unreadable, write_summary};
use crate::error::CliError;
use crate::output::{review_findings, review_line};
use jixiao_core::{csv_row, t, CsvCell, Decimal, Lang, Level, Message, Names, CSV_BOM};
use serde_json::{json, Value};
use std::path::Path;
use std::process::ExitCode;

/// How many findings a row shows: the rest are in `jixiao review FILE`.
const FIRST: usize = 3;

/// One file's line of the review summary.
#[derive(Debug, Default)]
struct Row {
    file: String,
    title: String,
    unit: String,
    year: String,
    errors: usize,
    warnings: usize,
    /// The first findings as a reviewer reads them (errors first), or why the file could not be
    /// read.
    first: Vec<String>,
    unreadable: bool,
}

impl Row {
    fn failed(path: &Path, why: String) -> Row {
        Row {
            file: path.display().to_string(),
            errors: 1,
            first: vec![why],
            unreadable: true,
            ..Row::default()
        }
    }
}

/// Reviews one file into its row.
fn review_file(path: &Path, lang: Lang) -> Row {
    let file = path.display().to_string();
    let doc = match crate::input::load(&file) {
        Ok(doc) => doc,
        Err(e) => return Row::failed(path, unreadable(&e, lang)),
    };
    let findings = review_findings(&doc);
    let count = |level: Level| findings.iter().filter(|f| f.level() == level).count();
    let names = Names::new(&doc);
    Row {
        file,
        title: doc.meta_text("title"),
        unit: doc.meta_text("unit"),
        year: doc.meta_text("year"),
        errors: count(Level::Error),
        warnings: count(Level::Warning),
        first: findings
            .iter()
            .filter(|f| f.level() != Level::Info)
            .take(FIRST)
            .map(|f| format!("{} [{}]", review_line(&names, f, lang), f.code()))
            .collect(),
        unreadable: false,
    }
}

/// The rows, the files with the most errors first, then the most warnings, then by name.
fn sorted(mut rows: Vec<Row>) -> Vec<Row> {
    rows.sort_by(|a, b| {
        b.errors
            .cmp(&a.errors)
            .then(b.warnings.cmp(&a.warnings))
            .then_with(|| a.file.cmp(&b.file))
    });
    rows
}

/// The columns, in both languages.
const HEADER: [(&str, &str); 7] = [
    ("文件", "file"),
    ("项目名称", "title"),
    ("单位", "unit"),
    ("年度", "year"),
    ("错误数", "errors"),
    ("警告数", "warnings"),
    ("主要审核意见", "first_findings"),
];

fn to_csv(rows: &[Row], lang: Lang) -> String {
    let mut out = String::from(CSV_BOM);
    csv_row(
        &mut out,
        HEADER
            .iter()
            .map(|(zh, en)| CsvCell::Text(t(lang, zh, en).to_string()))
            .collect(),
    );
    for r in rows {
        csv_row(
            &mut out,
            vec![
                CsvCell::Text(r.file.clone()),
                CsvCell::Text(r.title.clone()),
                CsvCell::Text(r.unit.clone()),
                CsvCell::Text(r.year.clone()),
                CsvCell::Number(r.errors.to_string()),
                CsvCell::Number(r.warnings.to_string()),
                CsvCell::Text(r.first.join(t(lang, "；", "; "))),
            ],
        );
    }
    out
}

/// The workbook: one row a file, each finding on its own line of the last column.
fn to_xlsx(rows: &[Row], lang: Lang) -> Vec<u8> {
    use jixiao_core::{xlsx_package, Sheet, Style};
    let mut sheet = Sheet::new(t(lang, "绩效目标审核", "Target review"));
    for (c, (zh, en)) in (0u32..).zip(HEADER) {
        sheet.text(0, c, t(lang, zh, en), Style::Header);
    }
    for (r, row) in (1u32..).zip(rows) {
        sheet.text(r, 0, row.file.clone(), Style::Text);
        sheet.text(r, 1, row.title.clone(), Style::Text);
        sheet.text(r, 2, row.unit.clone(), Style::Text);
        sheet.text(r, 3, row.year.clone(), Style::Text);
        sheet.number(r, 4, Decimal::from(row.errors), Style::Integer);
        sheet.number(r, 5, Decimal::from(row.warnings), Style::Integer);
        sheet.text(r, 6, row.first.join("\n"), Style::Text);
    }
    sheet.fit_columns(60, 900);
    xlsx_package(&[sheet])
}

fn row_json(r: &Row) -> Value {
    json!({
        "file": r.file, "title": r.title, "unit": r.unit, "year": r.year,
        "errors": r.errors, "warnings": r.warnings, "first_findings": r.first,
        "unreadable": r.unreadable,
    })
}

/// The line the run ends with.
struct ReviewSummary {
    files: usize,
    unreadable: usize,
    with_errors: usize,
    warnings_only: usize,
    clean: usize,
    errors: usize,
    warnings: usize,
}

impl ReviewSummary {
    fn of(rows: &[Row]) -> ReviewSummary {
        let count = |keep: &dyn Fn(&Row) -> bool| rows.iter().filter(|r| keep(r)).count();
        ReviewSummary {
            files: rows.len(),
            unreadable: count(&|r| r.unreadable),
            with_errors: count(&|r| r.errors > 0 && !r.unreadable),
            warnings_only: count(&|r| r.errors == 0 && r.warnings > 0),
            clean: count(&|r| r.errors == 0 && r.warnings == 0),
            errors: rows
                .iter()
                .filter(|r| !r.unreadable)
                .fold(0usize, |n, r| n.saturating_add(r.errors)),
            warnings: rows
                .iter()
                .fold(0usize, |n, r| n.saturating_add(r.warnings)),
        }
    }

    fn json(&self) -> Value {
        json!({
            "files": self.files, "unreadable": self.unreadable, "with_errors": self.with_errors,
            "warnings_only": self.warnings_only, "clean": self.clean,
            "errors": self.errors, "warnings": self.warnings,
        })
    }
}

impl Message for ReviewSummary {
    fn zh(&self) -> String {
        let ReviewSummary {
            files,
            unreadable,
            with_errors,
            warnings_only,
            clean,
            errors,
            warnings,
        } = self;
        format!(
            "绩效目标审核：共 {files} 个文件，{unreadable} 个无法读取；有错误需退回修改的 {with_errors} 个，仅有警告的 {warnings_only} 个，无意见的 {clean} 个；错误共 {errors} 项，警告共 {warnings} 项"
        )
    }

    fn en(&self) -> String {
        let ReviewSummary {
            files,
            unreadable,
            with_errors,
            warnings_only,
            clean,
            errors,
            warnings,
        } = self;
        format!(
            "target review: {files} files, {unreadable} unreadable; {with_errors} with errors to send back, {warnings_only} with warnings only, {clean} clean; {errors} error(s), {warnings} warning(s) in all"
        )
    }
}

pub(crate) fn run(
    inputs: &[String],
    out: Option<&str>,
    json: bool,
    lang: Lang,
) -> Result<ExitCode, CliError> {
    let files = collect(inputs)?;
    let rows = sorted(each_file(&files, |f| {
        guarded(f, lang, || review_file(f, lang), |why| Row::failed(f, why))
    }));
    let summary = ReviewSummary::of(&rows);
    write_summary(
        out,
        json,
        || to_xlsx(&rows, lang),
        || json!({"files": rows.iter().map(row_json).collect::<Vec<_>>(), "summary": summary.json()}),
        || to_csv(&rows, lang),
    )?;
    eprintln!("jixiao: {}", summary.text(lang));
    Ok(if rows.iter().all(|r| r.errors == 0) {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
