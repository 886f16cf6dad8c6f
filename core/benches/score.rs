//! Criterion benchmarks: scoring the Kunming example, and a generated evaluation of 10,000
//! indicators, 1,000 budget lines and 20 surveys of 50 questions.
//!
//! cargo bench -p jixiao-core --bench score
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

use criterion::{criterion_group, criterion_main, Criterion};
use jixiao_core::template;
use jixiao_core::Lang;
use jixiao_core::{audit, read_str, to_string_pretty, Document};
use serde_json::{json, Value};
use std::hint::black_box;

// The command line's allocator (src/cli/main.rs): it is what reads and scores files natively.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// A large document: 10 groups × 10 subgroups × 100 leaves of every rule kind.
pub fn large_document() -> Document {
    let budget: Vec<Value> = (0..1000)
        .map(|i| {
            json!({"id": format!("b{i}"), "name": "预算", "planned": format!("{}.5", 100 + i % 7),
                "spent": format!("{}.25", 90 + i % 11)})
        })
        .collect();
    let options = json!([{"label": "非常满意", "weight": "100"}, {"label": "满意", "weight": "80"},
        {"label": "一般", "weight": "60"}, {"label": "不满意", "weight": "20"}, {"label": "很不满意", "weight": "0"}]);
    let surveys: Vec<Value> = (0..20)
        .map(|s| {
            let questions: Vec<Value> = (0..50)
                .map(|q| json!({"id": format!("q{q}"), "text": "?", "counts": [80 + q % 9, 20, 5 + s % 3, 1, 0]}))
                .collect();
            json!({"id": format!("s{s}"), "name": "调查", "options": options, "questions": questions})
        })
        .collect();
    let rule = |n: usize| match n % 8 {
        0 => json!({"kind": "at_least", "target": "60", "actual": format!("{}", 40 + n % 50)}),
        1 => json!({"kind": "at_most", "target": "26", "actual": "27.5", "formula": "linear"}),
        2 => json!({"kind": "equal", "target": "100", "actual": "97", "tolerance": "1"}),
        3 => json!({"kind": "deadline", "target": "2022-11-30", "actual": "2022-12-01"}),
        4 => json!({"kind": "qualitative", "tier": "partial", "fraction": "0.7"}),
        5 => json!({"kind": "manual", "score": "0.005"}),
        6 => {
            json!({"kind": "budget_execution", "steps": [{"min": "90", "fraction": "1"}, {"min": "80", "fraction": "0.8"}]})
        }
        _ => json!({"kind": "satisfaction", "survey": format!("s{}", n % 20), "target": "95"}),
    };
    let mut n = 0;
    let groups: Vec<Value> = (0..10)
        .map(|g| {
            let subgroups: Vec<Value> = (0..10)
                .map(|h| {
                    let leaves: Vec<Value> = (0..100)
                        .map(|_| {
                            n += 1;
                            json!({"id": format!("L{n}"), "name": "指标", "points": "0.01", "rule": rule(n)})
                        })
                        .collect();
                    json!({"id": format!("G{g}.{h}"), "name": "二级", "children": leaves})
                })
                .collect();
            json!({"id": format!("G{g}"), "name": "一级", "children": subgroups})
        })
        .collect();
    let value =
        json!({"format": "jixiao/1", "budget": budget, "surveys": surveys, "indicators": groups});
    jixiao_core::read_value(value).unwrap()
}

