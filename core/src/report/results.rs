//! The results of `jixiao score` as typed views that serialise straight to their writer.

use crate::findings::{Finding, Lang};
use crate::message::Message;
use crate::model::Document;
use crate::number::{as_percent, show2, show_exact};
use crate::path::FieldPath;
use crate::scoring::{Evaluation, LeafResult};
use crate::whatif::{self, Goal, Method, Seek, SeekText};
use rust_decimal::Decimal;
use serde::{Serialize, Serializer};
use serde_json::{json, Value};

fn rate(r: Option<Decimal>) -> Option<String> {
    r.map(show2)
}

/// A list written as it is walked: `F` makes the items afresh for the writer.
struct Each<F>(F);

impl<F, I> Serialize for Each<F>
where
    F: Fn() -> I,
    I: IntoIterator,
    I::Item: Serialize,
{
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq((self.0)())
    }
}

#[derive(Serialize)]
struct Line<'a> {
    id: &'a str,
    planned: String,
    received: String,
    spent: String,
    balance: String,
    execution_rate: Option<String>,
    arrival_rate: Option<String>,
}

#[derive(Serialize)]
struct Budget<'a, L> {
    #[serde(skip_serializing_if = "Option::is_none")]
    initial: Option<String>,
    planned: String,
    received: String,
    spent: String,
    balance: String,
    execution_rate: Option<String>,
    arrival_rate: Option<String>,
    lines: &'a L,
}

#[derive(Serialize)]
struct Question<'a> {
    id: &'a str,
    responses: u64,
    satisfaction: Option<String>,
}

#[derive(Serialize)]
struct Survey<'a, Q> {
    id: &'a str,
    satisfaction: Option<String>,
    weakest: &'a Option<String>,
    questions: Q,
}

#[derive(Serialize)]
struct Indicator<'a> {
    id: &'a str,
    points: String,
    score: String,
    completion: String,
}

#[derive(Serialize)]
struct Group<'a> {
    id: &'a str,
    points: String,
    score: String,
}

/// One finding as JSON: level, code, path, the message in `lang`, and both languages.
#[derive(Serialize)]
pub struct FindingOut {
    level: &'static str,
    code: &'static str,
    path: String,
    message: String,
    message_zh: String,
    message_en: String,
    /// The figure as printed, for a printed or claimed figure that differs.
    #[serde(skip_serializing_if = "Option::is_none")]
    printed: Option<String>,
    /// The figure computed, at the printed precision.
    #[serde(skip_serializing_if = "Option::is_none")]
    computed: Option<String>,
}

#[derive(Serialize)]
struct LostOut<'a> {
    id: &'a str,
    name: &'a str,
    group: String,
    points: String,
    score: String,
    lost: String,
}

#[derive(Serialize)]
struct Change {
    path: String,
    old: String,
    new: String,
    delta: String,
}

#[derive(Serialize)]
#[serde(untagged)]
enum ScenarioOut {
    Compared {
        name: String,
        total: String,
        percent: String,
        grade: Option<String>,
        delta: String,
        execution_rate: Option<String>,
        changes: Vec<Change>,
    },
    Failed {
        name: String,
        error: String,
    },
}

/// The results of one evaluation, ready to be written (`serde_json::to_writer_pretty`) or made a
/// [`Value`] ([`Results::value`]).
pub struct Results<'a> {
    eval: &'a Evaluation,
    /// The document, for the planning parts (`lost`, `scenarios`); none for the plain results.
    doc: Option<&'a Document>,
    lang: Lang,
    /// The scenarios already compared ([`whatif::compare_all_in`]); else they are compared as
    /// they are written.
    compared: Option<Vec<Result<whatif::Outcome, crate::path::PathError>>>,
}

impl Results<'_> {
    /// The results with the scenarios as already compared.
    pub fn with_compared(
        self,
        compared: Vec<Result<whatif::Outcome, crate::path::PathError>>,
    ) -> Self {
        Results {
            compared: Some(compared),
            ..self
        }
    }

    /// The results as a JSON value (for the JS module and for tests).
    pub fn value(&self) -> Value {
        serde_json::to_value(self).unwrap_or(Value::Null)
    }
}

fn leaf(l: &LeafResult) -> Indicator<'_> {
    Indicator {
        id: &l.id,
        points: show2(l.points),
        score: show2(l.score),
        completion: show2(as_percent(l.completion)),
    }
}

