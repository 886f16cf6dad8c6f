//! How values are written in a 自评表's 年度指标值 and 实际完成值 (`docs/REFERENCE.md`): `≥95%`, `不少于3期`,
//! `≤26万元`, `2022年11月30日前`, `年底前`, `按时完成`, `有效提升`, `/`.

use crate::date::{parse_date, Date};
use crate::number::parse_decimal;
use crate::text::normalise;
use rust_decimal::Decimal;

/// Which way a written target goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    /// `≥`, 不低于, 不少于, 以上.
    AtLeast,
    /// `≤`, 不高于, 不超过, 以内.
    AtMost,
    /// `=`.
    Equal,
}

/// A value as written, read.
#[derive(Clone, Debug, PartialEq)]
pub enum Written {
    /// `/`, `—`, empty: nothing written.
    Nothing,
    /// A number, with the operator written before it (if any) and its unit.
    Number {
        /// The operator, if one was written.
        op: Option<Op>,
        /// The number.
        value: Decimal,
        /// The unit after it (`%`, `期`, `万元`).
        unit: String,
    },
    /// A date (a deadline, or the day something was done).
    Date(Date),
    /// 按时完成, 已完成 and the like: done (on time).
    Done,
    /// 未完成 and the like: not done.
    NotDone,
    /// Words (有效提升, 显著改善): a qualitative value.
    Words(String),
}

const AT_LEAST: [&str; 11] = [
    "≥",
    ">=",
    "不低于",
    "不少于",
    "大于等于",
    "大于或等于",
    "至少",
    "不小于",
    "高于",
    "超过",
    ">",
];
const AT_MOST: [&str; 10] = [
    "≤",
    "<=",
    "不高于",
    "不超过",
    "小于等于",
    "小于或等于",
    "控制在",
    "不大于",
    "低于",
    "<",
];
const AT_LEAST_AFTER: [&str; 3] = ["及以上", "以上", "或以上"];
const AT_MOST_AFTER: [&str; 5] = ["及以内", "以内", "以下", "或以下", "之内"];
const DONE: [&str; 8] = [
    "按时完成",
    "按期完成",
    "已完成",
    "完成",
    "已按时完成",
    "及时完成",
    "是",
    "达标",
];
const NOT_DONE: [&str; 6] = ["未完成", "未按时完成", "否", "未达标", "没有完成", "延期"];

/// Reads a written value; `year` is the form's year (for `11月底前`, `年底前`).
pub fn read_written(text: &str, year: Option<i32>) -> Written {
    let t = normalise(text);
    let t = t.trim_matches(|c| matches!(c, '。' | '.' | ';' | '；'));
    if t.is_empty()
        || t.chars()
            .all(|c| matches!(c, '/' | '—' | '-' | '－' | '\\' | '无' | '_'))
    {
        return Written::Nothing;
    }
    if NOT_DONE.contains(&t) {
        return Written::NotDone;
    }
    if let Some(date) = read_date(t, year) {
        return Written::Date(date);
    }
    if DONE.contains(&t) {
        return Written::Done;
    }
    match read_number(t) {
        Some(number) => number,
        None => Written::Words(text.trim().to_string()),
    }
}

