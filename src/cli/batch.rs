//! `jixiao batch`: a 财政局 scores every unit's files at once, in parallel. One row per file (a
//! bad file is a row with its error, never the end of the run), UTF-8 CSV with BOM or JSON, and
//! a summary at the end: count per grade, mean score, files with errors (and, with
//! `--check-claims`, files whose printed figures differ from the computed ones).

use crate::error::CliError;
use jixiao_core::CsvCell;
use jixiao_core::Decimal;
use jixiao_core::Outline;
use jixiao_core::{audit, FieldPath, Lang, Level, Message, Problem};
use jixiao_core::{checked_sum, round2, show2};
use jixiao_core::{csv_row, forecast, leaf_lights, light_counts, monitoring_round, CSV_BOM};
use jixiao_core::{t, Text};
use rayon::prelude::*;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// One file's line of the summary.
#[derive(Debug, Default)]
pub(crate) struct Row {
    pub file: String,
    pub title: String,
    pub unit: String,
    pub year: String,
    pub total: Option<Decimal>,
    pub percent: Option<Decimal>,
    pub grade: String,
    pub execution_rate: Option<Decimal>,
    pub satisfaction: Option<Decimal>,
    pub errors: usize,
    pub warnings: usize,
    /// The first error finding, or why the file could not be read.
    pub first_error: String,
    pub unreadable: bool,
    /// `field: claimed ≠ computed`, joined.
    pub claims: Vec<String>,
    /// The latest monitoring round, where the file has one.
    pub round: Option<RoundRow>,
}

/// A file's latest monitoring round in the summary: its date, the lights' counts and the
/// year-end total as forecast.
#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct RoundRow {
    pub as_of: String,
    /// red, yellow, green, blue, none.
    pub lights: [usize; 5],
    pub forecast_total: Decimal,
    pub forecast_grade: String,
}

impl RoundRow {
    fn of(doc: &jixiao_core::Document, eval: &jixiao_core::Evaluation) -> Option<RoundRow> {
        let round = monitoring_round(doc, None)?;
        let lights = light_counts(&leaf_lights(doc, eval, round));
        let forecast = forecast(doc, round);
        Some(RoundRow {
            as_of: round.as_of.clone(),
            lights,
            forecast_total: forecast.eval.total,
            forecast_grade: forecast.eval.grade.clone().unwrap_or_default(),
        })
    }
}

/// The columns added when a file has a monitoring round.
const ROUND_HEADER: [(&str, &str); 8] = [
    ("监控截至", "monitored_as_of"),
    ("红灯", "red"),
    ("黄灯", "yellow"),
    ("绿灯", "green"),
    ("蓝灯", "blue"),
    ("无灯", "no_light"),
    ("全年预计得分", "forecast_total"),
    ("预计等级", "forecast_grade"),
];

/// Every `.json`, `.xlsx` and `.xls` file under the inputs (folders are walked), sorted for a stable order.
pub(crate) fn collect(inputs: &[String]) -> Result<Vec<PathBuf>, CliError> {
    let mut files = Vec::new();
    fn walk(dir: &Path, files: &mut Vec<PathBuf>) -> std::io::Result<()> {
        for entry in std::fs::read_dir(dir)? {
            let entry = entry?;
            let path = entry.path();
            // The directory listing says what each entry is (no further system call per file);
            // a symbolic link is followed to see whether it leads to a folder.
            let is_dir = match entry.file_type() {
                Ok(kind) if kind.is_symlink() => path.is_dir(),
                Ok(kind) => kind.is_dir(),
                Err(_) => path.is_dir(),
            };
            if is_dir {
                walk(&path, files)?;
            } else if path.extension().is_some_and(|e| {
                ["json", "xlsx", "xls", "docx"]
                    .iter()
                    .any(|x| e.eq_ignore_ascii_case(x))
            }) {
                files.push(path);
            }
        }
        Ok(())
    }
    for input in inputs {
        let path = PathBuf::from(input);
        if path.is_dir() {
            walk(&path, &mut files).map_err(|error| CliError::Read {
                file: input.clone(),
                error,
            })?;
        } else {
            files.push(path);
        }
    }
    files.sort();
    files.dedup();
    Ok(files)
}

