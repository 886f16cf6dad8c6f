//! What a reader gives: the document read, and what reading found, as the page says it after an
//! import.

use crate::message::{Arg, Markup, Message, Text};
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
    /// Read from a 申报表: its targets are recorded as declared.
    pub declaration: bool,
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
    /// A report that does not say how its survey is scored, whose printed satisfaction only the
    /// share of these options' answers gives: scored that way.
    ShareInferred {
        /// The options counted as satisfied.
        options: Vec<String>,
    },
}

impl Message for ReadNote {
    fn zh(&self) -> String {
        match self {
            ReadNote::NoTable => "文档中没有可识别的表格（支出明细、满意度统计、得分情况或自评表），只核对正文中的数字。".into(),
            ReadNote::DefaultWeights { options } => format!(
                "满意度统计表的“分数”行推算不出选项“{}”的权重，按默认权重（非常满意100、满意80、一般60、不满意20、很不满意0）计算。",
                options.join("、")
            ),
            ReadNote::NoRoundDate => "监控表中没有截至日期（标题中的“截至…日”或“1-N月”与年度），请在监控页填写截至日期。".into(),
            ReadNote::ShareInferred { options } => format!(
                "报告未说明满意度的计算方法；印出的满意度只有按满意率（回答“{}”的人数占答卷人数的比例）才能算出，已按满意率计算。",
                options.join("”“")
            ),
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
            ReadNote::ShareInferred { options } => format!(
                "the report does not say how its satisfaction is computed; the satisfaction it prints is only the share of answers {}, so it is scored that way.",
                options.iter().map(|o| format!("“{o}”")).collect::<Vec<_>>().join(", ")
            ),
        }
    }
}

/// What was read, as the page says it after an import.
impl Summary {
    fn markup(&self) -> Markup {
        let n = |v: usize| Arg::Same(v.to_string());
        let mut m = Markup::default();
        if let Some(as_of) = &self.round {
            m.push(
                Text(
                    "执行监控表（工作表“{sheet}”，截至 {as_of}）：预算明细 {lines} 行，指标 {indicators} 个，其中 {inferred} 个的计分方式是从所写内容推断的（请确认）。",
                    "monitoring form (sheet \"{sheet}\", as of {as_of}): {lines} budget line(s), {indicators} indicator(s), {inferred} of whose rules were inferred from what is written (confirm them).",
                ),
                vec![
                    ("sheet", self.sheet.as_str().into()),
                    ("as_of", as_of.as_deref().unwrap_or("—").into()),
                    ("lines", n(self.budget_lines)),
                    ("indicators", n(self.indicators)),
                    ("inferred", n(self.inferred)),
                ],
            );
        } else if self.declaration {
            m.push(
                Text(
                    "绩效目标申报表（工作表“{sheet}”）：指标 {indicators} 个，年度指标值已记录为申报目标；绩效目标审核的意见见问题清单。",
                    "performance targets form (sheet \"{sheet}\"): {indicators} indicator(s), their annual targets recorded as declared; the target review is among the findings.",
                ),
                vec![
                    ("sheet", self.sheet.as_str().into()),
                    ("indicators", n(self.indicators)),
                ],
            );
        } else if self.report {
            m.push(
                Text(
                    "Word 报告：预算明细 {lines} 行，满意度调查 {surveys} 个，指标 {indicators} 个，印出的 {claims} 个数字作为核对依据。",
                    "Word report: {lines} budget line(s), {surveys} survey(s), {indicators} indicator(s), {claims} printed figure(s) kept to check against.",
                ),
                vec![
                    ("lines", n(self.budget_lines)),
                    ("surveys", n(self.surveys)),
                    ("indicators", n(self.indicators)),
                    ("claims", n(self.claims)),
                ],
            );
        } else {
            m.push(
                Text(
                    "工作表“{sheet}”，预算明细 {lines} 行，指标 {indicators} 个，其中 {inferred} 个的计分方式是从所写内容推断的（见问题清单中的“提示”，请确认），表中印出的 {claims} 个数字作为核对依据。",
                    "sheet \"{sheet}\", {lines} budget line(s), {indicators} indicator(s), {inferred} of whose rules were inferred from what is written (see the notes among the findings and confirm them), {claims} printed figure(s) kept to check against.",
                ),
                vec![
                    ("sheet", self.sheet.as_str().into()),
                    ("lines", n(self.budget_lines)),
                    ("indicators", n(self.indicators)),
                    ("inferred", n(self.inferred)),
                    ("claims", n(self.claims)),
                ],
            );
            return m;
        }
        for note in &self.notes {
            m.push(Text("{note}", " {note}"), vec![("note", Arg::of(note))]);
        }
        m
    }
}

impl Message for Summary {
    fn zh(&self) -> String {
        self.markup().zh()
    }

    fn en(&self) -> String {
        self.markup().en()
    }
}
