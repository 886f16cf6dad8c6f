//! Figures read from a Word report (`claimed.printed`): each with what it is, the figure as
//! printed, and where it was printed (the heading and the sentence, or the table and its row),
//! so that a reviewer can point at it. Checked at the precision printed; a quantity printed twice
//! with two values is a finding even where nothing can be computed.

use super::{agrees, printed_number};
use crate::message::Message;
use crate::model::Document;
use crate::number::{show2, show_exact};
use crate::scoring::{walk_scored, Evaluation, Scored};
use rust_decimal::Decimal;
use serde_json::{Map, Value};

/// What a printed figure is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum What {
    /// 自评得分 (the total).
    Total,
    /// 评定等级.
    Grade,
    /// 预算执行率 / 为预算金额的 x%.
    ExecutionRate,
    /// 资金到位率.
    ArrivalRate,
    /// The survey's 满意度.
    Satisfaction,
    /// The question named as weakest (its number, 1-based).
    Weakest,
    /// Σ 预算数 / 下达金额.
    Planned,
    /// Σ 执行数 / 使用经费.
    Spent,
    /// Σ 结余.
    Balance,
    /// One budget line's 结余 (by position, 0-based).
    LineBalance(usize),
    /// A first-level indicator's 得分 (by name).
    FirstLevel(String),
    /// A question's share of one option (question 0-based; `None` for the 合计 row).
    Share(Option<usize>, usize),
    /// A question's 分数 of one option, on a scale of `per` points a question.
    OptionScore(Option<usize>, usize, Decimal),
    /// A question's 分数 (its satisfaction on a scale of `per` points).
    QuestionScore(usize, Decimal),
}

impl What {
    /// Its kind as written in the file (`execution_rate`, `share`, `line_balance`).
    pub fn kind(&self) -> &'static str {
        match self {
            What::Total => "total",
            What::Grade => "grade",
            What::ExecutionRate => "execution_rate",
            What::ArrivalRate => "arrival_rate",
            What::Satisfaction => "satisfaction",
            What::Weakest => "weakest_question",
            What::Planned => "planned",
            What::Spent => "spent",
            What::Balance => "balance",
            What::LineBalance(_) => "line_balance",
            What::FirstLevel(_) => "first_level",
            What::Share(..) => "share",
            What::OptionScore(..) => "option_score",
            What::QuestionScore(..) => "question_score",
        }
    }

    /// Writes it into a printed figure's object: `what` (the kind) and the fields that say which
    /// one (`line`, `name`, `question` — `"total"` for the 合计 row —, `option`, `per`). No key
    /// with separators: a document's fields are named by `FieldPath` alone.
    fn write(&self, out: &mut Map<String, Value>) {
        out.insert("what".into(), self.kind().into());
        let question = |q: &Option<usize>| q.map_or(Value::from("total"), Value::from);
        match self {
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
                out.insert("per".into(), show_exact(*per).into());
            }
            What::QuestionScore(q, per) => {
                out.insert("question".into(), Value::from(*q));
                out.insert("per".into(), show_exact(*per).into());
            }
            _ => {}
        }
    }

    /// Reads what [`What::write`] wrote.
    fn read(v: &Value) -> Option<What> {
        let index = |k: &str| v.get(k)?.as_u64().and_then(|n| usize::try_from(n).ok());
        let question = || match v.get("question")? {
            Value::String(s) if s == "total" => Some(None),
            other => other
                .as_u64()
                .and_then(|n| usize::try_from(n).ok())
                .map(Some),
        };
        let per = || crate::number::parse_decimal(v.get("per")?.as_str()?).ok();
        Some(match v.get("what")?.as_str()? {
            "total" => What::Total,
            "grade" => What::Grade,
            "execution_rate" => What::ExecutionRate,
            "arrival_rate" => What::ArrivalRate,
            "satisfaction" => What::Satisfaction,
            "weakest_question" => What::Weakest,
            "planned" => What::Planned,
            "spent" => What::Spent,
            "balance" => What::Balance,
            "line_balance" => What::LineBalance(index("line")?),
            "first_level" => What::FirstLevel(v.get("name")?.as_str()?.to_string()),
            "share" => What::Share(question()?, index("option")?),
            "option_score" => What::OptionScore(question()?, index("option")?, per()?),
            "question_score" => What::QuestionScore(question()??, per()?),
            _ => return None,
        })
    }

    /// Whether two printings of it with two values are a finding (the figures of the prose;
    /// table cells are each a different figure).
    fn once(&self) -> bool {
        matches!(
            self,
            What::Total
                | What::Grade
                | What::ExecutionRate
                | What::ArrivalRate
                | What::Satisfaction
                | What::Weakest
                | What::Planned
                | What::Spent
                | What::Balance
        )
    }
}

