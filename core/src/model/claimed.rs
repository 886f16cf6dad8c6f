//! What a printed report or form says the figures are (`claimed`): the ones a person copied into
//! the file (`total`, `grade`, `execution_rate`, `satisfaction`, `scores`) and every figure read
//! from a Word report with where it was printed (`printed`). Each is kept as printed (`84.28%`,
//! `优`, `9`): the audit compares it with the computed figure at the precision printed.

use super::Extra;
use crate::message::{Arg, Markup, Message, Text};
use rust_decimal::Decimal;

/// The claims of a document (`claimed`, optional in `jixiao/1`).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Claimed {
    /// 总分 as printed.
    pub total: Option<String>,
    /// 等级 as printed.
    pub grade: Option<String>,
    /// 预算执行率 as printed.
    pub execution_rate: Option<String>,
    /// 满意度 as printed.
    pub satisfaction: Option<String>,
    /// Each leaf's 得分 as printed, by leaf id, in the order written (`scores.<leaf id>`).
    pub scores: Vec<(String, String)>,
    /// The figures read from a Word report, in the order printed.
    pub printed: Vec<PrintedEntry>,
    /// Fields jixiao does not know, kept for the round trip.
    pub extra: Extra,
}

impl Claimed {
    /// Whether it claims nothing at all.
    pub fn is_empty(&self) -> bool {
        self.total.is_none()
            && self.grade.is_none()
            && self.execution_rate.is_none()
            && self.satisfaction.is_none()
            && self.scores.is_empty()
            && self.printed.is_empty()
            && self.extra.is_empty()
    }

    /// The figures the file claims by name, each with what it is, in the order of the format
    /// (the four document figures, then the leaves' scores).
    pub fn named(&self) -> impl Iterator<Item = (What, &str)> + '_ {
        let figures = [
            (What::Total, &self.total),
            (What::Grade, &self.grade),
            (What::ExecutionRate, &self.execution_rate),
            (What::Satisfaction, &self.satisfaction),
        ];
        figures
            .into_iter()
            .filter_map(|(what, text)| Some((what, text.as_deref()?)))
            .chain(
                self.scores
                    .iter()
                    .map(|(id, text)| (What::LeafScore(id.clone()), text.as_str())),
            )
    }

    /// The claim of a named figure (`total`, a leaf's score), to read or write.
    pub fn named_mut(&mut self, what: &What) -> Option<&mut Option<String>> {
        match what {
            What::Total => Some(&mut self.total),
            What::Grade => Some(&mut self.grade),
            What::ExecutionRate => Some(&mut self.execution_rate),
            What::Satisfaction => Some(&mut self.satisfaction),
            _ => None,
        }
    }

    /// The printed score claimed for leaf `id` (the first of that id).
    pub fn score(&self, id: &str) -> Option<&str> {
        self.scores
            .iter()
            .find(|(i, _)| i == id)
            .map(|(_, s)| s.as_str())
    }

    /// Sets the printed score of leaf `id` (the first of that id), or adds one.
    pub fn set_score(&mut self, id: &str, text: String) {
        match self.scores.iter_mut().find(|(i, _)| i == id) {
            Some((_, s)) => *s = text,
            None => self.scores.push((id.to_string(), text)),
        }
    }

    /// The printed figures jixiao can read, with their positions in `printed` (an entry it
    /// cannot read is passed over, keeping the others' positions).
    pub fn readable(&self) -> impl Iterator<Item = (usize, &Printed)> + '_ {
        self.printed
            .iter()
            .enumerate()
            .filter_map(|(i, e)| match e {
                PrintedEntry::Read(p) => Some((i, p)),
                PrintedEntry::Unread(_) => None,
            })
    }

    /// Adds what `other` claims that this does not (the first claim of a figure stands).
    pub fn merge(&mut self, other: Claimed) {
        for (mine, theirs) in [
            (&mut self.total, other.total),
            (&mut self.grade, other.grade),
            (&mut self.execution_rate, other.execution_rate),
            (&mut self.satisfaction, other.satisfaction),
        ] {
            if mine.is_none() {
                *mine = theirs;
            }
        }
        for (id, text) in other.scores {
            if self.score(&id).is_none() {
                self.scores.push((id, text));
            }
        }
        self.printed.extend(other.printed);
        for (k, v) in other.extra {
            self.extra.entry(k).or_insert(v);
        }
    }
}

/// One entry of `claimed.printed`.
#[derive(Clone, Debug, PartialEq)]
pub enum PrintedEntry {
    /// A printed figure jixiao reads.
    Read(Printed),
    /// An entry jixiao cannot read (another version's kind of figure): kept as written.
    Unread(serde_json::Value),
}

