//! Reading the 项目支出绩效自评表 people already have (`.xlsx`, `.xls`) into a `jixiao/1`
//! document. Parts are found by their titles, never by cell positions (FORMS.md); rules are
//! inferred from what is written (`≥95%`, `不少于3期`, `有效提升`), each inference kept on the rule
//! so that the audit reports it (`rule-inferred`); every printed figure becomes a claim.

mod grid;
mod layout;
mod paste;
mod written;

pub use grid::{kind, Kind, MAX_INFLATED_BYTES};
pub use layout::{FormRead, Summary};
pub use paste::{cells, paste_budget, paste_indicators, titled};
pub use written::{normalise, read_steps, read_written, type_target, Op, Written};

use crate::message::Message;
use std::fmt;

/// Why a file cannot be read as a form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FormError {
    /// Not a workbook at all (a PNG, a `.docx`, text).
    NotAWorkbook,
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
}

impl Message for FormError {
    fn zh(&self) -> String {
        match self {
            FormError::NotAWorkbook => {
                "这不是 Excel 或 WPS 工作簿（.xlsx 或 .xls），无法读取".into()
            }
            FormError::Password => "工作簿设有密码，请在 Excel 或 WPS 中取消密码后再导入".into(),
            FormError::TooLarge { bytes } => format!(
                "工作簿解压后有 {} MiB，超过 {} MiB 的上限，未读取",
                bytes / (1024 * 1024),
                MAX_INFLATED_BYTES / (1024 * 1024)
            ),
            FormError::Unreadable { detail } => format!("工作簿已损坏或无法读取（{detail}）"),
            FormError::NoTable => {
                "工作簿中找不到绩效指标表（需要“一级指标”“二级指标”“三级指标”等表头）".into()
            }
        }
    }

    fn en(&self) -> String {
        match self {
            FormError::NotAWorkbook => {
                "this is not an Excel or WPS workbook (.xlsx or .xls)".into()
            }
            FormError::Password => {
                "the workbook is password-protected: remove the password in Excel or WPS first"
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
    let grids = std::panic::catch_unwind(|| grid::read_grids(bytes)).unwrap_or_else(|_| {
        Err(FormError::Unreadable {
            detail: "damaged workbook structure".into(),
        })
    })?;
    layout::read(&grids)
}
