//! Figures stated in a report's prose, each kept with the sentence it was printed in: 预算执行率 /
//! 为预算金额的 x%, 到位率, 自评得分 x 分, 评定等级为 x, 满意度 x 分 / x%, the question named as
//! weakest, and the totals of the funds (预算, 使用经费 / 实际支出, 结余) where a sentence speaks of
//! the whole project rather than one line. What a sentence sets as a target (`满意度不低于90%`)
//! is not a claim.

use crate::model::Document;
use crate::model::{Printed, What};
use crate::text::normalise;
use serde_json::Value;

/// The level of a heading written the official way: `一、` 1, `（一）` 2.
pub(super) fn heading_level(text: &str) -> Option<u8> {
    const NUMERALS: &str = "一二三四五六七八九十";
    let t = text.trim_start();
    let mut chars = t.chars();
    let first = chars.next()?;
    if NUMERALS.contains(first) {
        let rest: String = chars.take_while(|c| NUMERALS.contains(*c)).collect();
        let after = t.get(first.len_utf8().saturating_add(rest.len())..)?;
        return after.starts_with('、').then_some(1);
    }
    if first == '（' || first == '(' {
        let inner: String = chars
            .clone()
            .take_while(|c| NUMERALS.contains(*c))
            .collect();
        let close = chars.nth(inner.chars().count())?;
        return (!inner.is_empty() && (close == '）' || close == ')')).then_some(2);
    }
    None
}

/// A number starting at `at` (digits and one point), with how far it runs.
fn number_at(chars: &[char], at: usize) -> Option<(String, usize)> {
    let mut end = at;
    let mut seen_point = false;
    while let Some(&c) = chars.get(end) {
        if c.is_ascii_digit()
            || (c == '.'
                && !seen_point
                && chars
                    .get(end.saturating_add(1))
                    .is_some_and(char::is_ascii_digit))
        {
            seen_point |= c == '.';
            end = end.saturating_add(1);
        } else {
            break;
        }
    }
    (end > at).then(|| (chars.get(at..end).unwrap_or_default().iter().collect(), end))
}

/// Words between a keyword and its figure that make the figure a target, not what was reached.
const TARGET_WORDS: [&str; 12] = [
    "不低于",
    "不少于",
    "不高于",
    "不超过",
    "≥",
    "≤",
    ">",
    "<",
    "以上",
    "目标",
    "预期",
    "计划",
];

/// Words that may stand between a keyword and its figure (`满意度综合得分为97.47分`, `执行率仅为
/// 84.27%`): anything else (`满意度指标（满分10分`, `满意度得10分`) is another figure.
const CONNECTORS: [&str; 22] = [
    "综合", "测评", "调查", "总体", "平均", "最终", "得分", "分数", "结果", "评价", "为", "是",
    "达到", "达", "仅", "只有", "已", "约", "：", ":", "了", "\u{a0}",
];

/// Whether `between` is made of [`CONNECTORS`] (or spaces) only.
fn connects(between: &str) -> bool {
    let mut rest = between.trim();
    while !rest.is_empty() {
        match CONNECTORS.iter().find(|c| rest.starts_with(*c)) {
            Some(c) => rest = rest.get(c.len()..).unwrap_or_default().trim_start(),
            None => return false,
        }
    }
    true
}

/// The figure after `keyword` in `chars` (at most `gap` characters on, none of them a digit or a
/// target word), with its unit: `%`, `分`, `万元` or nothing.
fn figure_after(chars: &[char], keyword: &str, gap: usize) -> Vec<(String, String)> {
    let key: Vec<char> = keyword.chars().collect();
    let mut out = Vec::new();
    let mut i = 0usize;
    while i.saturating_add(key.len()) <= chars.len() {
        if chars.get(i..i.saturating_add(key.len())) == Some(key.as_slice()) {
            let from = i.saturating_add(key.len());
            let mut j = from;
            while j < chars.len()
                && j.saturating_sub(from) <= gap
                && !chars.get(j).is_some_and(char::is_ascii_digit)
            {
                j = j.saturating_add(1);
            }
            let between: String = chars.get(from..j).unwrap_or_default().iter().collect();
            let stop = between.contains(['。', '；', ';', '，', ','])
                || TARGET_WORDS.iter().any(|w| between.contains(w));
            if !stop && j.saturating_sub(from) <= gap && connects(&between) {
                if let Some((n, end)) = number_at(chars, j) {
                    let unit = if chars.get(end) == Some(&'%') {
                        "%"
                    } else if chars.get(end) == Some(&'分') {
                        "分"
                    } else if chars.get(end..end.saturating_add(2)) == Some(&['万', '元']) {
                        "万元"
                    } else {
                        ""
                    };
                    out.push((n, unit.to_string()));
                    i = end;
                    continue;
                }
            }
        }
        i = i.saturating_add(1);
    }
    out
}

