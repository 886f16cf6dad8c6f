//! Reading the workbooks people already have (`.xlsx`, `.xls`) into a `jixiao/1` document: the
//! 项目支出绩效自评表 and the 执行监控表. Parts are found by their titles, never by cell positions;
//! rules are inferred from what is written (`≥95%`, `不少于3期`, `有效提升`), each inference kept
//! on the rule so that the audit reports it (`rule-inferred`); every printed figure becomes a
//! claim.

mod error;
mod funds;
mod header;
mod layout;
mod monitor;
mod paste;
mod points;
mod row;
mod summary;
mod targets;
mod workbook;

pub use error::FormError;
pub(crate) use layout::read_grids;
pub use paste::{cells, paste_budget, paste_indicators, titled};
pub use summary::{FormRead, ReadNote, Summary};
pub(crate) use workbook::{container, Container};
pub use workbook::{kind, Kind, MAX_INFLATED_BYTES};

/// Reads the form in the workbook `bytes`.
///
/// The workbook parser (calamine) can panic on a damaged compound file (`.xls`); where panics
/// unwind (the command line), that is caught here and is an unreadable workbook. In the page the
/// reader is a module of its own, so a trap there is an error for that import, not for the page.
pub(crate) fn read_workbook(bytes: &[u8]) -> Result<FormRead, FormError> {
    let grids = std::panic::catch_unwind(|| workbook::read_grids(bytes)).unwrap_or_else(|_| {
        Err(FormError::Unreadable {
            detail: "damaged workbook structure".into(),
        })
    })?;
    layout::read_grids(&grids, None)
}
