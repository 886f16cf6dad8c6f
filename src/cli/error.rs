//! What can go wrong on the command line, each with its exit code.

use jixiao_core::{LoadError, Message};
use std::fmt;

#[derive(Debug)]
pub(crate) enum CliError {
    /// Wrong arguments (exit 2).
    Usage(String),
    /// The file could not be opened or read (exit 1).
    Read { file: String, error: std::io::Error },
    /// The file is not a readable `jixiao/1` document (exit 1).
    Load { file: String, error: LoadError },
    /// The file is a workbook that cannot be read as a form (exit 1).
    Form {
        file: String,
        error: jixiao_core::FormError,
    },
    /// No template of that name (exit 2).
    UnknownTemplate(String),
    /// A seek that cannot be run (exit 1): a wrong path, a text field, an unknown grade.
    Seek(jixiao_core::SeekError),
    /// An output could not be written (exit 1).
    Write { file: String, error: std::io::Error },
}

impl CliError {
    pub(crate) fn exit_code(&self) -> u8 {
        match self {
            CliError::Usage(_) | CliError::UnknownTemplate(_) => 2,
            CliError::Read { .. }
            | CliError::Load { .. }
            | CliError::Form { .. }
            | CliError::Write { .. }
            | CliError::Seek(_) => 1,
        }
    }
}

/// What went wrong, in each language (without the file and the system's own error text, which
/// `Display` puts around it).
impl Message for CliError {
    fn zh(&self) -> String {
        match self {
            CliError::Usage(message) => message.clone(),
            CliError::Read { .. } => "无法读取文件".to_string(),
            CliError::Load { error, .. } => error.zh(),
            CliError::Form { error, .. } => error.zh(),
            CliError::Seek(e) => e.zh(),
            CliError::Write { .. } => "无法写入".to_string(),
            CliError::UnknownTemplate(name) => format!("没有名为“{name}”的模板"),
        }
    }

    fn en(&self) -> String {
        match self {
            CliError::Usage(message) => message.clone(),
            CliError::Read { .. } => "cannot read the file".to_string(),
            CliError::Load { error, .. } => error.en(),
            CliError::Form { error, .. } => error.en(),
            CliError::Seek(e) => e.en(),
            CliError::Write { .. } => "cannot write".to_string(),
            CliError::UnknownTemplate(name) => {
                format!("no template named \"{name}\" (standard, kunming-2022, blank)")
            }
        }
    }
}

/// Both languages, for a terminal that speaks to everyone: `file: 中文 / English: why`.
impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            // clap's own messages end with their pointer to --help already.
            CliError::Usage(message) if message.contains("--help") => write!(f, "{message}"),
            CliError::Usage(message) => write!(f, "{message}（jixiao --help）"),
            CliError::Read { file, error } | CliError::Write { file, error } => {
                write!(f, "{file}: {} / {}: {error}", self.zh(), self.en())
            }
            CliError::Load { file, error } => write!(f, "{file}: {error}"),
            CliError::Form { file, error } => write!(f, "{file}: {error}"),
            CliError::Seek(e) => write!(f, "{e}"),
            CliError::UnknownTemplate(_) => self.fmt_both(f),
        }
    }
}
