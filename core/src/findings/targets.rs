//! What the review of declared targets (绩效目标审核) reports, and what holding a document to
//! its declaration finds: each problem says what to write instead, with the word or the figures
//! it is about.

use super::Level;
use crate::message::{Arg, Markup, Message, Text};

/// A problem of the targets as declared, or of a document against its declaration.
#[derive(Clone, Debug, PartialEq)]
pub enum TargetProblem {
    /// A header field the 申报表 needs is not written (项目名称, 主管部门, 年度总体目标, 实施单位).
    MissingHeader {
        /// Its key in `meta`.
        key: String,
        /// Its title on the form.
        title: String,
    },
    /// No indicator stands under a category of the framework (产出, 效益, 满意度, 成本).
    MissingCategory {
        /// The category's name.
        category: String,
    },
    /// A leaf has no 年度指标值.
    MissingTarget,
    /// A 年度指标值 is a placeholder (`*`, `XX`, `待定`, `…`).
    Placeholder {
        /// As written.
        written: String,
    },
    /// A quantitative target written without a number (`有效提升`).
    Vague {
        /// As written.
        written: String,
    },
    /// A 时效 target with neither a date nor a time allowed (`及时`, `按时`).
    VagueDeadline {
        /// As written.
        written: String,
    },
    /// A number without an operator, read as the forms are read.
    OperatorAssumed {
        /// As written.
        written: String,
        /// Read as at most (under 成本) rather than at least.
        at_most: bool,
    },
    /// 项目资金总额 ≠ 财政资金 + 其他资金, or 年度资金申请总额 ≠ its parts.
    FundsMismatch {
        /// The year's request (`true`) or the whole project's.
        annual: bool,
        /// The total as written.
        total: String,
        /// The sum of its parts.
        parts: String,
    },
    /// The year's request is more than the project's total.
    AnnualOverTotal {
        /// 年度资金申请总额.
        annual: String,
        /// 项目资金总额.
        total: String,
    },
    /// The budget lines' Σ planned ≠ 年度资金申请总额.
    BudgetNotAnnual {
        /// Σ planned.
        planned: String,
        /// 年度资金申请总额.
        annual: String,
    },
    /// 计划开始日期 after 计划完成日期.
    StartAfterEnd {
        /// 计划开始日期.
        start: String,
        /// 计划完成日期.
        end: String,
    },
    /// A 时效 deadline after the project's end.
    DeadlineAfterEnd {
        /// The deadline.
        deadline: String,
        /// 计划完成日期.
        end: String,
    },
    /// A 时效 deadline outside the document's year.
    DeadlineOutsideYear {
        /// The deadline.
        deadline: String,
        /// The document's year.
        year: i32,
    },
    /// A 成本 target written as a lower bound.
    CostLowerBound {
        /// As written.
        written: String,
    },
    /// A rate that cannot exceed 100% set above it.
    RateOver100 {
        /// As written.
        written: String,
    },
    /// A 满意度 target outside (0, 100].
    SatisfactionOutOfRange {
        /// As written.
        written: String,
    },
    /// A leaf's 分值 is zero or less.
    PointsNotPositive {
        /// 分值 as written.
        points: String,
    },
    /// The same 三级指标 twice under one 二级指标.
    DuplicateName {
        /// The name.
        name: String,
    },
    /// A target changed since it was declared.
    Changed {
        /// As declared.
        declared: String,
        /// As it is now.
        now: String,
        /// The leaf's score against the declared target.
        declared_score: String,
        /// Its score now.
        score: String,
    },
    /// A leaf's 分值 changed since it was declared.
    PointsChanged {
        /// As declared.
        declared: String,
        /// As it is now.
        now: String,
    },
    /// A declared target whose leaf is no longer in the document.
    Removed {
        /// Its name.
        name: String,
        /// As declared.
        declared: String,
    },
    /// A leaf added since the declaration.
    Added,
}

