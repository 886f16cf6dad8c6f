//! The careful reader: a `jixiao/1` document from a parsed JSON value, strict about the shape of
//! every field and saying where it is wrong, forgiving about values.

use super::error::{Expected, Found, LoadError, FORMAT};
use crate::model::{
    AnnualFunds, BudgetLine, Change, Claimed, Declared, DeclaredTarget, Document, Extra, Funds,
    GradeBand, Group, Leaf, LeafReport, LineReport, MonitoringSettings, Node, Printed,
    PrintedEntry, Question, Round, Rule, Scenario, Settings, Step, Survey, SurveyOption, What,
};
use crate::number::Num;
use serde_json::{Map, Value};

/// The careful reader's settings (used by the fast path too).
#[cfg(feature = "fast")]
pub(super) fn read_settings(map: Map<String, Value>) -> Result<Settings, LoadError> {
    settings_of(Fields::new(map, "settings".into()))
}

/// The careful reader's scenarios (used by the fast path too).
#[cfg(feature = "fast")]
pub(super) fn read_scenarios(value: Value) -> Result<Vec<Scenario>, LoadError> {
    let mut root = Fields::new(
        Map::from_iter([("scenarios".to_string(), value)]),
        String::new(),
    );
    root.list("scenarios", "scenarios", read_scenario)
}

/// The careful reader's monitoring rounds (used by the fast path too).
#[cfg(feature = "fast")]
pub(super) fn read_monitoring(value: Value) -> Result<Vec<Round>, LoadError> {
    let mut root = Fields::new(
        Map::from_iter([("monitoring".to_string(), value)]),
        String::new(),
    );
    root.list("monitoring", "monitoring", read_round)
}

/// The careful reader's claims (used by the fast path too).
#[cfg(feature = "fast")]
pub(super) fn read_claimed(value: Value) -> Result<Option<Claimed>, LoadError> {
    let mut root = Fields::new(
        Map::from_iter([("claimed".to_string(), value)]),
        String::new(),
    );
    root.object("claimed")?.map(claimed_of).transpose()
}

/// The careful reader's funds and declared targets (used by the fast path too).
#[cfg(feature = "fast")]
pub(super) fn read_targets(
    funds: Option<Value>,
    declared: Option<Value>,
) -> Result<(Option<Funds>, Option<Declared>), LoadError> {
    let mut map = Map::new();
    if let Some(f) = funds {
        map.insert("funds".into(), f);
    }
    if let Some(d) = declared {
        map.insert("declared".into(), d);
    }
    let mut root = Fields::new(map, String::new());
    Ok((
        root.object("funds")?.map(funds_of).transpose()?,
        root.object("declared")?.map(declared_of).transpose()?,
    ))
}

/// Reads a document from a parsed JSON value.
pub fn read_value(value: Value) -> Result<Document, LoadError> {
    let Value::Object(map) = value else {
        return Err(LoadError::NotAnObject);
    };
    let mut root = Fields::new(map, String::new());
    match root.map.remove("format") {
        None | Some(Value::Null) => return Err(LoadError::MissingFormat),
        Some(Value::String(s)) if s == FORMAT => {}
        Some(Value::String(s)) => return Err(LoadError::WrongFormat { found: s }),
        Some(other) => {
            return Err(LoadError::WrongFormat {
                found: other.to_string(),
            })
        }
    }
    // An exported `results` object is derived data: it is recomputed, never trusted.
    root.map.remove("results");
    let meta = root.object("meta")?.map(|f| f.map).unwrap_or_default();
    let settings = match root.object("settings")? {
        Some(f) => settings_of(f)?,
        None => Settings::default(),
    };
    let budget = root.list("budget", "budget", read_budget_line)?;
    let surveys = root.list("surveys", "surveys", read_survey)?;
    let indicators = root.list("indicators", "indicators", read_node)?;
    let scenarios = root.list("scenarios", "scenarios", read_scenario)?;
    let monitoring = root.list("monitoring", "monitoring", read_round)?;
    let claimed = root.object("claimed")?.map(claimed_of).transpose()?;
    let funds = root.object("funds")?.map(funds_of).transpose()?;
    let declared = root.object("declared")?.map(declared_of).transpose()?;
    Ok(Document {
        meta,
        settings,
        budget,
        surveys,
        indicators,
        scenarios,
        monitoring,
        claimed,
        funds,
        declared,
        extra: root.map,
    })
}

