use crate::message::Message;
use std::fmt;

/// The format this version reads and writes.
pub const FORMAT: &str = "jixiao/1";

/// Files larger than this are refused before parsing (64 MiB).
pub const MAX_FILE_BYTES: usize = 64 * 1024 * 1024;

/// JSON nesting deeper than this is refused (serde_json's limit), i.e. an indicator tree of at most
/// about 60 levels.
pub const MAX_NESTING: usize = 128;

/// Why a file cannot be read as a `jixiao/1` document at all. Problems inside a readable document
/// are [`crate::Finding`]s instead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// Nothing.
    Empty,
    /// The file is larger than the limit.
    TooLarge {
        /// Its size in bytes.
        bytes: usize,
    },
    /// The JSON nests too deep.
    TooDeep,
    /// The file is not UTF-8 text.
    NotUtf8,
    /// The file is not valid JSON.
    Syntax {
        /// The line (from 1).
        line: usize,
        /// The column (from 1).
        column: usize,
        /// The parser's words.
        detail: String,
    },
    /// The file is not a JSON object.
    NotAnObject,
    /// The file has no `format` field.
    MissingFormat,
    /// The file is of another format or version.
    WrongFormat {
        /// What was found instead.
        found: String,
    },
    /// A field holds the wrong kind of JSON value.
    WrongType {
        /// The field, as a path.
        path: String,
        /// What the field needs.
        expected: Expected,
        /// What was found instead.
        found: Found,
    },
    /// An item has no id.
    MissingId {
        /// The field, as a path.
        path: String,
    },
}

/// What kind of JSON value a field holds instead.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Found {
    /// `null`.
    Null,
    /// `true` or `false`.
    Boolean,
    /// A number.
    Number,
    /// A string.
    Text,
    /// An array.
    Array,
    /// An object.
    Object,
}

impl Found {
    /// The kind of `value`.
    pub fn of(value: &serde_json::Value) -> Found {
        use serde_json::Value;
        match value {
            Value::Null => Found::Null,
            Value::Bool(_) => Found::Boolean,
            Value::Number(_) => Found::Number,
            Value::String(_) => Found::Text,
            Value::Array(_) => Found::Array,
            Value::Object(_) => Found::Object,
        }
    }
}

impl Message for Found {
    fn zh(&self) -> String {
        match self {
            Found::Null => "null",
            Found::Boolean => "布尔值",
            Found::Number => "数字",
            Found::Text => "文字",
            Found::Array => "数组",
            Found::Object => "对象",
        }
        .into()
    }

    fn en(&self) -> String {
        match self {
            Found::Null => "null",
            Found::Boolean => "a boolean",
            Found::Number => "a number",
            Found::Text => "text",
            Found::Array => "an array",
            Found::Object => "an object",
        }
        .into()
    }
}

/// What kind of JSON value a field needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    /// An object.
    Object,
    /// An array.
    Array,
    /// Text.
    Text,
    /// A number.
    Number,
    /// `true` or `false`.
    Boolean,
}

impl Expected {
    fn zh(self) -> &'static str {
        match self {
            Expected::Object => "对象 {…}",
            Expected::Array => "数组 […]",
            Expected::Text => "文字",
            Expected::Number => "数字（或数字字符串）",
            Expected::Boolean => "true 或 false",
        }
    }

    fn en(self) -> &'static str {
        match self {
            Expected::Object => "an object {…}",
            Expected::Array => "an array […]",
            Expected::Text => "text",
            Expected::Number => "a number (or a string holding one)",
            Expected::Boolean => "true or false",
        }
    }
}

impl LoadError {
    /// Where in the file the problem is, when it is about one place.
    pub fn path(&self) -> Option<&str> {
        match self {
            LoadError::WrongType { path, .. } | LoadError::MissingId { path } => Some(path),
            LoadError::MissingFormat | LoadError::WrongFormat { .. } => Some("format"),
            _ => None,
        }
    }
}

impl Message for LoadError {
    fn zh(&self) -> String {
        match self {
            LoadError::Empty => "文件为空".into(),
            LoadError::TooLarge { bytes } => format!(
                "文件过大（{} 字节），上限为 {} MiB",
                bytes,
                MAX_FILE_BYTES / 1024 / 1024
            ),
            LoadError::TooDeep => format!("文件嵌套过深（超过 {MAX_NESTING} 层），拒绝读取"),
            LoadError::NotUtf8 => "文件不是 UTF-8 编码的文本".into(),
            LoadError::Syntax {
                line,
                column,
                detail,
            } => {
                format!("不是有效的 JSON：第 {line} 行第 {column} 列（{detail}）")
            }
            LoadError::NotAnObject => "文件的最外层应为 JSON 对象 {…}".into(),
            LoadError::MissingFormat => {
                format!("缺少 format 字段：这不是 jixiao 文件（应为 \"{FORMAT}\"）")
            }
            LoadError::WrongFormat { found } => {
                format!("format 为 \"{found}\"，本程序只能读取 \"{FORMAT}\"")
            }
            LoadError::WrongType {
                path,
                expected,
                found,
            } => {
                format!("{path}：应为{}，实为{}", expected.zh(), found.zh())
            }
            LoadError::MissingId { path } => format!("{path}：缺少 id"),
        }
    }

    fn en(&self) -> String {
        match self {
            LoadError::Empty => "the file is empty".into(),
            LoadError::TooLarge { bytes } => format!(
                "the file is too large ({} bytes); the limit is {} MiB",
                bytes,
                MAX_FILE_BYTES / 1024 / 1024
            ),
            LoadError::TooDeep => {
                format!("the file is nested too deeply (more than {MAX_NESTING} levels)")
            }
            LoadError::NotUtf8 => "the file is not UTF-8 text".into(),
            LoadError::Syntax {
                line,
                column,
                detail,
            } => {
                format!("not valid JSON at line {line}, column {column} ({detail})")
            }
            LoadError::NotAnObject => "the file must be a JSON object {…}".into(),
            LoadError::MissingFormat => {
                format!("no format field: this is not a jixiao file (expected \"{FORMAT}\")")
            }
            LoadError::WrongFormat { found } => {
                format!("format is \"{found}\"; this version reads only \"{FORMAT}\"")
            }
            LoadError::WrongType {
                path,
                expected,
                found,
            } => {
                format!("{path}: expected {}, found {}", expected.en(), found.en())
            }
            LoadError::MissingId { path } => format!("{path}: the id is missing"),
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.fmt_both(f)
    }
}

impl std::error::Error for LoadError {}
