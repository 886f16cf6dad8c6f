//! What the audit reports: each finding has a severity, a stable code, the path of the field it is
//! about and a message in Chinese and English.

mod targets;

pub(crate) use crate::message::Lang;
use crate::message::Message;
use crate::model::{Light, Tier};
use crate::number::{show2, NumError};
use crate::path::FieldPath;
use rust_decimal::Decimal;
pub use targets::TargetProblem;

/// Severity of a finding.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    /// The field is wrong: its leaf scores 0 and the document counts as invalid.
    Error,
    /// Worth a look or an explanation; the score stands.
    Warning,
    /// For information: something jixiao did that the user may want to confirm.
    Info,
}

impl Level {
    /// The level as people read it: 错误 / error, 警告 / warning, 提示 / note.
    pub fn label(self) -> crate::message::Text {
        use crate::message::Text;
        match self {
            Level::Error => Text("错误", "error"),
            Level::Warning => Text("警告", "warning"),
            Level::Info => Text("提示", "note"),
        }
    }

    /// The name in JSON: `error`, `warning`, `info`.
    pub fn name(self) -> &'static str {
        match self {
            Level::Error => "error",
            Level::Warning => "warning",
            Level::Info => "info",
        }
    }
}

/// Where a leaf's figures come from, when that source has errors.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// The budget table (预算执行率, 资金到位率).
    Budget,
    /// The survey with this id (满意度).
    Survey(String),
}

