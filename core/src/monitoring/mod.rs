//! 绩效运行监控 (MONITORING.md): a round's time progress (序时进度), the light of each indicator
//! and of the budget against it, the round's findings, and the year-end score as forecast. The
//! rounds are the model's ([`crate::model::Round`]); every comparison is exact.

mod check;
mod forecast;
mod lights;
mod merge;
mod output;

pub use check::check;
pub use forecast::{forecast, Forecast};
pub use lights::{
    budget_light, leaf_lights, light_counts, progress, BudgetLight, Category, LeafLight, Light,
};
pub use merge::{merge, Merged};
pub use output::output;

use crate::date::{parse_date, Date};
use crate::message::Message;
use crate::model::{Document, Round};
use rust_decimal::Decimal;

/// A round's settings (`settings.monitoring`): the bands of the prorated lights and which lights
/// need a reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settings {
    /// The ratio (percent) below which a light is red, yellow, and from which it is blue.
    pub bands: [Decimal; 3],
    /// Yellow lights need a reason too (`red_or_yellow`, the default) or only red ones (`red`).
    pub yellow_needs_reason: bool,
}

impl Settings {
    /// The document's settings, the published defaults where it says nothing usable.
    pub fn of(doc: &Document) -> Settings {
        let m = doc.settings.extra.get("monitoring");
        let bands = m
            .and_then(|m| m.get("bands"))
            .and_then(|b| b.as_array())
            .and_then(|b| {
                let read = |i: usize| {
                    b.get(i).and_then(|v| match v {
                        serde_json::Value::String(s) => crate::number::parse_decimal(s).ok(),
                        serde_json::Value::Number(n) => {
                            crate::number::parse_decimal(&n.to_string()).ok()
                        }
                        _ => None,
                    })
                };
                let bands = [read(0)?, read(1)?, read(2)?];
                (bands[0] <= bands[1] && bands[1] <= bands[2]).then_some(bands)
            })
            .unwrap_or([Decimal::from(60), Decimal::from(80), Decimal::from(120)]);
        let yellow_needs_reason = m
            .and_then(|m| m.get("reason_required"))
            .and_then(|r| r.as_str())
            != Some("red");
        Settings {
            bands,
            yellow_needs_reason,
        }
    }
}

/// The round whose `as_of` is `as_of`, or the latest one (by date, then by position).
pub fn round<'a>(doc: &'a Document, as_of: Option<&str>) -> Option<&'a Round> {
    match as_of {
        Some(wanted) => {
            let wanted_date = parse_date(wanted);
            doc.monitoring.iter().find(|r| {
                r.as_of == wanted || (wanted_date.is_some() && parse_date(&r.as_of) == wanted_date)
            })
        }
        None => doc
            .monitoring
            .iter()
            .enumerate()
            .max_by_key(|(i, r)| (parse_date(&r.as_of), *i))
            .map(|(_, r)| r),
    }
}

/// The document's year (`meta.year`), if it says one.
pub fn year(doc: &Document) -> Option<i32> {
    let text = doc.meta_text("year");
    let digits: String = text.chars().filter(char::is_ascii_digit).take(4).collect();
    digits.parse().ok()
}

/// 序时进度 t as an exact fraction `num / den` of the year: (m − 1 + d / D) / 12 for day d of
/// month m of D days, i.e. ((m − 1)·D + d) / (12·D) (31 July → 7/12). Outside the document's year
/// it is 0 or 1. Comparisons multiply across rather than divide, so that no rounding decides a
/// light.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TimeProgress {
    /// The numerator.
    pub num: Decimal,
    /// The denominator (never zero).
    pub den: Decimal,
}

impl TimeProgress {
    /// t in percent, for showing.
    pub fn percent(self) -> Decimal {
        self.num
            .checked_mul(Decimal::ONE_HUNDRED)
            .and_then(|n| n.checked_div(self.den))
            .unwrap_or(Decimal::ZERO)
    }

    /// Whether no time has passed.
    pub fn is_zero(self) -> bool {
        self.num <= Decimal::ZERO
    }

    /// `x × t`.
    pub fn of(self, x: Decimal) -> Option<Decimal> {
        x.checked_mul(self.num)?.checked_div(self.den)
    }

    /// `x / t` (the pace to date carried to the year's end).
    pub fn extrapolate(self, x: Decimal) -> Option<Decimal> {
        if self.is_zero() {
            return None;
        }
        x.checked_mul(self.den)?.checked_div(self.num)
    }
}

/// 序时进度 of `as_of` in the document's year.
pub fn time_progress(as_of: Date, year: Option<i32>) -> TimeProgress {
    let whole = |n: i64| TimeProgress {
        num: Decimal::from(n),
        den: Decimal::ONE,
    };
    match year {
        Some(y) if as_of.year < y => return whole(0),
        Some(y) if as_of.year > y => return whole(1),
        _ => {}
    }
    let days = Date::end_of_month(as_of.year, as_of.month).map_or(30, |d| d.day);
    let days = Decimal::from(days);
    let num = Decimal::from(as_of.month.saturating_sub(1))
        .checked_mul(days)
        .and_then(|m| m.checked_add(Decimal::from(as_of.day)));
    match (num, days.checked_mul(Decimal::from(12))) {
        (Some(num), Some(den)) if den > Decimal::ZERO => TimeProgress {
            num: num.min(den),
            den,
        },
        _ => whole(0),
    }
}

