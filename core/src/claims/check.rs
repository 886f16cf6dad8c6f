//! The one comparison of a claimed or printed figure with the computed one: a number agrees when
//! it equals the computed one rounded (half away from zero) to the decimals it was printed with
//! (`86%` for 86.20% agrees, `84.28%` for 84.27% does not, `9` for a score of 8.62 agrees on a
//! form that prints whole points); words (the grade) agree once normalised; the weakest question
//! by its number. A quantity printed twice with two values is a finding even where nothing can
//! be computed.

use super::computed::{computed, Figure};
use crate::findings::{Finding, Problem};
use crate::model::{Document, Light, Printed, What};
use crate::number::{agrees, printed_figure, show2};
use crate::path::{ClaimField, FieldPath};
use crate::scoring::Evaluation;
use crate::text::normalise;
use rust_decimal::{Decimal, RoundingStrategy};

/// How a claim compares with what the document computes.
enum Compared {
    Agrees,
    /// It differs: the computed figure as shown (at the printed precision, or as words).
    Differs(String),
    /// A printed light that is not the one the rules give.
    LightDiffers(Light, Option<Light>),
    /// There is nothing to compute it from.
    Unknown,
}

fn compare(what: &What, printed: &str, doc: &Document, eval: &Evaluation) -> Compared {
    match computed(what, doc, eval) {
        Some(Figure::Number(v)) if !agrees(printed, v) => Compared::Differs(shown_like(printed, v)),
        Some(Figure::Words(w)) if normalise(printed) != normalise(&w) => Compared::Differs(w),
        Some(Figure::Question(n, text)) if printed.trim() != n.to_string() => {
            Compared::Differs(format!("{n}. {text}"))
        }
        Some(Figure::Light(computed)) => match Light::parse(printed) {
            Some(light) if Some(light) != computed => Compared::LightDiffers(light, computed),
            _ => Compared::Agrees,
        },
        Some(_) => Compared::Agrees,
        None => Compared::Unknown,
    }
}

/// The findings of every claim of `doc` that disagrees, in the order claimed and printed.
pub(crate) fn check(doc: &Document, eval: &Evaluation) -> Vec<Finding> {
    let Some(claimed) = &doc.claimed else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (what, text) in claimed.named() {
        let computed = match compare(&what, text, doc, eval) {
            Compared::Agrees | Compared::LightDiffers(..) => continue,
            Compared::Differs(c) => c,
            Compared::Unknown => "—".to_string(),
        };
        out.push(Finding::new(
            FieldPath::Claim(ClaimField::Figure(what)),
            Problem::ClaimDiffers {
                claimed: text.to_string(),
                computed,
            },
        ));
    }
    let printed: Vec<(usize, &Printed)> = claimed.readable().collect();
    for (k, (at, p)) in printed.iter().enumerate() {
        let problem = match compare(&p.what, &p.value, doc, eval) {
            Compared::Agrees => continue,
            Compared::LightDiffers(printed, computed) => Problem::PrintedLightDiffers {
                place: p.place.clone(),
                sentence: p.sentence.clone(),
                claimed: p.value.clone(),
                printed,
                computed,
            },
            Compared::Differs(computed) => Problem::PrintedDiffers {
                what: p.what.clone(),
                place: p.place.clone(),
                sentence: p.sentence.clone(),
                column: column(&p.what, doc),
                claimed: p.value.clone(),
                computed,
            },
            // Nothing to compute it from: two printings with two values still disagree.
            Compared::Unknown if p.what.once() => {
                let before = printed
                    .iter()
                    .take(k)
                    .map(|(_, b)| *b)
                    .find(|b| b.what == p.what && !same_value(&b.value, &p.value));
                let Some(before) = before else {
                    continue;
                };
                Problem::PrintedTwice {
                    what: p.what.clone(),
                    claimed: p.value.clone(),
                    place: p.place.clone(),
                    before: before.value.clone(),
                    before_place: before.place.clone(),
                }
            }
            Compared::Unknown => continue,
        };
        out.push(Finding::new(
            FieldPath::Claim(ClaimField::Printed(*at)),
            problem,
        ));
    }
    out
}

/// The column a table's figure was printed in, by name: a survey option, a budget line.
fn column(what: &What, doc: &Document) -> Option<String> {
    match what {
        What::Share(_, o) | What::OptionScore(_, o, _) => {
            Some(doc.surveys.first()?.options.get(*o)?.label.clone())
        }
        What::LineBalance(i) => Some(doc.budget.get(*i)?.name.clone()).filter(|n| !n.is_empty()),
        _ => None,
    }
}

/// The computed figure shown at the decimals of the printed one (at least two: `84.27`).
fn shown_like(printed: &str, value: Decimal) -> String {
    let decimals = printed_figure(printed).map_or(2, |(_, d)| d.clamp(2, 6));
    let mut v = value.round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero);
    v.rescale(decimals);
    if printed.contains('%') {
        format!("{v}%")
    } else if decimals == 2 {
        show2(value)
    } else {
        v.to_string()
    }
}

/// Whether two printings say the same figure (`92` and `92.00` do; `84.28%` and `84.27%` not).
fn same_value(a: &str, b: &str) -> bool {
    match (printed_figure(a), printed_figure(b)) {
        (Some((x, _)), Some((y, _))) => x == y,
        _ => normalise(a) == normalise(b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_printed_precision_decides() {
        let v = Decimal::new(8620, 2);
        assert!(agrees("86%", v));
        assert!(agrees("86.2%", v));
        assert!(!agrees("86.21%", v));
        assert!(!agrees("84.28%", Decimal::new(842_727, 4)));
        assert!(agrees("84.27%", Decimal::new(842_727, 4)));
        assert!(agrees("9", Decimal::new(862, 2)));
        assert!(agrees("９２．００分", Decimal::from(92)));
        assert!(!agrees("优", Decimal::from(92)));
        assert_eq!(shown_like("84.28%", Decimal::new(842_727, 4)), "84.27%");
        assert_eq!(shown_like("97.47", Decimal::new(968_596, 4)), "96.86");
    }
}