/// Whether a sentence speaks of one budget line (`（1）…`, `1.…`, `2、…`) rather than the whole.
fn about_one_line(sentence: &str) -> bool {
    let chars: Vec<char> = crate::text::folded(sentence);
    chars.windows(2).enumerate().any(|(i, w)| {
        let (a, b) = (
            w.first().copied().unwrap_or(' '),
            w.get(1).copied().unwrap_or(' '),
        );
        let before = i.checked_sub(1).and_then(|k| chars.get(k)).copied();
        a.is_ascii_digit()
            && matches!(b, '.' | '、' | '）' | ')')
            && !before.is_some_and(|c| c.is_ascii_digit() || c == '.')
            && !chars
                .get(i.saturating_add(2))
                .is_some_and(char::is_ascii_digit)
    })
}

/// Words that make a sentence speak of the whole project's funds (`本项目…使用经费`), not of
/// one line or one output's cost.
const WHOLE_PROJECT: [&str; 8] = [
    "本项目",
    "合计",
    "项目经费",
    "项目预算",
    "预算批复",
    "总额",
    "共计",
    "全年",
];

/// The figures of one paragraph, as claims printed at `place`.
pub(super) fn claims(text: &str, place: &str, out: &mut Vec<Printed>) {
    // A paragraph that starts `（1）` or `1.` is about one item: its funds are that item's.
    let itemised = about_one_line(text.chars().take(4).collect::<String>().as_str());
    // Mid-year monitoring and forecasts (`全年预计得分87.70分`) are not the year's results.
    if place.contains("监控") {
        return;
    }
    for sentence in sentences(text) {
        if sentence.contains("预计") {
            continue;
        }
        let chars = crate::text::folded(&sentence);
        let mut push = |what: What, value: String| {
            out.push(Printed {
                what,
                value,
                place: place.to_string(),
                sentence: sentence.clone(),
                extra: Default::default(),
            })
        };
        // An item's rates are that item's, not the project's.
        if !itemised {
            for keyword in [
                "执行率",
                "为预算金额的",
                "占预算金额的",
                "为预算数的",
                "占预算的",
            ] {
                for (n, unit) in figure_after(&chars, keyword, 4) {
                    if unit == "%" {
                        push(What::ExecutionRate, format!("{n}%"));
                    }
                }
            }
            for (n, unit) in figure_after(&chars, "到位率", 4) {
                if unit == "%" {
                    push(What::ArrivalRate, format!("{n}%"));
                }
            }
        }
        for keyword in ["满意度", "满意率"] {
            for (n, unit) in figure_after(&chars, keyword, 8) {
                if unit == "%" || unit == "分" {
                    push(What::Satisfaction, format!("{n}{unit}"));
                }
            }
        }
        for keyword in ["自评得分", "最终得分", "评价得分", "综合得分", "总得分"]
        {
            for (n, unit) in figure_after(&chars, keyword, 3) {
                let whole = sentence.contains("满分") && keyword == "评价得分";
                if unit == "分" && !whole && !satisfaction_before(&chars, keyword) {
                    push(What::Total, n);
                }
            }
        }
        if let Some(grade) = grade(&sentence) {
            push(What::Grade, grade);
        }
        if let Some(question) = weakest(&sentence) {
            push(What::Weakest, question);
        }
        if !itemised
            && !about_one_line(&sentence)
            && WHOLE_PROJECT.iter().any(|w| sentence.contains(w))
        {
            for (what, keywords) in [
                (
                    What::Planned,
                    &[
                        "预算批复经费",
                        "预算申报金额",
                        "预算金额",
                        "拨款",
                        "下达金额",
                        "预算批复",
                    ][..],
                ),
                (What::Spent, &["使用经费", "实际支出", "支出"][..]),
                (What::Balance, &["结余经费", "结余资金", "结余"][..]),
            ] {
                let mut found = false;
                for keyword in keywords {
                    if found {
                        break;
                    }
                    for (n, unit) in figure_after(&chars, keyword, 3) {
                        if unit == "万元" {
                            push(what.clone(), n);
                            found = true;
                        }
                    }
                }
            }
        }
    }
}

