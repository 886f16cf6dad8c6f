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
}

/// 财预〔2020〕10号: 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 below.
pub fn default_grades() -> Vec<(String, Decimal)> {
    [("优", 90), ("良", 80), ("中", 60), ("差", 0)]
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
            grades,
        }
    }

    /// The grade of a percent as shown (already rounded).
    pub fn grade(&self, shown_percent: Decimal) -> Option<&str> {
        self.grades
            .iter()
            .find(|(_, min)| shown_percent >= *min)
            .map(|(label, _)| label.as_str())
    }
}