/// What a printed figure is, in words.
impl Message for What {
    fn zh(&self) -> String {
        match self {
            What::Total => "自评得分".into(),
            What::Grade => "评定等级".into(),
            What::ExecutionRate => "预算执行率".into(),
            What::ArrivalRate => "资金到位率".into(),
            What::Satisfaction => "满意度".into(),
            What::Weakest => "得分最低的问题".into(),
            What::Planned => "预算数合计".into(),
            What::Spent => "使用经费合计".into(),
            What::Balance => "结余合计".into(),
            What::LineBalance(i) => format!("第{}行的结余", i.saturating_add(1)),
            What::FirstLevel(name) => format!("{name}得分"),
            What::Share(q, o) => format!("{}选项{}的占比", question_zh(*q), o.saturating_add(1)),
            What::OptionScore(q, o, _) => {
                format!("{}选项{}的分数", question_zh(*q), o.saturating_add(1))
            }
            What::QuestionScore(q, _) => format!("第{}题的分数", q.saturating_add(1)),
        }
    }

    fn en(&self) -> String {
        match self {
            What::Total => "total score".into(),
            What::Grade => "grade".into(),
            What::ExecutionRate => "execution rate".into(),
            What::ArrivalRate => "fund arrival rate".into(),
            What::Satisfaction => "satisfaction".into(),
            What::Weakest => "weakest question".into(),
            What::Planned => "budget total".into(),
            What::Spent => "spent total".into(),
            What::Balance => "balance total".into(),
            What::LineBalance(i) => format!("balance of line {}", i.saturating_add(1)),
            What::FirstLevel(name) => format!("score of {name}"),
            What::Share(q, o) => format!(
                "share of option {} in {}",
                o.saturating_add(1),
                question_en(*q)
            ),
            What::OptionScore(q, o, _) => {
                format!(
                    "score of option {} in {}",
                    o.saturating_add(1),
                    question_en(*q)
                )
            }
            What::QuestionScore(q, _) => format!("score of question {}", q.saturating_add(1)),
        }
    }
}

fn question_zh(q: Option<usize>) -> String {
    q.map_or("合计行".into(), |q| {
        format!("第{}题", q.saturating_add(1))
    })
}

fn question_en(q: Option<usize>) -> String {
    q.map_or("the total row".into(), |q| {
        format!("question {}", q.saturating_add(1))
    })
}

/// The part of a sentence that prints `value`: from the clause it is in to the sentence's end,
/// `…` where the sentence is cut (`…为预算金额的84.28%。`). A table row is kept whole.
pub fn excerpt(sentence: &str, value: &str) -> String {
    let Some(at) = sentence.find(value) else {
        return sentence.to_string();
    };
    if sentence.contains(" | ") {
        return sentence.to_string();
    }
    let before = sentence.get(..at).unwrap_or_default();
    let start = before.rfind(['，', ',', '；', '：']).map_or(0, |i| {
        i.saturating_add(
            before
                .get(i..)
                .and_then(|t| t.chars().next())
                .map_or(1, char::len_utf8),
        )
    });
    let end = sentence
        .get(at..)
        .and_then(|rest| {
            rest.find(['，', ',', '。', '；']).map(|i| {
                at.saturating_add(i).saturating_add(
                    rest.get(i..)
                        .and_then(|t| t.chars().next())
                        .map_or(1, char::len_utf8),
                )
            })
        })
        .unwrap_or(sentence.len());
    let piece = sentence.get(start..end).unwrap_or(sentence);
    let cut_before = if start > 0 { "…" } else { "" };
    let cut_after = if end < sentence.len() && !piece.ends_with('。') {
        "…"
    } else {
        ""
    };
    format!("{cut_before}{piece}{cut_after}")
}