/// Whether the `keyword` found is 满意度综合得分 (a satisfaction, not the total).
fn satisfaction_before(chars: &[char], keyword: &str) -> bool {
    let text: String = chars.iter().collect();
    text.find(keyword).is_some_and(|at| {
        let before = text.get(..at).unwrap_or_default();
        let tail: String = before.chars().rev().take(6).collect();
        tail.contains("度意满") || tail.contains("率意满")
    })
}

/// The grade printed: `评定等级为优`, `等级为“良”`, `评价等级：优秀`.
fn grade(sentence: &str) -> Option<String> {
    let t = normalise(sentence);
    let at = [
        "评定等级为",
        "评价等级为",
        "等级评定为",
        "等级为",
        "评定为",
        "评价等级:",
    ]
    .iter()
    .find_map(|k| t.find(k).map(|i| i.saturating_add(k.len())))?;
    let rest = t.get(at..)?.trim_start_matches(['“', '"', '「', '《']);
    let first = rest.chars().next()?;
    "优良中差".contains(first).then(|| first.to_string())
}

/// The question a sentence names as weakest: the quoted question, or `第10题` / `问题10`.
fn weakest(sentence: &str) -> Option<String> {
    let low = [
        "得分最低",
        "分数最低",
        "最低",
        "相对较低",
        "较低",
        "最不满意",
    ];
    if !low.iter().any(|w| sentence.contains(w))
        || !sentence.contains("问") && !sentence.contains('题')
    {
        return None;
    }
    if let Some((_, rest)) = sentence.split_once('“') {
        if let Some((quoted, _)) = rest.split_once('”') {
            return Some(quoted.trim().to_string());
        }
    }
    let chars = crate::text::folded(sentence);
    for keyword in ["第", "问题", "题目"] {
        if let Some((n, _)) = figure_after(&chars, keyword, 0).into_iter().next() {
            return Some(n);
        }
    }
    None
}

/// A paragraph's sentences, each with its end mark (`。`, `；`, `！`, `？`).
fn sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut quoted = 0usize;
    for c in text.chars() {
        current.push(c);
        match c {
            '“' | '「' | '《' => quoted = quoted.saturating_add(1),
            '”' | '」' | '》' => quoted = quoted.saturating_sub(1),
            _ => {}
        }
        if quoted == 0 && matches!(c, '。' | '；' | '！' | '？' | '\n') {
            let s = current.trim().to_string();
            if !s.is_empty() {
                out.push(s);
            }
            current.clear();
        }
    }
    let s = current.trim().to_string();
    if !s.is_empty() {
        out.push(s);
    }
    out
}

