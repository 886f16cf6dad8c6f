//! 满意度调查: per-question shares and satisfaction, the survey's mean and its weakest question.

use super::calc::{self, FieldCheck};
use crate::findings::{Finding, Problem};
use crate::model::{Method, Survey};
use crate::number::whole_count;
use crate::path::{FieldPath, QuestionField, SurveyField};
use rust_decimal::Decimal;

/// One question's figures.
#[derive(Clone, Debug, PartialEq)]
pub struct QuestionResult {
    /// The id, unique within its scope.
    pub id: String,
    /// Σ of the answer counts.
    pub responses: u64,
    /// Share of each option in percent (`None` when the question has no answers).
    pub shares: Vec<Option<Decimal>>,
    /// `None` when the question has no answers or a wrong count.
    pub satisfaction: Option<Decimal>,
}

/// One survey's figures.
#[derive(Clone, Debug, PartialEq)]
pub struct SurveyResult {
    /// The id, unique within its scope.
    pub id: String,
    /// Mean of the question satisfactions (each question weighs the same).
    pub satisfaction: Option<Decimal>,
    /// The id of the lowest question (the first on a tie).
    pub weakest: Option<String>,
    /// The questions.
    pub questions: Vec<QuestionResult>,
    /// False when a field is wrong (it then scores 0).
    pub valid: bool,
}

/// Scores a survey: shares, satisfaction per question and in all.
pub(crate) fn score_survey(survey: &Survey, findings: &mut Vec<Finding>) -> SurveyResult {
    let mut check = FieldCheck::new(&survey.id, FieldPath::survey, findings);
    let method = match survey.method.as_deref().map(str::trim) {
        None | Some("") => Method::Weighted,
        Some(text) => Method::parse(text).unwrap_or_else(|| {
            check.report(
                SurveyField::Method,
                Problem::UnknownMethod {
                    method: text.to_string(),
                },
            );
            Method::Weighted
        }),
    };
    let n_options = survey.options.len();
    // The value each answer option is worth: its weight, or for `share` 100 for the first
    // `satisfied_options` options and 0 for the rest.
    let worth: Vec<Option<Decimal>> = match method {
        Method::Weighted => survey
            .options
            .iter()
            .enumerate()
            .map(|(i, o)| check.number(SurveyField::OptionWeight(i), o.weight.as_ref()))
            .collect(),
        Method::Share => {
            let satisfied = match check.optional(
                SurveyField::SatisfiedOptions,
                survey.satisfied_options.as_ref(),
            ) {
                Ok(Some(k)) => match whole_count(k) {
                    Some(k) if k >= 1 && (k as usize) <= n_options => k as usize,
                    _ => {
                        check.report(
                            SurveyField::SatisfiedOptions,
                            Problem::SatisfiedOptionsOutOfRange { options: n_options },
                        );
                        0
                    }
                },
                Ok(None) => 2.min(n_options),
                Err(_) => 0,
            };
            (0..n_options)
                .map(|i| {
                    Some(if i < satisfied {
                        calc::HUNDRED
                    } else {
                        Decimal::ZERO
                    })
                })
                .collect()
        }
    };
    let respondents = match check.optional(SurveyField::Respondents, survey.respondents.as_ref()) {
        Ok(Some(r)) => match whole_count(r) {
            Some(r) => Some(r),
            None => {
                let problem = if r.is_sign_negative() {
                    Problem::NegativeCount
                } else {
                    Problem::NotWhole
                };
                check.report(SurveyField::Respondents, problem);
                None
            }
        },
        _ => None,
    };
    let mut questions = Vec::with_capacity(survey.questions.len());
    for q in &survey.questions {
        let at = |field| SurveyField::Question(q.id.clone(), field);
        let mut counts = Vec::with_capacity(q.counts.len());
        let mut question_ok = true;
        for (i, c) in q.counts.iter().enumerate() {
            if let Some(n) = c.ok().and_then(whole_count) {
                counts.push(n);
                continue;
            }
            question_ok = false;
            if let Some(v) = check.number(at(Some(QuestionField::Count(i))), Some(c)) {
                let problem = if v.is_sign_negative() {
                    Problem::NegativeCount
                } else {
                    Problem::NotWhole
                };
                check.report(at(Some(QuestionField::Count(i))), problem);
            }
        }
        if q.counts.len() != n_options {
            check.report(
                at(Some(QuestionField::Counts)),
                Problem::CountsLength {
                    counts: q.counts.len(),
                    options: n_options,
                },
            );
            question_ok = false;
        }
        let responses = counts.iter().try_fold(0u64, |a, &c| a.checked_add(c));
        let Some(responses) = responses.filter(|_| question_ok) else {
            if question_ok {
                check.report(at(Some(QuestionField::Counts)), Problem::Overflow);
            }
            questions.push(QuestionResult {
                id: q.id.clone(),
                responses: 0,
                shares: vec![None; n_options],
                satisfaction: None,
            });
            continue;
        };
        if let Some(r) = respondents {
            if responses != r {
                check.report(
                    at(None),
                    Problem::CountsNotRespondents {
                        sum: responses.to_string(),
                        respondents: r.to_string(),
                    },
                );
            }
        }
        let total = Decimal::from(responses);
        let (shares, satisfaction) = if responses == 0 {
            (vec![None; n_options], None)
        } else {
            let shares = counts
                .iter()
                .map(|&c| calc::percent(Decimal::from(c), total).ok())
                .collect();
            let weighted = counts
                .iter()
                .zip(&worth)
                .try_fold(Decimal::ZERO, |acc, (&c, w)| {
                    let w = w.ok_or(())?;
                    calc::add(acc, calc::mul(Decimal::from(c), w).map_err(|_| ())?).map_err(|_| ())
                });
            let satisfaction = match weighted {
                Ok(sum) => calc::div(sum, total).ok(),
                Err(_) => None,
            };
            (shares, satisfaction)
        };
        questions.push(QuestionResult {
            id: q.id.clone(),
            responses,
            shares,
            satisfaction,
        });
    }
    let answered: Vec<(usize, Decimal)> = questions
        .iter()
        .enumerate()
        .filter_map(|(i, q)| q.satisfaction.map(|s| (i, s)))
        .collect();
    let satisfaction = if answered.is_empty() {
        None
    } else {
        calc::sum(answered.iter().map(|(_, s)| *s))
            .and_then(|s| calc::div(s, Decimal::from(answered.len())))
            .ok()
    };
    let weakest = answered
        .iter()
        .fold(None::<(usize, Decimal)>, |low, &(i, s)| match low {
            Some((_, ls)) if ls <= s => low,
            _ => Some((i, s)),
        })
        .and_then(|(i, _)| questions.get(i))
        .map(|q| q.id.clone());
    SurveyResult {
        id: survey.id.clone(),
        satisfaction,
        weakest,
        questions,
        valid: !check.failed,
    }
}