/// `funds`: the project's funds and the year's request.
fn funds_of(mut f: Fields) -> Result<Funds, LoadError> {
    let annual = match f.object("annual")? {
        None => AnnualFunds::default(),
        Some(mut a) => AnnualFunds {
            total: a.num("total")?,
            fiscal: a.num("fiscal")?,
            carried: a.num("carried")?,
            other: a.num("other")?,
            extra: a.map,
        },
    };
    Ok(Funds {
        total: f.num("total")?,
        fiscal: f.num("fiscal")?,
        other: f.num("other")?,
        annual,
        extra: f.map,
    })
}

/// `declared`: the date and each leaf's target as declared, by leaf id.
fn declared_of(mut f: Fields) -> Result<Declared, LoadError> {
    let date = f.text("date")?;
    let targets = match f.object("targets")? {
        None => Vec::new(),
        Some(targets) => {
            let mut out = Vec::with_capacity(targets.map.len());
            for (id, value) in targets.map.clone() {
                let mut t = targets.child_object(&id, value)?;
                let path = match t.take("path") {
                    None | Some(Value::Null) => Vec::new(),
                    Some(v) => t
                        .expect_array("path", v)?
                        .into_iter()
                        .map(|p| match p {
                            Value::String(s) => Ok(s),
                            other => Err(t.wrong("path", Expected::Text, &other)),
                        })
                        .collect::<Result<Vec<_>, _>>()?,
                };
                out.push(DeclaredTarget {
                    id,
                    name: t.text("name")?.unwrap_or_default(),
                    path,
                    written: t.text("written")?.unwrap_or_default(),
                    kind: t.text("kind")?.unwrap_or_default(),
                    target: t.text("target")?,
                    unit: t.text("unit")?,
                    points: t.text("points")?,
                    extra: t.map,
                });
            }
            out
        }
    };
    Ok(Declared {
        date,
        targets,
        extra: f.map,
    })
}

/// `claimed`: the figures as printed, text or numbers; the printed figures read from a report,
/// each kept as written where jixiao cannot read it.
fn claimed_of(mut f: Fields) -> Result<Claimed, LoadError> {
    let scores = match f.object("scores")? {
        None => Vec::new(),
        Some(mut scores) => {
            let ids: Vec<String> = scores.map.keys().cloned().collect();
            let mut out = Vec::with_capacity(ids.len());
            for id in ids {
                let text = scores.text(&id)?.unwrap_or_default();
                out.push((id, text));
            }
            out
        }
    };
    let printed = match f.take("printed") {
        None => Vec::new(),
        Some(v) => f
            .expect_array("printed", v)?
            .into_iter()
            .map(|entry| {
                read_printed(entry.clone()).map_or(PrintedEntry::Unread(entry), PrintedEntry::Read)
            })
            .collect(),
    };
    Ok(Claimed {
        total: f.text("total")?,
        grade: f.text("grade")?,
        execution_rate: f.text("execution_rate")?,
        satisfaction: f.text("satisfaction")?,
        scores,
        printed,
        extra: f.map,
    })
}

/// One printed figure: `what` and the fields that say which one (`line`, `name`, `question` —
/// `"total"` for the 合计 row —, `option`, `per`), `value`, `where`, `sentence`; `None` where
/// jixiao cannot read it.
fn read_printed(v: Value) -> Option<Printed> {
    let Value::Object(mut map) = v else {
        return None;
    };
    let index = |v: Option<&Value>| v?.as_u64().and_then(|n| usize::try_from(n).ok());
    let question = |v: Option<&Value>| match v? {
        Value::String(s) if s == "total" => Some(None),
        other => other
            .as_u64()
            .and_then(|n| usize::try_from(n).ok())
            .map(Some),
    };
    let per = |v: Option<&Value>| crate::number::parse_decimal(v?.as_str()?).ok();
    let what = match map.get("what")?.as_str()? {
        "line_balance" => What::LineBalance(index(map.get("line"))?),
        "first_level" => What::FirstLevel(map.get("name")?.as_str()?.to_string()),
        "share" => What::Share(question(map.get("question"))?, index(map.get("option"))?),
        "option_score" => What::OptionScore(
            question(map.get("question"))?,
            index(map.get("option"))?,
            per(map.get("per"))?,
        ),
        "question_score" => {
            What::QuestionScore(question(map.get("question"))??, per(map.get("per"))?)
        }
        "light" => What::Light {
            as_of: map.get("as_of")?.as_str()?.to_string(),
            leaf: map.get("leaf").and_then(Value::as_str).map(str::to_string),
        },
        kind => [
            What::Total,
            What::Grade,
            What::ExecutionRate,
            What::ArrivalRate,
            What::Satisfaction,
            What::Weakest,
            What::Planned,
            What::Spent,
            What::Balance,
        ]
        .into_iter()
        .find(|w| w.kind() == kind)?,
    };
    let which: &[&str] = match what {
        What::LineBalance(_) => &["line"],
        What::FirstLevel(_) => &["name"],
        What::Share(..) => &["question", "option"],
        What::OptionScore(..) => &["question", "option", "per"],
        What::QuestionScore(..) => &["question", "per"],
        What::Light { .. } => &["as_of", "leaf"],
        _ => &[],
    };
    for key in which.iter().chain(&["what"]) {
        map.shift_remove(*key);
    }
    let mut text = |k: &str| match map.shift_remove(k) {
        Some(Value::String(s)) => s,
        Some(Value::Number(n)) => n.to_string(),
        _ => String::new(),
    };
    let (value, place, sentence) = (text("value"), text("where"), text("sentence"));
    Some(Printed {
        what,
        value,
        place,
        sentence,
        extra: map,
    })
}

