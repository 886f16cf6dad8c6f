//! What the fuzz targets check, shared with the regression tests (`tests/fuzz_regressions.rs`)
//! so that every input the fuzzers kept is replayed by `cargo test` on stable Rust.
#![allow(dead_code)]

use jixiao_core::Goal;
use jixiao_core::{audit, read_bytes, read_str, to_string_pretty, Lang};
use jixiao_core::{compare_scenario, numeric_paths, scenario_diff, seek, Seek};

/// Bytes as a file: whatever they are, nothing panics; a readable document scores within its
/// bounds, exports, and survives a write-then-read round trip.
pub fn bytes(data: &[u8]) {
    let Ok(doc) = read_bytes(data) else { return };
    let eval = audit(&doc);
    assert!(eval.total >= jixiao_core::Decimal::ZERO && eval.total <= eval.max_points);
    let _ = jixiao_core::results_of(&doc, &eval, Lang::Zh).value();
    let _ = jixiao_core::form_workbook(&doc, &eval, Lang::Zh);
    let _ = jixiao_core::csv_tables(&doc, &eval, Lang::En);
    let _ = jixiao_core::draft_text(&doc, &eval, Lang::Zh);
    let text = to_string_pretty(&doc);
    let again = read_str(&text).expect("what jixiao writes, it reads");
    assert_eq!(again, doc);
}

/// Bytes as a form workbook: reading never panics; what reads, scores and exports.
pub fn form(data: &[u8]) {
    // Under libFuzzer every panic aborts, also one the reader catches: the compound-file parser
    // (calamine) can panic on a damaged `.xls`, which `read_form` turns into an error natively and
    // which the page isolates in the reader module. The fuzzer explores the rest; the replay on
    // stable (catching) still runs every kept `.xls` input.
    #[cfg(fuzzing)]
    if jixiao_core::file_kind(data) == Some(jixiao_core::FileKind::Ole) {
        return;
    }
    let Ok(read) = jixiao_core::read_form(data) else {
        return;
    };
    let eval = audit(&read.doc);
    let _ = jixiao_core::results_of(&read.doc, &eval, Lang::Zh).value();
    let _ = jixiao_core::form_workbook(&read.doc, &eval, Lang::Zh);
    let text = to_string_pretty(&read.doc);
    let again = read_str(&text).expect("what jixiao writes, it reads");
    assert_eq!(again, read.doc);
}

/// Arbitrary bytes as a Word report: a `.docx` package (bytes starting `PK`) or, to reach the
/// reader's XML at once, the text of its `word/document.xml`. Never a panic or a hang; a report it
/// reads scores, writes its own Word report and round-trips as JSON like any document.
pub fn report(data: &[u8]) {
    let read = if data.starts_with(b"PK") {
        jixiao_core::read_form(data)
    } else {
        jixiao_core::read_report_parts(&String::from_utf8_lossy(data), "")
    };
    let Ok(read) = read else {
        return;
    };
    let eval = audit(&read.doc);
    let _ = jixiao_core::results_of(&read.doc, &eval, Lang::Zh).value();
    let _ = jixiao_core::word_report(&read.doc, &eval, Lang::Zh, Default::default());
    let text = to_string_pretty(&read.doc);
    let again = read_str(&text).expect("what jixiao writes, it reads");
    assert_eq!(again, read.doc);
}

/// A number as a fuzzer picks it: the edges of rust_decimal's range (the maximum, the minimum,
/// 28 decimal places, `-0`), ordinary figures, and text that is not a number.
#[derive(Debug, Clone, arbitrary::Arbitrary)]
pub enum FuzzNum {
    Max,
    Min,
    Tiny,
    NegTiny,
    NegZero,
    Zero,
    Small(i16),
    Int(i32),
    Dec(i64, u8),
    Huge(u8),
    Text(u8),
}

impl FuzzNum {
    pub fn text(&self) -> String {
        const MAX: &str = "79228162514264337593543950335";
        match self {
            FuzzNum::Max => MAX.into(),
            FuzzNum::Min => format!("-{MAX}"),
            FuzzNum::Tiny => "0.0000000000000000000000000001".into(),
            FuzzNum::NegTiny => "-0.0000000000000000000000000001".into(),
            FuzzNum::NegZero => "-0".into(),
            FuzzNum::Zero => "0".into(),
            FuzzNum::Small(n) => n.to_string(),
            FuzzNum::Int(n) => n.to_string(),
            FuzzNum::Dec(m, s) => jixiao_core::Decimal::new(*m, u32::from(*s % 29)).to_string(),
            FuzzNum::Huge(d) => format!("{}{}", "9".repeat(usize::from(*d % 40) + 1), ".5"),
            FuzzNum::Text(t) => [
                "",
                "abc",
                "1,234.5",
                "84.27%",
                "１２３．５",
                "1e5",
                "--1",
                "NaN",
            ][usize::from(*t) % 8]
                .into(),
        }
    }
}

