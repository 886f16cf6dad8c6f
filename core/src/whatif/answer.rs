//! What 需要多少 answers, in words: the same texts for `jixiao seek`, the JS module and the page's
//! 情景 tab.

use super::seek::{Direction, Goal, Method};
use crate::message::Message;
use crate::number::show2;
use rust_decimal::Decimal;

/// Which way the value must go: `至少需要` / `最多可以是`.
impl Message for Direction {
    fn zh(&self) -> String {
        match self {
            Direction::AtLeast => "至少需要",
            Direction::AtMost => "最多可以是",
        }
        .to_string()
    }

    fn en(&self) -> String {
        match self {
            Direction::AtLeast => "needs at least",
            Direction::AtMost => "may be at most",
        }
        .to_string()
    }
}

/// One sentence (or part of one) of a goal seek's answer.
#[derive(Clone, Debug, PartialEq)]
pub enum SeekText<'a> {
    /// `field 至少需要 value`.
    Needs {
        /// The field, as its path or as the user knows it.
        field: &'a str,
        /// Which way.
        direction: Direction,
        /// The value found.
        value: Decimal,
    },
    /// How the value was found: `精确求解` / `二分搜索，精度 0.01`.
    How {
        /// Closed form or bisection.
        method: Method,
        /// The bisection's grid.
        precision: Decimal,
    },
    /// What the document scores with the value in place.
    WithIt {
        /// The total.
        total: Decimal,
        /// The grade.
        grade: Option<&'a str>,
        /// The current value already reaches the goal.
        already: bool,
    },
    /// No value of the field reaches the goal (`jixiao seek`'s message).
    Unreachable {
        /// The field's path.
        field: &'a str,
        /// The goal.
        goal: &'a Goal,
    },
    /// `无法达到：`, before [`SeekText::BestIs`].
    NotReached,
    /// No value of the field reaches the goal, with the best total there is (the page's).
    BestIs {
        /// The best total any value gives.
        best_total: Decimal,
    },
    /// The target total typed is not a number.
    TotalNotANumber,
}

impl Message for SeekText<'_> {
    fn zh(&self) -> String {
        match self {
            SeekText::Needs {
                field,
                direction,
                value,
            } => format!("{field} {} {value}", direction.zh()),
            SeekText::How {
                method: Method::Exact,
                ..
            } => "精确求解".to_string(),
            SeekText::How { precision, .. } => {
                format!("二分搜索，精度 {}", precision.normalize())
            }
            SeekText::WithIt {
                total,
                grade,
                already,
            } => format!(
                "采用后总分 {}，等级 {}{}",
                show2(*total),
                grade.unwrap_or_default(),
                if *already {
                    "；当前值已达到目标。"
                } else {
                    ""
                }
            ),
            SeekText::Unreachable { field, goal } => {
                format!("无论“{field}”取何值都无法达到目标（{goal}）")
            }
            SeekText::NotReached => "无法达到：".to_string(),
            SeekText::BestIs { best_total } => format!(
                "无论该字段取何值都达不到这个目标（最多可得 {} 分）。",
                show2(*best_total)
            ),
            SeekText::TotalNotANumber => "目标总分不是数字".to_string(),
        }
    }

    fn en(&self) -> String {
        match self {
            SeekText::Needs {
                field,
                direction,
                value,
            } => format!("{field} {} {value}", direction.en()),
            SeekText::How {
                method: Method::Exact,
                ..
            } => "exact".to_string(),
            SeekText::How { precision, .. } => {
                format!("bisection, precision {}", precision.normalize())
            }
            SeekText::WithIt {
                total,
                grade,
                already,
            } => format!(
                "With it the total is {}, grade {}{}",
                show2(*total),
                grade.unwrap_or_default(),
                if *already {
                    "; the current value already reaches the goal."
                } else {
                    ""
                }
            ),
            SeekText::Unreachable { field, goal } => format!("no value of {field} reaches {goal}"),
            SeekText::NotReached => "Unreachable: ".to_string(),
            SeekText::BestIs { best_total } => format!(
                "no value of this field reaches the goal (the best total is {}).",
                show2(*best_total)
            ),
            SeekText::TotalNotANumber => "The target total is not a number".to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::message::Lang;

    #[test]
    fn the_answer_reads_the_same_in_every_place_that_shows_it() {
        let needs = SeekText::Needs {
            field: "budget/b1/spent",
            direction: Direction::AtLeast,
            value: Decimal::new(8762, 2),
        };
        assert_eq!(needs.zh(), "budget/b1/spent 至少需要 87.62");
        assert_eq!(needs.en(), "budget/b1/spent needs at least 87.62");
        let how = SeekText::How {
            method: Method::Bisection,
            precision: Decimal::new(100, 4),
        };
        assert_eq!(how.text(Lang::Zh), "二分搜索，精度 0.01");
        let with = SeekText::WithIt {
            total: Decimal::from(90),
            grade: Some("优"),
            already: true,
        };
        assert_eq!(with.zh(), "采用后总分 90.00，等级 优；当前值已达到目标。");
        let goal = Goal::Grade("优".into());
        let no = SeekText::Unreachable {
            field: "indicators/L1/rule/actual",
            goal: &goal,
        };
        assert_eq!(
            no.en(),
            "no value of indicators/L1/rule/actual reaches grade 优"
        );
    }
}