/// What a finding says, with the figures it is about.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    /// An id is used twice in its scope.
    DuplicateId {
        /// The id, unique within its scope.
        id: String,
    },
    /// A required field is empty.
    MissingField,
    /// A field does not hold a usable number.
    BadNumber {
        /// Why the text is not a number.
        error: NumError,
        /// The text as written.
        text: String,
    },
    /// A date field does not hold a date.
    NotADate {
        /// The text as written.
        text: String,
    },
    /// A count is not a whole, non-negative number.
    NotWhole,
    /// An amount of money is negative.
    NegativeMoney,
    /// A count is negative.
    NegativeCount,
    /// Points are negative.
    NegativePoints,
    /// Arithmetic left the range of an exact decimal.
    Overflow,
    /// The rule kind is not one jixiao knows (or none is chosen).
    UnknownKind {
        /// The kind.
        kind: String,
    },
    /// The 反向 formula is not `ratio` or `linear`.
    UnknownFormula {
        /// The 反向 formula.
        formula: String,
    },
    /// The tier is not one of the three (or none is chosen).
    UnknownTier {
        /// The qualitative tier.
        tier: String,
    },
    /// The survey method is not `weighted` or `share`.
    UnknownMethod {
        /// The survey method.
        method: String,
    },
    /// A satisfaction rule names a survey that does not exist.
    UnknownSurvey {
        /// The survey id.
        survey: String,
    },
    /// An expert score lies outside 0..points.
    ManualScoreOutOfRange {
        /// 得分.
        score: String,
        /// 分值.
        points: String,
    },
    /// A qualitative fraction lies outside its tier's band.
    FractionOutOfBand {
        /// A fraction in [0, 1].
        fraction: String,
        /// The qualitative tier.
        tier: Tier,
    },
    /// A fraction lies outside [0, 1].
    FractionOutOfRange {
        /// A fraction in [0, 1].
        fraction: String,
    },
    /// A question has not one count per option.
    CountsLength {
        /// Answer counts, one per option.
        counts: usize,
        /// The answer options.
        options: usize,
    },
    /// The number of satisfied options is out of range.
    SatisfiedOptionsOutOfRange {
        /// The answer options.
        options: usize,
    },
    /// There is no planned budget to compute a rate from.
    NoBudget,
    /// The budget or survey a leaf relies on has errors.
    SourceHasErrors {
        /// Which source.
        source: Source,
    },
    /// A survey has no answers.
    NoAnswers {
        /// The survey id.
        survey: String,
    },
    /// The percent falls in no grade band.
    NoGradeBand {
        /// A percentage.
        percent: String,
    },
    /// The tree's points do not add up to 100.
    PointsNot100 {
        /// 分值.
        points: String,
    },
    /// A question's counts do not add up to the respondents.
    CountsNotRespondents {
        /// The sum of the counts.
        sum: String,
        /// 有效调查人数.
        respondents: String,
    },
    /// An `at_least` actual is more than the threshold above its target.
    OverTarget {
        /// A percentage.
        percent: Decimal,
        /// The threshold, in percent.
        threshold: Decimal,
    },
    /// A target is not met and no reason is given.
    MissingReason {
        /// The completion, in percent.
        completion: Decimal,
    },
    /// More was spent than received.
    SpentOverReceived {
        /// 执行数.
        spent: String,
        /// 到位数.
        received: String,
    },
    /// The execution rate is below the floor.
    LowExecution {
        /// The rate as shown.
        rate: String,
        /// The floor, in percent.
        floor: String,
    },
    /// Performance runs ahead of budget execution by more than the margin.
    PerformanceAheadOfBudget {
        /// The percent scored on the other leaves, as shown.
        performance: String,
        /// The execution rate, as shown.
        execution: String,
        /// The margin, in points.
        margin: String,
    },
    /// No leaf is applicable.
    NoApplicableIndicator,
    /// A rule was read from what a form prints (`≥95%`); confirm or change it.
    RuleInferred {
        /// The text it came from.
        text: String,
        /// The kind it was read as.
        kind: String,
    },
    /// A figure the report claims differs from the computed one.
    ClaimDiffers {
        /// What the report says.
        claimed: String,
        /// The computed figure as shown.
        computed: String,
    },
    /// A figure printed in a Word report differs from what its tables compute.
    PrintedDiffers {
        /// What the figure is.
        what: crate::model::What,
        /// The heading (or the table) it was printed under.
        place: String,
        /// The sentence (or the table row) it was printed in.
        sentence: String,
        /// The column (a survey option, a budget line) of the cell it was printed in, where known.
        column: Option<String>,
        /// The figure as printed.
        claimed: String,
        /// The computed figure as shown.
        computed: String,
    },
    /// A round's red (or yellow) light without a reason or a cause.
    LightUnexplained {
        /// The light.
        light: crate::model::Light,
    },
    /// A round says a target may not be met without a forecast or a reason.
    LikelyMissUnexplained {
        /// 完成目标可能性 as reported.
        likelihood: crate::model::Likelihood,
    },
    /// A round says a target will certainly be met while its forecast misses it.
    CertainButForecastMisses {
        /// The forecast as written.
        forecast: String,
    },
    /// A round's date is outside the document's year.
    RoundOutsideYear {
        /// The round's date.
        as_of: String,
        /// The document's year.
        year: i32,
    },
    /// A round reports more spent on a line than the line's planned amount.
    RoundOverspent {
        /// Spent to date.
        spent: String,
        /// The line's 全年预算数.
        planned: String,
    },
    /// A round names a budget line or indicator the document does not have.
    RoundUnknownId {
        /// The id.
        id: String,
    },
    /// A monitoring form prints a light (预警) that the rules do not give.
    PrintedLightDiffers {
        /// The form (its sheet) it was printed in.
        place: String,
        /// The row it was printed in.
        sentence: String,
        /// The light as printed (`绿灯`).
        claimed: String,
        /// The light it says.
        printed: Light,
        /// The light the rules give (none where they give none).
        computed: Option<Light>,
    },
    /// A problem of the targets as declared (the review), or of a document against its
    /// declaration.
    Target(TargetProblem),
    /// The same quantity is printed in two places with two values.
    PrintedTwice {
        /// What the figure is.
        what: crate::model::What,
        /// The figure as printed here.
        claimed: String,
        /// Where it is printed here.
        place: String,
        /// The other value, printed before.
        before: String,
        /// Where the other value is printed.
        before_place: String,
    },
}

