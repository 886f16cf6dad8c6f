//! The computed figure a claimed or printed one is held against.

use crate::model::{Document, Light, What};
use crate::monitoring::{budget_light, leaf_lights};
use crate::scoring::{walk_scored, Evaluation, Scored};
use rust_decimal::Decimal;

/// A computed figure: a number, words (the grade), a question (its number and text), or a
/// round's light (none where the rules give none).
pub(super) enum Figure {
    Number(Decimal),
    Words(String),
    Question(usize, String),
    Light(Option<Light>),
}

/// The computed figure for `what`; `None` where the document cannot give it (no indicators for a
/// total, no such budget line, no answers).
pub(super) fn computed(what: &What, doc: &Document, eval: &Evaluation) -> Option<Figure> {
    let survey = eval.surveys.first();
    let scored = !doc.indicators.is_empty();
    let budget = (!doc.budget.is_empty()).then_some(&eval.budget);
    let share = |q: usize, o: usize| survey?.questions.get(q)?.shares.get(o).copied().flatten();
    let weight = |o: usize| doc.surveys.first()?.options.get(o)?.weight.as_ref()?.ok();
    let questions = survey.map_or(0, |s| s.questions.len());
    // The share of an option over all questions (the 合计 row).
    let total_share = |o: usize| {
        let s = doc.surveys.first()?;
        let mut of = Decimal::ZERO;
        let mut all = Decimal::ZERO;
        for q in &s.questions {
            for (j, c) in q.counts.iter().enumerate() {
                let c = c.ok()?;
                all = all.checked_add(c)?;
                if j == o {
                    of = of.checked_add(c)?;
                }
            }
        }
        crate::scoring::calc::percent(of, all).ok()
    };
    let option_score = |q: usize, o: usize, per: Decimal| {
        share(q, o)?
            .checked_mul(weight(o)?)?
            .checked_mul(per)?
            .checked_div(Decimal::from(10_000))
    };
    Some(match what {
        What::Total if scored => Figure::Number(eval.total),
        What::Grade if scored => Figure::Words(eval.grade.clone()?),
        What::Total | What::Grade => return None,
        What::ExecutionRate => Figure::Number(budget?.execution_rate?),
        What::ArrivalRate => Figure::Number(budget?.arrival_rate?),
        What::Satisfaction => Figure::Number(eval.satisfaction()?),
        What::Weakest => {
            let s = survey?;
            let id = s.weakest.as_ref()?;
            let n = s.questions.iter().position(|q| &q.id == id)?;
            let text = doc.surveys.first()?.questions.get(n)?.text.clone();
            Figure::Question(n.saturating_add(1), text)
        }
        What::Planned => Figure::Number(budget?.planned),
        What::Spent => Figure::Number(budget?.spent),
        What::Balance => Figure::Number(budget?.balance),
        What::LineBalance(i) => Figure::Number(budget?.lines.get(*i)?.balance),
        What::FirstLevel(name) => {
            let mut found = None;
            walk_scored(doc, eval, &mut |s| match s {
                Scored::Group(g, r, []) if found.is_none() && g.name == *name => {
                    found = Some(r.score)
                }
                Scored::Leaf(l, r, []) if found.is_none() && l.name == *name => {
                    found = Some(r.score)
                }
                _ => {}
            });
            Figure::Number(found?)
        }
        What::LeafScore(id) => {
            Figure::Number(eval.leaves.iter().find(|l| l.id == *id).map(|l| l.score)?)
        }
        What::Share(Some(q), o) => Figure::Number(share(*q, *o)?),
        What::Share(None, o) => Figure::Number(total_share(*o)?),
        What::OptionScore(Some(q), o, per) => Figure::Number(option_score(*q, *o, *per)?),
        What::OptionScore(None, o, per) => {
            let mut sum = Decimal::ZERO;
            for q in 0..questions {
                sum = sum.checked_add(option_score(q, *o, *per)?)?;
            }
            Figure::Number(sum)
        }
        What::Light { as_of, leaf } => {
            let round = doc.monitoring.iter().find(|r| r.as_of == *as_of)?;
            Figure::Light(match leaf {
                Some(id) => {
                    leaf_lights(doc, eval, round)
                        .into_iter()
                        .find(|l| l.id == *id)?
                        .light
                }
                None => budget_light(doc, round).light,
            })
        }
        What::QuestionScore(q, per) => Figure::Number(
            survey?
                .questions
                .get(*q)?
                .satisfaction?
                .checked_mul(*per)?
                .checked_div(Decimal::ONE_HUNDRED)?,
        ),
    })
}
