//! What the page tells the user about the files it opens, in both languages.

use jixiao_core::Message;
use jixiao_core::ReadSummary;

/// A notice about a file opened or refused.
pub(crate) enum FileNotice<'a> {
    /// A `jixiao/1` file replaced the work (undo brings it back).
    Imported { name: &'a str },
    /// A form workbook was read into the work.
    FormRead {
        name: &'a str,
        summary: &'a ReadSummary,
    },
    /// A file could not be imported; the work is unchanged.
    CannotImport { name: &'a str, why: &'a dyn Message },
    /// The autosaved work could not be read; it was set aside.
    AutosaveUnreadable { why: &'a dyn Message },
}

impl Message for FileNotice<'_> {
    fn zh(&self) -> String {
        match self {
            FileNotice::Imported { name } => format!("已导入 {name}（可撤销）"),
            FileNotice::FormRead { name, summary } if summary.report => {
                format!("已从 {name} 读取自评报告（可撤销）：{}", summary.zh())
            }
            FileNotice::FormRead { name, summary } => {
                format!("已从 {name} 读取自评表（可撤销）：{}", summary.zh())
            }
            FileNotice::CannotImport { name, why } => {
                format!("无法导入 {name}：{}。当前内容未改动。", why.zh())
            }
            FileNotice::AutosaveUnreadable { why } => format!(
                "自动保存的内容无法读取（{}），已另存并打开标准模板。",
                why.zh()
            ),
        }
    }

    fn en(&self) -> String {
        match self {
            FileNotice::Imported { name } => {
                format!("Imported {name} (undo restores the previous work)")
            }
            FileNotice::FormRead { name, summary } if summary.report => format!(
                "Read the report {name} (undo restores your work): {}",
                summary.en()
            ),
            FileNotice::FormRead { name, summary } => format!(
                "Read the form {name} (undo restores your work): {}",
                summary.en()
            ),
            FileNotice::CannotImport { name, why } => {
                format!("Cannot import {name}: {}. Your work is unchanged.", why.en())
            }
            FileNotice::AutosaveUnreadable { why } => format!(
                "The autosaved work could not be read ({}); it was set aside and the standard template opened.",
                why.en()
            ),
        }
    }
}
