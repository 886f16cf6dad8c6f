//! 绩效运行监控 (`docs/REFERENCE.md`): a round's time progress (序时进度), the light of each indicator
//! and of the budget against it, the round's findings, and the year-end score as forecast. The
//! rounds are the model's ([`crate::model::Round`]); every comparison is exact.

mod check;
mod forecast;
mod lights;
mod merge;

pub(crate) use check::check;
pub use forecast::{forecast, Forecast};
pub use lights::{budget_light, leaf_lights, light_counts, progress, BudgetLight, LeafLight};
pub use merge::{merge, Merged};

use crate::date::{parse_date, Date};
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
    /// The document's settings, the published defaults where it says nothing usable (bands
    /// that are not three ascending numbers are the defaults).
    pub fn of(doc: &Document) -> Settings {
        let m = doc.settings.monitoring.as_ref();
        let bands = m
            .and_then(|m| m.bands.as_ref())
            .and_then(|b| {
                let read = |i: usize| b.get(i).and_then(crate::number::Num::ok);
                let bands = [read(0)?, read(1)?, read(2)?];
                (bands[0] <= bands[1] && bands[1] <= bands[2]).then_some(bands)
            })
            .unwrap_or([Decimal::from(60), Decimal::from(80), Decimal::from(120)]);
        let yellow_needs_reason = m.and_then(|m| m.reason_required.as_deref()) != Some("red");
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