fn bench(c: &mut Criterion) {
    let kunming = template("kunming-2022").unwrap();
    c.bench_function("score kunming-2022", |b| {
        b.iter(|| audit(black_box(&kunming)))
    });
    let large = large_document();
    assert_eq!(audit(&large).leaves.len(), 10_000);
    c.bench_function("score 10k indicators, 1k lines, 20x50 survey", |b| {
        b.iter(|| audit(black_box(&large)))
    });
    let text = to_string_pretty(&large);
    let mut group = c.benchmark_group("read");
    group.throughput(criterion::Throughput::Bytes(text.len() as u64));
    group.bench_function("10k-indicator file", |b| {
        b.iter_with_large_drop(|| read_str(black_box(&text)).unwrap())
    });
    group.bench_function("10k-indicator file, JSON syntax only", |b| {
        b.iter(|| serde_json::from_str::<serde::de::IgnoredAny>(black_box(&text)).unwrap())
    });
    group.finish();
    // The Word report (`jixiao export --docx`), of Kunming and of the large document, in both
    // outlines.
    let mut group = c.benchmark_group("docx");
    let kunming_eval = audit(&kunming);
    let large_eval = audit(&large);
    group.sample_size(10);
    for outline in jixiao_core::Outline::ALL {
        let key = outline.key();
        group.bench_function(format!("kunming-2022 {key}"), |b| {
            b.iter(|| {
                jixiao_core::word_report(black_box(&kunming), &kunming_eval, Lang::Zh, outline)
            })
        });
        group.bench_function(format!("10k indicators {key}"), |b| {
            b.iter(|| jixiao_core::word_report(black_box(&large), &large_eval, Lang::Zh, outline))
        });
    }
    group.finish();
    // Reading a Word report to check it (`jixiao check REPORT.docx`): the seed written as a
    // .docx, and a table of 100,000 budget lines; then scoring what was read.
    let mut group = c.benchmark_group("docx read");
    group.sample_size(10);
    let seed = std::fs::read("../tests/reports/seed-2022.docx").unwrap();
    group.bench_function("seed-2022 read", |b| {
        b.iter(|| jixiao_core::read_form(black_box(&seed)).unwrap())
    });
    let read = jixiao_core::read_form(&seed).unwrap();
    group.bench_function("seed-2022 score with its claims", |b| {
        b.iter(|| audit(black_box(&read.doc)))
    });
    let rows = std::fs::read("../tests/reports/rows-100k.docx").unwrap();
    group.bench_function("100k-row table read", |b| {
        b.iter(|| jixiao_core::read_form(black_box(&rows)).unwrap())
    });
    group.finish();
    // A monitoring round on every leaf and line of the large document (`jixiao monitor`, the
    // 监控 tab): the evaluation with the round's findings, the lights, the forecast, the workbook.
    let mut group = c.benchmark_group("monitoring");
    group.sample_size(10);
    let mut monitored = large.clone();
    let round = jixiao_core::Round {
        as_of: "2026-07-31".into(),
        budget: monitored
            .budget
            .iter()
            .map(|l| jixiao_core::LineReport {
                id: l.id.clone(),
                spent: Some(jixiao_core::Num::new("40")),
                ..Default::default()
            })
            .collect(),
        indicators: monitored
            .leaves()
            .map(|(l, _)| jixiao_core::LeafReport {
                id: l.id.clone(),
                value: Some(jixiao_core::Num::new("50")),
                likelihood: Some("possible".into()),
                ..Default::default()
            })
            .collect(),
        ..Default::default()
    };
    monitored.monitoring.push(round);
    monitored
        .meta
        .insert("year".into(), serde_json::Value::from(2026));
    let round = &monitored.monitoring[0];
    group.bench_function("10k indicators: evaluate with the round's findings", |b| {
        b.iter(|| audit(black_box(&monitored)))
    });
    let monitored_eval = audit(&monitored);
    group.bench_function("10k indicators: lights", |b| {
        b.iter(|| jixiao_core::leaf_lights(black_box(&monitored), &monitored_eval, round))
    });
    group.bench_function("10k indicators: forecast", |b| {
        b.iter(|| jixiao_core::forecast(black_box(&monitored), round))
    });
    group.bench_function("10k indicators: 执行监控表 workbook", |b| {
        b.iter(|| {
            jixiao_core::monitor_workbook(black_box(&monitored), &monitored_eval, round, Lang::Zh)
        })
    });
    group.finish();

    // The year's first document: the review, the next year, and a plan with a declaration
    // scored (the review and the declared evaluation in it), at 1,000 and 10,000 indicators to
    // show each is linear.
    let mut group = c.benchmark_group("targets");
    let ten_k = large_document();
    let mut one_k = ten_k.clone();
    one_k.indicators.truncate(1);
    for (label, doc) in [("1k", &one_k), ("10k", &ten_k)] {
        let eval = audit(doc);
        group.bench_function(format!("{label} indicators: review"), |b| {
            b.iter(|| jixiao_core::review(black_box(doc)))
        });
        group.bench_function(format!("{label} indicators: next year"), |b| {
            b.iter(|| jixiao_core::next_year(black_box(doc), &eval, 2023))
        });
        let mut plan = jixiao_core::next_year(doc, &eval, 2023).doc;
        plan.declared = Some(jixiao_core::declare(&plan, Some("2022-10-20".into())));
        let first = plan.leaves().next().map(|(l, _)| l.id.clone()).unwrap();
        jixiao_core::set_field(
            &mut plan,
            &jixiao_core::FieldPath::rule(&first, jixiao_core::RuleField::Target),
            "50",
        )
        .unwrap();
        assert!(jixiao_core::is_plan(&plan));
        group.bench_function(
            format!("{label} indicators: audit of a declared plan"),
            |b| b.iter(|| audit(black_box(&plan))),
        );
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
