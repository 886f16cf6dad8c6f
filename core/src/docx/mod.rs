//! The 绩效自评报告 as a Word document (.docx), written by hand on the stored-ZIP writer the
//! workbook uses, in one of two outlines ([`Outline`]): the figures and tables of the evaluation
//! as Word tables (merged cells where the form merges them), the drafted paragraphs in their
//! chapters, and a marked placeholder (`【请填写：项目背景】`) wherever only a person can write.
//! Figures are rounded as the page shows them.

mod package;
mod reference;
mod seed;
mod tables;

use crate::draft::draft;
use crate::message::Lang;
use crate::message::{t, Message};
use crate::model::Document;
use crate::scoring::Evaluation;
use package::{Body, Properties, Style};

/// The outline a report follows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Outline {
    /// 财预〔2020〕10号's 项目支出绩效评价报告（参考提纲）: 一、基本情况 … 七、其他需要说明的问题.
    #[default]
    Reference2020,
    /// The seed report's: 摘要 first, then 正文 (项目基本情况, 评价工作情况, 评价结论和绩效分析 by
    /// 决策 / 管理 / 绩效, 成本效益分析, 经验、问题和建议) and the 落款 with unit and date.
    Seed,
}

impl Outline {
    /// Every outline, the default first.
    pub const ALL: [Outline; 2] = [Outline::Reference2020, Outline::Seed];

    /// The name on the command line (`--outline 2020|seed`) and in the page's choice.
    pub fn key(self) -> &'static str {
        match self {
            Outline::Reference2020 => "2020",
            Outline::Seed => "seed",
        }
    }

    /// The outline named `key`.
    pub fn from_key(key: &str) -> Option<Outline> {
        Outline::ALL.into_iter().find(|o| o.key() == key)
    }
}

impl Message for Outline {
    fn zh(&self) -> String {
        match self {
            Outline::Reference2020 => "财预〔2020〕10号参考提纲",
            Outline::Seed => "摘要＋正文（决策、管理、绩效）",
        }
        .into()
    }

    fn en(&self) -> String {
        match self {
            Outline::Reference2020 => "Reference outline (Cai Yu [2020] No. 10)",
            Outline::Seed => "Summary + body (decision, management, performance)",
        }
        .into()
    }
}

/// The report of `doc` in `outline` as the bytes of a `.docx` file.
pub fn report(doc: &Document, eval: &Evaluation, lang: Lang, outline: Outline) -> Vec<u8> {
    let mut w = Writer::new(doc, eval, lang);
    let heading = w.title_block();
    match outline {
        Outline::Reference2020 => reference::write(&mut w),
        Outline::Seed => seed::write(&mut w),
    }
    let date = doc.meta_text("date");
    let unit = doc.meta_text("unit");
    package::package(
        w.body,
        &Properties {
            title: &heading,
            creator: &unit,
            date: if crate::date::parse_date(&date).is_some() {
                &date
            } else {
                ""
            },
            lang: lang.tag(),
        },
    )
}

/// The drafted paragraphs, chapter by chapter (see [`crate::draft`]).
struct Drafted {
    funds: Vec<String>,
    targets: Vec<String>,
    surveys: Vec<String>,
    conclusion: Vec<String>,
    problems: Vec<String>,
    /// 绩效运行监控情况 (empty without a monitoring round).
    monitoring: Vec<String>,
}

/// A report being written: the body so far and what both outlines draw from.
struct Writer<'a> {
    body: Body,
    doc: &'a Document,
    eval: &'a Evaluation,
    lang: Lang,
    drafted: Drafted,
}