impl Problem {
    /// The figure as printed and the one computed, at the printed precision, for a finding about
    /// a printed or claimed figure (the other printing, for a figure printed twice).
    pub fn figures(&self) -> Option<(&str, &str)> {
        match self {
            Problem::ClaimDiffers { claimed, computed }
            | Problem::PrintedDiffers {
                claimed, computed, ..
            } => Some((claimed, computed)),
            Problem::PrintedLightDiffers {
                claimed, computed, ..
            } => Some((claimed, computed.map_or("无灯", Light::printed))),
            _ => None,
        }
    }

    /// A stable code: tests, scripts and translations key on it.
    pub fn code(&self) -> &'static str {
        match self {
            Problem::DuplicateId { .. } => "duplicate-id",
            Problem::MissingField => "missing-field",
            Problem::BadNumber {
                error: NumError::OutOfRange,
                ..
            } => "number-out-of-range",
            Problem::BadNumber { .. } => "not-a-number",
            Problem::NotADate { .. } => "not-a-date",
            Problem::NotWhole => "not-a-whole-number",
            Problem::NegativeMoney => "negative-money",
            Problem::NegativeCount => "negative-count",
            Problem::NegativePoints => "negative-points",
            Problem::Overflow => "overflow",
            Problem::UnknownKind { .. } => "unknown-rule-kind",
            Problem::UnknownFormula { .. } => "unknown-formula",
            Problem::UnknownTier { .. } => "unknown-tier",
            Problem::UnknownMethod { .. } => "unknown-method",
            Problem::UnknownSurvey { .. } => "unknown-survey",
            Problem::ManualScoreOutOfRange { .. } => "manual-score-out-of-range",
            Problem::FractionOutOfBand { .. } => "fraction-out-of-band",
            Problem::FractionOutOfRange { .. } => "fraction-out-of-range",
            Problem::CountsLength { .. } => "counts-length",
            Problem::SatisfiedOptionsOutOfRange { .. } => "satisfied-options-out-of-range",
            Problem::NoBudget => "no-budget",
            Problem::SourceHasErrors { .. } => "source-has-errors",
            Problem::NoAnswers { .. } => "no-answers",
            Problem::NoGradeBand { .. } => "no-grade-band",
            Problem::PointsNot100 { .. } => "points-not-100",
            Problem::CountsNotRespondents { .. } => "counts-not-respondents",
            Problem::OverTarget { .. } => "over-target",
            Problem::MissingReason { .. } => "missing-reason",
            Problem::SpentOverReceived { .. } => "spent-over-received",
            Problem::LowExecution { .. } => "low-execution",
            Problem::PerformanceAheadOfBudget { .. } => "performance-budget-mismatch",
            Problem::NoApplicableIndicator => "no-applicable-indicator",
            Problem::ClaimDiffers { .. } => "claim-differs",
            Problem::PrintedDiffers { .. } => "printed-differs",
            Problem::LightUnexplained { .. } => "light-unexplained",
            Problem::LikelyMissUnexplained { .. } => "likely-miss-unexplained",
            Problem::CertainButForecastMisses { .. } => "certain-but-misses",
            Problem::RoundOutsideYear { .. } => "round-outside-year",
            Problem::RoundOverspent { .. } => "round-overspent",
            Problem::RoundUnknownId { .. } => "round-unknown-id",
            Problem::PrintedTwice { .. } => "printed-twice",
            Problem::PrintedLightDiffers { .. } => "printed-light-differs",
            Problem::RuleInferred { .. } => "rule-inferred",
            Problem::Target(t) => t.code(),
        }
    }

    /// The severity.
    pub fn level(&self) -> Level {
        match self {
            Problem::PointsNot100 { .. }
            | Problem::CountsNotRespondents { .. }
            | Problem::OverTarget { .. }
            | Problem::MissingReason { .. }
            | Problem::SpentOverReceived { .. }
            | Problem::LowExecution { .. }
            | Problem::PerformanceAheadOfBudget { .. }
            | Problem::NoApplicableIndicator
            | Problem::ClaimDiffers { .. }
            | Problem::PrintedDiffers { .. }
            | Problem::PrintedTwice { .. }
            | Problem::PrintedLightDiffers { .. }
            | Problem::LightUnexplained { .. }
            | Problem::LikelyMissUnexplained { .. }
            | Problem::CertainButForecastMisses { .. }
            | Problem::RoundOutsideYear { .. }
            | Problem::RoundOverspent { .. }
            | Problem::RoundUnknownId { .. }
            | Problem::NoGradeBand { .. } => Level::Warning,
            Problem::RuleInferred { .. } => Level::Info,
            Problem::Target(t) => t.level(),
            _ => Level::Error,
        }
    }

    /// Whether the problem is only that something has not been filled in yet (an empty required
    /// field, no rule or tier chosen, no budget lines or answers yet), as in a fresh template,
    /// rather than something written wrong. A page may show these as "to fill" until the user has
    /// worked on the row.
    pub fn is_unfilled(&self) -> bool {
        match self {
            Problem::MissingField | Problem::NoBudget | Problem::NoAnswers { .. } => true,
            Problem::UnknownKind { kind } => kind.is_empty(),
            Problem::UnknownTier { tier } => tier.is_empty(),
            Problem::Target(t) => t.is_unfilled(),
            _ => false,
        }
    }
}