fn settings_of(mut f: Fields) -> Result<Settings, LoadError> {
    let grades = match f.take("grades") {
        None => None,
        Some(v) => {
            let items = f.expect_array("grades", v)?;
            let mut bands = Vec::with_capacity(items.len());
            for (i, item) in items.into_iter().enumerate() {
                let mut band = f.child_object(&format!("grades/{i}"), item)?;
                bands.push(GradeBand {
                    label: band.text("label")?.unwrap_or_default(),
                    min: band.num("min")?,
                });
            }
            Some(bands)
        }
    };
    Ok(Settings {
        grades,
        deviation_threshold: f.num("deviation_threshold")?,
        min_execution_rate: f.num("min_execution_rate")?,
        mismatch_margin: f.num("mismatch_margin")?,
        score_decimals: f.num("score_decimals")?,
        monitoring: f
            .object("monitoring")?
            .map(monitoring_settings_of)
            .transpose()?,
        extra: f.map,
    })
}

fn monitoring_settings_of(mut f: Fields) -> Result<MonitoringSettings, LoadError> {
    let bands = match f.take("bands") {
        None | Some(Value::Null) => None,
        Some(v) => {
            let path = f.at("bands");
            let items = f.expect_array("bands", v)?;
            let mut bands = Vec::with_capacity(items.len());
            for (i, item) in items.into_iter().enumerate() {
                bands.push(to_num(&format!("{path}/{i}"), item)?.unwrap_or_else(|| Num::new("")));
            }
            Some(bands)
        }
    };
    Ok(MonitoringSettings {
        bands,
        reason_required: f.text("reason_required")?,
        extra: f.map,
    })
}

fn read_scenario(mut f: Fields) -> Result<Scenario, LoadError> {
    let name = f.text("name")?.unwrap_or_default();
    let changes = f.list("changes", "changes", |mut c| {
        let path = c.text("path")?.unwrap_or_default();
        let value = match c.take("value") {
            None | Some(Value::Null) => String::new(),
            Some(Value::String(s)) => s,
            Some(Value::Number(n)) => n.to_string(),
            Some(Value::Bool(b)) => b.to_string(),
            Some(other) => return Err(c.wrong("value", Expected::Text, &other)),
        };
        Ok(Change {
            path,
            value,
            extra: c.map,
        })
    })?;
    Ok(Scenario {
        name,
        changes,
        extra: f.map,
    })
}

/// A round's entries by id (`budget.<id>`, `indicators.<id>`), in the order written.
fn entries<T>(
    f: &mut Fields,
    key: &str,
    read: impl Fn(String, Fields) -> Result<T, LoadError>,
) -> Result<Vec<T>, LoadError> {
    let Some(object) = f.object(key)? else {
        return Ok(Vec::new());
    };
    let mut out = Vec::with_capacity(object.map.len());
    for (id, value) in object.map.clone() {
        let child = object.child_object(&id, value)?;
        out.push(read(id, child)?);
    }
    Ok(out)
}

