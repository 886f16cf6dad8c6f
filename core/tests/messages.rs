//! One snapshot per finding code, in both languages: every `Problem` the audit can report, with
//! typical figures, as the user reads it (`tests/examples/findings.messages.txt`). A code added
//! without a line here fails `every_code_has_a_snapshot`. `JIXIAO_BLESS=1` rewrites the file
//! after a deliberate change of wording.
// A test's failing assertion panics on purpose: the workspace's no-panic lints are for the
// code that runs on what a file holds.
#![allow(
    clippy::arithmetic_side_effects,
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    unreachable_pub,
    missing_docs
)]

use jixiao_core::{
    Decimal, Light, Likelihood, Message, NumError, Problem, Source, TargetProblem, Tier, What,
};
use std::path::Path;

/// One problem of every code, with the figures a user would meet.
fn every_problem() -> Vec<Problem> {
    let s = |t: &str| t.to_string();
    #[allow(non_snake_case)]
    let T = Problem::Target;
    vec![
        Problem::DuplicateId { id: s("C112") },
        Problem::MissingField,
        Problem::BadNumber {
            error: NumError::Invalid,
            text: s("九十"),
        },
        Problem::BadNumber {
            error: NumError::OutOfRange,
            text: s("1234567890123456789012345678901"),
        },
        Problem::NotADate { text: s("年底") },
        Problem::NotWhole,
        Problem::NegativeMoney,
        Problem::NegativeCount,
        Problem::NegativePoints,
        Problem::Overflow,
        Problem::UnknownKind { kind: s("ratio") },
        Problem::UnknownFormula { formula: s("log") },
        Problem::UnknownTier { tier: s("good") },
        Problem::UnknownMethod {
            method: s("median"),
        },
        Problem::UnknownSurvey { survey: s("s9") },
        Problem::ManualScoreOutOfRange {
            score: s("12"),
            points: s("10"),
        },
        Problem::FractionOutOfBand {
            fraction: s("0.5"),
            tier: Tier::Partial,
        },
        Problem::FractionOutOfRange { fraction: s("1.2") },
        Problem::CountsLength {
            counts: 4,
            options: 5,
        },
        Problem::SatisfiedOptionsOutOfRange { options: 5 },
        Problem::NoBudget,
        Problem::SourceHasErrors {
            source: Source::Survey(s("s1")),
        },
        Problem::NoAnswers { survey: s("s1") },
        Problem::NoGradeBand {
            percent: s("55.00"),
        },
        Problem::PointsNot100 { points: s("95") },
        Problem::CountsNotRespondents {
            sum: s("94"),
            respondents: s("95"),
        },
        Problem::OverTarget {
            percent: Decimal::new(14_500, 2),
            threshold: Decimal::from(30),
        },
        Problem::MissingReason {
            completion: Decimal::new(8_427, 2),
        },
        Problem::SpentOverReceived {
            spent: s("110"),
            received: s("100"),
        },
        Problem::LowExecution {
            rate: s("84.27"),
            floor: s("90"),
        },
        Problem::PerformanceAheadOfBudget {
            performance: s("95.00"),
            execution: s("84.27"),
            margin: s("5"),
        },
        Problem::NoApplicableIndicator,
        Problem::RuleInferred {
            text: s("≥95%"),
            kind: s("at_least"),
        },
        Problem::ClaimDiffers {
            claimed: s("84.28%"),
            computed: s("84.27%"),
        },
        Problem::PrintedDiffers {
            what: What::ExecutionRate,
            place: s("摘要 › 一、项目概况"),
            sentence: s("项目实际支出82.05万元，为预算金额的84.28%。"),
            column: None,
            claimed: s("84.28%"),
            computed: s("84.27%"),
        },
        Problem::PrintedDiffers {
            what: What::OptionScore(Some(0), 3, Decimal::TEN),
            place: s("满意度调查问卷统计表"),
            sentence: s("1. 培训内容是否实用？ 分数 | 9.04 | 0.63 | 0.00 | 0.00 | 9.67"),
            column: Some(s("不满意")),
            claimed: s("0.00"),
            computed: s("0.04"),
        },
        Problem::PrintedLightDiffers {
            place: s("监控表"),
            sentence: s("产出指标 | 数量指标 | 培训期数 | ≥4期 | 1期 | 绿灯"),
            claimed: s("绿灯"),
            printed: Light::Green,
            computed: Some(Light::Red),
        },
        Problem::PrintedTwice {
            what: What::Total,
            claimed: s("92"),
            place: s("三、综合评价结论"),
            before: s("93"),
            before_place: s("摘要"),
        },
        Problem::LightUnexplained { light: Light::Red },
        Problem::LikelyMissUnexplained {
            likelihood: Likelihood::Possible,
        },
        Problem::CertainButForecastMisses { forecast: s("80") },
        Problem::RoundOutsideYear {
            as_of: s("2025-07-31"),
            year: 2026,
        },
        Problem::RoundOverspent {
            spent: s("120"),
            planned: s("100"),
        },
        Problem::RoundUnknownId { id: s("b9") },
        T(TargetProblem::MissingHeader {
            key: s("title"),
            title: s("项目名称"),
        }),
        T(TargetProblem::MissingHeader {
            key: s("department"),
            title: s("主管部门"),
        }),
        T(TargetProblem::MissingHeader {
            key: s("annual_goal"),
            title: s("年度总体目标"),
        }),
        T(TargetProblem::MissingHeader {
            key: s("unit"),
            title: s("实施单位"),
        }),
        T(TargetProblem::MissingCategory {
            category: s("效益"),
        }),
        T(TargetProblem::MissingCategory {
            category: s("成本"),
        }),
        T(TargetProblem::MissingTarget),
        T(TargetProblem::Placeholder { written: s("XX") }),
        T(TargetProblem::Vague {
            written: s("有效提升"),
        }),
        T(TargetProblem::VagueDeadline {
            written: s("及时")
        }),
        T(TargetProblem::OperatorAssumed {
            written: s("985米"),
            at_most: false,
        }),
        T(TargetProblem::FundsMismatch {
            annual: false,
            total: s("100"),
            parts: s("90"),
        }),
        T(TargetProblem::FundsMismatch {
            annual: true,
            total: s("50"),
            parts: s("45"),
        }),
        T(TargetProblem::AnnualOverTotal {
            annual: s("120"),
            total: s("100"),
        }),
        T(TargetProblem::BudgetNotAnnual {
            planned: s("48"),
            annual: s("50"),
        }),
        T(TargetProblem::StartAfterEnd {
            start: s("2026-12-01"),
            end: s("2026-06-30"),
        }),
        T(TargetProblem::DeadlineAfterEnd {
            deadline: s("2027-03-31"),
            end: s("2026-12-31"),
        }),
        T(TargetProblem::DeadlineOutsideYear {
            deadline: s("2025-11-30"),
            year: 2026,
        }),
        T(TargetProblem::CostLowerBound {
            written: s("≥26万元"),
        }),
        T(TargetProblem::RateOver100 {
            written: s("≥105%"),
        }),
        T(TargetProblem::SatisfactionOutOfRange {
            written: s("≥120%"),
        }),
        T(TargetProblem::PointsNotPositive { points: s("0") }),
        T(TargetProblem::DuplicateName {
            name: s("培训人次"),
        }),
        T(TargetProblem::Changed {
            declared: s("≥100人次"),
            now: s("≥80人次"),
            declared_score: s("8.00"),
            score: s("10.00"),
        }),
        T(TargetProblem::PointsChanged {
            declared: s("10"),
            now: s("15"),
        }),
        T(TargetProblem::Removed {
            name: s("培训期数"),
            declared: s("≥4期"),
        }),
        T(TargetProblem::Added),
    ]
}