/// What a paragraph says of the document itself: the title (`…绩效自评报告`, with the short lines
/// above it that begin it), the unit (the line above a 落款 date, or the title's first line when
/// it names an organisation), the year, the date, the money unit (`单位：万元`). `above` are the
/// short paragraphs just before this one, nearest last.
pub(super) fn meta(text: &str, above: &[String], doc: &mut Document) {
    let t = text.trim();
    if t.is_empty() || t.chars().count() > 80 {
        return;
    }
    let compact: String = t.chars().filter(|c| !c.is_whitespace()).collect();
    if doc.meta_text("title").is_empty() && compact.contains("绩效") && compact.ends_with("报告")
    {
        // The title block may be broken over lines: 单位 / 年度与项目 / …绩效自评报告.
        let lines: Vec<&String> = above
            .iter()
            .rev()
            .take(2)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let mut title: String = lines.iter().map(|l| l.as_str()).collect::<String>();
        title.push_str(&compact);
        for suffix in ["报告", "绩效自评", "绩效评价", "自评", "项目支出"] {
            title = title.trim_end_matches(suffix).to_string();
        }
        if let Some(first) = lines.first() {
            if ORGANISATIONS.iter().any(|o| first.ends_with(o)) {
                doc.meta
                    .insert("unit".into(), Value::String(first.to_string()));
                title = title.trim_start_matches(first.as_str()).to_string();
            }
        }
        doc.meta
            .insert("title".into(), Value::String(title.clone()));
        let digits: String = crate::text::folded(&title).into_iter().collect();
        if let Some(year) = digits
            .find("20")
            .and_then(|at| digits.get(at..at.saturating_add(4)))
            .and_then(|y| y.parse::<i64>().ok())
        {
            doc.meta.insert("year".into(), Value::from(year));
        }
    }
    // Under the title, the unit and the year (`某县交通运输局　2023`), as jixiao writes them.
    let under_title = above
        .last()
        .is_some_and(|t| t.contains("绩效") && t.ends_with("报告"));
    if under_title && !doc.meta.contains_key("year") && compact.chars().count() <= 40 {
        let digits: Vec<char> = crate::text::folded(&compact);
        let n = digits.len();
        let year = (0..n.saturating_sub(3)).find_map(|i| {
            let y: String = digits.get(i..i.saturating_add(4))?.iter().collect();
            let standalone = digits
                .get(i.saturating_add(4))
                .is_none_or(|c| !c.is_ascii_digit())
                && (i == 0
                    || digits
                        .get(i.saturating_sub(1))
                        .is_some_and(|c| !c.is_ascii_digit()));
            (y.starts_with("20") && y.chars().all(|c| c.is_ascii_digit()) && standalone)
                .then_some((i, y))
        });
        if let Some((at, y)) = year {
            if let Ok(y) = y.parse::<i64>() {
                doc.meta.insert("year".into(), Value::from(y));
            }
            let unit: String = digits.get(..at).unwrap_or_default().iter().collect();
            let unit = unit.trim_end_matches(['　', '·', ' ']).to_string();
            if !unit.is_empty() && !doc.meta.contains_key("unit") {
                doc.meta.insert("unit".into(), Value::String(unit));
            }
        }
    }
    if let Some(unit) = compact
        .strip_prefix("单位：")
        .or_else(|| compact.strip_prefix("单位:"))
    {
        if unit.chars().count() <= 4 && !doc.meta.contains_key("money_unit") {
            doc.meta
                .insert("money_unit".into(), Value::String(unit.to_string()));
        }
    }
    if compact.chars().count() <= 12 {
        if let Some(date) = crate::date::parse_date(&compact) {
            doc.meta
                .insert("date".into(), Value::String(date.to_string()));
            // The 落款: the unit signs above the date.
            if let Some(unit) = above.last().filter(|u| u.chars().count() <= 40) {
                doc.meta.insert("unit".into(), Value::String(unit.clone()));
            }
        }
    }
}

/// How the names of units end (中心, 局, 委员会…).
const ORGANISATIONS: [&str; 14] = [
    "中心",
    "局",
    "委员会",
    "委",
    "院",
    "所",
    "站",
    "办公室",
    "部",
    "厅",
    "联合会",
    "馆",
    "学校",
    "公司",
];

/// The note under a survey's table saying that it is scored by the share of satisfied answers
/// (`注：满意度按满意率计算，即回答“非常满意”“满意”的人数占答卷人数的比例`): the survey is scored so,
/// with the options it names (the first ones of the survey; two where it names none).
pub(super) fn scored_by_share(text: &str, survey: &mut crate::model::Survey) {
    let t = crate::text::normalise(text);
    if !t.contains("满意率") || survey.method.is_some() {
        return;
    }
    let named: Vec<&str> = t
        .split(['“', '”', '"'])
        .skip(1)
        .step_by(2)
        .filter(|s| !s.is_empty())
        .collect();
    let leading = survey
        .options
        .iter()
        .take_while(|o| named.contains(&crate::text::normalise(&o.label).as_str()))
        .count();
    let k = if leading == 0 { 2 } else { leading };
    survey.method = Some("share".into());
    survey.satisfied_options = Some(crate::number::Num::from_decimal(k.into()));
}