impl Message for Problem {
    fn zh(&self) -> String {
        match self {
            Problem::Target(t) => t.zh(),
            Problem::DuplicateId { id } => format!("编号“{id}”重复：同一范围内的编号必须唯一"),
            Problem::MissingField => "必填项未填写".into(),
            Problem::BadNumber { error, text } => format!("“{}”{}", short(text), error.zh()),
            Problem::NotADate { text } => format!("“{text}”不是日期（应写作 2022-11-30）"),
            Problem::NotWhole => "应为非负整数".into(),
            Problem::NegativeMoney => "金额不能为负数".into(),
            Problem::NegativeCount => "人数不能为负数".into(),
            Problem::NegativePoints => "分值不能为负数".into(),
            Problem::Overflow => "计算溢出：数值过大".into(),
            Problem::UnknownKind { kind } if kind.is_empty() => "未选择计分方式".into(),
            Problem::UnknownKind { kind } => format!("未知的计分方式“{kind}”"),
            Problem::UnknownFormula { formula } => {
                format!("未知的反向计分公式“{formula}”（应为 ratio 或 linear）")
            }
            Problem::UnknownTier { tier } if tier.is_empty() => {
                "定性指标未选择档次（达成 / 部分达成 / 未达成）".into()
            }
            Problem::UnknownTier { tier } => format!("未知的定性档次“{tier}”"),
            Problem::UnknownMethod { method } => {
                format!("未知的满意度计算方法“{method}”（应为 weighted 或 share）")
            }
            Problem::UnknownSurvey { survey } => format!("找不到满意度调查“{survey}”"),
            Problem::ManualScoreOutOfRange { score, points } => {
                format!("得分 {score} 超出 0 至 {points} 分的范围")
            }
            Problem::FractionOutOfBand { fraction, tier } => {
                format!("得分比例 {fraction} 不在“{}”档的区间 {}", tier_zh(*tier), band(*tier))
            }
            Problem::FractionOutOfRange { fraction } => {
                format!("得分比例 {fraction} 应在 0 至 1 之间")
            }
            Problem::CountsLength { counts, options } => {
                format!("人数有 {counts} 项，而选项有 {options} 个")
            }
            Problem::SatisfiedOptionsOutOfRange { options } => {
                format!("计为满意的选项数应在 1 至 {options} 之间")
            }
            Problem::NoBudget => "没有预算数，无法计算比率".into(),
            Problem::SourceHasErrors {
                source: Source::Budget,
            } => "预算明细有错误，本指标暂记 0 分".into(),
            Problem::SourceHasErrors {
                source: Source::Survey(source),
            } => {
                format!("满意度调查“{source}”有错误，本指标暂记 0 分")
            }
            Problem::NoAnswers { survey } => format!("满意度调查“{survey}”没有有效答卷"),
            Problem::NoGradeBand { percent } => format!("得分率 {percent}% 不在任何等级区间内"),
            Problem::PointsNot100 { points } => format!("指标分值合计为 {points} 分，而不是 100 分"),
            Problem::CountsNotRespondents { sum, respondents } => {
                format!("各选项人数合计 {sum} 人，与有效调查人数 {respondents} 人不符")
            }
            Problem::OverTarget { percent, threshold } => format!(
                "实际完成值为年度指标值的 {}%，超出 {}% 以上：目标设定偏低，需说明偏差原因",
                show2(*percent),
                threshold.normalize()
            ),
            Problem::MissingReason { completion } => format!(
                "未完成年度指标（完成率 {}%），需填写偏差原因",
                show2(*completion)
            ),
            Problem::SpentOverReceived { spent, received } => {
                format!("执行数 {spent} 超过到位数 {received}")
            }
            Problem::LowExecution { rate, floor } => {
                format!("预算执行率 {rate}% 低于 {floor}%，需说明原因（预算申报准确性不足）")
            }
            Problem::PerformanceAheadOfBudget { performance, execution, margin } => format!(
                "绩效与预算执行不匹配：预算执行类指标以外的得分率 {performance}% 高出预算执行率 {execution}% 超过 {margin} 个百分点"
            ),
            Problem::NoApplicableIndicator => "没有适用的指标，得分率记为 0".into(),
            Problem::ClaimDiffers { claimed, computed } => {
                format!("印为 {claimed}，计算为 {computed}")
            }
            Problem::PrintedDiffers { place, sentence, computed, what, column, claimed } => format!(
                "{place}：{} — 印为 {claimed}，计算为 {computed}（{}）",
                crate::text::excerpt(sentence, claimed),
                what.named_in(column.as_deref()).zh()
            ),
            Problem::PrintedLightDiffers { place, sentence, claimed, printed, computed } => format!(
                "{place}：{} — 印为 {}，计算为 {}（预警）",
                crate::text::excerpt(sentence, claimed),
                printed.zh(),
                computed.map_or("无灯".to_string(), |l| l.zh())
            ),
            Problem::PrintedTwice { what, claimed, place, before, before_place } => format!(
                "{}印了两个不同的值：{before_place}为 {before}，{place}为 {claimed}",
                what.zh()
            ),
            Problem::LightUnexplained { light } => {
                format!("{}：需填写偏差原因（原因类别或说明）", light.zh())
            }
            Problem::LikelyMissUnexplained { likelihood } => format!(
                "完成目标可能性为“{}”，需填写全年预计完成值或偏差原因",
                likelihood.zh()
            ),
            Problem::CertainButForecastMisses { forecast } => format!(
                "完成目标可能性为“确定能”，但全年预计完成值 {forecast} 达不到年度指标值"
            ),
            Problem::RoundOutsideYear { as_of, year } => {
                format!("监控截至日期 {as_of} 不在 {year} 年度内（序时进度按 0 或 100% 计）")
            }
            Problem::RoundOverspent { spent, planned } => {
                format!("执行数 {spent} 超过全年预算数 {planned}")
            }
            Problem::RoundUnknownId { id } => format!("文档中没有编号为 {id} 的项目"),
            Problem::RuleInferred { text, kind } => format!(
                "计分方式“{}”是从表中所写的“{text}”推断的，请确认或修改",
                kind_zh(kind)
            ),
        }
    }

