//! Writing a [`Document`] as `jixiao/1` JSON: decimals as strings, unknown fields kept.

use super::error::FORMAT;
use crate::model::{
    BudgetLine, Claimed, Declared, Document, Extra, Funds, Leaf, MonitoringSettings, Node, Printed,
    PrintedEntry, Question, Round, Rule, Scenario, Settings, Step, Survey, SurveyOption, What,
};
use crate::number::Num;
use serde_json::{Map, Value};

/// The document as a JSON value, in the order of the format's description.
pub fn to_value(doc: &Document) -> Value {
    let mut out = Map::new();
    out.insert("format".into(), FORMAT.into());
    out.insert("meta".into(), Value::Object(doc.meta.clone()));
    out.insert("settings".into(), settings(&doc.settings));
    out.insert("budget".into(), list(&doc.budget, budget_line));
    out.insert("surveys".into(), list(&doc.surveys, survey));
    out.insert("indicators".into(), list(&doc.indicators, node));
    if !doc.scenarios.is_empty() {
        out.insert("scenarios".into(), list(&doc.scenarios, scenario));
    }
    if !doc.monitoring.is_empty() {
        out.insert("monitoring".into(), list(&doc.monitoring, round));
    }
    if let Some(c) = &doc.claimed {
        out.insert("claimed".into(), claimed(c));
    }
    if let Some(f) = &doc.funds {
        out.insert("funds".into(), funds(f));
    }
    if let Some(d) = &doc.declared {
        out.insert("declared".into(), declared(d));
    }
    extend(&mut out, &doc.extra);
    Value::Object(out)
}

/// The document as compact JSON text (what the page hands its report module).
pub fn to_string(doc: &Document) -> String {
    to_value(doc).to_string()
}

/// The document as pretty-printed JSON text.
pub fn to_string_pretty(doc: &Document) -> String {
    let value = to_value(doc);
    // Writing a JSON value to a string cannot fail; should it, the compact form is the same data.
    serde_json::to_string_pretty(&value).unwrap_or_else(|_| value.to_string())
}

fn list<T>(items: &[T], write: impl Fn(&T) -> Value) -> Value {
    Value::Array(items.iter().map(write).collect())
}

fn extend(out: &mut Map<String, Value>, extra: &Extra) {
    for (k, v) in extra {
        out.entry(k.clone()).or_insert_with(|| v.clone());
    }
}

fn put_num(out: &mut Map<String, Value>, key: &str, value: &Option<Num>) {
    if let Some(n) = value {
        out.insert(key.into(), n.canonical().into());
    }
}

fn put_text(out: &mut Map<String, Value>, key: &str, value: &Option<String>) {
    if let Some(t) = value {
        out.insert(key.into(), t.clone().into());
    }
}

fn settings(s: &Settings) -> Value {
    let mut out = Map::new();
    if let Some(grades) = &s.grades {
        let bands = grades
            .iter()
            .map(|g| {
                let mut band = Map::new();
                band.insert("label".into(), g.label.clone().into());
                put_num(&mut band, "min", &g.min);
                Value::Object(band)
            })
            .collect();
        out.insert("grades".into(), Value::Array(bands));
    }
    put_num(&mut out, "deviation_threshold", &s.deviation_threshold);
    put_num(&mut out, "min_execution_rate", &s.min_execution_rate);
    put_num(&mut out, "mismatch_margin", &s.mismatch_margin);
    put_num(&mut out, "score_decimals", &s.score_decimals);
    if let Some(m) = &s.monitoring {
        out.insert("monitoring".into(), monitoring_settings(m));
    }
    extend(&mut out, &s.extra);
    Value::Object(out)
}

fn monitoring_settings(m: &MonitoringSettings) -> Value {
    let mut out = Map::new();
    if let Some(bands) = &m.bands {
        let bands = bands.iter().map(|b| Value::from(b.canonical())).collect();
        out.insert("bands".into(), Value::Array(bands));
    }
    put_text(&mut out, "reason_required", &m.reason_required);
    extend(&mut out, &m.extra);
    Value::Object(out)
}

fn funds(f: &Funds) -> Value {
    let mut out = Map::new();
    put_num(&mut out, "total", &f.total);
    put_num(&mut out, "fiscal", &f.fiscal);
    put_num(&mut out, "other", &f.other);
    let mut annual = Map::new();
    put_num(&mut annual, "total", &f.annual.total);
    put_num(&mut annual, "fiscal", &f.annual.fiscal);
    put_num(&mut annual, "carried", &f.annual.carried);
    put_num(&mut annual, "other", &f.annual.other);
    extend(&mut annual, &f.annual.extra);
    if !annual.is_empty() {
        out.insert("annual".into(), Value::Object(annual));
    }
    extend(&mut out, &f.extra);
    Value::Object(out)
}

