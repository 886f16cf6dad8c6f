//! Numbers as people type them, kept exactly.
//!
//! A [`Num`] keeps the text it was given (so a field that does not parse is shown back to the
//! user unchanged) and the exact [`Decimal`] it stands for, parsed once.

use rust_decimal::Decimal;
use std::fmt;

/// Why a text is not a usable number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NumError {
    /// Nothing was typed.
    Empty,
    /// The text is not a number at all.
    Invalid,
    /// The number has more digits than an exact decimal can hold (about 28).
    OutOfRange,
}

impl crate::message::Message for NumError {
    fn zh(&self) -> String {
        match self {
            NumError::Empty => "未填写",
            NumError::Invalid => "不是数字",
            NumError::OutOfRange => "数值超出范围（最多约28位有效数字）",
        }
        .into()
    }

    fn en(&self) -> String {
        match self {
            NumError::Empty => "is empty",
            NumError::Invalid => "is not a number",
            NumError::OutOfRange => "is out of range (at most about 28 significant digits)",
        }
        .into()
    }
}

/// A decimal field: the text as given and its exact value.
#[derive(Clone, Debug)]
pub struct Num {
    raw: String,
    value: Result<Decimal, NumError>,
}

impl Num {
    /// Parses `raw` leniently (see [`parse_decimal`]) and keeps the text.
    pub fn new(raw: impl Into<String>) -> Num {
        let raw = raw.into();
        let value = parse_decimal(&raw);
        Num { raw, value }
    }

    /// A number made from a decimal (its text is the decimal written out).
    pub fn from_decimal(value: Decimal) -> Num {
        Num {
            raw: value.to_string(),
            value: Ok(value),
        }
    }

    /// The text as the user typed it.
    pub fn raw(&self) -> &str {
        &self.raw
    }

    /// The exact value, or why there is none.
    pub fn value(&self) -> Result<Decimal, NumError> {
        self.value.clone()
    }

    /// The value, when it parses.
    pub fn ok(&self) -> Option<Decimal> {
        self.value.as_ref().ok().copied()
    }

    /// The text written to a file: the canonical decimal when the field parses, the typed text
    /// otherwise (so nothing the user typed is lost).
    pub fn canonical(&self) -> String {
        match &self.value {
            Ok(d) => d.to_string(),
            Err(_) => self.raw.clone(),
        }
    }
}

impl PartialEq for Num {
    fn eq(&self, other: &Num) -> bool {
        match (&self.value, &other.value) {
            (Ok(a), Ok(b)) => a == b,
            (Err(_), Err(_)) => self.raw == other.raw,
            _ => false,
        }
    }
}

impl fmt::Display for Num {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.raw)
    }
}

/// The number printed in `text` (`84.28%`, `92分`, `９２．００`, `-3`) and how many decimals it
/// was printed with: what a printed figure is compared at.
pub fn printed_figure(text: &str) -> Option<(Decimal, u32)> {
    let t = crate::text::normalise(text).replace(',', "");
    let start = t.find(|c: char| c.is_ascii_digit())?;
    let (before, rest) = t.split_at(start);
    let end = rest
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(rest.len());
    let digits = rest.get(..end)?.trim_end_matches('.');
    let mut value = parse_decimal(digits).ok()?;
    if before.ends_with('-') {
        value.set_sign_negative(true);
    }
    let decimals = digits
        .split_once('.')
        .map_or(0, |(_, d)| u32::try_from(d.len()).unwrap_or(u32::MAX));
    Some((value, decimals))
}

/// Whether a printed figure agrees with the computed one: equal once the computed one is rounded
/// to the decimals the figure was printed with.
pub(crate) fn agrees(printed: &str, computed: Decimal) -> bool {
    printed_figure(printed).is_some_and(|(value, decimals)| {
        decimals <= 28
            && computed.round_dp_with_strategy(
                decimals,
                rust_decimal::RoundingStrategy::MidpointAwayFromZero,
            ) == value
    })
}