/// The likelihood a round says (完成目标可能性).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Likelihood {
    /// 确定能.
    Certain,
    /// 有可能.
    Possible,
    /// 完全不可能.
    Impossible,
}

impl Likelihood {
    /// Reads the file's word (or the form's Chinese).
    /// The form's words as staff write them: `确定能（完成）`, `能`, `有可能`, `（完全）不可能`,
    /// `无法完成`.
    pub fn parse(text: &str) -> Option<Likelihood> {
        let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        match t.as_str() {
            "certain" => return Some(Likelihood::Certain),
            "possible" => return Some(Likelihood::Possible),
            "impossible" => return Some(Likelihood::Impossible),
            _ => {}
        }
        if t.contains("不可能") || t.contains("无法") || t.contains("不能") {
            Some(Likelihood::Impossible)
        } else if t.contains("可能") {
            Some(Likelihood::Possible)
        } else if t == "否" {
            Some(Likelihood::Impossible)
        } else if t.starts_with("确定") || t.starts_with('能') || t == "是" {
            Some(Likelihood::Certain)
        } else {
            None
        }
    }

    /// The word in the file.
    pub fn key(self) -> &'static str {
        match self {
            Likelihood::Certain => "certain",
            Likelihood::Possible => "possible",
            Likelihood::Impossible => "impossible",
        }
    }
}

impl Message for Likelihood {
    fn zh(&self) -> String {
        match self {
            Likelihood::Certain => "确定能",
            Likelihood::Possible => "有可能",
            Likelihood::Impossible => "完全不可能",
        }
        .into()
    }

    fn en(&self) -> String {
        match self {
            Likelihood::Certain => "certain",
            Likelihood::Possible => "possible",
            Likelihood::Impossible => "impossible",
        }
        .into()
    }
}

/// A category of 偏差原因 (the form's columns).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cause {
    /// 经费保障.
    Funding,
    /// 制度保障.
    Policy,
    /// 人员保障.
    Staff,
    /// 硬件条件保障.
    Equipment,
    /// 其他.
    Other,
}

impl Cause {
    /// Every category, in the form's order.
    pub const ALL: [Cause; 5] = [
        Cause::Funding,
        Cause::Policy,
        Cause::Staff,
        Cause::Equipment,
        Cause::Other,
    ];

    /// The word in the file.
    pub fn key(self) -> &'static str {
        match self {
            Cause::Funding => "funding",
            Cause::Policy => "policy",
            Cause::Staff => "staff",
            Cause::Equipment => "equipment",
            Cause::Other => "other",
        }
    }

    /// Reads the file's word, or the form's column title (`经费保障`, `制度保障`…).
    pub fn parse(text: &str) -> Option<Cause> {
        let t = text.trim();
        Cause::ALL.into_iter().find(|c| {
            t == c.key()
                || match c {
                    Cause::Funding => t.starts_with("经费") || t.starts_with("资金"),
                    Cause::Policy => t.starts_with("制度") || t.starts_with("政策"),
                    Cause::Staff => t.starts_with("人员"),
                    Cause::Equipment => t.starts_with("硬件") || t.starts_with("设备"),
                    Cause::Other => t == "其他" || t == "其它",
                }
        })
    }
}

impl Message for Cause {
    fn zh(&self) -> String {
        match self {
            Cause::Funding => "经费保障",
            Cause::Policy => "制度保障",
            Cause::Staff => "人员保障",
            Cause::Equipment => "硬件条件保障",
            Cause::Other => "其他",
        }
        .into()
    }

    fn en(&self) -> String {
        match self {
            Cause::Funding => "funding",
            Cause::Policy => "rules and policy",
            Cause::Staff => "staff",
            Cause::Equipment => "equipment",
            Cause::Other => "other",
        }
        .into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Date {
        Date {
            year: y,
            month: m,
            day,
        }
    }

    fn fraction(t: TimeProgress) -> (Decimal, Decimal) {
        (t.num, t.den)
    }

    #[test]
    fn time_progress_is_the_fraction_of_the_year() {
        // 31 July: 217 / 372 = 7/12 exactly.
        let july = time_progress(d(2026, 7, 31), Some(2026));
        assert_eq!(july.num * Decimal::from(12), july.den * Decimal::from(7));
        assert_eq!(crate::number::show2(july.percent()), "58.33");
        assert_eq!(
            time_progress(d(2026, 6, 30), Some(2026)).percent(),
            Decimal::from(50)
        );
        assert_eq!(
            time_progress(d(2026, 12, 31), Some(2026)).percent(),
            Decimal::ONE_HUNDRED
        );
        // The middle of February 2024 (29 days): (29 + 15) / (12 × 29).
        assert_eq!(
            fraction(time_progress(d(2024, 2, 15), Some(2024))),
            (Decimal::from(44), Decimal::from(348))
        );
        assert!(time_progress(d(2025, 7, 31), Some(2026)).is_zero());
        assert_eq!(
            time_progress(d(2027, 1, 1), Some(2026)).percent(),
            Decimal::ONE_HUNDRED
        );
    }
}