/// The first number in `t` with the operator around it and the unit after it.
fn read_number(t: &str) -> Option<Written> {
    let start = t.find(|c: char| c.is_ascii_digit())?;
    let (before, rest) = t.split_at(start);
    let end = rest
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .unwrap_or(rest.len());
    let (digits, after) = rest.split_at(end);
    let digits = digits.trim_end_matches(['.', ',']);
    let value = parse_decimal(digits).ok()?;
    let negative = before.ends_with('-') && !before.ends_with("--");
    let mut value = value;
    if negative {
        value.set_sign_negative(true);
    }
    let mut unit = after.to_string();
    let mut op = None;
    for word in AT_LEAST_AFTER {
        if let Some(u) = unit.strip_suffix(word) {
            (unit, op) = (u.to_string(), Some(Op::AtLeast));
            break;
        }
    }
    for word in AT_MOST_AFTER {
        if let Some(u) = unit.strip_suffix(word) {
            (unit, op) = (u.to_string(), Some(Op::AtMost));
            break;
        }
    }
    // A unit in brackets, as the 申报表 prints it (`≥90.00(%)`, `100（万元）`), is the unit.
    let bracketed = unit
        .strip_prefix(['(', '（'])
        .and_then(|u| u.strip_suffix([')', '）']))
        .filter(|u| !u.contains(['(', '（']));
    let unit = bracketed
        .unwrap_or(&unit)
        .trim_end_matches(['）', ')'])
        .trim_end_matches("左右")
        .trim_end_matches('的')
        .to_string();
    // The longest operator word written before the number decides (不低于 is not 低于).
    let words = AT_LEAST
        .iter()
        .map(|w| (*w, Op::AtLeast))
        .chain(AT_MOST.iter().map(|w| (*w, Op::AtMost)))
        .chain([("=", Op::Equal), ("等于", Op::Equal)]);
    if let Some((_, found)) = words
        .filter(|(w, _)| before.contains(w))
        .max_by_key(|(w, _)| w.chars().count())
    {
        op = Some(found);
    }
    // Words before the number that are not an operator (达到, 完成) say nothing more; words after
    // the unit (a sentence) make the value words, not a figure.
    if unit.chars().count() > 6 {
        return None;
    }
    Some(Written::Number { op, value, unit })
}

/// What typing a value into 年度指标值 does, as the form reader reads it: `≥95%` makes the rule
/// `at_least` with target 95 and unit `%`, keeping the text as printed; `≤26万元` `at_most`;
/// `2022年11月30日前` a deadline; words (`有效提升`) a qualitative indicator; a bare number sets
/// the target alone (as typed). Any inference left from reading a form is cleared: the user has
/// now said what the target is.
pub fn type_target(leaf: &mut crate::model::Leaf, text: &str, year: Option<i32>) {
    use crate::model::RuleKind;
    use crate::number::Num;
    let rule = &mut leaf.rule;
    rule.inferred = None;
    let words_only = !text
        .chars()
        .any(|c| c.is_ascii_digit() || "≥≤<>=＜＞＝%".contains(c));
    match read_written(text, year) {
        Written::Number { op, value, unit } => {
            if op.is_none() && unit.is_empty() {
                rule.target = Some(Num::new(text));
                leaf.target_text = None;
                return;
            }
            // `≥90%` on a satisfaction leaf is its target: it stays scored from its survey.
            let survey = rule.kind() == Some(RuleKind::Satisfaction) && op == Some(Op::AtLeast);
            if let Some(op) = op.filter(|_| !survey) {
                let kind = match op {
                    Op::AtLeast => RuleKind::AtLeast,
                    Op::AtMost => RuleKind::AtMost,
                    Op::Equal => RuleKind::Equal,
                };
                rule.kind = kind.name().into();
            }
            rule.target = Some(Num::from_decimal(value));
            if !unit.is_empty() {
                if leaf.unit.is_none() && rule.unit.is_some() {
                    rule.unit = Some(unit);
                } else {
                    leaf.unit = Some(unit);
                }
            }
            leaf.target_text = Some(text.trim().to_string());
        }
        Written::Date(d) => {
            rule.kind = RuleKind::Deadline.name().into();
            rule.target = Some(Num::new(d.to_string()));
            leaf.target_text = Some(text.trim().to_string());
        }
        Written::Nothing => {
            rule.target = Some(Num::new(text));
            leaf.target_text = None;
        }
        Written::Words(_) if words_only => {
            rule.kind = RuleKind::Qualitative.name().into();
            leaf.target_text = Some(text.trim().to_string());
        }
        // Half-typed (`≥`), or 按时完成 without a date: kept as typed, reported if it is no number.
        Written::Words(_) | Written::Done | Written::NotDone => {
            rule.target = Some(Num::new(text));
            leaf.target_text = None;
        }
    }
}

