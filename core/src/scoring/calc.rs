//! Reading an item's fields and recording what is wrong with them; the checked arithmetic of
//! the formulas, re-exported: overflow is an error for the field, never a panic.

use crate::findings::{Finding, Problem};
use crate::number::{Num, NumError};
use crate::path::FieldPath;
use rust_decimal::Decimal;

pub(crate) use crate::formula::{add, div, mul, percent, sub, sum, Overflow, HUNDRED};

/// A field was wrong and that has been recorded as a finding.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Reported;

/// Reads fields of one item (a leaf, a budget line, a survey, the settings) and records what is
/// wrong with them; `failed` tells whether any of them was wrong. The field's path is only built
/// when there is something to report.
pub(crate) struct FieldCheck<'a, F> {
    id: &'a str,
    at: fn(&str, F) -> FieldPath,
    pub findings: &'a mut Vec<Finding>,
    pub failed: bool,
}

impl<'a, F> FieldCheck<'a, F> {
    /// Checks the item `id`, whose field `f` is at `at(id, f)`.
    pub(crate) fn new(
        id: &'a str,
        at: fn(&str, F) -> FieldPath,
        findings: &'a mut Vec<Finding>,
    ) -> FieldCheck<'a, F> {
        FieldCheck {
            id,
            at,
            findings,
            failed: false,
        }
    }

    pub(crate) fn report(&mut self, field: impl Into<F>, problem: Problem) {
        if problem.level() == crate::findings::Level::Error {
            self.failed = true;
        }
        let path = (self.at)(self.id, field.into());
        self.findings.push(Finding::new(path, problem));
    }

    /// A required number.
    pub(crate) fn number(&mut self, field: impl Into<F>, value: Option<&Num>) -> Option<Decimal> {
        match value.map(Num::value) {
            None | Some(Err(NumError::Empty)) => {
                self.report(field, Problem::MissingField);
                None
            }
            Some(Err(error)) => {
                let text = value.map(Num::raw).unwrap_or_default().to_string();
                self.report(field, Problem::BadNumber { error, text });
                None
            }
            Some(Ok(d)) => Some(d),
        }
    }

    /// An optional number: absent or empty is `Ok(None)`.
    pub(crate) fn optional(
        &mut self,
        field: impl Into<F>,
        value: Option<&Num>,
    ) -> Result<Option<Decimal>, Reported> {
        match value.map(Num::value) {
            None | Some(Err(NumError::Empty)) => Ok(None),
            Some(Err(error)) => {
                let text = value.map(Num::raw).unwrap_or_default().to_string();
                self.report(field, Problem::BadNumber { error, text });
                Err(Reported)
            }
            Some(Ok(d)) => Ok(Some(d)),
        }
    }

    /// A required number that must not be negative (`negative` names the problem).
    pub(crate) fn non_negative(
        &mut self,
        field: impl Into<F> + Clone,
        value: Option<&Num>,
        negative: Problem,
    ) -> Option<Decimal> {
        let d = self.number(field.clone(), value)?;
        if d.is_sign_negative() && !d.is_zero() {
            self.report(field, negative);
            return None;
        }
        Some(d)
    }

    /// Records an overflow at `field` and gives `None`.
    pub(crate) fn overflowed(&mut self, field: impl Into<F>) -> Option<Decimal> {
        self.report(field, Problem::Overflow);
        None
    }
}
