use super::Extra;
use crate::number::Num;

/// How a survey turns answers into a satisfaction percentage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    /// Σ(count × weight) / Σcount, the weights of the options.
    Weighted,
    /// 满意率: the share of answers in the first `satisfied_options` options.
    Share,
}

impl Method {
    /// The name as shown (名称).
    pub fn name(self) -> &'static str {
        match self {
            Method::Weighted => "weighted",
            Method::Share => "share",
        }
    }

    /// Reads the name used in the file (`None` for an unknown one).
    pub fn parse(text: &str) -> Option<Method> {
        match text {
            "weighted" => Some(Method::Weighted),
            "share" => Some(Method::Share),
            _ => None,
        }
    }
}

/// A 满意度调查 with its answer options and questions.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Survey {
    /// The id, unique within its scope.
    pub id: String,
    /// The name as shown (名称).
    pub name: String,
    /// 有效调查人数, when known: each question's counts should add up to it.
    pub respondents: Option<Num>,
    /// `weighted` (the default) or `share`; kept as typed so an unknown method can be reported.
    pub method: Option<String>,
    /// For `share`: how many leading options count as satisfied (default 2).
    pub satisfied_options: Option<Num>,
    /// The answer options.
    pub options: Vec<SurveyOption>,
    /// The questions.
    pub questions: Vec<Question>,
    /// Fields jixiao does not know, kept for the round trip.
    pub extra: Extra,
}

/// An answer option such as 非常满意 with its weight in percent.
#[derive(Clone, Debug, PartialEq)]
pub struct SurveyOption {
    /// The label as shown.
    pub label: String,
    /// The weight in percent.
    pub weight: Option<Num>,
    /// Fields jixiao does not know, kept for the round trip.
    pub extra: Extra,
}

/// A question with one answer count per option.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Question {
    /// The id, unique within its scope.
    pub id: String,
    /// The text as written.
    pub text: String,
    /// Answer counts, one per option.
    pub counts: Vec<Num>,
    /// Fields jixiao does not know, kept for the round trip.
    pub extra: Extra,
}
