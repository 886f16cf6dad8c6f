//! What a write to a field may change, kept to be put back exactly: the whole budget line, leaf,
//! survey, settings or free entries the field lives in (a write can touch more than the field:
//! a figure drops the text the form printed for it, one grade band writes out all of them). Ids
//! are never written by a path, so the part is found again by its id.

use super::{FieldPath, PathError};
use crate::model::{
    BudgetLine, Claimed, Declared, Document, Extra, Funds, Leaf, Round, Settings, Survey,
};

/// The part of a document a field lives in, as it was. (A few are alive at a time: their
/// size does not matter.)
#[derive(Clone, Debug)]
#[allow(clippy::large_enum_variant)]
pub(crate) enum Saved {
    Line(BudgetLine),
    Leaf(Leaf),
    Survey(Survey),
    Settings(Settings),
    Meta(Extra),
    Extra(Extra),
    Claimed(Option<Claimed>),
    Funds(Option<Funds>),
    Declared(Option<Declared>),
    Round(Round),
}

/// The part of `doc` that writing `path` may change.
pub(crate) fn save(doc: &Document, path: &FieldPath) -> Result<Saved, PathError> {
    let missing = |id: &str| PathError::Missing {
        path: path.to_string(),
        item: id.to_string(),
    };
    Ok(match path {
        FieldPath::Line(id, _) => Saved::Line(
            doc.budget
                .iter()
                .find(|b| b.id == *id)
                .ok_or_else(|| missing(id))?
                .clone(),
        ),
        FieldPath::Node(id, _) => Saved::Leaf(doc.leaf(id).ok_or_else(|| missing(id))?.clone()),
        FieldPath::Survey(id, _) => Saved::Survey(
            doc.surveys
                .iter()
                .find(|s| s.id == *id)
                .ok_or_else(|| missing(id))?
                .clone(),
        ),
        FieldPath::Setting(_) => Saved::Settings(doc.settings.clone()),
        FieldPath::Meta(_) => Saved::Meta(doc.meta.clone()),
        FieldPath::Claim(_) => Saved::Claimed(doc.claimed.clone()),
        FieldPath::Funds(_) => Saved::Funds(doc.funds.clone()),
        FieldPath::Declared(_) => Saved::Declared(doc.declared.clone()),
        FieldPath::Section(_) => Saved::Extra(doc.extra.clone()),
        FieldPath::Round(as_of, _) => Saved::Round(
            doc.monitoring
                .iter()
                .find(|r| r.as_of == *as_of)
                .ok_or_else(|| missing(as_of))?
                .clone(),
        ),
    })
}

/// Puts a saved part back where it was taken from.
pub(crate) fn restore(doc: &mut Document, saved: Saved) {
    match saved {
        Saved::Line(line) => {
            if let Some(place) = doc.budget.iter_mut().find(|b| b.id == line.id) {
                *place = line;
            }
        }
        Saved::Leaf(leaf) => {
            if let Some(place) = doc.leaf_mut(&leaf.id.clone()) {
                *place = leaf;
            }
        }
        Saved::Survey(survey) => {
            if let Some(place) = doc.surveys.iter_mut().find(|s| s.id == survey.id) {
                *place = survey;
            }
        }
        Saved::Settings(settings) => doc.settings = settings,
        Saved::Meta(meta) => doc.meta = meta,
        Saved::Extra(extra) => doc.extra = extra,
        Saved::Claimed(claimed) => doc.claimed = claimed,
        Saved::Funds(funds) => doc.funds = funds,
        Saved::Declared(declared) => doc.declared = declared,
        Saved::Round(round) => {
            if let Some(place) = doc.monitoring.iter_mut().find(|r| r.as_of == round.as_of) {
                *place = round;
            }
        }
    }
}
