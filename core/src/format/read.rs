//! Reading a `jixiao/1` document: the one entry point. The size, encoding and emptiness are
//! checked here; a well-formed file is read straight into the model (`fast`, where built), and
//! anything else by the careful reader over a JSON value (`value`), which says what is wrong.

use super::error::{LoadError, MAX_FILE_BYTES};
use super::value::read_value;
use crate::model::Document;
use serde_json::Value;

/// Reads a file's bytes: size, encoding, JSON syntax, nesting and the shape of every field.
pub fn read_bytes(bytes: &[u8]) -> Result<Document, LoadError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge { bytes: bytes.len() });
    }
    let text = std::str::from_utf8(bytes).map_err(|_| LoadError::NotUtf8)?;
    read_str(text)
}

/// Reads a document from JSON text. A leading byte-order mark is ignored.
pub fn read_str(text: &str) -> Result<Document, LoadError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge { bytes: text.len() });
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(LoadError::Empty);
    }
    // Most files are well formed: read them straight into the model; anything else is read the
    // careful way, which says what is wrong (both give the same document). The page reads small
    // documents and is built without the fast reader (feature `fast`), to be lighter.
    #[cfg(feature = "fast")]
    if let Some(doc) = super::fast::read(text) {
        return Ok(doc);
    }
    let value: Value = serde_json::from_str(text).map_err(syntax_error)?;
    read_value(value)
}

fn syntax_error(e: serde_json::Error) -> LoadError {
    let detail = e.to_string();
    if detail.contains("recursion limit") {
        return LoadError::TooDeep;
    }
    let detail = match detail.find(" at line ") {
        Some(i) => detail[..i].to_string(),
        None => detail,
    };
    LoadError::Syntax {
        line: e.line(),
        column: e.column(),
        detail,
    }
}
