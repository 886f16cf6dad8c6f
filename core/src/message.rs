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

/// A message built once from its parts and rendered in either language, as numbat's markup is:
/// which parts a message has (its branches and loops) is decided once, and only the words of each
/// part differ by language. A part is a pair of templates whose `{name}` slots are filled with the
/// same arguments (an argument may itself be worded per language).
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Markup {
    parts: Vec<(Text, Vec<(&'static str, Arg)>)>,
}

/// An argument of a [`Markup`] part: the same in both languages (a figure, a name), or worded
/// per language.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Arg {
    Same(String),
    Each(String, String),
}

impl Arg {
    /// The argument as a message words it.
    pub(crate) fn of(message: &dyn Message) -> Arg {
        Arg::Each(message.zh(), message.en())
    }

    fn get(&self, lang: Lang) -> &str {
        match (self, lang) {
            (Arg::Same(s), _) | (Arg::Each(s, _), Lang::Zh) | (Arg::Each(_, s), Lang::En) => s,
        }
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Same(s)
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Same(s.to_string())
    }
}

impl Markup {
    /// Adds a part: its templates and the arguments of their slots.
    pub(crate) fn push(&mut self, words: Text, args: Vec<(&'static str, Arg)>) -> &mut Markup {
        self.parts.push((words, args));
        self
    }

    /// The message in `lang`: each part's template with its slots filled.
    pub(crate) fn render(&self, lang: Lang) -> String {
        let mut out = String::new();
        for (words, args) in &self.parts {
            let mut rest = words.get(lang);
            while let Some(open) = rest.find('{') {
                let (before, from) = rest.split_at(open);
                out.push_str(before);
                let Some(close) = from.find('}') else {
                    out.push_str(from);
                    rest = "";
                    break;
                };
                let name = from.get(1..close).unwrap_or_default();
                match args.iter().find(|(n, _)| *n == name) {
                    Some((_, arg)) => out.push_str(arg.get(lang)),
                    None => out.push_str(from.get(..=close).unwrap_or_default()),
                }
                rest = from.get(close.saturating_add(1)..).unwrap_or_default();
            }
            out.push_str(rest);
        }
        out
    }
}

impl Message for Markup {
    fn zh(&self) -> String {
        self.render(Lang::Zh)
    }

    fn en(&self) -> String {
        self.render(Lang::En)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_fills_the_same_slots_in_either_order() {
        let mut m = Markup::default();
        m.push(
            Text(
                "工作表“{sheet}”，指标 {n} 个",
                "sheet \"{sheet}\", {n} indicator(s)",
            ),
            vec![("sheet", "表1".into()), ("n", "3".into())],
        )
        .push(
            Text("，{unit}", ", {unit}"),
            vec![("unit", Arg::Each("万元".into(), "10k yuan".into()))],
        )
        .push(Text("。", "."), vec![]);
        assert_eq!(m.zh(), "工作表“表1”，指标 3 个，万元。");
        assert_eq!(m.en(), "sheet \"表1\", 3 indicator(s), 10k yuan.");
        // A slot with no argument is left as written.
        let mut odd = Markup::default();
        odd.push(Text("{x} {", "{x} {"), vec![]);
        assert_eq!(odd.zh(), "{x} {");
    }
}
