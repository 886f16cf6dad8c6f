//! A file people have, read into a `jixiao/1` document: a workbook (the 自评表, the 执行监控表)
//! by the form reader, a Word report by the report reader; which one by the file's content, never
//! by its name.

use crate::form::{container, kind, read_workbook, Container, FormError, FormRead};

/// Whether the bytes are a workbook or a Word document (a ZIP or compound file), by content.
pub fn is_workbook(bytes: &[u8]) -> bool {
    kind(bytes).is_some()
}

/// Reads the workbook or Word report in `bytes`.
///
/// The parsers can panic on a damaged file; where panics unwind (the command line), that is
/// caught and is an unreadable file. In the page the reader is a module of its own, so a trap
/// there is an error for that import, not for the page.
pub fn read_form(bytes: &[u8]) -> Result<FormRead, FormError> {
    if container(bytes)? == Container::Word {
        return std::panic::catch_unwind(|| crate::docx_read::read_report(bytes)).unwrap_or_else(
            |_| {
                Err(FormError::Unreadable {
                    detail: "damaged document structure".into(),
                })
            },
        );
    }
    read_workbook(bytes)
}
