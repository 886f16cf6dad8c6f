//! What a reader gives: the document read, and what reading found, as the page says it after an
//! import.

use crate::model::Document;

/// What was read from a form, and what was inferred.
#[derive(Clone, Debug)]
pub struct FormRead {
    /// The document.
    pub doc: Document,
    /// What was read, in numbers.
    pub summary: Summary,
}

/// What reading found: shown to the user after an import.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// The sheet the form was read from.
    pub sheet: String,
    /// Budget lines read.
    pub budget_lines: usize,
    /// Indicators (leaves) read.
    pub indicators: usize,
    /// Rules inferred from what is written.
    pub inferred: usize,
    /// Printed figures kept as claims.
    pub claims: usize,
    /// Read from a Word report (`.docx`) rather than a workbook.
    pub report: bool,
    /// Surveys read (a report's 满意度 statistics tables).
    pub surveys: usize,
    /// What the reader could not do as asked and did instead.
    pub notes: Vec<ReadNote>,
    /// Read from a 执行监控表: the round's date (`None` when the form says none).
    pub round: Option<Option<String>>,
}

/// Something a reader says about what it read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadNote {
    /// A report with no table jixiao recognises: only the figures of its prose are checked.
    NoTable,
    /// The 分数 rows of a survey table did not give these options' weights: the defaults are used.
    DefaultWeights {
        /// The options' labels.
        options: Vec<String>,
    },
    /// A 执行监控表 that says neither its date nor its months and year: the round has no date.
    NoRoundDate,
}

impl crate::message::Message for ReadNote {
    fn zh(&self) -> String {
        match self {
            ReadNote::NoTable => "文档中没有可识别的表格（支出明细、满意度统计、得分情况或自评表），只核对正文中的数字。".into(),
            ReadNote::DefaultWeights { options } => format!(
                "满意度统计表的“分数”行推算不出选项“{}”的权重，按默认权重（非常满意100、满意80、一般60、不满意20、很不满意0）计算。",
                options.join("、")
            ),
            ReadNote::NoRoundDate => "监控表中没有截至日期（标题中的“截至…日”或“1-N月”与年度），请在监控页填写截至日期。".into(),
        }
    }

    fn en(&self) -> String {
        match self {
            ReadNote::NoTable => "the document has no table jixiao recognises (budget lines, survey statistics, scores or the form): only the figures of its prose are checked.".into(),
            ReadNote::DefaultWeights { options } => format!(
                "the survey table's score rows do not give the weights of {}: the default weights are used (100, 80, 60, 20, 0).",
                options.join(", ")
            ),
            ReadNote::NoRoundDate => "the monitoring form gives no date (neither \"截至…\" in its title nor the months 1-N and a year): enter the round's date.".into(),
        }
    }
}

/// What was read, as the page says it after an import.
impl crate::message::Message for Summary {
    fn zh(&self) -> String {
        if let Some(as_of) = &self.round {
            let mut text = format!(
                "执行监控表（工作表“{}”，截至 {}）：预算明细 {} 行，指标 {} 个，其中 {} 个的计分方式是从所写内容推断的（请确认）。",
                self.sheet,
                as_of.as_deref().unwrap_or("—"),
                self.budget_lines,
                self.indicators,
                self.inferred
            );
            for note in &self.notes {
                text.push_str(&note.zh());
            }
            return text;
        }
        if self.report {
            let mut text = format!(
                "Word 报告：预算明细 {} 行，满意度调查 {} 个，指标 {} 个，印出的 {} 个数字作为核对依据。",
                self.budget_lines, self.surveys, self.indicators, self.claims
            );
            for note in &self.notes {
                text.push_str(&note.zh());
            }
            return text;
        }
        format!(
            "工作表“{}”，预算明细 {} 行，指标 {} 个，其中 {} 个的计分方式是从所写内容推断的（见问题清单中的“提示”，请确认），表中印出的 {} 个数字作为核对依据。",
            self.sheet, self.budget_lines, self.indicators, self.inferred, self.claims
        )
    }

    fn en(&self) -> String {
        if let Some(as_of) = &self.round {
            let mut text = format!(
                "monitoring form (sheet \"{}\", as of {}): {} budget line(s), {} indicator(s), {} of whose rules were inferred from what is written (confirm them).",
                self.sheet,
                as_of.as_deref().unwrap_or("—"),
                self.budget_lines,
                self.indicators,
                self.inferred
            );
            for note in &self.notes {
                text.push(' ');
                text.push_str(&note.en());
            }
            return text;
        }
        if self.report {
            let mut text = format!(
                "Word report: {} budget line(s), {} survey(s), {} indicator(s), {} printed figure(s) kept to check against.",
                self.budget_lines, self.surveys, self.indicators, self.claims
            );
            for note in &self.notes {
                text.push(' ');
                text.push_str(&note.en());
            }
            return text;
        }
        format!(
            "sheet \"{}\", {} budget line(s), {} indicator(s), {} of whose rules were inferred from what is written (see the notes among the findings and confirm them), {} printed figure(s) kept to check against.",
            self.sheet, self.budget_lines, self.indicators, self.inferred, self.claims
        )
    }
}
