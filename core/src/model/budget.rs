use super::Extra;
use crate::number::Num;

/// One line of the 预算明细 table.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct BudgetLine {
    pub id: String,
    pub name: String,
    /// 年初预算数, shown in the 自评表; rates use `planned`.
    pub initial: Option<Num>,
    /// 全年预算数 (预算数 / 下达金额).
    pub planned: Option<Num>,
    /// 到位数; defaults to `planned`.
    pub received: Option<Num>,
    /// 执行数 (使用经费).
    pub spent: Option<Num>,
    pub note: String,
    pub extra: Extra,
}
