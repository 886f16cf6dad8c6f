//! Calendar dates of 时效 indicators.

/// A calendar date; ordering is chronological.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    /// The year.
    pub year: i32,
    /// The month (1–12).
    pub month: u32,
    /// The day of the month.
    pub day: u32,
}

/// Parses an ISO date (`2022-11-30`), also written `2022/11/30`, `2022.11.30` or `2022年11月30日`.
pub fn parse_date(text: &str) -> Option<Date> {
    let text = text.trim().trim_end_matches('日');
    let normal: String = text
        .chars()
        .map(|c| match c {
            '/' | '.' | '年' | '月' => '-',
            _ => c,
        })
        .collect();
    let mut parts = normal.split('-');
    let year = parts.next()?;
    let month = parts.next()?;
    let day = parts.next()?;
    if parts.next().is_some() || year.len() != 4 || month.is_empty() || day.is_empty() {
        return None;
    }
    if month.len() > 2 || day.len() > 2 {
        return None;
    }
    let all_digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if !(all_digits(year) && all_digits(month) && all_digits(day)) {
        return None;
    }
    let date = Date {
        year: year.parse().ok()?,
        month: month.parse().ok()?,
        day: day.parse().ok()?,
    };
    (1..=12).contains(&date.month).then_some(())?;
    (1..=days_in_month(date.year, date.month))
        .contains(&date.day)
        .then_some(date)
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// A date as each language writes it in prose: "2022年11月30日" / "2022-11-30".
impl crate::message::Message for Date {
    fn zh(&self) -> String {
        format!("{}年{}月{}日", self.year, self.month, self.day)
    }

    fn en(&self) -> String {
        self.to_string()
    }
}

impl Date {
    /// The last day of `month` of `year` (`None` for a month outside 1–12).
    pub fn end_of_month(year: i32, month: u32) -> Option<Date> {
        (1..=12).contains(&month).then(|| Date {
            year,
            month,
            day: days_in_month(year, month),
        })
    }

    /// The day after.
    pub fn next_day(self) -> Date {
        if self.day < days_in_month(self.year, self.month) {
            Date {
                day: self.day.saturating_add(1),
                ..self
            }
        } else if self.month < 12 {
            Date {
                month: self.month.saturating_add(1),
                day: 1,
                ..self
            }
        } else {
            Date {
                year: self.year.saturating_add(1),
                month: 1,
                day: 1,
            }
        }
    }

    /// The date of a spreadsheet's day number (1900 date system: day 1 is 1900-01-01, counted
    /// from 1899-12-30 as Excel and WPS do for every date after February 1900). `None` outside
    /// the years 1900–9999.
    pub fn from_serial(serial: u32) -> Option<Date> {
        let mut days = serial;
        let mut year = 1899;
        let mut month = 12u32;
        let mut day = 30u32;
        // To the first of the next month, then whole months at a time.
        let to_month_end = days_in_month(year, month).saturating_sub(day);
        if days <= to_month_end {
            return Some(Date {
                year,
                month,
                day: day.saturating_add(days),
            });
        }
        days = days.saturating_sub(to_month_end.saturating_add(1));
        (year, month, day) = (1900, 1, 1);
        loop {
            let length = days_in_month(year, month);
            if days < length {
                return (year <= 9999).then(|| Date {
                    year,
                    month,
                    day: day.saturating_add(days),
                });
            }
            days = days.saturating_sub(length);
            if month == 12 {
                (year, month) = (year.checked_add(1)?, 1);
            } else {
                month = month.saturating_add(1);
            }
            if year > 9999 {
                return None;
            }
        }
    }
}

pub(crate) fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_ways_dates_are_written() {
        let d = Date {
            year: 2022,
            month: 11,
            day: 30,
        };
        assert_eq!(parse_date("2022-11-30"), Some(d));
        assert_eq!(parse_date("2022/11/30"), Some(d));
        assert_eq!(parse_date("2022年11月30日"), Some(d));
        assert_eq!(parse_date("2024-02-29").map(|d| d.day), Some(29));
    }

    #[test]
    fn refuses_impossible_dates() {
        for bad in [
            "2023-02-29",
            "2022-13-01",
            "2022-11-31",
            "22-1-1",
            "",
            "tomorrow",
            "2022-11-30T00:00",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn orders_chronologically() {
        assert!(parse_date("2022-11-30") < parse_date("2022-12-01"));
        assert!(parse_date("2022-08-21") < parse_date("2022-11-30"));
    }
}