/// Parses a number the way staff type it: surrounding blanks, full-width digits and signs
/// (`１２３．５`), thousands separators (`1,234.5`, `1，234.5`), a trailing percent sign (`84.27%`,
/// read as 84.27) and scientific notation from JSON (`1e3`) are accepted.
pub fn parse_decimal(text: &str) -> Result<Decimal, NumError> {
    // Most numbers in files are plain (`95`, `-3.25`): read them without copying the text.
    if is_plain(text) {
        if let Ok(value) = Decimal::from_str_exact(text) {
            return Ok(value);
        }
    }
    let mut plain = String::with_capacity(text.len());
    for c in text.trim().chars() {
        let c = match c {
            '。' => '.',
            '−' => '-',
            '，' => ',',
            c => match crate::text::fold(c) {
                'E' => 'e',
                c => c,
            },
        };
        plain.push(c);
    }
    let mut body = plain.trim();
    if body.is_empty() {
        return Err(NumError::Empty);
    }
    if let Some(stripped) = body.strip_suffix('%') {
        body = stripped.trim_end();
    }
    let ungrouped = strip_grouping(body)?;
    if !ungrouped
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | 'e'))
        || !ungrouped.chars().any(|c| c.is_ascii_digit())
    {
        return Err(NumError::Invalid);
    }
    let unsigned = ungrouped.strip_prefix(['+', '-']).unwrap_or(&ungrouped);
    if unsigned.starts_with(['+', '-']) {
        return Err(NumError::Invalid);
    }
    let parsed = if ungrouped.contains('e') {
        Decimal::from_scientific(&ungrouped)
    } else {
        Decimal::from_str_exact(&ungrouped)
    };
    parsed.map_err(|_| classify_failure(&ungrouped))
}

/// Whether `text` is an optional minus, digits and optionally a point followed by digits: the
/// form whose value the lenient reading below would give unchanged.
fn is_plain(text: &str) -> bool {
    let unsigned = text.strip_prefix('-').unwrap_or(text);
    let (int_part, frac_part) = match unsigned.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (unsigned, None),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    digits(int_part) && frac_part.is_none_or(digits)
}

/// Removes thousands separators, accepting them only between digit groups of three.
fn strip_grouping(body: &str) -> Result<String, NumError> {
    if !body.contains(',') {
        return Ok(body.to_string());
    }
    let (int_part, frac_part) = body.split_once('.').unwrap_or((body, ""));
    if frac_part.contains(',') {
        return Err(NumError::Invalid);
    }
    let digits = int_part.trim_start_matches(['+', '-']);
    let groups: Vec<&str> = digits.split(',').collect();
    let Some((first, rest)) = groups.split_first() else {
        return Err(NumError::Invalid);
    };
    let first_ok = !first.is_empty() && first.len() <= 3;
    let rest_ok = rest.iter().all(|g| g.len() == 3);
    if !first_ok || !rest_ok {
        return Err(NumError::Invalid);
    }
    Ok(body.replace(',', ""))
}

fn classify_failure(text: &str) -> NumError {
    let digits = text.chars().filter(|c| c.is_ascii_digit()).count();
    let dots = text.matches('.').count();
    let well_formed = dots <= 1
        && text.matches('e').count() <= 1
        && text
            .trim_start_matches(['+', '-'])
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == 'e' || c == '-' || c == '+');
    if well_formed && digits > 0 && !text.ends_with('.') && !text.starts_with('.') {
        NumError::OutOfRange
    } else {
        NumError::Invalid
    }
}

/// Σ of the values, or `None` when the sum leaves the range of an exact decimal.
pub fn checked_sum(values: impl IntoIterator<Item = Decimal>) -> Option<Decimal> {
    values
        .into_iter()
        .try_fold(Decimal::ZERO, Decimal::checked_add)
}

/// A completion (a fraction in [0, 1]) as a percentage. Completions are bounded, so this cannot
/// overflow; a value outside the bound saturates rather than panics.
pub fn as_percent(fraction: Decimal) -> Decimal {
    fraction.saturating_mul(Decimal::ONE_HUNDRED)
}

/// Half-up (四舍五入) rounding to two decimals, the way the forms show results.
pub fn round2(value: Decimal) -> Decimal {
    value.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
}

/// A number as tables show it (2 decimals, half-up), or a dash where there is none.
pub fn shown(value: Option<Decimal>) -> String {
    value.map_or("—".to_string(), show2)
}

