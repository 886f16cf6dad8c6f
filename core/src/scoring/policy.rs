//! The settings in force: the document's, or the official defaults where it gives none.

use super::calc::FieldCheck;
use crate::findings::{Finding, Problem};
use crate::model::Settings;
use crate::path::{FieldPath, SettingField};
use rust_decimal::Decimal;

/// Resolved settings, every value a number.
#[derive(Clone, Debug, PartialEq)]
pub struct Policy {
    /// (label, inclusive minimum percent), highest minimum first.
    pub grades: Vec<(String, Decimal)>,
    /// 超额完成 threshold (percent).
    pub deviation_threshold: Decimal,
    /// The execution rate below which an explanation is expected.
    pub min_execution_rate: Decimal,
    /// How far performance may run ahead of execution.
    pub mismatch_margin: Decimal,
    /// Decimals each leaf's score is rounded to before the totals (0, 1 or 2).
    pub score_decimals: u32,
}

/// 财预〔2020〕10号: 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 below.
pub fn default_grades() -> Vec<(String, Decimal)> {
    crate::model::DEFAULT_GRADES
        .into_iter()
        .map(|(l, m)| (l.to_string(), Decimal::from(m)))
        .collect()
}

impl Policy {
    /// The settings in force, with defaults; wrong settings are findings.
    pub fn resolve(settings: &Settings, findings: &mut Vec<Finding>) -> Policy {
        let mut check = FieldCheck::new("", |_, f| FieldPath::Setting(f), findings);
        let grades = match &settings.grades {
            Some(bands) if !bands.is_empty() => {
                let mut grades = Vec::with_capacity(bands.len());
                for (i, band) in bands.iter().enumerate() {
                    if let Some(min) = check.number(SettingField::GradeMin(i), band.min.as_ref()) {
                        grades.push((band.label.clone(), min));
                    }
                }
                grades.sort_by_key(|band| std::cmp::Reverse(band.1));
                grades
            }
            _ => default_grades(),
        };
        let decimals = score_decimals(&settings.score_decimals, &mut check);
        let mut setting =
            |field: SettingField, value: &Option<crate::number::Num>, default: i64| match check
                .optional(field, value.as_ref())
            {
                Ok(Some(d)) if d.is_sign_negative() && !d.is_zero() => {
                    check.report(
                        field,
                        Problem::BadNumber {
                            error: crate::number::NumError::Invalid,
                            text: d.to_string(),
                        },
                    );
                    Decimal::from(default)
                }
                Ok(Some(d)) => d,
                _ => Decimal::from(default),
            };
        Policy {
            deviation_threshold: setting(
                SettingField::DeviationThreshold,
                &settings.deviation_threshold,
                30,
            ),
            min_execution_rate: setting(
                SettingField::MinExecutionRate,
                &settings.min_execution_rate,
                90,
            ),
            mismatch_margin: setting(SettingField::MismatchMargin, &settings.mismatch_margin, 5),
            score_decimals: decimals,
            grades,
        }
    }

    /// A leaf's score as the totals use it: rounded half-up to `score_decimals` places (local
    /// practice; exact when two places or more are kept, since results are shown with two).
    pub fn leaf_score(&self, score: Decimal) -> Decimal {
        if self.score_decimals >= 2 {
            return score;
        }
        score.round_dp_with_strategy(
            self.score_decimals,
            rust_decimal::RoundingStrategy::MidpointAwayFromZero,
        )
    }

    /// The grade of a percent as shown (already rounded).
    pub fn grade(&self, shown_percent: Decimal) -> Option<&str> {
        self.grades
            .iter()
            .find(|(_, min)| shown_percent >= *min)
            .map(|(label, _)| label.as_str())
    }
}

/// `score_decimals`: 0, 1 or 2 (default 2); anything else is reported and the default used.
fn score_decimals(
    value: &Option<crate::number::Num>,
    check: &mut FieldCheck<'_, SettingField>,
) -> u32 {
    match check.optional(SettingField::ScoreDecimals, value.as_ref()) {
        Ok(Some(d)) if d == Decimal::ZERO => 0,
        Ok(Some(d)) if d == Decimal::ONE => 1,
        Ok(Some(d)) if d == Decimal::TWO => 2,
        Ok(Some(d)) => {
            check.report(
                SettingField::ScoreDecimals,
                Problem::BadNumber {
                    error: crate::number::NumError::Invalid,
                    text: d.to_string(),
                },
            );
            2
        }
        _ => 2,
    }
}
