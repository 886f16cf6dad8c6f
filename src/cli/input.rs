//! Reading FILE (or standard input for `-`) with the size limit.

use crate::error::CliError;
use jixiao_core::MAX_FILE_BYTES;
use jixiao_core::{Document, LoadError};
use std::io::Read;

/// Reads FILE: a `jixiao/1` document, or a form workbook (`.xlsx`, `.xls`) or a Word report
/// (`.docx`) read into one.
pub(crate) fn load(file: &str) -> Result<Document, CliError> {
    load_read(file).map(|(doc, _)| doc)
}

/// Reads FILE as [`load`] does, with what the reader found when it was a workbook or a report.
pub(crate) fn load_read(
    file: &str,
) -> Result<(Document, Option<jixiao_core::ReadSummary>), CliError> {
    let read_error = |error| CliError::Read {
        file: file.to_string(),
        error,
    };
    let mut bytes = Vec::new();
    // One byte more than the limit tells an oversized file without reading all of it.
    let limit = u64::try_from(MAX_FILE_BYTES)
        .unwrap_or(u64::MAX)
        .saturating_add(1);
    if file == "-" {
        std::io::stdin()
            .lock()
            .take(limit)
            .read_to_end(&mut bytes)
            .map_err(read_error)?;
    } else {
        let handle = std::fs::File::open(file).map_err(read_error)?;
        if let Ok(meta) = handle.metadata() {
            if meta.is_dir() {
                return Err(read_error(std::io::Error::other("是目录 / is a directory")));
            }
            if meta.len() > MAX_FILE_BYTES as u64 {
                return Err(CliError::Load {
                    file: file.to_string(),
                    error: LoadError::TooLarge {
                        bytes: meta.len() as usize,
                    },
                });
            }
            // Room for the whole file and one byte more: one read fills it and the next sees
            // the end (an empty buffer is grown from a few bytes, one read call at a time).
            bytes.reserve_exact(usize::try_from(meta.len()).unwrap_or(0).saturating_add(1));
        }
        handle
            .take(limit)
            .read_to_end(&mut bytes)
            .map_err(read_error)?;
    }
    let named_as_workbook = [".xlsx", ".xls", ".xlsm", ".et", ".docx", ".doc", ".wps"]
        .iter()
        .any(|ext| file.to_lowercase().ends_with(ext));
    if named_as_workbook && !jixiao_core::is_workbook(&bytes) {
        return Err(CliError::Form {
            file: file.to_string(),
            error: jixiao_core::FormError::NotAWorkbook,
        });
    }
    if jixiao_core::is_workbook(&bytes) {
        return jixiao_core::read_form(&bytes)
            .map(|read| (read.doc, Some(read.summary)))
            .map_err(|error| CliError::Form {
                file: file.to_string(),
                error,
            });
    }
    jixiao_core::read_bytes(&bytes)
        .map(|doc| (doc, None))
        .map_err(|error| CliError::Load {
            file: file.to_string(),
            error,
        })
}