fn read_round(mut f: Fields) -> Result<Round, LoadError> {
    let as_of = f.text("as_of")?.unwrap_or_default();
    let budget = entries(&mut f, "budget", |id, mut l| {
        Ok(LineReport {
            id,
            spent: l.num("spent")?,
            forecast: l.num("forecast")?,
            reason: l.text("reason")?,
            extra: l.map,
        })
    })?;
    let indicators = entries(&mut f, "indicators", |id, mut l| {
        let causes = match l.take("causes") {
            None | Some(Value::Null) => None,
            Some(v) => Some(
                l.expect_array("causes", v)?
                    .into_iter()
                    .map(|c| match c {
                        Value::String(s) => Ok(s),
                        other => Err(l.wrong("causes", Expected::Text, &other)),
                    })
                    .collect::<Result<Vec<_>, _>>()?,
            ),
        };
        Ok(LeafReport {
            id,
            value: l.num("value")?,
            tier: l.text("tier")?,
            forecast: l.num("forecast")?,
            likelihood: l.text("likelihood")?,
            causes,
            reason: l.text("reason")?,
            extra: l.map,
        })
    })?;
    let goal_progress = f.text("goal_progress")?;
    Ok(Round {
        as_of,
        budget,
        indicators,
        goal_progress,
        extra: f.map,
    })
}

fn read_budget_line(mut f: Fields) -> Result<BudgetLine, LoadError> {
    Ok(BudgetLine {
        id: f.id()?,
        name: f.text("name")?.unwrap_or_default(),
        initial: f.num("initial")?,
        planned: f.num("planned")?,
        received: f.num("received")?,
        spent: f.num("spent")?,
        note: f.text("note")?.unwrap_or_default(),
        extra: f.map,
    })
}

fn read_survey(mut f: Fields) -> Result<Survey, LoadError> {
    let id = f.id()?;
    let name = f.text("name")?.unwrap_or_default();
    let respondents = f.num("respondents")?;
    let method = f.text("method")?;
    let satisfied_options = f.num("satisfied_options")?;
    let options = f.list("options", "options", |mut o| {
        Ok(SurveyOption {
            label: o.text("label")?.unwrap_or_default(),
            weight: o.num("weight")?,
            extra: o.map,
        })
    })?;
    let questions = f.list("questions", "questions", |mut q| {
        let id = q.id()?;
        let text = q.text("text")?.unwrap_or_default();
        let counts = match q.take("counts") {
            None => Vec::new(),
            Some(v) => {
                let items = q.expect_array("counts", v)?;
                let mut counts = Vec::with_capacity(items.len());
                for (i, item) in items.into_iter().enumerate() {
                    let path = format!("{}/counts/{i}", q.path);
                    counts.push(to_num(&path, item)?.unwrap_or_else(|| Num::new("")));
                }
                counts
            }
        };
        Ok(Question {
            id,
            text,
            counts,
            extra: q.map,
        })
    })?;
    Ok(Survey {
        id,
        name,
        respondents,
        method,
        satisfied_options,
        options,
        questions,
        extra: f.map,
    })
}

fn read_node(mut f: Fields) -> Result<Node, LoadError> {
    let id = f.id()?;
    let name = f.text("name")?.unwrap_or_default();
    if f.map.contains_key("children") {
        let children = f.list("children", "indicators", read_node)?;
        return Ok(Node::Group(Group {
            id,
            name,
            children,
            extra: f.map,
        }));
    }
    let points = f.num("points")?;
    let applicable = match f.take("applicable") {
        None | Some(Value::Null) => true,
        Some(Value::Bool(b)) => b,
        Some(other) => return Err(f.wrong("applicable", Expected::Boolean, &other)),
    };
    let reason = f.text("reason")?.unwrap_or_default();
    let unit = f.text("unit")?;
    let target_text = f.text("target_text")?;
    let actual_text = f.text("actual_text")?;
    let written = f.text("written")?;
    let rule = match f.object("rule")? {
        Some(r) => read_rule(r)?,
        None => Rule::default(),
    };
    Ok(Node::Leaf(Leaf {
        id,
        name,
        points,
        applicable,
        reason,
        unit,
        target_text,
        actual_text,
        written,
        rule,
        extra: f.map,
    }))
}

fn read_rule(mut f: Fields) -> Result<Rule, LoadError> {
    let steps = match f.take("steps") {
        None | Some(Value::Null) => None,
        Some(v) => {
            let items = f.expect_array("steps", v)?;
            let mut steps = Vec::with_capacity(items.len());
            for (i, item) in items.into_iter().enumerate() {
                let mut s = f.child_object(&format!("steps/{i}"), item)?;
                steps.push(Step {
                    min: s.num("min")?,
                    fraction: s.num("fraction")?,
                    extra: s.map,
                });
            }
            Some(steps)
        }
    };
    Ok(Rule {
        kind: f.text("kind")?.unwrap_or_default(),
        target: f.num("target")?,
        actual: f.num("actual")?,
        tolerance: f.num("tolerance")?,
        formula: f.text("formula")?,
        tier: f.text("tier")?,
        fraction: f.num("fraction")?,
        score: f.num("score")?,
        survey: f.text("survey")?,
        unit: f.text("unit")?,
        steps,
        inferred: f.text("inferred")?,
        extra: f.map,
    })
}

