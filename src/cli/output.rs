//! The readable report of `jixiao check`.

use jixiao_core::number::show2;
use jixiao_core::whatif::{Direction, Goal, Method, Seek};
use jixiao_core::{Document, Evaluation, Lang, Level};
use serde_json::{json, Value};
use std::fmt::Write;

pub fn check_text(file: &str, doc: &Document, eval: &Evaluation, lang: Lang) -> String {
    let mut out = String::new();
    let title = doc.meta_text("title");
    let name = if title.is_empty() { file } else { &title };
    let grade = eval.grade.as_deref().unwrap_or("—");
    let (total, max, percent) = (
        show2(eval.total),
        show2(eval.max_points),
        show2(eval.percent),
    );
    let rate = eval.budget.execution_rate.map_or("—".to_string(), show2);
    let _ = match lang {
        Lang::Zh => writeln!(
            out,
            "{name}\n得分 {total} / {max}（{percent}%），等级 {grade}；预算执行率 {rate}%"
        ),
        Lang::En => writeln!(
            out,
            "{name}\nscore {total} of {max} ({percent}%), grade {grade}; execution rate {rate}%"
        ),
    };
    let (errors, warnings) = (eval.errors(), eval.warnings());
    let _ = match lang {
        Lang::Zh => writeln!(out, "错误 {errors} 项，警告 {warnings} 项"),
        Lang::En => writeln!(out, "{errors} error(s), {warnings} warning(s)"),
    };
    for f in &eval.findings {
        let level = match (f.level(), lang) {
            (Level::Error, Lang::Zh) => "错误",
            (Level::Warning, Lang::Zh) => "警告",
            (Level::Error, Lang::En) => "error",
            (Level::Warning, Lang::En) => "warning",
        };
        let _ = writeln!(
            out,
            "{level}  {}  {}\n      [{}]",
            f.path,
            f.message(lang),
            f.code()
        );
    }
    out
}

/// The answer of `jixiao seek` as JSON.
pub fn seek_json(doc: &Document, path: &str, goal: &Goal, answer: &Seek, lang: Lang) -> Value {
    let current = jixiao_core::whatif::get(doc, path).unwrap_or_default();
    let goal_text = match goal {
        Goal::Grade(g) => format!("grade {g}"),
        Goal::Total(t) => format!("total {}", t.normalize()),
        Goal::Full => "full".to_string(),
    };
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
                "path": path,
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
            "path": path,
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