impl TargetProblem {
    /// A stable code.
    pub fn code(&self) -> &'static str {
        match self {
            TargetProblem::MissingHeader { key, .. } => match key.as_str() {
                "title" => "missing-project-name",
                "department" => "missing-department",
                "annual_goal" => "missing-annual-goal",
                _ => "missing-implementing-unit",
            },
            TargetProblem::MissingCategory { category } if category == "成本" => {
                "missing-cost-category"
            }
            TargetProblem::MissingCategory { .. } => "missing-category",
            TargetProblem::MissingTarget => "missing-target",
            TargetProblem::Placeholder { .. } => "target-placeholder",
            TargetProblem::Vague { .. } => "vague-target",
            TargetProblem::VagueDeadline { .. } => "vague-deadline",
            TargetProblem::OperatorAssumed { .. } => "operator-assumed",
            TargetProblem::FundsMismatch { annual: false, .. } => "funds-total-mismatch",
            TargetProblem::FundsMismatch { annual: true, .. } => "annual-funds-mismatch",
            TargetProblem::AnnualOverTotal { .. } => "annual-over-total",
            TargetProblem::BudgetNotAnnual { .. } => "budget-not-annual",
            TargetProblem::StartAfterEnd { .. } => "start-after-end",
            TargetProblem::DeadlineAfterEnd { .. } => "deadline-after-end",
            TargetProblem::DeadlineOutsideYear { .. } => "deadline-outside-year",
            TargetProblem::CostLowerBound { .. } => "cost-lower-bound",
            TargetProblem::RateOver100 { .. } => "rate-over-100",
            TargetProblem::SatisfactionOutOfRange { .. } => "satisfaction-target-out-of-range",
            TargetProblem::PointsNotPositive { .. } => "points-not-positive",
            TargetProblem::DuplicateName { .. } => "duplicate-indicator-name",
            TargetProblem::Changed { .. } => "target-changed-since-declared",
            TargetProblem::PointsChanged { .. } => "points-changed-since-declared",
            TargetProblem::Removed { .. } => "declared-target-removed",
            TargetProblem::Added => "target-added-since-declared",
        }
    }

    /// Whether it is only that something is not written yet (a header field, a target, a
    /// category of indicators).
    pub fn is_unfilled(&self) -> bool {
        matches!(
            self,
            TargetProblem::MissingHeader { .. }
                | TargetProblem::MissingTarget
                | TargetProblem::MissingCategory { .. }
        )
    }

    /// The severity.
    pub fn level(&self) -> Level {
        match self {
            TargetProblem::MissingHeader { key, .. } if key == "unit" => Level::Warning,
            TargetProblem::MissingHeader { .. } => Level::Error,
            TargetProblem::MissingCategory { category } if category == "成本" => Level::Warning,
            TargetProblem::MissingCategory { .. }
            | TargetProblem::MissingTarget
            | TargetProblem::Placeholder { .. }
            | TargetProblem::FundsMismatch { .. }
            | TargetProblem::AnnualOverTotal { .. }
            | TargetProblem::StartAfterEnd { .. }
            | TargetProblem::DeadlineAfterEnd { .. }
            | TargetProblem::RateOver100 { .. }
            | TargetProblem::SatisfactionOutOfRange { .. }
            | TargetProblem::PointsNotPositive { .. } => Level::Error,
            TargetProblem::OperatorAssumed { .. } => Level::Info,
            _ => Level::Warning,
        }
    }

    fn markup(&self) -> Markup {
        let mut m = Markup::default();
        let s = |t: &str| Arg::Same(t.to_string());
        match self {
            TargetProblem::MissingHeader { key, title } => m.push(
                Text("未填写{title}", "{key} ({title}) is not written"),
                vec![("title", s(title)), ("key", s(key))],
            ),
            TargetProblem::MissingCategory { category } => m.push(
                Text(
                    "缺少“{category}指标”：指标体系应包含产出、效益、满意度指标（2021年起另有成本指标），每类至少一个三级指标",
                    "no indicator under “{category}”: the framework has 产出, 效益 and 满意度 indicators (and 成本 since 2021), at least one of each",
                ),
                vec![("category", s(category))],
            ),
            TargetProblem::MissingTarget => m.push(
                Text("未填写年度指标值", "no annual target (年度指标值) is written"),
                vec![],
            ),
            TargetProblem::Placeholder { written } => m.push(
                Text(
                    "年度指标值“{written}”是占位符：请填写实际的指标值",
                    "the target “{written}” is a placeholder: write the target itself",
                ),
                vec![("written", s(written))],
            ),
            TargetProblem::Vague { written } => m.push(
                Text(
                    "“{written}”不可衡量：请写出数值（如 ≥95%、≥100人次），或改为分档的定性指标并写明达成、部分达成、未达成各指什么",
                    "“{written}” cannot be measured: write a number (≥95%, ≥100 people), or make it a tiered qualitative target saying what 达成, 部分达成 and 未达成 each mean",
                ),
                vec![("written", s(written))],
            ),
            TargetProblem::VagueDeadline { written } => m.push(
                Text(
                    "时效指标“{written}”没有日期或时限：请写明完成日期（如 2026年11月30日前）或时限（如 ≤30个工作日）",
                    "the timeliness target “{written}” has neither a date nor a time allowed: write the date (2026年11月30日前) or the time (≤30个工作日)",
                ),
                vec![("written", s(written))],
            ),
            TargetProblem::OperatorAssumed { written, at_most } => m.push(
                if *at_most {
                    Text(
                        "“{written}”未写比较符号，成本指标按“不高于”（≤）读取；如非此意请写明 ≤、≥ 或 =",
                        "“{written}” has no operator: as a cost it is read as at most (≤); write ≤, ≥ or = if that is not meant",
                    )
                } else {
                    Text(
                        "“{written}”未写比较符号，按“不低于”（≥）读取；如非此意请写明 ≤、≥ 或 =",
                        "“{written}” has no operator: it is read as at least (≥); write ≤, ≥ or = if that is not meant",
                    )
                },
                vec![("written", s(written))],
            ),
            TargetProblem::FundsMismatch {
                annual,
                total,
                parts,
            } => m.push(
                if *annual {
                    Text(
                        "年度资金申请总额 {total} 不等于当年财政拨款、上年结转资金与其他资金之和 {parts}",
                        "the year's request {total} is not the sum {parts} of its appropriation, carried-over and other funds",
                    )
                } else {
                    Text(
                        "项目资金总额 {total} 不等于财政资金与其他资金之和 {parts}",
                        "the project's total {total} is not the sum {parts} of its fiscal and other funds",
                    )
                },
                vec![("total", s(total)), ("parts", s(parts))],
            ),
            TargetProblem::AnnualOverTotal { annual, total } => m.push(
                Text(
                    "年度资金申请总额 {annual} 超过项目资金总额 {total}",
                    "the year's request {annual} is more than the project's total {total}",
                ),
                vec![("annual", s(annual)), ("total", s(total))],
            ),
            TargetProblem::BudgetNotAnnual { planned, annual } => m.push(
                Text(
                    "预算明细合计 {planned} 与年度资金申请总额 {annual} 不符",
                    "the budget lines add up to {planned}, not the year's request {annual}",
                ),
                vec![("planned", s(planned)), ("annual", s(annual))],
            ),
            TargetProblem::StartAfterEnd { start, end } => m.push(
                Text(
                    "计划开始日期 {start} 晚于计划完成日期 {end}",
                    "the planned start {start} is after the planned end {end}",
                ),
                vec![("start", s(start)), ("end", s(end))],
            ),
            TargetProblem::DeadlineAfterEnd { deadline, end } => m.push(
                Text(
                    "完成时限 {deadline} 晚于项目计划完成日期 {end}",
                    "the deadline {deadline} is after the project's planned end {end}",
                ),
                vec![("deadline", s(deadline)), ("end", s(end))],
            ),
            TargetProblem::DeadlineOutsideYear { deadline, year } => m.push(
                Text(
                    "完成时限 {deadline} 不在 {year} 年度内",
                    "the deadline {deadline} is outside {year}",
                ),
                vec![("deadline", s(deadline)), ("year", Arg::Same(year.to_string()))],
            ),
            TargetProblem::CostLowerBound { written } => m.push(
                Text(
                    "成本指标“{written}”写成了下限：成本应有上限，请写成 ≤（不高于）",
                    "the cost target “{written}” is a lower bound: a cost has an upper bound, write ≤",
                ),
                vec![("written", s(written))],
            ),
            TargetProblem::RateOver100 { written } => m.push(
                Text(
                    "“{written}”超过 100%：该比率不可能超过 100%",
                    "“{written}” is above 100%, which this rate cannot exceed",
                ),
                vec![("written", s(written))],
            ),
            TargetProblem::SatisfactionOutOfRange { written } => m.push(
                Text(
                    "满意度指标值“{written}”应在 0 至 100% 之间（不含 0）",
                    "the satisfaction target “{written}” must lie in (0, 100%]",
                ),
                vec![("written", s(written))],
            ),
            TargetProblem::PointsNotPositive { points } => m.push(
                Text("分值 {points} 应大于 0", "points {points} must be more than 0"),
                vec![("points", s(points))],
            ),
            TargetProblem::DuplicateName { name } => m.push(
                Text(
                    "同一二级指标下有两个“{name}”：请合并或改用不同的名称",
                    "“{name}” twice under the same second-level indicator: merge them or name them apart",
                ),
                vec![("name", s(name))],
            ),
            TargetProblem::Changed {
                declared,
                now,
                declared_score,
                score,
            } => m.push(
                Text(
                    "年度指标值申报为 {declared}，现为 {now}（按申报值本项得 {declared_score} 分，现得 {score} 分）",
                    "declared as {declared}, now {now} ({declared_score} points against the declared target, {score} now)",
                ),
                vec![
                    ("declared", s(declared)),
                    ("now", s(now)),
                    ("declared_score", s(declared_score)),
                    ("score", s(score)),
                ],
            ),
            TargetProblem::PointsChanged { declared, now } => m.push(
                Text(
                    "分值申报为 {declared}，现为 {now}",
                    "points declared as {declared}, now {now}",
                ),
                vec![("declared", s(declared)), ("now", s(now))],
            ),
            TargetProblem::Removed { name, declared } => m.push(
                Text(
                    "申报的指标“{name}”（{declared}）已不在指标中",
                    "the declared indicator “{name}” ({declared}) is no longer among the indicators",
                ),
                vec![("name", s(name)), ("declared", s(declared))],
            ),
            TargetProblem::Added => m.push(
                Text("该指标是申报后新增的", "this indicator was added after the declaration"),
                vec![],
            ),
        };
        m
    }
}

impl Message for TargetProblem {
    fn zh(&self) -> String {
        self.markup().zh()
    }

    fn en(&self) -> String {
        self.markup().en()
    }
}