    fn en(&self) -> String {
        match self {
            Problem::Target(t) => t.en(),
            Problem::DuplicateId { id } => format!("the id \"{id}\" is used twice in the same scope"),
            Problem::MissingField => "this field is required".into(),
            Problem::BadNumber { error, text } => format!("\"{}\" {}", short(text), error.en()),
            Problem::NotADate { text } => format!("\"{text}\" is not a date (write 2022-11-30)"),
            Problem::NotWhole => "must be a whole number, not negative".into(),
            Problem::NegativeMoney => "an amount of money cannot be negative".into(),
            Problem::NegativeCount => "a count cannot be negative".into(),
            Problem::NegativePoints => "points cannot be negative".into(),
            Problem::Overflow => "arithmetic overflow: the numbers are too large".into(),
            Problem::UnknownKind { kind } if kind.is_empty() => "no scoring rule chosen".into(),
            Problem::UnknownKind { kind } => format!("unknown rule kind \"{kind}\""),
            Problem::UnknownFormula { formula } => {
                format!("unknown at_most formula \"{formula}\" (ratio or linear)")
            }
            Problem::UnknownTier { tier } if tier.is_empty() => {
                "no tier chosen (achieved / partial / missed)".into()
            }
            Problem::UnknownTier { tier } => format!("unknown tier \"{tier}\""),
            Problem::UnknownMethod { method } => {
                format!("unknown survey method \"{method}\" (weighted or share)")
            }
            Problem::UnknownSurvey { survey } => format!("there is no survey \"{survey}\""),
            Problem::ManualScoreOutOfRange { score, points } => {
                format!("the score {score} is outside 0 to {points}")
            }
            Problem::FractionOutOfBand { fraction, tier } => {
                format!(
                    "the fraction {fraction} is outside the {} band {}",
                    tier.name(),
                    band(*tier)
                )
            }
            Problem::FractionOutOfRange { fraction } => {
                format!("the fraction {fraction} must lie between 0 and 1")
            }
            Problem::CountsLength { counts, options } => {
                format!("{counts} counts for {options} options")
            }
            Problem::SatisfiedOptionsOutOfRange { options } => {
                format!("the number of satisfied options must be between 1 and {options}")
            }
            Problem::NoBudget => "there is no planned budget to compute the rate from".into(),
            Problem::SourceHasErrors {
                source: Source::Budget,
            } => "the budget table has errors; this indicator scores 0 until they are fixed".into(),
            Problem::SourceHasErrors {
                source: Source::Survey(source),
            } => format!(
                "the survey \"{source}\" has errors; this indicator scores 0 until they are fixed"
            ),
            Problem::NoAnswers { survey } => format!("the survey \"{survey}\" has no answers"),
            Problem::NoGradeBand { percent } => format!("{percent}% falls in no grade band"),
            Problem::PointsNot100 { points } => {
                format!("the indicators' points add up to {points}, not 100")
            }
            Problem::CountsNotRespondents { sum, respondents } => {
                format!("the answers add up to {sum}, not the {respondents} respondents")
            }
            Problem::OverTarget { percent, threshold } => format!(
                "the actual value is {}% of the target, more than {}% over: the target was probably set too low; explain the deviation",
                show2(*percent),
                threshold.normalize()
            ),
            Problem::MissingReason { completion } => format!(
                "target not met (completion {}%) and no reason given",
                show2(*completion)
            ),
            Problem::SpentOverReceived { spent, received } => {
                format!("spent {spent} is more than received {received}")
            }
            Problem::LowExecution { rate, floor } => {
                format!("the execution rate {rate}% is below {floor}%: an explanation is expected")
            }
            Problem::PerformanceAheadOfBudget { performance, execution, margin } => format!(
                "performance and budget execution do not match: {performance}% scored on the other indicators is more than {margin} points ahead of the {execution}% execution rate"
            ),
            Problem::NoApplicableIndicator => {
                "no indicator is applicable; the percent is 0".into()
            }
            Problem::ClaimDiffers { claimed, computed } => {
                format!("printed {claimed}, computed {computed}")
            }
            Problem::PrintedDiffers { place, sentence, computed, what, column, claimed } => format!(
                "{place}: {} — printed {claimed}, computed {computed} ({})",
                crate::text::excerpt(sentence, claimed),
                what.named_in(column.as_deref()).en()
            ),
            Problem::PrintedLightDiffers { place, sentence, claimed, printed, computed } => format!(
                "{place}: {} — printed {}, computed {} (light)",
                crate::text::excerpt(sentence, claimed),
                printed.en(),
                computed.map_or("no light".to_string(), |l| l.en())
            ),
            Problem::PrintedTwice { what, claimed, place, before, before_place } => format!(
                "the {} is printed with two values: {before} in {before_place}, {claimed} in {place}",
                what.en()
            ),
            Problem::LightUnexplained { light } => {
                format!("a {} light needs a reason (a cause or a note)", light.en())
            }
            Problem::LikelyMissUnexplained { likelihood } => format!(
                "the target is \"{}\" to be met: a forecast or a reason is expected",
                likelihood.en()
            ),
            Problem::CertainButForecastMisses { forecast } => format!(
                "the target is said to be certain, but the forecast {forecast} misses it"
            ),
            Problem::RoundOutsideYear { as_of, year } => format!(
                "the round's date {as_of} is outside {year} (time progress taken as 0 or 100%)"
            ),
            Problem::RoundOverspent { spent, planned } => {
                format!("spent {spent} is more than the year's budget {planned}")
            }
            Problem::RoundUnknownId { id } => format!("the document has no item {id}"),
            Problem::RuleInferred { text, kind } => format!(
                "the rule \"{kind}\" was read from \"{text}\" as the form writes it: confirm or change it"
            ),
        }
    }
}

