//! `jixiao export`: the workbook, the Word report, the CSV tables and the drafted text, written
//! to files.

use crate::args::Outputs;
use crate::error::CliError;
use jixiao_core::{Document, Evaluation, Lang};
use std::path::Path;

fn write(path: &Path, bytes: &[u8]) -> Result<String, CliError> {
    std::fs::write(path, bytes).map_err(|error| CliError::Write {
        file: path.display().to_string(),
        error,
    })?;
    Ok(path.display().to_string())
}

/// Writes every requested output; gives the paths written.
pub(crate) fn write_all(
    doc: &Document,
    eval: &Evaluation,
    lang: Lang,
    outputs: &Outputs,
) -> Result<Vec<String>, CliError> {
    let mut written = Vec::new();
    if let Some(out) = &outputs.xlsx {
        let bytes = jixiao_core::form_workbook(doc, eval, lang);
        written.push(write(Path::new(out), &bytes)?);
    }
    if let Some(out) = &outputs.docx {
        let bytes = jixiao_core::word_report(doc, eval, lang, outputs.outline);
        written.push(write(Path::new(out), &bytes)?);
    }
    if let Some(dir) = &outputs.csv {
        let dir = Path::new(dir);
        std::fs::create_dir_all(dir).map_err(|error| CliError::Write {
            file: dir.display().to_string(),
            error,
        })?;
        for (name, text) in jixiao_core::csv_tables(doc, eval, lang) {
            written.push(write(&dir.join(name), text.as_bytes())?);
        }
    }
    if let Some(out) = &outputs.monitor_xlsx {
        let bytes = monitor_workbook(doc, eval, lang, outputs.as_of.as_deref())?;
        written.push(write(Path::new(out), &bytes)?);
    }
    if let Some(out) = &outputs.targets_xlsx {
        let bytes = jixiao_core::targets_workbook(doc, lang);
        written.push(write(Path::new(out), &bytes)?);
    }
    if let Some(out) = &outputs.text {
        let text = jixiao_core::draft_text(doc, eval, lang);
        written.push(write(Path::new(out), text.as_bytes())?);
    }
    Ok(written)
}

/// The 执行监控表 of the round `as_of` (the latest without one); a blank form of that date when
/// the document has no such round, for filling in.
fn monitor_workbook(
    doc: &Document,
    eval: &Evaluation,
    lang: Lang,
    as_of: Option<&str>,
) -> Result<Vec<u8>, CliError> {
    let round = jixiao_core::monitoring_round(doc, as_of);
    let blank;
    let round = match (round, as_of) {
        (Some(r), _) => r,
        (None, Some(date)) if jixiao_core::parse_date(date).is_some() => {
            blank = jixiao_core::Round {
                as_of: date.to_string(),
                ..Default::default()
            };
            &blank
        }
        (None, Some(date)) => {
            return Err(CliError::Usage(format!(
                "--as-of 需要日期（如 2026-07-31）/ --as-of needs a date (2026-07-31): {date}"
            )))
        }
        (None, None) => {
            return Err(CliError::Usage(
                "文件中没有监控轮次：用 --as-of 日期 导出空白监控表 / the file has no monitoring round: give --as-of DATE for a blank form".into(),
            ))
        }
    };
    Ok(jixiao_core::monitor_workbook(doc, eval, round, lang))
}
