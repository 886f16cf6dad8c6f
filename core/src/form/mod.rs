//! Reading the 项目支出绩效自评表 people already have (`.xlsx`, `.xls`) into a `jixiao/1`
//! document. Parts are found by their titles, never by cell positions (FORMS.md); rules are
//! inferred from what is written (`≥95%`, `不少于3期`, `有效提升`), each inference kept on the rule
//! so that the audit reports it (`rule-inferred`); every printed figure becomes a claim.

pub(crate) mod grid;
pub(crate) mod layout;
mod monitor;
pub(crate) mod paste;
mod written;

pub use grid::{kind, Kind, MAX_INFLATED_BYTES};
pub use layout::{FormRead, ReadNote, Summary};
pub use paste::{cells, paste_budget, paste_indicators, titled};
pub use written::{read_steps, read_written, type_target, Op, Written};

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
            FormError::TooLarge { bytes } => format!(
                "工作簿解压后有 {} MiB，超过 {} MiB 的上限，未读取",
                bytes / (1024 * 1024),
                MAX_INFLATED_BYTES / (1024 * 1024)
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
            FormError::TooLarge { bytes } => format!(
                "the workbook inflates to {} MiB, over the {} MiB limit; it was not read",
                bytes / (1024 * 1024),
                MAX_INFLATED_BYTES / (1024 * 1024)
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

/// Whether the bytes are a workbook (by content, not by the file's name).
pub fn is_workbook(bytes: &[u8]) -> bool {
    kind(bytes).is_some()
}

/// Reads the form in `bytes`.
///
/// The workbook parser (calamine) can panic on a damaged compound file (`.xls`); where panics
/// unwind (the command line), that is caught here and is an unreadable workbook. In the page the
/// reader is a module of its own, so a trap there is an error for that import, not for the page.
pub fn read_form(bytes: &[u8]) -> Result<FormRead, FormError> {
    if grid::container(bytes)? == grid::Container::Word {
        return std::panic::catch_unwind(|| crate::docx::read::read_report(bytes)).unwrap_or_else(
            |_| {
                Err(FormError::Unreadable {
                    detail: "damaged document structure".into(),
                })
            },
        );
    }
    let grids = std::panic::catch_unwind(|| grid::read_grids(bytes)).unwrap_or_else(|_| {
        Err(FormError::Unreadable {
            detail: "damaged workbook structure".into(),
        })
    })?;
    layout::read(&grids)
}