/// The grade bands a report states (`评价等级按得分率划分：优≥80%，良≥70%，中≥60%，差<60%`): the
/// document is graded by them.
pub(super) fn grade_bands(text: &str, doc: &mut Document) {
    let t = crate::text::normalise(text);
    let Some((_, bands)) = t.split_once("评价等级按得分率划分") else {
        return;
    };
    let bands = bands
        .trim_start_matches(['：', ':'])
        .trim_end_matches(['。', '.']);
    let mut out = Vec::new();
    for band in bands.split([',', '，', '；', ';']) {
        let (label, min) = if let Some((label, n)) = band.split_once('≥') {
            (label, n)
        } else if let Some((label, _)) = band.split_once('<') {
            (label, "0")
        } else {
            return;
        };
        let Ok(min) = crate::number::parse_decimal(min) else {
            return;
        };
        out.push(crate::model::GradeBand {
            label: label.trim().to_string(),
            min: Some(crate::number::Num::from_decimal(min)),
        });
    }
    if !out.is_empty() {
        doc.settings.grades = Some(out);
    }
}

/// The note under a report's 自评表 naming the 反向 indicators scored by the linear formula
/// (`注：反向指标“每餐补贴成本”按“1 −（实际值 − 指标值）÷ 指标值”计分`): their rules say so.
pub(super) fn linear_formula(text: &str, doc: &mut Document) {
    let t = crate::text::normalise(text);
    if !(t.contains("反向指标") && t.contains("实际值") && t.contains("计分")) {
        return;
    }
    let Some((named, _)) = t.split_once("按") else {
        return;
    };
    let names: Vec<&str> = named
        .split(['“', '”', '"'])
        .skip(1)
        .step_by(2)
        .filter(|s| !s.is_empty())
        .collect();
    for leaf in crate::model::leaves_mut(&mut doc.indicators) {
        if leaf.rule.kind() == Some(crate::model::RuleKind::AtMost)
            && names.contains(&crate::text::normalise(&leaf.name).as_str())
        {
            leaf.rule.formula = Some("linear".into());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(text: &str) -> Vec<(String, String)> {
        let mut out = Vec::new();
        claims(text, "摘要", &mut out);
        out.into_iter()
            .map(|p| (p.what.kind().to_string(), p.value))
            .collect()
    }

    fn pair(k: &str, v: &str) -> (String, String) {
        (k.into(), v.into())
    }

    #[test]
    fn the_seeds_sentences() {
        assert_eq!(
            of("2022年残疾人职业技能培训及就业服务项目预算申报金额为97.361万元，实际支出82.050854万元，为预算金额的84.28%。"),
            [pair("execution_rate", "84.28%"), pair("planned", "97.361"), pair("spent", "82.050854")]
        );
        assert_eq!(
            of("通过对…进行评价、打分，最终自评得分92分，评定等级为优。"),
            [pair("total", "92"), pair("grade", "优")]
        );
        assert_eq!(
            of("共计发放问卷114份，收回有效问卷114份，群众满意度综合得分为97.47分。"),
            [pair("satisfaction", "97.47分")]
        );
        assert_eq!(
            of("（11）参加培训学员的满意度不低于90%，实际满意度97.47%，完成率100%。"),
            [pair("satisfaction", "97.47%")]
        );
        assert_eq!(
            of("问卷的10个问题中“认为培训单位在培训期间的管理工作水平如何？”问题分数相对较低。"),
            [pair(
                "weakest_question",
                "认为培训单位在培训期间的管理工作水平如何？"
            )]
        );
        assert_eq!(
            of("2022年，本项目财政资金拨款97.361万元，于当年到位97.361万元，到位率100%。"),
            [pair("arrival_rate", "100%"), pair("planned", "97.361")]
        );
        // One line's figures are not the whole project's.
        assert_eq!(
            of("（2）组织开展培训，预算金额5.271万元，使用经费0.9735万元，结余经费4.2975万元。"),
            []
        );
        assert_eq!(of("1.项目决策（满分20分，评价得分20分）"), []);
    }

    #[test]
    fn headings_the_official_way() {
        assert_eq!(heading_level("一、项目概况："), Some(1));
        assert_eq!(heading_level("十二、其他"), Some(1));
        assert_eq!(heading_level("（二）存在的问题"), Some(2));
        assert_eq!(heading_level("（1）投入管理"), None);
        assert_eq!(heading_level("一是加强管理"), None);
    }
}