/// One printed figure and where it was printed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Printed {
    /// What it is.
    pub what: What,
    /// The figure as printed (`84.28%`, `优`, `10`).
    pub value: String,
    /// The heading it was printed under (`摘要 › 三、经验、问题和建议`), or the table's title.
    pub place: String,
    /// The sentence it was printed in, or the table row.
    pub sentence: String,
}

impl Printed {
    /// As stored in `claimed.printed`.
    pub fn to_json(&self) -> Value {
        let mut out = Map::new();
        self.what.write(&mut out);
        out.insert("value".into(), self.value.clone().into());
        out.insert("where".into(), self.place.clone().into());
        out.insert("sentence".into(), self.sentence.clone().into());
        Value::Object(out)
    }

    fn from_json(v: &Value) -> Option<Printed> {
        let text = |k: &str| {
            v.get(k)
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string()
        };
        Some(Printed {
            what: What::read(v)?,
            value: text("value"),
            place: text("where"),
            sentence: text("sentence"),
        })
    }
}

/// The printed figures of a document, in order, with their positions (an entry jixiao cannot
/// read is passed over, keeping the others' positions).
pub fn printed(doc: &Document) -> Vec<(usize, Printed)> {
    doc.extra
        .get("claimed")
        .and_then(|c| c.get("printed"))
        .and_then(Value::as_array)
        .map(|all| {
            all.iter()
                .enumerate()
                .filter_map(|(i, v)| Printed::from_json(v).map(|p| (i, p)))
                .collect()
        })
        .unwrap_or_default()
}

/// A computed figure: a number, words (the grade), or a question (its number and text).
enum Figure {
    Number(Decimal),
    Words(String),
    Question(usize, String),
}

/// The computed figure a printed one is held against; `None` where the document cannot give
/// it (no indicators for a total, no such budget line).
fn computed(what: &What, doc: &Document, eval: &Evaluation) -> Option<Figure> {
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
        What::Satisfaction => Figure::Number(survey?.satisfaction?),
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

/// What checking a report's printed figures came to: how many were printed, how many disagree.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Verdict {
    /// Figures read from the report.
    pub printed: usize,
    /// Of them, the ones that disagree.
    pub differing: usize,
}

impl Verdict {
    /// The verdict on `doc`'s printed figures; `None` when it has none (not a report).
    pub fn of(doc: &Document, eval: &Evaluation) -> Option<Verdict> {
        let printed = printed(doc).len();
        (printed > 0).then(|| Verdict {
            printed,
            differing: eval
                .findings
                .iter()
                .filter(|f| {
                    matches!(
                        f.path,
                        crate::path::FieldPath::Claim(crate::path::ClaimField::Printed(_))
                    )
                })
                .count(),
        })
    }
}

impl Message for Verdict {
    fn zh(&self) -> String {
        if self.differing == 0 {
            format!("报告中印出的 {} 个数字与计算结果全部一致。", self.printed)
        } else {
            format!(
                "报告中印出的 {} 个数字中，有 {} 个与计算结果或与别处所印不符。",
                self.printed, self.differing
            )
        }
    }