/// Scores one file into its row.
pub(crate) fn score_file(
    path: &Path,
    check_claims: bool,
    lang: Lang,
    reports: Option<(&Path, Outline)>,
) -> Row {
    let file = path.display().to_string();
    let doc = match crate::input::load(&file) {
        Ok(doc) => doc,
        Err(e) => {
            return Row {
                file,
                unreadable: true,
                errors: 1,
                first_error: unreadable(&e, lang),
                ..Row::default()
            };
        }
    };
    let eval = audit(&doc);
    // The file's Word report beside the others (`--docx OUTDIR`): named after the file.
    let report_error = reports.and_then(|(dir, outline)| {
        let stem = path
            .file_stem()
            .map_or("jixiao".into(), |s| s.to_string_lossy());
        let out = dir.join(format!("{stem}.docx"));
        std::fs::write(&out, jixiao_core::word_report(&doc, &eval, lang, outline))
            .err()
            .map(|error| {
                CliError::Write {
                    file: out.display().to_string(),
                    error,
                }
                .to_string()
            })
    });
    let first_error = eval
        .findings
        .iter()
        .find(|f| f.level() == Level::Error)
        .map_or(String::new(), |f| {
            format!("{}: {}", f.path, f.message(lang))
        });
    let first_error = match report_error {
        Some(why) if first_error.is_empty() => why,
        _ => first_error,
    };
    let claims = if check_claims {
        eval.findings
            .iter()
            .filter_map(|f| match (&f.path, &f.problem) {
                (FieldPath::Claim(field), Problem::ClaimDiffers { claimed, computed }) => {
                    Some(format!("{field}: {claimed} ≠ {computed}"))
                }
                (
                    FieldPath::Claim(_),
                    Problem::PrintedDiffers { .. } | Problem::PrintedTwice { .. },
                ) => Some(f.problem.text(lang)),
                _ => None,
            })
            .collect()
    } else {
        Vec::new()
    };
    Row {
        file,
        title: doc.meta_text("title"),
        unit: doc.meta_text("unit"),
        year: doc.meta_text("year"),
        // A report that gives no indicators has no score of its own to show.
        total: (!doc.indicators.is_empty()).then_some(eval.total),
        percent: (!doc.indicators.is_empty()).then_some(eval.percent),
        grade: if doc.indicators.is_empty() {
            String::new()
        } else {
            eval.grade.clone().unwrap_or_default()
        },
        execution_rate: eval.budget.execution_rate,
        satisfaction: eval.satisfaction(),
        errors: eval.errors(),
        warnings: eval.warnings(),
        first_error,
        unreadable: false,
        claims,
        round: RoundRow::of(&doc, &eval),
    }
}

/// In debug builds only, `JIXIAO_PANIC_ON=name` makes scoring a file whose path contains `name`
/// panic, so that tests can show one file's panic is its own row (release builds have no trigger).
#[allow(clippy::panic)] // The point of the trigger; compiled out of release builds.
fn fault_for_tests(path: &Path) {
    if cfg!(debug_assertions) {
        if let Ok(trigger) = std::env::var("JIXIAO_PANIC_ON") {
            if !trigger.is_empty() && path.to_string_lossy().contains(&trigger) {
                panic!("test panic for {}", path.display());
            }
        }
    }
}

/// Scores one file; should scoring ever panic (a bug: the core is built not to), that is this
/// file's error and every other file is still scored.
pub(crate) fn score_file_guarded(
    path: &Path,
    check_claims: bool,
    lang: Lang,
    reports: Option<(&Path, Outline)>,
) -> Row {
    guarded(
        path,
        lang,
        || score_file(path, check_claims, lang, reports),
        |why| Row {
            file: path.display().to_string(),
            unreadable: true,
            errors: 1,
            first_error: why,
            ..Row::default()
        },
    )
}

/// `run` on one file; should it panic (a bug: the core is built not to), `failed` makes that
/// file's row from the reason, and every other file is still done.
pub(crate) fn guarded<R>(
    path: &Path,
    lang: Lang,
    run: impl FnOnce() -> R,
    failed: impl FnOnce(String) -> R,
) -> R {
    let run = || {
        fault_for_tests(path);
        run()
    };
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(run)).unwrap_or_else(|payload| {
        let detail = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        let why = Text(
            "内部错误：计分时程序出错（请把这个文件报告给开发者）",
            "internal error: scoring this file failed (please report the file)",
        );
        failed(format!("{}: {detail}", why.get(lang)))
    })
}

