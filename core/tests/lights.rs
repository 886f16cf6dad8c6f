//! The lights of a monitoring round: each leaf's category read from the groups above it.
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

use jixiao_core::{audit, leaf_lights, read_value, Category};
use serde_json::json;

fn leaf(id: &str) -> serde_json::Value {
    json!({"id": id, "name": id, "points": "10",
        "rule": {"kind": "ratio_higher", "target": "100", "actual": "100"}})
}

#[test]
fn a_leaf_after_a_subgroup_takes_its_own_groups_category_not_the_subgroups() {
    // 效益指标 holds a 满意度指标 subgroup, then leaves of its own: those are 效益, not 满意度; a
    // second 满意度 group elsewhere and a group naming nothing (数量 by default) each read anew.
    let doc = read_value(json!({
        "format": "jixiao/1",
        "meta": {"year": "2026"},
        "indicators": [
            {"id": "E", "name": "效益指标", "children": [
                {"id": "S", "name": "满意度指标", "children": [leaf("s1"), leaf("s2")]},
                leaf("e1"), leaf("e2")]},
            {"id": "C", "name": "成本指标", "children": [leaf("c1")]},
            {"id": "O", "name": "其他", "children": [leaf("o1")]}
        ],
        "monitoring": [{"as_of": "2026-06-30", "indicators": {"s1": {"value": "40"}}}]
    }))
    .unwrap();
    let eval = audit(&doc);
    let lights = leaf_lights(&doc, &eval, &doc.monitoring[0]);
    let got: Vec<(&str, Category)> = lights.iter().map(|l| (l.id.as_str(), l.category)).collect();
    assert_eq!(
        got,
        vec![
            ("s1", Category::Satisfaction),
            ("s2", Category::Satisfaction),
            ("e1", Category::Benefit),
            ("e2", Category::Benefit),
            ("c1", Category::Cost),
            ("o1", Category::Quantity),
        ]
    );
}