    fn en(&self) -> String {
        if self.differing == 0 {
            format!(
                "All {} figures printed in the report agree with the computed ones.",
                self.printed
            )
        } else {
            format!(
                "Of the {} figures printed in the report, {} disagree with the computed ones or with another printing.",
                self.printed, self.differing
            )
        }
    }
}

/// A printed figure that disagrees: with the computed one, or with another printing of it.
#[derive(Clone, Debug, PartialEq)]
pub enum Disagreement {
    /// It differs from the computed figure (shown at the precision printed, or as words).
    Computed {
        /// Its position in `claimed.printed`.
        at: usize,
        /// The printed figure.
        printed: Printed,
        /// The computed figure as shown.
        computed: String,
    },
    /// The same quantity was printed before with another value.
    Twice {
        /// Its position in `claimed.printed`.
        at: usize,
        /// This printing.
        printed: Printed,
        /// The one before it.
        before: Printed,
    },
}

/// The computed figure shown at the decimals of the printed one (at least two: `84.27`).
fn shown_like(printed: &str, value: Decimal) -> String {
    let decimals = printed_number(printed).map_or(2, |(_, d)| d.clamp(2, 6));
    let mut v = value.round_dp_with_strategy(
        decimals,
        rust_decimal::RoundingStrategy::MidpointAwayFromZero,
    );
    v.rescale(decimals);
    if printed.contains('%') {
        format!("{v}%")
    } else if decimals == 2 {
        show2(value)
    } else {
        v.to_string()
    }
}

/// Every printed figure that disagrees, in the order printed.
pub fn check_printed(doc: &Document, eval: &Evaluation) -> Vec<Disagreement> {
    let all = printed(doc);
    let mut out = Vec::new();
    for (k, (at, p)) in all.iter().enumerate() {
        match computed(&p.what, doc, eval) {
            Some(Figure::Number(v)) if !agrees(&p.value, v) => out.push(Disagreement::Computed {
                at: *at,
                printed: p.clone(),
                computed: shown_like(&p.value, v),
            }),
            Some(Figure::Words(w))
                if crate::text::normalise(&p.value) != crate::text::normalise(&w) =>
            {
                out.push(Disagreement::Computed {
                    at: *at,
                    printed: p.clone(),
                    computed: w,
                })
            }
            Some(Figure::Question(n, text)) if p.value.trim() != n.to_string() => {
                out.push(Disagreement::Computed {
                    at: *at,
                    printed: p.clone(),
                    computed: format!("{n}. {text}"),
                })
            }
            Some(_) => {}
            // Nothing to compute it from: two printings with two values still disagree.
            None if p.what.once() => {
                let before = all
                    .iter()
                    .take(k)
                    .map(|(_, b)| b)
                    .find(|b| b.what == p.what && !same_value(&b.value, &p.value));
                if let Some(before) = before {
                    out.push(Disagreement::Twice {
                        at: *at,
                        printed: p.clone(),
                        before: before.clone(),
                    });
                }
            }
            None => {}
        }
    }
    out
}

/// Whether two printings say the same figure (`92` and `92.00` do; `84.28%` and `84.27%` not).
fn same_value(a: &str, b: &str) -> bool {
    match (printed_number(a), printed_number(b)) {
        (Some((x, _)), Some((y, _))) => x == y,
        _ => crate::text::normalise(a) == crate::text::normalise(b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn keys_read_back() {
        for what in [
            What::Total,
            What::Weakest,
            What::LineBalance(3),
            What::FirstLevel("项目/决策".into()),
            What::Share(None, 2),
            What::Share(Some(9), 4),
            What::OptionScore(Some(1), 0, Decimal::TEN),
            What::QuestionScore(4, Decimal::ONE_HUNDRED),
        ] {
            let mut out = Map::new();
            what.write(&mut out);
            assert_eq!(What::read(&Value::Object(out)), Some(what));
        }
        assert_eq!(What::read(&json!({"what": "nonsense", "line": 1})), None);
        assert_eq!(What::read(&json!({"what": "share", "question": 1})), None);
    }

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