/// Scores every file on all cores; a progress bar on an interactive terminal.
pub(crate) fn score_all(
    files: &[PathBuf],
    check_claims: bool,
    lang: Lang,
    reports: Option<(&Path, Outline)>,
) -> Vec<Row> {
    each_file(files, |f| {
        score_file_guarded(f, check_claims, lang, reports)
    })
}

/// `one` over every file on all cores, in the files' order; a progress bar on an interactive
/// terminal.
pub(crate) fn each_file<R: Send>(files: &[PathBuf], one: impl Fn(&Path) -> R + Sync) -> Vec<R> {
    let bar = if std::io::stderr().is_terminal() {
        let bar = indicatif::ProgressBar::new(files.len() as u64);
        if let Ok(style) =
            indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} {elapsed_precise} {msg}")
        {
            bar.set_style(style);
        }
        Some(bar)
    } else {
        None
    };
    let rows = files
        .par_iter()
        .map(|f| {
            let row = one(f);
            if let Some(bar) = &bar {
                bar.inc(1);
            }
            row
        })
        .collect();
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    rows
}

fn opt(v: Option<Decimal>) -> String {
    v.map_or(String::new(), show2)
}

const HEADER_ZH: [&str; 13] = [
    "文件",
    "项目名称",
    "单位",
    "年度",
    "总分",
    "得分率",
    "等级",
    "预算执行率",
    "满意度",
    "错误数",
    "警告数",
    "首个错误",
    "与报告不符",
];
const HEADER_EN: [&str; 13] = [
    "file",
    "title",
    "unit",
    "year",
    "total",
    "percent",
    "grade",
    "execution_rate",
    "satisfaction",
    "errors",
    "warnings",
    "first_error",
    "claims_differ",
];

/// The rows as CSV, UTF-8 with a byte-order mark (Excel, WPS), escaped as the core escapes.
pub(crate) fn to_csv(rows: &[Row], lang: Lang) -> String {
    let mut out = String::from(CSV_BOM);
    let rounds = rows.iter().any(|r| r.round.is_some());
    let mut header: Vec<CsvCell> = HEADER_ZH
        .iter()
        .zip(HEADER_EN)
        .map(|(zh, en)| CsvCell::Text(t(lang, zh, en).to_string()))
        .collect();
    if rounds {
        header.extend(
            ROUND_HEADER
                .iter()
                .map(|(zh, en)| CsvCell::Text(t(lang, zh, en).to_string())),
        );
    }
    csv_row(&mut out, header);
    let text = |s: &str| CsvCell::Text(s.to_string());
    let number = |v: Option<Decimal>| CsvCell::Number(opt(v));
    for r in rows {
        let mut cells = vec![
            text(&r.file),
            text(&r.title),
            text(&r.unit),
            text(&r.year),
            number(r.total),
            number(r.percent),
            text(&r.grade),
            number(r.execution_rate),
            number(r.satisfaction),
            CsvCell::Number(r.errors.to_string()),
            CsvCell::Number(r.warnings.to_string()),
            text(&r.first_error),
            text(&r.claims.join("; ")),
        ];
        if rounds {
            match &r.round {
                Some(m) => {
                    cells.push(text(&m.as_of));
                    cells.extend(m.lights.iter().map(|n| CsvCell::Number(n.to_string())));
                    cells.push(number(Some(m.forecast_total)));
                    cells.push(text(&m.forecast_grade));
                }
                None => cells.extend((0..ROUND_HEADER.len()).map(|_| text(""))),
            }
        }
        csv_row(&mut out, cells);
    }
    out
}

