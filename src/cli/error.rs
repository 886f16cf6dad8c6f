//! What can go wrong on the command line, each with its exit code.

use jixiao_core::LoadError;
use std::fmt;

#[derive(Debug)]
pub enum CliError {
    /// Wrong arguments (exit 2).
    Usage(String),
    /// The file could not be opened or read (exit 1).
    Read { file: String, error: std::io::Error },
    /// The file is not a readable `jixiao/1` document (exit 1).
    Load { file: String, error: LoadError },
    /// The file is a workbook that cannot be read as a form (exit 1).
    Form {
        file: String,
        error: jixiao_core::form::FormError,
    },
    /// No template of that name (exit 2).
    UnknownTemplate(String),
    /// A seek that cannot be run (exit 1): a wrong path, a text field, an unknown grade.
    Seek(jixiao_core::whatif::SeekError),
    /// An output could not be written (exit 1).
    Write { file: String, error: std::io::Error },
}

impl CliError {
    pub fn exit_code(&self) -> u8 {
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

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CliError::Usage(message) => write!(f, "{message}（jixiao --help）"),
            CliError::Read { file, error } => {
                write!(f, "{file}: 无法读取文件 / cannot read the file: {error}")
            }
            CliError::Load { file, error } => write!(f, "{file}: {error}"),
            CliError::Form { file, error } => write!(f, "{file}: {error}"),
            CliError::Seek(e) => write!(f, "{e}"),
            CliError::Write { file, error } => {
                write!(f, "{file}: 无法写入 / cannot write: {error}")
            }
            CliError::UnknownTemplate(name) => write!(
                f,
                "没有名为“{name}”的模板 / no template named \"{name}\" (standard, kunming-2022, blank)"
            ),
        }
    }
}