impl Serialize for Results<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let (eval, lang) = (self.eval, self.lang);
        let b = &eval.budget;
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("total", &show2(eval.total))?;
        map.serialize_entry("max_points", &show2(eval.max_points))?;
        map.serialize_entry("percent", &show2(eval.percent))?;
        map.serialize_entry("grade", &eval.grade)?;
        if let Some(against) = crate::review::AgainstDeclared::of(eval) {
            map.serialize_entry(
                "declared",
                &serde_json::json!({
                    "total": show2(against.total),
                    "grade": against.grade,
                    "percent": eval.declared.as_ref().map(|d| show2(d.percent)),
                    "difference": show2(against.difference()),
                    "changed": against.changed,
                }),
            )?;
        }
        let lines = Each(|| {
            b.lines.iter().map(|l| Line {
                id: &l.id,
                planned: show_exact(l.planned),
                received: show_exact(l.received),
                spent: show_exact(l.spent),
                balance: show_exact(l.balance),
                execution_rate: rate(l.execution_rate),
                arrival_rate: rate(l.arrival_rate),
            })
        });
        let budget = Budget {
            initial: b.initial.map(show_exact),
            planned: show_exact(b.planned),
            received: show_exact(b.received),
            spent: show_exact(b.spent),
            balance: show_exact(b.balance),
            execution_rate: rate(b.execution_rate),
            arrival_rate: rate(b.arrival_rate),
            lines: &lines,
        };
        map.serialize_entry("budget", &budget)?;
        let surveys = Each(|| {
            eval.surveys.iter().map(|s| Survey {
                id: &s.id,
                satisfaction: rate(s.satisfaction),
                weakest: &s.weakest,
                questions: Each(move || {
                    s.questions.iter().map(|q| Question {
                        id: &q.id,
                        responses: q.responses,
                        satisfaction: rate(q.satisfaction),
                    })
                }),
            })
        });
        map.serialize_entry("surveys", &surveys)?;
        let indicators = Each(|| eval.leaves.iter().filter(|l| l.applicable).map(leaf));
        map.serialize_entry("indicators", &indicators)?;
        let groups = Each(|| {
            eval.groups.iter().map(|g| Group {
                id: &g.id,
                points: show2(g.points),
                score: show2(g.score),
            })
        });
        map.serialize_entry("groups", &groups)?;
        map.serialize_entry("errors", &eval.errors())?;
        map.serialize_entry("warnings", &eval.warnings())?;
        let findings = Each(|| eval.findings.iter().map(|f| finding(f, lang)));
        map.serialize_entry("findings", &findings)?;
        if let Some(doc) = self.doc {
            {
                let lost = crate::scoring::lost_points(doc, eval);
                let lost = Each(|| {
                    lost.iter().map(|l| LostOut {
                        id: &l.id,
                        name: &l.name,
                        group: l.groups.join(" / "),
                        points: show2(l.points),
                        score: show2(l.score),
                        lost: show2(l.lost),
                    })
                });
                map.serialize_entry("lost", &lost)?;
            }
            if !doc.scenarios.is_empty() {
                match &self.compared {
                    Some(compared) => {
                        let scenarios = Each(|| {
                            doc.scenarios
                                .iter()
                                .zip(compared)
                                .map(|(s, o)| scenario_out(s, o.clone(), lang))
                        });
                        map.serialize_entry("scenarios", &scenarios)?;
                    }
                    None => {
                        let scenarios = Each(|| {
                            doc.scenarios
                                .iter()
                                .map(|s| scenario_out(s, whatif::compare(doc, eval, s), lang))
                        });
                        map.serialize_entry("scenarios", &scenarios)?;
                    }
                }
            }
        }
        map.end()
    }
}

fn scenario_out(
    s: &crate::model::Scenario,
    outcome: Result<whatif::Outcome, crate::path::PathError>,
    lang: Lang,
) -> ScenarioOut {
    match outcome {
        Ok(o) => ScenarioOut::Compared {
            name: o.name,
            total: show2(o.summary.total),
            percent: show2(o.summary.percent),
            grade: o.summary.grade,
            delta: show2(o.delta),
            execution_rate: rate(o.summary.execution_rate),
            changes: o
                .changes
                .into_iter()
                .map(|c| Change {
                    path: c.path.to_string(),
                    old: c.old,
                    new: c.new,
                    delta: show2(c.delta),
                })
                .collect(),
        },
        Err(e) => ScenarioOut::Failed {
            name: s.name.clone(),
            error: e.text(lang),
        },
    }
}

/// The results object.
pub fn results(eval: &Evaluation, lang: Lang) -> Results<'_> {
    Results {
        eval,
        doc: None,
        lang,
        compared: None,
    }
}

/// The results with the planning parts that need the document: `lost` (失分分析, most first)
/// and, when the file has scenarios, each scenario's figures next to the base.
pub fn results_of<'a>(doc: &'a Document, eval: &'a Evaluation, lang: Lang) -> Results<'a> {
    Results {
        eval,
        doc: Some(doc),
        lang,
        compared: None,
    }
}

/// One finding as JSON: level, code, path, the message in `lang`, and both languages.
pub fn finding(f: &Finding, lang: Lang) -> FindingOut {
    FindingOut {
        level: f.level().name(),
        code: f.code(),
        path: f.path.to_string(),
        message: f.message(lang),
        message_zh: f.message(Lang::Zh),
        message_en: f.message(Lang::En),
        printed: f.problem.figures().map(|(p, _)| p.to_string()),
        computed: f.problem.figures().map(|(_, c)| c.to_string()),
    }
}

/// The document with its results, as an export carries it (`results` is ignored on import).
pub fn export(doc: &Document, eval: &Evaluation, lang: Lang) -> Value {
    let mut value = crate::format::to_value(doc);
    if let Value::Object(map) = &mut value {
        map.insert("results".into(), results_of(doc, eval, lang).value());
    }
    value
}

/// The answer of a goal seek as JSON: what `jixiao seek` prints and the JS module's `seek` gives.
pub fn seek(doc: &Document, path: &FieldPath, goal: &Goal, answer: &Seek, lang: Lang) -> Value {
    let current = crate::path::get(doc, path)
        .map(|f| f.text().into_owned())
        .unwrap_or_default();
    let field = path.to_string();
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
        } => json!({
            "path": field,
            "goal": goal.to_string(),
            "status": "found",
            "current": current,
            "value": value.to_string(),
            "direction": direction.code(),
            "method": if *method == Method::Exact { "exact" } else { "bisection" },
            "precision": precision.normalize().to_string(),
            "already_met": already,
            "result": {"total": show2(*total), "percent": show2(*percent), "grade": grade},
            "message": SeekText::Needs { field: &field, direction: *direction, value: *value }.text(lang),
        }),
        Seek::Unreachable { best_total } => json!({
            "path": field,
            "goal": goal.to_string(),
            "status": "unreachable",
            "current": current,
            "value": null,
            "best_total": show2(*best_total),
            "message": SeekText::Unreachable { field: &field, goal }.text(lang),
        }),
    }
}
