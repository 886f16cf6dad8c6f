//! The rules' formulas (the completion of a leaf under each rule kind) and the checked decimal
//! arithmetic they are written in: pure functions of exact decimals, with no field read and no
//! finding made. Scoring reads and checks a leaf's fields and applies them; the form reader
//! applies them to a form's rows to tell whether the form prints whole points.

use crate::model::{Formula, Tier};
use rust_decimal::Decimal;

/// Arithmetic left the range of an exact decimal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Overflow;

pub(crate) type Calc = Result<Decimal, Overflow>;

pub(crate) const HUNDRED: Decimal = Decimal::ONE_HUNDRED;

pub(crate) fn add(a: Decimal, b: Decimal) -> Calc {
    a.checked_add(b).ok_or(Overflow)
}

pub(crate) fn sub(a: Decimal, b: Decimal) -> Calc {
    a.checked_sub(b).ok_or(Overflow)
}

pub(crate) fn mul(a: Decimal, b: Decimal) -> Calc {
    a.checked_mul(b).ok_or(Overflow)
}

/// `a / b`; callers make sure `b` is not zero (a zero divisor is reported as overflow).
pub(crate) fn div(a: Decimal, b: Decimal) -> Calc {
    a.checked_div(b).ok_or(Overflow)
}

/// `a / b × 100`, the way every rate is written.
pub(crate) fn percent(a: Decimal, b: Decimal) -> Calc {
    // Multiplying first keeps more significant digits than dividing first.
    match a.checked_mul(HUNDRED) {
        Some(scaled) => div(scaled, b),
        None => mul(div(a, b)?, HUNDRED),
    }
}

/// Σ of the values.
pub(crate) fn sum(values: impl IntoIterator<Item = Decimal>) -> Calc {
    values.into_iter().try_fold(Decimal::ZERO, add)
}

/// 正向: 1 at or above the target (or when the target is not above 0), else the ratio.
pub(crate) fn at_least(target: Decimal, actual: Decimal) -> Calc {
    if actual >= target || target <= Decimal::ZERO {
        return Ok(Decimal::ONE);
    }
    div(actual.max(Decimal::ZERO), target)
}

/// The rate an `at_least` rule's steps are read against: actual / target × 100, or 100 when the
/// target is not above 0.
pub(crate) fn at_least_rate(target: Decimal, actual: Decimal) -> Calc {
    if target <= Decimal::ZERO {
        Ok(HUNDRED)
    } else {
        percent(actual, target)
    }
}

/// 反向: full marks at or below the target.
pub(crate) fn at_most(target: Decimal, actual: Decimal, formula: Formula) -> Calc {
    if actual <= target {
        return Ok(Decimal::ONE);
    }
    if target <= Decimal::ZERO {
        return Ok(Decimal::ZERO);
    }
    match formula {
        Formula::Ratio => div(target, actual),
        Formula::Linear => {
            let over = div(sub(actual, target)?, target)?;
            Ok(sub(Decimal::ONE, over)?.max(Decimal::ZERO))
        }
    }
}

/// 等于: full marks within the tolerance, else falling with the relative distance.
pub(crate) fn equal(target: Decimal, actual: Decimal, tolerance: Decimal) -> Calc {
    let distance = sub(actual, target)?.abs();
    if distance <= tolerance {
        return Ok(Decimal::ONE);
    }
    if target.is_zero() {
        return Ok(Decimal::ZERO);
    }
    Ok(sub(Decimal::ONE, div(distance, target.abs())?)?.max(Decimal::ZERO))
}

/// A rate in percent as a completion, capped to [0, 1].
pub(crate) fn capped_rate(rate: Decimal) -> Calc {
    Ok(div(rate, HUNDRED)?.clamp(Decimal::ZERO, Decimal::ONE))
}

/// 区间计分: the fraction of the step (minimum, fraction) with the highest minimum at or below
/// the rate; 0 when no step is reached.
pub(crate) fn stepped(
    steps: impl IntoIterator<Item = (Decimal, Decimal)>,
    rate: Decimal,
) -> Decimal {
    let mut best: Option<(Decimal, Decimal)> = None;
    for (min, fraction) in steps {
        if min <= rate && best.is_none_or(|(m, _)| min > m) {
            best = Some((min, fraction));
        }
    }
    best.map_or(Decimal::ZERO, |(_, f)| f)
}

/// The band of a tier: achieved [0.8, 1], partial [0.6, 0.8), missed [0, 0.6).
pub(crate) fn tier_band(tier: Tier) -> (Decimal, Decimal) {
    let tenths = |n| Decimal::new(n, 1);
    match tier {
        Tier::Achieved => (tenths(8), Decimal::ONE),
        Tier::Partial => (tenths(6), tenths(8)),
        Tier::Missed => (Decimal::ZERO, tenths(6)),
    }
}

/// Whether a fraction lies in its tier's band (the achieved band includes 1).
pub(crate) fn in_band(tier: Tier, fraction: Decimal) -> bool {
    let (low, high) = tier_band(tier);
    match tier {
        Tier::Achieved => fraction >= low && fraction <= high,
        _ => fraction >= low && fraction < high,
    }
}

/// A survey's satisfaction: the mean, over the questions answered, of Σ(count × worth) / Σcount
/// (the worth of an option is its weight, or 100 / 0 for a share of satisfied answers).
pub(crate) fn satisfaction(questions: &[Vec<Decimal>], worth: &[Decimal]) -> Option<Decimal> {
    let mut sum = Decimal::ZERO;
    let mut answered = Decimal::ZERO;
    for counts in questions {
        let total = self::sum(counts.iter().copied()).ok()?;
        if total.is_zero() {
            continue;
        }
        let weighted = counts
            .iter()
            .zip(worth)
            .try_fold(Decimal::ZERO, |acc, (c, w)| add(acc, mul(*c, *w)?))
            .ok()?;
        sum = add(sum, div(weighted, total).ok()?).ok()?;
        answered = add(answered, Decimal::ONE).ok()?;
    }
    (!answered.is_zero())
        .then(|| div(sum, answered).ok())
        .flatten()
}