/// A JSON object being taken apart; what is left over becomes the `extra` of the model type.
struct Fields {
    map: Extra,
    path: String,
}

impl Fields {
    fn new(map: Map<String, Value>, path: String) -> Fields {
        Fields { map, path }
    }

    fn at(&self, key: &str) -> String {
        if self.path.is_empty() {
            key.to_string()
        } else {
            format!("{}/{}", self.path, key)
        }
    }

    fn take(&mut self, key: &str) -> Option<Value> {
        self.map.shift_remove(key)
    }

    fn wrong(&self, key: &str, expected: Expected, found: &Value) -> LoadError {
        LoadError::WrongType {
            path: self.at(key),
            expected,
            found: Found::of(found),
        }
    }

    fn id(&mut self) -> Result<String, LoadError> {
        match self.text("id")? {
            Some(id) if !id.trim().is_empty() => {
                let id = id.trim().to_string();
                self.path = match self.path.rfind('/') {
                    Some(i) => format!("{}/{}", &self.path[..i], id),
                    None => id.clone(),
                };
                Ok(id)
            }
            _ => Err(LoadError::MissingId {
                path: self.path.clone(),
            }),
        }
    }

    fn text(&mut self, key: &str) -> Result<Option<String>, LoadError> {
        match self.take(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s)),
            Some(Value::Number(n)) => Ok(Some(n.to_string())),
            Some(other) => Err(self.wrong(key, Expected::Text, &other)),
        }
    }

    fn num(&mut self, key: &str) -> Result<Option<Num>, LoadError> {
        let path = self.at(key);
        match self.take(key) {
            None => Ok(None),
            Some(v) => to_num(&path, v),
        }
    }

    fn object(&mut self, key: &str) -> Result<Option<Fields>, LoadError> {
        match self.take(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Object(map)) => Ok(Some(Fields::new(map, self.at(key)))),
            Some(other) => Err(self.wrong(key, Expected::Object, &other)),
        }
    }

    fn expect_array(&self, key: &str, value: Value) -> Result<Vec<Value>, LoadError> {
        match value {
            Value::Array(items) => Ok(items),
            Value::Null => Ok(Vec::new()),
            other => Err(self.wrong(key, Expected::Array, &other)),
        }
    }

    fn child_object(&self, key: &str, value: Value) -> Result<Fields, LoadError> {
        match value {
            Value::Object(map) => Ok(Fields::new(map, self.at(key))),
            other => Err(self.wrong(key, Expected::Object, &other)),
        }
    }

    /// Reads an array of objects; `scope` names the items in paths (`budget/2` until the id is
    /// known, then `budget/b3`; indicators are named by id alone, `indicators/C111`, at any depth).
    fn list<T>(
        &mut self,
        key: &str,
        scope: &str,
        read: impl Fn(Fields) -> Result<T, LoadError>,
    ) -> Result<Vec<T>, LoadError> {
        let Some(value) = self.take(key) else {
            return Ok(Vec::new());
        };
        let items = self.expect_array(key, value)?;
        let prefix = if scope == "indicators" || self.path.is_empty() {
            scope.to_string()
        } else {
            self.at(scope)
        };
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.into_iter().enumerate() {
            let path = format!("{prefix}/{i}");
            match item {
                Value::Object(map) => out.push(read(Fields::new(map, path))?),
                other => {
                    return Err(LoadError::WrongType {
                        path,
                        expected: Expected::Object,
                        found: Found::of(&other),
                    })
                }
            }
        }
        Ok(out)
    }
}

fn to_num(path: &str, value: Value) -> Result<Option<Num>, LoadError> {
    match value {
        Value::Null => Ok(None),
        Value::String(s) => Ok(Some(Num::new(s))),
        Value::Number(n) => Ok(Some(Num::new(n.to_string()))),
        other => Err(LoadError::WrongType {
            path: path.to_string(),
            expected: Expected::Number,
            found: Found::of(&other),
        }),
    }
}
