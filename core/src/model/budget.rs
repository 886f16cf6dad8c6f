use super::Extra;
use crate::number::Num;

/// One line of the 预算明细 table.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct BudgetLine {
    /// The id, unique within its scope.
    pub id: String,
    /// The name as shown (名称).
    pub name: String,
    /// 年初预算数, shown in the 自评表; rates use `planned`.
    pub initial: Option<Num>,
    /// 全年预算数 (预算数 / 下达金额).
    pub planned: Option<Num>,
    /// 到位数; defaults to `planned`.
    pub received: Option<Num>,
    /// 执行数 (使用经费).
    pub spent: Option<Num>,
    /// 备注.
    pub note: String,
    /// Fields jixiao does not know, kept for the round trip.
    pub extra: Extra,
}
