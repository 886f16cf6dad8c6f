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
pub fn write_all(
    doc: &Document,
    eval: &Evaluation,
    lang: Lang,
    outputs: &Outputs,
) -> Result<Vec<String>, CliError> {
    let mut written = Vec::new();
    if let Some(out) = &outputs.xlsx {
        let bytes = jixiao_core::xlsx::workbook(doc, eval, lang);
        written.push(write(Path::new(out), &bytes)?);
    }
    if let Some(out) = &outputs.docx {
        let bytes = jixiao_core::docx::report(doc, eval, lang, outputs.outline);
        written.push(write(Path::new(out), &bytes)?);
    }
    if let Some(dir) = &outputs.csv {
        let dir = Path::new(dir);
        std::fs::create_dir_all(dir).map_err(|error| CliError::Write {
            file: dir.display().to_string(),
            error,
        })?;
        for (name, text) in jixiao_core::csv::tables(doc, eval, lang) {
            written.push(write(&dir.join(name), text.as_bytes())?);
        }
    }
    if let Some(out) = &outputs.text {
        let text = jixiao_core::draft::draft_text(doc, eval, lang);
        written.push(write(Path::new(out), text.as_bytes())?);
    }
    Ok(written)
}
