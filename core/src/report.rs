//! The results as JSON: what `jixiao score` prints and what an export carries under `results`.
//! Scores and rates are strings rounded half-up to 2 decimals; money sums are exact strings.

use crate::findings::{Finding, Lang};
use crate::message::Message;
use crate::model::Document;
use crate::number::{as_percent, show2, show_exact};
use crate::path::FieldPath;
use crate::scoring::Evaluation;
use crate::whatif::{Direction, Goal, Method, Seek};
use rust_decimal::Decimal;
use serde_json::{json, Map, Value};

fn rate(r: Option<Decimal>) -> Value {
    r.map_or(Value::Null, |r| Value::String(show2(r)))
}

fn money(d: Decimal) -> Value {
    Value::String(show_exact(d))
}

/// The results object.
pub fn results(eval: &Evaluation, lang: Lang) -> Value {
    let b = &eval.budget;
    let lines: Vec<Value> = b
        .lines
        .iter()
        .map(|l| {
            json!({
                "id": l.id,
                "planned": money(l.planned),
                "received": money(l.received),
                "spent": money(l.spent),
                "balance": money(l.balance),
                "execution_rate": rate(l.execution_rate),
                "arrival_rate": rate(l.arrival_rate),
            })
        })
        .collect();
    let mut budget = Map::new();
    if let Some(initial) = b.initial {
        budget.insert("initial".into(), money(initial));
    }
    budget.insert("planned".into(), money(b.planned));
    budget.insert("received".into(), money(b.received));
    budget.insert("spent".into(), money(b.spent));
    budget.insert("balance".into(), money(b.balance));
    budget.insert("execution_rate".into(), rate(b.execution_rate));
    budget.insert("arrival_rate".into(), rate(b.arrival_rate));
    budget.insert("lines".into(), Value::Array(lines));
    let surveys: Vec<Value> = eval
        .surveys
        .iter()
        .map(|s| {
            let questions: Vec<Value> = s
                .questions
                .iter()
                .map(|q| {
                    json!({
                        "id": q.id,
                        "responses": q.responses,
                        "satisfaction": rate(q.satisfaction),
                    })
                })
                .collect();
            json!({
                "id": s.id,
                "satisfaction": rate(s.satisfaction),
                "weakest": s.weakest,
                "questions": questions,
            })
        })
        .collect();
    let indicators: Vec<Value> = eval
        .leaves
        .iter()
        .filter(|l| l.applicable)
        .map(|l| {
            json!({
                "id": l.id,
                "points": show2(l.points),
                "score": show2(l.score),
                "completion": show2(as_percent(l.completion)),
            })
        })
        .collect();
    let groups: Vec<Value> = eval
        .groups
        .iter()
        .map(|g| json!({"id": g.id, "points": show2(g.points), "score": show2(g.score)}))
        .collect();
    let findings: Vec<Value> = eval.findings.iter().map(|f| finding(f, lang)).collect();
    json!({
        "total": show2(eval.total),
        "max_points": show2(eval.max_points),
        "percent": show2(eval.percent),
        "grade": eval.grade,
        "budget": Value::Object(budget),
        "surveys": surveys,
        "indicators": indicators,
        "groups": groups,
        "errors": eval.errors(),
        "warnings": eval.warnings(),
        "findings": findings,
    })
}

/// The results with the planning parts that need the document: `lost` (失分分析, most first)
/// and, when the file has scenarios, each scenario's figures next to the base.
pub fn results_of(doc: &Document, eval: &Evaluation, lang: Lang) -> Value {
    let mut out = results(eval, lang);
    let lost: Vec<Value> = crate::whatif::lost_points(doc, eval)
        .into_iter()
        .map(|l| {
            json!({
                "id": l.id,
                "name": l.name,
                "group": l.groups.join(" / "),
                "points": show2(l.points),
                "score": show2(l.score),
                "lost": show2(l.lost),
            })
        })
        .collect();
    if let Some(map) = out.as_object_mut() {
        map.insert("lost".into(), Value::Array(lost));
    }
    if !doc.scenarios.is_empty() {
        let scenarios: Vec<Value> = doc
            .scenarios
            .iter()
            .map(|s| match crate::whatif::compare(doc, eval, s) {
                Ok(o) => json!({
                    "name": o.name,
                    "total": show2(o.summary.total),
                    "percent": show2(o.summary.percent),
                    "grade": o.summary.grade,
                    "delta": show2(o.delta),
                    "execution_rate": rate(o.summary.execution_rate),
                    "changes": o.changes.iter().map(|c| json!({
                        "path": c.path.to_string(), "old": c.old, "new": c.new, "delta": show2(c.delta),
                    })).collect::<Vec<_>>(),
                }),
                Err(e) => json!({"name": s.name, "error": e.text(lang)}),
            })
            .collect();
        if let Some(map) = out.as_object_mut() {
            map.insert("scenarios".into(), Value::Array(scenarios));
        }
    }
    out
}

/// One finding as JSON: level, code, path, the message in `lang`, and both languages.
pub fn finding(f: &Finding, lang: Lang) -> Value {
    json!({
        "level": f.level().name(),
        "code": f.code(),
        "path": f.path.to_string(),
        "message": f.message(lang),
        "message_zh": f.message(Lang::Zh),
        "message_en": f.message(Lang::En),
    })
}

/// The document with its results, as an export carries it (`results` is ignored on import).
pub fn export(doc: &Document, eval: &Evaluation, lang: Lang) -> Value {
    let mut value = crate::format::to_value(doc);
    if let Value::Object(map) = &mut value {
        map.insert("results".into(), results_of(doc, eval, lang));
    }
    value
}

/// The answer of a goal seek as JSON: what `jixiao seek` prints and the JS module's `seek` gives.
pub fn seek(doc: &Document, path: &FieldPath, goal: &Goal, answer: &Seek, lang: Lang) -> Value {
    let current = crate::path::get(doc, path)
        .map(|f| f.text().into_owned())
        .unwrap_or_default();
    let goal_text = goal.to_string();
    match answer {
        Seek::Found {
            value,
            direction,
            method,
            precision,
            already,
            total,
            percent,
            grade,
        } => {
            let (dir, what) = match (direction, lang) {
                (Direction::AtLeast, Lang::Zh) => ("at_least", "至少需要"),
                (Direction::AtMost, Lang::Zh) => ("at_most", "最多可以是"),
                (Direction::AtLeast, Lang::En) => ("at_least", "needs at least"),
                (Direction::AtMost, Lang::En) => ("at_most", "may be at most"),
            };
            json!({
                "path": path.to_string(),
                "goal": goal_text,
                "status": "found",
                "current": current,
                "value": value.to_string(),
                "direction": dir,
                "method": if *method == Method::Exact { "exact" } else { "bisection" },
                "precision": precision.normalize().to_string(),
                "already_met": already,
                "result": {"total": show2(*total), "percent": show2(*percent), "grade": grade},
                "message": format!("{path} {what} {value}"),
            })
        }
        Seek::Unreachable { best_total } => json!({
            "path": path.to_string(),
            "goal": goal_text,
            "status": "unreachable",
            "current": current,
            "value": null,
            "best_total": show2(*best_total),
            "message": match lang {
                Lang::Zh => format!("无论“{path}”取何值都无法达到目标（{goal_text}）"),
                Lang::En => format!("no value of {path} reaches {goal_text}"),
            },
        }),
    }
}
