//! `jixiao monitor`'s output (`docs/REFERENCE.md`): the round's time progress, the budget and each
//! indicator with its light, the lights' counts, the forecast and the round's findings.
//! Percentages and scores are 2-decimal strings, as in `score`.

use super::results::finding;
use crate::date::parse_date;
use crate::message::Lang;
use crate::model::{Document, Round};
use crate::monitoring::{budget_light, forecast, leaf_lights, light_counts, time_progress, year};
use crate::number::{show2, show_exact};
use crate::path::FieldPath;
use crate::scoring::Evaluation;
use rust_decimal::Decimal;
use serde_json::{json, Value};

/// `jixiao monitor`'s output for `round` of `doc` (`eval` is the document's own evaluation).
pub fn monitor(doc: &Document, eval: &Evaluation, round: &Round, lang: Lang) -> Value {
    let t =
        parse_date(&round.as_of).map_or(Decimal::ZERO, |d| time_progress(d, year(doc)).percent());
    let percent = |v: Option<Decimal>| v.map(show2);
    let budget = budget_light(doc, round);
    let forecast = forecast(doc, round);
    let lights = leaf_lights(doc, eval, round);
    let [red, yellow, green, blue, none] = light_counts(&lights);
    let indicators: Vec<Value> = lights
        .iter()
        .map(|l| {
            json!({
                "id": l.id,
                "name": l.name,
                "category": l.category.key(),
                "value": l.value,
                "standard": l.standard.map(show_exact),
                "ratio": percent(l.ratio),
                "light": l.light.map(|x| x.key()),
                "likelihood": l.likelihood,
                "forecast": l.forecast,
            })
        })
        .collect();
    let lost: Vec<Value> = crate::scoring::lost_points(&forecast.doc, &forecast.eval)
        .into_iter()
        .map(|l| {
            json!({
                "id": l.id, "name": l.name, "group": l.groups.join(" / "),
                "points": show2(l.points), "score": show2(l.score), "lost": show2(l.lost),
            })
        })
        .collect();
    // The round's findings are already in the evaluation (every evaluation checks the rounds).
    let findings: Vec<Value> = eval
        .findings
        .iter()
        .filter(|f| matches!(&f.path, FieldPath::Round(as_of, _) if *as_of == round.as_of))
        .map(|f| serde_json::to_value(finding(f, lang)).unwrap_or(Value::Null))
        .collect();
    json!({
        "as_of": round.as_of,
        "time_progress": show2(t),
        "budget": {
            "planned": show_exact(budget.planned),
            "spent": show_exact(budget.spent),
            "execution_progress": percent(budget.progress),
            "light": budget.light.map(|x| x.key()),
            "forecast_spent": show_exact(forecast.eval.budget.spent),
            "extrapolated": forecast.extrapolated,
        },
        "indicators": indicators,
        "lights": {"red": red, "yellow": yellow, "green": green, "blue": blue, "none": none},
        "forecast": {
            "total": show2(forecast.eval.total),
            "grade": forecast.eval.grade,
            "percent": show2(forecast.eval.percent),
            "lost": lost,
        },
        "findings": findings,
    })
}