/// 区间计分 written out (`≥90%得满分；≥80%得80%；≥60%得60%；≥0%不得分`): (minimum rate, fraction)
/// pairs, highest first; `None` when the text holds no such steps.
pub(crate) fn read_steps(text: &str) -> Option<Vec<(Decimal, Decimal)>> {
    let t = normalise(text);
    let t = t
        .rsplit_once("按完成率")
        .map_or(t.as_str(), |(_, steps)| steps);
    let mut steps = Vec::new();
    for part in t.split(['；', ';', '，', ',', '、']) {
        let Some((rate, gives)) = part.split_once('得').or_else(|| part.split_once("不得"))
        else {
            continue;
        };
        let Some(Written::Number {
            op: Some(Op::AtLeast),
            value: min,
            ..
        }) = read_number(rate)
        else {
            continue;
        };
        let fraction = if part.contains("不得分") {
            Decimal::ZERO
        } else if gives.contains("满分") {
            Decimal::ONE
        } else {
            match read_number(gives) {
                Some(Written::Number { value, unit, .. }) if unit.starts_with('%') => {
                    value.checked_div(Decimal::ONE_HUNDRED)?
                }
                _ => continue,
            }
        };
        steps.push((min, fraction));
    }
    (!steps.is_empty()).then_some(steps)
}

/// A deadline or completion date as written.
fn read_date(t: &str, year: Option<i32>) -> Option<Date> {
    let core = t
        .trim_end_matches("之前")
        .trim_end_matches("以前")
        .trim_end_matches('前')
        .trim_end_matches("完成")
        .trim_end_matches("底")
        .trim_end_matches('末');
    if let Some(d) = parse_date(core) {
        return Some(d);
    }
    // 2022年11月 / 2022-11: the end of that month.
    if let Some((y, m)) = year_month(core) {
        return Date::end_of_month(y, m);
    }
    let year = year?;
    match core {
        "年" | "年内" | "年度内" | "当年" | "本年" | "年底" | "12月" | "年终" => {
            return Date::end_of_month(year, 12)
        }
        "上半年" => return Date::end_of_month(year, 6),
        "下半年" => return Date::end_of_month(year, 12),
        _ => {}
    }
    // 11月 (11月底前, 11月前): the end of that month of the form's year.
    if let Some(m) = core.strip_suffix('月').and_then(|m| m.parse::<u32>().ok()) {
        return Date::end_of_month(year, m);
    }
    // 第三季度: the end of the quarter.
    let quarters = [
        ("第一季度", 3),
        ("第二季度", 6),
        ("第三季度", 9),
        ("第四季度", 12),
    ];
    quarters
        .iter()
        .find(|(q, _)| core == *q || core == q.trim_start_matches('第'))
        .and_then(|(_, m)| Date::end_of_month(year, *m))
}