fn declared(d: &Declared) -> Value {
    let mut out = Map::new();
    put_text(&mut out, "date", &d.date);
    let targets = d
        .targets
        .iter()
        .map(|t| {
            let mut o = Map::new();
            o.insert("name".into(), t.name.clone().into());
            o.insert(
                "path".into(),
                Value::Array(t.path.iter().map(|p| p.clone().into()).collect()),
            );
            o.insert("written".into(), t.written.clone().into());
            o.insert("kind".into(), t.kind.clone().into());
            put_text(&mut o, "target", &t.target);
            put_text(&mut o, "unit", &t.unit);
            put_text(&mut o, "points", &t.points);
            extend(&mut o, &t.extra);
            (t.id.clone(), Value::Object(o))
        })
        .collect();
    out.insert("targets".into(), Value::Object(targets));
    extend(&mut out, &d.extra);
    Value::Object(out)
}

fn claimed(c: &Claimed) -> Value {
    let mut out = Map::new();
    put_text(&mut out, "total", &c.total);
    put_text(&mut out, "grade", &c.grade);
    put_text(&mut out, "execution_rate", &c.execution_rate);
    put_text(&mut out, "satisfaction", &c.satisfaction);
    if !c.scores.is_empty() {
        let scores = c
            .scores
            .iter()
            .map(|(id, text)| (id.clone(), Value::from(text.clone())))
            .collect();
        out.insert("scores".into(), Value::Object(scores));
    }
    if !c.printed.is_empty() {
        let printed = c
            .printed
            .iter()
            .map(|e| match e {
                PrintedEntry::Read(p) => printed(p),
                PrintedEntry::Unread(v) => v.clone(),
            })
            .collect();
        out.insert("printed".into(), Value::Array(printed));
    }
    extend(&mut out, &c.extra);
    Value::Object(out)
}

/// A printed figure: `what` (its kind) and the fields that say which one (`line`, `name`,
/// `question` — `"total"` for the 合计 row —, `option`, `per`), then `value`, `where`, `sentence`.
/// No key with separators: a document's fields are named by `FieldPath` alone.
fn printed(p: &Printed) -> Value {
    let mut out = Map::new();
    out.insert("what".into(), p.what.kind().into());
    let question = |q: &Option<usize>| q.map_or(Value::from("total"), Value::from);
    match &p.what {
        What::LineBalance(i) => {
            out.insert("line".into(), Value::from(*i));
        }
        What::FirstLevel(name) => {
            out.insert("name".into(), name.clone().into());
        }
        What::Share(q, o) => {
            out.insert("question".into(), question(q));
            out.insert("option".into(), Value::from(*o));
        }
        What::OptionScore(q, o, per) => {
            out.insert("question".into(), question(q));
            out.insert("option".into(), Value::from(*o));
            out.insert("per".into(), crate::number::show_exact(*per).into());
        }
        What::QuestionScore(q, per) => {
            out.insert("question".into(), Value::from(*q));
            out.insert("per".into(), crate::number::show_exact(*per).into());
        }
        What::Light { as_of, leaf } => {
            out.insert("as_of".into(), as_of.clone().into());
            if let Some(leaf) = leaf {
                out.insert("leaf".into(), leaf.clone().into());
            }
        }
        _ => {}
    }
    out.insert("value".into(), p.value.clone().into());
    out.insert("where".into(), p.place.clone().into());
    out.insert("sentence".into(), p.sentence.clone().into());
    extend(&mut out, &p.extra);
    Value::Object(out)
}

fn budget_line(b: &BudgetLine) -> Value {
    let mut out = Map::new();
    out.insert("id".into(), b.id.clone().into());
    out.insert("name".into(), b.name.clone().into());
    put_num(&mut out, "initial", &b.initial);
    put_num(&mut out, "planned", &b.planned);
    put_num(&mut out, "received", &b.received);
    put_num(&mut out, "spent", &b.spent);
    out.insert("note".into(), b.note.clone().into());
    extend(&mut out, &b.extra);
    Value::Object(out)
}

fn survey(s: &Survey) -> Value {
    let mut out = Map::new();
    out.insert("id".into(), s.id.clone().into());
    out.insert("name".into(), s.name.clone().into());
    put_num(&mut out, "respondents", &s.respondents);
    put_text(&mut out, "method", &s.method);
    put_num(&mut out, "satisfied_options", &s.satisfied_options);
    out.insert("options".into(), list(&s.options, option));
    out.insert("questions".into(), list(&s.questions, question));
    extend(&mut out, &s.extra);
    Value::Object(out)
}

fn option(o: &SurveyOption) -> Value {
    let mut out = Map::new();
    out.insert("label".into(), o.label.clone().into());
    put_num(&mut out, "weight", &o.weight);
    extend(&mut out, &o.extra);
    Value::Object(out)
}