/// A result as shown: rounded half-up and always with two decimals ("92.00").
pub fn show2(value: Decimal) -> String {
    let mut rounded = round2(value);
    rounded.rescale(2);
    rounded.to_string()
}

/// A money amount as shown: exact, without trailing zeros ("97.361", "0").
pub fn show_exact(value: Decimal) -> String {
    value.normalize().to_string()
}

/// A whole count, for survey answers and respondents.
pub(crate) fn whole_count(value: Decimal) -> Option<u64> {
    if value.fract().is_zero() && !value.is_sign_negative() {
        rust_decimal::prelude::ToPrimitive::to_u64(&value.trunc())
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;

    fn d(s: &str) -> Decimal {
        Decimal::from_str_exact(s).unwrap()
    }

    #[test]
    fn whole_counts_are_the_whole_non_negative_numbers_a_u64_holds() {
        for (text, count) in [
            ("0", Some(0)),
            ("12", Some(12)),
            ("12.000", Some(12)),
            ("12.5", None),
            ("-3", None),
            ("18446744073709551615", Some(u64::MAX)),
            ("18446744073709551616", None),
            ("79228162514264337593543950335", None),
        ] {
            let value = d(text);
            assert_eq!(whole_count(value), count, "{text}");
            // The same as reading the written-out whole part.
            let written = (value.fract().is_zero() && !value.is_sign_negative())
                .then(|| value.trunc().to_string().parse::<u64>().ok())
                .flatten();
            assert_eq!(whole_count(value), written, "{text}");
        }
    }

    #[test]
    fn plain_numbers_read_without_copying_read_as_the_lenient_way_does() {
        // A blank around the text sends it the long way: both ways must agree.
        for text in [
            "0",
            "95",
            "-3.25",
            "007",
            "0.000",
            "-0",
            "1.",
            ".5",
            "-",
            "",
            "1.2.3",
            "12e3",
            "79228162514264337593543950335",
            "79228162514264337593543950336",
            "0.00000000000000000000000000001",
            "123456789012345678901234567890.5",
        ] {
            assert_eq!(
                parse_decimal(text),
                parse_decimal(&format!(" {text} ")),
                "{text:?}"
            );
        }
        assert!(is_plain("-3.25") && !is_plain("1.") && !is_plain("+1") && !is_plain("1e3"));
    }

    #[test]
    fn accepts_what_people_type() {
        assert_eq!(parse_decimal("1,234.5"), Ok(d("1234.5")));
        assert_eq!(parse_decimal(" 84.27% "), Ok(d("84.27")));
        assert_eq!(parse_decimal("１２３．５"), Ok(d("123.5")));
        assert_eq!(parse_decimal("１，２３４"), Ok(d("1234")));
        assert_eq!(parse_decimal("－3"), Ok(d("-3")));
        assert_eq!(parse_decimal("1e3"), Ok(d("1000")));
        assert_eq!(parse_decimal("82.050854"), Ok(d("82.050854")));
    }

    #[test]
    fn refuses_what_is_not_a_number() {
        assert_eq!(parse_decimal(""), Err(NumError::Empty));
        assert_eq!(parse_decimal("  "), Err(NumError::Empty));
        assert_eq!(parse_decimal("abc"), Err(NumError::Invalid));
        assert_eq!(parse_decimal("1,23"), Err(NumError::Invalid));
        assert_eq!(parse_decimal("1.2.3"), Err(NumError::Invalid));
        assert_eq!(parse_decimal("--3"), Err(NumError::Invalid));
        assert_eq!(parse_decimal("%"), Err(NumError::Invalid));
        assert_eq!(
            parse_decimal("1234567890123456789012345678901234567890"),
            Err(NumError::OutOfRange)
        );
    }

    #[test]
    fn shows_half_up() {
        assert_eq!(show2(d("89.995")), "90.00");
        assert_eq!(show2(d("79.994")), "79.99");
        assert_eq!(show2(d("92")), "92.00");
        assert_eq!(show2(d("-0.005")), "-0.01");
        assert_eq!(show_exact(d("97.3610")), "97.361");
        assert_eq!(show_exact(d("0.00")), "0");
    }
}