/// `2022年11月`, `2022-11`, `2022.11`, `2022/11`.
fn year_month(t: &str) -> Option<(i32, u32)> {
    let t = t.trim_end_matches('月');
    let (y, m) = t
        .split_once('年')
        .or_else(|| t.split_once('-'))
        .or_else(|| t.split_once('.'))
        .or_else(|| t.split_once('/'))?;
    if y.len() != 4 || m.is_empty() || m.len() > 2 {
        return None;
    }
    Some((y.parse().ok()?, m.parse().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn look_alike_operators_and_full_width_digits_read_as_the_operators() {
        let at_least = Some(Op::AtLeast);
        let at_most = Some(Op::AtMost);
        let equal = Some(Op::Equal);
        for (written, op, value, unit) in [
            ("≧95%", at_least, "95", "%"),
            ("⩾95%", at_least, "95", "%"),
            (">=95%", at_least, "95", "%"),
            ("＞＝９５％", at_least, "95", "%"),
            ("＞90%", at_least, "90", "%"),
            ("≦26万元", at_most, "26", "万元"),
            ("<=26万元", at_most, "26", "万元"),
            ("＜5%", at_most, "5", "%"),
            ("═100%", equal, "100", "%"),
            ("＝100%", equal, "100", "%"),
            ("=１００％", equal, "100", "%"),
            ("９５．５％", None, "95.5", "%"),
        ] {
            assert_eq!(
                read_written(written, None),
                num(op, value, unit),
                "{written}"
            );
        }
    }

    fn num(op: Option<Op>, v: &str, unit: &str) -> Written {
        Written::Number {
            op,
            value: v.parse().unwrap(),
            unit: unit.into(),
        }
    }

    #[test]
    fn the_targets_forms_bracketed_units() {
        let y = Some(2026);
        assert_eq!(
            read_written("≥90.00(%)", y),
            num(Some(Op::AtLeast), "90.00", "%")
        );
        assert_eq!(
            read_written("=100.00(%)", y),
            num(Some(Op::Equal), "100.00", "%")
        );
        assert_eq!(
            read_written("≤26（万元）", y),
            num(Some(Op::AtMost), "26", "万元")
        );
        assert_eq!(read_written("985米", y), num(None, "985", "米"));
        assert_eq!(read_written("合理", y), Written::Words("合理".into()));
    }

    #[test]
    fn the_table_of_forms_md() {
        let y = Some(2022);
        assert_eq!(read_written("≥95%", y), num(Some(Op::AtLeast), "95", "%"));
        assert_eq!(read_written(">=95%", y), num(Some(Op::AtLeast), "95", "%"));
        assert_eq!(
            read_written("不低于95%", y),
            num(Some(Op::AtLeast), "95", "%")
        );
        assert_eq!(
            read_written("不少于3期", y),
            num(Some(Op::AtLeast), "3", "期")
        );
        assert_eq!(
            read_written("达到60人次以上", y),
            num(Some(Op::AtLeast), "60", "人次")
        );
        assert_eq!(
            read_written("≤26万元", y),
            num(Some(Op::AtMost), "26", "万元")
        );
        assert_eq!(read_written("<=26", y), num(Some(Op::AtMost), "26", ""));
        assert_eq!(
            read_written("控制在26万元以内", y),
            num(Some(Op::AtMost), "26", "万元")
        );
        assert_eq!(
            read_written("不超过26万元", y),
            num(Some(Op::AtMost), "26", "万元")
        );
        assert_eq!(read_written("=100%", y), num(Some(Op::Equal), "100", "%"));
        assert_eq!(read_written("100%", y), num(None, "100", "%"));
        assert_eq!(read_written("266米", y), num(None, "266", "米"));
        assert_eq!(
            read_written("≥266米", y),
            num(Some(Op::AtLeast), "266", "米")
        );
        assert_eq!(read_written("１２３．５", y), num(None, "123.5", ""));
        assert_eq!(read_written("1,234.5万元", y), num(None, "1234.5", "万元"));
        let d = |y, m, d| {
            Written::Date(Date {
                year: y,
                month: m,
                day: d,
            })
        };
        assert_eq!(read_written("2022年11月30日前", y), d(2022, 11, 30));
        assert_eq!(read_written("2022-11-30", y), d(2022, 11, 30));
        assert_eq!(read_written("11月底前", y), d(2022, 11, 30));
        assert_eq!(read_written("年底前", y), d(2022, 12, 31));
        assert_eq!(read_written("2022年10月", y), d(2022, 10, 31));
        assert_eq!(read_written("按时完成", y), Written::Done);
        assert_eq!(read_written("未完成", y), Written::NotDone);
        assert_eq!(
            read_written("有效提升", y),
            Written::Words("有效提升".into())
        );
        assert_eq!(
            read_written("显著改善", y),
            Written::Words("显著改善".into())
        );
        assert_eq!(read_written("/", y), Written::Nothing);
        assert_eq!(read_written("—", y), Written::Nothing);
        assert_eq!(read_written("  ", y), Written::Nothing);
    }
}