fn question(q: &Question) -> Value {
    let mut out = Map::new();
    out.insert("id".into(), q.id.clone().into());
    out.insert("text".into(), q.text.clone().into());
    let counts = q.counts.iter().map(count).collect();
    out.insert("counts".into(), Value::Array(counts));
    extend(&mut out, &q.extra);
    Value::Object(out)
}

/// Answer counts are whole numbers and written as JSON integers, as people write them; anything
/// else is kept as the typed text so that the mistake stays visible.
fn count(n: &Num) -> Value {
    match n.ok().and_then(crate::number::whole_count) {
        Some(c) => Value::from(c),
        None => Value::from(n.canonical()),
    }
}

fn node(n: &Node) -> Value {
    match n {
        Node::Group(g) => {
            let mut out = Map::new();
            out.insert("id".into(), g.id.clone().into());
            out.insert("name".into(), g.name.clone().into());
            out.insert("children".into(), list(&g.children, node));
            extend(&mut out, &g.extra);
            Value::Object(out)
        }
        Node::Leaf(l) => leaf(l),
    }
}

fn leaf(l: &Leaf) -> Value {
    let mut out = Map::new();
    out.insert("id".into(), l.id.clone().into());
    out.insert("name".into(), l.name.clone().into());
    put_num(&mut out, "points", &l.points);
    if !l.applicable {
        out.insert("applicable".into(), false.into());
    }
    if !l.reason.is_empty() {
        out.insert("reason".into(), l.reason.clone().into());
    }
    put_text(&mut out, "unit", &l.unit);
    put_text(&mut out, "target_text", &l.target_text);
    put_text(&mut out, "actual_text", &l.actual_text);
    put_text(&mut out, "written", &l.written);
    out.insert("rule".into(), rule(&l.rule));
    extend(&mut out, &l.extra);
    Value::Object(out)
}

fn rule(r: &Rule) -> Value {
    let mut out = Map::new();
    out.insert("kind".into(), r.kind.clone().into());
    put_num(&mut out, "target", &r.target);
    put_num(&mut out, "actual", &r.actual);
    put_num(&mut out, "tolerance", &r.tolerance);
    put_text(&mut out, "formula", &r.formula);
    put_text(&mut out, "tier", &r.tier);
    put_num(&mut out, "fraction", &r.fraction);
    put_num(&mut out, "score", &r.score);
    put_text(&mut out, "survey", &r.survey);
    put_text(&mut out, "unit", &r.unit);
    if let Some(steps) = &r.steps {
        out.insert("steps".into(), list(steps, step));
    }
    put_text(&mut out, "inferred", &r.inferred);
    extend(&mut out, &r.extra);
    Value::Object(out)
}

fn scenario(s: &Scenario) -> Value {
    let mut out = Map::new();
    out.insert("name".into(), s.name.clone().into());
    let changes = s
        .changes
        .iter()
        .map(|c| {
            let mut change = Map::new();
            change.insert("path".into(), c.path.clone().into());
            change.insert("value".into(), c.value.clone().into());
            extend(&mut change, &c.extra);
            Value::Object(change)
        })
        .collect();
    out.insert("changes".into(), Value::Array(changes));
    extend(&mut out, &s.extra);
    Value::Object(out)
}

fn round(r: &Round) -> Value {
    let mut out = Map::new();
    out.insert("as_of".into(), r.as_of.clone().into());
    let mut budget = Map::new();
    for l in &r.budget {
        let mut line = Map::new();
        put_num(&mut line, "spent", &l.spent);
        put_num(&mut line, "forecast", &l.forecast);
        put_text(&mut line, "reason", &l.reason);
        extend(&mut line, &l.extra);
        budget.insert(l.id.clone(), Value::Object(line));
    }
    out.insert("budget".into(), Value::Object(budget));
    let mut indicators = Map::new();
    for l in &r.indicators {
        let mut leaf = Map::new();
        put_num(&mut leaf, "value", &l.value);
        put_text(&mut leaf, "tier", &l.tier);
        put_num(&mut leaf, "forecast", &l.forecast);
        put_text(&mut leaf, "likelihood", &l.likelihood);
        if let Some(causes) = &l.causes {
            leaf.insert(
                "causes".into(),
                Value::Array(causes.iter().map(|c| c.clone().into()).collect()),
            );
        }
        put_text(&mut leaf, "reason", &l.reason);
        extend(&mut leaf, &l.extra);
        indicators.insert(l.id.clone(), Value::Object(leaf));
    }
    out.insert("indicators".into(), Value::Object(indicators));
    put_text(&mut out, "goal_progress", &r.goal_progress);
    extend(&mut out, &r.extra);
    Value::Object(out)
}

fn step(s: &Step) -> Value {
    let mut out = Map::new();
    put_num(&mut out, "min", &s.min);
    put_num(&mut out, "fraction", &s.fraction);
    extend(&mut out, &s.extra);
    Value::Object(out)
}