/// The rows as a workbook (`--out summary.xlsx`): one row per file, the files with the most
/// differing printed figures first, each figure on its own line of the last column.
pub(crate) fn to_xlsx(rows: &[Row], lang: Lang) -> Vec<u8> {
    use jixiao_core::{xlsx_package, Sheet, Style};
    let mut sorted: Vec<&Row> = rows.iter().collect();
    sorted.sort_by_key(|r| std::cmp::Reverse(r.claims.len()));
    let mut sheet = Sheet::new(t(lang, "批量核对", "Batch"));
    let columns = u32::try_from(HEADER_ZH.len()).unwrap_or(0);
    for (c, (zh, en)) in HEADER_ZH.iter().zip(HEADER_EN).enumerate() {
        let c = u32::try_from(c).unwrap_or(0);
        sheet.text(0, c, t(lang, zh, en), Style::Header);
    }
    sheet.text(0, columns, t(lang, "不符数", "differing"), Style::Header);
    let rounds = rows.iter().any(|r| r.round.is_some());
    if rounds {
        for (i, (zh, en)) in ROUND_HEADER.iter().enumerate() {
            let c = columns
                .saturating_add(1)
                .saturating_add(u32::try_from(i).unwrap_or(0));
            sheet.text(0, c, t(lang, zh, en), Style::Header);
        }
    }
    for (r, row) in sorted.iter().enumerate() {
        let r = u32::try_from(r).unwrap_or(u32::MAX).saturating_add(1);
        let mut c = 0u32;
        let mut next = || {
            let at = c;
            c = c.saturating_add(1);
            at
        };
        sheet.text(r, next(), row.file.clone(), Style::Text);
        sheet.text(r, next(), row.title.clone(), Style::Text);
        sheet.text(r, next(), row.unit.clone(), Style::Text);
        sheet.text(r, next(), row.year.clone(), Style::Text);
        sheet.maybe(r, next(), row.total, Style::Score);
        sheet.maybe(r, next(), row.percent, Style::Score);
        sheet.text(r, next(), row.grade.clone(), Style::Text);
        sheet.maybe(r, next(), row.execution_rate, Style::Score);
        sheet.maybe(r, next(), row.satisfaction, Style::Score);
        sheet.number(r, next(), Decimal::from(row.errors), Style::Integer);
        sheet.number(r, next(), Decimal::from(row.warnings), Style::Integer);
        sheet.text(r, next(), row.first_error.clone(), Style::Text);
        sheet.text(r, next(), row.claims.join("\n"), Style::Text);
        sheet.number(r, next(), Decimal::from(row.claims.len()), Style::Integer);
        match (&row.round, rounds) {
            (Some(m), _) => {
                sheet.text(r, next(), m.as_of.clone(), Style::Text);
                for n in m.lights {
                    sheet.number(r, next(), Decimal::from(n), Style::Integer);
                }
                sheet.number(r, next(), round2(m.forecast_total), Style::Score);
                sheet.text(r, next(), m.forecast_grade.clone(), Style::Text);
            }
            (None, true) => {
                for _ in ROUND_HEADER {
                    sheet.text(r, next(), "", Style::Text);
                }
            }
            (None, false) => {}
        }
    }
    sheet.fit_columns(60, 600);
    xlsx_package(&[sheet])
}

/// The summary: count per grade, mean score over readable files, files with errors.
pub(crate) fn summary(rows: &[Row], check_claims: bool) -> Value {
    let mut grades: BTreeMap<String, usize> = BTreeMap::new();
    let scored: Vec<&Row> = rows.iter().filter(|r| !r.unreadable).collect();
    for r in &scored {
        let count = grades
            .entry(if r.grade.is_empty() {
                "—".into()
            } else {
                r.grade.clone()
            })
            .or_default();
        *count = count.saturating_add(1);
    }
    let mean = if scored.is_empty() {
        None
    } else {
        checked_sum(scored.iter().filter_map(|r| r.total))
            .and_then(|sum| sum.checked_div(Decimal::from(scored.len())))
    };
    let mut s = json!({
        "files": rows.len(),
        "scored": scored.len(),
        "unreadable": rows.iter().filter(|r| r.unreadable).count(),
        "with_errors": rows.iter().filter(|r| r.errors > 0).count(),
        "grades": grades,
        "mean_total": mean.map(show2),
    });
    if check_claims {
        if let Some(map) = s.as_object_mut() {
            let differ = rows.iter().filter(|r| !r.claims.is_empty()).count();
            map.insert("claims_differ".into(), json!(differ));
        }
    }
    s
}

fn summary_text(s: &Value, lang: Lang) -> String {
    let grades: Vec<String> = s["grades"]
        .as_object()
        .map(|g| g.iter().map(|(k, v)| format!("{k} {v}")).collect())
        .unwrap_or_default();
    BatchSummary {
        files: &s["files"],
        scored: &s["scored"],
        unreadable: &s["unreadable"],
        grades,
        mean: s["mean_total"].as_str().unwrap_or("—"),
        with_errors: &s["with_errors"],
        claims_differ: s.get("claims_differ").and_then(Value::as_u64),
    }
    .text(lang)
}

