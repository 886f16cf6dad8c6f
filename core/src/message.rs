//! Text for people, in Chinese and English: one trait that every message of the core (findings,
//! load errors, path and seek errors) and the page's notices implement.

use std::fmt;

/// The language messages are shown in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Hash)]
pub enum Lang {
    /// 中文 (the default).
    #[default]
    Zh,
    /// English.
    En,
}

impl Lang {
    /// `zh` or `en`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    /// The language's tag for `<html lang>`: `zh-CN` or `en`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    /// The language's name in itself (the switch to it says so): `中文`, `English`.
    pub fn name(self) -> &'static str {
        match self {
            Lang::Zh => "中文",
            Lang::En => "English",
        }
    }

    /// The other language.
    pub fn other(self) -> Lang {
        match self {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        }
    }

    /// Reads `zh` / `en` (and `中文` / `english`).
    pub fn parse(text: &str) -> Option<Lang> {
        match text.trim().to_ascii_lowercase().as_str() {
            "zh" | "中文" | "zh-cn" => Some(Lang::Zh),
            "en" | "english" => Some(Lang::En),
            _ => None,
        }
    }
}

/// A message that reads well in both languages.
pub trait Message {
    /// The Chinese text.
    fn zh(&self) -> String;

    /// The English text.
    fn en(&self) -> String;

    /// The text in `lang`: the only place a language is chosen.
    fn text(&self, lang: Lang) -> String {
        match lang {
            Lang::Zh => self.zh(),
            Lang::En => self.en(),
        }
    }

    /// Both texts, for a `Display` that speaks to everyone: `中文 / English`.
    fn fmt_both(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} / {}", self.zh(), self.en())
    }
}

/// The text in the chosen language (a fixed pair: labels, headings).
pub fn t(lang: Lang, zh: &'static str, en: &'static str) -> &'static str {
    Text(zh, en).get(lang)
}

/// A fixed pair of texts (labels, headings, notices).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Text(pub &'static str, pub &'static str);

impl Text {
    /// The text in `lang`, without allocating.
    pub fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.0,
            Lang::En => self.1,
        }
    }
}

impl Message for Text {
    fn zh(&self) -> String {
        self.0.to_string()
    }

    fn en(&self) -> String {
        self.1.to_string()
    }
}