/// The rule kind as the 自评表 names it.
fn kind_zh(kind: &str) -> &str {
    match kind {
        "at_least" => "正向（不低于）",
        "at_most" => "反向（不高于）",
        "equal" => "等于",
        "deadline" => "时效（按期完成）",
        "qualitative" => "定性",
        "manual" => "专家打分",
        "budget_execution" => "预算执行率",
        "fund_arrival" => "资金到位率",
        "satisfaction" => "满意度",
        other => other,
    }
}

/// A typed value as quoted in a message: at most 24 characters.
fn short(text: &str) -> String {
    let mut chars = text.chars();
    let head: String = chars.by_ref().take(24).collect();
    if chars.next().is_some() {
        format!("{head}…")
    } else {
        head
    }
}

fn tier_zh(tier: Tier) -> &'static str {
    match tier {
        Tier::Achieved => "达成",
        Tier::Partial => "部分达成",
        Tier::Missed => "未达成",
    }
}

fn band(tier: Tier) -> &'static str {
    match tier {
        Tier::Achieved => "[0.8, 1]",
        Tier::Partial => "[0.6, 0.8)",
        Tier::Missed => "[0, 0.6)",
    }
}

/// One finding: a problem at a path such as `budget/b3/spent` or `indicators/C111/rule/actual`.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    /// The field the finding is about.
    pub path: FieldPath,
    /// What is wrong.
    pub problem: Problem,
}

impl Finding {
    /// A finding of `problem` at `path`.
    pub fn new(path: FieldPath, problem: Problem) -> Finding {
        Finding { path, problem }
    }

    /// The severity.
    pub fn level(&self) -> Level {
        self.problem.level()
    }

    /// A stable code.
    pub fn code(&self) -> &'static str {
        self.problem.code()
    }

    /// The message in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        self.problem.text(lang)
    }
}