impl<'a> Writer<'a> {
    fn new(doc: &'a Document, eval: &'a Evaluation, lang: Lang) -> Writer<'a> {
        let mut chapters = draft(doc, eval, lang).into_iter().map(|s| s.paragraphs);
        let mut next = || chapters.next().unwrap_or_default();
        let drafted = Drafted {
            funds: next(),
            targets: next(),
            surveys: next(),
            conclusion: next(),
            problems: next(),
            monitoring: next(),
        };
        Writer {
            body: Body::default(),
            doc,
            eval,
            lang,
            drafted,
        }
    }

    fn t(&self, zh: &'static str, en: &'static str) -> &'static str {
        t(self.lang, zh, en)
    }

    /// The title and, under it, the unit and the year; gives the title.
    fn title_block(&mut self) -> String {
        let title = self.doc.meta_text("title");
        let heading = if title.is_empty() {
            self.t(
                "项目支出绩效自评报告",
                "Project expenditure performance self-evaluation report",
            )
            .to_string()
        } else {
            format!(
                "{title}{}",
                self.t("绩效自评报告", ": performance self-evaluation report")
            )
        };
        self.body.paragraph(Style::Title, &heading);
        let unit = self.doc.meta_text("unit");
        let year = self.doc.meta_text("year");
        let subtitle = [unit.as_str(), year.as_str()]
            .iter()
            .filter(|s| !s.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(self.t("　", " · "));
        if !subtitle.is_empty() {
            self.body.paragraph(Style::Subtitle, &subtitle);
        }
        heading
    }

    fn heading(&mut self, style: Style, zh: &'static str, en: &'static str) {
        let text = self.t(zh, en);
        self.body.paragraph(style, text);
    }

    fn text(&mut self, text: &str) {
        self.body.paragraph(Style::Body, text);
    }

    /// The drafted paragraphs of one chapter (`|d| &d.funds`).
    fn drafted(&mut self, chapter: impl Fn(&Drafted) -> &Vec<String>) {
        for p in chapter(&self.drafted) {
            self.body.paragraph(Style::Body, p);
        }
    }

    /// （三）绩效运行监控情况 and its drafted paragraphs, when the document has a round (both
    /// outlines put it as the third part of their analysis).
    fn monitoring(&mut self) {
        if !self.drafted.monitoring.is_empty() {
            self.heading(
                Style::Heading2,
                "（三）绩效运行监控情况",
                "(3) Monitoring during the year",
            );
            self.drafted(|d| &d.monitoring);
        }
    }

    /// A marked line where only a person can write: `【请填写：项目背景】`.
    fn placeholder(&mut self, what: &str) {
        let text = format!(
            "{}{what}{}",
            self.t("【请填写：", "[To be written: "),
            self.t("】", "]")
        );
        self.body.paragraph(Style::Placeholder, &text);
    }

    /// The document's overall goal as written, else a placeholder asking for `what`.
    fn goal(&mut self, what: &str) {
        let goal = self.doc.meta_text("goal");
        if goal.trim().is_empty() {
            self.placeholder(what);
        } else {
            self.text(&goal);
        }
    }

    /// 项目支出明细表 with its caption (the document's money unit in it).
    fn budget(&mut self) {
        let name = self.t("项目支出明细表", "Budget lines");
        let money = self.doc.meta_text("money_unit");
        let caption = if money.is_empty() {
            name.to_string()
        } else {
            format!(
                "{name}{}{money}{}",
                self.t("（单位：", " (unit: "),
                self.t("）", ")")
            )
        };
        self.body.paragraph(Style::Caption, &caption);
        self.body
            .table(&tables::budget_table(self.doc, self.eval, self.lang));
    }

    /// 项目绩效指标体系得分情况.
    fn scores(&mut self) {
        self.heading(
            Style::Caption,
            "项目绩效指标体系得分情况",
            "Scores by first-level indicator",
        );
        self.body
            .table(&tables::scores_table(self.doc, self.eval, self.lang));
        if let Some(bands) = tables::grade_bands(self.doc, self.eval, self.lang) {
            self.text(&bands);
        }
    }

    /// The 自评表.
    fn form(&mut self) {
        self.heading(Style::Caption, "项目支出绩效自评表", "Self-evaluation form");
        self.body
            .table(&tables::form_table(self.doc, self.eval, self.lang));
        if let Some(note) = tables::linear_note(self.doc, self.lang) {
            self.text(&note);
        }
    }

    /// The drafted survey paragraphs and each survey's 满意度调查问卷统计表.
    fn surveys(&mut self) {
        self.drafted(|d| &d.surveys);
        for (caption, table, note) in tables::survey_tables(self.doc, self.eval, self.lang) {
            self.body.paragraph(Style::Caption, &caption);
            self.body.table(&table);
            if let Some(note) = note {
                self.text(&note);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text of one part of the package (entries are stored, so their XML is in the bytes).
    fn part<'a>(package: &'a str, open: &str, close: &str) -> &'a str {
        let start = package.find(open).unwrap();
        let end = package[start..].find(close).unwrap() + start + close.len();
        &package[start..end]
    }

    fn values<'a>(xml: &'a str, attribute: &str) -> Vec<&'a str> {
        xml.split(attribute)
            .skip(1)
            .map(|rest| &rest[..rest.find('"').unwrap()])
            .collect()
    }

    #[test]
    fn what_word_and_wps_enforce_holds() {
        for outline in Outline::ALL {
            for lang in [Lang::Zh, Lang::En] {
                word_rules(outline, lang);
            }
        }
    }

    fn word_rules(outline: Outline, lang: Lang) {
        let doc =
            crate::format::read_str(include_str!("../../../tests/data/kunming-2022.json")).unwrap();
        let eval = crate::audit::audit(&doc);
        let bytes = report(&doc, &eval, lang, outline);
        let package = String::from_utf8_lossy(&bytes);
        let document = part(&package, "<w:document", "</w:document>");
        let styles = part(&package, "<w:styles", "</w:styles>");
        // Every table cell ends with a paragraph.
        assert_eq!(
            document.matches("<w:tc>").count(),
            document.matches("</w:p></w:tc>").count()
        );
        // Every table's grid sums to the width its cells fill, row by row.
        for table in document.split("<w:tbl>").skip(1) {
            let table = &table[..table.find("</w:tbl>").unwrap()];
            let grid: u32 = values(table, "<w:gridCol w:w=\"")
                .iter()
                .map(|w| w.parse::<u32>().unwrap())
                .sum();
            assert_eq!(grid, package::TEXT_WIDTH);
            for row in table.split("<w:tr>").skip(1) {
                let cells: u32 = values(row, "<w:tcW w:w=\"")
                    .iter()
                    .map(|w| w.parse::<u32>().unwrap())
                    .sum();
                assert_eq!(cells, grid, "{row}");
            }
        }
        // Every style referenced is defined.
        let defined = values(styles, "w:styleId=\"");
        for used in values(document, "<w:pStyle w:val=\"") {
            assert!(defined.contains(&used), "{used}");
        }
        // No field that needs updating (a table of contents, a reference): only the page number.
        assert!(!document.contains("fldChar") && !document.contains("fldSimple"));
        let footer = part(&package, "<w:ftr", "</w:ftr>");
        assert_eq!(values(footer, "w:instr=\""), [" PAGE "]);
    }

    #[test]
    fn the_same_document_gives_the_same_bytes() {
        let doc =
            crate::format::read_str(include_str!("../../../tests/data/kunming-2022.json")).unwrap();
        let eval = crate::audit::audit(&doc);
        for outline in Outline::ALL {
            let a = report(&doc, &eval, Lang::Zh, outline);
            assert_eq!(a, report(&doc, &eval, Lang::Zh, outline));
            assert_eq!(&a[..2], b"PK");
        }
    }

    #[test]
    fn outlines_are_named_as_on_the_command_line() {
        assert_eq!(Outline::from_key("2020"), Some(Outline::Reference2020));
        assert_eq!(Outline::from_key("seed"), Some(Outline::Seed));
        assert_eq!(Outline::from_key("2011"), None);
        assert_eq!(Outline::default(), Outline::Reference2020);
    }
}