/// The line `batch` ends with: how many files, scored, unreadable, per grade, the mean total.
struct BatchSummary<'a> {
    files: &'a Value,
    scored: &'a Value,
    unreadable: &'a Value,
    grades: Vec<String>,
    mean: &'a str,
    with_errors: &'a Value,
    claims_differ: Option<u64>,
}

impl Message for BatchSummary<'_> {
    fn zh(&self) -> String {
        let BatchSummary {
            files,
            scored,
            unreadable,
            grades,
            mean,
            with_errors,
            claims_differ,
        } = self;
        format!(
            "共 {files} 个文件，{scored} 个已评分，{unreadable} 个无法读取；各等级：{}；平均分 {mean}；有错误的文件 {with_errors} 个{}",
            grades.join("，"),
            claims_differ.map_or(String::new(), |c| format!("；与报告所写不符的文件 {c} 个"))
        )
    }

    fn en(&self) -> String {
        let BatchSummary {
            files,
            scored,
            unreadable,
            grades,
            mean,
            with_errors,
            claims_differ,
        } = self;
        format!(
            "{files} files, {scored} scored, {unreadable} unreadable; grades: {}; mean total {mean}; files with errors {with_errors}{}",
            grades.join(", "),
            claims_differ.map_or(String::new(), |c| format!("; files whose claims differ {c}"))
        )
    }
}

fn row_json(r: &Row) -> Value {
    json!({
        "file": r.file, "title": r.title, "unit": r.unit, "year": r.year,
        "total": r.total.map(show2), "percent": r.percent.map(show2), "grade": r.grade,
        "execution_rate": r.execution_rate.map(show2), "satisfaction": r.satisfaction.map(show2),
        "errors": r.errors, "warnings": r.warnings, "first_error": r.first_error,
        "unreadable": r.unreadable, "claims_differ": r.claims,
        "monitoring": r.round.as_ref().map(|m| {
            let [red, yellow, green, blue, none] = m.lights;
            json!({
                "as_of": m.as_of,
                "lights": {"red": red, "yellow": yellow, "green": green, "blue": blue, "none": none},
                "forecast_total": show2(m.forecast_total),
                "forecast_grade": m.forecast_grade,
            })
        }),
    })
}

/// The summary in the form asked for: a workbook when `out` ends in `.xlsx`, else JSON with
/// `--json`, else CSV; written to `out`, or printed.
pub(crate) fn write_summary(
    out: Option<&str>,
    json: bool,
    xlsx: impl FnOnce() -> Vec<u8>,
    as_json: impl FnOnce() -> Value,
    csv: impl FnOnce() -> String,
) -> Result<(), CliError> {
    let bytes = if out.is_some_and(|p| p.to_lowercase().ends_with(".xlsx")) {
        xlsx()
    } else if json {
        format!("{:#}\n", as_json()).into_bytes()
    } else {
        csv().into_bytes()
    };
    match out {
        Some(path) => std::fs::write(path, bytes).map_err(|error| CliError::Write {
            file: path.into(),
            error,
        }),
        None => {
            crate::print(&String::from_utf8_lossy(&bytes));
            Ok(())
        }
    }
}

/// Why a file could not be read, as its row says it.
pub(crate) fn unreadable(e: &CliError, lang: Lang) -> String {
    match e {
        CliError::Load { error, .. } => error.text(lang),
        CliError::Form { error, .. } => error.text(lang),
        other => other.to_string(),
    }
}

pub(crate) fn run(
    inputs: &[String],
    out: Option<&str>,
    json: bool,
    check_claims: bool,
    lang: Lang,
    reports: Option<(&str, Outline)>,
) -> Result<ExitCode, CliError> {
    let files = collect(inputs)?;
    if let Some((dir, _)) = reports {
        std::fs::create_dir_all(dir).map_err(|error| CliError::Write {
            file: dir.into(),
            error,
        })?;
    }
    let rows = score_all(
        &files,
        check_claims,
        lang,
        reports.map(|(dir, outline)| (Path::new(dir), outline)),
    );
    let summary = summary(&rows, check_claims);
    write_summary(
        out,
        json,
        || to_xlsx(&rows, lang),
        || json!({"files": rows.iter().map(row_json).collect::<Vec<_>>(), "summary": summary}),
        || to_csv(&rows, lang),
    )?;
    eprintln!("jixiao: {}", summary_text(&summary, lang));
    let clean = rows.iter().all(|r| r.errors == 0 && r.claims.is_empty());
    Ok(if clean {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
