//! Property tests over arbitrary documents: scoring never panics, every score lies within its
//! points, totals within the maximum, and writing then reading gives back the same document.
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

use jixiao_core::results;
use jixiao_core::{audit, Lang};
use jixiao_core::{read_str, read_value, to_string_pretty};
use proptest::prelude::*;
use rust_decimal::Decimal;
use serde_json::{json, Value};

/// Number texts as files and users give them: ordinary decimals and the awkward ones.
fn number_text() -> impl Strategy<Value = Value> {
    prop_oneof![
        6 => (-2000i64..200_000, 0u32..7).prop_map(|(m, s)| json!(Decimal::new(m, s).to_string())),
        2 => (0u64..1000).prop_map(|n| json!(n)),
        1 => Just(json!("")),
        1 => Just(json!("abc")),
        1 => Just(json!("1,234.5")),
        1 => Just(json!("８４.２７%")),
        1 => Just(json!("79228162514264337593543950335")),
        1 => Just(json!("-79228162514264337593543950335")),
        1 => Just(json!("1234567890123456789012345678901234567890")),
        1 => Just(json!("0.0000000000000000000000000001")),
        1 => Just(json!("1e20")),
        1 => Just(Value::Null),
    ]
}

fn date_text() -> impl Strategy<Value = Value> {
    prop_oneof![
        (2020i32..2026, 1u32..13, 1u32..29)
            .prop_map(|(y, m, d)| json!(format!("{y}-{m:02}-{d:02}"))),
        Just(json!("2023-02-30")),
        Just(json!("")),
    ]
}

fn steps() -> impl Strategy<Value = Option<Value>> {
    proptest::option::of(
        proptest::collection::vec((number_text(), number_text()), 0..4).prop_map(|s| {
            Value::Array(
                s.into_iter()
                    .map(|(min, fraction)| json!({"min": min, "fraction": fraction}))
                    .collect(),
            )
        }),
    )
}

fn rule() -> impl Strategy<Value = Value> {
    let kinds = prop_oneof![
        Just("at_least"),
        Just("at_most"),
        Just("equal"),
        Just("deadline"),
        Just("qualitative"),
        Just("manual"),
        Just("budget_execution"),
        Just("fund_arrival"),
        Just("satisfaction"),
        Just("other"),
    ];
    (
        kinds,
        number_text(),
        number_text(),
        date_text(),
        prop_oneof![Just("ratio"), Just("linear"), Just("x")],
        prop_oneof![Just("achieved"), Just("partial"), Just("missed"), Just("")],
        prop_oneof![Just("s1"), Just("s2"), Just("s9")],
        steps(),
        number_text(),
    )
        .prop_map(|(kind, target, actual, date, formula, tier, survey, steps, extra)| {
            let mut r = json!({"kind": kind, "target": target, "actual": actual, "formula": formula,
                "tier": tier, "fraction": extra.clone(), "score": extra.clone(), "survey": survey,
                "tolerance": extra});
            if kind == "deadline" {
                r["actual"] = date;
            }
            if let Some(steps) = steps {
                r["steps"] = steps;
            }
            r
        })
}

fn node(depth: u32) -> BoxedStrategy<Value> {
    let leaf = (number_text(), any::<bool>(), rule(), any::<bool>()).prop_map(
        |(points, applicable, rule, reason)| {
            json!({"id": "", "name": "叶", "points": points, "applicable": applicable,
            "reason": if reason { "说明" } else { "" }, "rule": rule})
        },
    );
    if depth == 0 {
        return leaf.boxed();
    }
    prop_oneof![
        3 => leaf,
        1 => proptest::collection::vec(node(depth - 1), 0..4)
            .prop_map(|children| json!({"id": "", "name": "组", "children": children})),
    ]
    .boxed()
}

