//! What the fuzz targets check, shared with the regression tests (`tests/fuzz_regressions.rs`)
//! so that every input the fuzzers kept is replayed by `cargo test` on stable Rust.
#![allow(dead_code)]

use jixiao_core::whatif::{self, Goal};
use jixiao_core::{evaluate, read_bytes, read_str, to_string_pretty, Lang};

/// Bytes as a file: whatever they are, nothing panics; a readable document scores within its
/// bounds, exports, and survives a write-then-read round trip.
pub fn bytes(data: &[u8]) {
    let Ok(doc) = read_bytes(data) else { return };
    let eval = evaluate(&doc);
    assert!(eval.total >= jixiao_core::Decimal::ZERO && eval.total <= eval.max_points);
    let _ = jixiao_core::report::results_of(&doc, &eval, Lang::Zh);
    let _ = jixiao_core::xlsx::workbook(&doc, &eval, Lang::Zh);
    let _ = jixiao_core::csv::tables(&doc, &eval, Lang::En);
    let _ = jixiao_core::draft::draft_text(&doc, &eval, Lang::Zh);
    let text = to_string_pretty(&doc);
    let again = read_str(&text).expect("what jixiao writes, it reads");
    assert_eq!(again, doc);
}

/// A document built from structured random choices.
#[derive(Debug, arbitrary::Arbitrary)]
pub struct FuzzDoc {
    pub planned: Vec<(u32, u8)>,
    pub spent: Vec<(u32, u8)>,
    pub leaves: Vec<FuzzLeaf>,
    pub counts: Vec<[u16; 5]>,
    pub seek_pick: u16,
    pub goal: u8,
    pub goal_total: u8,
}

#[derive(Debug, arbitrary::Arbitrary)]
pub struct FuzzLeaf {
    pub kind: u8,
    pub points: u16,
    pub target: (i32, u8),
    pub actual: (i32, u8),
    pub fraction: u8,
    pub steps: bool,
    pub applicable: bool,
    pub depth: u8,
}

fn decimal((m, s): (i32, u8)) -> String {
    jixiao_core::Decimal::new(m as i64, (s % 8) as u32).to_string()
}

pub fn document(f: &FuzzDoc) -> serde_json::Value {
    use serde_json::json;
    let kinds = [
        "at_least",
        "at_most",
        "equal",
        "deadline",
        "qualitative",
        "manual",
        "budget_execution",
        "fund_arrival",
        "satisfaction",
    ];
    let budget: Vec<_> = f.planned.iter().zip(f.spent.iter().chain(std::iter::repeat(&(0, 0)))).enumerate().take(20)
        .map(|(i, (p, s))| json!({"id": format!("b{i}"), "name": "x", "planned": decimal((p.0 as i32, p.1)), "spent": decimal((s.0 as i32, s.1))}))
        .collect();
    let mut groups: Vec<serde_json::Value> = Vec::new();
    for (i, l) in f.leaves.iter().enumerate().take(60) {
        let kind = kinds[l.kind as usize % kinds.len()];
        let tier = ["achieved", "partial", "missed"][l.fraction as usize % 3];
        let mut rule = json!({"kind": kind, "target": decimal(l.target), "actual": decimal(l.actual), "survey": "s1",
            "tier": tier, "fraction": format!("0.{}", l.fraction % 100), "score": decimal((l.actual.0 % 1000, l.actual.1))});
        if kind == "deadline" {
            rule["target"] = json!("2022-11-30");
            rule["actual"] = json!(format!(
                "2022-{:02}-{:02}",
                1 + l.fraction % 12,
                1 + l.kind % 28
            ));
        }
        if l.steps {
            rule["steps"] =
                json!([{"min": "90", "fraction": "1"}, {"min": "60", "fraction": "0.5"}]);
        }
        let leaf = json!({"id": format!("L{i}"), "name": "叶", "points": (l.points % 50).to_string(), "applicable": l.applicable, "rule": rule});
        // Nest by wrapping in groups.
        let mut node = leaf;
        for d in 0..(l.depth % 4) {
            node = json!({"id": format!("G{i}-{d}"), "name": "组", "children": [node]});
        }
        groups.push(node);
    }
    let questions: Vec<_> = f
        .counts
        .iter()
        .enumerate()
        .take(30)
        .map(|(i, c)| json!({"id": format!("q{i}"), "text": "?", "counts": c.to_vec()}))
        .collect();
    json!({"format": "jixiao/1", "budget": budget, "indicators": groups,
        "surveys": [{"id": "s1", "name": "s", "options": [{"label": "a", "weight": "100"}, {"label": "b", "weight": "80"},
            {"label": "c", "weight": "60"}, {"label": "d", "weight": "20"}, {"label": "e", "weight": "0"}], "questions": questions}]})
}

/// Scores and seeks: nothing panics, scores stay within their points, a found value reaches its goal.
pub fn structured(f: &FuzzDoc) {
    let doc = jixiao_core::format::read_value(document(f)).expect("built documents read");
    let eval = evaluate(&doc);
    for leaf in &eval.leaves {
        assert!(leaf.score >= jixiao_core::Decimal::ZERO && leaf.score <= leaf.points);
    }
    let paths = whatif::numeric_paths(&doc);
    if paths.is_empty() {
        return;
    }
    let path = &paths[f.seek_pick as usize % paths.len()];
    let goal = match f.goal % 3 {
        0 => Goal::Full,
        1 => Goal::Grade(["优", "良", "中"][f.goal as usize % 3].to_string()),
        _ => Goal::Total(jixiao_core::Decimal::from(f.goal_total % 101)),
    };
    if let Ok(whatif::Seek::Found { value, .. }) = whatif::seek(&doc, path, &goal) {
        let mut changed = doc.clone();
        jixiao_core::path::set(&mut changed, path, &value.to_string()).unwrap();
        let e = evaluate(&changed);
        match &goal {
            Goal::Total(t) => assert!(
                jixiao_core::number::round2(e.total) >= *t,
                "{path} {value} {goal}"
            ),
            Goal::Grade(g) => {
                let min = e.policy.grades.iter().find(|(l, _)| l == g).unwrap().1;
                assert!(
                    jixiao_core::number::round2(e.percent) >= min,
                    "{path} {value} {goal}"
                );
            }
            Goal::Full => {}
        }
    }
}