/// A document built from structured random choices, reaching every field a file can hold.
#[derive(Debug, arbitrary::Arbitrary)]
pub struct FuzzDoc {
    pub budget: Vec<FuzzLine>,
    pub leaves: Vec<FuzzLeaf>,
    pub survey: FuzzSurvey,
    pub claimed: Option<FuzzClaims>,
    pub settings: Option<FuzzSettings>,
    pub scenarios: Vec<Vec<(u16, FuzzNum)>>,
    pub seeks: Vec<(u16, u8, u8)>,
}

#[derive(Debug, arbitrary::Arbitrary)]
pub struct FuzzLine {
    pub planned: FuzzNum,
    pub spent: FuzzNum,
    pub received: Option<FuzzNum>,
    pub initial: Option<FuzzNum>,
}

#[derive(Debug, arbitrary::Arbitrary)]
pub struct FuzzSurvey {
    pub counts: Vec<[FuzzNum; 5]>,
    pub weights: Option<[FuzzNum; 5]>,
    pub respondents: Option<FuzzNum>,
    pub share: bool,
    pub satisfied: Option<FuzzNum>,
}

#[derive(Debug, arbitrary::Arbitrary)]
pub struct FuzzClaims {
    pub total: Option<FuzzNum>,
    pub grade: Option<u8>,
    pub execution_rate: Option<FuzzNum>,
    pub satisfaction: Option<FuzzNum>,
}

#[derive(Debug, arbitrary::Arbitrary)]
pub struct FuzzSettings {
    pub grades: Vec<(u8, FuzzNum)>,
    pub deviation_threshold: Option<FuzzNum>,
    pub min_execution_rate: Option<FuzzNum>,
    pub mismatch_margin: Option<FuzzNum>,
}

#[derive(Debug, arbitrary::Arbitrary)]
pub struct FuzzLeaf {
    pub kind: u8,
    pub points: FuzzNum,
    pub target: FuzzNum,
    pub actual: FuzzNum,
    pub fraction: FuzzNum,
    pub tier: u8,
    pub tolerance: Option<FuzzNum>,
    pub formula: u8,
    pub steps: Option<Vec<(FuzzNum, FuzzNum)>>,
    pub applicable: bool,
    pub depth: u8,
}

const GRADES: [&str; 5] = ["优", "良", "中", "差", "特优"];

pub fn document(f: &FuzzDoc) -> serde_json::Value {
    use serde_json::{json, Map, Value};
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
        "nonsense",
    ];
    let budget: Vec<Value> = f.budget.iter().enumerate().take(20).map(|(i, b)| {
        let mut line = json!({"id": format!("b{i}"), "name": "x", "planned": b.planned.text(), "spent": b.spent.text()});
        if let Some(r) = &b.received { line["received"] = json!(r.text()); }
        if let Some(n) = &b.initial { line["initial"] = json!(n.text()); }
        line
    }).collect();
    let mut groups: Vec<Value> = Vec::new();
    for (i, l) in f.leaves.iter().enumerate().take(40) {
        let kind = kinds[l.kind as usize % kinds.len()];
        let tier = ["achieved", "partial", "missed", "", "other"][l.tier as usize % 5];
        let formula = ["ratio", "linear", "", "bad"][l.formula as usize % 4];
        let mut rule = json!({"kind": kind, "target": l.target.text(), "actual": l.actual.text(), "survey": "s1",
            "tier": tier, "fraction": l.fraction.text(), "score": l.actual.text(), "formula": formula});
        if let Some(t) = &l.tolerance {
            rule["tolerance"] = json!(t.text());
        }
        if kind == "deadline" && l.formula % 2 == 0 {
            rule["target"] = json!("2022-11-30");
            rule["actual"] = json!(format!(
                "2022-{:02}-{:02}",
                1 + l.tier % 12,
                1 + l.kind % 28
            ));
        }
        if let Some(steps) = &l.steps {
            rule["steps"] = Value::Array(
                steps
                    .iter()
                    .take(6)
                    .map(|(m, fr)| json!({"min": m.text(), "fraction": fr.text()}))
                    .collect(),
            );
        }
        let leaf = json!({"id": format!("L{i}"), "name": "叶", "points": l.points.text(), "applicable": l.applicable, "rule": rule});
        let mut node = leaf;
        for d in 0..(l.depth % 4) {
            node = json!({"id": format!("G{i}-{d}"), "name": "组", "children": [node]});
        }
        groups.push(node);
    }
    let s = &f.survey;
    let weights = match &s.weights {
        Some(w) => w.iter().map(FuzzNum::text).collect::<Vec<_>>(),
        None => ["100", "80", "60", "20", "0"].map(String::from).to_vec(),
    };
    let options: Vec<Value> = weights
        .iter()
        .enumerate()
        .map(|(i, w)| json!({"label": format!("o{i}"), "weight": w}))
        .collect();
    let questions: Vec<Value> = s.counts.iter().enumerate().take(30)
        .map(|(i, c)| json!({"id": format!("q{i}"), "text": "?", "counts": c.iter().map(FuzzNum::text).collect::<Vec<_>>()}))
        .collect();
    let mut survey = json!({"id": "s1", "name": "s", "options": options, "questions": questions});
    if let Some(r) = &s.respondents {
        survey["respondents"] = json!(r.text());
    }
    if s.share {
        survey["method"] = json!("share");
    }
    if let Some(k) = &s.satisfied {
        survey["satisfied_options"] = json!(k.text());
    }
    let mut doc =
        json!({"format": "jixiao/1", "budget": budget, "indicators": groups, "surveys": [survey]});
    if let Some(c) = &f.claimed {
        let mut claimed = Map::new();
        if let Some(t) = &c.total {
            claimed.insert("total".into(), json!(t.text()));
        }
        if let Some(g) = c.grade {
            claimed.insert("grade".into(), json!(GRADES[g as usize % GRADES.len()]));
        }
        if let Some(e) = &c.execution_rate {
            claimed.insert("execution_rate".into(), json!(e.text()));
        }
        if let Some(s) = &c.satisfaction {
            claimed.insert("satisfaction".into(), json!(s.text()));
        }
        doc["claimed"] = Value::Object(claimed);
    }
    if let Some(st) = &f.settings {
        let mut settings = Map::new();
        if !st.grades.is_empty() {
            settings.insert("grades".into(), Value::Array(st.grades.iter().take(6)
                .map(|(g, min)| json!({"label": GRADES[*g as usize % GRADES.len()], "min": min.text()})).collect()));
        }
        for (key, v) in [
            ("deviation_threshold", &st.deviation_threshold),
            ("min_execution_rate", &st.min_execution_rate),
            ("mismatch_margin", &st.mismatch_margin),
        ] {
            if let Some(v) = v {
                settings.insert(key.into(), json!(v.text()));
            }
        }
        doc["settings"] = Value::Object(settings);
    }
    doc
}