/// Gives every indicator a unique id (duplicates are tested separately).
fn number_ids(nodes: &mut [Value], next: &mut usize) {
    for n in nodes {
        n["id"] = json!(format!("N{next}"));
        *next += 1;
        if let Some(children) = n.get_mut("children").and_then(Value::as_array_mut) {
            number_ids(children, next);
        }
    }
}

fn document() -> impl Strategy<Value = Value> {
    let line = (number_text(), proptest::option::of(number_text()), number_text())
        .prop_map(|(planned, received, spent)| json!({"name": "线", "planned": planned, "received": received, "spent": spent}));
    let counts = proptest::collection::vec(
        prop_oneof![4 => (0u64..300).prop_map(|n| json!(n)), 1 => number_text()],
        0..6,
    );
    let survey = (
        proptest::collection::vec(number_text(), 1..6),
        proptest::collection::vec(counts, 0..5),
        prop_oneof![Just(json!("weighted")), Just(json!("share")), Just(Value::Null)],
        proptest::option::of(number_text()),
    )
        .prop_map(|(weights, questions, method, respondents)| {
            let options: Vec<Value> = weights.into_iter().map(|w| json!({"label": "选项", "weight": w})).collect();
            let questions: Vec<Value> = questions.into_iter().enumerate()
                .map(|(i, c)| json!({"id": format!("q{i}"), "text": "?", "counts": c})).collect();
            json!({"name": "调查", "method": method, "respondents": respondents, "options": options, "questions": questions})
        });
    (
        proptest::collection::vec(line, 0..5),
        proptest::collection::vec(survey, 0..3),
        proptest::collection::vec(node(4), 0..6),
    )
        .prop_map(|(mut budget, mut surveys, mut indicators)| {
            for (i, b) in budget.iter_mut().enumerate() {
                b["id"] = json!(format!("b{i}"));
            }
            for (i, s) in surveys.iter_mut().enumerate() {
                s["id"] = json!(format!("s{}", i + 1));
            }
            number_ids(&mut indicators, &mut 0);
            json!({"format": "jixiao/1", "budget": budget, "surveys": surveys, "indicators": indicators})
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn scoring_never_panics_and_stays_in_bounds(value in document()) {
        let doc = read_value(value).unwrap();
        let eval = audit(&doc);
        for leaf in &eval.leaves {
            prop_assert!(leaf.score >= Decimal::ZERO, "{} scored {}", leaf.id, leaf.score);
            prop_assert!(leaf.score <= leaf.points, "{} scored {} of {}", leaf.id, leaf.score, leaf.points);
            prop_assert!(leaf.completion >= Decimal::ZERO && leaf.completion <= Decimal::ONE);
        }
        prop_assert!(eval.total >= Decimal::ZERO && eval.total <= eval.max_points);
        prop_assert!(eval.percent >= Decimal::ZERO && eval.percent <= Decimal::ONE_HUNDRED);
        for s in &eval.surveys {
            if let Some(sat) = s.satisfaction {
                prop_assert!(s.weakest.is_some());
                let _ = sat;
            }
        }
        let _ = results(&eval, Lang::En).value();
    }

    #[test]
    fn write_then_read_gives_back_the_same_document(value in document()) {
        let doc = read_value(value).unwrap();
        let text = to_string_pretty(&doc);
        let again = read_str(&text).unwrap();
        prop_assert_eq!(&again, &doc);
        // Scores agree exactly; a message may quote the normalised text ("1,234.5" → "1234.5").
        let (a, b) = (audit(&again), audit(&doc));
        prop_assert_eq!((a.total, a.max_points, a.percent, &a.grade), (b.total, b.max_points, b.percent, &b.grade));
        prop_assert_eq!((&a.leaves, &a.groups, &a.budget, &a.surveys), (&b.leaves, &b.groups, &b.budget, &b.surveys));
        let where_ = |e: &jixiao_core::Evaluation| e.findings.iter().map(|f| (f.code(), f.path.clone())).collect::<Vec<_>>();
        prop_assert_eq!(where_(&a), where_(&b));
    }
}