fn snapshot() -> String {
    let mut out = String::new();
    for p in every_problem() {
        out.push_str(&format!(
            "{} ({})\n  zh: {}\n  en: {}\n",
            p.code(),
            p.level().name(),
            p.zh(),
            p.en()
        ));
    }
    out
}

#[test]
fn every_finding_reads_as_recorded_in_both_languages() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/examples/findings.messages.txt");
    let actual = snapshot();
    if std::env::var_os("JIXIAO_BLESS").is_some() {
        std::fs::write(&path, &actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        expected == actual,
        "the findings' messages differ from {} (JIXIAO_BLESS=1 cargo test --test messages rewrites it):\n{actual}",
        path.display()
    );
}

#[test]
fn every_code_has_a_snapshot() {
    // The codes as `Problem::code` names them, read from its source.
    let mut codes: Vec<&str> = Vec::new();
    for source in [
        include_str!("../src/findings/mod.rs"),
        include_str!("../src/findings/targets.rs"),
    ] {
        let body = source
            .split("pub fn code(&self)")
            .nth(1)
            .and_then(|rest| rest.split("pub fn level(&self)").next())
            .unwrap();
        codes.extend(
            body.split("=> \"")
                .skip(1)
                .filter_map(|s| s.split('"').next())
                .filter(|c| !c.is_empty()),
        );
    }
    assert!(codes.len() >= 60, "{codes:?}");
    let covered: Vec<&str> = every_problem().iter().map(Problem::code).collect();
    for code in codes {
        assert!(covered.contains(&code), "no snapshot of the code {code}");
    }
}