/// One printed figure and where it was printed.
#[derive(Clone, Debug, PartialEq)]
pub struct Printed {
    /// What it is.
    pub what: What,
    /// The figure as printed (`84.28%`, `优`, `10`).
    pub value: String,
    /// The heading it was printed under (`摘要 › 三、经验、问题和建议`), or the table's title.
    pub place: String,
    /// The sentence it was printed in, or the table row.
    pub sentence: String,
    /// Fields jixiao does not know, kept for the round trip.
    pub extra: Extra,
}

impl Printed {
    /// A figure printed in `sentence` under `place`.
    pub fn new(what: What, value: impl Into<String>, place: &str, sentence: &str) -> Printed {
        Printed {
            what,
            value: value.into(),
            place: place.to_string(),
            sentence: sentence.to_string(),
            extra: Extra::new(),
        }
    }
}

/// What a printed or claimed figure is.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum What {
    /// 自评得分 (the total).
    Total,
    /// 评定等级.
    Grade,
    /// 预算执行率 / 为预算金额的 x%.
    ExecutionRate,
    /// 资金到位率.
    ArrivalRate,
    /// The 满意度.
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
    /// One leaf's 得分 (by id): `claimed.scores`.
    LeafScore(String),
    /// A question's share of one option (question 0-based; `None` for the 合计 row).
    Share(Option<usize>, usize),
    /// A question's 分数 of one option, on a scale of `per` points a question.
    OptionScore(Option<usize>, usize, Decimal),
    /// A question's 分数 (its satisfaction on a scale of `per` points).
    QuestionScore(usize, Decimal),
    /// The 预警 a monitoring form prints for the round of `as_of`: of a leaf (by id), or of the
    /// budget (`None`).
    Light {
        /// The round's date.
        as_of: String,
        /// The leaf's id; `None` for the budget's light.
        leaf: Option<String>,
    },
}

impl What {
    /// Its kind as written in the file (`execution_rate`, `share`, `line_balance`); for the
    /// figures claimed by name, the key of `claimed`.
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
            What::LeafScore(_) => "scores",
            What::Share(..) => "share",
            What::OptionScore(..) => "option_score",
            What::QuestionScore(..) => "question_score",
            What::Light { .. } => "light",
        }
    }

    /// The figure a file claims by this key of `claimed` (`total`, `grade`, `execution_rate`,
    /// `satisfaction`; the leaves' scores are named by id under `scores`).
    pub fn named(key: &str) -> Option<What> {
        match key {
            "total" => Some(What::Total),
            "grade" => Some(What::Grade),
            "execution_rate" => Some(What::ExecutionRate),
            "satisfaction" => Some(What::Satisfaction),
            _ => None,
        }
    }

    /// Whether two printings of it with two values are a finding (the figures of the prose;
    /// table cells are each a different figure).
    pub fn once(&self) -> bool {
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
            What::LeafScore(id) => format!("指标 {id} 的得分"),
            What::Share(q, o) => format!("{}选项{}的占比", question_zh(*q), o.saturating_add(1)),
            What::OptionScore(q, o, _) => {
                format!("{}选项{}的分数", question_zh(*q), o.saturating_add(1))
            }
            What::QuestionScore(q, _) => format!("第{}题的分数", q.saturating_add(1)),
            What::Light { leaf: Some(_), .. } => "预警".into(),
            What::Light { leaf: None, .. } => "预算执行的预警".into(),
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
            What::LeafScore(id) => format!("score of indicator {id}"),
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
            What::Light { leaf: Some(_), .. } => "light".into(),
            What::Light { leaf: None, .. } => "light of the budget's execution".into(),
        }
    }
}

impl What {
    /// What it is, with the column or line it was printed in named where it is known
    /// (`第1题“不满意”的分数`, `“培训费”的结余`); else as [`Message`] says it.
    pub(crate) fn named_in(&self, column: Option<&str>) -> Markup {
        let mut m = Markup::default();
        let question = |q: &Option<usize>| Arg::Each(question_zh(*q), question_en(*q));
        match (self, column) {
            (What::Share(q, _), Some(label)) => m.push(
                Text("{q}“{label}”的占比", "share of “{label}” in {q}"),
                vec![("q", question(q)), ("label", label.into())],
            ),
            (What::OptionScore(q, _, _), Some(label)) => m.push(
                Text("{q}“{label}”的分数", "score of “{label}” in {q}"),
                vec![("q", question(q)), ("label", label.into())],
            ),
            (What::LineBalance(_), Some(line)) => m.push(
                Text("“{line}”的结余", "balance of “{line}”"),
                vec![("line", line.into())],
            ),
            _ => m.push(Text("{what}", "{what}"), vec![("what", Arg::of(self))]),
        };
        m
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