/// The scenarios of `f` over the document's own numeric paths, with some paths that name nothing.
fn scenarios(f: &FuzzDoc, paths: &[String]) -> serde_json::Value {
    use serde_json::json;
    let scenarios: Vec<_> = f
        .scenarios
        .iter()
        .take(4)
        .enumerate()
        .map(|(i, changes)| {
            let changes: Vec<_> = changes
                .iter()
                .take(6)
                .map(|(pick, value)| {
                    let path = match (*pick as usize).checked_rem(paths.len() + 2) {
                        Some(k) if k < paths.len() => paths[k].clone(),
                        Some(k) if k == paths.len() => "budget/nothing/spent".to_string(),
                        _ => "not/a/path".to_string(),
                    };
                    json!({"path": path, "value": value.text()})
                })
                .collect();
            json!({"name": format!("情景{i}"), "changes": changes})
        })
        .collect();
    json!(scenarios)
}

/// Scores, audits, exports, compares scenarios and seeks: nothing panics, scores stay within
/// their points, a found value reaches its goal.
pub fn structured(f: &FuzzDoc) {
    let mut value = document(f);
    let base = jixiao_core::read_value(value.clone()).expect("built documents read");
    let paths: Vec<String> = numeric_paths(&base)
        .iter()
        .map(ToString::to_string)
        .collect();
    value["scenarios"] = scenarios(f, &paths);
    let doc = jixiao_core::read_value(value).expect("built documents read");
    let eval = audit(&doc);
    for leaf in &eval.leaves {
        assert!(
            leaf.score >= jixiao_core::Decimal::ZERO
                && leaf.score <= leaf.points.max(jixiao_core::Decimal::ZERO)
        );
    }
    let _ = jixiao_core::lost_points(&doc, &eval);
    let _ = jixiao_core::results_of(&doc, &eval, Lang::En).value();
    let _ = jixiao_core::draft_text(&doc, &eval, Lang::Zh);
    let _ = jixiao_core::csv_tables(&doc, &eval, Lang::Zh);
    let _ = jixiao_core::form_workbook(&doc, &eval, Lang::Zh);
    for s in &doc.scenarios {
        let _ = compare_scenario(&doc, &eval, s);
    }
    let _ = scenario_diff(&base, &doc);
    let numeric = numeric_paths(&doc);
    if numeric.is_empty() {
        return;
    }
    for (pick, goal, total) in f.seeks.iter().take(2) {
        let path = &numeric[*pick as usize % numeric.len()];
        let goal = match goal % 3 {
            0 => Goal::Full,
            1 => Goal::Grade(GRADES[*goal as usize % GRADES.len()].to_string()),
            _ => Goal::Total(jixiao_core::Decimal::from(total % 101)),
        };
        if let Ok(Seek::Found { value, .. }) = seek(&doc, path, &goal) {
            let mut changed = doc.clone();
            jixiao_core::set_field(&mut changed, path, &value.to_string()).unwrap();
            let e = audit(&changed);
            match &goal {
                Goal::Total(t) => {
                    assert!(jixiao_core::round2(e.total) >= *t, "{path} {value} {goal}")
                }
                Goal::Grade(g) => {
                    let min = e.policy.grades.iter().find(|(l, _)| l == g).unwrap().1;
                    assert!(
                        jixiao_core::round2(e.percent) >= min,
                        "{path} {value} {goal}"
                    );
                }
                Goal::Full => {}
            }
        }
    }
}
