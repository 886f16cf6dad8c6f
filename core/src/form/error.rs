//! Why a file cannot be read as a form or a report: one clear message in both languages.

use crate::message::Message;
use std::fmt;

/// Why a file cannot be read as a form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FormError {
    /// Not a workbook nor a Word report at all (a PNG, text).
    NotAWorkbook,
    /// An old binary Word or WPS document (`.doc`, `.wps`): to be saved as `.docx` first.
    OldDocument,
    /// The workbook is protected by a password.
    Password,
    /// It would inflate past the limit (a zip bomb, or simply too big).
    TooLarge {
        /// What it would inflate to, in bytes.
        bytes: u64,
        /// The most that is inflated, in bytes.
        limit: u64,
    },
    /// The workbook is damaged or of a kind calamine cannot read.
    Unreadable {
        /// The reader's words.
        detail: String,
    },
    /// No sheet has an indicator table (一级指标, 二级指标, 三级指标).
    NoTable,
    /// A Word document with nothing to check: no table jixiao recognises, no printed figure.
    NothingToCheck,
}

impl Message for FormError {
    fn zh(&self) -> String {
        match self {
            FormError::NotAWorkbook => {
                "这不是 Excel 或 WPS 工作簿（.xlsx、.xls），也不是 Word 报告（.docx），无法读取".into()
            }
            FormError::OldDocument => {
                "这是旧版 Word 或 WPS 文档（.doc、.wps），无法直接读取：请在 Word 或 WPS 中“另存为”.docx 后再导入".into()
            }
            FormError::Password => "文件设有密码，请在 Excel、Word 或 WPS 中取消密码后再导入".into(),
            FormError::TooLarge { bytes, limit } => format!(
                "工作簿解压后有 {} MiB，超过 {} MiB 的上限，未读取",
                bytes / (1024 * 1024),
                limit / (1024 * 1024)
            ),
            FormError::Unreadable { detail } => format!("工作簿已损坏或无法读取（{detail}）"),
            FormError::NoTable => {
                "工作簿中找不到绩效指标表（需要“一级指标”“二级指标”“三级指标”等表头）".into()
            }
            FormError::NothingToCheck => "这份 Word 文档中没有可核对的内容：没有可识别的表格（支出明细、满意度统计、得分情况或自评表），正文中也没有执行率、得分、等级、满意度等数字".into(),
        }
    }

    fn en(&self) -> String {
        match self {
            FormError::NotAWorkbook => {
                "this is neither an Excel or WPS workbook (.xlsx, .xls) nor a Word report (.docx)"
                    .into()
            }
            FormError::OldDocument => {
                "this is an old Word or WPS document (.doc, .wps): save it as .docx in Word or WPS, then import that".into()
            }
            FormError::Password => {
                "the file is password-protected: remove the password in Excel, Word or WPS first"
                    .into()
            }
            FormError::TooLarge { bytes, limit } => format!(
                "the workbook inflates to {} MiB, over the {} MiB limit; it was not read",
                bytes / (1024 * 1024),
                limit / (1024 * 1024)
            ),
            FormError::Unreadable { detail } => {
                format!("the workbook is damaged or cannot be read ({detail})")
            }
            FormError::NoTable => {
                "no sheet has an indicator table (headers 一级指标, 二级指标, 三级指标)".into()
            }
            FormError::NothingToCheck => "this Word document has nothing to check: no table jixiao recognises (budget lines, survey statistics, scores or the form) and no printed execution rate, score, grade or satisfaction in its text".into(),
        }
    }
}

impl fmt::Display for FormError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.fmt_both(f)
    }
}

impl std::error::Error for FormError {}
